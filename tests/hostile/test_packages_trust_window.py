"""The trust decisions in the window: a member who does not confirm the secretary's fingerprint gets nothing
installed; the secretary opening her own panel package is told it is the master's, and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from evaluator_app.store.panel import load_panel
from evaluator_app.store.panel_install import is_master
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.session import EVALUATOR_SETTING
from evaluator_app.ui.transfer.trust_dialog import TrustDialog
from tests.conftest import file_digest
from tests.hostile.packages_world import make_master, settled
from tests.panel_keys import PanelKeys
from tests.ui.conftest import open_window, thai_app, ui_settings, when_dialog  # noqa: F401


def run_import(qtbot, window, monkeypatch, path: Path) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.transfer_actions.packages.finished, timeout=60_000) as done:
        window.transfer_actions.import_package_action.trigger()
    return str(done.args[0])


def test_a_member_who_does_not_confirm_gets_nothing_installed(qtbot, tmp_path, monkeypatch):
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    with make_master(tmp_path / "master.sqlite", keys) as master:
        panel_file = keys.export_panel(master, tmp_path / "panel.evpanel").path
    laptop = tmp_path / "laptop.sqlite"
    Workspace.open(laptop).close()
    window = open_window(qtbot, laptop)
    seen: list[str] = []

    def decline(dialog: TrustDialog) -> None:
        seen.append(dialog.fingerprint.text())
        qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)  # disabled until confirmed: nothing
        assert dialog.isVisible(), "the trust button does nothing before the fingerprint is confirmed"
        dialog.reject()

    when_dialog(TrustDialog, decline, timeout_ms=30_000)
    assert run_import(qtbot, window, monkeypatch, panel_file) == "refused"
    assert seen == [keys.fingerprint]
    report = window.transfer_actions.packages.result_dialog
    assert keys.fingerprint in report.summary_text() and "ไม่มีการบันทึก" in report.verdict.text()
    assert load_panel(window.session.workspace) is None
    window.close()


def test_the_secretary_opening_her_own_panel_package_is_told_so(qtbot, tmp_path, monkeypatch):
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    with make_master(tmp_path / "master.sqlite", keys) as master:
        panel_file = keys.export_panel(master, tmp_path / "panel.evpanel").path
        master.set_setting(EVALUATOR_SETTING, "sec")
        before = settled(master)
    window = open_window(qtbot, tmp_path / "master.sqlite")
    assert run_import(qtbot, window, monkeypatch, panel_file) == "master"
    report = window.transfer_actions.packages.result_dialog
    assert "พื้นที่ทำงานหลัก" in report.verdict.text()
    Path("/tmp/ui-shots").mkdir(exist_ok=True)
    report.grab().save("/tmp/ui-shots/package-own-panel-on-master.png")
    assert is_master(window.session.workspace)
    window.close()
    assert file_digest(tmp_path / "master.sqlite") == before
