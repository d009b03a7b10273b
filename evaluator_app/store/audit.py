"""The append-only audit log: who changed what, when, from which value to which; each entry hash-chained."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

# c_make_encoder is the C accelerator JSONEncoder itself uses, undocumented and so absent from the stubs
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

GENESIS = "0" * 64


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _entry_hash(prev_hash: str, at: str, actor: str, action: str, entity: str, key: str,
                before: str | None, after: str | None) -> str:
    """The hash that chains an entry to the one before it: SHA-256 of its fields and the previous hash as the JSON
    list json.dumps(..., ensure_ascii=False) writes. The one definition, for writing and for verifying."""
    fields = (prev_hash, at, actor, action, entity, key, before, after)
    try:
        payload = "[" + ", ".join(["null" if v is None else _quote(v) for v in fields]) + "]"
    except TypeError:  # a value that is not text (only in a tampered log): JSON writes it as it is
        payload = _dumps_list(fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append_audit(conn: sqlite3.Connection, actor: str, action: str, entity: str, key: str,
                 before: Any, after: Any) -> None:
    """Append one entry; call it inside the transaction of the change it records."""
    append_audits(conn, ((actor, action, entity, key, before, after),))


# One entry to append: (actor, action, entity, key, before, after).
AuditItem = tuple[str, str, str, str, Any, Any]


def append_audits(conn: sqlite3.Connection, entries: Iterable[AuditItem]) -> int:
    """Append many entries in order, each chained to the one before: the same rows, byte for byte, as calling
    `append_audit` for each in turn (each entry still takes its own time), but the last hash is read once and
    the rows go in with one executemany. Call it inside the transaction of the changes it records; the count."""
    return append_audit_texts(conn, (
        (actor, action, entity, key, None if before is None else _dumps(before),
         None if after is None else _dumps(after)) for actor, action, entity, key, before, after in entries))


# One entry whose before and after values are already their stored text (`audit_text`, or None).
AuditTextItem = tuple[str, str, str, str, str | None, str | None]


def append_audit_texts(conn: sqlite3.Connection, entries: Iterable[AuditTextItem]) -> int:
    """`append_audits` for a caller that wrote the values' texts itself (a merge writes some 17,000 entries of
    one shape a package): the texts must be what `audit_text` makes of the values, for history reads them back
    with json.loads."""
    if not conn.in_transaction:
        raise RuntimeError("audit entries are written inside the change's own transaction")
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = row[0] if row else GENESIS
    rows = []
    for actor, action, entity, key, before_text, after_text in entries:
        at = utc_now()
        digest = _entry_hash(prev_hash, at, actor, action, entity, key, before_text, after_text)
        rows.append((at, actor, action, entity, key, before_text, after_text, prev_hash, digest))
        prev_hash = digest
    conn.executemany(
        "INSERT INTO audit_log (at, actor, action, entity, entity_key, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _one_shot_encoder() -> Callable[[Any], str]:
    """json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), without what JSONEncoder.encode makes
    anew on every call (the C encoder and its circular-reference dict): an audit entry's values are plain data
    made by the app, never circular. Falls back to JSONEncoder where the C accelerator is missing."""
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)
    if c_make_encoder is None:
        return encoder.encode
    chunks = c_make_encoder(None, encoder.default, _quote, None, ": ", ", ", True, False, True)

    def encode(value: Any) -> str:
        return _quote(value) if isinstance(value, str) else "".join(chunks(value, 0))
    return encode


# A JSON string literal with non-ASCII kept, as json.dumps(text, ensure_ascii=False) writes it.
_quote: Callable[[str], str] = encode_basestring
_dumps = _one_shot_encoder()
_dumps_list = json.JSONEncoder(ensure_ascii=False).encode


def audit_text(value: Any) -> str:
    """The text an audit entry stores for a before or after value (JSON, keys sorted, non-ASCII kept)."""
    return _dumps(value)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_key: str
    before: Any
    after: Any


def audit_entries(conn: sqlite3.Connection, entity: str | None = None, key: str | None = None,
                  limit: int | None = None) -> list[AuditEntry]:
    sql = "SELECT id, at, actor, action, entity, entity_key, before, after FROM audit_log"
    where, args = [], []
    if entity is not None:
        where.append("entity = ?")
        args.append(entity)
    if key is not None:
        where.append("entity_key = ?")
        args.append(key)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5],
                   None if r[6] is None else json.loads(r[6]), None if r[7] is None else json.loads(r[7]))
        for r in conn.execute(sql, args)
    ]


def first_broken_link(conn: sqlite3.Connection) -> int | None:
    """The id of the first entry whose hash or link does not verify, or None when the chain is whole."""
    prev = GENESIS
    for row in conn.execute(
        "SELECT id, at, actor, action, entity, entity_key, before, after, prev_hash, hash "
        "FROM audit_log ORDER BY id"
    ):
        entry_id, at, actor, action, entity, key, before, after, prev_hash, digest = row
        if prev_hash != prev or _entry_hash(prev_hash, at, actor, action, entity, key, before, after) != digest:
            return int(entry_id)
        prev = digest
    return None


def find_anchor(conn: sqlite3.Connection, expected: str) -> tuple[int, str] | None:
    """The entry (id, full hash) whose hash is the head written down earlier (the whole hash, or a prefix of at
    least 16 hex digits as printed on a paper), or None when no entry has it: the entries up to it were cut off,
    or the chain was re-hashed after it was written down."""
    wanted = expected.strip().lower()
    if len(wanted) < 16 or any(c not in "0123456789abcdef" for c in wanted):
        raise ValueError("a head hash is 64 hex digits (or at least its first 16)")
    row = conn.execute(
        "SELECT id, hash FROM audit_log WHERE substr(hash, 1, ?) = ? ORDER BY id LIMIT 2",
        (len(wanted), wanted)).fetchall()
    if len(row) != 1:
        return None
    return int(row[0][0]), str(row[0][1])
