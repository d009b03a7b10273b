"""Temporary files that a killed process leaves behind, removed the next time the workspace is opened for writing.

Every file the app writes whole (a backup, a restore's staging copy, an export, a report) is first written under a
temporary name and renamed when complete. A process killed in between leaves that temporary file. Each one is
named with the host and process that made it, and a temporary file written outside the workspace's own folders
(an export, a report) is also recorded in `<workspace>.backups/.in-flight/` before it is created, so the next open
knows where to look. A leftover is removed once its process is gone (same computer), or after a day (a process on
another computer sharing the folder, whose liveness cannot be seen).

Only files whose names follow the app's own pattern are ever removed, so a tampered record cannot make the app
delete anything else.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from ..domain.file_names import MAX_NAME_BYTES, fit_bytes
from .workspace_file import backups_folder

TEMPORARY_SUFFIX = ".evtmp"
IN_FLIGHT = ".in-flight"
STALE_ELSEWHERE_SECONDS = 24 * 3600  # another computer's process: cannot be asked whether it still runs
_HOST = re.sub(r"[^A-Za-z0-9_.-]", "_", socket.gethostname())[:64] or "host"
# .<target name>.<host>-<pid>-<n>.evtmp, and the files SQLite and the app put beside one (-wal, -shm, -journal, .lock)
_TEMPORARY = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_.-]+)-(?P<pid>\d+)-\d+\.evtmp"
                        r"(?:-wal|-shm|-journal|\.lock|\.backups)?$")
_counter = itertools.count(1)


def temporary_name(target: Path) -> Path:
    """A temporary path beside `target`, named with this host and process. A long target name is cut so that the
    temporary name still fits a file system's 255 bytes (a Thai agency's name fills them fast)."""
    tail = f".{_HOST}-{os.getpid()}-{next(_counter)}{TEMPORARY_SUFFIX}"
    # room for the "-wal"/"-journal" SQLite puts beside a temporary copy of a workspace, too
    name = fit_bytes(target.name, MAX_NAME_BYTES - len(tail.encode("utf-8")) - 1 - len("-journal"))
    return target.with_name(f".{name}{tail}")


def in_flight_folder(workspace: Path) -> Path:
    return backups_folder(workspace) / IN_FLIGHT


@contextlib.contextmanager
def temporary_beside(target: Path, workspace: Path | None = None) -> Iterator[Path]:
    """A temporary path to write `target` under, before renaming it into place; removed on any failure. With
    `workspace`, the path is recorded first, so that the workspace's next open removes it after a kill."""
    temporary = temporary_name(target)
    record: Path | None = None
    if workspace is not None:
        with contextlib.suppress(OSError):  # a record that cannot be written costs only the cleanup
            folder = in_flight_folder(workspace)
            folder.mkdir(parents=True, exist_ok=True)
            record = folder / f"{temporary.name}.json"
            record.write_text(json.dumps({"path": str(temporary.resolve())}, ensure_ascii=False), encoding="utf-8")
    try:
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        if record is not None:
            with contextlib.suppress(OSError):
                record.unlink(missing_ok=True)


def _stale(name: str, path: Path) -> bool:
    match = _TEMPORARY.match(name)
    if match is None:
        return False
    if match["host"] == _HOST:
        return not _alive(int(match["pid"]))
    try:
        return time.time() - path.lstat().st_mtime > STALE_ELSEWHERE_SECONDS
    except OSError:
        return True


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # pragma: no cover - Windows: no cheap liveness test; age decides there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True


def clean_up(workspace: Path) -> list[Path]:
    """Remove what killed processes left: temporary files in the workspace's folder and backups folder, and the
    recorded ones elsewhere (exports, reports). Returns what was removed."""
    removed: list[Path] = []
    for folder in (workspace.parent, backups_folder(workspace)):
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                if entry.name.startswith(".") and _stale(entry.name, entry) and _remove(entry):
                    removed.append(entry)
    records = in_flight_folder(workspace)
    with contextlib.suppress(OSError):
        for record in records.iterdir():
            if not record.name.endswith(".json"):
                continue
            name = record.name[: -len(".json")]
            if not _stale(name, record):
                continue
            try:
                recorded = Path(json.loads(record.read_text(encoding="utf-8"))["path"])
            except (OSError, ValueError, KeyError, TypeError):
                recorded = None
            # the record names the file; only a file of that exact name, in our pattern, is removed
            if recorded is not None and recorded.name == name and _remove(recorded):
                removed.append(recorded)
            with contextlib.suppress(OSError):
                record.unlink()
    return removed
