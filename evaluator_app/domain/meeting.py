"""A negotiation meeting as its minutes record it: number, date, place, and who attended in which role; how those
are written on the command line, and who signs the minutes (the chair and the secretary)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .thai_dates import BUDDHIST_ERA_OFFSET

__all__ = ["MAX_TEXT_CHARS", "Attendee", "Meeting", "attendee_from_text", "meeting_number", "parse_meeting_date"]

MAX_TEXT_CHARS = 300
_CHAIR_ROLES = {"ประธาน", "ประธานกรรมการ", "ประธานการประชุม", "ประธานคณะกรรมการ", "chair", "chairperson"}
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DATE = re.compile(r"^\s*(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})\s*$")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Attendee:
    """Who attended: name, role at the meeting (ประธานกรรมการ, กรรมการและเลขานุการ, ผู้แทนส่วนราชการ …), position."""

    name: str
    role: str = ""
    position: str = ""

    @property
    def is_chair(self) -> bool:
        return self.role.replace(" ", "").casefold() in _CHAIR_ROLES

    @property
    def is_secretary(self) -> bool:
        """The secretary takes the minutes; an assistant secretary (ผู้ช่วยเลขานุการ) does not sign them."""
        role = self.role.replace(" ", "").casefold()
        return ("เลขานุการ" in role and not role.startswith("ผู้ช่วย")) or \
            ("secretary" in role and "assistant" not in role)


@dataclass(frozen=True)
class Meeting:
    """What the head of the minutes says; empty fields print as lines to fill in by hand."""

    number: str = ""  # ครั้งที่ 1/2569
    date: dt.date | None = None
    place: str = ""
    attendees: tuple[Attendee, ...] = ()

    @property
    def chair(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_chair), None)

    @property
    def secretary(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_secretary), None)


def attendee_from_text(text: str) -> Attendee:
    """``ชื่อ|บทบาท`` or ``ชื่อ|บทบาท|ตำแหน่ง`` as typed on the command line; ValueError (Thai / English) if not."""
    parts = [_clean(p) for p in text.split("|")]
    if len(parts) > 3:
        raise ValueError(f"เขียนได้เพียง ชื่อ|บทบาท|ตำแหน่ง ได้ '{text}' / write NAME|ROLE|POSITION, got '{text}'")
    name, role, position = (*parts, "", "")[:3]
    if not name:
        raise ValueError(f"ต้องมีชื่อผู้เข้าประชุม ได้ '{text}' / an attendee needs a name, got '{text}'")
    if any(len(p) > MAX_TEXT_CHARS for p in parts):
        raise ValueError(f"ยาวเกิน {MAX_TEXT_CHARS} ตัวอักษร / longer than {MAX_TEXT_CHARS} characters: "
                         f"'{text[:40]}…'")
    if any(unicodedata.category(c) == "Cc" for c in "".join(parts)):
        raise ValueError(f"มีอักขระควบคุม / contains a control character: '{text[:40]}'")
    return Attendee(name, role, position)


def meeting_number(text: str) -> str:
    """``ครั้งที่ 1/2569`` from ``1/2569`` or from itself."""
    text = _clean(text)
    if not text or text.startswith("ครั้งที่"):
        return text
    return f"ครั้งที่ {text}"


def parse_meeting_date(text: str) -> dt.date:
    """A meeting date as people type it: 2569-11-15 or 15/11/2569 (B.E.), 2026-11-15 (C.E.), Thai digits too.

    A year of 2400 or more is B.E.; ValueError (Thai / English) for anything else."""
    shown = text
    match = _DATE.match(text.translate(_ARABIC_DIGITS))
    if match is None:
        raise ValueError(f"วันที่ต้องเขียนเป็น ปปปป-ดด-วว หรือ วว/ดด/ปปปป ได้ '{shown}' / "
                         f"a date is YYYY-MM-DD or DD/MM/YYYY, got '{shown}'")
    first, month, last = (int(g) for g in match.groups())
    year, day = (first, last) if len(match.group(1)) == 4 else (last, first)
    if year >= 2400:
        year -= BUDDHIST_ERA_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"ไม่มีวันที่ '{shown}' ในปฏิทิน / '{shown}' is not a date in the calendar") from None
