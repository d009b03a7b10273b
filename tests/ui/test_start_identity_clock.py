"""Starting where the person left off, choosing who you are once, one clock, and the navigator's hints: the real
window driven by keys and mouse, with QSettings in this test's own folder (tests/ui/conftest.py)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from evaluator_app.domain import thai_dates
from evaluator_app.domain.panel import PanelMember, Role
from evaluator_app.exchange import demo_folders
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.reports.paper_parts import issued_on
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.panel import create_panel, save_member
from evaluator_app.store.preferences import EVALUATOR_SETTING, TIME_ZONE_SETTING, identity_problem
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.identity_dialogs import IdentityDialog
from evaluator_app.ui.shell import settings
from evaluator_app.ui.shell.app import start_window
from evaluator_app.ui.shell.main_window import MainWindow
from evaluator_app.ui.shell.settings_dialog import SettingsDialog
from tests.ui.conftest import (
    build_workspace,
    click_index,
    focus,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
    when_dialog,
)

MALEE = "นางสาวมาลี ศรีสุข"
SOMCHAI = "ศาสตราจารย์ ดร.สมชาย ใจดี"


@pytest.fixture(autouse=True)
def bangkok_clock() -> Iterator[None]:
    """The display zone is the process's: a test that changes it puts Bangkok back."""
    yield
    thai_dates.set_display_zone(None)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the default workspace goes (platformdirs reads XDG_DATA_HOME), so no test touches a person's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def identity_dialog_shown() -> bool:
    return any(isinstance(w, IdentityDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def started(qtbot, path: Path | None, *, answered: list[bool] | None = None) -> MainWindow:
    """The window as the application starts it. With `answered`, it asks who you are first: the test's when_dialog
    answers and appends to the list, and the window is active again once the question is gone."""
    window = start_window(path)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitExposed(window)
    # The shell paints first; the workspace opens right after (ui/shell/app.py): wait for the whole window.
    qtbot.waitUntil(lambda: window.session is not None and window.panel is not None, timeout=10000)
    if answered is not None:
        qtbot.waitUntil(lambda: bool(answered) and not identity_dialog_shown(), timeout=8000)
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def without_identity(path: Path) -> Path:
    with Workspace.open(path) as workspace, workspace.transaction() as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (EVALUATOR_SETTING,))
    return path


def with_panel(path: Path) -> Path:
    with Workspace.open(path) as workspace:
        create_panel(workspace, actor="test")
        save_member(workspace, PanelMember("member1", SOMCHAI, Role.CHAIR, "ผู้ทรงคุณวุฒิ", 1), actor="test")
        save_member(workspace, PanelMember("member2", MALEE, Role.MEMBER, "ผู้ทรงคุณวุฒิ", 2), actor="test")
    return path


def stored_evaluators(path: Path, code: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT evaluator FROM ratings WHERE code = ? AND evaluator != 'self'",
                                           (code,))}


# --- start where the person left off -------------------------------------------------------------------------------


def test_the_app_reopens_the_last_workspace_agreement_and_round(qtbot, workspace_file, data_home):
    first = started(qtbot, workspace_file)
    second_id = max(s.id for s in first.navigator.model.summaries())
    select_agreement_by_click(qtbot, first, second_id)
    focus(qtbot, first.navigator.tree)
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # View → Round → 6 months
    assert first.panel.model.round == 6
    first.close()

    again = started(qtbot, None)  # no --db: the last workspace, not the default one
    assert again.session.path == workspace_file
    assert again.panel.model.agreement_id == second_id
    assert again.panel.model.round == 6
    assert again.round_actions[6].isChecked()
    assert again.navigator.selected_agreement() == second_id
    again.close()


def test_a_last_workspace_that_is_gone_falls_back_to_the_default_and_says_so(qtbot, workspace_file, data_home):
    first = started(qtbot, workspace_file)
    first.close()
    workspace_file.rename(workspace_file.with_name("moved.sqlite"))

    asked: list[bool] = []
    when_dialog(IdentityDialog, lambda dialog: asked.append(True))  # a new workspace asks who you are; not now
    window = started(qtbot, None, answered=asked)
    assert window.session.path == data_home / "evaluator-app" / "workspace.sqlite"
    assert str(workspace_file) in window.statusBar().currentMessage()
    assert window.navigator.state() == "empty"
    window.close()


def test_recent_workspaces_skip_missing_files_and_can_be_cleared(qtbot, workspace_file, tmp_path):
    other = build_workspace(tmp_path / "อีกชุด.sqlite")
    gone = build_workspace(tmp_path / "gone.sqlite")
    window = started(qtbot, gone)
    window.open_path(other)
    window.open_path(workspace_file)
    gone.unlink()
    window._fill_recent_menu()
    listed = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert listed == [str(other.resolve())], "the current file and missing ones are not offered"
    window.clear_recent_action.trigger()  # File → Recent workspaces → Clear recent workspaces
    assert settings.recent_workspaces() == []
    assert not window.recent_menu.isEnabled()
    window.close()


