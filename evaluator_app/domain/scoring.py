"""Results to scores, weighted scores, dimension subtotals and totals: §5 of the domain document, exactly."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from .agreement import Agreement, Indicator, IndicatorKind
from .bands import banded_level
from .framework import Framework, MilestoneMode, Rounding, Scheme
from .numbers import FOUR_PLACES, round4
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


def score_banded(result: Decimal, thresholds: Thresholds, floor: Decimal = Decimal(1),
                 scheme: Scheme = Scheme.FIVE_LEVEL) -> Decimal:
    """Rule: a banded result scores the whole level whose band holds it (84 in 80 - 89.99 scores 4); a result in
    no band scores the floor."""
    if thresholds.bands is None:
        raise ValueError("banded scoring needs bands")
    level = banded_level(result, thresholds.bands)
    return floor if level is None else _points(scheme, len(thresholds))[level - 1]


def score_indicator(indicator: Indicator, result: Decimal, framework: Framework) -> Decimal:
    if indicator.thresholds is None:
        raise ValueError(f"indicator {indicator.code} has no criteria")
    if indicator.thresholds.bands is not None and indicator.kind is not IndicatorKind.MILESTONE:
        return score_banded(result, indicator.thresholds, framework.floor, framework.scheme)
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


class _Unfrozen:
    """IndicatorScore's very slots, assignable: `_indicator_score` fills one and makes it an IndicatorScore.

    A frozen dataclass sets each of its 11 fields through object.__setattr__; a recompute of the national
    workspace makes 165,000 of them, and that was 40% of scoring. An object with the same slots layout may
    change its class: the result is an ordinary IndicatorScore (same type, equality, hash, repr, and frozen).
    """

    __slots__ = IndicatorScore.__slots__

    def __init__(self, code: str, name: str, dimension: str, weight: Decimal, counted: bool, is_parent: bool,
                 result: Decimal | None = None, computed_score: Decimal | None = None, score: Decimal | None = None,
                 weighted: Decimal | None = None, adjust_reason: str | None = None):
        self.code = code
        self.name = name
        self.dimension = dimension
        self.weight = weight
        self.counted = counted
        self.is_parent = is_parent
        self.result = result
        self.computed_score = computed_score
        self.score = score
        self.weighted = weighted
        self.adjust_reason = adjust_reason


assert _Unfrozen.__slots__ == tuple(f.name for f in fields(IndicatorScore)), "IndicatorScore's fields changed"


def _indicator_score(code: str, name: str, dimension: str, weight: Decimal, counted: bool, is_parent: bool,
                     result: Decimal | None = None, computed_score: Decimal | None = None,
                     score: Decimal | None = None, weighted: Decimal | None = None,
                     adjust_reason: str | None = None) -> IndicatorScore:
    """IndicatorScore(...) with the same positional fields, four times faster (see _Unfrozen)."""
    made = _Unfrozen(code, name, dimension, weight, counted, is_parent, result, computed_score, score, weighted,
                     adjust_reason)
    made.__class__ = IndicatorScore  # type: ignore[assignment]
    return made  # type: ignore[return-value]


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

    Scoring many evaluators' ratings of one agreement and round? Build its `SheetPlan` once and call `score`.
    """
    return SheetPlan(agreement, framework, round_).score(ratings)


_ZERO = Decimal(0)


def _rule(item: Indicator, framework: Framework) -> tuple | None:
    """How a leaf's result becomes its exact score, decided once: (milestone, levels, whole, negate, values,
    points, steps, spans, floor); None where score_indicator must be asked (no criteria, or a scheme that refuses
    their count), so that the same error is raised at the same moment."""
    thresholds = item.thresholds
    if thresholds is None or thresholds.bands is not None:
        return None  # banded criteria: score_indicator looks up the band
    milestone = item.kind is IndicatorKind.MILESTONE
    scored = _milestone_levels(len(thresholds)) if milestone else thresholds
    try:
        points = _points(framework.scheme, len(scored))
    except ValueError:
        return None
    values = scored.values
    negate = scored.direction is Direction.LOWER_IS_BETTER
    if negate:
        # Mirror lower-is-better onto higher-is-better, as score_result does.
        values = tuple(-v for v in values)
    # The same Decimal operations as score_result, with the per-segment differences computed once: (p[k+1] - p[k])
    # and (t[k+1] - t[k]) are the same numbers each time, so the results are identical.
    steps = tuple(points[k + 1] - points[k] for k in range(len(values) - 1))
    spans = tuple(values[k + 1] - values[k] for k in range(len(values) - 1))
    return (milestone, len(thresholds), framework.milestone_mode is MilestoneMode.WHOLE, negate, values, points,
            steps, spans, framework.floor)


