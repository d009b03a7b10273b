"""Sealed reports in the workspace: frozen snapshots of what each paper shows (canonical JSON and its SHA-256), the
issued state of an agreement's round with reopening, and the certificates report signatures are checked against."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.panel import chair_problem
from ..domain.problems import Problem, ProblemsError
from .audit import append_audit, utc_now
from .panel import load_panel
from .workspace import Workspace

__all__ = [
    "KIND_AGREEMENT",
    "KIND_EVALUATION",
    "KIND_SUMMARY",
    "IssueState",
    "ReportIssued",
    "SignerRecord",
    "Snapshot",
    "agreement_scope",
    "assert_not_issued",
    "audit_head",
    "canonical_json",
    "content_hash",
    "evaluation_scope",
    "freeze_snapshot",
    "get_snapshot",
    "issue_state",
    "issued_problem",
    "latest_snapshot",
    "mark_issued",
    "reopen_report",
    "save_signer",
    "signer_records",
    "snapshots_with_prefix",
    "summary_scope",
]

KIND_EVALUATION = "evaluation"
KIND_AGREEMENT = "agreement"
KIND_SUMMARY = "summary"

_SNAPSHOT_COLUMNS = ("id, kind, scope, agreement_id, fiscal_year, round, revision, created_at, created_by, sha256, "
                     "json, number")


def canonical_json(content: Mapping[str, Any]) -> str:
    """The one text of a snapshot: sorted keys, no spaces, UTF-8 kept as is. Its hash is the report's seal.

    Values are strings, integers, booleans, None, lists and dicts only (decimals as the text printed), so the same
    figures always give the same bytes, on any machine.
    """
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def content_hash(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def audit_head(conn: sqlite3.Connection) -> str:
    """The hash of the newest audit entry: printed on an issued report, so the log can be checked against it."""
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return str(row[0]) if row else "0" * 64


def evaluation_scope(agreement_id: int, round_: int) -> str:
    return f"agreement/{agreement_id}/round/{round_}"


def agreement_scope(agreement_id: int) -> str:
    return f"agreement/{agreement_id}"


def summary_scope(fiscal_year: int, round_: int) -> str:
    return f"year/{fiscal_year}/round/{round_}"


@dataclass(frozen=True)
class Snapshot:
    """One frozen revision of a paper: exactly the data it printed."""

    id: int
    kind: str
    scope: str
    agreement_id: int | None
    fiscal_year: int | None
    round: int | None
    revision: int
    created_at: str
    created_by: str
    sha256: str
    json: str
    stored_number: int | None = None  # None for snapshots made before report numbers: their id was printed

    @property
    def number(self) -> int:
        """The report number printed on the paper; every revision of one paper shares it."""
        return self.stored_number if self.stored_number is not None else self.id

    @property
    def content(self) -> dict[str, Any]:
        return dict(json.loads(self.json))

    @property
    def intact(self) -> bool:
        """The stored text still hashes to the stored seal (nobody edited the file behind the app's back)."""
        return hashlib.sha256(self.json.encode("utf-8")).hexdigest() == self.sha256


def _snapshot(row: tuple[Any, ...]) -> Snapshot:
    return Snapshot(int(row[0]), row[1], row[2], row[3], row[4], row[5], int(row[6]), row[7], row[8], row[9],
                    row[10], None if row[11] is None else int(row[11]))


def get_snapshot(conn: sqlite3.Connection, snapshot_id: int) -> Snapshot | None:
    row = conn.execute(f"SELECT {_SNAPSHOT_COLUMNS} FROM report_snapshots WHERE id = ?", (snapshot_id,)).fetchone()
    return None if row is None else _snapshot(row)


def latest_snapshot(conn: sqlite3.Connection, kind: str, scope: str) -> Snapshot | None:
    row = conn.execute(f"SELECT {_SNAPSHOT_COLUMNS} FROM report_snapshots WHERE kind = ? AND scope = ? "
                       "ORDER BY revision DESC LIMIT 1", (kind, scope)).fetchone()
    return None if row is None else _snapshot(row)


def snapshots_with_prefix(conn: sqlite3.Connection, prefix: str) -> list[Snapshot]:
    """Snapshots whose seal starts with `prefix` (the verification code printed in a footer, without spaces)."""
    prefix = "".join(ch for ch in prefix.lower() if ch in "0123456789abcdef")
    if len(prefix) < 8:  # too short to name one paper
        return []
    rows = conn.execute(f"SELECT {_SNAPSHOT_COLUMNS} FROM report_snapshots WHERE substr(sha256, 1, ?) = ? "
                        "ORDER BY id", (len(prefix), prefix)).fetchall()
    return [_snapshot(r) for r in rows]


def freeze_snapshot(conn: sqlite3.Connection, *, kind: str, scope: str, content: Mapping[str, Any], actor: str,
                    agreement_id: int | None = None, fiscal_year: int | None = None,
                    round_: int | None = None, number: int | None = None, after_revision: int = 0) -> Snapshot:
    """Store `content` as the next revision of the paper named by (kind, scope); call inside a transaction.

    Printing the same figures again gives back the latest revision unchanged (same id, same seal): a reprint is
    not a new revision. Different figures make revision n + 1, and never a revision at or below `after_revision`
    (the highest the report number ledger knows was issued, which a restored workspace may have forgotten).
    """
    text = canonical_json(content)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    latest = latest_snapshot(conn, kind, scope)
    if latest is not None and latest.sha256 == digest:
        return latest
    revision = max(0 if latest is None else latest.revision, after_revision) + 1
    now = utc_now()
    cursor = conn.execute(
        "INSERT INTO report_snapshots (kind, scope, agreement_id, fiscal_year, round, revision, created_at, "
        "created_by, sha256, json, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, scope, agreement_id, fiscal_year, round_, revision, now, actor, digest, text, number))
    snapshot_id = int(cursor.lastrowid or 0)
    append_audit(conn, actor, "freeze report snapshot", "report_snapshot", str(snapshot_id), None,
                 {"kind": kind, "scope": scope, "revision": revision, "sha256": digest, "number": number})
    return Snapshot(snapshot_id, kind, scope, agreement_id, fiscal_year, round_, revision, now, actor, digest, text,
                    number)


# --- issued rounds ------------------------------------------------------------------------------------------------

class ReportIssued(ProblemsError):
    """A change to results an issued report shows; reopen the report (with a reason) first."""


@dataclass(frozen=True)
class IssueState:
    agreement_id: int
    round: int
    issued: bool
    snapshot_id: int  # the revision last issued
    revision: int
    reopen_count: int
    changed_at: str
    changed_by: str
    reason: str | None  # why it was last reopened


def issue_state(conn: sqlite3.Connection, agreement_id: int, round_: int) -> IssueState | None:
    row = conn.execute(
        "SELECT agreement_id, round, issued, snapshot_id, revision, reopen_count, changed_at, changed_by, reason "
        "FROM report_issues WHERE agreement_id = ? AND round = ?", (agreement_id, round_)).fetchone()
    if row is None:
        return None
    return IssueState(int(row[0]), int(row[1]), bool(row[2]), int(row[3]), int(row[4]), int(row[5]), row[6],
                      row[7], row[8])


def issued_problem(conn: sqlite3.Connection, agreement_id: int, round_: int) -> Problem | None:
    """Why the results of this agreement and round may not change now, or None when they may."""
    state = issue_state(conn, agreement_id, round_)
    if state is None or not state.issued:
        return None
    return Problem(
        th=(f"ออกรายงานผลการประเมินรอบ {round_} เดือนแล้ว (ฉบับที่ {state.revision}) ผลที่แสดงในรายงานแก้ไขไม่ได้ "
            f"ต้องเปิดรายงานใหม่พร้อมเหตุผลก่อน (reopen-report)"),
        en=(f"the evaluation report for round {round_} is issued (revision {state.revision}); its results cannot "
            f"change until the report is reopened with a reason (reopen-report)"),
        field="round")


def assert_not_issued(conn: sqlite3.Connection, agreement_id: int, round_: int) -> None:
    """Raise ReportIssued when an issued report shows this agreement and round: the ratings path calls this before
    writing a change to a result, an adjusted score, its reason or a comment."""
    problem = issued_problem(conn, agreement_id, round_)
    if problem is not None:
        raise ReportIssued([problem])


def mark_issued(conn: sqlite3.Connection, snapshot: Snapshot, *, actor: str) -> IssueState:
    """Record that the evaluation report `snapshot` is issued; call inside the transaction that froze it."""
    if snapshot.kind != KIND_EVALUATION or snapshot.agreement_id is None or snapshot.round is None:
        raise ValueError("only an evaluation report of one agreement and round is issued")
    old = issue_state(conn, snapshot.agreement_id, snapshot.round)
    if old is not None and old.issued and old.snapshot_id == snapshot.id:
        return old  # a reprint of the issued revision
    now = utc_now()
    reopen_count = 0 if old is None else old.reopen_count
    conn.execute(
        "INSERT INTO report_issues (agreement_id, round, issued, snapshot_id, revision, reopen_count, changed_at, "
        "changed_by, reason) VALUES (?, ?, 1, ?, ?, ?, ?, ?, NULL) ON CONFLICT (agreement_id, round) DO UPDATE SET "
        "issued = 1, snapshot_id = excluded.snapshot_id, revision = excluded.revision, "
        "changed_at = excluded.changed_at, changed_by = excluded.changed_by, reason = NULL",
        (snapshot.agreement_id, snapshot.round, snapshot.id, snapshot.revision, reopen_count, now, actor))
    append_audit(conn, actor, "issue report", "report", f"{snapshot.agreement_id}/{snapshot.round}",
                 None if old is None else {"issued": old.issued, "revision": old.revision},
                 {"issued": True, "revision": snapshot.revision, "snapshot": snapshot.id, "sha256": snapshot.sha256})
    return IssueState(snapshot.agreement_id, snapshot.round, True, snapshot.id, snapshot.revision, reopen_count, now,
                      actor, None)


def reopen_report(workspace: Workspace, agreement_id: int, round_: int, *, reason: str, actor: str) -> IssueState:
    """Reopen an issued report so its results may change; the reason is logged. The next report is a new revision."""
    state = issue_state(workspace.conn, agreement_id, round_)
    problems = []
    if not reason.strip():
        problems.append(Problem(th="การเปิดรายงานใหม่ต้องระบุเหตุผล", en="reopening a report needs a reason (--reason)",
                                field="reason"))
    panel = load_panel(workspace)
    if panel is not None:  # like every other reopening, a chair's decision where there is a panel
        problem = chair_problem(panel, actor, "เปิดรายงานที่ออกแล้วใหม่", "reopen an issued report")
        if problem is not None:
            problems.append(problem)
    if state is None or not state.issued:
        problems.append(Problem(th=f"ยังไม่ได้ออกรายงานผลการประเมินรอบ {round_} เดือนของคำรับรองนี้",
                                en=f"no evaluation report is issued for this agreement and round {round_}",
                                field="round"))
    if problems:
        raise ProblemsError(problems)
    assert state is not None
    now = utc_now()
    with workspace.transaction() as conn:
        conn.execute("UPDATE report_issues SET issued = 0, reopen_count = reopen_count + 1, changed_at = ?, "
                     "changed_by = ?, reason = ? WHERE agreement_id = ? AND round = ?",
                     (now, actor, reason.strip(), agreement_id, round_))
        append_audit(conn, actor, "reopen report", "report", f"{agreement_id}/{round_}",
                     {"issued": True, "revision": state.revision},
                     {"issued": False, "reason": reason.strip(), "reopen_count": state.reopen_count + 1})
    return IssueState(agreement_id, round_, False, state.snapshot_id, state.revision, state.reopen_count + 1, now,
                      actor, reason.strip())


# --- signing certificates -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SignerRecord:
    """A certificate report signatures are checked against; `private_key` only for the app's own identities
    (PEM, always encrypted with the signer's passphrase)."""

    fingerprint: str  # SHA-256 of the DER certificate, hex
    subject: str
    certificate: str  # PEM
    private_key: str | None


def save_signer(workspace: Workspace, record: SignerRecord, *, actor: str) -> None:
    """Remember a signing certificate (and an app-made encrypted key); one transaction, audited; idempotent."""
    if record.private_key is not None and "ENCRYPTED" not in record.private_key:
        raise ValueError("a private key is stored only encrypted with a passphrase")
    row = workspace.conn.execute("SELECT private_key FROM report_signers WHERE fingerprint = ?",
                                 (record.fingerprint,)).fetchone()
    if row is not None and (row[0] is not None or record.private_key is None):
        return
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO report_signers (fingerprint, subject, certificate, private_key, added_at, added_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET private_key = excluded.private_key",
            (record.fingerprint, record.subject, record.certificate, record.private_key, utc_now(), actor))
        append_audit(conn, actor, "add report signer", "report_signer", record.fingerprint, None,
                     {"subject": record.subject, "has_key": record.private_key is not None})


def signer_records(conn: sqlite3.Connection, *, with_keys_only: bool = False) -> list[SignerRecord]:
    sql = "SELECT fingerprint, subject, certificate, private_key FROM report_signers"
    if with_keys_only:
        sql += " WHERE private_key IS NOT NULL"
    return [SignerRecord(r[0], r[1], r[2], r[3]) for r in conn.execute(sql + " ORDER BY added_at, fingerprint")]
