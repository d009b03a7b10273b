"""Opening SQLite connections the way the workspace needs them, and running SQL scripts inside a transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
