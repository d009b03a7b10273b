"""The main window: navigator, agreement table and details side by side, the menus, and an honest title.

It is built in two stages so the first paint comes at once (issue 16): the shell (frame, menus, the navigator
listed from one read-only query, the status bar) needs PySide6 and this folder only; the session, the table, the
details and the features' actions (`install_session`) load the store, the domain and the feature packages right
after the first paint (ui/shell/app.py). MainWindow(session) still builds the whole window at once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal  # not `Qt`: see navigator_model.py
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...store.agreement_list import AgreementSummary
from ..common.actions import Shortcut, insert_actions, make_action
from ..common.language import ENGLISH, THAI, Retranslating, current_language, install_language
from ..common.main_window_interface import MainWindowInterface, Place
from . import settings
from .navigator import NavigatorPanel

if TYPE_CHECKING:  # loaded in the second stage (install_session), after the first paint
    from ..common.changes import Changes
    from ..common.session import WorkspaceSession
    from ..meeting.meeting_actions import MeetingActions
    from ..panel.panel_actions import PanelActions
    from ..papers.report_actions import ReportActions
    from ..rating.agreement_panel import AgreementPanel
    from ..rating.details_pane import DetailsPane
    from ..rating.warm_up import WarmUp
    from ..transfer.transfer_actions import TransferActions

ROUND_KEYS = {6: "Ctrl+6", 9: "Ctrl+9", 12: "Ctrl+2"}
_WORKSPACE_FILTER = "*.sqlite *.db"
NO_WARM_UP_ENV = "EVALUATOR_APP_NO_WARM_UP"  # "1": no warm-up after ready (to measure the first switch without it)


class MainWindow(Retranslating, MainWindowInterface):
    ready = Signal()  # install_session is done: the whole window works
    transfer_actions: TransferActions  # the features' actions: there from install_session on
    panel_actions: PanelActions
    meeting_actions: MeetingActions
    report_actions: ReportActions

    def __init__(self, session: WorkspaceSession | None = None, *, asks_identity: bool = False):
        """The whole window on `session`; without one, only the shell, until `install_session` (app.py's two-stage
        start). `asks_identity`: ask who is using this laptop whenever a workspace that does not know yet is opened
        (the application does; a window made for a test or a tool does not)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.session: WorkspaceSession | None = None
        self.asks_identity = asks_identity
        self._choosing_identity = False  # the "Who are you?" question is open
        self._restoring = False
        self.navigator = NavigatorPanel(self)
        self.splitter = QSplitter(parent=self)  # horizontal; by keyword: QSplitter(self) looks at Qt's `Qt` enums
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        # The table needs the width (15 columns); the details go below it (install_session puts them there).
        self.work_splitter = QSplitter(parent=self.splitter)
        self.work_splitter.setObjectName("workSplitter")
        # Holds the table's place in the shell's first paint, so the navigator keeps its width (an empty splitter
        # would give it the whole window, and the list would jump when the table comes).
        self._placeholder: QWidget | None = QWidget(self.work_splitter)
        self.work_splitter.addWidget(self._placeholder)
        self.splitter.addWidget(self.work_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([270, 1170])
        self.panel: AgreementPanel | None = None
        self.details: DetailsPane | None = None
        self.warm_up: WarmUp | None = None  # getting ready for the first agreement clicked (rating/warm_up.py)
        self.banner = QLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border-bottom: 1px solid #e0c36c")
        self.banner.hide()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.identity_button = QToolButton(self)
        self.identity_button.setObjectName("identityButton")
        self.identity_button.setAutoRaise(True)
        self.identity_button.clicked.connect(self.choose_identity)
        self.statusBar().addPermanentWidget(self.identity_button)
        self.statusBar().addPermanentWidget(self.save_label)
        self._create_actions()
        self._create_menus()
        self._features_installed = False
        self.opening: Path | None = None  # the workspace the shell shows while it is being opened
        self.navigator.agreementSelected.connect(self._agreement_selected)
        self.navigator.importRequested.connect(self.import_agreements)
        self.navigator.demoRequested.connect(self.open_demo)
        # Where you left off is written at most twice a second, and at once when the workspace closes: each write
        # rewrites and syncs the settings file (3-5 ms CPU and a disk wait), too much for every agreement clicked.
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(500)
        self._place_timer.timeout.connect(self._remember_place)
        self.placeChanged.connect(self._place_timer.start)
        self.navigator.tree.activated.connect(lambda _index: self._focus_table())
        self._restore_frame()
        if session is not None:
            self.install_session(session)
        else:
            self._enable_session_actions(False)
        self.retranslate()

    # --- the two-stage start -----------------------------------------------------------------------------------

    def show_opening(self, path: Path, summaries: list[AgreementSummary] | None) -> None:
        """The shell's first paint: the workspace's name, its agreements (read before it is opened, or None) with
        the one shown last time selected, and "opening…" until install_session."""
        self.opening = path
        self.navigator.show_summaries(summaries)
        last = settings.last_place(path)
        if summaries and last is not None:
            self.navigator.select_agreement(last[0], emit=False)
        elif summaries:
            self.navigator.select_agreement(summaries[0].id, emit=False)
        self._update_title()

    def install_session(self, session: WorkspaceSession) -> None:
        """The second stage: the features' actions (once), then the session with the table and the details."""
        self._install_features()
        self._install(session)
        self.opening = None
        self.ready.emit()

    def _install_features(self) -> None:
        if self._features_installed:
            return
        from ..meeting.meeting_actions import install_meeting_actions
        from ..panel.panel_actions import install_panel_actions
        from ..papers.report_actions import install_report_actions
        from ..transfer.transfer_actions import install_transfer_actions

        self.transfer_actions = install_transfer_actions(self)  # File: packages and backups
        self.panel_actions = install_panel_actions(self)  # the Panel menu
        self.meeting_actions = install_meeting_actions(self)
        self.report_actions = install_report_actions(self)
        self._features_installed = True

    def _enable_session_actions(self, enabled: bool) -> None:
        """What needs an open workspace waits for it (the shell's first paint has none yet)."""
        for action in (self.import_action, self.adjust_action, self.accept_action, self.settings_action,
                       self.identity_action, *self.round_actions.values()):
            action.setEnabled(enabled)
        self.identity_button.setVisible(enabled)

    # --- the workspace -----------------------------------------------------------------------------------------

    def _install(self, session: WorkspaceSession) -> None:
        from ...store.preferences import apply_time_zone
        from ..rating.agreement_panel import AgreementPanel
        from ..rating.details_pane import DetailsPane

        old_panel, old_details = self.panel, self.details
        self.session = session
        session.setParent(self)
        if self.asks_identity:
            session.identity_request = self.choose_identity
        self.panel = AgreementPanel(session, self)
        self.details = DetailsPane(session, self.panel.model, self)
        if old_panel is None or old_details is None:
            from PySide6.QtCore import Qt

            if self._placeholder is not None:
                self._placeholder.hide()
                self._placeholder.setParent(None)  # type: ignore[call-overload]  # out of the splitter
                self._placeholder.deleteLater()
                self._placeholder = None

            self.work_splitter.setOrientation(Qt.Orientation.Vertical)
            self.work_splitter.addWidget(self.panel)
            self.work_splitter.addWidget(self.details)
            self.work_splitter.setStretchFactor(0, 3)
            self.work_splitter.setStretchFactor(1, 2)
            self.work_splitter.setSizes([520, 300])
            self._restore_work_layout()
            self._enable_session_actions(True)
        else:
            self.work_splitter.replaceWidget(0, self.panel)
            self.work_splitter.replaceWidget(1, self.details)
            old_panel.deleteLater()
            old_details.deleteLater()
        self.panel.currentIndicatorChanged.connect(self.details.show_indicator)
        self.panel.model.loaded.connect(self.placeChanged)
        # Tab goes from the agreement list to the table, whatever was made before the panel (the status bar's
        # identity button): where a person goes next after choosing an agreement.
        self.panel.chain_tab_order(self.navigator.tree)
        panel, details = self.panel, self.details
        # The details pane shows the history of the selected cell: the self-assessment's or the evaluator's.
        panel.view.selectionModel().currentChanged.connect(
            lambda current, _previous: details.show_history_of(panel.model.group_of(current)))
        self.panel.model.refused.connect(lambda _index, message: self.statusBar().showMessage(message, 15000))
        self.panel.view.adjustRequested.connect(lambda _index: self.adjust_score())
        self.panel.view.delegate.editingChanged.connect(lambda typing: session.set_pending("result cell", typing))
        self.details.message.connect(lambda message: self.statusBar().showMessage(message, 15000))
        session.saveStateChanged.connect(self._update_title)
        session.writeFailed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        session.changed.connect(self._changed)
        self._install_undo_actions(session)
        self._show_read_only(session)
        self.transfer_actions.session_installed(session)
        self.panel_actions.session_installed(session)
        apply_time_zone(session.workspace)  # every time in the window and on paper on this workspace's clock
        self.navigator.set_session(session)
        # Here, not at the top: the shell's first paint needs none of the exchange (about 1.5 ms to import).
        from ...exchange.demo_folders import is_demo_copy

        if not is_demo_copy(session.path):  # a demo copy goes when the window closes: nothing to come back to
            settings.remember_workspace(session.path)
            settings.remember_last_workspace(session.path)
        self._fill_recent_menu()
        self._show_first_place(session)
        self._update_identity()
        self._update_title()
        self.warm_up = None
        if os.environ.get(NO_WARM_UP_ENV) != "1":
            from ..rating.warm_up import warm_up_after_first_paint

            # the first agreement clicked as quick as the later ones: glyphs and the details form made ahead, once
            # the table is painted, one small step per turn of the event loop (warm_up.py)
            self.warm_up = warm_up_after_first_paint(session, self.panel, self.details)

    def _show_first_place(self, session: WorkspaceSession) -> None:
        """The agreement and round shown when this workspace was last open here; else the first agreement."""
        assert self.panel is not None
        summaries = self.navigator.model.summaries()
        if not summaries:
            self.panel.show_agreement(None)
            return
        last = settings.last_place(session.path)
        wanted = summaries[0].id
        if last is not None and any(s.id == last[0] for s in summaries):
            wanted = last[0]
        self._restoring = True  # the place is being restored, not chosen: do not overwrite the remembered round
        try:
            self.navigator.select_agreement(wanted)
            if self.panel.model.agreement_id != wanted:  # the navigator kept that selection, so nothing was emitted
                self._agreement_selected(wanted)
            framework = self.panel.model.framework
            if last is not None and wanted == last[0] and framework is not None and last[1] in framework.rounds \
                    and last[1] != self.panel.model.round:
                self.set_round(last[1])
        finally:
            self._restoring = False
        self._update_round_actions()
        self._remember_place()

    def _remember_place(self) -> None:
        if self._restoring or self.session is None or self.panel is None or not self.session.is_open:
            return
        from ...exchange.demo_folders import is_demo_copy

        model = self.panel.model
        if model.agreement_id is not None and not is_demo_copy(self.session.path):
            settings.remember_place(self.session.path, model.agreement_id, model.round)

    def _show_read_only(self, session: WorkspaceSession) -> None:
        """Another person holds the workspace: say who, and offer nothing that would write."""
        reason = session.read_only_reason
        self.banner.setText(reason or "")
        self.banner.setVisible(bool(reason) or session.read_only)
        for action in (self.import_action, self.adjust_action, self.accept_action):
            action.setEnabled(not session.read_only)

    def _install_undo_actions(self, session: WorkspaceSession) -> None:
        from PySide6.QtCore import Qt

        for action in (getattr(self, "undo_action", None), getattr(self, "redo_action", None)):
            if action is not None:
                self.edit_menu.removeAction(action)
                action.deleteLater()
        # QUndoStack's own actions: their "Undo %1" text comes from Qt's translations (our qtbase_th).
        self.undo_action = session.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = session.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        first = self.edit_menu.actions()[0] if self.edit_menu.actions() else None
        insert_actions(self.edit_menu, first, [self.undo_action, self.redo_action])

    def open_path(self, path: Path) -> bool:
        """Switch to another workspace file; on failure say why and keep the current one."""
        from ...store.workspace import WorkspaceError
        from ..common.session import WorkspaceSession

        try:
            session = WorkspaceSession.open(path)
        except WorkspaceError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, self.tr("Cannot open workspace"), str(exc))
            return False
        self._close_session()
        self.install_session(session)
        if self.asks_identity:
            QTimer.singleShot(0, self, self.ask_identity_if_needed)
        return True

    def _close_session(self) -> None:
        if self._place_timer.isActive():
            self._place_timer.stop()
            self._remember_place()
        if self._features_installed:
            self.meeting_actions.close_windows()
            self.report_actions.close_windows()
        self.commit_open_editor()
        if self.details is not None:
            self.details.flush()
        if self.session is not None:
            from ...exchange.demo_folders import remove_demo_copy

            self.session.close()
            remove_demo_copy(self.session.path)  # a demo copy is for trying things out: it goes when closed
        # The warm-up froze the objects alive after ready (rating/warm_up.py): those of the workspace closed here
        # go back to the collector, which frees what is no longer used.
        gc.unfreeze()

    def open_demo(self) -> bool:
        """Try the app on a fresh copy of the demo workspace (removed again when it is closed)."""
        from ...exchange.demo import demo_workspace_copy  # the importer loads only when the demo is asked for

        return self.open_path(demo_workspace_copy())

    def open_workspace_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # Qt classes load their enums when first named: not for the shell

        start = str(self.session.path.parent) if self.session is not None else ""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open workspace"), start,
            self.tr("Workspaces ({0});;All files (*)").format(_WORKSPACE_FILTER))
        if name:
            self.open_path(Path(name))

    def new_workspace_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        start = str(self.session.path.parent) if self.session is not None else ""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("New workspace"), start, self.tr("Workspaces ({0})").format(_WORKSPACE_FILTER))
        if not name:
            return
        path = Path(name)
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            QMessageBox.warning(self, self.tr("New workspace"), self.tr(
                "{0} already exists. Use File → Open workspace… to open it.").format(path))
            return
        self.open_path(path)

    def import_agreements(self) -> None:
        from ..transfer.import_dialog import ImportDialog  # the import machinery loads only when first used

        if self.session is None:  # the empty workspace's hint, clicked before the workspace is open
            return
        dialog = ImportDialog(self.session, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        dialog.choose_files()
        self.import_dialog = dialog

    def _imported(self, summary: object) -> None:
        added = getattr(summary, "added", [])
        updated = getattr(summary, "results_updated", [])
        self.statusBar().showMessage(self.tr("Imported {0} new agreement(s); updated results of {1}.").format(
            len(added), len(updated)), 15000)
        if added:
            self.navigator.select_agreement(added[0][0])

    # --- agreements, rounds and ratings ------------------------------------------------------------------------

    def _agreement_selected(self, agreement_id: int) -> None:
        if self.panel is None or self.details is None:  # chosen in the shell's list: shown once the table is there
            return
        if agreement_id == self.panel.model.agreement_id:
            return
        self.commit_open_editor()
        self.details.flush()
        self.panel.show_agreement(agreement_id)
        self.panel.focus_first_result(take_focus=False)
        self.navigator.tree.setFocus()  # a click in the list keeps focus there; Enter moves into the table
        self._update_round_actions()

    def _focus_table(self) -> None:
        if self.panel is not None and self.panel.model.agreement is not None:
            if not self.panel.view.currentIndex().isValid():
                self.panel.focus_first_result()
            self.panel.view.setFocus()

    def set_round(self, round_: int) -> None:
        if self.panel is None or self.details is None:
            return
        self.commit_open_editor()
        self.details.flush()
        self.panel.set_round(round_)
        self._update_round_actions()

    def _update_round_actions(self) -> None:
        if self.panel is None:
            return
        framework = self.panel.model.framework
        for round_, action in self.round_actions.items():
            action.setEnabled(framework is not None and round_ in framework.rounds)
            action.setChecked(self.panel.model.round == round_)

    def _changed(self, changes: Changes) -> None:
        if changes.agreements:
            self.navigator.reload()
        if changes.evaluator_chosen or changes.panel:
            self._update_identity()
        if changes.by_undo and changes.rating and changes.agreement_id is not None and changes.round is not None:
            self._reveal(changes.agreement_id, changes.round, changes.code or "")

    def _reveal(self, agreement_id: int, round_: int, code: str) -> None:
        """After undo or redo, show the cell that changed, so the person sees what was undone."""
        assert self.panel is not None
        if self.panel.model.agreement_id != agreement_id:
            if not self.navigator.select_agreement(agreement_id):
                self.navigator.search.clear()
                self.navigator.apply_search()
                self.navigator.select_agreement(agreement_id)
        if self.panel.model.round != round_:
            self.set_round(round_)
        self.panel.focus_indicator(code, self.panel.view.currentIndex().column())

    def place(self) -> Place:
        model = None if self.panel is None else self.panel.model
        if model is None or model.agreement is None or model.agreement_id is None:
            return Place(round=12 if model is None else model.round)
        assert self.panel is not None
        return Place(model.agreement_id, model.round, self.panel.current_code(), model.agreement.agency,
                     model.agreement.fiscal_year, model.framework.rounds if model.framework is not None else (6, 9, 12))

    def select_agreement(self, agreement_id: int) -> bool:
        return self.navigator.select_agreement(agreement_id)

    def save_typing(self) -> None:
        self.commit_open_editor()
        if self.details is not None:
            self.details.flush()

    def commit_open_editor(self) -> None:
        """Commit a result still being typed (closing, switching agreement): a keystroke is never dropped."""
        if self.panel is None:
            return
        view = self.panel.view
        editor = view.indexWidget(view.currentIndex())
        if editor is not None and view.state() == view.State.EditingState:
            view.commitData(editor)
            view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)

    def adjust_score(self) -> None:
        from ..rating.adjust_dialog import AdjustScoreDialog
        from ..rating.agreement_model import OWN

        assert self.panel is not None and self.session is not None
        model = self.panel.model
        item = model.indicator_at(self.panel.view.currentIndex())
        if item is None or model.framework is None or item.thresholds is None or model.agreement is None \
                or model.agreement.is_parent(item.code):
            self.statusBar().showMessage(self.tr("Select an indicator that is scored to adjust its score."), 8000)
            return
        sheet = model.sheet(OWN)
        score = None if sheet is None else sheet.indicator(item.code)
        stored = model.stored(OWN, item.code)
        dialog = AdjustScoreDialog(
            item.code, item.name, None if score is None else score.computed_score,
            None if stored is None else stored.rating.adjusted_score,
            None if stored is None else stored.rating.adjust_reason, model.framework.max_score, self)
        if dialog.exec() != AdjustScoreDialog.DialogCode.Accepted:
            return
        if dialog.removed:
            outcome = model.adjust_score(item.code, None, None)
        else:
            outcome = model.adjust_score(item.code, dialog.score, dialog.reason)
        if not outcome.ok:
            self.statusBar().showMessage(outcome.error or "", 15000)

    def accept_reported(self) -> None:
        """The committee accepts the agency's reported result of the current indicator as its own figure: an explicit,
        audited act (Ctrl+K; undo withdraws it); without it (or an adjusted score) the indicator has no committee
        figure."""
        from ...domain.rating import SELF_ASSESSMENT
        from ...store.committee import accept_reported, withdraw_acceptances
        from ..common.changes import Change, Changes

        assert self.panel is not None and self.session is not None
        model = self.panel.model
        item = model.indicator_at(self.panel.view.currentIndex())
        agreement_id, round_ = model.agreement_id, model.round
        if item is None or agreement_id is None or model.agreement is None or model.agreement.is_parent(item.code):
            self.statusBar().showMessage(self.tr("Select an indicator with a reported result to accept it."), 8000)
            return
        code, actor = item.code, self.session.evaluator()
        # The agency's column shows whether its result is accepted: its views reload as for a change of it.
        changes = Changes(agreement_id=agreement_id, round=round_, evaluator=SELF_ASSESSMENT, code=code,
                          rating=True)
        withdraw = Change(lambda w: withdraw_acceptances(w, agreement_id, round_, [code], actor=actor), changes)
        outcome = self.session.run(Change(
            lambda w: accept_reported(w, agreement_id, round_, [code], actor=actor), changes,
            name=self.tr("Accept the reported result of indicator {0}").format(code), undo=withdraw))
        if not outcome.ok:
            self.statusBar().showMessage(outcome.error or "", 15000)
            return
        self.statusBar().showMessage(
            self.tr("The committee accepted the reported result of indicator {0}.").format(code), 8000)

    def edit_settings(self) -> None:
        from ...store.preferences import apply_time_zone, set_time_zone, time_zone
        from ...store.workspace import Workspace
        from ..common.changes import Change, Changes
        from .settings_dialog import SettingsDialog

        assert self.session is not None
        dialog = SettingsDialog(self.identity_text(), current_language(), time_zone(self.session.workspace),
                                self._choose_identity_from_settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        zone = dialog.time_zone()
        if zone != time_zone(self.session.workspace):
            session, actor = self.session, self.session.evaluator()

            def write(workspace: Workspace) -> None:
                set_time_zone(workspace, zone, actor=actor)

            outcome = session.run(Change(write, Changes()))
            if not outcome.ok:
                self.statusBar().showMessage(outcome.error or "", 15000)
            apply_time_zone(session.workspace)
            self._update_title()
        self.set_language(dialog.language())

    # --- who is using this laptop ------------------------------------------------------------------------------

    def identity_text(self) -> str:
        if self.session is None or not self.session.is_open:
            return ""
        if not self.session.identity_chosen():
            return self.tr("Not chosen yet")
        return self.session.evaluator_name()

    def ask_identity_if_needed(self) -> None:
        """Ask once: a workspace that does not know who uses this laptop (read-only ones cannot record it)."""
        session = self.session
        if session is None or not session.is_open or session.read_only or session.identity_chosen():
            return
        self.choose_identity()

    def choose_identity(self) -> bool:
        """Who are you? The member (with a panel) or the name (without one) the window records your results under."""
        session = self.session
        if session is None or not session.is_open or self._choosing_identity:
            # Asked already: opening the question moves the focus, and a cell editor losing it offers its text again,
            # which would ask again inside the first question.
            return False
        if session.read_only:
            self.statusBar().showMessage(self.tr("This workspace is read-only: who you are cannot be recorded."), 8000)
            return False
        self._choosing_identity = True
        try:
            return self._ask_identity(session)
        finally:
            self._choosing_identity = False

    def _ask_identity(self, session: WorkspaceSession) -> bool:
        from ...store.panel import load_panel
        from ...store.preferences import chosen_evaluator, identity_problem, rating_names
        from ..common.identity_dialogs import IdentityDialog

        workspace = session.workspace
        dialog = IdentityDialog(load_panel(workspace), chosen_evaluator(workspace), names=rating_names(workspace),
                                remembered=settings.remembered_name(),
                                check=lambda ident: identity_problem(workspace, ident), parent=self)
        if dialog.exec() != IdentityDialog.DialogCode.Accepted or not dialog.ident():
            self._update_identity()
            return False
        if session.identity_chosen():  # what is being typed belongs to the one chosen before (unchosen, it is refused)
            self.commit_open_editor()
            if self.details is not None:
                self.details.flush()
        outcome = session.set_evaluator(dialog.ident())
        if not outcome.ok:
            self.statusBar().showMessage(outcome.error or "", 15000)
            return False
        settings.remember_name(dialog.name())
        self._update_identity()
        self.statusBar().showMessage(self.tr("Your results are recorded under {0}.").format(
            session.evaluator_name()), 8000)
        return True

    def _choose_identity_from_settings(self) -> str:
        self.choose_identity()
        return self.identity_text()

    def _update_identity(self) -> None:
        chosen = self.session is not None and self.session.is_open and self.session.identity_chosen()
        text = self.identity_text()
        self.identity_button.setText(self.tr("You: {0}").format(text) if chosen else self.tr("Who are you? Choose…"))
        self.identity_button.setToolTip(self.tr("Your results are recorded under this name. Click to change."))
        self.identity_button.setStyleSheet("" if chosen else "color: #a31515; font-weight: bold")
        self.identity_action.setText(self.tr("&Who are you…") if not chosen
                                     else self.tr("&Who are you ({0})…").format(text))

    def set_language(self, code: str) -> None:
        if code != current_language():
            install_language(code)
            settings.set_language(code)
        self.language_actions[code].setChecked(True)

    # --- menus -------------------------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        def action(name: str, slot: Callable[..., object], shortcut: Shortcut = None) -> QAction:
            return make_action(self, name, slot, shortcut)

        self.new_action = action("newWorkspace", self.new_workspace_dialog, QKeySequence.StandardKey.New)
        self.open_action = action("openWorkspace", self.open_workspace_dialog, QKeySequence.StandardKey.Open)
        self.import_action = action("importAgreements", self.import_agreements, "Ctrl+I")
        self.quit_action = action("quit", self.close, QKeySequence("Ctrl+Q"))
        self.clear_recent_action = action("clearRecent", self.clear_recent)
        self.adjust_action = action("adjustScore", self.adjust_score, "Ctrl+J")
        self.accept_action = action("acceptReported", self.accept_reported, "Ctrl+K")
        self.find_action = action("find", self._focus_search, QKeySequence.StandardKey.Find)
        self.settings_action = action("settings", self.edit_settings, "Ctrl+,")
        self.identity_action = action("chooseIdentity", self.choose_identity)
        self.about_action = action("about", self._show_about)
        self.about_qt_action = action("aboutQt", self._show_about_qt)
        self.round_group = QActionGroup(self)
        self.round_actions: dict[int, QAction] = {}
        for round_, key in ROUND_KEYS.items():
            item = action(f"round{round_}", lambda _checked=False, r=round_: self.set_round(r), key)
            item.setCheckable(True)
            self.round_group.addAction(item)
            self.round_actions[round_] = item
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in ((THAI, "ไทย (Thai)"), (ENGLISH, "English")):
            item = action(f"language_{code}", lambda _checked=False, c=code: self.set_language(c))
            item.setText(label)  # a language is named in itself, whatever the interface language
            item.setCheckable(True)
            item.setChecked(code == current_language())
            self.language_group.addAction(item)
            self.language_actions[code] = item

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.adjust_action)
        self.edit_menu.addAction(self.accept_action)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.identity_action)
        self.edit_menu.addAction(self.settings_action)
        self.view_menu = bar.addMenu("")
        self.round_menu = QMenu(self)
        self.round_menu.addActions(list(self.round_actions.values()))
        self.view_menu.addMenu(self.round_menu)
        self.language_menu = QMenu(self)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.about_qt_action)

    def _show_about(self) -> None:
        from .about import show_about

        show_about(self)

    def _show_about_qt(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.aboutQt()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.path.resolve() if self.session is not None else None
        for number, path in enumerate((p for p in settings.recent_workspaces() if p != current and p.is_file()), 1):
            # &1 … &9: the keyboard reaches a recent file as in other desktop programs
            shown = str(path).replace("&", "&&")  # a lone & in a menu text marks the key, not the character
            label = f"&{number} {shown}" if number < 10 else shown
            item = self.recent_menu.addAction(label)
            item.setToolTip(str(path))
            item.setStatusTip(str(path))
            item.setData(str(path))
            item.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not self.recent_menu.isEmpty():
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.clear_recent_action)
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _open_recent(self, path: Path) -> None:
        if not path.is_file():  # removed since the menu was filled
            settings.forget_workspace(path)
            self._fill_recent_menu()
            self.statusBar().showMessage(self.tr("{0} is no longer there.").format(path), 15000)
            return
        self.open_path(path)

    def clear_recent(self) -> None:
        settings.clear_recent_workspaces()
        self._fill_recent_menu()

    def _focus_search(self) -> None:
        self.navigator.search.setFocus()
        self.navigator.search.selectAll()

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("&New workspace…"))
        self.open_action.setText(self.tr("&Open workspace…"))
        self.recent_menu.setTitle(self.tr("&Recent workspaces"))
        self.clear_recent_action.setText(self.tr("&Clear recent workspaces"))
        self.import_action.setText(self.tr("&Import agreements…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.adjust_action.setText(self.tr("&Adjust score…"))
        self.accept_action.setText(self.tr("Accept the reported result"))
        self.find_action.setText(self.tr("&Find agreement"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.round_menu.setTitle(self.tr("&Round"))
        for round_, item in self.round_actions.items():
            item.setText(self.tr("{0} months").format(round_))
        self.language_menu.setTitle(self.tr("&Language"))
        self.about_action.setText(self.tr("&About evaluator-app"))
        self.about_qt_action.setText(self.tr("About &Qt"))
        self._update_identity()
        self._update_title()

    # --- the title never lies ----------------------------------------------------------------------------------

    def save_state_text(self) -> str:
        if self.session is None:
            return self.tr("opening…") if self.opening is not None else ""
        from ...domain.thai_dates import clock_text
        from ..common.session import SaveState

        state = self.session.save_state()
        if state is SaveState.READ_ONLY:
            return self.tr("read-only")
        if state is SaveState.PENDING:
            return self.tr("not saved yet")
        if state is SaveState.FAILED:
            return self.tr("NOT SAVED: the last change could not be written")
        if self.session.saved_at is None:
            return self.tr("saved")
        return self.tr("saved {0}").format(clock_text(self.session.saved_at, seconds=True))

    def _update_title(self) -> None:
        path = self.session.path if self.session is not None else self.opening
        if path is None:
            return
        state = self.save_state_text()
        application = self.tr("Performance agreement evaluation")
        self.setWindowTitle(f"{path.name} — {state} — {application}")
        self.save_label.setText(state)

    # --- layout memory and closing -----------------------------------------------------------------------------

    def _restore_frame(self) -> None:
        geometry = settings.load_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 860)
        state = settings.load_bytes("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def _restore_work_layout(self) -> None:
        """The table and details splitters, once they hold the table and the details."""
        state = settings.load_bytes("window/work_splitter")
        if state is not None:
            self.work_splitter.restoreState(state)
        details = settings.load_bytes("window/details_splitter")
        if details is not None and self.details is not None:
            self.details.splitter.restoreState(details)

    def save_layout(self) -> None:
        settings.save_bytes("window/geometry", self.saveGeometry())
        settings.save_bytes("window/splitter", self.splitter.saveState())
        if self.details is not None:  # closed before the second stage: the remembered layout of the rest stays
            settings.save_bytes("window/work_splitter", self.work_splitter.saveState())
            settings.save_bytes("window/details_splitter", self.details.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        dialog = getattr(self, "import_dialog", None)
        if dialog is not None and dialog.is_busy():
            dialog.reject()  # cancels the import and waits for its thread: nothing half-written, no stray thread
        self.save_layout()
        self._close_session()
        self.session = None
        event.accept()

    def current_index(self) -> QModelIndex:
        return QModelIndex() if self.panel is None else self.panel.view.currentIndex()
