"""Merging a member's offline ratings into the master workspace (HotCRP's offline review rule): newer ratings are
applied and audited, older or diverged ones are kept out and listed as edit conflicts, a replay changes nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from ..domain.agreement import Agreement, Indicator
from ..domain.framework import Framework
from ..domain.panel import SubmissionState
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import Rating
from ..domain.scoring import result_problem
from .agreements import agreement_snapshot, find_agreement_id, load_agreement, load_agreements_in_force
from .audit import AuditItem, append_audit, append_audits, utc_now
from .frameworks import get_framework
from .panel import Submission, result_state, submission_state, write_submission
from .snapshots import issued_problem
from .versions import version_for_round
from .workspace import Workspace


def agreement_digest(agreement: Agreement) -> str:
    """A fingerprint of what members rate (agency, year, framework, indicators and criteria): the same on the
    secretary's and the members' laptops as long as they rate the same version. The parties are left out: they
    are edited after the panel package went out (`parties`), and a new signatory changes no rating."""
    content = {k: v for k, v in agreement_snapshot(agreement).items() if k != "parties"}
    snapshot = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(snapshot.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IncomingRating:
    """One rating as the member's laptop last saved it."""

    rating: Rating
    edit_version: int
    updated_at: str  # UTC ISO-8601 on the member's laptop


@dataclass(frozen=True)
class IncomingSubmission:
    round: int
    state: SubmissionState
    reopen_count: int
    declaration: str | None
    submitted_at: str | None


@dataclass(frozen=True)
class IncomingEvidence:
    code: str
    file_name: str
    sha256: str
    size: int
    added_at: str


@dataclass(frozen=True)
class IncomingAgreement:
    agency: str
    fiscal_year: int
    digest: str  # of the agreement the member rated
    ratings: tuple[IncomingRating, ...] = ()
    submissions: tuple[IncomingSubmission, ...] = ()
    evidence: tuple[IncomingEvidence, ...] = ()


@dataclass(frozen=True)
class MemberRatings:
    """What a verified evaluator package brings: whose, from which package, and their work by agreement."""

    package_id: str
    member_id: str
    created_at: str
    agreements: tuple[IncomingAgreement, ...]


@dataclass(frozen=True)
class AppliedChange:
    agency: str
    fiscal_year: int
    code: str
    round: int
    before: dict[str, Any] | None
    after: dict[str, Any]


@dataclass(frozen=True)
class MergeConflict:
    """A change the package brought that was not applied, with why; the secretary reviews these."""

    agency: str
    fiscal_year: int
    round: int
    code: str | None  # None: about the submission, not one rating
    th: str
    en: str
    stored: dict[str, Any] | None = None
    incoming: dict[str, Any] | None = None

    def __str__(self) -> str:
        where = f"{self.agency} {self.fiscal_year}, round {self.round}" + (f", {self.code}" if self.code else "")
        return f"{where}: {self.th} / {self.en}"


@dataclass
class MergeReport:
    package_id: str
    member_id: str
    already_imported: bool = False
    applied: list[AppliedChange] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)
    submitted: list[tuple[str, int, int]] = field(default_factory=list)  # (agency, year, round)
    evidence_recorded: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package_id,
            "member": self.member_id,
            "already_imported": self.already_imported,
            "applied": [vars(c) for c in self.applied],
            "unchanged": self.unchanged,
            "conflicts": [vars(c) for c in self.conflicts],
            "submitted": [list(s) for s in self.submitted],
            "evidence_recorded": self.evidence_recorded,
        }


def imported_package(conn: sqlite3.Connection, package_id: str) -> str | None:
    """When this package was merged before, or None."""
    row = conn.execute("SELECT imported_at FROM panel_packages WHERE id = ?", (package_id,)).fetchone()
    return None if row is None else str(row[0])


