"""The panel in the workspace: members and their keys, conflicts of interest, the declaration, each member's
submission state, and the guard that keeps submitted and finalised ratings read-only."""

from __future__ import annotations

import base64
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from ..domain.panel import (
    DEFAULT_DECLARATION,
    DEFAULT_PANEL_NAME,
    AggregationRule,
    ConflictOfInterest,
    ConflictType,
    Panel,
    PanelMember,
    Role,
    Signatory,
    SubmissionState,
    chair_problem,
    panel_problems,
)
from ..domain.problems import Problem, ProblemsError
from .agreements import load_agreement
from .audit import append_audit, utc_now
from .workspace import Workspace


class NotEditable(ProblemsError):
    """A rating that may not change now: its member submitted it, or the panel result is finalised."""


@dataclass(frozen=True)
class Submission:
    """A member's state for one agreement and round."""

    agreement_id: int
    round: int
    evaluator: str
    state: SubmissionState
    reopen_count: int  # how often the chair reopened it; a package submitted under an older count is stale
    declaration: str | None  # the text the member confirmed, kept with the submission
    submitted_at: str | None
    changed_at: str
    changed_by: str
    reason: str | None  # the chair's reason for the last reopen

    @property
    def submitted(self) -> bool:
        return self.state is SubmissionState.SUBMITTED


@dataclass(frozen=True)
class ResultState:
    """Whether the chair finalised the panel's result for one agreement and round."""

    agreement_id: int
    round: int
    finalised: bool
    rule: AggregationRule  # the rule in force when finalised, so a later change of rule cannot alter it
    reopen_count: int
    snapshot: str | None  # the figures as finalised (JSON)
    changed_at: str
    changed_by: str
    reason: str | None


def _refuse(th: str, en: str, **where: Any) -> ProblemsError:
    return ProblemsError([Problem(th=th, en=en, **where)])


# --- the panel and its members ---------------------------------------------------------------------------------

def encode_key(public_key: bytes | None) -> str | None:
    return None if public_key is None else base64.b64encode(public_key).decode("ascii")


def decode_key(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)


def load_panel(workspace: Workspace) -> Panel | None:
    """The workspace's panel with its members and conflicts, or None when none is set up."""
    conn = workspace.conn
    head = conn.execute("SELECT id, name, rule, declaration FROM panel LIMIT 1").fetchone()
    if head is None:
        return None
    members = tuple(
        PanelMember(id=r[0], name=r[1], position=r[2], role=Role(r[3]), order=int(r[4]), public_key=decode_key(r[5]))
        for r in conn.execute("SELECT id, name, position, role, ord, public_key FROM panel_members "
                              "WHERE panel_id = ? ORDER BY ord, id", (head[0],))
    )
    conflicts = tuple(
        ConflictOfInterest(member_id=r[0], agency=r[1], type=ConflictType(r[2]), reason=r[3])
        for r in conn.execute("SELECT member_id, agency, type, reason FROM panel_conflicts ORDER BY agency, member_id")
    )
    return Panel(id=head[0], name=head[1], rule=AggregationRule(head[2]), members=members, conflicts=conflicts,
                 declaration=head[3])


def require_panel(workspace: Workspace) -> Panel:
    panel = load_panel(workspace)
    if panel is None:
        raise _refuse("พื้นที่ทำงานนี้ยังไม่มีคณะผู้ประเมิน เพิ่มกรรมการก่อน (panel add-member) หรือนำเข้าชุดข้อมูลคณะผู้ประเมิน",
                      "this workspace has no panel yet: add members (panel add-member) or import a panel package")
    return panel


def create_panel(workspace: Workspace, name: str = DEFAULT_PANEL_NAME, *, actor: str,
                 rule: AggregationRule = AggregationRule.MEAN, panel_id: str | None = None,
                 declaration: str = DEFAULT_DECLARATION) -> Panel:
    """Set up the workspace's panel (one per workspace); a member's laptop takes the id from the panel package."""
    existing = load_panel(workspace)
    if existing is not None:
        raise _refuse(f"พื้นที่ทำงานนี้มีคณะผู้ประเมิน '{existing.name}' อยู่แล้ว",
                      f"this workspace already has the panel '{existing.name}' ({existing.id})")
    panel = Panel(id=panel_id or str(uuid.uuid4()), name=name.strip() or DEFAULT_PANEL_NAME, rule=rule,
                  declaration=declaration)
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO panel (id, name, rule, declaration, created_at) VALUES (?, ?, ?, ?, ?)",
                     (panel.id, panel.name, panel.rule.value, panel.declaration, utc_now()))
        append_audit(conn, actor, "create panel", "panel", panel.id, None,
                     {"name": panel.name, "rule": panel.rule.value})
    return panel


