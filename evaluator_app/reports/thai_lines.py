"""Thai line breaking: newmm word segmentation and a flowable, ThaiParagraph, that fills its own lines."""

# Reportlab cannot break Thai, which has no spaces between words: its own wrapping cuts mid-word and,
# with shaping, prints .notdef boxes.  ThaiParagraph decides every line break at a word boundary and
# hands reportlab a shaped Paragraph whose lines are joined with <br/>.

from __future__ import annotations

import copy
import gc
import re
import threading
import unicodedata
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from ..collector import collection_paused
from ..domain.display_text import shown
from ..domain.thai_dates import THAI_MONTHS
from .fonts import body_style, register_fonts
from .line_operators import line_operators
from .shaping import line_width, shaped_string

__all__ = [
    "DOMAIN_WORDS",
    "FIGURE_FLOOR_SIZE",
    "NBSP",
    "Align",
    "Run",
    "ThaiFigure",
    "ThaiParagraph",
    "break_opportunities",
    "is_figure",
    "segment_words",
]

Align = Literal["left", "center", "right"]
_ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

# Marks that sit on or under the preceding consonant: a line must never start with one.
THAI_COMBINING = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(
    map(chr, range(0x0E47, 0x0E4F))))
_THAI_FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")  # ะ า ำ ๅ
_THAI_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ: written before their consonant
_REPEAT_MARKS = frozenset("\u0e46\u0e2f")  # ๆ ฯ
_OPENERS = frozenset("([{<“‘«")
_CLOSERS = frozenset(")]}>”’».,;:!?%") | _REPEAT_MARKS
_STRAIGHT_QUOTES = frozenset("\"'")  # open and close alternately (") or close after a word (')
_ZWSP = "\u200b"
_SOFT_HYPHEN = "\u00ad"
_NBSP = "\u00a0"  # prints as a space, never breaks (Paragraph agrees)
NBSP = _NBSP
# Characters XML 1.0 does not allow; reportlab's paragraph parser would fail on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile("[\t\u2002-\u200a\u3000]")


_DIGITS = "0123456789\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59"
# A number: digits with thousands separators and a decimal point.  Never broken across lines.
_NUMBER_RUN = re.compile(f"[{_DIGITS}](?:[{_DIGITS},.]*[{_DIGITS}])?")
# Words a number belongs to: an abbreviation ending in a dot (พ.ศ., ค.ศ.) or a word that counts (ข้อ, ฉบับที่).
_BEFORE_NUMBER = re.compile("(?:[\u0e01-\u0e2e]\\.|^(?:ข้อ|ฉบับที่|ครั้งที่|หน้า|ลำดับที่|รอบ))$")
# A Thai abbreviation (พ.ศ., ก.พ.ร.): its letters and dots are one word.
_ABBREVIATION = re.compile("(?:[\u0e01-\u0e2e]\\.){2,}")


# Words that belong to the number before them: a date's month, a round's "12 เดือน".
_MONTHS = frozenset((*THAI_MONTHS, "เดือน"))


def _starts_number(token: str) -> bool:
    return token[0] in _DIGITS


def _never_starts_line(ch: str) -> bool:
    return (ch in THAI_COMBINING or ch in _THAI_FOLLOWING_VOWELS or ch in _CLOSERS or ch == _NBSP
            or unicodedata.combining(ch) != 0)


# -- segmentation -------------------------------------------------------------------------------------

# Words of this domain that newmm's general dictionary lacks; without them ตัวชี้วัด (indicator), the
# most frequent word of these papers, may break as ตัวชี้|วัด.
# ประสิทธิ is the combining form of ประสิทธิ์: with it a compound such as ประสิทธิผล, split only when it cannot fit
# a line, splits as ประสิทธิ|ผล and not ประ|สิทธิผล.
# ผู้รับคำรับรอง and ผู้ทำคำรับรอง name the parties of an agreement: a line must not end at ผู้รับ.
DOMAIN_WORDS = frozenset({"ตัวชี้วัด", "ก.พ.ร.", "ค่าเป้าหมาย", "ค่าน้ำหนัก", "ถ่วงน้ำหนัก", "ประสิทธิ", "หน่วยวัด",
                          "ผู้รับคำรับรอง", "ผู้ทำคำรับรอง"})


class _Dictionary:
    """newmm's dictionary plus DOMAIN_WORDS, without copying or altering newmm's own trie.

    newmm's segmenter only ever asks its dictionary for ``prefixes(text)``.
    """

    def __init__(self, general: Any, extra: Iterable[str]) -> None:
        from newmm_tokenizer.trie import Trie

        self._general = general
        self._extra = Trie(extra)

    def prefixes(self, text: str) -> list[str]:
        found = self._general.prefixes(text)
        more = [word for word in self._extra.prefixes(text) if word not in found]
        return found + more if more else found


@dataclass(frozen=True)
class _Segmenter:
    segment: Callable[[str], list[str]]
    dictionary: _Dictionary
    tcc_pos: Callable[[str], set[int]]  # ends of Thai character clusters


_segmenter_lock = threading.Lock()
_segmenter: _Segmenter | None = None


def _newmm() -> _Segmenter:
    """Import newmm-tokenizer on first use: it builds its dictionary trie of 62,000 words when imported, 0.25-0.3 s
    with the collector paused (0.6-0.7 s with it walking the trie's growing nodes again and again)."""
    global _segmenter
    if _segmenter is None:
        with _segmenter_lock:
            if _segmenter is None:
                with collection_paused():
                    from newmm_tokenizer import newmm, tcc

                    dictionary = _Dictionary(newmm.DEFAULT_WORD_DICT_TRIE, DOMAIN_WORDS)
                    # The trie's 300,000 nodes live as long as the process: out of the collector's reach for good,
                    # and before it runs again, or its first pass walks them all (0.2 s). Everything alive now goes
                    # with them; the window gives all back when its workspace closes (ui/shell/main_window.py).
                    gc.freeze()
                _segmenter = _Segmenter(lambda text: newmm.segment(text, dictionary), dictionary, tcc.tcc_pos)
    return _segmenter


