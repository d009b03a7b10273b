"""Panel → Panel matrix: members × indicators for the agreement and round chosen in the main window, sorted by
spread so the meeting starts with its disagreements; the history of the selected cell; the chair's consensus entry.

A member who declared a conflict with the agency sees nobody else's ratings of it (store.panel_results.visible_ratings).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import format4
from ...domain.problems import ProblemsError
from ...store.agreements import load_agreement
from ...store.frameworks import get_framework
from ...store.panel import load_panel, result_state, submissions
from ...store.panel_results import has_rated_own, panel_result, visible_ratings
from ...store.workspace import WorkspaceError
from ..common.cell_history import consensus_history, rating_history
from ..common.changes import Changes
from ..common.language import Retranslating
from ..common.messages import problems_text
from ..common.panel_texts import rule_text
from ..common.session import WorkspaceSession
from .panel_matrix_model import CODE_ROLE, MEMBER_ROLE, SORT_ROLE, SPREAD_HIGH, SPREAD_LOW, MatrixData, PanelMatrixModel


class PanelMatrixWindow(Retranslating, QWidget):
    consensusRequested = Signal(str)  # indicator code
    finaliseRequested = Signal()
    reopenRequested = Signal()

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("panelMatrix")
        # A projector of 1024×768 is common. (The parent's screen: asking an unshown window sets it up early.)
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1280, area.width() - 40), min(720, area.height() - 60))
        self._session = session
        self.agreement_id: int | None = None
        self.round = 12
        self.model = PanelMatrixModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.heading = QLabel(self)
        self.heading.setObjectName("matrixHeading")
        self.heading.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("matrixNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px")
        self.notice.hide()
        self.view = QTableView(self)
        self.view.setObjectName("matrixView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.legend = QLabel(self)
        self.legend.setObjectName("matrixLegend")
        self.totals = QLabel(self)
        self.totals.setObjectName("matrixTotals")
        self.totals.setWordWrap(True)
        self.history = QTextBrowser(self)
        self.history.setObjectName("cellHistory")
        self.consensus_button = QPushButton(self)
        self.consensus_button.setObjectName("enterConsensus")
        self.finalise_button = QPushButton(self)
        self.finalise_button.setObjectName("finaliseResult")
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopen")
        buttons = QHBoxLayout()
        buttons.addWidget(self.legend, 1)
        for button in (self.consensus_button, self.finalise_button, self.reopen_button):
            buttons.addWidget(button)
        table = QWidget(self)
        table_layout = QVBoxLayout(table)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.totals)
        table_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(table)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 140])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self.consensus_button.clicked.connect(self._consensus_clicked)
        self.finalise_button.clicked.connect(self.finaliseRequested)
        self.reopen_button.clicked.connect(self.reopenRequested)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        session.changed.connect(self._changed)
        # A tool window beside the main one: Esc and Ctrl+W close it, as they close a dialog.
        self.close_action = QAction(self)
        self.close_action.setObjectName("closeMatrix")
        self.close_action.setShortcuts(list(dict.fromkeys(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W"),
             QKeySequence(Qt.Key.Key_Escape)])))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self.retranslate()

    # --- what is shown -----------------------------------------------------------------------------------------

    def show_agreement(self, agreement_id: int | None, round_: int) -> None:
        if (agreement_id, round_) != (self.agreement_id, self.round):
            self.agreement_id, self.round = agreement_id, round_
            self.reload(default_sort=True)

    def reload(self, default_sort: bool = False) -> None:
        """Read the panel's figures again; keep the person's sort order and selected cell when the columns stay."""
        code, member = self.selected_cell()
        old_columns = [(c.key, c.member.id if c.member else None) for c in self.model.columns]
        data, problem = self._read()
        self.model.set_data(data)
        self.notice.setText(problem)
        self.notice.setVisible(bool(problem))
        new_columns = [(c.key, c.member.id if c.member else None) for c in self.model.columns]
        header = self.view.horizontalHeader()
        if default_sort or new_columns != old_columns:
            spread = self.model.column_of("spread")
            # The meeting starts with its disagreements; with the spread hidden, in the agreement's order.
            self.view.sortByColumn(spread if spread >= 0 else 0, Qt.SortOrder.DescendingOrder if spread >= 0
                                   else Qt.SortOrder.AscendingOrder)
            self.view.resizeColumnsToContents()
            name = self.model.column_of("name")
            if name >= 0:
                header.resizeSection(name, min(max(header.sectionSize(name), 200), 300))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._show_heading(data)
        self._show_totals(data)
        self.legend.setVisible(self.model.column_of("spread") >= 0)
        if code:
            self.select_cell(code, member)
        self._update_buttons()
        self._show_history()

    def _read(self) -> tuple[MatrixData | None, str]:
        if self.agreement_id is None or not self._session.is_open:
            return None, self.tr("Choose an agreement in the main window.")
        workspace = self._session.workspace
        panel = load_panel(workspace)
        if panel is None:
            return None, self.tr("This workspace has no panel yet: set it up with Panel → Panel setup…, or "
                                 "import the secretary's panel package.")
        try:
            agreement = load_agreement(workspace, self.agreement_id).agreement
            framework = get_framework(workspace, agreement.framework_id or "")
            if self.round not in framework.rounds:
                self.round = framework.rounds[-1]
            result = panel_result(workspace, self.agreement_id, self.round)
            viewer = self._session.evaluator()
            visible = frozenset(visible_ratings(workspace, self.agreement_id, self.round, viewer))
        except ProblemsError as exc:
            return None, problems_text(exc)
        except (WorkspaceError, KeyError) as exc:
            return None, str(exc)
        state = result_state(workspace.conn, self.agreement_id, self.round)
        conflicted = panel.conflict(viewer, agreement.agency) is not None
        before_own = not has_rated_own(workspace, self.agreement_id, self.round, viewer)
        masked = conflicted or before_own
        data = MatrixData(
            panel=panel, result=result, max_score=framework.max_score, viewer=viewer, masked=masked, visible=visible,
            submissions={s.evaluator: s for s in submissions(workspace, self.agreement_id, self.round)},
            finalised=bool(state and state.finalised))
        notice = self.tr("You declared a conflict of interest with {0}: the other members' ratings of it are "
                         "hidden from you, and yours do not count.").format(agreement.agency) if conflicted else (
            self.tr("The other members' ratings of {0} stay hidden until you submit your own (Panel → Submit my "
                    "ratings…).").format(agreement.agency) if before_own else "")
        return data, notice

    def _show_heading(self, data: MatrixData | None) -> None:
        if data is None:
            self.heading.setText("")
            self.setWindowTitle(self.tr("Panel matrix"))
            return
        result = data.result
        state = self.tr("finalised (read-only)") if data.finalised else self.tr("open")
        self.setWindowTitle(self.tr("Panel matrix — {0}").format(result.agency))
        self.heading.setText(
            f"<b>{html.escape(result.agency)}</b> · " + html.escape(self.tr("round {0} months").format(result.round))
            + " · " + html.escape(rule_text(result.rule)) + " · " + html.escape(state))

    def _show_totals(self, data: MatrixData | None) -> None:
        if data is None or data.masked:
            self.totals.setText("")
            return
        members = " · ".join(
            f"{html.escape(m)} {format4(sheet.total) if any(i.score is not None for i in sheet.indicators) else '–'}"
            for m, sheet in data.result.member_sheets.items())
        sheet = data.result.sheet
        total = format4(sheet.total)
        missing = "" if not sheet.missing else " " + html.escape(
            self.tr("(no panel figure yet for {0})").format(", ".join(sheet.missing)))
        excluded = "" if not data.result.excluded else "<br/>" + html.escape(
            self.tr("Not counted (conflict of interest): {0}").format(", ".join(data.result.excluded)))
        self.totals.setText(html.escape(self.tr("Members' totals:")) + f" {members}<br/>"
                            + html.escape(self.tr("Panel total:")) + f" <b>{total}</b>{missing}{excluded}")

    # --- the selected cell -------------------------------------------------------------------------------------

    def selected_cell(self) -> tuple[str, str | None]:
        """(indicator code, member id or None) of the selected cell; ("", None) when nothing is selected."""
        index = self.view.currentIndex()
        if not index.isValid():
            return "", None
        return str(index.data(CODE_ROLE) or ""), index.data(MEMBER_ROLE)

    def select_cell(self, code: str, member: str | None = None, key: str | None = None) -> QModelIndex:
        row = self.model.row_of_code(code)
        if member is not None:
            column = self.model.column_of("member", member)
            if column < 0:
                column = self.model.column_of("excluded", member)
        else:
            column = self.model.column_of(key or "figure")
        if row < 0:
            return QModelIndex()
        index = self.proxy.mapFromSource(self.model.index(row, max(column, 0)))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return index

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        self._show_history()

    def _show_history(self) -> None:
        code, member = self.selected_cell()
        data = self.model.data_
        if not code or data is None or self.agreement_id is None or not self._session.is_open:
            self.history.setHtml("<p>" + html.escape(self.tr(
                "Select a member's score to see its history, or the panel figure for the consensus history."))
                + "</p>")
            return
        conn = self._session.workspace.conn
        if member is not None:
            heading = self.tr("History of {0}'s rating of indicator {1}, round {2} months").format(
                member, code, self.round)
            lines = rating_history(conn, self.agreement_id, code, self.round, member)
        else:
            heading = self.tr("History of the consensus of indicator {0}, round {1} months").format(code, self.round)
            lines = consensus_history(conn, self.agreement_id, code, self.round)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines) or \
            "<li>" + html.escape(self.tr("no changes recorded")) + "</li>"
        self.history.setHtml(f"<p><b>{html.escape(heading)}</b></p><ul>{items}</ul>")

    def _update_buttons(self) -> None:
        data = self.model.data_
        code, _member = self.selected_cell()
        writable = self._session.is_open and not self._session.read_only
        usable = writable and data is not None and not data.masked
        self.consensus_button.setEnabled(usable and bool(code) and data is not None and not data.finalised)
        self.finalise_button.setEnabled(usable and data is not None and not data.finalised)
        self.reopen_button.setEnabled(usable)

    def _consensus_clicked(self) -> None:
        code, _member = self.selected_cell()
        if code:
            self.consensusRequested.emit(code)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(MEMBER_ROLE) is None and self.consensus_button.isEnabled():
            self.consensusRequested.emit(str(index.data(CODE_ROLE)))

    def _changed(self, changes: Changes) -> None:
        """Members, conflicts, rule and decisions concern every agreement; ratings and reports only their round."""
        if not self._session.is_open:
            return
        here = changes.agreement_id in (None, self.agreement_id) and changes.round in (None, self.round)
        if changes.agreements or changes.evaluator_chosen or (changes.panel and here) \
                or ((changes.rating or changes.report) and here and changes.agreement_id is not None):
            self.reload()

    # --- language ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.consensus_button.setText(self.tr("Enter &consensus…"))
        self.finalise_button.setText(self.tr("&Finalise…"))
        self.reopen_button.setText(self.tr("&Reopen…"))
        low, high = SPREAD_LOW.name(), SPREAD_HIGH.name()
        self.legend.setText(
            html.escape(self.tr("Spread:")) + f" <span style='background:{low}'>&nbsp;"
            + html.escape(self.tr("small")) + f"&nbsp;</span> → <span style='background:{high}'>&nbsp;"
            + html.escape(self.tr("half the score range or more")) + "&nbsp;</span>")
        self.model.relabel()
        self._show_heading(self.model.data_)
        self._show_totals(self.model.data_)
        self._show_history()
