"""The append-only audit log: who changed what, when, from which value to which; each entry hash-chained."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

# c_make_encoder is the C accelerator JSONEncoder itself uses, undocumented and so absent from the stubs
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from .sqlite import insert_many

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

# The after-value members of a committing entry that hold its changes' count and Merkle root: over its parts
# (`PARTS_ROOT`, written since the third pass of issue 16), or over each change (`CHANGES_ROOT`, entries written
# before; still verified as written).
CHANGES = "changes"
CHANGES_ROOT = "changes_root"
PARTS_ROOT = "parts_root"
# Changes are kept in parts of this many consecutive leaves (`audit_change_parts`): part p holds leaves p..p+63.
PART = 64
_RECORD_LINES = 7


def change_record(leaf: int, action: str, entity: str, key: str, actor: str, before: str | None,
                  after: str | None) -> str:
    """The compact canonical encoding of one committed change, as stored and as hashed: its fields on lines in a
    fixed order. Unambiguous because no field holds a line break: the key and actor are quoted as JSON strings,
    before and after are JSON texts (which escape control characters; None is null), action and entity are the
    app's words; the leaf number ties a change to its place."""
    return (f"{leaf}\n{action}\n{entity}\n{_quote(key)}\n{_quote(actor)}\n"
            f"{'null' if before is None else before}\n{'null' if after is None else after}")


def change_leaf(leaf: int, action: str, entity: str, key: str, actor: str, before: str | None,
                after: str | None) -> bytes:
    """The Merkle leaf of one committed change: SHA-256 of a 0 byte (so a leaf never passes for an inner node)
    and its `change_record`."""
    return _leaf_of(change_record(leaf, action, entity, key, actor, before, after))


def _leaf_of(record: str) -> bytes:
    return hashlib.sha256(("\x00" + record).encode("utf-8")).digest()


def part_leaf(text: str) -> bytes:
    """The Merkle leaf of one stored part (`audit_change_parts.records`, its records joined by line breaks):
    SHA-256 of a 0 byte and the text. A part's records name their leaf numbers, so a record moved between or
    within parts changes a part's leaf."""
    return _leaf_of(text)


def change_records(changes: list[ChangeItem]) -> list[str]:
    """[change_record(n, ...) for the n-th change], written out for the some 17,000 of a package (tested equal)."""
    quote = _quote
    return [f"{n}\n{action}\n{entity}\n{quote(key)}\n{quote(actor)}\n"
            f"{'null' if before is None else before}\n{'null' if after is None else after}"
            for n, (actor, action, entity, key, before, after) in enumerate(changes)]


def change_leaves(changes: list[ChangeItem]) -> list[bytes]:
    """[change_leaf(n, ...) for the n-th change]."""
    sha256 = hashlib.sha256
    return [sha256(("\x00" + record).encode()).digest() for record in change_records(changes)]


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
    changes under it: their records in parts of `PART` (`audit_change_parts`) and one row per change in the
    per-cell index (`audit_changes`: entity, key, entry, leaf). A merge of some 17,000 ratings is one entry in
    the chain instead of 17,000; each change stays provable (`first_broken_link` rebuilds the root from the
    records and checks the index against them) and in its cell's history (`audit_entries`, one query). Inside
    the change's own transaction; the entry's id."""
    return append_committed_records(conn, actor, action, entity, key, after, change_records(changes),
                                    [(change[2], change[3]) for change in changes])


def append_committed_records(conn: sqlite3.Connection, actor: str, action: str, entity: str, key: str,
                             after: dict[str, Any], records: list[str], cells: list[tuple[str, str]]) -> int:
    """`append_committed` for a caller that wrote its changes' records itself (a merge writes them straight from
    its plan): `records[n]` must be `change_record(n, ...)` of the n-th change and `cells[n]` its (entity, key).
    The entry's id."""
    parts = ["\n".join(records[p:p + PART]) for p in range(0, len(records), PART)]
    # The root is over the parts as stored (a leaf per 64 changes): hashing each change and a tree of 17,000
    # leaves was a twentieth of a merge (issue 16); each change is as provable, by its part and the part's path.
    append_audit(conn, actor, action, entity, key, None,
                 {**after, CHANGES: len(records), PARTS_ROOT: merkle_root([part_leaf(text) for text in parts])})
    entry_id = int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    conn.executemany("INSERT INTO audit_change_parts (entry_id, part, records) VALUES (?, ?, ?)",
                     [(entry_id, n * PART, text) for n, text in enumerate(parts)])
    # In index order, so each row goes in beside the one before rather than anywhere in the tree. A merge's cells
    # are all of one entity: then the keys alone decide the order (a stable sort keeps a key's leaves in order),
    # which sorts texts instead of tuples.
    keys = [cell_key for _, cell_key in cells]
    if len({cell_entity for cell_entity, _ in cells}) == 1:
        order = sorted(range(len(keys)), key=keys.__getitem__)
    else:
        order = [n for _, n in sorted(zip(cells, range(len(cells)), strict=True))]
    insert_many(conn, "INSERT INTO audit_changes (entity, entity_key, entry_id, leaf)", "(?, ?, ?, ?)",
                [(cells[n][0], keys[n], entry_id, n) for n in order])
    return entry_id


