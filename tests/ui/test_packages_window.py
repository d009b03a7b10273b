"""Packages in the window: the merge report lists edit conflicts for the secretary, a cancelled import writes
nothing, a double-clicked package (macOS's file-open event) is imported, and `evaluator-app FILE` decides what
to open without touching argparse's commands."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from evaluator_app.domain.rating import Rating
from evaluator_app.exchange import identity
from evaluator_app.exchange.packages import export_evaluator_package, export_panel_package, import_package
from evaluator_app.launcher import FileKind, FileLaunch, file_launch
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.panel import load_panel, save_member
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.identity_dialogs import IdentityDialog, PassphraseDialog
from evaluator_app.ui.shell.file_open import install_file_open_handler
from evaluator_app.ui.transfer.packages_dialog import PackageCancelled, _import
from evaluator_app.ui.transfer.trust_dialog import TrustDialog
from tests.conftest import file_digest
from tests.ui.conftest import open_window, when_dialog
from tests.ui.test_panel_window import (
    AGENCY,
    FIRST,
    PASSPHRASE,
    YEAR,
    key_folder,  # noqa: F401 - the autouse fixture: keys in this test's folder
    open_file,
    run_package_action,
    secretary_workspace,
    shoot,
    type_passphrase,
)

ROOT = Path(__file__).resolve().parents[2]


def secretary_export(workspace: Workspace, out: Path) -> Path:
    """The panel package as the secretary's window writes it: signed with her key, carrying her encryption key."""
    return export_panel_package(workspace, out, identity.unlock("sec", PASSPHRASE),
                                identity.ensure_encryption_key("sec", PASSPHRASE)).path


def member_packages(tmp_path: Path, master: Path) -> tuple[Path, Path]:
    """m1 rates on their laptop and exports twice: an older package, then a newer one with two results changed."""
    made = identity.create_key_pair("m1", PASSPHRASE)
    with Workspace.open(master) as workspace:
        m1 = load_panel(workspace).member("m1")
        save_member(workspace, type(m1)(m1.id, m1.name, m1.role, m1.position, m1.order, made.public_key),
                    actor="sec")
        panel_file = secretary_export(workspace, tmp_path / "mail" / "panel.evpanel")
    key = identity.unlock("m1", PASSPHRASE)
    with Workspace.open(tmp_path / "m1" / "laptop.sqlite") as laptop:
        import_package(laptop, panel_file, actor="m1", trust=identity.load_identity("sec").fingerprint)
        here = find_agreement_id(laptop, AGENCY, YEAR)
        for code, result in (("1", "92"), ("2", "15"), ("3", "5"), ("4", "78.75")):
            record_rating(laptop, here, Rating(code, 12, "m1", result=D(result)), actor="m1")
        older = export_evaluator_package(laptop, "m1", tmp_path / "mail" / "m1-older.evpack", key).path
        for code, result in (("1", "96"), ("4", "82")):
            record_rating(laptop, here, Rating(code, 12, "m1", result=D(result)), actor="m1")
        newer = export_evaluator_package(laptop, "m1", tmp_path / "mail" / "m1-newer.evpack", key).path
    return older, newer


def test_an_older_package_after_a_newer_one_lists_edit_conflicts_for_the_secretary(qtbot, tmp_path, monkeypatch,
                                                                                   qtmodeltester):
    master = secretary_workspace(tmp_path, with_m2=False)
    older, newer = member_packages(tmp_path, master)
    window = open_window(qtbot, master)
    actions = window.transfer_actions
    open_file(monkeypatch, newer)
    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=False), timeout_ms=30_000)  # her decryption key
    assert run_package_action(qtbot, window, actions.import_package_action) == "merged"
    open_file(monkeypatch, older)
    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=False), timeout_ms=30_000)
    assert run_package_action(qtbot, window, actions.import_package_action) == "merged"
    report = actions.packages.result_dialog
    conflicts = report.conflicts_model
    qtmodeltester.check(conflicts)
    qtmodeltester.check(report.applied_model)
    assert conflicts.rowCount() == 2 and report.applied_model.rowCount() == 0
    assert sorted(conflicts.rows[r][3] for r in range(2)) == ["1", "4"]
    row = next(r for r in conflicts.rows if r[3] == "1")
    assert "เก่ากว่า" in row[4], "why, in the interface language"
    assert row[5].startswith("96") and row[6].startswith("92"), "stored here, then what the package brought"
    assert report.tabs.currentIndex() == 0 and "(2)" in report.tabs.tabText(0)
    assert "ไม่มีการเขียนทับ" in report.verdict.text() and report.resolve_button.isVisible()
    shoot(report, "merge-report-conflicts")
    stored = load_ratings(window.session.workspace, FIRST, 12, "m1")
    assert stored["1"].rating.result == D(96) and stored["4"].rating.result == D(82), "the newer ratings stay"
    window.close()


