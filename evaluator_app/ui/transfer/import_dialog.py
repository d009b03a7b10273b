"""File → Import agreements…: preview what will be read, list every problem, then import all files or nothing.

Reading and writing both run off the GUI thread. The write uses its own connection to the same file (SQLite
connections stay on the thread that uses them) inside one outer transaction, so Cancel can undo all of it: the
transaction commits only if Cancel was not pressed by the end, and a progress handler stops long SQL steps early.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
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
from ..common.background import BackgroundTask, write_unless_cancelled
from ..common.changes import Change, Changes
from ..common.session import WorkspaceSession
from .import_models import ProblemsModel, ReadRowsModel


class ImportCancelled(Exception):
    pass


class _Rehearsed(Exception):
    """Raised inside the rehearsal's transaction so that everything it wrote is rolled back."""

    def __init__(self, plan: ImportPlan):
        super().__init__()
        self.plan = plan


@dataclass
class ImportPlan:
    """What pressing Import would do, found by rehearsing the import (store_imported, the very code that imports)
    on a connection of its own and rolling it back: the preview then says what will change, not only what was
    read (a re-import of the same file changes nothing, and says so)."""

    summary: Any  # exchange.importing.ImportSummary
    drafts_already_there: set[int] = field(default_factory=set)  # agreement ids whose newest draft has the indicators

    def changes_anything(self) -> bool:
        s = self.summary
        return bool(s.added or s.results_updated or s.parties_updated
                    or [v for v in s.new_versions if v[0] not in self.drafts_already_there])


def _rehearse(workspace_path: Path, agreements: Sequence[Any], actor: str) -> ImportPlan | None:
    """The import done and undone; None when it cannot be rehearsed (the file is read-only, or busy)."""
    from ...exchange.importing import store_imported
    from ...store.agreements import find_agreement_id
    from ...store.versions import latest_version
    from ...store.workspace import Workspace

    try:
        workspace = Workspace.open(workspace_path, create=False, auto_backup=False)
    except Exception:  # the preview then says what was read, as it did before rehearsals
        return None
    try:
        with workspace.transaction():
            newest = {}
            for item in agreements:
                existing = find_agreement_id(workspace, item.agreement.agency, item.agreement.fiscal_year)
                if existing is not None:
                    newest[existing] = latest_version(workspace, existing).number
            summary = store_imported(workspace, agreements, actor=actor)
            raise _Rehearsed(ImportPlan(summary, {agreement_id for agreement_id, _a, _y, number
                                                  in summary.new_versions if newest.get(agreement_id) == number}))
    except _Rehearsed as rehearsed:
        return rehearsed.plan
    except Exception:  # a refusal is said when Import is pressed, with its problems; the preview stays as read
        return None
    finally:
        workspace.close()


def _read(paths: Sequence[Path], frameworks: Sequence[Any]) -> Any:
    from ...exchange.agreement_workbook import read_agreement_files  # heavy (openpyxl): only when importing

    return read_agreement_files(paths, frameworks)


def _read_and_rehearse(paths: Sequence[Path], frameworks: Sequence[Any], workspace_path: Path,
                       actor: str) -> tuple[Any, ImportPlan | None]:
    reading = _read(paths, frameworks)
    if reading.problems or not reading.agreements:
        return reading, None
    return reading, _rehearse(workspace_path, reading.agreements, actor)


