"""The batch's fast paths give what the slow ones gave: shaped words from the shared cache, paragraph heights
counted without a Paragraph, and the pages drawn from them (issue 16)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from evaluator_app.reports import shaping, thai_lines, tounicode
from evaluator_app.reports.fonts import BOLD, REGULAR, body_style, register_fonts
from evaluator_app.reports.shaping import shaped_word_width, word_width
from evaluator_app.reports.table_plan import TailBlock, count_pages
from evaluator_app.reports.thai_lines import Run, ThaiFigure, ThaiParagraph, _shared_wraps, is_figure

THAI_WORDS = ["ตัวชี้วัด", "น้ำหนัก", "คะแนน", "ผลการประเมิน", "คณะกรรมการ", "ร้อยละ", "ดำเนินการ", "ที่", "ๆ",
              "ปีงบประมาณ", "พ.ศ.", "๒๕๖๙", "e-Government", "12.5000", "(๓.๗๕)", "ฯลฯ", "กรมบัญชีกลาง", "ผู้ทรงคุณวุฒิ"]
words = st.lists(st.sampled_from(THAI_WORDS), min_size=1, max_size=12)


def _fresh(word: list[object]) -> object:
    """What shaping gave before the shared cache: reportlab's shaping and the ำ recomposition, every time."""
    return tounicode.recompose_sara_am(word, tounicode._original_shape(word))  # type: ignore[misc]


def _shape(pieces: list[tuple[str, str, float]]) -> list[object]:
    return [0.0, *((ABag(fontName=font, fontSize=size, textColor=i), text) for i, (text, font, size) in
                   enumerate(pieces))]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(THAI_WORDS), st.sampled_from([REGULAR, BOLD]),
                          st.sampled_from([11.0, 12.0])), min_size=1, max_size=3))
def test_a_cached_shaping_is_the_fresh_one_with_the_callers_fragments(pieces):
    register_fonts()
    # The same word shaped twice through the cache (the second a hit), each with fragments of its own.
    first, second = _shape(pieces), _shape(pieces)
    cached_first, cached_second = ttfonts.shapeFragWord(first), ttfonts.shapeFragWord(second)
    fresh_word = _shape(pieces)
    expected = _fresh(fresh_word)
    for word, cached in ((first, cached_first), (second, cached_second)):
        if expected is fresh_word:
            assert cached is word  # shaping changed nothing: the caller's own word back
            continue
        assert type(cached) is type(expected) and cached[0] == expected[0]
        # The same strings and glyph positions, in fragments of the caller's (textColor numbers the pieces).
        assert [str(t) for _, t in cached[1:]] == [str(t) for _, t in expected[1:]]
        assert [list(t.__shapeData__) for _, t in cached[1:]] == [list(t.__shapeData__) for _, t in expected[1:]]
        assert [f.textColor for f, _ in cached[1:]] == [f.textColor for f, _ in expected[1:]]
        owners = {id(frag) for frag, _ in word[1:]}
        assert all(id(frag) in owners for frag, _ in cached[1:])


@settings(max_examples=80, deadline=None)
@given(words, st.floats(min_value=40, max_value=400), st.booleans(), st.sampled_from(["left", "center", "right"]))
def test_a_counted_height_is_the_paragraphs_height(chosen, width, bold, align):
    style = body_style("CountedCell", fontSize=12, leading=18)
    text = " ".join(chosen)
    _shared_wraps().clear()
    counted = ThaiParagraph(text, style, bold=bold, align=align)
    height = counted.wrap(width, 1e6)[1]
    # The slow path: lay out and let a Paragraph wrap our lines, as every wrap did before.
    slow = ThaiParagraph(text, style, bold=bold, align=align)
    slow._shareable = False
    para, _, slow_height = slow._paragraph(width)
    assert height == slow_height
    assert counted.lines_for_width(width) == slow.lines_for_width(width)
    drawn = counted._para  # built when first drawn: the same lines
    if drawn is not None:
        assert isinstance(drawn, Paragraph) and len(drawn.blPara.lines) == len(para.blPara.lines)


