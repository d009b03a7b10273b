"""Dates on screen as Thai readers expect them: Buddhist Era years and Thai month names (pure Python, no Qt).

The month names and the B.E. year come from the reports' helper, so the window and the printed papers agree; the
window adds the abbreviated months and times it needs in tables.
"""

from __future__ import annotations

from datetime import date, datetime

from ..reports.thai_dates import THAI_MONTHS, buddhist_year

THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def thai_date(value: date, *, short: bool = False) -> str:
    """5 มีนาคม 2568, or 5 มี.ค. 2568 when short."""
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    return f"{value.day} {months[value.month - 1]} {buddhist_year(value)}"


def thai_datetime(value: datetime, *, short: bool = True) -> str:
    """5 มี.ค. 2568 14:32 in the machine's local time (stored times are UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{thai_date(value, short=short)} {value:%H:%M}"


def thai_datetime_from_iso(text: str, *, short: bool = True) -> str:
    """A stored UTC ISO-8601 time shown in Thai; the text itself when it is not a time."""
    try:
        return thai_datetime(datetime.fromisoformat(text), short=short)
    except ValueError:
        return text


def english_datetime_from_iso(text: str) -> str:
    """The same moment for English readers: 5 Mar 2025 14:32 (C.E.), local time."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return text
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{value.day} {value:%b %Y %H:%M}"
