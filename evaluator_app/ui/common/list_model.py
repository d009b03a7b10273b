"""The base of the window's list tables: one item per row, named columns, read-only.

A table says its columns (`COLUMNS`, or `columns()` when they vary), each column's header and each cell's value for
a role; rows, counts, header plumbing and the checks Qt's model tester asks for are here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .cell_names import cell_name

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class ListTableModel(QAbstractTableModel, Generic[T]):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[T] = []

    # --- what a table says -------------------------------------------------------------------------------------

    def columns(self) -> tuple[str, ...]:
        return self.COLUMNS

    def header(self, key: str) -> object:
        """The column's title in the interface language."""
        return key

    def cell(self, item: T, key: str, role: int, row: int) -> object:
        """The value of one cell for one role; None for a role the table does not use."""
        raise NotImplementedError

    # --- the rows ------------------------------------------------------------------------------------------------

    def set_items(self, items: Iterable[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T:
        return self._items[row]

    def items(self) -> list[T]:
        return list(self._items)

    def column_of(self, key: str) -> int:
        return self.columns().index(key)

    # --- Qt ------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        columns = self.columns()
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(columns):
            return None
        return self.header(columns[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        columns = self.columns()
        if not index.isValid() or not 0 <= index.row() < len(self._items) \
                or not 0 <= index.column() < len(columns):
            return None
        item, key = self._items[index.row()], columns[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            spoken = self.cell(item, key, role, index.row())
            if spoken not in (None, ""):
                return spoken
            # a screen reader hears the column and the value, and "empty" rather than nothing
            return cell_name(self.header(key), self.cell(item, key, Qt.ItemDataRole.DisplayRole, index.row()))
        return self.cell(item, key, role, index.row())
