"""Frameworks are data: every bundled file loads, and the right one applies to each fiscal year."""

import json
from decimal import Decimal as D

import pytest

from evaluator_app.domain.framework import Framework, Scheme, framework_for_year
from evaluator_app.paths import resource

BUNDLED = tuple(Framework.from_dict(json.loads(p.read_text(encoding="utf-8")))
                for p in sorted(resource("frameworks").glob("*.json")))


def test_every_bundled_framework_round_trips():
    assert len(BUNDLED) >= 4
    for framework in BUNDLED:
        assert Framework.from_dict(framework.to_dict()) == framework
        # every inferred rule says where it comes from
        assert {"floor", "rounding", "milestone_mode", "reward_threshold"} <= set(framework.sources)


@pytest.mark.parametrize(("year", "expected"), [
    (2547, "opdc-2547-2554"), (2554, "opdc-2547-2554"), (2557, "opdc-2555-2559"), (2569, "five-level-2560-onward"),
])
def test_default_framework_by_year(year, expected):
    assert framework_for_year(BUNDLED, year).id == expected


def test_2557_fixes_dimension_weights_70_30():
    framework = framework_for_year(BUNDLED, 2557)
    weights = {d.name: d.weight for d in framework.dimensions}
    assert sum(weights.values()) == 100
    assert framework.dimension_rule("มิติภายนอก: ประสิทธิผล").weight == D(60)


def test_the_100_point_scheme_is_chosen_by_name():
    framework = framework_for_year(BUNDLED, 2569, "opdc-2560-onward")
    assert framework.scheme is Scheme.THREE_LEVEL_100
    assert framework.floor == 0
    assert {d.name: d.weight for d in framework.dimensions} == {"Performance Base": 70, "Potential Base": 30}


def test_unknown_or_out_of_range_framework_is_refused():
    with pytest.raises(LookupError, match="unknown framework 'nope'"):
        framework_for_year(BUNDLED, 2569, "nope")
    with pytest.raises(LookupError, match="does not cover fiscal year 2550"):
        framework_for_year(BUNDLED, 2550, "opdc-2560-onward")
    with pytest.raises(LookupError, match="no framework covers fiscal year 2500"):
        framework_for_year(BUNDLED, 2500)
