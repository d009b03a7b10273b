"""The list of agreements the window's navigator shows: one query, and nothing else of the store or the domain.

Kept apart from `agreements.py` (which loads the whole domain) so the window can list a workspace's agreements in its
first paint, before the workspace is opened properly (schema steps, lock): `peek_agreement_summaries` reads the file
read-only with plain sqlite3. `list_agreements` (agreements.py) runs the same query on an open workspace.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AgreementSummary:
    id: int
    agency: str
    fiscal_year: int
    framework_id: str
    indicator_count: int
    version_number: int


_LIST_SQL = """
    SELECT a.id, a.agency, a.fiscal_year, a.framework_id,
           (SELECT count(*) FROM indicators i WHERE i.version_id = v.id), v.number
    FROM agreements a
    JOIN agreement_versions v ON v.id = (
        SELECT id FROM agreement_versions WHERE agreement_id = a.id
        ORDER BY (status = 'agreed') DESC, number DESC LIMIT 1)
    ORDER BY a.fiscal_year DESC, a.agency
    """


def agreement_summaries(conn: sqlite3.Connection) -> list[AgreementSummary]:
    """Each agreement with the version in force (the agreed one, else the newest), newest fiscal year first."""
    rows = conn.execute(_LIST_SQL).fetchall()
    return [AgreementSummary(int(r[0]), r[1], int(r[2]), r[3], int(r[4]), int(r[5])) for r in rows]


def peek_agreement_summaries(path: Path) -> list[AgreementSummary] | None:
    """The agreements of the workspace file at `path`, read without opening it as a workspace: read-only, no lock,
    no schema step, nothing written. None when the file is not there or cannot be read as it is (an older schema,
    not a workspace, damaged): opening it properly then says what is wrong."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return agreement_summaries(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
