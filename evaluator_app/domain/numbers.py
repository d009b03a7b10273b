"""Exact decimal numbers as committees write them: parsing messy input and rounding for display."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FOUR_PLACES = Decimal("0.0001")

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Spaces of every kind Excel and Thai Windows produce, including no-break and thin spaces.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


class NumberFormatError(ValueError):
    """A text that should hold a number does not."""


def parse_decimal(value: object) -> Decimal:
    """Read a number the way it arrives from Thai spreadsheets.

    Accepts Thai digits (๙๒.๕), thousands separators (1,150.40), a trailing or leading %, and stray spaces.
    The % sign is dropped, not divided: in these files "ร้อยละ 92%" means the value 92.
    "-0" is zero: Decimal keeps the sign of a zero, and it would be stored and printed as "-0".
    """
    number = _parse_decimal(value)
    return number.copy_abs() if number.is_zero() else number


def _parse_decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberFormatError(f"not a finite number: {value}")
        return value
    if isinstance(value, bool):
        raise NumberFormatError(f"not a number: {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Spreadsheet cells arrive as binary floats; repr gives the shortest text that round-trips,
        # which is what the person typed (0.1, not 0.1000000000000000055...).
        if not math.isfinite(value):  # NaN is how pandas hands over an empty cell
            raise NumberFormatError("empty or not a number")
        return Decimal(repr(value))
    if value is None:
        raise NumberFormatError("empty")
    text = str(value).translate(_THAI_DIGITS)
    text = _SPACES.sub("", text)
    text = text.replace("\u2212", "-")  # the typographic minus sign
    if text.endswith("%"):
        text = text[:-1]
    elif text.startswith("%"):
        text = text[1:]
    if not text:
        raise NumberFormatError("empty")
    if _GROUPED_NUMBER.match(text):
        text = text.replace(",", "")
    if not _PLAIN_NUMBER.match(text):
        raise NumberFormatError(f"not a number: {value!r}")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already excludes this
        raise NumberFormatError(f"not a number: {value!r}") from exc


def round4(value: Decimal) -> Decimal:
    """Round half-up to 4 decimals, the precision every shown score carries."""
    return value.quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


def format4(value: Decimal) -> str:
    """A score as printed: exactly 4 decimals (5.0000, 0.1920)."""
    return f"{round4(value):.4f}"


def plain(value: Decimal) -> str:
    """A weight, threshold or result without trailing zeros or exponent (50, 83.33, 0.5)."""
    if value == value.to_integral_value():
        # format, not quantize: quantize raises for whole numbers longer than the context's 28 digits
        return format(value.to_integral_value(), "f")
    return format(value.normalize(), "f")


_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text: str) -> str:
    """Arabic digits to Thai digits, an option on printed papers."""
    return text.translate(_TO_THAI_DIGITS)
