"""The File menu's packages and backups: export the panel package or my signed ratings, import a package, back up
now and restore from a backup. The main window installs it with `install_transfer_actions(window)`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from ...domain.panel import Panel
from ...domain.problems import ProblemsError
from ...store.panel import load_panel
from ...store.workspace import WorkspaceError
from ..common.actions import insert_actions, make_action
from ..common.main_window_interface import MainWindowInterface
from ..common.messages import problems_text
from ..common.session import WorkspaceSession
from .packages_dialog import PackageFlows

if TYPE_CHECKING:
    from .backups_dialog import RestoreDialog

_MESSAGE_MS = 15000


class TransferActions(QObject):
    def __init__(self, window: MainWindowInterface):
        super().__init__(window)
        self.window = window
        self.packages = PackageFlows(window, lambda: window.session)
        self.packages.message.connect(self._message)
        self.restore_dialog: RestoreDialog | None = None
        self._create_actions()
        self._create_menus()
        window.installEventFilter(self)
        self.retranslate()

    def _action(self, name: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
        return make_action(self.window, name, slot, shortcut)

    def _create_actions(self) -> None:
        a = self._action
        self.export_panel_action = a("exportPanelPackage", self.packages.export_panel_package)
        self.export_mine_action = a("exportMyRatings", self.export_my_ratings)
        self.import_package_action = a("importPackage", self.packages.choose_and_import, "Ctrl+Shift+I")
        self.backup_now_action = a("backupNow", self.back_up_now)
        self.restore_action = a("restoreBackup", self.restore_from_backup)
        # Changes the workspace: off while another person holds it.
        self.writing_actions = (self.import_package_action, self.restore_action)

    def _create_menus(self) -> None:
        file_menu = self.window.file_menu
        actions = file_menu.actions()
        position = actions.index(self.window.import_action) + 1
        before = actions[position] if position < len(actions) else None
        insert_actions(file_menu, before, [None, self.export_panel_action, self.export_mine_action,
                                           self.import_package_action, None, self.backup_now_action,
                                           self.restore_action])

    def retranslate(self) -> None:
        self.export_panel_action.setText(self.tr("Export &panel package…"))
        self.export_panel_action.setStatusTip(self.tr("Secretary: the panel, members, keys and agreements, for "
                                                      "every member's laptop"))
        self.export_mine_action.setText(self.tr("&Export my ratings…"))
        self.export_mine_action.setStatusTip(self.tr("Member: your ratings, signed with your key, for the "
                                                     "secretary"))
        self.import_package_action.setText(self.tr("Import pac&kage…"))
        self.backup_now_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("Restore from bac&kup…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.packages.cancel_and_wait()  # nothing half-imported, no stray thread
        return super().eventFilter(watched, event)

    @property
    def session(self) -> WorkspaceSession | None:
        return self.window.session

    def session_installed(self, session: WorkspaceSession) -> None:
        for action in self.writing_actions:
            action.setEnabled(not session.read_only)

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, _MESSAGE_MS)

    def _warn(self, title: str, error: BaseException | str) -> None:
        text = problems_text(error) if isinstance(error, ProblemsError) else str(error)
        QMessageBox.warning(self.window, title, text)

    def _panel_or_say(self, title: str) -> Panel | None:
        panel = None if self.session is None else load_panel(self.session.workspace)
        if panel is None:
            QMessageBox.information(self.window, title, self.tr(
                "This workspace has no panel yet. The secretary sets it up with Panel → Panel setup…; a member "
                "imports the secretary's panel package with File → Import package…."))
        return panel

    # --- packages ----------------------------------------------------------------------------------------------

    def export_my_ratings(self) -> None:
        from ...exchange.identity import IdentityError, has_key, unlock
        from ..common.identity_dialogs import PassphraseDialog

        title = self.tr("Export my ratings")
        panel = self._panel_or_say(title)
        if panel is None or self.session is None:
            return
        member = self.session.evaluator()
        if not panel.has_member(member):
            QMessageBox.information(self.window, title, self.tr(
                "You are rating as {0}, who is not on the panel. Choose your member id in Edit → Settings….").format(
                member))
            return
        if not has_key(member):
            QMessageBox.information(self.window, title, self.tr(
                "You have no signing key on this computer yet: make one with Panel → Make my key pair…, and hand "
                "your public key to the secretary."))
            return
        dialog = PassphraseDialog(member, self.tr("Your ratings are signed with your key. Type its passphrase."),
                                  parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            key = unlock(member, dialog.passphrase)
        except IdentityError as exc:
            self._warn(title, exc)
            return
        self.packages.export_my_ratings(member, key)

    def import_package_file(self, path: Path) -> None:
        """A package given on the command line or double-clicked: import it as File → Import package… does."""
        self.packages.import_file(Path(path))

    # --- backups -----------------------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        from ...store.backups import back_up_now
        from .backups_dialog import backup_when

        if self.session is None:
            return
        try:
            backup = back_up_now(self.session.workspace)
        except (OSError, sqlite3.Error) as exc:
            self._warn(self.tr("No backup made"), self.tr("The backup could not be written: {0}").format(exc))
            return
        self._message(self.tr("Backed up: {0} ({1})").format(backup_when(backup), backup.name))

    def restore_from_backup(self) -> None:
        from ...store.backups import list_backups
        from .backups_dialog import RestoreDialog, backup_when

        if self.session is None:
            return
        path = self.session.path
        dialog = RestoreDialog(path.name, list_backups(path), self.window)
        self.restore_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        answer = QMessageBox.question(self.window, self.tr("Restore from backup"), self.tr(
            "Go back to the workspace as it was on {0}? Everything changed since then is kept in a backup of the "
            "workspace as it is now, taken first.").format(backup_when(chosen)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore(chosen)

    def restore(self, chosen: object) -> bool:
        """Close the workspace, restore the backup over it (the store keeps the current content as a backup
        first) and open it again; on failure the workspace is reopened as it was."""
        from ...store.backups import restore_backup
        from .backups_dialog import backup_when

        session = self.session
        if session is None:
            return False
        path, actor = session.path, session.evaluator()
        place = self.window.place()
        agreement_id, round_ = place.agreement_id, place.round
        self.packages.cancel_and_wait()
        self.window.save_typing()
        session.close()  # the restore needs the writer lock; the window opens the file again below
        error: BaseException | None = None
        try:
            result = restore_backup(path, chosen, actor=actor)  # type: ignore[arg-type]
        except (WorkspaceError, OSError, sqlite3.Error) as exc:
            error = exc
        if not self.window.open_path(path):
            return False
        if agreement_id is not None and self.window.select_agreement(agreement_id):
            self.window.set_round(round_)  # back where the person was, to see what the restore brought back
        if error is not None:
            self._warn(self.tr("Not restored"), self.tr("The backup was not restored: {0}").format(error))
            return False
        kept = "" if result.kept is None else result.kept.name
        self._message(self.tr("Restored the backup of {0}. The workspace as it was is kept as {1}.").format(
            backup_when(result.restored), kept))
        return True


def install_transfer_actions(window: MainWindowInterface) -> TransferActions:
    return TransferActions(window)
