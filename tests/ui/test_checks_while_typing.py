"""Checks while typing (issue 14), in the real window by keys and mouse: a warned result shows a line at its cell,
keeps the typed text, and is saved (with its warning, in the SQLite file and the audit log) only when confirmed;
a refused one keeps the typed text too; a good entry clears the old messages."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from evaluator_app.store.audit import audit_entries
from tests.conftest import file_digest
from tests.ui.conftest import (
    EVALUATOR,
    cell_text,
    click_index,
    focus,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
)

FIRST = 1  # กรมตัวอย่าง: 1 ร้อยละ 80..100, 2 วัน 20..12, 3 a milestone of levels 1..5 (whole levels), 4 ร้อยละ
SHOTS = Path(os.environ.get("UI_SHOTS", "/tmp/ui-shots"))


def stored(path: Path, code: str) -> tuple[str | None, str | None] | None:
    """The own result and confirmed warning in the file, or None when no row was written."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT result, confirmed_warning FROM ratings WHERE agreement_id = ? AND code = ? AND "
                           "round = 12 AND evaluator = ?", (FIRST, code, EVALUATOR)).fetchone()
    finally:
        conn.close()
    return None if row is None else (row[0], row[1])


def start_at(qtbot, window, code: str) -> None:
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, code))
    focus(qtbot, view)


def bubble(window):
    return window.panel.view.result_warning


def editor_at(window, index: QModelIndex) -> QLineEdit | None:
    editor = window.panel.view.indexWidget(index)
    return editor if isinstance(editor, QLineEdit) else None


def wait_for_typed_text(qtbot, window, code: str, text: str) -> QLineEdit:
    """The line is shown at the cell, and the cell's editor holds the typed text again, with the keyboard focus."""
    cell = result_cell(window, code)
    qtbot.waitUntil(lambda: bubble(window).isVisible() and editor_at(window, cell) is not None
                    and editor_at(window, cell).text() == text and editor_at(window, cell).hasFocus(), timeout=5000)
    editor = editor_at(window, cell)
    assert editor is not None
    return editor


def assert_at_the_cell(window, code: str) -> None:
    view = window.panel.view
    line = bubble(window)
    cell = view.visualRect(result_cell(window, code))
    assert view.viewport().rect().contains(line.geometry()), "the whole line is visible in the table"
    assert line.geometry().top() in (cell.bottom() + 2, cell.top() - line.height() - 2), "right under or over it"
    assert line.geometry().left() <= cell.right() and line.geometry().right() >= cell.left()


def test_a_warned_percentage_waits_at_the_cell_and_enter_again_keeps_it_with_its_warning(qtbot, window,
                                                                                         workspace_file):
    start_at(qtbot, window, "1")
    before = file_digest(workspace_file)
    type_keys(qtbot, "-5")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "1", "-5")
    line = bubble(window)
    assert line.kind == "warning" and "ร้อยละ" in line.message.text() and "0 to 100" in line.message.text()
    assert "-5" in line.keep_button.text() and line.keep_button.isVisible()
    assert_at_the_cell(window, "1")
    assert window.panel.view.currentIndex() == result_cell(window, "1"), "the cursor stays on the warned cell"
    assert file_digest(workspace_file) == before and stored(workspace_file, "1") is None, "nothing saved yet"
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "result-warning.png"))

    press(qtbot, Qt.Key.Key_Return)  # the same text again: kept as typed
    qtbot.waitUntil(lambda: stored(workspace_file, "1") is not None, timeout=5000)
    result, warning = stored(workspace_file, "1")
    assert result == "-5" and warning is not None and "0 to 100" in warning and "ร้อยละ" in warning
    assert not line.isVisible()
    assert cell_text(window, "1", "own.result") == "-5"
    assert window.panel.view.currentIndex() == result_cell(window, "2"), "confirmed: Enter moved on"
    conn = sqlite3.connect(workspace_file)
    try:
        [entry, *_] = audit_entries(conn, "rating", f"{FIRST}/1/12/{EVALUATOR}")
    finally:
        conn.close()
    assert entry.after is not None and entry.after["result"] == "-5" and "0 to 100" in entry.after["confirmed_warning"]


