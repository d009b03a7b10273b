"""Schema step for the parties of an agreement, now that they are edited after import (CLI, window, a later
import): the parties of one agreement are read by agreement on every agreement paper, and a nameless party,
which would print an empty signature block, is refused by the file itself whoever writes."""

from __future__ import annotations

import sqlite3

# Each statement on its own: the step runs inside the migration's single transaction (no executescript).
_STATEMENTS = (
    # One place per party within its agreement; the store rewrites all of an agreement's parties at once.
    "CREATE UNIQUE INDEX parties_by_agreement ON parties (agreement_id, ord)",
    """CREATE TRIGGER parties_name_required_insert BEFORE INSERT ON parties
        WHEN length(trim(NEW.name)) = 0
        BEGIN SELECT RAISE(ABORT, 'a party of an agreement needs a name'); END""",
    """CREATE TRIGGER parties_name_required_update BEFORE UPDATE OF name ON parties
        WHEN length(trim(NEW.name)) = 0
        BEGIN SELECT RAISE(ABORT, 'a party of an agreement needs a name'); END""",
)


def upgrade_parties(conn: sqlite3.Connection) -> None:
    """Parties get an index by agreement and a guard against empty names."""
    for statement in _STATEMENTS:
        conn.execute(statement)
