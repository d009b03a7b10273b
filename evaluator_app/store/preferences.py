"""A workspace's own settings that the window and the command line share: who is using this laptop (the member, or
a name when there is no panel) and the clock times are shown and printed on."""

from __future__ import annotations

from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT
from ..domain.thai_dates import DEFAULT_ZONE, set_display_zone, zone_named
from .audit import append_audit
from .panel import load_panel
from .workspace import Workspace

EVALUATOR_SETTING = "current_evaluator"
TIME_ZONE_SETTING = "time_zone"
MAX_NAME = 120  # a person's full name with titles (ศาสตราจารย์ ดร. …) fits


def chosen_evaluator(workspace: Workspace) -> str | None:
    """Who was chosen as the person using this workspace, or None when nobody was chosen yet."""
    value = workspace.setting(EVALUATOR_SETTING)
    return value.strip() if value and value.strip() else None


def identity_problem(workspace: Workspace, ident: str) -> Problem | None:
    """Why `ident` cannot be the person using this workspace: with a panel, one of its members who rates; without
    one, a name that is not blank, not reserved and not too long."""
    ident = ident.strip()
    if not ident:
        return Problem(th="ยังไม่ได้ระบุชื่อผู้ใช้งาน", en="no name was given", field="evaluator")
    if ident == SELF_ASSESSMENT:
        return Problem(th=f"'{SELF_ASSESSMENT}' สงวนไว้สำหรับผลการประเมินตนเองของส่วนราชการ",
                       en=f"'{SELF_ASSESSMENT}' is reserved for the agency's self-assessment", field="evaluator")
    if len(ident) > MAX_NAME or any(ord(c) < 32 for c in ident):
        return Problem(th=f"ชื่อยาวเกิน {MAX_NAME} ตัวอักษรหรือมีอักขระควบคุม",
                       en=f"the name is longer than {MAX_NAME} characters or holds control characters",
                       field="evaluator")
    panel = load_panel(workspace)
    if panel is not None and panel.members and not panel.has_member(ident):
        return Problem(th=f"'{ident}' ไม่ใช่กรรมการในคณะผู้ประเมินของพื้นที่ทำงานนี้",
                       en=f"'{ident}' is not a member of this workspace's panel", field="evaluator")
    return None


def choose_evaluator(workspace: Workspace, ident: str, *, actor: str | None = None) -> str:
    """Record who uses this workspace from now on (ratings typed in the window go under this id); audited."""
    ident = ident.strip()
    problem = identity_problem(workspace, ident)
    if problem is not None:
        raise ProblemsError([problem])
    before = chosen_evaluator(workspace)
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (EVALUATOR_SETTING, ident))
        append_audit(conn, actor or ident, "choose evaluator", "settings", EVALUATOR_SETTING, before, ident)
    return ident


def time_zone(workspace: Workspace) -> str:
    """The zone times are shown and printed in for this workspace: Asia/Bangkok unless set otherwise."""
    name = (workspace.setting(TIME_ZONE_SETTING) or "").strip()
    try:
        zone_named(name)
    except ValueError:  # a zone this computer does not know (an old tzdata): the default, never a crash
        return DEFAULT_ZONE
    return name or DEFAULT_ZONE


def set_time_zone(workspace: Workspace, name: str, *, actor: str) -> str:
    name = name.strip() or DEFAULT_ZONE
    try:
        zone_named(name)
    except ValueError as exc:
        raise ProblemsError([Problem(th=f"ไม่รู้จักเขตเวลา '{name}' ใช้ชื่อเช่น {DEFAULT_ZONE}",
                                     en=f"unknown time zone '{name}'; use a name such as {DEFAULT_ZONE}",
                                     field="time_zone")]) from exc
    before = workspace.setting(TIME_ZONE_SETTING)
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (TIME_ZONE_SETTING, name))
        append_audit(conn, actor, "set time zone", "settings", TIME_ZONE_SETTING, before, name)
    apply_time_zone(workspace)
    return name


def apply_time_zone(workspace: Workspace) -> str:
    """Show and print every time of this process on the workspace's clock; the zone's name."""
    name = time_zone(workspace)
    set_display_zone(name)
    return name


def rating_names(workspace: Workspace) -> list[str]:
    """Who has recorded ratings in this workspace besides the agency: the names to offer when there is no panel."""
    rows = workspace.conn.execute("SELECT DISTINCT evaluator FROM ratings WHERE evaluator NOT IN (?, 'panel') "
                                  "ORDER BY evaluator", (SELF_ASSESSMENT,))
    return [str(r[0]) for r in rows]
