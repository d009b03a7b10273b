"""Menu and keyboard actions: one way to make them, named (tests and the settings find them by name)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def make_action(parent: QObject, name: str, slot: Callable[..., object], shortcut: Shortcut = None) -> QAction:
    """An action named `name` that calls `slot`; its text is set by the owner's retranslate()."""
    item = QAction(parent)
    item.setObjectName(name)
    if shortcut is not None and shortcut != "":
        item.setShortcut(QKeySequence(shortcut))
    item.triggered.connect(slot)
    return item


def insert_actions(menu: QMenu, before: QAction | None, items: list[QAction | None]) -> None:
    """Put `items` into `menu` before `before` (at the end when None); None in `items` is a separator."""
    for item in items:
        if item is None:
            if before is None:
                menu.addSeparator()
            else:
                menu.insertSeparator(before)
        elif before is None:
            menu.addAction(item)
        else:
            menu.insertAction(before, item)
