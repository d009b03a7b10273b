"""Start-up stays light (nothing heavy before the first paint) and a national workload works in the window.

How fast is measured by the benchmarks (python -m tests.benchmarks) against baselines of the same run: timed
assertions here would only measure how busy the shared machine is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.preferences import EVALUATOR_SETTING
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.shell.app import start_window
from tests.benchmarks.workload import write_workbook
from tests.ui.conftest import click_index, focus, open_window, press, result_cell, type_keys

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "openpyxl", "reportlab", "sqlite_utils", "uharfbuzz")

PROBE = f"""
HEAVY = {HEAVY!r}
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from evaluator_app.ui.shell.app import prepare_application
from evaluator_app.ui.shell.main_window import MainWindow
from evaluator_app.ui.common.session import WorkspaceSession
app = QApplication([])
prepare_application(app, "th")
window = MainWindow(WorkspaceSession.open(Path(sys.argv[1])))
window.show()
app.processEvents()
print(json.dumps({{"heavy": [m for m in HEAVY if m in sys.modules]}}))
window.close()
"""


def test_the_window_paints_without_importing_anything_heavy(workspace_file, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", PROBE, str(workspace_file)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["heavy"] == [], "imported before the first paint: " + ", ".join(report["heavy"])


@pytest.fixture(scope="module")
def national_workspace(tmp_path_factory) -> Path:
    """300 agencies x 25 indicators, imported the way a secretary would (built once for this module)."""
    folder = tmp_path_factory.mktemp("national")
    book = write_workbook(folder / "national.xlsx")
    path = folder / "national.sqlite"
    with Workspace.open(path) as workspace:
        import_agreement_files(workspace, [book], actor="secretary")
    return path


def test_300_agencies_open_and_scroll_without_stutter(qtbot, national_workspace, tmp_path):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(national_workspace.read_bytes())
    window = open_window(qtbot, path)
    navigator = window.navigator
    assert len(navigator.model.summaries()) == 300

    counts = {s.id: s.indicator_count for s in navigator.model.summaries()}
    for agreement_id in list(counts)[:40]:
        navigator.select_agreement(agreement_id)
        QApplication.processEvents()
        assert window.panel.model.agreement_id == agreement_id
        assert len(window.panel.model.agreement.indicators) == counts[agreement_id]

    tree = navigator.tree
    for value in range(0, tree.verticalScrollBar().maximum() + 1, 20):
        tree.verticalScrollBar().setValue(value)
        tree.viewport().repaint()
    assert tree.verticalScrollBar().value() > 0

    focus(qtbot, window.panel.view)
    first = window.panel.view.first_result_index(window.panel.model.column("own.result"))
    click_index(qtbot, window.panel.view, first)
    code = window.panel.model.indicator_at(first).code
    type_keys(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    assert window.panel.model.index_of_code(code, first.column()).data() == "3"
    assert result_cell(window, code).data() == "3"

    navigator.search.setText("ควบคุมโรค")
    navigator.apply_search()
    visible = navigator.filter.rowCount(navigator.filter.index(0, 0))
    assert 0 < visible < 300
    window.close()


def test_the_agreement_chosen_at_start_shows_under_its_agency_and_year(qtbot, national_workspace, tmp_path):
    # The first paint selects an agreement before the pane has a height: it must not scroll its agency and year
    # out of sight (it did, with 300 agencies: the list opened on a bare "version 1" row).
    path = tmp_path / "copy.sqlite"
    path.write_bytes(national_workspace.read_bytes())
    with Workspace.open(path) as workspace:
        workspace.set_setting(EVALUATOR_SETTING, "ผู้ประเมิน")  # "who are you?" would wait for an answer
    window = start_window(path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.ready, timeout=30000):
        pass
    tree = window.navigator.tree
    chosen = tree.currentIndex()
    assert chosen.isValid() and chosen.parent().isValid() and chosen.parent().parent().isValid()
    shown = tree.viewport().rect()
    for row in (chosen, chosen.parent(), chosen.parent().parent()):
        assert shown.contains(tree.visualRect(row)), row.data()
    window.close()
