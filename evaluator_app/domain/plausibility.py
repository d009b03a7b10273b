"""Checks on a typed result before it is recorded: what looks like a slip of the keyboard (a warning the person
confirms) and what cannot be meant at all (a refusal). One rule for the window and the command line.

Warnings: a percentage outside 0-100, a negative result where every criterion is positive, a result more than
ten times the criteria's width beyond their range, more decimals than the criteria use plus two.
Refusals: whatever the store refuses (`scoring.result_problem`), a fractional level on a whole-level milestone,
and a number too long to compute with exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .agreement import Indicator, IndicatorKind
from .framework import Framework, MilestoneMode
from .numbers import plain
from .problems import Problem
from .scoring import result_problem

# Decimal computes exactly to 28 significant digits (its default context). A result is kept to 15 digits before
# the point (a thousand trillion: far above any budget in baht) so that it, and every figure printed from it with
# its decimals, stays within those 28 digits: a 29-digit result would be rounded silently when scored and could
# not be printed to two decimals at all.
MAX_WHOLE_DIGITS = 15
MAX_SIGNIFICANT_DIGITS = 28
# How far beyond the criteria a result may lie, in widths of their range, before it looks like a slip (9250 for
# 92.50, an extra zero).
BEYOND_RANGE_FACTOR = 10
EXTRA_DECIMALS = 2  # decimals a result may carry beyond the criteria's own
PERCENT_UNITS = ("ร้อยละ", "เปอร์เซ็นต์", "%", "percent")
HUNDRED = Decimal(100)


def check_result(indicator: Indicator, result: Decimal, framework: Framework) -> list[Problem]:
    """Every problem with `result` for this indicator: refusals (`warning=False`) first, then warnings.

    Each problem names the indicator and the field "result".
    """
    refusal = _refusal(indicator, result, framework)
    if refusal is not None:
        return [refusal]
    return _warnings(indicator, result)


def refusals(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.warning]


def warning_text(problems: Sequence[Problem]) -> str:
    """The warnings as stored with a confirmed result and shown in its history: Thai / English, one a line."""
    return "\n".join(f"{p.th} / {p.en}" for p in problems if p.warning)


def _problem(indicator: Indicator, th: str, en: str, *, warning: bool) -> Problem:
    return Problem(th=th, en=en, indicator=indicator.code, field="result", warning=warning)


def _refusal(indicator: Indicator, result: Decimal, framework: Framework) -> Problem | None:
    if result.is_finite():
        whole, significant = _digits(result)
        if whole > MAX_WHOLE_DIGITS or significant > MAX_SIGNIFICANT_DIGITS:
            return _problem(
                indicator,
                f"ผลของตัวชี้วัด {indicator.code} ยาว {whole} หลักก่อนจุดทศนิยม ({significant} หลักทั้งหมด) "
                f"เกินที่คำนวณได้แม่นยำ (ไม่เกิน {MAX_WHOLE_DIGITS} หลักก่อนจุด และ {MAX_SIGNIFICANT_DIGITS} หลักทั้งหมด)",
                f"the result of indicator {indicator.code} has {whole} digits before the decimal point "
                f"({significant} in all): more than can be computed exactly (at most {MAX_WHOLE_DIGITS} before the "
                f"point and {MAX_SIGNIFICANT_DIGITS} in all)", warning=False)
    stored_rule = result_problem(indicator, result, framework)
    if stored_rule is not None:
        return stored_rule
    if (indicator.kind is IndicatorKind.MILESTONE and framework.milestone_mode is MilestoneMode.WHOLE
            and result != result.to_integral_value()):
        assert indicator.thresholds is not None  # result_problem refused a milestone without levels
        top = len(indicator.thresholds)
        return _problem(
            indicator,
            f"ตัวชี้วัด {indicator.code} ให้คะแนนตามระดับที่ทำได้ครบทั้งระดับ ผลต้องเป็นจำนวนเต็ม 0 ถึง {top} "
            f"ได้ {plain(result)}",
            f"indicator {indicator.code} is scored by whole levels reached: the result must be a whole level "
            f"from 0 to {top}, got {plain(result)}", warning=False)
    return None


def _warnings(indicator: Indicator, result: Decimal) -> list[Problem]:
    assert indicator.thresholds is not None  # _refusal refused an indicator without criteria
    shown = plain(result)
    code = indicator.code
    found: list[Problem] = []
    if indicator.kind is IndicatorKind.MILESTONE:  # levels 0..n, checked by the refusals; only decimals remain
        criteria: tuple[Decimal, ...] = tuple(Decimal(n) for n in range(len(indicator.thresholds) + 1))
    else:
        criteria = _criteria_values(indicator)
        low, high = min(criteria), max(criteria)
        percent = _is_percent(indicator.unit)
        if percent and not 0 <= result <= HUNDRED:
            found.append(_problem(
                indicator, f"ตัวชี้วัด {code} มีหน่วยเป็นร้อยละ แต่ผล {shown} อยู่นอกช่วง 0 ถึง 100",
                f"indicator {code} is a percentage, but the result {shown} lies outside 0 to 100", warning=True))
        if result < 0 <= low and not (percent and found):
            found.append(_problem(
                indicator, f"ผลของตัวชี้วัด {code} ติดลบ ({shown}) แต่เกณฑ์เป็นค่าบวกทั้งหมด",
                f"the result of indicator {code} is negative ({shown}) but its criteria are all positive",
                warning=True))
        width = high - low if high != low else max(abs(high), Decimal(1))
        beyond = low - result if result < low else result - high
        if beyond > BEYOND_RANGE_FACTOR * width:
            found.append(_problem(
                indicator,
                f"ผล {shown} ของตัวชี้วัด {code} ห่างจากช่วงเกณฑ์ {plain(low)} ถึง {plain(high)} เกิน "
                f"{BEYOND_RANGE_FACTOR} เท่าของความกว้างช่วง",
                f"the result {shown} of indicator {code} lies more than {BEYOND_RANGE_FACTOR} times the criteria's "
                f"width beyond their range {plain(low)} to {plain(high)}", warning=True))
    allowed = max(_decimals(v) for v in criteria) + EXTRA_DECIMALS
    if _decimals(result) > allowed:
        found.append(_problem(
            indicator,
            f"ผล {shown} ของตัวชี้วัด {code} มีทศนิยม {_decimals(result)} ตำแหน่ง มากกว่าที่เกณฑ์ใช้ "
            f"(เกณฑ์ใช้ไม่เกิน {allowed - EXTRA_DECIMALS} ตำแหน่ง)",
            f"the result {shown} of indicator {code} has {_decimals(result)} decimals, more than its criteria use "
            f"plus {EXTRA_DECIMALS} (they use up to {allowed - EXTRA_DECIMALS})", warning=True))
    return found


def _criteria_values(indicator: Indicator) -> tuple[Decimal, ...]:
    """Each level's value, and the written bounds of banded criteria: what the criteria's range and decimals are."""
    thresholds = indicator.thresholds
    assert thresholds is not None
    values = list(thresholds.values)
    for band in thresholds.bands or ():
        values.extend(v for v in (band.low, band.high) if v is not None)
    return tuple(values)


def _is_percent(unit: str | None) -> bool:
    text = (unit or "").strip().casefold()
    return any(word in text for word in PERCENT_UNITS)


def _decimals(value: Decimal) -> int:
    """Decimals as written: 92.50 has two, 80 none."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _digits(value: Decimal) -> tuple[int, int]:
    """Digits before the point and significant digits, as written (Decimal drops leading zeros)."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite: checked by the caller
    return max(len(digits) + exponent, 0), len(digits)
