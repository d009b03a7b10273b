"""Recording results and scores: one transaction and one audit entry per change, with an edit version."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ..domain.agreement import Agreement
from ..domain.display_text import MAX_TEXT_CHARS, text_too_long
from ..domain.framework import Framework
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import result_problem
from .agreements import StoredAgreement, load_agreement
from .audit import AuditItem, append_audits, utc_now
from .frameworks import get_framework
from .panel import assert_editable
from .snapshots import assert_not_issued
from .versions import version_for_round
from .workspace import Workspace


class EditConflict(Exception):
    """The stored rating changed since the editor read it; the newer value is kept."""


@dataclass(frozen=True)
class StoredRating:
    rating: Rating
    edit_version: int
    updated_at: str
    updated_by: str
    note: str | None


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def record_rating(workspace: Workspace, agreement_id: int, rating: Rating, *, actor: str,
                  note: str | None = None, expected_version: int | None = None) -> int:
    """Save one rating (result, adjusted score, comment, private note); return its new edit version.

    The result is checked against the indicator of the version in force before anything is written.
    `expected_version` guards against overwriting a newer edit (offline packages, two windows).
    """
    return record_ratings(workspace, agreement_id, [(rating, note, expected_version)], actor=actor)[0]


def record_ratings(workspace: Workspace, agreement_id: int,
                   items: Sequence[tuple[Rating, str | None, int | None]], *, actor: str,
                   only_version: StoredAgreement | None = None) -> list[int]:
    """Save several ratings of one agreement in one transaction: (rating, private note, expected version).

    `only_version`: the agreement's one and only version, when the caller has just stored it (an import adds an
    agreement and its self-assessment together); it is what every round scores against, so it is not read back.
    """
    # A rating is checked against, and names, the version in force for its round: after a revision from round 9
    # a 6-month result still belongs to the version agreed before it.
    if not items:
        return []
    in_force: dict[int, StoredAgreement] = {
        round_: only_version if only_version is not None else
        load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
        for round_ in {rating.round for rating, _, _ in items}
    }
    framework = get_framework(workspace, next(iter(in_force.values())).agreement.framework_id or "")
    problems = [p for rating, _, _ in items
                for p in _rating_problems(in_force[rating.round].agreement, framework, rating)]
    if problems:
        raise ProblemsError(problems)
    versions: list[int] = []
    now = utc_now()
    with workspace.transaction() as conn:
        # One agreement's ratings: the stored rows of each (evaluator, round) are read once, editability and issue
        # state checked once each (nothing written here changes them), and the audit entries appended together
        # at the end: the same rows and the same chain as one statement after another, in far fewer statements.
        stored_rows: dict[tuple[str, int], dict[str, tuple[Any, ...]]] = {}
        editable: set[tuple[str, int]] = set()
        not_issued: set[int] = set()
        audits: list[AuditItem] = []
        rows: list[tuple[Any, ...]] = []
        for rating, note, expected_version in items:
            sheet = (rating.evaluator, rating.round)
            if sheet not in editable:
                assert_editable(conn, agreement_id, rating.evaluator, rating.round)  # submitted/finalised: read-only
                editable.add(sheet)
            if sheet not in stored_rows:
                stored_rows[sheet] = {row[0]: row[1:] for row in conn.execute(
                    "SELECT code, result, adjusted_score, adjust_reason, comment, note, edit_version, "
                    "confirmed_warning FROM ratings WHERE agreement_id = ? AND round = ? AND evaluator = ?",
                    (agreement_id, rating.round, rating.evaluator))}
            versions.append(_write_rating(in_force[rating.round].version_id, agreement_id, rating, note,
                                          expected_version, actor, now, stored_rows[sheet], not_issued, audits,
                                          rows, conn))
        conn.executemany(_UPSERT, rows)
        append_audits(conn, audits)
    return versions


def rating_problems(workspace: Workspace, agreement_id: int, ratings: Sequence[Rating]) -> list[list[Problem]]:
    """What `record_ratings` would refuse in each of these ratings (an empty list: it would be taken), checked
    against the version in force for its round as a write checks it; nothing is written.

    A paste of many results writes those taken, in one transaction, and names the others with their reasons.
    """
    if not ratings:
        return []
    in_force = {round_: load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
                for round_ in {rating.round for rating in ratings}}
    framework = get_framework(workspace, next(iter(in_force.values())).agreement.framework_id or "")
    return [_rating_problems(in_force[rating.round].agreement, framework, rating) for rating in ratings]


def _rating_problems(agreement: Agreement, framework: Framework, rating: Rating) -> list[Problem]:
    try:
        indicator = agreement.indicator(rating.code)
    except KeyError:
        return [Problem(
            th=f"ไม่มีตัวชี้วัด {rating.code} ในคำรับรองนี้",
            en=f"this agreement has no indicator {rating.code}", indicator=rating.code)]
    for field, text in (("comment", rating.comment), ("adjust_reason", rating.adjust_reason)):
        if text_too_long(text):
            # An xlsx cell holds 32,767 characters: refused now, never cut silently on export.
            return [Problem(
                th=f"ข้อความยาว {len(text or ''):,} ตัวอักษร เกิน {MAX_TEXT_CHARS:,} ที่เซลล์ Excel เก็บได้",
                en=f"the text is {len(text or ''):,} characters long, more than the {MAX_TEXT_CHARS:,} an Excel "
                   f"cell holds", indicator=rating.code, field=field)]
    if rating.round not in framework.rounds:
        rounds = ", ".join(str(r) for r in framework.rounds)
        return [Problem(
            th=f"รอบการประเมินต้องเป็น {rounds} เดือน ได้ {rating.round}",
            en=f"the round must be one of {rounds} (months), got {rating.round}", field="round")]
    if rating.result is not None:
        problem = result_problem(indicator, rating.result, framework)
        if problem is not None:
            return [problem]
    if rating.adjusted_score is not None and not (0 <= rating.adjusted_score <= framework.max_score):
        return [Problem(
            th=f"คะแนนที่ปรับต้องอยู่ระหว่าง 0 ถึง {framework.max_score}",
            en=f"an adjusted score must lie between 0 and {framework.max_score}",
            indicator=rating.code, field="adjusted_score")]
    return []


# The rating's row, inserted or updated in place (its id stays; the edit version counts the changes).
_UPSERT = """
    INSERT INTO ratings (agreement_id, code, round, evaluator, version_id, result, adjusted_score,
                         adjust_reason, comment, note, edit_version, updated_at, updated_by, confirmed_warning)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (agreement_id, code, round, evaluator) DO UPDATE SET
        version_id = excluded.version_id, result = excluded.result,
        adjusted_score = excluded.adjusted_score, adjust_reason = excluded.adjust_reason,
        comment = excluded.comment, note = excluded.note, edit_version = excluded.edit_version,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by,
        confirmed_warning = excluded.confirmed_warning
    """


def _write_rating(version_id: int, agreement_id: int, rating: Rating, note: str | None,
                  expected_version: int | None, actor: str, now: str, stored: dict[str, tuple[Any, ...]],
                  not_issued: set[int], audits: list[AuditItem], rows: list[tuple[Any, ...]],
                  conn: sqlite3.Connection) -> int:
    """Decide one rating's write; `stored` holds the sheet's rows by code (kept current here), `not_issued` the
    rounds already checked; the row goes to `rows` and the audit entry to `audits`, for the caller to write."""
    key = (agreement_id, rating.code, rating.round, rating.evaluator)
    row = stored.get(rating.code)  # result, adjusted_score, adjust_reason, comment, note, edit_version, warning
    before = None
    if row is not None:
        before = {"result": row[0], "adjusted_score": row[1], "adjust_reason": row[2], "comment": row[3]}
        if row[6] is not None:
            before["confirmed_warning"] = row[6]
        if expected_version is not None and row[5] != expected_version:
            raise EditConflict(
                f"ผลของตัวชี้วัด {rating.code} ถูกแก้ไขแล้ว (รุ่น {row[5]}) / the rating of {rating.code} "
                f"was changed since it was read (version {row[5]}, expected {expected_version})")
    after = {"result": _text(rating.result), "adjusted_score": _text(rating.adjusted_score),
             "adjust_reason": rating.adjust_reason, "comment": rating.comment}
    warning = _kept_warning(rating, row)
    if warning is not None:  # in the audit entry only when there is one: entries without stay as they were
        after["confirmed_warning"] = warning
    if before != after and rating.round not in not_issued:
        assert_not_issued(conn, agreement_id, rating.round)  # an issued report's results change only after reopening
        not_issued.add(rating.round)
    edit_version = 1 if row is None else int(row[5]) + 1
    rows.append((*key, version_id, after["result"], after["adjusted_score"], rating.adjust_reason,
                 rating.comment, note, edit_version, now, actor, warning))
    stored[rating.code] = (after["result"], after["adjusted_score"], rating.adjust_reason, rating.comment, note,
                           edit_version, warning)
    if before != after or (row is not None and row[4] != note):
        # The private note is audited as changed but its text stays out of the log: it is never exported.
        audits.append((actor, "record rating", "rating",
                       f"{agreement_id}/{rating.code}/{rating.round}/{rating.evaluator}", before, after))
    return edit_version


def _kept_warning(rating: Rating, row: tuple[Any, ...] | None) -> str | None:
    """The warning stored with the result: the one the rating brings, or, while the result stays the same, the one
    confirmed before (a comment edited, or an import that repeats the result, does not forget it)."""
    if rating.confirmed_warning is not None or row is None or row[0] != _text(rating.result):
        return rating.confirmed_warning
    return None if row[6] is None else str(row[6])


def with_adjustment(base: Rating, score: Decimal | None, reason: str | None) -> Rating:
    """A rating with the committee's adjusted score set (or, with None, removed); the reason goes with it."""
    if score is not None and not (reason or "").strip():
        raise ProblemsError([Problem(
            th="คะแนนที่ปรับต้องระบุเหตุผล", en="an adjusted score needs a reason", indicator=base.code,
            field="reason")])
    return replace(base, adjusted_score=score, adjust_reason=reason.strip() if score is not None and reason else None)


