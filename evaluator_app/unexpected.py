"""The last line of defence of every run: no Python traceback reaches a person, and printed output that cannot be
written never turns a saved change into a "not saved".

An exception nobody foresaw becomes a short Thai/English message, a log file with the details (the traceback, the
arguments, the versions) in the user log folder, and exit code 70 (EX_SOFTWARE in sysexits.h). Kept light: it is
imported before anything else of the app, so it works whatever failed to import; it sits outside `cli` so that
opening the window does not load the command line (importing `cli.anything` runs `cli/__init__`, every command
group).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, TextIO

# What only a crash log or a command's output needs (platform, traceback, datetime, the terminal's escapes) is
# imported there: the window's start goes through here too (issue 16).

EXIT_UNEXPECTED = 70  # EX_SOFTWARE: an internal error, not the person's input
EXIT_OUTPUT_LOST = 74  # EX_IOERR: the printed output could not be written (and nothing was saved)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl+C


# Whether the running command has committed a change: what a failure afterwards must not deny.
_saved = False


def note_saved() -> None:
    global _saved
    _saved = True


def saved_anything() -> bool:
    return _saved


def log_folder() -> Path:
    """Where crash logs go: the user log folder (`~/.local/state/evaluator-app/log` on Linux,
    `%LOCALAPPDATA%\\evaluator-app\\Logs` on Windows, `~/Library/Logs/evaluator-app` on macOS)."""
    import platformdirs

    return platformdirs.user_log_path("evaluator-app", appauthor=False)


def write_crash_log(exc: BaseException, argv: list[str]) -> Path | None:
    """The details of an unexpected failure in a new log file; None when no folder could take it."""
    import platform
    import traceback
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    lines = [
        f"evaluator-app crash log, {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"version: {_app_version()}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        # repr: an argument with bytes that are not UTF-8 must not stop the log from being written
        f"arguments: {[ascii(a) for a in argv]}",
        "",
        "".join(traceback.format_exception(exc)),
    ]
    text = "\n".join(lines)
    for folder in _log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{stamp}-{os.getpid()}.log"
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return None


def _log_folders() -> list[Path]:
    import tempfile

    folders = []
    try:
        folders.append(log_folder())
    except Exception:  # platformdirs missing or no home folder: the temporary folder still works
        pass
    folders.append(Path(tempfile.gettempdir()) / "evaluator-app-logs")
    return folders


def _app_version() -> str:
    try:
        from . import __version__

        return str(__version__)
    except Exception:
        return "unknown"


def report_unexpected(exc: BaseException, argv: list[str], saved: bool | None = None) -> int:
    """Tell the person, log the details, return 70. `saved` says whether the command had committed a change."""
    log = write_crash_log(exc, argv)
    where_th = f"รายละเอียดบันทึกไว้ที่ {log}" if log else "บันทึกรายละเอียดไม่ได้"
    where_en = f"the details are in {log}" if log else "the details could not be written to a log file"
    if saved:
        kept_th, kept_en = "การเปลี่ยนแปลงที่บันทึกแล้วยังอยู่ครบ", "the change it had saved is kept"
    else:
        kept_th, kept_en = "ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ", "nothing already saved was lost"
    say(f"เกิดข้อผิดพลาดที่ไม่คาดคิด ({type(exc).__name__}) {where_th} {kept_th} โปรดส่งไฟล์นี้ให้ผู้ดูแลโปรแกรม / "
        f"an unexpected error stopped evaluator-app ({type(exc).__name__}); {where_en}; {kept_en}. "
        f"Please send that file to whoever supports the app.")
    return EXIT_UNEXPECTED


def say(message: str) -> None:
    """A line on stderr that can never itself fail (stderr closed, a terminal that cannot show Thai)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(message + "\n")
        stream.flush()
    except (OSError, ValueError, UnicodeError):
        pass


class GuardedOutput:
    """sys.stdout (and stderr) for a command: a failed write (a closed pipe, a full disk, a closed descriptor) is
    remembered, never raised into the command, so a change already committed is not reported as failed.

    Characters the terminal cannot show are written as escapes rather than failing, and characters that would
    control the terminal (escape sequences, bidi overrides in a name or comment) are shown as escapes.
    """

    def __init__(self, stream: TextIO | None):
        from .domain.display_text import shown_on_a_terminal

        self._shown = shown_on_a_terminal
        self._stream = stream
        self.lost: str | None = None if stream is not None else "stdout is closed"
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass

    def write(self, text: str) -> int:
        if self.lost is None and self._stream is not None:
            try:
                self._stream.write(self._shown(text))
                return len(text)
            except (OSError, ValueError) as exc:
                self._lose(exc)
        return len(text)

    def flush(self) -> None:
        if self.lost is None and self._stream is not None:
            try:
                self._stream.flush()
            except (OSError, ValueError) as exc:
                self._lose(exc)

    def _lose(self, exc: BaseException) -> None:
        self.lost = str(exc) or type(exc).__name__
        # Point the descriptor at the null device, so what is still buffered goes nowhere at exit instead of
        # raising again ("Exception ignored ... BrokenPipeError") after the command has finished.
        try:
            fd = self._stream.fileno() if self._stream is not None else -1
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                if fd >= 0:
                    os.dup2(null, fd)
            finally:
                os.close(null)
        except (OSError, ValueError, AttributeError):
            pass

    def isatty(self) -> bool:
        try:
            return self.lost is None and self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def reserve_standard_descriptors() -> None:
    """Open the null device on any of stdin, stdout, stderr that is closed.

    Otherwise the next file the app opens (the lock file) would get descriptor 1 or 2, and a message meant for the
    terminal would be written into it.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                opened = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if opened != fd:  # a lower one was free after all; never leave a stray descriptor
                os.close(opened)
