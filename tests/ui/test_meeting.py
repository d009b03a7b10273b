"""Meeting mode on the demo, as a secretary drives it: keys and clicks on the real window, offscreen."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from evaluator_app.domain.negotiation import VersionStatus
from evaluator_app.domain.numbers import thai_digits
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.versions import list_versions
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common import print_support
from evaluator_app.ui.meeting.meeting_diff import DiffDialog
from evaluator_app.ui.meeting.meeting_model import ChangedRole, ProblemRole
from evaluator_app.ui.meeting.meeting_redistribute import RedistributeDialog
from evaluator_app.ui.meeting.meeting_window import MeetingWindow
from evaluator_app.ui.meeting.minutes_dialog import MinutesDialog
from tests.ui.conftest import click_index, focus, open_window, press, type_keys, when_dialog

AGREEMENT = 1  # กรมส่งเสริมการเกษตร 2569: 1, 2 (2.1, 2.2), 3, 4, 5 weighing 30, 20, 20, 15, 15
DECISION = "ที่ประชุมเห็นชอบให้ปรับน้ำหนักตัวชี้วัดที่ 1 เป็นร้อยละ 35"
SHOTS = Path("/tmp/ui-shots")


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    return demo_workspace_copy(tmp_path)


@pytest.fixture
def meeting(qtbot, demo_file: Path):
    window = open_window(qtbot, demo_file)
    window.navigator.select_agreement(AGREEMENT)
    qtbot.keyClick(window, Qt.Key.Key_F11)  # View → Meeting mode
    meeting = window.meeting_actions.meeting
    assert isinstance(meeting, MeetingWindow)
    qtbot.waitExposed(meeting)
    assert meeting.isFullScreen()
    activate(qtbot, meeting)
    yield meeting
    window.close()


def activate(qtbot, meeting: MeetingWindow) -> None:
    meeting.activateWindow()
    qtbot.waitUntil(meeting.isActiveWindow, timeout=3000)


def weight_cell(meeting: MeetingWindow, code: str, key: str = "weight"):
    return meeting.model.index_of(code, key)


def type_weight(qtbot, meeting: MeetingWindow, code: str, text: str) -> None:
    """Click the cell, type the value and Enter, as at the keyboard."""
    click_index(qtbot, meeting.view, weight_cell(meeting, code))
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def squeezed(text: str) -> str:
    """PDF text compared as typed: Thai marks normalised, and no whitespace (a wrapped line drops its space)."""
    return "".join(normalise_thai_for_compare(text).split())


def stored_versions(path: Path):
    with Workspace.open(path, read_only=True, auto_backup=False) as workspace:
        return list_versions(workspace, AGREEMENT)


def test_models_pass_the_model_tester(qtmodeltester, meeting):
    qtmodeltester.check(meeting.model)
    qtmodeltester.check(meeting.problems_model)
    meeting.new_draft()
    siblings = meeting.model.siblings_of("1")
    dialog = RedistributeDialog(meeting.document.indicators, "1", siblings, meeting.document.framework,
                                ["3"], meeting)
    dialog.weight_edit.setText("40")
    qtmodeltester.check(dialog.siblings)
    qtmodeltester.check(dialog.changes)
    dialog.reject()
    # The comparison's model: changed cells, an added and a removed indicator listed after the others.
    from evaluator_app.domain.version_diff import diff_indicators
    from evaluator_app.ui.meeting.meeting_model import VersionTableModel

    old = meeting.document.indicators
    new = (*old[:-1], replace(old[0], code="6", name="ตัวชี้วัดใหม่"))
    new = tuple(replace(i, weight=D(25)) if i.code == "1" else i for i in new)
    diff = diff_indicators(old, new)
    compared = VersionTableModel(5)
    compared.show_before = True
    compared.load(new, diff=diff, removed=diff.removed)
    qtmodeltester.check(compared)
    assert compared.rowCount() == len(new) + 1 + 1  # the removed indicator, then the total
    assert compared.index_of("1", "weight").data() == "30 → 25"


def test_an_agreed_version_refuses_edits_with_a_message(qtbot, meeting, demo_file):
    assert meeting.document.version.status is VersionStatus.AGREED
    type_weight(qtbot, meeting, "1", "99")
    assert weight_cell(meeting, "1").data() == "30"
    assert meeting.message.isVisible()
    assert "ล็อก" in meeting.message.text()  # agreed and locked: a change is a new version
    assert not meeting.propose_button.isEnabled() and not meeting.agree_button.isEnabled()
    assert [v.status for v in stored_versions(demo_file)] == [VersionStatus.AGREED]
    assert not meeting.model.flags(weight_cell(meeting, "1")) & Qt.ItemFlag.ItemIsEditable


def test_typing_a_weight_updates_the_sum_what_if_and_blocks_propose(qtbot, meeting, demo_file):
    agreed_total = meeting.whatif.total_agreed.text()
    screen_before = meeting.whatif.total_screen.text()
    assert screen_before == agreed_total
    qtbot.keyClick(meeting, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New draft
    assert meeting.document.version.status is VersionStatus.DRAFT
    assert meeting.propose_button.isEnabled()

    type_weight(qtbot, meeting, "1", "40")
    assert weight_cell(meeting, "1").data() == "40"
    assert weight_cell(meeting, "", "weight").data() == "110"
    assert "110" in meeting.weight_sum.text()
    # The broken sum is shown on the offending cells, with the plain explanation.
    assert any("100" in text for text in weight_cell(meeting, "", "weight").data(ProblemRole))
    assert weight_cell(meeting, "3").data(ProblemRole)
    assert "110" in weight_cell(meeting, "3").data(Qt.ItemDataRole.ToolTipRole)
    assert weight_cell(meeting, "1").data(ChangedRole) == "30"  # and what changed from the agreed version
    assert not meeting.propose_button.isEnabled()
    assert not meeting.counter_button.isEnabled() and not meeting.agree_button.isEnabled()
    assert meeting.whatif.total_screen.text() != screen_before
    assert meeting.whatif.total_agreed.text() == agreed_total
    # A broken set is kept as a draft all the same.
    draft = stored_versions(demo_file)[-1]
    assert draft.status is VersionStatus.DRAFT and draft.indicators[0].weight == D(40)

    type_weight(qtbot, meeting, "3", "10")
    assert weight_cell(meeting, "", "weight").data() == "100"
    assert not weight_cell(meeting, "3").data(ProblemRole)
    assert meeting.propose_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    meeting.grab().save(str(SHOTS / "meeting-typed.png"))


def test_a_child_weight_that_breaks_its_parent_is_marked_on_both(qtbot, meeting):
    meeting.new_draft()
    type_weight(qtbot, meeting, "2.1", "15")
    assert weight_cell(meeting, "2", "subtotal").data() == "25"
    assert weight_cell(meeting, "2").data(ProblemRole)
    assert weight_cell(meeting, "2.1").data(ProblemRole)
    assert weight_cell(meeting, "2.2").data(ProblemRole)
    assert not weight_cell(meeting, "1").data(ProblemRole)


def test_redistribute_lists_the_changes_then_undo_restores_in_one_step(qtbot, meeting, demo_file):
    meeting.new_draft()
    click_index(qtbot, meeting.view, weight_cell(meeting, "1"))
    seen: dict[str, object] = {}

    def choose(dialog: RedistributeDialog) -> None:
        qtbot.mouseDClick(dialog.weight_edit, Qt.MouseButton.LeftButton)  # selects the weight there
        qtbot.keyClicks(dialog.weight_edit, "40")
        dialog.equal.click()
        seen["changes"] = [(c.code, c.old, c.new) for c in dialog.changes.changes]
        seen["rows"] = dialog.changes.rowCount()
        dialog.grab().save(str(SHOTS / "meeting-redistribute.png"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    SHOTS.mkdir(exist_ok=True)
    when_dialog(RedistributeDialog, choose)
    qtbot.keyClick(meeting, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    # 10 taken equally from 2, 3, 4 and 5; the children of 2 follow their parent.
    assert seen["changes"][0] == ("1", D(30), D(40))
    assert seen["rows"] == len(seen["changes"]) >= 5
    assert weight_cell(meeting, "", "weight").data() == "100"
    assert weight_cell(meeting, "2").data() == "17.5"
    assert weight_cell(meeting, "2", "subtotal").data() == "17.5"
    assert meeting.model.problems == []
    assert stored_versions(demo_file)[-1].indicators[0].weight == D(40)

    activate(qtbot, meeting)  # offscreen, closing a dialog does not give the window back its activation
    qtbot.keyClick(meeting, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert [weight_cell(meeting, c).data() for c in ("1", "2", "2.1", "3", "4", "5")] == \
        ["30", "20", "10", "20", "15", "15"]
    assert stored_versions(demo_file)[-1].indicators[0].weight == D(30)
    qtbot.keyClick(meeting, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # and redo
    assert weight_cell(meeting, "1").data() == "40"


def test_propose_record_the_decision_agree_and_print_the_minutes(qtbot, meeting, demo_file, tmp_path,
                                                                  monkeypatch):
    meeting.new_draft()
    type_weight(qtbot, meeting, "1", "35")
    type_weight(qtbot, meeting, "4", "10")
    click_index(qtbot, meeting.view, weight_cell(meeting, "1"))
    meeting.meeting_edit.setText("ครั้งที่ 1/2569")
    meeting.reason_edit.setText("เน้นการพัฒนาศักยภาพเกษตรกร")
    qtbot.mouseClick(meeting.propose_button, Qt.MouseButton.LeftButton)
    proposal = meeting.document.version
    assert proposal.status is VersionStatus.PROPOSAL and proposal.reason == "เน้นการพัฒนาศักยภาพเกษตรกร"

    focus(qtbot, meeting.decision_edit)
    type_keys(qtbot, DECISION)
    assert meeting.decision_edit.toPlainText() == DECISION
    when_dialog(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(meeting.agree_button, Qt.MouseButton.LeftButton)
    activate(qtbot, meeting)
    agreed = stored_versions(demo_file)[-1]
    assert agreed.number == proposal.number and agreed.status is VersionStatus.AGREED
    assert agreed.minute == DECISION and agreed.session == "ครั้งที่ 1/2569"
    assert meeting.document.locked and meeting.decision_edit.isReadOnly()
    # The main window now scores against the newly agreed version.
    assert meeting.parent().panel.model.version_number == agreed.number

    out = tmp_path / "minutes"
    opened: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(out), "")))
    monkeypatch.setattr(print_support, "open_in_system_viewer", lambda path: opened.append(path) or True)

    def details(dialog: MinutesDialog) -> None:  # the meeting's head (tests/ui/test_minutes_dialog.py)
        assert dialog.number_edit.text() == "ครั้งที่ 1/2569"
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog(MinutesDialog, details)
    qtbot.keyClick(meeting, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert opened == [out.with_suffix(".pdf")]
    text = squeezed("".join(page.extract_text() for page in PdfReader(opened[0]).pages))
    assert squeezed(thai_digits(DECISION)) in text  # Thai digits by default; lines wrap at the decision's spaces
    assert "เน้นการพัฒนาศักยภาพเกษตรกร" in text
    assert "บันทึก" in meeting.message.text() or "saved" in meeting.message.text()

    # The agreed version refuses edits from now on, through the window too.
    activate(qtbot, meeting)  # offscreen, closing the minutes dialog does not give the window back its activation
    type_weight(qtbot, meeting, "1", "50")
    assert weight_cell(meeting, "1").data() == "35"
    assert stored_versions(demo_file)[-1].indicators[0].weight == D(35)


def test_compare_two_versions_highlights_changed_cells(qtbot, meeting):
    meeting.new_draft()
    type_weight(qtbot, meeting, "1", "35")
    type_weight(qtbot, meeting, "4", "10")
    click_index(qtbot, meeting.view, meeting.model.index_of("3", "t1"))
    type_keys(qtbot, "21")
    press(qtbot, Qt.Key.Key_Return)
    draft = meeting.document.version.number
    shown: dict[str, object] = {}

    def look(dialog: DiffDialog) -> None:
        dialog.set_versions(1, draft)
        model = dialog.model
        shown["summary"] = dialog.summary.text()
        shown["weight1"] = model.index_of("1", "weight").data(ChangedRole)
        shown["text1"] = model.index_of("1", "weight").data()
        shown["weight4"] = model.index_of("4", "weight").data(ChangedRole)
        shown["t1"] = model.index_of("3", "t1").data(ChangedRole)
        shown["unchanged"] = model.index_of("5", "weight").data(ChangedRole)
        dialog.grab().save(str(SHOTS / "meeting-diff.png"))
        dialog.reject()

    SHOTS.mkdir(exist_ok=True)
    when_dialog(DiffDialog, look)
    qtbot.keyClick(meeting, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "summary" in shown, timeout=5000)
    assert (shown["weight1"], shown["weight4"], shown["t1"], shown["unchanged"]) == ("30", "15", "20", None)
    assert shown["text1"] == "30 → 35"
    assert "3" in str(shown["summary"])  # three cells changed


def test_criteria_that_are_not_monotone_are_refused_on_the_cell(qtbot, meeting):
    meeting.new_draft()
    click_index(qtbot, meeting.view, meeting.model.index_of("1", "t2"))
    type_keys(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    assert meeting.model.index_of("1", "t2").data() == "85"
    assert meeting.message.isVisible() and "เกณฑ์" in meeting.message.text()


def test_full_screen_toggles_and_closing_the_main_window_closes_meeting_mode(qtbot, meeting):
    qtbot.keyClick(meeting, Qt.Key.Key_F11)
    assert not meeting.isFullScreen()
    qtbot.keyClick(meeting, Qt.Key.Key_F11)
    assert meeting.isFullScreen()
    qtbot.keyClick(meeting, Qt.Key.Key_Escape)
    assert not meeting.isFullScreen()
    main = meeting.parent()
    main.close()
    QApplication.processEvents()
    assert main.meeting_actions.meeting is None


def test_meeting_mode_screenshot_is_large_and_thai(qtbot, meeting):
    meeting.showNormal()
    meeting.resize(1920, 1080)
    meeting.new_draft()
    type_weight(qtbot, meeting, "1", "40")
    QApplication.processEvents()
    assert meeting.view.font().pointSizeF() >= QApplication.font().pointSizeF() * 1.5
    SHOTS.mkdir(exist_ok=True)
    meeting.grab().save(str(SHOTS / "meeting-broken-sum.png"))


def test_editing_a_proposal_starts_a_draft_from_it(qtbot, meeting, demo_file):
    meeting.new_draft()
    type_weight(qtbot, meeting, "1", "35")
    type_weight(qtbot, meeting, "4", "10")
    click_index(qtbot, meeting.view, weight_cell(meeting, "1"))
    qtbot.mouseClick(meeting.counter_button, Qt.MouseButton.LeftButton)
    counter = meeting.document.version
    assert counter.status is VersionStatus.COUNTER_PROPOSAL and counter.number == 3
    type_weight(qtbot, meeting, "5", "10")
    draft = meeting.document.version
    assert draft.status is VersionStatus.DRAFT and draft.number == 4 and draft.based_on == 3
    assert "4" in meeting.message.text() and "3" in meeting.message.text()
    versions = stored_versions(demo_file)
    assert versions[2].indicators == counter.indicators  # what was put forward stays as it was
    assert versions[3].indicators[-1].weight == D(10)


def test_meeting_mode_in_english(qtbot, meeting):
    from evaluator_app.ui.common.language import ENGLISH

    main = meeting.parent()
    main.language_actions[ENGLISH].trigger()
    QApplication.processEvents()
    assert meeting.propose_button.text() == "&Propose"
    assert meeting.model.headerData(meeting.model.column("weight"), Qt.Orientation.Horizontal) == "Weight"
    assert main.meeting_actions.open_action.text() == "&Meeting mode"
    meeting.showNormal()
    meeting.resize(1920, 1080)
    meeting.new_draft()
    type_weight(qtbot, meeting, "2.1", "15")
    assert "sub-indicator" in " ".join(weight_cell(meeting, "2").data(ProblemRole))
    assert meeting.undo_action.text().startswith("Undo Weight of 2.1")
    SHOTS.mkdir(exist_ok=True)
    meeting.grab().save(str(SHOTS / "meeting-en.png"))


def test_redistribute_over_the_selected_rows_only(qtbot, meeting):
    meeting.new_draft()
    click_index(qtbot, meeting.view, weight_cell(meeting, "3"))  # the row that gives weight…
    changed = weight_cell(meeting, "1")  # …then, with Ctrl, the weight that changes
    qtbot.mouseClick(meeting.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     meeting.view.visualRect(changed).center())
    assert meeting.view.currentIndex() == changed
    seen: dict[str, object] = {}

    def choose(dialog: RedistributeDialog) -> None:
        seen["ticked"] = dialog.siblings.ticked_codes()
        seen["over_ticked"] = dialog.over_ticked.isChecked()
        qtbot.mouseDClick(dialog.weight_edit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.weight_edit, "40")
        seen["changes"] = [(c.code, c.new) for c in dialog.changes.changes]
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_dialog(RedistributeDialog, choose)
    qtbot.keyClick(meeting, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen["ticked"] == ["3"] and seen["over_ticked"]
    assert seen["changes"] == [("1", D(40)), ("3", D(10))]
    assert [weight_cell(meeting, c).data() for c in ("1", "2", "3", "4", "5")] == ["40", "20", "10", "15", "15"]
