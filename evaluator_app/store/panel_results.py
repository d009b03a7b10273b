"""The panel's result of an agreement and round from the workspace: members' ratings aggregated by the rule,
consensus values the chair enters, a member submitting their ratings, finalising and reopening, and what a
conflicted member may see."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..domain.aggregation import ConsensusValue, PanelResult, aggregate_panel
from ..domain.agreement import Agreement
from ..domain.framework import Framework
from ..domain.numbers import format4
from ..domain.panel import AggregationRule, Panel, Role, SubmissionState, chair_problem
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import SheetPlan
from .agreements import load_agreement
from .audit import append_audit, utc_now
from .evaluation import score_sheet
from .frameworks import get_framework
from .panel import (
    ResultState,
    Submission,
    editable_problem,
    require_panel,
    result_state,
    submission_state,
    submissions,
    write_submission,
)
from .ratings import StoredRating, evaluators_of, load_ratings
from .snapshots import issued_problem
from .versions import version_for_round
from .workspace import Workspace


def consensus_values(workspace: Workspace, agreement_id: int, round_: int) -> dict[str, ConsensusValue]:
    rows = workspace.conn.execute(
        "SELECT code, score, reason, entered_by FROM panel_consensus WHERE agreement_id = ? AND round = ?",
        (agreement_id, round_))
    return {r[0]: ConsensusValue(r[0], Decimal(r[1]), r[2], r[3]) for r in rows}


def enter_consensus(workspace: Workspace, agreement_id: int, code: str, round_: int, score: Decimal, reason: str,
                    *, by: str) -> ConsensusValue:
    """The chair records the score the meeting agreed for one indicator, with a reason: one transaction, audited."""
    panel = require_panel(workspace)
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    problems = [p for p in (chair_problem(panel, by, "บันทึกมติที่ประชุม", "enter a consensus value"),) if p]
    if not reason.strip():
        problems.append(Problem(th="มติที่ประชุมต้องระบุเหตุผล", en="a consensus value needs a reason (--reason)"))
    if code not in {i.code for i in stored.agreement.leaves()}:
        problems.append(Problem(th=f"ไม่มีตัวชี้วัดที่ให้คะแนน {code} ในคำรับรองนี้",
                                en=f"this agreement has no scored indicator {code}", indicator=code))
    if not (0 <= score <= framework.max_score):
        problems.append(Problem(th=f"คะแนนต้องอยู่ระหว่าง 0 ถึง {framework.max_score}",
                                en=f"a score lies between 0 and {framework.max_score}", indicator=code))
    if round_ not in framework.rounds:
        problems.append(Problem(th=f"ไม่มีรอบ {round_} เดือน", en=f"no round {round_}", field="round"))
    result = result_state(workspace.conn, agreement_id, round_)
    if result is not None and result.finalised:
        problems.append(Problem(th="ผลของคณะผู้ประเมินยุติแล้ว แก้ไขไม่ได้", en="the panel result is finalised"))
    issued = issued_problem(workspace.conn, agreement_id, round_)
    if issued is not None:
        problems.append(issued)
    if problems:
        raise ProblemsError(problems)
    value = ConsensusValue(code, score, reason.strip(), by)
    old = consensus_values(workspace, agreement_id, round_).get(code)
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO panel_consensus (agreement_id, code, round, score, reason, entered_by, entered_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id, code, round) DO UPDATE SET "
            "score = excluded.score, reason = excluded.reason, entered_by = excluded.entered_by, "
            "entered_at = excluded.entered_at",
            (agreement_id, code, round_, str(score), value.reason, by, utc_now()))
        append_audit(conn, by, "enter consensus", "consensus", f"{agreement_id}/{code}/{round_}",
                     None if old is None else {"score": str(old.score), "reason": old.reason},
                     {"score": str(score), "reason": value.reason})
    return value


def panel_result(workspace: Workspace, agreement_id: int, round_: int = 12) -> PanelResult:
    """Every counting member's scores, the spread and the panel figures and total of one agreement and round."""
    panel = require_panel(workspace)
    # The version in force for the round, as every other score sheet of that round uses.
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    state = result_state(workspace.conn, agreement_id, round_)
    ratings = {
        member.id: {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, member.id).items()}
        for member in panel.raters_for(stored.agreement.agency)
    }
    return panel_result_of(workspace, panel, stored.agreement, framework, state, ratings, agreement_id, round_)


def panel_result_of(workspace: Workspace, panel: Panel, agreement: Agreement, framework: Framework,
                    state: ResultState | None, ratings: Mapping[str, Mapping[str, Rating]], agreement_id: int,
                    round_: int, *, plan: SheetPlan | None = None) -> PanelResult:
    """`panel_result` from what the caller read already (a report reads the panel, the agreement of the round, its
    framework, the result's state and every evaluator's ratings of the round once for all it prints): `ratings` by
    evaluator, of which the counting members' are used; `plan`, the agreement's SheetPlan for the round, when the
    caller scores other sheets of it too."""
    if state is not None and state.finalised and state.rule is not panel.rule:
        # A finalised result keeps the rule it was finalised under, whatever the cycle's rule is now.
        panel = Panel(panel.id, panel.name, state.rule, panel.members, panel.conflicts, panel.declaration)
    members = {member.id: ratings.get(member.id, {}) for member in panel.raters_for(agreement.agency)}
    return aggregate_panel(panel, agreement, framework, members, round_,
                           consensus_values(workspace, agreement_id, round_), plan=plan)


