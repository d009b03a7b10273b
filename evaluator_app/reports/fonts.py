"""The bundled Sarabun family, registered once with reportlab and ready for HarfBuzz shaping."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from evaluator_app.paths import resource

from . import tounicode

__all__ = [
    "BODY_LEADING",
    "BODY_SIZE",
    "BOLD",
    "BOLD_ITALIC",
    "FAMILY",
    "ITALIC",
    "REGULAR",
    "body_style",
    "font_name",
    "register_fonts",
]

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"

# Official Thai documents are set at 16 pt; below 1.5x leading the marks of น้ำ touch the line above.
BODY_SIZE = 16
BODY_LEADING = 24


@dataclass(frozen=True)
class _Face:
    name: str
    file: str
    bold: bool
    italic: bool


_FACES = (
    _Face(REGULAR, "Sarabun-Regular.ttf", False, False),
    _Face(BOLD, "Sarabun-Bold.ttf", True, False),
    _Face(ITALIC, "Sarabun-Italic.ttf", False, True),
    _Face(BOLD_ITALIC, "Sarabun-BoldItalic.ttf", True, True),
)
_BY_STYLE = {(face.bold, face.italic): face.name for face in _FACES}

_lock = threading.Lock()
_ever_registered = False  # by this process: until then reportlab is not asked (below)


def _registered() -> bool:
    # Check reportlab's registry rather than a flag of ours: reportlab can be reset underneath us.  One lookup per
    # face (every table cell asks): listing the registered names each time cost 0.16 ms a call. Before the first
    # registration it is not asked at all: getFont of a name it lacks parses every Type 1 metrics file it can find
    # looking for one (0.45 s, twice in a process's first report).
    if not _ever_registered:
        return False
    for face in _FACES:
        try:
            font = pdfmetrics.getFont(face.name)
        except KeyError:  # not registered: reportlab looked for a Type 1 font of that name and found none
            return False
        if not isinstance(font, tounicode.ExtractableTTFont):
            return False
    return True


def register_fonts() -> None:
    """Register Sarabun regular/bold/italic/bold-italic and its family mapping; safe to call often.

    Also creates each font's HarfBuzz face: reportlab shapes a word that changes font part-way
    (``คะแนน<b>ที่</b>``) with the first font's HarfBuzz face and then calls ``hbAddPrivate`` on the
    second font, an attribute that exists only after that font's own ``hbFont()`` has been called.
    """
    if _registered():
        return
    with _lock:
        if _registered():
            return
        tounicode.install()
        for face in _FACES:
            path = resource("fonts", face.file)
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            font = tounicode.ExtractableTTFont(face.name, str(path))
            font.hbFont(BODY_SIZE)
            pdfmetrics.registerFont(font)
            if pdfmetrics.getFont(face.name) is not font:
                # reportlab keeps one font object per typeface and aliases later registrations to it.
                raise RuntimeError(f"{face.file} was registered with reportlab elsewhere first; register "
                                   "Sarabun only through evaluator_app.reports.fonts")
        for face in _FACES:
            addMapping(FAMILY, int(face.bold), int(face.italic), face.name)
        global _ever_registered
        _ever_registered = True


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The registered name of the Sarabun face with that weight and slant."""
    return _BY_STYLE[(bold, italic)]


def body_style(name: str = "ThaiBody", **overrides: Any) -> ParagraphStyle:
    """The default paragraph style: Sarabun 16/24, shaped, no reportlab word splitting."""
    register_fonts()
    values: dict[str, Any] = {
        "fontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "alignment": TA_LEFT,
        "shaping": 1,
        # Reportlab's own long-word splitting cuts shaped Thai and prints .notdef boxes.
        "splitLongWords": 0,
    }
    values.update(overrides)
    return ParagraphStyle(name, **values)
