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


def open_windows(main: QWidget) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w is not main and w.isVisible()]


def exposed(window: QWidget) -> bool:
    return window.windowHandle() is not None and window.windowHandle().isExposed()


def shown_windows(main: QWidget) -> list[QWidget]:
    return [w for w in open_windows(main) if exposed(w)]


def close(window: QWidget) -> None:
    if isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def trigger_and_visit(qtbot, main: QWidget, action: QAction, visit: Visit,
                      act: Visit | None = None) -> list[QWidget]:
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
        # non-modal windows (the import dialog, meeting mode, a report) are still open: once they are on screen
        qtbot.waitUntil(lambda: all(exposed(w) for w in open_windows(main)), timeout=10_000)
        for window in shown_windows(main):
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


# With a panel whose members submitted, as its chair: the panel's own dialogs (consensus, finalise, submission,
# the package's save dialog) instead of the messages saying there is no panel yet.
PANEL_ACTIONS = ("exportPanelPackage", "submitRatings", "enterConsensus", "finaliseResult", "reopen", "panelSetup",
                 "panelMatrix", "exportMyRatings")


def panel_window(qtbot, tmp_path, monkeypatch) -> QWidget:
    from evaluator_app.exchange import identity
    from tests.ui.conftest import open_window
    from tests.ui.test_panel_decisions import submitted_master

    monkeypatch.setenv(identity.KEY_FOLDER_ENV, str(tmp_path / "keys"))
    window = open_window(qtbot, submitted_master(tmp_path, evaluator="chair"))
    window.navigator.select_agreement(1)
    window.panel.focus_first_result()
    return window
