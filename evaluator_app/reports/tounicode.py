"""Make shaped Thai extractable: /ToUnicode maps reportlab's private-use glyph codes back to real characters."""

# Why: with shaping on, HarfBuzz picks glyphs that have no cmap entry (uni0E48.small, a tone mark
# lowered for use without an upper vowel; yoYingthai.less, ญ without its tail).  reportlab gives each
# such glyph a private-use code point (U+E000...) and writes that code into the font's /ToUnicode map,
# so pypdf, pdftotext, copy/paste and search in viewers all see "ที\ue000" instead of "ที่".  The glyph
# names tell the truth, so the corrected map derives every private glyph's character from its name.
#
# How: reportlab 5.1 builds the map in the module function reportlab.pdfbase.ttfonts.makeToUnicodeCMap,
# called (by global name lookup) from TTFont.addObjects with only the subset's PDF name and code list.
# ExtractableTTFont.addObjects publishes the font being written in a context variable, and install()
# replaces the module function with one that uses the corrected mapping while that variable is set
# and delegates to the original otherwise, so other fonts in the process are untouched.  fonts.py
# registers Sarabun as ExtractableTTFont and calls install(), so the fix comes with registration.
#
# ำ (SARA AM): HarfBuzz draws it as two glyphs, nikhahit (moved before any tone mark, which it may join as a
# ligature, uni0E4D0E49 in น้ำ) and sara aa.  Both are ordinary glyphs, so the map would give ◌ํ + า and a search
# for "คำ" finds nothing.  A map is per glyph code, not per context, so install() also wraps reportlab's
# shapeFragWord: inside a cluster that came from ำ, the sara aa is written with a code of its own that maps to ำ,
# and the nikhahit (or the nikhahit-and-tone ligature) with one that maps to what it holds besides the nikhahit
# (nothing, or the tone mark).  The glyphs drawn are the same; only the codes and their /ToUnicode differ.

from __future__ import annotations

import contextvars
import re
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont

__all__ = [
    "ExtractableTTFont",
    "install",
    "normalise_thai_for_compare",
    "text_for_glyph_name",
]

_PRIVATE_USE = range(0xE000, 0xF900)
_THAI_NIKHAHIT = "\u0e4d"
_THAI_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_SARA_AM = "\u0e33"
_SARA_AA = "\u0e32"
_AM_CODES = range(0xF8FF, 0xF800, -1)  # codes for glyphs of a decomposed ำ; reportlab's own go up from U+E000
_UNI_NAME = re.compile(r"uni((?:[0-9A-F]{4})+)")
_U_NAME = re.compile(r"u([0-9A-F]{4,6})")
# HarfBuzz decomposes ำ (U+0E33) into nikhahit + sara aa and moves the nikhahit before any tone mark:
# "น้ำ" is drawn as น ◌ํ ◌้ า.  Recomposing must skip the tone marks in between.
_SPLIT_SARA_AM = re.compile(f"{_THAI_NIKHAHIT}([{_THAI_TONES}]*)\u0e32")

# Adobe Glyph List names of the Thai block (U+0E01 onwards, "-" for unassigned code points), each
# followed by "thai".  Fonts use them, with their own capitals, for glyphs outside the cmap
# ("yoYingthai.less" is ญ without its tail); the names are not glyphs of the font itself.
_AGL_THAI_NAMES = """
kokai khokhai khokhuat khokhwai khokhon khorakhang ngongu chochan choching chochang soso chochoe
yoying dochada topatak thothan thonangmontho thophuthao nonen dodek totao thothung thothahan thothong nonu
bobaimai popla phophung fofa phophan fofan phosamphao moma yoyak rorua ru loling lu wowaen sosala sorusi
sosua hohip lochula oang honokhuk paiyannoi saraa maihanakat saraaa saraam sarai saraii saraue sarauee
sarau sarauu phinthu - - - - baht sarae saraae sarao saraaimaimuan saraaimaimalai lakkhangyao maiyamok
maitaikhu maiek maitho maitri maichattawa thanthakhat nikhahit yamakkan fongman zero one two three four
five six seven eight nine angkhankhu khomut
""".split()
_AGL_THAI = {name + "thai": chr(0x0E01 + i) for i, name in enumerate(_AGL_THAI_NAMES) if name != "-"}

_current_font: contextvars.ContextVar[ExtractableTTFont | None] = contextvars.ContextVar(
    "evaluator_app_tounicode_font", default=None)
