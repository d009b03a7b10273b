"""The main window's entry to meeting mode: View → Meeting mode (F11) opens it on the chosen agreement, and it is
closed before the workspace is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from ..common.main_window_interface import MainWindowInterface

if TYPE_CHECKING:
    from .meeting_window import MeetingWindow


class MeetingActions(QObject):
    """The main window's entry to meeting mode: a View menu item (F11) that opens it on the chosen agreement."""

    def __init__(self, window: MainWindowInterface):
        super().__init__(window)
        self.window = window
        self.meeting: MeetingWindow | None = None
        self.open_action = QAction(window)
        self.open_action.setObjectName("meetingMode")
        self.open_action.setShortcut(QKeySequence("F11"))
        self.open_action.triggered.connect(self.open_meeting)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.open_action)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("&Meeting mode"))
        self.open_action.setToolTip(self.tr("Negotiate weights, targets and criteria on a projector (F11)"))

    def open_meeting(self) -> MeetingWindow | None:
        window = self.window
        agreement_id, session = window.place().agreement_id, window.session
        if session is None or agreement_id is None:
            window.statusBar().showMessage(self.tr("Choose an agreement first."), 8000)
            return None
        from .meeting_window import MeetingWindow  # loads with its first use, not at start-up

        window.commit_open_editor()
        if self.meeting is not None and self.meeting.document.agreement_id == agreement_id \
                and self.meeting.session is session:
            self.meeting.raise_()
            self.meeting.activateWindow()
            return self.meeting
        self.close_windows()
        meeting = MeetingWindow(session, agreement_id, window)
        meeting.destroyed.connect(lambda *_args: self._forget(meeting))
        self.meeting = meeting
        meeting.showFullScreen()
        meeting.full_screen_action.setChecked(True)
        return meeting

    def _forget(self, meeting: MeetingWindow) -> None:
        if self.meeting is meeting:
            self.meeting = None

    def close_windows(self) -> None:
        """Before the workspace closes (another is opened, or the app quits): nothing typed is dropped."""
        if self.meeting is not None:
            meeting, self.meeting = self.meeting, None
            meeting.close()


def install_meeting_actions(window: MainWindowInterface) -> MeetingActions:
    return MeetingActions(window)
