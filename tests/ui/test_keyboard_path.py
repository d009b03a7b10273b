"""Issue 14, accessibility: the whole path import → rate → report → print by keyboard alone. Menus by their
shortcuts, dialogs by Tab, Space and Enter, paths typed into Qt's own file and print dialogs; no mouse, and no call
of the window's methods on the way. The outcome is read back: the rating in the workspace, the PDF on disk."""

from __future__ import annotations

import io
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.committee import set_committee
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from tests.test_cli import ROWS, write_workbook
from tests.ui.conftest import EVALUATOR, focused, open_window, press, result_cell, type_keys, when_dialog

AGENCY = "กรมทดสอบระบบ"
CTRL = Qt.KeyboardModifier.ControlModifier


def tab_to(qtbot, target: QWidget, limit: int = 40) -> int:
    """Press Tab until `target` has the focus, as a person walks the focus chain; the number of presses."""
    for presses in range(limit):
        if focused() is target:
            return presses
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.objectName() or type(target).__name__}"
    return limit


def window_manager_activates(qtbot, window: QWidget) -> None:
    """What the desktop does when a modal dialog closes: the window under it becomes active again (the offscreen
    platform leaves that to the application)."""
    if not window.isActiveWindow():
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def type_path(qtbot, path: Path) -> None:
    press(qtbot, Qt.Key.Key_A, CTRL)  # replace what the field suggests
    type_keys(qtbot, str(path))
    press(qtbot, Qt.Key.Key_Return)


def test_import_rate_report_print_by_keyboard_alone(qtbot, tmp_path: Path):
    from tests.ui.conftest import build_workspace

    workspace = build_workspace(tmp_path / "committee.sqlite")
    with Workspace.open(workspace) as opened:  # no panel: this laptop's evaluator is the committee
        set_committee(opened, actor="secretary", model="evaluator", evaluator=EVALUATOR)
    book = write_workbook(tmp_path / "agreement.xlsx", ROWS)
    printed = tmp_path / "printed.pdf"
    window = open_window(qtbot, workspace)

    # Import: Ctrl+I, the file typed into Qt's file dialog, then Tab to Import and Space.
    when_dialog(QFileDialog, lambda dialog: type_path(qtbot, book), timeout_ms=20_000)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    dialog = window.import_dialog
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    window_manager_activates(qtbot, dialog)
    tab_to(qtbot, dialog.import_button)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.panel.model.agreement is not None
                    and window.panel.model.agreement.agency == AGENCY, timeout=10_000)

    # Rate: Tab to the agreement list, Enter into the table, type the result of each indicator and Enter.
    window_manager_activates(qtbot, window)
    tab_to(qtbot, window.navigator.tree)
    press(qtbot, Qt.Key.Key_Return)
    view = window.panel.view
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    assert view.currentIndex() == result_cell(window, "1")
    for result in ("93.5", "15", "4", "80"):  # Enter moves down to the next indicator
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)

    # Report and print: Ctrl+P previews the report, then Qt's print dialog: Tab to the output file, type it,
    # Enter prints; the question whether to issue the report is answered by Tab to Yes and Space.
    def print_to_file(print_dialog: QPrintDialog) -> None:
        tab_to(qtbot, print_dialog.findChild(QLineEdit, "filename"))
        type_path(qtbot, printed)

    def issue(box: QMessageBox) -> None:
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert isinstance(yes, QPushButton)
        tab_to(qtbot, yes)
        press(qtbot, Qt.Key.Key_Space)

    when_dialog(QPrintDialog, print_to_file, timeout_ms=60_000)
    when_dialog(QMessageBox, issue, timeout_ms=90_000)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    report = window.report_actions.dialog
    qtbot.waitUntil(lambda: report is not None and report.last_made is not None and not report.is_busy(),
                    timeout=90_000)
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=60_000)

    with Workspace.open(workspace, read_only=True, auto_backup=False) as opened:
        agreement_id = find_agreement_id(opened, AGENCY, 2569)
        assert agreement_id is not None
        ratings = load_ratings(opened, agreement_id, 12, EVALUATOR)
    assert {code: r.rating.result for code, r in ratings.items()} == {
        "1": D("93.5"), "2": D("15"), "3": D("4"), "4": D("80")}
    assert report.last_made.issued and report.last_made.code, "the question to issue was answered Yes"
    assert len(PdfReader(str(printed)).pages) == report.last_made.pages >= 1
    # the printer gets pictures of the pages (PDFium): the paper they were drawn from names the agency
    made = PdfReader(io.BytesIO(report.last_made.data))
    assert AGENCY in "".join(normalise_thai_for_compare(page.extract_text()) for page in made.pages).replace(" ", "")
    report.close()
    window.close()
    QApplication.processEvents()

