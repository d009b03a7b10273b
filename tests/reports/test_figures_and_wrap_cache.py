"""Figures in table cells (ThaiFigure) print exactly as a ThaiParagraph would; ThaiParagraph wraps once per width."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

from evaluator_app.reports import fonts
from evaluator_app.reports.fonts import body_style
from evaluator_app.reports.paper_parts import GridCells
from evaluator_app.reports.shaping import line_width
from evaluator_app.reports.thai_lines import FIGURE_FLOOR_SIZE, ThaiFigure, ThaiParagraph, is_figure

FIGURES = ["12.5000", "(๒.๗๘๕๐)", "–", "-3", "๐.๑๑๑๔", "1,234.50", "๐–๕"]


def _pdf(cells: list[list[Flowable]], widths: list[float]) -> PdfReader:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    doc.build([Table(cells, colWidths=widths, style=[("GRID", (0, 0), (-1, -1), 0.5, "black")])])
    return PdfReader(buffer)


def test_is_figure_takes_only_digits_and_their_punctuation():
    assert all(is_figure(text) for text in FIGURES)
    assert not any(is_figure(text) for text in ["", "ก", "12 34", "abc", "๑ ตัวชี้วัด", "3¹"])
    with pytest.raises(ValueError):
        ThaiFigure("ตัวชี้วัด")


@pytest.mark.parametrize("bold", [False, True])
def test_figure_draws_the_same_page_as_a_thai_paragraph(bold: bool):
    style = body_style("FigureCell", fontSize=12, leading=18)
    aligns = ["right", "center", "left"]
    figures = [[ThaiFigure(text, style, bold=bold, align=align) for align in aligns] for text in FIGURES]
    paragraphs = [[ThaiParagraph(text, style, bold=bold, align=align) for align in aligns] for text in FIGURES]
    ours, theirs = _pdf(figures, [80, 80, 80]), _pdf(paragraphs, [80, 80, 80])
    assert ours.pages[0].get_contents().get_data() == theirs.pages[0].get_contents().get_data()
    assert ours.pages[0].extract_text() == theirs.pages[0].extract_text()


def test_a_figure_too_wide_for_its_column_shrinks_to_the_floor_then_wraps_only_between_tokens():
    style = body_style("FigureCell", fontSize=12, leading=18)
    number = "1,256.27"
    figure = ThaiFigure(number, style, align="right")
    natural = line_width([(number, fonts.REGULAR)], 12)
    # A little too narrow: one line, in smaller type, the row height unchanged.
    assert figure.wrap(natural * 0.9, 500) == (natural * 0.9, 18)
    assert FIGURE_FLOOR_SIZE <= figure.fitted_size(natural * 0.9) < 12 and figure.lines_for_width(natural * 0.9) == [
        number]
    # Far too narrow for even the floor size: still never broken inside the number.
    assert figure.lines_for_width(10) == [number]
    # Two numbers joined by a dash wrap after the dash at the floor size, each number whole.
    text = "1234567890-1234567890"
    pair = ThaiFigure(text, style, align="right")
    lines = pair.lines_for_width(60)
    assert lines == ["1234567890-", "1234567890"]
    ours = _pdf([[ThaiFigure(text, style, align="right")]], [60])
    assert "1234567890-" in ours.pages[0].extract_text()


def test_grid_cells_give_figures_to_thai_figure_and_words_to_thai_paragraph():
    cells = GridCells(12, "thai")
    assert isinstance(cells.figure("12.5"), ThaiFigure) and cells.figure("12.5").text == "๑๒.๕"
    assert isinstance(cells.figure(None), ThaiFigure) and cells.figure(None).text == "–"
    assert isinstance(cells.figure(None, dash=False), ThaiParagraph)  # empty: prints nothing, as before
    assert isinstance(cells.text("ร้อยละ 80"), ThaiParagraph)
    assert isinstance(cells.figure("3¹"), ThaiParagraph)  # a note mark: not a plain figure


def test_a_paragraph_is_laid_out_once_per_width():
    paragraph = ThaiParagraph("คณะกรรมการได้พิจารณาผลการดำเนินงาน ตามคำรับรองการปฏิบัติราชการ")
    first = paragraph.wrap(120, 1000)
    inner = paragraph._para
    assert paragraph.wrap(120, 50) == first and paragraph._para is inner  # height does not matter
    wide = paragraph.wrap(400, 1000)
    assert wide[1] < first[1] and paragraph._para is not inner
    assert paragraph.wrap(120, 1000) == first and paragraph._para is inner  # back to the first width


def test_equal_paragraphs_share_their_wrapped_paragraph_and_unequal_ones_do_not():
    text = "ความเห็นและข้อเสนอแนะ ของคณะกรรมการที่ประชุมพิจารณาแล้ว"
    style = body_style("SharedCell", fontSize=12, leading=18)
    first, second = ThaiParagraph(text, style), ThaiParagraph(text, style)
    assert first.wrap(150, 500) == second.wrap(150, 500) and first._para is second._para
    assert second.lines_for_width(150) == first.lines_for_width(150)
    bold, right = ThaiParagraph(text, style, bold=True), ThaiParagraph(text, style, align="right")
    bigger = ThaiParagraph(text, body_style("SharedCell", fontSize=14, leading=21))
    for other in (bold, right, bigger):
        other.wrap(150, 500)
        assert other._para is not first._para
    head, _rest = first.split(150, 40)
    head.wrap(150, 500)
    assert head._para is not first._para  # a split piece keeps the lines its whole chose


WORDS = ["ตัวชี้วัด", "น้ำหนัก", "ผลการประเมินของคณะกรรมการ", "e-Government", "ปั้น", "(ร้อยละ)"]


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_a_single_word_that_fits_draws_as_its_paragraph_would(align: str, monkeypatch: pytest.MonkeyPatch):
    style = body_style("WordCell", fontSize=11, leading=16.5)
    one = [[ThaiParagraph(word, style, bold=True, align=align)] for word in WORDS]
    ours = _pdf(one, [200])
    assert all(row[0]._para is None for row in one)
    monkeypatch.setattr(ThaiParagraph, "_one_line_size", lambda self, width: None)
    drawn = [[ThaiParagraph(word, style, bold=True, align=align)] for word in WORDS]
    theirs = _pdf(drawn, [200])
    assert all(row[0]._para is not None for row in drawn)
    assert ours.pages[0].get_contents().get_data() == theirs.pages[0].get_contents().get_data()
    assert ours.pages[0].extract_text() == theirs.pages[0].extract_text()


def test_markup_characters_keep_the_paragraph():
    paragraph = ThaiParagraph("a<b>&c")
    paragraph.wrap(200, 500)
    assert paragraph._para is not None


def test_a_single_word_too_wide_is_broken_by_its_paragraph():
    narrow = ThaiParagraph("ผลการประเมินของคณะกรรมการ", body_style("WordCell", fontSize=11, leading=16.5))
    assert narrow.wrap(50, 500)[1] > 16.5
    assert narrow._para is not None and len(narrow.lines_for_width(50)) > 1
