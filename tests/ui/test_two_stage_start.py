"""The two-stage start (issue 16): the shell paints first with the navigator listed from one read-only query, then
the workspace opens (checks, lock) and the rest of the window is built; nothing of what the start did is lost.
The real window, as ui/shell/app.py starts it; QSettings in this test's own folder (tests/ui/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.exchange.demo_folders import remove_demo_copy
from evaluator_app.store.agreement_list import peek_agreement_summaries
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.preferences import EVALUATOR_SETTING
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.identity_dialogs import IdentityDialog
from evaluator_app.ui.shell import navigator_model
from evaluator_app.ui.shell.app import begin_start, start_window
from tests.ui.conftest import when_dialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_shell_paints_first_with_every_agreement_then_the_window_becomes_ready(qtbot, workspace_file):
    window = start_window(workspace_file)
    qtbot.addWidget(window)
    # The shell, before any event: the list from the file, nothing opened, nothing that writes offered yet.
    assert window.session is None and window.panel is None
    with Workspace.open(workspace_file, read_only=True) as workspace:
        expected = list_agreements(workspace)
    assert window.navigator.model.summaries() == expected
    assert window.navigator.selected_agreement() == expected[0].id
    assert "กำลังเปิด" in window.windowTitle() and workspace_file.name in window.windowTitle()
    assert not window.import_action.isEnabled() and not window.identity_button.isVisible()

    with qtbot.waitSignal(window.ready, timeout=10000):
        pass  # the first paint, then the workspace opens
    assert window.session is not None and not window.session.read_only  # the writer lock is held
    assert window.panel.model.agreement_id == expected[0].id
    assert window.navigator.model.summaries() == expected
    assert window.import_action.isEnabled() and window.identity_button.isVisible()
    assert "กำลังเปิด" not in window.windowTitle() and "บันทึกแล้ว" in window.windowTitle()
    assert window.panel_actions is not None and window.transfer_actions is not None
    window.close()


def test_a_workspace_that_cannot_be_opened_still_says_so_and_the_window_closes(qtbot, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a workspace at all " * 200)
    said: list[str] = []
    when_dialog(QMessageBox, lambda box: said.append(box.text()))
    startup = begin_start(broken)
    window = startup.window
    qtbot.addWidget(window)
    assert window.navigator.hint.isHidden(), "an unreadable file is not shown as an empty workspace"
    with qtbot.waitSignal(startup.failed, timeout=15000):
        pass
    assert said and said[0].strip(), "the message box says why"
    assert not window.isVisible() and window.session is None


def test_who_are_you_is_asked_once_the_window_is_ready(qtbot, workspace_file):
    with Workspace.open(workspace_file) as workspace, workspace.transaction() as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (EVALUATOR_SETTING,))
    order: list[str] = []

    def answer(dialog: IdentityDialog) -> None:
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        order.append("asked with the table there" if window.panel is not None else "asked too early")

    when_dialog(IdentityDialog, answer)
    window = start_window(workspace_file)
    qtbot.addWidget(window)
    window.ready.connect(lambda: order.append("ready"))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=15000)
    assert order == ["ready", "asked with the table there"]
    window.close()


def test_the_first_paint_list_is_the_open_workspace_list(tmp_path):
    demo = demo_workspace_copy()
    try:
        with Workspace.open(demo, read_only=True) as workspace:
            assert peek_agreement_summaries(demo) == list_agreements(workspace)
    finally:
        remove_demo_copy(demo)
    assert peek_agreement_summaries(tmp_path / "missing.sqlite") is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"x" * 4096)
    assert peek_agreement_summaries(junk) is None
    assert not (tmp_path / "missing.sqlite").exists(), "peeking creates nothing"


def test_the_navigator_roles_are_qts_own():
    assert navigator_model._DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole.value
    assert navigator_model._TOOLTIP_ROLE == Qt.ItemDataRole.ToolTipRole.value
    assert navigator_model.AGREEMENT_ID_ROLE == Qt.ItemDataRole.UserRole.value + 1
    assert navigator_model.KIND_ROLE == Qt.ItemDataRole.UserRole.value + 2


PROBE = """
import json, sys
from pathlib import Path
from evaluator_app.ui.shell import app as shell_app
seen = {}
def probe(stage):
    seen[stage] = sorted(m for m in sys.modules if m.startswith("evaluator_app"))
    if stage == "ready":
        print(json.dumps(seen))
shell_app._probe = probe
sys.exit(shell_app.run(Path(sys.argv[1])))
"""


@pytest.mark.parametrize("stage", ["first-paint"])
def test_the_first_paint_loads_neither_the_store_nor_the_features(workspace_file, tmp_path, stage):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "EVALUATOR_APP_QUIT_AFTER_MS": "0"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(workspace_file)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    heavy = ("evaluator_app.store.workspace", "evaluator_app.domain.agreement", "evaluator_app.ui.rating",
             "evaluator_app.ui.transfer", "evaluator_app.ui.common.session")
    early = [m for m in seen[stage] if m.startswith(heavy)]
    assert early == [], "loaded before the first paint: " + ", ".join(early)
    assert all(any(m.startswith(h) for m in seen["ready"]) for h in heavy), "all there once ready"


def test_the_last_place_key_is_the_same_digest_as_before(tmp_path):
    import hashlib

    from evaluator_app.ui.shell import settings

    path = tmp_path / "ที่ทำงาน.sqlite"
    assert settings._place_key(path) == "places/" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:20]
