"""Backups in the window (issue 7): Back up now, Restore from backup… brings back the earlier value and keeps the
current content as a backup first; the read-only banner names who holds the workspace."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evaluator_app.store import backups
from evaluator_app.store.audit import audit_entries
from evaluator_app.store.ratings import load_ratings
from evaluator_app.ui.transfer.backups_dialog import RestoreDialog
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
    when_dialog,
)
from tests.ui.test_panel_window import click, shoot

ROOT = Path(__file__).resolve().parents[2]
FIRST = 1


def rate(qtbot, window, code: str, result: str) -> None:
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, code))
    focus(qtbot, view)
    type_keys(qtbot, result)
    press(qtbot, Qt.Key.Key_Return)


def test_back_up_now_then_restore_brings_back_the_earlier_value(qtbot, window, workspace_file, monkeypatch,
                                                                 qtmodeltester):
    select_agreement_by_click(qtbot, window, FIRST)
    rate(qtbot, window, "1", "92")
    window.transfer_actions.backup_now_action.trigger()
    assert "สำรองข้อมูลแล้ว" in window.statusBar().currentMessage()
    manual = [b for b in backups.list_backups(workspace_file) if b.reason == backups.MANUAL]
    assert len(manual) == 1
    assert f" {manual[0].taken_at.astimezone().year + 543} " in window.statusBar().currentMessage(), "B.E. date"

    rate(qtbot, window, "1", "95")
    assert load_ratings(window.session.workspace, FIRST, 12, EVALUATOR)["1"].rating.result == D(95)

    def choose(dialog: RestoreDialog) -> None:
        qtmodeltester.check(dialog.model)
        rows = [r for r in range(dialog.model.rowCount()) if dialog.model.backup(r).reason == backups.MANUAL]
        assert rows, "the backup made by hand is listed"
        shown = dialog.model.index(rows[0], 0).data()
        assert str(manual[0].taken_at.astimezone().year + 543) in shown, "listed with its Buddhist Era date"
        assert dialog.model.index(rows[0], 1).data() == "สั่งสำรองเอง"
        assert not dialog.restore_button.isEnabled()
        dialog.view.selectRow(rows[0])
        shoot(dialog, "restore-dialog")
        click(qtbot, dialog.restore_button)

    asked: list[str] = []

    def confirm(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    when_dialog(RestoreDialog, choose)
    window.transfer_actions.restore_action.trigger()
    assert asked and "สำรองไว้ก่อน" in asked[0]

    # The window reopened the workspace: the earlier value is back, on screen and in the file.
    assert window.session.is_open and window.session.path == workspace_file
    assert load_ratings(window.session.workspace, FIRST, 12, EVALUATOR)["1"].rating.result == D(92)
    select_agreement_by_click(qtbot, window, FIRST)
    assert cell_text(window, "1", "own.result") == "92"
    assert "กู้คืน" in window.statusBar().currentMessage()
    kept = [b for b in backups.list_backups(workspace_file) if b.reason == backups.BEFORE_RESTORE]
    assert len(kept) == 1, "the content before the restore is kept as a backup"
    restored = [e for e in audit_entries(window.session.workspace.conn, "workspace") if e.action == "restore backup"]
    assert restored and restored[0].after["backup"] == manual[0].name
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    rate(qtbot, window, "2", "15")  # and the reopened workspace takes changes
    assert load_ratings(window.session.workspace, FIRST, 12, EVALUATOR)["2"].rating.result == D(15)


def test_the_read_only_banner_names_who_holds_the_workspace(qtbot, workspace_file):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom evaluator_app.store.workspace import Workspace\n"
         "w = Workspace.open(sys.argv[1])\nprint('held', flush=True)\ntime.sleep(60)\n", str(workspace_file)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        window = open_window(qtbot, workspace_file)
        banner = window.banner.text()
        assert window.banner.isVisible()
        assert getpass.getuser() in banner and socket.gethostname() in banner and str(holder.pid) in banner
        shoot(window.banner, "read-only-banner")
        actions, transfer = window.panel_actions, window.transfer_actions
        assert transfer.backup_now_action.isEnabled(), "backing up only reads"
        assert not transfer.restore_action.isEnabled() and not transfer.import_package_action.isEnabled()
        assert not actions.submit_action.isEnabled() and not actions.finalise_action.isEnabled()
        window.close()
    finally:
        holder.kill()
        holder.wait()
