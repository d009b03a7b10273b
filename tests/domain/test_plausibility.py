"""Checks while typing (issue 14): warnings a person confirms, refusals nobody can mean, one rule for window and CLI."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import Indicator, IndicatorKind
from evaluator_app.domain.bands import parse_band
from evaluator_app.domain.framework import Framework, MilestoneMode
from evaluator_app.domain.plausibility import check_result, refusals, warning_text, warnings
from evaluator_app.domain.thresholds import Thresholds

T = Thresholds.of
FRAMEWORK = Framework(id="f", name="f", first_year=2557, last_year=None)
PERCENT = Indicator("1", "ร้อยละความสำเร็จของการเบิกจ่าย", D(50), T(80, 85, 90, 95, 100), unit="ร้อยละ")
DAYS = Indicator("2", "ระยะเวลาเฉลี่ยในการให้บริการ", D(20), T(20, 18, 16, 14, 12), unit="วัน")
MILESTONE = Indicator("3", "ระดับความสำเร็จของการพัฒนาระบบ", D(10), T(1, 2, 3, 4, 5),
                      kind=IndicatorKind.MILESTONE, unit="ระดับความสำเร็จ")
BUDGET = Indicator("4", "มูลค่าการลงทุน", D(20), T("1500000.50", 2000000, 2500000, 3000000, 3500000),
                   unit="ล้านบาท")


def check(indicator: Indicator, text: str, framework: Framework = FRAMEWORK):
    return check_result(indicator, D(text), framework)


@pytest.mark.parametrize(("indicator", "text"), [
    (PERCENT, "92.5"), (PERCENT, "0"), (PERCENT, "100"), (PERCENT, "92.33"), (DAYS, "15"), (DAYS, "95"),
    (DAYS, "0"), (MILESTONE, "3"), (MILESTONE, "0"), (BUDGET, "1234567.125"), (BUDGET, "0"),
])
def test_plausible_results_pass_without_a_word(indicator, text):
    assert check(indicator, text) == []


def test_a_percentage_outside_0_to_100_is_a_warning_naming_indicator_and_field():
    [problem] = check(PERCENT, "150")
    assert problem.warning and problem.indicator == "1" and problem.field == "result"
    assert "ร้อยละ" in problem.th and "0 ถึง 100" in problem.th
    assert "percentage" in problem.en and "150" in problem.en


def test_minus_five_for_a_percentage_is_one_warning_not_two():
    problems = check(PERCENT, "-5")
    assert [p.warning for p in problems] == [True]
    assert "outside 0 to 100" in problems[0].en


def test_a_negative_result_where_the_criteria_are_positive_is_a_warning():
    [problem] = check(DAYS, "-3")
    assert problem.warning and "negative" in problem.en and "ติดลบ" in problem.th


def test_a_result_ten_widths_beyond_the_criteria_is_a_warning():
    # 20..12 days: width 8, so beyond 20 + 80 = 100 days
    assert check(DAYS, "100") == []
    [problem] = check(DAYS, "100.5")
    assert problem.warning and "10 times" in problem.en and "12 to 20" in problem.en
    # 9250 typed for 92.50: a percentage outside 0-100 and far beyond 80-100
    assert len(warnings(check(PERCENT, "9250"))) == 2


def test_more_decimals_than_the_criteria_use_plus_two_is_a_warning():
    assert check(PERCENT, "92.33") == []  # criteria without decimals: up to two more are fine
    [problem] = check(PERCENT, "92.333")
    assert problem.warning and "3 decimals" in problem.en
    assert check(BUDGET, "1234567.1255") == []  # the criteria use 2 decimals (1500000.50)
    assert len(check(BUDGET, "1234567.12555")) == 1


def test_banded_criteria_count_their_written_bounds():
    bands = Thresholds.banded([parse_band(t) for t in ("< 60", "60 - 69.99", "70 - 79.99", "80 - 89.99", "≥ 90")])
    banded = replace(PERCENT, thresholds=bands)
    assert check(banded, "84.1234") == []  # the bounds use 2 decimals
    assert len(check(banded, "84.12345")) == 1


def test_a_fractional_level_on_a_whole_level_milestone_is_refused():
    [problem] = check(MILESTONE, "3.5")
    assert not problem.warning and problem.indicator == "3" and problem.field == "result"
    assert "whole level" in problem.en and "3.5" in problem.en and "จำนวนเต็ม" in problem.th
    assert check(MILESTONE, "3.0") == []  # 3.0 is level 3


def test_a_fraction_of_a_level_is_fine_when_milestones_score_proportionally():
    proportional = replace(FRAMEWORK, milestone_mode=MilestoneMode.PROPORTIONAL)
    assert check(MILESTONE, "3.5", proportional) == []
    assert warnings(check(MILESTONE, "3.125", proportional))  # levels are whole: two decimals at most


def test_the_store_rule_comes_first_a_level_outside_0_to_5_is_refused():
    [problem] = check(MILESTONE, "7")
    assert not problem.warning and "0 to 5" in problem.en


@pytest.mark.parametrize("indicator", [PERCENT, DAYS, BUDGET, MILESTONE])
def test_a_29_digit_number_is_refused_not_crashed_on(indicator):
    [problem] = check(indicator, "12345678901234567890123456789")
    assert not problem.warning and "29 digits" in problem.en and problem.field == "result"
    assert refusals([problem]) == [problem]


def test_the_longest_numbers_that_compute_exactly_are_warned_about_not_refused():
    assert warnings(check(BUDGET, "123456789012345"))  # 15 digits: a slip, but one that can be kept
    assert not refusals(check(BUDGET, "123456789012345.1234567890123"))  # 28 digits in all
    assert refusals(check(BUDGET, "123456789012345.12345678901234"))  # 29 digits
    assert refusals(check(BUDGET, "1234567890123456"))  # 16 before the point


def test_warning_text_is_what_a_confirmed_result_keeps():
    text = warning_text(check(PERCENT, "9250"))
    assert text.count("\n") == 1 and " / " in text and "percentage" in text
