"""Rating an agreement in the window with the keyboard, as a committee member does, checked against the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evaluator_app.domain.numbers import format4
from evaluator_app.store.evaluation import score_sheet
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from tests.conftest import file_digest
from tests.ui.conftest import (
    EVALUATOR,
    cell_text,
    click_index,
    focus,
    open_window,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
)

FIRST = 1  # กรมตัวอย่าง: §9's worked example
SECOND = 2  # สำนักงานสถิติแห่งชาติ: a parent with children, and a milestone


def stored_results(path: Path, agreement_id: int, evaluator: str = EVALUATOR) -> dict[str, D | None]:
    with Workspace.open(path) as workspace:
        return {code: s.rating.result for code, s in load_ratings(workspace, agreement_id, 12, evaluator).items()}


def cli_score(path: Path, agreement_id: int, evaluator: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "evaluator_app.launcher", "--db", str(path), "score", str(agreement_id),
         "--evaluator", evaluator, "--json"],
        capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def start_typing_at(qtbot, window, code: str) -> None:
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, code))
    focus(qtbot, view)
    assert view.currentIndex() == result_cell(window, code)


def test_rate_a_whole_agreement_with_the_keyboard_and_the_total_matches_the_cli(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "1")
    for result in ("92", "15", "5", "78.75"):
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)
    view = window.panel.view
    # Enter moved down each time; after the last indicator the cursor stays on it.
    assert view.currentIndex() == result_cell(window, "4")
    assert [cell_text(window, c, "own.score") for c in "1234"] == ["3.4000", "3.5000", "5.0000", "2.7500"]
    assert [cell_text(window, c, "own.weighted") for c in "1234"] == ["1.7000", "0.7000", "0.5000", "0.5500"]
    assert stored_results(workspace_file, FIRST) == {"1": D("92"), "2": D("15"), "3": D("5"), "4": D("78.75")}

    model = window.panel.model
    total_row = model.index(model.rowCount() - 1, model.column("own.weighted"))
    with Workspace.open(workspace_file) as workspace:
        expected = format4(score_sheet(workspace, FIRST, 12, EVALUATOR).total)
    assert expected == "3.4500"
    assert total_row.data() == expected
    assert f"<b>{expected}</b>" in window.panel.totals.text()
    assert cli_score(workspace_file, FIRST, EVALUATOR)["total"] == expected
    assert "บันทึกแล้ว" in window.windowTitle()


def test_scores_subtotals_and_total_change_as_each_result_is_entered(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    model = window.panel.model
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), first.column())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    start_typing_at(qtbot, window, "1")
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    assert cell_text(window, "1", "own.score") == "3.4000"
    total = model.index(model.rowCount() - 1, model.column("own.weighted"))
    assert total.data() == "1.7000"
    dimension = model.index(0, model.column("own.weighted"))
    assert dimension.data() == "1.7000"
    assert not resets, "entering a result must not reset the model"
    assert changed and len(changed) < 12  # only the cells that changed: result, score, weighted, subtotal, total…


def test_thai_digits_and_separators_are_accepted(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "1")
    type_keys(qtbot, "๙๒.๕")
    press(qtbot, Qt.Key.Key_Enter)
    assert cell_text(window, "1", "own.result") == "92.5"
    assert stored_results(workspace_file, FIRST)["1"] == D("92.5")


def test_text_in_a_number_cell_is_refused_in_place_and_the_old_value_stays(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "1")
    type_keys(qtbot, "90")
    press(qtbot, Qt.Key.Key_Return)
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    before = file_digest(workspace_file)
    type_keys(qtbot, "abc")
    press(qtbot, Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "ต้องเป็นตัวเลข" in message and "must be a number" in message and "'abc'" in message
    assert cell_text(window, "1", "own.result") == "90"
    assert view.currentIndex() == result_cell(window, "1"), "a refused value keeps the cursor on its cell"
    assert file_digest(workspace_file) == before


def test_a_milestone_level_outside_0_to_5_is_refused_with_the_store_message(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "3")
    type_keys(qtbot, "7")
    press(qtbot, Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "ระดับความสำเร็จต้องอยู่ระหว่าง 0 ถึง 5" in message
    assert "a milestone result is a level from 0 to 5, got 7" in message
    assert cell_text(window, "3", "own.result") == ""
    assert "3" not in stored_results(workspace_file, FIRST)


def test_parents_are_skipped_and_enter_moves_to_the_next_scored_indicator(qtbot, window):
    select_agreement_by_click(qtbot, window, SECOND)
    model = window.panel.model
    assert not model.flags(result_cell(window, "1")) & Qt.ItemFlag.ItemIsEditable  # a parent has no result
    start_typing_at(qtbot, window, "1.1")
    type_keys(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    assert window.panel.view.currentIndex() == result_cell(window, "1.2")
    type_keys(qtbot, "50")
    press(qtbot, Qt.Key.Key_Return)
    assert window.panel.view.currentIndex() == result_cell(window, "2"), "Enter crossed the dimension row"
    # the parent's score is its children's weighted average: (3.5 + 3) / 2
    assert cell_text(window, "1", "own.score") == "3.2500"
    assert cell_text(window, "1", "own.weighted") == "1.3000"


def test_undo_and_redo_restore_values_in_the_window_and_the_file(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "1")
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, window.panel.view, result_cell(window, "1"))
    type_keys(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    assert stored_results(workspace_file, FIRST)["1"] == D("95")
    stack = window.session.undo_stack
    assert stack.undoText() == "ผลตัวชี้วัด 1: 92 → 95"
    assert window.undo_action.text() == "เลิกทำ ผลตัวชี้วัด 1: 92 → 95"

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell_text(window, "1", "own.result") == "92"
    assert cell_text(window, "1", "own.score") == "3.4000"
    assert stored_results(workspace_file, FIRST)["1"] == D("92")

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell_text(window, "1", "own.result") == ""
    assert stored_results(workspace_file, FIRST).get("1") is None

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert cell_text(window, "1", "own.result") == "95"
    assert stored_results(workspace_file, FIRST)["1"] == D("95")


def test_undo_shows_the_agreement_it_changed(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    start_typing_at(qtbot, window, "2")
    type_keys(qtbot, "16")
    press(qtbot, Qt.Key.Key_Return)
    select_agreement_by_click(qtbot, window, SECOND)
    window.session.undo_stack.undo()
    QApplication.processEvents()
    assert window.panel.model.agreement_id == FIRST
    assert window.panel.model.indicator_at(window.panel.view.currentIndex()).code == "2"


def test_closing_and_reopening_shows_exactly_what_was_entered(qtbot, workspace_file):
    first = open_window(qtbot, workspace_file)
    select_agreement_by_click(qtbot, first, FIRST)
    start_typing_at(qtbot, first, "1")
    for result in ("92", "15"):
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "4")  # typed but Enter not pressed: closing must still save it
    first.close()

    second = open_window(qtbot, workspace_file)
    select_agreement_by_click(qtbot, second, FIRST)
    assert [cell_text(second, c, "own.result") for c in "1234"] == ["92", "15", "4", ""]
    assert [cell_text(second, c, "self.result") for c in "1234"] == ["92", "15", "5", ""]
    second.close()
