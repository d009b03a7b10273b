"""Leftovers (issue 13, item 12): a backup, a restore, an export, a report, a package or an evidence copy killed
midway leaves a temporary file; the next open of the workspace for writing removes it. Files of live processes,
and files the app did not make, are never touched."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app.store import leftovers
from evaluator_app.store.backups import backups_folder, list_backups
from evaluator_app.store.workspace import Workspace
from tests.safety.helpers import ROOT, cli_env, run_cli
from tests.safety.test_cli_safety import make_workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# Runs a real command, with one step replaced by: do the step's writing, then die by SIGKILL at that point.
# "fsync#2" dies after the second call of fsync (a report writes its number ledger once, with the revision it drew;
# then the PDF).
KILLED_MIDWAY = """
import os, signal, sys
target, module_name, attribute = sys.argv[1:4]
attribute, _, nth = attribute.partition("#")
import importlib
module = importlib.import_module(module_name)
original = getattr(module, attribute)
calls = []

def write_then_die(*args, **kwargs):
    original(*args, **kwargs)
    calls.append(1)
    if len(calls) == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)

setattr(module, attribute, write_then_die)
from evaluator_app.launcher import main
main(sys.argv[4:])
"""


def killed(db: Path, module: str, attribute: str, *args: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(db), module, attribute, "--db", str(db), *args],
                          capture_output=True, text=True, env=env or cli_env(), cwd=ROOT, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


def temporaries(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.iterdir()
                  if leftovers.TEMPORARY_SUFFIX in p.name)


def test_a_killed_backup_leaves_a_partial_the_next_open_removes(workspace_path):
    make_workspace(workspace_path)
    count = len(list_backups(workspace_path))
    killed(workspace_path, "evaluator_app.store.backups", "copy_database", "backup")
    assert temporaries(backups_folder(workspace_path)), "the kill came after the partial was written"
    assert len(list_backups(workspace_path)) == count  # a partial is never listed as a backup
    assert run_cli(workspace_path, "rate", "1", "1", "91").returncode == 0
    assert temporaries(backups_folder(workspace_path)) == []


def test_a_killed_restore_leaves_a_staging_copy_the_next_open_removes(workspace_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    killed(workspace_path, "evaluator_app.store.backups", "copy_database", "--as", "secretary", "restore", "latest")
    left = temporaries(backups_folder(workspace_path))
    assert left
    with Workspace.open(workspace_path):
        pass
    assert temporaries(backups_folder(workspace_path)) == []


def test_a_killed_export_leaves_a_temporary_file_the_next_open_removes(workspace_path, tmp_path):
    make_workspace(workspace_path)
    out_folder = tmp_path / "exports"
    out_folder.mkdir()
    killed(workspace_path, "evaluator_app.exchange.results_export", "_write_xlsx", "export-results", "--out",
           str(out_folder / "results.xlsx"))
    assert temporaries(out_folder) and not (out_folder / "results.xlsx").exists()
    assert run_cli(workspace_path, "agreements").returncode == 0  # opened for writing: it cleans up
    assert temporaries(out_folder) == []
    assert not list((backups_folder(workspace_path) / leftovers.IN_FLIGHT).glob("*.json"))


def test_a_killed_report_leaves_a_temporary_file_the_next_open_removes(workspace_path, tmp_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "agree", "1", "1").returncode in (0, 2)
    out_folder = tmp_path / "papers"
    out_folder.mkdir()
    killed(workspace_path, "os", "fsync#2", "agreement-paper", "1", "--out", str(out_folder / "paper.pdf"))
    assert temporaries(out_folder) and not (out_folder / "paper.pdf").exists()
    with Workspace.open(workspace_path):
        pass
    assert temporaries(out_folder) == []


def test_a_report_killed_while_numbering_leaves_the_ledger_whole_and_nothing_behind(workspace_path, tmp_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "agree", "1", "1").returncode in (0, 2)
    out = tmp_path / "paper.pdf"
    killed(workspace_path, "os", "fsync", "agreement-paper", "1", "--out", str(out))  # the ledger, before the commit
    assert temporaries(workspace_path.parent) and not out.exists()
    with Workspace.open(workspace_path):
        pass
    assert temporaries(workspace_path.parent) == []
    done = run_cli(workspace_path, "agreement-paper", "1", "--out", str(out))  # the ledger was never half-written
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_a_killed_package_export_leaves_a_temporary_file_the_next_open_removes(workspace_path, tmp_path):
    make_workspace(workspace_path)
    env = cli_env(EVALUATOR_APP_PASSPHRASE="correct-horse-battery", EVALUATOR_APP_KEY_DIR=str(tmp_path / "keys"))
    for step in (("keygen", "--evaluator", "sec", "--public-key-out", str(tmp_path / "sec.pub")),
                 ("panel", "add-member", "sec", "--name", "นางเลขา ละเอียดรอบคอบ", "--role", "secretary",
                  "--public-key", str(tmp_path / "sec.pub"))):
        done = run_cli(workspace_path, *step, env=env)
        assert done.returncode == 0, done.stderr
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    # Killed as the package's zip is opened on its temporary file, on a stick outside the workspace's folder.
    killed(workspace_path, "zipfile", "ZipFile", "export-package", "--panel", "--out", str(stick / "panel.evpanel"),
           env=env)
    assert temporaries(stick) and not (stick / "panel.evpanel").exists()
    assert list((backups_folder(workspace_path) / leftovers.IN_FLIGHT).glob("*.json")), "recorded before written"
    with Workspace.open(workspace_path):
        pass
    assert temporaries(stick) == []
    assert not list((backups_folder(workspace_path) / leftovers.IN_FLIGHT).glob("*.json"))
    done = run_cli(workspace_path, "export-package", "--panel", "--out", str(stick / "panel.evpanel"), env=env)
    assert done.returncode == 0, done.stderr
    assert (stick / "panel.evpanel").exists() and temporaries(stick) == []


# Attaches evidence in a real process that dies by SIGKILL once the copy is written and synced, before its rename.
EVIDENCE_KILLED = """
import os, signal, sys
from pathlib import Path
from evaluator_app.store import evidence
from evaluator_app.store.workspace import Workspace
workspace = Workspace.open(sys.argv[1])
synced = os.fsync
def sync_then_die(fd):
    synced(fd)
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = sync_then_die
evidence.add_evidence(workspace, 1, "1", "self", Path(sys.argv[2]), actor="secretary")
"""


def test_a_killed_evidence_copy_leaves_a_temporary_file_the_next_open_removes(workspace_path, tmp_path):
    from evaluator_app.store.evidence import list_evidence

    make_workspace(workspace_path)
    scan = tmp_path / "หลักฐานการเบิกจ่าย.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence " * 4096)
    done = subprocess.run([sys.executable, "-c", EVIDENCE_KILLED, str(workspace_path), str(scan)],
                          capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    folder = workspace_path.with_name(workspace_path.name + ".evidence")
    assert temporaries(folder), "the kill came after the copy was written"
    with Workspace.open(workspace_path) as workspace:
        assert list_evidence(workspace, 1) == []
    assert temporaries(folder) == []
    assert not list((backups_folder(workspace_path) / leftovers.IN_FLIGHT).glob("*.json"))


def test_a_live_writers_temporary_files_and_other_files_are_left_alone(workspace_path, tmp_path):
    make_workspace(workspace_path)
    mine = leftovers.temporary_name(workspace_path.parent / "export.xlsx")  # this (live) process's
    mine.write_bytes(b"being written")
    lookalike = workspace_path.parent / ".notes.txt.evtmp-old"
    lookalike.write_bytes(b"not ours")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    # a tampered record of a dead process that names a file the app did not make
    record_folder = backups_folder(workspace_path) / leftovers.IN_FLIGHT
    record_folder.mkdir(parents=True, exist_ok=True)
    forged = f".victim.txt.{leftovers._HOST}-{dead_pid}-1{leftovers.TEMPORARY_SUFFIX}"
    (record_folder / f"{forged}.json").write_text(json.dumps({"path": str(victim)}), encoding="utf-8")
    with Workspace.open(workspace_path):
        pass
    assert mine.exists() and lookalike.exists() and victim.read_text(encoding="utf-8") == "keep me"
    assert not (record_folder / f"{forged}.json").exists()  # the record itself is spent
    os.unlink(mine)