def _page(flowables: list[object]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(flowables)  # type: ignore[arg-type]
    return buffer.getvalue()


@pytest.mark.parametrize("width", [60.0, 120.0, 300.0])
def test_counted_paragraphs_draw_the_page_the_paragraphs_drew(width: float, monkeypatch: pytest.MonkeyPatch):
    from reportlab.platypus import Table

    style = body_style("CountedPage", fontSize=12, leading=18)
    texts = [" ".join(THAI_WORDS[i:i + n]) for i in range(0, 12, 3) for n in (1, 3, 6)]

    def cells() -> list[object]:
        rows = [[ThaiParagraph(t, style)] for t in texts]
        rows.append([ThaiParagraph([Run("สรุปผล: ", bold=True), Run(" ".join(THAI_WORDS))], style)])
        return [Table(rows, colWidths=[width])]

    _shared_wraps().clear()  # no Paragraph an earlier test wrapped
    ours = _page(cells())
    monkeypatch.setattr(ThaiParagraph, "_counted_size", lambda self, avail: None)
    _shared_wraps().clear()
    assert ours == _page(cells())


def test_a_figure_fits_each_width_as_before():
    style = body_style("FittedCell", fontSize=12, leading=18)
    figure = ThaiFigure("(๑๒,๓๔๕.๖๗๘๙)", style, align="right")
    for width in (200.0, 60.0, 45.0, 200.0, 20.0, 60.0):
        fresh = ThaiFigure("(๑๒,๓๔๕.๖๗๘๙)", style, align="right")
        assert figure.wrap(width, 100) == fresh.wrap(width, 100)
        assert figure._use_paragraph == fresh._use_paragraph
        if not fresh._use_paragraph:  # the size a one-line figure prints at (a wrapped one prints its paragraph)
            assert figure._size == fresh._size


NAMES = [*THAI_WORDS, "\u00a0\u00a0\u00a0๑.๑", "ลงชื่อ", ".......................", "(ร้อยละ)", "น้ำ", "ฯ"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5), st.booleans(),
       st.sampled_from(["left", "center", "right"]), st.sampled_from([11.0, 12.0, 13.0]))
def test_a_one_line_paragraph_draws_the_bytes_its_paragraph_drew(chosen, bold, align, size):
    from reportlab.pdfgen.canvas import Canvas

    style = body_style("PlainLine", fontSize=size, leading=size * 1.5)
    text = " ".join(chosen)

    def drawn(plain: bool) -> list[str]:
        _shared_wraps().clear()
        paragraph = ThaiParagraph(text, style, bold=bold, align=align)
        paragraph.wrap(600, 100)
        if plain and len(chosen) > 1:  # (one word is drawn as one line anyway)
            assert paragraph._plain_line_width() is not None  # one line of one run: drawn without a Paragraph
        else:
            paragraph._para  # noqa: B018 - built now: drawn by its Paragraph, as before
        canvas = Canvas(io.BytesIO())
        paragraph.drawOn(canvas, 20, 30)
        return list(canvas._code)

    assert drawn(True) == drawn(False)


FIGURE_CHARACTERS = "0123456789๐๑๒๓๔๕๖๗๘๙.,-+()%/:<>=\u2013\u2014\u2212\u2264\u2265\u00d7"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=FIGURE_CHARACTERS, min_size=1, max_size=14),
       st.sampled_from([REGULAR, BOLD, "Sarabun-Italic", "Sarabun-BoldItalic"]),
       st.sampled_from([16, 14, 13.5, 12, 11, 10.5, 9.5, 9, 8.3, 8, 7.2, 6]))
def test_a_figure_measured_without_harfbuzz_is_as_wide_as_shaped(text, font, size):
    # shaping.word_width takes a figure's plain advances: the same float HarfBuzz's shaping gives, for every face.
    register_fonts()
    assert word_width(((text, font),), size) == shaped_word_width(((text, font),), size)


