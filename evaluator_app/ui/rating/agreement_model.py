"""The agreement as a tree model: dimensions, their indicators with criteria, and both evaluators' results and scores.

One agreement and one round are loaded at a time. A changed rating re-reads and rescores only the sheet of the
evaluator whose rating changed (against a SheetPlan made once per agreement and round) and emits dataChanged
only for the cells of that evaluator's columns whose text changed, so the view keeps its cursor and scroll
position and repaints no more than those cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.agreement import Agreement, Indicator
from ...domain.framework import Framework, Scheme
from ...domain.numbers import NumberFormatError, format4, parse_decimal, plain
from ...domain.plausibility import check_result, refusals, warning_text, warnings
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...domain.scoring import ScoreSheet, SheetPlan
from ...domain.thai_dates import thai_datetime_from_iso
from ...reports.printed_numbers import grouped
from ...store.agreements import load_agreement, version_in_force
from ...store.committee import Acceptance, acceptances
from ...store.frameworks import get_framework
from ...store.ratings import StoredRating, with_adjustment
from ..common.cell_names import cell_name
from ..common.changes import Changes, Outcome
from ..common.messages import bilingual, problem_text
from ..common.session import WorkspaceSession
from .agreement_rows import GROUPS, OWN, SELF, AgreementRows, Row, RowLabels

_TOP = 0  # internalId of top-level rows; a child of dimension i has internalId i + 1

Index = QModelIndex | QPersistentModelIndex

EDITABLE_BACKGROUND = QColor("#fffbe6")
ADJUSTED_BACKGROUND = QColor("#fde2e1")
GROUP_ROW_BACKGROUND = QColor("#e8eef7")
NOT_COUNTED_FOREGROUND = QColor("#8a8a8a")


_ROLES_ANSWERED = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))
_PAINT_ROLES = tuple(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))  # what painting a cell asks
_HEADER_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))  # `_header_data`
_FLAGS = -1  # the key `flags` keeps a cell's flags under, beside its roles
_PAINTED = -3  # the key `painted` keeps what the delegate draws under
_SHOWN = -4  # and `_shown_at` the cell's text as shown
_HEADER = -2  # the internal id `headerData` keeps the header's roles under


class PaintedCell(NamedTuple):
    """What a cell looks like when neither selected nor current (the delegate's fast path draws this)."""

    text: str
    alignment: int
    bold: bool
    italic: bool
    background: QColor | None
    foreground: QColor | None


class AgreementModel(QAbstractItemModel):
    """Columns: code, name, unit, weight, thresholds, then result/score/weighted for self-assessment and own."""

    refused = Signal(QModelIndex, str)  # a typed value the store would not take, and why
    warned = Signal(QModelIndex, str)  # a typed value that looks like a slip: kept only once the person confirms
    accepted = Signal(QModelIndex)  # a typed value was saved (or was already the stored one)
    loaded = Signal()
    totalsChanged = Signal()

    def __init__(self, session: WorkspaceSession, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self.agreement_id: int | None = None
        self.agreement: Agreement | None = None
        self.framework: Framework | None = None
        self.version_number = 0
        self.evaluator = session.evaluator()
        self.rows = AgreementRows()  # what each cell says, without Qt
        self._accepted: dict[str, Acceptance] = {}  # the committee's acceptances of the agency's results
        self._plan: SheetPlan | None = None  # the agreement, framework and round both sheets score against
        self.last_edit_accepted = True
        self.last_typed = ""  # the text of the last refused or warned value, for the person to correct or confirm
        # The warned value waiting for confirmation: (group, code, result). It is kept only when committed again
        # by an explicit act (Enter on it, or Keep: `confirm_next`), never by Tab or a click elsewhere.
        self._awaiting: tuple[str, str, Decimal] | None = None
        self._confirming = False
        self._cells: dict[tuple[int, int, int, int], object] = {}  # data() of each cell and role (`data`)
        self._row_places: list[tuple[int, int, Row]] | None = None  # `_places`
        self._grouped: dict[str, str] = {}  # `grouped` of each number text shown (`_shown`)
        self._cached_read_only: bool | None = None
        # Qt's flag enums combine in Python at some microseconds each: combined once, here (not at import)
        self._plain_flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._editable_flags = self._plain_flags | Qt.ItemFlag.ItemIsEditable
        self._align_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        session.changed.connect(self._changed)

    @property
    def round(self) -> int:
        return self.rows.round

    @property
    def columns(self) -> list[str]:
        return self.rows.columns

    # --- loading -----------------------------------------------------------------------------------------------

    def load(self, agreement_id: int | None, round_: int | None = None) -> None:
        """Show one agreement (None shows nothing). A round the framework lacks falls back to its last."""
        self.beginResetModel()
        self._cells.clear()
        self._awaiting = None
        self.agreement_id = agreement_id
        self.evaluator = self._session.evaluator()
        self._plan = None
        self.rows.labels = RowLabels(self.tr("Indicators"), self.tr("Total"))
        self._row_places = None
        if agreement_id is None:
            self.agreement = self.framework = None
            self.rows.clear()
        else:
            stored = load_agreement(self._session.workspace, agreement_id)
            self.agreement = stored.agreement
            self.version_number = stored.version_number
            self.framework = get_framework(self._session.workspace, stored.agreement.framework_id or "")
            rounds = self.framework.rounds
            wanted = round_ if round_ is not None else self.round
            self.rows.round = wanted if wanted in rounds else rounds[-1]
            self.rows.build(stored.agreement, self.framework)
            self._read_ratings()
        self._cells.clear()
        self.endResetModel()
        self.loaded.emit()
        self.totalsChanged.emit()

    def set_round(self, round_: int) -> None:
        if round_ != self.round:
            self.load(self.agreement_id, round_)

    def reload_ratings(self, groups: tuple[str, ...] = GROUPS) -> None:
        """Re-read these evaluators' ratings (both by default) and tell the view which of their cells changed."""
        if self.agreement is None:
            return
        # Only a group's own result, score and weighted columns depend on its ratings (weights and criteria do not)
        columns = [n for n, key in enumerate(self.columns) if key.partition(".")[0] in groups]
        before = self._snapshot(columns)
        self._read_ratings(groups)
        # Only these columns' cells can say something else now: the others keep their roles (and the text the
        # delegate shaped for them), so a typed result repaints without working out the whole row again.
        changed = frozenset(columns)
        self._cells = {key: value for key, value in self._cells.items()
                       if key[0] == _HEADER or key[2] not in changed}
        after = self._snapshot(columns)
        for (row, column, parent_row), text in after.items():
            if before.get((row, column, parent_row)) != text:
                parent = QModelIndex() if parent_row < 0 else self.index(parent_row, 0)
                cell = self.index(row, column, parent)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.totalsChanged.emit()

    def relabel(self) -> None:
        """After a language switch: headers and the rows whose text is ours (dimension fallback, Total)."""
        self.rows.labels = RowLabels(self.tr("Indicators"), self.tr("Total"))
        self._cells.clear()
        if not self.columns:
            return
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        top = self.rows.top_count()
        if top:
            self.dataChanged.emit(self.index(0, 0), self.index(top - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def _read_ratings(self, groups: tuple[str, ...] = GROUPS) -> None:
        assert self.agreement is not None and self.framework is not None and self.agreement_id is not None
        if self._plan is None:
            self._plan = SheetPlan(self.agreement, self.framework, self.round)
        for group in groups:
            stored = self._session.ratings(self.agreement_id, self.round, self.evaluator_of(group))
            self.rows.ratings[group] = stored
            self.rows.sheets[group] = self._plan.score({code: s.rating for code, s in stored.items()})
        if SELF in groups:
            self._accepted = acceptances(self._session.workspace.conn, self.agreement_id, self.round)

    def _changed(self, changes: Changes) -> None:
        if changes.evaluator_chosen:  # the own columns are now another evaluator's
            self.load(self.agreement_id, self.round)
            return
        if changes.agreement_id != self.agreement_id or self.agreement_id is None:
            return
        if changes.version is not None:
            in_force = version_in_force(self._session.workspace.conn, self.agreement_id)[1]
            if changes.version in (in_force, self.version_number):  # the version results score against
                self.load(self.agreement_id, self.round)
            return
        if not changes.rating or changes.round != self.round:
            return
        if changes.evaluator == SELF_ASSESSMENT:
            self.reload_ratings((SELF,))
        elif changes.evaluator == self.evaluator:
            self.reload_ratings((OWN,))

    def _snapshot(self, columns: list[int]) -> dict[tuple[int, int, int], object]:
        """Each cell's text as shown in these columns (kept with the cells' roles for their next paint)."""
        keys = [(column, self.columns[column]) for column in columns]
        cells: dict[tuple[int, int, int], object] = {}
        for top in range(self.rows.top_count()):
            top_row = self.rows.top_row(top)
            for column, key in keys:
                cells[(top, column, -1)] = self._shown_at(_TOP, top, column, top_row, key)
            if top < len(self.rows.children):
                for row, item in enumerate(self.rows.children[top]):
                    for column, key in keys:
                        cells[(row, column, top)] = self._shown_at(top + 1, row, column, item, key)
        return cells

    # --- lookups the view and window use -----------------------------------------------------------------------

    def sheet(self, group: str) -> ScoreSheet | None:
        return self.rows.sheets[group]

    def stored(self, group: str, code: str) -> StoredRating | None:
        return self.rows.ratings[group].get(code)

    def evaluator_of(self, group: str) -> str:
        return SELF_ASSESSMENT if group == SELF else self.evaluator

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def column_cells(self, key: str) -> Iterator[tuple[str, bool, bool]]:
        """Every row's text in one column with the font it is drawn in (bold, italic): what the view measures its
        width from, without a model index and a delegate per cell. The texts are kept for painting the cells."""
        column = self.columns.index(key)
        cells = self._cells
        for internal, number, row in self._places():
            # what the delegate will draw, worked out here from the row rather than from an index per cell
            cell = cells.get((internal, number, column, _PAINTED))
            if cell is None:
                self._paint_row(internal, number, row)
                cell = cells[(internal, number, column, _PAINTED)]
            yield cell.text, cell.bold, cell.italic  # type: ignore[attr-defined]

    def _places(self) -> list[tuple[int, int, Row]]:
        """Every row in the order shown, with its internalId and row number: kept until the rows are built again."""
        if self._row_places is None:
            rows = self.rows
            places = []
            for top in range(rows.top_count()):
                places.append((_TOP, top, rows.top_row(top)))
                if top < len(rows.children):
                    places += [(top + 1, number, row) for number, row in enumerate(rows.children[top])]
            self._row_places = places
        return self._row_places

    def _paint_row(self, internal: int, number: int, row: Row) -> None:
        """`_painted` of every cell of a row not known yet, what the row's cells share looked at once (the view
        measures all columns of all rows after each reset)."""
        cells, rows = self._cells, self.rows
        item = row.indicator
        indicator = row.kind == "indicator"
        bold = not indicator or (item is not None and item.code in rows.parents)
        foreground = NOT_COUNTED_FOREGROUND if item is not None and not item.counted_in(self.round) else None
        editable = indicator and rows.scorable(row) and not self._session.read_only
        left, right = self._align_left, self._align_right
        for column, key in enumerate(self.columns):
            place = (internal, number, column, _PAINTED)
            if place in cells:
                continue
            group, _, part = key.partition(".")
            adjusted = False
            if part == "score" and item is not None:
                score = rows.score(group, item.code)
                adjusted = score is not None and score.adjusted
            if not indicator:
                background: QColor | None = GROUP_ROW_BACKGROUND
            elif adjusted:
                background = ADJUSTED_BACKGROUND
            elif group == OWN and part == "result" and editable:
                background = EDITABLE_BACKGROUND
            else:
                background = None
            aligned = left if key in ("name", "unit") or (key == "code" and not indicator) else right
            cells[place] = PaintedCell(self._shown_at(internal, number, column, row, key), aligned, bold, adjusted,
                                       background, foreground)

    def row_of(self, index: Index) -> Row | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self.rows.top_row(index.row())
        return self.rows.children[index.internalId() - 1][index.row()]

    def indicator_at(self, index: Index) -> Indicator | None:
        row = self.row_of(index)
        return None if row is None else row.indicator

    def index_of_code(self, code: str, column: int = 0) -> QModelIndex:
        for top, children in enumerate(self.rows.children):
            for row, item in enumerate(children):
                if item.indicator is not None and item.indicator.code == code:
                    return self.index(row, column, self.index(top, 0))
        return QModelIndex()

    def is_result_cell(self, index: Index) -> bool:
        return 0 <= index.column() < len(self.columns) and self.columns[index.column()].endswith(".result")

    def group_of(self, index: Index) -> str | None:
        key = self.columns[index.column()] if 0 <= index.column() < len(self.columns) else ""
        return key.split(".")[0] if "." in key else None

    # --- QAbstractItemModel ------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # hasIndex without its two calls back into Python (rowCount, columnCount): asked for every painted cell
        if row < 0 or not 0 <= column < len(self.rows.columns):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self.rows.top_count() else QModelIndex()
        children = self.rows.children
        if parent.column() != 0 or parent.internalId() != _TOP or parent.row() >= len(children) \
                or row >= len(children[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        # QAbstractItemModel's calls parent() and index() back in Python; the view asks it for every painted cell
        if not index.isValid() or row < 0 or not 0 <= column < len(self.rows.columns):
            return QModelIndex()
        internal = index.internalId()
        if internal == _TOP:
            return self.createIndex(row, column, _TOP) if row < self.rows.top_count() else QModelIndex()
        children = self.rows.children
        if internal - 1 >= len(children) or row >= len(children[internal - 1]):
            return QModelIndex()
        return self.createIndex(row, column, internal)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.rows.top_count()
        if parent.column() != 0 or parent.internalId() != _TOP or parent.row() >= len(self.rows.children):
            return 0
        return len(self.rows.children[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        read_only = self._session.workspace.read_only
        if read_only is not self._cached_read_only:
            self._cells.clear()
            self._cached_read_only = read_only
        key = (index.internalId(), index.row(), index.column(), _FLAGS)
        try:
            return self._cells[key]  # type: ignore[return-value]  # flags are kept under their own key
        except KeyError:
            value = self._cells[key] = self._flags(index)
            return value

    def _flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_of(index)
        if row is not None and self.is_result_cell(index) and self.rows.scorable(row) and not self._session.read_only:
            return self._editable_flags
        return self._plain_flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _HEADER_ROLES or orientation != Qt.Orientation.Horizontal \
                or not 0 <= section < len(self.columns):
            return None  # font, colours, decoration...: the header asks each section for them on every paint
        key = (_HEADER, section, 0, role)  # kept with the cells: each paint of the header asks every role again
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = self._header_data(section, role)
            return value

    def _header_data(self, section: int, role: int) -> object:
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("code", "name", "unit"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _header_text(self, key: str) -> str:
        # Two lines: a group title over the first column of each group only, so the narrow columns stay narrow
        # (QHeaderView cannot span sections; this reads like a spanned heading).
        if key.startswith("t"):
            level = int(key[1:])
            if self.framework is not None and self.framework.scheme is Scheme.THREE_LEVEL_100:
                return "\n" + (self.tr("Basic"), self.tr("Standard"), self.tr("Advanced"))[level - 1]
            return (self.tr("Criteria") if level == 1 else "") + f"\n{level}"
        group, _, part = key.partition(".")
        if part:
            title = (self.tr("Self-assessment") if group == SELF else self.tr("Evaluator")) if part == "result" else ""
            return f"{title}\n" + {"result": self.tr("Result"), "score": self.tr("Score"),
                                   "weighted": self.tr("Weighted")}[part]
        return "\n" + {"code": self.tr("Code"), "name": self.tr("Indicator"), "unit": self.tr("Unit"),
                       "weight": self.tr("Weight")}[key]

    def _header_tooltip(self, key: str) -> str | None:
        group = key.partition(".")[0]
        if group == SELF:
            return self.tr("The agency's self-assessment report (SAR)")
        if group == OWN:
            return self.tr("Your own rating as evaluator {0}").format(self._session.evaluator_name(self.evaluator))
        if key.startswith("t"):
            return self.tr("Criteria level {0}").format(key[1:])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES_ANSWERED:  # decoration, check state, size...: asked of every cell on every paint
            return None
        # Every cell's roles are asked again on every paint (some 3,500 calls an agreement shown): kept until the
        # table changes (a reset, ratings re-read, a language switch, the workspace found read-only).
        read_only = self._session.workspace.read_only
        if read_only is not self._cached_read_only:
            self._cells.clear()
            self._cached_read_only = read_only
        cell = (index.internalId(), index.row(), index.column())
        key = (*cell, role)
        try:
            return self._cells[key]
        except KeyError:
            pass
        if role in _PAINT_ROLES:  # the delegate asks for all of them, one after another: worked out together
            for paint_role, value in zip(_PAINT_ROLES, self._paint_data(index), strict=True):
                self._cells[(*cell, paint_role)] = value
            return self._cells[key]
        value = self._cells[key] = self._data(index, role)
        return value

    def painted(self, index: Index) -> PaintedCell:
        """What the table's delegate draws for a cell, from one call (`ResultDelegate.paint`): its text as shown,
        alignment, font style, background and text colours; what the paint roles of `data` say of it
        (tests/ui/test_cell_painting.py)."""
        return self.painted_at(index.internalId(), index.row(), index.column())

    def painted_at(self, internal: int, number: int, column: int) -> PaintedCell:
        """`painted` of the cell in row `number` under `internal` (an index's internalId), without an index: the
        view draws whole rows of plain cells from it (`ResultsView.drawRow`)."""
        read_only = self._session.workspace.read_only
        if read_only is not self._cached_read_only:
            self._cells.clear()
            self._cached_read_only = read_only
        try:
            return self._cells[(internal, number, column, _PAINTED)]  # type: ignore[return-value]
        except KeyError:
            pass
        row = self._row_at(internal, number)
        if row is None or not 0 <= column < len(self.columns):
            cell = PaintedCell("", self._align_left, False, False, None, None)
        else:
            cell = self._painted(internal, number, column, row, self.columns[column])
        self._cells[(internal, number, column, _PAINTED)] = cell
        return cell

    def _row_at(self, internal: int, number: int) -> Row | None:
        rows = self.rows
        if internal == _TOP:
            return rows.top_row(number) if 0 <= number < rows.top_count() else None
        if not 0 < internal <= len(rows.children) or not 0 <= number < len(rows.children[internal - 1]):
            return None
        return rows.children[internal - 1][number]

    def _painted(self, internal: int, number: int, column: int, row: Row, key: str) -> PaintedCell:
        left = key in ("name", "unit") or (key == "code" and row.kind != "indicator")
        return PaintedCell(self._shown_at(internal, number, column, row, key),
                           self._align_left if left else self._align_right, *self._font_style(row, key),
                           self._background_colour(row, key),
                           NOT_COUNTED_FOREGROUND if row.indicator is not None
                           and not row.indicator.counted_in(self.round) else None)

    def _shown_at(self, internal: int, number: int, column: int, row: Row, key: str) -> str:
        """`_shown`, kept with the cell's roles: the columns are measured from it, then the cells painted."""
        try:
            return self._cells[(internal, number, column, _SHOWN)]  # type: ignore[return-value]
        except KeyError:
            text = self._cells[(internal, number, column, _SHOWN)] = self._shown(row, key)
            return text

    def _paint_data(self, index: Index) -> tuple[object, object, object, object, object]:
        """What `_data` says of the roles in _PAINT_ROLES, in that order, from one look at the row."""
        row = self.row_of(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None, None, None, None, None
        key = self.columns[index.column()]
        left = key in ("name", "unit") or (key == "code" and row.kind != "indicator")
        alignment = self._align_left if left else self._align_right
        text = self._shown_at(index.internalId(), index.row(), index.column(), row, key)
        foreground = QBrush(NOT_COUNTED_FOREGROUND) if row.indicator is not None \
            and not row.indicator.counted_in(self.round) else None
        return (text, alignment, self._font(row, key), self._background(row, key),
                foreground)

    def _shown(self, row: Row, key: str) -> str:
        """A cell's text as shown: numbers with thousands separators (1,150,000), as the agreement and the papers
        print them; editing and the stored value keep the plain number."""
        text = self.rows.text(row, key)
        return text if key in ("code", "name", "unit") else self._shown_grouped(text)

    def _shown_grouped(self, text: str) -> str:
        """`grouped`, kept per text: the same few numbers in every agreement ("3", "5.0000") are grouped once each,
        not by a regular expression for each of some 300 cells an agreement shown."""
        shown = self._grouped.get(text)
        if shown is None:
            if len(self._grouped) > 4096:
                self._grouped.clear()
            shown = self._grouped[text] = grouped(text)
        return shown

    def _data(self, index: Index, role: int) -> object:
        row = self.row_of(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, key)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # an empty cell is said as its column and "empty"
            return cell_name(self.headerData(index.column(), Qt.Orientation.Horizontal), self._shown(row, key))
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("name", "unit") or (key == "code" and row.kind != "indicator"):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and row.indicator is not None \
                and not row.indicator.counted_in(self.round):
            return QBrush(NOT_COUNTED_FOREGROUND)
        return None

    def _edit_text(self, row: Row, key: str) -> str:
        return self.rows.text(row, key)

    def _tooltip(self, row: Row, key: str) -> str | None:
        item = row.indicator
        if item is None:
            return None
        if not item.counted_in(self.round):
            return self.tr("Not counted in the {0}-month round").format(self.round)
        group, _, part = key.partition(".")
        if part == "score":
            score = self.rows.score(group, item.code)
            if score is not None and score.adjusted:
                computed = "-" if score.computed_score is None else format4(score.computed_score)
                return self.tr("Adjusted by the committee (score from the result: {0}). Reason: {1}").format(
                    computed, score.adjust_reason)
        if key == f"{SELF}.result" and item.code in self._accepted:
            accepted = self._accepted[item.code]
            reported = self.rows.ratings[SELF].get(item.code)
            if reported is not None and reported.rating.result == accepted.result:
                return self.tr("Accepted by the committee as reported ({0}, {1})").format(
                    accepted.accepted_by, thai_datetime_from_iso(accepted.accepted_at))
            return self.tr("Changed since the committee accepted {0}: to be accepted again").format(
                accepted.result)
        if part == "result":
            stored = self.rows.ratings[group].get(item.code)
            if stored is not None and stored.rating.confirmed_warning:  # kept as typed: say what it was warned of
                return self.tr("Kept as typed despite the warning:") + "\n" + stored.rating.confirmed_warning
        if part == "result" and self.rows.scorable(row):
            if item.thresholds is not None and self.agreement is not None \
                    and item.kind.value == "milestone":
                return self.tr("Type the level reached, 0 to {0}, then Enter").format(len(item.thresholds))
            return self.tr("Type the result, then Enter")
        if key == "name":
            return item.name
        return None

    def _font_style(self, row: Row, key: str) -> tuple[bool, bool]:
        """(bold, italic): headers, the total and parents are bold; an adjusted score is italic."""
        bold = row.kind != "indicator" or (row.indicator is not None and row.indicator.code in self.rows.parents)
        group, _, part = key.partition(".")
        italic = False
        if part == "score" and row.indicator is not None:
            score = self.rows.score(group, row.indicator.code)
            italic = score is not None and score.adjusted
        return bold, italic

    def _font(self, row: Row, key: str) -> QFont | None:
        bold, italic = self._font_style(row, key)
        if not bold and not italic:
            return None
        font = QFont()
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _background(self, row: Row, key: str) -> QBrush | None:
        colour = self._background_colour(row, key)
        return None if colour is None else QBrush(colour)

    def _background_colour(self, row: Row, key: str) -> QColor | None:
        if row.kind != "indicator":
            return GROUP_ROW_BACKGROUND
        group, _, part = key.partition(".")
        if part == "score" and row.indicator is not None:
            score = self.rows.score(group, row.indicator.code)
            if score is not None and score.adjusted:
                return ADJUSTED_BACKGROUND
        if group == OWN and part == "result" and self.rows.scorable(row) and not self._session.read_only:
            return EDITABLE_BACKGROUND  # the cells `_flags` makes editable
        return None

    # --- editing -----------------------------------------------------------------------------------------------

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        item = self.indicator_at(index)
        group = self.group_of(index)
        assert item is not None and group is not None and self.agreement_id is not None
        text = "" if value is None else str(value).strip()
        self.last_typed = text
        confirming, self._confirming = self._confirming, False
        try:
            result = None if not text else parse_decimal(text)
        except NumberFormatError:
            return self._refuse(index, bilingual(
                f"ผลของตัวชี้วัด {item.code} ต้องเป็นตัวเลข (เช่น 92.5 หรือ ๙๒.๕) ได้ '{text}'",
                f"the result of indicator {item.code} must be a number (such as 92.5), got '{text}'"))
        stored = self.rows.ratings[group].get(item.code)
        old = None if stored is None else stored.rating.result
        if old == result and stored is not None:
            return self._accept(index)
        confirmed = None
        if result is not None and self.framework is not None:
            checks = check_result(item, result, self.framework)
            if refusals(checks):
                return self._refuse(index, "\n".join(problem_text(p) for p in refusals(checks)))
            if warnings(checks):
                if self._awaiting != (group, item.code, result) or not confirming:
                    self._awaiting = (group, item.code, result)
                    self.last_edit_accepted = False
                    self.warned.emit(QModelIndex(index),  # type: ignore[arg-type]  # the stub lacks QPersistentModelIndex
                                     "\n".join(problem_text(p) for p in warnings(checks)))
                    return False
                confirmed = warning_text(warnings(checks))  # Enter on it again, or Keep: confirmed
        base = stored.rating if stored is not None else Rating(
            code=item.code, round=self.round, evaluator=self.evaluator_of(group))
        name = self.tr("Result of indicator {0}").format(item.code) if group == OWN else \
            self.tr("Self-assessed result of indicator {0}").format(item.code)
        step = f"{name}: {'-' if old is None else plain(old)} → {'-' if result is None else plain(result)}"
        outcome = self._session.run(self._session.rating_change(
            self.agreement_id, replace(base, result=result, confirmed_warning=confirmed),
            None if stored is None else stored.note, step))
        if not outcome.ok:  # refused, read-only, or the disk refused: rolled back, the old value stays
            return self._refuse(index, outcome.error or "")
        return self._accept(index)

    def awaiting_confirmation(self, index: Index) -> bool:
        """Whether a warned value of this cell waits for the person to keep it or correct it."""
        item, group = self.indicator_at(index), self.group_of(index)
        return item is not None and self._awaiting is not None and self._awaiting[:2] == (group, item.code)

    def confirm_next(self) -> None:
        """The person keeps the warned value: the next commit of it (Enter, or Keep) records it with its warning."""
        self._confirming = True

    def discard_warning(self) -> None:
        """The person dropped the warned value (Esc, or closed its warning): typing it again warns again."""
        self._awaiting = None

    def _accept(self, index: Index) -> bool:
        if self.awaiting_confirmation(index):  # a warned value of another cell still waits (its line shows)
            self._awaiting = None
        self.last_edit_accepted = True
        self.accepted.emit(QModelIndex(index))  # type: ignore[arg-type]  # the stub lacks QPersistentModelIndex
        return True

    def _refuse(self, index: Index, message: str) -> bool:
        self._awaiting = None
        self.last_edit_accepted = False
        self.refused.emit(QModelIndex(index), message)  # type: ignore[arg-type]  # the stub lacks QPersistentModelIndex
        return False

    def adjust_score(self, code: str, score: Decimal | None, reason: str | None) -> Outcome[None]:
        """Set (or with None, remove) the committee's adjusted score of this evaluator's rating."""
        assert self.agreement_id is not None
        stored = self.rows.ratings[OWN].get(code)
        base = stored.rating if stored is not None else Rating(code=code, round=self.round,
                                                                 evaluator=self.evaluator)
        rating = with_adjustment(base, score, reason)  # as store.ratings.adjust_score (evaluator-app adjust) does
        if score is None:
            step = self.tr("Remove adjusted score of indicator {0}").format(code)
        else:
            step = self.tr("Adjusted score of indicator {0}: {1}").format(code, format4(score))
        return self._session.run(self._session.rating_change(
            self.agreement_id, rating, None if stored is None else stored.note, step))
