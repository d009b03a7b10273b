"""The window's panel, package and backup commands: the Panel menu (คณะผู้ประเมิน) and the File menu entries.

The main window calls `install_panel_actions(window)` once and `session_installed(session)` whenever it opens a
workspace; everything else lives here and in the dialogs it opens. Every change goes through the store functions
the CLI uses, each in its own transaction; the chair's decisions are taken as the window's evaluator.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ...domain.numbers import format4
from ...domain.panel import Panel, chair_problem
from ...domain.problems import ProblemsError
from ...store.panel import load_panel, result_state, submissions
from ...store.workspace import WorkspaceError
from ..common.messages import problem_text, problems_text
from ..common.session import WorkspaceSession
from ..transfer.packages_dialog import PackageFlows

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow
    from ..transfer.backups_dialog import RestoreDialog
    from .panel_matrix import PanelMatrixWindow
    from .panel_setup import PanelSetupDialog

_MESSAGE_MS = 15000


class PanelActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.packages = PackageFlows(window, lambda: window.session)
        self.packages.imported.connect(lambda _report: self._panel_changed())
        self.matrix: PanelMatrixWindow | None = None
        self.setup_dialog: PanelSetupDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self._create_actions()
        self._create_menus()
        window.installEventFilter(self)
        self.retranslate()

    # --- actions and menus -------------------------------------------------------------------------------------

    def _action(self, name: str, slot: object, shortcut: str | None = None) -> QAction:
        item = QAction(self.window)
        item.setObjectName(name)
        if shortcut:
            item.setShortcut(QKeySequence(shortcut))
        item.triggered.connect(slot)
        return item

    def _create_actions(self) -> None:
        a = self._action
        self.export_panel_action = a("exportPanelPackage", self.packages.export_panel_package)
        self.export_mine_action = a("exportMyRatings", self.export_my_ratings)
        self.import_package_action = a("importPackage", self.packages.choose_and_import, "Ctrl+Shift+I")
        self.backup_now_action = a("backupNow", self.back_up_now)
        self.restore_action = a("restoreBackup", self.restore_from_backup)
        self.setup_action = a("panelSetup", self.open_setup)
        self.matrix_action = a("panelMatrix", self.open_matrix, "Ctrl+M")
        self.submit_action = a("submitRatings", self.submit_ratings)
        self.consensus_action = a("enterConsensus", lambda: self.enter_consensus(None))
        self.reopen_action = a("reopen", self.reopen)
        self.finalise_action = a("finaliseResult", self.finalise)
        self.make_key_action = a("makeKeyPair", self.make_key_pair)
        self.my_key_action = a("mySigningKey", self.show_my_key)
        # Changes the workspace: off while another person holds it.
        self.writing_actions = (self.import_package_action, self.restore_action, self.submit_action,
                                self.consensus_action, self.reopen_action, self.finalise_action)

    def _create_menus(self) -> None:
        file_menu = self.window.file_menu
        actions = file_menu.actions()
        position = actions.index(self.window.import_action) + 1
        before = actions[position] if position < len(actions) else None
        file_menu.insertSeparator(before)
        for item in (self.export_panel_action, self.export_mine_action, self.import_package_action):
            file_menu.insertAction(before, item)
        file_menu.insertSeparator(before)
        file_menu.insertAction(before, self.backup_now_action)
        file_menu.insertAction(before, self.restore_action)
        self.panel_menu = QMenu(self.window)
        self.panel_menu.setObjectName("panelMenu")
        for item in (self.setup_action, self.matrix_action, None, self.submit_action, None, self.consensus_action,
                     self.reopen_action, self.finalise_action, None, self.make_key_action, self.my_key_action):
            if item is None:
                self.panel_menu.addSeparator()
            else:
                self.panel_menu.addAction(item)
        self.window.menuBar().insertMenu(self.window.help_menu.menuAction(), self.panel_menu)

    def retranslate(self) -> None:
        self.panel_menu.setTitle(self.tr("&Panel"))
        self.export_panel_action.setText(self.tr("Export &panel package…"))
        self.export_panel_action.setStatusTip(self.tr("Secretary: the panel, members, keys and agreements, for "
                                                      "every member's laptop"))
        self.export_mine_action.setText(self.tr("&Export my ratings…"))
        self.export_mine_action.setStatusTip(self.tr("Member: your ratings, signed with your key, for the "
                                                     "secretary"))
        self.import_package_action.setText(self.tr("Import pac&kage…"))
        self.backup_now_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("Restore from bac&kup…"))
        self.setup_action.setText(self.tr("Panel &setup…"))
        self.matrix_action.setText(self.tr("Panel &matrix"))
        self.submit_action.setText(self.tr("&Submit my ratings…"))
        self.consensus_action.setText(self.tr("Enter &consensus… (chair)"))
        self.reopen_action.setText(self.tr("&Reopen… (chair)"))
        self.finalise_action.setText(self.tr("&Finalise the panel result… (chair)"))
        self.make_key_action.setText(self.tr("Make my &key pair…"))
        self.my_key_action.setText(self.tr("My signing key and &fingerprint…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.packages.cancel_and_wait()  # nothing half-imported, no stray thread
        return super().eventFilter(watched, event)

    # --- the workspace -----------------------------------------------------------------------------------------

    @property
    def session(self) -> WorkspaceSession | None:
        return self.window.session

    def session_installed(self, session: WorkspaceSession) -> None:
        window = self.window
        for action in self.writing_actions:
            action.setEnabled(not session.read_only)
        if window.panel is not None and window.details is not None:
            panel, details = window.panel, window.details
            # The details pane shows the history of the selected cell: the self-assessment's or the evaluator's.
            panel.view.selectionModel().currentChanged.connect(
                lambda current, _previous: details.show_history_of(panel.model.group_of(current)))
            panel.model.loaded.connect(self._follow)
        session.evaluatorChanged.connect(lambda _ident: self._panel_changed())
        if self.setup_dialog is not None:
            self.setup_dialog.close()
            self.setup_dialog.deleteLater()
            self.setup_dialog = None
        if self.matrix is not None:
            was_visible = self.matrix.isVisible()
            self.matrix.close()
            self.matrix.deleteLater()
            self.matrix = None
            if was_visible:
                self.open_matrix()

    def _current(self) -> tuple[int | None, int]:
        model = None if self.window.panel is None else self.window.panel.model
        return (None, 12) if model is None else (model.agreement_id, model.round)

    def _follow(self) -> None:
        if self.matrix is not None:
            self.matrix.show_agreement(*self._current())

    def _panel_changed(self) -> None:
        if self.matrix is not None and self.session is not None and self.session.is_open:
            self.matrix.reload()

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

    def _agreement_or_say(self, title: str) -> tuple[int, int] | None:
        agreement_id, round_ = self._current()
        if agreement_id is None:
            QMessageBox.information(self.window, title, self.tr("Choose an agreement in the list first."))
            return None
        return agreement_id, round_

    def _agreement_label(self) -> str:
        model = None if self.window.panel is None else self.window.panel.model
        if model is None or model.agreement is None:
            return ""
        return f"{model.agreement.agency} {model.agreement.fiscal_year}"

    # --- panel setup and matrix --------------------------------------------------------------------------------

    def open_setup(self) -> PanelSetupDialog | None:
        from .panel_setup import PanelSetupDialog

        if self.session is None:
            return None
        if self.setup_dialog is not None and not self.setup_dialog.isVisible():
            self.setup_dialog.deleteLater()  # a fresh one each time: in the language of the moment
            self.setup_dialog = None
        if self.setup_dialog is None:
            self.setup_dialog = PanelSetupDialog(self.session, self.window)
            self.setup_dialog.changed.connect(self._panel_changed)
        self.setup_dialog.reload()
        self.setup_dialog.open()
        self.setup_dialog.raise_()
        return self.setup_dialog

    def open_matrix(self) -> PanelMatrixWindow | None:
        from .panel_matrix import PanelMatrixWindow

        if self.session is None:
            return None
        if self.matrix is None:
            self.matrix = PanelMatrixWindow(self.session, self.window)
            self.matrix.consensusRequested.connect(self.enter_consensus)
            self.matrix.finaliseRequested.connect(self.finalise)
            self.matrix.reopenRequested.connect(self.reopen)
        self.matrix.show_agreement(*self._current())
        self.matrix.show()
        self.matrix.raise_()
        self.matrix.activateWindow()
        return self.matrix

    # --- a member's submission and the chair's decisions -------------------------------------------------------

    def submit_ratings(self) -> None:
        from ...store.panel import submit
        from .submission_dialog import SubmitDialog

        title = self.tr("Submit my ratings")
        panel = self._panel_or_say(title)
        where = None if panel is None else self._agreement_or_say(title)
        if panel is None or where is None or self.session is None:
            return
        member = self.session.evaluator()
        if not panel.has_member(member):
            QMessageBox.information(self.window, title, self.tr(
                "You are rating as {0}, who is not on the panel. Choose your member id in Edit → Settings….").format(
                member))
            return
        agreement_id, round_ = where
        dialog = SubmitDialog(member, self._agreement_label(), round_, panel.declaration, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            submit(self.session.workspace, agreement_id, member, round_, declaration_accepted=True, actor=member)
        except (ProblemsError, WorkspaceError) as exc:
            self._warn(self.tr("Not submitted"), exc)
            return
        self._message(self.tr("Submitted: the ratings of {0} for {1}, round {2} months. Export them with File → "
                              "Export my ratings….").format(member, self._agreement_label(), round_))
        self._panel_changed()

    def _chair_or_say(self, panel: Panel, title: str, action_th: str, action_en: str) -> str | None:
        assert self.session is not None
        by = self.session.evaluator()
        problem = chair_problem(panel, by, action_th, action_en)
        if problem is not None:
            QMessageBox.information(self.window, title, problem_text(problem) + "\n\n" + self.tr(
                "The window acts as the evaluator chosen in Edit → Settings…."))
            return None
        return by

    def enter_consensus(self, code: str | None) -> None:
        from ...store.agreements import load_agreement
        from ...store.frameworks import get_framework
        from ...store.panel_results import enter_consensus, panel_result
        from .consensus_dialog import ConsensusDialog

        title = self.tr("Enter consensus")
        panel = self._panel_or_say(title)
        where = None if panel is None else self._agreement_or_say(title)
        if panel is None or where is None or self.session is None:
            return
        if not code:
            code = self.matrix.selected_cell()[0] if self.matrix is not None and self.matrix.isVisible() else ""
            code = code or (self.window.panel.current_code() if self.window.panel is not None else "")
        by = self._chair_or_say(panel, title, "บันทึกมติที่ประชุม", "enter a consensus value")
        if by is None:
            return
        agreement_id, round_ = where
        workspace = self.session.workspace
        try:
            result = panel_result(workspace, agreement_id, round_)
            item = result.indicator(code)
        except ProblemsError as exc:
            self._warn(title, exc)
            return
        except KeyError:
            QMessageBox.information(self.window, title, self.tr("Select a scored indicator first."))
            return
        framework = get_framework(workspace, load_agreement(workspace, agreement_id).agreement.framework_id or "")
        parent = self.matrix if self.matrix is not None and self.matrix.isVisible() else self.window
        dialog = ConsensusDialog(item, result.rule, framework.max_score, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.score is None:
            return
        try:
            enter_consensus(workspace, agreement_id, item.code, round_, dialog.score, dialog.reason, by=by)
        except (ProblemsError, WorkspaceError) as exc:
            self._warn(self.tr("Consensus not saved"), exc)
            return
        self._message(self.tr("Consensus of indicator {0}: {1}").format(item.code, format4(dialog.score)))
        self._panel_changed()

    def reopen(self) -> None:
        from ...store.panel import reopen_submission
        from ...store.panel_results import reopen_result
        from ..common.reason_dialog import ReasonDialog

        title = self.tr("Reopen")
        panel = self._panel_or_say(title)
        where = None if panel is None else self._agreement_or_say(title)
        if panel is None or where is None or self.session is None:
            return
        agreement_id, round_ = where
        workspace = self.session.workspace
        choices: list[tuple[str, object]] = []
        state = result_state(workspace.conn, agreement_id, round_)
        if state is not None and state.finalised:
            choices.append((self.tr("The finalised panel result"), "result"))
        else:
            for item in submissions(workspace, agreement_id, round_):
                if item.submitted:
                    choices.append((self.tr("The submitted ratings of {0}").format(item.evaluator),
                                    f"member:{item.evaluator}"))
        if not choices:
            QMessageBox.information(self.window, title, self.tr(
                "Nothing to reopen for {0}, round {1} months: no ratings are submitted and the panel result is "
                "not finalised.").format(self._agreement_label(), round_))
            return
        by = self._chair_or_say(panel, title, "เปิดใหม่", "reopen")
        if by is None:
            return
        dialog = ReasonDialog(title, self.tr("Reopen for {0}, round {1} months. The reason is kept in the "
                                             "history.").format(self._agreement_label(), round_),
                              self.window, choices=choices, ok_text=self.tr("Reopen"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, _, member = str(dialog.choice).partition(":")  # combo data stays a plain string in Qt
        try:
            if kind == "result":
                reopen_result(workspace, agreement_id, round_, by=by, reason=dialog.reason)
            else:
                reopen_submission(workspace, agreement_id, member, round_, by=by, reason=dialog.reason)
        except (ProblemsError, WorkspaceError) as exc:
            self._warn(self.tr("Not reopened"), exc)
            return
        self._message(self.tr("Reopened ({0}).").format(dialog.reason))
        self._panel_changed()

    def finalise(self) -> None:
        from ...store.panel_results import finalise, panel_result

        title = self.tr("Finalise the panel result")
        panel = self._panel_or_say(title)
        where = None if panel is None else self._agreement_or_say(title)
        if panel is None or where is None or self.session is None:
            return
        by = self._chair_or_say(panel, title, "ยุติผลการประเมิน", "finalise the panel result")
        if by is None:
            return
        agreement_id, round_ = where
        workspace = self.session.workspace
        try:
            total = format4(panel_result(workspace, agreement_id, round_).total)
        except ProblemsError as exc:
            self._warn(title, exc)
            return
        answer = QMessageBox.question(self.window, title, self.tr(
            "Finalise the panel result of {0}, round {1} months, with the panel total {2}? Afterwards its ratings, "
            "consensus values and conflicts of interest are read-only; only the chair can reopen it, with a "
            "reason.").format(self._agreement_label(), round_, total))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            finalise(workspace, agreement_id, round_, by=by)
        except (ProblemsError, WorkspaceError) as exc:
            self._warn(self.tr("Not finalised"), exc)
            return
        self._message(self.tr("The panel result of {0}, round {1} months, is finalised: total {2}.").format(
            self._agreement_label(), round_, total))
        self._panel_changed()

    # --- my signing key ----------------------------------------------------------------------------------------

    def make_key_pair(self) -> None:
        from ...exchange.identity import IdentityError, create_key_pair, has_key
        from .identity_dialogs import PassphraseDialog

        if self.session is None:
            return
        member = self.session.evaluator()
        if has_key(member):
            self.show_my_key()
            return
        dialog = PassphraseDialog(member, self.tr(
            "Choose a passphrase for your new signing key. You type it each time you export your ratings; "
            "nobody can recover it for you."), confirm=True, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            create_key_pair(member, dialog.passphrase)
        except IdentityError as exc:
            self._warn(self.tr("No key made"), exc)
            return
        except OSError as exc:
            self._warn(self.tr("No key made"), str(exc))
            return
        self._message(self.tr("Your signing key is made. Hand your public key to the secretary."))
        self.show_my_key()

    def show_my_key(self) -> None:
        from ...exchange.identity import IdentityError, has_key, load_identity
        from .identity_dialogs import MyKeyDialog

        if self.session is None:
            return
        member = self.session.evaluator()
        identity = None
        if has_key(member):
            try:
                identity = load_identity(member)
            except IdentityError as exc:
                self._warn(self.tr("My signing key"), exc)
                return
        dialog = MyKeyDialog(member, identity, load_panel(self.session.workspace), self.window)
        self.key_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.make_requested:
            self.make_key_pair()

    def export_my_ratings(self) -> None:
        from ...exchange.identity import IdentityError, has_key, unlock
        from .identity_dialogs import PassphraseDialog

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
        from ..transfer.backups_dialog import backup_when

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
        from ..transfer.backups_dialog import RestoreDialog, backup_when

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
        from ..transfer.backups_dialog import backup_when

        session = self.session
        if session is None:
            return False
        path, actor = session.path, session.evaluator()
        agreement_id, round_ = self._current()
        self.packages.cancel_and_wait()
        self.window.commit_open_editor()
        if self.window.details is not None:
            self.window.details.flush()
        session.close()  # the restore needs the writer lock; the window opens the file again below
        error: BaseException | None = None
        try:
            result = restore_backup(path, chosen, actor=actor)  # type: ignore[arg-type]
        except (WorkspaceError, OSError, sqlite3.Error) as exc:
            error = exc
        if not self.window.open_path(path):
            return False
        if agreement_id is not None and self.window.navigator.select_agreement(agreement_id):
            self.window.set_round(round_)  # back where the person was, to see what the restore brought back
        if error is not None:
            self._warn(self.tr("Not restored"), self.tr("The backup was not restored: {0}").format(error))
            return False
        kept = "" if result.kept is None else result.kept.name
        self._message(self.tr("Restored the backup of {0}. The workspace as it was is kept as {1}.").format(
            backup_when(result.restored), kept))
        return True


def install_panel_actions(window: MainWindow) -> PanelActions:
    return PanelActions(window)

