"""Results to scores, weighted scores, dimension subtotals and totals: §5 of the domain document, exactly."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import NamedTuple

from .agreement import Agreement, Indicator, IndicatorKind
from .bands import banded_level
from .framework import DEFAULT_THREE_LEVEL_POINTS, Framework, MilestoneMode, Rounding, Scheme
from .numbers import FOUR_PLACES
from .problems import Problem
from .rating import Rating
from .thresholds import Direction, Thresholds

_LEVEL_POINTS = {count: tuple(Decimal(n) for n in range(1, count + 1)) for count in range(2, 11)}


def score_result(result: Decimal, thresholds: Thresholds, floor: Decimal = Decimal(1),
                 scheme: Scheme = Scheme.FIVE_LEVEL, three_level: Sequence[Decimal] = DEFAULT_THREE_LEVEL_POINTS
                 ) -> Decimal:
    """The exact (unrounded) score of a measured result against its thresholds (`three_level`: the points of
    ขั้นต้น, มาตรฐาน, ขั้นสูง under the three-level-100 scheme, from the framework)."""
    points = _points(scheme, len(thresholds), three_level)
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
                    mode: MilestoneMode, three_level: Sequence[Decimal] = DEFAULT_THREE_LEVEL_POINTS) -> Decimal:
    """A milestone's result is the level of steps completed (0..n).

    Mode `whole` scores the level reached; mode `proportional` also counts the completed fraction of the
    next level's steps (3.5 = level 3 and half of level 4's steps).
    """
    count = len(thresholds)
    if level < 0 or level > count:
        raise ValueError(f"a milestone level must be between 0 and {count}, got {level}")
    if mode is MilestoneMode.WHOLE:
        level = Decimal(int(level))
    return score_result(level, _milestone_levels(count), floor, scheme, three_level)


@cache
def _milestone_levels(count: int) -> Thresholds:
    """Levels 1..n as thresholds: a milestone's level is scored like a result against them."""
    return Thresholds(tuple(Decimal(n) for n in range(1, count + 1)))


def score_banded(result: Decimal, thresholds: Thresholds, floor: Decimal = Decimal(1),
                 scheme: Scheme = Scheme.FIVE_LEVEL, three_level: Sequence[Decimal] = DEFAULT_THREE_LEVEL_POINTS
                 ) -> Decimal:
    """Rule: a banded result scores the whole level whose band holds it (84 in 80 - 89.99 scores 4); a result in
    no band scores the floor."""
    if thresholds.bands is None:
        raise ValueError("banded scoring needs bands")
    level = banded_level(result, thresholds.bands)
    return floor if level is None else _points(scheme, len(thresholds), three_level)[level - 1]


def score_indicator(indicator: Indicator, result: Decimal, framework: Framework) -> Decimal:
    if indicator.thresholds is None:
        raise ValueError(f"indicator {indicator.code} has no criteria")
    if indicator.thresholds.bands is not None and indicator.kind is not IndicatorKind.MILESTONE:
        return score_banded(result, indicator.thresholds, framework.floor, framework.scheme, framework.points)
    if indicator.kind is IndicatorKind.MILESTONE:
        return score_milestone(result, indicator.thresholds, framework.floor, framework.scheme,
                               framework.milestone_mode, framework.points)
    return score_result(result, indicator.thresholds, framework.floor, framework.scheme, framework.points)


def _points(scheme: Scheme, count: int, three_level: Sequence[Decimal]) -> tuple[Decimal, ...]:
    if scheme is Scheme.THREE_LEVEL_100:
        if count != 3:
            raise ValueError(f"the three-level-100 scheme needs 3 thresholds, got {count}")
        return tuple(three_level)
    return _LEVEL_POINTS.get(count) or tuple(Decimal(n) for n in range(1, count + 1))


class IndicatorScore(NamedTuple):
    """One row of a score sheet. A NamedTuple: a recompute of the national workspace makes 165,000 of them,
    and a tuple is made fastest (a frozen dataclass sets each field through object.__setattr__)."""

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


class DimensionScore(NamedTuple):
    """A dimension's line of a score sheet. A NamedTuple, as IndicatorScore: a national recompute makes 26,000."""

    name: str
    weight: Decimal
    subtotal: Decimal
    # Rule: a dimension's average on the 1-5 scale is sum(score x w) / sum(w) over its counted indicators, to
    # 4 places (published tables print 2.9000 beside a subtotal of 0.2900 for a dimension of weight 10); None
    # while one of them has no score.
    average: Decimal | None = None


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
_new_tuple = tuple.__new__
# the flattened rule of a leaf scored by score_indicator (no criteria, banded, or a count the scheme refuses)
_NO_RULE = (False, *(None,) * 11)


