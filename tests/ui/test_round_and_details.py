"""The round changes only by an explicit choice, Tab goes from the agreement list to the table, and the details
pane shows each field as a label beside its value."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from tests.ui.conftest import (
    EVALUATOR,
    click_index,
    focus,
    focused,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
)

FIRST = 1


def test_tab_from_the_agreement_list_goes_to_the_table_and_typing_rates_not_switches_round(
        qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    assert focused() is window.navigator.tree
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.panel.view
    type_keys(qtbot, "9")
    press(qtbot, Qt.Key.Key_Return)
    assert window.panel.model.round == 12 and window.panel.round_combo.currentText() == "12 เดือน"
    with Workspace.open(workspace_file) as workspace:
        assert load_ratings(workspace, FIRST, 12, EVALUATOR)["1"].rating.result == D(9)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.panel.round_combo, "the round box comes after the table"


def test_typed_keys_arrows_and_the_wheel_do_not_change_the_round_an_opened_list_does(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    box = window.panel.round_combo
    focus(qtbot, box)
    type_keys(qtbot, "9")
    type_keys(qtbot, "6")
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_PageUp):
        press(qtbot, key)
    center = QPointF(box.rect().center())
    QApplication.sendEvent(box, QWheelEvent(center, QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                                            QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                            Qt.ScrollPhase.NoScrollPhase, False))
    assert window.panel.model.round == 12 and box.currentText() == "12 เดือน"

    press(qtbot, Qt.Key.Key_Space)
    popup = box.view()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.waitUntil(popup.hasFocus, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Up)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.model.round == 9, timeout=3000)
    assert box.currentText() == "9 เดือน"


def test_each_field_of_the_details_is_a_label_beside_or_above_its_value(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "1"))
    info = window.details.info
    qtbot.waitUntil(lambda: info.heading.text().startswith("1 "), timeout=3000)
    labels = {label.text(): value.text() for label, value in info.rows}
    assert labels["หน่วยวัด:"] == "ร้อยละ" and labels["น้ำหนัก:"] == "50"
    assert labels["เกณฑ์การให้คะแนน:"].startswith("80 · 85")
    for label, value in info.rows:
        assert label.isVisible() and value.isVisible()
        a, b = label.geometry(), value.geometry()
        assert b.left() >= a.right() + 8 or b.top() > a.bottom(), (label.text(), a, b)
    assert "หน่วยวัด: ร้อยละ" in info.toPlainText()
