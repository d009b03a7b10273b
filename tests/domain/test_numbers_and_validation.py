"""Messy numbers from Thai spreadsheets, and the constraints of an agreement (§4)."""

from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import Agreement, Indicator, validate_agreement
from evaluator_app.domain.framework import DimensionRule, Framework
from evaluator_app.domain.numbers import NumberFormatError, format4, parse_decimal, thai_digits
from evaluator_app.domain.thresholds import Thresholds

T = Thresholds.of


@pytest.mark.parametrize(("text", "expected"), [
    ("1,150.40", "1150.40"), ("๙๒.๕", "92.5"), ("92%", "92"), (" 92 ", "92"), ("\u00a083.33\u00a0", "83.33"),
    ("-5", "-5"), ("\u22125", "-5"), (0.1, "0.1"), (2567.0, "2567.0"), (7, "7"), ("1,234,567", "1234567"),
    ("๑,๑๕๐.๔๐", "1150.40"),
])
def test_parse_decimal_accepts_what_spreadsheets_hold(text, expected):
    assert parse_decimal(text) == D(expected)


@pytest.mark.parametrize("text", ["abc", "", "1,15.0", "1.2.3", "--5", None, float("nan"), "12a", True])
def test_parse_decimal_refuses_non_numbers(text):
    with pytest.raises(NumberFormatError):
        parse_decimal(text)


def test_format4_rounds_half_up():
    assert format4(D("0.20455")) == "0.2046"
    assert format4(D("3.66665")) == "3.6667"
    assert format4(D(5)) == "5.0000"


def test_thai_digits():
    assert thai_digits("หน้า 1 / 3") == "หน้า ๑ / ๓"


FRAMEWORK = Framework(id="f", name="f", first_year=2557, last_year=None,
                      dimensions=(DimensionRule("ประสิทธิผล", D(60)), DimensionRule("มิติภายใน", D(40))))


def test_valid_agreement_has_no_problems():
    agreement = Agreement("x", 2569, (
        Indicator("1", "a", D(60), dimension="ประสิทธิผล"),
        Indicator("1.1", "a1", D(30), T(1, 2, 3, 4, 5), dimension="ประสิทธิผล"),
        Indicator("1.2", "a2", D(30), T(5, 4, 3, 2, 1), dimension="ประสิทธิผล"),
        Indicator("2", "b", D(40), T(1, 2, 3, 4, 5), dimension="มิติภายใน"),
    ))
    assert validate_agreement(agreement, FRAMEWORK) == []


def test_each_broken_constraint_is_named():
    agreement = Agreement("x", 2569, (
        Indicator("1", "a", D(60), dimension="ประสิทธิผล"),
        Indicator("1.1", "a1", D(30), T(1, 2, 3, 4, 5), dimension="ประสิทธิผล"),
        Indicator("1.2", "a2", D(20), T(5, 4, 3, 2, 1), dimension="ประสิทธิผล"),
        Indicator("2", "b", D(30), None, dimension="มิติภายใน"),
        Indicator("3.1", "orphan", D(0), T(1, 2, 3, 4, 5), dimension="มิติภายใน"),
    ))
    problems = validate_agreement(agreement, FRAMEWORK)
    refused = [p.en for p in problems if not p.warning]
    warned = [p.en for p in problems if p.warning]
    # Only the missing criteria make a score impossible; the rest is imported as written, with a warning.
    assert refused == ["a scored indicator needs 5 criteria levels"]
    assert "weights sum to 90, not 100: each weighted score is score × weight / 90" in warned
    assert any("sub-indicator weights (1.1=30 + 1.2=20 = 50) differ from the weight of 1 (60)" in m for m in warned)
    assert any("indicator 3.1 has no row 3: it is taken as a top-level indicator" in m for m in warned)
    assert any("expects dimension 'มิติภายใน' at 40, but its indicators sum to 30" in m for m in warned)


def test_per_round_weights_are_checked_per_round():
    agreement = Agreement("x", 2569, (
        Indicator("1", "a", D(50), T(1, 2, 3, 4, 5), round_weights={6: D(60)}),
        Indicator("2", "b", D(50), T(1, 2, 3, 4, 5)),
    ))
    messages = [p.en for p in validate_agreement(agreement, Framework(id="f", name="f", first_year=1,
                                                                      last_year=None))]
    assert messages == ["weights sum to 110, not 100 (round 6): each weighted score is score × weight / 110"]


def test_a_milestone_with_numbers_other_than_its_levels_is_recognised():
    from evaluator_app.domain.agreement import milestone_with_numeric_criteria

    assert milestone_with_numeric_criteria(T(60, 70, 80, 90, 100))
    assert not milestone_with_numeric_criteria(T(1, 2, 3, 4, 5))
    assert not milestone_with_numeric_criteria(None)


def test_weights_written_as_fractions_are_recognised_even_when_they_sum_to_1_02():
    from evaluator_app.domain.agreement import fractions_to_percent

    assert fractions_to_percent([D("0.5"), D("0.2"), D("0.1"), D("0.2")])
    assert fractions_to_percent([D("0.25"), D("0.2"), D("0.25"), D("0.2"), D("0.12")])  # 1.02
    assert not fractions_to_percent([D(50), D(20), D(10), D(20)])
    assert not fractions_to_percent([D(1), D(1)])  # two weights of 1 are percentages


def test_rounds_are_months_1_to_12_and_monthly_is_every_one():
    from evaluator_app.domain.framework import MONTHLY_ROUNDS

    framework = Framework.from_dict({"id": "q", "name": "q", "first_year": 2560, "rounds": [12, 3, 9, 6]})
    assert framework.rounds == (3, 6, 9, 12)
    assert framework.with_monthly_rounds().rounds == MONTHLY_ROUNDS == tuple(range(1, 13))
