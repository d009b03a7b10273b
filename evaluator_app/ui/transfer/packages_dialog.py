"""File → Export panel package… / Export my ratings… / Import package…: choose the file, do the work off the GUI
thread behind a busy indicator with Cancel, then show what happened (merge_report.PackageResultDialog).

The work opens its own connection to the workspace (SQLite connections stay on their thread). An import runs inside
one outer transaction that commits only if Cancel was not pressed, so a cancelled or refused import writes nothing.
An export is written under a temporary name and renamed only when not cancelled.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from ...exchange.package_format import EXTENSIONS
from ...store.leftovers import temporary_beside
from ...store.panel import load_panel
from ...store.preferences import chosen_evaluator, identity_problem
from ...store.workspace import Workspace, WorkspaceError
from ..common.background import BackgroundTask, write_unless_cancelled
from ..common.changes import Change, Changes
from ..common.identity_dialogs import IdentityDialog
from ..common.messages import problems_text
from ..common.session import WorkspaceSession
from .merge_report import PackageResultDialog

PANEL_SUFFIX = EXTENSIONS["panel"]  # .evpanel
EVALUATOR_SUFFIX = EXTENSIONS["evaluator"]  # .evpack


class PackageCancelled(Exception):
    pass


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _export(workspace_path: Path, out: Path, cancel: threading.Event,
            write: Callable[[Workspace, Path], Any]) -> Any:
    """Write the package beside `out` under the app's temporary name; it takes the name only if not cancelled. A
    kill in between leaves a temporary file the workspace's next open removes (store/leftovers.py)."""
    with temporary_beside(out, workspace_path) as partial:
        workspace = Workspace.open(workspace_path, create=False, auto_backup=False)
        try:
            summary = write(workspace, partial)
        finally:
            workspace.close()
        if cancel.is_set():
            raise PackageCancelled
        os.replace(partial, out)
    return dataclasses.replace(summary, path=out)


def _import(workspace_path: Path, package: Path, actor: str, cancel: threading.Event, trust: str | None = None,
            decrypt: Any = None) -> Any:
    from ...exchange.packages import import_package

    return write_unless_cancelled(workspace_path, cancel,
                                  lambda workspace: import_package(workspace, package, actor=actor,
                                                                     trust=trust, decrypt=decrypt),
                                  cancelled=PackageCancelled, auto_backup=False)


def _import_together(workspace_path: Path, packages: list[Path], actor: str, cancel: threading.Event,
                     trust: str | None = None, decrypt: Any = None) -> Any:
    from ...exchange.packages import import_packages

    return write_unless_cancelled(workspace_path, cancel,
                                  lambda workspace: import_packages(workspace, packages, actor=actor,
                                                                    trust=trust, decrypt=decrypt),
                                  cancelled=PackageCancelled, auto_backup=False)


