"""Print minutes… in meeting mode asks for the meeting's number, date, place and attendees first; what is typed is
what the minutes print, a date that is not one keeps the dialog open with the reason."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.versions import agree_version, latest_version, save_version
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common import print_support
from evaluator_app.ui.meeting.meeting_window import MeetingWindow
from evaluator_app.ui.meeting.minutes_dialog import MinutesDialog
from tests.ui.conftest import open_window, when_dialog

SESSION = "ครั้งที่ 4/2569"
PLACE = "ห้องประชุมกรมส่งเสริมการเกษตร ชั้น 2"
SHOTS = Path("/tmp/ui-shots")


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Clear the field and type into it key by key; Thai as key events carrying their text (QTest types Latin-1
    only). Sent to the field itself: offscreen, a modal dialog need not hold the application's focus."""
    edit.clear()
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert edit.text() == text


def flat(path: Path) -> str:
    return "".join(normalise_thai_for_compare("".join(p.extract_text() for p in PdfReader(path).pages)).split())


def test_print_minutes_asks_for_the_meeting_and_prints_it(qtbot, tmp_path, monkeypatch):
    path = demo_workspace_copy(tmp_path)
    with Workspace.open(path) as ws:
        base = latest_version(ws, 1)
        version = save_version(ws, 1, with_changes(base.indicators, weights={"1": D(35), "4": D(10)}),
                               status=VersionStatus.PROPOSAL, author="agency", actor="sec", based_on=base.number,
                               reason="ส่วนราชการเสนอปรับน้ำหนัก", session=SESSION)
        agree_version(ws, 1, version.number, actor="sec", minute="เห็นชอบ", session=SESSION)
    window = open_window(qtbot, path)
    window.navigator.select_agreement(1)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    meeting = window.meeting_actions.meeting
    assert isinstance(meeting, MeetingWindow)
    qtbot.waitExposed(meeting)
    meeting.meeting_edit.setText(SESSION)
    out = tmp_path / "minutes.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(out), "")))
    monkeypatch.setattr(print_support, "open_in_system_viewer", lambda p: opened.append(p) or True)
    seen: list[str] = []

    def fill(dialog: MinutesDialog) -> None:
        assert dialog.number_edit.text() == SESSION
        assert dialog.attendees_edit.toPlainText().strip(), "the panel's members attend to start with"
        type_into(qtbot, dialog.date_edit, "31/02/2569")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen.append(dialog.problem_label.text())
        assert dialog.isVisible(), "a date that is not one keeps the dialog open"
        type_into(qtbot, dialog.date_edit, "14/11/2568")
        type_into(qtbot, dialog.place_edit, PLACE)
        qtbot.mouseClick(dialog.arabic_check, Qt.MouseButton.LeftButton)
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "minutes-dialog.png"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog(MinutesDialog, fill)
    meeting.activateWindow()  # Ctrl+P of the main window prints the report: the meeting window must be active
    qtbot.waitUntil(meeting.isActiveWindow, timeout=3000)
    qtbot.keyClick(meeting, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert "not a date in the calendar" in seen[0]
    text = flat(opened[0])
    for expected in ("การประชุมครั้งที่4/2569", "เมื่อวันที่14พฤศจิกายนพ.ศ.2568", "".join(f"ณ{PLACE}".split()),
                     "เห็นชอบคำรับรองฉบับที่"):
        assert expected in text, expected
    QApplication.processEvents()
    window.close()