@lru_cache(maxsize=16384)
def _segment_cached(text: str) -> tuple[str, ...]:
    # Not newmm's safe_mode: it cuts long text at fixed offsets and returns pieces that split words
    # and start with combining marks (ญี่|ป|ุ่น).
    return tuple(_newmm().segment(text))


def segment_words(text: str) -> list[str]:
    """Thai (and mixed) text cut into newmm dictionary words; runs of spaces come back as their own tokens.

    Space-separated stretches are segmented one by one: a space is always a word boundary, and this
    keeps each segmenter call short and cacheable (cells repeat).
    """
    tokens: list[str] = []
    for piece in re.split("( +)", text):
        if piece.startswith(" "):
            tokens.append(piece)
        elif piece:
            tokens.extend(_segment_cached(piece))
    return tokens


# -- units: the pieces lines are made of ----------------------------------------------------------------

WORD, SPACE, HINT = "word", "space", "hint"


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    kind: str  # WORD, SPACE (a visible gap) or HINT (a break opportunity that prints nothing)
    level: int = 0  # 0 newmm word, 1 dictionary part of an over-long word, 2 character cluster


def _units_of(text: str, offset: int) -> list[_Unit]:
    """Unbreakable units of one hard line, keeping brackets and ๆ with their neighbours."""
    units: list[_Unit] = []
    glue_next = False
    double_quote_open = False
    position = offset
    for chunk_index, chunk in enumerate(text.split(_ZWSP)):
        if chunk_index:
            units.append(_Unit(position, position + 1, HINT))
            position += 1
            glue_next = False
        for token in segment_words(chunk):
            start, end = position, position + len(token)
            position = end
            if not token.strip(" "):
                if units and units[-1].kind == SPACE:
                    units[-1] = replace(units[-1], end=end)
                else:
                    units.append(_Unit(start, end, SPACE))
                glue_next = False
                continue
            first = token[0]
            previous = units[-1] if units else None
            before = (text[units[-2].start - offset:units[-2].end - offset]
                      if previous is not None and previous.kind == SPACE and len(units) > 1
                      and units[-2].kind == WORD else "")
            if before and ((_starts_number(token) and _BEFORE_NUMBER.search(before))
                           or (token in _MONTHS and _NUMBER_RUN.fullmatch(before.lstrip("([")))):
                # "พ.ศ. ๒๕๖๙", "ข้อ 3", "30 กันยายน": the number stays on the line of the word it belongs to.
                units.pop()
                units[-1] = replace(units[-1], end=end)
                glue_next = False
                continue
            if first == '"':
                closing_quote = double_quote_open
                double_quote_open = not double_quote_open
            else:
                closing_quote = first == "'" and previous is not None and previous.kind == WORD
            if previous is not None and previous.kind == WORD and (
                    glue_next or closing_quote or _never_starts_line(first)):
                units[-1] = replace(previous, end=end)
            elif (previous is not None and previous.kind == SPACE and len(units) > 1 and units[-2].kind == WORD
                  and (first in _REPEAT_MARKS or first in THAI_COMBINING or unicodedata.combining(first))):
                # Official style writes "ต่าง ๆ" with a space; the ๆ still belongs to its word.  A mark
                # typed after a space (a typing slip) must not start a line either.
                units.pop()
                units[-1] = replace(units[-1], end=end)
            else:
                units.append(_Unit(start, end, WORD))
            glue_next = (token[-1] == _NBSP
                         or (all(ch in _OPENERS or ch in _STRAIGHT_QUOTES for ch in token) and not closing_quote))
    return units


def _dictionary_breaks(text: str) -> list[int]:
    """Positions inside an over-long word where it splits into dictionary words (a compound).

    Only a split of the whole Thai stretch into dictionary words counts, and of those the one with the fewest
    parts (ประสิทธิ|ผล, not ประ|สิ|ทธิผล): a break with a dictionary word on one side only cuts a word.
    """
    seg = _newmm()
    trie, tcc_pos = seg.dictionary, seg.tcc_pos
    breaks: set[int] = set()
    for match in re.finditer("[\u0e01-\u0e4e]+", text):
        span = match.group()
        n = len(span)
        valid = tcc_pos(span) | {n}
        # Breadth-first over cluster boundaries: the first path to reach n has the fewest words.
        came_from: dict[int, int] = {0: -1}
        frontier = [0]
        while frontier and n not in came_from:
            following = []
            for i in frontier:
                # Longest words first, so that equal counts prefer long leading words.
                for word in sorted(trie.prefixes(span[i:]), key=len, reverse=True):
                    j = i + len(word)
                    if j in valid and j not in came_from and (i, j) != (0, n):
                        came_from[j] = i
                        following.append(j)
            frontier = following
        if n not in came_from:
            continue
        position = came_from[n]
        while position > 0:
            breaks.add(match.start() + position)
            position = came_from[position]
    return sorted(p for p in breaks if _cluster_safe(text, p))


def _soft_breaks(text: str) -> set[int]:
    """Inside an over-long unit, after a no-break space, hyphen or slash (พ.ศ. 2569, e-Government, a/b)."""
    return {i + 1 for i, ch in enumerate(text[:-1])
            if ch in "\u00a0-/" and not _never_starts_line(text[i + 1]) and not text[i + 1].isspace()}


def _cluster_safe(text: str, p: int) -> bool:
    """A break before text[p] keeps marks on their consonant and brackets on their word."""
    before, after = text[p - 1], text[p]
    return not (_never_starts_line(after) or before in _THAI_LEADING_VOWELS or before in _OPENERS
                or after.isspace() or before.isspace())


