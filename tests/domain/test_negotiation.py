"""Negotiation rules: constraints on the offending cell, the version in force per round, diff and what-if."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.framework import DimensionRule, Framework
from evaluator_app.domain.negotiation import (
    AgreementVersion,
    VersionStatus,
    agree_problems,
    in_force_for_round,
    negotiation_problems,
    require_valid,
    thresholds_problem,
    what_if,
    with_changes,
)
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.domain.version_diff import diff_indicators
from tests.conftest import example_agreement

T = Thresholds.of
FRAMEWORK = Framework(id="test", name="test", first_year=2560, last_year=None)


def cells(problems):
    return {(p.indicator, p.field) for p in problems}


def test_the_worked_example_meets_every_constraint():
    assert negotiation_problems(example_agreement(), FRAMEWORK) == []


def test_each_broken_constraint_names_its_cell_in_thai_and_english():
    agreement = example_agreement()
    broken = with_changes(agreement.indicators, weights={"1": D(45)}, targets={"4": "ร้อยละ 95"},
                          cancel_from={"2": 7})
    problems = negotiation_problems(replace(agreement, indicators=broken), FRAMEWORK)
    assert cells(problems) == {(None, "weight"), ("4", "target"), ("2", "cancel_round")}
    by_cell = {(p.indicator, p.field): p for p in problems}
    assert "sum to 95" in by_cell[(None, "weight")].en and "รวมได้ 95" in by_cell[(None, "weight")].th
    target = by_cell[("4", "target")]
    assert "95" in target.en and "70 to 90" in target.en and "นอกเกณฑ์" in target.th


def test_a_target_within_the_criteria_passes_in_either_direction():
    lower_is_better = Indicator("2", "days", D(100), T(20, 18, 16, 14, 12), target="15")
    assert negotiation_problems(Agreement("x", 2569, (lower_is_better,)), FRAMEWORK) == []
    too_low = replace(lower_is_better, target="11")
    problems = negotiation_problems(Agreement("x", 2569, (too_low,)), FRAMEWORK)
    assert cells(problems) == {("2", "target")}


def test_children_must_sum_to_their_parent_and_dimensions_to_the_framework():
    framework = replace(FRAMEWORK, dimensions=(DimensionRule("ประสิทธิผล", D(70)),))
    indicators = (
        Indicator("1", "parent", D(70), dimension="ประสิทธิผล"),
        Indicator("1.1", "a", D(40), T(1, 2, 3, 4, 5), dimension="ประสิทธิผล"),
        Indicator("1.2", "b", D(20), T(1, 2, 3, 4, 5), dimension="ประสิทธิผล"),
        Indicator("2", "c", D(30), T(1, 2, 3, 4, 5), dimension="อื่น"),
    )
    # 'อื่น' is not a dimension of the framework: kept as written, with a warning on its first indicator
    assert cells(negotiation_problems(Agreement("x", 2569, indicators), framework)) == {
        ("1", "weight"), ("2", "dimension")}
    moved = with_changes(indicators, weights={"1": D(60), "1.1": D(40), "2": D(40)})
    problems = negotiation_problems(Agreement("x", 2569, moved), framework)
    assert cells(problems) == {("1", "dimension"), ("2", "dimension")}
    assert "expects dimension 'ประสิทธิผล' at 70" in problems[0].en and problems[0].warning


def test_thresholds_typed_out_of_order_are_placed_on_the_thresholds_cell():
    problem = thresholds_problem("1.2", [D(40), D(50), D(60), D(60), D(70)])
    assert problem is not None and (problem.indicator, problem.field) == ("1.2", "thresholds")
    assert "levels 3 and 4 are equal (60)" in problem.en
    assert thresholds_problem("1.2", [D(1), D(2), D(3), D(4), D(5)]) is None


def test_require_valid_refuses_with_every_problem_and_a_revision_needs_a_framework_round():
    agreement = example_agreement()
    broken = replace(agreement, indicators=with_changes(agreement.indicators, weights={"1": D(45)},
                                                        targets={"1": "200"}))
    with pytest.raises(ProblemsError) as caught:
        require_valid(broken, FRAMEWORK)
    assert len(caught.value.problems) == 2
    with pytest.raises(ProblemsError, match="from one of the rounds 6, 9, 12, got 7"):
        require_valid(agreement, FRAMEWORK, effective_round=7)
    require_valid(agreement, FRAMEWORK, effective_round=9)


def test_unknown_codes_in_changes_are_refused():
    with pytest.raises(ProblemsError, match="no indicator 9"):
        with_changes(example_agreement().indicators, weights={"9": D(1)})


def version(number, status=VersionStatus.AGREED, effective_round=None):
    return AgreementVersion(number=number, status=status, author="committee", created_at="2025-10-01T00:00:00+00:00",
                            effective_round=effective_round)


def test_in_force_a_revision_from_round_9_governs_9_and_12_but_not_6():
    versions = [version(1), version(2, VersionStatus.PROPOSAL), version(3), version(4, effective_round=9),
                version(5, VersionStatus.DRAFT)]
    assert in_force_for_round(versions, 6).number == 3
    assert in_force_for_round(versions, 9).number == 4
    assert in_force_for_round(versions, 12).number == 4
    assert in_force_for_round([version(1, VersionStatus.PROPOSAL)], 12) is None


def test_agreeing_is_refused_when_already_agreed_or_stale():
    assert "already agreed and locked" in agree_problems(version(3), [])[0].en
    assert "before version 5 was agreed" in agree_problems(version(3, VersionStatus.PROPOSAL), [5])[0].en
    assert agree_problems(version(3, VersionStatus.PROPOSAL), []) == []


def test_diff_lists_exactly_the_changed_cells_and_added_and_removed_indicators():
    old = example_agreement().indicators
    new = list(with_changes(old, weights={"1": D(40), "4": D("30.00")}, targets={"2": "15"}))
    new[2] = replace(new[2], thresholds=T(1, 2, 3, 4, 5))  # unchanged values: no cell
    new[1] = replace(new[1], thresholds=T(20, 18, 15, 14, 12), round_weights={9: D(25)})
    del new[3]
    new.append(Indicator("5", "ใหม่", D(10), T(1, 2, 3, 4, 5)))
    diff = diff_indicators(old, new)
    assert [i.code for i in diff.added] == ["5"] and [i.code for i in diff.removed] == ["4"]
    assert diff.changed_cells() == {("1", "weight"), ("2", "target"), ("2", "t3"), ("2", "weight@9")}
    assert diff.to_json()["changed"] == [
        {"code": "1", "field": "weight", "old": "50", "new": "40"},
        {"code": "2", "field": "target", "old": None, "new": "15"},
        {"code": "2", "field": "t3", "old": "16", "new": "15"},
        {"code": "2", "field": "weight@9", "old": None, "new": "25"},
    ]
    assert diff_indicators(old, old).empty
    assert diff_indicators(old, with_changes(old, weights={"1": D("50.00")})).empty


def test_what_if_scores_the_same_results_under_both_sets_side_by_side():
    agreed = example_agreement()
    ratings = {code: Rating(code, 12, result=D(r)) for code, r in [("1", "92"), ("2", "15"), ("3", "5"),
                                                                   ("4", "78.75")]}
    proposed = replace(agreed, indicators=with_changes(agreed.indicators, weights={"1": D(20), "3": D(40)}))
    result = what_if(proposed, agreed, ratings, FRAMEWORK, 12, "self")
    assert str(result.agreed.total) == "3.4500" and result.agreed.eligible is True
    # 3.4 x 0.2 + 3.5 x 0.2 + 5 x 0.4 + 2.75 x 0.2 = 0.68 + 0.70 + 2.00 + 0.55
    assert str(result.proposed.total) == "3.9300"
    assert result.difference == D("0.4800") and not result.eligibility_changes


def test_what_if_leaves_out_results_a_set_cannot_score():
    agreed = example_agreement()
    without_criteria = replace(agreed, indicators=(replace(agreed.indicators[0], thresholds=None),
                                                   *agreed.indicators[1:]))
    result = what_if(without_criteria, None, {"1": Rating("1", 12, result=D(92))}, FRAMEWORK, 12, "self")
    assert result.agreed is None and "1" in result.proposed.missing and result.difference is None
