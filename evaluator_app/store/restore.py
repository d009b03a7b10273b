"""What the window and the command line do with backups of a workspace: back up now, find a backup by name,
check one, and restore one (the current content is kept as a backup first).

Restoring opens workspaces (the staged copy is upgraded and audited), so it lives here and not in backups.py,
which the workspace itself uses for its automatic backups.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .audit import append_audit
from .backups import (
    BEFORE_RESTORE,
    MANUAL,
    PARTIAL_SUFFIX,
    Backup,
    _fsync_dir,
    _fsync_file,
    back_up,
    backups_folder,
    copy_database,
    file_sha256,
    keep_aside_damaged,
    list_backups,
    parse_backup_name,
)
from .lock import LockHeld, acquire_writer_lock
from .schema import SCHEMA_VERSION
from .workspace import APPLICATION_ID, Workspace, WorkspaceError, _held_reason


def back_up_now(workspace: Workspace) -> Backup:
    """"Back up now": a manual backup of an open workspace (works read-only too: it only reads)."""
    return back_up(workspace.conn, workspace.path, MANUAL, policy=workspace.backup_policy)


def find_backup(workspace: Path | str, name: str) -> Backup:
    """A backup named on the command line: `latest`, a file name in the backups folder, or a path."""
    available = list_backups(workspace)
    if name == "latest":
        if not available:
            raise WorkspaceError(f"ยังไม่มีไฟล์สำรองของ {workspace} / {workspace} has no backups yet")
        return available[0]
    for backup in available:
        if name in (backup.name, str(backup.path)) or Path(name).resolve() == backup.path.resolve():
            return backup
    candidate = Path(name)
    if candidate.is_file():
        parsed = parse_backup_name(candidate)
        taken_at, reason = parsed if parsed else (datetime.fromtimestamp(candidate.stat().st_mtime, UTC), "file")
        return Backup(candidate, taken_at, reason, candidate.stat().st_size)
    raise WorkspaceError(f"ไม่พบไฟล์สำรอง {name} / no backup named {name} (see: evaluator-app backups)")


@dataclass(frozen=True)
class RestoreResult:
    restored: Backup
    kept: Path | None  # the workspace as it was, kept as a backup (or aside, when it was damaged)


def check_backup(path: Path) -> tuple[int, int]:
    """(schema version, audit entries) of a backup that is whole and ours; WorkspaceError otherwise."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] if version > 0 else 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"ไฟล์สำรอง {path.name} อ่านไม่ได้ / the backup {path.name} cannot be read ({exc})") from exc
    if not ok or app_id != APPLICATION_ID or version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"ไฟล์สำรอง {path.name} เสียหายหรือไม่ใช่พื้นที่ทำงานของโปรแกรมนี้ / the backup {path.name} is damaged, "
            f"from a newer version, or not an evaluator-app workspace")
    return int(version), int(entries)


def restore_backup(workspace: Path | str, backup: Backup | Path | str, *, actor: str) -> RestoreResult:
    """"Restore from backup…": replace the workspace's content with a backup's, keeping the current content as a
    backup first. The restore itself is an audit entry in the restored file.

    Close every open Workspace on this file first (the window reopens it after). Another process holding the
    workspace makes this refuse. A crash at any moment leaves either the old content or the restored one.
    """
    path = Path(workspace)
    chosen = backup if isinstance(backup, Backup) else find_backup(path, str(backup))
    check_backup(chosen.path)
    try:
        lock = acquire_writer_lock(path)
    except LockHeld as held:
        raise WorkspaceError(_held_reason(held)) from None
    staging = backups_folder(path) / f".restoring-{os.getpid()}{PARTIAL_SUFFIX}"
    try:
        kept, discarded_head = _keep_current(path)
        source = sqlite3.connect(chosen.path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            copy_database(source, staging)
        finally:
            source.close()
        # Upgrade and audit the staged copy, so the file that replaces the workspace already says it was restored.
        with Workspace.open(staging, auto_backup=False) as staged, staged.transaction() as conn:
            append_audit(conn, actor, "restore backup", "workspace", path.name,
                         {"audit_head": discarded_head, "kept_as": None if kept is None else kept.name},
                         {"backup": chosen.name, "taken_at": chosen.taken_at.isoformat(),
                          "sha256": file_sha256(chosen.path)})
        _replace_content(path, staging)
    finally:
        for leftover in (staging, staging.with_name(staging.name + ".lock"),
                         staging.with_name(staging.name + "-wal"), staging.with_name(staging.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        staging_backups = backups_folder(staging)
        if staging_backups.exists():
            shutil.rmtree(staging_backups, ignore_errors=True)
        lock.release()
    return RestoreResult(chosen, kept)


def _keep_current(path: Path) -> tuple[Path | None, dict[str, object] | None]:
    """Back up the workspace as it is now; a file SQLite cannot read is copied aside instead."""
    if not path.exists():
        return None, None
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            head = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            kept = back_up(conn, path, BEFORE_RESTORE)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return keep_aside_damaged(path), None
    return kept.path, None if head is None else {"id": head[0], "hash": head[1]}


def _replace_content(path: Path, staging: Path) -> None:
    """Write the staged database over the workspace in one transaction (the backup API into the live file)."""
    source = sqlite3.connect(staging, isolation_level=None)
    try:
        try:
            target = sqlite3.connect(path, isolation_level=None)
            try:
                target.execute("PRAGMA busy_timeout = 5000")
                source.backup(target)
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if target.execute("PRAGMA integrity_check").fetchone()[0] == "ok":
                    return
            finally:
                target.close()
        except sqlite3.DatabaseError:
            pass
    finally:
        source.close()
    # The current file is damaged beyond the backup API (it was copied aside first): swap the file itself.
    _fsync_file(staging)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    os.replace(staging, path)
    _fsync_dir(path.parent)
