"""Framework records of a workspace: read, chosen by fiscal year, configured. The bundled data files are copied
into each workspace (store/framework_files.py) so its reports stay reproducible."""

from __future__ import annotations

import json

from ..domain.framework import Framework, framework_for_year
from .workspace import Workspace


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
