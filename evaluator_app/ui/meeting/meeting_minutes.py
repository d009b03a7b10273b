"""Meeting mode's Print minutes… (Ctrl+P): ask where, write the minutes PDF off the GUI thread on a connection of
its own (reportlab loads only then), and open it in the system's viewer. The controller; the window only shows
its messages and turns the action off while it works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.thai_dates import Digits
from ..common import print_support
from ..common.background import BackgroundTask
from ..common.messages import problems_text
from ..common.session import WorkspaceSession
from .meeting_document import MeetingDocument


class MinutesPrinter(QObject):
    message = Signal(str, str)  # text, and "notice" or "refusal"
    busyChanged = Signal(bool)

    def __init__(self, parent: QWidget, document: MeetingDocument, session: WorkspaceSession):
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._session = session
        self._task: BackgroundTask | None = None
        self.last_minutes: Path | None = None

    def print_minutes(self, session_label: str | None, ask_meeting: Callable[[], tuple[Any, Digits] | None]) -> None:
        """The minutes of the meeting `session_label` (the whole negotiation when None); `ask_meeting` asks for the
        meeting's number, date, place and attendees, and the digits (minutes_dialog.py), or None when cancelled."""
        if self._task is not None:
            return
        details = ask_meeting()
        if details is None:
            return
        head = self._document.head
        folder = self._session.path.parent
        suggested = folder / f"minutes-{print_support.safe_file_name(head.agency)}-{head.fiscal_year}.pdf"
        path = print_support.ask_pdf_path(self._parent, self.tr("Save the minutes as PDF"), suggested)
        if path is None:
            return
        agreement_id, workspace_path = self._document.agreement_id, self._session.path

        def work() -> int:
            from ...reports.minutes import write_minutes  # reportlab loads only when printing

            return int(print_support.with_workspace(
                workspace_path, lambda w: write_minutes(
                w, agreement_id, path, session=session_label, meeting=details[0], digits=details[1])))

        self.busyChanged.emit(True)
        self.message.emit(self.tr("Writing the minutes…"), "notice")
        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda count: self._written(path, int(count)))  # type: ignore[call-overload]
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._task = task
        task.start()

    def _written(self, path: Path, count: int) -> None:
        self.last_minutes = path
        self.message.emit(self.tr("The minutes of {0} version(s) are saved in {1}.").format(count, path), "notice")
        if not print_support.open_in_system_viewer(path):
            # Said in a box, not only in the banner: the secretary is waiting for a viewer that will not come.
            QMessageBox.warning(self._parent, self.tr("Minutes not opened"), self.tr(
                "The minutes are saved in {0}, but they could not be opened: no program for PDF files was found. "
                "Open the file from its folder, or install a PDF viewer.").format(path))

    def _failed(self, error: object) -> None:
        from ...domain.problems import ProblemsError

        text = problems_text(error) if isinstance(error, ProblemsError) else str(error)
        self.message.emit(self.tr("The minutes were not written: {0}").format(text), "refusal")

    def _finished(self) -> None:
        self._task = None
        self.busyChanged.emit(False)

    def is_busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def wait(self) -> None:
        """Before the window closes: the minutes being written are finished first."""
        if self._task is not None:
            self._task.wait()
