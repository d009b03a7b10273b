"""Shaped text widths and shaped canvas strings, measured the way reportlab draws them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen.canvas import Canvas

from ..domain.display_text import shown
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR

__all__ = ["Anchor", "draw_shaped_string", "line_width", "shaped_string", "word_width"]

Anchor = Literal["left", "center", "right"]


# Words of these characters alone come out of HarfBuzz in the app's Sarabun faces as their own glyphs at their plain
# advances (no kerning, ligature or mark among digits, Arabic or Thai, separators, dashes and signs): shapeFragWord
# gives them their plain stringWidth, and the canvas writes the same bytes for the plain string as for the shaped
# one. A report measures and draws a few thousand figures, most of them seen once (a profile of 30 reports: 8 % of
# the time shaping figures only to measure them). tests/reports/test_fast_paths.py holds both equal for every face
# and many sizes; a new font must pass it too.
_PLAIN_ADVANCES = frozenset("0123456789\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59"
                            ".,-+()%/:<>=\u2013\u2014\u2212\u2264\u2265\u00d7")
_PLAIN_FONTS = frozenset((REGULAR, BOLD, ITALIC, BOLD_ITALIC))


def plain_advances(text: str, font_name: str) -> bool:
    """Whether `text` (one word) prints in `font_name` as its characters' glyphs at their plain advances."""
    return font_name in _PLAIN_FONTS and _PLAIN_ADVANCES.issuperset(text)


@lru_cache(maxsize=65536)
def word_width(pieces: tuple[tuple[str, str], ...], font_size: float) -> float:
    """Width in points of one space-free word made of (text, font name) pieces, as a shaped Paragraph draws it.

    Mirrors Paragraph: the whole word goes through one ``shapeFragWord`` call, whose first item is the
    advance HarfBuzz computed; a word shaping does not change keeps its plain ``stringWidth``.
    """
    if len(pieces) == 1 and plain_advances(pieces[0][0], pieces[0][1]):
        return float(pdfmetrics.stringWidth(pieces[0][0], pieces[0][1], font_size))
    return shaped_word_width(pieces, font_size)


def shaped_word_width(pieces: tuple[tuple[str, str], ...], font_size: float) -> float:
    """`word_width` through HarfBuzz whatever the characters."""
    frag_word: list[object] = [sum(pdfmetrics.stringWidth(text, font, font_size) for text, font in pieces)]
    for text, font in pieces:
        frag_word.append((ABag(fontName=font, fontSize=font_size), text))
    # Looked up in its module at call time: fonts.py installs the shared cache of shaped words there
    # (tounicode.py), which the drawing of the same figure then finds.
    shaped = ttfonts.shapeFragWord(frag_word)
    return float(shaped[0])  # type: ignore[arg-type]


def line_width(pieces: Sequence[tuple[str, str]], font_size: float) -> float:
    """Width of a line of (text, font name) pieces that may contain spaces, as Paragraph measures it.

    Paragraph shapes each space-separated word on its own and adds the width of one space, in the
    font of the preceding word's last piece, between words.
    """
    return _line_width(tuple(pieces), font_size)


@lru_cache(maxsize=65536)
def _line_width(pieces: tuple[tuple[str, str], ...], font_size: float) -> float:
    # Kept per line: measuring the columns of a report asks for the same figures and headings hundreds of times.
    words: list[list[tuple[str, str]]] = [[]]
    for text, font in pieces:
        parts = text.split(" ")
        for index, part in enumerate(parts):
            if index:
                words.append([])
            if part:
                words[-1].append((part, font))
    total = 0.0
    previous_font: str | None = None
    for word in words:
        if not word:
            continue
        if previous_font is not None:
            total += pdfmetrics.stringWidth(" ", previous_font, font_size)
        total += word_width(tuple(word), font_size)
        previous_font = word[-1][1]
    return total


@lru_cache(maxsize=16384)
def _shaped(text: str, font_name: str, font_size: float) -> tuple[str, float]:
    """A string shaped by HarfBuzz and its width: the same for every document (a glyph with no character of
    its own gets a private one for the font, not for a document), and table figures repeat."""
    shaped = shapeStr(text, font_name, font_size)
    data = getattr(shaped, "__shapeData__", None)
    # The advance HarfBuzz gives is what the canvas will move by; a string shaping left alone has none.
    width = (sum(d.x_advance for d in data) * font_size / 1000 if data is not None
             else pdfmetrics.stringWidth(text, font_name, font_size))
    return shaped, width


def shaped_string(text: str, font_name: str, font_size: float) -> str:
    """``text`` shaped by HarfBuzz, ready for a canvas or text object (the plain string if shaping changes nothing)."""
    if plain_advances(text, font_name):
        return text  # drawn to the same bytes as shaped, without HarfBuzz
    return _shaped(text, font_name, font_size)[0]


def draw_shaped_string(canvas: Canvas, x: float, y: float, text: str, font_name: str, font_size: float,
                       anchor: Anchor = "left") -> float:
    """Draw one line of text shaped by HarfBuzz; returns its width.

    ``canvas.drawString(..., shaping=True)`` is silently ignored without rlbidi, and drawCentredString
    would measure the shaped string with plain stringWidth, so shape and place it here.
    """
    shaped, width = _shaped(shown(text), font_name, font_size)  # control characters printed as escapes
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    canvas.setFont(font_name, font_size)
    # The canvas draws a ShapedStr with HarfBuzz's positions (marks offset and raised).
    canvas.drawString(x, y, shaped)
    return width