def _cluster_breaks(text: str) -> list[int]:
    """Last resort: Thai character cluster boundaries (and character boundaries elsewhere)."""
    tcc_pos = _newmm().tcc_pos
    allowed: set[int] = set(range(1, len(text)))
    for match in re.finditer("[\u0e01-\u0e5b]+", text):
        inside = set(range(match.start() + 1, match.end()))
        clusters = {match.start() + p for p in tcc_pos(match.group())}
        allowed -= inside - clusters
    for pattern in (_NUMBER_RUN, _ABBREVIATION):
        for match in pattern.finditer(text):
            allowed -= set(range(match.start() + 1, match.end()))
    return sorted(p for p in allowed if _cluster_safe(text, p))


def break_opportunities(text: str) -> list[int]:
    """Offsets in ``text`` where a line may break between words (after any spaces)."""
    positions = []
    for unit in _units_of(text, 0)[1:]:
        if unit.kind == WORD:
            positions.append(unit.start)
    return positions


# -- the flowable -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting, for inline bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class _Line:
    start: int
    end: int


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_SOFT_HYPHEN, "")
    text = _SPACES.sub(" ", text)
    # Escape sequences and bidi overrides in a name or comment are printed as their escapes, never obeyed.
    return _XML_ILLEGAL.sub("", shown(text))


# Wrapped Paragraphs shared by ThaiParagraphs of the same runs, style and width (headers, labels, signature lines
# and indicator names recur in every report of a batch).  Per thread: drawing sets the Paragraph's canvas.
_SHARED_LIMIT = 4096
_COUNTED = object()  # a wrap whose lines were counted without a Paragraph (ThaiParagraph._counted_size)
_COUNT_MARGIN = 0.01  # points a counted line leaves to spare at least: sums of widths may differ in the last bits
_shared = threading.local()


def _shared_wraps() -> OrderedDict[tuple[Any, ...], tuple[Paragraph | object, float, float, list[_Line]]]:
    wraps = getattr(_shared, "wraps", None)
    if wraps is None:
        wraps = _shared.wraps = OrderedDict()
    return wraps


def _style_key(style: ParagraphStyle) -> tuple[tuple[str, str], ...]:
    """Every attribute of a style but its name, as text: styles equal in all of them lay out and draw alike."""
    return tuple(sorted((k, repr(v)) for k, v in vars(style).items() if k not in ("name", "parent")))


# The key of each base style a ThaiParagraph was made from, kept while the style lives: a report's cells share a
# few base styles, and the key (every attribute as text, sorted) cost a tenth of planning when made per wrap.
_base_keys: weakref.WeakKeyDictionary[ParagraphStyle, tuple[tuple[str, str], ...]] = weakref.WeakKeyDictionary()


def _base_style_key(style: ParagraphStyle) -> tuple[tuple[str, str], ...]:
    key = _base_keys.get(style)
    if key is None:
        key = _base_keys[style] = _style_key(style)
    return key


# The styles ThaiParagraphs draw with, by their base's name and attributes and the alignment: a report makes
# thousands of paragraphs from a few dozen styles (reportlab's ParagraphStyle copies its parent's attributes when
# made, so an equal base gives an equal style). Nothing changes a paragraph's style after it is made.
_thai_styles: dict[tuple[Any, ...], ParagraphStyle] = {}


def _thai_style(base: ParagraphStyle, alignment: int, sharing: tuple[Any, ...]) -> ParagraphStyle:
    key = (base.name, *sharing)
    style = _thai_styles.get(key)
    if style is None:
        if len(_thai_styles) > 2000:
            _thai_styles.clear()
        style = _thai_styles[key] = ParagraphStyle(f"{base.name}-thai", parent=base, alignment=alignment, shaping=1,
                                                   splitLongWords=0)
    return style


def _draw_one_line(canvas: Any, style: ParagraphStyle, alignment: int, font: str, text: str, text_width: float,
                   width: float, height: float) -> None:
    """Draw one line of one font as Paragraph draws it, with the same PDF operators.

    A text object at the left indent with its baseline one font size below the top, moved right by the room
    the line leaves (right) or half of it (center), and back; each word shaped by HarfBuzz on its own and the
    words joined by one space, as Paragraph shapes and joins them (tests/reports/test_fast_paths.py compares
    the bytes).
    """
    code = _one_line_code(canvas, style, alignment, font, text, text_width, width, height)
    if code is not None:
        canvas._code.extend(("q", code, "Q"))
        return
    move = _line_move(style, alignment, text_width, width)
    canvas.saveState()
    out = canvas.beginText(style.leftIndent, height - style.fontSize)
    if move:
        out.setXPos(move)
    out.setLeading(style.leading)
    out.setFillColor(style.textColor)
    out.setFont(font, style.fontSize, style.leading)
    out.textLine(_joined(text, font, style.fontSize))
    if move:
        out.setXPos(-move)
    canvas.drawText(out)
    canvas.restoreState()


def _draw_one_line_on(canvas: Any, x: float, y: float, style: ParagraphStyle, alignment: int, font: str, text: str,
                      text_width: float, width: float, height: float) -> None:
    """What Flowable.drawOn (saved state, origin moved to x, y) around `_draw_one_line` writes, written at once.

    A score table draws thousands of these cells; reportlab's state stack, transform and text object cost more
    than the text itself (tests/reports/test_fast_paths.py compares the bytes with Flowable.drawOn's)."""
    code = _one_line_code(canvas, style, alignment, font, text, text_width, width, height)
    if code is None:
        canvas.saveState()
        canvas.translate(x, y)
        _draw_one_line(canvas, style, alignment, font, text, text_width, width, height)
        canvas.restoreState()
        return
    # The state is saved right before the move, so reportlab's transform never merges it into an earlier "cm".
    canvas._code.extend(("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", "q", code, "Q", "Q"))


