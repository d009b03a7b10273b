"""Schema step for negotiated versions: when a revision takes effect, its minute, and locks the database enforces."""

from __future__ import annotations

import sqlite3

# Each statement on its own: the step runs inside the migration's single transaction (no executescript).
_STATEMENTS = (
    # NULL: the version covers the whole fiscal year; 9: an in-year revision in force from the 9-month round on.
    "ALTER TABLE agreement_versions ADD COLUMN effective_round INTEGER",
    # The version this one was derived from (its number), so a counter-proposal points at what it answers.
    "ALTER TABLE agreement_versions ADD COLUMN based_on INTEGER",
    # The decision text the secretary records when the version is agreed (the reason stays the proposer's).
    "ALTER TABLE agreement_versions ADD COLUMN minute TEXT",
    "ALTER TABLE agreement_versions ADD COLUMN agreed_at TEXT",
    "ALTER TABLE agreement_versions ADD COLUMN agreed_by TEXT",
    # A label of the meeting (ครั้งที่ 1/2569) the version was proposed or agreed in; the minutes select by it.
    "ALTER TABLE agreement_versions ADD COLUMN session TEXT",
    # Belt and braces beside the store's guard: an agreed version is never edited in place, whoever writes.
    # Deleting a whole agreement stays possible: by the time its cascade reaches a version, the agreement row
    # is gone, so the EXISTS test lets it through.
    """CREATE TRIGGER agreement_versions_locked_no_update BEFORE UPDATE ON agreement_versions
        WHEN OLD.locked = 1
        BEGIN SELECT RAISE(ABORT, 'agreed version is locked: make a revision (a new version) instead'); END""",
    """CREATE TRIGGER agreement_versions_locked_no_delete BEFORE DELETE ON agreement_versions
        WHEN OLD.locked = 1 AND EXISTS (SELECT 1 FROM agreements WHERE id = OLD.agreement_id)
        BEGIN SELECT RAISE(ABORT, 'agreed version is locked: make a revision (a new version) instead'); END""",
    """CREATE TRIGGER indicators_locked_no_update BEFORE UPDATE ON indicators
        WHEN EXISTS (SELECT 1 FROM agreement_versions
                     WHERE id IN (OLD.version_id, NEW.version_id) AND locked = 1)
        BEGIN SELECT RAISE(ABORT, 'indicators of an agreed version are locked: make a revision instead'); END""",
    """CREATE TRIGGER indicators_locked_no_delete BEFORE DELETE ON indicators
        WHEN EXISTS (SELECT 1 FROM agreement_versions WHERE id = OLD.version_id AND locked = 1)
        BEGIN SELECT RAISE(ABORT, 'indicators of an agreed version are locked: make a revision instead'); END""",
    "CREATE INDEX agreement_versions_by_agreement ON agreement_versions (agreement_id, status, number)",
)


def upgrade_negotiation_versions(conn: sqlite3.Connection) -> None:
    """Versions get an effective round, the version they answer, a minute, who agreed when, and a session;
    triggers refuse any change to an agreed (locked) version or its indicators."""
    for statement in _STATEMENTS:
        conn.execute(statement)