def _rule(item: Indicator, framework: Framework) -> tuple:
    """How a leaf's result becomes its exact score, decided once: (True, milestone, levels, whole, negate, values,
    points, steps, spans, floor, how many values, top points); _NO_RULE where score_indicator must be
    asked (no criteria, banded, or a scheme that refuses their count), so that the same error is raised at the
    same moment."""
    thresholds = item.thresholds
    if thresholds is None or thresholds.bands is not None:
        return _NO_RULE  # banded criteria: score_indicator looks up the band
    milestone = item.kind is IndicatorKind.MILESTONE
    scored = _milestone_levels(len(thresholds)) if milestone else thresholds
    try:
        points = _points(framework.scheme, len(scored), framework.points)
    except ValueError:
        return _NO_RULE
    values = scored.values
    negate = scored.direction is Direction.LOWER_IS_BETTER
    if negate:
        # Mirror lower-is-better onto higher-is-better, as score_result does.
        values = tuple(-v for v in values)
    # The same Decimal operations as score_result, with the per-segment differences computed once: (p[k+1] - p[k])
    # and (t[k+1] - t[k]) are the same numbers each time, so the results are identical.
    steps = tuple(points[k + 1] - points[k] for k in range(len(values) - 1))
    spans = tuple(values[k + 1] - values[k] for k in range(len(values) - 1))
    return (True, milestone, len(thresholds), framework.milestone_mode is MilestoneMode.WHOLE, negate, values, points,
            steps, spans, framework.floor, len(values), points[-1])


# Rules already worked out, by the identity of the criteria object, the kind and the framework (with the objects, to
# check identity): stored criteria are parsed once per text (store.agreements), and a national workspace has a few
# dozen distinct criteria among thousands of indicators. Identity, not equality: Decimal("1.0") == Decimal("1"),
# but the rule's numbers must keep the exponents of these very criteria for the scores to be the same Decimals.
RuleCache = dict[tuple[int, bool, int], tuple[object, Framework, tuple]]


def _rule_of(item: Indicator, framework: Framework, rules: RuleCache | None) -> tuple:
    if rules is None:
        return _rule(item, framework)
    key = (id(item.thresholds), item.kind is IndicatorKind.MILESTONE, id(framework))
    found = rules.get(key)
    if found is None or found[0] is not item.thresholds or found[1] is not framework:
        found = rules[key] = (item.thresholds, framework, _rule(item, framework))
    return found[2]


