"""Performance agreements (คำรับรองการปฏิบัติราชการ): parties, indicators, weights and their constraints."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .framework import Framework
from .numbers import parse_decimal, plain
from .problems import Problem
from .thresholds import Thresholds

HUNDRED = Decimal(100)


class IndicatorKind(StrEnum):
    NUMERIC = "numeric"  # the result is a measured value
    MILESTONE = "milestone"  # ระดับความสำเร็จ: the result is the level of steps completed


class PartySide(StrEnum):
    RECIPIENT = "recipient"  # ผู้รับคำรับรอง
    GIVER = "giver"  # ผู้ทำคำรับรอง


MILESTONE_UNITS = ("ระดับ", "ระดับความสำเร็จ", "level", "success level")


@dataclass(frozen=True)
class Party:
    side: PartySide
    name: str
    position: str = ""


def code_key(code: str) -> tuple[int | str, ...]:
    """Sort key for hierarchical codes: 1.2 before 1.10, and 2 after 1.9."""
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


@dataclass(frozen=True)
class Indicator:
    """One row of the annex: a KPI with its weight and criteria."""

    code: str
    name: str
    weight: Decimal
    thresholds: Thresholds | None = None
    kind: IndicatorKind = IndicatorKind.NUMERIC
    dimension: str | None = None
    unit: str | None = None
    target: str | None = None
    baseline: str | None = None
    description: str | None = None
    formula: str | None = None
    conditions: str | None = None
    data_source: str | None = None
    supervisor: str | None = None  # ผู้กำกับดูแลตัวชี้วัด
    collector: str | None = None  # ผู้จัดเก็บข้อมูล
    start_round: int | None = None  # not counted before this round
    cancel_round: int | None = None  # cancelled from this round on
    round_weights: dict[int, Decimal] = field(default_factory=dict)
    level_descriptions: tuple[str, ...] = ()  # milestone steps, one per level

    @property
    def parent_code(self) -> str | None:
        return parent_code(self.code)

    def weight_in(self, round_: int) -> Decimal:
        return self.round_weights.get(round_, self.weight)

    def counted_in(self, round_: int) -> bool:
        if self.start_round is not None and round_ < self.start_round:
            return False
        return not (self.cancel_round is not None and round_ >= self.cancel_round)

    @property
    def target_value(self) -> Decimal | None:
        """The target as a number where it is one ("ร้อยละ 90" reads as 90); None for text targets."""
        if not self.target:
            return None
        text = self.target
        for word in ("ร้อยละ", "ระดับที่", "ระดับ"):  # longest first
            text = text.replace(word, "")
        try:
            return parse_decimal(text)
        except ValueError:
            return None


@dataclass(frozen=True)
class Agreement:
    """One agency, one fiscal year (B.E.)."""

    agency: str
    fiscal_year: int
    indicators: tuple[Indicator, ...]
    parties: tuple[Party, ...] = ()
    framework_id: str | None = None
    title: str | None = None

    def indicator(self, code: str) -> Indicator:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)

    def children_of(self, code: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.parent_code == code)

    def is_parent(self, code: str) -> bool:
        return any(i.parent_code == code for i in self.indicators)

    def leaves(self) -> tuple[Indicator, ...]:
        """The indicators that are scored: those without children."""
        parents = {i.parent_code for i in self.indicators if i.parent_code}
        return tuple(i for i in self.indicators if i.code not in parents)

    def top_level(self) -> tuple[Indicator, ...]:
        codes = {i.code for i in self.indicators}
        return tuple(i for i in self.indicators if i.parent_code not in codes)

    def dimensions(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.indicators:
            seen.setdefault(item.dimension or "", None)
        return tuple(seen)

    def rounds_with_own_weights(self) -> tuple[int, ...]:
        return tuple(sorted({r for i in self.indicators for r in i.round_weights}))


def validate_agreement(agreement: Agreement, framework: Framework) -> list[Problem]:
    """Every broken constraint of §4, each naming the indicator and what was expected.

    The import policy (§11): only what makes a score impossible or ambiguous is a refusal (a duplicated code, a
    negative weight, a scored indicator without its criteria). Everything else is a warning (`Problem.warning`):
    codes without their parent row, weights not summing to 100, sub-indicators not summing to their parent,
    dimension weights or names unlike the framework's. The agreement is then scored as written.
    """
    problems: list[Problem] = []
    codes = [i.code for i in agreement.indicators]
    duplicates = sorted((c for c, n in Counter(codes).items() if n > 1), key=code_key)
    for code in duplicates:
        problems.append(Problem(
            th=f"รหัสตัวชี้วัด {code} ซ้ำกัน", en=f"indicator code {code} appears more than once", indicator=code))
    known = set(codes)
    for item in agreement.indicators:
        if item.parent_code and item.parent_code not in known:
            problems.append(orphan_warning(item.code))
        if item.weight < 0:
            problems.append(Problem(
                th=f"น้ำหนักต้องไม่ติดลบ ได้ {plain(item.weight)}",
                en=f"weight must not be negative, got {plain(item.weight)}",
                indicator=item.code, field="weight"))
    for item in agreement.leaves():
        problems.extend(_leaf_problems(item, framework))
    for round_ in (None, *agreement.rounds_with_own_weights()):
        problems.extend(_weight_sum_problems(agreement, round_))
    problems.extend(_dimension_problems(agreement, framework))
    return problems


def milestone_with_numeric_criteria(thresholds: Thresholds | None) -> bool:
    """Rule: a milestone's criteria are its levels 1..n (or the steps in words); other numbers are a measured
    value's criteria, which a milestone would silently ignore. The importer warns about such a row."""
    if thresholds is None:
        return False
    return thresholds.values != tuple(Decimal(n) for n in range(1, len(thresholds) + 1))


