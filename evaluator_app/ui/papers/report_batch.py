"""Batch printing: every agreement of a fiscal year to one folder (a PDF each) or one combined PDF, on a worker
thread, with a progress bar and Cancel. Cancel stops before the next report; those written stay whole."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...store.agreements import list_agreements
from ..common import print_support
from ..common.background import BackgroundTask
from ..common.changes import Change, Changes
from ..common.session import WorkspaceSession


class ProgressRelay(QObject):
    """Carries progress from the worker to the window and waits until the window has taken it in.

    The worker goes on only after every listener of `progressed` has run on the GUI thread, so a Cancel clicked on
    seeing "k of N" stops the batch at exactly k: what the person saw is what was written.
    """

    progressed = Signal(int, int)  # on the GUI thread
    _step = Signal(int, int)  # from the worker

    def __init__(self, cancel: threading.Event, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = cancel
        self._taken = threading.Event()
        self._step.connect(self._deliver)  # queued: the relay lives on the GUI thread

    def report(self, done: int, total: int) -> None:  # on the worker thread
        self._taken.clear()
        self._step.emit(done, total)
        while not self._taken.wait(0.05):
            if self._cancel.is_set():
                return

    def _deliver(self, done: int, total: int) -> None:
        try:
            self.progressed.emit(done, total)  # direct: every listener has run when this returns
        finally:
            self._taken.set()

    def release(self) -> None:
        self._taken.set()


def _run_batch(workspace_path: Path, ids: list[int], out: Path, relay: ProgressRelay, cancel: threading.Event,
               combined: bool, round_: int, actor: str, draft: bool) -> Any:
    from ...reports.batch import print_batch  # reportlab loads only when printing

    return print_batch(workspace_path, ids, out, relay.report, cancel.is_set, combined=combined, round_=round_,
                       actor=actor, draft=draft)


class BatchDialog(QDialog):
    def __init__(self, session: WorkspaceSession, fiscal_year: int | None = None, round_: int = 12,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.session = session
        self.result: Any = None
        self._task: BackgroundTask | None = None
        self._cancel = threading.Event()
        self.relay = ProgressRelay(self._cancel, self)
        self.relay.progressed.connect(self._progressed)

        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("batchYear")
        self.year_label.setBuddy(self.year_combo)
        from ...reports.batch import agreements_of_year

        years = sorted({a.fiscal_year for a in list_agreements(session.workspace)}, reverse=True)
        self._ids = {year: agreements_of_year(session.workspace, year) for year in years}  # read once
        for year in years:
            self.year_combo.addItem(str(year), year)
        if fiscal_year is not None:
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(fiscal_year), 0))
        self.round_label = QLabel(self)
        self.round_combo = QComboBox(self)
        self.round_combo.setObjectName("batchRound")
        self.round_label.setBuddy(self.round_combo)
        for value in (6, 9, 12):
            self.round_combo.addItem("", value)
        self.round_combo.setCurrentIndex(max(self.round_combo.findData(round_), 0))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("batchCount")
        self.folder_radio = QRadioButton(self)
        self.folder_radio.setObjectName("toFolder")
        self.combined_radio = QRadioButton(self)
        self.combined_radio.setObjectName("toCombined")
        self.folder_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.folder_radio)
        group.addButton(self.combined_radio)
        self.out_label = QLabel(self)
        self.out_edit = QLineEdit(self)
        self.out_edit.setObjectName("batchOut")
        self.out_label.setBuddy(self.out_edit)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("chooseOut")
        self.draft_check = QCheckBox(self)
        self.draft_check.setObjectName("batchDraft")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("batchLog")
        self.log.setReadOnly(True)
        self.log.hide()
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startBatch")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelBatch")

        form = QFormLayout()
        form.addRow(self.year_label, self.year_combo)
        form.addRow(self.round_label, self.round_combo)
        form.addRow("", self.count_label)
        where = QVBoxLayout()
        where.addWidget(self.folder_radio)
        where.addWidget(self.combined_radio)
        form.addRow("", where)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.choose_button)
        form.addRow(self.out_label, out_row)
        form.addRow("", self.draft_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.log, 1)
        layout.addLayout(buttons)

        self.year_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.folder_radio.toggled.connect(lambda _checked: self._suggest_out())
        self.choose_button.clicked.connect(self.choose_out)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self._retranslate()
        self._suggest_out()
        self.resize(760, 520)

    # --- what to print -----------------------------------------------------------------------------------------

    def fiscal_year(self) -> int | None:
        data = self.year_combo.currentData()
        return None if data is None else int(data)

    def agreement_ids(self) -> list[int]:
        year = self.fiscal_year()
        return [] if year is None else list(self._ids.get(year, []))

    def _suggest_out(self) -> None:
        year = self.fiscal_year() or 0
        round_ = int(self.round_combo.currentData())
        folder = self.session.path.parent
        name = f"reports-{year}-r{round_}" + ("" if self.folder_radio.isChecked() else ".pdf")
        self.out_edit.setText(str(folder / name))
        self._update()

    def choose_out(self) -> None:
        current = self.out_edit.text()
        if self.folder_radio.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"), current)
            if chosen:
                self.out_edit.setText(chosen)
        else:
            path = print_support.ask_pdf_path(self, self.tr("One combined PDF"), Path(current))
            if path is not None:
                self.out_edit.setText(str(path))

    def _update(self) -> None:
        busy = self.is_busy()
        count = len(self.agreement_ids())
        self.count_label.setText(self.tr("{0} agreement(s) of this fiscal year").format(count))
        for widget in (self.year_combo, self.round_combo, self.folder_radio, self.combined_radio, self.out_edit,
                       self.choose_button, self.draft_check):
            widget.setEnabled(not busy)
        self.start_button.setEnabled(not busy and count > 0 and bool(self.out_edit.text().strip())
                                     and not self.session.read_only)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))

    # --- running -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.is_busy():
            return
        ids = self.agreement_ids()
        out = Path(self.out_edit.text().strip())
        combined = self.combined_radio.isChecked()
        if combined and out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self._cancel.clear()
        self.result = None
        self.log.clear()
        self.log.hide()
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.status.setText(self.tr("Printing {0} report(s)…").format(len(ids)))
        path, relay, cancel, actor = self.session.path, self.relay, self._cancel, self.session.evaluator()
        round_, draft = int(self.round_combo.currentData()), self.draft_check.isChecked()
        task = BackgroundTask(lambda: _run_batch(path, ids, out, relay, cancel, combined, round_, actor, draft), self)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        task.finished.connect(self._task_done)
        self._task = task
        task.start()
        self._update()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(self.tr("{0} of {1} report(s) done…").format(done, total))

    def _cancel_clicked(self) -> None:
        if self.is_busy():
            self._cancel.set()
            self.status.setText(self.tr("Cancelling after the report in hand…"))
            return
        self.reject()

    def _finished(self, result: Any) -> None:
        self.result = result
        # Reports were issued and stored on the batch's own connection.
        self.session.run(Change(None, Changes(report=True)))
        written = len(result.written) if not result.combined else (result.done - len(result.failed))
        if result.cancelled:
            text = self.tr("Cancelled after {0} of {1}: {2} report(s) written.").format(
                result.done, result.total, len(result.written))
            if result.combined is None and self.combined_radio.isChecked():
                text += " " + self.tr("The combined PDF is not written when cancelled.")
        elif result.combined is not None:
            text = self.tr("Done: {0} report(s) in one PDF, {1}.").format(written, result.combined)
        else:
            text = self.tr("Done: {0} report(s) written to {1}.").format(len(result.written),
                                                                         self.out_edit.text())
        if result.failed:
            text += " " + self.tr("{0} could not be made (listed below).").format(len(result.failed))
            names = {a.id: a.agency for a in list_agreements(self.session.workspace)}
            self.log.setPlainText("\n".join(f"{names.get(i, i)}: {why}" for i, why in result.failed))
            self.log.show()
        self.status.setText(text)

    def _failed(self, error: object) -> None:
        self.status.setText(self.tr("The batch stopped: {0}").format(error))

    def _task_done(self) -> None:
        self._task = None
        self._update()

    def is_busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def reject(self) -> None:
        if self.is_busy():  # Esc or the window's close button while printing: cancel first, then close
            self._cancel.set()
            self.relay.release()
            if self._task is not None:
                self._task.wait()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch print"))
        self.year_label.setText(self.tr("&Fiscal year:"))
        self.round_label.setText(self.tr("&Round:"))
        for position in range(self.round_combo.count()):
            self.round_combo.setItemText(position, self.tr("{0} months").format(self.round_combo.itemData(position)))
        self.folder_radio.setText(self.tr("A &folder, one PDF per agreement"))
        self.combined_radio.setText(self.tr("One &combined PDF"))
        self.out_label.setText(self.tr("&Save to:"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.draft_check.setText(self.tr("&Drafts (nothing is issued)"))
        self.start_button.setText(self.tr("&Print all"))
        self._update()
