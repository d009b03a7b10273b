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


# One change an entry commits to: (actor, action, entity, key, before text, after text), texts as `audit_text`.
ChangeItem = tuple[str, str, str, str, str | None, str | None]

# The after-value members of a committing entry that hold its changes' count and Merkle root.
CHANGES = "changes"
CHANGES_ROOT = "changes_root"


def change_leaf(leaf: int, action: str, entity: str, key: str, actor: str, before: str | None,
                after: str | None) -> bytes:
    """The Merkle leaf of one committed change: SHA-256 of a compact canonical encoding, its fields on lines in a
    fixed order. Unambiguous because no field holds a line break: the key and actor are quoted as JSON strings,
    before and after are JSON texts (which escape control characters), action and entity are the app's words;
    the leaf number ties a change to its place. A 0 byte first keeps a leaf from passing for an inner node."""
    payload = (f"{leaf}\n{action}\n{entity}\n{_quote(key)}\n{_quote(actor)}\n"
               f"{'null' if before is None else before}\n{'null' if after is None else after}")
    return hashlib.sha256(b"\x00" + payload.encode("utf-8")).digest()


def change_leaves(changes: list[ChangeItem]) -> list[bytes]:
    """[change_leaf(n, ...) for the n-th change], written out for the some 17,000 of a package (tested equal)."""
    sha256, quote = hashlib.sha256, _quote
    return [sha256(f"\x00{n}\n{action}\n{entity}\n{quote(key)}\n{quote(actor)}\n"
                   f"{'null' if before is None else before}\n{'null' if after is None else after}".encode()).digest()
            for n, (actor, action, entity, key, before, after) in enumerate(changes)]


def merkle_root(leaves: list[bytes]) -> str | None:
    """The root (hex) over the leaves in order: each inner node is SHA-256 of 1, left, right; an odd node out at
    the end of a level goes up unchanged. None for no leaves. The count is committed beside the root."""
    level = leaves
    if not level:
        return None
    sha256 = hashlib.sha256
    while len(level) > 1:
        paired = [sha256(b"\x01" + level[n] + level[n + 1]).digest() for n in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0].hex()


def append_committed(conn: sqlite3.Connection, actor: str, action: str, entity: str, key: str,
                     after: dict[str, Any], changes: list[ChangeItem]) -> int:
    """Append one chained entry whose after-value commits to `changes` (their count and Merkle root), and the
    changes themselves as rows of `audit_changes` under it, leaf by leaf: a merge of some 17,000 ratings is one
    entry in the chain instead of 17,000, and each change stays provable (`first_broken_link` rebuilds the root
    from the rows) and in its cell's history (`audit_entries`). Inside the change's own transaction; the id."""
    leaves = change_leaves(changes)
    append_audit(conn, actor, action, entity, key, None,
                 {**after, CHANGES: len(changes), CHANGES_ROOT: merkle_root(leaves)})
    entry_id = int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    conn.executemany(
        "INSERT INTO audit_changes (entry_id, leaf, actor, action, entity, entity_key, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(entry_id, n, *change) for n, change in enumerate(changes)])
    return entry_id


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
# A text as audit_text writes it, for a caller writing many entries' texts itself (`panel_merge`).
quote_text = _quote
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
    """Entries newest first, with the changes an entry commits to (a merged package's ratings) read as entries
    of their own, as they were stored before issue 16: placed just before their entry, at its time, with its
    key as "package" and its actor as "imported_by" in the after-value. One query (the cell's history)."""
    where, args = [], []
    if entity is not None:
        where.append("entity = ?")
        args.append(entity)
    if key is not None:
        where.append("entity_key = ?")
        args.append(key)
    entries = (" WHERE " + " AND ".join(where)) if where else ""
    changes = (" WHERE " + " AND ".join("c." + w for w in where)) if where else ""
    # A change sorts before its committing entry (leaf - 2^40 < 0) and after every earlier entry.
    sql = (f"SELECT id, 0, at, actor, action, entity, entity_key, before, after, NULL, NULL FROM audit_log{entries} "
           "UNION ALL SELECT c.entry_id, c.leaf - 1099511627776, e.at, c.actor, c.action, c.entity, c.entity_key, "
           f"c.before, c.after, e.actor, e.entity_key FROM audit_changes c JOIN audit_log e ON e.id = c.entry_id"
           f"{changes} ORDER BY 1 DESC, 2 DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    found = []
    for r in conn.execute(sql, args + args):
        before = None if r[7] is None else json.loads(r[7])
        after = None if r[8] is None else json.loads(r[8])
        if r[9] is not None and isinstance(after, dict):
            after = {**after, "imported_by": r[9], "package": r[10]}
        found.append(AuditEntry(r[0], r[2], r[3], r[4], r[5], r[6], before, after))
    return found


def first_broken_link(conn: sqlite3.Connection) -> int | None:
    """The id of the first entry whose hash or link does not verify, or whose committed changes (`audit_changes`)
    do not rebuild the count and Merkle root it records; None when the chain and every commitment are whole.
    Changes filed under an entry that commits to none name that entry (or their missing entry's id)."""
    committed = _committed_changes(conn)
    prev = GENESIS
    for row in conn.execute(
        "SELECT id, at, actor, action, entity, entity_key, before, after, prev_hash, hash "
        "FROM audit_log ORDER BY id"
    ):
        entry_id, at, actor, action, entity, key, before, after, prev_hash, digest = row
        if prev_hash != prev or _entry_hash(prev_hash, at, actor, action, entity, key, before, after) != digest:
            return int(entry_id)
        if committed.pop(entry_id, (0, None)) != _commitment(after):
            return int(entry_id)
        prev = digest
    return min(committed) if committed else None


def _committed_changes(conn: sqlite3.Connection) -> dict[int, tuple[int, str | None]]:
    """Per entry id, the count and Merkle root of the changes stored under it, rebuilt from their rows."""
    leaves: dict[int, list[bytes]] = {}
    for entry_id, leaf, actor, action, entity, key, before, after in conn.execute(
            "SELECT entry_id, leaf, actor, action, entity, entity_key, before, after FROM audit_changes "
            "ORDER BY entry_id, leaf"):
        try:
            digest = change_leaf(leaf, action, entity, key, actor, before, after)
        except (TypeError, AttributeError):  # a value that is not text (only in a tampered table)
            digest = b""
        leaves.setdefault(entry_id, []).append(digest)
    return {entry_id: (len(found), merkle_root(found)) for entry_id, found in leaves.items()}


def _commitment(after: object) -> tuple[int, str | None]:
    """The (count, root) an entry's after-value commits to; (0, None) for an entry that commits to no changes."""
    if not isinstance(after, str) or f'"{CHANGES_ROOT}"' not in after:
        return (0, None)
    try:
        value = json.loads(after)
    except ValueError:
        return (-1, None)  # unreadable: matches no rows (the chain check has passed it, so it was written so)
    if not isinstance(value, dict):
        return (0, None)
    count, root = value.get(CHANGES, 0), value.get(CHANGES_ROOT)
    return (count if isinstance(count, int) else -1, root if isinstance(root, str) or root is None else "?")


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