def test_demo_copies_go_when_their_process_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / "evaluator-demo-999999999-abcd"  # a process id no system hands out
    stale.mkdir()
    (stale / "demo-workspace.sqlite").write_bytes(b"x")
    copy = demo_workspace_copy()
    assert copy.parent.name.startswith(f"evaluator-demo-{os.getpid()}-")
    assert not stale.exists(), "a folder of a process that died is removed by the next --demo run"
    assert demo_folders.is_demo_copy(copy) and not demo_folders.is_demo_copy(tmp_path / "mine.sqlite")
    demo_folders.remove_demo_copy(tmp_path / "mine.sqlite")  # anything else is left alone
    demo_folders.remove_demo_copy(copy)
    assert not copy.parent.exists()


def test_a_cli_demo_run_leaves_no_folder(tmp_path, monkeypatch, capsys):
    from evaluator_app.launcher import main

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["--demo", "agreements", "--json"]) == 0
    assert "กรมพัฒนาฝีมือแรงงาน" in capsys.readouterr().out
    assert not list(tmp_path.glob("evaluator-demo-*"))


def test_the_empty_workspace_offers_the_demo_and_the_demo_copy_goes_when_closed(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    asked: list[bool] = []
    when_dialog(IdentityDialog, lambda dialog: asked.append(True))
    window = started(qtbot, tmp_path / "empty.sqlite", answered=asked)
    assert window.identity_button.text() == "ท่านคือใคร? เลือก…", "cancelled: the status bar still asks"
    assert window.navigator.state() == "empty"
    assert window.navigator.hint.isVisible() and not window.navigator.tree.isVisible()
    assert "นำเข้า" in window.navigator.hint_text.text()
    qtbot.mouseClick(window.navigator.demo_button, Qt.MouseButton.LeftButton)
    demo = window.session.path
    assert demo_folders.is_demo_copy(demo)
    assert window.navigator.state() == "agreements" and window.navigator.tree.isVisible()
    assert settings.last_workspace() == (tmp_path / "empty.sqlite").resolve(), "a demo copy is not remembered"
    window.close()
    assert not demo.parent.exists()


# --- the navigator says when nothing matches ----------------------------------------------------------------------


def test_a_search_that_finds_nothing_says_so_and_clears(qtbot, workspace_file):
    window = started(qtbot, workspace_file)
    focus(qtbot, window.navigator.search)
    type_keys(qtbot, "ไม่มีหน่วยงานนี้")
    qtbot.waitUntil(lambda: window.navigator.state() == "no match", timeout=3000)
    assert window.navigator.hint.isVisible()
    assert "ไม่มีหน่วยงานนี้" in window.navigator.hint_text.text()
    qtbot.mouseClick(window.navigator.clear_button, Qt.MouseButton.LeftButton)
    assert window.navigator.search.text() == ""
    assert window.navigator.state() == "agreements" and not window.navigator.hint.isVisible()
    window.close()


# --- one identity ------------------------------------------------------------------------------------------------


def test_choosing_a_panel_member_once_records_ratings_under_that_member(qtbot, workspace_file):
    path = with_panel(without_identity(workspace_file))

    def choose_malee(dialog: IdentityDialog) -> None:
        assert dialog.ok_button_enabled() is False  # nobody preselected: the person chooses
        focus(qtbot, dialog.choice)
        type_keys(qtbot, "น")  # a combo box jumps to the item starting with the typed letter
        assert dialog.ident() == "member2"
        press(qtbot, Qt.Key.Key_Return)
        answered.append(True)

    answered: list[bool] = []
    when_dialog(IdentityDialog, choose_malee)
    window = started(qtbot, path, answered=answered)
    assert window.session.identity_chosen()
    assert window.session.evaluator() == "member2"
    assert MALEE in window.identity_button.text()
    model = window.panel.model
    assert MALEE in model.headerData(model.column("own.result"), Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.ToolTipRole)
    assert MALEE in window.panel.totals.text() and "member2" not in window.panel.totals.text()

    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "93")
    press(qtbot, Qt.Key.Key_Return)
    assert stored_evaluators(path, "1") == {"member2"}
    window.close()

    again = started(qtbot, path)  # chosen once: no question the second time
    QApplication.processEvents()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, IdentityDialog) and w.isVisible()]
    assert again.session.evaluator() == "member2"
    again.close()


def test_without_a_panel_the_person_types_a_name_and_rates_under_it(qtbot, workspace_file):
    path = without_identity(workspace_file)

    def type_name(dialog: IdentityDialog) -> None:
        assert not dialog.has_panel
        focus(qtbot, dialog.choice)
        type_keys(qtbot, MALEE)
        press(qtbot, Qt.Key.Key_Return)
        answered.append(True)

    answered: list[bool] = []
    when_dialog(IdentityDialog, type_name)
    window = started(qtbot, path, answered=answered)
    assert window.session.identity_chosen()
    assert window.session.evaluator() == MALEE
    assert settings.remembered_name() == MALEE
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "2"))
    focus(qtbot, view)
    type_keys(qtbot, "18")
    press(qtbot, Qt.Key.Key_Return)
    assert stored_evaluators(path, "2") == {MALEE}
    window.close()


