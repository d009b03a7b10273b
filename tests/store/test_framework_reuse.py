"""A stored framework is made once per definition and settings (issue 16): the same immutable object each time,
which scoring recognises by identity to reuse each criteria's rule; a setting or definition changed is another."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

from evaluator_app.domain.framework import MONTHLY_ROUNDS, Framework
from evaluator_app.store.frameworks import get_framework, set_scoring_setting
from evaluator_app.store.workspace import Workspace


def test_the_same_definition_and_settings_give_the_same_framework(workspace):
    first = get_framework(workspace, "five-level-2560-onward")
    assert get_framework(workspace, "five-level-2560-onward") is first
    assert first == Framework.from_dict(_definition(workspace, "five-level-2560-onward"))


def test_a_setting_changed_gives_the_framework_as_set(workspace):
    before = get_framework(workspace, "five-level-2560-onward")
    set_scoring_setting(workspace, "rounds.monthly", "on", actor="chair")
    monthly = get_framework(workspace, "five-level-2560-onward")
    assert monthly.rounds == MONTHLY_ROUNDS and before.rounds != MONTHLY_ROUNDS
    set_scoring_setting(workspace, "rounds.monthly", "off", actor="chair")
    assert get_framework(workspace, "five-level-2560-onward") is before
    set_scoring_setting(workspace, "scoring.three_level_points", "50,75,100", actor="chair")
    hundred = [row[0] for row in workspace.conn.execute("SELECT id FROM frameworks")
               if get_framework(workspace, row[0]).scheme.value == "three-level-100"]
    assert hundred, "a three-level-100 framework is bundled"
    for framework_id in hundred:
        assert get_framework(workspace, framework_id).points == (D(50), D(75), D(100))


def test_a_definition_changed_is_read_again(workspace):
    before = get_framework(workspace, "five-level-2560-onward")
    with workspace.transaction() as conn:
        conn.execute("UPDATE frameworks SET definition = replace(definition, ?, ?) WHERE id = ?",
                     (before.name, before.name + " (แก้ไข)", "five-level-2560-onward"))
    assert get_framework(workspace, "five-level-2560-onward").name == before.name + " (แก้ไข)"


def _definition(workspace: Workspace, framework_id: str) -> dict[str, Any]:
    row = workspace.conn.execute("SELECT definition FROM frameworks WHERE id = ?", (framework_id,)).fetchone()
    return dict(json.loads(row[0]))
