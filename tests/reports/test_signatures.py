"""Signature blocks: dotted line, (name), position, role and date line, two per row, kept together."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import KeepTogether, Table

from evaluator_app.reports.document import build_pdf, frame_width
from evaluator_app.reports.signatures import DATE_LINE, SIGN_LINE, Signatory, signature_block
from evaluator_app.reports.thai_lines import ThaiParagraph

from .helpers import comparable, pypdf_pages

PEOPLE = [
    Signatory("นายสมชาย ใจดี", "ผู้ทรงคุณวุฒิ", "ประธานกรรมการ"),
    Signatory("นางสาวปิยะนุช ศรีสุข", "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน", "กรรมการ"),
    Signatory("นายวิชัย ตั้งมั่น", "", "กรรมการและเลขานุการ"),
]


def _table(flowables) -> Table:
    [block] = flowables
    assert isinstance(block, KeepTogether)
    [table] = [f for f in block._content if isinstance(f, Table)]
    return table


def test_two_per_row_with_an_odd_last_one_centred():
    table = _table(signature_block(PEOPLE, 450))
    assert len(table._cellvalues) == 2
    assert [len(row) for row in table._cellvalues] == [2, 2]
    assert table._colWidths == [225, 225]
    assert ("SPAN", (0, 1), (1, 1)) in [tuple(c) for c in table._spanCmds]


def test_each_block_has_the_lines_people_sign_on():
    table = _table(signature_block(PEOPLE[:1], 450))
    lines = [p.text for p in table._cellvalues[0][0]]
    assert lines == [SIGN_LINE, "(นายสมชาย ใจดี)", "ผู้ทรงคุณวุฒิ", "ประธานกรรมการ", DATE_LINE]
    without_date = _table(signature_block(PEOPLE[2:], 450, with_date=False))
    assert [p.text for p in without_date._cellvalues[0][0]] == [SIGN_LINE, "(นายวิชัย ตั้งมั่น)", "กรรมการและเลขานุการ"]
    assert all(isinstance(p, ThaiParagraph) and p.style.alignment == 1 for p in table._cellvalues[0][0])
    assert signature_block([], 450) == []


def test_block_moves_to_the_next_page_whole(tmp_path: Path):
    path = tmp_path / "signatures.pdf"
    filler = [ThaiParagraph("ข้อความก่อนลายมือชื่อ " * 12) for _ in range(5)]
    build_pdf(path, [*filler, *signature_block(PEOPLE, frame_width())])
    pages = [comparable(text) for text in pypdf_pages(path)]
    holding = [i for i, text in enumerate(pages) if "(นายสมชาย ใจดี)" in text]
    assert holding and all("(นายวิชัย ตั้งมั่น)" in pages[i] for i in holding)
    assert pages[holding[0]].count("วันที่ ........ เดือน ................ พ.ศ. ........") == 3


def test_three_per_row_centres_a_short_last_row():
    five = [*PEOPLE, Signatory("นางน้ำฝน ปิ่นทอง", "", "กรรมการ"), Signatory("นายปรีชา ฟื้นฟู", "", "ผู้ช่วยเลขานุการ")]
    table = _table(signature_block(five, 690, per_row=3))
    assert [len(row) for row in table._cellvalues] == [3, 3]
    inner = table._cellvalues[1][0]
    assert isinstance(inner, Table) and inner._colWidths == [230, 230]
    assert ("SPAN", (0, 1), (2, 1)) in [tuple(c) for c in table._spanCmds]
