"""What every window meeting mode opens shares: Esc and Ctrl+W close it, and it fits the screen it is shown on (a
projector of 1024×768 is common; a window larger than the screen looks as if it could not be left)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget


def add_close_keys(widget: QWidget, close: Callable[[], object], escape: bool = True) -> QAction:
    """Ctrl+W (and Esc, unless the window uses Esc itself) close `widget` while it is the active window."""
    action = QAction(widget)
    action.setObjectName("closeToolWindow")
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W")]
    if escape:
        keys.append(QKeySequence(Qt.Key.Key_Escape))
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    action.setShortcuts(unique)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: close())
    widget.addAction(action)
    return action


def available_area(widget: QWidget) -> QRect:
    """The free area of the screen the window is on (or its parent is on, before it is shown). Only existing
    window handles are asked: QWidget.screen() on a window not yet shown sets it up early, and a full-screen
    state asked for afterwards then comes asynchronously."""
    screen = None
    for candidate in (widget, widget.parentWidget()):
        handle = candidate.window().windowHandle() if candidate is not None else None
        if handle is not None:
            screen = handle.screen()
            break
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """`width` × `height`, or the most of the screen's free area (less a margin for the frame) that is smaller."""
    area = available_area(widget)
    size = QSize(min(width, area.width() - 40), min(height, area.height() - 60))
    return size.expandedTo(widget.minimumSizeHint())  # below it, Qt lays the window out wrongly


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    widget.resize(fitted_size(widget, width, height))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a normal (not full-screen) window so that all of it lies on its screen's free area."""
    area = available_area(widget)
    size = fitted_size(widget, widget.width(), widget.height())
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)
