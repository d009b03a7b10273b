"""Panel aggregation: hand-computed figures under mean, median and consensus, exclusion for conflicts, spread order,
and properties of the summary (hypothesis)."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.domain.aggregation import ConsensusValue, aggregate_panel, summarise
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.panel import AggregationRule, ConflictOfInterest, ConflictType, Panel, PanelMember, Role
from evaluator_app.domain.rating import Rating
from tests.conftest import example_agreement

FRAMEWORK = Framework(id="five-level-2560-onward", name="five", first_year=2560, last_year=None)
AGREEMENT = example_agreement()

# Thresholds of the example: 1: 80..100 up, 2: 20..12 down, 3: milestone 1..5, 4: 70..90 up; weights 50/20/10/20.
RESULTS = {
    "m1": {"1": "92", "2": "15", "3": "5", "4": "78.75"},  # scores 3.4, 3.5, 5, 2.75
    "m2": {"1": "95", "2": "16", "3": "3", "4": "85"},  # scores 4, 3, 3, 4
    "m3": {"1": "100", "2": "20", "3": "4", "4": "90"},  # scores 5, 1, 4, 5
}


def ratings(*members: str) -> dict[str, dict[str, Rating]]:
    return {m: {code: Rating(code, 12, m, result=D(r)) for code, r in RESULTS[m].items()} for m in members}


def make_panel(rule: AggregationRule = AggregationRule.MEAN, *conflicts: ConflictOfInterest) -> Panel:
    return Panel("p", "n", rule, members=(PanelMember("chair", "C", Role.CHAIR), PanelMember("m1", "1", Role.MEMBER),
                                          PanelMember("m2", "2", Role.MEMBER), PanelMember("m3", "3", Role.MEMBER)),
                 conflicts=conflicts)


def test_mean_of_three_members_is_scored_and_rounded_like_any_sheet():
    result = aggregate_panel(make_panel(), AGREEMENT, FRAMEWORK, ratings("m1", "m2", "m3"))
    # 1: (3.4+4+5)/3 = 4.1333.. -> 4.1333 x 50% = 2.06665 -> 2.0667; 2: 7.5/3 = 2.5 -> 0.5000;
    # 3: 12/3 = 4 -> 0.4000; 4: 11.75/3 = 3.91666.. -> 3.9167 x 20% = 0.78334 -> 0.7833.
    assert [str(result.sheet.indicator(c).weighted) for c in "1234"] == ["2.0667", "0.5000", "0.4000", "0.7833"]
    assert str(result.total) == "3.7500"
    one = result.indicator("1")
    assert one.scores == {"chair": None, "m1": D("3.4000"), "m2": D("4.0000"), "m3": D("5.0000")}
    assert (one.summary.minimum, one.summary.maximum, one.spread) == (D("3.4"), D("5"), D("1.6"))
    assert str(result.member_sheets["m1"].total) == "3.4500"


def test_median_of_three_members():
    result = aggregate_panel(make_panel(AggregationRule.MEDIAN), AGREEMENT, FRAMEWORK, ratings("m1", "m2", "m3"))
    # medians 4, 3, 4, 4 -> 4 x .5 + 3 x .2 + 4 x .1 + 4 x .2 = 3.8
    assert [result.indicator(c).figure for c in "1234"] == [D("4.0000"), D("3.0000"), D("4.0000"), D("4.0000")]
    assert str(result.total) == "3.8000"


def test_indicators_sorted_by_spread_largest_first():
    result = aggregate_panel(make_panel(), AGREEMENT, FRAMEWORK, ratings("m1", "m2", "m3"))
    # spreads: 1: 1.6, 2: 2.5, 3: 2, 4: 2.25
    assert [i.code for i in result.by_spread()] == ["2", "4", "3", "1"]


def test_a_conflicted_member_is_left_out_of_the_aggregate():
    conflict = ConflictOfInterest("m3", AGREEMENT.agency, ConflictType.FINANCIAL_INTEREST, "ถือหุ้นคู่สัญญา")
    result = aggregate_panel(make_panel(AggregationRule.MEAN, conflict), AGREEMENT, FRAMEWORK,
                             ratings("m1", "m2", "m3"))
    assert result.excluded == ("m3",)
    assert "m3" not in result.indicator("1").scores and "m3" not in result.member_sheets
    # m1 and m2 only: 3.7 x .5 + 3.25 x .2 + 4 x .1 + 3.375 x .2 = 1.85 + .65 + .4 + .675
    assert str(result.total) == "3.5750"


def test_consensus_takes_the_chairs_values_and_misses_what_was_not_agreed():
    agreed = {code: ConsensusValue(code, D(score), "มติที่ประชุมครั้งที่ 3/2569", "chair")
              for code, score in (("1", "4"), ("2", "3"), ("3", "4"))}
    result = aggregate_panel(make_panel(AggregationRule.CONSENSUS), AGREEMENT, FRAMEWORK, ratings("m1", "m2"),
                             consensus=agreed)
    assert result.sheet.missing == ("4",)
    assert result.indicator("4").figure is None and result.indicator("4").summary is not None
    agreed["4"] = ConsensusValue("4", D("3.5"), "มติที่ประชุมครั้งที่ 3/2569", "chair")
    result = aggregate_panel(make_panel(AggregationRule.CONSENSUS), AGREEMENT, FRAMEWORK, ratings("m1", "m2"),
                             consensus=agreed)
    assert str(result.total) == "3.7000"  # 4 x .5 + 3 x .2 + 4 x .1 + 3.5 x .2
    assert "consensus" in result.sheet.indicator("4").adjust_reason


def test_nobody_rated_means_no_figure_and_last_in_the_spread_order():
    some = ratings("m1")
    del some["m1"]["3"]
    result = aggregate_panel(make_panel(), AGREEMENT, FRAMEWORK, some)
    assert result.indicator("3").figure is None and result.sheet.missing == ("3",)
    assert result.by_spread()[-1].code == "3"


def test_a_members_adjusted_score_is_their_score():
    adjusted = ratings("m1", "m2")
    adjusted["m2"]["1"] = Rating("1", 12, "m2", result=D(95), adjusted_score=D(2), adjust_reason="ไม่ส่งรายงาน")
    result = aggregate_panel(make_panel(), AGREEMENT, FRAMEWORK, adjusted)
    assert result.indicator("1").figure == D("2.7")  # (3.4 + 2) / 2


scores = st.lists(st.decimals(min_value=0, max_value=5, places=4, allow_nan=False, allow_infinity=False),
                  min_size=1, max_size=15)


@given(scores)
def test_mean_and_median_lie_within_min_and_max_and_spread_is_not_negative(values):
    summary = summarise(values)
    assert summary.minimum <= summary.mean <= summary.maximum
    assert summary.minimum <= summary.median <= summary.maximum
    assert summary.spread >= 0
    assert summary.minimum == min(values) and summary.maximum == max(values)


@given(scores)
def test_summary_does_not_depend_on_the_order_of_members(values):
    assert summarise(values) == summarise(list(reversed(values)))


def test_no_scores_no_summary():
    assert summarise([]) is None
