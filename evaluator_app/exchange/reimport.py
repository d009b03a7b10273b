"""Importing a workbook again: only what the file changed since the previous import is applied.

Every import records, in the audit log, the self-assessment results the file held for each agreement ("import
results"). On the next import of that agreement each result is compared three ways: the file now (F), the file at
the previous import (P), and the workspace now (C).

- F equals C: nothing to do.
- F equals P: the file did not change this result; C is a later edit (by the secretary, in the window) and stays.
- C equals P: nobody edited it since the import; F is the agency's new figure and is applied. Its comment, the
  committee's adjustment and the private note are kept: only the result comes from the file.
- otherwise the file and a later edit both changed it: a conflict. It is listed (preview and stderr) and the edit is
  kept, unless the person chooses the file's value (`--overwrite-edits`); a kept conflict is listed again at the
  next import of the file, until it is settled.

A result that no earlier import recorded (an agreement imported before this was kept) and that differs from what is
stored counts as edited: a re-import never reverts anything silently.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from decimal import Decimal

from ..domain.display_text import shown_on_one_line
from ..domain.rating import Rating
from ..store.audit import append_audit
from ..store.ratings import StoredRating

ACTION = "import results"
_UNSEEN = object()


@dataclass(frozen=True)
class ImportConflict:
    """A result the file changes that was also edited after the previous import; the edit is kept unless
    overwritten."""

    agreement_id: int
    agency: str
    fiscal_year: int
    round: int
    code: str
    stored: Decimal | None
    stored_by: str
    stored_at: str
    in_file: Decimal | None
    overwritten: bool

    def describe(self) -> str:
        kept_th = "ใช้ค่าจากไฟล์แทน" if self.overwritten else "คงค่าที่แก้ไขไว้"
        kept_en = "the file's value was applied (--overwrite-edits)" if self.overwritten else \
            "the edit is kept (--overwrite-edits applies the file's value)"
        return (f"ขัดกัน / conflict: {shown_on_one_line(self.agency)} {self.fiscal_year} (id {self.agreement_id}), "
                f"รอบ / round {self.round}, ตัวชี้วัด / indicator {self.code}: แก้ไขเป็น {_plain(self.stored)} โดย "
                f"{self.stored_by} หลังนำเข้าครั้งก่อน แต่ไฟล์มี {_plain(self.in_file)}; {kept_th} / edited to "
                f"{_plain(self.stored)} by {self.stored_by} ({self.stored_at}) after the previous import, but the file "
                f"says {_plain(self.in_file)}: {kept_en}")


def _plain(value: Decimal | None) -> str:
    return "-" if value is None else str(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def previous_results(conn: sqlite3.Connection, agreement_id: int) -> dict[str, str | None]:
    """"round/code" -> the result text an import last brought for it (newest import of each cell wins)."""
    found: dict[str, str | None] = {}
    for (after,) in conn.execute(
            "SELECT after FROM audit_log WHERE action = ? AND entity = 'agreement' AND entity_key = ? "
            "ORDER BY id", (ACTION, str(agreement_id))):
        try:
            results = json.loads(after)["results"]
        except (ValueError, KeyError, TypeError):
            continue
        if isinstance(results, dict):
            found.update({str(k): (None if v is None else str(v)) for k, v in results.items()})
    return found


@dataclass(frozen=True)
class ResultPlan:
    changes: list[tuple[Rating, str | None, int | None]]  # for record_ratings: (rating, private note, version)
    conflicts: list[ImportConflict]


def plan_results(agreement_id: int, agency: str, fiscal_year: int, in_file: tuple[Rating, ...],
                 stored: dict[tuple[int, str], StoredRating], previous: dict[str, str | None], *,
                 overwrite_edits: bool) -> ResultPlan:
    changes: list[tuple[Rating, str | None, int | None]] = []
    conflicts: list[ImportConflict] = []
    for rating in in_file:
        current = stored.get((rating.round, rating.code))
        now = None if current is None else current.rating.result
        if now == rating.result:
            continue
        before = previous.get(f"{rating.round}/{rating.code}", _UNSEEN)
        if before is not _UNSEEN and _text(rating.result) == before:
            continue  # the file did not change it: the later edit stays, and is no conflict
        edited = current is not None and (before is _UNSEEN or _text(now) != before)
        if edited and current is not None:
            conflicts.append(ImportConflict(agreement_id, agency, fiscal_year, rating.round, rating.code, now,
                                            current.updated_by, current.updated_at, rating.result, overwrite_edits))
            if not overwrite_edits:
                continue
        if current is None:
            changes.append((rating, None, None))
        else:
            # Only the result comes from the file: the comment, an adjustment and the private note stay.
            changes.append((replace(current.rating, result=rating.result), current.note, current.edit_version))
    return ResultPlan(changes, conflicts)


def record_import(conn: sqlite3.Connection, actor: str, agreement_id: int, source: str,
                  in_file: tuple[Rating, ...], conflicts: list[ImportConflict]) -> None:
    """Remember what this file said, for the next import of the agreement (inside the import's transaction).

    A conflict whose edit was kept is left out: the next import meets it again (and `--overwrite-edits` can still
    apply the file's value) until the person settles it."""
    kept = {(c.round, c.code) for c in conflicts if not c.overwritten}
    append_audit(conn, actor, ACTION, "agreement", str(agreement_id), None,
                 {"source": source, "results": {f"{r.round}/{r.code}": _text(r.result) for r in in_file
                                                if (r.round, r.code) not in kept}})
