"""Results to scores, weighted scores, dimension subtotals and totals: §5 of the domain document, exactly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .agreement import Agreement, Indicator, IndicatorKind
from .framework import Framework, MilestoneMode, Rounding, Scheme
from .numbers import round4
from .problems import Problem
from .rating import Rating
from .thresholds import Direction, Thresholds

THREE_LEVEL_POINTS = (Decimal(50), Decimal(70), Decimal(100))
_LEVEL_POINTS = {count: tuple(Decimal(n) for n in range(1, count + 1)) for count in range(2, 11)}


def score_result(result: Decimal, thresholds: Thresholds, floor: Decimal = Decimal(1),
                 scheme: Scheme = Scheme.FIVE_LEVEL) -> Decimal:
    """The exact (unrounded) score of a measured result against its thresholds."""
    points = _points(scheme, len(thresholds))
    values = thresholds.values
    if thresholds.direction is Direction.LOWER_IS_BETTER:
        # Mirror lower-is-better onto higher-is-better: t1 > ... > tn becomes -t1 < ... < -tn.
        values = tuple(-v for v in values)
        result = -result
    if result >= values[-1]:
        return points[-1]
    if result < values[0]:
        return floor
    for k in range(len(values) - 1):
        low, high = values[k], values[k + 1]
        if low <= result < high:
            return points[k] + (points[k + 1] - points[k]) * (result - low) / (high - low)
    raise AssertionError("unreachable: thresholds are strictly monotone")


def score_milestone(level: Decimal, thresholds: Thresholds, floor: Decimal, scheme: Scheme,
                    mode: MilestoneMode) -> Decimal:
    """A milestone's result is the level of steps completed (0..n).

    Mode `whole` scores the level reached; mode `proportional` also counts the completed fraction of the
    next level's steps (3.5 = level 3 and half of level 4's steps).
    """
    count = len(thresholds)
    if level < 0 or level > count:
        raise ValueError(f"a milestone level must be between 0 and {count}, got {level}")
    if mode is MilestoneMode.WHOLE:
        level = Decimal(int(level))
    return score_result(level, _milestone_levels(count), floor, scheme)


@cache
def _milestone_levels(count: int) -> Thresholds:
    """Levels 1..n as thresholds: a milestone's level is scored like a result against them."""
    return Thresholds(tuple(Decimal(n) for n in range(1, count + 1)))


def score_indicator(indicator: Indicator, result: Decimal, framework: Framework) -> Decimal:
    if indicator.thresholds is None:
        raise ValueError(f"indicator {indicator.code} has no criteria")
    if indicator.kind is IndicatorKind.MILESTONE:
        return score_milestone(result, indicator.thresholds, framework.floor, framework.scheme,
                               framework.milestone_mode)
    return score_result(result, indicator.thresholds, framework.floor, framework.scheme)


def _points(scheme: Scheme, count: int) -> tuple[Decimal, ...]:
    if scheme is Scheme.THREE_LEVEL_100:
        if count != 3:
            raise ValueError(f"the three-level-100 scheme needs 3 thresholds, got {count}")
        return THREE_LEVEL_POINTS
    return _LEVEL_POINTS.get(count) or tuple(Decimal(n) for n in range(1, count + 1))


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    code: str
    name: str
    dimension: str
    weight: Decimal  # the weight in force for the round
    counted: bool  # False when not started yet or cancelled in this round
    is_parent: bool
    result: Decimal | None = None
    computed_score: Decimal | None = None  # from the result, rounded to 4 places
    score: Decimal | None = None  # the score that counts: adjusted where the committee adjusted it
    weighted: Decimal | None = None
    adjust_reason: str | None = None

    @property
    def adjusted(self) -> bool:
        return self.adjust_reason is not None


@dataclass(frozen=True)
class DimensionScore:
    name: str
    weight: Decimal
    subtotal: Decimal


@dataclass(frozen=True)
class ScoreSheet:
    round: int
    indicators: tuple[IndicatorScore, ...]
    dimensions: tuple[DimensionScore, ...]
    total: Decimal
    counted_weight: Decimal
    missing: tuple[str, ...]  # counted indicators with no result yet
    reward_threshold: Decimal

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def eligible(self) -> bool | None:
        """Reward eligibility (total at or above the threshold); unknown while results are missing."""
        return self.total >= self.reward_threshold if self.complete else None

    def indicator(self, code: str) -> IndicatorScore:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)


