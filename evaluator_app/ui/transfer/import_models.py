"""Table models of an import preview: the rows as they will be read, and every problem with its place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.problems import Problem
from ..common.language import THAI, current_language
from ..common.messages import problem_text

Index = QModelIndex | QPersistentModelIndex

_ROLE_COLOURS = {"dimension-header": QColor("#e8eef7"), "title": QColor("#f2f2f2"), "blank": QColor("#fafafa")}


class ReadRowsModel(QAbstractTableModel):
    """One line per row read: where it is, what it was taken for, and its cells under canonical column names."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._columns: list[Any] = []  # exchange.columns.Column of the columns some row fills
        self._problem_rows: set[tuple[str, str | None, int]] = set()

    def set_reading(self, rows: Sequence[Any], columns: Sequence[Any], problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        used = {name for row in self._rows for name, value in row.values.items() if value}
        self._columns = [column for column in columns if column.name in used]
        self._problem_rows = {(p.file or "", p.sheet, p.row) for p in problems if p.row is not None}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4 + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._rows) else None
        fixed = (self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Read as"))
        if 0 <= section < 4:
            return fixed[section]
        if 4 <= section < 4 + len(self._columns):
            column = self._columns[section - 4]
            return column.thai if current_language() == THAI else column.english
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.file
            if column == 1:
                return row.sheet or ""
            if column == 2:
                return row.row
            if column == 3:
                return self._role_text(row.role)
            if 4 <= column < 4 + len(self._columns):
                return row.values.get(self._columns[column - 4].name, "")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row.file, row.sheet, row.row) in self._problem_rows:
                return QBrush(QColor("#fde2e1"))
            colour = _ROLE_COLOURS.get(row.role)
            return None if colour is None else QBrush(colour)
        return None

    def _role_text(self, role: str) -> str:
        return {"indicator": self.tr("indicator"), "dimension-header": self.tr("dimension heading"),
                "blank": self.tr("blank"), "title": self.tr("title")}.get(role, role)


class ProblemsModel(QAbstractTableModel):
    """Every problem found, placed on its file, sheet, row and column, in the interface language first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem"))
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (problem.file or "", problem.sheet or "", "" if problem.row is None else problem.row,
                      problem.column or problem.field or "", problem_text(problem))
            return values[index.column()] if 0 <= index.column() < len(values) else None
        return None