def test_a_cancelled_import_writes_nothing(tmp_path):
    master = secretary_workspace(tmp_path, with_m2=False)
    _older, newer = member_packages(tmp_path, master)
    before = file_digest(master)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(PackageCancelled):
        _import(master, newer, "sec", cancel, decrypt=lambda sec: identity.unlock_encryption_key(sec, PASSPHRASE))
    assert file_digest(master) == before


def test_a_package_handed_over_by_the_desktop_is_imported(qtbot, tmp_path, window):
    master = secretary_workspace(tmp_path / "other", with_m2=False)
    with Workspace.open(master) as workspace:
        panel_file = secretary_export(workspace, tmp_path / "mail" / "panel.evpanel")
    laptop = tmp_path / "laptop.sqlite"
    Workspace.open(laptop).close()
    app = QApplication.instance()
    handler = install_file_open_handler(app, window)
    try:
        assert window.open_path(laptop)
        when_dialog(TrustDialog, lambda dialog: (dialog.confirm.setChecked(True), dialog.trust_button.click()),
                    timeout_ms=30_000)
        when_dialog(IdentityDialog, lambda dialog: (dialog.choice.setCurrentIndex(dialog.choice.findData("chair")),
                                                    dialog.buttons.accepted.emit()), timeout_ms=30_000)
        with qtbot.waitSignal(window.transfer_actions.packages.finished, timeout=60_000) as done:
            QApplication.sendEvent(app, QFileOpenEvent(str(panel_file)))
        assert done.args == ["installed"]
        assert load_panel(window.session.workspace) is not None
        assert window.session.evaluator() == "chair"
        window.transfer_actions.packages.result_dialog.close()
        QApplication.sendEvent(app, QFileOpenEvent(str(master)))  # a workspace is opened
        assert window.session.path == master
    finally:
        app.removeEventFilter(handler)


# --- evaluator-app FILE ---------------------------------------------------------------------------------------


def exists(*names: str):
    return lambda path: path.name in names


def test_the_launcher_decides_what_a_file_argument_opens():
    assert file_launch(["w.sqlite"], exists("w.sqlite")) == FileLaunch(FileKind.WORKSPACE, Path("w.sqlite"), ())
    assert file_launch(["--lang", "en", "m1.EVPACK"], exists("m1.EVPACK")) == FileLaunch(
        FileKind.PACKAGE, Path("m1.EVPACK"), ("--lang", "en"))
    assert file_launch(["--db", "master.sqlite", "panel.evpanel"], exists("panel.evpanel", "master.sqlite")) == \
        FileLaunch(FileKind.PACKAGE, Path("panel.evpanel"), ("--db", "master.sqlite"))
    assert file_launch(["-psn_0_4711", "panel.evpanel"], exists("panel.evpanel")).kind is FileKind.PACKAGE
    assert file_launch(["--", "-odd.sqlite"], exists("-odd.sqlite")).path == Path("-odd.sqlite")
    # Everything else is argparse's, exactly as before.
    assert file_launch([], exists()) is None
    assert file_launch(["agreements"], exists("agreements")) is None
    assert file_launch(["import-package", "m1.evpack"], exists("m1.evpack")) is None
    assert file_launch(["--db", "w.sqlite"], exists("w.sqlite")) is None, "an option's value is not the file"
    assert file_launch(["--db=w.sqlite"], exists("w.sqlite")) is None
    assert file_launch(["missing.sqlite"], exists()) is None, "only an existing file"
    assert file_launch(["notes.txt"], exists("notes.txt")) is None
    assert file_launch(["a.sqlite", "b.sqlite"], exists("a.sqlite", "b.sqlite")) is None


def test_evaluator_app_file_opens_the_window_and_commands_still_work(tmp_path):
    workspace = secretary_workspace(tmp_path, with_m2=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVALUATOR_APP_QUIT_AFTER_MS": "0",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    opened = subprocess.run([sys.executable, "-m", "evaluator_app", str(workspace)], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=120)
    assert opened.returncode == 0, opened.stderr
    listed = subprocess.run([sys.executable, "-m", "evaluator_app", "--db", str(workspace), "agreements"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert listed.returncode == 0 and AGENCY in listed.stdout, listed.stderr
