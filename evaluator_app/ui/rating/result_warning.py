"""The line at a result cell that says what is wrong with a typed value: a warning to confirm or correct, or a
refusal to correct. The typed text goes back into the cell's editor, so nothing typed is lost.

Enter on the warned text keeps it (the model stores the warning with it); "Keep" does the same with the mouse;
Esc or × drops it. Tab or a click elsewhere does not keep it: the line stays, with its Keep button. A good entry
clears the line, and the status bar's message about a refused value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..common.language import Retranslating
from .agreement_model import AgreementModel

WARNING, REFUSAL = "warning", "refusal"
_MARGIN = 4  # pixels between the line and the viewport's edges
_MIN_WIDTH = 360
_STYLE = """
QFrame#resultWarning { border: 1px solid #b58900; border-radius: 4px; background: #fff4ce; }
QFrame#resultWarning[kind="refusal"] { border-color: #a4262c; background: #fde7e9; }
QFrame#resultWarning QLabel { background: transparent; border: none; color: #201f1e; }
"""
_REMEMBERED_MESSAGES = 20  # refusals said in the status bar that a good entry may clear


class ResultWarning(Retranslating, QFrame):
    """A bubble in the view's viewport, under (or above) the cell whose typed value it is about."""

    restored = Signal()  # the typed text is back in the cell's editor, not saved yet

    def __init__(self, view: QAbstractItemView, model: AgreementModel):
        super().__init__(view.viewport())
        self.setObjectName("resultWarning")
        self.setStyleSheet(_STYLE)
        self.setAutoFillBackground(True)
        # A click on a button that takes no focus gives it to the nearest parent that does: that would be the view,
        # and the cell's editor, losing the focus, would commit the value the person is deciding about. The line
        # takes click focus itself and hands it on to the editor (or, without one, to the view).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(view)
        self._view = view
        self._model = model
        self._index = QPersistentModelIndex()
        self.kind = WARNING
        self.typed = ""
        self._said: list[str] = []
        self.message = QLabel(self)
        self.message.setObjectName("resultWarningMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        # Buttons never take the focus: the cell's editor keeps it, so Enter and Esc keep working from the keyboard.
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepResult")
        self.keep_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.clicked.connect(self.keep)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("dismissResultWarning")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.keep_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 6, 6)
        self._layout.addLayout(top)
        self._layout.addLayout(bottom)
        self.hide()
        model.warned.connect(lambda index, message: self._show(index, message, WARNING))
        model.refused.connect(lambda index, message: self._show(index, message, REFUSAL))
        model.accepted.connect(self._accepted)
        model.modelReset.connect(self.dismiss)
        view.itemDelegate().closeEditor.connect(self._editor_closed)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        self.retranslate()

    def cell(self) -> QModelIndex:
        """The cell the line is about; invalid when it shows nothing."""
        return QModelIndex(self._index)  # type: ignore[call-overload]  # the stub lacks QPersistentModelIndex

    # --- what the person does -----------------------------------------------------------------------------------

    def keep(self) -> None:
        """Record the warned value with its warning, as Enter on the same text does."""
        index = self.cell()
        if self.kind != WARNING or not index.isValid():
            return
        editor = self._view.indexWidget(index)
        self._model.confirm_next()
        if self._model.setData(index, self.typed) and editor is not None:
            self._view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def dismiss(self) -> None:
        """Close the line; a warned value is dropped (typing it again warns again). The editor stays as it is."""
        if self.kind == WARNING:
            self._model.discard_warning()
        self._index = QPersistentModelIndex()
        self.hide()

    # --- what the model says ------------------------------------------------------------------------------------

    def _show(self, index: QModelIndex, message: str, kind: str) -> None:
        self._index = QPersistentModelIndex(index)
        self.kind = kind
        self.typed = self._model.last_typed
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.message.setText(message)
        if kind == REFUSAL:
            self._said = [*self._said[-_REMEMBERED_MESSAGES + 1:], message]
        self.retranslate()
        self.show()
        self._place()
        self.raise_()
        # The editor is closing now (the value was committed from it): open it again once it has closed.
        QTimer.singleShot(0, self._restore_typed_text)

    def _restore_typed_text(self) -> None:
        index = self.cell()
        view = self._view
        focus = QApplication.focusWidget()
        if not index.isValid() or not self.isVisible() or view.currentIndex() != index \
                or not (focus is view or (focus is not None and view.isAncestorOf(focus))):
            return  # the person moved on (Tab, a click elsewhere): the line keeps the value and its Keep button
        if view.indexWidget(index) is None:
            view.edit(index)
        editor = view.indexWidget(index)
        if isinstance(editor, QLineEdit):
            self.setFocusProxy(editor)
            editor.destroyed.connect(self._editor_gone)
            editor.installEventFilter(self)  # Enter on the warned text confirms it
            editor.setText(self.typed)
            editor.end(False)
            self.restored.emit()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed after the delegate's own filter, so it sees Enter first: the commit that follows keeps the value.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.kind == WARNING
                and self.isVisible() and watched.text().strip() == self.typed):
            self._model.confirm_next()
        return False

    def _editor_gone(self) -> None:
        self.setFocusProxy(self._view)

    def _accepted(self, index: QModelIndex) -> None:
        if self.kind == REFUSAL or self.cell() == index:
            self._index = QPersistentModelIndex()
            self.hide()
        window = self._view.window()
        if isinstance(window, QMainWindow) and window.statusBar().currentMessage() in self._said:
            window.statusBar().clearMessage()  # an old refusal no longer says anything true
        self._said.clear()

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and self.isVisible():
            self.dismiss()  # Esc: the typed value is dropped, and what it was warned about with it

    # --- where it shows -----------------------------------------------------------------------------------------

    def _place(self) -> None:
        index = self.cell()
        if index.isValid() and self.isVisible():
            place_by_cell(self, self._view, index, _MIN_WIDTH, self._layout.totalHeightForWidth)

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.setAccessibleName(self.tr("Check of the typed result"))
        if self.kind == WARNING:
            self.hint.setText(self.tr("Enter again keeps it as typed; or correct it, or Esc to discard it."))
            self.keep_button.setText(self.tr("Keep {0}").format(self.typed))
            self.keep_button.show()
        else:
            self.hint.setText(self.tr("Correct it, or Esc to discard it."))
            self.keep_button.hide()


def place_by_cell(line: QWidget, view: QAbstractItemView, index: QModelIndex, min_width: int,
                  height_for_width: Callable[[int], int]) -> None:
    """Put a line about a cell (this warning, or the typing hint) just under the cell, or above it when there is
    no room below: at least `min_width` wide (three cells), inside the viewport."""
    cell: QRect = view.visualRect(index)
    area = view.viewport().rect()
    width = max(min(area.width() - 2 * _MARGIN, max(min_width, cell.width() * 3)), 1)
    line.setFixedWidth(width)
    height = max(height_for_width(width), 1)
    line.setFixedHeight(height)
    x = min(max(cell.left(), _MARGIN), max(area.right() - width - _MARGIN, _MARGIN))
    y = cell.bottom() + 2
    if y + height > area.bottom() and cell.top() - height - 2 >= 0:
        y = cell.top() - height - 2  # no room below the cell: above it
    line.move(x, y)
