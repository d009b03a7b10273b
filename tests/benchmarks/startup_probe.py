"""Start-up, measured to the first paint and to the window ready (issue 16), against a bare QMainWindow.

The window starts in two stages (evaluator_app/ui/shell/app.py): the shell paints first (frame, menus, the navigator
listing every agreement of the workspace, the status bar), then the workspace is opened and the rest is built. With
EVALUATOR_APP_STARTUP_PROBE=FILE the app writes the wall-clock time (`time.time()`) of its first paint and of being
ready into FILE; EVALUATOR_APP_QUIT_AFTER_MS=0 makes it quit once ready.

- **first paint** (the target): from just before the process is started to the first paint event of the main window
  (the shell with the navigator listed). The bare window is measured the same way: a QMainWindow whose first paint
  event writes the time (the same kind of event filter the app uses).
- **ready** (a note): to the end of the second stage (workspace open with its checks and lock, table, details,
  features' actions).
- **whole process** (a note): start to exit, quitting once ready; the bare window quits after its first paint.

Bytecode: this development machine sets PYTHONDONTWRITEBYTECODE, so every process would compile the app's modules
again (some 25 ms), which no installed copy does (pip and PyInstaller ship the bytecode). Both processes therefore run
with a bytecode cache of their own (PYTHONPYCACHEPREFIX in the benchmark's cache) filled by one untimed warm-up run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .harness import ROOT

PROBE_ENV = "EVALUATOR_APP_STARTUP_PROBE"

BARE_WINDOW_PAINTED = """
import os, time
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            with open(os.environ["EVALUATOR_APP_STARTUP_PROBE"], "a") as probe:
                probe.write(f"first-paint {time.time():.6f}\\n")
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


@dataclass(frozen=True)
class Timing:
    first_paint: float
    ready: float | None
    whole: float


def probe_env(cache: Path, base: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in base.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    return env


def run_once(args: Sequence[str], env: dict[str, str]) -> Timing:
    """One whole process: seconds from just before it starts to its first paint, to ready (when it says), to exit."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.txt"
        started = time.time()
        done = subprocess.run(list(args), env={**env, PROBE_ENV: str(probe)}, cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        whole = time.time() - started
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
        stamps = dict(line.split() for line in probe.read_text().splitlines() if line.strip())
    ready = stamps.get("ready")
    return Timing(float(stamps["first-paint"]) - started, None if ready is None else float(ready) - started, whole)


def median_timing(args: Sequence[str], runs: int, env: dict[str, str]) -> Timing:
    run_once(args, env)  # warm-up: the bytecode cache, the file system cache
    return _median([run_once(args, env) for _ in range(runs)])


def median_timings_alternating(first: Sequence[str], second: Sequence[str], runs: int,
                               env: dict[str, str]) -> tuple[Timing, Timing]:
    """median_timing of both, their runs taken in turn: this virtual machine's speed drifts over seconds, and the
    runs of one side all after the other's put that drift into the ratio."""
    run_once(first, env)
    run_once(second, env)
    pairs = [(run_once(first, env), run_once(second, env)) for _ in range(runs)]
    return _median([a for a, _ in pairs]), _median([b for _, b in pairs])


def _median(timings: list[Timing]) -> Timing:
    readies = [t.ready for t in timings if t.ready is not None]
    return Timing(statistics.median(t.first_paint for t in timings),
                  statistics.median(readies) if readies else None,
                  statistics.median(t.whole for t in timings))


def bare_args() -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW_PAINTED]


def app_args(workspace: Path) -> list[str]:
    return [sys.executable, "-m", "evaluator_app", "--db", str(workspace)]


if __name__ == "__main__":  # python -m tests.benchmarks.startup_probe WORKSPACE [RUNS]: both timings, alternating
    from .harness import process_env

    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    environment = probe_env(Path(tempfile.gettempdir()) / "startup-probe",
                            process_env(EVALUATOR_APP_QUIT_AFTER_MS="0", **{
                                k: v for k, v in os.environ.items() if k == "XDG_CONFIG_HOME"}))
    bare, app = median_timing(bare_args(), count, environment), median_timing(app_args(target), count, environment)
    print(f"bare first paint {bare.first_paint:.3f} s, whole {bare.whole:.3f} s")
    print(f"app  first paint {app.first_paint:.3f} s ({app.first_paint / bare.first_paint:.2f}x), "
          f"ready {app.ready:.3f} s, whole {app.whole:.3f} s")
