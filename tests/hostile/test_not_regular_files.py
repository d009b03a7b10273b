"""A file name that is no regular file: a named pipe (reading it waits for a writer that never comes) and a link to
/dev/zero (reading it never ends, filling memory). Both commands that read a file someone hands over refuse them at
once, naming the file, exit 2, nothing created; and an empty file is said to be empty."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import run_cli

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero are POSIX")


def _not_regular(folder: Path, suffix: str) -> list[Path]:
    pipe = folder / f"pipe{suffix}"
    os.mkfifo(pipe)
    endless = folder / f"zero{suffix}"
    endless.symlink_to("/dev/zero")
    return [pipe, endless]


@POSIX_ONLY
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


@pytest.mark.parametrize(("command", "suffix"), [("import", ".csv"), ("import", ".xlsx"),
                                                  ("import-package", ".evpack"), ("import-package", ".evpanel")])
def test_an_empty_file_is_said_to_be_empty(tmp_path, command, suffix):
    """A download that failed leaves 0 bytes: "empty" says what to do, "damaged" or "no header row" does not."""
    empty = tmp_path / f"ไฟล์ จากอีเมล{suffix}"
    empty.write_bytes(b"")
    db = tmp_path / "new.sqlite"
    done = run_cli(db, command, str(empty), timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert f"{empty.name}: " in done.stderr and "the file is empty (0 bytes)" in done.stderr
    assert not db.exists()


@POSIX_ONLY
def test_evidence_from_a_folder_a_pipe_or_a_device_is_refused_before_any_copy(workspace, tmp_path):
    # The folder first: without the rule it fails at once (IsADirectoryError), before the pipe would wait forever
    # and /dev/zero would fill the disk with a copy that never ends.
    from evaluator_app.domain.problems import ProblemsError
    from evaluator_app.store.evidence import add_evidence, evidence_folder

    for path in [tmp_path, *_not_regular(tmp_path, ".pdf")]:
        with pytest.raises(ProblemsError, match="not a regular file"):
            add_evidence(workspace, 1, "1", "m1", path, actor="m1")
    assert not evidence_folder(workspace).exists()
    assert workspace.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
