"""The framework data files bundled with the app, and which of them a workspace still lacks.

A workspace keeps its own copy of every framework it uses, so its reports stay reproducible; opening one adds the
bundled frameworks it lacks and never overwrites one already there (it may have been configured for the committee).
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache

from ..domain.framework import Framework
from ..paths import resource


@cache
def bundled_frameworks() -> tuple[Framework, ...]:
    folder = resource("frameworks")
    return tuple(
        Framework.from_dict(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    )


def missing_framework_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, definition) rows of the bundled frameworks the workspace lacks, for the frameworks table."""
    have = {row[0] for row in conn.execute("SELECT id FROM frameworks")}
    return [(f.id, json.dumps(f.to_dict(), ensure_ascii=False)) for f in bundled_frameworks() if f.id not in have]
