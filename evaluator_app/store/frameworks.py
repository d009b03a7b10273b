"""Framework records: the bundled data files, copied into each workspace so its reports stay reproducible."""

from __future__ import annotations

import json
from functools import cache

from ..domain.framework import Framework, framework_for_year
from ..paths import resource
from .workspace import Workspace


@cache
def bundled_frameworks() -> tuple[Framework, ...]:
    folder = resource("frameworks")
    return tuple(
        Framework.from_dict(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    )


def ensure_bundled_frameworks(workspace: Workspace) -> None:
    """Add bundled frameworks the workspace lacks; a framework already there is never overwritten,
    because its settings may have been configured for this committee."""
    have = {row[0] for row in workspace.conn.execute("SELECT id FROM frameworks")}
    missing = [f for f in bundled_frameworks() if f.id not in have]
    if not missing:
        return
    with workspace.transaction() as conn:
        conn.executemany(
            "INSERT INTO frameworks (id, definition) VALUES (?, ?)",
            [(f.id, json.dumps(f.to_dict(), ensure_ascii=False)) for f in missing],
        )


def workspace_frameworks(workspace: Workspace) -> tuple[Framework, ...]:
    rows = workspace.conn.execute("SELECT definition FROM frameworks ORDER BY id").fetchall()
    return tuple(Framework.from_dict(json.loads(row[0])) for row in rows)


def get_framework(workspace: Workspace, framework_id: str) -> Framework:
    row = workspace.conn.execute("SELECT definition FROM frameworks WHERE id = ?", (framework_id,)).fetchone()
    if row is None:
        raise KeyError(framework_id)
    return Framework.from_dict(json.loads(row[0]))


def framework_of_year(workspace: Workspace, fiscal_year: int) -> Framework:
    return framework_for_year(workspace_frameworks(workspace), fiscal_year)


def save_framework(workspace: Workspace, framework: Framework, actor: str) -> None:
    """Configure a framework setting (e.g. floor 0): one transaction and one audit entry."""
    from .audit import append_audit

    before = workspace.conn.execute(
        "SELECT definition FROM frameworks WHERE id = ?", (framework.id,)).fetchone()
    after = json.dumps(framework.to_dict(), ensure_ascii=False)
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO frameworks (id, definition) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET definition = excluded.definition", (framework.id, after))
        append_audit(conn, actor, "configure framework", "framework", framework.id,
                     None if before is None else json.loads(before[0]), framework.to_dict())
