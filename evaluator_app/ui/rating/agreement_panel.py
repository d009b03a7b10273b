"""The centre of the window: which agreement and round, the indicator table, and the totals with eligibility."""

from __future__ import annotations

import html
import itertools
import re

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...domain.numbers import format4, plain
from ...domain.scoring import ScoreSheet
from ..common.language import Retranslating
from ..common.session import WorkspaceSession
from .agreement_model import OWN, SELF, AgreementModel
from .agreement_rows import NO_DATA, has_scores
from .agreement_view import ResultsView
from .cell_editing import CellEditing
from .context_menu import CellMenu
from .round_box import RoundBox
from .wrapped_label import WrappedLabel

# An era and its year, "พ.ศ. 2560", in text someone typed (a framework's name): printed as one, never parted.
_ERA_WITH_YEAR = re.compile(r"(พ\.ศ\.|ค\.ศ\.|B\.E\.|A\.D\.) (?=[0-9๐-๙])")

# After Enter the cursor moves on to the next result by itself; whoever follows the current indicator (the details
# pane, some 5 ms to render) is told this long after the last such move, so typing a column of results never waits
# for it. Less than DetailsPane's own delay after a saved rating, so the pane renders once, for the new indicator.
ANNOUNCE_AFTER_MOVE_MS = 40


