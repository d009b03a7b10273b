"""Timestamped backups of a workspace beside it (`<file>.backups/`), made with SQLite's backup API and thinned.

A backup is written under a temporary name and renamed when complete, so a crash mid-backup never leaves a
half-written file that looks like a backup. Thinning keeps the recent copies plus daily, weekly and monthly ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol

from .leftovers import temporary_name
from .workspace_file import (
    APPLICATION_ID,
    DamagedWorkspace,
    WorkspaceError,
    health_problems,
    read_only_uri,
)
from .workspace_file import backups_folder as backups_folder  # where it always was, for callers

BACKUP_SUFFIX = ".sqlite"
PARTIAL_SUFFIX = ".partial"
DAMAGED_SUFFIX = ".damaged"  # a raw copy of an unreadable file, kept aside before a restore; never restorable

# Why a backup was taken; the reason is part of the file name.
ON_OPEN = "open"
BEFORE_MIGRATION = "before-migration"
AFTER_CHANGES = "changes"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
REASONS = (ON_OPEN, BEFORE_MIGRATION, AFTER_CHANGES, MANUAL, BEFORE_RESTORE)
# Backups that record a moment the person chose or a one-way step; thinning keeps a few more of them.
PINNED_REASONS = (MANUAL, BEFORE_MIGRATION, BEFORE_RESTORE)

_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupPolicy:
    """When automatic backups are taken and how many are kept. Settings `backup.*` in the workspace override it."""

    on_open_after: timedelta = timedelta(minutes=30)  # a CLI loop opening the file each call backs up rarely
    every_changes: int = 200  # committed transactions
    every_interval: timedelta = timedelta(minutes=15)  # ... or this long after the last backup, if anything changed
    keep_recent: int = 12
    keep_daily: int = 14
    keep_weekly: int = 8
    keep_monthly: int = 24
    keep_pinned: int = 5  # of each pinned reason, on top of the above

    SETTINGS = {  # noqa: RUF012 - a class-level table, read only
        "backup.on_open_minutes": "on_open_after",
        "backup.every_changes": "every_changes",
        "backup.every_minutes": "every_interval",
    }

    @classmethod
    def from_settings(cls, setting: Callable[[str], str | None], base: BackupPolicy | None = None) -> BackupPolicy:
        """The policy with any `backup.*` workspace settings applied; a malformed setting is ignored."""
        policy = base or cls()
        changes: dict[str, object] = {}
        for key, field in cls.SETTINGS.items():
            text = setting(key)
            if text is None:
                continue
            try:
                number = int(text)
            except ValueError:
                continue
            if number < 0:
                continue
            changes[field] = number if field == "every_changes" else timedelta(minutes=number)
        if not changes:
            return policy
        from dataclasses import replace

        return replace(policy, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(workspace: Path, taken_at: datetime, reason: str) -> str:
    return f"{workspace.stem}-{taken_at.astimezone(UTC).strftime(_STAMP)}-{reason}{BACKUP_SUFFIX}"


def parse_backup_name(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return taken_at, match["reason"]


def list_backups(workspace: Path | str) -> list[Backup]:
    """The complete backups of a workspace, newest first. Works without opening the workspace (even a damaged one)."""
    folder = backups_folder(Path(workspace))
    found = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in folder.iterdir():
            parsed = parse_backup_name(entry)
            if parsed is None or not entry.is_file():
                continue
            found.append(Backup(entry, parsed[0], parsed[1], entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def newest_backup(workspace: Path) -> Backup | None:
    backups = list_backups(workspace)
    return backups[0] if backups else None


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory; NTFS orders its own metadata
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent snapshot of `source` to `target` (a new file) with the backup API, as one file."""
    destination = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(destination)
        # The copy inherits WAL mode; a backup is one self-contained file, so it goes back to a rollback journal.
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    _fsync_file(target)


