"""From a typed cell to the printed page: a committee member types results (and adjusts a score) in the window,
issues the evaluation report with Save PDF…, and the committee's figures are read back from the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from evaluator_app.domain.panel import PanelMember, Role
from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.panel import save_member
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.papers.report_dialog import ReportDialog
from evaluator_app.ui.rating.adjust_dialog import AdjustScoreDialog
from tests.ui.conftest import (
    EVALUATOR,
    build_workspace,
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
# The committee's results, typed as a member reads them from the agency's workbook (an Excel-computed figure too);
# the agency's self-assessment of this agreement is 92 / 15 / 5 / nothing.
TYPED = {"1": "92.33333333333333", "2": "13", "3": "4", "4": "87.5"}
REASON = "ไม่ส่งรายงานความก้าวหน้ารอบ 9 เดือน 1 ครั้ง หักคะแนน 0.2"


@pytest.fixture
def member_workspace(tmp_path: Path) -> Path:
    """The agreements of build_workspace, and a panel on which the window's evaluator is a member."""
    path = build_workspace(tmp_path / "committee.sqlite")
    with Workspace.open(path) as workspace:
        save_member(workspace, PanelMember(EVALUATOR, "นางสาวกรรณิการ์ ประเมินผลดีเด่นยิ่ง", Role.CHAIR,
                                           "ผู้ทรงคุณวุฒิด้านการประเมินผลการปฏิบัติราชการ"), actor="secretary")
    return path


def type_results(qtbot, window) -> None:
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    for code, result in TYPED.items():
        click_index(qtbot, view, result_cell(window, code))
        focus(qtbot, view)
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)
        if code == "1":  # more decimals than the criteria use, plus 2: a warning at the cell; Enter again keeps it
            keep_warned_result(qtbot, window, code, result)
    qtbot.waitUntil(lambda: cell_text(window, "4", "own.score") == "4.5000")


def keep_warned_result(qtbot, window, code: str, result: str) -> None:
    view = window.panel.view
    cell = result_cell(window, code)
    qtbot.waitUntil(lambda: view.result_warning.isVisible() and view.indexWidget(cell) is not None
                    and view.indexWidget(cell).hasFocus())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell_text(window, code, "own.result") == result)


def issue_report(qtbot, window, monkeypatch, target: Path) -> Path:
    """Reports → Save report as PDF… (Ctrl+Shift+S), then Yes to issuing it, as a person does."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    when_dialog(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), timeout_ms=60_000)
    window.activateWindow()  # a shortcut reaches the window once it is active again (after a dialog closed)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.report_actions.dialog
    assert isinstance(dialog, ReportDialog)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=60_000)
    assert dialog.last_made is not None and dialog.last_made.issued
    return dialog.saved_path


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ARABIC_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def page_text(path: Path) -> str:
    """What pdftotext reads off the pages, with spaces and line breaks taken out, Thai marks in the order a
    comparison needs and the report's Thai digits (its default) read as Arabic ones."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return "".join(normalise_thai_for_compare(text).translate(THAI_DIGITS).split())


def test_a_result_typed_in_the_window_is_the_committee_figure_on_the_issued_report(qtbot, member_workspace,
                                                                                   tmp_path, monkeypatch):
    window = open_window(qtbot, member_workspace)
    type_results(qtbot, window)
    # 92.333… between 90 and 95 scores 3 + 2.333…/5; the agency's own 92 scores 3.4000.
    assert cell_text(window, "1", "own.score") == "3.4667"
    text = page_text(issue_report(qtbot, window, monkeypatch, tmp_path / "report.pdf"))
    window.close()
    assert "กรมตัวอย่าง" in text
    assert "3.4667" in text, "the committee's score of the typed 92.33333333333333"
    assert "3.4000" in text, "the agency's self-assessed score of 92 beside it"
    assert "4.5000" in text, "13 days against 14/12 (lower is better) and 87.5 against 85/90"


def test_a_score_the_committee_adjusts_in_the_window_is_printed_with_its_reason(qtbot, member_workspace, tmp_path,
                                                                                monkeypatch):
    window = open_window(qtbot, member_workspace)
    type_results(qtbot, window)
    click_index(qtbot, window.panel.view, result_cell(window, "3"))

    def adjust(dialog: AdjustScoreDialog) -> None:
        focus(qtbot, dialog.score_edit)
        dialog.score_edit.selectAll()
        type_keys(qtbot, "3.8")
        focus(qtbot, dialog.reason_edit)
        type_keys(qtbot, REASON)
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    when_dialog(AdjustScoreDialog, adjust)
    press(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert cell_text(window, "3", "own.score") == "3.8000"
    issued = issue_report(qtbot, window, monkeypatch, tmp_path / "adjusted.pdf")
    window.close()
    assert "3.8000" in page_text(issued), "the adjusted score, not the computed 4.0000"
    # Thai marks read back through pypdf (pdftotext puts some tone marks after the next consonant).
    words = "".join(normalise_thai_for_compare("".join(p.extract_text() for p in PdfReader(issued).pages)).split())
    assert "".join(REASON.translate(ARABIC_DIGITS).split()) in words, "the reason is printed with the score"
