"""The navigator tree: fiscal year (B.E.), then agency, then agreement, built from one list_agreements query."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from ...store.agreement_list import AgreementSummary

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

Index = QModelIndex | QPersistentModelIndex

# Roles as plain numbers: naming anything of Qt's `Qt` namespace from Python first builds all its ~100 enum types
# (some 20 ms), which the shell's first paint does without (issue 16). tests/ui/test_startup_and_scale.py checks
# them against Qt's own.
_DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
_TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
AGREEMENT_ID_ROLE = 257  # Qt.ItemDataRole.UserRole + 1
KIND_ROLE = 258  # Qt.ItemDataRole.UserRole + 2


@dataclass
class _Node:
    kind: str  # "year", "agency", "agreement"
    label: str
    parent: int  # position of the parent node in the model's node list; -1 for years
    row: int
    children: list[int] = field(default_factory=list)
    summary: AgreementSummary | None = None


class NavigatorModel(QAbstractItemModel):
    """Each node's internalId is its position in a flat list, so parent() is a lookup, not a search."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._years: list[int] = []
        self._summaries: list[AgreementSummary] = []

    def set_agreements(self, summaries: list[AgreementSummary]) -> None:
        if summaries == self._summaries and self._nodes:
            return  # the list of the first paint, read again once the workspace is open: keep the tree as it is
        self.beginResetModel()
        self._summaries = list(summaries)
        self._build()
        self.endResetModel()

    def _build(self) -> None:
        self._nodes, self._years = [], []
        years: dict[int, int] = {}
        agencies: dict[tuple[int, str], int] = {}
        for summary in sorted(self._summaries, key=lambda s: (-s.fiscal_year, s.agency, s.id)):
            year = years.get(summary.fiscal_year)
            if year is None:
                year = self._add("year", str(summary.fiscal_year), -1)
                years[summary.fiscal_year] = year
            agency = agencies.get((summary.fiscal_year, summary.agency))
            if agency is None:
                agency = self._add("agency", summary.agency, year)
                agencies[(summary.fiscal_year, summary.agency)] = agency
            node = self._add("agreement", "", agency)
            self._nodes[node].summary = summary
            self._nodes[agency].summary = self._nodes[agency].summary or summary

    def _add(self, kind: str, label: str, parent: int) -> int:
        siblings = self._years if parent < 0 else self._nodes[parent].children
        position = len(self._nodes)
        self._nodes.append(_Node(kind, label, parent, len(siblings)))
        siblings.append(position)
        return position

    def relabel(self) -> None:
        """Labels are translated text: after a language switch every row says the same thing differently."""
        if not self._nodes:
            return  # nothing shown yet (the shell retranslates itself as it is made)
        from PySide6.QtCore import Qt

        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)
        parents = [QModelIndex()]
        while parents:
            parent = parents.pop()
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 0, parent),
                                      [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
                parents.extend(self.index(row, 0, parent) for row in range(count))

    def summaries(self) -> list[AgreementSummary]:
        return list(self._summaries)

    def index_of_agreement(self, agreement_id: int) -> QModelIndex:
        for position, node in enumerate(self._nodes):
            if node.kind == "agreement" and node.summary is not None and node.summary.id == agreement_id:
                return self.createIndex(node.row, 0, position)
        return QModelIndex()

    def _node(self, index: Index) -> _Node | None:
        return self._nodes[index.internalId()] if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        siblings = self._years if not parent.isValid() else self._nodes[parent.internalId()].children
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._years)
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY_ROLE) -> object:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and section == 0 and role == _DISPLAY_ROLE:
            return self.tr("Agreements")
        return None

    # flags: QAbstractItemModel's own (enabled and selectable; none for an invalid index) is what every row needs.

    def data(self, index: Index, role: int = _DISPLAY_ROLE) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role == _DISPLAY_ROLE:
            return self._label(node)
        if role == _TOOLTIP_ROLE:
            return self._tooltip(node)
        if role == AGREEMENT_ID_ROLE:
            # An agency has one agreement a year, so selecting it opens that agreement too.
            if node.kind == "agreement" or (node.kind == "agency" and len(node.children) == 1):
                return None if node.summary is None else node.summary.id
            return None
        if role == KIND_ROLE:
            return node.kind
        return None

    def _label(self, node: _Node) -> str:
        if node.kind == "year":
            return self.tr("Fiscal year {0}").format(node.label)
        if node.kind == "agency":
            return node.label
        summary = node.summary
        assert summary is not None
        return self.tr("Version {0} · {1} indicators").format(summary.version_number, summary.indicator_count)

    def _tooltip(self, node: _Node) -> str | None:
        summary = node.summary
        if summary is None or node.kind == "year":
            return None
        return self.tr("{0}, fiscal year {1}, framework {2}").format(
            summary.agency, summary.fiscal_year, summary.framework_id)


class NavigatorFilter(QSortFilterProxyModel):
    """Shows the agreements a search matched, with their year and agency rows above them."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._visible: set[int] | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_visible(self, agreement_ids: set[int] | None) -> None:
        """None shows everything."""
        self.beginFilterChange()
        self._visible = agreement_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._visible is None:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if model.data(index, KIND_ROLE) != "agreement":
            return False  # recursive filtering keeps an ancestor when a child is accepted
        node_id = model.data(index, AGREEMENT_ID_ROLE)
        return node_id in self._visible
