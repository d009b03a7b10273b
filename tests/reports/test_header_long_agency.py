"""The running header names the agency in full on every page of every paper that carries it, its lines broken
between words (never inside a number), above the text and never over it; a header too long even for two lines
takes smaller type, then lowers the text under its lines; a paper issued with the old one-line header still
verifies."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape

from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.reports.batch import agreements_of_year, print_batch
from evaluator_app.reports.document import build_pdf
from evaluator_app.reports.furniture import HEADER_DESCENT, HEADER_FLOOR, TEXT_TOP, PageFurniture, earlier_layout
from evaluator_app.reports.minutes import write_minutes
from evaluator_app.reports.papers import make_agreement_paper, make_evaluation_report
from evaluator_app.reports.printed import page_runs
from evaluator_app.reports.thai_lines import ThaiParagraph, segment_words
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.versions import agree_version, save_version
from tests.conftest import example_agreement

from .builders import self_assessed
from .helpers import comparable, pdftotext_raw, render_pages

SESSION = "ครั้งที่ 1/2569"
# 94 characters: a regional office named with its parent body, as such offices are.
LONG_AGENCY = ("สำนักงานคณะกรรมการพัฒนาระบบราชการและการบริหารจัดการภาครัฐแห่งชาติ"
               "ส่วนภูมิภาคเขตตะวันออกเฉียงเหนือตอนบน")
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", comparable(text))


def _page_texts(path: Path) -> list[str]:
    return [squashed(page.extract_text()) for page in PdfReader(str(path)).pages]


def assert_full_on_every_page(path: Path, name: str) -> None:
    """`name` read back whole from every page, by pypdf and by poppler (form feeds part poppler's pages)."""
    want = squashed(name)
    pages = _page_texts(path)
    assert pages
    for number, text in enumerate(pages, start=1):
        assert want in text, f"page {number} lacks the full name"
    poppler = pdftotext_raw(path).split("\f")
    for number, text in enumerate(poppler[:len(pages)], start=1):
        assert want in squashed(text), f"page {number} (poppler) lacks the full name"
    assert "…" not in "".join(pages[:1])[:200]


def assert_broken_between_words(header: str, lines: tuple[str, ...]) -> None:
    """The lines give the header back, and each break falls where one word ends and the next begins; never
    between two digits."""
    flat = header.replace(" ", "")
    assert "".join(lines).replace(" ", "") == flat
    ends, at = set(), 0
    for word in segment_words(header):
        at += len(word.replace(" ", ""))
        ends.add(at)
    at = 0
    for line, following in itertools.pairwise(lines):
        at += len(line.replace(" ", ""))
        assert at in ends, f"a line breaks inside a word: {line!r} / {following!r}"
        digit = re.compile(f"[0-9{THAI_DIGITS}]")
        assert not (digit.match(line[-1]) and digit.match(following[0])), "a number is cut"


def header_and_body(path: Path, furniture: PageFurniture) -> None:
    """On every page the header's lowest line stays above the text frame and the text starts under it."""
    reader = PdfReader(str(path))
    for page, runs in zip(reader.pages, page_runs(path.read_bytes()), strict=True):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        layout = furniture.header_layout(width, furniture.top, len(reader.pages))
        frame_top = height - furniture.top_margin((width, height))
        heads = [r for r in runs if r.y > frame_top]
        body = [r for r in runs if r.y <= frame_top and r.y > 60]  # above the footer's rule
        assert len({round(r.y, 1) for r in heads}) == len(layout.lines)
        lowest = min(r.y for r in heads)
        assert lowest - layout.size * HEADER_DESCENT >= frame_top
        if body:  # the first baseline sits a line's ascent (16 pt type or more) under the frame's top
            assert max(r.y for r in body) <= frame_top - 6 - 10


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_the_evaluation_report_and_the_agreement_name_a_long_agency_in_full_on_every_page(
        workspace, tmp_path, digits):
    agreement_id = self_assessed(workspace, agency=LONG_AGENCY)
    report = tmp_path / "report.pdf"
    made = make_evaluation_report(workspace, agreement_id, report, digits=digits, actor="sec")
    assert made.pages >= 2
    assert_full_on_every_page(report, LONG_AGENCY)
    paper = tmp_path / "agreement.pdf"
    make_agreement_paper(workspace, agreement_id, paper, digits=digits, actor="sec")
    assert_full_on_every_page(paper, LONG_AGENCY)
    year = "2569" if digits == "arabic" else "๒๕๖๙"
    for path in (report, paper):
        for text in _page_texts(path):
            assert squashed(f"{LONG_AGENCY} ปีงบประมาณ พ.ศ. {year}") in text  # the year after it, whole
        assert verify_pdf(workspace, path).ok
    # The agreement's header: 148 characters, two lines beside a portrait page's number.
    furniture = PageFurniture(header=f"คำรับรองการปฏิบัติราชการ {LONG_AGENCY} ปีงบประมาณ พ.ศ. {year}", digits=digits)
    layout = furniture.header_layout(A4[0], furniture.top)
    assert len(layout.lines) == 2
    assert_broken_between_words(furniture.header, layout.lines)
    header_and_body(paper, furniture)


def test_minutes_and_a_batch_volume_carry_the_full_name(workspace, workspace_path, tmp_path):
    stored = add_agreement(workspace, example_agreement(LONG_AGENCY), actor="sec").id
    base = example_agreement(LONG_AGENCY).indicators
    save_version(workspace, stored, with_changes(base, weights={"1": D(40), "4": D(30)}),
                 status=VersionStatus.PROPOSAL, author="committee", actor="sec", based_on=1,
                 reason="เพิ่มน้ำหนักความพึงพอใจของผู้รับบริการ", session=SESSION)
    agree_version(workspace, stored, 2, actor="chair", minute="ที่ประชุมเห็นชอบ")
    minutes = tmp_path / "minutes.pdf"
    write_minutes(workspace, stored, minutes, session=SESSION, digits="arabic")
    assert_full_on_every_page(minutes, LONG_AGENCY)
    volume = tmp_path / "volume.pdf"
    result = print_batch(workspace_path, agreements_of_year(workspace, 2569), volume, combined=True, draft=True,
                         actor="sec")
    assert result.combined == volume and not result.failed
    # The cover and contents carry the volume's own header; every report's page names its agency in full.
    pages = _page_texts(volume)
    reports = [text for text in pages if "ปีงบประมาณ" in text and "รอบ" in text and "(รวมเล่ม)" not in text]
    assert reports and all(squashed(LONG_AGENCY) in text for text in reports)


def test_a_header_too_long_for_two_lines_takes_smaller_type_then_lowers_the_text(tmp_path):
    three = f"รายงานผลการประเมิน {LONG_AGENCY} {LONG_AGENCY} ปีงบประมาณ พ.ศ. ๒๕๖๙ รอบ ๑๒ เดือน"
    absurd = " ".join([LONG_AGENCY] * 5)
    story = [ThaiParagraph("ผลการดำเนินงานตามตัวชี้วัด ร้อยละ ๙๒.๓๓๓๓ ของเป้าหมาย " * 8) for _ in range(30)]
    for header, smaller, lowered in ((three, True, False), (absurd, True, True)):
        furniture = PageFurniture(header=header)
        layout = furniture.header_layout(A4[0], furniture.top)
        at_full_size = furniture.header_layout(A4[0], None)  # no margin to keep to: the size it asks for
        assert len(at_full_size.lines) >= 3 and at_full_size.size == furniture.font_size
        assert (layout.size < furniture.font_size) is smaller and layout.size >= HEADER_FLOOR
        assert (furniture.top_margin(A4) > TEXT_TOP) is lowered
        assert_broken_between_words(header, layout.lines)
        path = tmp_path / f"header-{len(header)}.pdf"
        build_pdf(path, story, furniture=furniture)
        assert_full_on_every_page(path, header)
        header_and_body(path, furniture)
        pictures = tmp_path / path.stem
        pictures.mkdir()
        assert render_pages(path, pictures, dpi=60)
    # Landscape pages give the header more room: the same long header needs fewer lines there.
    furniture = PageFurniture(header=three)
    assert len(furniture.header_layout(landscape(A4)[0], furniture.top).lines) <= 2


def test_a_short_header_prints_as_before(tmp_path):
    furniture = PageFurniture(header="กรมตัวอย่าง  ปีงบประมาณ พ.ศ. ๒๕๖๙  รอบ ๑๒ เดือน")
    layout = furniture.header_layout(A4[0], furniture.top, 3)
    assert layout.lines == (furniture.header.strip().replace("  ", " "),) or len(layout.lines) == 1
    assert layout.size == furniture.font_size and furniture.top_margin(A4) == TEXT_TOP


def test_a_report_issued_with_the_old_elided_header_still_verifies(workspace, tmp_path):
    """Papers issued before the header wrapped shrank it and cut it with "…": verify draws them that way."""
    agreement_id = self_assessed(workspace, agency=LONG_AGENCY)
    old = tmp_path / "old.pdf"
    with earlier_layout():  # as the code that issued it drew the header
        make_agreement_paper(workspace, agreement_id, old, digits="arabic", actor="sec")
    first = squashed(PdfReader(str(old)).pages[0].extract_text())
    assert "…" in first and squashed(LONG_AGENCY) + "ปีงบประมาณ" not in first.split("คำรับรองการปฏิบัติราชการ")[1][:200]
    assert verify_pdf(workspace, old).ok
    new = tmp_path / "new.pdf"
    make_agreement_paper(workspace, agreement_id, new, digits="arabic", actor="sec")
    assert verify_pdf(workspace, new).ok
