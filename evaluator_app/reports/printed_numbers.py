"""Numbers as the papers print them: thousands separators, results to the precision the agreement uses.

The content of a paper keeps every figure exactly (92.33333333333333 stays in the data and in the seal); only the
printed text is rounded and grouped here.  `verify` reads printed figures back with `domain.numbers.parse_decimal`,
which accepts the separators and Thai digits these functions produce.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "MAX_PLACES",
    "criteria_places",
    "grouped",
    "printed_figure",
    "printed_result",
    "printed_threshold",
]

MAX_PLACES = 4  # the precision of every shown score; a result is never printed finer
_NUMBER = re.compile(r"^(?P<sign>[-+\u2212]?)(?P<whole>\d+)(?P<fraction>\.\d*)?$")
# A figure with its decoration: a parent's "(3.1500)", a note mark "4.8000¹".
_DECORATED = re.compile(r"^(?P<open>\(?)(?P<number>[-+\u2212]?\d+(?:\.\d*)?)(?P<close>\)?)(?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]*)$")


def grouped(number: str) -> str:
    """``1150.40`` → ``1,150.40``; text that is not a plain Arabic-digit number comes back unchanged."""
    match = _NUMBER.match(number)
    if match is None:
        return number
    whole = match.group("whole")
    return f"{match.group('sign')}{int(whole):,}{match.group('fraction') or ''}" if len(whole) > 3 else number


def printed_figure(text: str | None) -> str | None:
    """A weight, score or total as printed: its digits grouped, brackets and note marks kept."""
    if text is None:
        return None
    match = _DECORATED.match(text)
    if match is None:
        return text
    return f"{match.group('open')}{grouped(match.group('number'))}{match.group('close')}{match.group('mark')}"


def _places(text: str) -> int:
    match = _NUMBER.match(text)
    if match is None or not match.group("fraction"):
        return 0
    return len(match.group("fraction")) - 1


def criteria_places(thresholds: list[str]) -> int:
    """The decimals an indicator's criteria are written with (the most any of them has), at most four."""
    return min(MAX_PLACES, max((_places(t) for t in thresholds), default=0))


def _quantized(text: str, places: int) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def printed_threshold(text: str | None, places: int) -> str | None:
    """A criterion written with the indicator's decimals (1150.4 beside 1176.87 prints 1,150.40)."""
    if text is None or _NUMBER.match(text) is None:
        return text
    return grouped(_quantized(text, max(places, _places(text))))


def printed_result(text: str | None, places: int = 0) -> str | None:
    """A result as printed: rounded half-up to at most four decimals, and at least the ``places`` its criteria use.

    ``92.33333333333333`` prints ``92.3333``; ``1259.86`` prints ``1,259.86``; ``92.5`` beside criteria in two
    decimals prints ``92.50``.
    """
    if text is None or _NUMBER.match(text) is None:
        return text
    own = _places(text)
    shown = _quantized(text, min(own, MAX_PLACES)) if own > MAX_PLACES else text
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".") if own > MAX_PLACES else shown
    return grouped(_quantized(shown, max(places, _places(shown))))
