"""The window's panel commands: the Panel menu (คณะผู้ประเมิน).

The main window calls `install_panel_actions(window)` once and `session_installed(session)` whenever it opens a
workspace; everything else lives here and in the dialogs it opens. Every change goes through the store functions
the CLI uses, each in its own transaction; the chair's decisions are taken as the window's evaluator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ...domain.numbers import format4
from ...domain.panel import Panel, chair_problem
from ...domain.problems import ProblemsError
from ...store.panel import load_panel, result_state, submissions
from ...store.workspace import Workspace
from ..common.actions import make_action
from ..common.changes import Change, Changes
from ..common.main_window_interface import MainWindowInterface
from ..common.messages import problem_text, problems_text
from ..common.session import WorkspaceSession

if TYPE_CHECKING:
    from .panel_matrix import PanelMatrixWindow
    from .panel_setup import PanelSetupDialog

_MESSAGE_MS = 15000


class PanelActions(QObject):
    def __init__(self, window: MainWindowInterface):
        super().__init__(window)
        self.window = window
        window.placeChanged.connect(self._follow)
        self.matrix: PanelMatrixWindow | None = None
        self.setup_dialog: PanelSetupDialog | None = None
        self._create_actions()
        self._create_menus()
        window.installEventFilter(self)
        self.retranslate()

    # --- actions and menus -------------------------------------------------------------------------------------

    def _action(self, name: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
        return make_action(self.window, name, slot, shortcut)

    def _create_actions(self) -> None:
        a = self._action
        self.setup_action = a("panelSetup", self.open_setup)
        self.matrix_action = a("panelMatrix", self.open_matrix, "Ctrl+M")
        self.submit_action = a("submitRatings", self.submit_ratings)
        self.consensus_action = a("enterConsensus", lambda: self.enter_consensus(None))
        self.reopen_action = a("reopen", self.reopen)
        self.finalise_action = a("finaliseResult", self.finalise)
        self.make_key_action = a("makeKeyPair", self.make_key_pair)
        self.my_key_action = a("mySigningKey", self.show_my_key)
        # Changes the workspace: off while another person holds it.
        self.writing_actions = (self.submit_action, self.consensus_action, self.reopen_action, self.finalise_action)

    def _create_menus(self) -> None:
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
        self.setup_action.setText(self.tr("Panel &setup…"))
        self.matrix_action.setText(self.tr("Panel &matrix"))
        self.submit_action.setText(self.tr("&Submit my ratings…"))
        self.consensus_action.setText(self.tr("Enter &consensus… (chair)"))
        self.reopen_action.setText(self.tr("&Reopen… (chair)"))
        self.finalise_action.setText(self.tr("&Finalise the panel result… (chair)"))
        self.make_key_action.setText(self.tr("Make my &key pair…"))
        self.my_key_action.setText(self.tr("My signing key and &fingerprint…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    # --- the workspace -----------------------------------------------------------------------------------------

    @property
    def session(self) -> WorkspaceSession | None:
        return self.window.session

    def session_installed(self, session: WorkspaceSession) -> None:
        for action in self.writing_actions:
            action.setEnabled(not session.read_only)
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
        place = self.window.place()
        return place.agreement_id, place.round

    def _follow(self) -> None:
        if self.matrix is not None:
            self.matrix.show_agreement(*self._current())

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, _MESSAGE_MS)

    def _run(self, failure_title: str, write: Callable[[Workspace], object], changes: Changes) -> bool:
        """One chair's or member's decision through the session; a refusal is said in a message box."""
        assert self.session is not None
        outcome = self.session.run(Change(write, changes))
        if not outcome.ok:
            self._warn(failure_title, outcome.error or "")
        return outcome.ok

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
        return self.window.place().label

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
        from ...store.panel_results import submit
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
        if not self._run(self.tr("Not submitted"), lambda workspace: submit(
                workspace, agreement_id, member, round_, declaration_accepted=True, actor=member),
                Changes(agreement_id=agreement_id, round=round_, evaluator=member, panel=True)):
            return
        self._message(self.tr("Submitted: the ratings of {0} for {1}, round {2} months. Export them with File → "
                              "Export my ratings….").format(member, self._agreement_label(), round_))

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
            code = code or self.window.place().code
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
        score, reason = dialog.score, dialog.reason
        if not self._run(self.tr("Consensus not saved"), lambda workspace: enter_consensus(
                workspace, agreement_id, item.code, round_, score, reason, by=by),
                Changes(agreement_id=agreement_id, round=round_, code=item.code, panel=True)):
            return
        self._message(self.tr("Consensus of indicator {0}: {1}").format(item.code, format4(score)))

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
        reason = dialog.reason

        def reopen(workspace: Workspace) -> None:
            if kind == "result":
                reopen_result(workspace, agreement_id, round_, by=by, reason=reason)
            else:
                reopen_submission(workspace, agreement_id, member, round_, by=by, reason=reason)

        if not self._run(self.tr("Not reopened"), reopen,
                         Changes(agreement_id=agreement_id, round=round_, evaluator=member or None, panel=True)):
            return
        self._message(self.tr("Reopened ({0}).").format(reason))

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
        if not self._run(self.tr("Not finalised"), lambda workspace: finalise(
                workspace, agreement_id, round_, by=by), Changes(agreement_id=agreement_id, round=round_, panel=True)):
            return
        self._message(self.tr("The panel result of {0}, round {1} months, is finalised: total {2}.").format(
            self._agreement_label(), round_, total))

    # --- my signing key ----------------------------------------------------------------------------------------

    def make_key_pair(self) -> None:
        from ...exchange.identity import IdentityError, create_key_pair, has_key
        from ..common.identity_dialogs import PassphraseDialog

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
        from ..common.identity_dialogs import MyKeyDialog

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


def install_panel_actions(window: MainWindowInterface) -> PanelActions:
    return PanelActions(window)

