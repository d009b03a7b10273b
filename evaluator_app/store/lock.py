"""One writer per workspace: an OS-level lock on `<workspace>.lock`, with a record of who holds it.

The lock is the operating system's (flock on Linux and macOS, a byte-range lock on Windows), so it dies with the
process that took it: a crash or a pulled plug never leaves a lock that blocks the next start. The small JSON
record inside the lock file (host, pid, user, since) only names the holder for the read-only banner; it is never
what decides whether the lock is held.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.thai_dates import english_datetime_from_iso, thai_datetime_from_iso

# Windows locks a byte range, and a locked range cannot be read by others: lock a byte far past the owner record.
_WINDOWS_LOCK_OFFSET = 1 << 30
_MAX_RECORD_BYTES = 4096


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a workspace for writing, as they wrote it when they took the lock."""

    host: str
    pid: int
    user: str
    since: str  # UTC ISO-8601

    def describe_th(self) -> str:
        return f"{self.user} บนเครื่อง {self.host} (กระบวนการ {self.pid}) ตั้งแต่ {thai_datetime_from_iso(self.since)}"

    def describe_en(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}) since {english_datetime_from_iso(self.since)}"

    def to_json(self) -> str:
        return json.dumps({"host": self.host, "pid": self.pid, "user": self.user, "since": self.since},
                          ensure_ascii=False)


def this_process() -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:  # no login name on some service accounts
        user = "unknown"
    return LockOwner(socket.gethostname(), os.getpid(), user, datetime.now(UTC).isoformat(timespec="seconds"))


def read_owner(workspace: Path) -> LockOwner | None:
    """The holder named in the lock file, or None when there is no readable record."""
    try:
        with open(lock_path(workspace), "rb") as handle:
            data = json.loads(handle.read(_MAX_RECORD_BYTES).decode("utf-8"))
        return LockOwner(str(data["host"]), int(data["pid"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class LockHeld(Exception):
    """Another process holds the workspace for writing; `owner` names it when its record could be read."""

    def __init__(self, owner: LockOwner | None):
        self.owner = owner
        super().__init__(owner)


def _os_lock(fd: int) -> bool:
    """Take the lock without waiting; False when another open file already holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class WriterLock:
    """The writer lock of one workspace, held by this process. Get it with `acquire_writer_lock`."""

    def __init__(self, key: str, fd: int):
        self._key = key
        self._fd = fd
        self._count = 1

    def release(self) -> None:
        """Give up this holder's share; the OS lock goes when the last holder in this process releases it."""
        with _REGISTRY_GUARD:
            self._count -= 1
            if self._count > 0:
                return
            _REGISTRY.pop(self._key, None)
            with contextlib.suppress(OSError):
                _os_unlock(self._fd)
            os.close(self._fd)


# Several Workspace objects in one process may write the same file (SQLite serialises them); the lock keeps out
# other processes and machines, so holders in this process share one OS lock.
_REGISTRY: dict[str, WriterLock] = {}
_REGISTRY_GUARD = threading.Lock()


def acquire_writer_lock(workspace: Path) -> WriterLock:
    """Take the workspace for writing, or raise LockHeld (another process) or OSError (cannot create the lock
    file, e.g. a read-only folder)."""
    path = lock_path(workspace)
    key = os.path.normcase(str(path.resolve()))
    with _REGISTRY_GUARD:
        held = _REGISTRY.get(key)
        if held is not None:
            held._count += 1
            return held
        # No O_TRUNC: a process that fails to get the lock must not wipe the holder's record.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            if not _os_lock(fd):
                os.close(fd)
                raise LockHeld(read_owner(workspace))
            record = this_process().to_json().encode("utf-8")
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, record)
        except LockHeld:
            raise
        except BaseException:
            os.close(fd)
            raise
        lock = WriterLock(key, fd)
        _REGISTRY[key] = lock
        return lock