def has_committed_changes(conn: sqlite3.Connection) -> bool:
    """Whether the file has the tables of committed changes (a file opened before its schema step has not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_change_parts'"
                        ).fetchone() is not None


def _parse_records(text: object) -> list[list[str]] | None:
    """A part's records, each its 7 lines; None when the text is not whole records (a tampered part)."""
    if not isinstance(text, str):
        return None
    lines = text.split("\n")
    if len(lines) % _RECORD_LINES:
        return None
    return [lines[n:n + _RECORD_LINES] for n in range(0, len(lines), _RECORD_LINES)]


def _record_values(lines: list[str]) -> tuple[str, str, Any, Any]:
    """(actor, action, before, after) of a record's lines, the values as history reads them."""
    return (json.loads(lines[4]), lines[1], json.loads(lines[5]), json.loads(lines[6]))


def committed_afters(conn: sqlite3.Connection, entity: str) -> Iterator[tuple[int, int, str, str]]:
    """(entry id, leaf, key, after text) of every committed change of `entity`, in order; a record that does not
    read is left out (verify-log names its entry)."""
    if not has_committed_changes(conn):
        return
    for entry_id, part, text in conn.execute(
            "SELECT entry_id, part, records FROM audit_change_parts ORDER BY entry_id, part"):
        for n, lines in enumerate(_parse_records(text) or []):
            if lines[2] == entity:
                try:
                    key = json.loads(lines[3])
                except ValueError:
                    continue
                yield entry_id, part + n, key, lines[6]


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
    key as "package" and its actor as "imported_by" in the after-value. One query (the cell's history: the log's
    index and the per-cell index of committed changes, each change's record from its part)."""
    where, args = [], []
    if entity is not None:
        where.append("entity = ?")
        args.append(entity)
    if key is not None:
        where.append("entity_key = ?")
        args.append(key)
    entries = (" WHERE " + " AND ".join(where)) if where else ""
    changes = (" WHERE " + " AND ".join("c." + w for w in where)) if where else ""
    if not has_committed_changes(conn):  # a file from before the schema step, read as it is (a backup)
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], None if r[6] is None else json.loads(r[6]),
                           None if r[7] is None else json.loads(r[7])) for r in conn.execute(
            f"SELECT id, at, actor, action, entity, entity_key, before, after FROM audit_log{entries} ORDER BY id DESC"
            + ("" if limit is None else f" LIMIT {int(limit)}"), args)]
    # A change sorts before its committing entry (leaf - 2^40 < 0) and after every earlier entry.
    sql = (f"SELECT id, 0, at, actor, action, entity, entity_key, before, after, NULL, NULL, NULL, NULL "
           f"FROM audit_log{entries} UNION ALL "
           "SELECT c.entry_id, c.leaf - 1099511627776, e.at, NULL, NULL, c.entity, c.entity_key, NULL, NULL, "
           "e.actor, e.entity_key, p.records, c.leaf - p.part FROM audit_changes c "
           "JOIN audit_log e ON e.id = c.entry_id "
           f"JOIN audit_change_parts p ON p.entry_id = c.entry_id AND p.part = c.leaf - c.leaf % {PART}"
           f"{changes} ORDER BY 1 DESC, 2 DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    found = []
    for r in conn.execute(sql, args + args):
        if r[9] is None:
            found.append(AuditEntry(r[0], r[2], r[3], r[4], r[5], r[6], None if r[7] is None else json.loads(r[7]),
                                    None if r[8] is None else json.loads(r[8])))
            continue
        records = _parse_records(r[11]) or []
        if not 0 <= r[12] < len(records):
            continue  # a tampered part: verify-log names its entry
        try:
            actor, action, before, after = _record_values(records[r[12]])
        except ValueError:
            continue
        if isinstance(after, dict):
            after = {**after, "imported_by": r[9], "package": r[10]}
        found.append(AuditEntry(r[0], r[2], actor, action, r[5], r[6], before, after))
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
        count, kind, root = _commitment(after)
        stored = committed.pop(entry_id, None)
        if (stored.commitment(kind) if stored is not None else (0, None)) != (count, root):
            return int(entry_id)
        prev = digest
    return min(committed) if committed else None


class _Stored:
    """The changes stored under one entry: its parts' texts and records, as read back."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.records: list[list[str]] = []
        self.broken = False

    def commitment(self, kind: str | None) -> tuple[int, str | None]:
        """(count, root) rebuilt the way `kind` (PARTS_ROOT or CHANGES_ROOT) commits; (-1, None) when broken."""
        if self.broken:
            return (-1, None)
        if kind == PARTS_ROOT:
            return (len(self.records), merkle_root([part_leaf(text) for text in self.parts]))
        return (len(self.records), merkle_root([_leaf_of("\n".join(lines)) for lines in self.records]))


def _committed_changes(conn: sqlite3.Connection) -> dict[int, _Stored]:
    """Per entry id, the changes stored under it; an entry whose parts are not consecutive whole records, or whose
    per-cell index rows are not exactly one for each of its records, is broken (matches no commitment)."""
    stored: dict[int, _Stored] = {}
    cells: dict[int, set[tuple[Any, Any, int]]] = {}
    if not has_committed_changes(conn):
        return {}
    for entry_id, part, text in conn.execute(
            "SELECT entry_id, part, records FROM audit_change_parts ORDER BY entry_id, part"):
        found = stored.setdefault(entry_id, _Stored())
        mine = cells.setdefault(entry_id, set())
        records = _parse_records(text)
        if records is None or part != len(found.records):
            found.broken = True
            continue
        found.parts.append(text)
        for n, lines in enumerate(records):
            if lines[0] != str(part + n):
                found.broken = True
            try:
                mine.add((lines[2], json.loads(lines[3]), part + n))
            except ValueError:
                found.broken = True
            found.records.append(lines)
    indexed: dict[int, set[tuple[Any, Any, int]]] = {}
    for entity, key, entry_id, leaf in conn.execute("SELECT entity, entity_key, entry_id, leaf FROM audit_changes"):
        indexed.setdefault(entry_id, set()).add((entity, key, leaf))
    for entry_id in set(indexed) | set(cells):
        if indexed.get(entry_id, set()) != cells.get(entry_id, set()):
            stored.setdefault(entry_id, _Stored()).broken = True
    return stored


def _commitment(after: object) -> tuple[int, str | None, str | None]:
    """(count, kind, root) an entry's after-value commits to, the kind being the member that holds the root
    (PARTS_ROOT or CHANGES_ROOT); (0, None, None) for an entry that commits to no changes."""
    if not isinstance(after, str) or (f'"{CHANGES_ROOT}"' not in after and f'"{PARTS_ROOT}"' not in after):
        return (0, None, None)
    try:
        value = json.loads(after)
    except ValueError:
        return (-1, None, None)  # unreadable: matches no rows (the chain check has passed it, so it was written so)
    if not isinstance(value, dict):
        return (0, None, None)
    kinds = [kind for kind in (PARTS_ROOT, CHANGES_ROOT) if kind in value]
    if len(kinds) > 1:
        return (-1, None, None)  # commits two ways: matches nothing
    count, root = value.get(CHANGES, 0), value.get(kinds[0]) if kinds else None
    if count == 0 and root is None:
        return (0, None, None)  # an entry that committed to an empty list of changes
    return (count if isinstance(count, int) and not isinstance(count, bool) else -1, kinds[0] if kinds else None,
            root if isinstance(root, str) or root is None else "?")


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
