"""Reading one cell's text as a number, year, round, code or kind, with a bilingual reason when it cannot."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from evaluator_app.domain.agreement import MILESTONE_UNITS, IndicatorKind
from evaluator_app.domain.bands import ScoringMethod
from evaluator_app.domain.numbers import NumberFormatError, parse_decimal

BE_OFFSET = 543  # พ.ศ. = ค.ศ. + 543
CE_BEFORE = 2400  # a year below this is C.E.: B.E. 2400 is C.E. 1857, long before any agreement
# Agreements exist since B.E. 2547; the range only catches typos (256, 25677) and stray numbers.
PLAUSIBLE_YEARS = range(2500, 2701)


class CellError(ValueError):
    """Why a cell's text cannot be read, said in Thai and English ("expected a number, got 'abc'")."""

    def __init__(self, th: str, en: str):
        super().__init__(en)
        self.th = th
        self.en = en


class NotANumber(CellError):
    """Text where a number belongs (as opposed to a number out of range)."""


def shown(text: str, limit: int = 60) -> str:
    """A cell's text quoted in a message, cut short so hostile cells do not flood it."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _squash(text: str) -> str:
    return "".join(text.translate(_THAI_DIGITS).split()).casefold()


def _strip_words(text: str, words: Iterable[str]) -> str:
    squashed = _squash(text)
    for word in words:
        if squashed.startswith(word):
            squashed = squashed[len(word):]
    return squashed


# No weight, threshold or result comes near this (a budget in baht stays below 10^13). Larger numbers are typos
# or hostile, and beyond 28 digits the domain's rounding (Decimal's default precision) would fail on them.
NUMBER_LIMIT = Decimal(10) ** 15


_ASCII_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def parse_number(text: str) -> Decimal:
    """A number as Thai spreadsheets write it (1,150.40 · ๙๒.๕ · 92% · "ร้อยละ 92")."""
    try:
        # Most cells are plain ASCII numbers, which parse_decimal would hand to Decimal unchanged.
        value = Decimal(text) if text.__class__ is str and _ASCII_NUMBER.fullmatch(text) else parse_decimal(text)
    except NumberFormatError:
        try:
            value = parse_decimal(_strip_words(text, ("ร้อยละ",)))
        except NumberFormatError:
            try:
                # Full-width digits and signs (１２．５, ８０％), as an East Asian input method types them: the
                # compatibility forms of the ASCII characters, which NFKC turns into those characters.
                value = parse_decimal(_strip_words(unicodedata.normalize("NFKC", text), ("ร้อยละ",)))
            except NumberFormatError:
                raise NotANumber(f"ต้องเป็นตัวเลข แต่พบ {shown(text)}",
                                 f"expected a number, got {shown(text)}") from None
    if abs(value) >= NUMBER_LIMIT:
        raise CellError(f"ตัวเลข {shown(text)} ใหญ่เกินไป (ต้องน้อยกว่า 10^15)",
                        f"the number {shown(text)} is too large (the limit is 10^15)")
    return value


_UNIT_NOTE = re.compile(r"\([^()]*\)\s*$")


def parse_number_with_unit(text: str, unit: str | None) -> Decimal:
    """A number, also written with its row's own unit before or after it ("15 วัน", "1,175 บาท" in a row whose
    unit is วัน or บาท), as "ร้อยละ 92" is read where the unit is ร้อยละ. Another unit stays a refusal: "15 ชั่วโมง"
    in a row counted in days is not 15 days."""
    try:
        return parse_number(text)
    except NotANumber as error:
        bare, squashed = _squash(text), _squash(_UNIT_NOTE.sub("", unit or ""))
        if squashed and bare != squashed and (bare.endswith(squashed) or bare.startswith(squashed)):
            number = bare[:-len(squashed)] if bare.endswith(squashed) else bare[len(squashed):]
            try:
                return parse_number(number)
            except NotANumber:
                pass
        raise error from None


# The year, round, code and kind cells repeat on every row of a national workbook (7,000 rows, a handful of
# distinct texts): each text is read once. Pure functions of the text; a refusal is raised again each time.
@lru_cache(maxsize=4096)
def parse_year(text: str) -> int:
    """A fiscal year in B.E.; C.E. years (below 2400) are converted by adding 543."""
    explicit_ce = "ค.ศ" in text or "c.e" in text.casefold()
    bare = _strip_words(text, ("ปีงบประมาณ", "ปีงบ", "พ.ศ.", "พ.ศ", "ค.ศ.", "ค.ศ", "b.e.", "c.e.", "fy"))
    try:
        value = parse_decimal(bare)
    except NumberFormatError:
        raise CellError(f"ต้องเป็นปี พ.ศ. เช่น 2567 แต่พบ {shown(text)}",
                        f"expected a year such as 2567 (B.E.) or 2024 (C.E.), got {shown(text)}") from None
    if value != value.to_integral_value():
        raise CellError(f"ปีต้องเป็นจำนวนเต็ม แต่พบ {shown(text)}", f"a year must be a whole number, got {shown(text)}")
    # A 5,000-digit "year" is never converted to an int, only refused.
    year = int(value) if abs(value) < PLAUSIBLE_YEARS.stop else PLAUSIBLE_YEARS.stop
    if year < PLAUSIBLE_YEARS.stop and (explicit_ce or year < CE_BEFORE):
        year += BE_OFFSET
    if year not in PLAUSIBLE_YEARS:
        raise CellError(
            f"ปี {shown(text)} ไม่น่าเป็นไปได้ (อ่านได้เป็น พ.ศ. {year}) ควรอยู่ระหว่าง พ.ศ. "
            f"{PLAUSIBLE_YEARS.start}-{PLAUSIBLE_YEARS.stop - 1}",
            f"the year {shown(text)} is implausible (reads as B.E. {year}); expected B.E. "
            f"{PLAUSIBLE_YEARS.start}-{PLAUSIBLE_YEARS.stop - 1} or the C.E. equivalent")
    return year


def parse_round(text: str, allowed: Iterable[int]) -> int:
    """A reporting round in months: 12, "12 เดือน", "รอบ 12 เดือน", "12 months"."""
    return _parse_round(text, tuple(allowed))


@lru_cache(maxsize=4096)
def _parse_round(text: str, rounds: tuple[int, ...]) -> int:
    listed = ", ".join(str(r) for r in rounds)
    bare = _strip_words(text, ("รอบที่", "รอบ", "round"))
    for suffix in ("เดือน", "months", "month"):
        if bare.endswith(suffix):
            bare = bare[: -len(suffix)]
    try:
        value = parse_decimal(bare)
    except NumberFormatError:
        value = None
    if value is None or value != value.to_integral_value() or int(value) not in rounds:
        raise CellError(f"ต้องเป็นรอบ {listed} เดือน แต่พบ {shown(text)}",
                        f"expected a round of {listed} months, got {shown(text)}")
    return int(value)


_CODE = re.compile(r"^[0-9]+(\.[0-9]+)*$")


@lru_cache(maxsize=16384)
def parse_code(text: str) -> str | None:
    """A hierarchical indicator code (1, 2.1, 1.2.1), or None when the text is not one (e.g. a dimension title)."""
    bare = _strip_words(text, ("ตัวชี้วัดที่", "kpi"))
    if not bare.isascii():
        # Digits of any script are the digits (１.２ is 1.2, as ๑.๒ is): the code is stored and typed as ASCII.
        bare = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c
                       for c in unicodedata.normalize("NFKC", bare))
    bare = bare.rstrip(".")
    return bare if _CODE.match(bare) else None


_KINDS = {
    IndicatorKind.NUMERIC: ("numeric", "number", "ตัวเลข", "เชิงปริมาณ", "ปริมาณ"),
    IndicatorKind.MILESTONE: ("milestone", "ระดับความสำเร็จ", "ขั้นตอน", "ระดับ", "level"),
}


@lru_cache(maxsize=1024)
def parse_kind(text: str) -> IndicatorKind:
    key = _squash(text)
    for kind, words in _KINDS.items():
        if key in {_squash(w) for w in words}:
            return kind
    raise CellError(
        f"ประเภทต้องเป็น เชิงปริมาณ/ตัวเลข (numeric) หรือ ระดับความสำเร็จ/ขั้นตอน (milestone) แต่พบ {shown(text)}",
        f"expected numeric (เชิงปริมาณ) or milestone (ระดับความสำเร็จ), got {shown(text)}")


_METHODS = {
    ScoringMethod.INTERPOLATED: ("interpolated", "interpolation", "linear", "เทียบบัญญัติไตรยางศ์", "บัญญัติไตรยางศ์",
                                 "ไตรยางศ์", "เทียบสัดส่วน", "สัดส่วน"),
    ScoringMethod.BANDED: ("banded", "band", "bands", "ช่วง", "แบบช่วง", "ช่วงคะแนน", "ทั้งระดับ", "ขั้นบันได"),
}


@lru_cache(maxsize=256)
def parse_method(text: str) -> ScoringMethod:
    """The scoring method a `scoring` / วิธีคิดคะแนน cell names."""
    key = _squash(text)
    for method, words in _METHODS.items():
        if key in {_squash(w) for w in words}:
            return method
    raise CellError(
        f"วิธีคิดคะแนนต้องเป็น เทียบบัญญัติไตรยางศ์ (interpolated) หรือ แบบช่วง (banded) แต่พบ {shown(text)}",
        f"expected interpolated (เทียบบัญญัติไตรยางศ์) or banded (แบบช่วง), got {shown(text)}")


_MILESTONE_UNITS = {_squash(u) for u in MILESTONE_UNITS}


def default_kind(unit: str | None) -> IndicatorKind:
    """Milestone when the unit is a level (ระดับ, ระดับความสำเร็จ), numeric otherwise."""
    if unit and _squash(re.sub(r"\([^()]*\)\s*$", "", unit)) in _MILESTONE_UNITS:
        return IndicatorKind.MILESTONE
    return IndicatorKind.NUMERIC


def parse_level_reached(text: str, levels: int) -> Decimal:
    """A milestone result: the level of steps completed, 0..n ("4", "ระดับ 4", "ระดับที่ 4")."""
    try:
        value = parse_number(_strip_words(text, ("ระดับที่", "ระดับ", "level")) or text)
    except CellError:
        value = None
    if value is None or not 0 <= value <= levels:
        raise CellError(f"ผลของตัวชี้วัดระดับความสำเร็จต้องเป็นระดับ 0-{levels} แต่พบ {shown(text)}",
                        f"a milestone result must be a level from 0 to {levels}, got {shown(text)}")
    return value
