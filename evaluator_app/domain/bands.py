"""Banded criteria: each level written as a range or an open bound, scoring the whole level whose band holds
the result ("น้อยกว่าร้อยละ 60 | ร้อยละ 60 - 69.99 | ... | ร้อยละ 90 ขึ้นไป": 84 scores 4, not 4.4)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from .numbers import NumberFormatError, parse_decimal, plain
from .problems import Problem


class ScoringMethod(StrEnum):
    INTERPOLATED = "interpolated"  # between levels in proportion (the default)
    BANDED = "banded"  # the whole level whose band holds the result


@dataclass(frozen=True)
class Band:
    """One level's range; None is an open end ("90 ขึ้นไป" has no upper bound)."""

    low: Decimal | None
    low_closed: bool
    high: Decimal | None
    high_closed: bool

    def mirrored(self) -> Band:
        """The band on the negated scale: lower-is-better criteria are checked and scored as higher-is-better."""
        return Band(None if self.high is None else -self.high, self.high_closed,
                    None if self.low is None else -self.low, self.low_closed)

    def label(self) -> str:
        """The band as printed: "< 60", "60 – 69.99", "≥ 90", "> 20"."""
        if self.low is not None and self.high is not None:
            if self.low == self.high and self.low_closed and self.high_closed:
                return plain(self.low)
            if self.low_closed and self.high_closed:
                return f"{plain(self.low)} – {plain(self.high)}"
            left = "" if self.low_closed else "> "
            right = "" if self.high_closed else " (ไม่รวม / excl.)"
            return f"{left}{plain(self.low)} – {plain(self.high)}{right}"
        if self.low is not None:
            return f"{'≥' if self.low_closed else '>'} {plain(self.low)}"
        if self.high is not None:
            return f"{'≤' if self.high_closed else '<'} {plain(self.high)}"
        return "*"

    def to_json(self) -> list[str | bool | None]:
        return [None if self.low is None else str(self.low), self.low_closed,
                None if self.high is None else str(self.high), self.high_closed]

    @classmethod
    def from_json(cls, data: Sequence[str | bool | None]) -> Band:
        low, low_closed, high, high_closed = data
        return cls(None if low is None else Decimal(str(low)), bool(low_closed),
                   None if high is None else Decimal(str(high)), bool(high_closed))


def point_band(value: Decimal) -> Band:
    return Band(value, True, value, True)


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Units and the word ร้อยละ say nothing about the band; they are dropped before the wording is read.
_NOISE = ("ร้อยละ", "ล้านบาท", "บาท", "วันทำการ", "วัน", "ครั้ง", "เรื่อง", "แห่ง", "ราย", "คน", "ชั่วโมง", "นาที",
          "เดือน", "คะแนน", "หน่วย", "percent", "days", "day", "%")
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_DASH = r"(?:-|–|—|ถึง|to)"
# Each wording, squashed (no spaces, lower case), as (pattern, low closed, high closed); a pattern's numbers are
# the low then the high bound. An open bound is None.
_RANGES = (
    (rf"(?:ตั้งแต่)?{_NUMBER}{_DASH}{_NUMBER}", True, True),
    (rf"ตั้งแต่{_NUMBER}(?:แต่)?(?:ไม่ถึง|น้อยกว่า|ต่ำกว่า){_NUMBER}", True, False),
    (rf"(?:มากกว่า|เกินกว่า|เกิน){_NUMBER}(?:แต่)?(?:ไม่เกิน|ไม่มากกว่า){_NUMBER}", False, True),
    (rf"(?:มากกว่า|เกินกว่า|เกิน){_NUMBER}(?:แต่)?(?:น้อยกว่า|ต่ำกว่า|ไม่ถึง){_NUMBER}", False, False),
)
_AT_LEAST = (rf"(?:≥|>=|=>|ตั้งแต่|ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย|atleast){_NUMBER}(?:ขึ้นไป|orabove|ormore)?",
             rf"{_NUMBER}(?:ขึ้นไป|orabove|ormore|\+)")
