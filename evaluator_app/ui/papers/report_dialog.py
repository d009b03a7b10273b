"""Report preview, Print… and Save PDF… for the chosen agreement and round: the evaluation report, the agreement
paper or the fiscal-year summary. The preview is a draft drawn off the GUI thread; saving or printing makes the
paper for real (an evaluation report is issued: its figures are frozen, with a verification code on every page)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import ProblemsError
from ..common import print_support
from ..common.background import BackgroundTask
from ..common.changes import Change, Changes
from ..common.language import Retranslating
from ..common.messages import problems_text
from ..common.session import WorkspaceSession
from . import print_pages
from .report_papers import PREVIEW_DPI, Made, Paper, PaperRequest, Preview, make_paper, make_preview


class ReportDialog(Retranslating, QDialog):
    """One paper: a preview of its pages, and Print… / Save PDF… / Open in the system viewer."""

    def __init__(self, session: WorkspaceSession, request: PaperRequest, rounds: tuple[int, ...] = (6, 9, 12),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.session = session
        self.request = request
        self.preview: Preview | None = None
        self.last_made: Made | None = None
        self.saved_path: Path | None = None
        self._task: BackgroundTask | None = None
        self._pending: Any = None  # a preview asked for while another was being drawn, or a Made to show
        self.shows_issued = False  # the pages shown are the paper as saved or printed, with its code
        self._page_labels: list[QLabel] = []  # the pages shown (the ones replaced are deleted later, same names)
        self._printer: QPrinter | None = None
        self.print_when_ready = False  # Reports → Print report… opens the preview, then the print dialog
        self.save_when_ready = False

        self.paper_label = QLabel(self)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paperCombo")
        self.paper_label.setBuddy(self.paper_combo)
        self.round_label = QLabel(self)
        self.round_combo = QComboBox(self)
        self.round_combo.setObjectName("reportRound")
        self.round_label.setBuddy(self.round_combo)
        for round_ in rounds:
            self.round_combo.addItem("", round_)
        self.round_combo.setCurrentIndex(max(self.round_combo.findData(request.round), 0))
        self.draft_check = QCheckBox(self)
        self.draft_check.setObjectName("draftCheck")
        self.draft_check.setChecked(request.draft)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.pages_widget = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_widget.setStyleSheet("background: #6b6b6b")
        self.pages_scroll = QScrollArea(self)
        self.pages_scroll.setObjectName("reportPages")
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setWidget(self.pages_widget)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setObjectName("reportText")
        self.text_view.setReadOnly(True)
        self.text_view.hide()
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePdfButton")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openInViewerButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeButton")

        choose = QHBoxLayout()
        choose.addWidget(self.paper_label)
        choose.addWidget(self.paper_combo)
        choose.addSpacing(16)
        choose.addWidget(self.round_label)
        choose.addWidget(self.round_combo)
        choose.addSpacing(16)
        choose.addWidget(self.draft_check)
        choose.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.status)
        layout.addWidget(self.pages_scroll, 1)
        layout.addWidget(self.text_view, 1)
        layout.addLayout(buttons)

        self._fill_papers()
        self.paper_combo.activated.connect(lambda _i: self._request_changed())
        self.round_combo.activated.connect(lambda _i: self._request_changed())
        self.draft_check.toggled.connect(lambda _checked: self._request_changed(redraw=False))
        self.print_button.clicked.connect(self.print_paper)
        self.save_button.clicked.connect(self.save_pdf)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        self.resize(1100, 900)
        self.refresh()

    # --- what is asked for -------------------------------------------------------------------------------------

    def _fill_papers(self) -> None:
        current = self.paper_combo.currentData() or self.request.paper.value
        self.paper_combo.clear()
        for paper, text in ((Paper.EVALUATION, self.tr("Evaluation report")),
                            (Paper.AGREEMENT, self.tr("Agreement (annex of indicators)")),
                            (Paper.SUMMARY, self.tr("Fiscal-year summary"))):
            self.paper_combo.addItem(text, paper.value)
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(current), 0))

    def _request_changed(self, redraw: bool = True) -> None:
        self.request = replace(self.request, paper=Paper(self.paper_combo.currentData()),
                               round=int(self.round_combo.currentData()), draft=self.draft_check.isChecked())
        self._update_controls()
        if redraw:
            self.refresh()

    def _update_controls(self) -> None:
        evaluation = self.request.paper is Paper.EVALUATION
        self.draft_check.setVisible(evaluation)
        self.round_combo.setEnabled(self.request.paper is not Paper.AGREEMENT)
        busy = self.is_busy()
        ready = self.preview is not None and not busy
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        # the saved file can be opened while the preview is redrawn from it
        self.open_button.setEnabled(self.saved_path is not None or (self.preview is not None and not busy))
        self.paper_combo.setEnabled(not busy)

    # --- the preview -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Draw the draft of the paper off the GUI thread (reportlab and the pages take a moment)."""
        if self.is_busy():
            self._pending = True
            return
        self.preview = None
        self.shows_issued = False
        self.status.setText(self.tr("Drawing the preview…"))
        request, path = self.request, self.session.path
        self._run(lambda: print_support.with_workspace(path, lambda w: make_preview(w, request)),
                  self._preview_ready, self._failed)

    def _preview_ready(self, preview: object) -> None:
        assert isinstance(preview, Preview)
        self.preview = preview
        self._show_pages(preview)
        if self.request.paper is Paper.EVALUATION and preview.missing and not self.draft_check.isChecked():
            self.draft_check.setChecked(True)  # it cannot be issued yet: only a draft can be printed
        self._say_ready()
        if self.print_when_ready or self.save_when_ready:
            action = self.print_paper if self.print_when_ready else self.save_pdf
            self.print_when_ready = self.save_when_ready = False
            QTimer.singleShot(0, action)  # once this task is finished, so the dialog is not busy

    def _say_ready(self) -> None:
        preview = self.preview
        if preview is None:
            return
        lines = [self.tr("{0} page(s), A4. The preview is a draft; the saved or printed paper carries the "
                         "verification code.").format(preview.pages)]
        if self.request.paper is Paper.EVALUATION and preview.missing:
            lines.append(self.tr("Indicators {0} have no committee figure yet: only a draft can be printed.").format(
                ", ".join(preview.missing)))
        elif self.request.issues:
            lines.append(self.tr("Saving or printing issues the report: its figures are frozen, and change only "
                                 "by reopening with a reason."))
        if not preview.images:
            lines.append(self.tr("Pages cannot be drawn here: their text is shown; use Open in the PDF viewer to "
                                 "see and print them."))
        self.status.setText("\n".join(lines))

    def _show_pages(self, preview: Preview) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._page_labels = []
        if preview.images:
            self.text_view.hide()
            self.pages_scroll.show()
            for number, _image in enumerate(preview.images, start=1):
                page = QLabel(self.pages_widget)
                page.setObjectName(f"page{number}")
                page.setStyleSheet("background: white; border: 1px solid #333333")
                page.setAccessibleName(self.tr("Page {0}").format(number))
                self.pages_layout.addWidget(page)
                self._page_labels.append(page)
            self._fit_pages()
        else:
            self.pages_scroll.hide()
            self.text_view.show()
            self.text_view.setPlainText("\n\n".join(
                f"— {self.tr('Page {0}').format(n)} —\n{text}" for n, text in enumerate(preview.texts, start=1)))

    def _fit_pages(self) -> None:
        """Each page as wide as the preview (landscape reports too), drawn smoothly from the rendered image."""
        if self.preview is None or not self.preview.images:
            return
        width = max(self.pages_scroll.viewport().width() - 40, 200)
        for page, image in zip(self._page_labels, self.preview.images, strict=False):
            page.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                min(width, image.width() * 2), Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pages()

    # --- making it for real ------------------------------------------------------------------------------------

    def _confirm_issue(self) -> bool:
        if not self.request.issues:
            return True
        answer = QMessageBox.question(
            self, self.tr("Issue the report"),
            self.tr("Issue the evaluation report of {0}, round {1} months? Its figures are frozen with a "
                    "verification code; they change afterwards only by reopening with a reason.").format(
                self.request.agency, self.request.round),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save_pdf(self) -> None:
        if self.is_busy():
            return
        suggested = self.session.path.parent / self.request.file_name()
        target = print_support.ask_pdf_path(self, self.tr("Save PDF"), suggested)
        if target is None or not self._confirm_issue():
            return
        self.status.setText(self.tr("Writing {0}…").format(target))
        self._make(target, self._saved)

    def _saved(self, made: object) -> None:
        assert isinstance(made, Made)
        self.last_made = made
        self.saved_path = made.path
        self._issued(made)
        text = self.tr("Saved {0} ({1} page(s)).").format(made.path, made.pages)
        if made.code:
            text += " " + self.tr("Verification code: {0}").format(made.code)
        self.status.setText(text)

    def _issued(self, made: Made) -> None:
        """A snapshot was stored (and the round issued) on the paper's own connection: the window says saved.

        The preview then shows the paper as made (its verification code in the footer), not the draft drawn
        before: a preview still saying "draft" after issuing would tell the secretary nothing was issued.
        """
        self.session.run(Change(None, Changes(
            agreement_id=self.request.agreement_id, round=self.request.round, report=True)))
        if made.code and self._pending is None:  # a preview of another paper or round asked for since wins
            self._pending = made  # drawn once this task has finished (_task_finished)

    def _show_made(self, made: Made) -> None:
        def draw() -> Preview:
            images = print_pages.page_images(made.data, PREVIEW_DPI)
            return Preview(made.data, made.pages, images, [] if images else print_pages.page_texts(made.data))

        self._run(draw, self._made_preview_ready, self._failed)

    def _made_preview_ready(self, preview: object) -> None:
        assert isinstance(preview, Preview)
        self.preview = preview
        self.shows_issued = True
        self._show_pages(preview)  # the status keeps saying what was saved or printed, with the code

    def print_paper(self) -> None:
        if self.is_busy():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.request.file_name())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted or not self._confirm_issue():
            return
        self._printer = printer
        self.status.setText(self.tr("Preparing the pages for the printer…"))
        self._make(None, self._print_made)

    def _print_made(self, made: object) -> None:
        assert isinstance(made, Made)
        self.last_made = made
        self._issued(made)
        printer, self._printer = self._printer, None
        if printer is None:
            return
        if print_pages.can_render_pages():
            try:
                pages = print_pages.print_pdf(made.data, printer)
            except OSError as exc:
                self.status.setText(self.tr("The printer refused the pages: {0}").format(exc))
                return
            self.status.setText(self.tr("Sent {0} page(s) to {1}.").format(pages, printer.printerName()
                                                                           or printer.outputFileName()))
            return
        path = self._temporary_copy(made.data)
        print_support.open_in_system_viewer(path)
        self.status.setText(self.tr("The PDF is open in the system's viewer: print it from there ({0}).").format(path))

    def open_in_viewer(self) -> None:
        """The saved paper if there is one, else the draft shown, in the system's PDF viewer."""
        if self.saved_path is not None and self.saved_path.exists():
            print_support.open_in_system_viewer(self.saved_path)
            return
        if self.preview is not None:
            print_support.open_in_system_viewer(self._temporary_copy(self.preview.data))

    def _temporary_copy(self, data: bytes) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="evaluator-app-"))
        path = folder / self.request.file_name()
        path.write_bytes(data)
        return path

    def _make(self, target: Path | None, done: Any) -> None:
        request, path, actor = self.request, self.session.path, self.session.evaluator()
        self._run(lambda: print_support.with_workspace(path, lambda w: make_paper(w, request, actor, target),
                                                       read_only=False), done, self._failed)

    def _failed(self, error: object) -> None:
        self._printer = None
        if isinstance(error, ProblemsError):
            text = problems_text(error)
        else:
            text = str(error)
        self.status.setText(self.tr("Not done: {0}").format(text))

    # --- background work ---------------------------------------------------------------------------------------

    def _run(self, work: Any, on_success: Any, on_failure: Any) -> None:
        task = BackgroundTask(work, self)
        task.succeeded.connect(on_success)
        task.failed.connect(on_failure)
        task.finished.connect(self._task_finished)
        self._task = task
        task.start()
        self._update_controls()

    def _task_finished(self) -> None:
        self._task = None
        pending, self._pending = self._pending, None
        if isinstance(pending, Made):
            self._show_made(pending)
        elif pending:
            self.refresh()
        self._update_controls()

    def is_busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.wait()  # a paper half made is finished (or refused) whole before the dialog goes
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report — {0} {1}").format(self.request.agency, self.request.fiscal_year))
        self.paper_label.setText(self.tr("&Paper:"))
        self.round_label.setText(self.tr("&Round:"))
        for position in range(self.round_combo.count()):
            self.round_combo.setItemText(position, self.tr("{0} months").format(self.round_combo.itemData(position)))
        self.draft_check.setText(self.tr("&Draft (nothing is issued)"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.open_button.setText(self.tr("&Open in the PDF viewer"))
        self.close_button.setText(self.tr("&Close"))
        self._fill_papers()
        self._update_controls()
        self._say_ready()
