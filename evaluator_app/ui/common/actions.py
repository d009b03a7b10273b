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
    if shortcut is not None:
        item.setShortcuts(_key_sequences(shortcut))
    item.triggered.connect(slot)
    return item


def _key_sequences(shortcut: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The shortcut as `setShortcuts` takes it: a standard key's first binding, as QKeySequence(key) gives.

    Not `setShortcut(QKeySequence(...))` nor `shortcut != ""`: both make PySide build every enum type of Qt's `Qt`
    namespace (some 20 ms of the window's first paint, which needs none of them); `setShortcuts` with a list does
    not."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)[:1]
    if isinstance(shortcut, str):
        return [QKeySequence(shortcut)] if shortcut else []
    return [shortcut]


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