def result_snapshot(result: PanelResult) -> dict[str, Any]:
    """The figures as finalised, for the audit log and the result row."""
    return {
        "rule": result.rule.value,
        "total": format4(result.total),
        "excluded": list(result.excluded),
        "indicators": {
            i.code: {"figure": None if i.figure is None else format4(i.figure),
                     "members": {m: None if s is None else format4(s) for m, s in i.member_scores}}
            for i in result.indicators if i.counted
        },
    }


def finalise(workspace: Workspace, agreement_id: int, round_: int = 12, *, by: str) -> PanelResult:
    """The chair closes the panel's result: afterwards no rating, consensus value or conflict of it changes.

    Refused while a counted indicator has no panel figure, or a counting member who has rated is still in draft.
    """
    panel = require_panel(workspace)
    result = panel_result(workspace, agreement_id, round_)
    problems = [p for p in (chair_problem(panel, by, "ยุติผลการประเมิน", "finalise the panel result"),) if p]
    state = result_state(workspace.conn, agreement_id, round_)
    if state is not None and state.finalised:
        problems.append(Problem(th="ผลของคณะผู้ประเมินยุติแล้ว", en="the panel result is already finalised"))
    if result.sheet.missing:
        problems.append(Problem(
            th=f"ยังไม่มีคะแนนของคณะสำหรับตัวชี้วัด {', '.join(result.sheet.missing)}",
            en=f"indicators {', '.join(result.sheet.missing)} have no panel figure yet"))
    submitted = {s.evaluator for s in submissions(workspace, agreement_id, round_) if s.submitted}
    rated = set(evaluators_of(workspace, agreement_id))
    drafts = [m for m in result.member_sheets if m in rated and m not in submitted]
    if drafts:
        problems.append(Problem(th=f"กรรมการ {', '.join(drafts)} ยังไม่ได้ส่งผลการประเมิน",
                                en=f"members {', '.join(drafts)} have not submitted their ratings"))
    if problems:
        raise ProblemsError(problems)
    snapshot = result_snapshot(result)
    with workspace.transaction() as conn:
        _write_result(conn, agreement_id, round_, True, result.rule, state.reopen_count if state else 0,
                      snapshot, by, None)
        append_audit(conn, by, "finalise panel result", "panel_result", f"{agreement_id}/{round_}",
                     None if state is None else {"finalised": False}, {"finalised": True, **snapshot})
    return result


def reopen_result(workspace: Workspace, agreement_id: int, round_: int = 12, *, by: str, reason: str) -> None:
    """The chair reopens a finalised result, with a reason that is logged."""
    panel = require_panel(workspace)
    problems = [p for p in (chair_problem(panel, by, "เปิดผลการประเมินที่ยุติแล้วใหม่", "reopen a finalised result"),)
                if p]
    if not reason.strip():
        problems.append(Problem(th="การเปิดใหม่ต้องระบุเหตุผล", en="reopening needs a reason (--reason)"))
    state = result_state(workspace.conn, agreement_id, round_)
    if state is None or not state.finalised:
        problems.append(Problem(th="ผลของคณะผู้ประเมินยังไม่ได้ยุติ", en="the panel result is not finalised"))
    if problems:
        raise ProblemsError(problems)
    assert state is not None
    with workspace.transaction() as conn:
        _write_result(conn, agreement_id, round_, False, state.rule, state.reopen_count + 1,
                      json.loads(state.snapshot) if state.snapshot else None, by, reason)
        append_audit(conn, by, "reopen panel result", "panel_result", f"{agreement_id}/{round_}",
                     {"finalised": True}, {"finalised": False, "reason": reason})


def _write_result(conn: Any, agreement_id: int, round_: int, finalised: bool, rule: AggregationRule,
                  reopen_count: int, snapshot: dict[str, Any] | None, by: str, reason: str | None) -> None:
    conn.execute(
        "INSERT INTO panel_results (agreement_id, round, finalised, rule, reopen_count, snapshot, changed_at, "
        "changed_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id, round) DO UPDATE SET "
        "finalised = excluded.finalised, rule = excluded.rule, reopen_count = excluded.reopen_count, "
        "snapshot = excluded.snapshot, changed_at = excluded.changed_at, changed_by = excluded.changed_by, "
        "reason = excluded.reason",
        (agreement_id, round_, int(finalised), rule.value, reopen_count,
         None if snapshot is None else json.dumps(snapshot, ensure_ascii=False), utc_now(), by, reason))


