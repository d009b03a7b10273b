"""The agreement table's columns are measured from each distinct text in its font, not by asking the delegate for
every cell (issue 16: that was a third of switching agreements). The widths must be what Qt's own
resizeColumnToContents makes of the same cells (plain text, bold headers and totals, the headers themselves)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_window, select_agreement_by_click
from tests.ui.long_agreement import build_long_workspace


def _compare(view) -> list[tuple[str, int, int]]:
    model = view.results_model()
    differ = []
    for column, key in enumerate(model.columns):
        if key == "name":
            continue
        view.setColumnHidden(column, False)
        measured = view._content_width(column, key)
        view.resizeColumnToContents(column)
        if measured != view.columnWidth(column):
            differ.append((key, measured, view.columnWidth(column)))
    return differ


def test_measured_widths_are_qt_s_own(qtbot, tmp_path: Path):
    path, agreement_id = build_long_workspace(tmp_path / "ประเมินผล.sqlite")
    window = open_window(qtbot, path)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 768), timeout=5000)
    select_agreement_by_click(qtbot, window, agreement_id)
    view = window.panel.view
    qtbot.waitUntil(lambda: view.results_model().agreement_id == agreement_id, timeout=5000)
    QApplication.processEvents()
    assert _compare(view) == []


def test_widths_follow_a_font_change(qtbot, tmp_path: Path):
    path, agreement_id = build_long_workspace(tmp_path / "ประเมินผล.sqlite")
    window = open_window(qtbot, path)
    view = window.panel.view
    select_agreement_by_click(qtbot, window, agreement_id)
    qtbot.waitUntil(lambda: view.results_model().agreement_id == agreement_id, timeout=5000)
    before = view._content_width(view.results_model().column("code"), "code")
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    assert _compare(view) == []
    assert view._content_width(view.results_model().column("code"), "code") > before