def refusals(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop an import or a proposal (warnings left out)."""
    return [p for p in problems if not p.warning]


def orphan_warning(code: str) -> Problem:
    """Rule: a sub-code without its parent row (1.1 with no row 1) is a top-level indicator keeping its code."""
    parent = parent_code(code)
    return Problem(
        th=(f"ตัวชี้วัด {code} ไม่มีแถวตัวชี้วัด {parent}: นับเป็นตัวชี้วัดระดับบนสุด โดยคงรหัส {code} ตามที่เขียน"),
        en=(f"indicator {code} has no row {parent}: it is taken as a top-level indicator, keeping its code "
            f"{code} as written"),
        indicator=code, warning=True)


def _leaf_problems(item: Indicator, framework: Framework) -> Iterable[Problem]:
    needed = framework.threshold_count
    if item.thresholds is None:
        yield Problem(
            th=f"ตัวชี้วัดที่ให้คะแนนต้องมีเกณฑ์ {needed} ระดับ",
            en=f"a scored indicator needs {needed} criteria levels",
            indicator=item.code, field="thresholds")
    elif len(item.thresholds) != needed:
        yield Problem(
            th=f"กรอบการประเมิน {framework.id} ใช้เกณฑ์ {needed} ระดับ แต่มี {len(item.thresholds)} ระดับ",
            en=f"framework {framework.id} uses {needed} criteria levels, got {len(item.thresholds)}",
            indicator=item.code, field="thresholds")


def _weight_sum_problems(agreement: Agreement, round_: int | None) -> Iterable[Problem]:
    def weight(item: Indicator) -> Decimal:
        return item.weight if round_ is None else item.weight_in(round_)

    in_round = "" if round_ is None else f" (รอบ {round_} เดือน)"
    in_round_en = "" if round_ is None else f" (round {round_})"
    total = sum((weight(i) for i in agreement.top_level()), Decimal(0))
    if total != HUNDRED:
        # Rule: weights need not sum to 100; each weighted score is score x w / sum(w), so the total stays on the
        # 1-5 scale (a published university table divides by 102).
        yield Problem(
            th=(f"น้ำหนักรวมได้ {plain(total)} ไม่ใช่ 100{in_round}: คะแนนถ่วงน้ำหนักคิดเป็น "
                f"คะแนน × น้ำหนัก / {plain(total)}"),
            en=(f"weights sum to {plain(total)}, not 100{in_round_en}: each weighted score is "
                f"score × weight / {plain(total)}"),
            field="weight", warning=True)
    children_of: dict[str, list[Indicator]] = defaultdict(list)
    for item in agreement.indicators:
        if item.parent_code:
            children_of[item.parent_code].append(item)
    for item in agreement.indicators:
        children = children_of.get(item.code)
        if not children:
            continue
        child_sum = sum((weight(c) for c in children), Decimal(0))
        if child_sum != weight(item):
            listed = " + ".join(f"{c.code}={plain(weight(c))}" for c in children)
            # Rule: the sub-indicators are what is scored; the parent's own figure is only printed.
            yield Problem(
                th=(f"น้ำหนักของตัวชี้วัดย่อย ({listed} = {plain(child_sum)}) ไม่เท่ากับน้ำหนักของ "
                    f"{item.code} ({plain(weight(item))}){in_round}: คิดคะแนนตามน้ำหนักของตัวชี้วัดย่อย"),
                en=(f"sub-indicator weights ({listed} = {plain(child_sum)}) differ from the weight of "
                    f"{item.code} ({plain(weight(item))}){in_round_en}: the sub-indicators' weights are scored"),
                indicator=item.code, field="weight", warning=True)


def _dimension_problems(agreement: Agreement, framework: Framework) -> Iterable[Problem]:
    """Rule: a dimension's weight is the sum of its indicators; the framework's figure is an expectation, and a
    name the framework does not know is kept as written. Both only warn."""
    known = ", ".join(rule.name for rule in framework.dimensions)
    for name in agreement.dimensions():
        if not name:
            continue
        members = [i for i in agreement.top_level() if (i.dimension or "") == name]
        first = members[0].code if members else None
        rule = framework.dimension_rule(name)
        if rule is None:
            if framework.dimensions:
                yield Problem(
                    th=f"มิติ '{name}' ไม่ใช่มิติของกรอบการประเมิน {framework.id} ({known}): ใช้ชื่อตามที่เขียน",
                    en=f"dimension '{name}' is not one of framework {framework.id}'s ({known}): kept as written",
                    field="dimension", indicator=first, warning=True)
            continue
        if rule.weight is None:
            continue
        total = sum((i.weight for i in members), Decimal(0))
        if total != rule.weight:
            yield Problem(
                th=(f"กรอบการประเมิน {framework.id} คาดว่ามิติ '{name}' มีน้ำหนัก {plain(rule.weight)} "
                    f"แต่ตัวชี้วัดในมิตินี้รวมได้ {plain(total)}: ใช้น้ำหนักตามคำรับรอง"),
                en=(f"framework {framework.id} expects dimension '{name}' at {plain(rule.weight)}, "
                    f"but its indicators sum to {plain(total)}: the agreement's weights are used"),
                field="dimension", indicator=first, warning=True)


def fractions_to_percent(weights: Iterable[Decimal]) -> bool:
    """True when top-level weights are written as fractions (published tables do both).

    Rule: weights that are each at most 1 and sum to less than 2 are fractions (1.00, or 1.02 for a table whose
    percentages sum to 102); percentages of a real agreement never sum to so little.
    """
    values = list(weights)
    return bool(values) and all(0 <= w <= 1 for w in values) and 0 < sum(values, Decimal(0)) < 2
