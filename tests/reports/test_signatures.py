"""Signature blocks: dotted line, (name), position, role and date line, two per row; a row is never cut, and the
block breaks between rows so that it does not push a paper onto one more page."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import KeepTogether, Spacer, Table

from evaluator_app.reports.document import build_pdf, frame_height, frame_width
from evaluator_app.reports.signatures import DATE_LINE, SIGN_LINE, Signatory, signature_block
from evaluator_app.reports.thai_lines import ThaiParagraph

from .helpers import comparable, pypdf_pages

PEOPLE = [
    Signatory("นายสมชาย ใจดี", "ผู้ทรงคุณวุฒิ", "ประธานกรรมการ"),
    Signatory("นางสาวปิยะนุช ศรีสุข", "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน", "กรรมการ"),
    Signatory("นายวิชัย ตั้งมั่น", "", "กรรมการและเลขานุการ"),
]


def _rows(flowables) -> list[Table]:
    """The block's row tables: the first kept with the space (and heading) above it, the others free."""
    first, *rest = flowables
    assert isinstance(first, KeepTogether) and all(isinstance(f, Table) for f in rest)
    [table] = [f for f in first._content if isinstance(f, Table)]
    return [table, *rest]


def _table(flowables) -> Table:
    [table] = _rows(flowables)
    return table


def test_two_per_row_with_an_odd_last_one_centred():
    rows = _rows(signature_block(PEOPLE, 450))
    assert len(rows) == 2
    assert [len(row._cellvalues[0]) for row in rows] == [2, 2]
    assert all(row._colWidths == [225, 225] for row in rows)
    assert ("SPAN", (0, 0), (1, 0)) in [tuple(c) for c in rows[1]._spanCmds]
    # A row after the first keeps its gap, which the page drops when the row starts a page.
    assert rows[0].getSpaceBefore() == 0 and rows[1].getSpaceBefore() > 0


def test_each_block_has_the_lines_people_sign_on():
    table = _table(signature_block(PEOPLE[:1], 450))
    lines = [p.text for p in table._cellvalues[0][0]]
    assert lines == [SIGN_LINE, "(นายสมชาย ใจดี)", "ผู้ทรงคุณวุฒิ", "ประธานกรรมการ", DATE_LINE]
    without_date = _table(signature_block(PEOPLE[2:], 450, with_date=False))
    assert [p.text for p in without_date._cellvalues[0][0]] == [SIGN_LINE, "(นายวิชัย ตั้งมั่น)", "กรรมการและเลขานุการ"]
    assert all(isinstance(p, ThaiParagraph) and p.style.alignment == 1 for p in table._cellvalues[0][0])
    assert signature_block([], 450) == []


def test_block_moves_to_the_next_page_whole_when_its_first_row_does_not_fit(tmp_path: Path):
    path = tmp_path / "signatures.pdf"
    filler = [ThaiParagraph("ข้อความก่อนลายมือชื่อ " * 12) for _ in range(5)]
    build_pdf(path, [*filler, *signature_block(PEOPLE, frame_width())])
    pages = [comparable(text) for text in pypdf_pages(path)]
    holding = [i for i, text in enumerate(pages) if "(นายสมชาย ใจดี)" in text]
    assert holding and all("(นายวิชัย ตั้งมั่น)" in pages[i] for i in holding)
    assert pages[holding[0]].count("วันที่ ........ เดือน ................ พ.ศ. ........") == 3


def test_block_breaks_between_rows_never_inside_one_and_the_heading_keeps_with_the_first(tmp_path: Path):
    path = tmp_path / "signatures.pdf"
    six = [*PEOPLE, Signatory("นางน้ำฝน ปิ่นทอง", "", "กรรมการ"), Signatory("นายปรีชา ฟื้นฟู", "", "กรรมการ"),
           Signatory("นายสุดท้าย ลงนาม", "", "เลขานุการ")]
    heading = ThaiParagraph("ลงนามคณะกรรมการ")
    block = signature_block(six, frame_width(), heading=heading)
    first_row = _rows(block)[0].wrap(frame_width(), 1e6)[1]
    # Filler that leaves room for the space, the heading and the first row, not for the second.
    text = ThaiParagraph("ข้อความก่อนลายมือชื่อ")
    room = text.wrap(frame_width(), 1e6)[1] + 24 + heading.wrap(frame_width(), 1e6)[1] + first_row + 10
    build_pdf(path, [Spacer(1, frame_height() - room), text, *block])
    pages = [comparable(text) for text in pypdf_pages(path)]
    assert len(pages) == 2
    first = pages[0]
    assert "ลงนามคณะกรรมการ" in first and "(นายสมชาย ใจดี)" in first  # the heading stays with the first row
    assert "(นายสุดท้าย ลงนาม)" in pages[1]
    date = "วันที่ ........ เดือน ................ พ.ศ. ........"
    for person in six:  # each person's lines are on one page: name and date line together
        [page] = [text for text in pages if f"({person.name})" in text]
        assert page.count(date) == sum(f"({p.name})" in page for p in six)


def test_three_per_row_centres_a_short_last_row():
    five = [*PEOPLE, Signatory("นางน้ำฝน ปิ่นทอง", "", "กรรมการ"), Signatory("นายปรีชา ฟื้นฟู", "", "ผู้ช่วยเลขานุการ")]
    rows = _rows(signature_block(five, 690, per_row=3))
    assert [len(row._cellvalues[0]) for row in rows] == [3, 3]
    inner = rows[1]._cellvalues[0][0]
    assert isinstance(inner, Table) and inner._colWidths == [230, 230]
    assert ("SPAN", (0, 0), (2, 0)) in [tuple(c) for c in rows[1]._spanCmds]
