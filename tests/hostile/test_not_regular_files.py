"""A file name that is no regular file: a named pipe (reading it waits for a writer that never comes) and a link to
/dev/zero (reading it never ends, filling memory). Both commands that read a file someone hands over refuse them at
once, naming the file, exit 2, nothing created."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero are POSIX")


def _not_regular(folder: Path, suffix: str) -> list[Path]:
    pipe = folder / f"pipe{suffix}"
    os.mkfifo(pipe)
    endless = folder / f"zero{suffix}"
    endless.symlink_to("/dev/zero")
    return [pipe, endless]


@pytest.mark.parametrize(("command", "suffix"), [("import", ".csv"), ("import", ".xlsx"),
                                                  ("import-package", ".evpack")])
def test_a_pipe_or_a_device_is_refused_at_once(tmp_path, command, suffix):
    for path in _not_regular(tmp_path, suffix):
        db = tmp_path / "new.sqlite"
        # A hang is the defect: a refusal takes a second; the timeout only ends a test that would never end.
        done = run_cli(db, command, str(path), timeout=60)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        assert f"{path.name}: " in done.stderr and "not a regular file" in done.stderr
        assert not db.exists()
