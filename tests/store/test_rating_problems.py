"""Checking many ratings at once without writing: what a paste into the window relies on."""

from __future__ import annotations

from decimal import Decimal as D

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import load_ratings, rating_problems, record_ratings
from tests.conftest import example_agreement, file_digest


def test_each_rating_gets_its_own_problems_and_nothing_is_written(workspace, workspace_path):
    stored = add_agreement(workspace, example_agreement(), actor="test")
    before = file_digest(workspace_path)
    ratings = [Rating("1", 12, evaluator="member1", result=D("92.33333333333333")),
               Rating("3", 12, evaluator="member1", result=D("7")),  # a milestone has levels 0 to 5
               Rating("9", 12, evaluator="member1", result=D("1")),  # no such indicator
               Rating("4", 12, evaluator="member1", result=D("1250000"))]
    problems = rating_problems(workspace, stored.id, ratings)
    assert [bool(p) for p in problems] == [False, True, True, False]
    assert problems[1][0].indicator == "3" and "9" in problems[2][0].en
    assert file_digest(workspace_path) == before
    taken = [(r, None, None) for r, p in zip(ratings, problems, strict=True) if not p]
    record_ratings(workspace, stored.id, taken, actor="member1")
    assert {c: s.rating.result for c, s in load_ratings(workspace, stored.id, 12, "member1").items()} == {
        "1": D("92.33333333333333"), "4": D("1250000")}