_install_lock = threading.Lock()
_original_make_cmap: Callable[[str, list[int]], str] | None = None


def normalise_thai_for_compare(text: str) -> str:
    """Text as a PDF reader returns it, made comparable with the typed input.

    Recomposes ◌ํ + า (with any tone marks between) into ำ, the one change shaping makes to the
    character sequence, and applies NFC.
    """
    text = _SPLIT_SARA_AM.sub(lambda m: m.group(1) + "\u0e33", text)
    return unicodedata.normalize("NFC", text)


def text_for_glyph_name(name: str, lookup: Callable[[str], str | None]) -> str | None:
    """The characters a glyph stands for, derived from its name; None if the name tells nothing.

    Follows the Adobe glyph-naming conventions fonts use: a ``.suffix`` marks a variant
    (``uni0E48.small``), ``_`` joins ligature components, ``uniXXXX…`` and ``uXXXXX`` spell code
    points, and any other component is looked up as a glyph name in the font's own cmap
    (``R.ss01`` → R) through ``lookup`` or in the Adobe Glyph List's Thai names (``yoYingthai`` → ญ).
    """
    base = name.split(".", 1)[0]
    if not base:
        return None  # .notdef, .null
    components = base.split("_")
    parts: list[str] = []
    for component in components:
        text = _component_text(component, lookup)
        if text is None:
            return None
        if len(components) > 1:
            # Stacked accents (breve_acute) stand for combining marks, not the spacing accents
            # (˘ ´) that the component names denote on their own.
            text = "".join(_combining_form(ch) for ch in text)
        parts.append(text)
    text = "".join(parts)
    # Ligatures such as uni0E4D0E49 (◌ํ◌้, from น้ำ) are named in drawing order; report them in the
    # order people type (tone mark first), so that with the following า they read back as ้ำ.
    return re.sub(f"({_THAI_NIKHAHIT})([{_THAI_TONES}]+)", r"\2\1", text)


# Spacing accents whose combining counterparts Unicode does not record as a decomposition.
_COMBINING_OF_SPACING = {"`": "\u0300", "\u02c6": "\u0302", "\u02c7": "\u030c", "\u02dc": "\u0303"}


def _combining_form(ch: str) -> str:
    if ch in _COMBINING_OF_SPACING:
        return _COMBINING_OF_SPACING[ch]
    if unicodedata.category(ch) == "Sk":
        decomposed = unicodedata.normalize("NFKD", ch)
        if len(decomposed) == 2 and decomposed[0] == " " and unicodedata.combining(decomposed[1]):
            return decomposed[1]
    return ch


def _component_text(component: str, lookup: Callable[[str], str | None]) -> str | None:
    found = lookup(component) or _AGL_THAI.get(component.lower())
    if found:
        return found
    match = _UNI_NAME.fullmatch(component)
    if match:
        hexes = match.group(1)
        codes = [int(hexes[i:i + 4], 16) for i in range(0, len(hexes), 4)]
        if any(0xD800 <= c <= 0xDFFF for c in codes):
            return None
        return "".join(map(chr, codes))
    match = _U_NAME.fullmatch(component)
    if match:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else None
    return lookup(component + "comb")


