"""A rating's edit time in an evaluator package is checked once per distinct text (issue 16: a package's ratings
share a few hundred times): remembering a good time changes no verdict, and a bad one is never remembered."""

from __future__ import annotations

import pytest

from evaluator_app.exchange import evaluator_package as ep


def rating(updated_at: object) -> dict[str, object]:
    return {"adjust_reason": None, "adjusted_score": None, "base": None, "code": "1.1", "comment": None,
            "edit_version": 1, "history": [], "result": "83.50", "round": 6, "updated_at": updated_at}


@pytest.mark.parametrize("updated_at, plain", [
    ("2026-12-03T14:03:12.191142+00:00", True),
    ("2024-02-29T23:59:59.999999+00:00", True),
    ("2026-02-30T14:03:12.191142+00:00", False),  # the form, but no such day
    ("2026-12-03T24:03:12.191142+00:00", False),
    ("2026-12-03T14:03:12+00:00", False),  # another form: the field-by-field way decides
    ("2026-12-03T14:03:12.191142+07:00", False),
    ("2026-12-03 14:03:12.191142+00:00", False),
    ("", False),
    (20261203, False),
])
def test_a_time_remembered_or_not_gives_the_same_verdict(updated_at, plain):
    ep._plain_times.clear()
    first = ep._plain_rating(rating(updated_at), "m1")
    second = ep._plain_rating(rating(updated_at), "m1")  # now from what the first check remembered, if anything
    assert (first is not None) == plain and first == second
    assert (updated_at in ep._plain_times) == plain
    if plain:
        assert first is not None and first.updated_at == updated_at
