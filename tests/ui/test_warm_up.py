"""The warm-up after the window is ready (ui/rating/warm_up.py): it starts only once the table has been painted
after "ready", leaves the focus, the selection, the texts and the pixels as they were, and stops cleanly when the
window closes or another workspace is opened. Waits on state, never on time."""

from __future__ import annotations

import gc
import shutil

from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from evaluator_app.ui.rating.indicator_info import FIELDS
from evaluator_app.ui.rating.warm_up import SAMPLES, WarmUp
from evaluator_app.ui.shell.app import start_window
from tests.ui.conftest import result_cell, select_agreement_by_click, type_keys


def _ready_window(qtbot, workspace_file):
    window = start_window(workspace_file)
    qtbot.addWidget(window)
    assert not window.findChildren(WarmUp), "nothing of the warm-up in the shell's first paint"
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    return window


def _first_paint(window) -> QImage:
    """The window laid out and painted, with no timer run: as the event loop's first paint after ready."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return window.grab().toImage()


def _stopped(warm_up: WarmUp) -> bool:
    try:
        return not warm_up._timer.isActive()
    except RuntimeError:  # gone with its panel
        return True


def test_it_runs_after_ready_and_the_first_paint_taking_no_focus_or_selection(qtbot, workspace_file):
    window = _ready_window(qtbot, workspace_file)
    warm_up = window.warm_up
    assert not warm_up.done and not warm_up._steps, "it waits for the table's first paint"
    view = window.panel.view
    cell = result_cell(window, "1")
    view.setCurrentIndex(cell)
    view.setFocus()
    _first_paint(window)  # the table's first paint: the warm-up plans its steps, none has run
    assert warm_up._steps and not warm_up.done
    text = window.details.info.toPlainText()
    selected = view.selectionModel().selectedIndexes()
    with qtbot.waitSignal(warm_up.finished, timeout=10000):
        pass  # one step per turn of the event loop
    assert warm_up.done and not warm_up._steps
    assert window.focusWidget() is view
    assert view.currentIndex() == cell and view.selectionModel().selectedIndexes() == selected
    assert window.details.info.toPlainText() == text
    # the form's rows are made ahead, hidden: it shows only those of the indicator shown
    info = window.details.info
    assert len(info._pool) >= FIELDS
    assert [n for n in range(info.form.rowCount()) if info.form.isRowVisible(n)] == list(range(len(info.rows)))
    type_keys(qtbot, "7")  # a key after the warm-up opens the cell's editor as always
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState)
    window.close()


def test_the_window_looks_the_same_as_one_that_never_warmed_up(qtbot, workspace_file, tmp_path, monkeypatch):
    warmed = _ready_window(qtbot, workspace_file)
    with qtbot.waitSignal(warmed.warm_up.finished, timeout=10000):
        pass
    copy = tmp_path / "copy.sqlite"
    shutil.copy(workspace_file, copy)
    monkeypatch.setenv("EVALUATOR_APP_NO_WARM_UP", "1")
    cold = _ready_window(qtbot, copy)
    assert getattr(cold, "warm_up", None) is None
    cold.resize(warmed.size())
    def looks(window) -> QImage:  # as the active window (the selection's colours follow the activation)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        return window.grab().toImage()

    # both settle (the editors' scroll bars come after their first layout): then they are the same image
    qtbot.waitUntil(lambda: looks(cold) == looks(warmed), timeout=10000)
    warmed.close()
    cold.close()


def test_it_stops_when_the_window_closes(qtbot, workspace_file):
    window = _ready_window(qtbot, workspace_file)
    warm_up = window.warm_up
    finished: list[bool] = []
    warm_up.finished.connect(lambda: finished.append(True))
    _first_paint(window)  # steps planned
    assert warm_up._steps
    window.close()
    qtbot.waitUntil(lambda: _stopped(warm_up))
    assert not finished, "a closed window does not warm up"


def test_it_stops_when_another_workspace_is_opened(qtbot, workspace_file, tmp_path):
    window = _ready_window(qtbot, workspace_file)
    first = window.warm_up
    finished: list[bool] = []
    first.finished.connect(lambda: finished.append(True))
    _first_paint(window)
    assert first._steps
    other = tmp_path / "other.sqlite"
    shutil.copy(workspace_file, other)
    assert window.open_path(other)
    second = window.warm_up
    assert second is not first
    with qtbot.waitSignal(second.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: _stopped(first))
    assert not finished, "the warm-up of a workspace no longer open never finishes"
    window.close()


def test_a_click_on_another_agreement_after_it_shows_that_agreement(qtbot, window):
    if not window.warm_up.done:
        with qtbot.waitSignal(window.warm_up.finished, timeout=10000):
            pass
    second = window.navigator.model.summaries()[1].id
    select_agreement_by_click(qtbot, window, second)
    qtbot.waitUntil(lambda: window.panel.model.agreement_id == second)
    info = window.details.info
    assert info.rows and all(label.isVisible() for label, _value in info.rows)
    assert [n for n in range(info.form.rowCount()) if info.form.isRowVisible(n)] == list(range(len(info.rows)))


def test_the_samples_cover_the_thai_block_and_the_digits():
    text = "".join(SAMPLES)
    for code in range(0x0E01, 0x0E2F):  # every consonant
        assert chr(code) in text
    for mark in "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C":
        assert mark in text
    assert all(digit in text for digit in "0123456789๐๑๒๓๔๕๖๗๘๙")


def test_the_objects_frozen_after_the_warm_up_are_given_back_when_the_workspace_closes(qtbot, workspace_file):
    window = _ready_window(qtbot, workspace_file)
    with qtbot.waitSignal(window.warm_up.finished, timeout=10000):
        pass
    assert gc.get_freeze_count() > 0, "the start-up's objects are out of the collector's way"
    session = window.session
    window.close()
    assert gc.get_freeze_count() == 0, "a closed workspace's objects go back to the collector"
    assert not session.is_open
