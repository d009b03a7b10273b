"""Parties from the window: Reports → Parties of the agreement… opens a small dialog; typed recipients and givers
are saved (audited) and the agreement paper names them; a bad line is refused in the dialog, nothing written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from evaluator_app.store.audit import audit_entries
from evaluator_app.store.parties import load_parties
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.papers.parties_dialog import PartiesDialog
from tests.conftest import file_digest
from tests.parties_data import GIVER, PARTIES, RECIPIENT, SECOND_GIVER
from tests.ui.conftest import select_agreement_by_click, type_keys

SHOTS = Path("/tmp/ui-shots")


def open_dialog(qtbot, window) -> PartiesDialog:
    select_agreement_by_click(qtbot, window, 2)  # the second agreement has no parties yet
    window.report_actions.parties_action.trigger()  # Reports → Parties of the agreement…
    dialog = window.report_actions.parties_dialog
    assert isinstance(dialog, PartiesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def type_into(qtbot, edit, lines: list[str]) -> None:
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        type_keys(qtbot, line)


def click_save(qtbot, dialog: PartiesDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_typed_parties_are_saved_and_audited(qtbot, window, workspace_file):
    dialog = open_dialog(qtbot, window)
    assert dialog.recipients.toPlainText() == "" and dialog.givers.toPlainText() == ""
    type_into(qtbot, dialog.recipients, [f"{RECIPIENT.name} | {RECIPIENT.position}"])
    type_into(qtbot, dialog.givers, [f"{GIVER.name} | {GIVER.position}",
                                     f"{SECOND_GIVER.name}|{SECOND_GIVER.position}"])
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "parties-dialog.png"))
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert dialog.saved
    assert "saved" in window.statusBar().currentMessage() or "บันทึก" in window.statusBar().currentMessage()
    with Workspace.open(workspace_file, read_only=True) as ws:
        assert load_parties(ws, 2) == PARTIES
        assert audit_entries(ws.conn, entity="agreement", key="2")[0].action == "edit parties"
    # Opened again, the dialog shows what is stored.
    again = open_dialog(qtbot, window)
    assert again.givers.toPlainText().splitlines() == [f"{GIVER.name} | {GIVER.position}",
                                                       f"{SECOND_GIVER.name} | {SECOND_GIVER.position}"]
    again.reject()


def test_a_nameless_line_is_refused_in_the_dialog_and_nothing_is_written(qtbot, window, workspace_file):
    window.session.workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = file_digest(workspace_file)
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.givers, [f"{GIVER.name} | {GIVER.position}", "| รองอธิบดี"])
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem_label.isVisible()
    assert "the name is empty" in dialog.problem_label.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "parties-dialog-refused.png"))
    dialog.reject()
    assert file_digest(workspace_file) == digest
