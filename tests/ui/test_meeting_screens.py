"""Meeting mode on a projector's and a laptop's screen (issue 14): at 1024×768, 1280×800 and 1920×1080, twelve
indicators with real, long Thai names and the weight total lie inside the table's viewport, names wrap to two lines
and keep at least 20 characters, the what-if and the proposal areas are on screen, and the comparison of two
versions shows twelve rows too. Screenshots are kept in /tmp/ui-shots to look at."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.session import EVALUATOR_SETTING
from evaluator_app.ui.meeting.meeting_diff import DiffDialog
from evaluator_app.ui.meeting.meeting_view import NAME_ELLIPSIS, MeetingTableView
from evaluator_app.ui.meeting.meeting_window import MeetingWindow
from tests.reports.builders import real_agreement, real_results
from tests.ui.conftest import click_index, open_window, press, type_keys, when_dialog

SHOTS = Path("/tmp/ui-shots")
# An agency of 90 characters and indicators of 103-158 (tests/reports/builders.py REAL_NAMES).
AGENCY = "สำนักงานส่งเสริมการบริหารจัดการน้ำชุมชนและเครือข่ายเกษตรกรรมยั่งยืนในภาคตะวันออกเฉียงเหนือ"
SIZES = [(1024, 768), (1280, 800), (1920, 1080)]


@pytest.fixture
def real_file(tmp_path: Path) -> Path:
    path = tmp_path / "real.sqlite"
    with Workspace.open(path) as workspace:
        stored = add_agreement(workspace, real_agreement(12, agency=AGENCY), actor="test")
        for code, result in real_results(12).items():
            record_rating(workspace, stored.id, Rating(code, 12, result=D(result)), actor="test")
        workspace.set_setting(EVALUATOR_SETTING, "member1")
    return path


@pytest.fixture
def meeting(qtbot, real_file: Path):
    window = open_window(qtbot, real_file)
    window.navigator.select_agreement(1)
    meeting = window.meeting_actions.open_meeting()
    assert isinstance(meeting, MeetingWindow)
    qtbot.waitExposed(meeting)
    yield meeting
    window.close()


def show_at(qtbot, meeting: MeetingWindow, width: int, height: int) -> None:
    """A window of the screen's size (full screen on it): resized, then laid out and fitted."""
    if meeting.isFullScreen():
        meeting.showNormal()
    meeting.resize(width, height)
    qtbot.waitUntil(lambda: meeting.size().width() == width and meeting.size().height() == height)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: meeting.fitted_size == (width, height))


