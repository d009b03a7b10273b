"""Several members' packages merged together (issue 16): one transaction, each package in its own savepoint. The
outcome is the one of merging them one by one, in the same order: the same rows, conflicts, package records and
audit entries, the same refusals with the same messages; a refused package (unreadable, or failing while it was
being written) is rolled back alone and the others land; a kill midway leaves nothing of any of them; verify-log
stays green."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.cli import main
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import PackageRefused, read_package
from evaluator_app.exchange.packages import export_evaluator_package, import_package, import_packages
from evaluator_app.store import panel_merge
from evaluator_app.store.verification import verify_log
from evaluator_app.store.workspace import Workspace
from tests.benchmarks.national import copy_workspace as _copy  # through the backup API
from tests.hostile.packages_world import make_master, member_laptop, rate
from tests.panel_keys import PASSPHRASE, PanelKeys

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict[str, Any]:
    """A master (the secretary corrected one of m1's ratings on it) and the packages: m1's first and later one,
    m2's, and a file that is no package."""
    folder = tmp_path_factory.mktemp("together")
    keys = PanelKeys(folder / "keys")
    master = make_master(folder / "master.sqlite", keys)
    m1 = member_laptop(folder, keys, master, "m1")
    m2 = member_laptop(folder, keys, master, "m2")
    rate(m1, "m1", {"1": "70", "4": "80"})
    m1a = export_evaluator_package(m1, "m1", folder / "m1a.evpack", keys["m1"]).path
    rate(m1, "m1", {"4": "85", "2": "10"})
    m1b = export_evaluator_package(m1, "m1", folder / "m1b.evpack", keys["m1"]).path
    rate(m2, "m2", {"1": "60", "3": "4"})
    m2p = export_evaluator_package(m2, "m2", folder / "m2.evpack", keys["m2"]).path
    rate(master, "m1", {"1": "75"}, actor="sec")  # the secretary's correction: m1's "1" is an edit conflict
    for ws in (m1, m2, master):
        ws.close()
    garbage = folder / "garbage.evpack"
    garbage.write_bytes(b"not a package at all")
    return {"keys": keys, "master": folder / "master.sqlite",
            "packages": {"m1a": m1a, "m1b": m1b, "m2": m2p, "garbage": garbage}}


def _tables(ws: Workspace) -> dict[str, list[tuple]]:
    """What a merge writes, without the times of writing (the audit entries' `at` and hashes, `imported_at`,
    `found_at`), which differ between any two runs."""
    def rows(sql: str) -> list[tuple]:
        return [tuple(row) for row in ws.conn.execute(sql)]

    return {
        "ratings": rows("SELECT agreement_id, code, round, evaluator, version_id, result, adjusted_score, "
                        "adjust_reason, comment, note, edit_version, updated_at, updated_by FROM ratings "
                        "ORDER BY agreement_id, code, round, evaluator"),
        "conflicts": rows("SELECT id, agreement_id, code, round, evaluator, package_id, kind, stored_json, "
                          "stored_revision, stored_author, incoming_json, incoming_revision, incoming_author, "
                          "reason_th, reason_en, status FROM rating_conflicts ORDER BY id"),
        "packages": rows("SELECT id, kind, member_id, created_at, imported_by, summary FROM panel_packages "
                         "ORDER BY id"),
        "audit": rows("SELECT id, actor, action, entity, entity_key, before, after FROM audit_log ORDER BY id"),
        "changes": rows("SELECT entity, entity_key, entry_id, leaf FROM audit_changes ORDER BY entry_id, leaf"),
        "parts": rows("SELECT entry_id, part, records FROM audit_change_parts ORDER BY entry_id, part"),
        "evidence": rows("SELECT agreement_id, code, evaluator, file_name, sha256, size, added_at FROM evidence "
                         "ORDER BY id"),
    }


def _fail_writing(monkeypatch, package: Path) -> None:
    """`package` fails at the very end of its writing (after its rows, conflicts and audit entry), as a value the
    workspace cannot store would: it is refused, and only a rollback can take its rows back."""
    real = panel_merge.append_committed_records
    package_id = read_package(package).package_id

    def failing(conn, actor, action, entity, key, *args, **kwargs):
        real(conn, actor, action, entity, key, *args, **kwargs)
        if key == package_id:
            raise sqlite3.IntegrityError("forced: the last write of this package fails")

    monkeypatch.setattr(panel_merge, "append_committed_records", failing)


CASES = {
    "bad file in the middle": ["m1a", "garbage", "m2", "m1b"],
    "bad file first": ["garbage", "m1a", "m1b", "m2"],
    "bad file last": ["m2", "m1a", "m1b", "garbage"],
    "failing while written, in the middle": ["m1a", "m2!", "m1b"],
    "failing while written, first": ["m2!", "m1b", "m1a"],
    "the same package twice": ["m1a", "m1a", "m2", "m1b"],
    "older after newer": ["m1b", "m1a", "m2"],
    "all good": ["m1a", "m1b", "m2"],
}


@pytest.mark.parametrize("order", list(CASES.values()), ids=list(CASES))
def test_together_is_one_by_one(tmp_path, world, monkeypatch, order):
    keys, packages = world["keys"], world["packages"]
    paths = [packages[name.rstrip("!")] for name in order]
    for name in order:
        if name.endswith("!"):
            _fail_writing(monkeypatch, packages[name.rstrip("!")])

    alone = Workspace.open(_copy(world["master"], tmp_path / "alone.sqlite"))
    expected: list[Any] = []
    for path in paths:
        try:
            expected.append(import_package(alone, path, actor="sec", decrypt=keys.decrypt))
        except PackageRefused as exc:
            expected.append(exc)
    together = Workspace.open(_copy(world["master"], tmp_path / "together.sqlite"))
    unlocks: list[str] = []
    cache = together.conn.execute("PRAGMA cache_size").fetchone()
    got = import_packages(together, paths, actor="sec",
                          decrypt=lambda recipient: unlocks.append(recipient) or keys.decrypt(recipient))

    assert [item.path for item in got] == paths
    for one, item in zip(expected, got, strict=True):
        if isinstance(one, PackageRefused):
            assert item.report is None and str(item.refusal) == str(one)
            assert [str(p) for p in item.refusal.problems] == [str(p) for p in one.problems]
        else:
            assert item.refusal is None
            assert item.report.to_dict() == one.to_dict()
    assert _tables(together) == _tables(alone)
    assert verify_log(together.conn).ok and verify_log(alone.conn).ok
    assert len(unlocks) <= 1, "the secretary's key is unlocked once for all the packages"
    assert together.conn.execute("PRAGMA cache_size").fetchone() == cache and not together.conn.in_transaction
    refused = sum(isinstance(one, PackageRefused) for one in expected)
    assert refused == sum("garbage" in name or name.endswith("!") for name in order)
    together.close()
    alone.close()


def test_a_question_writes_none_of_them(tmp_path, world):
    """Without the secretary's key the first sealed package asks for it: nothing of any package is written, and the
    whole batch runs again once she has unlocked it."""
    from evaluator_app.exchange.packages import DecryptionNeeded

    packages = world["packages"]
    ws = Workspace.open(_copy(world["master"], tmp_path / "master.sqlite"))
    before = _tables(ws)
    with pytest.raises(DecryptionNeeded):
        import_packages(ws, [packages["garbage"], packages["m1a"], packages["m2"]], actor="sec")
    assert _tables(ws) == before and not ws.conn.in_transaction
    ws.close()


def test_the_command_line_merges_several_and_names_the_refused_one(tmp_path, world, capsys, monkeypatch):
    packages = world["packages"]
    db = _copy(world["master"], tmp_path / "master.sqlite")
    monkeypatch.setenv(identity.KEY_FOLDER_ENV, str(world["keys"].folder))
    monkeypatch.setenv(identity.PASSPHRASE_ENV, PASSPHRASE)
    unlocked: list[str] = []
    real_unlock = identity.unlock_encryption_key
    monkeypatch.setattr(identity, "unlock_encryption_key", lambda member, *args: (
        unlocked.append(member), real_unlock(member, *args))[1])
    code = main(["--db", str(db), "--as", "sec", "import-package", str(packages["m1a"]), str(packages["garbage"]),
                 str(packages["m2"])])
    out, err = capsys.readouterr()
    assert code == 2
    assert "m1a.evpack:" in out and "m2.evpack:" in out and "ratings of m1" in out and "ratings of m2" in out
    assert "garbage.evpack" in err and "nothing of this package was written" in err
    assert "1 of 3 packages refused" in err
    assert unlocked == ["sec"]
    with Workspace.open(db) as ws:
        members = {row[0] for row in ws.conn.execute("SELECT member_id FROM panel_packages")}
        assert members == {"m1", "m2"} and verify_log(ws.conn).ok


def test_the_command_lines_json_lists_each_file(tmp_path, world, capsys, monkeypatch):
    packages = world["packages"]
    db = _copy(world["master"], tmp_path / "master.sqlite")
    monkeypatch.setenv(identity.KEY_FOLDER_ENV, str(world["keys"].folder))
    monkeypatch.setenv(identity.PASSPHRASE_ENV, PASSPHRASE)
    code = main(["--db", str(db), "--as", "sec", "import-package", "--json", str(packages["m1a"]),
                 str(packages["garbage"])])
    listed = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [item["file"] for item in listed] == [str(packages["m1a"]), str(packages["garbage"])]
    assert listed[0]["member"] == "m1" and {c["code"] for c in listed[0]["applied"]} == {"4"}
    assert listed[0]["conflicts"][0]["code"] == "1" and listed[1]["refused"]


def test_the_command_line_says_nothing_was_imported_when_every_package_is_refused(tmp_path, world, capsys):
    db = _copy(world["master"], tmp_path / "master.sqlite")
    missing = tmp_path / "missing.evpack"
    code = main(["--db", str(db), "--as", "sec", "import-package", str(world["packages"]["garbage"]), str(missing)])
    err = capsys.readouterr().err
    assert code == 2
    assert "all 2 packages refused; nothing was imported" in err and "the others were imported" not in err


_KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from evaluator_app.exchange.packages import import_packages
    from evaluator_app.store import panel_merge
    from evaluator_app.store.workspace import Workspace
    from tests.panel_keys import PanelKeys

    keys = PanelKeys(Path(sys.argv[1]))
    real = panel_merge.append_committed_records
    calls = []

    def then_killed(*args, **kwargs):
        real(*args, **kwargs)
        calls.append(1)
        if len(calls) == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # like a battery dying: no handler, no rollback, no flush

    panel_merge.append_committed_records = then_killed
    workspace = Workspace.open(Path(sys.argv[2]), auto_backup=False)
    import_packages(workspace, [Path(p) for p in sys.argv[4:]], actor="sec", decrypt=keys.decrypt)
    workspace.close()
    print("finished")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("killed_after", [1, 2])
def test_a_kill_midway_leaves_none_of_them(tmp_path, world, killed_after):
    """Killed after one or two of three packages were written (inside the one transaction): the workspace opens
    as it was, with no package, rating, conflict or audit entry of any of them, and verify-log is green."""
    packages = world["packages"]
    db = _copy(world["master"], tmp_path / "master.sqlite")
    with Workspace.open(db, auto_backup=False) as ws:
        before = _tables(ws)
    process = subprocess.run(
        [sys.executable, "-c", _KILLER, str(world["keys"].folder), str(db), str(killed_after),
         str(packages["m1a"]), str(packages["m2"]), str(packages["m1b"])],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert process.returncode == -signal.SIGKILL, process.stderr
    assert "finished" not in process.stdout
    with Workspace.open(db, auto_backup=False) as ws:
        assert _tables(ws) == before
        assert ws.integrity_ok() and verify_log(ws.conn).ok