def test_a_warned_value_corrected_in_its_cell_is_saved_without_a_warning(qtbot, window, workspace_file):
    start_at(qtbot, window, "1")
    type_keys(qtbot, "9250")
    press(qtbot, Qt.Key.Key_Return)
    editor = wait_for_typed_text(qtbot, window, "1", "9250")
    assert "10 times" in bubble(window).message.text()  # and outside 0-100: two warnings, one line each
    assert bubble(window).message.text().count("\n") == 1
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, ".5")
    assert editor.text() == "92.5"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(workspace_file, "1") == ("92.5", None), timeout=5000)
    assert not bubble(window).isVisible()
    assert window.panel.view.currentIndex() == result_cell(window, "2")


def test_esc_drops_the_warned_value_and_its_line(qtbot, window, workspace_file):
    start_at(qtbot, window, "4")
    before = file_digest(workspace_file)
    type_keys(qtbot, "150")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "4", "150")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bubble(window).isVisible(), timeout=5000)
    assert editor_at(window, result_cell(window, "4")) is None
    assert cell_text(window, "4", "own.result") == ""
    assert file_digest(workspace_file) == before


def test_keep_by_mouse_saves_the_warned_value_and_close_forgets_it(qtbot, window, workspace_file):
    start_at(qtbot, window, "2")
    type_keys(qtbot, "-3")  # days can't be negative: the criteria are all positive
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "2", "-3")
    assert "negative" in bubble(window).message.text()
    qtbot.mouseClick(bubble(window).close_button, Qt.MouseButton.LeftButton)  # ×: closed, the value not kept
    assert not bubble(window).isVisible()
    press(qtbot, Qt.Key.Key_Return)  # the same text again: after ×, it warns again instead of saving
    wait_for_typed_text(qtbot, window, "2", "-3")
    assert stored(workspace_file, "2") is None
    qtbot.mouseClick(bubble(window).keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(workspace_file, "2") is not None, timeout=5000)
    assert stored(workspace_file, "2")[0] == "-3" and "negative" in stored(workspace_file, "2")[1]
    assert not bubble(window).isVisible() and editor_at(window, result_cell(window, "2")) is None
    assert cell_text(window, "2", "own.result") == "-3"


def test_a_fractional_level_is_refused_at_the_cell_keeping_the_text_and_a_good_entry_clears_it(qtbot, window,
                                                                                            workspace_file):
    start_at(qtbot, window, "3")
    before = file_digest(workspace_file)
    type_keys(qtbot, "3.5")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "3", "3.5")
    line = bubble(window)
    assert line.kind == "refusal" and not line.keep_button.isVisible()
    assert "whole level" in line.message.text() and "จำนวนเต็ม" in line.message.text()
    assert "whole level" in window.statusBar().currentMessage()
    assert_at_the_cell(window, "3")
    assert file_digest(workspace_file) == before
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "result-refusal.png"))
    press(qtbot, Qt.Key.Key_Enter)  # the same again: refused again, the text still there
    wait_for_typed_text(qtbot, window, "3", "3.5")
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(workspace_file, "3") == ("3", None), timeout=5000)
    assert not line.isVisible()
    assert window.statusBar().currentMessage() == "", "the old refusal is cleared after a good entry"


def test_a_29_digit_number_is_refused_without_a_crash(qtbot, window, workspace_file):
    start_at(qtbot, window, "1")
    before = file_digest(workspace_file)
    type_keys(qtbot, "12345678901234567890123456789")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "1", "12345678901234567890123456789")
    assert "29" in bubble(window).message.text() and bubble(window).kind == "refusal"
    assert file_digest(workspace_file) == before


def test_a_warned_value_left_by_clicking_elsewhere_keeps_its_line_and_keep_button(qtbot, window, workspace_file):
    start_at(qtbot, window, "1")
    view = window.panel.view
    type_keys(qtbot, "150")
    click_index(qtbot, view, result_cell(window, "4"))  # the editor commits on losing the focus
    qtbot.waitUntil(lambda: bubble(window).isVisible(), timeout=5000)
    QApplication.processEvents()
    assert view.currentIndex() == result_cell(window, "4"), "the cursor is not pulled back"
    assert bubble(window).cell() == result_cell(window, "1") and "150" in bubble(window).keep_button.text()
    qtbot.mouseClick(bubble(window).keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(workspace_file, "1") is not None, timeout=5000)
    assert stored(workspace_file, "1")[0] == "150"


def test_no_data_is_a_dash_not_0_0000_and_the_first_result_gives_a_total(qtbot, window):
    start_at(qtbot, window, "1")
    totals = window.panel.totals
    evaluator_line = totals.text().split("<br/>")[0]
    assert "<b>–</b>" in evaluator_line and "0.0000" not in evaluator_line
    model = window.panel.model
    total_row = model.index(model.rowCount() - 1, model.column("own.weighted"))
    assert total_row.data() == "" and cell_text(window, "1", "own.score") == ""
    assert "<b>2.9000</b>" in totals.text().split("<br/>")[1], "the self-assessment has results: its total shows"
    type_keys(qtbot, "80")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "<b>0.5000</b>" in totals.text().split("<br/>")[0], timeout=5000)
    assert total_row.data() == "0.5000"


