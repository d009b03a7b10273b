"""Every worked example of §9 of the domain document, figure for figure."""

from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind
from evaluator_app.domain.framework import Framework, MilestoneMode, Rounding, Scheme
from evaluator_app.domain.numbers import format4, round4
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import score_agreement, score_milestone, score_result
from evaluator_app.domain.thresholds import Direction, Thresholds

T = Thresholds.of
FIVE = Framework(id="test", name="test", first_year=2547, last_year=None)


@pytest.mark.parametrize(
    ("thresholds", "result", "floor", "expected"),
    [
        (T(80, 85, 90, 95, 100), "92", 1, "3.4000"),
        (T(20, 18, 16, 14, 12), "15", 1, "3.5000"),
        (T(80, 85, 90, 95, 100), "70", 1, "1.0000"),
        (T(80, 85, 90, 95, 100), "70", 0, "0.0000"),
        (T(80, 85, 90, 95, 100), "101", 1, "5.0000"),
        (T(70, 75, 80, 85, 90), "83.33", 1, "3.6660"),
        (T(80, 85, 90, 95, 100), "80", 1, "1.0000"),  # exactly at t1 scores 1
        (T(80, 85, 90, 95, 100), "100", 1, "5.0000"),
        (T(20, 18, 16, 14, 12), "12", 1, "5.0000"),
        (T(20, 18, 16, 14, 12), "21", 0, "0.0000"),
        (T(20, 18, 16, 14, 12), "20", 0, "1.0000"),
    ],
)
def test_result_to_score(thresholds, result, floor, expected):
    assert format4(score_result(D(result), thresholds, D(floor))) == expected


def test_direction_follows_threshold_order():
    assert T(80, 85, 90, 95, 100).direction is Direction.HIGHER_IS_BETTER
    assert T(20, 18, 16, 14, 12).direction is Direction.LOWER_IS_BETTER


def test_published_bad_row_is_refused_naming_the_levels():
    with pytest.raises(ProblemsError) as caught:
        T(40, 50, 60, 60, 70)
    message = str(caught.value)
    assert "levels 3 and 4 are equal (60)" in message
    assert "40 50 60 60 70" in message
    assert "ระดับ 3 และ 4" in message


def test_direction_change_is_refused():
    with pytest.raises(ProblemsError, match="changes direction"):
        T(1, 2, 3, 2, 5)


def test_opec_2561_published_weighted_scores():
    # OPEC annual report 2561: weight 4 with 5.0000 -> 0.2000, 4.8000 -> 0.1920; weight 3 with 2 -> 0.06, 1.6 -> 0.048
    for weight, score, weighted in [(4, "5", "0.2000"), (4, "4.8", "0.1920"), (3, "2", "0.0600"), (3, "1.6", "0.0480")]:
        assert format4(round4(D(score)) * weight / 100) == weighted


def _agreement(weights=(50, 20, 10, 20), cancel_last_from=None):
    return Agreement(
        agency="กรมตัวอย่าง",
        fiscal_year=2569,
        indicators=(
            Indicator("1", "ร้อยละความสำเร็จ", D(weights[0]), T(80, 85, 90, 95, 100), dimension="ประสิทธิผล"),
            Indicator("2", "ระยะเวลาเฉลี่ย", D(weights[1]), T(20, 18, 16, 14, 12), dimension="ประสิทธิผล"),
            Indicator("3", "ระดับความสำเร็จ", D(weights[2]), T(1, 2, 3, 4, 5), kind=IndicatorKind.MILESTONE,
                      dimension="การพัฒนาองค์การ"),
            Indicator("4", "ร้อยละความพึงพอใจ", D(weights[3]), T(70, 75, 80, 85, 90),
                      dimension="คุณภาพการให้บริการ", cancel_round=cancel_last_from),
        ),
    )


def _ratings(results):
    return {code: Rating(code, 12, result=D(value)) for code, value in results.items()}


def test_weighted_total_3_4500_is_eligible():
    sheet = score_agreement(_agreement(), _ratings({"1": "92", "2": "15", "3": "5", "4": "78.75"}), FIVE)
    assert [format4(i.score) for i in sheet.indicators] == ["3.4000", "3.5000", "5.0000", "2.7500"]
    assert [format4(i.weighted) for i in sheet.indicators] == ["1.7000", "0.7000", "0.5000", "0.5500"]
    assert format4(sheet.total) == "3.4500"
    assert sheet.eligible is True
    assert {d.name: format4(d.subtotal) for d in sheet.dimensions} == {
        "ประสิทธิผล": "2.4000", "การพัฒนาองค์การ": "0.5000", "คุณภาพการให้บริการ": "0.5500"}


def test_cancelled_indicator_renormalises_to_3_6250():
    agreement = _agreement(cancel_last_from=12)
    sheet = score_agreement(agreement, _ratings({"1": "92", "2": "15", "3": "5", "4": "78.75"}), FIVE)
    assert format4(sheet.total) == "3.6250"
    assert sheet.counted_weight == 80
    assert not sheet.indicator("4").counted
    # the printed weighted column still adds up to the printed total
    assert sum(i.weighted for i in sheet.indicators if i.weighted is not None) == sheet.total


