"""Reports from the window: a preview of real pages, Save PDF…, Print… (A4, to a PDF printer here) and batch
printing of a fiscal year on a worker thread with Cancel. Dialogs that would wait for a person are patched."""

from __future__ import annotations

import io
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from evaluator_app.domain.rating import Rating
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.ratings import record_ratings
from evaluator_app.store.snapshots import issue_state
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common import print_support
from evaluator_app.ui.papers.report_batch import BatchDialog
from evaluator_app.ui.papers.report_dialog import ReportDialog
from evaluator_app.ui.papers.report_papers import Paper
from tests.reports.builders import small_agreement
from tests.ui.conftest import open_window, when_dialog

AGENCY = "กรมส่งเสริมการเกษตร"
SHOTS = Path("/tmp/ui-shots")
BATCH = 6


def pdf_text(path: Path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return "".join(normalise_thai_for_compare(text).split())


@pytest.fixture
def demo_window(qtbot, tmp_path: Path):
    window = open_window(qtbot, demo_workspace_copy(tmp_path))
    window.navigator.select_agreement(1)
    yield window
    window.close()


def wait_for_preview(qtbot, dialog: ReportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy(), timeout=60_000)


def test_preview_shows_real_pages_and_save_pdf_issues_the_report(qtbot, demo_window, tmp_path, monkeypatch):
    target = tmp_path / "out" / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    asked: list[str] = []

    def issue(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog(QMessageBox, issue, timeout_ms=60_000)
    qtbot.keyClick(demo_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = demo_window.report_actions.dialog
    assert isinstance(dialog, ReportDialog)
    wait_for_preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.pages >= 1
    assert len(dialog.preview.images) == dialog.preview.pages  # real pages, drawn by PDFium
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report-preview.png"))
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=60_000)
    saved = target.with_suffix(".pdf")
    assert dialog.saved_path == saved and asked and AGENCY in asked[0]
    assert AGENCY in pdf_text(saved)
    assert dialog.last_made is not None and dialog.last_made.issued and dialog.last_made.code
    assert dialog.last_made.code in dialog.status.text()
    with Workspace.open(demo_window.session.path, read_only=True, auto_backup=False) as workspace:
        assert issue_state(workspace.conn, 1, 12).issued

    opened: list[Path] = []
    monkeypatch.setattr(print_support, "open_in_system_viewer", lambda path: opened.append(path) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [saved]


def test_a_draft_report_issues_nothing(qtbot, demo_window, tmp_path, monkeypatch):
    dialog = demo_window.report_actions.open_report(Paper.EVALUATION)
    wait_for_preview(qtbot, dialog)
    qtbot.mouseClick(dialog.draft_check, Qt.MouseButton.LeftButton)
    assert dialog.request.draft
    target = tmp_path / "draft.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no question: nothing is issued
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=60_000)
    assert AGENCY in pdf_text(target) and dialog.last_made is not None and not dialog.last_made.issued
    with Workspace.open(demo_window.session.path, read_only=True, auto_backup=False) as workspace:
        state = issue_state(workspace.conn, 1, 12)
        assert state is None or not state.issued


def test_print_sends_every_page_on_a4(qtbot, demo_window, tmp_path, monkeypatch):
    printed = tmp_path / "printed.pdf"
    used: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        used.append(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = demo_window.report_actions.open_report(Paper.AGREEMENT)
    wait_for_preview(qtbot, dialog)
    assert dialog.paper_combo.currentData() == Paper.AGREEMENT.value
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_made is not None and not dialog.is_busy(), timeout=60_000)
    qtbot.waitUntil(printed.exists, timeout=60_000)
    assert used and used[0].pageLayout().pageSize().id() == used[0].pageLayout().pageSize().PageSizeId.A4
    assert len(PdfReader(str(printed)).pages) == dialog.last_made.pages
    assert str(dialog.last_made.pages) in dialog.status.text()


def batch_workspace(path: Path) -> Path:
    with Workspace.open(path) as workspace, workspace.transaction():
        for n in range(BATCH):
            stored = add_agreement(workspace, small_agreement(f"กรมทดสอบที่ {n + 1:02d}"), actor="sec")
            record_ratings(workspace, stored.id, [(Rating("1", 12, result=D(81 + n)), None, None)], actor="sec")
            accept_reported(workspace, stored.id, 12, None, actor="sec")
    return path


def test_batch_prints_on_a_worker_thread_and_cancel_stops_after_the_reports_in_hand(qtbot, tmp_path):
    window = open_window(qtbot, batch_workspace(tmp_path / "year.sqlite"))
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.report_actions.batch
    assert isinstance(dialog, BatchDialog)
    assert dialog.year_combo.currentData() == 2569 and len(dialog.agreement_ids()) == BATCH
    out = tmp_path / "reports"
    dialog.out_edit.setText(str(out))
    stop_after = 2
    seen: list[int] = []

    def cancel_on(done: int, _total: int) -> None:
        seen.append(done)
        if done == stop_after:
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.relay.progressed.connect(cancel_on)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy() and not dialog.start_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.is_busy(), timeout=120_000)
    result = dialog.result
    assert result.cancelled and seen == [1, 2]
    assert len(result.written) == stop_after == len(list(out.glob("*.pdf")))
    assert dialog.progress.value() == stop_after
    assert f"{stop_after} " in dialog.status.text() and str(BATCH) in dialog.status.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report-batch-cancelled.png"))

    # The rest, and a combined PDF of the whole year.
    dialog.relay.progressed.disconnect(cancel_on)
    dialog.combined_radio.click()
    combined = tmp_path / "year.pdf"
    dialog.out_edit.setText(str(combined))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.is_busy(), timeout=120_000)
    assert dialog.result.combined == combined and not dialog.result.failed
    assert len(PdfReader(str(combined)).pages) >= BATCH
    window.close()
    QApplication.processEvents()


