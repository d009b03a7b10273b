"""The checks of `package_fields.objects` and `package_fields.sha256` made without a Python step per item or
character (issue 16) accept and refuse exactly what the step-by-step definitions did."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.exchange import package_fields as f

HEX = "0123456789abcdef"


def old_objects_ok(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def old_sha256_ok(value: str) -> bool:
    value = value.lower()
    return not (len(value) != 64 or any(c not in HEX for c in value))


def verdict(check: Any, *args: Any) -> str | None:
    try:
        check(*args)
    except f.FieldError as exc:
        return str(exc)
    return None


class Mapping(dict):  # a dict subclass is an object too, as isinstance says
    pass


@pytest.mark.parametrize("value", [[], [{}], [{}, {"a": 1}], [Mapping()], [{}, []], [None], [1, {}], "x", {}, None,
                                   [{}] * 1000 + [0], (dict(),)])
def test_objects_takes_what_it_took(value):
    expected = None if old_objects_ok(value) else "'ratings' is not a list of objects"
    assert verdict(f.objects, {"ratings": value}, "ratings") == expected


@pytest.mark.parametrize("value", [
    "a" * 64, "A" * 64, "0123456789abcdef" * 4, "0123456789ABCDEF" * 4, "a" * 63, "a" * 65, "a" * 63 + "g",
    "a" * 63 + "\n", "a" * 64 + "\n", "a" * 63 + "\u0660", "a" * 63 + "\uff41", "a" * 63 + "İ", "", " " + "a" * 63,
])
def test_sha256_takes_what_it_took(value):
    assert (verdict(f.sha256, {"h": value}, "h") is None) == old_sha256_ok(value)


@given(st.text(alphabet=HEX + "ABCDEFxyz\n \u0660\uff10İ", min_size=60, max_size=66))
def test_sha256_takes_what_it_took_for_any_text(value):
    assert (verdict(f.sha256, {"h": value}, "h") is None) == old_sha256_ok(value)
