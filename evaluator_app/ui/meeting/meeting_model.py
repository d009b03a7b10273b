"""The indicator set of a version as a table: weights, targets and criteria, a total row, broken constraints on the
offending cells, and the cells changed from another version highlighted.

Meeting mode edits through it (every change goes to MeetingDocument, which writes it through the store); the
version comparison shows two versions through it, read-only, with the removed indicators listed after the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.agreement import Agreement, Indicator
from ...domain.negotiation import thresholds_problem
from ...domain.numbers import NumberFormatError, parse_decimal, plain
from ...domain.problems import Problem
from ...domain.thresholds import Thresholds
from ...domain.version_diff import VersionDiff
from ..common.cell_names import cell_name
from ..common.list_model import ListTableModel
from ..common.messages import problem_text

Index = QModelIndex | QPersistentModelIndex

ProblemRole = Qt.ItemDataRole.UserRole + 1  # the explanations of the constraints this cell breaks (list of str)
ChangedRole = Qt.ItemDataRole.UserRole + 2  # the value this cell had in the compared version, or None

# High contrast on a projector: dark text on clear, saturated-but-light backgrounds.
PROBLEM_BACKGROUND = QColor("#ffc9c9")
PROBLEM_FOREGROUND = QColor("#8b0000")
CHANGED_BACKGROUND = QColor("#ffe066")
ADDED_BACKGROUND = QColor("#b7f0c0")
REMOVED_BACKGROUND = QColor("#d9d9d9")
REMOVED_FOREGROUND = QColor("#5a5a5a")
TOTAL_BACKGROUND = QColor("#dbe4f3")
EDITABLE_BACKGROUND = QColor("#fffdf0")

EDITABLE_KEYS = ("weight", "target")


class VersionTableModel(QAbstractTableModel):
    """Columns: code, indicator, weight, sub-indicator sum, target, criteria t1..tn; rows: the indicators, then any
    removed ones (comparison only), then the total."""

    changeRequested = Signal(object, str)  # the whole new indicator set, and the undo step's text
    refused = Signal(QModelIndex, str)  # a typed value that cannot be taken, and why

    def __init__(self, threshold_count: int = 5, parent: Any = None):
        super().__init__(parent)
        self.columns = ["code", "name", "weight", "subtotal", "target",
                        *(f"t{n}" for n in range(1, threshold_count + 1))]
        self.indicators: tuple[Indicator, ...] = ()
        self.removed: tuple[Indicator, ...] = ()
        self.editable = False
        self.show_before = False  # a comparison writes "before → after" in a changed cell, for the whole room
        self.base_font = QFont()
        self._children: dict[str, list[Indicator]] = {}
        self._depth: dict[str, int] = {}
        self._top: list[Indicator] = []
        self._cell_problems: dict[tuple[str, str], list[str]] = {}
        self._changed: dict[tuple[str, str], Any] = {}
        self._added: set[str] = set()
        self._problems: list[Problem] = []
        self._problem_source: Callable[[Agreement], list[Problem]] | None = None
        self._head: Agreement | None = None

    # --- loading -----------------------------------------------------------------------------------------------

    def set_checker(self, head: Agreement, problems: Callable[[Agreement], list[Problem]] | None) -> None:
        """How the constraints are checked (None: not checked, as in a comparison of two past versions)."""
        self._head = head
        self._problem_source = problems

    def load(self, indicators: Sequence[Indicator], *, editable: bool = False, diff: VersionDiff | None = None,
             removed: Sequence[Indicator] = ()) -> None:
        self.beginResetModel()
        self.indicators = tuple(indicators)
        self.removed = tuple(removed)
        self.editable = editable
        self._index_structure()
        self._mark_diff(diff)
        self._mark_problems()
        self.endResetModel()

    def update(self, indicators: Sequence[Indicator], diff: VersionDiff | None = None) -> None:
        """The same rows with new values (typed, redistributed, undone): only the cells whose look changed."""
        indicators = tuple(indicators)
        if [i.code for i in indicators] != [i.code for i in self.indicators]:
            self.load(indicators, editable=self.editable, diff=diff, removed=self.removed)
            return
        before = self._cell_state()
        self.indicators = indicators
        self._index_structure()
        self._mark_diff(diff)
        self._mark_problems()
        after = self._cell_state()
        for (row, column), state in after.items():
            if before.get((row, column)) != state:
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell)

    def set_base_font(self, font: QFont) -> None:
        """The type of the cells (bold and struck-out variants follow it)."""
        if font != self.base_font:
            self.base_font = font
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1),
                                      [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.SizeHintRole])

    def has_children(self) -> bool:
        return bool(self._children)

    def set_editable(self, editable: bool) -> None:
        if editable != self.editable:
            self.editable = editable
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def _index_structure(self) -> None:
        codes = {i.code for i in self.indicators}
        self._children = defaultdict(list)
        for item in self.indicators:
            if item.parent_code in codes:
                self._children[item.parent_code or ""].append(item)
        self._top = [i for i in self.indicators if i.parent_code not in codes]
        self._depth = {}
        for item in (*self.indicators, *self.removed):
            depth, parent = 0, item.parent_code
            while parent is not None and parent in codes:
                depth += 1
                parent = parent.rsplit(".", 1)[0] if "." in parent else None
            self._depth[item.code] = depth

    def _mark_diff(self, diff: VersionDiff | None) -> None:
        self._changed = {}
        self._added = set()
        if diff is None:
            return
        self._added = {i.code for i in diff.added}
        for change in diff.changed:
            key = change.field if change.field in self.columns else None
            if key is None and change.field.startswith("weight@"):
                key = "weight"
            if key is not None:
                self._changed[(change.code, key)] = change.old

    def _mark_problems(self) -> None:
        self._cell_problems = defaultdict(list)
        self._problems = []
        if self._problem_source is None or self._head is None:
            return
        self._problems = self._problem_source(replace(self._head, indicators=self.indicators))
        for problem in self._problems:
            text = problem_text(problem)
            for cell in self.cells_of(problem):
                if text not in self._cell_problems[cell]:
                    self._cell_problems[cell].append(text)

    def cells_of(self, problem: Problem) -> list[tuple[str, str]]:
        """The (code, column) cells a broken constraint is shown on; "" is the total row."""
        code, field = problem.indicator, problem.field or ""
        known = {i.code for i in self.indicators}
        thresholds = [c for c in self.columns if c.startswith("t") and c[1:].isdigit()]
        if code is None or code not in known:
            if field == "weight":  # the total is not 100: every top-level weight is part of it
                return [("", "weight"), *((i.code, "weight") for i in self._top)]
            return [("", "name")]
        if field == "weight":
            children = self._children.get(code, [])
            if children:  # children do not add up to their parent
                return [(code, "weight"), (code, "subtotal"), *((c.code, "weight") for c in children)]
            return [(code, "weight")]
        if field == "dimension":
            dimension = next(i.dimension for i in self.indicators if i.code == code)
            return [(i.code, "weight") for i in self._top if i.dimension == dimension]
        if field == "thresholds":
            return [(code, c) for c in thresholds]
        if field in self.columns:
            return [(code, field)]
        return [(code, "code")]

    def _cell_state(self) -> dict[tuple[int, int], tuple[Any, ...]]:
        return {(row, column): (self.data(self.index(row, column)),
                                self.data(self.index(row, column), ProblemRole),
                                self.data(self.index(row, column), ChangedRole))
                for row in range(self.rowCount()) for column in range(len(self.columns))}

    # --- lookups -----------------------------------------------------------------------------------------------

    @property
    def problems(self) -> list[Problem]:
        return self._problems

    def weight_sum(self) -> Decimal:
        return sum((i.weight for i in self._top), Decimal(0))

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def indicator_at(self, index: Index) -> Indicator | None:
        if not index.isValid() or index.row() >= len(self.indicators):
            return None
        return self.indicators[index.row()]

    def index_of(self, code: str, key: str = "code") -> QModelIndex:
        if code == "":
            return self.index(self.rowCount() - 1, self.column(key))
        for row, item in enumerate(self.indicators):
            if item.code == code:
                return self.index(row, self.column(key))
        return QModelIndex()

    def siblings_of(self, code: str) -> list[Indicator]:
        """The indicators at the same level (same parent) as `code`, itself excluded."""
        item = next((i for i in self.indicators if i.code == code), None)
        if item is None:
            return []
        codes = {i.code for i in self.indicators}
        parent = item.parent_code if item.parent_code in codes else None
        pool = self._children.get(parent, []) if parent is not None else self._top
        return [i for i in pool if i.code != code]

    def is_editable_key(self, key: str) -> bool:
        return key in EDITABLE_KEYS or (key.startswith("t") and key[1:].isdigit())

    def _row(self, row: int) -> tuple[str, Indicator | None]:
        """("indicator" | "removed" | "total", the indicator)."""
        if row < len(self.indicators):
            return "indicator", self.indicators[row]
        if row < len(self.indicators) + len(self.removed):
            return "removed", self.removed[row - len(self.indicators)]
        return "total", None

    # --- QAbstractTableModel -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.indicators) + len(self.removed) + 1 if self.indicators or self.removed else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind, item = self._row(index.row())
        key = self.columns[index.column()]
        if self.editable and kind == "indicator" and item is not None and self._cell_editable(item, key):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _cell_editable(self, item: Indicator, key: str) -> bool:
        if key == "weight" or key == "target":
            return True
        if key.startswith("t") and key[1:].isdigit():
            return item.code not in self._children and item.thresholds is not None
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if key.startswith("t") and key[1:].isdigit():
                return self.tr("Level {0}").format(key[1:])
            return {"code": self.tr("Code"), "name": self.tr("Indicator"), "weight": self.tr("Weight"),
                    "subtotal": self.tr("Subtotal"), "target": self.tr("Target")}[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "subtotal":
                return self.tr("The sum of the sub-indicators' weights; it must equal the weight of their parent")
            if key.startswith("t"):
                return self.tr("Criteria level {0}").format(key[1:])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        kind, item = self._row(index.row())
        key = self.columns[index.column()]
        code = "" if item is None else item.code
        if role == Qt.ItemDataRole.DisplayRole and self.show_before and kind == "indicator":
            was = self._changed_text(code, key)
            text = self._text(kind, item, key)
            return text if was is None else f"{was} → {text or '-'}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(kind, item, key)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # an empty cell is said as its column and "empty"
            return cell_name(self.headerData(index.column(), Qt.Orientation.Horizontal), self._text(kind, item, key))
        if role == ProblemRole:
            return list(self._cell_problems.get((code, key), [])) if kind != "removed" else []
        if role == ChangedRole:
            return self._changed_text(code, key) if kind == "indicator" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(kind, item, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("name", "target") or (kind == "total" and key == "code"):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(kind, item)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(kind, code, key, index)
        if role == Qt.ItemDataRole.ForegroundRole:
            if kind == "removed":
                return QBrush(REMOVED_FOREGROUND)
            if self._cell_problems.get((code, key)):
                return QBrush(PROBLEM_FOREGROUND)
            return QBrush(QColor("black"))
        return None

    def _text(self, kind: str, item: Indicator | None, key: str) -> str:
        if kind == "total":
            if key == "name":
                return self.tr("Total weight")
            if key == "weight":
                return plain(self.weight_sum())
            return ""
        assert item is not None
        if key == "code":
            return item.code
        if key == "name":
            return "\u2003" * self._depth.get(item.code, 0) + item.name
        if key == "weight":
            return plain(item.weight)
        if key == "subtotal":
            children = self._children.get(item.code) if kind == "indicator" else None
            return plain(sum((c.weight for c in children), Decimal(0))) if children else ""
        if key == "target":
            return item.target or ""
        level = int(key[1:])
        if item.thresholds is None or level > len(item.thresholds):
            return ""
        return plain(item.thresholds.values[level - 1])

    def _changed_text(self, code: str, key: str) -> str | None:
        if (code, key) not in self._changed:
            return None
        old = self._changed[(code, key)]
        if old is None or old == "":
            return "-"
        return plain(old) if isinstance(old, Decimal) else str(old)

    def _tooltip(self, kind: str, item: Indicator | None, key: str) -> str | None:
        code = "" if item is None else item.code
        lines: list[str] = []
        if kind == "removed":
            lines.append(self.tr("Removed in this version"))
        elif kind == "indicator" and code in self._added:
            lines.append(self.tr("Added in this version"))
        lines.extend(self._cell_problems.get((code, key), []) if kind != "removed" else [])
        was = self._changed_text(code, key) if kind == "indicator" else None
        if was is not None:
            lines.append(self.tr("Before: {0}").format(was))
        if not lines and key == "name" and item is not None:
            return item.name
        return "\n".join(lines) or None

    def _font(self, kind: str, item: Indicator | None) -> QFont:
        font = QFont(self.base_font)
        if kind == "total" or (item is not None and item.code in self._children):
            font.setBold(True)
        if kind == "removed":
            font.setStrikeOut(True)
        return font

    def _background(self, kind: str, code: str, key: str, index: Index) -> QBrush | None:
        if kind == "removed":
            return QBrush(REMOVED_BACKGROUND)
        if self._cell_problems.get((code, key)):
            return QBrush(PROBLEM_BACKGROUND)
        if kind == "total":
            return QBrush(TOTAL_BACKGROUND)
        if (code, key) in self._changed:
            return QBrush(CHANGED_BACKGROUND)
        if code in self._added:
            return QBrush(ADDED_BACKGROUND)
        if self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return QBrush(EDITABLE_BACKGROUND)
        return None

    # --- editing -----------------------------------------------------------------------------------------------

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        item = self.indicators[index.row()]
        key = self.columns[index.column()]
        text = "" if value is None else str(value).strip()
        if text == self._text("indicator", item, key):
            return True
        if key == "target":
            changed = replace(item, target=text or None)
            step = self.tr("Target of {0}: {1} → {2}").format(item.code, item.target or "-", text or "-")
        else:
            try:
                number = parse_decimal(text)
            except NumberFormatError:
                return self._refuse(index, self.tr("{0} of indicator {1} must be a number (such as 12.5), got "
                                                   "'{2}'").format(self._column_name(key), item.code, text))
            if key == "weight":
                changed = replace(item, weight=number)
                step = self.tr("Weight of {0}: {1} → {2}").format(item.code, plain(item.weight), plain(number))
            else:
                assert item.thresholds is not None
                level = int(key[1:])
                values = list(item.thresholds.values)
                old = values[level - 1]
                values[level - 1] = number
                problem = thresholds_problem(item.code, values)
                if problem is not None:
                    return self._refuse(index, problem_text(problem))
                changed = replace(item, thresholds=Thresholds(tuple(values)))
                step = self.tr("Level {0} of {1}: {2} → {3}").format(level, item.code, plain(old), plain(number))
        indicators = tuple(changed if i.code == item.code else i for i in self.indicators)
        self.changeRequested.emit(indicators, step)
        return True

    def _column_name(self, key: str) -> str:
        return str(self.headerData(self.column(key), Qt.Orientation.Horizontal))

    def _refuse(self, index: Index, message: str) -> bool:
        self.refused.emit(QModelIndex(index), message)  # type: ignore[arg-type]  # the stub lacks QPersistentModelIndex
        return False

    def relabel(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rowCount():
            self._mark_problems()  # the explanations follow the interface language
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))


class ProblemsListModel(ListTableModel[Problem]):
    """The broken constraints of the set on screen, one per line, in the interface language first."""

    COLUMNS = ("problem",)

    @property
    def problems(self) -> list[Problem]:
        return self.items()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        if list(problems) != self._items:
            self.set_items(problems)

    def header(self, key: str) -> object:
        return self.tr("Broken constraints")

    def cell(self, problem: Problem, key: str, role: int, row: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return problem_text(problem)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(PROBLEM_FOREGROUND)
        return None
