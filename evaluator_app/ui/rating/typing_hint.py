"""What the checks would say of a result while it is still being typed: a quiet line beside the cell's editor.

The warning line (result_warning.py) speaks after Enter, and asks to keep or correct the value. This hint says the
same thing earlier, once the person pauses typing, without a question, a button or the focus: it never stands in
the way of the keys, and a text the checks accept takes it away. The words are the checks' own, Thai and English
(domain/plausibility.py). Partial numbers ("9" on the way to "92.5") would warn at every key, so the hint waits
for a pause.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit

from ...domain.numbers import NumberFormatError, parse_decimal
from ...domain.plausibility import check_result
from ..common.language import Retranslating
from ..common.messages import problem_text
from .agreement_model import AgreementModel
from .result_warning import ResultWarning, place_by_cell

PAUSE_MS = 400  # typing that stops this long is looked at
_MIN_WIDTH = 280
_STYLE = ("QLabel#typingHint { border: 1px dashed #b58900; border-radius: 4px; background: #fffaf0; "
          "color: #5c4400; padding: 3px 6px; }")


class TypingHint(Retranslating, QLabel):
    """A line under (or above) the edited result cell; it takes no focus and lets the mouse through."""

    def __init__(self, view: QAbstractItemView, model: AgreementModel, warning: ResultWarning):
        super().__init__(view.viewport())
        self.setObjectName("typingHint")
        self.setStyleSheet(_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self._model = model
        self._warning = warning
        self._editor: QLineEdit | None = None
        self._index = QPersistentModelIndex()
        self._problems = ""
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.check)
        self.hide()
        for said in (model.warned, model.refused):  # after Enter the warning line speaks: this one is quiet
            said.connect(lambda _index, _message: self.clear())
        model.accepted.connect(lambda _index: self.clear())
        model.modelReset.connect(self.clear)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        self.retranslate()

    def watch(self, editor: QLineEdit, index: QModelIndex) -> None:
        """Follow what is typed in the editor of this result cell."""
        self.clear()
        self._editor = editor
        self._index = QPersistentModelIndex(index)
        editor.textEdited.connect(self._typed)
        editor.destroyed.connect(self._editor_gone)

    def cell(self) -> QModelIndex:
        return QModelIndex(self._index)  # type: ignore[call-overload]  # the stub lacks QPersistentModelIndex

    def clear(self) -> None:
        self._pause.stop()
        self._problems = ""
        if self._editor is not None:
            self._editor.setAccessibleDescription("")
        self.hide()

    def _typed(self, _text: str) -> None:
        self.hide()  # what it said was about the text before this key
        self._pause.start()

    def _editor_gone(self) -> None:
        self._editor = None
        self._index = QPersistentModelIndex()
        self.clear()

    def check(self) -> None:
        """Say what the checks find in the editor's text now, or nothing."""
        editor, index = self._editor, self.cell()
        if editor is None or not index.isValid():
            return
        problems = self._problems_of(editor.text(), index)
        self._problems = problems
        editor.setAccessibleDescription(problems)  # a screen reader says it with the editor
        if not problems or (self._warning.isVisible() and self._warning.cell() == index):
            self.hide()
            return
        self.retranslate()
        self.show()
        self._place()
        self.raise_()

    def _problems_of(self, text: str, index: QModelIndex) -> str:
        item, framework = self._model.indicator_at(index), self._model.framework
        text = text.strip()
        if item is None or framework is None or not text:
            return ""
        try:
            result = parse_decimal(text)
        except NumberFormatError:
            return ""  # a number being typed ("-", "9."): Enter says what is wrong with what is left
        return "\n".join(problem_text(problem) for problem in check_result(item, result, framework))

    def _place(self) -> None:
        index = self.cell()
        if index.isValid() and self.isVisible():
            place_by_cell(self, self._view, index, _MIN_WIDTH, self.heightForWidth)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Check of the result being typed"))
        if self._problems:
            self.setText(self.tr("When you press Enter: {0}").format(self._problems))

