"""Framework records of a workspace: read, chosen by fiscal year, configured. The bundled data files are copied
into each workspace (store/framework_files.py) so its reports stay reproducible."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache

from ..domain.framework import Framework, framework_for_year
from ..domain.problems import Problem, ProblemsError
from .workspace import Workspace

# Workspace settings that change how every framework of the workspace scores (`evaluator-app setting`).
MONTHLY_ROUNDS_SETTING = "rounds.monthly"  # on: rounds of 1-12 months (universities), whatever the framework says
THREE_LEVEL_POINTS_SETTING = "scoring.three_level_points"  # e.g. 50,75,100: the points of ขั้นต้น/มาตรฐาน/ขั้นสูง
SETTINGS = (MONTHLY_ROUNDS_SETTING, THREE_LEVEL_POINTS_SETTING)
_ON = ("on", "1", "true", "yes", "เปิด")
DEFAULT = Framework(id="setting", name="setting", first_year=2500, last_year=None)


def _in_workspace(workspace: Workspace, framework: Framework) -> Framework:
    """A framework as this workspace's settings apply it."""
    if (workspace.setting(MONTHLY_ROUNDS_SETTING) or "").casefold() in _ON:
        framework = framework.with_monthly_rounds()
    points = workspace.setting(THREE_LEVEL_POINTS_SETTING)
    if points:
        framework = framework.with_points(_points(points))
    return framework


def _points(text: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(part.strip()) for part in text.replace("/", ",").split(","))


def workspace_frameworks(workspace: Workspace) -> tuple[Framework, ...]:
    rows = workspace.conn.execute("SELECT definition FROM frameworks ORDER BY id").fetchall()
    return tuple(_in_workspace(workspace, Framework.from_dict(json.loads(row[0]))) for row in rows)


def get_framework(workspace: Workspace, framework_id: str) -> Framework:
    row = workspace.conn.execute("SELECT definition FROM frameworks WHERE id = ?", (framework_id,)).fetchone()
    if row is None:
        raise KeyError(framework_id)
    monthly = (workspace.setting(MONTHLY_ROUNDS_SETTING) or "").casefold() in _ON
    return _framework(row[0], monthly, workspace.setting(THREE_LEVEL_POINTS_SETTING))


@lru_cache(maxsize=64)
def _framework(definition: str, monthly: bool, points: str | None) -> Framework:
    """A stored framework as this workspace's settings apply it, made once per text and settings: the same
    (immutable) Framework each time, which a report's scoring recognises by identity to reuse the rules it worked
    out from each criteria under it (domain/scoring.py, RuleCache)."""
    framework = Framework.from_dict(json.loads(definition))
    if monthly:
        framework = framework.with_monthly_rounds()
    if points:
        framework = framework.with_points(_points(points))
    return framework


def set_scoring_setting(workspace: Workspace, key: str, value: str, actor: str) -> None:
    """Change a workspace setting of SETTINGS: one transaction and one audit entry."""
    from .audit import append_audit

    if key not in SETTINGS:
        raise ProblemsError([Problem(
            th=f"ไม่รู้จักการตั้งค่า {key!r} (ที่มี: {', '.join(SETTINGS)})",
            en=f"unknown setting {key!r} (known: {', '.join(SETTINGS)})", field="setting")])
    value = _checked(key, value)
    before = workspace.setting(key)
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
        append_audit(conn, actor, "change setting", "setting", key, None if before is None else {"value": before},
                     {"value": value})


def _checked(key: str, value: str) -> str:
    if key == MONTHLY_ROUNDS_SETTING:
        text = value.strip().casefold()
        if text in _ON:
            return "on"
        if text in ("off", "0", "false", "no", "ปิด"):
            return "off"
        raise ProblemsError([Problem(th=f"{key} ต้องเป็น on หรือ off ได้ {value!r}",
                                     en=f"{key} must be on or off, got {value!r}", field="setting")])
    if key == THREE_LEVEL_POINTS_SETTING:
        try:
            points = _points(value)
            DEFAULT.with_points(points)
        except (ArithmeticError, ValueError):
            raise ProblemsError([Problem(
                th=f"{key} ต้องเป็นคะแนน 3 ค่าที่เพิ่มขึ้น เช่น 50,75,100 ได้ {value!r}",
                en=f"{key} must be 3 rising points such as 50,75,100, got {value!r}", field="setting")]) from None
        return ",".join(str(p) for p in points)
    return value


def framework_of_year(workspace: Workspace, fiscal_year: int) -> Framework:
    return framework_for_year(workspace_frameworks(workspace), fiscal_year)


def save_framework(workspace: Workspace, framework: Framework, actor: str) -> None:
    """Configure a framework setting (e.g. floor 0): one transaction and one audit entry."""
    from .audit import append_audit

    before = workspace.conn.execute(
        "SELECT definition FROM frameworks WHERE id = ?", (framework.id,)).fetchone()
    after = json.dumps(framework.to_dict(), ensure_ascii=False)
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO frameworks (id, definition) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET definition = excluded.definition", (framework.id, after))
        append_audit(conn, actor, "configure framework", "framework", framework.id,
                     None if before is None else json.loads(before[0]), framework.to_dict())
