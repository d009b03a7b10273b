"""The bundled Sarabun font: loaded at start-up so Thai looks the same on every laptop (and is not tofu)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...paths import resource

FAMILY = "Sarabun"
POINT_SIZE = 11  # Sarabun's x-height is small; 11 pt reads like 10 pt of a Latin UI font


_loaded: str | None = None  # the family registered by this process


def load_bundled_fonts() -> str:
    """Register every bundled Sarabun face once; return the family name Qt knows it by.

    Remembered here rather than looked up in QFontDatabase.families(), which lists every font of the system
    (some 7 ms of the first paint)."""
    global _loaded
    if _loaded is not None:
        return _loaded
    families: set[str] = set()
    for path in sorted(resource("fonts").glob("Sarabun-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    _loaded = FAMILY if FAMILY in families else (next(iter(families)) if families else "")
    return _loaded


def application_font() -> QFont:
    font = QFont(FAMILY, POINT_SIZE)
    # Prefer Sarabun for every script it covers; other scripts still fall back to system fonts.
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def apply_application_font(app: QApplication) -> QFont:
    load_bundled_fonts()
    font = application_font()
    app.setFont(font)
    return font