_MORE_THAN = (rf"(?:>|มากกว่า|เกินกว่า|เกิน|morethan|above|over){_NUMBER}",)
_AT_MOST = (rf"(?:≤|<=|=<|ไม่เกิน|ไม่มากกว่า|atmost){_NUMBER}(?:ลงมา|ลงไป|orbelow|orless)?",
            rf"{_NUMBER}(?:ลงมา|ลงไป|orbelow|orless)")
_LESS_THAN = (rf"(?:<|น้อยกว่า|ต่ำกว่า|ไม่ถึง|lessthan|below|under){_NUMBER}",)


def _number(text: str) -> Decimal:
    return parse_decimal(text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text) else text)


def parse_band(text: str) -> Band | None:
    """A criteria cell written as a range or an open bound, or None when it is not one (a plain number, words).

    Rule: "60 - 69.99", "60-69", "ตั้งแต่ 60 ถึง 69.99" are closed ranges; "≥ 90", "90 ขึ้นไป", "ไม่น้อยกว่า 90",
    "ตั้งแต่ 80 ขึ้นไป" are at least; "> 20", "มากกว่า 20 วัน" more than; "≤ 5", "ไม่เกิน 5" at most;
    "< 60", "น้อยกว่า 60", "ต่ำกว่า 60" less than. "ร้อยละ" and units are ignored.
    """
    squashed = "".join(str(text).translate(_THAI_DIGITS).split()).casefold()
    for word in _NOISE:
        squashed = squashed.replace(word, "")
    squashed = squashed.replace("x", "").replace("ผล", "")  # "60 ≤ x < 70" style and "ผล ≥ 90" (the result)
    try:
        for pattern, low_closed, high_closed in _RANGES:
            match = re.fullmatch(pattern, squashed)
            if match:
                return Band(_number(match[1]), low_closed, _number(match[2]), high_closed)
        for patterns, low_side, closed in ((_AT_LEAST, True, True), (_MORE_THAN, True, False),
                                           (_AT_MOST, False, True), (_LESS_THAN, False, False)):
            for pattern in patterns:
                match = re.fullmatch(pattern, squashed)
                if match:
                    value = _number(match[1])
                    return Band(value, closed, None, False) if low_side else Band(None, False, value, closed)
    except NumberFormatError:
        return None
    return None


def _position(band: Band) -> Decimal:
    """Where a band lies, to tell which way the levels run."""
    return band.low if band.low is not None else band.high  # type: ignore[return-value]


def bands_increase(bands: Sequence[Band]) -> bool | None:
    """True when the levels run upwards (higher is better), False downwards, None when it cannot be told."""
    first, last = _position(bands[0]), _position(bands[-1])
    if first == last:
        return None
    return first < last


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def bands_problem(bands: Sequence[Band]) -> Problem | None:
    """Why these bands do not make one level for each result, or None.

    Rule: bands follow each other without overlap; a gap is allowed only at the precision written ("60 - 69.99"
    then "70 - 79.99", or "60-69" then "70-79"), where a result between them stays in the lower level because it
    has not reached the next one. Any other gap or overlap is refused: a score would be ambiguous.
    """
    shown = " | ".join(b.label() for b in bands)
    for band in bands:
        if band.low is None and band.high is None:
            return Problem(th=f"เกณฑ์แบบช่วงต้องมีขอบเขต: {shown}", en=f"a band needs at least one bound: {shown}")
        if band.low is not None and band.high is not None and band.low > band.high:
            return Problem(th=f"ช่วง {band.label()} ต่ำสุดมากกว่าสูงสุด ในเกณฑ์ {shown}",
                           en=f"the band {band.label()} starts above its end, in {shown}")
    upwards = bands_increase(bands)
    if upwards is None:
        return Problem(th=f"เกณฑ์ระดับแรกและระดับสุดท้ายอยู่ที่เดียวกัน บอกไม่ได้ว่ามากดีหรือน้อยดี: {shown}",
                       en=f"the first and last levels lie at the same place, so the direction is unclear: {shown}")
    scale = list(bands) if upwards else [b.mirrored() for b in bands]
    for index, (lower, upper) in enumerate(pairwise(scale), start=1):
        where_th = f"ระดับ {index} ({bands[index - 1].label()}) และ {index + 1} ({bands[index].label()})"
        where_en = f"levels {index} ({bands[index - 1].label()}) and {index + 1} ({bands[index].label()})"
        overlap = Problem(th=f"ช่วงของเกณฑ์ซ้อนกัน: {where_th} ในเกณฑ์ {shown}",
                          en=f"criteria bands overlap: {where_en}, in {shown}")
        if lower.high is None or upper.low is None or lower.high > upper.low:
            return overlap
        if lower.high == upper.low:
            if lower.high_closed and upper.low_closed:
                return overlap
            continue
        unit = Decimal(1).scaleb(-max(_places(lower.high), _places(upper.low)))
        if upper.low - lower.high > unit or not (lower.high_closed and upper.low_closed):
            return Problem(th=f"ช่วงของเกณฑ์เว้นว่าง: {where_th} ในเกณฑ์ {shown}",
                           en=f"criteria bands leave a gap: {where_en}, in {shown}")
    return None


