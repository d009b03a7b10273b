"""What the head of the minutes says before they are printed: the meeting's number, date and place, who attended in
which role (one a line, "ชื่อ | บทบาท | ตำแหน่ง"; the panel's members to start with), and the digit style."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.meeting import Attendee, Meeting, attendee_from_text, meeting_number, parse_meeting_date
from ...domain.thai_dates import Digits, buddhist_year
from .tool_windows import add_close_keys


def _line(person: Attendee) -> str:
    parts = [person.name, person.role, person.position]
    while not parts[-1]:
        parts.pop()
    return " | ".join(parts)


class MinutesDialog(QDialog):
    """After an accepted exec(): `meeting` and `digits` hold what was typed."""

    def __init__(self, number: str, attendees: tuple[Attendee, ...], parent: QWidget | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("minutesDialog")
        self.setWindowTitle(self.tr("The meeting in the minutes"))
        self.setMinimumWidth(620)
        self.meeting = Meeting()
        self.digits: Digits = "thai"
        today = today or dt.date.today()
        self.number_edit = QLineEdit(number, self)
        self.number_edit.setObjectName("meetingNumber")
        self.number_edit.setPlaceholderText("ครั้งที่ 1/2569")
        self.date_edit = QLineEdit(f"{today.day}/{today.month}/{buddhist_year(today)}", self)
        self.date_edit.setObjectName("meetingDate")
        self.date_edit.setPlaceholderText("วว/ดด/ปปปป (พ.ศ.)")
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("meetingPlace")
        self.attendees_edit = QPlainTextEdit("\n".join(_line(a) for a in attendees), self)
        self.attendees_edit.setObjectName("meetingAttendees")
        self.attendees_edit.setPlaceholderText("ชื่อ | บทบาท | ตำแหน่ง")
        self.attendees_edit.setTabChangesFocus(True)
        self.attendees_edit.setMinimumHeight(self.attendees_edit.fontMetrics().lineSpacing() * 7)
        self.arabic_check = QCheckBox(self.tr("Arabic digits (123) instead of Thai (๑๒๓)"), self)
        self.arabic_check.setObjectName("arabicDigits")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("minutesProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Meeting number:"), self.number_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Place:"), self.place_edit)
        form.addRow(self.tr("&Attendees:"), self.attendees_edit)
        hint = QLabel(self.tr("One attendee a line: name | role | position. The chair and the secretary sign the "
                              "minutes."), self)
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.arabic_check, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its text: a click beside
        # it does nothing, so it should not look as if it would
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.place_edit.setFocus()
        add_close_keys(self, self.reject)

    def _accept(self) -> None:
        try:
            text = self.date_edit.text().strip()
            day = parse_meeting_date(text) if text else None
            attendees = tuple(attendee_from_text(line) for line in self.attendees_edit.toPlainText().splitlines()
                              if line.strip())
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.show()
            return
        self.meeting = Meeting(meeting_number(self.number_edit.text()), day, " ".join(self.place_edit.text().split()),
                               attendees)
        self.digits = "arabic" if self.arabic_check.isChecked() else "thai"
        self.accept()
