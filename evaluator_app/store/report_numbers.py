"""Report numbers a restore cannot move back: one number per paper (an evaluation report: per agreement and round)
for life, its revisions counted under it, and a ledger file beside the workspace that only ever grows.

A restore replaces the workspace file with an older copy, which forgets the numbers issued since. The ledger
(`<workspace>.report-numbers.json`) is not part of the workspace file, so it survives: the next number is one more
than the largest the ledger, the workspace or an older snapshot ever printed, and a paper the ledger knows keeps
its number and continues its revisions where they stopped.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audit import utc_now
from .leftovers import temporary_beside

__all__ = ["PaperNumber", "ledger_path", "paper_number", "record_revision", "record_revisions"]

LEDGER_SUFFIX = ".report-numbers.json"


def ledger_path(workspace_path: Path) -> Path:
    return workspace_path.with_name(workspace_path.name + LEDGER_SUFFIX)


@dataclass(frozen=True)
class PaperNumber:
    """A paper's number and the highest revision ever issued under it (0 when none)."""

    number: int
    last_revision: int
    key: str


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"format": 1, "last": 0, "papers": {}}
    except (OSError, ValueError) as exc:
        # A damaged ledger must not let numbers repeat: refuse to number anything until someone looks at it.
        raise OSError(f"{path}: ทะเบียนเลขที่รายงานเสียหาย / the report number ledger is damaged: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
        raise OSError(f"{path}: ทะเบียนเลขที่รายงานเสียหาย / the report number ledger is damaged")
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    """Whole or not at all: a temporary file, fsync, one rename. The temporary file is named the app's way, beside
    the workspace, so a kill in between leaves nothing the next open does not remove (store/leftovers.py)."""
    with temporary_beside(path) as temporary:
        with open(temporary, "x", encoding="utf-8") as out:
            # one text, one write: json.dump writes token by token (some 600,000 writes over a national batch)
            out.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)


def _key(kind: str, scope: str, identity: str) -> str:
    # The identity (agency and year) keeps a paper's number with the paper even when a restore lets an agreement
    # id be given to another agreement.
    return f"{kind}|{scope}|{identity}"


def paper_number(conn: sqlite3.Connection, workspace_path: Path, kind: str, scope: str, identity: str
                 ) -> PaperNumber:
    """The paper's number, assigned now if it has none; call inside the issuing transaction, and record the revision
    drawn under it (`record_revision`) before the transaction commits: the ledger then knows every number printed,
    and a failure before it leaves the number unused and unrecorded, never printed twice."""
    path = ledger_path(workspace_path)
    ledger = _read(path)
    key = _key(kind, scope, identity)
    known = ledger["papers"].get(key)
    stored = conn.execute("SELECT number FROM report_numbers WHERE kind = ? AND scope = ?", (kind, scope)).fetchone()
    revision_row = conn.execute("SELECT max(revision) FROM report_snapshots WHERE kind = ? AND scope = ?",
                                (kind, scope)).fetchone()
    stored_revision = int(revision_row[0] or 0)
    if known is not None:
        number, last_revision = int(known["number"]), max(int(known.get("revision", 0)), stored_revision)
    elif stored is not None:
        number, last_revision = int(stored[0]), stored_revision
    elif (legacy_first := conn.execute(
            "SELECT min(id) FROM report_snapshots WHERE kind = ? AND scope = ? AND number IS NULL",
            (kind, scope)).fetchone()[0]) is not None:
        # Issued before numbers existed: its first revision printed its id as the number; the paper keeps it.
        number, last_revision = int(legacy_first), stored_revision
    else:
        highest = conn.execute("SELECT max(number) FROM report_numbers").fetchone()[0] or 0
        # Before numbers existed a report printed its snapshot id as its number: never print one of those again.
        legacy = conn.execute("SELECT max(id) FROM report_snapshots WHERE number IS NULL").fetchone()[0] or 0
        number, last_revision = max(int(ledger.get("last", 0)), int(highest), int(legacy)) + 1, stored_revision
    conn.execute("INSERT INTO report_numbers (kind, scope, number, assigned_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT DO NOTHING", (kind, scope, number, utc_now()))
    # The ledger learns the number with the revision drawn under it (record_revision(s)), which every caller writes
    # before it commits: a number nothing was printed with needs no record. Writing it here as well cost a write
    # and an fsync per report, which a batch's workers waited for (issue 16, round seven).
    return PaperNumber(number, last_revision, key)


def record_revision(workspace_path: Path, paper: PaperNumber, revision: int) -> None:
    """Remember in the ledger that `revision` of the paper was issued (before the workspace commits it)."""
    record_revisions(workspace_path, [(paper, revision)])


def record_revisions(workspace_path: Path, issued: Sequence[tuple[PaperNumber, int]]) -> None:
    """`record_revision` for several papers in one write of the ledger (a batch's chunk, before it commits): the
    ledger is read, changed and written whole once, with one fsync, instead of once a paper."""
    path = ledger_path(workspace_path)
    ledger = _read(path)
    changed = False
    for paper, revision in issued:
        entry = ledger["papers"].setdefault(paper.key, {"number": paper.number, "revision": 0})
        if int(entry.get("revision", 0)) >= revision:
            continue
        entry["revision"] = revision
        ledger["last"] = max(int(ledger.get("last", 0)), paper.number)
        changed = True
    if changed:
        _write(path, ledger)
