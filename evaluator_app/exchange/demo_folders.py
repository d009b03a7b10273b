"""Where demo copies live and how they go: each fresh copy of the demo workspace is in its own folder in the temp
folder, named after the process that made it; the window and the CLI remove theirs when they end, and the next
--demo run removes those of processes that died first. Light on imports: the window's start needs it."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

DEMO_FOLDER_PREFIX = "evaluator-demo-"
_LEGACY_AGE_S = 24 * 3600  # folders of older versions carry no pid: removed once surely unused


def is_demo_copy(path: Path) -> bool:
    """Whether `path` is a throw-away demo copy made by `demo_workspace_copy` in the temp folder."""
    folder = path.resolve().parent
    return folder.parent == Path(tempfile.gettempdir()).resolve() and folder.name.startswith(DEMO_FOLDER_PREFIX)


def remove_demo_copy(path: Path) -> None:
    """Remove a demo copy's folder (the workspace, its lock, backups and evidence); other paths are left alone."""
    if is_demo_copy(path):
        shutil.rmtree(path.resolve().parent, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (a reused id counts as alive: the folder then waits for a later run)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    except OSError:
        return True
    return True


def remove_stale_demo_copies(temp: Path | None = None) -> list[Path]:
    """Remove the demo folders left by processes that ended without removing theirs (killed, crashed); the ones
    removed."""
    removed: list[Path] = []
    base = temp or Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for folder in base.glob(f"{DEMO_FOLDER_PREFIX}*"):
            pid_text = folder.name[len(DEMO_FOLDER_PREFIX):].split("-", 1)[0]
            stale = False
            if pid_text.isdigit():
                stale = not process_alive(int(pid_text))
            else:  # made before copies named their process
                with contextlib.suppress(OSError):
                    stale = time.time() - folder.stat().st_mtime > _LEGACY_AGE_S
            if folder.is_dir() and stale:
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed.append(folder)
    return removed