def _line_move(style: ParagraphStyle, alignment: int, text_width: float, width: float) -> float:
    move = style.firstLineIndent
    spare = width - style.leftIndent - style.rightIndent - style.firstLineIndent - text_width
    if alignment == TA_RIGHT:
        move += spare
    elif alignment == TA_CENTER:
        move += spare / 2
    return float(move)


def _joined(text: str, font: str, size: float) -> str:
    line: str | None = None
    for word in text.split(" "):
        shaped = shaped_string(word, font, size)
        line = shaped if line is None else line + " " + shaped  # a ShapedStr keeps its glyph positions
    return line or ""


_dynamic_fonts: dict[str, bool] = {}
# Per document, the text operators of each line drawn: a document gives a character its code in a font subset the
# first time it is drawn and keeps it, so a line of the same font, size, leading and text writes the same bytes
# again (header rows repeated on every page, the same labels and figures in many cells).
_glyph_codes: weakref.WeakKeyDictionary[Any, dict[tuple[str, float, float, str], str]] = weakref.WeakKeyDictionary()


def _one_line_code(canvas: Any, style: ParagraphStyle, alignment: int, font: str, text: str, text_width: float,
                   width: float, height: float) -> str | None:
    """The text object `_draw_one_line` draws, as the PDF code reportlab's text object would write; None where
    this cannot promise the same (a top-down canvas, colour-space rules, CMYK or named colours, a changed
    transparency, a font that is not TrueType): the text object then draws it."""
    colour = style.textColor
    if (not canvas.bottomup or getattr(canvas, "_enforceColorSpace", None) is not None
            or not isinstance(colour, Color) or isinstance(colour, CMYKColor)):
        return None
    dynamic = _dynamic_fonts.get(font)
    if dynamic is None:
        dynamic = _dynamic_fonts[font] = bool(pdfmetrics.getFont(font)._dynamicFont)
    if not dynamic:
        return None
    alpha = getattr(colour, "alpha", None)
    if alpha is not None:
        if alpha != canvas._extgstate.getValue("ca"):
            return None  # the text object would write a graphics state
        canvas._doc.ensureMinPdfVersion("transparency")
    size, leading = style.fontSize, style.leading
    known = _glyph_codes.get(canvas._doc)
    if known is None:
        known = _glyph_codes[canvas._doc] = {}
    glyphs = known.get((font, size, leading, text))
    if glyphs is None:
        # The glyph codes of the document's font subsets, as a bare text object's _formatText writes them.
        glyphs = known[(font, size, leading, text)] = line_operators(canvas, pdfmetrics.getFont(font), size, leading,
                                                                     _joined(text, font, size))
    move = _line_move(style, alignment, text_width, width)
    parts = [f"BT 1 0 0 1 {fp_str(style.leftIndent, height - size)} Tm"]
    if move:
        parts.append(f"{fp_str(move, 0)} Td")
    parts.append(f"{fp_str(leading)} TL {fp_str((colour.red, colour.green, colour.blue))} rg {glyphs} T*")
    if move:
        parts.append(f"{fp_str(-move, 0)} Td")
    parts.append("ET")
    return " ".join(parts)