def ensure_panel(workspace: Workspace, *, actor: str) -> Panel:
    return load_panel(workspace) or create_panel(workspace, actor=actor)


def member_snapshot(member: PanelMember) -> dict[str, Any]:
    return {"name": member.name, "position": member.position, "role": member.role.value, "order": member.order,
            "public_key": encode_key(member.public_key), "fingerprint": member.fingerprint}


def save_member(workspace: Workspace, member: PanelMember, *, actor: str) -> PanelMember:
    """Add a member, or change one's name, position, role, order or public key: one transaction, audited.

    The first member sets up the workspace's panel with the default name, in the same transaction.
    """
    panel = load_panel(workspace) or Panel(id="", name=DEFAULT_PANEL_NAME)
    old = next((m for m in panel.members if m.id == member.id), None)
    if old is not None and member.public_key is None:
        member = PanelMember(member.id, member.name, member.role, member.position, member.order, old.public_key)
    others = tuple(m for m in panel.members if m.id != member.id)
    problems = panel_problems(Panel(panel.id, panel.name, panel.rule, (*others, member), panel.conflicts))
    if problems:
        raise ProblemsError(problems)
    if old == member:
        return member
    with workspace.transaction() as conn:
        panel_id = ensure_panel(workspace, actor=actor).id
        conn.execute(
            "INSERT INTO panel_members (id, panel_id, name, position, role, ord, public_key, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "position = excluded.position, role = excluded.role, ord = excluded.ord, public_key = excluded.public_key",
            (member.id, panel_id, member.name, member.position, member.role.value, member.order,
             encode_key(member.public_key), utc_now()))
        append_audit(conn, actor, "add panel member" if old is None else "change panel member", "panel_member",
                     member.id, None if old is None else member_snapshot(old), member_snapshot(member))
    return member


def remove_member(workspace: Workspace, member_id: str, *, actor: str, reason: str) -> None:
    """Take a member off the panel; their recorded ratings stay, but no longer count or sign."""
    panel = require_panel(workspace)
    if not panel.has_member(member_id):
        raise _refuse(f"ไม่มีกรรมการรหัส {member_id}", f"no member {member_id} on the panel")
    if not reason.strip():
        raise _refuse("ต้องระบุเหตุผล", "a reason is needed to remove a member")
    old = panel.member(member_id)
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM panel_members WHERE id = ?", (member_id,))
        append_audit(conn, actor, "remove panel member", "panel_member", member_id, member_snapshot(old),
                     {"reason": reason})


def declare_conflict(workspace: Workspace, conflict: ConflictOfInterest, *, actor: str) -> None:
    """Record (or change) a member's conflict of interest with an agency.

    Refused while a result of that agency is finalised: the conflict changes who counts, so the chair reopens first.
    """
    panel = require_panel(workspace)
    if not panel.has_member(conflict.member_id):
        raise _refuse(f"ไม่มีกรรมการรหัส {conflict.member_id}", f"no member {conflict.member_id} on the panel")
    _refuse_if_agency_finalised(workspace, conflict.agency)
    old = panel.conflict(conflict.member_id, conflict.agency)
    if old == conflict:
        return
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO panel_conflicts (member_id, agency, type, reason, recorded_at, recorded_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, agency) DO UPDATE SET type = excluded.type, "
            "reason = excluded.reason, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by",
            (conflict.member_id, conflict.agency, conflict.type.value, conflict.reason, utc_now(), actor))
        append_audit(conn, actor, "declare conflict of interest", "panel_conflict",
                     f"{conflict.member_id}/{conflict.agency}",
                     None if old is None else {"type": old.type.value, "reason": old.reason},
                     {"type": conflict.type.value, "reason": conflict.reason})


