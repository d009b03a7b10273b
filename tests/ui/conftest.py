"""The real window offscreen: a temporary workspace and QSettings per test, and keys typed as a person types them."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.language import THAI, install_language
from evaluator_app.ui.common.session import EVALUATOR_SETTING, WorkspaceSession
from evaluator_app.ui.shell.app import prepare_application
from evaluator_app.ui.shell.main_window import MainWindow
from tests.conftest import example_agreement

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when pytest-qt creates the QApplication

T = Thresholds.of
EVALUATOR = "member1"


def parents_agreement() -> Agreement:
    """A second agency: a parent with two children, a decreasing indicator, and a milestone."""
    return Agreement(
        agency="สำนักงานสถิติแห่งชาติ",
        fiscal_year=2569,
        framework_id="five-level-2560-onward",
        indicators=(
            Indicator("1", "ระดับความสำเร็จของการพัฒนาระบบข้อมูล", D(40), None, dimension="ประสิทธิผล",
                      unit="ร้อยละ"),
            Indicator("1.1", "ร้อยละความครบถ้วนของข้อมูลสำมะโน", D(20), T(90, 92, 94, 96, 98),
                      dimension="ประสิทธิผล", unit="ร้อยละ", description="จำนวนครัวเรือนที่เก็บได้ ÷ ทั้งหมด × 100"),
            Indicator("1.2", "จำนวนวันเฉลี่ยในการเผยแพร่ผลสำรวจ", D(20), T(60, 55, 50, 45, 40),
                      dimension="ประสิทธิผล", unit="วัน"),
            Indicator("2", "ระดับความสำเร็จของการพัฒนาระบบบริการข้อมูลแบบเปิด", D(60), T(1, 2, 3, 4, 5),
                      kind=IndicatorKind.MILESTONE, dimension="การพัฒนาองค์การ", unit="ระดับความสำเร็จ",
                      level_descriptions=("แต่งตั้งคณะทำงาน", "จัดทำแผน", "ดำเนินการครึ่งหนึ่ง", "ครบถ้วน",
                                          "ประเมินผล")),
        ),
    )


def build_workspace(path: Path) -> Path:
    """Two agreements with the agency's self-assessment for some indicators, through the store API."""
    with Workspace.open(path) as workspace:
        first = add_agreement(workspace, example_agreement(), actor="test")
        add_agreement(workspace, parents_agreement(), actor="test")
        for code, result in (("1", "92"), ("2", "15"), ("3", "5")):
            record_rating(workspace, first.id, Rating(code, 12, result=D(result)), actor="test")
        workspace.set_setting(EVALUATOR_SETTING, EVALUATOR)
    return path


@pytest.fixture(autouse=True)
def ui_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings in a folder of this test's own, so a test never sees another's (or a person's) settings."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def thai_app(qapp: QApplication, ui_settings: Path) -> Iterator[QApplication]:
    prepare_application(qapp, THAI)
    yield qapp
    install_language(THAI)
    # A dialog this test waited for and never opened must not be answered in the next test.
    for timer in _timers:
        timer.stop()
    _timers.clear()


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    return build_workspace(tmp_path / "committee.sqlite")


def open_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(WorkspaceSession.open(path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


@pytest.fixture
def window(qtbot, workspace_file: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, workspace_file)
    yield main
    main.close()


# --- acting as a person ---------------------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def focus(qtbot, widget: QWidget) -> None:
    """Give `widget` the keyboard focus and wait until it has it: keys typed before that land in another widget
    (a dialog just shown is not yet the active window, and setFocus() on it only takes effect once it is)."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def type_keys(qtbot, text: str) -> None:
    """Type into whatever has focus, one key at a time (a result cell opens its editor on the first key).

    Thai goes as key events carrying their text: QTest types Latin-1 only and aborts on Thai.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
        else:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()  # the delegate commits on a queued call after Enter
    QApplication.processEvents()


def click_index(qtbot, view, index: QModelIndex, double: bool = False) -> None:
    view.scrollTo(index)
    center: QPoint = view.visualRect(index).center()
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QApplication.processEvents()


def select_agreement_by_click(qtbot, window: MainWindow, agreement_id: int) -> None:
    index = window.navigator.index_of_agreement(agreement_id)
    assert index.isValid()
    click_index(qtbot, window.navigator.tree, index)
    assert window.panel is not None and window.panel.model.agreement_id == agreement_id


def result_cell(window: MainWindow, code: str, group: str = "own") -> QModelIndex:
    assert window.panel is not None
    model = window.panel.model
    return model.index_of_code(code, model.column(f"{group}.result"))


def cell_text(window: MainWindow, code: str, key: str) -> str:
    assert window.panel is not None
    model = window.panel.model
    return model.index_of_code(code, model.column(key)).data()


def when_dialog(kind: type, act, timeout_ms: int = 5000) -> None:
    """Run `act(dialog)` as soon as a dialog of `kind` is shown, exposed and the active window (a modal exec() is
    about to block).

    If it is shown but never becomes ready within `timeout_ms`, or `act` fails, the dialog is rejected, so a failing
    test fails instead of hanging. The wait for it to be shown at all is long (a loaded machine may take seconds to
    get to the step that opens it): stopping early would leave the dialog, when it comes, blocking forever.
    """
    timer = QTimer()
    shown_at: list[float] = []
    registered = time.monotonic()

    def poll() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        now = time.monotonic()
        if found and not shown_at:
            shown_at.append(now)
        if found and ready(found[0]):
            timer.stop()
            try:
                act(found[0])
            finally:
                if found[0].isVisible():
                    found[0].reject()
        elif found and (now - shown_at[0]) * 1000 >= timeout_ms:  # shown, never active: act cannot run
            timer.stop()
            for dialog in found:
                dialog.reject()
        elif not found and now - registered >= _NEVER_SHOWN_S:  # the test went another way; stop polling
            timer.stop()
        elif found:
            found[0].activateWindow()  # keys typed before it is the active, exposed window would land elsewhere

    timer.timeout.connect(poll)
    timer.start(10)
    _timers.append(timer)


_NEVER_SHOWN_S = 300.0


def ready(dialog: QWidget) -> bool:
    handle = dialog.windowHandle()
    return handle is not None and handle.isExposed() and dialog.isActiveWindow()


_timers: list[QTimer] = []