def score_agreement(agreement: Agreement, ratings: Mapping[str, Rating], framework: Framework,
                    round_: int = 12) -> ScoreSheet:
    """Score every indicator for a round from one evaluator's ratings (keyed by indicator code).

    Indicators not counted in the round are left out and the weights renormalised over those counted:
    weighted_i = score_i x w_i / sum(w counted), which is score_i x w_i / 100 when all count. The total is the
    sum of the rounded weighted scores, so the printed column adds up to the printed total.
    """
    leaves = agreement.leaves()
    counted_weight = sum((i.weight_in(round_) for i in leaves if i.counted_in(round_)), Decimal(0))
    leaf_scores: dict[str, IndicatorScore] = {}
    missing: list[str] = []
    for item in leaves:
        leaf_scores[item.code] = _score_leaf(item, ratings.get(item.code), framework, round_, counted_weight)
        if item.counted_in(round_) and leaf_scores[item.code].score is None:
            missing.append(item.code)

    rows: list[IndicatorScore] = []
    for item in agreement.indicators:
        if item.code in leaf_scores:
            rows.append(leaf_scores[item.code])
        else:
            rows.append(_score_parent(item, leaf_scores, agreement, round_, counted_weight))

    dimensions: list[DimensionScore] = []
    for name in agreement.dimensions():
        members = [leaf_scores[i.code] for i in leaves if (i.dimension or "") == name]
        dimensions.append(DimensionScore(
            name=name,
            weight=sum((m.weight for m in members if m.counted), Decimal(0)),
            subtotal=sum((m.weighted for m in members if m.weighted is not None), Decimal(0)),
        ))
    total = sum((s.weighted for s in leaf_scores.values() if s.weighted is not None), Decimal(0))
    return ScoreSheet(
        round=round_,
        indicators=tuple(rows),
        dimensions=tuple(dimensions),
        total=total,
        counted_weight=counted_weight,
        missing=tuple(missing),
        reward_threshold=framework.reward_threshold,
    )


def _score_leaf(item: Indicator, rating: Rating | None, framework: Framework, round_: int,
                counted_weight: Decimal) -> IndicatorScore:
    weight = item.weight_in(round_)
    counted = item.counted_in(round_)
    result = rating.result if rating else None
    computed: Decimal | None = None
    exact: Decimal | None = None
    reason: str | None = None
    if rating is not None and counted:
        if result is not None:
            computed = exact = score_indicator(item, result, framework)
        if rating.adjusted_score is not None:
            exact, reason = rating.adjusted_score, rating.adjust_reason
    if exact is None:
        return IndicatorScore(code=item.code, name=item.name, dimension=item.dimension or "", weight=weight,
                              counted=counted, is_parent=False, result=result)
    shown = round4(exact)
    basis = shown if framework.rounding is Rounding.SCORE_FIRST else exact
    weighted = round4(basis * weight / counted_weight) if counted_weight else Decimal(0)
    return IndicatorScore(
        code=item.code, name=item.name, dimension=item.dimension or "", weight=weight, counted=True,
        is_parent=False, result=result, computed_score=None if computed is None else round4(computed),
        score=shown, weighted=weighted, adjust_reason=reason,
    )


def _score_parent(item: Indicator, leaf_scores: Mapping[str, IndicatorScore], agreement: Agreement,
                  round_: int, counted_weight: Decimal) -> IndicatorScore:
    prefix = item.code + "."
    below = [s for code, s in leaf_scores.items() if code.startswith(prefix)]
    counted = [s for s in below if s.counted]
    weighted_parts = [s.weighted for s in counted if s.weighted is not None]
    complete = bool(counted) and len(weighted_parts) == len(counted)
    weighted = sum(weighted_parts, Decimal(0)) if complete else None
    weight = sum((s.weight for s in counted), Decimal(0))
    score = None
    if weighted is not None and weight:
        # The parent's score is the weighted average of its children's, on the same scale.
        score = round4(weighted * counted_weight / weight)
    return IndicatorScore(
        code=item.code, name=item.name, dimension=item.dimension or "", weight=item.weight_in(round_),
        counted=bool(counted), is_parent=True, score=score, weighted=weighted,
    )


def result_problem(indicator: Indicator, result: Decimal, framework: Framework) -> Problem | None:
    """Why a result cannot be recorded for this indicator, or None when it can."""
    if indicator.thresholds is None:
        return Problem(th=f"ตัวชี้วัด {indicator.code} ไม่มีเกณฑ์ให้คะแนน (เป็นตัวชี้วัดหลักที่มีตัวชี้วัดย่อย)",
                       en=f"indicator {indicator.code} has no criteria to score against (it is a parent)",
                       indicator=indicator.code)
    if not result.is_finite():
        return Problem(th="ผลต้องเป็นตัวเลข", en="the result must be a number", indicator=indicator.code)
    if indicator.kind is IndicatorKind.MILESTONE:
        top = len(indicator.thresholds)
        if result < 0 or result > top:
            return Problem(
                th=f"ผลของตัวชี้วัดระดับความสำเร็จต้องอยู่ระหว่าง 0 ถึง {top} ได้ {result}",
                en=f"a milestone result is a level from 0 to {top}, got {result}",
                indicator=indicator.code, field="result")
    return None