def test_the_windows_batch_draws_in_worker_processes_when_the_batch_is_long(qtbot, tmp_path, monkeypatch):
    # A long batch (reports/drawing_pool.py POOL_FROM) draws in spawned worker processes from the window's worker
    # thread; forced here for six reports. The window sees the same progress, files and issued rounds.
    from evaluator_app.reports import batch
    from evaluator_app.reports.verify import verify_pdf

    monkeypatch.setattr(batch, "use_pool", lambda count: True)
    monkeypatch.setattr(batch, "pool_workers", lambda: 2)
    path = batch_workspace(tmp_path / "year.sqlite")
    window = open_window(qtbot, path)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.report_actions.batch
    out = tmp_path / "reports"
    dialog.out_edit.setText(str(out))
    seen: list[int] = []
    dialog.relay.progressed.connect(lambda done, _total: seen.append(done))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.is_busy(), timeout=120_000)
    result = dialog.result
    assert not result.cancelled and not result.failed and seen == list(range(1, BATCH + 1))
    assert len(result.written) == BATCH == len(list(out.glob("*.pdf"))) and dialog.progress.value() == BATCH
    window.close()
    QApplication.processEvents()
    with Workspace.open(path, create=False, auto_backup=False) as workspace:
        assert all(issue_state(workspace.conn, n, 12).issued for n in range(1, BATCH + 1))
        assert all(verify_pdf(workspace, written).ok for written in result.written)


def test_the_fiscal_year_summary_previews_every_agency(qtbot, demo_window):
    dialog = demo_window.report_actions.open_report(Paper.SUMMARY)
    wait_for_preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.images
    pages = PdfReader(io.BytesIO(dialog.preview.data)).pages
    text = "".join(normalise_thai_for_compare("".join(page.extract_text() for page in pages)).split())
    assert "สำนักงานสถิติแห่งชาติ" in text and AGENCY in text
    # Switching the paper in the dialog redraws it: the agreement of the selected agency.
    qtbot.keyClick(dialog.paper_combo, Qt.Key.Key_Up)  # summary → agreement, as with the keyboard
    wait_for_preview(qtbot, dialog)
    assert dialog.request.paper is Paper.AGREEMENT and not dialog.round_combo.isEnabled()