def test_a_rating_before_choosing_is_refused_and_asks_who_you_are(qtbot, workspace_file):
    path = with_panel(without_identity(workspace_file))
    declined: list[bool] = []
    when_dialog(IdentityDialog, lambda dialog: declined.append(True))  # "later": the dialog is cancelled
    window = started(qtbot, path, answered=declined)
    assert not window.session.identity_chosen()

    def choose_somchai(dialog: IdentityDialog) -> None:
        dialog.choice.setCurrentIndex(dialog.choice.findData("member1"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        chosen.append(True)

    chosen: list[bool] = []
    when_dialog(IdentityDialog, choose_somchai)
    refusals: list[str] = []
    window.panel.model.refused.connect(lambda _index, message: refusals.append(message))
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "93")
    press(qtbot, Qt.Key.Key_Return)
    assert refusals and "ท่านคือใคร" in refusals[0]
    assert stored_evaluators(path, "1") == set(), "nothing is recorded under the computer's login"
    qtbot.waitUntil(lambda: bool(chosen) and not identity_dialog_shown(), timeout=8000)
    assert window.session.evaluator() == "member1" and window.panel.model.evaluator == "member1"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "93")
    press(qtbot, Qt.Key.Key_Return)
    assert stored_evaluators(path, "1") == {"member1"}
    window.close()


def test_the_name_self_is_refused_and_settings_change_who_you_are(qtbot, workspace_file):
    path = with_panel(workspace_file)  # member1 was chosen before the panel was set up; still a member
    window = started(qtbot, path)
    assert window.session.evaluator_name() == SOMCHAI

    def choose_member2(dialog: IdentityDialog) -> None:
        dialog.choice.setCurrentIndex(dialog.choice.findData("member2"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    def in_settings(dialog: SettingsDialog) -> None:
        assert dialog.identity_label.text() == SOMCHAI
        when_dialog(IdentityDialog, choose_member2)
        qtbot.mouseClick(dialog.identity_button, Qt.MouseButton.LeftButton)
        assert dialog.identity_label.text() == MALEE
        dialog.accept()

    when_dialog(SettingsDialog, in_settings)
    window.settings_action.trigger()
    assert window.session.evaluator() == "member2"
    assert window.panel.model.evaluator == "member2"
    window.close()

    with Workspace.open(build_workspace(workspace_file.with_name("free.sqlite"))) as free:
        dialog = IdentityDialog(None, None, check=lambda ident: identity_problem(free, ident))
        qtbot.addWidget(dialog)
        line = dialog.choice.lineEdit()
        line.setText("self")
        assert not dialog.ok_button_enabled() and "self" in dialog.problem.text()
        line.setText("นายประเสริฐ มั่นคง")
        assert dialog.ok_button_enabled()


# --- one clock -----------------------------------------------------------------------------------------------------


def test_times_are_on_the_bangkok_clock_in_the_window_and_on_paper():
    late = datetime(2026, 12, 2, 18, 30, tzinfo=UTC)  # 01:30 the next day in Bangkok
    assert thai_dates.thai_datetime(late) == "3 ธ.ค. 2569 01:30"
    assert thai_dates.english_datetime(late) == "3 Dec 2569 B.E. 01:30"
    assert thai_dates.thai_datetime_from_iso(late.isoformat()) == "3 ธ.ค. 2569 01:30"
    assert issued_on(late.isoformat(), "arabic") == "3 ธันวาคม พ.ศ. 2569", "the paper prints the same day"
    assert thai_dates.thai_datetime(late, zone=thai_dates.zone_named("UTC")) == "2 ธ.ค. 2569 18:30"
    with pytest.raises(ValueError, match="Mars/Olympus"):
        thai_dates.zone_named("Mars/Olympus")


def test_the_time_zone_setting_moves_window_and_papers_together(qtbot, workspace_file):
    window = started(qtbot, workspace_file)
    late = datetime(2026, 12, 2, 18, 30, tzinfo=UTC).isoformat()

    def choose_utc(dialog: SettingsDialog) -> None:
        assert dialog.time_zone() == "Asia/Bangkok"
        dialog.zone_combo.setEditText("Mars/Olympus")
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        assert "Mars/Olympus" in dialog.problem.text()
        dialog.zone_combo.setEditText("UTC")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_dialog(SettingsDialog, choose_utc)
    window.settings_action.trigger()
    assert thai_dates.zone_name() == "UTC"
    assert thai_dates.thai_datetime_from_iso(late) == "2 ธ.ค. 2569 18:30"
    assert issued_on(late, "arabic") == "2 ธันวาคม พ.ศ. 2569"
    window.close()
    with Workspace.open(workspace_file) as workspace:
        assert workspace.setting(TIME_ZONE_SETTING) == "UTC"
        assert len(list_agreements(workspace)) == 2

    thai_dates.set_display_zone(None)
    again = started(qtbot, workspace_file)  # the workspace keeps its clock
    assert thai_dates.zone_name() == "UTC"
    again.close()
