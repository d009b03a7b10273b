"""Warnings of the import policy, stored with the agreement version they were read into."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..domain.problems import Problem
from .workspace import Workspace


def save_version_warnings(conn: sqlite3.Connection, version_id: int, warnings: Sequence[Problem]) -> None:
    """Inside the caller's transaction: the warnings of the import that made this version."""
    conn.executemany(
        "INSERT INTO version_warnings (version_id, ord, th, en, file, sheet, row, col, field, indicator) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(version_id, n, w.th, w.en, w.file, w.sheet, w.row, w.column, w.field, w.indicator)
         for n, w in enumerate(warnings)])


def version_warnings(workspace: Workspace, version_id: int) -> tuple[Problem, ...]:
    """The warnings stored with one version, in the order the import found them."""
    rows = workspace.conn.execute(
        "SELECT th, en, file, sheet, row, col, field, indicator FROM version_warnings WHERE version_id = ? "
        "ORDER BY ord", (version_id,)).fetchall()
    return tuple(Problem(th=r[0], en=r[1], file=r[2], sheet=r[3], row=r[4], column=r[5], field=r[6],
                         indicator=r[7], warning=True) for r in rows)


def agreement_warnings(workspace: Workspace, agreement_id: int) -> tuple[Problem, ...]:
    """Every import warning of an agreement, oldest version first: what the report's "rules applied" lists.

    A negotiated version is made from an imported one; what the import took as written still holds for it.
    """
    rows = workspace.conn.execute(
        "SELECT w.th, w.en, w.file, w.sheet, w.row, w.col, w.field, w.indicator FROM version_warnings w "
        "JOIN agreement_versions v ON v.id = w.version_id WHERE v.agreement_id = ? ORDER BY v.number, w.ord",
        (agreement_id,)).fetchall()
    return tuple(Problem(th=r[0], en=r[1], file=r[2], sheet=r[3], row=r[4], column=r[5], field=r[6],
                         indicator=r[7], warning=True) for r in rows)
