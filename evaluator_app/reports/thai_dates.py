"""Dates as Thai official papers print them: day, Thai month name, พ.ศ. year (Buddhist Era)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from evaluator_app.domain.numbers import thai_digits

__all__ = ["BUDDHIST_ERA_OFFSET", "THAI_MONTHS", "Digits", "apply_digits", "buddhist_year", "thai_date"]

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
