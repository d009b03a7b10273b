"""What a file given as a workspace is, found out before anything is written to it.

Only three kinds of file are opened as a workspace: a file with the app's `application_id`, an empty file, and an
SQLite file with nothing in it (a new workspace whose creation was interrupted). Anything else (another
application's SQLite file, a spreadsheet, a text file) is refused and left byte for byte as it was: it is looked at
through a read-only connection only, before the writer lock, the journal mode or a backup touch anything.

A workspace of ours is then checked with `PRAGMA quick_check` and `PRAGMA foreign_key_check`; a damaged one opens
read-only, and the message says how to recover (restore the newest healthy backup, or `.recover` into a new file).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

APPLICATION_ID = 0x45564150  # "EVAP": marks the file as ours, so a stray SQLite file is not mistaken for one
SQLITE_HEADER = b"SQLite format 3\x00"
_PROBLEMS_SHOWN = 5


class FileKind(StrEnum):
    NEW = "new"  # absent, empty, or an SQLite file with nothing in it
    WORKSPACE = "workspace"  # ours: our application_id


class WorkspaceError(Exception):
    """A workspace that cannot be opened or used as asked; the message says why in Thai and English."""


class NotAWorkspace(WorkspaceError):
    """A file that is not opened as a workspace; it was not changed. The message is Thai / English."""


class ForeignFile(NotAWorkspace):
    """A readable SQLite file of another application: never opened, restored over or changed."""


class DamagedWorkspace(WorkspaceError):
    """SQLite's own checks fail on the file: nothing is written to it, and no backup is taken of it."""


@dataclass(frozen=True)
class FileFacts:
    kind: FileKind
    version: int = 0
    damage: tuple[str, ...] = ()  # what quick_check and foreign_key_check found; empty when healthy


def backups_folder(workspace: Path) -> Path:
    """`<workspace>.backups/`, beside the file: backups, and the records of temporary files being written."""
    return workspace.with_name(workspace.name + ".backups")


def read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_file(path: Path) -> FileFacts:
    """The kind of the file at `path` and, for a workspace, its damage; NotAWorkspace for anything else."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return FileFacts(FileKind.NEW)
    except OSError as exc:
        raise NotAWorkspace(f"เปิดไฟล์ {path} ไม่ได้ / cannot open {path} ({exc.strerror or exc})") from exc
    if not header:
        return FileFacts(FileKind.NEW)
    if header != SQLITE_HEADER:
        raise NotAWorkspace(
            f"ไฟล์ {path} ไม่ใช่ไฟล์พื้นที่ทำงาน (ไม่ใช่ฐานข้อมูล SQLite) ไม่ได้แก้ไขไฟล์นี้ / {path} is not a readable workspace "
            f"(not an SQLite database); it was not changed.")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise NotAWorkspace(_unreadable(path, exc)) from exc
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            has_content = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            if has_content or version != 0 or app_id != 0:
                raise ForeignFile(
                    f"ไฟล์ {path} เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่พื้นที่ทำงานของโปรแกรมนี้ จึงไม่เปิดและไม่ได้แก้ไข"
                    f"ไฟล์นี้ / {path} is another application's SQLite file, not an evaluator-app workspace: it was "
                    f"not opened and not changed")
            return FileFacts(FileKind.NEW)
        return FileFacts(FileKind.WORKSPACE, int(version), tuple(health_problems(conn)))
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
            raise NotAWorkspace(
                f"ไฟล์ {path} ถูกล็อกโดยโปรแกรมอื่น / {path} is locked by another program ({exc}); try again") from exc
        raise NotAWorkspace(_unreadable(path, exc)) from exc
    finally:
        conn.close()


def health_problems(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """What SQLite finds wrong with the database: `quick_check` (or the slower `integrity_check`, which also
    compares indexes with their tables), then the foreign keys. Empty when healthy."""
    check = "integrity_check" if thorough else "quick_check"
    try:
        found = [row[0] for row in conn.execute(f"PRAGMA {check}({_PROBLEMS_SHOWN})")]
        if found != ["ok"]:
            return [f"{check}: {line}" for line in found]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchmany(_PROBLEMS_SHOWN)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
            raise
        return [f"{check}: {exc}"]
    return [f"foreign_key_check: {table} row {rowid} refers to a missing {parent} row"
            for table, rowid, parent, _ in orphans]


def damage_text(path: Path, damage: tuple[str, ...] | list[str]) -> str:
    """What is wrong with a damaged workspace (the caller adds the way back)."""
    found = "; ".join(damage[:_PROBLEMS_SHOWN])
    return f"ไฟล์พื้นที่ทำงาน {path} เสียหาย / the workspace {path} is damaged ({found})."


def _unreadable(path: Path, exc: BaseException) -> str:
    return f"ไฟล์ {path} อ่านไม่ได้หรือเสียหาย / {path} cannot be read as a workspace ({exc}); it was not changed."
