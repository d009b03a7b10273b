"""Dates as Thai readers expect them: Thai month names and Buddhist Era years, on paper and on screen.

One module for the printed papers, the window and the store's messages, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Literal

from .numbers import thai_digits

__all__ = [
    "BUDDHIST_ERA_OFFSET", "THAI_MONTHS", "THAI_MONTHS_SHORT", "Digits", "apply_digits", "buddhist_year",
    "english_datetime_from_iso", "screen_date", "thai_date", "thai_datetime", "thai_datetime_from_iso",
]

Digits = Literal["thai", "arabic"]

BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)


def apply_digits(text: str, style: Digits) -> str:
    """Text with its Arabic digits in the chosen style (Thai ๐–๙ or left as 0–9)."""
    if style == "thai":
        return thai_digits(text)
    if style == "arabic":
        return text
    raise ValueError(f"digits must be 'thai' or 'arabic', not {style!r}")


def buddhist_year(date: dt.date) -> int:
    """The Buddhist Era year (พ.ศ.) of a date: C.E. + 543."""
    return date.year + BUDDHIST_ERA_OFFSET


def thai_date(date: dt.date, digits: Digits = "thai") -> str:
    """``๒๗ พฤศจิกายน พ.ศ. ๒๕๖๙``, or ``27 พฤศจิกายน พ.ศ. 2569`` with ``digits="arabic"``."""
    text = f"{date.day} {THAI_MONTHS[date.month - 1]} พ.ศ. {buddhist_year(date)}"
    return apply_digits(text, digits)


THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def screen_date(value: date, *, short: bool = False) -> str:
    """5 มีนาคม 2568, or 5 มี.ค. 2568 when short: the compact form tables on screen use."""
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    return f"{value.day} {months[value.month - 1]} {buddhist_year(value)}"


def thai_datetime(value: datetime, *, short: bool = True) -> str:
    """5 มี.ค. 2568 14:32 in the machine's local time (stored times are UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{screen_date(value, short=short)} {value:%H:%M}"


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
