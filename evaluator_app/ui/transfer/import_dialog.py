"""File → Import agreements…: preview what will be read, list every problem, then import all files or nothing.

Reading and writing both run off the GUI thread. The write uses its own connection to the same file (SQLite
connections stay on the thread that uses them) inside one outer transaction, so Cancel can undo all of it: the
transaction commits only if Cancel was not pressed by the end, and a progress handler stops long SQL steps early.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import ProblemsError
from ...store.frameworks import workspace_frameworks
from ...store.workspace import Workspace
from ..common.background import BackgroundTask
from ..common.changes import Change, Changes
from ..common.session import WorkspaceSession
from .import_models import ProblemsModel, ReadRowsModel

_CANCEL_CHECK_STEPS = 100  # SQLite VM steps between checks of the cancel flag: often enough, and cheap


class ImportCancelled(Exception):
    pass


def _read(paths: Sequence[Path], frameworks: Sequence[Any]) -> Any:
    from ...exchange.agreement_workbook import read_agreement_files  # heavy (openpyxl): only when importing

    return read_agreement_files(paths, frameworks)


def _import(workspace_path: Path, paths: Sequence[Path], actor: str, cancel: threading.Event) -> Any:
    from ...exchange.importing import import_agreement_files

    if cancel.is_set():
        raise ImportCancelled
    workspace = Workspace.open(workspace_path, create=False)
    try:
        workspace.conn.set_progress_handler(lambda: 1 if cancel.is_set() else 0, _CANCEL_CHECK_STEPS)
        try:
            # The importer's own transaction joins this one, so nothing is committed before the last check.
            with workspace.transaction():
                summary = import_agreement_files(workspace, list(paths), actor=actor)
                if cancel.is_set():
                    raise ImportCancelled
            return summary
        except sqlite3.OperationalError as exc:
            if cancel.is_set():
                raise ImportCancelled from exc
            raise
        finally:
            workspace.conn.set_progress_handler(None, 0)
    finally:
        workspace.close()


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportSummary, after the import committed

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import agreements"))
        self.resize(1000, 640)
        self._session = session
        self._paths: list[Path] = []
        self._reading: Any = None
        self._task: BackgroundTask | None = None
        self._cancel = threading.Event()
        self.summary: Any = None

        self.files_label = QLabel(self.tr("No files chosen."), self)
        self.files_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose files…"), self)
        self.rows_model = ReadRowsModel(self)
        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("previewRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows_view.verticalHeader().hide()  # the Row column gives the file's own row numbers
        self.problems_model = ProblemsModel(self)
        self.problems_view = QTableView(self)
        self.problems_view.setObjectName("problems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.verticalHeader().hide()
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)  # the importer reports no steps: a busy bar while it works
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(self.choose_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        preview = QWidget(splitter)
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("Rows as they will be read:"), preview))
        preview_layout.addWidget(self.rows_view)
        problems = QWidget(splitter)
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr("Problems (nothing is imported while there are any):"), problems))
        problems_layout.addWidget(self.problems_view)
        splitter.addWidget(preview)
        splitter.addWidget(problems)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_files)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)

    # --- reading -----------------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose agreement files"), "",
            self.tr("Agreement workbooks (*.xlsx *.csv);;All files (*)"))
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, paths: Sequence[Path]) -> None:
        """Read the files in the background and show what was read; nothing is written."""
        self._paths = list(paths)
        self.files_label.setText("\n".join(str(p) for p in self._paths))
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Reading {0} file(s)…").format(len(self._paths)))
        self.progress.show()
        frameworks = workspace_frameworks(self._session.workspace)
        paths_now = list(self._paths)
        self._run(lambda: _read(paths_now, frameworks), self._read_done, self._failed)

    def _read_done(self, reading: Any) -> None:
        from ...exchange.agreement_workbook import canonical_columns

        self._reading = reading
        self.rows_model.set_reading(reading.rows, canonical_columns(), reading.problems)
        self.problems_model.set_problems(reading.problems)
        self.problems_view.resizeColumnsToContents()
        self.rows_view.resizeColumnsToContents()
        indicators = sum(len(a.agreement.indicators) for a in reading.agreements)
        if reading.problems:
            self.status.setText(self.tr(
                "{0} problem(s) found. Correct the files and choose them again; nothing will be imported.").format(
                len(reading.problems)))
        elif not reading.agreements:
            self.status.setText(self.tr("No agreements were found in these files."))
        else:
            self.status.setText(self.tr("Ready to import {0} agreement(s) with {1} indicators.").format(
                len(reading.agreements), indicators))
        self.import_button.setEnabled(not reading.problems and bool(reading.agreements))

    # --- importing ---------------------------------------------------------------------------------------------

    def start_import(self) -> None:
        if not self._paths or self.is_busy():
            return
        self._cancel.clear()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.status.setText(self.tr("Importing… (Cancel leaves the workspace as it was)"))
        self.progress.show()
        path, paths, actor, cancel = self._session.path, list(self._paths), self._session.evaluator(), self._cancel
        self._run(lambda: _import(path, paths, actor, cancel), self._import_done, self._failed)

    def _import_done(self, summary: Any) -> None:
        self.summary = summary
        # Written on the import's own connection; the session records it and tells the views.
        self._session.run(Change(None, Changes(agreements=True)))
        self.imported.emit(summary)
        self.accept()

    def _failed(self, error: object) -> None:
        self.choose_button.setEnabled(True)
        if isinstance(error, ImportCancelled):
            self.status.setText(self.tr("Import cancelled. Nothing was written."))
        elif isinstance(error, ProblemsError):
            self.problems_model.set_problems(error.problems)
            self.problems_view.resizeColumnsToContents()
            self.status.setText(self.tr("The import was refused ({0} problem(s)). Nothing was written.").format(
                len(error.problems)))
        else:
            self.status.setText(self.tr("The import failed: {0}. Nothing was written.").format(error))

    def _run(self, work: Any, on_success: Any, on_failure: Any) -> None:
        task = BackgroundTask(work, self)
        task.succeeded.connect(on_success)
        task.failed.connect(on_failure)
        task.finished.connect(self._task_finished)
        self._task = task
        task.start()

    def _task_finished(self) -> None:
        self.progress.hide()
        self._task = None

    def is_busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def _cancel_clicked(self) -> None:
        if self.is_busy():
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.is_busy():  # Esc or the window's close button while writing: cancel first, then close
            self._cancel.set()
            if self._task is not None:
                self._task.wait()
        super().reject()