def adjust_score(workspace: Workspace, agreement_id: int, code: str, round_: int, evaluator: str,
                 score: Decimal | None, reason: str | None, *, actor: str) -> int:
    """The committee adjusts (or, with None, clears) one indicator's score, keeping the computed one beside it:
    what `evaluator-app adjust` and the window's Ctrl+J do. One transaction and one audit entry."""
    from .versions import version_for_round

    agreement = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    if code in {i.code for i in agreement.agreement.indicators} and agreement.agreement.is_parent(code):
        raise ProblemsError([Problem(
            th=f"ตัวชี้วัด {code} เป็นตัวชี้วัดหลัก คะแนนมาจากตัวชี้วัดย่อย จึงปรับไม่ได้",
            en=f"indicator {code} is a parent: its score comes from its sub-indicators and cannot be adjusted",
            indicator=code)])
    stored = load_ratings(workspace, agreement_id, round_, evaluator).get(code)
    base = stored.rating if stored is not None else Rating(code=code, round=round_, evaluator=evaluator)
    return record_rating(workspace, agreement_id, with_adjustment(base, score, reason), actor=actor,
                         note=None if stored is None else stored.note)


def load_ratings(workspace: Workspace, agreement_id: int, round_: int,
                 evaluator: str = SELF_ASSESSMENT) -> dict[str, StoredRating]:
    rows = workspace.conn.execute(
        "SELECT code, result, adjusted_score, adjust_reason, comment, edit_version, updated_at, updated_by, note, "
        "confirmed_warning FROM ratings WHERE agreement_id = ? AND round = ? AND evaluator = ?",
        (agreement_id, round_, evaluator)).fetchall()
    return {
        r[0]: StoredRating(
            rating=Rating(
                code=r[0], round=round_, evaluator=evaluator,
                result=None if r[1] is None else Decimal(r[1]),
                adjusted_score=None if r[2] is None else Decimal(r[2]),
                adjust_reason=r[3], comment=r[4], confirmed_warning=r[9]),
            edit_version=int(r[5]), updated_at=r[6], updated_by=r[7], note=r[8])
        for r in rows
    }