def test_figures_of_real_reports_are_as_wide_as_shaped():
    register_fonts()
    for text in ("1,259.86", "(1,234.50)", "92.3333", "๑,๒๕๙.๘๖", "100%", "1,000,000,000,000.00", "-5.0000",
                 "+0.25", "1/2", "12:30", "๕.๐๐๐๐"):
        for font in (REGULAR, BOLD):
            for size in (12.0, 11.0, 9.0):
                assert word_width(((text, font),), size) == shaped_word_width(((text, font),), size)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.text(alphabet=FIGURE_CHARACTERS, min_size=1, max_size=16).filter(is_figure),
                                    st.lists(st.sampled_from(THAI_WORDS), min_size=1, max_size=3).map(" ".join)),
                          st.floats(min_value=10, max_value=200), st.sampled_from(["left", "center", "right"]),
                          st.booleans(), st.floats(min_value=-50, max_value=700)), min_size=1, max_size=6),
       st.sampled_from([colors.black, colors.HexColor("#1f4e79"), colors.Color(0.2, 0.4, 0.6, alpha=0.5)]))
def test_cells_written_at_once_are_the_bytes_of_reportlabs_text_objects(cells, colour):
    # thai_lines._draw_one_line_on writes a one-line cell's PDF code itself; reportlab's Flowable.drawOn around
    # its text object (the way taken when _one_line_code declines) must write the same, glyph codes included, also
    # for a line the document has drawn before.
    from reportlab.pdfgen.canvas import Canvas

    style = body_style("Cell", fontSize=12, leading=18, textColor=colour)

    def drawn(at_once: bool, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        canvas = Canvas(io.BytesIO())
        for text, width, align, bold, y in cells + cells[::-1]:  # drawn again: the document's codes kept
            cell: ThaiFigure | ThaiParagraph = (ThaiFigure(text, style, bold=bold, align=align) if is_figure(text)
                                                else ThaiParagraph(text, style, bold=bold, align=align))
            cell.wrap(width, 100)
            if isinstance(cell, ThaiParagraph) and cell._one_line_width() is None:
                continue  # drawn by its Paragraph either way
            if isinstance(cell, ThaiFigure) and cell._use_paragraph:
                continue
            if at_once:
                cell.drawOn(canvas, width / 3, y)
            else:
                with monkeypatch.context() as patched:
                    patched.setattr(thai_lines, "_one_line_code", lambda *args: None)
                    Flowable.drawOn(cell, canvas, width / 3, y)
        return list(canvas._code)

    with pytest.MonkeyPatch.context() as monkeypatch:
        assert drawn(True, monkeypatch) == drawn(False, monkeypatch)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(st.one_of(st.text(alphabet=FIGURE_CHARACTERS, min_size=1, max_size=10),
                                             st.sampled_from(THAI_WORDS)), min_size=1, max_size=4).map(" ".join),
                          st.sampled_from([REGULAR, BOLD, "Sarabun-Italic", "Sarabun-BoldItalic"]),
                          st.sampled_from([12, 11, 9.5, 8.3])), min_size=1, max_size=6))
def test_figures_drawn_unshaped_write_the_bytes_of_shaped_ones(lines):
    # shaping.shaped_string leaves words of plain-advance characters unshaped; the page must not change, on a
    # canvas whose font subsets fill up line after line as a report's do.
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()

    def drawn(plain: bool) -> list[str]:
        canvas = Canvas(io.BytesIO())
        with pytest.MonkeyPatch.context() as patched:
            if not plain:
                patched.setattr(shaping, "_PLAIN_FONTS", frozenset())
            for text, font, size in lines:
                style = body_style("Line", fontSize=size, leading=size * 1.5)
                thai_lines._draw_one_line_on(canvas, 10, 20, style, TA_RIGHT, font, text, 30.0, 200.0, 18.0)
        return list(canvas._code)

    assert drawn(True) == drawn(False)


@settings(max_examples=400, deadline=None)
@given(st.floats(min_value=200, max_value=800), st.floats(min_value=0, max_value=600),
       st.floats(min_value=10, max_value=80), st.lists(st.floats(min_value=10, max_value=300), max_size=40),
       st.lists(st.builds(TailBlock, st.floats(min_value=0, max_value=900), st.sampled_from([0.0, 18.0, 24.0]),
                          st.floats(min_value=0, max_value=24), st.booleans()), max_size=8))
def test_what_prints_around_the_table_never_takes_pages_away(frame, above, header, rows, tail):
    # table_plan skips measuring a page size's head and tail when its layout already loses without them: sound
    # only because they never make the paper shorter.
    assert count_pages(frame, above, header, rows, tail) >= count_pages(frame, 0.0, header, rows, [])
