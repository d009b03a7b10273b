"""Edit conflicts between a member's offline ratings and the master: each rating's revision hash, the revisions a
member's laptop already sent, and the conflicts the secretary resolves (keep hers, or take the member's).

A revision hash names one state of one rating and how it came to be (values, edit counter, time and author), and is
computed the same on both laptops, because the master stores a merged rating with the member's own counter, time
and author. A member's package says which revisions its edits were based on; when the master's current revision is
none of them, someone else changed the rating there: a conflict, never a silent overwrite.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..domain.problems import Problem, ProblemsError
from .audit import append_audit, utc_now
from .panel import editable_problem
from .snapshots import issued_problem
from .versions import version_for_round
from .workspace import Workspace

VALUE_FIELDS = ("result", "adjusted_score", "adjust_reason", "comment")


def rating_revision(evaluator: str, code: str, round_: int, values: dict[str, Any], edit_version: int,
                    updated_at: str) -> str:
    """The hash of one state of a rating: what it says, and which edit (counter and time) made it. Who typed it
    is left out: a member's laptop records the login name of whoever ran the command, the master the member."""
    # Each field as a JSON string (or null) in a fixed order: unambiguous, and a merge hashes some 17,000 of these
    # per package, so without the general encoder.
    fields = (evaluator, code, str(round_), *(values.get(k) for k in VALUE_FIELDS), str(edit_version), updated_at)
    text = "[" + ",".join("null" if f is None else _quote(str(f)) for f in fields) + "]"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_quote = json.encoder.encode_basestring  # a str as json.dumps(..., ensure_ascii=False) writes it


def stored_revision(row: tuple[Any, ...] | None, evaluator: str, code: str, round_: int) -> str | None:
    """The revision of a stored row (result, adjusted_score, adjust_reason, comment, edit_version, updated_at, ...),
    or None when nothing is stored."""
    if row is None:
        return None
    values = dict(zip(VALUE_FIELDS, row[:4], strict=True))
    return rating_revision(evaluator, code, round_, values, int(row[4]), str(row[5]))


# --- on a member's laptop: what was sent ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SentHistory:
    """What a member already sent of one rating: the revisions in order, and the last one's values."""

    revisions: tuple[str, ...]
    last_values: dict[str, Any] | None

    @property
    def base(self) -> str | None:
        return self.revisions[-1] if self.revisions else None


def sent_histories(conn: sqlite3.Connection, agreement_id: int, evaluator: str
                   ) -> dict[tuple[str, int], SentHistory]:
    found: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for code, round_, revision, values in conn.execute(
            "SELECT code, round, revision, value_json FROM package_sent_revisions "
            "WHERE agreement_id = ? AND evaluator = ? ORDER BY seq", (agreement_id, evaluator)):
        found.setdefault((code, int(round_)), []).append((revision, values))
    return {key: SentHistory(tuple(r for r, _ in items), json.loads(items[-1][1]))
            for key, items in found.items()}


def record_sent(workspace: Workspace, evaluator: str,
                sent: list[tuple[int, str, int, str, dict[str, Any]]], *, package_id: str) -> None:
    """Remember the revisions a package carried: (agreement id, code, round, revision, values)."""
    if not sent:
        return
    now = utc_now()
    with workspace.transaction() as conn:
        row = conn.execute("SELECT coalesce(max(seq), 0) FROM package_sent_revisions").fetchone()
        start = int(row[0]) + 1
        conn.executemany(
            "INSERT INTO package_sent_revisions (agreement_id, code, round, evaluator, revision, seq, value_json, "
            "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(agreement_id, code, round_, evaluator, revision, start + i,
              json.dumps(values, ensure_ascii=False, sort_keys=True), now)
             for i, (agreement_id, code, round_, revision, values) in enumerate(sent)])
        append_audit(conn, evaluator, "export evaluator package", "package", package_id, None,
                     {"ratings": len(sent)})


# --- on the master: conflicts ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RatingConflict:
    id: int
    agreement_id: int
    agency: str
    fiscal_year: int
    code: str
    round: int
    evaluator: str
    package_id: str
    kind: str  # edit | older | locked | stale
    stored: dict[str, Any] | None
    stored_revision: str | None
    stored_author: str | None
    incoming: dict[str, Any]
    incoming_revision: str
    incoming_author: str
    th: str
    en: str
    status: str  # open | kept | taken
    found_at: str
    resolved_at: str | None
    resolved_by: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


_COLUMNS = ("c.id, c.agreement_id, a.agency, a.fiscal_year, c.code, c.round, c.evaluator, c.package_id, c.kind, "
            "c.stored_json, c.stored_revision, c.stored_author, c.incoming_json, c.incoming_revision, "
            "c.incoming_author, c.reason_th, c.reason_en, c.status, c.found_at, c.resolved_at, c.resolved_by")


def _conflict(row: tuple[Any, ...]) -> RatingConflict:
    return RatingConflict(int(row[0]), int(row[1]), row[2], int(row[3]), row[4], int(row[5]), row[6], row[7],
                          row[8], None if row[9] is None else json.loads(row[9]), row[10], row[11],
                          json.loads(row[12]), row[13], row[14], row[15], row[16], row[17], row[18], row[19],
                          row[20])


def list_conflicts(workspace: Workspace, *, include_resolved: bool = False) -> list[RatingConflict]:
    sql = (f"SELECT {_COLUMNS} FROM rating_conflicts c JOIN agreements a ON a.id = c.agreement_id"
           + ("" if include_resolved else " WHERE c.status = 'open'") + " ORDER BY c.id")
    return [_conflict(r) for r in workspace.conn.execute(sql)]