class ThaiParagraph(Flowable):
    """A paragraph of Thai, English and numbers that breaks lines only between words.

    ``text`` is plain text (not markup: ``&``, ``<`` and ``>`` print as themselves) or a sequence of
    ``Run`` for inline bold/italic.  A newline forces a line break; U+200B marks an extra break
    opportunity and prints nothing.  Works as a story element and inside Table cells, and splits
    between lines across frames and pages.  Justified alignment falls back to left: Thai has no
    inter-word spaces to stretch.
    """

    def __init__(self, text: str | Sequence[Run], style: ParagraphStyle | None = None, *,
                 bold: bool = False, italic: bool = False, align: Align | None = None) -> None:
        super().__init__()
        register_fonts()
        runs = [Run(text)] if isinstance(text, str) else list(text)
        if bold or italic:
            runs = [Run(r.text, r.bold or bold, r.italic or italic) for r in runs]
        self._runs = [Run(_clean(r.text), r.bold, r.italic) for r in runs if r.text]
        # A final newline would make Paragraph drop the empty last line and disagree with our count.
        while self._runs and self._runs[-1].text.rstrip(" \n") != self._runs[-1].text:
            last = self._runs.pop()
            if last.text.rstrip(" \n"):
                self._runs.append(Run(last.text.rstrip(" \n"), last.bold, last.italic))
        self._text = "".join(r.text for r in self._runs)
        base = style if style is not None else body_style()
        alignment = _ALIGNMENTS[align] if align is not None else base.alignment
        if alignment == TA_JUSTIFY:
            alignment = TA_LEFT
        # This paragraph's style is its base's attributes, the alignment and the two settings below: the base's
        # key and the alignment tell equal styles apart (a piece of a split has a style of its own and is never
        # shared).
        self._sharing_style: tuple[Any, ...] = (_base_style_key(base), alignment)
        self.style = _thai_style(base, alignment, self._sharing_style)
        self._family, self._base_bold, self._base_italic = ps2tt(self.style.fontName)
        self._units: list[tuple[int, list[_Unit]]] | None = None
        self._font_spans: list[tuple[int, int, str]] | None = None
        self._layouts: dict[tuple[float, float], list[_Line]] = {}
        self._min_width: float | None = None
        self._plain: bool | None = None  # whether the text is one run of words a space apart (_plain_line_width)
        # The Paragraph that draws: None after a wrap that draws the text as one line; _COUNTED after a wrap that
        # counted the lines without one (built when first drawn, see `_para`).
        self._held: Paragraph | object | None = None
        # Wrapped Paragraphs (None: one line) and their sizes by available width: Table and the frame wrap the same cell
        # many times (column sizing, every page-split attempt), always at its column's width.
        self._wraps: dict[float, tuple[Paragraph | None, float, float]] = {}
        self._shareable = True  # a piece of a split keeps the lines its whole chose, so lays out on its own
        # One run of one word (no spaces, no breaks): when it fits its width it is drawn as one shaped line,
        # without a Paragraph (table headers, labels).
        # (&, < and > are escaped for Paragraph, whose parser then draws them as pieces of their own.)
        one_word = (len(self._runs) == 1 and bool(self._text) and _ZWSP not in self._text
                    and not any(ch.isspace() or ch in "&<>" for ch in self._text))
        self._word_width: float | None = (line_width([(self._text, self._fonts()[0][2])], self.style.fontSize)
                                          if one_word else None)
        self._one_line = False  # the last wrap drew the word as one line
        self.keepWithNext = getattr(self.style, "keepWithNext", 0)
        self.width = self.height = 0.0

    # public inspection -----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The plain text, as it will print (before line breaking)."""
        return self._text

    def lines_for_width(self, width: float) -> list[str]:
        """The text of each line this paragraph prints when given ``width`` points."""
        # As drawn: Paragraph prints a run of spaces as one.
        return [re.sub(" {2,}", " ", self._text[line.start:line.end].replace(_ZWSP, ""))
                for line in self._layout(width)]

    def getPlainText(self, identify: object = None) -> str:
        # reportlab asks with identify=1 when it names a flowable in an error message.
        return self._text

    # reportlab protocol ----------------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Paragraph's lines and height depend on the width only, never on availHeight.
        key = round(availWidth, 3)
        wrapped = self._wraps.get(key)
        if wrapped is None:
            wrapped = self._wraps[key] = self._one_line_size(availWidth) or self._shared_paragraph(availWidth)
        self._held, self.width, self.height = wrapped
        self._one_line = self._held is None
        return self.width, self.height

    @property
    def _para(self) -> Paragraph | None:
        """The Paragraph that draws the last wrap's lines (None: drawn as one line), built now if the wrap only
        counted them."""
        if self._held is _COUNTED:
            self._held = self._counted_paragraph(self.width)
        return self._held  # type: ignore[return-value]

    @_para.setter
    def _para(self, value: Paragraph | None) -> None:
        self._held = value

    def _plain_line_width(self) -> float | None:
        """The width of the text when the last wrap counted it as one line of one run of words a space apart, which
        is drawn as Paragraph draws it (`_draw_one_line`) without building one: a table's one-line names and
        headings, signature lines. None otherwise (the Paragraph draws)."""
        if self._held is not _COUNTED or self._plain is False or len(self._layout(self.width)) != 1:
            return None
        if self._plain is None:
            text = self._text
            # Paragraph reads markup (& < >), drops a hint (ZWSP), breaks at any other white space and prints a run
            # of spaces as one; it also draws a style's background, border or other writing direction: such text
            # keeps its Paragraph.
            style = self.style
            self._plain = (len(self._runs) == 1 and bool(text) and text.strip(" ") == text and "  " not in text
                           and not any(ch in "&<>" or (ch.isspace() and ch not in " " + _NBSP) or ch == _ZWSP
                                       for ch in text)
                           and not style.backColor and not (style.borderColor and style.borderWidth)
                           and not getattr(style, "wordWrap", None))
        if not self._plain:
            return None
        return line_width([(self._text, self._fonts()[0][2])], self.style.fontSize)

    def _counted_size(self, avail_width: float) -> tuple[object, float, float] | None:
        """(_COUNTED, width, height) when the lines are known without asking a Paragraph: every line of our layout
        is narrower than its room by a margin, as Paragraph measures it (the same shaped word widths and
        spaces), so the Paragraph keeps each line whole and is as tall as the lines' leading. Most of a report's
        wraps only measure (the page plan, the particulars' split, column sizing): the Paragraph is built for
        the wraps that are drawn. None when in doubt (forced breaks, a word wider than its line, autoLeading)."""
        style = self.style
        if avail_width < 1e-8 or "\n" in self._text or getattr(style, "autoLeading", "") not in ("", "off", None):
            return None
        lines = self._layout(avail_width)
        if not lines:
            return None
        limit = self._line_limits(avail_width)
        for index, line in enumerate(lines):
            if line.end <= line.start:
                return None
            drawn = line_width(self._pieces(line.start, line.end), style.fontSize)
            if drawn > limit(index) - _COUNT_MARGIN:
                return None
        return _COUNTED, avail_width, len(lines) * style.leading

    def _counted_paragraph(self, avail_width: float) -> Paragraph:
        """The Paragraph of a wrap that counted the lines: the one an equal ThaiParagraph built, or a new one."""
        key = (tuple(self._runs), self._sharing_style, round(avail_width, 3)) if self._shareable else None
        wraps = _shared_wraps()
        shared = wraps.get(key) if key is not None else None
        if shared is not None and isinstance(shared[0], Paragraph):
            para = shared[0]
        else:
            para = Paragraph(self._markup(self._layout(avail_width)), self.style)
            para.wrap(avail_width, 1e9)
            if shared is not None and key is not None:
                wraps[key] = (para, *shared[1:])
        self._wraps[round(avail_width, 3)] = (para, self.width, self.height)
        return para

    def _one_line_size(self, avail_width: float) -> tuple[None, float, float] | None:
        """(None, width, height) when the text is one word that fits on the first line: no Paragraph needed."""
        if self._word_width is None or avail_width < 1e-8:
            return None
        if self._word_width > self._line_limits(avail_width)(0) + 1e-6:
            return None
        return None, avail_width, self.style.leading

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        line_width = self._one_line_width()
        if line_width is not None:
            if getattr(self, "_showBoundary", None):
                super().drawOn(canvas, x, y, _sW)
            else:
                _draw_one_line_on(canvas, self._hAlignAdjust(x, _sW), y, self.style, self.style.alignment,
                                  self._fonts()[0][2], self._text, line_width, self.width, self.height)
            return
        assert self._para is not None, "wrap() must be called before drawOn()"
        self._para.drawOn(canvas, x, y, _sW)

    def _one_line_width(self) -> float | None:
        """The width of the text when it is drawn as one line of one font without a Paragraph, else None."""
        if self._one_line:
            assert self._word_width is not None
            return self._word_width
        return self._plain_line_width()

    def draw(self) -> None:
        line_width = self._one_line_width()
        if line_width is not None:
            _draw_one_line(self.canv, self.style, self.style.alignment, self._fonts()[0][2], self._text,
                           line_width, self.width, self.height)
            return
        assert self._para is not None, "wrap() must be called before draw()"
        self._para.canv = self.canv
        try:
            self._para.draw()
        finally:
            del self._para.canv

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if availWidth <= 0 or availHeight <= 0 or not self._text.strip():
            return []
        lines = self._layout(availWidth)
        leading = self.style.leading
        fits = int((availHeight + 1e-8) / leading)
        allow_orphans = self.style.allowOrphans
        if fits == 0 or (not allow_orphans and fits <= 1):
            return []
        total = len(lines)
        if total <= fits:
            return [self]
        if not self.style.allowWidows and total == fits + 1:
            if (allow_orphans and total == 3) or total > 3:
                fits -= 1
            else:
                return []
        cut = lines[fits].start
        first = self._piece(0, cut, self.style)
        first._layouts[self._layout_key(availWidth)] = lines[:fits]
        rest_style = ParagraphStyle(f"{self.style.name}-cont", parent=self.style, firstLineIndent=0,
                                    spaceBefore=0)
        return [first, self._piece(cut, len(self._text), rest_style)]

    def minWidth(self) -> float:
        """The widest single word: Table uses it to size columns without a given width."""
        # Kept: Table asks for every cell at each wrap and page split, and the text never changes.
        if self._min_width is None:
            self._min_width = max((self._unit_width(u) for _, units in self._hard_lines() for u in units
                                   if u.kind == WORD), default=0.0)
        return self._min_width

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def __repr__(self) -> str:
        preview = self._text if len(self._text) < 40 else self._text[:37] + "..."
        return f"ThaiParagraph({preview!r})"

    # layout ----------------------------------------------------------------------------------------
    def _piece(self, start: int, end: int, style: ParagraphStyle) -> ThaiParagraph:
        piece = copy.copy(self)
        piece.style = style
        piece._runs = list(_slice_runs(self._runs, start, end))
        piece._text = self._text[start:end]
        piece._units = None
        piece._font_spans = None
        piece._layouts = {}
        piece._min_width = None
        piece._plain = None
        piece._para = None
        piece._wraps = {}
        piece._shareable = False
        piece._word_width = None  # a piece is drawn by its Paragraph, like its whole
        piece._one_line = False
        return piece

    def _layout_key(self, avail_width: float) -> tuple[float, float]:
        return (round(avail_width, 3), 0.0)

    def _hard_lines(self) -> list[tuple[int, list[_Unit]]]:
        """(offset, units) of each line the text's own newlines make."""
        if self._units is None:
            result = []
            offset = 0
            for hard_line in self._text.split("\n"):
                result.append((offset, _units_of(hard_line, offset)))
                offset += len(hard_line) + 1
            self._units = result
        return self._units

    def _fonts(self) -> list[tuple[int, int, str]]:
        """(start, end, font name) for each run, resolved the way Paragraph resolves <b> and <i>."""
        if self._font_spans is None:
            spans = []
            position = 0
            for run in self._runs:
                font = tt2ps(self._family, int(run.bold or self._base_bold), int(run.italic or self._base_italic))
                spans.append((position, position + len(run.text), font))
                position += len(run.text)
            self._font_spans = spans
        return self._font_spans

    def _pieces(self, start: int, end: int) -> list[tuple[str, str]]:
        pieces = []
        for run_start, run_end, font in self._fonts():
            lo, hi = max(start, run_start), min(end, run_end)
            if lo < hi:
                pieces.append((self._text[lo:hi].replace(_ZWSP, ""), font))
        return pieces

    def _unit_width(self, unit: _Unit) -> float:
        return line_width(self._pieces(unit.start, unit.end), self.style.fontSize)

    def _line_limits(self, avail_width: float, shrink: float = 0.0) -> Callable[[int], float]:
        style = self.style
        inner = avail_width - style.leftIndent - style.rightIndent - shrink
        first = inner - style.firstLineIndent

        def limit(index: int) -> float:
            return first if index == 0 else inner

        return limit

    def _layout(self, avail_width: float, shrink: float = 0.0) -> list[_Line]:
        key = (round(avail_width, 3), shrink)
        if key not in self._layouts:
            self._layouts[key] = self._fill(self._line_limits(avail_width, shrink))
        return self._layouts[key]

    def _fill(self, limit: Callable[[int], float]) -> list[_Line]:
        """Greedy filling: as many whole units on each line as its width allows."""
        lines: list[_Line] = []
        if not self._text.strip():
            return lines
        for offset, units in self._hard_lines():
            if any(u.kind == WORD for u in units):
                self._fill_hard_line(deque(units), limit, lines)
            else:
                lines.append(_Line(offset, offset))  # an empty line the text asked for
        return lines

    def _fill_hard_line(self, queue: deque[_Unit], limit: Callable[[int], float], lines: list[_Line]) -> None:
        size = self.style.fontSize
        current: list[_Unit] = []
        width = gap = 0.0
        while queue:
            unit = queue.popleft()
            if unit.kind != WORD:
                if current:
                    current.append(unit)
                    if unit.kind == SPACE:
                        gap = max(gap, line_width([(" ", self._font_at(unit.start))], size))
                continue
            unit_width = self._unit_width(unit)
            room = limit(len(lines))
            if current and width + gap + unit_width <= room:
                current.append(unit)
                width += gap + unit_width
                gap = 0.0
                continue
            if unit_width > room and unit.level < 2:
                parts = self._refine(unit)
                if len(parts) > 1:
                    queue.extendleft(reversed(parts))
                    if current and parts[0].level == 2:
                        # Cut into clusters, a word starts on a line of its own: fewer cuts.
                        self._close_line(current, queue, limit, lines)
                        current, width, gap = [], 0.0, 0.0
                    continue
            if current:
                # The unit starts the next line, after any units _close_line hands back.
                queue.appendleft(unit)
                self._close_line(current, queue, limit, lines)
                current, width, gap = [], 0.0, 0.0
                continue
            current, width, gap = [unit], unit_width, 0.0
        if current:
            self._close_line(current, queue, limit, lines)
            if queue:  # units handed back by the width check
                self._fill_hard_line(queue, limit, lines)

    def _close_line(self, current: list[_Unit], queue: deque[_Unit], limit: Callable[[int], float],
                    lines: list[_Line]) -> None:
        # Trailing spaces and hints are not printed.
        while current[-1].kind != WORD:
            current.pop()
        # Per-unit widths ignore shaping across unit boundaries; check the line as it will be drawn.
        while len(current) > 1 and self._drawn_width(current) > limit(len(lines)) + 1e-6:
            queue.appendleft(current.pop())
            while current[-1].kind != WORD:
                queue.appendleft(current.pop())
        lines.append(_Line(current[0].start, current[-1].end))

    def _font_at(self, position: int) -> str:
        for start, end, font in self._fonts():
            if start <= position < end:
                return font
        return self.style.fontName

    def _drawn_width(self, units: Sequence[_Unit]) -> float:
        return line_width(self._pieces(units[0].start, units[-1].end), self.style.fontSize)

    def _refine(self, unit: _Unit) -> list[_Unit]:
        """Split an over-long unit: first into its dictionary words, failing that into clusters."""
        text = self._text[unit.start:unit.end]
        level = unit.level + 1
        breaks = sorted(set(_dictionary_breaks(text)) | _soft_breaks(text)) if unit.level == 0 else []
        if not breaks:
            breaks, level = _cluster_breaks(text), 2
        if not breaks:
            return [unit]
        edges = [0, *breaks, len(text)]
        return [_Unit(unit.start + a, unit.start + b, WORD, level) for a, b in pairwise(edges)]

    # the Paragraph that draws ------------------------------------------------------------------------
    def _markup(self, lines: Iterable[_Line]) -> str:
        out = []
        for line in lines:
            parts = []
            for run_start, run_end, run in self._run_spans():
                lo, hi = max(line.start, run_start), min(line.end, run_end)
                if lo >= hi:
                    continue
                text = escape(self._text[lo:hi].replace(_ZWSP, ""))
                if run.italic:
                    text = f"<i>{text}</i>"
                if run.bold:
                    text = f"<b>{text}</b>"
                parts.append(text)
            out.append("".join(parts))
        return "<br/>".join(out)

    def _run_spans(self) -> list[tuple[int, int, Run]]:
        spans = []
        position = 0
        for run in self._runs:
            spans.append((position, position + len(run.text), run))
            position += len(run.text)
        return spans

    def _shared_paragraph(self, avail_width: float) -> tuple[Paragraph | object, float, float]:
        """_paragraph, or the Paragraph an equal ThaiParagraph built for this width, with the lines it drew."""
        if not self._shareable:
            return self._counted_size(avail_width) or self._paragraph(avail_width)
        wraps = _shared_wraps()
        key = (tuple(self._runs), self._sharing_style, round(avail_width, 3))
        shared = wraps.get(key)
        if shared is None:
            para, width, height = self._counted_size(avail_width) or self._paragraph(avail_width)
            shared = wraps[key] = (para, width, height, self._layout(avail_width))
            if len(wraps) > _SHARED_LIMIT:
                wraps.popitem(last=False)
        else:
            wraps.move_to_end(key)
            self._layouts[self._layout_key(avail_width)] = shared[3]
        return shared[0], shared[1], shared[2]

    def _paragraph(self, avail_width: float) -> tuple[Paragraph, float, float]:
        """The Paragraph that draws this text at ``avail_width``, wrapped there, and its size."""
        shrink = 0.0
        for _attempt in range(4):
            lines = self._layout(avail_width, shrink)
            para = Paragraph(self._markup(lines), self.style)
            width, height = para.wrap(avail_width, 1e9)
            drawn = len(para.blPara.lines) if lines else 0
            if drawn <= len(lines):
                break
            # Paragraph measured a line wider than we did and wrapped it again: lay out a bit narrower.
            shrink += 1.0
        if shrink:
            self._layouts[self._layout_key(avail_width)] = lines
        return para, width, height


