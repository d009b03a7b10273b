"""The scorer as it was before SheetPlan (commit a823ffd), kept as the reference the fast path must equal (the
dimension average added with issue 11). The general scorer lives only here: codes are unique in the app."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.framework import Framework, Rounding
from evaluator_app.domain.numbers import round4
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import DimensionScore, IndicatorScore, ScoreSheet, score_indicator


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
        weight = sum((m.weight for m in members if m.counted), Decimal(0))
        counted = [m for m in members if m.counted]
        # the dimension's average on the 1-5 scale (added with issue 11): sum(score x w) / sum(w) of its counted
        # indicators, None while one of them has no score
        complete = all(m.score is not None for m in counted)
        average = round4(sum((m.score * m.weight for m in counted), Decimal(0)) / weight) \
            if complete and weight else None
        dimensions.append(DimensionScore(
            name=name,
            weight=weight,
            subtotal=sum((m.weighted for m in members if m.weighted is not None), Decimal(0)),
            average=average,
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
