"""The criteria cells of one indicator row (เกณฑ์ 1-5, or ขั้นต้น/มาตรฐาน/ขั้นสูง) read as Thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.problems import Problem, ProblemsError
from evaluator_app.domain.thresholds import Thresholds

from .cells import CellError, NotANumber, parse_number
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
    numbers: list[Decimal] = []
    failures: list[tuple[int, CellError]] = []
    for n, text in enumerate(texts, start=1):
        try:
            numbers.append(parse_number(text))
        except CellError as error:
            failures.append((n, error))
            if kind is IndicatorKind.MILESTONE:
                break  # one level in words makes them a milestone's steps: the other levels need not be tried
    if failures and kind is IndicatorKind.MILESTONE:
        criteria.thresholds = Thresholds(tuple(Decimal(n) for n in range(1, count + 1)))
        criteria.descriptions = tuple(texts)
        return criteria
    if failures:
        # Words in every level of a numeric indicator are a milestone's steps with the kind left out.
        all_words = len(failures) == count and all(isinstance(e, NotANumber) for _, e in failures)
        for n, error in failures:
            if all_words:
                error = CellError(
                    error.th + " (ถ้าเป็นตัวชี้วัดระดับความสำเร็จ ให้ระบุประเภทเป็น ระดับความสำเร็จ)",
                    error.en + " (for a milestone indicator, set the kind to milestone / ระดับความสำเร็จ)")
            cell(f"level_{n}", error)
        return criteria
    try:
        criteria.thresholds = Thresholds(tuple(numbers))
    except ProblemsError as refused:
        for problem in refused.problems:
            criteria.problems.append(columns.problem(
                row.row, f"ตัวชี้วัด {code} แถว {row.row} คอลัมน์ {label}: {problem.th}",
                f"indicator {code}, row {row.row}, columns {label}: {problem.en}", label))
    return criteria
