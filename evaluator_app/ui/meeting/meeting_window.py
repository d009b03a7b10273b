"""Meeting mode: the negotiation on a projector. The version on the table with its weights, targets and criteria
(up to twelve indicators and the total on screen, in type as large as the screen allows), the running weight sum
with broken constraints on their cells, the what-if and the proposal below the table, redistribute with undo,
comparison of versions, propose / counter-propose / agree with the decision text, and the minutes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.meeting import Meeting
from ...domain.negotiation import SIDE_LABELS, Side, VersionStatus
from ...domain.numbers import plain
from ...domain.thai_dates import Digits, english_datetime_from_iso, thai_datetime_from_iso
from ..common.actions import Shortcut, make_action
from ..common.language import THAI, Retranslating, current_language
from ..common.messages import problems_text
from ..common.session import WorkspaceSession
from .meeting_diff import DiffDialog, version_title
from .meeting_document import MeetingDocument
from .meeting_minutes import MinutesPrinter
from .meeting_model import ProblemsListModel, VersionTableModel
from .meeting_redistribute import RedistributeDialog
from .meeting_style import FONT_SCALE, MESSAGE_STYLES, STYLE, TABLE_ROWS, chrome_points
from .meeting_undo import MeetingUndo
from .meeting_view import MeetingTableView
from .meeting_whatif import WhatIfPanel
from .minutes_dialog import MinutesDialog
from .tool_windows import fit_to_screen, keep_on_screen


class MeetingWindow(Retranslating, QMainWindow):
    """One agreement's negotiation. Every change is written at once through the store, one undo step each."""


    def __init__(self, session: WorkspaceSession, agreement_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meetingWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chrome_size = 0.0
        self.fitted_size: tuple[int, int] | None = None  # the window size the type was last fitted to
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_to_window)
        self._apply_chrome(chrome_points(1024, 768))
        self.session = session
        self.document = MeetingDocument(session, agreement_id, self)
        self._typed_minute = ""
        self.minutes = MinutesPrinter(self, self.document, session)
        self._build()
        self._connect()
        self.retranslate()
        self._show_version()
        fit_to_screen(self, 1600, 960)

    # --- building ----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("meetingTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(120)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meeting_label = QLabel(self)
        self.meeting_edit = QLineEdit(self)
        self.meeting_edit.setObjectName("meetingLabel")
        self.meeting_label.setBuddy(self.meeting_edit)
        self.version_label = QLabel(self)
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("versionCombo")
        # Bounded: a version's title with its date is long, and the row also holds the agency and the status.
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version_combo.setMinimumContentsLength(22)
        self.version_label.setBuddy(self.version_combo)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("versionStatus")
        self.message = QLabel(self)
        self.message.setObjectName("meetingMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = VersionTableModel(self.document.framework.threshold_count, self)
        self.model.set_checker(self.document.head, lambda _agreement: self.document.problems())
        self.view = MeetingTableView(self)
        self.view.setModel(self.model)
        self.view.set_type_size(QApplication.font().pointSizeF())
        self.highlight_note = QLabel(self)
        self.highlight_note.setObjectName("highlightNote")
        self.highlight_note.setWordWrap(True)
        self.weight_sum = QLabel(self)
        self.weight_sum.setObjectName("weightSum")
        self.weight_sum.setWordWrap(True)
        self.problems_model = ProblemsListModel(self)
        self.problems_view = QTableView(self)
        self.problems_view.setObjectName("problems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.horizontalHeader().hide()
        self.problems_view.verticalHeader().hide()
        self.problems_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problems_view.setWordWrap(False)
        self.problems_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.whatif = WhatIfPanel(self.document, self)

        self.side_label = QLabel(self)
        self.side_combo = QComboBox(self)
        self.side_combo.setObjectName("sideCombo")
        self.side_label.setBuddy(self.side_combo)
        self.reason_label = QLabel(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_label.setBuddy(self.reason_edit)
        self.decision_label = QLabel(self)
        self.decision_edit = QPlainTextEdit(self)
        self.decision_edit.setObjectName("decision")
        self.decision_edit.setTabChangesFocus(True)
        # Fixed, not expanding: otherwise the proposal box takes height from the table.
        self.decision_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.decision_label.setBuddy(self.decision_edit)
        self.propose_button = QPushButton(self)
        self.propose_button.setObjectName("proposeButton")
        self.counter_button = QPushButton(self)
        self.counter_button.setObjectName("counterButton")
        self.agree_button = QPushButton(self)
        self.agree_button.setObjectName("agreeButton")

        self._create_actions()
        toolbar = QToolBar(self)
        toolbar.setObjectName("meetingToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_draft_action, self.redistribute_action, self.undo_action, self.redo_action,
                       self.compare_action, self.minutes_action, self.full_screen_action, self.close_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        # One line above the table: whose agreement, which meeting, which version and what state it is in.
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.meeting_label)
        head.addWidget(self.meeting_edit)
        head.addWidget(self.version_label)
        head.addWidget(self.version_combo)
        head.addWidget(self.status_badge)
        self.meeting_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 22)

        # Below the table: the sum and what is highlighted, the broken constraints, then the what-if beside the
        # proposal: everything the room needs without covering a row (issue 14: 1024×768 up to 1920×1080).
        # The sum and the last message share a line of two rows: a message never pushes a row off the table.
        sums = QHBoxLayout()
        sums.addWidget(self.weight_sum, 2)
        sums.addWidget(self.message, 3)
        self.highlight_note.hide()  # what the highlight means is said in the table's and the sum's tooltips
        self.proposal = QGroupBox(self)
        self.proposal.setObjectName("proposal")
        proposal = QGridLayout(self.proposal)
        proposal.setContentsMargins(8, 4, 8, 4)
        proposal.setVerticalSpacing(4)
        proposal.addWidget(self.side_label, 0, 0)
        proposal.addWidget(self.side_combo, 0, 1)
        proposal.addWidget(self.reason_label, 0, 2)
        proposal.addWidget(self.reason_edit, 0, 3)
        proposal.addWidget(self.propose_button, 0, 4)
        proposal.addWidget(self.counter_button, 0, 5)
        proposal.addWidget(self.agree_button, 0, 6)
        proposal.addWidget(self.decision_label, 1, 0)
        proposal.addWidget(self.decision_edit, 1, 1, 1, 6)
        proposal.setColumnStretch(3, 1)
        for box in (self.whatif, self.proposal):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        bottom = QHBoxLayout()
        bottom.addWidget(self.whatif, 2)
        bottom.addWidget(self.proposal, 3)

        central = QWidget(self)
        central.setObjectName("meetingCentral")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addLayout(sums)
        layout.addWidget(self.problems_view)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

    def _create_actions(self) -> None:
        def action(name: str, slot: Callable[..., object], shortcut: Shortcut = None) -> QAction:
            return make_action(self, name, slot, shortcut)

        self.new_draft_action = action("newDraft", self.new_draft, "Ctrl+N")
        self.redistribute_action = action("redistribute", self.redistribute, "Ctrl+R")
        self.compare_action = action("compareVersions", self.compare_versions, "Ctrl+D")
        self.minutes_action = action("printMinutes", self.print_minutes, "Ctrl+P")
        self.full_screen_action = action("fullScreen", self.toggle_full_screen, "F11")
        self.full_screen_action.setCheckable(True)
        self.close_action = action("closeMeeting", self.close, QKeySequence.StandardKey.Close)
        self.leave_full_screen = action("leaveFullScreen", self._leave_full_screen, "Esc")
        for item in (self.new_draft_action, self.redistribute_action, self.compare_action, self.minutes_action,
                     self.full_screen_action, self.close_action, self.leave_full_screen):
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(item)
        self.undo_steps = MeetingUndo(self, self.document, self.commit_open_editor, self.show_message)
        self.undo_action, self.redo_action = self.undo_steps.undo_action, self.undo_steps.redo_action

    def _connect(self) -> None:
        document = self.document
        document.versionsChanged.connect(self._show_version)
        document.indicatorsChanged.connect(self._indicators_changed)
        document.refused.connect(lambda text: self.show_message(text, "refusal"))
        document.notice.connect(lambda text: self.show_message(text, "notice"))
        self.minutes.message.connect(self.show_message)
        self.minutes.busyChanged.connect(lambda busy: self.minutes_action.setEnabled(not busy))
        self.session.writeFailed.connect(lambda text: self.show_message(text, "refusal"))  # an undo refused
        self.model.changeRequested.connect(document.change)
        self.model.refused.connect(self._cell_refused)
        self.view.editRefused.connect(self._edit_refused)
        self.view.delegate.editingChanged.connect(lambda typing: self.session.set_pending("meeting cell", typing))
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_actions())
        self.version_combo.activated.connect(self._version_chosen)
        self.problems_view.clicked.connect(self._problem_clicked)
        self.propose_button.clicked.connect(lambda: self.put_forward(VersionStatus.PROPOSAL))
        self.counter_button.clicked.connect(lambda: self.put_forward(VersionStatus.COUNTER_PROPOSAL))
        self.agree_button.clicked.connect(self.agree)
        self.decision_edit.textChanged.connect(self._decision_typed)

    # --- showing the version -----------------------------------------------------------------------------------

    def _show_version(self) -> None:
        document = self.document
        version = document.version
        self._fill_versions()
        self._load_model()
        self._update_badge()
        self._update_decision()
        self._update_constraints()
        self._update_actions()
        head = document.head
        self._title = f"{head.agency} · " + self.tr("fiscal year {0}").format(head.fiscal_year)
        self.title.setToolTip(f"{self._title}\n{document.framework.name}")
        self._elide_title()
        base = document.baseline()
        self.highlight_note.setText(
            self.tr("Highlighted: what differs from version {0} ({1}).").format(base.number, base.label()[
                0 if current_language() == THAI else 1]) if base is not None else "")
        self.view.setToolTip(self.highlight_note.text())
        self.weight_sum.setToolTip(self.highlight_note.text())
        if version.reason:
            self.reason_edit.setPlaceholderText(version.reason)

    def _load_model(self) -> None:
        rows = self.model.rowCount()
        self._load_rows()
        if self.model.rowCount() != rows:
            self.schedule_fit()

    def _load_rows(self) -> None:
        """Load the set on screen, keeping the cell the person was on and the keyboard focus: a version shown anew
        (a draft started by typing in a proposal) resets the table, and its open editor took the focus with it."""
        current = self.model.indicator_at(self.view.currentIndex())
        key = self.model.columns[self.view.currentIndex().column()] if current is not None else "weight"
        focus = QApplication.focusWidget()
        had_focus = focus is None or focus is self.view or self.view.isAncestorOf(focus)
        self.model.load(self.document.indicators, editable=self.document.can_edit(),
                        diff=self.document.baseline_diff())
        self.view.fit_columns()
        if current is not None:
            index = self.model.index_of(current.code, key)
            if index.isValid():
                self.view.setCurrentIndex(index)
        if had_focus and self.isActiveWindow():
            self.view.setFocus()

    def _fill_versions(self) -> None:
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for version in self.document.versions:
            # the one clock (domain/thai_dates.py): the display zone, Buddhist Era, in either language
            when = thai_datetime_from_iso(version.created_at) if current_language() == THAI \
                else english_datetime_from_iso(version.created_at)
            self.version_combo.addItem(f"{version_title(version)} · {when}", version.number)
        self.version_combo.setCurrentIndex(self.version_combo.findData(self.document.version.number))
        self.version_combo.blockSignals(False)

    def _update_badge(self) -> None:
        version = self.document.version
        th, en = version.label()
        label = th if current_language() == THAI else en
        if version.locked:
            text = self.tr("{0}: locked, read-only").format(label)
            style = "background: #1f2937; color: white; padding: 6px 12px; font-weight: bold"
        elif self.session.read_only:
            text = self.tr("{0}: the workspace is read-only").format(label)
            style = "background: #6b4e00; color: white; padding: 6px 12px; font-weight: bold"
        elif version.status is VersionStatus.DRAFT:
            text = self.tr("{0}: being edited").format(label)
            style = "background: #ffe066; color: black; padding: 6px 12px; font-weight: bold"
        else:
            text = self.tr("{0}: an edit starts a draft from it").format(label)
            style = "background: #0b3d91; color: white; padding: 6px 12px; font-weight: bold"
        self.status_badge.setText(text)
        self.status_badge.setStyleSheet(style)

    def _update_decision(self) -> None:
        version = self.document.version
        self.decision_edit.blockSignals(True)
        if version.locked:
            self.decision_edit.setPlainText(version.minute or "")
            self.decision_edit.setReadOnly(True)
        else:
            self.decision_edit.setPlainText(self._typed_minute)
            self.decision_edit.setReadOnly(self.session.read_only)
        self.decision_edit.blockSignals(False)

    def _decision_typed(self) -> None:
        if not self.document.locked:
            self._typed_minute = self.decision_edit.toPlainText()

    def _indicators_changed(self) -> None:
        if self.model.indicators and [i.code for i in self.model.indicators] == \
                [i.code for i in self.document.indicators]:
            self.model.editable = self.document.can_edit()
            self.model.update(self.document.indicators, self.document.baseline_diff())
        else:
            self._load_model()
        self._fill_versions()
        self._update_badge()
        self._update_constraints()
        self._update_actions()

    def _update_constraints(self) -> None:
        problems = self.model.problems
        self.problems_model.set_problems(problems)
        if self.problems_view.isVisibleTo(self) != bool(problems):
            self.problems_view.setVisible(bool(problems))
            self.schedule_fit()  # the table gives the list its lines
        self._size_problems()
        total = self.model.weight_sum()
        if not problems:
            text = self.tr("Weight sum {0} of 100 · every constraint is met").format(plain(total))
            style = "color: #0a5c16; font-weight: bold"
        else:
            text = self.tr("Weight sum {0} of 100 · {1} constraint(s) broken: it can be kept as a draft, "
                           "not proposed or agreed").format(plain(total), len(problems))
            if total != 100:
                text += " · " + self.tr("Redistribute (Ctrl+R) brings the total back to 100")
            style = "color: #8b0000; font-weight: bold"
        self.weight_sum.setText(text)
        self.weight_sum.setStyleSheet(style)

    def _size_problems(self) -> None:
        """One line of broken constraints on a small screen, up to three on a large one; the rest scroll."""
        lines = 1 if self.height() < 900 else 3
        row = self.problems_view.fontMetrics().lineSpacing() + 6
        self.problems_view.verticalHeader().setDefaultSectionSize(row)
        self.problems_view.setFixedHeight(row * min(max(len(self.problems_model.problems), 1), lines)
                                          + 2 * self.problems_view.frameWidth())

    # --- fitting the screen ------------------------------------------------------------------------------------

    def _apply_chrome(self, points: float) -> None:
        if points != self.chrome_size:
            self.chrome_size = points
            self.setStyleSheet(STYLE % {"size": points, "big": points * 1.3})

    def schedule_fit(self) -> None:
        """Fit the type once the window has settled (a resize comes in many steps while a window is dragged)."""
        self.fitted_size = None
        self._fit_timer.start()

    def fit_to_window(self) -> None:
        """The window's type from its size, then the table's so that up to TABLE_ROWS rows fit what is left."""
        self._apply_chrome(chrome_points(self.width(), self.height()))
        self.decision_edit.setFixedHeight(self.decision_edit.fontMetrics().lineSpacing() * 2 + 10)
        self.meeting_edit.setMaximumWidth(self.meeting_edit.fontMetrics().averageCharWidth() * 22)
        self._size_problems()
        # The banner keeps two lines whatever it says (the whole text is in its tooltip), so a longer message
        # never pushes the total off the table.
        two_lines = self.message.fontMetrics().lineSpacing() * 2 + 10
        self.message.setFixedHeight(two_lines)
        self.weight_sum.setFixedHeight(two_lines)
        for widget in (self.whatif, self.proposal, self.view, self.weight_sum, self.message):
            widget.updateGeometry()  # their size caches in the layout
        central = self.centralWidget()
        for layout in (self.layout(), central.layout() if central is not None else None):
            if layout is not None:
                layout.invalidate()  # sizes just changed by the new type are not yet in the layout's caches
                layout.activate()
        rows = max(min(self.model.rowCount(), TABLE_ROWS), 1)
        self.view.fit_type(rows, QApplication.font().pointSizeF() * FONT_SCALE)
        self._elide_title()
        self.fitted_size = (self.width(), self.height())

    def _elide_title(self) -> None:
        text = getattr(self, "_title", "")
        width = self.title.width() if self.title.isVisible() else 400
        self.title.setText(self.title.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.schedule_fit()

    def _update_actions(self) -> None:
        document = self.document
        writable = not self.session.read_only
        open_version = not document.locked
        valid = not self.model.problems
        self.new_draft_action.setEnabled(writable)
        current = self.model.indicator_at(self.view.currentIndex())
        self.redistribute_action.setEnabled(writable and open_version and current is not None)
        self.propose_button.setEnabled(writable and open_version and valid)
        self.counter_button.setEnabled(writable and open_version and valid)
        self.agree_button.setEnabled(writable and open_version and valid)
        tip = "" if valid else self.tr("Mend the broken constraints first; a draft keeps the work meanwhile.")
        for button in (self.propose_button, self.counter_button, self.agree_button):
            button.setToolTip(tip if open_version else self.tr("This version is agreed and locked."))
        self.side_combo.setEnabled(writable and open_version)
        self.reason_edit.setEnabled(writable and open_version)

    # --- messages ----------------------------------------------------------------------------------------------

    def show_message(self, text: str, kind: str = "notice") -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(MESSAGE_STYLES[kind])
        self.message.setProperty("kind", kind)
        self.message.show()

    def clear_message(self) -> None:
        self.message.hide()
        self.message.setText("")

    def _cell_refused(self, index: QModelIndex, text: str) -> None:
        self.show_message(text, "refusal")
        self.view.show_message_at(index, text)

    def _edit_refused(self, index: QModelIndex) -> None:
        version = self.document.version
        if self.session.read_only:
            text = self.session.read_only_reason or self.tr("The workspace is open read-only.")
        else:
            from ...domain.problems import ProblemsError
            from ...store.versions import guard_unlocked

            try:
                guard_unlocked(version)
                text = ""
            except ProblemsError as exc:
                text = problems_text(exc)
            text += "\n" + self.tr("To negotiate changes, start a new draft from it (Ctrl+N).")
        self._cell_refused(index, text.strip())

    # --- acting ------------------------------------------------------------------------------------------------

    def _version_chosen(self, position: int) -> None:
        self.commit_open_editor()
        self.clear_message()
        self.document.show_version(int(self.version_combo.itemData(position)))

    def show_version(self, number: int) -> None:
        self.version_combo.setCurrentIndex(self.version_combo.findData(number))
        self._version_chosen(self.version_combo.currentIndex())

    def _problem_clicked(self, index: QModelIndex) -> None:
        if not 0 <= index.row() < len(self.problems_model.problems):
            return
        cells = self.model.cells_of(self.problems_model.problems[index.row()])
        if cells:
            target = self.model.index_of(*cells[0])
            if target.isValid():
                self.view.setCurrentIndex(target)
                self.view.scrollTo(target)
                self.view.setFocus()

    def new_draft(self) -> None:
        self.commit_open_editor()
        draft = self.document.new_draft()
        if draft is not None:
            self.show_message(self.tr("Draft {0} started from version {1}.").format(
                draft.number, draft.based_on), "notice")
            self.focus_cell(self.model.indicators[0].code if self.model.indicators else "", "weight")

    def focus_cell(self, code: str, key: str) -> None:
        index = self.model.index_of(code, key)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.view.setFocus()

    def redistribute(self) -> None:
        self.commit_open_editor()
        current = self.model.indicator_at(self.view.currentIndex())
        if current is None:
            self.show_message(self.tr("Select the indicator whose weight changes first."), "notice")
            return
        if self.document.locked or self.session.read_only:
            self._edit_refused(self.view.currentIndex())
            return
        siblings = self.model.siblings_of(current.code)
        selected = {self.model.indicator_at(i).code for i in self.view.selectionModel().selectedIndexes()  # type: ignore[union-attr]
                    if self.model.indicator_at(i) is not None}
        ticked = [s.code for s in siblings if s.code in selected]
        dialog = RedistributeDialog(self.document.indicators, current.code, siblings, self.document.framework,
                                    ticked, self)
        self.redistribute_dialog = dialog
        if dialog.exec() != RedistributeDialog.DialogCode.Accepted or dialog.redistribution is None:
            return
        if self.document.change(dialog.redistribution.indicators, dialog.step_text()):
            self.show_message(self.tr("{0} weight(s) changed; Undo (Ctrl+Z) restores them in one step.").format(
                len(dialog.redistribution.changes)), "notice")

    def compare_versions(self) -> None:
        self.commit_open_editor()
        document = self.document
        base = document.baseline()
        old = base.number if base is not None else document.versions[0].number
        dialog = DiffDialog(document.versions, old, document.version.number, document.framework.threshold_count,
                            self)
        dialog.largest_type = self.view.type_size or QApplication.font().pointSizeF()
        # Over meeting mode, a little smaller than it (so that it fits whatever screen meeting mode fits).
        dialog.resize(min(1400, int(self.width() * 0.95)), int(self.height() * 0.92))
        self.diff_dialog = dialog
        dialog.open()

    def put_forward(self, status: VersionStatus) -> None:
        self.commit_open_editor()
        side = str(self.side_combo.currentData() or Side.COMMITTEE.value)
        version = self.document.put_forward(status, side, self.reason_edit.text().strip(),
                                            self.meeting_edit.text().strip())
        self.undo_steps.update()
        if version is not None:
            self.reason_edit.clear()
            self.show_message(self.tr("Version {0} put forward ({1}).").format(
                version.number, version.label()[0 if current_language() == THAI else 1]), "notice")

    def agree(self) -> None:
        self.commit_open_editor()
        version = self.document.version
        minute = self.decision_edit.toPlainText().strip()
        question = self.tr("Agree version {0} as it stands? It is locked from then on; a later change is a new "
                           "version.").format(version.number)
        if not minute:
            question += "\n\n" + self.tr("No decision text has been typed for the minutes.")
        answer = QMessageBox.question(self, self.tr("Agree version"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        agreed = self.document.agree(minute, self.meeting_edit.text().strip())
        self.undo_steps.update()
        if agreed is None:
            return
        self._typed_minute = ""
        self._update_decision()
        self.show_message(self.tr("Version {0} is agreed and locked. The decision is its minute.").format(
            agreed.number), "notice")

    # --- minutes -----------------------------------------------------------------------------------------------

    def _minutes_session(self) -> str | None:
        """The meeting typed above, when versions of it exist; otherwise the whole negotiation."""
        label = self.meeting_edit.text().strip()
        return label if label and any(v.session == label for v in self.document.versions) else None

    def print_minutes(self) -> None:
        self.commit_open_editor()
        self.minutes.print_minutes(self._minutes_session(), self._ask_meeting)

    @property
    def last_minutes(self) -> Path | None:
        return self.minutes.last_minutes

    def _ask_meeting(self) -> tuple[Meeting, Digits] | None:
        from ...domain.meeting import Attendee
        from ...store.panel import load_panel

        panel = load_panel(self.session.workspace)
        attendees = () if panel is None else tuple(Attendee(m.name, m.title_th, m.position)
                                                   for m in panel.in_signing_order())
        dialog = MinutesDialog(self.meeting_edit.text().strip(), attendees, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        details = (dialog.meeting, dialog.digits)
        dialog.deleteLater()
        return details if accepted else None

    def is_busy(self) -> bool:
        return self.minutes.is_busy()

    # --- window ------------------------------------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self._leave_full_screen()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def _leave_full_screen(self) -> None:
        """Back to a normal window that fits the screen: one as large as the screen (1600×960 was kept on a
        1280×800 projector) looks as if full screen had not been left."""
        if self.isFullScreen():
            self.showNormal()
            keep_on_screen(self)
            self.full_screen_action.setChecked(False)

    def commit_open_editor(self) -> None:
        view = self.view
        editor = view.indexWidget(view.currentIndex())
        if editor is not None and view.state() == view.State.EditingState:
            view.commitData(editor)
            view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.is_open:
            self.commit_open_editor()
        self.minutes.wait()
        self.session.set_pending("meeting cell", False)
        event.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Meeting mode — {0} {1}").format(self.document.head.agency,
                                                                      self.document.head.fiscal_year))
        self.meeting_label.setText(self.tr("&Meeting:"))
        self.meeting_edit.setPlaceholderText(self.tr("e.g. No. 1/2569"))
        self.version_label.setText(self.tr("&Version:"))
        self.side_label.setText(self.tr("Put forward &by:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("why this proposal (for the minutes)"))
        self.decision_label.setText(self.tr("&Decision:"))
        self.proposal.setTitle(self.tr("Put forward and agree"))
        self.decision_edit.setPlaceholderText(self.tr("The decision of the meeting; it becomes the minute of the "
                                                      "version when it is agreed"))
        self.propose_button.setText(self.tr("&Propose"))
        self.counter_button.setText(self.tr("Co&unter-propose"))
        self.agree_button.setText(self.tr("A&gree"))
        self.new_draft_action.setText(self.tr("New draft"))
        self.new_draft_action.setToolTip(self.tr("A working copy of the version on screen (Ctrl+N)"))
        self.redistribute_action.setText(self.tr("Redistribute…"))
        self.redistribute_action.setToolTip(self.tr("Change one weight and spread the difference (Ctrl+R)"))
        self.compare_action.setText(self.tr("Compare versions…"))
        self.minutes_action.setText(self.tr("Print minutes…"))
        self.minutes_action.setToolTip(self.tr("The minutes of the negotiation as a PDF (Ctrl+P)"))
        self.full_screen_action.setText(self.tr("Full screen"))
        self.close_action.setText(self.tr("Close"))
        self.side_combo.blockSignals(True)
        current = self.side_combo.currentData()
        self.side_combo.clear()
        for side in (Side.COMMITTEE, Side.AGENCY):
            th, en = SIDE_LABELS[side]
            self.side_combo.addItem(th if current_language() == THAI else en, side.value)
        self.side_combo.setCurrentIndex(max(self.side_combo.findData(current), 0))
        self.side_combo.blockSignals(False)
        if hasattr(self, "document") and self.model.rowCount():
            self.undo_steps.update()
            self.model.relabel()
            self._show_version()