def test_undo_takes_back_a_confirmed_result_and_its_warning_and_redo_brings_both(qtbot, window, workspace_file):
    start_at(qtbot, window, "4")
    type_keys(qtbot, "150")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "4", "150")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(workspace_file, "4") is not None, timeout=5000)
    cell = result_cell(window, "4")
    assert "0 to 100" in cell.data(Qt.ItemDataRole.ToolTipRole), "the cell says what it was kept despite"
    focus(qtbot, window.panel.view)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stored(workspace_file, "4") == (None, None), timeout=5000)
    assert cell_text(window, "4", "own.result") == ""
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stored(workspace_file, "4") is not None and stored(workspace_file, "4")[0] == "150",
                    timeout=5000)
    assert "0 to 100" in stored(workspace_file, "4")[1]


def test_a_good_entry_elsewhere_leaves_a_waiting_warning_to_keep(qtbot, window, workspace_file):
    start_at(qtbot, window, "1")
    view = window.panel.view
    type_keys(qtbot, "150")
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "1", "150")
    press(qtbot, Qt.Key.Key_Tab)  # on to the next cell, leaving the warned value undecided: Tab does not keep it
    qtbot.waitUntil(lambda: view.currentIndex() != result_cell(window, "1"), timeout=5000)
    assert stored(workspace_file, "1") is None and bubble(window).isVisible()
    click_index(qtbot, view, result_cell(window, "4"))
    focus(qtbot, view)
    type_keys(qtbot, "85")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(workspace_file, "4") == ("85", None), timeout=5000)
    assert bubble(window).isVisible() and bubble(window).cell() == result_cell(window, "1")
    qtbot.mouseClick(bubble(window).keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(workspace_file, "1") is not None, timeout=5000)
    assert stored(workspace_file, "1")[0] == "150" and not bubble(window).isVisible()


def test_the_warning_shows_beside_the_editor_while_typing_without_a_question(qtbot, window, workspace_file):
    """Typing "-5" in a percentage and pausing: a quiet line beside the editor says what Enter would warn of, in
    Thai and English; no dialog, the editor keeps the focus and the typed text, nothing is saved. Typing on to a
    good value takes the line away; Enter then saves it without a warning."""
    start_at(qtbot, window, "1")
    view = window.panel.view
    hint = view.typing_hint
    type_keys(qtbot, "-5")
    cell = result_cell(window, "1")
    qtbot.waitUntil(lambda: hint.isVisible(), timeout=5000)
    assert "ร้อยละ" in hint.text() and "0 to 100" in hint.text()
    editor = editor_at(window, cell)
    assert editor is not None and editor.hasFocus() and editor.text() == "-5"
    assert "0 to 100" in editor.accessibleDescription()
    assert QApplication.activeModalWidget() is None and not bubble(window).isVisible()
    line = hint.geometry()
    at = view.visualRect(cell)
    assert view.viewport().rect().contains(line)
    assert line.top() in (at.bottom() + 2, at.top() - line.height() - 2) and line.left() <= at.right()
    assert stored(workspace_file, "1") is None
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "typing-hint.png"))

    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, "92.5")
    assert not hint.isVisible(), "a key takes the old words away at once"
    qtbot.waitUntil(lambda: editor.accessibleDescription() == "" and hint._problems == "", timeout=5000)
    assert not hint.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(workspace_file, "1") is not None, timeout=5000)
    assert stored(workspace_file, "1") == ("92.5", None)
    assert not hint.isVisible() and not bubble(window).isVisible()


def test_the_typing_hint_is_quiet_once_enter_speaks(qtbot, window):
    """Enter on a warned value: the warning line speaks, the typing hint does not say it a second time."""
    start_at(qtbot, window, "1")
    hint = window.panel.view.typing_hint
    type_keys(qtbot, "-5")
    qtbot.waitUntil(lambda: hint.isVisible(), timeout=5000)
    press(qtbot, Qt.Key.Key_Return)
    wait_for_typed_text(qtbot, window, "1", "-5")
    assert bubble(window).isVisible() and not hint.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bubble(window).isVisible(), timeout=5000)
    assert not hint.isVisible()
