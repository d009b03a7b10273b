"""The meeting table: a delegate that marks broken constraints and changed cells by shape as well as colour (a
projector washes colours out) and writes an indicator's name on two lines, and a view that edits on the first key,
says why a locked version refuses, and sizes its type so that the rows asked for fit its height."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygon,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
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
NAME_ELLIPSIS = "…"
LINE_BREAK = "\u2028"  # Qt's item painting starts a new line here
NAME_LINES = 2
ROW_PADDING = 6  # pixels above and below the two lines of a row
HEADER_PADDING = 10  # the header section's padding and border in meeting mode's style sheet
CELL_AIR = 24  # pixels beside a figure: large type needs air
NAME_SHARE = 0.4  # of the table's width, at least, for the indicators' names
SMALLEST_TYPE = 8.0  # points; below this a projector's room reads nothing anyway


def wrapped_lines(text: str, font: QFont, width: int, lines: int = NAME_LINES) -> list[str]:
    """`text` broken into at most `lines` lines of `width` pixels, between words where it can (Thai between words
    where the system can tell them), the last line ending in "…" when the text goes on."""
    if width <= 0 or not text:
        return [text]
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    result: list[str] = []
    layout.beginLayout()
    while len(result) < lines - 1:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        result.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    rest = text[sum(len(part) for part in result):]
    if rest:
        result.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return [part.rstrip() for part in result] or [text]


class ConstraintDelegate(QStyledItemDelegate):
    """A thick red frame and a corner triangle on a cell that breaks a constraint; a blue corner on a changed one.
    An indicator's name is written on two lines, the second ending in "…" when it goes on (the whole name is in
    its tooltip): the room reads more than a few words, and every row keeps one height."""

    editingChanged = Signal(bool)

    def name_column(self, index: Index) -> bool:
        model = index.model()
        columns = getattr(model, "columns", None)
        return columns is not None and 0 <= index.column() < len(columns) and columns[index.column()] == "name"

    def text_margin(self, widget: QWidget | None) -> int:
        style = widget.style() if widget is not None else QApplication.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1

    def text_width(self, width: int, widget: QWidget | None) -> int:
        return width - 2 * self.text_margin(widget)

    def name_text(self, index: Index, width: int) -> str:
        """The name as drawn in a cell `width` pixels wide: lines joined by LINE_BREAK."""
        font = index.data(Qt.ItemDataRole.FontRole)
        parent = self.parent()
        widget = parent if isinstance(parent, QWidget) else None
        if not isinstance(font, QFont):
            font = widget.font() if widget is not None else QApplication.font()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return LINE_BREAK.join(wrapped_lines(text, font, self.text_width(width, widget)))

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self.name_column(index):
            option.text = self.name_text(index, option.rect.width())  # type: ignore[attr-defined]
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText  # type: ignore[attr-defined]
            option.textElideMode = Qt.TextElideMode.ElideNone  # type: ignore[attr-defined]

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
        return QSize(size.width() + CELL_AIR, size.height() + 10)  # air around large type


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
        # Names wrap to two lines rather than elide to a few words. (Qt breaks Thai between words where the system
        # has libthai; elsewhere it still wraps, if less neatly.)
        self.setWordWrap(False)  # the delegate writes the name's two lines itself
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(8)
        self.type_size = 0.0
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
        """Measured once per version shown and type size, not on every keystroke. The sub-indicator sum is only
        shown where there are sub-indicators."""
        model = self.table_model()
        header = self.horizontalHeader()
        for column, key in enumerate(model.columns):
            if key == "subtotal":
                self.setColumnHidden(column, not model.has_children())
            if key == "name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.resizeColumnToContents(column)

    def _name_resized(self, column: int, _old: int, _new: int) -> None:
        self.viewport().update()  # the names break into their two lines at the new width

    # --- type sized to the screen ------------------------------------------------------------------------------

    def set_type_size(self, points: float) -> None:
        """The table's type (cells, header and editor) at `points`; rows two lines high."""
        self.type_size = points
        # The view's own sheet outranks meeting mode's, which sizes the rest of the window's type.
        self.setStyleSheet(f"* {{ font-size: {points:.2f}pt; }}")
        font = QFont(QApplication.font())
        font.setPointSizeF(points)
        self.table_model().set_base_font(font)
        self.verticalHeader().setDefaultSectionSize(NAME_LINES * QFontMetrics(font).lineSpacing() + ROW_PADDING)
        self.fit_columns()
        self.updateGeometries()

    def needed_height(self, rows: int, points: float) -> int:
        """The height the header and `rows` rows take at `points`."""
        font = QFont(QApplication.font())
        font.setPointSizeF(points)
        row = NAME_LINES * QFontMetrics(font).lineSpacing() + ROW_PADDING
        font.setBold(True)
        return QFontMetrics(font).height() + HEADER_PADDING + rows * row + 2 * self.frameWidth()

    def needed_width(self, points: float) -> int:
        """The width every column but the names' takes at `points` (as resizeColumnToContents would make it)."""
        model = self.table_model()
        plain_font = QFont(QApplication.font())
        plain_font.setPointSizeF(points)
        bold_font = QFont(plain_font)
        bold_font.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(plain_font), QFontMetrics(bold_font)
        cell_extra = 2 * self.delegate.text_margin(self) + CELL_AIR
        total = 0
        for column, key in enumerate(model.columns):
            if key == "name" or self.isColumnHidden(column):
                continue
            header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = bold_metrics.horizontalAdvance(header) + HEADER_PADDING
            for row in range(model.rowCount()):
                index = model.index(row, column)
                font = index.data(Qt.ItemDataRole.FontRole)
                metrics = bold_metrics if isinstance(font, QFont) and font.bold() else plain_metrics
                widest = max(widest, metrics.horizontalAdvance(str(index.data() or "")) + cell_extra)
            total += widest
        return total

    def predicted_fit(self, rows: int, points: float) -> bool:
        width = self.width() - 2 * self.frameWidth()
        return self.needed_height(rows, points) <= self.height() \
            and self.needed_width(points) <= width * (1 - NAME_SHARE)

    def rows_fit(self, rows: int) -> bool:
        """The first `rows` rows lie inside the viewport, and every column fits its width."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return True
        last = model.index(min(rows, model.rowCount()) - 1, 0)
        viewport = self.viewport().rect()
        bottom = self.rowViewportPosition(last.row()) + self.rowHeight(last.row())
        if bottom > viewport.height() or self.horizontalHeader().length() > viewport.width() + 1:
            return False
        names = getattr(model, "columns", [])
        # The names keep at least two fifths of the width: large figures must not squeeze them to a few words.
        return "name" not in names or self.columnWidth(names.index("name")) >= viewport.width() * NAME_SHARE

    def fit_type(self, rows: int, largest: float) -> float:
        """The largest type (in points, quarter steps) at which `rows` rows and every column fit the view as it is
        laid out now, down to SMALLEST_TYPE; applied and returned. Found by halving on font metrics (a style sheet
        applied per try took a fifth of a second), then checked on the real table and stepped down if the style
        made it larger than measured."""
        low, high = 0, int((largest - SMALLEST_TYPE) * 4)  # quarter points above the smallest
        while low < high:
            middle = (low + high + 1) // 2
            if self.predicted_fit(rows, SMALLEST_TYPE + middle / 4):
                low = middle
            else:
                high = middle - 1
        points = SMALLEST_TYPE + low / 4
        self.set_type_size(points)
        self.scrollToTop()
        while points > SMALLEST_TYPE and not self.rows_fit(rows):
            points -= 0.25
            self.set_type_size(points)
            self.scrollToTop()
        return points

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
