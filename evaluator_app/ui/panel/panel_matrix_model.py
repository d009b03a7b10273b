"""The panel matrix as a table model: one row per counted indicator, one column per member, then the mean,
median, min, max and spread of their scores, the chair's consensus value and the panel figure by the rule.

Sorting is left to a QSortFilterProxyModel through SORT_ROLE (numbers as numbers, blanks last when descending).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.aggregation import IndicatorAggregate, PanelResult
from ...domain.numbers import format4, plain
from ...domain.panel import ConflictOfInterest, Panel, PanelMember
from ...store.panel import Submission
from ..common.cell_names import cell_name
from ..common.panel_texts import conflict_type_text, role_text, rule_short

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2  # the indicator code of a row
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 3  # the member id of a member's column, else None

STATS = ("spread", "mean", "median", "min", "max")  # the spread first: it is what the meeting looks at
SPREAD_LOW = QColor("#fff4cc")  # a small disagreement: pale yellow
SPREAD_HIGH = QColor("#f29b9b")  # half the score range or more: light red (dark text stays readable on both)
EXCLUDED_BACKGROUND = QColor("#eeeeee")
EXCLUDED_FOREGROUND = QColor("#6b6b6b")
FIGURE_BACKGROUND = QColor("#e8eef7")


def spread_colour(spread: Decimal | None, max_score: Decimal) -> QColor | None:
    """The colour scale of a spread: none for full agreement, pale yellow to light red as it grows to half the
    range of scores (on a 1-5 scale, a spread of 2 is already as red as it gets)."""
    if spread is None or spread <= 0 or max_score <= 0:
        return None
    t = min(float(spread) / (float(max_score) / 2), 1.0)
    return QColor.fromRgbF(
        SPREAD_LOW.redF() + (SPREAD_HIGH.redF() - SPREAD_LOW.redF()) * t,
        SPREAD_LOW.greenF() + (SPREAD_HIGH.greenF() - SPREAD_LOW.greenF()) * t,
        SPREAD_LOW.blueF() + (SPREAD_HIGH.blueF() - SPREAD_LOW.blueF()) * t,
    )


@dataclass(frozen=True)
class MatrixColumn:
    key: str  # code, name, weight, member, excluded, mean, median, min, max, spread, consensus, figure
    member: PanelMember | None = None
    conflict: ConflictOfInterest | None = None


@dataclass(frozen=True)
class MatrixData:
    """What the matrix shows of one agreement and round, as the viewer may see it."""

    panel: Panel
    result: PanelResult
    max_score: Decimal
    viewer: str
    masked: bool = False  # the viewer declared a conflict with this agency: others' ratings are hidden
    visible: frozenset[str] = field(default_factory=frozenset)  # evaluators whose ratings the viewer may see
    submissions: dict[str, Submission] = field(default_factory=dict)
    finalised: bool = False


class PanelMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.data_: MatrixData | None = None
        self.columns: list[MatrixColumn] = []
        self._rows: list[IndicatorAggregate] = []

    def set_data(self, data: MatrixData | None) -> None:
        self.beginResetModel()
        self.data_ = data
        self._rows = [] if data is None else [i for i in data.result.indicators if i.counted]
        self.columns = [] if data is None else self._columns_for(data)
        self.endResetModel()

    def _columns_for(self, data: MatrixData) -> list[MatrixColumn]:
        columns = [MatrixColumn("code"), MatrixColumn("name"), MatrixColumn("weight")]
        raters = list(data.result.member_sheets)
        for member_id in raters:
            if data.masked and member_id not in data.visible:
                continue
            columns.append(MatrixColumn("member", data.panel.member(member_id)))
        if data.masked:
            return columns
        for conflict in data.panel.conflicts_for(data.result.agency):
            if data.panel.has_member(conflict.member_id):
                columns.append(MatrixColumn("excluded", data.panel.member(conflict.member_id), conflict))
        # The spread and what the panel makes of it first; the rest of the summary after.
        columns.extend(MatrixColumn(key) for key in ("spread", "figure", "consensus", *STATS[1:]))
        return columns

    # --- lookups -----------------------------------------------------------------------------------------------

    def column_of(self, key: str, member_id: str | None = None) -> int:
        for position, column in enumerate(self.columns):
            if column.key == key and (member_id is None or (column.member and column.member.id == member_id)):
                return position
        return -1

    def row_of_code(self, code: str) -> int:
        return next((row for row, item in enumerate(self._rows) if item.code == code), -1)

    def aggregate(self, row: int) -> IndicatorAggregate:
        return self._rows[row]

    def relabel(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    # --- the model ---------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(column)
        return None

    def _header_text(self, column: MatrixColumn) -> str:
        if column.key == "member" and column.member is not None:
            return f"{column.member.id}\n{self._state_text(column.member.id)}"
        if column.key == "excluded" and column.member is not None:
            return self.tr("{0}\nexcluded").format(column.member.id)
        if column.key == "figure" and self.data_ is not None:
            return self.tr("Panel figure\n({0})").format(rule_short(self.data_.result.rule))
        return {
            "code": self.tr("Code"), "name": self.tr("Indicator"), "weight": self.tr("Weight"),
            "mean": self.tr("Mean"), "median": self.tr("Median"), "min": self.tr("Min"), "max": self.tr("Max"),
            "spread": self.tr("Spread"), "consensus": self.tr("Consensus"),
        }.get(column.key, column.key)

    def _state_text(self, member_id: str) -> str:
        state = None if self.data_ is None else self.data_.submissions.get(member_id)
        return self.tr("submitted") if state is not None and state.submitted else self.tr("draft")

    def _header_tooltip(self, column: MatrixColumn) -> str | None:
        if column.key == "spread":
            return self.tr("Spread: the highest member's score minus the lowest")
        member = column.member
        if member is None:
            return None
        text = f"{member.name} — {role_text(member.role)}"
        if column.conflict is not None:
            text += "\n" + self.tr("Excluded for a conflict of interest: {0}. {1}").format(
                conflict_type_text(column.conflict.type), column.conflict.reason)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.data_ is None or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        item, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # an empty cell is said as its column and "empty"
            return cell_name(self.headerData(index.column(), Qt.Orientation.Horizontal), self._display(item, column))
        if role == SORT_ROLE:
            return self._sort_key(index.row(), item, column)
        if role == CODE_ROLE:
            return item.code
        if role == MEMBER_ROLE:
            return None if column.member is None else column.member.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.key in ("code", "name"):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "excluded":
            return EXCLUDED_FOREGROUND
        if role == Qt.ItemDataRole.FontRole:
            return self._font(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _value(self, item: IndicatorAggregate, column: MatrixColumn) -> Decimal | None:
        summary = item.summary
        if column.key == "member" and column.member is not None:
            return item.scores.get(column.member.id)
        if column.key == "weight":
            return item.weight
        if column.key == "consensus":
            return None if item.consensus is None else item.consensus.score
        if column.key == "figure":
            return item.figure
        if summary is None:
            return None
        return {"mean": summary.mean, "median": summary.median, "min": summary.minimum, "max": summary.maximum,
                "spread": summary.spread}.get(column.key)

    def _display(self, item: IndicatorAggregate, column: MatrixColumn) -> str:
        if column.key == "code":
            return item.code
        if column.key == "name":
            return item.name
        if column.key == "excluded":
            return self.tr("not counted")
        value = self._value(item, column)
        if column.key == "weight":
            return plain(item.weight)
        if column.key == "consensus" and value is None:
            return ""
        return "–" if value is None else format4(value)

    def _sort_key(self, row: int, item: IndicatorAggregate, column: MatrixColumn) -> object:
        if column.key == "code":
            return row  # the agreement's own order: 1, 2, … 10, not 1, 10, 2
        if column.key == "name":
            return item.name
        if column.key == "excluded":
            return -1.0
        value = self._value(item, column)
        return -1.0 if value is None else float(value)  # scores are never negative: blanks sort last

    def _background(self, item: IndicatorAggregate, column: MatrixColumn) -> QColor | None:
        if column.key == "spread" and self.data_ is not None:
            return spread_colour(item.spread, self.data_.max_score)
        if column.key == "excluded":
            return EXCLUDED_BACKGROUND
        if column.key == "figure":
            return FIGURE_BACKGROUND
        return None

    def _font(self, item: IndicatorAggregate, column: MatrixColumn) -> QFont | None:
        strong = column.key == "figure" or (
            column.key == "spread" and self.data_ is not None and item.spread is not None
            and item.spread * 2 >= self.data_.max_score / 2)
        if not strong:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def _tooltip(self, item: IndicatorAggregate, column: MatrixColumn) -> str | None:
        if column.key == "name":
            return item.name
        if column.key == "excluded" and column.conflict is not None:
            return self.tr("Excluded for a conflict of interest: {0}. {1}").format(
                conflict_type_text(column.conflict.type), column.conflict.reason)
        if column.key in ("consensus", "figure") and item.consensus is not None:
            return self.tr("Consensus {0} entered by {1}: {2}").format(
                format4(item.consensus.score), item.consensus.by, item.consensus.reason)
        if column.key == "member" and column.member is not None and item.scores.get(column.member.id) is None:
            return self.tr("{0} has not rated this indicator yet").format(column.member.id)
        return None
