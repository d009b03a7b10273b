"""Read-only queries the window needs and the CLI does not: searching the navigator."""

from __future__ import annotations

from .workspace import Workspace


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_agreements(workspace: Workspace, text: str) -> set[int]:
    """Ids of agreements whose agency name, or an indicator code or name of the version in force, contains `text`.

    One query, so typing in the search box stays cheap with hundreds of agreements.
    """
    pattern = _like_pattern(text.strip())
    rows = workspace.conn.execute(
        """
        SELECT a.id FROM agreements a WHERE a.agency LIKE :p ESCAPE '\\' OR a.title LIKE :p ESCAPE '\\'
        UNION
        SELECT v.agreement_id FROM indicators i JOIN agreement_versions v ON v.id = i.version_id
        WHERE v.id = (SELECT id FROM agreement_versions WHERE agreement_id = v.agreement_id
                      ORDER BY (status = 'agreed') DESC, number DESC LIMIT 1)
          AND (i.name LIKE :p ESCAPE '\\' OR i.code LIKE :p ESCAPE '\\')
        """,
        {"p": pattern},
    ).fetchall()
    return {int(r[0]) for r in rows}
