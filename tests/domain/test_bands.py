"""Banded criteria: the wordings of real tables, the level whose band holds a result, and bands refused."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.bands import Band, ScoringMethod, banded_level, bands_problem, parse_band
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import score_agreement, score_banded
from evaluator_app.domain.thresholds import Direction, Thresholds

FRAMEWORK = Framework(id="f", name="f", first_year=2500, last_year=None)
PERCENT = ("น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 69.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99", "ร้อยละ 90 ขึ้นไป")
DAYS = ("มากกว่า 20 วัน", "16-20 วัน", "11-15 วัน", "6-10 วัน", "ไม่เกิน 5 วัน")


def banded(texts) -> Thresholds:
    return Thresholds.banded([parse_band(t) for t in texts])


@pytest.mark.parametrize(("text", "band"), [
    ("60 - 69.99", Band(D("60"), True, D("69.99"), True)),
    ("60-69", Band(D(60), True, D(69), True)),
    ("ร้อยละ 60 - 69.99", Band(D(60), True, D("69.99"), True)),
    ("ตั้งแต่ 60 ถึง 69.99", Band(D(60), True, D("69.99"), True)),
    ("≥ 90", Band(D(90), True, None, False)),
    ("90 ขึ้นไป", Band(D(90), True, None, False)),
    ("ร้อยละ 90 ขึ้นไป", Band(D(90), True, None, False)),
    ("ไม่น้อยกว่า 90", Band(D(90), True, None, False)),
    ("ตั้งแต่ 80 ขึ้นไป", Band(D(80), True, None, False)),
    ("น้อยกว่า 60", Band(None, False, D(60), False)),
    ("น้อยกว่าร้อยละ 60", Band(None, False, D(60), False)),
    ("ต่ำกว่า 60", Band(None, False, D(60), False)),
    ("< 60", Band(None, False, D(60), False)),
    ("มากกว่า 20 วัน", Band(D(20), False, None, False)),
    ("ไม่เกิน 5 วัน", Band(None, False, D(5), True)),
    ("๖๐ - ๖๙.๙๙", Band(D(60), True, D("69.99"), True)),
    ("1,000,000 - 1,499,999 บาท", Band(D(1000000), True, D(1499999), True)),
])
def test_wordings_of_real_tables_read_as_bands(text, band):
    assert parse_band(text) == band


@pytest.mark.parametrize("text", ["80", "ร้อยละ 80", "แต่งตั้งคณะทำงาน", "", "60 - ", "ขึ้นไป"])
def test_plain_numbers_and_words_are_not_bands(text):
    assert parse_band(text) is None


def test_a_banded_result_scores_the_whole_level_whose_band_holds_it():
    thresholds = banded(PERCENT)
    assert thresholds.method is ScoringMethod.BANDED and thresholds.direction is Direction.HIGHER_IS_BETTER
    # the domain document's examples: 84 -> 4, 72.5 -> 3, 91 -> 5, 58 -> 1
    for result, score in [("84", 4), ("72.5", 3), ("91", 5), ("58", 1), ("60", 2), ("69.99", 2), ("90", 5)]:
        assert score_banded(D(result), thresholds) == D(score), result
    # between two bands written at their precision: the upper level is not reached yet
    assert score_banded(D("69.995"), thresholds) == D(2)
    assert str(thresholds) == "< 60 | 60 – 69.99 | 70 – 79.99 | 80 – 89.99 | ≥ 90"


def test_lower_is_better_bands_and_the_floor_outside_every_band():
    days = banded(DAYS)
    assert days.direction is Direction.LOWER_IS_BETTER
    assert [score_banded(D(x), days) for x in ("25", "20", "15.5", "13", "6", "5", "0")] == [
        1, 2, 2, 3, 4, 5, 5]
    closed = banded(("0 - 59.99", "60 - 69.99", "70 - 79.99", "80 - 89.99", "90 - 100"))
    assert score_banded(D("-1"), closed, floor=D(0)) == D(0)
    assert score_banded(D("101"), closed, floor=D(0)) == D(0)  # in no band: the floor
    assert banded_level(D("100"), closed.bands) == 5


def test_overlapping_and_gapped_bands_are_refused_naming_the_levels():
    overlapping = [parse_band(t) for t in ("น้อยกว่า 60", "60 - 70", "70 - 80", "80 - 90", "90 ขึ้นไป")]
    problem = bands_problem(overlapping)
    assert problem is not None and "criteria bands overlap: levels 2 (60 – 70) and 3 (70 – 80)" in problem.en
    gapped = [parse_band(t) for t in ("น้อยกว่า 60", "60 - 65", "70 - 79.99", "80 - 89.99", "90 ขึ้นไป")]
    problem = bands_problem(gapped)
    assert problem is not None and "criteria bands leave a gap: levels 2 (60 – 65) and 3 (70 – 79.99)" in problem.en
    with pytest.raises(ProblemsError, match="overlap"):
        Thresholds.banded(overlapping)
    # written to whole numbers, 69 then 70 leaves no gap
    assert bands_problem([parse_band(t) for t in ("< 60", "60-69", "70-79", "80-89", "90 ขึ้นไป")]) is None


def test_banded_indicators_score_in_the_agreement_beside_interpolated_ones():
    agreement = Agreement("x", 2569, (
        Indicator("1", "banded", D(60), banded(PERCENT)),
        Indicator("2", "interpolated", D(40), Thresholds.of(80, 85, 90, 95, 100)),
    ))
    sheet = score_agreement(agreement, {"1": Rating("1", 12, result=D(84)), "2": Rating("2", 12, result=D(92))},
                            FRAMEWORK)
    assert [(i.score, i.weighted) for i in sheet.indicators] == [(D("4.0000"), D("2.4000")),
                                                                 (D("3.4000"), D("1.3600"))]
    assert sheet.total == D("3.7600")


def test_a_dimension_average_is_on_the_1_to_5_scale_beside_its_subtotal():
    agreement = Agreement("x", 2569, (
        Indicator("1", "a", D(90), Thresholds.of(80, 85, 90, 95, 100), dimension="ประสิทธิผล"),
        Indicator("2", "b", D(6), Thresholds.of(1, 2, 3, 4, 5), dimension="การพัฒนาองค์การ"),
        Indicator("3", "c", D(4), Thresholds.of(1, 2, 3, 4, 5), dimension="การพัฒนาองค์การ"),
    ))
    ratings = {"1": Rating("1", 12, result=D(92)), "2": Rating("2", 12, result=D("2.5")),
               "3": Rating("3", 12, result=D("3.5"))}
    sheet = score_agreement(agreement, ratings, FRAMEWORK)
    development = sheet.dimensions[1]
    # (2.5 x 6 + 3.5 x 4) / 10 = 2.9, the published figure beside a subtotal of 0.2900
    assert (development.weight, development.subtotal, development.average) == (D(10), D("0.2900"), D("2.9000"))
    del ratings["3"]
    assert score_agreement(agreement, ratings, FRAMEWORK).dimensions[1].average is None  # not all scored yet
