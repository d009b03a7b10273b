"""Damaged and foreign workspace files (issue 13, items 5 and 6): checked on open through a read-only connection,
a damaged workspace opens read-only naming the newest healthy backup, backups never copy damage, `restore latest`
skips damaged backups, `verify-log` checks integrity first, and another application's file is never changed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from evaluator_app.store import backups
from evaluator_app.store.workspace import Workspace, WorkspaceError
from tests.conftest import example_agreement, file_digest
from tests.safety.crash_checks import check_workspace
from tests.safety.helpers import run_cli
from tests.safety.test_cli_safety import make_workspace

PAGE = 4096


def folder_state(folder: Path) -> dict[str, str]:
    """Every file beside the workspace with its digest: a refusal must leave all of them as they were.

    Left out: SQLite's shared-memory index (-shm) and an empty -wal, which any reader of a WAL-mode file creates
    and which hold no data."""
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)}


def big_workspace(path: Path, agreements: int = 30) -> None:
    from decimal import Decimal as D

    from evaluator_app.domain.rating import Rating
    from evaluator_app.store.agreements import add_agreement
    from evaluator_app.store.ratings import record_ratings

    with Workspace.open(path, auto_backup=False) as ws:
        for n in range(agreements):
            stored = add_agreement(ws, example_agreement(f"กรมทดสอบความเสียหายของไฟล์ที่ {n:03d}"), actor="secretary")
            record_ratings(ws, stored.id, [(Rating(code, 12, result=D(3 if code == "3" else 80 + k)), None, None)
                                           for k, code in enumerate("1234")], actor="secretary")


def damage_table(path: Path, table: str) -> None:
    """Overwrite the b-tree page header of `table`'s root page and of one of its leaves, as a failing disk would."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        for page in {root, max(3, pages // 2)}:
            handle.seek((page - 1) * PAGE + (100 if page == 1 else 0))
            handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\x7f" * 8)


@pytest.fixture
def damaged(workspace_path: Path) -> Path:
    """A workspace with one healthy backup (an older one) and a damaged ratings table."""
    big_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    damage_table(workspace_path, "ratings")
    return workspace_path


def test_a_damaged_workspace_opens_read_only_naming_the_newest_healthy_backup(damaged):
    healthy = backups.newest_healthy_backup(damaged)
    assert healthy is not None
    before = folder_state(damaged.parent)
    with Workspace.open(damaged) as ws:
        assert ws.read_only and ws.damage
        assert healthy.name in (ws.read_only_reason or "") and "restore latest" in (ws.read_only_reason or "")
        with pytest.raises(WorkspaceError, match="damaged"):
            with ws.transaction():
                pass
    refused = run_cli(damaged, "rate", "1", "1", "95")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "damaged" in refused.stderr and healthy.name in refused.stderr and ".recover" in refused.stderr
    listed = run_cli(damaged, "score", "1")
    assert listed.returncode in (0, 2) and "Traceback" not in listed.stderr
    assert folder_state(damaged.parent) == before  # nothing written, no backup of the damage, no lock taken


def test_backup_refuses_to_copy_a_damaged_file(damaged):
    count = len(backups.list_backups(damaged))
    refused = run_cli(damaged, "backup")
    assert refused.returncode == 2 and "not backed up" in refused.stderr and "Traceback" not in refused.stderr
    assert len(backups.list_backups(damaged)) == count
    conn = sqlite3.connect(damaged)
    try:
        with pytest.raises(backups.DamagedWorkspace):
            backups.back_up(conn, damaged, backups.MANUAL)
    finally:
        conn.close()


def test_restore_latest_skips_damaged_backups(damaged):
    healthy = backups.newest_healthy_backup(damaged)
    assert healthy is not None
    # A newer backup that is itself damaged (made by an older version of the app, or by a failing disk).
    newer = backups.backups_folder(damaged) / backups.backup_name(
        damaged, datetime.now(UTC) + timedelta(seconds=1), backups.AFTER_CHANGES)
    shutil.copyfile(damaged, newer)
    assert backups.list_backups(damaged)[0].path == newer
    done = run_cli(damaged, "--as", "secretary", "restore", "latest")
    assert done.returncode == 0, done.stderr
    assert healthy.name in done.stdout and newer.name not in done.stdout
    assert check_workspace(damaged, check_backups=False) == []
    assert json.loads(run_cli(damaged, "score", "1", "--json").stdout)["indicators"][0]["result"] == "80"


