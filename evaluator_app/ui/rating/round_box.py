"""The round box: the round changes only when the person opens the list and picks one.

A plain QComboBox switches its item on a typed digit, an arrow key or the mouse wheel; a result typed into it by
mistake (Tab from the agreement list once landed there) silently showed the 9-month round. Here a key opens the
list, or goes on to the window; the wheel scrolls the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox

_OPENING_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_F4, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RoundBox(QComboBox):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _OPENING_KEYS or (key in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                                    and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.showPopup()
            return
        event.ignore()  # digits, arrows, Home/End: not a choice of round; the window may use them (Ctrl+9)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()
