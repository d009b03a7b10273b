"""The indicator table, keyboard first: type a result, Enter, and the cursor is on the next indicator's result."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QHoverEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
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
    QToolTip,
    QTreeView,
    QWidget,
)

from ...domain.numbers import format4
from .agreement_model import AgreementModel, PaintedCell
from .column_fit import ColumnFit, fit_columns, visual_order
from .result_warning import ResultWarning
from .typing_hint import TypingHint

Index = QModelIndex | QPersistentModelIndex

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NO_WRAP = QTextOption()
_NO_WRAP.setWrapMode(QTextOption.WrapMode.ManualWrap)
_CELL_PADDING = 12  # pixels added to each cell's width
# A name elided in the middle keeps at least this many characters at each end (20 or more in all).
NAME_KEEPS = 11
# What an unselected cell is painted with; a view without focus paints with the Inactive group of these.
# Cells in any of these states are painted by Qt itself; the delegate draws the others (enabled, nothing else).
_OWN_STATES = sum(flag.value for flag in (QStyle.StateFlag.State_Selected, QStyle.StateFlag.State_HasFocus,
                                          QStyle.StateFlag.State_Editing, QStyle.StateFlag.State_MouseOver,
                                          QStyle.StateFlag.State_Enabled))
_PLAIN_STATE = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_CELL_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
               QPalette.ColorRole.WindowText)


class ResultDelegate(QStyledItemDelegate):
    """A plain line editor for results; it tells the window while something typed is not saved yet.

    It also paints the cells. QStyledItemDelegate asks the model for seven roles of every cell on every paint (seven
    calls into Python) and the style lays out and shapes the text twice each time: two thirds of switching
    agreements. A cell that is neither selected, current, edited nor under the mouse is drawn here instead from one
    call (`AgreementModel.painted`) and its text shaped once per text and font (and width, if elided), placed
    where `QCommonStyle` places it (viewItemDrawText): the same pixels (tests/ui/test_cell_painting.py). Other
    cells, and text this does not place (several lines, spaces at either end), are drawn by Qt as before."""

    editingChanged = Signal(bool)
    editorOpened = Signal(QLineEdit, QModelIndex)  # a result's editor, and its cell

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model: AgreementModel | None = None  # the model this paint draws cells of itself (`prepare`)
        self._look: tuple[object, ...] = ()  # the font, palette, style and elision the kept layouts were made for
        self._margin = 0
        self._text_colours: tuple[QColor, QColor] = (QColor(), QColor())  # the palette's Text, active, inactive
        self._fonts: dict[tuple[bool, bool], QFont] = {}  # the view's font, bold and italic
        self._shaped: dict[tuple[str, bool, bool], tuple[_Shaped, float] | None] = {}  # with its natural width
        self._elided: dict[tuple[str, bool, bool, int], _Shaped | None] = {}
        self._sizes: dict[tuple[object, ...], QSize] = {}  # `sizeHint` per text, font style and view option

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text: self.editingChanged.emit(True))
        self.editorOpened.emit(editor, QModelIndex(index))  # type: ignore[arg-type]  # the stub lacks QPersistentModelIndex
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # QTreeView asks every cell of the first row on each agreement shown (its rows' height): Qt's answer reads
        # seven roles and lays the text out, and depends only on the text, its font and the view's option here
        model = index.model()
        key: tuple[object, ...] | None = None
        if isinstance(model, AgreementModel):
            cell = model.painted(index)
            widget = option.widget  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
            style = widget.style() if widget is not None else QApplication.style()
            key = (cell.text, cell.bold, cell.italic, option.font.key(), id(style),  # type: ignore[attr-defined]
                   option.decorationSize.toTuple(), option.features.value,  # type: ignore[attr-defined]
                   option.textElideMode)  # type: ignore[attr-defined]
            known = self._sizes.get(key)
            if known is not None:
                return QSize(known)
        size = super().sizeHint(option, index)
        hint = QSize(size.width() + _CELL_PADDING, size.height())  # columns sized to content need air between
        if key is not None:
            if len(self._sizes) > _SHAPED_KEPT:
                self._sizes.clear()
            self._sizes[key] = QSize(hint)
        return hint

    def own_model(self) -> AgreementModel | None:
        """The model whose plain cells this paint draws itself (None: Qt draws every cell)."""
        return self._model

    def prepare(self, view: QAbstractItemView) -> None:
        """Before the view paints: what every cell of this paint shares (the view's item option), looked at once
        rather than per cell; the shaped text is forgotten when the font, palette, style or elision changed."""
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        font: QFont = option.font  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        style = view.style()
        look = (font.key(), palette.cacheKey(), id(style), option.textElideMode)  # type: ignore[attr-defined]
        model = view.model()
        self._model = model if isinstance(model, AgreementModel) and option.showDecorationSelected \
            and option.direction == Qt.LayoutDirection.LeftToRight else None  # type: ignore[attr-defined]
        if look == self._look:
            return
        self._look = look
        self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._text_colours = (palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text),
                              palette.color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text))
        self._shaped.clear()
        self._elided.clear()
        self._fonts.clear()
        for bold in (False, True):
            for italic in (False, True):
                styled = QFont(font)
                if bold:
                    styled.setBold(True)
                if italic:
                    styled.setItalic(True)
                self._fonts[(bold, italic)] = styled

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # about 220 cells a paint: the common case stays on plain ints and dictionary lookups
        state = option.state.value  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        model = self._model
        if model is None or state & _OWN_STATES != _PLAIN_STATE:
            super().paint(painter, option, index)
            return
        cell = model.painted(index)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        shaped = self.placed(cell, rect.width())
        if shaped is _NOT_PLACED:
            super().paint(painter, option, index)
            return
        self.draw_plain(painter, rect, state, cell, shaped)  # type: ignore[arg-type]

    def placed(self, cell: PaintedCell, width: int) -> _Shaped | object | None:
        """The shaped text a plain cell this wide is drawn with (None: no text), or _NOT_PLACED for a cell this
        delegate leaves to Qt (text of several lines or with spaces at either end, or neither left nor right
        aligned)."""
        if not cell.text:
            return None
        inner = width - 2 * self._margin
        known = self._shaped.get((cell.text, cell.bold, cell.italic))
        shaped = known[0] if known is not None and known[1] <= inner else self._shape(cell, inner)
        if shaped is None or cell.alignment & _HORIZONTAL not in (_LEFT, _RIGHT) \
                or (cell.alignment & _HORIZONTAL != _LEFT and cell.text[0].isspace()):
            return _NOT_PLACED
        return shaped

    def draw_plain(self, painter: QPainter, rect: QRect, state: int, cell: PaintedCell,
                   shaped: _Shaped | None) -> None:
        """A plain cell (enabled; neither selected, current, edited nor under the mouse) as the style draws it."""
        if cell.background is not None:
            painter.fillRect(rect, cell.background)
        if shaped is not None:
            layout, advance, height = shaped
            margin = self._margin
            # where QTextLine puts the line in one `inner` wide (QTextEngine::alignLine) and the style centres it
            shift = rect.width() - 2 * margin - advance if cell.alignment & _RIGHT else 0.0
            painter.save()
            painter.setClipRect(rect)  # as the style: Thai marks above a line stop at the cell's edge
            painter.setPen(cell.foreground if cell.foreground is not None
                           else self._text_colours[0] if state & _ACTIVE else self._text_colours[1])
            layout.draw(painter, QPointF(rect.x() + margin + shift, rect.y() + int((rect.height() - height) / 2)))
            painter.restore()

    def _shape(self, cell: PaintedCell, inner: int) -> _Shaped | None:
        key = (cell.text, cell.bold, cell.italic)
        try:
            shaped = self._shaped[key]
        except KeyError:
            if len(self._shaped) > _SHAPED_KEPT:  # bounded: names are many and seldom drawn again
                self._shaped.clear()
            shaped = self._shaped[key] = _one_line(cell.text, self._fonts[(cell.bold, cell.italic)])
        if shaped is None or shaped[1] <= inner:
            return None if shaped is None else shaped[0]
        # too wide: elided as the style elides it (calculateElidedText) to the width the cell gives it, and
        # centred by the height of the whole text's line
        elided_key = (cell.text, cell.bold, cell.italic, inner)
        try:
            return self._elided[elided_key]
        except KeyError:
            if len(self._elided) > _SHAPED_KEPT:
                self._elided.clear()
            font = self._fonts[(cell.bold, cell.italic)]
            text = QFontMetrics(font).elidedText(cell.text, self._look[3], inner)  # type: ignore[arg-type]
            elided = _one_line(text, font)
            placed = self._elided[elided_key] = None if elided is None else \
                (elided[0][0], elided[0][1], shaped[0][2])
            return placed


# A shaped layout keeps its glyphs (a few kB): some 4,000 is a screenful of cells of the last 20 or so agreements
_SHAPED_KEPT = 4_000
_Shaped = tuple[QTextLayout, float, int]  # a line's layout, its advance, and the height the style centres
_NOT_PLACED = object()  # `placed`: a cell Qt draws
_HORIZONTAL = int(Qt.AlignmentFlag.AlignHorizontal_Mask)
_LEFT = int(Qt.AlignmentFlag.AlignLeft)
_RIGHT = int(Qt.AlignmentFlag.AlignRight)


def _one_line(text: str, font: QFont) -> tuple[_Shaped, float] | None:
    """`text` shaped and laid out on one left-aligned line, and its natural width; None for text the delegate
    leaves to the style (more than one line, or spaces at its end, which the style's alignment treats apart; the em
    spaces sub-indicators' names begin with are placed as the style places them, left-aligned: `placed`)."""
    if text != text.rstrip() or any(mark in text for mark in "\n\r\t\u2028\u2029"):
        return None
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)  # its shaped glyphs are kept for every later paint
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    line.setPosition(QPointF(0, 0))
    more = layout.createLine().isValid()
    layout.endLayout()
    if more:
        return None
    # the style centres the laid-out line's height, rounded up (QTextLayout::boundingRect)
    return (layout, line.horizontalAdvance(), math.ceil(line.height())), line.naturalTextWidth()


_HOVER_EVENTS = (QEvent.Type.HoverEnter, QEvent.Type.HoverMove, QEvent.Type.HoverLeave)


_Position = QStyleOptionViewItem.ViewItemPosition


def _item_position(logical: int, previous: int, following: int, tree: int, shown: int) -> _Position:
    """Where a cell sits in its row for the style, as QTreeViewPrivate::calcLogicalIndices says it (by the logical
    columns shown before and after it, -1 for none, and the tree's column)."""
    if shown == 1 or (following == 0 and previous == -1) or (logical == 0 and following == -1):
        return _Position.OnlyOne
    if logical == tree or (following != 0 and previous == -1):
        return _Position.Beginning
    if following in (0, -1):
        return _Position.End
    return _Position.Middle


class _RowsPlan:
    """What drawing the rows of one paint shares (`ResultsView._plan_rows`)."""

    def __init__(self, model: AgreementModel, columns: list[tuple[int, int, int, _Position]],
                 special: set[tuple[int, int]],
                 panel: QStyleOptionViewItem, style: QStyle, offset: int, alternating: bool):
        self.model = model
        # (logical column, x in the viewport, width, where in the row) of the columns this paint reaches
        self.columns = columns
        self.special = special
        self.panel = panel  # the option the row's panel is drawn with, per cell
        self.style = style
        self.offset = offset  # the view's vertical offset: which rows are alternate
        self.alternating = alternating
        features = panel.features  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        alternate = QStyleOptionViewItem.ViewItemFeature.Alternate
        self.alternate = features | alternate
        self.plain = features & ~alternate


class ResultsView(QTreeView):
    """Indicators grouped by dimension; result cells edit on the first key pressed."""

    adjustRequested = Signal(QModelIndex)
    copyRequested = Signal()  # Ctrl+C or the cell menu: the selection as tab-separated text
    pasteRequested = Signal()  # Ctrl+V
    clearRequested = Signal()  # Delete or Backspace: the selected results removed
    historyRequested = Signal(QModelIndex)  # the cell menu: the rating's history in the details pane
    evidenceRequested = Signal(QModelIndex)  # the cell menu: attach evidence to the row's indicator
    fitChanged = Signal()  # columns hidden or shown to fit the width (the self-assessment group collapsed)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results")
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift+arrows, as in a sheet
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = ResultDelegate(self)
        self.setItemDelegate(self.delegate)
        header = self.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        # Long Thai names keep their beginning and their end (often the unit or the year); the full text is in
        # the tooltip and the details pane.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.self_expanded: bool | None = None  # the person's choice for the self-assessment group; None: by width
        self.fit = ColumnFit(frozenset(), 0, False)
        self._widths: dict[str, int] = {}  # each column's width measured to its content, once per agreement
        self._name_min = 0
        # text advances per (bold, italic), kept while the view's font stays the same (`_advance`)
        self._advance_font_key = ""
        self._advance_fonts: dict[tuple[bool, bool], QFont] = {}
        self._advances: dict[tuple[bool, bool], dict[str, int]] = {}
        self._header_hints: dict[tuple[object, ...], int] = {}  # `header_size_hint`
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # the panel's CellMenu
        self.doubleClicked.connect(self._double_clicked)
        self._closing_editor = False
        self.moving_on = False
        self._rows_plan: _RowsPlan | None = None  # set for the length of one paint (`_plan_rows`)
        self._hover = QPersistentModelIndex()  # the cell Qt paints as under the mouse (QAbstractItemView's hover)

    def results_model(self) -> AgreementModel:
        model = self.model()
        assert isinstance(model, AgreementModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, AgreementModel):
            model.modelReset.connect(self._after_reset)
            # warnings and refusals of a typed result, at its cell, the typed text kept (result_warning.py)
            self.result_warning = ResultWarning(self, model)
            self.result_warning.restored.connect(lambda: self.delegate.editingChanged.emit(True))
            # what the checks would say of a result while it is typed, once the typing pauses (typing_hint.py)
            self.typing_hint = TypingHint(self, model, self.result_warning)
            self.delegate.editorOpened.connect(self.typing_hint.watch)

    def _after_reset(self) -> None:
        self.expandAll()
        header = self.header()
        # The reset repaints the whole viewport and lays the view out again. Each column resized, moved or hidden
        # here would also make QTreeView repaint from that column to the right edge on a timer of its own, which
        # fires after the first paint: every agreement shown was painted twice. The view hears nothing of the
        # header while the columns are set, then lays itself out once.
        header.blockSignals(True)
        try:
            self._set_columns()
        finally:
            header.blockSignals(False)
        self.updateGeometries()

    def _set_columns(self) -> None:
        model = self.results_model()
        header = self.header()
        for position, key in enumerate(visual_order(model.columns)):
            header.moveSection(header.visualIndex(model.columns.index(key)), position)
        # Measured once per agreement, not on every change: ResizeToContents would re-measure every cell each
        # time a result is typed.
        self._widths = {}
        for column, key in enumerate(model.columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnHidden(column, False)
            if key != "name":
                self.setColumnWidth(column, self._content_width(column, key))
            self._widths[key] = 0 if key == "name" else self.columnWidth(column)
        # Scores and results come later than the measuring: room for the widest score, and for a result as wide
        # as the criteria it is read against.
        criteria = max((w for key, w in self._widths.items() if key.startswith("t")), default=0)
        score = self.fontMetrics().horizontalAdvance(format4(model.framework.max_score)) + 2 * self._text_margin() \
            + _CELL_PADDING if model.framework is not None else 0
        for column, key in enumerate(model.columns):
            part = key.partition(".")[2]
            least = criteria if part == "result" else score if part in ("score", "weighted") else 0
            if self._widths[key] < least:
                self._widths[key] = least
                self.setColumnWidth(column, least)
        self._name_min = self._measure_name_min()
        self.fit_columns()

    def _content_width(self, column: int, key: str) -> int:
        """What resizeColumnToContents makes of the column (its header's size hint, or its widest cell as the
        delegate sizes it), from each distinct text's advance in its font: asking the delegate for every cell
        (some 8,000 sizeHint and 130,000 data() calls an agreement) was a third of switching agreements."""
        self._check_advance_font()
        widest = max((self._advance(text, bold, italic) for text, bold, italic
                      in self.results_model().column_cells(key) if text), default=0)
        cells = widest + 2 * self._text_margin() + _CELL_PADDING if widest else 0
        header = 0 if self.header().isHidden() else self.header_size_hint(column)
        return max(cells, header)

    def header_size_hint(self, column: int) -> int:
        """QHeaderView.sectionSizeHint, kept per header text, alignment, font, style and the header's size limits:
        the headers are the same for most agreements, and Qt measures them again on every agreement shown (some
        14 calls back into the model and a text layout each)."""
        header = self.header()
        model = self.results_model()
        key = (model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole),
               model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole),
               header.font().key(), id(header.style()), header.minimumSectionSize(), header.maximumSectionSize(),
               header.isSectionHidden(column), header.highlightSections(), header.isSortIndicatorShown())
        hint = self._header_hints.get(key)
        if hint is None:
            if len(self._header_hints) > 256:
                self._header_hints.clear()
            hint = self._header_hints[key] = header.sectionSizeHint(column)
        return hint

    def _check_advance_font(self) -> None:
        """Forget the advances measured in another font than the view's (a font or style change)."""
        font = self.font()
        if font.key() != self._advance_font_key:
            self._advance_font_key = font.key()
            self._advance_fonts.clear()
            self._advances.clear()
            for bold in (False, True):
                for italic in (False, True):
                    styled = QFont(font)
                    styled.setBold(bold)
                    styled.setItalic(italic)
                    self._advance_fonts[(bold, italic)] = styled
                    self._advances[(bold, italic)] = {}

    def _advance(self, text: str, bold: bool, italic: bool) -> int:
        # kept per distinct text and font for the view's life: the numbers and criteria repeat across agreements
        known = self._advances[(bold, italic)]
        width = known.get(text)
        if width is None:
            if len(known) > 20_000:  # bounded: names are many and seldom measured twice
                known.clear()
            # as QCommonStyle sizes an item (viewItemSize): the laid-out line's natural width, rounded up; it can
            # be a pixel more than the advance (the last glyph's bearing)
            layout = QTextLayout(text, self._advance_fonts[(bold, italic)])
            layout.setTextOption(_NO_WRAP)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(1e6)
            layout.endLayout()
            width = known[text] = math.ceil(line.naturalTextWidth())
        return width

    # --- fitting the screen ------------------------------------------------------------------------------------

    def set_self_expanded(self, expanded: bool) -> None:
        """The person shows or collapses the self-assessment group; the choice holds for every width."""
        self.self_expanded = expanded
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        if not isinstance(model, AgreementModel) or not model.columns or not self._widths:
            return
        fit = fit_columns(self._widths, self.viewport().width(), self._name_min, self.self_expanded)
        for column, key in enumerate(model.columns):
            if self.isColumnHidden(column) != (key in fit.hidden):
                self.setColumnHidden(column, key in fit.hidden)
        name = model.columns.index("name")
        if self.columnWidth(name) != fit.name_width:
            self.setColumnWidth(name, fit.name_width)
        current = self.currentIndex()
        column = current.column() if current.isValid() else model.columns.index("own.result")
        if self.header().sectionPosition(column) + self.columnWidth(column) <= self.viewport().width():
            self.horizontalScrollBar().setValue(0)  # it fits from the left edge: show the codes too
        if fit != self.fit:
            self.fit = fit
            self.fitChanged.emit()

    def _measure_name_min(self) -> int:
        """The width that shows at least 2 × NAME_KEEPS characters of every name (bold for parents and headers)."""
        model = self.results_model()
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        names = [model.rows.text(model.rows.top_row(top), "name") for top in range(model.rows.top_count())]
        names += [model.rows.text(row, "name") for rows in model.rows.children for row in rows]
        ellipsis = "\u2026"
        widest = max((metrics.horizontalAdvance(name if len(name) <= 2 * NAME_KEEPS else
                                                name[:NAME_KEEPS] + ellipsis + name[-NAME_KEEPS:])
                      for name in names), default=0)
        return widest + 2 * self._text_margin() + metrics.averageCharWidth()  # the elision is not exact

    def _text_margin(self) -> int:
        # QCommonStyle draws an item's text this far inside the cell on each side
        return self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    # --- moving between result cells ---------------------------------------------------------------------------

    def next_result_index(self, start: QModelIndex, step: int = 1) -> QModelIndex:
        """The next (or previous) editable cell in the same column, skipping headers and parents."""
        index = start
        while True:
            index = self.indexBelow(index) if step > 0 else self.indexAbove(index)
            if not index.isValid():
                return QModelIndex()
            if index.column() != start.column():
                index = index.siblingAtColumn(start.column())
            if self.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
                return index

    def first_result_index(self, column: int) -> QModelIndex:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return QModelIndex()
        top = model.index(0, column)
        if model.flags(top) & Qt.ItemFlag.ItemIsEditable:
            return top
        return self.next_result_index(top)

    def _move_down(self) -> None:
        following = self.next_result_index(self.currentIndex())
        if following.isValid():
            if not self.viewport().rect().contains(self.visualRect(following)):
                # Qt scrolls the viewport by copying its pixels, unless some of it still waits to be repainted
                # (the cells a typed result just changed): then it repaints every visible row. Painting those
                # cells first keeps the scroll a copy plus one new row.
                QCoreApplication.sendPostedEvents(self.window(), QEvent.Type.UpdateRequest)
            self.moving_on = True  # the cursor moves on by itself: listeners may follow a moment later
            try:
                self.setCurrentIndex(following)
                self.scrollTo(following)
            finally:
                self.moving_on = False

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self._closing_editor = True  # the focus comes back from our own editor (focusInEvent)
        try:
            super().closeEditor(editor, hint)
        finally:
            self._closing_editor = False
        if not self.hasFocus():  # the focus went elsewhere: paint what focusOutEvent left as it was
            self.update()
            self.viewport().update()
        self.delegate.editingChanged.emit(False)  # committed, refused or abandoned: nothing typed is pending
        # Qt closes with SubmitModelCache after Enter/Return; focus loss uses NoHint and must not move the cursor.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and self.results_model().last_edit_accepted:
            self._move_down()

    # --- focus to and from the editor --------------------------------------------------------------------------
    # QAbstractItemView repaints the whole viewport when it gains or loses focus, because selected cells are drawn
    # with the Inactive palette without focus, and QWidget repaints the whole frame with its scroll bars. Moving
    # focus to a result's editor and back on every typed result repainted every visible row twice (some 1,500
    # data() calls) and both scroll bars. The focus stays inside the view, so the frame need not change; with
    # SelectItems only the selected (current) cell looks different, so when the palette draws the other cells the
    # same either way only it is repainted. If the focus leaves for another widget, closeEditor repaints it all.

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not (self._closing_editor and self.currentIndex().isValid() and self._focus_paints_alike()):
            super().focusInEvent(event)
            return
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled,
                          bool(self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable))
        self._update_focus_cells()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        taker = QApplication.focusWidget()
        if taker is None or taker is self or not self.viewport().isAncestorOf(taker) \
                or not self._focus_paints_alike():
            super().focusOutEvent(event)
            return
        self._update_focus_cells()  # focus went to our own editor, inside the viewport

    def viewportEvent(self, event: QEvent) -> bool:
        # Showing or hiding a result's editor (a child of the viewport) posts a LayoutRequest to the viewport, and
        # QAbstractScrollArea answers it by laying out its scroll bars again and raising them, which repaints both
        # bars and the frame on every typed result. The viewport's children are only editors: nothing the scroll
        # area lays out depends on them (its own resizes and scroll bar changes come as its own events).
        kind = event.type()
        if kind == QEvent.Type.LayoutRequest:
            return True
        if kind in _HOVER_EVENTS:  # as QAbstractItemView sets the cell it paints as under the mouse
            self._hover = QPersistentModelIndex(self.indexAt(event.position().toPoint())) \
                if isinstance(event, QHoverEvent) and kind != QEvent.Type.HoverLeave else QPersistentModelIndex()
        if kind == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.delegate.prepare(self)
            self._rows_plan = self._plan_rows(event.rect())
            try:
                return super().viewportEvent(event)
            finally:
                self._rows_plan = None
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._show_elided(event):
            return True
        return super().viewportEvent(event)

    # --- painting whole rows -----------------------------------------------------------------------------------
    # QTreeView::drawRow calls back into Python four or five times per cell (index, flags twice, parent for the
    # selection, the delegate's paint with its option): some 1,100 calls, half of a paint of the table. A row none
    # of whose cells is selected, current, under the mouse or edited is drawn here in one call: for each column
    # the row's panel (the alternate colour) through the style, then the cell as the delegate draws a plain one.
    # Any other row, and any row while an editor is open, goes to QTreeView as before; so do a delegate other
    # than the table's, indentation, rows of several heights and right-to-left (tests/ui/test_cell_painting.py).

    def _plan_rows(self, area: QRect) -> _RowsPlan | None:
        model = self.model()
        delegate = self.delegate
        if delegate.own_model() is not model or not isinstance(model, AgreementModel) \
                or self.itemDelegate() is not delegate or self.indentation() != 0 or not self.uniformRowHeights() \
                or self.isRightToLeft() or self.isFirstColumnSpanned(0, QModelIndex()) \
                or any(child.isWidgetType() and child.isVisible()  # type: ignore[attr-defined]
                       for child in self.viewport().children()):
            return None
        header = self.header()
        shown = [logical for logical in (header.logicalIndex(visual) for visual in range(header.count()))
                 if not header.isSectionHidden(logical)]
        tree = self.treePosition() if self.treePosition() >= 0 else header.logicalIndex(0)
        columns = []
        for place, logical in enumerate(shown):
            position, width = header.sectionViewportPosition(logical), header.sectionSize(logical)
            if position + width > area.left() and position <= area.right():
                following = shown[place + 1] if place + 1 < len(shown) else -1
                previous = shown[place - 1] if place > 0 else -1
                columns.append((logical, position, width, _item_position(logical, previous, following, tree,
                                                                         len(shown))))
        special: set[tuple[int, int]] = set()  # (internalId, row) of the rows QTreeView draws
        cells: tuple[Index, ...] = (self.currentIndex(), self._hover)
        for cell in cells:
            if cell.isValid():
                special.add((cell.internalId(), cell.row()))
        selection = self.selectionModel()
        if selection is not None:
            for selected in selection.selection():  # type: ignore[attr-defined]  # the stub lacks QList's
                internal = selected.topLeft().internalId()
                special.update((internal, row) for row in range(selected.top(), selected.bottom() + 1))
        if self.viewport().underMouse():
            under = self.indexAt(self.viewport().mapFromGlobal(QCursor.pos()))
            if under.isValid():
                special.add((under.internalId(), under.row()))
        panel = QStyleOptionViewItem()
        self.initViewItemOption(panel)
        # as QTreeView::drawRow sets it for an enabled cell: the colours of an active or an inactive window
        palette = QPalette(panel.palette)  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        palette.setCurrentColorGroup(QPalette.ColorGroup.Active if panel.state.value & _ACTIVE  # type: ignore[attr-defined]
                                     else QPalette.ColorGroup.Inactive)
        panel.palette = palette  # type: ignore[attr-defined]
        return _RowsPlan(model, columns, special, panel, self.style(), self.verticalOffset(),
                         self.alternatingRowColors())

    def drawRow(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        plan = self._rows_plan
        internal, number = index.internalId(), index.row()
        state = option.state  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        if plan is None or (internal, number) in plan.special or state.value & _OWN_STATES != _PLAIN_STATE:
            super().drawRow(painter, option, index)  # a disabled view too: its cells are not plain
            return
        row: QRect = option.rect  # type: ignore[attr-defined]  # the stub lacks QStyleOption's members
        y, height = row.y(), row.height()
        delegate, model = self.delegate, plan.model
        cells = []
        for column, position, width, item_position in plan.columns:
            cell = model.painted_at(internal, number, column)
            shaped = delegate.placed(cell, width)
            if shaped is _NOT_PLACED:  # text the delegate leaves to the style: the whole row to Qt
                super().drawRow(painter, option, index)
                return
            cells.append((QRect(position, y, width, height), cell, shaped, item_position))
        panel = plan.panel
        panel.state = state  # type: ignore[attr-defined]
        # QTreeView's alternate rows: every second item laid out, counted from the top (one height for all rows)
        alternate = plan.alternating and (y + plan.offset) // height % 2 == 1
        panel.features = plan.alternate if alternate else plan.plain  # type: ignore[attr-defined]
        state_value = state.value
        style, primitive = plan.style, QStyle.PrimitiveElement.PE_PanelItemViewRow
        for rect, cell, shaped, item_position in cells:
            panel.rect = rect  # type: ignore[attr-defined]
            panel.viewItemPosition = item_position  # type: ignore[attr-defined]  # styles that round a row's ends
            style.drawPrimitive(primitive, panel, painter, self)
            delegate.draw_plain(painter, rect, state_value, cell, shaped)  # type: ignore[arg-type]

    def _show_elided(self, event: QHelpEvent) -> bool:
        """A cell too narrow for its text shows the whole text as its tooltip, above what the model says of it."""
        index = self.indexAt(event.pos())
        text = str(index.data() or "").strip() if index.isValid() else ""
        if not text:
            return False
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else self.font())
        rect = self.visualRect(index)
        if metrics.horizontalAdvance(str(index.data())) <= rect.width() - 2 * self._text_margin():
            return False
        more = index.data(Qt.ItemDataRole.ToolTipRole)
        tip = text if not more or more == text else f"{text}\n{more}"
        QToolTip.showText(event.globalPos(), tip, self.viewport(), rect)
        return True

    def _update_focus_cells(self) -> None:
        viewport = self.viewport()
        viewport.update(self.visualRect(self.currentIndex()))
        selection = self.selectionModel()
        if selection is not None:
            viewport.update(self.visualRegionForSelection(selection.selection()))

    def _focus_paints_alike(self) -> bool:
        palette = self.palette()
        active, inactive = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
        # selected cells (Highlight) are repainted anyway; the others must look the same with or without focus
        return all(palette.color(active, role) == palette.color(inactive, role) for role in _CELL_ROLES)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in _ENTER_KEYS:
                self._move_down()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copyRequested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.pasteRequested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Cut):
                self.copyRequested.emit()
                self.clearRequested.emit()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.clearRequested.emit()  # not an editor opened on "\b": the result goes, as in a sheet
                return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        model = self.results_model()
        key = model.columns[index.column()] if 0 <= index.column() < len(model.columns) else ""
        if key == "own.score":
            self.adjustRequested.emit(index)
