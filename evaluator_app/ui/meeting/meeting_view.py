"""The meeting table: a delegate that marks broken constraints and changed cells by shape as well as colour (a
projector washes colours out), and a view that edits on the first key and says why a locked version refuses."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from .meeting_model import ChangedRole, ProblemRole, VersionTableModel

Index = QModelIndex | QPersistentModelIndex

PROBLEM_EDGE = QColor("#c00000")
CHANGED_MARK = QColor("#1f4e9e")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ConstraintDelegate(QStyledItemDelegate):
    """A thick red frame and a corner triangle on a cell that breaks a constraint; a blue corner on a changed one."""

    editingChanged = Signal(bool)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        problems = index.data(ProblemRole)
        changed = index.data(ChangedRole)
        if not problems and changed is None:
            return
        rect = option.rect  # type: ignore[attr-defined]
        size = max(8, rect.height() // 3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if changed is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CHANGED_MARK)
            right = rect.topRight()
            painter.drawPolygon(QPolygon([right, right - QPoint(size, 0), right + QPoint(0, size)]))
        if problems:
            painter.setPen(QPen(PROBLEM_EDGE, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PROBLEM_EDGE)
            left = rect.topLeft()
            painter.drawPolygon(QPolygon([left, left + QPoint(size, 0), left + QPoint(0, size)]))
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("meetingCellEditor")
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        editor.setAlignment(Qt.AlignmentFlag(alignment) if alignment else Qt.AlignmentFlag.AlignRight)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text: self.editingChanged.emit(True))
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, size.height() + 10)  # air around large type


class MeetingTableView(QTableView):
    """Indicators of the version on screen; a typed cell commits on Enter and the cursor moves down."""

    editRefused = Signal(QModelIndex)  # someone tried to edit a cell the version on screen does not allow

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingTable")
        self.delegate = ConstraintDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(False)
        # Names wrap rather than elide: the room reads the whole indicator. (Qt breaks Thai between words where
        # the system has libthai; elsewhere it still wraps, if less neatly.)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        header.sectionResized.connect(self._name_resized)

    def table_model(self) -> VersionTableModel:
        model = self.model()
        assert isinstance(model, VersionTableModel)
        return model

    def fit_columns(self) -> None:
        """Measured once per version shown, not on every keystroke."""
        model = self.table_model()
        header = self.horizontalHeader()
        for column, key in enumerate(model.columns):
            if key == "name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.resizeColumnToContents(column)
        self.resizeRowsToContents()

    def _name_resized(self, column: int, _old: int, _new: int) -> None:
        model = self.model()
        if isinstance(model, VersionTableModel) and 0 <= column < len(model.columns) \
                and model.columns[column] == "name":
            self.resizeRowsToContents()

    # --- refusing edits of a locked version --------------------------------------------------------------------

    def _would_edit(self, index: QModelIndex) -> bool:
        model = self.table_model()
        if not index.isValid() or model.editable or model.indicator_at(index) is None:
            return False
        return model.is_editable_key(model.columns[index.column()])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and self.state() != QAbstractItemView.State.EditingState:
            self._move_down()
            return
        typing = bool(event.text()) and event.text().isprintable() and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if typing and self.state() != QAbstractItemView.State.EditingState and self._would_edit(self.currentIndex()):
            self.editRefused.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if self._would_edit(index):
            self.setCurrentIndex(index)
            self.editRefused.emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def show_message_at(self, index: QModelIndex, message: str) -> None:
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self.viewport(), rect, 10000)

    # --- keyboard flow -----------------------------------------------------------------------------------------

    def _move_down(self) -> None:
        index = self.currentIndex()
        model = self.model()
        if model is None or not index.isValid():
            return
        for row in range(index.row() + 1, model.rowCount()):
            below = model.index(row, index.column())
            if model.flags(below) & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(below)
                self.scrollTo(below)
                return

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.delegate.editingChanged.emit(False)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down()
