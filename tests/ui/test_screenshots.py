"""Thai is drawn with the bundled font, not tofu; screenshots of the demo are kept in /tmp/ui-shots to look at."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget

from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.paths import resource
from evaluator_app.ui.common.fonts import FAMILY
from evaluator_app.ui.rating.adjust_dialog import AdjustScoreDialog
from tests.test_cli import ROWS, write_workbook
from tests.ui.conftest import click_index, focus, open_window, result_cell, type_keys, when_dialog

SHOTS = Path("/tmp/ui-shots")


def thai_characters() -> set[str]:
    """Every Thai character the window can show from its own strings."""
    text = "".join(t.text or "" for t in ET.parse(resource("translations", "evaluator_th.ts")).iter("translation"))
    text += "".join(t.text or "" for t in ET.parse(resource("translations", "qtbase_th.ts")).iter("translation"))
    return {c for c in text if "\u0e00" <= c <= "\u0e7f"}


def glyph_fonts(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """The fonts Qt really uses to draw `text`, and the glyph indexes (0 is the .notdef box)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def ink(image: QImage) -> int:
    """How many pixels are clearly darker than the background."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    background = image.pixelColor(0, 0).lightness()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < background - 80)


def render(text: str, font: QFont, size) -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    painter.end()
    return image


def test_the_application_font_covers_every_thai_character_of_the_interface():
    font = QApplication.font()
    assert font.family() == FAMILY
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == FAMILY
    missing = sorted(c for c in thai_characters() if not raw.supportsCharacter(ord(c)))
    assert missing == []


def test_thai_in_the_window_is_drawn_with_sarabun_not_tofu(qtbot, tmp_path):
    window = open_window(qtbot, demo_workspace_copy(tmp_path))
    label: QLabel = window.save_label
    text = label.text()
    assert text.startswith("บันทึกแล้ว")
    runs = glyph_fonts(text, label.font())
    assert runs and all(family == FAMILY and 0 not in glyphs for family, glyphs in runs)

    drawn = label.grab().toImage()
    assert ink(drawn) > 50, "the label is not blank"
    tofu_font = QFont("DejaVu Sans", label.font().pointSize())
    tofu_font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no fallback: Thai becomes boxes
    assert 0 in [g for _family, glyphs in glyph_fonts("บันทึกแล้ว", tofu_font) for g in glyphs]
    tofu = render(text, tofu_font, drawn.size())
    sarabun = render(text, label.font(), drawn.size())
    assert ink(sarabun) > 50
    assert tofu != sarabun and drawn != tofu

    whole = window.grab()
    assert not whole.isNull() and ink(whole.toImage().scaled(360, 215)) > 500
    window.close()


def test_screenshots_of_the_demo_in_thai(qtbot, tmp_path, monkeypatch):
    SHOTS.mkdir(parents=True, exist_ok=True)
    window = open_window(qtbot, demo_workspace_copy(tmp_path))
    window.resize(1440, 860)
    agreement = next(s.id for s in window.navigator.model.summaries()
                     if s.agency == "กรมส่งเสริมการเกษตร" and s.fiscal_year == 2569)
    window.navigator.select_agreement(agreement)
    click_index(qtbot, window.panel.view, result_cell(window, "2.2"))
    focus(qtbot, window.details.comment)
    type_keys(qtbot, "ส่วนราชการเชื่อมโยงข้อมูลกับหน่วยงานภาคีครบ ๔ ขั้นตอน")
    focus(qtbot, window.panel.view)
    QApplication.processEvents()
    window.grab().save(str(SHOTS / "main-th.png"))

    def capture(dialog: QWidget) -> None:
        dialog.grab().save(str(SHOTS / "adjust-th.png"))
        dialog.reject()

    click_index(qtbot, window.panel.view, result_cell(window, "3"))
    when_dialog(AdjustScoreDialog, capture)
    window.adjust_action.trigger()

    rows = [list(r) for r in ROWS]
    rows[0][6] = 40
    book = write_workbook(tmp_path / "คำรับรองปี2569.xlsx", rows)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(book)], ""))
    window.import_action.trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.problems_model.rowCount() > 0, timeout=10000)
    dialog.grab().save(str(SHOTS / "import-th.png"))
    dialog.reject()

    window.language_actions["en"].trigger()
    for _ in range(3):  # LanguageChange, then the layout requests it causes
        QApplication.processEvents()
    window.grab().save(str(SHOTS / "main-en.png"))
    window.language_actions["th"].trigger()
    window.close()
    assert all((SHOTS / name).stat().st_size > 10_000 for name in ("main-th.png", "adjust-th.png", "import-th.png"))