def ratings_of_round(workspace: Workspace, agreement_id: int, round_: int) -> dict[str, dict[str, Rating]]:
    """Every evaluator's ratings of one agreement and round, by evaluator then code, in one query: what a report
    reads (the agency's, each member's) instead of one `load_ratings` per evaluator, several times over. Each
    evaluator's ratings come in the order `load_ratings` gives them (its index, row id within an evaluator)."""
    rows = workspace.conn.execute(
        "SELECT evaluator, code, result, adjusted_score, adjust_reason, comment, confirmed_warning FROM ratings "
        "WHERE agreement_id = ? AND round = ? ORDER BY evaluator, id", (agreement_id, round_)).fetchall()
    by_evaluator: dict[str, dict[str, Rating]] = {}
    for evaluator, code, result, adjusted, reason, comment, warning in rows:
        ratings = by_evaluator.get(evaluator)
        if ratings is None:
            ratings = by_evaluator[evaluator] = {}
        ratings[code] = Rating(code=code, round=round_, evaluator=evaluator,
                               result=None if result is None else Decimal(result),
                               adjusted_score=None if adjusted is None else Decimal(adjusted),
                               adjust_reason=reason, comment=comment, confirmed_warning=warning)
    return by_evaluator


def evaluators_of(workspace: Workspace, agreement_id: int) -> list[str]:
    rows = workspace.conn.execute(
        "SELECT DISTINCT evaluator FROM ratings WHERE agreement_id = ? ORDER BY evaluator", (agreement_id,))
    return [r[0] for r in rows]


def result_checks(workspace: Workspace, agreement_id: int, round_: int, code: str, result: Decimal) -> list[Problem]:
    """The checks while typing (domain/plausibility.py) of a result for this indicator, against the version in force
    for the round: refusals first, then warnings. An unknown code or round gives none: recording names it."""
    from ..domain.plausibility import check_result

    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    if round_ not in framework.rounds or code not in {i.code for i in stored.agreement.indicators}:
        return []
    return check_result(stored.agreement.indicator(code), result, framework)