class ExtractableTTFont(TTFont):
    """A TTFont whose /ToUnicode map names real characters for the glyphs shaping adds."""

    def __init__(self, name: str, filename: str, **kwargs: object) -> None:
        super().__init__(name, filename, **kwargs)
        # The cmap as the font file has it, before shaping adds private-use codes to face.charToGlyph.
        self._file_cmap: dict[int, int] = dict(self.face.charToGlyph)
        self._glyph_chars: dict[int, str] = {}
        for code, gid in sorted(self._file_cmap.items()):
            if code not in _PRIVATE_USE:
                self._glyph_chars.setdefault(gid, chr(code))
        self._private_text: dict[int, str | None] = {}
        self._text_lock = threading.Lock()
        self._am_codes: dict[tuple[int, str], int] = {}  # (glyph, text) -> its code inside a decomposed ำ
        self._am_text: dict[int, str] = {}

    def addObjects(self, doc: object) -> None:
        token = _current_font.set(self)
        try:
            super().addObjects(doc)
        finally:
            _current_font.reset(token)

    def text_of(self, code: int) -> str:
        """What a code drawn in this font stands for: its character, or the text its glyph's name tells."""
        if code in self._am_text:
            return self._am_text[code]
        found = self.unicode_text(code)
        return chr(code) if found is None else found

    def am_code(self, code: int, text: str) -> int:
        """A code for the glyph ``code`` draws that /ToUnicode maps to ``text``: a glyph of a decomposed ำ."""
        gid = self.face.charToGlyph[code]
        with self._text_lock:
            found = self._am_codes.get((gid, text))
            if found is None:
                found = next(c for c in _AM_CODES if c not in self.face.charToGlyph)
                self.face.charToGlyph[found] = gid
                self.face.glyphToChar.setdefault(gid, []).append(found)  # appended: [0] stays the glyph's own
                self.face.charWidths[found] = self.face.charWidths[code]
                self._am_codes[(gid, text)] = found
                self._am_text[found] = text
            return found

    def unicode_text(self, code: int) -> str | None:
        """What a code in this font's subsets stands for, or None when it is not a shaping glyph."""
        if code in self._am_text:
            return self._am_text[code]
        if code not in _PRIVATE_USE or code in self._file_cmap:
            return None
        with self._text_lock:
            if code not in self._private_text:
                self._private_text[code] = self._derive(code)
            return self._private_text[code]

    def _derive(self, code: int) -> str | None:
        gid = self.face.charToGlyph.get(code)
        if gid is None:
            return None
        import uharfbuzz  # present whenever shaping produced this code

        hb_font = uharfbuzz.Font(self.hbFace)

        def lookup(glyph_name: str) -> str | None:
            found = hb_font.glyph_from_string(glyph_name)
            return None if found is None else self._glyph_chars.get(found)

        return text_for_glyph_name(hb_font.glyph_to_string(gid), lookup)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _corrected_cmap(fontname: str, subset: list[int], font: ExtractableTTFont) -> str:
    entries = []
    for index, code in enumerate(subset):
        text = font.unicode_text(code)
        # An empty text (the nikhahit of ำ, whose sara aa carries the ำ) maps to nothing.
        target = _utf16_hex(text) if text is not None else f"{code:04X}"
        entries.append(f"<{index:02X}> <{target}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    # The PDF specification allows at most 100 mappings per beginbfchar block.
    for start in range(0, len(entries), 100):
        block = entries[start:start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _make_cmap(fontname: str, subset: list[int]) -> str:
    font = _current_font.get()
    if font is None:
        assert _original_make_cmap is not None
        return _original_make_cmap(fontname, subset)
    return _corrected_cmap(fontname, subset, font)


def _shaped_text(word: list[Any]) -> str:
    # The text shapeFragWord shaped: every fragment's string but inline objects, as reportlab gathers it.
    return "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))


def recompose_sara_am(word: list[Any], shaped: Any) -> Any:
    """``shaped`` (shapeFragWord's result for ``word``) with the glyphs of each decomposed ำ given their own codes."""
    if shaped is word or not isinstance(shaped, list) or len(shaped) < 2:
        return shaped
    text = _shaped_text(word)
    if _SARA_AM not in text:
        return shaped
    clusters = sorted({d.cluster for _, s in shaped[1:] for d in (getattr(s, "__shapeData__", None) or ())})
    span_end = {c: (clusters[i + 1] if i + 1 < len(clusters) else len(text)) for i, c in enumerate(clusters)}
    for index in range(1, len(shaped)):
        frag, string = shaped[index]
        data = getattr(string, "__shapeData__", None)
        font = pdfmetrics.getFont(frag.fontName)
        if not data or not isinstance(font, ExtractableTTFont):
            continue
        codes = []
        for ch, d in zip(string, data, strict=True):
            code = ord(ch)
            if _SARA_AM in text[d.cluster:span_end.get(d.cluster, d.cluster + 1)]:
                own = font.text_of(code)
                if ch == _SARA_AA:
                    code = font.am_code(code, _SARA_AM)
                elif _THAI_NIKHAHIT in own:
                    code = font.am_code(code, own.replace(_THAI_NIKHAHIT, ""))
            codes.append(chr(code))
        new = "".join(codes)
        if new != string:
            shaped[index] = (frag, ShapedStr(new, shapeData=data))
    return shaped


_original_shape: Callable[..., Any] | None = None


def _shape_frag_word(w: list[Any], *args: Any, **kwargs: Any) -> Any:
    key = _shaping_key(w, args, kwargs)
    if key is None:
        return _shape_afresh(w, *args, **kwargs)
    kept = _shaped_words.get(key, _MISSING)
    if kept is _MISSING:
        shaped = _shape_afresh(w, *args, **kwargs)
        kept = _shaped_words[key] = _keepable(w, shaped)
        if len(_shaped_words) > _SHAPED_LIMIT:
            _shaped_words.clear()  # a batch's words come back in its next report: no finer eviction needed
        return shaped
    if kept is _NOT_KEPT:
        return _shape_afresh(w, *args, **kwargs)
    return _rebuilt(w, kept)


def _shape_afresh(w: list[Any], *args: Any, **kwargs: Any) -> Any:
    assert _original_shape is not None
    return recompose_sara_am(w, _original_shape(w, *args, **kwargs))


# Shaped frag words by what HarfBuzz sees: every report of a batch shapes the same headings, labels, names and
# figures again, and reportlab shapes each word of a Paragraph each time it breaks its lines (profile of 30
# reports: 18,000 calls, 13 % of the time). The result depends only on each piece's text, font and size, on
# which pieces share one fragment object (reportlab groups the glyphs by fragment) and on the options; the
# fragments themselves (colour, links) are the caller's and are put back in.
_SHAPED_LIMIT = 50_000
_NOT_KEPT = object()  # shaped afresh every time: a result this cache does not know how to rebuild
_MISSING = object()
_shaped_words: dict[tuple[Any, ...], Any] = {}


def _shaping_key(w: list[Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
    """What shapeFragWord's result for ``w`` depends on, or None to shape it afresh (a shaped word, an inline
    object, options that are not plain values)."""
    if isinstance(w, ttfonts.ShapedFragWord) or len(w) < 2 or args:
        return None
    try:
        # shapeStr passes force=False, the default; measuring passes nothing: the same shaping.
        options = tuple(sorted(i for i in kwargs.items() if i != ("force", False))) if kwargs else ()
        hash(options)
    except TypeError:
        return None
    pieces = []
    seen: dict[int, int] = {}
    for index, (frag, text) in enumerate(w[1:]):
        if hasattr(frag, "cbDefn") or type(text) is not str:
            return None
        pieces.append((frag.fontName, frag.fontSize, text, seen.setdefault(id(frag), index)))
    return (type(w), tuple(pieces), options)


def _keepable(w: list[Any], shaped: Any) -> Any:
    """None when shaping left ``w`` as it was; else the result's class, width and (piece index, shaped string)
    of each fragment, the index found from the first character (cluster) the fragment shaped."""
    if shaped is w:
        return None
    starts = []
    offset = 0
    for _frag, text in w[1:]:
        starts.append(offset)
        offset += len(text)
    parts = []
    for frag, string in shaped[1:]:
        data = getattr(string, "__shapeData__", None)
        if not data:
            return _NOT_KEPT
        cluster = data[0].cluster
        index = max(i for i, start in enumerate(starts) if start <= cluster)
        if w[1 + index][0] is not frag:
            return _NOT_KEPT  # not the fragment expected: never guess
        parts.append((index, string))
    return (shaped.__class__, shaped[0], tuple(parts))


def _rebuilt(w: list[Any], kept: Any) -> Any:
    if kept is None:
        return w
    cls, width, parts = kept
    return cls([width, *((w[1 + index][0], string) for index, string in parts)])


def install() -> None:
    """Route reportlab's /ToUnicode builder through the corrected map, and its shaping through
    recompose_sara_am (idempotent, thread-safe)."""
    global _original_make_cmap, _original_shape
    with _install_lock:
        if getattr(ttfonts.makeToUnicodeCMap, "_evaluator_app_patch", False):
            return
        if not callable(getattr(ttfonts, "makeToUnicodeCMap", None)):
            raise RuntimeError("reportlab no longer has ttfonts.makeToUnicodeCMap: revisit reports/tounicode.py")
        from reportlab.platypus import paragraph

        _original_make_cmap = ttfonts.makeToUnicodeCMap
        _original_shape = ttfonts.shapeFragWord
        _make_cmap._evaluator_app_patch = True  # type: ignore[attr-defined]
        ttfonts.makeToUnicodeCMap = _make_cmap
        # shapeStr looks shapeFragWord up in its module; Paragraph imported its own name for it.
        ttfonts.shapeFragWord = _shape_frag_word
        paragraph.shapeFragWord = _shape_frag_word