def record_package(conn: sqlite3.Connection, package_id: str, kind: str, member_id: str | None, created_at: str,
                   actor: str, summary: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO panel_packages (id, kind, member_id, created_at, imported_at, imported_by, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (package_id, kind, member_id, created_at, utc_now(), actor, json.dumps(summary, ensure_ascii=False)))


def _rating_values(rating: Rating) -> dict[str, str | None]:
    return {"result": None if rating.result is None else str(rating.result),
            "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
            "adjust_reason": rating.adjust_reason, "comment": rating.comment}


@dataclass
class _Plan:
    # (agreement id, version id, rating, stored values before, incoming values)
    writes: list[tuple[int, int, IncomingRating, dict[str, Any] | None, dict[str, str | None]]] = field(
        default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    evidence: list[tuple[int, IncomingEvidence]] = field(default_factory=list)


def merge_member_ratings(workspace: Workspace, incoming: MemberRatings, *, actor: str) -> MergeReport:
    """Apply a verified evaluator package to the master: all in one transaction, every applied change audited.

    The package's signature, panel and member are checked by the caller; this refuses (writing nothing) a
    package whose agreements or ratings do not fit the workspace, and otherwise sorts each rating into applied,
    unchanged or conflict.
    """
    report = MergeReport(incoming.package_id, incoming.member_id)
    if imported_package(workspace.conn, incoming.package_id) is not None:
        report.already_imported = True
        return report
    plan = _plan(workspace, incoming, report)
    member = incoming.member_id
    with workspace.transaction() as conn:
        # The same rows and the same audit chain as writing and auditing one rating at a time, in one executemany
        # each: a package carries some 17,000 ratings, and a statement per rating per step was most of a merge.
        conn.executemany(_WRITE_RATING, [
            (agreement_id, item.rating.code, item.rating.round, member, version_id, *values.values(),
             item.edit_version, item.updated_at, member)
            for agreement_id, version_id, item, _, values in plan.writes])
        audits: list[AuditItem] = [
            (member, "merge rating", "rating", f"{agreement_id}/{item.rating.code}/{item.rating.round}/{member}",
             before, {**values, "edit_version": item.edit_version, "edited_at": item.updated_at,
                      "package": incoming.package_id, "imported_by": actor})
            for agreement_id, _, item, before, values in plan.writes]
        for submission in plan.submissions:
            write_submission(conn, submission)
            audits.append((member, "merge submission", "submission",
                           f"{submission.agreement_id}/{submission.round}/{submission.evaluator}", None,
                           {"state": submission.state.value, "declaration": submission.declaration,
                            "submitted_at": submission.submitted_at, "reopen_count": submission.reopen_count,
                            "package": incoming.package_id, "imported_by": actor}))
        for agreement_id, evidence in plan.evidence:
            conn.execute(
                "INSERT INTO evidence (agreement_id, code, evaluator, file_name, sha256, size, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (agreement_id, evidence.code, member, evidence.file_name, evidence.sha256,
                 evidence.size, evidence.added_at))
            audits.append((member, "merge evidence hash", "evidence", f"{agreement_id}/{evidence.code}/{member}",
                           None, {"file_name": evidence.file_name, "sha256": evidence.sha256,
                                  "size": evidence.size, "package": incoming.package_id, "imported_by": actor}))
        append_audits(conn, audits)
        summary = {"applied": len(report.applied), "unchanged": report.unchanged,
                   "conflicts": len(report.conflicts), "submitted": len(report.submitted),
                   "evidence": report.evidence_recorded}
        record_package(conn, incoming.package_id, "evaluator", member, incoming.created_at, actor, summary)
        append_audit(conn, actor, "import evaluator package", "package", incoming.package_id, None,
                     {**summary, "member": member, "conflict_list": [str(c) for c in report.conflicts]})
    return report


def _plan(workspace: Workspace, incoming: MemberRatings, report: MergeReport) -> _Plan:
    """Decide every change before writing any, so a refusal leaves the workspace untouched."""
    conn = workspace.conn
    plan = _Plan()
    problems: list[Problem] = []
    ids = {(block.agency, block.fiscal_year): find_agreement_id(workspace, block.agency, block.fiscal_year)
           for block in incoming.agreements}
    # The agreements in force, read together rather than four queries for each of some 300 blocks.
    preloaded = load_agreements_in_force(workspace, [i for i in ids.values() if i is not None])
    for block in incoming.agreements:
        agreement_id = ids[(block.agency, block.fiscal_year)]
        if agreement_id is None:
            problems.append(Problem(
                th=f"ไม่มีคำรับรองของ {block.agency} ปี {block.fiscal_year} ในพื้นที่ทำงานนี้",
                en=f"the package rates {block.agency} {block.fiscal_year}, which is not in this workspace"))
            continue
        stored_in_force = preloaded.get(agreement_id) or load_agreement(workspace, agreement_id)
        in_force = stored_in_force.agreement
        stale = agreement_digest(in_force) != block.digest
        framework = get_framework(workspace, in_force.framework_id or "")
        conflicted_rounds: set[int] = set()
        # A package carries every indicator of three rounds: load each version once (the in-force one is loaded
        # already), the member's stored ratings of this agreement in one query, and each round's lock once; the
        # plan writes nothing, so none of these change while it decides.
        versions: dict[int, tuple[Agreement, dict[str, Indicator]]] = {
            stored_in_force.version_id: (in_force, _by_code(in_force))}
        by_round: dict[int, tuple[int, tuple[Agreement, dict[str, Indicator]]]] = {}
        locks: dict[int, tuple[str, str] | None] = {}
        stored_rows = {(row[0], row[1]): row[2:] for row in conn.execute(
            "SELECT code, round, result, adjusted_score, adjust_reason, comment, edit_version, updated_at "
            "FROM ratings WHERE agreement_id = ? AND evaluator = ?", (agreement_id, incoming.member_id))}
        for item in block.ratings:
            round_ = item.rating.round
            if round_ not in by_round:
                version_id = version_for_round(conn, agreement_id, round_)
                if version_id not in versions:
                    loaded = load_agreement(workspace, agreement_id, version_id).agreement
                    versions[version_id] = (loaded, _by_code(loaded))
                by_round[round_] = (version_id, versions[version_id])
            version_id, (agreement, indicators) = by_round[round_]
            problems.extend(_rating_problems(agreement, framework, item.rating, block, indicators))
            values = _rating_values(item.rating)
            verdict = _compare(conn, agreement_id, incoming.member_id, item, stale, values,
                               stored_rows.get((item.rating.code, round_)), locks)
            if verdict is None:
                report.unchanged += 1
            elif isinstance(verdict, MergeConflict):
                report.conflicts.append(replace(verdict, agency=block.agency, fiscal_year=block.fiscal_year))
                conflicted_rounds.add(round_)
            else:
                before = verdict if verdict else None
                plan.writes.append((agreement_id, version_id, item, before, values))
                report.applied.append(AppliedChange(block.agency, block.fiscal_year, item.rating.code, round_,
                                                    before, dict(values)))
        for submission in block.submissions:
            decided = _submission_verdict(conn, agreement_id, incoming.member_id, submission,
                                          submission.round in conflicted_rounds)
            if isinstance(decided, MergeConflict):
                report.conflicts.append(replace(decided, agency=block.agency, fiscal_year=block.fiscal_year))
            elif decided is not None:
                plan.submissions.append(decided)
                report.submitted.append((block.agency, block.fiscal_year, submission.round))
        known = {r[0] for r in conn.execute(
            "SELECT code || '/' || sha256 FROM evidence WHERE agreement_id = ? AND evaluator = ?",
            (agreement_id, incoming.member_id))}
        for evidence in block.evidence:
            if f"{evidence.code}/{evidence.sha256}" not in known:
                known.add(f"{evidence.code}/{evidence.sha256}")
                plan.evidence.append((agreement_id, evidence))
                report.evidence_recorded += 1
    if problems:
        raise ProblemsError(problems)
    return plan


def _by_code(agreement: Agreement) -> dict[str, Indicator]:
    """agreement.indicator(code) as a dict: the first indicator of each code, as that method finds."""
    found: dict[str, Indicator] = {}
    for item in agreement.indicators:
        found.setdefault(item.code, item)
    return found


def _rating_problems(agreement: Agreement, framework: Framework, rating: Rating,
                     block: IncomingAgreement, indicators: dict[str, Indicator] | None = None) -> list[Problem]:
    where = {"indicator": rating.code}
    try:
        indicator = agreement.indicator(rating.code) if indicators is None else indicators[rating.code]
    except KeyError:
        return [Problem(th=f"{block.agency}: ไม่มีตัวชี้วัด {rating.code}",
                        en=f"{block.agency} has no indicator {rating.code}", **where)]
    if rating.round not in framework.rounds:
        return [Problem(th=f"ไม่มีรอบ {rating.round} เดือน", en=f"no round {rating.round}", **where)]
    if rating.result is not None:
        problem = result_problem(indicator, rating.result, framework)
        if problem is not None:
            return [problem]
    if rating.adjusted_score is not None and not (0 <= rating.adjusted_score <= framework.max_score):
        return [Problem(th=f"คะแนนที่ปรับต้องอยู่ระหว่าง 0 ถึง {framework.max_score}",
                        en=f"an adjusted score lies between 0 and {framework.max_score}", **where)]
    return []


def _compare(conn: sqlite3.Connection, agreement_id: int, member: str, item: IncomingRating, stale: bool,
             values: dict[str, str | None], row: tuple | None, locks: dict[int, tuple[str, str] | None]
             ) -> MergeConflict | dict[str, Any] | None:
    """None: unchanged. A dict (empty for a new rating): apply, with the stored values as `before`.
    A MergeConflict: keep what is stored and list why.

    `values` are the incoming rating's (_rating_values); `row` is the stored (result, adjusted_score,
    adjust_reason, comment, edit_version, updated_at), None when nothing is stored; `locks` keeps each round's
    lock decision across the calls of one agreement."""
    rating = item.rating
    if row is not None and (row[0] == values["result"] and row[1] == values["adjusted_score"]
                            and row[2] == values["adjust_reason"] and row[3] == values["comment"]):
        return None
    incoming = {**values, "edit_version": item.edit_version, "updated_at": item.updated_at}
    stored = None if row is None else {"result": row[0], "adjusted_score": row[1], "adjust_reason": row[2],
                                       "comment": row[3], "edit_version": int(row[4]), "updated_at": row[5]}
    if stale:
        return MergeConflict("", 0, rating.round, rating.code,
                             "ให้คะแนนตามคำรับรองฉบับอื่น (ไม่ใช่ฉบับที่ใช้บังคับในพื้นที่ทำงานนี้)",
                             "rated against another version of the agreement than the one in force here",
                             stored, incoming)
    if rating.round not in locks:
        locks[rating.round] = _locked(conn, agreement_id, member, rating.round)
    problem = locks[rating.round]
    if problem is not None:
        return MergeConflict("", 0, rating.round, rating.code, problem[0], problem[1], stored, incoming)
    if stored is None:
        return {}
    if item.edit_version > stored["edit_version"] and item.updated_at >= stored["updated_at"]:
        return {k: stored[k] for k in values}
    if item.edit_version <= stored["edit_version"]:
        th = (f"ฉบับที่นำเข้าเก่ากว่าที่บันทึกไว้ (รุ่น {item.edit_version} เทียบกับรุ่น {stored['edit_version']}) "
              "จึงไม่นำมาใช้")
        en = (f"older than the stored rating (edit version {item.edit_version}, stored {stored['edit_version']}): "
              "not applied")
    else:
        th = "เวลาที่แก้ไขเก่ากว่าที่บันทึกไว้ จึงไม่นำมาใช้"
        en = f"edited at {item.updated_at}, before the stored rating's {stored['updated_at']}: not applied"
    return MergeConflict("", 0, rating.round, rating.code, th, en, stored, incoming)


def _locked(conn: sqlite3.Connection, agreement_id: int, member: str, round_: int) -> tuple[str, str] | None:
    issued = issued_problem(conn, agreement_id, round_)
    if issued is not None:
        return (f"{issued.th} จึงไม่นำมาใช้", f"{issued.en}: not applied")
    result = result_state(conn, agreement_id, round_)
    if result is not None and result.finalised:
        return ("ผลของคณะผู้ประเมินยุติแล้ว จึงไม่นำมาใช้", "the panel result is finalised: not applied")
    state = submission_state(conn, agreement_id, round_, member)
    if state is not None and state.submitted:
        return ("ผลที่ส่งแล้วในพื้นที่ทำงานหลักต่างจากนี้ ประธานต้องเปิดใหม่ก่อน",
                "differs from the ratings already submitted here; the chair must reopen them first")
    return None


def _submission_verdict(conn: sqlite3.Connection, agreement_id: int, member: str, item: IncomingSubmission,
                        ratings_conflict: bool) -> MergeConflict | Submission | None:
    if item.state is not SubmissionState.SUBMITTED:
        return None  # a draft on the member's laptop never takes back a submission here
    stored = submission_state(conn, agreement_id, item.round, member)
    stored_count = 0 if stored is None else stored.reopen_count
    if stored is not None and stored.submitted and stored.reopen_count == item.reopen_count:
        return None
    result = result_state(conn, agreement_id, item.round)
    if result is not None and result.finalised:
        return MergeConflict("", 0, item.round, None, "ผลของคณะผู้ประเมินยุติแล้ว ไม่รับการส่งผลนี้",
                             "the panel result is finalised: this submission is not applied")
    if item.reopen_count < stored_count:
        return MergeConflict(
            "", 0, item.round, None,
            f"ส่งก่อนที่ประธานจะเปิดใหม่ (ครั้งที่ {stored_count}) กรรมการต้องนำเข้าชุดข้อมูลคณะผู้ประเมินล่าสุด แก้ไข และส่งใหม่",
            f"submitted before the chair reopened it (reopening {stored_count}); the member imports the latest "
            f"panel package, revises and submits again")
    if ratings_conflict:
        return MergeConflict("", 0, item.round, None, "ไม่รับการส่งผล เพราะมีผลการประเมินที่ขัดกันในรอบนี้",
                             "the submission is not applied because ratings of this round conflict")
    if stored is not None and stored.submitted:
        return MergeConflict("", 0, item.round, None, "ส่งผลไว้แล้วในพื้นที่ทำงานหลัก",
                             "already submitted here under another reopening count")
    return Submission(agreement_id, item.round, member, SubmissionState.SUBMITTED, item.reopen_count,
                      item.declaration, item.submitted_at, utc_now(), member, None)


# The member's own edit version and time are kept, so the next package compares against what they last sent.
# The master's private note for this row (if any) stays: notes never travel.
_WRITE_RATING = """
    INSERT INTO ratings (agreement_id, code, round, evaluator, version_id, result, adjusted_score,
                         adjust_reason, comment, note, edit_version, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
    ON CONFLICT (agreement_id, code, round, evaluator) DO UPDATE SET
        version_id = excluded.version_id, result = excluded.result, adjusted_score = excluded.adjusted_score,
        adjust_reason = excluded.adjust_reason, comment = excluded.comment,
        edit_version = excluded.edit_version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
    """
