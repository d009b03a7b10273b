"""Invariants of the scoring engine over arbitrary thresholds and results (hypothesis)."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.numbers import round4
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import score_agreement, score_result
from evaluator_app.domain.thresholds import Thresholds

decimals = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def increasing_thresholds(draw):
    start = draw(decimals)
    steps = draw(st.lists(st.decimals(min_value=D("0.01"), max_value=1000, places=2), min_size=4, max_size=4))
    values = [start]
    for step in steps:
        values.append(values[-1] + step)
    return Thresholds(tuple(values))


floors = st.sampled_from([D(0), D(1)])


@given(increasing_thresholds(), decimals, decimals, floors)
def test_monotone_in_the_result(thresholds, a, b, floor):
    low, high = sorted((a, b))
    assert score_result(low, thresholds, floor) <= score_result(high, thresholds, floor)


@given(increasing_thresholds(), decimals, floors)
def test_within_floor_and_five(thresholds, x, floor):
    assert floor <= score_result(x, thresholds, floor) <= 5


@given(increasing_thresholds(), decimals, floors)
def test_direction_symmetry(thresholds, x, floor):
    # Lower-is-better with mirrored thresholds and result scores exactly as higher-is-better.
    mirrored = Thresholds(tuple(-v for v in thresholds.values))
    assert score_result(-x, mirrored, floor) == score_result(x, thresholds, floor)


@given(increasing_thresholds(), st.integers(min_value=0, max_value=4))
def test_each_threshold_scores_its_level(thresholds, k):
    assert score_result(thresholds.values[k], thresholds, D(1)) == k + 1


@st.composite
def scored_agreements(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=99), min_size=n - 1, max_size=n - 1,
                                unique=True)))
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    indicators, ratings = [], {}
    for i, weight in enumerate(weights, start=1):
        thresholds = draw(increasing_thresholds())
        cancelled = draw(st.booleans()) and i > 1
        indicators.append(Indicator(str(i), f"kpi {i}", D(weight), thresholds,
                                    dimension=draw(st.sampled_from(["A", "B", "C"])),
                                    cancel_round=12 if cancelled else None))
        ratings[str(i)] = Rating(str(i), 12, result=draw(decimals))
    return Agreement("x", 2569, tuple(indicators)), ratings


@settings(max_examples=200)
@given(scored_agreements(), floors)
def test_weighted_scores_sum_to_the_total(case, floor):
    agreement, ratings = case
    framework = Framework(id="t", name="t", first_year=1, last_year=None, floor=floor)
    sheet = score_agreement(agreement, ratings, framework)
    assert sum(i.weighted for i in sheet.indicators if i.weighted is not None) == sheet.total
    assert sum(d.subtotal for d in sheet.dimensions) == sheet.total
    assert all(i.weighted == round4(i.weighted) for i in sheet.indicators if i.weighted is not None)
    # renormalised, the total is a weighted average: it stays on the scale (up to rounding of each term)
    slack = D("0.00005") * len(sheet.indicators)
    assert floor - slack <= sheet.total <= 5 + slack
