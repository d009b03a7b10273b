"""A chart floats: where the page ends it goes first when it fits, else the text after it fills that page and the
chart follows, never leaving the foot of a page empty. The page breaker the layout plans with does the same."""

from __future__ import annotations

from reportlab.platypus import Spacer

from evaluator_app.reports.document import build_pdf, frame_height
from evaluator_app.reports.paper_parts import FloatingFigure
from evaluator_app.reports.table_plan import TailBlock, count_pages
from evaluator_app.reports.thai_lines import ThaiParagraph

from .helpers import comparable, pypdf_pages

RULES = [ThaiParagraph(f"หลักเกณฑ์ข้อที่ {n} ใช้ในการประเมินผลการปฏิบัติราชการ") for n in range(1, 7)]


def _story(room_left: float) -> list:
    figure = [ThaiParagraph("แผนภูมิคะแนนถ่วงน้ำหนักรายมิติ"), Spacer(1, 150)]
    rules = [ThaiParagraph(p._text) for p in RULES]
    return [Spacer(1, frame_height() - room_left), FloatingFigure(figure, rules)]


def test_the_figure_stays_first_where_it_fits(tmp_path):
    path = tmp_path / "fits.pdf"
    build_pdf(path, _story(room_left=300))
    first = comparable(pypdf_pages(path)[0])
    assert first.index("แผนภูมิ") < first.index("หลักเกณฑ์ข้อที่ 1")


def test_the_text_fills_the_page_and_the_figure_follows_where_it_does_not(tmp_path):
    path = tmp_path / "floats.pdf"
    build_pdf(path, _story(room_left=120))  # room for the rules' first lines, not for the chart
    pages = [comparable(text) for text in pypdf_pages(path)]
    assert "หลักเกณฑ์ข้อที่ 1" in pages[0] and "แผนภูมิ" not in pages[0]
    assert "แผนภูมิ" in pages[1]
    assert pages[1].index("หลักเกณฑ์ข้อที่ 6") < pages[1].index("แผนภูมิ")  # the rules stay in order, then the chart


def test_the_page_breaker_floats_the_chart_as_the_paper_does():
    frame = frame_height()
    chart, rules, last = TailBlock(250, floats=True), TailBlock(6 * 24, line=24), TailBlock(400)
    # 200 points left: the rules fill them, and the chart and the last block share page 2.
    assert count_pages(frame, frame - 200, 0, [], [chart, rules, last]) == 2
    # Had the chart been kept in place, it would have gone whole to page 2, the rules after it, and the last
    # block to page 3.
    assert count_pages(frame, frame - 200, 0, [], [TailBlock(250), rules, last]) == 3
