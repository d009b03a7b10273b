"""What must hold in a workspace after any crash: a whole file, whole agreements, a whole history, valid backups."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from evaluator_app.store.audit import first_broken_link
from evaluator_app.store.backups import list_backups
from evaluator_app.store.verification import unexplained_values


def check_workspace(path: Path, *, check_backups: bool = True) -> list[str]:
    """Every broken promise found in the workspace at `path` (empty when all hold).

    Opened with plain sqlite3, as the next start of the app would: that runs SQLite's own WAL recovery.
    """
    problems: list[str] = []
    if not path.exists():
        return problems
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return [f"integrity_check: {integrity[:5]}"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "agreements" not in tables:
            return problems  # killed before the schema was committed: an empty file is a valid outcome
        problems += _agreements_whole(conn)
        broken = first_broken_link(conn)
        if broken is not None:
            problems.append(f"audit chain broken at entry {broken}")
        problems += [f"unaudited: {line}" for line in unexplained_values(conn)]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign keys: {fk[:5]}")
    finally:
        conn.close()
    if check_backups:
        for backup in list_backups(path):
            backup_conn = sqlite3.connect(backup.path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                if backup_conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append(f"backup {backup.name} is damaged")
            except sqlite3.DatabaseError as exc:
                problems.append(f"backup {backup.name}: {exc}")
            finally:
                backup_conn.close()
    return problems


def _agreements_whole(conn: sqlite3.Connection) -> list[str]:
    """Each agreement has exactly the indicators and parties its import recorded in the audit log."""
    problems = []
    recorded = {}
    for key, after in conn.execute(
            "SELECT entity_key, after FROM audit_log WHERE entity = 'agreement' AND action = 'import agreement'"):
        recorded[int(key)] = json.loads(after)
    for agreement_id, in conn.execute("SELECT id FROM agreements"):
        snapshot = recorded.get(agreement_id)
        if snapshot is None:
            problems.append(f"agreement {agreement_id} has no import entry")
            continue
        first = conn.execute("SELECT id FROM agreement_versions WHERE agreement_id = ? AND number = 1",
                             (agreement_id,)).fetchone()
        if first is None:
            problems.append(f"agreement {agreement_id} has no first version")
            continue
        indicators = conn.execute("SELECT count(*) FROM indicators WHERE version_id = ?", first).fetchone()[0]
        parties = conn.execute("SELECT count(*) FROM parties WHERE agreement_id = ?", (agreement_id,)).fetchone()[0]
        if indicators != len(snapshot["indicators"]) or parties != len(snapshot["parties"]):
            problems.append(f"agreement {agreement_id}: {indicators} indicators and {parties} parties, "
                            f"imported with {len(snapshot['indicators'])} and {len(snapshot['parties'])}")
    return problems


def agencies_present(path: Path, agencies: list[str]) -> int:
    conn = sqlite3.connect(path)
    try:
        marks = ",".join("?" for _ in agencies)
        return int(conn.execute(f"SELECT count(*) FROM agreements WHERE agency IN ({marks})", agencies).fetchone()[0])
    finally:
        conn.close()