def back_up(conn: sqlite3.Connection, workspace: Path, reason: str, *, now: datetime | None = None,
            policy: BackupPolicy | None = None) -> Backup:
    """Back up the database open on `conn` (the workspace at `workspace`) into its backups folder, then thin."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    # A copy of a damaged file is not a backup: it would push a healthy one out of the thinned set and make
    # `restore latest` bring the damage back.
    damage = health_problems(conn)
    if damage:
        raise DamagedWorkspace(
            f"ไม่สำรองไฟล์ {workspace} เพราะไฟล์เสียหาย / {workspace} was not backed up: it is damaged "
            f"({'; '.join(damage)}).{recovery_advice(workspace)}")
    folder = backups_folder(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    taken_at = now or datetime.now(UTC)
    target = folder / backup_name(workspace, taken_at, reason)
    while target.exists():  # two backups in the same microsecond (a fast clock, a restore): never overwrite
        taken_at += timedelta(microseconds=1)
        target = folder / backup_name(workspace, taken_at, reason)
    _remove_partials(folder)
    partial = temporary_name(target)  # named with this host and process: the next open removes it after a kill
    try:
        copy_database(conn, partial)
        os.replace(partial, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    backup = Backup(target, taken_at, reason, target.stat().st_size)
    thin_backups(workspace, now=taken_at, policy=policy)
    return backup


def newest_healthy_backup(workspace: Path | str) -> Backup | None:
    """The newest backup that passes its checks (integrity, foreign keys, ours, not from a newer version)."""
    for backup in list_backups(workspace):
        try:
            check_backup(backup.path)
        except WorkspaceError:
            continue
        return backup
    return None


def recovery_advice(workspace: Path) -> str:
    """How to get a damaged workspace back (Thai / English): restore the newest healthy backup, naming it, or
    salvage what SQLite can still read into a new file. Empty when the file never had backups."""
    folder = backups_folder(workspace)
    backup = newest_healthy_backup(workspace)
    new_file = workspace.with_name(f"{workspace.stem}-recovered{workspace.suffix or '.sqlite'}")
    recover = f'sqlite3 "{workspace}" ".recover" | sqlite3 "{new_file}"'
    if backup is None:
        if not folder.is_dir():
            return ""
        return (f" ไม่มีไฟล์สำรองที่สมบูรณ์ กู้ข้อมูลเท่าที่อ่านได้ลงไฟล์ใหม่ด้วย {recover} / there is no healthy backup: "
                f"salvage what can be read into a new file with: {recover}")
    return (f" วิธีกู้คืน: กู้จากไฟล์สำรองที่สมบูรณ์ล่าสุด {backup.name} ด้วย evaluator-app --db \"{workspace}\" restore "
            f"latest หรือกู้ข้อมูลลงไฟล์ใหม่ด้วย {recover} / to recover, restore the newest healthy backup, "
            f"{backup.name} (taken {backup.taken_at:%Y-%m-%d %H:%M} UTC): evaluator-app --db \"{workspace}\" "
            f"restore latest; or salvage what can be read into a new file with: {recover}")


def _remove_partials(folder: Path) -> None:
    # Left by a process killed mid-backup. A read-only instance may be backing up right now, so only old ones go.
    cutoff = datetime.now().timestamp() - 600
    for leftover in folder.glob(f"*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def keep_aside_damaged(workspace: Path, now: datetime | None = None) -> Path:
    """A raw copy of a workspace that SQLite cannot read (file and WAL), before it is replaced by a restore.

    A plain copy is right only here: the backup API cannot read a damaged file, and these bytes are evidence.
    """
    folder = backups_folder(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    target = folder / f"{workspace.stem}-{stamp}-damaged{BACKUP_SUFFIX}{DAMAGED_SUFFIX}"
    shutil.copyfile(workspace, target)
    wal = workspace.with_name(workspace.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def backups_to_delete(backups: Sequence[Backup], policy: BackupPolicy | None = None,
                      tz: tzinfo | None = None) -> list[Backup]:
    """Which backups thinning removes: all but the newest few, the newest of each of the last days, weeks and
    months that have backups, and a few of each pinned reason. Pure: it only looks at times and reasons.

    Days, weeks and months are counted where they have backups, not on the calendar, so a laptop left unused for
    a season still keeps its history. `tz` is where a day starts (default: the computer's time zone).
    """
    policy = policy or BackupPolicy()
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {b.path for b in ordered[:max(policy.keep_recent, 1)]}  # the newest is always kept

    def local(b: Backup) -> datetime:
        return b.taken_at.astimezone(tz) if tz is not None else b.taken_at.astimezone()

    buckets: tuple[tuple[Callable[[datetime], object], int], ...] = (
        (lambda t: t.date(), policy.keep_daily),
        (lambda t: t.isocalendar()[:2], policy.keep_weekly),
        (lambda t: (t.year, t.month), policy.keep_monthly),
    )
    for bucket_of, count in buckets:
        seen: set[object] = set()
        for b in ordered:
            bucket = bucket_of(local(b))
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(bucket)
            keep.add(b.path)  # the newest backup of this day, week or month
    for reason in PINNED_REASONS:
        keep.update(b.path for b in [b for b in ordered if b.reason == reason][:policy.keep_pinned])
    return [b for b in ordered if b.path not in keep]


def thin_backups(workspace: Path, *, now: datetime | None = None, policy: BackupPolicy | None = None) -> list[Backup]:
    """Delete the backups thinning does not keep; return them. A backup dated in the future (a clock that was
    wrong) is never deleted, so a clock fix cannot wipe the history."""
    limit = (now or datetime.now(UTC)) + timedelta(minutes=5)
    candidates = [b for b in list_backups(workspace) if b.taken_at <= limit]
    removed = []
    for backup in backups_to_delete(candidates, policy):
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup)
    return removed


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- what the window and the CLI call -------------------------------------------------------------------------


class OpenWorkspace(Protocol):
    """What a manual backup needs of an open workspace (store.workspace.Workspace has it)."""

    conn: sqlite3.Connection
    path: Path
    backup_policy: BackupPolicy


def back_up_now(workspace: OpenWorkspace) -> Backup:
    """"Back up now": a manual backup of an open workspace (works read-only too: it only reads)."""
    return back_up(workspace.conn, workspace.path, MANUAL, policy=workspace.backup_policy)


def find_backup(workspace: Path | str, name: str) -> Backup:
    """A backup named on the command line: `latest`, a file name in the backups folder, or a path."""
    available = list_backups(workspace)
    if name == "latest":
        if not available:
            raise WorkspaceError(f"ยังไม่มีไฟล์สำรองของ {workspace} / {workspace} has no backups yet")
        healthy = newest_healthy_backup(workspace)
        if healthy is None:
            raise WorkspaceError(
                f"ไฟล์สำรองทั้ง {len(available)} ไฟล์ของ {workspace} เสียหายทั้งหมด / none of the {len(available)} "
                f"backups of {workspace} passes its checks")
        return healthy
    for backup in available:
        if name in (backup.name, str(backup.path)) or Path(name).resolve() == backup.path.resolve():
            return backup
    candidate = Path(name)
    if candidate.is_file():
        parsed = parse_backup_name(candidate)
        taken_at, reason = parsed if parsed else (datetime.fromtimestamp(candidate.stat().st_mtime, UTC), "file")
        return Backup(candidate, taken_at, reason, candidate.stat().st_size)
    raise WorkspaceError(f"ไม่พบไฟล์สำรอง {name} / no backup named {name} (see: evaluator-app backups)")


def check_backup(path: Path) -> tuple[int, int]:
    """(schema version, audit entries) of a backup that is whole and ours; WorkspaceError otherwise."""
    from .schema import SCHEMA_VERSION

    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            damage = health_problems(conn, thorough=True)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] if version > 0 and not damage else 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"ไฟล์สำรอง {path.name} อ่านไม่ได้ / the backup {path.name} cannot be read ({exc})") from exc
    if damage or app_id != APPLICATION_ID or version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"ไฟล์สำรอง {path.name} เสียหายหรือไม่ใช่พื้นที่ทำงานของโปรแกรมนี้ / the backup {path.name} is damaged, "
            f"from a newer version, or not an evaluator-app workspace{f' ({damage[0]})' if damage else ''}")
    return int(version), int(entries)