def inside(widget: QWidget, window: QWidget) -> bool:
    """The whole of `widget` is shown inside `window` (and it is visible)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def rows_inside_viewport(view: MeetingTableView, rows: range) -> bool:
    viewport = view.viewport().rect()
    return all(viewport.contains(view.visualRect(view.model().index(row, 1))) for row in rows)


def shown_name(view: MeetingTableView, row: int) -> str:
    """The text the delegate draws in a name cell, at the column's width and the table's font."""
    index = view.model().index(row, view.table_model().column("name"))
    return view.delegate.name_text(index, view.visualRect(index).width())


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_twelve_indicators_the_total_what_if_and_proposal_fit_the_screen(qtbot, meeting, width, height):
    meeting.new_draft()
    show_at(qtbot, meeting, width, height)
    view, model = meeting.view, meeting.model
    assert model.rowCount() == 13  # twelve indicators and the total
    assert rows_inside_viewport(view, range(13)), "an indicator or the total row is off the table's viewport"
    assert view.verticalScrollBar().value() == 0
    # Every column is on screen without scrolling sideways.
    assert view.horizontalHeader().length() <= view.viewport().width()
    for widget in (meeting.whatif.total_screen, meeting.whatif.total_agreed, meeting.whatif.evaluator_combo,
                   meeting.propose_button, meeting.counter_button, meeting.agree_button, meeting.decision_edit,
                   meeting.reason_edit, meeting.weight_sum):
        assert inside(widget, meeting), f"{widget.objectName()} is not on screen at {width}×{height}"
    # Names wrap to two lines and keep at least 20 characters (the whole of most of them on a large screen).
    for row in range(12):
        text = shown_name(view, row)
        lines = text.split("\u2028")
        assert len(lines) <= 2
        kept = "".join(lines).replace(NAME_ELLIPSIS, "").strip()
        assert len(kept) >= 20, f"row {row + 1} shows only {kept!r}"
        assert model.indicators[row].name.startswith(lines[0].strip())
    # Type scaled to the screen: larger on the larger screen, never below a readable size.
    shoot(meeting, f"meeting-{width}x{height}")
    assert view.font().pointSizeF() >= 8


def test_type_grows_with_the_screen(qtbot, meeting):
    sizes = []
    for width, height in SIZES:
        show_at(qtbot, meeting, width, height)
        sizes.append(meeting.view.font().pointSizeF())
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_broken_total_and_a_message_still_leave_every_row_on_screen(qtbot, meeting, width, height):
    meeting.new_draft()
    show_at(qtbot, meeting, width, height)
    click_index(qtbot, meeting.view, meeting.model.index_of("1", "weight"))
    type_keys(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    assert meeting.model.index_of("", "weight").data() == "111.67"
    assert meeting.message.isVisible() or meeting.problems_view.isVisible()
    qtbot.waitUntil(lambda: meeting.fitted_size == (width, height))
    assert rows_inside_viewport(meeting.view, range(13))
    assert inside(meeting.weight_sum, meeting) and inside(meeting.propose_button, meeting)
    assert "111.67" in meeting.weight_sum.text()
    shoot(meeting, f"meeting-broken-{width}x{height}")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_comparison_shows_twelve_compact_rows(qtbot, meeting, width, height):
    meeting.new_draft()
    show_at(qtbot, meeting, width, height)
    for code in ("1", "2"):
        click_index(qtbot, meeting.view, meeting.model.index_of(code, "weight"))
        type_keys(qtbot, "9")
        press(qtbot, Qt.Key.Key_Return)
    seen: dict[str, object] = {}

    def look(dialog: DiffDialog) -> None:
        dialog.set_versions(1, meeting.document.version.number)
        qtbot.waitUntil(lambda: dialog.fitted)
        seen["inside"] = rows_inside_viewport(dialog.view, range(13))
        seen["fits"] = dialog.width() <= width and dialog.height() <= height
        seen["names"] = [shown_name(dialog.view, row) for row in range(12)]
        shoot(dialog, f"meeting-compare-{width}x{height}")
        dialog.reject()

    when_dialog(DiffDialog, look)
    qtbot.keyClick(meeting, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "inside" in seen, timeout=5000)
    assert seen["inside"] and seen["fits"]
    assert all(len(name.replace(NAME_ELLIPSIS, "").replace("\u2028", "").strip()) >= 20 for name in seen["names"])


def test_in_english_and_with_sub_indicators_at_1024_by_768(qtbot, tmp_path):
    """The demo's agreement has a parent with two children (the subtotal column is shown); English labels are
    longer than Thai ones."""
    from evaluator_app.exchange.demo import demo_workspace_copy
    from evaluator_app.ui.common.language import ENGLISH

    window = open_window(qtbot, demo_workspace_copy(tmp_path))
    window.language_actions[ENGLISH].trigger()
    window.navigator.select_agreement(1)
    meeting = window.meeting_actions.open_meeting()
    qtbot.waitExposed(meeting)
    meeting.new_draft()
    show_at(qtbot, meeting, 1024, 768)
    model = meeting.model
    assert not meeting.view.isColumnHidden(model.column("subtotal"))
    assert rows_inside_viewport(meeting.view, range(model.rowCount()))
    for widget in (meeting.propose_button, meeting.counter_button, meeting.agree_button, meeting.whatif.total_screen,
                   meeting.weight_sum):
        assert inside(widget, meeting), widget.objectName()
    assert meeting.propose_button.text() == "&Propose"
    shoot(meeting, "meeting-en-1024x768")
    window.close()
