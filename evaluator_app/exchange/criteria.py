"""The criteria cells of one indicator row (เกณฑ์ 1-5, or ขั้นต้น/มาตรฐาน/ขั้นสูง) read as Thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.bands import (
    Band,
    ScoringMethod,
    bands_from_thresholds,
    bands_increase,
    bands_problem,
    entry_values,
    parse_band,
    point_band,
)
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.problems import Problem, ProblemsError
from evaluator_app.domain.thresholds import Thresholds

from .cells import CellError, NotANumber, parse_method, parse_number, shown
from .columns import THRESHOLD_LEVELS
from .sheets import SourceRow


@dataclass
class Criteria:
    thresholds: Thresholds | None = None
    descriptions: tuple[str, ...] = ()  # a milestone's steps, one text per level
    problems: list[Problem] = field(default_factory=list)
    absent_columns: tuple[str, ...] = ()  # level columns the framework needs but the sheet lacks

    @property
    def ok(self) -> bool:
        """False when the criteria could not be read; the domain's "needs criteria" would only echo that."""
        return not self.problems and not self.absent_columns


def read_criteria(code: str, kind: IndicatorKind, row: SourceRow, framework: Framework) -> Criteria:
    """Numbers, or for a milestone the text of each level's steps (thresholds 1..n); empty on a parent row."""
    count = framework.threshold_count
    columns = row.columns
    criteria = Criteria()

    def cell(name: str, error: CellError) -> None:
        criteria.problems.append(columns.cell_problem(row.row, name, error))

    for n in range(count + 1, THRESHOLD_LEVELS + 1):
        if row.values.get(f"level_{n}"):
            named = " (ขั้นต้น มาตรฐาน ขั้นสูง)" if count == 3 else ""
            named_en = " (basic, standard, advanced)" if count == 3 else ""
            cell(f"level_{n}", CellError(
                f"ต้องว่าง: ปีงบประมาณ {row.fiscal_year} ใช้กรอบ {framework.id} ซึ่งมีเกณฑ์ {count} ระดับ{named}",
                f"must be empty: fiscal year {row.fiscal_year} uses framework {framework.id}, which has {count} "
                f"criteria levels{named_en}"))
    criteria.absent_columns = tuple(f"level_{n}" for n in range(1, count + 1) if not columns.has(f"level_{n}"))
    if criteria.absent_columns:
        return criteria
    texts = [row.values.get(f"level_{n}", "") for n in range(1, count + 1)]
    if not any(texts):
        return criteria
    label = columns.levels_label(count)
    empty = ", ".join(str(n) for n, text in enumerate(texts, start=1) if not text)
    if empty:
        criteria.problems.append(columns.problem(
            row.row, f"ตัวชี้วัด {code}: เกณฑ์ระดับ {empty} ว่าง ต้องกรอกครบทั้ง {count} ระดับ",
            f"indicator {code}: criteria level {empty} is empty; fill in all {count} levels", label))
        return criteria
    method: ScoringMethod | None = None
    if row.values.get("scoring"):
        try:
            method = parse_method(row.values["scoring"])
        except CellError as error:
            cell("scoring", error)
            return criteria
    numbers: list[Decimal] = []
    bands: list[Band | None] = []  # a band where the cell is a range or an open bound, else None
    failures: list[tuple[int, CellError]] = []
    for n, text in enumerate(texts, start=1):
        try:
            numbers.append(parse_number(text))
            bands.append(None)
        except CellError as error:
            band = parse_band(text) if kind is not IndicatorKind.MILESTONE else None
            if band is not None:
                bands.append(band)
                continue
            failures.append((n, error))
            if kind is IndicatorKind.MILESTONE:
                break  # one level in words makes them a milestone's steps: the other levels need not be tried
    if failures and kind is IndicatorKind.MILESTONE:
        criteria.thresholds = Thresholds(tuple(Decimal(n) for n in range(1, count + 1)))
        criteria.descriptions = tuple(texts)
        return criteria
    if failures:
        # Words (no figure at all) in every level of a numeric indicator are a milestone's steps with the kind
        # left out. A cell with figures is a number or a band written in a way not understood: never a milestone.
        all_words = len(failures) == count and all(
            isinstance(e, NotANumber) and not any(ch.isdigit() for ch in texts[n - 1]) for n, e in failures)
        for n, error in failures:
            if all_words:
                error = CellError(
                    error.th + " (ถ้าเป็นตัวชี้วัดระดับความสำเร็จ ให้ระบุประเภทเป็น ระดับความสำเร็จ)",
                    error.en + " (for a milestone indicator, set the kind to milestone / ระดับความสำเร็จ)")
            elif isinstance(error, NotANumber):
                error = CellError(
                    f"ต้องเป็นตัวเลขหรือช่วง เช่น 80, 60 - 69.99, ร้อยละ 90 ขึ้นไป, น้อยกว่า 60 แต่พบ {shown(texts[n - 1])}",
                    f"expected a number or a band such as 80, 60 - 69.99, ≥ 90, น้อยกว่า 60, got "
                    f"{shown(texts[n - 1])}")
            cell(f"level_{n}", error)
        return criteria
    try:
        criteria.thresholds = _thresholds(numbers, bands, method)
    except ProblemsError as refused:
        for problem in refused.problems:
            criteria.problems.append(columns.problem(
                row.row, f"ตัวชี้วัด {code} แถว {row.row} คอลัมน์ {label}: {problem.th}",
                f"indicator {code}, row {row.row}, columns {label}: {problem.en}", label))
    return criteria


def _thresholds(numbers: list[Decimal], bands: list[Band | None], method: ScoringMethod | None) -> Thresholds:
    """Rule: ranges imply banded and plain numbers interpolated, unless the scoring column says otherwise."""
    if all(b is None for b in bands):
        if method is ScoringMethod.BANDED:
            plain = Thresholds(tuple(numbers))  # refuses non-monotone numbers with the usual message
            return Thresholds.banded(bands_from_thresholds(plain.values))
        return Thresholds(tuple(numbers))
    plain_numbers = iter(numbers)
    written = tuple(b if b is not None else point_band(next(plain_numbers)) for b in bands)
    if method is ScoringMethod.INTERPOLATED:
        problem = bands_problem(written)
        if problem is not None:
            raise ProblemsError([problem])
        starts = entry_values(written)
        if starts is None:
            open_level = next(n for n, b in enumerate(written, start=1)
                              if (b.low if bands_increase(written) else b.high) is None)
            raise ProblemsError([Problem(
                th=(f"คิดคะแนนเทียบบัญญัติไตรยางศ์ได้เมื่อทุกระดับมีจุดเริ่ม แต่ระดับ {open_level} "
                    f"({written[open_level - 1].label()}) ไม่มี"),
                en=(f"interpolation needs where each level starts, but level {open_level} "
                    f"({written[open_level - 1].label()}) has no start"))])
        return Thresholds(starts)
    return Thresholds.banded(written)

