"""Schema step for the import policy (issue 11): warnings kept with the agreement version, and each indicator's
scoring method with its bands."""

from __future__ import annotations

import sqlite3

# Each statement on its own: the step runs inside the migration's single transaction (no executescript).
_STATEMENTS = (
    # What the import took as written (orphan codes, weights not summing to 100, ...), in the words of the
    # refusal it would have been: file, sheet, row and column. Printed with the rules on the report.
    """CREATE TABLE version_warnings (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        th TEXT NOT NULL,
        en TEXT NOT NULL,
        file TEXT,
        sheet TEXT,
        row INTEGER,
        col TEXT,
        field TEXT,
        indicator TEXT
    )""",
    "CREATE INDEX version_warnings_by_version ON version_warnings (version_id, ord)",
    # interpolated (the default) or banded: a banded result scores the whole level whose band holds it.
    """ALTER TABLE indicators ADD COLUMN method TEXT NOT NULL DEFAULT 'interpolated'
        CHECK (method IN ('interpolated', 'banded'))""",
    # A banded indicator's bands as written: JSON [[low, low_closed, high, high_closed, text], ...], NULL otherwise.
    "ALTER TABLE indicators ADD COLUMN bands TEXT",
)


def upgrade_import_policy(conn: sqlite3.Connection) -> None:
    """Import warnings stored per version; indicators get their scoring method and bands."""
    for statement in _STATEMENTS:
        conn.execute(statement)