def visible_ratings(workspace: Workspace, agreement_id: int, round_: int, viewer: str
                    ) -> dict[str, dict[str, StoredRating]]:
    """The ratings of one agreement and round that `viewer` may see, by evaluator.

    A member with a conflict of interest with the agency sees only their own ratings and the agency's
    self-assessment; so does a member who has not yet submitted their own ratings of it (HotCRP's rule: nobody
    is swayed by the others before rating); everyone else sees all. Private notes are the viewer's own only.
    The window calls this for a member's own view.
    """
    panel = require_panel(workspace)
    agency = load_agreement(workspace, agreement_id).agreement.agency
    evaluators = set(evaluators_of(workspace, agreement_id)) | {SELF_ASSESSMENT}
    visible = panel.visible_evaluators(viewer, agency, evaluators)
    if not has_rated_own(workspace, agreement_id, round_, viewer):
        visible = tuple(e for e in visible if e in (viewer, SELF_ASSESSMENT))
    return {
        e: {code: s if e == viewer else replace(s, note=None)
            for code, s in load_ratings(workspace, agreement_id, round_, e).items()}
        for e in visible
    }


def has_rated_own(workspace: Workspace, agreement_id: int, round_: int, viewer: str) -> bool:
    """Whether `viewer` may see the other members' ratings of this agreement and round: as in HotCRP, whoever runs
    the panel (the chair, the secretary and her assistant, anyone not on it) sees them; a member once they have
    submitted their own."""
    panel = require_panel(workspace)
    if not panel.has_member(viewer) or panel.member(viewer).role is not Role.MEMBER:
        return True
    state = submission_state(workspace.conn, agreement_id, round_, viewer)
    return state is not None and state.submitted


def ratings_hidden_problem(workspace: Workspace, agreement_id: int, round_: int, viewer: str) -> Problem | None:
    """Why `viewer` may not see the panel's figures (every member's ratings) of this agreement yet, or None."""
    if has_rated_own(workspace, agreement_id, round_, viewer):
        return None
    return Problem(
        th=f"{viewer} ยังไม่ได้ส่งผลการประเมินของตนสำหรับคำรับรองนี้ (รอบ {round_} เดือน) จึงยังไม่เห็นผลของกรรมการคนอื่น",
        en=f"{viewer} has not submitted their own ratings of this agreement (round {round_}) yet, so the other "
           f"members' ratings stay hidden until they do")


def submit(workspace: Workspace, agreement_id: int, evaluator: str, round_: int = 12, *,
           declaration_accepted: bool, actor: str) -> Submission:
    """Move a member's ratings of one agreement and round from draft to submitted, with the declaration they
    confirmed. Refused unless the declaration is accepted and every counted indicator has a score."""
    panel = require_panel(workspace)
    stored = load_agreement(workspace, agreement_id)
    problems: list[Problem] = []
    if not panel.has_member(evaluator):
        problems.append(Problem(th=f"ไม่มีกรรมการรหัส {evaluator} ในคณะผู้ประเมิน",
                                en=f"no member {evaluator} on the panel"))
    elif not panel.member(evaluator).role.rates:
        problems.append(Problem(th=f"{evaluator} เป็นผู้ช่วยเลขานุการ ไม่ได้ให้คะแนน",
                                en=f"{evaluator} is the assistant secretary and does not rate"))
    conflict = panel.conflict(evaluator, stored.agreement.agency)
    if conflict is not None:
        problems.append(Problem(
            th=f"{evaluator} มีส่วนได้เสียกับ {conflict.agency} ({conflict.type.title_th}) จึงไม่ประเมินส่วนราชการนี้",
            en=f"{evaluator} has a conflict of interest with {conflict.agency} ({conflict.type.value}) and does "
               f"not evaluate it"))
    if not declaration_accepted:
        problems.append(Problem(
            th="ต้องยืนยันคำรับรองความเป็นอิสระและการรักษาความลับก่อนส่งผลการประเมิน:\n" + panel.declaration,
            en="confirm the declaration of independence and confidentiality before submitting "
               "(--accept-declaration)"))
    problem = editable_problem(workspace.conn, agreement_id, evaluator, round_)
    if problem is not None:
        problems.append(problem)
    if problems:
        raise ProblemsError(problems)
    sheet = score_sheet(workspace, agreement_id, round_, evaluator)
    if sheet.missing:
        raise ProblemsError([Problem(
            th=f"ยังไม่ได้ให้คะแนนตัวชี้วัด {', '.join(sheet.missing)} จึงยังส่งไม่ได้",
            en=f"indicators {', '.join(sheet.missing)} have no score yet, so the ratings cannot be submitted")])
    old = submission_state(workspace.conn, agreement_id, round_, evaluator)
    now = utc_now()
    new = Submission(agreement_id, round_, evaluator, SubmissionState.SUBMITTED,
                     old.reopen_count if old else 0, panel.declaration, now, now, actor, None)
    with workspace.transaction() as conn:
        write_submission(conn, new)
        append_audit(conn, actor, "submit ratings", "submission", f"{agreement_id}/{round_}/{evaluator}",
                     None if old is None else {"state": old.state.value},
                     {"state": new.state.value, "declaration": new.declaration, "reopen_count": new.reopen_count})
    return new
