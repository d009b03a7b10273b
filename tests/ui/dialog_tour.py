"""A tour of every dialog the window opens: each menu entry that opens one is triggered as a person would, and
every window that appears (the dialog, the file dialog it asks with, a message box) is looked at by `visit`, then
closed, so the tour goes on. Modal dialogs are handled from a timer inside their own event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

# Menu entries that open a dialog or a window (objectName of the action), in menu order. Left out: those that
# only act (back up now, accept as reported, find, the round and language entries, quit) and those that replace
# the workspace (new, open, restore: their file dialogs are Qt's one file dialog, seen through import).
DIALOG_ACTIONS = (
    "importAgreements", "exportPanelPackage", "exportMyRatings", "importPackage", "editConflicts",
    "adjustScore", "settings", "meetingMode",
    "panelSetup", "panelMatrix", "submitRatings", "enterConsensus", "reopen", "finaliseResult", "makeKeyPair",
    "mySigningKey",
    "reportPreview", "agreementPaper", "agreementParties", "yearSummary", "batchPrint",
    "about",
)

Visit = Callable[[QWidget], None]


def shown_windows(main: QWidget) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if w is not main and w.isVisible() and w.windowHandle() is not None and w.windowHandle().isExposed()]


def close(window: QWidget) -> None:
    if isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def trigger_and_visit(main: QWidget, action: QAction, visit: Visit, act: Visit | None = None) -> list[QWidget]:
    """Trigger `action`; visit (then close) every window it shows, modal ones included; the windows visited.

    `act(window)` runs after the visit and before closing, to open what a window opens in turn (the print dialog's
    Properties): whatever that shows is visited by the same timer.
    """
    visited: list[QWidget] = []
    acting: dict[int, bool] = {}  # id of a window whose `act` was started -> whether it has returned

    def run_act(window: QWidget) -> None:
        assert act is not None
        try:
            act(window)  # may exec a modal dialog of its own: this poll's timer visits and closes it
        finally:
            acting[id(window)] = True

    def poll() -> None:
        shown = shown_windows(main)
        for window in shown:
            if window in visited:
                continue
            visited.append(window)
            visit(window)
            if act is None:
                close(window)
            else:
                acting[id(window)] = False
                QTimer.singleShot(0, lambda w=window: run_act(w))  # outside this timer, which must keep polling
            return
        for window in reversed(shown):  # what an act opened is closed; then the window it was opened from
            if acting.get(id(window)):
                close(window)
                return

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(10)
    try:
        action.trigger()  # a modal dialog's exec() returns once the timer has closed it
        for window in shown_windows(main):  # non-modal windows (the import dialog, meeting mode) are still open
            if window not in visited:
                visited.append(window)
                visit(window)
            close(window)
        QApplication.processEvents()
    finally:
        timer.stop()
    return visited


def find_action(main: QWidget, name: str) -> QAction:
    action = main.findChild(QAction, name)
    assert action is not None, f"no menu entry {name}"
    return action


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees in `window`: labels, buttons, group titles, tab names, combo
    items, placeholders, table headers and the title. The rows of a file list are the person's own files."""
    found: list[tuple[str, str]] = [("title", window.windowTitle())]
    for widget in (window, *window.findChildren(QWidget)):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue  # a dialog opened from this window is a window of its own, looked at when it is visited
        kind = type(widget).__name__
        if isinstance(widget, QLabel):
            found.append((kind, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((kind, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        if isinstance(widget, QTabWidget):
            found += [(f"{kind} tab", widget.tabText(n)) for n in range(widget.count())]
        if isinstance(widget, QComboBox) and widget.objectName() != "lookInCombo":  # that one lists folders
            found += [(f"{kind} item", widget.itemText(n)) for n in range(widget.count())]
        if isinstance(widget, QLineEdit):
            found.append((f"{kind} placeholder", widget.placeholderText()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [(f"{kind} header", str(model.headerData(n, Qt.Orientation.Horizontal) or ""))
                      for n in range(model.columnCount(widget.rootIndex()))]
    return [(where, text) for where, text in found if text and text.strip()]
