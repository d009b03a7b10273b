"""The chair's decisions in the window: finalise the panel result (after confirming), reopen it or a member's
submission with a reason that is logged; nobody but the chair gets that far."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from evaluator_app.store.audit import audit_entries
from evaluator_app.store.panel import result_state, submission_state
from evaluator_app.store.panel_results import submit
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.reason_dialog import ReasonDialog
from tests.ui.conftest import open_window, select_agreement_by_click, when_dialog
from tests.ui.test_panel_window import (
    FIRST,
    key_folder,  # noqa: F401 - the autouse fixture: keys in this test's folder
    record_results,
    secretary_workspace,
    shoot,
    type_into,
)


def submitted_master(tmp_path, evaluator: str = "chair"):
    path = secretary_workspace(tmp_path, evaluator=evaluator)
    record_results(path, "m1")
    with Workspace.open(path) as workspace:
        for member in ("m1", "m2"):
            submit(workspace, FIRST, member, declaration_accepted=True, actor=member)
    return path


def test_the_chair_finalises_then_reopens_with_a_reason(qtbot, tmp_path, monkeypatch):
    asked: list[str] = []

    def confirm(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    window = open_window(qtbot, submitted_master(tmp_path))
    select_agreement_by_click(qtbot, window, FIRST)
    matrix = window.panel_actions.open_matrix()
    window.panel_actions.finalise_action.trigger()
    assert asked and "3.5750" in asked[0], "the panel total is in the question"
    state = result_state(window.session.workspace.conn, FIRST, 12)
    assert state is not None and state.finalised
    assert "ยุติแล้ว" in matrix.heading.text() and not matrix.consensus_button.isEnabled()

    def give_reason(dialog: ReasonDialog) -> None:
        assert dialog.choice_combo.count() == 1, "a finalised result: reopen the result first"
        assert not dialog.ok_button().isEnabled(), "a reopening needs a reason"
        type_into(qtbot, dialog.reason_edit, "พบหลักฐานเพิ่มเติมของตัวชี้วัดที่ 3")
        shoot(dialog, "reopen-dialog")
        dialog.ok_button().click()

    when_dialog(ReasonDialog, give_reason)
    window.panel_actions.reopen_action.trigger()
    QApplication.processEvents()
    assert not result_state(window.session.workspace.conn, FIRST, 12).finalised
    logged = audit_entries(window.session.workspace.conn, "panel_result", f"{FIRST}/12")
    assert logged[0].action == "reopen panel result" and logged[0].actor == "chair"
    assert logged[0].after["reason"] == "พบหลักฐานเพิ่มเติมของตัวชี้วัดที่ 3"
    assert "ยังไม่ยุติ" in matrix.heading.text()

    def reopen_m1(dialog: ReasonDialog) -> None:
        dialog.choice_combo.setCurrentIndex(dialog.choice_combo.findData("member:m1"))
        type_into(qtbot, dialog.reason_edit, "ให้ทบทวนผลตัวชี้วัดที่ 4")
        dialog.ok_button().click()

    when_dialog(ReasonDialog, reopen_m1)
    window.panel_actions.reopen_action.trigger()
    QApplication.processEvents()
    state = submission_state(window.session.workspace.conn, FIRST, 12, "m1")
    assert state is not None and not state.submitted and state.reason == "ให้ทบทวนผลตัวชี้วัดที่ 4"
    assert submission_state(window.session.workspace.conn, FIRST, 12, "m2").submitted
    window.close()


def test_a_member_cannot_finalise_and_is_told_who_can(qtbot, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: (_ for _ in ()).throw(AssertionError("not asked")))
    window = open_window(qtbot, submitted_master(tmp_path, evaluator="m1"))
    select_agreement_by_click(qtbot, window, FIRST)
    window.panel_actions.finalise_action.trigger()
    assert told and "chair" in told[0]
    assert result_state(window.session.workspace.conn, FIRST, 12) is None
    window.close()
