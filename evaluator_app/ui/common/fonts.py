"""The bundled Sarabun font: loaded at start-up so Thai looks the same on every laptop (and is not tofu)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ...paths import resource

FAMILY = "Sarabun"
POINT_SIZE = 11  # Sarabun's x-height is small; 11 pt reads like 10 pt of a Latin UI font


def load_bundled_fonts() -> str:
    """Register every bundled Sarabun face once; return the family name Qt knows it by."""
    if FAMILY in QFontDatabase.families():
        return FAMILY
    families: set[str] = set()
    for path in sorted(resource("fonts").glob("Sarabun-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return FAMILY if FAMILY in families else (next(iter(families)) if families else "")


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
