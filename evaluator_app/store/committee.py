"""The committee without a panel (who it is, whose ratings are its figures, who signs) and the committee's
acceptances of the agency's reported results: the explicit, audited act that makes a reported result a committee
figure when the committee works by verifying the agency's results."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT
from .agreements import load_agreement
from .audit import append_audit, append_audits, utc_now
from .panel import load_panel
from .snapshots import assert_not_issued
from .workspace import Workspace

__all__ = [
    "MODELS",
    "Acceptance",
    "CommitteeSettings",
    "CommitteeSignatory",
    "accept_reported",
    "acceptances",
    "committee_settings",
    "set_committee",
    "withdraw_acceptances",
]

# How the committee column is made (the report prints which): the panel's figures under its rule; one evaluator
# chosen as the committee (no panel); or the committee verifying the agency's results (accept or adjust each).
MODELS = ("verified", "panel", "evaluator")
MODEL_KEY = "committee.model"
EVALUATOR_KEY = "committee.evaluator"
SIGNATORIES_KEY = "committee.signatories"


@dataclass(frozen=True)
class CommitteeSignatory:
    name: str
    position: str = ""
    role: str = ""


@dataclass(frozen=True)
class CommitteeSettings:
    """The workspace's committee when it has no panel."""

    model: str | None  # None: the panel when it rated the round, else "verified"
    evaluator: str | None  # the evaluator whose ratings are the committee's figures (model "evaluator")
    signatories: tuple[CommitteeSignatory, ...]  # who signs the report, in signing order


def committee_settings(workspace: Workspace) -> CommitteeSettings:
    model = workspace.setting(MODEL_KEY) or None
    evaluator = workspace.setting(EVALUATOR_KEY) or None
    try:
        people = json.loads(workspace.setting(SIGNATORIES_KEY) or "[]")
    except ValueError:  # written by hand outside the app: no names rather than a crash
        people = []
    signatories = tuple(CommitteeSignatory(str(p.get("name", "")), str(p.get("position", "")),
                                           str(p.get("role", ""))) for p in people if isinstance(p, dict))
    return CommitteeSettings(model if model in MODELS else None, evaluator, signatories)


_UNSET = object()


def set_committee(workspace: Workspace, *, actor: str, model: str | object | None = _UNSET,
                  evaluator: str | object | None = _UNSET,
                  signatories: Sequence[CommitteeSignatory] | object = _UNSET) -> CommitteeSettings:
    """Change the committee settings given (None clears one); one transaction, one audit entry."""
    problems: list[Problem] = []
    if isinstance(model, str) and model not in MODELS:
        problems.append(Problem(th=f"รูปแบบผลของคณะกรรมการต้องเป็น {', '.join(MODELS)} ได้ {model}",
                                en=f"the committee model must be one of {', '.join(MODELS)}, got {model}",
                                field="model"))
    if isinstance(evaluator, str) and (not evaluator.strip() or evaluator == SELF_ASSESSMENT):
        problems.append(Problem(th="ผู้ประเมินที่เป็นคณะกรรมการต้องไม่ใช่ส่วนราชการเอง (self)",
                                en="the committee's evaluator cannot be the agency's self-assessment (self)",
                                field="evaluator"))
    if isinstance(signatories, Sequence):
        for number, person in enumerate(signatories, start=1):
            if not isinstance(person, CommitteeSignatory) or not person.name.strip():
                problems.append(Problem(th=f"ผู้ลงนามคนที่ {number} ต้องมีชื่อ", en=f"signatory {number} needs a name",
                                        field="member"))
    if problems:
        raise ProblemsError(problems)
    before = committee_settings(workspace)
    values: dict[str, str | None] = {}
    if model is not _UNSET:
        values[MODEL_KEY] = model if isinstance(model, str) else None
    if evaluator is not _UNSET:
        values[EVALUATOR_KEY] = evaluator.strip() if isinstance(evaluator, str) else None
    if isinstance(signatories, Sequence):
        values[SIGNATORIES_KEY] = json.dumps(
            [{"name": p.name.strip(), "position": p.position.strip(), "role": p.role.strip()} for p in signatories],
            ensure_ascii=False)
    with workspace.transaction() as conn:
        for key, value in values.items():
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
        append_audit(conn, actor, "set committee", "settings", "committee", _audit_view(before),
                     {key.split(".", 1)[1]: value for key, value in values.items()})
    return committee_settings(workspace)


def _audit_view(settings: CommitteeSettings) -> dict[str, object]:
    return {"model": settings.model, "evaluator": settings.evaluator,
            "signatories": [p.name for p in settings.signatories]}


# --- acceptances ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Acceptance:
    """The committee accepted the agency's result of one indicator and round, as reported."""

    code: str
    result: Decimal  # the reported result that was accepted
    accepted_by: str
    accepted_at: str


def acceptances(conn: sqlite3.Connection, agreement_id: int, round_: int) -> dict[str, Acceptance]:
    rows = conn.execute("SELECT code, result, accepted_by, accepted_at FROM committee_acceptances "
                        "WHERE agreement_id = ? AND round = ?", (agreement_id, round_)).fetchall()
    return {r[0]: Acceptance(r[0], Decimal(r[1]), r[2], r[3]) for r in rows}


