"""Spreadsheet habits in the rating table, by keys and mouse: Delete clears, Ctrl+C copies tab-separated text,
Ctrl+V pastes a column from Excel as one undo step and names what it refused, and a right-click menu."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from evaluator_app.domain.rating import SELF_ASSESSMENT
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.rating.adjust_dialog import AdjustScoreDialog
from tests.ui.conftest import (
    EVALUATOR,
    cell_text,
    click_index,
    focus,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
    when_dialog,
)

FIRST = 1  # กรมตัวอย่าง: 1 and 2 (ประสิทธิผล), 3 a milestone (การพัฒนาองค์การ), 4 (คุณภาพการให้บริการ)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(path: Path, evaluator: str = EVALUATOR) -> dict[str, D | None]:
    with Workspace.open(path) as workspace:
        return {c: s.rating.result for c, s in load_ratings(workspace, FIRST, 12, evaluator).items()}


def type_results(qtbot, window, first: str, results: tuple[str, ...]) -> None:
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, first))
    focus(qtbot, view)
    for result in results:
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)
        if len(result.partition(".")[2]) > 2:  # more decimals than the criteria use, plus 2: Enter again keeps it
            qtbot.waitUntil(lambda: view.result_warning.isVisible())
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda r=result: r in {cell_text(window, c, "own.result") for c in "1234"})


def test_delete_and_backspace_clear_a_result_as_one_undo_step(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "1", ("92", "15", "5", "78.75"))
    stack = window.session.undo_stack
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "4"))
    press(qtbot, Qt.Key.Key_Delete)
    assert cell_text(window, "4", "own.result") == "" and cell_text(window, "4", "own.score") == ""
    assert stored(workspace_file)["4"] is None
    assert view.state() != view.State.EditingState, "Delete clears; it does not open an editor"

    click_index(qtbot, view, result_cell(window, "1"))
    press(qtbot, Qt.Key.Key_Down, SHIFT)  # 1 and 2 selected, as Shift+Down does in a sheet
    steps = stack.count()
    press(qtbot, Qt.Key.Key_Backspace)
    assert [cell_text(window, c, "own.result") for c in "1234"] == ["", "", "5", ""]
    assert stack.count() == steps + 1
    assert stack.undoText() == "ล้างผล 2 รายการ"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [cell_text(window, c, "own.result") for c in "12"] == ["92", "15"]
    assert stored(workspace_file) == {"1": D(92), "2": D(15), "3": D(5), "4": None}


def test_ctrl_c_copies_the_selection_as_tab_separated_text(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "1", ("92.33333333333333", "15"))
    view = window.panel.view
    model = window.panel.model
    click_index(qtbot, view, model.index_of_code("1", model.column("weight")))
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Right, SHIFT)  # weight and the criteria 1 and 2
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "50\t80\t85\n20\t20\t18\n"

    click_index(qtbot, view, result_cell(window, "1"))
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "92.33333333333333\n15\n"


def test_ctrl_v_pastes_a_column_from_excel_as_one_undo_step_and_names_what_it_refused(
        qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "4", ("80",))
    stack = window.session.undo_stack
    steps = stack.count()
    # A column of an agency's sheet as Excel puts it on the clipboard: the same rows as the table, an empty cell
    # at each dimension heading; Thai digits, a thousands separator, a percent sign; a milestone level of 7.
    QApplication.clipboard().setText("๙๒.๕\r\n1,250\r\n\r\n7\r\n\r\n87%\r\n")
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert [cell_text(window, c, "own.result") for c in "1234"] == ["92.5", "1,250", "", "87"]
    assert stored(workspace_file) == {"1": D("92.5"), "2": D("1250"), "4": D("87")}
    assert stack.count() == steps + 1, "the whole paste is one undo step"
    assert stack.undoText() == "วางผล 3 รายการ"
    panel = window.panel
    assert panel.notice_bar.isVisible()
    summary = panel.notice.text()
    assert summary.startswith("วางผลแล้ว 3 รายการ")
    assert "บรรทัด 4 (ตัวชี้วัด 3):" in summary and "0" in summary and "5" in summary
    assert "บรรทัด 3" not in summary and "บรรทัด 5" not in summary, "an empty cell at a heading is no refusal"
    assert [(r.line, r.code) for r in panel.editing.last_refusals] == [(4, "3")]

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [cell_text(window, c, "own.result") for c in "1234"] == ["", "", "", "80"]
    assert stored(workspace_file) == {"1": None, "2": None, "4": D("80")}
    qtbot.mouseClick(panel.notice_close, Qt.MouseButton.LeftButton)
    assert not panel.notice_bar.isVisible()


def test_pasted_text_and_cells_that_take_no_result_are_refused_by_line(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    model = window.panel.model
    QApplication.clipboard().setText("ดีมาก\n16\n")
    click_index(qtbot, view, result_cell(window, "1"))
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert cell_text(window, "2", "own.result") == "16"
    assert "บรรทัด 1 (ตัวชี้วัด 1): ไม่ใช่ตัวเลข: 'ดีมาก'" in window.panel.notice.text()

    QApplication.clipboard().setText("1\t2\n")  # two columns: the second lands on the score, which is computed
    click_index(qtbot, view, result_cell(window, "4"))
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert "บรรทัด 1 คอลัมน์ 2 (ตัวชี้วัด 4): ไม่ใช่คอลัมน์ผล" in window.panel.notice.text()
    assert cell_text(window, "4", "own.result") == "1"

    QApplication.clipboard().setText("70\n71\n72\n")  # runs past the total row
    click_index(qtbot, view, result_cell(window, "4"))
    press(qtbot, Qt.Key.Key_V, CTRL)
    text = window.panel.notice.text()
    assert "บรรทัด 2: แถวหัวข้อหรือแถวรวม ไม่ใช่ตัวชี้วัด" in text and "บรรทัด 3: เลยแถวสุดท้ายของตาราง" in text
    assert model.index_of_code("4", model.column("own.result")).data() == "70"


def test_one_value_pasted_on_a_selection_fills_every_selected_result(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    QApplication.clipboard().setText("๕\n")
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert stored(workspace_file) == {"1": D(5), "2": D(5)}


def test_the_self_assessment_column_takes_a_paste_too(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    QApplication.clipboard().setText("93.25\n")
    click_index(qtbot, window.panel.view, result_cell(window, "1", "self"))
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert stored(workspace_file, SELF_ASSESSMENT)["1"] == D("93.25")
    assert cell_text(window, "1", "self.result") == "93.25"


def open_cell_menu(qtbot, window, code: str, group: str = "own") -> QMenu:
    view = window.panel.view
    index = result_cell(window, code, group)
    view.scrollTo(index)
    position: QPoint = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=position)  # selects, as a right-click does
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, view.viewport().mapToGlobal(position))
    QApplication.sendEvent(view.viewport(), event)
    menu = window.panel.cell_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    return menu


def choose(qtbot, menu: QMenu, action) -> None:
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)
    window = menu.parentWidget().window()
    window.activateWindow()  # the offscreen platform leaves the closed popup active; a desktop gives it back
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_the_right_click_menu_copies_pastes_clears_and_opens_adjust_and_history(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "1", ("92", "15"))
    menu = open_cell_menu(qtbot, window, "2")
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&คัดลอก", "&วาง", "&ล้างผล", "&ปรับคะแนน…", "&ประวัติการให้คะแนน", "แนบ&หลักฐาน…"]
    choose(qtbot, menu, menu.copy_action)
    assert QApplication.clipboard().text() == "15\n"

    menu = open_cell_menu(qtbot, window, "1")
    choose(qtbot, menu, menu.clear_action)
    assert stored(workspace_file)["1"] is None

    menu = open_cell_menu(qtbot, window, "4")
    choose(qtbot, menu, menu.paste_action)
    assert stored(workspace_file)["4"] == D(15)

    menu = open_cell_menu(qtbot, window, "2")
    choose(qtbot, menu, menu.history_action)
    details = window.details
    assert details.code == "2"
    assert "ประวัติการแก้ไข" in details.info.toPlainText()
    history = details.info.history
    assert history.isVisible() and "15" in history.text()
    shown = history.geometry().translated(details.info.widget().pos())
    assert details.info.viewport().rect().intersects(shown), "scrolled into view"

    seen: list[str] = []
    when_dialog(AdjustScoreDialog, lambda dialog: seen.append(dialog.windowTitle()))
    menu = open_cell_menu(qtbot, window, "2")
    choose(qtbot, menu, menu.adjust_action)
    assert seen, "the adjust dialog opened for the cell right-clicked"
    assert window.panel.current_code() == "2"


def test_a_paste_follows_the_typing_rule_refusing_a_fractional_level_and_keeping_a_warned_value_with_its_warning(
        qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    # 150 for a percentage draws a warning (pasted: the paste is the person's deliberate act, the warning kept);
    # 3.5 for a whole-level milestone is refused, as typing it is (domain/plausibility.py).
    QApplication.clipboard().setText("150\n15\n\n3.5\n")
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert stored(workspace_file) == {"1": D(150), "2": D(15)}
    panel = window.panel
    assert [(r.line, r.code) for r in panel.editing.last_refusals] == [(4, "3")]
    assert [(w.line, w.code) for w in panel.editing.last_warnings] == [(1, "1")]
    summary = panel.notice.text()
    assert "ตัวชี้วัด 1" in summary and "150" in summary
    with Workspace.open(workspace_file) as workspace:
        kept = load_ratings(workspace, FIRST, 12, EVALUATOR)
    assert kept["1"].rating.confirmed_warning and "100" in kept["1"].rating.confirmed_warning
    assert kept["2"].rating.confirmed_warning is None


def test_shift_f10_and_the_menu_key_open_the_cell_menu_at_the_current_cell(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "1", ("92", "15"))
    view = window.panel.view
    for key, modifier in ((Qt.Key.Key_F10, SHIFT), (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)):
        click_index(qtbot, view, result_cell(window, "2"))
        focus(qtbot, view)
        press(qtbot, key, modifier)
        qtbot.waitUntil(lambda: window.panel.cell_menu is not None and window.panel.cell_menu.isVisible())
        menu = window.panel.cell_menu
        choose(qtbot, menu, menu.copy_action)
        assert QApplication.clipboard().text() == "15\n"


def test_large_numbers_are_shown_with_thousands_separators_and_edited_plain(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    type_results(qtbot, window, "2", ("1250000",))  # far beyond 20-12 days: a warning at the cell, Enter keeps it
    qtbot.waitUntil(lambda: window.panel.view.result_warning.isVisible())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell_text(window, "2", "own.result") != "")
    assert cell_text(window, "2", "own.result") == "1,250,000"
    model = window.panel.model
    assert model.data(result_cell(window, "2"), Qt.ItemDataRole.EditRole) == "1250000"
    assert stored(workspace_file)["2"] == D(1250000)
