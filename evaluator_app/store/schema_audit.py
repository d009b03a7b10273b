"""Schema step for changes committed by one audit entry (issue 16): a merged evaluator package appends one chained
entry whose Merkle root commits to every rating it changed; each change is a row here, found by its cell."""

from __future__ import annotations

import sqlite3

# Each statement on its own: the step runs inside the migration's single transaction (no executescript).
_STATEMENTS = (
    # One row per change, keyed by the entry that commits to it and its leaf in that entry's Merkle tree; `at` is
    # the entry's. Rows go in in key order, so the table itself costs an append; the cell's history is the index.
    """CREATE TABLE audit_changes (
        entry_id INTEGER NOT NULL,
        leaf INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        before TEXT,
        after TEXT,
        PRIMARY KEY (entry_id, leaf)
    ) WITHOUT ROWID""",
    "CREATE INDEX audit_changes_by_entity ON audit_changes (entity, entity_key, entry_id, leaf)",
    # Append-only like the log itself; a row edited or removed outside the app no longer fits its entry's root.
    """CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
        BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END""",
    """CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
        BEGIN SELECT RAISE(ABORT, 'audit_changes is append-only'); END""",
)


def upgrade_committed_changes(conn: sqlite3.Connection) -> None:
    """Add the table of changes an entry commits to by a Merkle root; existing entries are left as they are (an
    old merge's one entry per rating still verifies by the chain alone)."""
    for statement in _STATEMENTS:
        conn.execute(statement)
