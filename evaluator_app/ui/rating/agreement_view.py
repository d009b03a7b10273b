"""The indicator table, keyboard first: type a result, Enter, and the cursor is on the next indicator's result."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from .agreement_model import AgreementModel
from .result_warning import ResultWarning

Index = QModelIndex | QPersistentModelIndex

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CELL_PADDING = 12  # pixels added to each cell's width
# What an unselected cell is painted with; a view without focus paints with the Inactive group of these.
_CELL_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
               QPalette.ColorRole.WindowText)


class ResultDelegate(QStyledItemDelegate):
    """A plain line editor for results; it tells the window while something typed is not saved yet."""

    editingChanged = Signal(bool)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text: self.editingChanged.emit(True))
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + _CELL_PADDING, size.height())  # columns sized to content need air between


class ResultsView(QTreeView):
    """Indicators grouped by dimension; result cells edit on the first key pressed."""

    adjustRequested = Signal(QModelIndex)

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
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.doubleClicked.connect(self._double_clicked)
        self._closing_editor = False
        self.moving_on = False

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

    def _after_reset(self) -> None:
        self.expandAll()
        model = self.results_model()
        header = self.header()
        # Measured once per agreement, not on every change: ResizeToContents would re-measure every cell each
        # time a result is typed.
        for column, key in enumerate(model.columns):
            if key == "name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.resizeColumnToContents(column)

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
        if event.type() == QEvent.Type.LayoutRequest:
            return True
        return super().viewportEvent(event)

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
        if event.key() in _ENTER_KEYS and self.state() != QAbstractItemView.State.EditingState:
            self._move_down()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        model = self.results_model()
        key = model.columns[index.column()] if 0 <= index.column() < len(model.columns) else ""
        if key == "own.score":
            self.adjustRequested.emit(index)
