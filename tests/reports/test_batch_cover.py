"""A combined batch PDF opens with a cover and a table of contents, and has a bookmark per agreement that lands on
that agreement's first page; long agency names wrap in the contents without pushing the page numbers wrong."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader

from evaluator_app.domain.rating import Rating
from evaluator_app.reports.batch import agreements_of_year, print_batch
from evaluator_app.reports.batch_cover import CONTENTS_BOOKMARK, COVER_BOOKMARK
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_ratings

from .builders import small_agreement
from .helpers import comparable, render_pages
from .test_batch import fill

# 60-90 characters each, as agencies are named with their ministry.
AGENCIES = [f"{n:02d} " + name for n, name in enumerate((
    "สำนักงานส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
    "กรมส่งเสริมการปกครองท้องถิ่น กระทรวงมหาดไทย สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
    "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม ส่วนกลางและส่วนภูมิภาค",
    "กรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน กระทรวงพลังงาน สำนักงานพลังงานจังหวัดทุกจังหวัด",
) * 3, start=1)]


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", comparable(text))


def thai(text: str) -> str:
    """Squashed, in Thai digits: as the volume prints it by default."""
    return squashed(text).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def year_of_drafts(workspace, workspace_path: Path, tmp_path: Path) -> Path:
    with workspace.transaction():
        for agency in AGENCIES:
            stored = add_agreement(workspace, small_agreement(agency), actor="sec")
            record_ratings(workspace, stored.id, [(Rating("1", 12, result=D(90)), None, None)], actor="sec")
    out = tmp_path / "volume.pdf"
    result = print_batch(workspace_path, agreements_of_year(workspace, 2569), out, combined=True, draft=True,
                         actor="sec")
    assert result.combined == out and not result.failed
    return out


def test_cover_contents_and_a_bookmark_per_agreement_on_its_first_page(workspace, workspace_path, tmp_path):
    reader = PdfReader(str(year_of_drafts(workspace, workspace_path, tmp_path)))
    pages = [squashed(page.extract_text()) for page in reader.pages]
    cover = pages[0]
    for expected in ("รายงานผลการประเมินผลการปฏิบัติราชการ", "ประจำปีงบประมาณพ.ศ.๒๕๖๙", "รอบการประเมิน๑๒เดือน",
                     "รวมเล่ม๑๒ส่วนราชการ", "ฉบับร่าง๑๒ฉบับ"):
        assert expected in cover, expected
    marks = bookmarks(reader)
    assert marks[:2] == [(COVER_BOOKMARK, 0), (CONTENTS_BOOKMARK, 1)]
    assert len(marks) == 2 + len(AGENCIES)
    ordered = sorted(AGENCIES)  # the batch prints by agency name
    contents_end = marks[2][1]
    contents = "".join(pages[1:contents_end])
    assert contents.startswith("สารบัญ") or "สารบัญ" in contents
    position = 0
    for number, ((title, page), agency) in enumerate(zip(marks[2:], ordered, strict=True), start=1):
        assert thai(agency) in squashed(title)
        first = pages[page]
        assert "หน้า๑/" in first and thai(agency) in first, (agency, page)
        # Each row of the contents: number, agency, the page the bookmark lands on (1-based), in order.
        row = thai(f"{number}. {agency}")
        found = contents.find(row, position)
        assert found >= 0, agency
        position = found + len(row)
        assert contents[position:].startswith(thai(str(page + 1))), (agency, page)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_volume_of_issued_reports_lists_their_codes(workspace, workspace_path, tmp_path):
    ids = fill(workspace, 3)
    out = tmp_path / "issued.pdf"
    result = print_batch(workspace_path, ids, out, combined=True, digits="arabic", actor="sec")
    if result.failed:  # the committee's figures are needed to issue; nothing to bind then
        return
    reader = PdfReader(str(out))
    contents = squashed(reader.pages[1].extract_text())
    codes = re.findall(r"รหัสตรวจสอบ((?:[0-9a-f]{4}){4})", squashed(reader.pages[2].extract_text()))
    assert codes and codes[0] in contents
    assert len(render_pages(out, tmp_path)) == len(reader.pages)
