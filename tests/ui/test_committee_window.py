"""The committee's explicit acts in the window: Ctrl+K accepts a reported result (audited), and batch printing
lists beforehand the reports that cannot be issued and asks before issuing the others."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.audit import audit_entries
from evaluator_app.store.committee import accept_reported, acceptances
from evaluator_app.store.ratings import record_ratings
from evaluator_app.store.snapshots import issue_state
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.papers import report_batch
from tests.reports.builders import small_agreement
from tests.ui.conftest import EVALUATOR, click_index, open_window, press, result_cell, select_agreement_by_click

FIRST = 1
SHOTS = Path("/tmp/ui-shots")


def test_ctrl_k_accepts_the_reported_result_of_the_current_indicator(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "2"))
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "2" in window.statusBar().currentMessage())
    with Workspace.open(workspace_file) as workspace:
        accepted = acceptances(workspace.conn, FIRST, 12)
        logged = audit_entries(workspace.conn, "acceptance", f"{FIRST}/2/12")
    assert set(accepted) == {"2"} and accepted["2"].result == D(15) and accepted["2"].accepted_by == EVALUATOR
    assert [e.action for e in logged] == ["accept reported result"]
    # The agency's result says it is the committee's now (its tooltip), and undo withdraws the acceptance.
    tip = window.panel.model.data(result_cell(window, "2", "self"), Qt.ItemDataRole.ToolTipRole)
    assert EVALUATOR in tip and ("รับรอง" in tip or "Accepted" in tip)
    window.undo_action.trigger()
    with Workspace.open(workspace_file) as workspace:
        assert acceptances(workspace.conn, FIRST, 12) == {}
    window.redo_action.trigger()
    # An indicator the agency reported nothing for cannot be accepted: the status bar says why, nothing is stored.
    click_index(qtbot, window.panel.view, result_cell(window, "4"))
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "4" in window.statusBar().currentMessage())
    assert "adjust" in window.statusBar().currentMessage() or "ปรับคะแนน" in window.statusBar().currentMessage()
    with Workspace.open(workspace_file) as workspace:
        assert set(acceptances(workspace.conn, FIRST, 12)) == {"2"}


def year_with_one_unconfirmed(path: Path) -> Path:
    with Workspace.open(path) as workspace, workspace.transaction():
        for n, agency in enumerate(("กรมที่คณะกรรมการรับรองผลแล้ว", "กรมที่รายงานผลแต่คณะกรรมการยังไม่รับรอง")):
            stored = add_agreement(workspace, small_agreement(agency), actor="sec")
            record_ratings(workspace, stored.id, [(Rating("1", 12, result=D(90 + n)), None, None)], actor="sec")
            if n == 0:
                accept_reported(workspace, stored.id, 12, None, actor="sec")
    return path


def test_batch_lists_what_cannot_be_issued_and_asks_before_issuing_the_others(qtbot, tmp_path, monkeypatch):
    asked: list[str] = []

    def answer(_parent, _title, text):  # the person reads the list and says yes
        asked.append(text)
        return True

    monkeypatch.setattr(report_batch, "confirm_question", answer)
    path = year_with_one_unconfirmed(tmp_path / "year.sqlite")
    window = open_window(qtbot, path)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.report_actions.batch
    dialog.out_edit.setText(str(tmp_path / "out"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.is_busy(), timeout=120_000)
    assert len(asked) == 1
    assert "กรมที่รายงานผลแต่คณะกรรมการยังไม่รับรอง" in asked[0] and "กรมที่คณะกรรมการรับรองผลแล้ว" not in asked[0]
    assert "no committee figure" in asked[0]
    assert [b.agency for b in dialog.blocked] == ["กรมที่รายงานผลแต่คณะกรรมการยังไม่รับรอง"]
    assert len(dialog.result.written) == 1 and not dialog.result.failed
    assert "กรมที่รายงานผลแต่คณะกรรมการยังไม่รับรอง" in dialog.log.toPlainText() and dialog.log.isVisible()
    with Workspace.open(path) as workspace:
        assert issue_state(workspace.conn, 1, 12).issued and issue_state(workspace.conn, 2, 12) is None
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report-batch-not-issuable.png"))
    window.close()
    QApplication.processEvents()