class _Shape:
    """What a SheetPlan needs that no round changes: the leaves in order with their dimension and criteria rule,
    each parent's leaves and each dimension's leaves. Codes are unique (a repeated code is refused at import)."""

    __slots__ = ("dimensions", "leaves", "round_free", "rows")

    def __init__(self, agreement: Agreement, framework: Framework, rules: RuleCache | None = None):
        # No indicator starts late, is cancelled or reweighted: every round counts the same weights.
        self.round_free = not any(item.start_round is not None or item.cancel_round is not None or item.round_weights
                                  for item in agreement.indicators)
        items = agreement.leaves()
        names = agreement.dimensions()
        dimension_index = {name: n for n, name in enumerate(names)}
        self.leaves = tuple((item, item.dimension or "", _rule_of(item, framework, rules),
                             dimension_index[item.dimension or ""]) for item in items)
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

    __slots__ = ("_dimensions", "_leaves", "_rows", "_score_first", "agreement", "counted_weight", "framework",
                 "round")

    def __init__(self, agreement: Agreement, framework: Framework, round_: int = 12, *,
                 _shape: _Shape | None = None):
        shape = _shape if _shape is not None else _Shape(agreement, framework)
        self.agreement = agreement
        self.framework = framework
        self.round = round_
        self._score_first = framework.rounding is Rounding.SCORE_FIRST
        # a leaf: (code, name, dimension, weight, counted, its score without a rating, indicator, dimension #,
        # then its rule flattened: interpolated?, milestone, levels, whole, negate, values, points, steps, spans,
        # floor, how many values, top points). One flat tuple: the scoring loop unpacks it at once.
        made: list[tuple] = []
        counted_weight = Decimal(0)
        for item, dimension, rule, dimension_at in shape.leaves:
            weight, counted = item.weight_in(round_), item.counted_in(round_)
            if counted:
                counted_weight = counted_weight + weight
            made.append((item.code, item.name, dimension, weight, counted,
                         _new_tuple(IndicatorScore, (item.code, item.name, dimension, weight, counted, False, None,
                                                     None, None, None, None)),
                         item, dimension_at, *rule))
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
    def for_rounds(cls, agreement: Agreement, framework: Framework, rounds: Iterable[int],
                   rules: RuleCache | None = None) -> dict[int, SheetPlan]:
        """One plan per round, what does not depend on the round (leaves, parents, dimensions, criteria) worked
        out once for all of them; `rules`, a dict kept by the caller, shares criteria rules between agreements."""
        shape = _Shape(agreement, framework, rules)
        plans: dict[int, SheetPlan] = {}
        for round_ in rounds:
            if shape.round_free and plans:
                plans[round_] = next(iter(plans.values()))._in_round(round_)
            else:
                plans[round_] = cls(agreement, framework, round_, _shape=shape)
        return plans

    def _in_round(self, round_: int) -> SheetPlan:
        """This plan for another round whose weights and counted indicators are the same (the plan's parts are
        immutable tuples, shared)."""
        other = object.__new__(type(self))
        for name in SheetPlan.__slots__:
            setattr(other, name, getattr(self, name))
        other.round = round_
        return other

    def score(self, ratings: Mapping[str, Rating]) -> ScoreSheet:
        """The score sheet of one evaluator's ratings (keyed by indicator code); reads each rating's result,
        adjusted_score and adjust_reason."""
        return self._score({code: (rating.result, rating.adjusted_score, rating.adjust_reason)
                            for code, rating in ratings.items()})

    def score_values(self, values: Mapping[str, tuple[Decimal | None, Decimal | None, str | None]]) -> ScoreSheet:
        """`score` of ratings given as (result, adjusted_score, adjust_reason) tuples keyed by code: what a
        whole-workspace recompute reads from its rows, without making a Rating of each."""
        return self._score(values)

    def _score(self, ratings: Mapping[str, tuple[Decimal | None, Decimal | None, str | None]]) -> ScoreSheet:
        framework = self.framework
        counted_weight = self.counted_weight
        score_first = self._score_first
        # tuple.__new__ straight: the NamedTuple's own __new__ is a Python function, one call per row
        new, make = IndicatorScore, _new_tuple
        leaf_scores: list[IndicatorScore] = []
        append = leaf_scores.append
        missing: list[str] = []
        subtotals = [_ZERO] * len(self._dimensions)
        # per dimension: sum(score x w) of its scored counted leaves, and whether one of them lacks a score
        score_weights = [_ZERO] * len(self._dimensions)
        unscored = [False] * len(self._dimensions)
        total = _ZERO
        get = ratings.get
        for (code, name, dimension, weight, counted, blank, indicator, dimension_at, interpolated, milestone, levels,
             whole, negate, values, points, steps, spans, floor, count, top) in self._leaves:
            rating = get(code)
            if rating is None:
                append(blank)
                if counted:
                    missing.append(code)
                    unscored[dimension_at] = True
                continue
            result, adjusted, reason = rating
            if not counted:
                append(make(new, (code, name, dimension, weight, False, False, result, None, None, None, None)))
                continue
            if result is None:
                if adjusted is None:
                    append(make(new, (code, name, dimension, weight, True, False, None, None, None, None, None)))
                    missing.append(code)
                    unscored[dimension_at] = True
                    continue
                computed = None
            elif not interpolated:
                computed = score_indicator(indicator, result, framework)
            else:
                # score_result's Decimal operations, with the per-segment differences computed once
                x = result
                if milestone:
                    if x < 0 or x > levels:
                        raise ValueError(f"a milestone level must be between 0 and {levels}, got {x}")
                    if whole:
                        x = Decimal(int(x))
                if negate:
                    x = -x
                # values ascend strictly: past the last is x >= values[-1], before the first is x < values[0]
                k = bisect_right(values, x)
                if k == count:
                    computed = top
                elif not k:
                    computed = floor
                else:
                    k -= 1  # values[k] <= x < values[k + 1]
                    computed = points[k] + steps[k] * (x - values[k]) / spans[k]
            if adjusted is None:
                shown = computed_shown = computed.quantize(FOUR_PLACES, ROUND_HALF_UP)  # type: ignore[union-attr]
                basis = shown if score_first else computed
                reason = None
            else:
                shown = adjusted.quantize(FOUR_PLACES, ROUND_HALF_UP)
                basis = shown if score_first else adjusted
                computed_shown = None if computed is None else computed.quantize(FOUR_PLACES, ROUND_HALF_UP)
            weighted = ((basis * weight / counted_weight).quantize(FOUR_PLACES, ROUND_HALF_UP)  # type: ignore[operator]
                        if counted_weight else _ZERO)
            append(make(new, (code, name, dimension, weight, True, False, result, computed_shown, shown, weighted,
                              reason)))
            subtotals[dimension_at] += weighted
            score_weights[dimension_at] += shown * weight
            total += weighted

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
                parent_score = (parent_weighted * counted_weight / weight_sum).quantize(FOUR_PLACES, ROUND_HALF_UP)
            rows.append(make(new, (code, name, dimension, own_weight, bool(count), True, None, None, parent_score,
                                   parent_weighted, None)))
        return ScoreSheet(
            round=self.round,
            indicators=tuple(rows),
            dimensions=tuple(
                make(DimensionScore, (name, weight, subtotal, None if incomplete or not weight
                                      else (score_weight / weight).quantize(FOUR_PLACES, ROUND_HALF_UP)))
                for (name, weight), subtotal, score_weight, incomplete in zip(
                    self._dimensions, subtotals, score_weights, unscored, strict=True)),
            total=total,
            counted_weight=counted_weight,
            missing=tuple(missing),
            reward_threshold=framework.reward_threshold,
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