def _reported(workspace: Workspace, agreement_id: int, round_: int) -> dict[str, Decimal]:
    rows = workspace.conn.execute(
        "SELECT code, result FROM ratings WHERE agreement_id = ? AND round = ? AND evaluator = ? "
        "AND result IS NOT NULL", (agreement_id, round_, SELF_ASSESSMENT)).fetchall()
    return {r[0]: Decimal(r[1]) for r in rows}


def _actor_problem(workspace: Workspace, agency: str, actor: str) -> Problem | None:
    """With a panel only its members confirm figures: the committee's figures come from committee members."""
    panel = load_panel(workspace)
    if panel is None:
        return None
    if any(m.id == actor for m in panel.raters_for(agency)):
        return None
    return Problem(th=f"{actor} ไม่ใช่กรรมการผู้ประเมินของส่วนราชการนี้ จึงรับรองผลแทนคณะกรรมการไม่ได้ (ใช้ --as รหัสกรรมการ)",
                   en=f"{actor} is not a rating member of the panel for this agency, so cannot accept results for "
                      "the committee (use --as MEMBER_ID)", field="actor")


def accept_reported(workspace: Workspace, agreement_id: int, round_: int, codes: Sequence[str] | None, *,
                    actor: str) -> list[str]:
    """Accept the agency's reported results of `codes` (None: every counted indicator with a reported result not yet
    accepted) as the committee's figures; one transaction, one audit entry per indicator. The codes accepted."""
    from .versions import version_for_round

    agreement = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_)
                               ).agreement
    reported = _reported(workspace, agreement_id, round_)
    done = acceptances(workspace.conn, agreement_id, round_)
    problems: list[Problem] = []
    problem = _actor_problem(workspace, agreement.agency, actor)
    if problem is not None:
        problems.append(problem)
    chosen: list[str] = []
    if codes is None:
        chosen = [i.code for i in agreement.leaves() if i.counted_in(round_) and i.code in reported
                  and (i.code not in done or done[i.code].result != reported[i.code])]
        if not chosen and not problems:
            problems.append(Problem(th=f"ไม่มีผลที่ส่วนราชการรายงานซึ่งยังไม่ได้รับรองในรอบ {round_} เดือน",
                                    en=f"no reported result awaits acceptance in round {round_}", field="round"))
    else:
        known = {i.code: i for i in agreement.indicators}
        for code in codes:
            item = known.get(code)
            if item is None:
                problems.append(Problem(th=f"ไม่มีตัวชี้วัด {code} ในคำรับรองนี้", en=f"this agreement has no indicator "
                                        f"{code}", indicator=code))
            elif agreement.is_parent(code) or item.thresholds is None:
                problems.append(Problem(th=f"ตัวชี้วัด {code} มีตัวชี้วัดย่อย ให้รับรองที่ตัวชี้วัดย่อย",
                                        en=f"indicator {code} has sub-indicators: accept those", indicator=code))
            elif not item.counted_in(round_):
                problems.append(Problem(th=f"ตัวชี้วัด {code} ไม่นับในรอบ {round_} เดือน",
                                        en=f"indicator {code} is not counted in round {round_}", indicator=code))
            elif code not in reported:
                problems.append(Problem(th=f"ส่วนราชการยังไม่ได้รายงานผลตัวชี้วัด {code} จึงรับรองไม่ได้ (ปรับคะแนนพร้อมเหตุผลแทนได้)",
                                        en=f"the agency reported no result for {code}, so there is nothing to accept "
                                           "(adjust its score with a reason instead)", indicator=code))
            elif code not in chosen:
                chosen.append(code)
    if problems:
        raise ProblemsError(problems)
    assert_not_issued(workspace.conn, agreement_id, round_)
    now = utc_now()
    with workspace.transaction() as conn:
        conn.executemany(
            "INSERT INTO committee_acceptances (agreement_id, round, code, result, accepted_at, accepted_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id, round, code) DO UPDATE SET "
            "result = excluded.result, accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by",
            [(agreement_id, round_, code, str(reported[code]), now, actor) for code in chosen])
        append_audits(conn, [(actor, "accept reported result", "acceptance", f"{agreement_id}/{code}/{round_}",
                              None if code not in done else {"result": str(done[code].result)},
                              {"result": str(reported[code])}) for code in chosen])
    return chosen


def withdraw_acceptances(workspace: Workspace, agreement_id: int, round_: int, codes: Sequence[str], *,
                         actor: str) -> list[str]:
    """Take back acceptances (the indicator then has no committee figure until accepted or adjusted again)."""
    done = acceptances(workspace.conn, agreement_id, round_)
    missing = [code for code in codes if code not in done]
    if missing:
        raise ProblemsError([Problem(th=f"ตัวชี้วัด {code} ยังไม่ได้รับรอง", en=f"indicator {code} is not accepted",
                                     indicator=code) for code in missing])
    assert_not_issued(workspace.conn, agreement_id, round_)
    with workspace.transaction() as conn:
        conn.executemany("DELETE FROM committee_acceptances WHERE agreement_id = ? AND round = ? AND code = ?",
                         [(agreement_id, round_, code) for code in codes])
        append_audits(conn, [(actor, "withdraw acceptance", "acceptance", f"{agreement_id}/{code}/{round_}",
                              {"result": str(done[code].result)}, None) for code in codes])
    return list(codes)