def withdraw_conflict(workspace: Workspace, member_id: str, agency: str, *, actor: str, reason: str) -> None:
    panel = require_panel(workspace)
    old = panel.conflict(member_id, agency)
    if old is None:
        return
    if not reason.strip():
        raise _refuse("ต้องระบุเหตุผลในการยกเลิก", "withdrawing a conflict of interest needs a reason")
    _refuse_if_agency_finalised(workspace, agency)
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM panel_conflicts WHERE member_id = ? AND agency = ?", (member_id, agency))
        append_audit(conn, actor, "withdraw conflict of interest", "panel_conflict", f"{member_id}/{agency}",
                     {"type": old.type.value, "reason": old.reason}, {"withdrawn": reason})


def _refuse_if_agency_finalised(workspace: Workspace, agency: str) -> None:
    row = workspace.conn.execute(
        "SELECT r.agreement_id, r.round FROM panel_results r JOIN agreements a ON a.id = r.agreement_id "
        "WHERE a.agency = ? AND r.finalised = 1 LIMIT 1", (agency,)).fetchone()
    if row is not None:
        raise _refuse(f"ผลการประเมินของ {agency} (รอบ {row[1]} เดือน) ยุติแล้ว ประธานต้องเปิดใหม่ก่อน",
                      f"the panel result of {agency} (round {row[1]}) is finalised; the chair must reopen it first")


def set_rule(workspace: Workspace, rule: AggregationRule, *, actor: str) -> None:
    """The cycle's aggregation rule; results already finalised keep the rule they were finalised under."""
    panel = ensure_panel(workspace, actor=actor)
    if panel.rule is rule:
        return
    with workspace.transaction() as conn:
        conn.execute("UPDATE panel SET rule = ? WHERE id = ?", (rule.value, panel.id))
        append_audit(conn, actor, "set aggregation rule", "panel", panel.id, {"rule": panel.rule.value},
                     {"rule": rule.value})


def set_declaration(workspace: Workspace, text: str, *, actor: str) -> None:
    """Edit the declaration of independence and confidentiality; submissions keep the text they confirmed."""
    if not text.strip():
        raise _refuse("ข้อความคำรับรองความเป็นอิสระต้องไม่ว่าง", "the declaration text must not be empty")
    panel = ensure_panel(workspace, actor=actor)
    if text == panel.declaration:
        return
    with workspace.transaction() as conn:
        conn.execute("UPDATE panel SET declaration = ? WHERE id = ?", (text, panel.id))
        append_audit(conn, actor, "edit declaration", "panel", panel.id, {"declaration": panel.declaration},
                     {"declaration": text})


def signatories_for(workspace: Workspace, agreement_id: int) -> tuple[Signatory, ...]:
    """Who signs this agreement's evaluation report: the panel in signing order, less conflicted members."""
    panel = load_panel(workspace)
    if panel is None:
        return ()
    return panel.signatories_for(load_agreement(workspace, agreement_id).agreement)


# --- submission states and the guard ---------------------------------------------------------------------------

def _submission(row: tuple[Any, ...]) -> Submission:
    return Submission(int(row[0]), int(row[1]), row[2], SubmissionState(row[3]), int(row[4]), row[5], row[6],
                      row[7], row[8], row[9])


_SUBMISSION_COLUMNS = ("agreement_id, round, evaluator, state, reopen_count, declaration, submitted_at, changed_at, "
                       "changed_by, reason")


def submission_state(conn: sqlite3.Connection, agreement_id: int, round_: int, evaluator: str) -> Submission | None:
    row = conn.execute(f"SELECT {_SUBMISSION_COLUMNS} FROM panel_submissions "
                       "WHERE agreement_id = ? AND round = ? AND evaluator = ?",
                       (agreement_id, round_, evaluator)).fetchone()
    return None if row is None else _submission(row)


def submissions(workspace: Workspace, agreement_id: int, round_: int | None = None) -> list[Submission]:
    sql = f"SELECT {_SUBMISSION_COLUMNS} FROM panel_submissions WHERE agreement_id = ?"
    args: list[Any] = [agreement_id]
    if round_ is not None:
        sql += " AND round = ?"
        args.append(round_)
    return [_submission(r) for r in workspace.conn.execute(sql + " ORDER BY round, evaluator", args)]