class AgreementPanel(Retranslating, QWidget):
    currentIndicatorChanged = Signal(str)  # indicator code, "" when none

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.model = AgreementModel(session, self)
        self.title = WrappedLabel(self)
        self.title.setObjectName("agreementTitle")
        self.round_label = QLabel(self)
        self.round_combo = RoundBox(self)
        self.round_combo.setObjectName("round")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "12 เดือน" / "12 months"
        self.round_label.setBuddy(self.round_combo)
        self.view = ResultsView(self)
        self.view.setModel(self.model)
        self.self_toggle = QToolButton(self)
        self.self_toggle.setObjectName("selfAssessmentColumns")
        self.self_toggle.setCheckable(True)
        self.self_toggle.setChecked(True)
        self.self_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Tab from the agreement list goes to the table, never to a box that a typed result would change.
        self.chain_tab_order(None)
        self.editing = CellEditing(session, self.model, self.view, self)
        self.cell_menu: CellMenu | None = None
        self.notice = QLabel(self)  # what a paste did and refused: stays until dismissed or the next paste
        self.notice.setObjectName("pasteSummary")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_close = QToolButton(self)
        self.notice_close.setObjectName("dismissPasteSummary")
        self.notice_close.setAutoRaise(True)
        self.notice_bar = QFrame(self)
        self.notice_bar.setObjectName("pasteSummaryBar")
        self.notice_bar.setStyleSheet("#pasteSummaryBar { background: #fff3cd; border: 1px solid #e0c36c; }")
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(6, 2, 2, 2)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.notice_close, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_bar.hide()
        self.totals = WrappedLabel(self)
        self.totals.setObjectName("totals")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.self_toggle)
        top.addWidget(self.round_label)
        top.addWidget(self.round_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.totals)
        self.editing.summary.connect(self.show_notice)
        self.notice_close.clicked.connect(self.dismiss_notice)
        self.view.customContextMenuRequested.connect(self._show_cell_menu)
        # The cell menu by keyboard: the Menu key and Shift+F10 (the habit on Windows and in LibreOffice) open it at
        # the current cell, where a mouse would have opened it.
        menu_keys = QAction(self.view)
        menu_keys.setShortcuts([QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")])
        menu_keys.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu_keys.triggered.connect(
            lambda: self._show_cell_menu(self.view.visualRect(self.view.currentIndex()).center()))
        self.view.addAction(menu_keys)
        self.round_combo.activated.connect(self._round_chosen)
        self.self_toggle.toggled.connect(self.view.set_self_expanded)
        self.view.fitChanged.connect(self._fit_changed)
        self.model.loaded.connect(self._loaded)
        self.model.totalsChanged.connect(self._update_totals)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self._announced = ""  # the indicator a deferred announcement started from: what listeners last heard
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_AFTER_MOVE_MS)
        self._announce_timer.timeout.connect(self._announce_moved)
        self._placing_cursor = False  # show_agreement is loading: the details pane is told after, once
        self.retranslate()

    def show_agreement(self, agreement_id: int | None, round_: int | None = None) -> None:
        """Show the agreement with the cursor on its first result. The details pane hears once, of that indicator:
        told of "no indicator" at the reset first, it hid its form and showed it again at every switch."""
        self._placing_cursor = agreement_id is not None
        try:
            self.model.load(agreement_id, round_)
        finally:
            self._placing_cursor = False
        if agreement_id is not None:
            self.focus_first_result(take_focus=False)
            if not self.view.currentIndex().isValid():
                self.currentIndicatorChanged.emit("")

    def set_round(self, round_: int) -> None:
        code = self.current_code()
        column = self.view.currentIndex().column()
        self.model.set_round(round_)
        if code:
            self.focus_indicator(code, column)

    def current_code(self) -> str:
        item = self.model.indicator_at(self.view.currentIndex())
        return "" if item is None else item.code

    def focus_indicator(self, code: str, column: int | None = None) -> None:
        if column is None or column < 0:
            column = self.model.column("own.result") if self.model.columns else 0
        index = self.model.index_of_code(code, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def focus_first_result(self, take_focus: bool = True) -> None:
        """The cursor on the first result; `take_focus` False leaves the keyboard where it is (a click in the list
        keeps it there: passing it through the table would repaint the table and the list twice)."""
        if not self.model.columns:
            return
        index = self.view.first_result_index(self.model.column("own.result"))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        if take_focus:
            self.view.setFocus()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice_bar.show()

    def dismiss_notice(self) -> None:
        self.notice_bar.hide()
        self.view.setFocus()

    def chain_tab_order(self, before: QWidget | None) -> None:
        """Tab order: `before` (the agreement list), the table, the round box, the self-assessment toggle. The
        window calls it once the panel is in place, since widgets made earlier would otherwise come between."""
        chain = [w for w in (before, self.view, self.round_combo, self.self_toggle) if w is not None]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_cell_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        selection = self.view.selectionModel()
        if not selection.isSelected(index):  # a right-click outside the selection acts on the cell clicked
            self.view.setCurrentIndex(index)
        self.cell_menu = CellMenu(self.view, index, self._session.read_only)
        self.cell_menu.popup(self.view.viewport().mapToGlobal(position))

    def _fit_changed(self) -> None:
        self.self_toggle.blockSignals(True)
        self.self_toggle.setChecked(not self.view.fit.self_collapsed)
        self.self_toggle.blockSignals(False)

    def _round_chosen(self, position: int) -> None:
        self.set_round(int(self.round_combo.itemData(position)))

    def _loaded(self) -> None:
        self.notice_bar.hide()  # a paste summary speaks of the agreement it was pasted into
        self._announce_timer.stop()  # everyone hears the current indicator now
        self._fill_rounds()
        self._update_title()
        if not self._placing_cursor:  # show_agreement tells once the cursor is placed
            self.currentIndicatorChanged.emit(self.current_code())

    def _fill_rounds(self) -> None:
        framework = self.model.framework
        rounds = [(self.tr("{0} months").format(r), r) for r in (framework.rounds if framework is not None else ())]
        shown = [(self.round_combo.itemText(n), self.round_combo.itemData(n)) for n in range(self.round_combo.count())]
        if rounds == shown and self.round_combo.currentData() == self.model.round \
                and self.round_combo.isEnabled() == (framework is not None):
            return  # the same rounds (most agreements share a framework): refilling relaid and repainted the box
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for text, round_ in rounds:
            self.round_combo.addItem(text, round_)
        position = self.round_combo.findData(self.model.round)
        self.round_combo.setCurrentIndex(max(position, 0))
        self.round_combo.setEnabled(framework is not None)
        self.round_combo.blockSignals(False)

    def _update_title(self) -> None:
        agreement, framework = self.model.agreement, self.model.framework
        if agreement is None or framework is None:
            self.title.setText(self.tr("Choose an agreement in the list on the left."))
            return
        # The agency's name has a line of its own and wraps between its words; the year and the version start the
        # line below, each whole ("พ.ศ." never apart from its year). After the name, Qt's Thai line breaking parted
        # ปี from งบประมาณ wherever a long name ended near the line's end: no break-preventing mark stops it there
        # (word joiners break the shaping instead), but a line that starts with the year never needs to break it.
        year = self.tr("fiscal year {0}").format(agreement.fiscal_year)
        version = self.tr("version {0}").format(self.model.version_number)
        self.title.setText(
            f"<b>{html.escape(agreement.agency)}</b><br/><small>"
            + html.escape(year).replace(" ", "&nbsp;")
            + " · " + html.escape(version).replace(" ", "&nbsp;")
            + " · " + _ERA_WITH_YEAR.sub("\\1&nbsp;", html.escape(framework.name)) + "</small>")

    def _update_totals(self) -> None:
        framework = self.model.framework
        if framework is None:
            self.totals.setText("")
            return
        lines = [
            self._total_line(self.tr("Evaluator {0}").format(self._session.evaluator_name(self.model.evaluator)),
                             self.model.sheet(OWN)),
            self._total_line(self.tr("Self-assessment"), self.model.sheet(SELF)),
        ]
        self.totals.setText("<br/>".join(lines))

    def _total_line(self, who: str, sheet: ScoreSheet | None) -> str:
        if sheet is None:
            return ""
        threshold = format4(sheet.reward_threshold)
        if sheet.eligible is None:
            state = self.tr("incomplete: {0} of {1} indicators have no result yet").format(
                len(sheet.missing), len([s for s in sheet.indicators if s.counted and not s.is_parent]))
            colour = "#7a5b00"
        elif sheet.eligible:
            state = self.tr("eligible (at least {0})").format(threshold)
            colour = "#1b6e20"
        else:
            state = self.tr("not eligible (below {0})").format(threshold)
            colour = "#a31515"
        weight = "" if sheet.counted_weight == 100 else " " + self.tr("(over weight {0})").format(
            plain(sheet.counted_weight))
        total = format4(sheet.total) if has_scores(sheet) else NO_DATA
        return (f"{html.escape(who)}: <b>{total}</b>{html.escape(weight)} — "
                f"<span style='color:{colour}'>{html.escape(state)}</span>")

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        before = self.model.indicator_at(previous)
        after = self.model.indicator_at(current)
        before_code = before.code if before else ""
        overtaken = self._announce_timer.isActive()
        if overtaken:  # listeners have not heard of the moves since: they are told now, even of the same code,
            before_code = self._announced  # so that what they show is current when the person acts
            self._announce_timer.stop()
        if self.view.moving_on:
            self._announced = before_code
            self._announce_timer.start()
            return
        if overtaken or before_code != (after.code if after else ""):
            self.currentIndicatorChanged.emit(after.code if after else "")

    def _announce_moved(self) -> None:
        if not self._session.is_open:  # the window closed meanwhile: nothing to show any more
            return
        code = self.current_code()
        if code != self._announced:
            self.currentIndicatorChanged.emit(code)

    def retranslate(self) -> None:
        self.round_label.setText(self.tr("&Round:"))
        self.notice_close.setText("✕")
        self.notice_close.setToolTip(self.tr("Dismiss"))
        self.notice_close.setAccessibleName(self.tr("Dismiss"))
        self.self_toggle.setText(self.tr("All self-assessment columns"))
        self.self_toggle.setToolTip(self.tr("Show the self-assessment's weighted column too, or only its result and "
                                            "score (narrow screens)"))
        self.round_combo.setToolTip(self.tr("Reporting round in months, as the framework allows (Ctrl+6, Ctrl+9, "
                                            "Ctrl+2)"))
        self._fill_rounds()
        self._update_title()
        self._update_totals()
        self.model.relabel()
