"""One writer per workspace: an OS-level lock on `<workspace>.lock`, with a record of who holds it.

The lock is the operating system's (flock on Linux and macOS, a byte-range lock on Windows), so it dies with the
process that took it: a crash or a pulled plug never leaves a lock that blocks the next start. The small JSON
record inside the lock file (host, pid, user, since) only names the holder for the read-only banner; it is never
what decides whether the lock is held.

The lock follows the file, not the name it was opened by: the lock file sits beside the workspace's real path
(a symlink to the workspace finds the same lock), and a second lock, in the user's runtime folder, is keyed on the
file's device and inode (a hard link, which has no real path of its own, finds that one). The lock file is opened
without following a symlink and must be a regular file owned by this user; anything else is refused, so a planted
link can never make the app empty and write another file.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
import sys
import threading
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.thai_dates import english_datetime_from_iso, thai_datetime_from_iso

# Windows locks a byte range, and a locked range cannot be read by others: lock a byte far past the owner record.
_WINDOWS_LOCK_OFFSET = 1 << 30
_MAX_RECORD_BYTES = 4096


def lock_path(workspace: Path) -> Path:
    """`<workspace>.lock` beside the file the workspace path really names (symlinks resolved)."""
    real = Path(os.path.realpath(workspace))
    return real.with_name(real.name + ".lock")


class UnsafeLockFile(Exception):
    """The lock file is a symlink, not a regular file, or someone else's: refused, and left as it is."""


def _open_lock_file(path: Path, create: bool) -> int:
    """A descriptor on the lock file, opened without following a symlink (or a FIFO's blocking open), checked to
    be a regular file owned by this user."""
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | (os.O_CREAT if create else 0)
    if sys.platform == "win32" and path.is_symlink():  # pragma: no cover - Windows has no O_NOFOLLOW
        raise UnsafeLockFile(_unsafe_message(path, "เป็นลิงก์", "is a symbolic link"))
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        import errno

        if exc.errno in (errno.ELOOP, getattr(errno, "EMLINK", -1)) or path.is_symlink():
            raise UnsafeLockFile(_unsafe_message(path, "เป็นลิงก์", "is a symbolic link")) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeLockFile(_unsafe_message(path, "ไม่ใช่ไฟล์ธรรมดา", "is not a regular file"))
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise UnsafeLockFile(_unsafe_message(path, f"เป็นของผู้ใช้อื่น (uid {info.st_uid})",
                                                 f"belongs to another user (uid {info.st_uid})"))
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _unsafe_message(path: Path, th: str, en: str) -> str:
    return (f"ไฟล์ล็อก {path} {th} จึงไม่เปิดพื้นที่ทำงานเพื่อแก้ไข โปรดตรวจสอบแล้วลบไฟล์นี้ / the lock file {path} {en}, "
            f"so the workspace is not opened for writing: check it, and remove it")


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
    return _read_record(lock_path(workspace))


def _read_record(path: Path) -> LockOwner | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            data = json.loads(handle.read(_MAX_RECORD_BYTES).decode("utf-8"))
        return LockOwner(str(data["host"]), int(data["pid"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    finally:
        if fd >= 0:
            os.close(fd)


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


class _HeldFile:
    """One OS lock on one lock file, shared by the holders in this process."""

    def __init__(self, key: str, fd: int, registry: dict[str, _HeldFile]):
        self.key = key
        self.fd = fd
        self.count = 1
        self._registry = registry

    def release(self) -> None:
        self.count -= 1
        if self.count > 0:
            return
        self._registry.pop(self.key, None)
        with contextlib.suppress(OSError):
            _os_unlock(self.fd)
        os.close(self.fd)


class WriterLock:
    """The writer lock of one workspace, held by this process. Get it with `acquire_writer_lock`."""

    def __init__(self, held: list[_HeldFile]):
        self._held = held
        self._released = False

    def cover_file(self, workspace: Path) -> None:
        """Also take the inode lock of a workspace file created after the lock was taken (a new workspace): a
        hard link made to it later must not bypass this writer."""
        with _REGISTRY_GUARD:
            if self._released or any(h.key.startswith("inode:") for h in self._held):
                return
            held = _take_inode_lock(workspace)
            if held is not None:
                self._held.append(held)

    def release(self) -> None:
        """Give up this holder's share; the OS locks go when the last holder in this process releases them."""
        with _REGISTRY_GUARD:
            if self._released:
                return
            self._released = True
            for held in reversed(self._held):
                held.release()


# Several Workspace objects in one process may write the same file (SQLite serialises them); the lock keeps out
# other processes and machines, so holders in this process share one OS lock per lock file.
_REGISTRY: dict[str, _HeldFile] = {}
_REGISTRY_GUARD = threading.Lock()


def _take(key: str, path: Path) -> _HeldFile:
    """The OS lock on the lock file at `path`, shared within this process; LockHeld when another process has it."""
    held = _REGISTRY.get(key)
    if held is not None:
        held.count += 1
        return held
    # No O_TRUNC: a process that fails to get the lock must not wipe the holder's record.
    fd = _open_lock_file(path, create=True)
    try:
        if not _os_lock(fd):
            os.close(fd)
            raise LockHeld(_read_record(path))
        record = this_process().to_json().encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, record)
    except LockHeld:
        raise
    except BaseException:
        os.close(fd)
        raise
    held = _HeldFile(key, fd, _REGISTRY)
    _REGISTRY[key] = held
    return held


def inode_locks_folder() -> Path | None:
    """This user's folder for the inode locks: the runtime folder, else a private one in the temporary folder."""
    import tempfile

    candidates = []
    with contextlib.suppress(Exception), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset, then falls back
        import platformdirs

        candidates.append(platformdirs.user_runtime_path("evaluator-app", appauthor=False) / "locks")
    uid = os.getuid() if hasattr(os, "getuid") else 0
    candidates.append(Path(tempfile.gettempdir()) / f"evaluator-app-{uid}" / "locks")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            info = os.lstat(folder)
            if stat.S_ISDIR(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
                return folder
        except OSError:
            continue
    return None


def _take_inode_lock(workspace: Path) -> _HeldFile | None:
    """The lock keyed on the workspace file's device and inode; None when the file does not exist yet or no
    private folder can hold the lock (the lock beside the real path still stands)."""
    try:
        info = os.stat(workspace)
    except OSError:
        return None
    folder = inode_locks_folder()
    if folder is None:
        return None
    key = f"inode:{info.st_dev}:{info.st_ino}"
    return _take(key, folder / f"{info.st_dev}-{info.st_ino}.lock")


def acquire_writer_lock(workspace: Path) -> WriterLock:
    """Take the workspace for writing, or raise LockHeld (another process), UnsafeLockFile (a planted link or
    someone else's file) or OSError (cannot create the lock file, e.g. a read-only folder)."""
    path = lock_path(workspace)
    key = "path:" + os.path.normcase(str(path))
    with _REGISTRY_GUARD:
        taken = [_take(key, path)]
        try:
            inode = _take_inode_lock(workspace)
        except BaseException:
            taken[0].release()
            raise
        if inode is not None:
            taken.append(inode)
        return WriterLock(taken)
