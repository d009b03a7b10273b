"""A word-wrapped label that remembers its height per width (the panel's title and totals, the details pane's
definition)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped label that lays its text out once per width: the layouts ask a wrapped label's height for
    the same width four or five times after each new text (the title and totals, on every agreement shown), and
    QLabel lays out its rich text again each time (some 0.2 ms a time)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[str, str, int], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (self.text(), self.font().key(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:  # only the last few texts are asked again
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.ContentsRectChange):
            self._heights.clear()  # the same text and width may lay out otherwise now
        super().changeEvent(event)
