"""The main window's Reports menu: preview, print and save the papers of the chosen agreement, and batch printing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..common.actions import make_action
from ..common.main_window_interface import MainWindowInterface

if TYPE_CHECKING:
    from .parties_dialog import PartiesDialog
    from .report_batch import BatchDialog
    from .report_dialog import ReportDialog
    from .report_papers import PaperRequest

# The papers' machinery (QtPrintSupport, PDFium, reportlab) loads when a report is first asked for, not at start-up.
EVALUATION, AGREEMENT, SUMMARY = "evaluation", "agreement", "summary"


class ReportActions(QObject):
    def __init__(self, window: MainWindowInterface):
        super().__init__(window)
        self.window = window
        self.dialog: ReportDialog | None = None
        self.batch: BatchDialog | None = None
        self.parties_dialog: PartiesDialog | None = None
        self.menu = QMenu(window)
        self.menu.setObjectName("reportsMenu")

        def action(name: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
            item = make_action(window, name, slot, shortcut)
            self.menu.addAction(item)
            return item

        self.preview_action = action("reportPreview", lambda: self.open_report(EVALUATION), "Ctrl+Shift+P")
        self.print_action = action("printReport", lambda: self.open_report(EVALUATION, then="print"), "Ctrl+P")
        self.save_action = action("saveReportPdf", lambda: self.open_report(EVALUATION, then="save"),
                                  "Ctrl+Shift+S")
        self.menu.addSeparator()
        self.agreement_action = action("agreementPaper", lambda: self.open_report(AGREEMENT))
        self.parties_action = action("agreementParties", self.edit_parties)
        self.summary_action = action("yearSummary", lambda: self.open_report(SUMMARY))
        self.menu.addSeparator()
        self.batch_action = action("batchPrint", self.open_batch, "Ctrl+Shift+B")
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Reports"))
        self.preview_action.setText(self.tr("Report &preview…"))
        self.print_action.setText(self.tr("&Print report…"))
        self.save_action.setText(self.tr("&Save report as PDF…"))
        self.agreement_action.setText(self.tr("&Agreement paper…"))
        self.parties_action.setText(self.tr("Parties of the agreement (คู่สัญญา)…"))
        self.summary_action.setText(self.tr("Fiscal-year &summary…"))
        self.batch_action.setText(self.tr("&Batch print a fiscal year…"))

    def current_request(self, paper: str) -> PaperRequest | None:
        from .report_papers import Paper, PaperRequest

        place = self.window.place()
        if place.agreement_id is None or place.fiscal_year is None:
            self.window.statusBar().showMessage(self.tr("Choose an agreement first."), 8000)
            return None
        return PaperRequest(Paper(paper), place.agreement_id, place.agency, place.fiscal_year, place.round)

    def open_report(self, paper: str, then: str | None = None) -> ReportDialog | None:
        from .report_dialog import ReportDialog

        request = self.current_request(paper)
        session = self.window.session
        if request is None or session is None:
            return None
        self.window.commit_open_editor()
        rounds = self.window.place().rounds
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog = ReportDialog(session, request, rounds, self.window)
        self.dialog = dialog
        dialog.show()
        if then == "print":
            dialog.print_when_ready = True
        elif then == "save":
            dialog.save_when_ready = True
        return dialog

    def edit_parties(self) -> PartiesDialog | None:
        """The recipients and givers of the chosen agreement, for its paper (parties_dialog.py)."""
        from .parties_dialog import PartiesDialog

        request = self.current_request(AGREEMENT)
        session = self.window.session
        if request is None or session is None:
            return None
        dialog = PartiesDialog(session.workspace, request.agreement_id, request.agency, session.evaluator(),
                               self.window)
        self.parties_dialog = dialog
        dialog.finished.connect(lambda _result: self._parties_closed(dialog))
        dialog.open()
        return dialog

    def _parties_closed(self, dialog: PartiesDialog) -> None:
        if dialog.saved:
            self.window.statusBar().showMessage(self.tr("The parties are saved."), 8000)
        if self.parties_dialog is dialog:
            self.parties_dialog = None
        dialog.deleteLater()

    def open_batch(self) -> BatchDialog | None:
        from .report_batch import BatchDialog

        session, place = self.window.session, self.window.place()
        if session is None:
            return None
        year = place.fiscal_year
        if self.batch is not None:
            self.batch.close()
            self.batch.deleteLater()
        self.batch = BatchDialog(session, year, place.round, self.window)
        self.batch.show()
        return self.batch

    def close_windows(self) -> None:
        """Before the workspace closes: papers being made are finished (or refused) whole first."""
        for dialog in (self.dialog, self.batch):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.dialog = self.batch = None


def install_report_actions(window: MainWindowInterface) -> ReportActions:
    return ReportActions(window)