def _slice_runs(runs: Sequence[Run], start: int, end: int) -> Iterable[Run]:
    position = 0
    for run in runs:
        lo, hi = max(start, position), min(end, position + len(run.text))
        if lo < hi:
            yield Run(run.text[lo - position:hi - position], run.bold, run.italic)
        position += len(run.text)


# -- figures ------------------------------------------------------------------------------------------

# A figure: digits (Arabic or Thai), a decimal point, a sign or dash, brackets.  Nothing in it needs line
# breaking, and nothing combines: it prints as one line, the way ThaiParagraph would print it.
_FIGURE = re.compile("[0-9\u0e50-\u0e59.,()\\-\u2013]+")


def is_figure(text: str) -> bool:
    """Whether ``text`` is a figure ThaiFigure can print (digits, Thai digits, ``.`` ``,`` ``-`` ``–`` ``(`` ``)``)."""
    return _FIGURE.fullmatch(text) is not None


FIGURE_FLOOR_SIZE = 8.0  # a figure shrinks to fit its cell down to this size, then wraps between tokens


class ThaiFigure(Flowable):
    """One figure on one line: a table cell of weights, thresholds, results and scores.

    Prints exactly as a one-line ThaiParagraph of the same text and style (the same shaped glyphs, baseline
    and alignment) without building a Paragraph: a report has hundreds of these cells and reportlab wraps
    each cell again for every page-split attempt.  A number is never broken: should the figure not fit its
    width, its font shrinks, down to FIGURE_FLOOR_SIZE; only then does it wrap, and only between tokens
    (``(1,234.50)`` stays whole; ``1,234-5,678`` may wrap after the dash), as a ThaiParagraph at the floor size.
    """

    def __init__(self, text: str, style: ParagraphStyle | None = None, *, bold: bool = False,
                 align: Align | None = None) -> None:
        super().__init__()
        if not is_figure(text):
            raise ValueError(f"not a figure: {text!r}")
        self._text = text
        self._bold = bold
        self._align = align
        base = style if style is not None else body_style()
        register_fonts()
        family, base_bold, base_italic = ps2tt(base.fontName)
        self._font = tt2ps(family, int(bold or base_bold), base_italic)
        alignment = _ALIGNMENTS[align] if align is not None else base.alignment
        self._alignment = TA_LEFT if alignment == TA_JUSTIFY else alignment
        self.style = base
        self._text_width = line_width([(text, self._font)], base.fontSize)
        self._overflow: ThaiParagraph | None = None
        self._use_paragraph = False  # the last wrap could not fit the figure on one line even at the floor size
        self._size = base.fontSize  # the size the last wrap chose
        self._fitted: dict[float, tuple[float, float] | None] = {}  # by width: (size, height) on one line, or None
        self._fitted_styles: dict[float, ParagraphStyle] = {}  # by the size the figure shrank to
        self.width = self.height = 0.0

    @property
    def text(self) -> str:
        return self._text

    def getPlainText(self, identify: object = None) -> str:
        return self._text

    def fitted_size(self, width: float) -> float:
        """The font size the figure prints at in ``width`` points: its own, or smaller down to the floor."""
        room = self._room(width)
        size = self.style.fontSize
        if self._text_width <= room + 1e-6 or self._text_width <= 0:
            return size
        # Widths scale with the size; a tenth of a point below the exact ratio absorbs rounding.
        return max(min(FIGURE_FLOOR_SIZE, size), int(size * room / self._text_width * 10) / 10)

    def lines_for_width(self, width: float) -> list[str]:
        if self._fits_on_one_line(width):
            return [self._text]
        return self._paragraph().lines_for_width(width)

    def _fits_on_one_line(self, width: float) -> bool:
        size = self.fitted_size(width)
        return self._text_width * size / self.style.fontSize <= self._room(width) + 1e-6

    def _room(self, avail_width: float) -> float:
        style = self.style
        return avail_width - style.leftIndent - style.rightIndent - style.firstLineIndent

    def _paragraph(self) -> ThaiParagraph:
        if self._overflow is None:
            floor = min(FIGURE_FLOOR_SIZE, self.style.fontSize)
            small = ParagraphStyle(f"{self.style.name}-floor", parent=self.style, fontSize=floor,
                                   leading=self.style.leading * floor / self.style.fontSize)
            self._overflow = ThaiParagraph(self._text, small, bold=self._bold, align=self._align)
        return self._overflow

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Kept per width: Table wraps every cell for its columns, its rows and again at each page split.
        fitted = self._fitted.get(availWidth)
        if fitted is None:
            fitted = self._fitted[availWidth] = ((self.fitted_size(availWidth), self.style.leading)
                                                 if self._fits_on_one_line(availWidth) else None)
        if fitted is not None:
            self._size, self.height = fitted
            self.width = availWidth
            self._use_paragraph = False
        else:
            self.width, self.height = self._paragraph().wrap(availWidth, availHeight)
            self._use_paragraph = True
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._fits_on_one_line(availWidth):
            return self._paragraph().split(availWidth, availHeight)
        if availWidth <= 0 or availHeight + 1e-8 < self.style.leading:
            return []
        return [self]

    def minWidth(self) -> float:
        return self._text_width

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self._use_paragraph:
            self._paragraph().drawOn(canvas, x, y, _sW)
        elif getattr(self, "_showBoundary", None):
            super().drawOn(canvas, x, y, _sW)
        else:
            _draw_one_line_on(canvas, self._hAlignAdjust(x, _sW), y, self._drawn_style(), self._alignment,
                              self._font, self._text, self._drawn_width(), self.width, self.height)

    def draw(self) -> None:
        _draw_one_line(self.canv, self._drawn_style(), self._alignment, self._font, self._text, self._drawn_width(),
                       self.width, self.height)

    def _drawn_style(self) -> ParagraphStyle:
        if self._size == self.style.fontSize:
            return self.style
        style = self._fitted_styles.get(self._size)
        if style is None:
            style = self._fitted_styles[self._size] = ParagraphStyle(f"{self.style.name}-fitted", parent=self.style,
                                                                     fontSize=self._size)
        return style

    def _drawn_width(self) -> float:
        return self._text_width * self._size / self.style.fontSize

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def __repr__(self) -> str:
        return f"ThaiFigure({self._text!r})"
