"""Issue 14, Thai everywhere: every dialog the window opens, Qt's own among them (the file dialog, the print
dialog and its page setup), shows Thai words in the Thai interface, and Qt's file dialog dates files in B.E."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QTreeView, QWidget

from evaluator_app.domain.thai_dates import THAI_MONTHS_SHORT
from evaluator_app.ui.common.language import ENGLISH, install_language
from evaluator_app.ui.papers.report_dialog import ReportDialog
from evaluator_app.ui.papers.report_papers import Paper
from tests.ui.dialog_tour import (
    DIALOG_ACTIONS,
    PANEL_ACTIONS,
    find_action,
    panel_window,
    trigger_and_visit,
    visible_texts,
)

# Latin words that stay Latin in Thai, and why: proper names of products, standards and formats; units as printed;
# the names of paper sizes and envelopes (Thai printers and Thai Windows show them as they are); key names.
# Names written as their owners write them (the About box's products, licences and copyright holders).
PHRASES = ("Qt for Python", "The Sarabun Project Authors", "SIL Open Font License", "GNU LGPL", "evaluator-app")
PROPER_NOUNS = {
    "PDF", "Qt", "PySide6", "MIT", "Sarabun", "SHA", "CSV", "xlsx", "csv", "evpanel", "evpack", "Ctrl", "Shift", "Alt",
    "Enter", "Esc", "Tab", "SAR", "KPI", "Excel", "LibreOffice", "Ed25519", "UTC", "GMT",
    "Letter", "Legal", "Executive", "Ledger", "Tabloid", "Folio", "Quarto", "Statement", "Super", "Architect", "Note",
    "ANSI", "JIS", "PRC", "US", "DL", "Chou", "Kaku", "You", "Monarch", "Italian", "German", "Fan",
}
UNITS = {"mm", "cm", "in", "pt", "CC", "DD", "KiB", "MiB", "GiB", "KB", "MB", "GB", "TB", "dpi"}
# Data, not interface: the test workspaces' evaluator and member ids (the window shows ids where a member has no
# name yet, issue 14 item 5), the id of the agency's own column ("self", as stored), and a language named in
# itself in the language chooser. Identifiers (a panel's UUID) are stripped before looking for words.
DATA = {"member1", "test", "self", "chair", "sec", "English"}
ALLOWED = PROPER_NOUNS | UNITS | DATA


def latin_words(text: str) -> list[str]:
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"\S+\.(xlsx|csv|pdf|sqlite|evpanel|evpack|txt)\b", "", text)  # file names are the person's own
    # time zones are named by the IANA database's identifiers (Asia/Bangkok), the same in every language
    text = re.sub(r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Brazil|Canada|Chile|Etc|Europe|"
                  r"Indian|Mexico|Pacific|US)/[A-Za-z0-9_+\-/]+", "", text)
    text = re.sub(r"(/[^\s/]+)+/?", "", text)  # and so are paths
    text = re.sub(r"\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b", "", text)
    text = re.sub(r"&(?=\w)", "", text)
    for phrase in PHRASES:
        text = text.replace(phrase, "")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
            if len(re.findall("[A-Za-z]", w)) >= 2  # "x" in "2 (2x1)", "A4" are not words
            and w not in ALLOWED and not re.fullmatch(r"[A-Z]{1,3}\d+[A-Z]?", w)]  # B5, C65, 16K…


def untranslated(window: QWidget) -> list[str]:
    return [f"{type(window).__name__} {where}: {text!r}" for where, text in visible_texts(window)
            if latin_words(text)]


def test_every_dialog_of_the_menus_is_thai(qtbot, window):
    found: list[str] = []
    visited: list[str] = []
    for name in DIALOG_ACTIONS:
        windows = trigger_and_visit(qtbot, window, find_action(window, name), lambda w: found.extend(untranslated(w)))
        visited += [f"{name}: {type(w).__name__}" for w in windows]
    assert any("QFileDialog" in v for v in visited), visited  # Qt's own file dialog was among them
    assert len(visited) >= len(DIALOG_ACTIONS), visited
    assert not found, "untranslated in the Thai interface:\n" + "\n".join(dict.fromkeys(found))


def open_print_options(window: QWidget) -> None:
    """In the print dialog: show the options (copies, pages, duplex) and open the printer's properties."""
    if isinstance(window, QPrintDialog):
        for button in window.findChildren(QPushButton):
            if button.isVisible() and button.text().endswith(">>"):
                button.click()
        found.extend(untranslated(window))  # with its options shown
        properties = window.findChild(QPushButton, "properties")
        if properties is not None and properties.isEnabled():
            properties.click()  # its own modal dialog: visited by the tour's timer


found: list[str] = []


def test_the_print_dialog_and_page_setup_are_thai(qtbot, window):
    found.clear()
    window.navigator.select_agreement(1)
    dialog = window.report_actions.open_report(Paper.AGREEMENT)
    assert isinstance(dialog, ReportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy(), timeout=60_000)
    shown: list[str] = []

    def visit(w: QWidget) -> None:
        shown.append(type(w).__name__)
        found.extend(untranslated(w))

    from PySide6.QtGui import QAction

    press_print = QAction(dialog)
    press_print.triggered.connect(lambda: qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space))
    trigger_and_visit(qtbot, window, press_print, visit, act=open_print_options)
    assert shown[-2:] == ["QPrintDialog", "QDialog"], shown  # the print dialog, then its printer's properties
    printer = QPrinter()
    setup = QPageSetupDialog(printer, window)
    setup_action = QAction(window)
    setup_action.triggered.connect(setup.exec)
    trigger_and_visit(qtbot, window, setup_action, visit)
    assert "QPageSetupDialog" in shown, shown
    dialog.close()
    assert not found, "untranslated in the Thai interface:\n" + "\n".join(dict.fromkeys(found))


def test_the_file_dialog_dates_files_in_buddhist_era(qtbot, tmp_path: Path):
    (tmp_path / "คำรับรอง-2569.xlsx").write_bytes(b"x")
    dialog = QFileDialog(None, "เลือกแฟ้ม", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1, timeout=10_000)
    dated = model.index(0, 3, view.rootIndex()).data()
    today = dt.date.today()
    assert str(today.year + 543) in dated and THAI_MONTHS_SHORT[today.month - 1] in dated, dated
    assert not untranslated(dialog), untranslated(dialog)
    install_language(ENGLISH)  # then the interface's locale, not the machine's "3 12 2026"
    english = model.index(0, 3, view.rootIndex()).data()
    assert str(today.year) in english and str(today.year + 543) not in english and f" {today.month} " not in english
    QApplication.processEvents()


def test_every_dialog_of_a_panel_is_thai(qtbot, tmp_path, monkeypatch):
    window = panel_window(qtbot, tmp_path, monkeypatch)
    found: list[str] = []
    visited: list[str] = []
    for name in PANEL_ACTIONS:
        visited += [type(w).__name__ for w in trigger_and_visit(
            qtbot, window, find_action(window, name), lambda w: found.extend(untranslated(w)))]
    assert {"ConsensusDialog", "SubmitDialog", "ReasonDialog"} <= set(visited), visited
    assert not found, "untranslated in the Thai interface:\n" + "\n".join(dict.fromkeys(found))
    window.close()
