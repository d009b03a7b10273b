"""Disk faults without root tricks: a full disk (SQLite's max_page_count, an injected ENOSPC) and a file that cannot
be written (opened the way SQLite opens a read-only mount). The CLI says so plainly, and nothing saved is lost."""

from __future__ import annotations

import errno
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaluator_app.cli import main
from evaluator_app.domain.rating import Rating
from evaluator_app.store import backups
from evaluator_app.store import sqlite as store_sqlite
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import StorageError, Workspace
from tests.conftest import example_agreement, file_digest
from tests.safety.helpers import agency_names, write_agreements_xlsx

real_connect = store_sqlite.connect


def content(path: Path) -> list[str]:
    """Every row of every table, as SQL: what "nothing saved was lost" compares."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def saved(workspace_path):
    with Workspace.open(workspace_path) as ws:
        stored = add_agreement(ws, example_agreement(), actor="secretary")
        record_rating(ws, stored.id, Rating("1", 12, result=D(92)), actor="secretary")
    return workspace_path


def full_disk_after(extra_pages: int):
    """Connections whose database may grow only `extra_pages` more pages: SQLITE_FULL, as on a full disk."""
    def connect(path, read_only=False):
        conn = real_connect(path, read_only)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
        return conn
    return connect


class FullAtCommit(sqlite3.Connection):
    """A connection whose COMMIT meets a full disk (SQLITE_FULL), as when the last free block went elsewhere."""

    full = True

    def execute(self, sql, *args):  # type: ignore[override]
        if self.full and sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def full_at_commit(path, read_only=False):
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, factory=FullAtCommit)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def cannot_write(path, read_only=False):
    """How SQLite opens a file on a read-only mount: reads work, the first write fails (root ignores chmod)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def test_a_full_disk_during_a_big_import_is_reported_and_loses_nothing(saved, tmp_path, monkeypatch, capsys):
    workbook = write_agreements_xlsx(tmp_path / "big.xlsx", agency_names(40), 2569, 25)
    before = content(saved)
    monkeypatch.setattr("evaluator_app.store.workspace.connect", full_disk_after(5))
    code = main(["--db", str(saved), "import", str(workbook)])
    err = capsys.readouterr().err
    assert code == 2
    assert "the disk is full" in err and "พื้นที่ดิสก์เต็ม" in err and "nothing already saved was lost" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert content(saved) == before
    with Workspace.open(saved) as ws:
        assert ws.integrity_ok()


def test_a_full_disk_when_recording_a_rating(saved, monkeypatch, capsys):
    before = content(saved)
    monkeypatch.setattr("evaluator_app.store.workspace.connect", full_at_commit)
    code = main(["--db", str(saved), "rate", "1", "2", "15", "--evaluator", "m1"])
    assert code == 2
    assert "the disk is full" in capsys.readouterr().err
    monkeypatch.undo()
    assert content(saved) == before


def test_the_window_gets_a_storage_error_and_can_go_on_after_space_is_freed(saved, monkeypatch):
    monkeypatch.setattr("evaluator_app.store.workspace.connect", full_at_commit)
    with Workspace.open(saved) as ws:
        with pytest.raises(StorageError, match="the disk is full"):
            record_rating(ws, 1, Rating("2", 12, "m1", result=D(15)), actor="m1")
        assert not ws.conn.in_transaction and not ws.read_only
        assert ws.conn.execute("SELECT count(*) FROM ratings WHERE evaluator = 'm1'").fetchone()[0] == 0
        ws.conn.full = False  # space freed
        record_rating(ws, 1, Rating("2", 12, "m1", result=D(15)), actor="m1")
        assert ws.integrity_ok()


def test_a_full_disk_while_backing_up_is_reported_and_leaves_no_half_backup(saved, monkeypatch, capsys):
    def disk_full(source, target):
        target.write_bytes(b"SQLite format 3\x00 half a copy")
        raise OSError(errno.ENOSPC, "No space left on device")

    Workspace.open(saved).close()  # the open backup, so the command below only makes its own
    before = content(saved)
    monkeypatch.setattr(backups, "copy_database", disk_full)
    assert main(["--db", str(saved), "backup"]) == 2
    assert "the disk is full" in capsys.readouterr().err
    assert [b.reason for b in backups.list_backups(saved)] == ["open"]
    assert not list(backups.backups_folder(saved).glob("*.partial"))
    assert content(saved) == before


def test_a_file_that_cannot_be_written_refuses_writes_clearly_and_still_reads(saved, monkeypatch, capsys):
    before = file_digest(saved)
    monkeypatch.setattr("evaluator_app.store.workspace.connect", cannot_write)
    assert main(["--db", str(saved), "rate", "1", "2", "15"]) == 2
    err = capsys.readouterr().err
    assert "cannot be written" in err and "เขียนไม่ได้" in err and "Traceback" not in err
    assert main(["--db", str(saved), "agreements"]) == 0
    assert "กรมตัวอย่าง" in capsys.readouterr().out
    monkeypatch.undo()
    assert file_digest(saved) == before


def test_discovering_a_read_only_file_turns_the_workspace_read_only_with_a_reason(saved, monkeypatch):
    monkeypatch.setattr("evaluator_app.store.workspace.connect", cannot_write)
    with Workspace.open(saved) as ws:
        with pytest.raises(StorageError):
            record_rating(ws, 1, Rating("2", 12, result=D(15)), actor="s")
        assert ws.read_only and "cannot be written" in (ws.read_only_reason or "")


def test_a_read_only_file_in_rollback_mode_opens_read_only(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    with Workspace.open(path) as ws:
        add_agreement(ws, example_agreement(), actor="s")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a copy from another machine may arrive
    conn.close()
    monkeypatch.setattr("evaluator_app.store.workspace.connect", cannot_write)
    with Workspace.open(path) as ws:
        assert ws.read_only and "cannot be written" in (ws.read_only_reason or "")
        assert ws.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == 1
