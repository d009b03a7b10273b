"""Restoring a backup over a workspace ("Restore from backup…", `restore`): the current content is kept as a
backup first, the restore is itself an audit entry, and a crash at any moment leaves the old content or the new."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .audit import append_audit
from .backups import (
    BEFORE_RESTORE,
    Backup,
    _fsync_dir,
    _fsync_file,
    back_up,
    backups_folder,
    check_backup,
    copy_database,
    file_sha256,
    find_backup,
    keep_aside_damaged,
)
from .leftovers import temporary_name
from .lock import LockHeld, UnsafeLockFile, acquire_writer_lock
from .workspace import Workspace, _held_reason
from .workspace_file import DamagedWorkspace, ForeignFile, NotAWorkspace, WorkspaceError, inspect_file


@dataclass(frozen=True)
class RestoreResult:
    restored: Backup
    kept: Path | None  # the workspace as it was, kept as a backup (or aside, when it was damaged)


def restore_backup(workspace: Path | str, backup: Backup | Path | str, *, actor: str) -> RestoreResult:
    """"Restore from backup…": replace the workspace's content with a backup's, keeping the current content as a
    backup first. The restore itself is an audit entry in the restored file.

    Close every open Workspace on this file first (the window reopens it after). Another process holding the
    workspace makes this refuse. A crash at any moment leaves either the old content or the restored one.
    """
    path = Path(workspace)
    try:
        inspect_file(path)
    except ForeignFile:
        raise  # another application's database is never replaced by a backup of ours
    except NotAWorkspace:
        pass  # unreadable or damaged: what a restore is for (the bytes are kept aside first)
    chosen = backup if isinstance(backup, Backup) else find_backup(path, str(backup))
    check_backup(chosen.path)
    try:
        lock = acquire_writer_lock(path)
    except LockHeld as held:
        raise WorkspaceError(_held_reason(held)) from None
    except UnsafeLockFile as exc:
        raise WorkspaceError(str(exc)) from None
    # named with this host and process: a restore killed midway leaves a file the next open removes
    staging = temporary_name(backups_folder(path) / "restore.sqlite")
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
    except (sqlite3.DatabaseError, DamagedWorkspace):
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