def result_state(conn: sqlite3.Connection, agreement_id: int, round_: int) -> ResultState | None:
    row = conn.execute(
        "SELECT agreement_id, round, finalised, rule, reopen_count, snapshot, changed_at, changed_by, reason "
        "FROM panel_results WHERE agreement_id = ? AND round = ?", (agreement_id, round_)).fetchone()
    if row is None:
        return None
    return ResultState(int(row[0]), int(row[1]), bool(row[2]), AggregationRule(row[3]), int(row[4]), row[5],
                       row[6], row[7], row[8])


def editable_problem(conn: sqlite3.Connection, agreement_id: int, evaluator: str, round_: int) -> Problem | None:
    """Why this evaluator's rating of this agreement and round may not change now, or None when it may."""
    result = result_state(conn, agreement_id, round_)
    if result is not None and result.finalised:
        return Problem(
            th=f"ผลการประเมินของคณะผู้ประเมิน (รอบ {round_} เดือน) ยุติแล้ว แก้ไขไม่ได้ ประธานต้องเปิดใหม่พร้อมเหตุผล",
            en=f"the panel result for round {round_} is finalised and read-only; the chair must reopen it with a "
               f"reason")
    submission = submission_state(conn, agreement_id, round_, evaluator)
    if submission is not None and submission.submitted:
        return Problem(
            th=f"ผลการประเมินของ {evaluator} (รอบ {round_} เดือน) ส่งแล้ว แก้ไขไม่ได้ ประธานต้องเปิดใหม่พร้อมเหตุผล",
            en=f"the ratings of {evaluator} for round {round_} are submitted and read-only; only the chair can "
               f"reopen them, with a reason")
    return None


def assert_editable(conn: sqlite3.Connection, agreement_id: int, evaluator: str, round_: int) -> None:
    """Raise NotEditable when a rating may not change: the ratings path calls this before every write."""
    problem = editable_problem(conn, agreement_id, evaluator, round_)
    if problem is not None:
        raise NotEditable([problem])


def write_submission(conn: sqlite3.Connection, item: Submission) -> None:
    """Store a submission state as given; callers check the transition and audit it in the same transaction."""
    conn.execute(
        f"INSERT INTO panel_submissions ({_SUBMISSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (agreement_id, round, evaluator) DO UPDATE SET state = excluded.state, "
        "reopen_count = excluded.reopen_count, declaration = excluded.declaration, "
        "submitted_at = excluded.submitted_at, changed_at = excluded.changed_at, changed_by = excluded.changed_by, "
        "reason = excluded.reason",
        (item.agreement_id, item.round, item.evaluator, item.state.value, item.reopen_count, item.declaration,
         item.submitted_at, item.changed_at, item.changed_by, item.reason))


def reopen_submission(workspace: Workspace, agreement_id: int, evaluator: str, round_: int = 12, *, by: str,
                      reason: str) -> Submission:
    """The chair returns a member's submitted ratings to draft, with a reason that is logged."""
    panel = require_panel(workspace)
    problems = [p for p in (chair_problem(panel, by, "เปิดผลการประเมินที่ส่งแล้วใหม่", "reopen submitted ratings"),) if p]
    if not reason.strip():
        problems.append(Problem(th="การเปิดใหม่ต้องระบุเหตุผล", en="reopening needs a reason (--reason)"))
    old = submission_state(workspace.conn, agreement_id, round_, evaluator)
    if old is None or not old.submitted:
        problems.append(Problem(th=f"ผลการประเมินของ {evaluator} (รอบ {round_} เดือน) ยังไม่ได้ส่ง",
                                en=f"the ratings of {evaluator} for round {round_} are not submitted"))
    result = result_state(workspace.conn, agreement_id, round_)
    if result is not None and result.finalised:
        problems.append(Problem(th="ผลของคณะผู้ประเมินยุติแล้ว ต้องเปิดผลของคณะใหม่ก่อน",
                                en="the panel result is finalised; reopen the panel result first"))
    if problems:
        raise ProblemsError(problems)
    assert old is not None
    new = Submission(agreement_id, round_, evaluator, SubmissionState.DRAFT, old.reopen_count + 1,
                     old.declaration, old.submitted_at, utc_now(), by, reason)
    with workspace.transaction() as conn:
        write_submission(conn, new)
        append_audit(conn, by, "reopen ratings", "submission", f"{agreement_id}/{round_}/{evaluator}",
                     {"state": old.state.value, "reopen_count": old.reopen_count},
                     {"state": new.state.value, "reopen_count": new.reopen_count, "reason": reason})
    return new