def test_verify_log_runs_the_integrity_check_first(damaged):
    checked = run_cli(damaged, "verify-log")
    assert checked.returncode == 3 and "Traceback" not in checked.stderr
    assert "damaged" in checked.stdout and "restore latest" in checked.stdout
    document = json.loads(run_cli(damaged, "verify-log", "--json").stdout)
    assert document["ok"] is False and document["integrity"]


def test_orphaned_rows_are_found_and_the_way_back_is_given(workspace_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    conn = sqlite3.connect(workspace_path)  # foreign keys are off in a plain connection: what a SQLite tool does
    conn.execute("UPDATE ratings SET version_id = 9999")
    conn.commit()
    conn.close()
    checked = run_cli(workspace_path, "verify-log")
    assert checked.returncode == 3
    assert "foreign_key_check" in checked.stdout and "restore latest" in checked.stdout and ".recover" in checked.stdout
    refused = run_cli(workspace_path, "rate", "1", "1", "70")
    assert refused.returncode == 2 and "foreign_key_check" in refused.stderr


def test_a_file_that_is_not_sqlite_at_all_names_the_backup_when_it_was_ours(workspace_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    with open(workspace_path, "r+b") as handle:  # the first page wiped: not even an SQLite header is left
        handle.write(b"\x00" * PAGE)
    refused = run_cli(workspace_path, "agreements")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "restore latest" in refused.stderr
    assert run_cli(workspace_path, "--as", "secretary", "restore", "latest").returncode == 0
    assert json.loads(run_cli(workspace_path, "agreements", "--json").stdout)[0]["agency"] == "กรมตัวอย่าง"


def foreign_rollback(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [(f"note {n}",) for n in range(50)])
    conn.commit()
    conn.close()
    return path


def foreign_wal_with_pending_pages(path: Path) -> Path:
    """Another application's WAL database, copied while its WAL still held committed pages."""
    source = path.with_name("source-" + path.name)
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    for suffix in ("", "-wal"):
        shutil.copyfile(source.with_name(source.name + suffix), path.with_name(path.name + suffix))
    conn.close()
    source.unlink()
    return path


def foreign_with_user_version(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make", [foreign_rollback, foreign_wal_with_pending_pages, foreign_with_user_version])
def test_another_applications_sqlite_file_is_refused_and_left_untouched(tmp_path, make):
    folder = tmp_path / "other"
    folder.mkdir()
    db = make(folder / "their-data.sqlite")
    (tmp_path / "book.csv").write_text("x\n", encoding="utf-8")
    before = folder_state(folder)
    for args in (["agreements"], ["agreements", "--json"], ["score", "1"], ["rate", "1", "1", "90"],
                 ["import", str(tmp_path / "book.csv")], ["backup"], ["verify-log"], ["restore", "latest"],
                 ["panel", "members"]):
        done = run_cli(db, *args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
    assert "not an evaluator-app workspace" in run_cli(db, "agreements").stderr
    assert folder_state(folder) == before  # byte for byte; no lock file, no backups folder, still its own journal mode
    with pytest.raises(WorkspaceError):
        Workspace.open(db)


def test_a_backup_of_ours_is_never_restored_over_another_applications_file(tmp_path, workspace_path):
    make_workspace(workspace_path)
    made = run_cli(workspace_path, "backup")
    backup = backups.list_backups(workspace_path)[0].path
    assert made.returncode == 0
    theirs = foreign_rollback(tmp_path / "theirs.sqlite")
    before = file_digest(theirs)
    refused = run_cli(theirs, "restore", str(backup))
    assert refused.returncode == 2 and file_digest(theirs) == before


def test_an_empty_file_and_an_empty_sqlite_file_become_workspaces(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.sqlite"
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").connection.close()
    for db in (empty, blank):
        with Workspace.open(db) as ws:
            assert not ws.read_only and ws.schema_version() > 0


def test_bytes_changed_inside_stored_text_and_the_log(workspace_path):
    """Damage that SQLite's checks cannot see (bytes changed inside a value): verify-log reports it, and reading
    the text gives a refusal with the way back, never a traceback."""
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    conn = sqlite3.connect(workspace_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET after = substr(after, 1, 10) WHERE action = 'record rating'")
    conn.execute("UPDATE agreements SET agency = CAST(X'E0B881E0B8' AS TEXT)")  # a Thai letter cut in half
    conn.commit()
    conn.close()
    checked = run_cli(workspace_path, "verify-log")
    assert checked.returncode == 3 and "Traceback" not in checked.stderr
    assert "broken at entry" in checked.stdout
    listed = run_cli(workspace_path, "agreements", "--json")
    assert listed.returncode == 2 and "damaged" in listed.stderr and "restore latest" in listed.stderr