def get_conflict(workspace: Workspace, conflict_id: int) -> RatingConflict:
    row = workspace.conn.execute(f"SELECT {_COLUMNS} FROM rating_conflicts c JOIN agreements a "
                                 "ON a.id = c.agreement_id WHERE c.id = ?", (conflict_id,)).fetchone()
    if row is None:
        raise ProblemsError([Problem(th=f"ไม่มีรายการขัดกันหมายเลข {conflict_id}",
                                     en=f"no edit conflict number {conflict_id} (see: panel conflicts)")])
    return _conflict(row)


def dismissed_revisions(conn: sqlite3.Connection, agreement_id: int, evaluator: str) -> set[tuple[str, int, str]]:
    """(code, round, incoming revision) the secretary has already decided on (kept hers, or took it), or that
    wait for her decision: the same package content does not raise the same conflict twice."""
    return {(r[0], int(r[1]), r[2]) for r in conn.execute(
        "SELECT code, round, incoming_revision FROM rating_conflicts WHERE agreement_id = ? AND evaluator = ?",
        (agreement_id, evaluator))}


def insert_conflicts(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Rows of (agreement_id, code, round, evaluator, package_id, kind, stored, stored_revision, stored_author,
    incoming, incoming_revision, incoming_author, th, en), inside the merge's transaction."""
    now = utc_now()
    conn.executemany(
        "INSERT INTO rating_conflicts (agreement_id, code, round, evaluator, package_id, kind, stored_json, "
        "stored_revision, stored_author, incoming_json, incoming_revision, incoming_author, reason_th, reason_en, "
        "found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*r[:6], None if r[6] is None else json.dumps(r[6], ensure_ascii=False, sort_keys=True), r[7], r[8],
          json.dumps(r[9], ensure_ascii=False, sort_keys=True), *r[10:14], now) for r in rows])


def _current_row(conn: sqlite3.Connection, item: RatingConflict) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT result, adjusted_score, adjust_reason, comment, edit_version, updated_at, updated_by FROM ratings "
        "WHERE agreement_id = ? AND code = ? AND round = ? AND evaluator = ?",
        (item.agreement_id, item.code, item.round, item.evaluator)).fetchone()
    return row


def resolve_conflict(workspace: Workspace, conflict_id: int, *, take_theirs: bool, actor: str) -> RatingConflict:
    """The secretary's decision: keep the master's value (the member's stays out, and the same content from them is
    not raised again), or take the member's value (written with their edit counter, time and author, so their
    next package continues from it). One transaction, audited."""
    item = get_conflict(workspace, conflict_id)
    if item.status != "open":
        raise ProblemsError([Problem(
            th=f"รายการขัดกันหมายเลข {conflict_id} ตัดสินแล้ว ({item.status}) โดย {item.resolved_by}",
            en=f"edit conflict {conflict_id} was already resolved ({item.status}) by {item.resolved_by}")])
    conn = workspace.conn
    if take_theirs:
        problems = []
        if item.kind == "stale":
            problems.append(Problem(
                th="กรรมการให้คะแนนตามคำรับรองฉบับอื่น จึงใช้ค่านั้นไม่ได้ กรรมการต้องนำเข้าชุดข้อมูลคณะผู้ประเมินล่าสุดแล้วให้คะแนนใหม่",
                en="the member rated another version of the agreement, so their value cannot be taken; they import "
                   "the latest panel package and rate again", indicator=item.code))
        current = stored_revision(_current_row(conn, item), item.evaluator, item.code, item.round)
        if current != item.stored_revision:
            problems.append(Problem(
                th="ค่าในพื้นที่ทำงานหลักเปลี่ยนไปหลังพบรายการขัดกันนี้ ใช้รายการที่ใหม่กว่า",
                en="the master's value changed after this conflict was found; resolve the newer conflict instead",
                indicator=item.code))
        for problem in (issued_problem(conn, item.agreement_id, item.round),
                        editable_problem(conn, item.agreement_id, item.evaluator, item.round)):
            if problem is not None:
                problems.append(problem)
        if problems:
            raise ProblemsError(problems)
    status = "taken" if take_theirs else "kept"
    now = utc_now()
    with workspace.transaction() as conn:
        if take_theirs:
            incoming = item.incoming
            conn.execute(
                "INSERT INTO ratings (agreement_id, code, round, evaluator, version_id, result, adjusted_score, "
                "adjust_reason, comment, note, edit_version, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?) "
                "ON CONFLICT (agreement_id, code, round, evaluator) DO UPDATE SET version_id = excluded.version_id, "
                "result = excluded.result, "
                "adjusted_score = excluded.adjusted_score, adjust_reason = excluded.adjust_reason, "
                "comment = excluded.comment, edit_version = excluded.edit_version, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                (item.agreement_id, item.code, item.round, item.evaluator,
                 version_for_round(conn, item.agreement_id, item.round),
                 *(incoming.get(k) for k in VALUE_FIELDS), int(incoming["edit_version"]),
                 incoming["updated_at"], item.incoming_author))
        conn.execute("UPDATE rating_conflicts SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?",
                     (status, now, actor, conflict_id))
        append_audit(conn, actor, "resolve edit conflict", "rating",
                     f"{item.agreement_id}/{item.code}/{item.round}/{item.evaluator}",
                     item.stored, {"decision": "take theirs" if take_theirs else "keep mine",
                                   "conflict": conflict_id, "package": item.package_id,
                                   **({k: item.incoming.get(k) for k in VALUE_FIELDS} if take_theirs else {})})
    return get_conflict(workspace, conflict_id)