class _Shape:
    """What a SheetPlan needs that no round changes: the leaves in order with their dimension and criteria rule,
    each parent's leaves, each dimension's leaves, and whether codes repeat."""

    __slots__ = ("dimensions", "duplicates", "leaves", "rows")

    def __init__(self, agreement: Agreement, framework: Framework):
        items = agreement.leaves()
        self.duplicates = len({i.code for i in agreement.indicators}) != len(agreement.indicators)
        names = agreement.dimensions()
        dimension_index = {name: n for n, name in enumerate(names)}
        self.leaves = tuple((item, item.dimension or "", _rule(item, framework), dimension_index[item.dimension or ""])
                            for item in items)
        position = {item.code: n for n, item in enumerate(items)}
        rows: list[int | tuple[Indicator, tuple[int, ...]]] = []
        for item in agreement.indicators:
            if item.code in position:
                rows.append(position[item.code])
            else:
                prefix = item.code + "."
                rows.append((item, tuple(n for n, leaf in enumerate(items) if leaf.code.startswith(prefix))))
        self.rows = tuple(rows)
        self.dimensions = tuple((name, tuple(n for n, leaf in enumerate(self.leaves) if leaf[1] == name))
                                for name in names)


class SheetPlan:
    """One agreement's indicators, weights and criteria for a round under a framework, ready to score many
    evaluators' ratings: `score(ratings)` equals `score_agreement(agreement, ratings, framework, round_)`.

    Everything that does not depend on the ratings (which indicators are leaves and counted, their weights in the
    round, the criteria mirrored for lower-is-better, which leaves make each parent and dimension) is worked out
    here once; a national recompute scores each agreement and round for eight evaluators.
    """

    __slots__ = ("_dimensions", "_duplicates", "_leaves", "_rows", "_score_first", "agreement", "counted_weight",
                 "framework", "round")

    def __init__(self, agreement: Agreement, framework: Framework, round_: int = 12, *,
                 _shape: _Shape | None = None):
        shape = _shape if _shape is not None else _Shape(agreement, framework)
        self.agreement = agreement
        self.framework = framework
        self.round = round_
        self._duplicates = shape.duplicates
        self._score_first = framework.rounding is Rounding.SCORE_FIRST
        # a leaf: (code, name, dimension, weight, counted, its score without a rating, rule, indicator, dimension #)
        made: list[tuple] = []
        counted_weight = Decimal(0)
        for item, dimension, rule, dimension_at in shape.leaves:
            weight, counted = item.weight_in(round_), item.counted_in(round_)
            if counted:
                counted_weight = counted_weight + weight
            made.append((item.code, item.name, dimension, weight, counted,
                         _indicator_score(item.code, item.name, dimension, weight, counted, False), rule, item,
                         dimension_at))
        self.counted_weight = counted_weight
        self._leaves = leaves = tuple(made)
        # a row is a leaf's position, or a parent's (code, name, dimension, weight, positions of the counted leaves
        # below it, their weight)
        rows: list[int | tuple[str, str, str, Decimal, tuple[int, ...], Decimal]] = []
        for row in shape.rows:
            if row.__class__ is int:
                rows.append(row)  # type: ignore[arg-type]
                continue
            item, below = row  # type: ignore[misc]
            # A leaf's counted flag and weight do not depend on ratings (IndicatorScore carries the leaf's), so
            # which children count and their weight are known here, summed in the same order as before.
            counted_below = tuple(n for n in below if leaves[n][4])
            weight_below = sum((leaves[n][3] for n in counted_below), Decimal(0))
            rows.append((item.code, item.name, item.dimension or "", item.weight_in(round_), counted_below,
                         weight_below))
        self._rows = tuple(rows)
        # a dimension: (name, the weight of its counted leaves); a dimension's weight does not depend on ratings
        self._dimensions = tuple(
            (name, sum((leaves[n][3] for n in members if leaves[n][4]), Decimal(0)))
            for name, members in shape.dimensions)

    @classmethod
    def for_rounds(cls, agreement: Agreement, framework: Framework, rounds: Iterable[int]) -> dict[int, SheetPlan]:
        """One plan per round, what does not depend on the round (leaves, parents, dimensions, criteria) worked
        out once for all of them."""
        shape = _Shape(agreement, framework)
        return {round_: cls(agreement, framework, round_, _shape=shape) for round_ in rounds}

    def score(self, ratings: Mapping[str, Rating]) -> ScoreSheet:
        """The score sheet of one evaluator's ratings (keyed by indicator code); reads each rating's result,
        adjusted_score and adjust_reason."""
        if self._duplicates:
            return _score_with_duplicate_codes(self.agreement, ratings, self.framework, self.round)
        return self._score(ratings, False)

    def score_values(self, values: Mapping[str, tuple[Decimal | None, Decimal | None, str | None]]) -> ScoreSheet:
        """`score` of ratings given as (result, adjusted_score, adjust_reason) tuples keyed by code: what a
        whole-workspace recompute reads from its rows, without making a Rating of each."""
        if self._duplicates:
            return _score_with_duplicate_codes(self.agreement, {
                code: Rating(code, self.round, "", *value) for code, value in values.items()}, self.framework,
                self.round)
        return self._score(values, True)

    def _score(self, ratings: Mapping[str, Any], tuples: bool) -> ScoreSheet:
        framework = self.framework
        counted_weight = self.counted_weight
        score_first = self._score_first
        new = _indicator_score
        unfrozen, frozen = _Unfrozen, IndicatorScore
        leaf_scores: list[IndicatorScore] = []
        append = leaf_scores.append
        missing: list[str] = []
        subtotals = [_ZERO] * len(self._dimensions)
        total = _ZERO
        get = ratings.get
        for code, name, dimension, weight, counted, blank, rule, indicator, dimension_at in self._leaves:
            rating = get(code)
            if rating is None:
                append(blank)
                if counted:
                    missing.append(code)
                continue
            if tuples:
                result, adjusted, reason = rating
            else:
                result, adjusted, reason = rating.result, rating.adjusted_score, rating.adjust_reason
            if not counted:
                append(new(code, name, dimension, weight, False, False, result))
                continue
            if result is None:
                if adjusted is None:
                    append(new(code, name, dimension, weight, True, False, None))
                    missing.append(code)
                    continue
                computed = None
            elif rule is None:
                computed = score_indicator(indicator, result, framework)
            else:
                milestone, levels, whole, negate, values, points, steps, spans, floor = rule
                x = result
                if milestone:
                    if x < 0 or x > levels:
                        raise ValueError(f"a milestone level must be between 0 and {levels}, got {x}")
                    if whole:
                        x = Decimal(int(x))
                if negate:
                    x = -x
                if x >= values[-1]:
                    computed = points[-1]
                elif x < values[0]:
                    computed = floor
                else:
                    k = bisect_right(values, x) - 1  # values[k] <= x < values[k + 1]
                    computed = points[k] + steps[k] * (x - values[k]) / spans[k]
            if adjusted is None:
                shown = computed.quantize(FOUR_PLACES, ROUND_HALF_UP)  # type: ignore[union-attr]
                basis = shown if score_first else computed
                computed_shown = shown
            else:
                shown = adjusted.quantize(FOUR_PLACES, ROUND_HALF_UP)
                basis = shown if score_first else adjusted
                computed_shown = None if computed is None else computed.quantize(FOUR_PLACES, ROUND_HALF_UP)
            weighted = ((basis * weight / counted_weight).quantize(FOUR_PLACES, ROUND_HALF_UP)  # type: ignore[operator]
                        if counted_weight else Decimal(0))
            made = unfrozen(code, name, dimension, weight, True, False, result, computed_shown, shown, weighted,
                            None if adjusted is None else reason)
            made.__class__ = frozen  # _indicator_score, inlined for the common row
            append(made)
            subtotals[dimension_at] = subtotals[dimension_at] + weighted
            total = total + weighted

        rows: list[IndicatorScore] = []
        for row in self._rows:
            if row.__class__ is int:
                rows.append(leaf_scores[row])  # type: ignore[index]
                continue
            code, name, dimension, own_weight, counted_below, weight_sum = row  # type: ignore[misc]
            count = len(counted_below)
            parts = 0
            weighted_sum = _ZERO
            for n in counted_below:
                child_weighted = leaf_scores[n].weighted
                if child_weighted is not None:
                    parts += 1
                    weighted_sum = weighted_sum + child_weighted
            parent_weighted = weighted_sum if count and parts == count else None
            parent_score = None
            if parent_weighted is not None and weight_sum:
                # The parent's score is the weighted average of its children's, on the same scale.
                parent_score = round4(parent_weighted * counted_weight / weight_sum)
            rows.append(new(code, name, dimension, own_weight, bool(count), True, None, None, parent_score,
                            parent_weighted))
        return ScoreSheet(
            round=self.round,
            indicators=tuple(rows),
            dimensions=tuple(DimensionScore(name, weight, subtotal)
                             for (name, weight), subtotal in zip(self._dimensions, subtotals, strict=True)),
            total=total,
            counted_weight=counted_weight,
            missing=tuple(missing),
            reward_threshold=framework.reward_threshold,
        )


def _score_with_duplicate_codes(agreement: Agreement, ratings: Mapping[str, Rating], framework: Framework,
                                round_: int) -> ScoreSheet:
    """The general path, for an agreement whose codes repeat (refused by validation, but drafts may): a later
    row of a code replaces an earlier one, as a dict keyed by code does."""
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
