"""What one typed result does to the window, and no more: only the typing evaluator's cells change, the totals
follow at once, the details pane follows the cursor a moment later (and at once when the person acts)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import click_index, focus, press, result_cell, select_agreement_by_click, type_keys

FIRST = 1


def test_a_typed_result_changes_only_the_evaluator_s_own_columns_and_rescores_only_that_sheet(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    model = window.panel.model
    view = window.panel.view
    self_sheet = model.sheet("self")
    changed: list[str] = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(model.columns[first.column()]))
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    assert changed and all(key.startswith("own.") for key in changed), changed
    assert model.sheet("self") is self_sheet, "the self-assessment was not re-read or rescored"
    assert model.sheet("own").total == model.sheet("own").indicator("1").weighted
    assert f"<b>{model.sheet('own').total:.4f}</b>" in window.panel.totals.text(), "the total follows at once"


def test_the_details_follow_the_cursor_after_enter_a_moment_later(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    details = window.details
    click_index(qtbot, view, result_cell(window, "1"))
    assert details.code == "1"
    announced: list[str] = []
    window.panel.currentIndicatorChanged.connect(announced.append)
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    assert view.currentIndex() == result_cell(window, "2"), "the cursor moved on at once"
    qtbot.waitUntil(lambda: details.code == "2", timeout=3000)
    assert announced == ["2"], "told once, of the indicator the cursor is on"
    assert details.info.toPlainText().startswith("2 "), "rendered for the indicator the cursor is on"


def test_acting_before_the_details_follow_shows_the_current_indicator_at_once(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    details = window.details
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, view, result_cell(window, "1"))  # back before the pane followed to 2
    assert details.code == "1"
    assert details.history_lines("1") and "92" in details.info.toPlainText(), "rendered now, with the new rating"
    click_index(qtbot, view, result_cell(window, "3"))
    assert details.code == "3"