def bands_from_thresholds(values: Sequence[Decimal]) -> tuple[Band, ...]:
    """Plain thresholds scored banded: level k from t_k up to (not including) t_k+1, the top level from t_n on."""
    upwards = values[0] < values[-1]
    bands = []
    for k, value in enumerate(values):
        following = values[k + 1] if k + 1 < len(values) else None
        if upwards:
            bands.append(Band(value, True, following, False))
        else:
            bands.append(Band(following, False, value, True))
    return tuple(bands)


def band_values(bands: Sequence[Band]) -> tuple[Decimal, ...]:
    """Each level's best bound (its upper end when higher is better; the top level's start where it is open):
    strictly monotone for valid bands, so banded criteria keep a direction and an order like plain ones."""
    upwards = bands_increase(bands)
    # Where every level has a start (plain criteria scored banded: 80 85 90 95 100 read as [80, 85) ... [100, ...)),
    # the starts are the values: the best bounds would make the top two levels equal (100 and 100).
    starts = entry_values(bands)
    if starts is not None and all((a < b) if upwards else (a > b) for a, b in pairwise(starts)):
        return tuple(starts)
    scale = list(bands) if upwards else [b.mirrored() for b in bands]
    values = [_best_bound(b) for b in scale]
    return tuple(values) if upwards else tuple(-v for v in values)


def _best_bound(band: Band) -> Decimal:
    if band.high is not None:
        return band.high
    if band.low is None:
        raise ValueError("a band needs at least one bound")
    return band.low


def entry_values(bands: Sequence[Band]) -> tuple[Decimal, ...] | None:
    """Where each level starts (the low bound when higher is better), to interpolate banded texts when a
    committee says so; None when a level has no start (level 1 "น้อยกว่า 60")."""
    upwards = bands_increase(bands)
    starts = [b.low if upwards else b.high for b in bands]
    if any(s is None for s in starts):
        return None
    return tuple(starts)  # type: ignore[arg-type]


def banded_level(result: Decimal, bands: Sequence[Band]) -> int | None:
    """The level (1-based) whose band holds the result, or None when it lies outside every band (the floor).

    A result between two bands written at their precision (69.995 between 60 - 69.99 and 70 - 79.99) has not
    reached the upper level: it stays in the lower one.
    """
    upwards = bands_increase(bands)
    scale = list(bands) if upwards else [b.mirrored() for b in bands]
    x = result if upwards else -result
    for level in range(len(scale), 0, -1):
        band = scale[level - 1]
        reached = band.low is None or x > band.low or (x == band.low and band.low_closed)
        if not reached:
            continue
        if level == len(scale) and band.high is not None and (x > band.high or (x == band.high
                                                                               and not band.high_closed)):
            return None  # beyond the top band
        return level
    return None
