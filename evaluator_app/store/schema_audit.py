"""Schema step for changes committed by one audit entry (issue 16): a merged evaluator package appends one chained
entry whose Merkle root commits to every rating it changed; the changes' records are kept in parts, and each
change has a row in a per-cell index, so a cell's history stays one query."""

from __future__ import annotations

import sqlite3

# Each statement on its own: the step runs inside the migration's single transaction (no executescript).
_STATEMENTS = (
    # The records (store/audit.py change_record) of leaves part..part+63 of the entry, one per 7 lines: written
    # in order, so the table costs an append; read whole to verify, or for one record of a cell's history.
    """CREATE TABLE audit_change_parts (
        entry_id INTEGER NOT NULL,
        part INTEGER NOT NULL,
        records TEXT NOT NULL,
        PRIMARY KEY (entry_id, part)
    ) WITHOUT ROWID""",
    # One row per committed change, keyed by its cell: the index a cell's history reads.
    """CREATE TABLE audit_changes (
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        entry_id INTEGER NOT NULL,
        leaf INTEGER NOT NULL,
        PRIMARY KEY (entity, entity_key, entry_id, leaf)
    ) WITHOUT ROWID""",
    # Append-only like the log itself; a row edited or removed outside the app no longer fits its entry's root.
    """CREATE TRIGGER audit_change_parts_no_update BEFORE UPDATE ON audit_change_parts
        BEGIN SELECT RAISE(ABORT, 'audit_change_parts is append-only'); END""",
    """CREATE TRIGGER audit_change_parts_no_delete BEFORE DELETE ON audit_change_parts
        BEGIN SELECT RAISE(ABORT, 'audit_change_parts is append-only'); END""",
    """CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
        BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END""",
    """CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
        BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END""",
)


def upgrade_committed_changes(conn: sqlite3.Connection) -> None:
    """Add the tables of changes an entry commits to by a Merkle root; existing entries are left as they are (an
    old merge's one entry per rating still verifies by the chain alone)."""
    for statement in _STATEMENTS:
        conn.execute(statement)
