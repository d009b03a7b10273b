"""line_operators writes a line's text operators byte for byte as reportlab's text object does (issue 16, round
seven): shaped Thai with its marks' offsets and rises, plain figures, several font subsets, glyphs the font lacks."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from evaluator_app.reports.fonts import BOLD, REGULAR, register_fonts
from evaluator_app.reports.line_operators import line_operators
from evaluator_app.reports.shaping import shaped_string

# Consonants with stacked vowels and tone marks (the marks HarfBuzz moves and raises), Thai and Arabic figures,
# Latin, brackets and symbols a report prints, a character Sarabun lacks (U+2603) and PDF string escapes.
PIECES = ["ผู้", "ที่", "ปี", "น้ำ", "ก็", "ฟ้", "ป่", "ญ", "ฐ", "ปั้", "ตั๋", "กํ", "ๆ", "ฯ", "๒๕๖๙", "92.3333",
          "(๓.๗๕)", "e-Government", "%", "\\", "(", ")", "☃", " ", "ร้อยละ", "คณะกรรมการ", "ฎีกา", "ปฏิบัติ"]
lines = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join), min_size=1, max_size=8)


def _reportlab(canvas: Canvas, font: str, size: float, leading: float, text: str) -> str:
    writer = PDFTextObject.__new__(PDFTextObject)
    writer._canvas, writer._code, writer._x, writer._y = canvas, [], 0, 0
    writer._fontname, writer._fontsize, writer._leading = font, size, leading
    writer._curSubset, writer._rise = -1, 0
    return str(writer._formatText(text))


def _both(texts: list[str], font: str = REGULAR, size: float = 12.0, leading: float = 16.8,
          before: str = "") -> list[tuple[str, str]]:
    """Each line written by both, each on a document of its own that saw the same lines before (glyph codes are
    given out in order of first use)."""
    register_fonts()
    ours, theirs = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    ttf = pdfmetrics.getFont(font)
    if before:
        line_operators(ours, ttf, size, leading, before)
        _reportlab(theirs, font, size, leading, before)
    pairs = []
    for text in texts:
        shaped = shaped_string(text, font, size)
        pairs.append((line_operators(ours, ttf, size, leading, shaped), _reportlab(theirs, font, size, leading,
                                                                                    shaped)))
    return pairs


@settings(max_examples=120, deadline=None)
@given(lines, st.sampled_from([REGULAR, BOLD]), st.sampled_from([8.0, 11.5, 12.0, 14.0]))
def test_the_same_bytes_as_reportlabs_text_object(texts, font, size):
    for ours, theirs in _both(texts, font, size, size * 1.4):
        assert ours == theirs


def test_raised_and_moved_marks_are_really_met():
    # Guards against the property test passing on plain strings only: these marks are raised (Ts) and moved (TJ).
    ours, theirs = _both(["ปั้น ฟ้า ผู้ ตั๋ว"])[0]
    assert " Ts" in ours and "TJ" in ours
    assert ours == theirs


glyph_shapes = st.lists(st.tuples(st.sampled_from("กขปฟผ้่ั๊ิ12 ("), st.sampled_from([0, 0, 40, -30, 55]),
                                  st.sampled_from([0, 0, -163, 19, 7]), st.sampled_from([0, 0, 10, -10, 500])),
                        min_size=1, max_size=14)


@settings(max_examples=150, deadline=None)
@given(glyph_shapes)
def test_any_glyph_positions_give_the_same_bytes(glyphs):
    # Positions HarfBuzz may give any font: rises changing from one raised mark straight to another (reportlab's
    # setRise then replaces its operator and keeps its old value), offsets and advances that sum to zero.
    register_fonts()
    text = ShapedStr("".join(ch for ch, *_ in glyphs),
                     [ShapeData(i, 500 + extra, 0, x_offset, y_offset, 500)
                      for i, (_, y_offset, x_offset, extra) in enumerate(glyphs)])
    ours, theirs = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    assert line_operators(ours, pdfmetrics.getFont(REGULAR), 12.0, 16.8, text) == \
        _reportlab(theirs, REGULAR, 12.0, 16.8, text)


def test_lines_that_spill_into_a_second_font_subset():
    # A subset holds 256 glyph codes: a document that already gave out most of them continues in subset 1, and a
    # line can then change subsets in its middle.
    register_fonts()
    ttf = pdfmetrics.getFont(REGULAR)
    many = "".join(chr(code) for code in range(0x21, 0x17F) if code in ttf.face.charToGlyph)
    assert len(many) > 256
    pairs = _both(["ผู้ที่ได้รับ น้ำหนัก ๒๕๖๙ " + many[200:] + " ปั้น", "ตั๋ว ☃ ฟ้า", many], before=many[:240])
    assert all("+0 " in ours and "+1 " in ours for ours, _ in pairs[:2])  # both subsets within one line
    for ours, theirs in pairs:
        assert ours == theirs
