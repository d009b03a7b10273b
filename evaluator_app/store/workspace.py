"""A committee workspace: one SQLite file, opened safely, changed only inside transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .schema import SCHEMA_VERSION, UPGRADES
from .sqlite import connect, import_sqlite_utils

APPLICATION_ID = 0x45564150  # "EVAP": marks the file as ours, so a stray SQLite file is not mistaken for one


class WorkspaceError(Exception):
    """A workspace that cannot be opened as asked; the message says why in Thai and English."""


class Workspace:
    """An open workspace file. Use `Workspace.open(path)`; close it, or use it as a context manager."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._db: Any = None
        self._listeners: list[Any] = []

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, read_only: bool = False) -> Workspace:
        path = Path(path)
        if not path.exists() and (read_only or not create):
            raise WorkspaceError(
                f"ไม่พบไฟล์พื้นที่ทำงาน {path} / workspace file not found: {path}")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = connect(path, read_only=read_only)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                f"ไฟล์ {path} ไม่ใช่พื้นที่ทำงานที่อ่านได้ / {path} is not a readable workspace file ({exc})"
            ) from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise WorkspaceError(
                f"ไฟล์ {path} ถูกบันทึกด้วยโปรแกรมรุ่นใหม่กว่า (รุ่นข้อมูล {version}) "
                f"โปรดปรับปรุงโปรแกรมก่อนเปิดไฟล์นี้ / {path} was written by a newer version of evaluator-app "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); update the app to open it"
            )
        if version > 0 and app_id != APPLICATION_ID:
            conn.close()
            raise WorkspaceError(
                f"ไฟล์ {path} ไม่ใช่พื้นที่ทำงานของโปรแกรมนี้ / {path} is an SQLite file, but not an "
                f"evaluator-app workspace")
        workspace = cls(path, conn, read_only)
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL makes each committed change durable before we tell the person it is saved.
            conn.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA_VERSION:
                workspace._migrate(version)
        elif version < SCHEMA_VERSION:
            conn.close()
            raise WorkspaceError(
                f"ไฟล์ {path} เป็นรุ่นเก่า ต้องเปิดแบบแก้ไขได้เพื่อปรับรุ่น / {path} uses an older schema and "
                f"must be opened writable once to be upgraded")
        from .frameworks import ensure_bundled_frameworks  # import here: frameworks imports this module

        if not read_only:
            ensure_bundled_frameworks(workspace)
        return workspace

    def _migrate(self, from_version: int) -> None:
        # All steps in one transaction: a failed upgrade leaves the file exactly as it was.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for step in UPGRADES[from_version:]:
                step(self.conn)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    @property
    def db(self) -> Any:
        """The sqlite-utils Database over the same connection, created when first needed."""
        if self._db is None:
            sqlite_utils = import_sqlite_utils()
            self._db = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is written, or none of it.

        BEGIN IMMEDIATE takes the write lock up front, so a second writer waits or fails before any work.
        Nested use joins the outer transaction.
        """
        if self.read_only:
            raise WorkspaceError("พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว / the workspace is open read-only")
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        for listener in list(self._listeners):
            listener()

    def on_commit(self, listener: Any) -> None:
        """Call `listener()` after each committed transaction (views refresh from it)."""
        self._listeners.append(listener)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        if not self.read_only:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
