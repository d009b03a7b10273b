"""Panel → Edit conflicts…: the ratings a member's package brought that the master's value has another history
for; both values and both authors, and the secretary keeps hers or takes the member's (store.panel_conflicts)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store.panel_conflicts import RatingConflict, list_conflicts, resolve_conflict
from ..common.changes import Change, Changes
from ..common.language import THAI, current_language
from ..common.session import WorkspaceSession
from .merge_report import RowsModel, rating_value


class ConflictsDialog(QDialog):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Edit conflicts"))
        self.resize(1100, 460)
        self._session = session
        self.items: list[RatingConflict] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = RowsModel([self.tr("No."), self.tr("Agency"), self.tr("Round"), self.tr("Indicator"),
                                self.tr("Member"), self.tr("Here (mine)"), self.tr("Changed here by"),
                                self.tr("In the package (theirs)"), self.tr("Based on"), self.tr("Why")], self)
        self.view = QTableView(self)
        self.view.setObjectName("conflictsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        self.keep_button.setObjectName("keepMine")
        self.take_button = QPushButton(self.tr("&Take theirs"), self)
        self.take_button.setObjectName("takeTheirs")
        self.keep_button.clicked.connect(lambda: self._resolve(take_theirs=False))
        self.take_button.clicked.connect(lambda: self._resolve(take_theirs=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.items = list_conflicts(self._session.workspace)
        thai = current_language() == THAI
        rows, tips = [], []
        for item in self.items:
            base = item.incoming.get("base")
            why, other = (item.th, item.en) if thai else (item.en, item.th)
            agency = f"{item.agency} {item.fiscal_year}"
            rows.append([str(item.id), agency, str(item.round), item.code, item.evaluator, rating_value(item.stored),
                         item.stored_author or "–", rating_value(item.incoming),
                         rating_value(base) if base else "–", why])
            tips.append([None, agency, None, None, None, None, None, None, None, f"{why}\n{other}"])
        self.model.set_rows(rows, tips)
        self.view.resizeColumnsToContents()
        # A long agency name (60-90 characters) would push both values off screen: elided, whole in its tooltip.
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 220))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.heading.setText(self.tr("{0} edit conflict(s) wait for your decision. Nothing was overwritten: "
                                     "keep the value here, or take the member's.").format(len(self.items))
                             if self.items else self.tr("No edit conflicts wait for a decision."))
        if self.items:
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> RatingConflict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.keep_button.setEnabled(has)
        self.take_button.setEnabled(has)

    def _resolve(self, *, take_theirs: bool) -> None:
        item = self.selected()
        if item is None:
            return
        actor = self._session.evaluator()
        outcome = self._session.run(Change(
            lambda workspace: resolve_conflict(workspace, item.id, take_theirs=take_theirs, actor=actor),
            Changes(agreement_id=item.agreement_id, round=item.round, evaluator=item.evaluator, code=item.code,
                    rating=True, panel=True)))
        if not outcome.ok:
            QMessageBox.warning(self, self.tr("Not resolved"), outcome.error or "")
            return
        self.refresh()
