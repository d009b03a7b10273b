"""A committee workspace: one SQLite file, opened safely (one writer, backed up), changed only inside transactions."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import backups
from .framework_files import missing_framework_rows
from .lock import LockHeld, WriterLock, acquire_writer_lock
from .schema import SCHEMA_VERSION, UPGRADES
from .sqlite import connect, import_sqlite_utils

log = logging.getLogger(__name__)

APPLICATION_ID = 0x45564150  # "EVAP": marks the file as ours, so a stray SQLite file is not mistaken for one


class WorkspaceError(Exception):
    """A workspace that cannot be opened as asked; the message says why in Thai and English."""


class StorageError(WorkspaceError):
    """The disk refused a write (full, read-only, failing); the change was rolled back, nothing saved was lost."""


def _is_read_only_error(exc: BaseException) -> bool:
    import errno

    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or getattr(exc, "errno", None) in (errno.EROFS, errno.EACCES,
                                                                                         errno.EPERM)


def storage_error_message(exc: BaseException) -> str | None:
    """What a person reads when the disk refuses a write (Thai / English), or None for other errors."""
    import errno

    text = str(exc)
    lowered = text.lower()
    kept = "ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ / nothing already saved was lost; this change was not saved"
    if "full" in lowered or getattr(exc, "errno", None) == errno.ENOSPC:
        return (f"พื้นที่ดิสก์เต็ม บันทึกไม่ได้ โปรดลบไฟล์ที่ไม่ใช้หรือย้ายไฟล์ไปดิสก์อื่นแล้วลองใหม่ / the disk is full "
                f"({text}): free some space or move the workspace, then try again. {kept}")
    if _is_read_only_error(exc):
        return (f"ไฟล์พื้นที่ทำงานหรือโฟลเดอร์นี้เขียนไม่ได้ (อ่านอย่างเดียว) โปรดคัดลอกไปยังโฟลเดอร์ที่เขียนได้ / the "
                f"workspace file or its folder cannot be written ({text}): copy it to a writable folder. {kept}")
    if "disk i/o error" in lowered or isinstance(exc, OSError):
        return (f"อ่านหรือเขียนดิสก์ไม่สำเร็จ / the disk failed to read or write ({text}): check the disk or the "
                f"USB stick, then try again. {kept}")
    if "locked" in lowered or "busy" in lowered:
        return (f"มีโปรแกรมอื่นกำลังใช้ไฟล์นี้อยู่ โปรดลองใหม่ / another program is using the workspace ({text}): "
                f"try again. {kept}")
    return None


class Workspace:
    """An open workspace file. Use `Workspace.open(path)`; close it, or use it as a context manager.

    `read_only_reason` says (Thai / English) why a workspace asked for writing was opened read-only, e.g. another
    person holds it; the window shows it as a banner and every write is refused with it.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool,
                 read_only_reason: str | None = None, lock: WriterLock | None = None):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.backup_policy = backups.BackupPolicy()
        self.backup_error: str | None = None  # the last automatic backup that failed, for the window to show
        self._lock = lock
        self._db: Any = None
        self._listeners: list[Any] = []
        self._changes_since_backup = 0
        self._last_backup = time.monotonic()
        self._closed = False

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, read_only: bool = False,
             auto_backup: bool = True, backup_policy: backups.BackupPolicy | None = None) -> Workspace:
        """Open (or create) a workspace. Asked for writing, it takes the writer lock; when another process holds
        it, or the folder cannot be written, it opens read-only and says why in `read_only_reason`.

        With `auto_backup`, an existing file is backed up on open (unless the newest backup is recent) and after
        every so many changes or minutes; a file is always backed up before its schema is upgraded.
        """
        path = Path(path)
        existed = path.exists()
        if not existed and (read_only or not create):
            raise WorkspaceError(
                f"ไม่พบไฟล์พื้นที่ทำงาน {path} / workspace file not found: {path}")
        reason: str | None = None
        lock: WriterLock | None = None
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                lock = acquire_writer_lock(path)
            except LockHeld as held:
                reason = _held_reason(held)
            except OSError as exc:
                reason = (f"เขียนโฟลเดอร์ {path.parent} ไม่ได้ ({exc.strerror or exc}) จึงเปิดแบบอ่านอย่างเดียว / "
                          f"the folder {path.parent} cannot be written ({exc.strerror or exc}), so the workspace "
                          f"is open read-only")
            if reason is not None:
                if not existed:
                    raise WorkspaceError(reason)
                read_only = True
        try:
            workspace = cls._open_locked(path, existed, read_only, reason, lock, auto_backup, backup_policy)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return workspace

    @classmethod
    def _open_locked(cls, path: Path, existed: bool, read_only: bool, reason: str | None, lock: WriterLock | None,
                     auto_backup: bool, backup_policy: backups.BackupPolicy | None) -> Workspace:
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
        workspace = cls(path, conn, read_only, reason, lock)
        try:
            workspace._prepare(version, existed, auto_backup, backup_policy)
        except sqlite3.OperationalError as exc:
            workspace._lock = None  # the caller releases it on failure; a read-only reopen keeps holding it
            conn.close()
            if read_only or not existed or not _is_read_only_error(exc):
                raise
            # The file cannot be written (a read-only mount, a locked-down share): open it to read, and say why.
            return cls._open_locked(path, existed, True, storage_error_message(exc), lock, auto_backup,
                                    backup_policy)
        except BaseException:
            workspace._lock = None  # the caller releases it
            conn.close()
            raise
        return workspace

    def _prepare(self, version: int, existed: bool, auto_backup: bool,
                 backup_policy: backups.BackupPolicy | None) -> None:
        conn, path = self.conn, self.path
        if self.read_only:
            if version < SCHEMA_VERSION:
                why = f" ({self.read_only_reason})" if self.read_only_reason else ""
                raise WorkspaceError(
                    f"ไฟล์ {path} เป็นรุ่นเก่า ต้องเปิดแบบแก้ไขได้เพื่อปรับรุ่น / {path} uses an older schema and "
                    f"must be opened writable once to be upgraded{why}")
            return
        backed_up = False
        if 0 < version < SCHEMA_VERSION:
            # Always, whatever auto_backup says: an upgrade is one-way, and this copy is the way back.
            try:
                backups.back_up(conn, path, backups.BEFORE_MIGRATION, policy=backup_policy)
            except (OSError, sqlite3.Error) as exc:
                raise WorkspaceError(
                    f"สำรองไฟล์ {path} ก่อนปรับรุ่นข้อมูลไม่ได้ ({exc}) จึงยังไม่ปรับรุ่น / could not back up {path} "
                    f"before upgrading its schema ({exc}); nothing was changed") from exc
            backed_up = True
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL makes each committed change durable before we tell the person it is saved.
        conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            self._migrate(version)
        missing = missing_framework_rows(conn)
        if missing:
            with self.transaction() as writing:
                writing.executemany("INSERT INTO frameworks (id, definition) VALUES (?, ?)", missing)
        if not auto_backup:
            return
        self.backup_policy = backups.BackupPolicy.from_settings(self.setting, backup_policy)
        if existed and version > 0 and not backed_up:
            newest = backups.newest_backup(path)
            age = None if newest is None else datetime.now(UTC) - newest.taken_at
            if age is None or age >= self.backup_policy.on_open_after or age.total_seconds() < 0:
                self._auto_backup(backups.ON_OPEN)
        self.on_commit(self._count_change)

    def _auto_backup(self, reason: str) -> None:
        """An automatic backup; a failure (disk full) is logged and remembered, never stops the person's work."""
        try:
            backups.back_up(self.conn, self.path, reason, policy=self.backup_policy)
        except (OSError, sqlite3.Error) as exc:
            self.backup_error = (f"สำรองข้อมูลอัตโนมัติไม่สำเร็จ: {exc} / the automatic backup failed: {exc}")
            log.warning("%s", self.backup_error)
            return
        self.backup_error = None
        self._changes_since_backup = 0
        self._last_backup = time.monotonic()

    def _count_change(self) -> None:
        self._changes_since_backup += 1
        policy = self.backup_policy
        if (self._changes_since_backup >= policy.every_changes
                or time.monotonic() - self._last_backup >= policy.every_interval.total_seconds()):
            self._auto_backup(backups.AFTER_CHANGES)

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
            raise WorkspaceError(self.read_only_reason or
                                 "พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว / the workspace is open read-only")
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                # Also after a failed COMMIT (a full disk): SQLite keeps that transaction open until rolled back.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            message = storage_error_message(exc)
            if message is None:
                raise
            if _is_read_only_error(exc):
                # Found out on the first write (a read-only mount): from now on the window shows the banner.
                self.read_only = True
                self.read_only_reason = message
            raise StorageError(message) from exc
        for listener in list(self._listeners):
            listener()

    def on_commit(self, listener: Any) -> None:
        """Call `listener()` after each committed transaction (views refresh from it)."""
        self._listeners.append(listener)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _held_reason(held: LockHeld) -> str:
    """The banner text when another process writes the workspace."""
    if held.owner is None:
        return ("มีผู้อื่นกำลังแก้ไขพื้นที่ทำงานนี้อยู่ จึงเปิดแบบอ่านอย่างเดียว / someone else is editing this workspace, "
                "so it is open read-only")
    return (f"{held.owner.describe_th()} กำลังแก้ไขพื้นที่ทำงานนี้อยู่ จึงเปิดแบบอ่านอย่างเดียว / "
            f"{held.owner.describe_en()} is editing this workspace, so it is open read-only")