def test_rounding_order_is_a_framework_setting():
    # 2 + 1/22 at weight 10: 0.2046 when the score is rounded first, 0.2045 when not.
    thresholds = T(0, 22, 44, 66, 88)  # result 23 scores exactly 2 + 1/22
    agreement = Agreement("x", 2569, (
        Indicator("1", "a", D(10), thresholds), Indicator("2", "b", D(90), T(1, 2, 3, 4, 5))))
    ratings = _ratings({"1": "23", "2": "5"})
    first = score_agreement(agreement, ratings, FIVE)
    exact = score_agreement(agreement, ratings, Framework(id="t", name="t", first_year=1, last_year=None,
                                                          rounding=Rounding.WEIGHTED_ONLY))
    assert format4(first.indicator("1").weighted) == "0.2046"
    assert format4(exact.indicator("1").weighted) == "0.2045"


def test_incomplete_sheet_has_no_eligibility_yet():
    sheet = score_agreement(_agreement(), _ratings({"1": "92"}), FIVE)
    assert sheet.missing == ("2", "3", "4")
    assert sheet.eligible is None
    assert format4(sheet.total) == "1.7000"


def test_adjusted_score_replaces_computed_and_keeps_reason():
    ratings = _ratings({"1": "92", "2": "15", "3": "5", "4": "78.75"})
    ratings["1"] = Rating("1", 12, result=D(92), adjusted_score=D("3"), adjust_reason="ส่งรายงานล่าช้า")
    sheet = score_agreement(_agreement(), ratings, FIVE)
    item = sheet.indicator("1")
    assert (format4(item.computed_score), format4(item.score), item.adjust_reason) == ("3.4000", "3.0000",
                                                                                       "ส่งรายงานล่าช้า")
    assert format4(sheet.total) == "3.2500"


def test_adjustment_without_reason_is_refused():
    with pytest.raises(ValueError, match="reason"):
        Rating("1", 12, result=D(1), adjusted_score=D(3), adjust_reason="  ")


def test_parent_is_the_sum_of_its_children():
    agreement = Agreement("x", 2569, (
        Indicator("1", "parent", D(60)),
        Indicator("1.1", "child a", D(40), T(80, 85, 90, 95, 100)),
        Indicator("1.2", "child b", D(20), T(20, 18, 16, 14, 12)),
        Indicator("2", "other", D(40), T(1, 2, 3, 4, 5), kind=IndicatorKind.MILESTONE),
    ))
    sheet = score_agreement(agreement, _ratings({"1.1": "92", "1.2": "15", "2": "4"}), FIVE)
    parent = sheet.indicator("1")
    assert parent.is_parent
    assert format4(parent.weighted) == "2.0600"  # 1.3600 + 0.7000
    assert format4(parent.score) == "3.4333"  # (3.4*40 + 3.5*20) / 60
    assert format4(sheet.total) == "3.6600"  # parent not counted twice


@pytest.mark.parametrize(("mode", "level", "expected"), [
    (MilestoneMode.WHOLE, "3", "3.0000"),
    (MilestoneMode.WHOLE, "3.5", "3.0000"),
    (MilestoneMode.PROPORTIONAL, "3.5", "3.5000"),
    (MilestoneMode.WHOLE, "0", "1.0000"),
    (MilestoneMode.PROPORTIONAL, "5", "5.0000"),
])
def test_milestone_modes(mode, level, expected):
    assert format4(score_milestone(D(level), T(1, 2, 3, 4, 5), D(1), Scheme.FIVE_LEVEL, mode)) == expected


def test_milestone_level_outside_range_is_refused():
    with pytest.raises(ValueError, match="between 0 and 5"):
        score_milestone(D(6), T(1, 2, 3, 4, 5), D(1), Scheme.FIVE_LEVEL, MilestoneMode.WHOLE)


@pytest.mark.parametrize(("result", "expected"), [
    ("60", "50.0000"), ("70", "70.0000"), ("65", "60.0000"), ("85", "85.0000"), ("100", "100.0000"),
    ("120", "100.0000"), ("59.99", "0.0000"),
])
def test_three_level_100_scheme(result, expected):
    assert format4(score_result(D(result), T(60, 70, 100), D(0), Scheme.THREE_LEVEL_100)) == expected


def test_three_level_totals_add_performance_and_potential_base():
    framework = Framework(id="2560", name="x", first_year=2560, last_year=None, scheme=Scheme.THREE_LEVEL_100,
                          floor=D(0), reward_threshold=D(70))
    agreement = Agreement("x", 2567, (
        Indicator("1", "performance", D(70), T(60, 70, 80), dimension="Performance Base"),
        Indicator("2", "potential", D(30), T(60, 70, 80), dimension="Potential Base"),
    ))
    # 79.94 against 60/70/80 scores 70 + 30 * 9.94/10 = 99.82
    sheet = score_agreement(agreement, _ratings({"1": "85", "2": "79.94"}), framework)
    assert [format4(d.subtotal) for d in sheet.dimensions] == ["70.0000", "29.9460"]
    assert format4(sheet.total) == "99.9460"
