"""Opening SQLite connections the way the workspace needs them, and sqlite-utils without its pandas cost."""

from __future__ import annotations

import importlib
import sqlite3
import sys
from pathlib import Path
from types import ModuleType


def import_sqlite_utils() -> ModuleType:
    """Import sqlite-utils without letting it import pandas and numpy.

    sqlite-utils imports pandas and numpy eagerly at module load when they are installed (about 0.35 s),
    only to map their scalar types to column types. The workspace never hands it numpy or pandas values
    (decimals are stored as TEXT), so the window need not pay for them at start-up.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        for name in blocked:
            del sys.modules[name]


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection with explicit transaction control; WAL and foreign keys are set by the workspace."""
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    `executescript` would commit first, which breaks the promise that a migration is all or nothing.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT just made (typeshed allows None, which only a statement that inserted nothing gives)."""
    if cursor.lastrowid is None:
        raise sqlite3.InterfaceError("the statement inserted no row")
    return cursor.lastrowid
