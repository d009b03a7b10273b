"""The PDF text operators of one line in a TrueType font, exactly as reportlab's text object writes them.

`PDFTextObject._formatText` turns a line into glyph codes of the document's font subsets. For a line HarfBuzz
shaped (Thai: tone marks placed over their consonants) it walks the glyphs with a closure call per item and an
itertools.groupby over them: 48-60 µs a line of some 37 glyphs, and a report has about a hundred such lines among
its cells (issue 16, round seven). `line_operators` writes the same bytes in 30-37 µs: one pass that handles only
the glyphs HarfBuzz moved, and a document's known glyph codes looked up with one str.translate. It is only used
for a bare text object, as thai_lines._one_line_code makes one (no font selected yet, no rise), and
tests/reports/test_line_operators.py and test_page_equality.py compare its bytes with reportlab's.
"""

from __future__ import annotations

import itertools
import weakref
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.ttfonts import ShapedStr

__all__ = ["line_operators"]


def line_operators(canvas: Any, font: Any, size: float, leading: float, text: str) -> str:
    """What `PDFTextObject._formatText(text)` returns for a text object on `canvas` in the TrueType `font` at
    `size` and `leading`, with no font subset selected and no rise: the subsets' Tf operators and the glyphs'
    Tj / TJ operators, in the order reportlab writes them (the document's glyph codes are given out in that order
    too, by `font.splitString`)."""
    doc = canvas._doc
    escape = canvas._escape
    head = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    out: list[str] = []
    current = -1
    chunks = _split(font, doc, text)
    if not (font.shapable and isinstance(text, ShapedStr)):
        for subset, codes in chunks:
            if subset != current:
                out.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
                current = subset
            out.append(f"({escape(codes)}) Tj")
        return " ".join(out)
    shapes = text.__shapeData__
    start = 0
    group = _Group(out, escape, size)
    for subset, codes in chunks:
        if subset != current:
            out.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
            current = subset
        glyphs = shapes[start:start + len(codes)]
        start += len(codes)
        group.begin(codes)
        # Most glyphs sit where their advance puts them (no offset, no rise): between the ones that do not, a
        # run of them is one slice of glyph codes.
        moved = [i for i, g in enumerate(glyphs) if g.x_offset or g.y_offset or g.width != g.x_advance]
        done = 0
        for index in [*moved, len(glyphs)]:
            if done < index:
                group.glyph(done, glyphs[done])
                group.codes_to(index)
            if index < len(glyphs):
                group.glyph(index, glyphs[index])
            done = index + 1
        group.close()  # reportlab's guard after the subset's last glyph
    if group.rise != 0:
        group.set_rise(0)
    return " ".join(out)


class _Group:
    """reportlab's group of glyphs (a run at one rise), built as it builds it: per glyph its offset, its code and
    its advance's correction; zero numbers dropped, runs of codes one string, runs of numbers one sum."""

    def __init__(self, out: list[str], escape: Any, size: float) -> None:
        self.out, self.escape, self.size = out, escape, size
        # The text object's rise, kept as reportlab keeps it: a setRise right after another replaces the operator
        # and leaves the kept value as it was; a glyph whose rise differs from it starts a new group.
        self.rise: float = 0
        self.open = False
        self.codes = b""
        self.parts: list[str] = []
        self.first = -1  # the pending run of glyph codes: codes[first:last], or none (-1)
        self.last = 0
        self.numbers: list[Any] = []  # the pending run of numbers

    def begin(self, codes: bytes) -> None:
        self.codes, self.open = codes, False

    def glyph(self, index: int, glyph: Any) -> None:
        shift = self.size * glyph.y_offset / 1000
        if not self.open or shift != self.rise:
            if self.open:
                self._finish()
                if self.rise != 0:
                    self.set_rise(0)
            if shift != self.rise:
                self.set_rise(shift)
            self.open = True
        if glyph.x_offset:
            self._number(-glyph.x_offset)
        self.codes_to(index + 1)
        correction = glyph.width - glyph.x_advance + glyph.x_offset
        if correction:
            self._number(correction)

    def codes_to(self, end: int) -> None:
        """The glyph codes up to `end` join the pending run (they follow it: no number stands between)."""
        if self.numbers:
            self._numbers_done()
        if self.first < 0:
            self.first = end - 1  # a new run starts with one glyph (`glyph`); `codes_to` then lengthens it
        self.last = end

    def close(self) -> None:
        if self.open:
            self._finish()
            if self.rise != 0:
                self.set_rise(0)
        self.open = False

    def set_rise(self, rise: float) -> None:
        operator = f"{fp_str(rise)} Ts"
        if self.out[-1].endswith(" Ts"):
            self.out[-1] = operator
        else:
            self.out.append(operator)
            self.rise = rise

    def _number(self, value: Any) -> None:
        if self.first >= 0:
            self._codes_done()
        self.numbers.append(value)

    def _codes_done(self) -> None:
        self.parts.append(f"({self.escape(self.codes[self.first:self.last])})")
        self.first = -1

    def _numbers_done(self) -> None:
        figure = fp_str(sum(self.numbers))
        if figure != "0":
            self.parts.append(figure)
        self.numbers = []

    def _finish(self) -> None:
        if self.first >= 0:
            self._codes_done()
        if self.numbers:
            self._numbers_done()
        parts, self.parts = self.parts, []
        if len(parts) == 1 and parts[0].startswith("("):
            self.out.append(f"{parts[0]} Tj")
        else:
            self.out.append(f"[{' '.join(parts)}] TJ")


class _Codes(dict[int, str]):
    """A document's glyph codes in its first font subset, as `str.translate` takes them: character -> code. A
    character without one yet is noted (`missed`), and the line then goes through reportlab's splitString."""

    missed = False
    known = 0  # how many of the font state's assignments are copied here

    def __missing__(self, key: int) -> str:
        self.missed = True
        raise LookupError(key)  # str.translate leaves the character as it is


# Per document and font: its codes, as the font's state for that document gives them out.
_codes: weakref.WeakKeyDictionary[Any, dict[str, _Codes]] = weakref.WeakKeyDictionary()


def _split(font: Any, doc: Any, text: str) -> list[tuple[int, bytes]]:
    """`font.splitString(text, doc)`: the line's glyph codes by font subset. A line of characters that all have a
    code in the first subset already (most lines after a report's first few) is looked up in one translate,
    instead of reportlab's loop over its characters; any other goes through splitString, which gives new codes."""
    by_font = _codes.get(doc)
    if by_font is None:
        by_font = _codes[doc] = {}
    table = by_font.get(font.fontName)
    if table is None:
        table = by_font[font.fontName] = _Codes()
    table.missed = False
    looked_up = text.translate(table)
    if not table.missed and text:
        return [(0, looked_up.encode("latin-1"))]
    chunks: list[tuple[int, bytes]] = font.splitString(text, doc)
    assignments = font.state[doc].assignments
    if len(assignments) > table.known:
        for char, code in itertools.islice(assignments.items(), table.known, None):  # new ones come last
            if code < 256:
                table[char] = chr(code)
        table.known = len(assignments)
    return chunks
