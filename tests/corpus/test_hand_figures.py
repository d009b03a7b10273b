"""The corpus worksheet (hand_figures.py) reproduces the domain document's own figures (§5, §9, issue 11), so that
the expected JSON rests on the document and not on the app."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from .hand_figures import (
    MILESTONE,
    Item,
    above,
    at_least,
    at_most,
    banded,
    banded_thresholds,
    below,
    between,
    figures,
    interpolated,
    round4,
    score_of,
)

SECTION_9 = interpolated(80, 85, 90, 95, 100)


@pytest.mark.parametrize(("rule", "result", "score"), [
    (SECTION_9, "92", "3.4000"),
    (interpolated(20, 18, 16, 14, 12), "15", "3.5000"),
    (SECTION_9, "70", "1.0000"),
    (SECTION_9, "101", "5.0000"),
    (interpolated(70, 75, 80, 85, 90), "83.33", "3.6660"),
    (SECTION_9, "80", "1.0000"),  # x exactly at t1 scores 1
])
def test_section_9_scores(rule, result, score) -> None:
    assert str(round4(score_of(rule, D(result))[0])) == score


@pytest.mark.parametrize(("result", "level"), [("84", 4), ("72.5", 3), ("91", 5), ("58", 1)])
def test_section_5_banded_examples(result: str, level: int) -> None:
    rule = banded(below("60"), between("60", "69.99"), between("70", "79.99"), between("80", "89.99"),
                  at_least("90"))
    assert score_of(rule, D(result))[0] == level


def test_banded_lower_is_better_and_no_band() -> None:
    days = banded(above("20"), between("18.01", "20"), between("16.01", "18"), between("14.01", "16"), at_most("14"))
    assert [score_of(days, D(x))[0] for x in ("21", "20", "17", "15", "14")] == [1, 2, 3, 4, 5]
    gapped = banded(below("60"), between("60", "64.99"), between("70", "79.99"), between("80", "89.99"),
                    at_least("90"))
    assert score_of(gapped, D("67"))[0] == 1  # in no band: the floor


def test_banded_over_plain_thresholds() -> None:
    rule = banded_thresholds(80, 85, 90, 95, 100)
    assert [score_of(rule, D(x))[0] for x in ("79", "80", "92", "99.99", "100")] == [1, 1, 3, 4, 5]


def test_section_9_weighted_total_and_renormalised() -> None:
    items = [Item("1", D(50), "a", SECTION_9, {12: D("92")}),
             Item("2", D(20), "a", interpolated(20, 18, 16, 14, 12), {12: D("15")}),
             Item("3", D(10), "b", MILESTONE, {12: D("5")}),
             Item("4", D(20), "b", interpolated(70, 75, 80, 85, 90), {12: D("78.75")})]
    assert figures(items, 12)["total"] == "3.4500"
    assert figures(items[:3], 12)["total"] == "3.6250"  # the last cancelled: divide by 80


def test_weights_summing_to_102_give_the_published_column() -> None:
    # The university unit's published weighted column: score x w / 102, half-up.
    five = interpolated(1, 2, 3, 4, 5)
    items = [Item("1", D(1), "", five, {12: D(5)}), Item("2", D("1.5"), "", five, {12: D(5)}),
             Item("3", D("2.5"), "", five, {12: D(5)}), Item("4", D(1), "", five, {12: D(4)}),
             Item("5", D(96), "", five, {12: D(1)})]
    weighted = [i["weighted"] for i in figures(items, 12)["indicators"]]
    assert weighted[:4] == ["0.0490", "0.0735", "0.1225", "0.0392"]


def test_score_first_rounding_and_dimension_average() -> None:
    # §5: 2 + 1/22 at weight 10 is 0.2046 when the score is rounded first; §5: a dimension of weight 10 averages on
    # the 1-5 scale.
    items = [Item("1", D(90), "a", SECTION_9, {12: D(100)}),
             Item("2", D(10), "b", interpolated(60, 80, 102, 124, 146), {12: D(81)})]
    result = figures(items, 12)
    assert result["indicators"][1]["score"] == "2.0455"
    assert result["indicators"][1]["weighted"] == "0.2046"
    assert result["dimensions"][1] == {**result["dimensions"][1], "subtotal": "0.2046", "average": "2.0455"}
