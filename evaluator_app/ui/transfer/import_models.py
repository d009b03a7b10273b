"""Table models of an import preview: the rows as they will be read, and every problem with its place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.problems import Problem
from ..common.cell_names import cell_name
from ..common.language import THAI, current_language
from ..common.list_model import ListTableModel
from ..common.messages import problem_text

Index = QModelIndex | QPersistentModelIndex

_ROLE_COLOURS = {"dimension-header": QColor("#e8eef7"), "title": QColor("#f2f2f2"), "blank": QColor("#fafafa")}


class ReadRowsModel(QAbstractTableModel):
    """One line per row read: where it is, what it was taken for, and its cells under canonical column names.

    The columns that say which indicator a row is come first (code, name, weight, result), then the rest in the
    file's usual order: on a laptop the indicators are what is checked, not the agency repeated on every row.
    """

    FILE, SHEET, ROW, READ_AS, FIRST_VALUE = 0, 1, 2, 3, 4
    LEADING = ("code", "name", "weight", "result")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._columns: list[Any] = []  # exchange.columns.Column of the columns some row fills
        self._problem_rows: set[tuple[str, str | None, int]] = set()

    def set_reading(self, rows: Sequence[Any], columns: Sequence[Any], problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        used = {name for row in self._rows for name, value in row.values.items() if value}
        present = [column for column in columns if column.name in used]
        leading = [c for name in self.LEADING for c in present if c.name == name]
        self._columns = leading + [c for c in present if c.name not in self.LEADING]
        self._problem_rows = {(p.file or "", p.sheet, p.row) for p in problems if p.row is not None}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_VALUE + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._rows) else None
        fixed = (self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Read as"))
        if 0 <= section < 4:
            return fixed[section]
        if self.FIRST_VALUE <= section < self.FIRST_VALUE + len(self._columns):
            column = self._columns[section - self.FIRST_VALUE]
            return column.thai if current_language() == THAI else column.english
        return None

    def title_rows(self) -> list[int]:
        """Rows read as a title: their text is shown across the value columns."""
        return [n for n, row in enumerate(self._rows) if row.role == "title"]

    def distinct(self, column: int) -> int:
        """How many different files (FILE) or sheets (SHEET) the rows come from."""
        return len({(row.file, row.sheet) if column == self.SHEET else row.file for row in self._rows})

    def _text(self, row: Any, column: int) -> object:
        if column == self.FILE:
            return row.file
        if column == self.SHEET:
            return row.sheet or ""
        if column == self.ROW:
            return row.row
        if column == self.READ_AS:
            return self._role_text(row.role)
        if row.role == "title":  # a merged title cell: its text once, in the first value column
            return " ".join(str(v) for v in row.values.values() if v) if column == self.FIRST_VALUE else ""
        if self.FIRST_VALUE <= column < self.FIRST_VALUE + len(self._columns):
            return row.values.get(self._columns[column - self.FIRST_VALUE].name, "")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a screen reader hears the column with an empty cell too
            return cell_name(self.headerData(index.column(), Qt.Orientation.Horizontal),
                             self._text(row, index.column()))
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row.file, row.sheet, row.row) in self._problem_rows:
                return QBrush(QColor("#fde2e1"))
            colour = _ROLE_COLOURS.get(row.role)
            return None if colour is None else QBrush(colour)
        return None

    def _role_text(self, role: str) -> str:
        return {"indicator": self.tr("indicator"), "dimension-header": self.tr("dimension heading"),
                "blank": self.tr("blank"), "title": self.tr("title")}.get(role, role)


class ProblemsModel(ListTableModel[Problem]):
    """Every problem found, placed on its file, sheet, row and column, in the interface language first."""

    COLUMNS = ("file", "sheet", "row", "column", "problem")

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.set_items(problems)

    def problems(self) -> list[Problem]:
        return self.items()

    def header(self, key: str) -> object:
        return {"file": self.tr("File"), "sheet": self.tr("Sheet"), "row": self.tr("Row"),
                "column": self.tr("Column"), "problem": self.tr("Problem")}[key]

    def cell(self, problem: Problem, key: str, role: int, row: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and problem.warning:
            return QBrush(QColor("#8a5a00"))  # amber: a warning, not a refusal
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = problem_text(problem)
        if problem.warning:  # imported as written; only a refusal stops the import
            text = self.tr("Warning: {0}").format(text)
        return {"file": problem.file or "", "sheet": problem.sheet or "",
                "row": "" if problem.row is None else problem.row,
                "column": problem.column or problem.field or "", "problem": text}[key]