class PackageFlows(QObject):
    """Runs one package operation at a time for a window; `finished` follows every one (done, refused or
    cancelled), after the result is shown."""

    finished = Signal(str)  # the outcome: exported, installed, merged, already, refused, cancelled, failed
    imported = Signal(object)  # the report of an import that wrote something
    message = Signal(str)  # for the status bar

    def __init__(self, parent_widget: QWidget, session_of: Callable[[], WorkspaceSession | None]):
        super().__init__(parent_widget)
        self._widget = parent_widget
        self._session_of = session_of
        self.conflicts_dialog: Any = None
        self._task: BackgroundTask | None = None
        self._cancel = threading.Event()
        self._exporting = False
        self.progress: QProgressDialog | None = None
        self.result_dialog: PackageResultDialog | None = None
        self.trust_dialog: Any = None
        self._retry: tuple[str | None, Any] = (None, None)  # what the running import was given
        self._batch: list[Path] | None = None  # the packages the running import merges together, if several

    def is_busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def cancel_and_wait(self) -> None:
        """Closing the window: cancel what runs and wait for its thread, so nothing is half-done or stray."""
        if self.is_busy() and self._task is not None:
            self._cancel.set()
            self._task.wait()

    # --- choosing files ----------------------------------------------------------------------------------------

    def _folder(self) -> Path:
        session = self._session_of()
        return session.path.parent if session is not None else Path.home()

    def choose_export_path(self, title: str, default_name: str, suffix: str, filter_text: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self._widget, title, str(self._folder() / default_name),
                                                    filter_text)
        return _with_suffix(Path(name), suffix) if name else None

    # --- export ------------------------------------------------------------------------------------------------

    def export_panel_package(self, signing_key: Any, encryption_key: bytes) -> None:
        """Write the panel package signed with the secretary's unlocked key, carrying her encryption key."""
        from ...exchange.packages import export_panel_package

        session = self._session_of()
        if session is None or self.is_busy():
            return
        out = self.choose_export_path(
            self.tr("Export panel package"), f"panel-{date.today().isoformat()}{PANEL_SUFFIX}", PANEL_SUFFIX,
            self.tr("Panel packages (*{0})").format(PANEL_SUFFIX))
        if out is None:
            return
        path = session.path
        actor = session.evaluator()
        self._start(self.tr("Signing and writing the panel package…"), lambda cancel: _export(
            path, out, cancel, lambda ws, target: export_panel_package(ws, target, signing_key, encryption_key,
                                                                       actor=actor)), out, exporting=True)

    def export_my_ratings(self, member_id: str, signing_key: Any) -> None:
        from ...exchange.packages import export_evaluator_package

        session = self._session_of()
        if session is None or self.is_busy():
            return
        out = self.choose_export_path(
            self.tr("Export my ratings"), f"{member_id}-{date.today().isoformat()}{EVALUATOR_SUFFIX}",
            EVALUATOR_SUFFIX, self.tr("Evaluator packages (*{0})").format(EVALUATOR_SUFFIX))
        if out is None:
            return
        path = session.path
        self._start(self.tr("Signing and writing your ratings…"), lambda cancel: _export(
            path, out, cancel, lambda ws, target: export_evaluator_package(ws, member_id, target, signing_key)), out,
            exporting=True)

    # --- import ------------------------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        """One package, or the members' packages chosen together: those are merged together."""
        names, _filter = QFileDialog.getOpenFileNames(
            self._widget, self.tr("Import package"), str(self._folder()),
            self.tr("Packages (*{0} *{1});;All files (*)").format(PANEL_SUFFIX, EVALUATOR_SUFFIX))
        if len(names) == 1:
            self.import_file(Path(names[0]))
        elif names:
            self.import_files([Path(name) for name in names])

    def import_files(self, packages: list[Path], trust: str | None = None, decrypt: Any = None) -> None:
        """Several packages merged together (`import_packages`: one transaction, a refused one written not at
        all and the others written); one result lists each."""
        session = self._ready_to_import(packages[0]) if packages else None
        if session is None:
            return
        path, actor = session.path, session.evaluator()
        self._retry = (trust, decrypt)
        self._batch = list(packages)
        self._start(self.tr("Checking and importing {0} packages…").format(len(packages)),
                    lambda cancel: _import_together(path, list(packages), actor, cancel, trust, decrypt), packages[0])

    def import_file(self, package: Path, trust: str | None = None, decrypt: Any = None) -> None:
        """Import a package; when it needs the secretary's fingerprint confirmed, or her decryption key, the
        person is asked and the import runs again with it."""
        session = self._ready_to_import(package)
        if session is None:
            return
        path, actor = session.path, session.evaluator()
        self._retry = (trust, decrypt)
        self._batch = None
        self._start(self.tr("Checking and importing {0}…").format(package.name),
                    lambda cancel: _import(path, package, actor, cancel, trust, decrypt), package)

    def _ready_to_import(self, package: Path) -> WorkspaceSession | None:
        """The session to import into; None when there is none, or after saying why not now (another package is
        being handled, the workspace is read-only: refused as for `package`)."""
        session = self._session_of()
        if session is None:
            return None
        if self.is_busy():
            QMessageBox.information(self._widget, self.tr("Import package"), self.tr(
                "Another package is being handled; try again when it is done."))
            return None
        if session.read_only:
            self._exporting = False
            self._show_refusal(package, WorkspaceError(session.read_only_reason or self.tr(
                "The workspace is open read-only.")))
            return None
        return session

    # --- running -----------------------------------------------------------------------------------------------

    def _start(self, label: str, work: Callable[[threading.Event], Any], path: Path, *,
               exporting: bool = False) -> None:
        self._cancel = threading.Event()
        self._exporting = exporting
        cancel = self._cancel
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._widget)
        progress.setObjectName("packageProgress")
        progress.setWindowTitle(self.tr("Package"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(cancel.set)
        self.progress = progress
        task = BackgroundTask(lambda: work(cancel), self)
        task.succeeded.connect(lambda result: self._succeeded(result, path))
        task.failed.connect(lambda error: self._failed(error, path))
        task.finished.connect(self._task_finished)
        self._task = task
        task.start()

    def _task_finished(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._task = None

    def _result_dialog(self) -> PackageResultDialog:
        if self.result_dialog is None:
            self.result_dialog = PackageResultDialog(self._widget)
            self.result_dialog.resolve_requested.connect(self.open_conflicts)
        return self.result_dialog

    def _succeeded(self, result: Any, path: Path) -> None:
        from ...exchange.packages import ExportSummary
        from ...store.panel_install import InstallReport

        dialog = self._result_dialog()
        if isinstance(result, list):  # several packages imported together
            self._succeeded_together(result)
            return
        if isinstance(result, ExportSummary):
            dialog.show_export(result)
        elif isinstance(result, InstallReport):
            dialog.show_install(result, path)
        else:
            dialog.show_merge(result, path)
        session = self._session_of()
        wrote = not isinstance(result, ExportSummary) and not result.already_imported and not (
            isinstance(result, InstallReport) and result.master)
        if session is not None and wrote:
            # Written on the import's own connection; the session records it and tells the views.
            session.run(Change(None, Changes(agreements=True, panel=True)))
        dialog.show()
        dialog.raise_()
        if isinstance(result, InstallReport) and wrote:
            self._choose_member()
        if wrote:
            self.imported.emit(result)
        self.finished.emit(dialog.outcome)

    def _succeeded_together(self, imported: list[Any]) -> None:
        dialog = self._result_dialog()
        dialog.show_together(imported)
        written = [item.report for item in imported if item.report is not None and not item.report.already_imported
                   and not getattr(item.report, "master", False)]
        session = self._session_of()
        if session is not None and written:
            session.run(Change(None, Changes(agreements=True, panel=True)))
        dialog.show()
        dialog.raise_()
        for report in written:
            self.imported.emit(report)
        self.finished.emit(dialog.outcome)

    def _failed(self, error: object, path: Path) -> None:
        from ...exchange.packages import DecryptionNeeded, TrustNeeded

        if isinstance(error, TrustNeeded | DecryptionNeeded):
            # Asked once this task has finished (its progress closed), then the import runs again.
            QTimer.singleShot(0, lambda: self._ask_and_retry(error, path))
            return
        self._failed_for_good(error, path)

    def _ask_and_retry(self, error: Any, path: Path) -> None:
        from ...exchange.packages import TrustNeeded

        trust, decrypt = self._retry
        if isinstance(error, TrustNeeded):
            trust = error.fingerprint if self._confirm_trust(error, path) else None
        else:
            decrypt = self._ask_decryption(error.recipient)
        if (trust if isinstance(error, TrustNeeded) else decrypt) is None:
            self._failed_for_good(error, path)
            return
        if self._batch is not None:
            self.import_files(self._batch, trust, decrypt)
            return
        self.import_file(path, trust, decrypt)

    def _failed_for_good(self, error: object, path: Path) -> None:
        if isinstance(error, PackageCancelled):
            self.message.emit(self.tr("Cancelled: nothing was written ({0}).").format(path.name))
            self.finished.emit("cancelled")
            return
        self._show_refusal(path, error if isinstance(error, BaseException) else Exception(str(error)))

    def open_conflicts(self) -> None:
        """The edit conflicts members' packages brought, for the secretary to keep hers or take theirs."""
        from .conflicts_dialog import ConflictsDialog

        session = self._session_of()
        if session is None:
            return
        dialog = ConflictsDialog(session, self._widget)
        self.conflicts_dialog = dialog
        dialog.show()
        dialog.raise_()

    def _confirm_trust(self, error: Any, path: Path) -> bool:
        from .trust_dialog import TrustDialog

        dialog = TrustDialog(error.fingerprint, error.signer, error.trusted, path.name, self._widget)
        self.trust_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.trust_dialog = None

    def _ask_decryption(self, recipient: str) -> Any:
        """The secretary's decryption key, unlocked with her passphrase, or None when she cancels or it fails."""
        from ...exchange.identity import IdentityError, unlock_encryption_key
        from ..common.identity_dialogs import PassphraseDialog

        dialog = PassphraseDialog(recipient, self.tr(
            "The member's ratings are encrypted to the secretary's key. Type its passphrase to open them."),
            parent=self._widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            key = unlock_encryption_key(recipient, dialog.passphrase)
        except IdentityError as exc:
            QMessageBox.warning(self._widget, self.tr("Import package"), problems_text(exc))
            return None
        return lambda _recipient: key

    def _show_refusal(self, path: Path, error: BaseException) -> None:
        dialog = self._result_dialog()
        dialog.show_refusal(path, error, exporting=self._exporting)
        dialog.show()
        dialog.raise_()
        self.finished.emit(dialog.outcome)

    def _choose_member(self) -> None:
        """A laptop that just received the panel: make sure its ratings are recorded under a member's id."""
        session = self._session_of()
        if session is None:
            return
        panel = load_panel(session.workspace)
        if panel is None or (panel.has_member(session.evaluator())
                             and panel.member(session.evaluator()).role.rates):
            return
        # The same "Who are you?" the window asks on first use, so a person meets one question, not two.
        workspace = session.workspace
        dialog = IdentityDialog(panel, chosen_evaluator(workspace),
                                check=lambda ident: identity_problem(workspace, ident), parent=self._widget)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.ident():
            try:
                outcome = session.set_evaluator(dialog.ident())
            except ValueError as exc:
                self.message.emit(str(exc))
                return
            if not outcome.ok:
                self.message.emit(outcome.error or "")
