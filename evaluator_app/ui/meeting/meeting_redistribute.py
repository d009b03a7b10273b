"""Redistribute: set one weight and choose where the difference goes; every weight that would change is listed
before anything is applied, and applying is one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement import Indicator
from ...domain.framework import Framework
from ...domain.numbers import NumberFormatError, parse_decimal, plain
from ...domain.problems import ProblemsError
from ...domain.redistribution import Redistribution, Spread, WeightChange, level_sums, redistribute
from ..common.list_model import ListTableModel
from ..common.messages import problems_text
from .tool_windows import add_close_keys, fit_to_screen

Index = QModelIndex | QPersistentModelIndex


class SiblingsModel(QAbstractListModel):
    """The indicators that could take or give the difference, each with a tick."""

    def __init__(self, siblings: Sequence[Indicator], ticked: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.siblings = list(siblings)
        self.ticked = {code for code in ticked if any(i.code == code for i in self.siblings)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.siblings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.siblings):
            return None
        item = self.siblings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.code}  {item.name}  ({plain(item.weight)})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.code in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        code = self.siblings[index.row()].code
        checked = value == Qt.CheckState.Checked or value == Qt.CheckState.Checked.value
        if checked:
            self.ticked.add(code)
        else:
            self.ticked.discard(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def ticked_codes(self) -> list[str]:
        return [i.code for i in self.siblings if i.code in self.ticked]


class ChangesModel(ListTableModel[WeightChange]):
    """The weights a redistribution changes: code, indicator, before, after, difference."""

    COLUMNS = ("code", "name", "old", "new", "delta")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names: dict[str, str] = {}

    @property
    def changes(self) -> list[WeightChange]:
        return self.items()

    def set_changes(self, changes: Sequence[WeightChange], names: dict[str, str]) -> None:
        self.names = names
        self.set_items(changes)

    def header(self, key: str) -> object:
        return {"code": self.tr("Code"), "name": self.tr("Indicator"), "old": self.tr("Before"),
                "new": self.tr("After"), "delta": self.tr("Change")}[key]

    def cell(self, change: WeightChange, key: str, role: int, row: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            delta = change.new - change.old
            return {"code": change.code, "name": self.names.get(change.code, ""), "old": plain(change.old),
                    "new": plain(change.new), "delta": ("+" if delta > 0 else "") + plain(delta)}[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "name":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "delta":
            return QBrush(QColor("#0a5c16" if change.new > change.old else "#a00000"))
        return None


class RedistributeDialog(QDialog):
    """Choose the new weight of one indicator and how to spread the difference; the result is `redistribution`."""

    def __init__(self, indicators: Sequence[Indicator], code: str, siblings: Sequence[Indicator],
                 framework: Framework | None, ticked: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("redistributeDialog")
        self.indicators = tuple(indicators)
        self.code = code
        self.framework = framework
        self.redistribution: Redistribution | None = None
        item = next(i for i in self.indicators if i.code == code)
        self.item = item
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.level_note = QLabel(self)
        self.level_note.setObjectName("levelNote")
        self.level_note.setWordWrap(True)
        self.level_note.setStyleSheet("color: #8b0000; font-weight: bold")
        self.level_sum, self.level_required = level_sums(self.indicators, code, framework)
        self.weight_label = QLabel(self)
        self.weight_edit = QLineEdit(plain(item.weight), self)
        self.weight_edit.setObjectName("newWeight")
        self.weight_label.setBuddy(self.weight_edit)
        self.proportional = QRadioButton(self)
        self.proportional.setObjectName("spreadProportional")
        self.equal = QRadioButton(self)
        self.equal.setObjectName("spreadEqual")
        self.proportional.setChecked(True)
        self.over_all = QRadioButton(self)
        self.over_all.setObjectName("overAll")
        self.over_ticked = QRadioButton(self)
        self.over_ticked.setObjectName("overTicked")
        spread_group, over_group = QButtonGroup(self), QButtonGroup(self)
        spread_group.addButton(self.proportional)
        spread_group.addButton(self.equal)
        over_group.addButton(self.over_all)
        over_group.addButton(self.over_ticked)
        self.siblings = SiblingsModel(siblings, ticked, self)
        self.siblings_view = QListView(self)
        self.siblings_view.setObjectName("siblings")
        self.siblings_view.setModel(self.siblings)
        (self.over_ticked if self.siblings.ticked else self.over_all).setChecked(True)
        rows = min(max(len(siblings), 1), 5)
        self.siblings_view.setFixedHeight(rows * (self.siblings_view.sizeHintForRow(0) or 30)
                                          + 2 * self.siblings_view.frameWidth() + 4)
        self.changes = ChangesModel(self)
        self.changes_label = QLabel(self)
        self.changes_view = QTableView(self)
        self.changes_view.setObjectName("changes")
        self.changes_view.setModel(self.changes)
        self.changes_view.verticalHeader().hide()
        self.changes_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.changes_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.problem = QLabel(self)
        self.problem.setObjectName("redistributeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000; font-weight: bold")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.spread_label = QLabel(self)
        self.over_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.weight_label, self.weight_edit)
        spread_box = QVBoxLayout()
        spread_box.addWidget(self.proportional)
        spread_box.addWidget(self.equal)
        form.addRow(self.spread_label, spread_box)
        over_box = QVBoxLayout()
        over_box.addWidget(self.over_all)
        over_box.addWidget(self.over_ticked)
        over_box.addWidget(self.siblings_view)
        form.addRow(self.over_label, over_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.level_note)
        layout.addLayout(form)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes_view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.weight_edit.textChanged.connect(lambda _text: self.preview())
        for button in (self.proportional, self.equal, self.over_all, self.over_ticked):
            button.toggled.connect(lambda _checked: self.preview())
        self.siblings.dataChanged.connect(lambda *_args: self._ticked_changed())
        self._retranslate()
        fit_to_screen(self, 1000, 860)
        add_close_keys(self, self.reject)
        self.preview()

    def _ticked_changed(self) -> None:
        if self.siblings.ticked and not self.over_ticked.isChecked():
            self.over_ticked.setChecked(True)  # ticking a row means "only these"
        else:
            self.preview()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Redistribute weights"))
        self.heading.setText(self.tr("Indicator {0}: {1} (weight now {2})").format(
            self.item.code, self.item.name, plain(self.item.weight)))
        self.weight_label.setText(self.tr("&New weight:"))
        self.spread_label.setText(self.tr("Spread the difference:"))
        self.proportional.setText(self.tr("&In proportion to their weights"))
        self.equal.setText(self.tr("&Equally"))
        self.over_label.setText(self.tr("Over:"))
        self.over_all.setText(self.tr("&All indicators at the same level"))
        self.over_ticked.setText(self.tr("&Only the ticked indicators"))
        self.changes_label.setText(self.tr("These weights will change:"))
        self.level_note.setVisible(self.level_sum != self.level_required)
        self.level_note.setText(self.tr("The weights at this level sum to {0}, not {1}: applying brings them back to "
                                        "{1}.").format(plain(self.level_sum), plain(self.level_required)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Apply"))

    def spread(self) -> Spread:
        return Spread.EQUAL if self.equal.isChecked() else Spread.PROPORTIONAL

    def preview(self) -> None:
        """Work out the redistribution now, so the person sees every change (or why not) before applying."""
        self.redistribution = None
        self.problem.setText("")
        self.changes.set_changes([], {})
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        try:
            weight = parse_decimal(self.weight_edit.text())
        except NumberFormatError:
            self.problem.setText(self.tr("Type the new weight as a number, such as 35 or 12.5."))
            return
        over = self.siblings.ticked_codes() if self.over_ticked.isChecked() else None
        if over is not None and not over and (weight != self.item.weight or self.level_sum != self.level_required):
            self.problem.setText(self.tr("Tick the indicators that take or give the difference."))
            return
        try:
            result = redistribute(self.indicators, self.code, weight, over=over, spread=self.spread(),
                                  framework=self.framework)
        except ProblemsError as exc:
            self.problem.setText(problems_text(exc))
            return
        self.redistribution = result
        names = {i.code: i.name for i in self.indicators}
        self.changes.set_changes(result.changes, names)
        self.changes_view.resizeColumnsToContents()
        self.changes_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ok.setEnabled(bool(result.changes))

    def step_text(self) -> str:
        how = self.tr("equally") if self.spread() is Spread.EQUAL else self.tr("proportionally")
        new = self.redistribution.changes[0].new if self.redistribution and self.redistribution.changes \
            else Decimal(0)
        for change in self.redistribution.changes if self.redistribution else ():
            if change.code == self.code:
                new = change.new
        return self.tr("Redistribute from {0}: {1} → {2} ({3})").format(
            self.code, plain(self.item.weight), plain(new), how)
