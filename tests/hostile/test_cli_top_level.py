"""The CLI's top level: no traceback for any input, an unexpected fault logged with exit 70, output that cannot be
written never turning a saved change into "not saved", and arguments that cannot be stored refused (exit 2)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app import launcher
from evaluator_app.cli import agreements as agreement_commands
from tests.conftest import file_digest
from tests.safety.helpers import ROOT, cli_command, cli_env, run_cli
from tests.safety.test_cli_safety import make_workspace


def stored_self_result(db: Path, code: str = "1") -> str | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT result FROM ratings WHERE code = ? AND evaluator = 'self'", (code,)).fetchone()
    finally:
        conn.close()
    return None if row is None else row[0]


def test_an_injected_fault_gives_a_short_message_a_log_file_and_exit_70(workspace_path, tmp_path, monkeypatch,
                                                                        capsys):
    make_workspace(workspace_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(workspace, args):
        raise KeyError("a fault nobody foresaw")

    monkeypatch.setattr(agreement_commands, "_agreements", broken)
    code = launcher.main(["--db", str(workspace_path), "agreements"])
    err = capsys.readouterr().err
    assert code == 70
    assert "Traceback" not in err
    assert "an unexpected error stopped evaluator-app (KeyError)" in err and "เกิดข้อผิดพลาดที่ไม่คาดคิด" in err
    logs = list((tmp_path / "state" / "evaluator-app" / "log").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "a fault nobody foresaw" in text and "'agreements'" in text


def test_a_fault_after_a_commit_says_the_change_is_kept(workspace_path, tmp_path, monkeypatch, capsys):
    """The fault comes after the rating was committed: the message must not deny the saved change."""
    make_workspace(workspace_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    from evaluator_app.store import evaluation

    def broken(*args, **kwargs):
        raise ZeroDivisionError("scoring fault")

    monkeypatch.setattr(evaluation, "score_sheet", broken)
    code = launcher.main(["--db", str(workspace_path), "rate", "1", "1", "97"])
    err = capsys.readouterr().err
    assert code == 70 and "the change it had saved is kept" in err
    assert stored_self_result(workspace_path) == "97"


def test_the_real_process_shows_no_traceback_for_an_injected_fault(workspace_path, tmp_path):
    make_workspace(workspace_path)
    script = ("import sys; from evaluator_app.cli import agreements as a; from evaluator_app import launcher\n"
              "def boom(ws, args): raise MemoryError('injected')\n"
              "a._agreements = boom\n"
              "sys.exit(launcher.main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", script, "--db", str(workspace_path), "agreements"],
                          capture_output=True, text=True, env=cli_env(XDG_STATE_HOME=str(tmp_path / "s")), cwd=ROOT)
    assert done.returncode == 70
    assert "Traceback" not in done.stderr and "MemoryError" in done.stderr
    assert list((tmp_path / "s" / "evaluator-app" / "log").glob("crash-*.log"))


def test_a_closed_pipe_after_the_commit_is_not_reported_as_not_saved(workspace_path):
    make_workspace(workspace_path)
    process = subprocess.Popen(cli_command(workspace_path, "rate", "1", "1", "88"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nobody reads: the rating's printed line meets a broken pipe
    err = process.stderr.read().decode("utf-8")
    code = process.wait()
    assert stored_self_result(workspace_path) == "88"
    assert code == 0, err
    assert "not saved" not in err and "Traceback" not in err
    assert "the change was saved" in err


def test_a_closed_stdout_descriptor(workspace_path):
    make_workspace(workspace_path)
    done = subprocess.run(cli_command(workspace_path, "rate", "1", "1", "81"), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=cli_env(), cwd=ROOT,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert stored_self_result(workspace_path) == "81"
    lock = workspace_path.with_name(workspace_path.name + ".lock")
    assert "the change was saved" not in lock.read_text(encoding="utf-8")  # stderr never landed in the lock file


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_with_nothing_changed_exits_74(workspace_path):
    make_workspace(workspace_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run(cli_command(workspace_path, "agreements", "--json"), stdout=full,
                              stderr=subprocess.PIPE, text=True, env=cli_env(), cwd=ROOT)
    assert done.returncode == 74
    assert "nothing was changed" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [
    ["rate", "1", "1", "90", "--round", "9" * 30],
    ["rate", "9" * 30, "1", "90"],
    ["score", "9" * 30],
    ["diff", "1", "1", "9" * 25],
    ["panel", "add-member", "m9", "--name", "กรรมการ", "--order", "9" * 40],
])
def test_integers_too_large_for_sqlite_are_refused(workspace_path, args):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    done = run_cli(workspace_path, *args)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert "too large" in done.stderr
    assert file_digest(workspace_path) == before


def test_bytes_that_are_not_utf8_are_refused_naming_the_argument(workspace_path):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    for args in ([b"rate", b"1", b"1", b"90", b"--comment", b"caf\xe9"],
                 [b"rate", b"1", b"1", b"90", b"--evaluator", b"m\xff"],
                 [b"--as", b"\xfe\xfe", b"rate", b"1", b"1", b"90"],
                 [b"import", b"/tmp/\xff.xlsx"]):
        command = [os.fsencode(a) for a in cli_command(workspace_path)] + args
        done = subprocess.run(command, capture_output=True, env=cli_env(), cwd=ROOT)
        err = done.stderr.decode("utf-8")
        assert done.returncode == 2, err
        assert "not valid UTF-8" in err and "Traceback" not in err
    assert file_digest(workspace_path) == before


def test_an_empty_evaluator_is_refused_and_the_self_assessment_kept(workspace_path):
    make_workspace(workspace_path)
    for value in ("", "   "):
        done = run_cli(workspace_path, "rate", "1", "1", "10", "--evaluator", value)
        assert done.returncode == 2 and "--evaluator" in done.stderr and "must not be empty" in done.stderr
    assert stored_self_result(workspace_path) == "92"


def test_score_round_zero_and_other_impossible_rounds_are_refused(workspace_path):
    make_workspace(workspace_path)
    for value in ("0", "-1", "13"):
        done = run_cli(workspace_path, "score", "1", "--round", value)
        assert done.returncode == 2 and "--round" in done.stderr, done.stderr


@pytest.mark.parametrize("kind", ["device", "folder", "fifo"])
def test_out_must_be_a_regular_file(workspace_path, tmp_path, kind):
    make_workspace(workspace_path)
    target = {"device": Path(os.devnull), "folder": tmp_path}.get(kind)
    if kind == "fifo":
        target = tmp_path / "pipe.xlsx"
        os.mkfifo(target)
    for args in (["export-results", "--out", str(target)], ["minutes", "1", "--out", str(target)]):
        done = run_cli(workspace_path, *args)
        assert done.returncode == 2, done.stderr
        assert "--out" in done.stderr and "Traceback" not in done.stderr
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()  # never replaced


def test_terminal_escapes_in_arguments_are_never_written_raw(workspace_path):
    make_workspace(workspace_path)
    done = run_cli(workspace_path, "rate", "1", "\x1b]0;pwned\x07\x1b[2J", "90")
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "\\u001b" in done.stderr
    json.loads(run_cli(workspace_path, "agreements", "--json").stdout)


def test_a_nul_character_in_an_argument_is_refused(workspace_path, capsys):
    """Not from a shell (argv cannot hold NUL), but from a caller of the command line in the same process."""
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    for args in (["report", "1", "--out", "a\x00b.pdf"], ["rate", "1", "1", "90", "--comment", "a\x00b"]):
        code = launcher.main(["--db", str(workspace_path), *args])
        err = capsys.readouterr().err
        assert code == 2 and "NUL" in err, err
    assert file_digest(workspace_path) == before
