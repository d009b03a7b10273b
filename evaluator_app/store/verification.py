"""Checking the record against its history: the audit chain, and stored values that no audit entry explains."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .audit import committed_afters, first_broken_link, has_committed_changes


@dataclass(frozen=True)
class BrokenLink:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_key: str


@dataclass(frozen=True)
class LogVerification:
    entries: int
    head_id: int | None
    head_hash: str | None  # write it into the minutes or a signed report: a later rewrite cannot match it
    broken: BrokenLink | None
    unexplained: tuple[str, ...]  # stored values that differ from what the log last recorded
    changes: int = 0  # changes committed by entries' Merkle roots (merged packages), each verified with its entry

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.unexplained


def verify_log(conn: sqlite3.Connection, limit: int = 50) -> LogVerification:
    """Verify the whole chain, then that every rating and agreement is what its last audit entry says."""
    count, head_id = conn.execute("SELECT count(*), max(id) FROM audit_log").fetchone()
    head = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (head_id,)).fetchone() if head_id else None
    broken_id = first_broken_link(conn)
    broken = None
    if broken_id is not None:
        row = conn.execute("SELECT id, at, actor, action, entity, entity_key FROM audit_log WHERE id = ?",
                           (broken_id,)).fetchone()
        # No such entry: committed changes (audit_changes, audit_change_parts) filed under an entry not in the log.
        broken = BrokenLink(*row) if row else BrokenLink(broken_id, "", "", "changes without their entry",
                                                         "audit_changes", "")
    changes = conn.execute("SELECT count(*) FROM audit_changes").fetchone()[0] if has_committed_changes(conn) else 0
    return LogVerification(int(count), head_id, head[0] if head else None, broken,
                           tuple(unexplained_values(conn, limit)), int(changes))


def unexplained_values(conn: sqlite3.Connection, limit: int = 50) -> list[str]:
    """Ratings whose stored value is not the last audited one, and agreements with no audit entry at all:
    what an edit made outside the app (a SQLite tool, a hex editor) leaves behind."""
    found: list[str] = []
    last_rating: dict[str, dict[str, object]] = {}
    # The log's rating entries and the ratings merged packages committed to, in the order they happened (a
    # change just before the entry that commits to it, as audit_entries orders them).
    logged = [(entry_id, 0, key, after) for entry_id, key, after in conn.execute(
        "SELECT id, entity_key, after FROM audit_log WHERE entity = 'rating' ORDER BY id")]
    committed = [(entry_id, leaf - (1 << 40), key, after)
                 for entry_id, leaf, key, after in committed_afters(conn, "rating")]
    for entry_id, _, key, after in sorted(logged + committed, key=lambda item: (item[0], item[1])):
        if after is not None:
            try:
                last_rating[key] = json.loads(after)
            except ValueError:  # changed outside the app (the chain check names the entry): never a traceback
                found.append(f"audit entry {entry_id}: unreadable")
                last_rating[key] = {}
    for row in conn.execute(
            "SELECT agreement_id, code, round, evaluator, result, adjusted_score, adjust_reason, comment "
            "FROM ratings ORDER BY id"):
        key = f"{row[0]}/{row[1]}/{row[2]}/{row[3]}"
        stored = {"result": row[4], "adjusted_score": row[5], "adjust_reason": row[6], "comment": row[7]}
        audited = last_rating.get(key)
        if audited is None or any(audited.get(k) != v for k, v in stored.items()):
            found.append(f"rating {key}: stored {stored['result']!r}, "
                         f"audited {None if audited is None else audited.get('result')!r}")
            if len(found) >= limit:
                return found
    audited_agreements = {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_key FROM audit_log WHERE entity = 'agreement'")}
    for (agreement_id,) in conn.execute("SELECT id FROM agreements ORDER BY id"):
        if str(agreement_id) not in audited_agreements:
            found.append(f"agreement {agreement_id}: no audit entry")
            if len(found) >= limit:
                break
    return found
