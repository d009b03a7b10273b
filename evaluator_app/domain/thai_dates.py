"""Dates as Thai readers expect them: Thai month names and Buddhist Era years, on paper and on screen.

One module for the printed papers, the window and the store's messages, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, date, datetime, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .numbers import thai_digits

__all__ = [
    "BUDDHIST_ERA_OFFSET", "DEFAULT_ZONE", "THAI_MONTHS", "THAI_MONTHS_SHORT", "Digits", "apply_digits",
    "buddhist_year", "clock_text", "display_zone", "english_datetime", "english_datetime_from_iso", "local_time",
    "now", "screen_date", "set_display_zone", "thai_date", "thai_datetime", "thai_datetime_from_iso", "today",
    "zone_name", "zone_named",
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


# --- the one clock: every time shown or printed goes through local_time ------------------------------------------

DEFAULT_ZONE = "Asia/Bangkok"  # Thailand keeps no daylight saving time; papers and the window read this clock
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_zone: tzinfo = ZoneInfo(DEFAULT_ZONE)


def zone_named(name: str | None) -> tzinfo:
    """The time zone called `name` (an IANA name such as Asia/Bangkok); the default one for None or "".

    Raises ValueError naming the zone when there is no such zone, so a setting typed wrong is said, not ignored.
    """
    if not name:
        return ZoneInfo(DEFAULT_ZONE)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"ไม่รู้จักเขตเวลา '{name}' / unknown time zone '{name}'") from exc


def set_display_zone(name: str | None) -> tzinfo:
    """Show and print every time in this zone from now on (the window and the CLI set it from the workspace)."""
    global _zone
    _zone = zone_named(name)
    return _zone


def display_zone() -> tzinfo:
    return _zone


def zone_name(zone: tzinfo | None = None) -> str:
    zone = zone or _zone
    return str(getattr(zone, "key", None) or zone.tzname(None) or zone)


def local_time(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` on the clock people read: in `zone`, or the display zone (Asia/Bangkok unless set otherwise).

    Stored times carry their UTC offset; a time without one is taken as already on that clock.
    """
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone or _zone)


def now(zone: tzinfo | None = None) -> datetime:
    """The time now on the display clock (for "printed on" dates and "saved at" times)."""
    return datetime.now(UTC).astimezone(zone or _zone)


def today(zone: tzinfo | None = None) -> date:
    return now(zone).date()


def clock_text(moment: datetime, zone: tzinfo | None = None, *, seconds: bool = False) -> str:
    """14:32, or 14:32:05 with seconds, on the display clock."""
    local = local_time(moment, zone)
    return f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"


def thai_datetime(value: datetime, *, short: bool = True, zone: tzinfo | None = None, seconds: bool = False) -> str:
    """5 มี.ค. 2568 14:32 on the display clock (stored times are UTC)."""
    local = local_time(value, zone)
    return f"{screen_date(local, short=short)} {clock_text(local, local.tzinfo, seconds=seconds)}"


def thai_datetime_from_iso(text: str, *, short: bool = True, zone: tzinfo | None = None) -> str:
    """A stored UTC ISO-8601 time shown in Thai; the text itself when it is not a time."""
    try:
        return thai_datetime(datetime.fromisoformat(text), short=short, zone=zone)
    except ValueError:
        return text


def english_datetime(value: datetime, *, zone: tzinfo | None = None, seconds: bool = False) -> str:
    """The same moment for English readers, still in the Buddhist Era: 5 Mar 2568 B.E. 14:32."""
    local = local_time(value, zone)
    return f"{local.day} {ENGLISH_MONTHS[local.month - 1]} {buddhist_year(local)} B.E. " \
        f"{clock_text(local, local.tzinfo, seconds=seconds)}"


def english_datetime_from_iso(text: str, *, zone: tzinfo | None = None) -> str:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return text
    return english_datetime(value, zone=zone)
