"""The details pane and the committee's adjusted score: comments, private notes, evidence, and reasons."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from evaluator_app.store.audit import audit_entries
from evaluator_app.store.evidence import evidence_folder, list_evidence
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.rating.adjust_dialog import AdjustScoreDialog
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

FIRST = 1


def stored(path: Path, code: str):
    with Workspace.open(path) as workspace:
        return load_ratings(workspace, FIRST, 12, EVALUATOR).get(code)


def test_comment_and_private_note_are_typed_in_thai_and_saved_when_leaving_the_field(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "2"))
    details = window.details
    assert details.code == "2"
    qtbot.mouseClick(details.comment.viewport(), Qt.MouseButton.LeftButton)
    focus(qtbot, details.comment)
    type_keys(qtbot, "ผลดีขึ้นกว่าปีที่แล้ว")
    assert "ยังไม่บันทึก" in window.windowTitle(), "typed but not yet saved: the title must say so"
    focus(qtbot, details.note)  # leaving the comment saves it
    QApplication.processEvents()
    assert stored(workspace_file, "2").rating.comment == "ผลดีขึ้นกว่าปีที่แล้ว"
    assert "บันทึกแล้ว" in window.windowTitle()
    type_keys(qtbot, "ถามเรื่องข้อมูลเดือนกันยายน")
    click_index(qtbot, window.panel.view, result_cell(window, "1"))  # moving to another indicator saves too
    saved = stored(workspace_file, "2")
    assert saved.note == "ถามเรื่องข้อมูลเดือนกันยายน"
    assert saved.rating.comment == "ผลดีขึ้นกว่าปีที่แล้ว"
    with Workspace.open(workspace_file) as workspace:
        logged = audit_entries(workspace.conn, "rating", f"{FIRST}/2/12/{EVALUATOR}")
    assert all("ถามเรื่อง" not in str(entry.after) for entry in logged), "the private note stays out of the log"


def test_a_pause_in_typing_saves_the_comment_and_undo_takes_it_back(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "1"))
    focus(qtbot, window.details.comment)
    type_keys(qtbot, "ok")
    qtbot.waitUntil(lambda: stored(workspace_file, "1") is not None, timeout=3000)
    assert stored(workspace_file, "1").rating.comment == "ok"
    assert window.session.undo_stack.undoText() == "ความเห็นตัวชี้วัด 1"
    focus(qtbot, window.panel.view)
    window.session.undo_stack.undo()
    QApplication.processEvents()
    assert stored(workspace_file, "1").rating.comment is None
    assert window.details.comment.toPlainText() == ""


def test_an_adjusted_score_needs_a_reason(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, view, result_cell(window, "1"))
    seen: dict[str, object] = {}

    def fill_in(dialog: AdjustScoreDialog) -> None:
        focus(qtbot, dialog.score_edit)
        dialog.score_edit.selectAll()
        type_keys(qtbot, "4")
        seen["ok without reason"] = dialog.ok_button().isEnabled()
        seen["problem"] = dialog.problem.text()
        focus(qtbot, dialog.reason_edit)
        type_keys(qtbot, "ไม่ส่งรายงานรอบ 9 เดือน")
        seen["ok with reason"] = dialog.ok_button().isEnabled()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "ยกเลิก"
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    when_dialog(AdjustScoreDialog, fill_in)
    press(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"ok without reason": False, "problem": "คะแนนที่ปรับต้องระบุเหตุผล", "ok with reason": True}
    assert cell_text(window, "1", "own.score") == "4.0000"
    assert cell_text(window, "1", "own.weighted") == "2.0000"
    rating = stored(workspace_file, "1").rating
    assert (rating.result, rating.adjusted_score, rating.adjust_reason) == (D("92"), D("4"), "ไม่ส่งรายงานรอบ 9 เดือน")
    tooltip = window.panel.model.index_of_code("1", window.panel.model.column("own.score")).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "3.4000" in tooltip and "ไม่ส่งรายงานรอบ 9 เดือน" in tooltip


def test_cancelling_the_adjustment_writes_nothing(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "1"))

    when_dialog(AdjustScoreDialog, lambda dialog: dialog.reject())
    window.adjust_action.trigger()
    assert stored(workspace_file, "1") is None


def test_evidence_is_copied_by_hash_and_a_changed_copy_is_detected(qtbot, window, workspace_file, tmp_path,
                                                                  monkeypatch):
    source = tmp_path / "รายงานผล.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(source)], ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "2"))
    details = window.details
    qtbot.mouseClick(details.attach_button, Qt.MouseButton.LeftButton)
    model = details.evidence_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "รายงานผล.pdf"
    assert model.index(0, 4).data() == "ครบถ้วน"
    with Workspace.open(workspace_file) as workspace:
        (item,) = list_evidence(workspace, FIRST, "2")
        kept = evidence_folder(workspace) / item.sha256
    assert kept.read_bytes() == source.read_bytes() and item.size == source.stat().st_size
    source.write_bytes(b"changed after attaching")  # the original may change; the kept copy does not
    details.evidence.selectRow(0)
    details.open_selected()
    assert opened and Path(opened[0]).name == "รายงานผล.pdf"
    assert Path(opened[0]).read_bytes() == b"%PDF-1.4 evidence"

    kept.write_bytes(b"tampered")
    click_index(qtbot, window.panel.view, result_cell(window, "1"))
    click_index(qtbot, window.panel.view, result_cell(window, "2"))
    assert model.index(0, 4).data() == "ถูกแก้ไขหลังแนบ"
    asked: list[str] = []

    def refuse(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", refuse)
    details.evidence.selectRow(0)
    assert details.open_selected() is None
    assert asked and item.sha256 in asked[0]


def test_detaching_evidence_asks_first(qtbot, window, workspace_file, tmp_path, monkeypatch):
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"jpeg")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(source)], ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, window.panel.view, result_cell(window, "3"))
    window.details.attach_files()
    window.details.evidence.selectRow(0)
    window.details.detach_selected()
    assert window.details.evidence_model.rowCount() == 0
    with Workspace.open(workspace_file) as workspace:
        assert list_evidence(workspace, FIRST, "3") == []


def test_reopening_shows_comments_notes_and_adjustments(qtbot, workspace_file):
    first = open_window(qtbot, workspace_file)
    select_agreement_by_click(qtbot, first, FIRST)
    click_index(qtbot, first.panel.view, result_cell(first, "4"))
    focus(qtbot, first.details.comment)
    type_keys(qtbot, "ควรเก็บข้อมูลเพิ่ม")
    focus(qtbot, first.details.note)
    type_keys(qtbot, "private")
    first.panel.model.adjust_score("4", D("2.5"), "ข้อมูลไม่ครบ")
    first.close()  # the note was still being typed: closing saves it

    second = open_window(qtbot, workspace_file)
    select_agreement_by_click(qtbot, second, FIRST)
    click_index(qtbot, second.panel.view, result_cell(second, "4"))
    assert second.details.comment.toPlainText() == "ควรเก็บข้อมูลเพิ่ม"
    assert second.details.note.toPlainText() == "private"
    assert cell_text(second, "4", "own.score") == "2.5000"
    second.close()


def test_the_details_show_the_history_of_the_rating_from_the_audit_log(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, view, result_cell(window, "1"))
    type_keys(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, view, result_cell(window, "1"))
    lines = window.details.history_lines("1")
    assert len(lines) == 2
    assert lines[0].endswith(f"{EVALUATOR}: ผล 92 → 95") and lines[1].endswith(f"{EVALUATOR}: ผล – → 92")
    assert " 25" in lines[0], "dated in the Buddhist Era"
    assert "ประวัติการแก้ไข" in window.details.info.toPlainText()