def _import(workspace_path: Path, paths: Sequence[Path], actor: str, cancel: threading.Event) -> Any:
    from ...exchange.importing import import_agreement_files

    return write_unless_cancelled(workspace_path, cancel,
                                  lambda workspace: import_agreement_files(workspace, list(paths), actor=actor),
                                  cancelled=ImportCancelled)


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
        self.plan: ImportPlan | None = None

        self.files_label = QLabel(self.tr("No files chosen."), self)
        self.files_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose files…"), self)
        self.rows_model = ReadRowsModel(self)
        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("previewRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows_view.verticalHeader().hide()  # the Row column gives the file's own row numbers
        self.rows_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.rows_view.setTabKeyNavigation(False)  # read-only: arrows move in it, Tab leaves it for Import
        self.rows_view.setWordWrap(False)
        self.problems_model = ProblemsModel(self)
        self.problems_view = QTableView(self)
        self.problems_view.setObjectName("problems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.verticalHeader().hide()
        self.problems_view.setTabKeyNavigation(False)
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
        problems_layout.addWidget(QLabel(self.tr("Problems (nothing is imported while there are any) and warnings "
                                                 "(imported as written):"), problems))
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
        paths_now, path, actor = list(self._paths), self._session.path, self._session.evaluator()
        self._run(lambda: _read_and_rehearse(paths_now, frameworks, path, actor), self._read_done, self._failed)

    def _read_done(self, read: object) -> None:
        from ...exchange.agreement_workbook import canonical_columns

        assert isinstance(read, tuple)
        reading, plan = read
        self._reading = reading
        self.plan = plan
        self.rows_model.set_reading(reading.rows, canonical_columns(), reading.problems)
        self.problems_model.set_problems([*reading.problems, *reading.warnings])
        self.problems_view.resizeColumnsToContents()
        self._lay_out_rows()
        indicators = sum(len(a.agreement.indicators) for a in reading.agreements)
        if reading.problems:
            self.status.setText(self.tr(
                "{0} problem(s) found. Correct the files and choose them again; nothing will be imported.").format(
                len(reading.problems)))
        elif not reading.agreements:
            self.status.setText(self.tr("No agreements were found in these files."))
        elif plan is not None and not plan.changes_anything():  # a re-import of what is already here
            self.status.setText(self.tr(
                "{0} agreement(s) with {1} indicators read: importing them will change nothing.").format(
                len(reading.agreements), indicators))
        elif reading.warnings:
            self.status.setText(self.tr(
                "Ready to import {0} agreement(s) with {1} indicators; {2} warning(s): imported as written, and "
                "kept with the agreement.").format(len(reading.agreements), indicators, len(reading.warnings)))
        else:
            self.status.setText(self.tr("Ready to import {0} agreement(s) with {1} indicators.").format(
                len(reading.agreements), indicators))
        if plan is not None and not reading.problems:
            self.status.setText(self.status.text() + "\n" + "\n".join(self._plan_lines(plan)))
        notes = [h.describe() for h in getattr(reading, "hidden_sheets", ())]  # skipped, and said so
        if not reading.problems and reading.agreements:
            from ...exchange.importing import preview_conflicts

            # results edited since the previous import of the file: the edits are kept
            notes += [c.describe() for c in preview_conflicts(self._session.workspace, reading.agreements)]
        if notes:
            self.status.setText(self.status.text() + "\n" + "\n".join(notes))
        # a wrapped label is not given the height its lines need once the dialog is laid out: ask for it
        self.status.setMinimumHeight(self.status.heightForWidth(max(self.status.width(), 400)))
        self.import_button.setEnabled(not reading.problems and bool(reading.agreements))

    def _plan_lines(self, plan: ImportPlan) -> list[str]:
        """One line per agreement: what Import will do to it."""
        s = plan.summary
        lines = [self.tr("{0} {1}: new agreement.").format(agency, year) for _id, agency, year in s.added]
        lines += [self.tr("{0} {1}: {2} result(s) will be updated.").format(agency, year, count)
                  for _id, agency, year, count in s.results_updated]
        for agreement_id, agency, year, number in s.new_versions:
            if agreement_id in plan.drafts_already_there:
                lines.append(self.tr("{0} {1}: no change; its indicators are already draft version {2}.").format(
                    agency, year, number))
            else:
                lines.append(self.tr("{0} {1}: the indicators differ from the agreed ones: they become draft "
                                     "version {2}, to be negotiated.").format(agency, year, number))
        lines += [self.tr("{0} {1}: the parties will be updated.").format(agency, year)
                  for _id, agency, year in s.parties_updated]
        lines += [self.tr("{0} {1}: no change; it is already in the workspace as in these files.").format(agency, year)
                  for _id, agency, year in s.unchanged]
        return lines

    def _lay_out_rows(self) -> None:
        """The indicator rows in view: the file and sheet columns only when there are several, a title row spread
        over the value columns, and no column wider than a third of the table, so a long title or agency name
        does not push the codes, names and weights off to the right (the full text is in the cell's tooltip)."""
        view, model = self.rows_view, self.rows_model
        view.clearSpans()
        view.setColumnHidden(ReadRowsModel.FILE, model.distinct(ReadRowsModel.FILE) <= 1)
        view.setColumnHidden(ReadRowsModel.SHEET, model.distinct(ReadRowsModel.SHEET) <= 1)
        for row in model.title_rows():
            if model.columnCount() > ReadRowsModel.FIRST_VALUE + 1:
                view.setSpan(row, ReadRowsModel.FIRST_VALUE, 1, model.columnCount() - ReadRowsModel.FIRST_VALUE)
        view.resizeColumnsToContents()
        widest = max(self.width() // 3, 240)
        for column in range(model.columnCount()):
            if view.columnWidth(column) > widest:
                view.setColumnWidth(column, widest)

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
