"""Backups: made with the backup API at the right moments, thinned, listed, restored (and the restore audited)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator_app.domain.rating import Rating
from evaluator_app.store import backups, schema
from evaluator_app.store.agreements import add_agreement, list_agreements
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.backups import (
    Backup,
    BackupPolicy,
    back_up_now,
    backups_to_delete,
    list_backups,
)
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.restore import restore_backup
from evaluator_app.store.workspace import APPLICATION_ID, Workspace, WorkspaceError
from tests.conftest import example_agreement, file_digest
from tests.safety.helpers import hold_workspace


def rated_workspace(path: Path, result: str = "92") -> int:
    with Workspace.open(path) as ws:
        stored = add_agreement(ws, example_agreement(), actor="secretary")
        record_rating(ws, stored.id, Rating("1", 12, result=D(result)), actor="secretary")
        return stored.id


def result_in(path: Path, agreement_id: int = 1) -> D | None:
    with Workspace.open(path, read_only=True) as ws:
        stored = load_ratings(ws, agreement_id, 12).get("1")
        return None if stored is None else stored.rating.result


# --- thinning: a pure function ---------------------------------------------------------------------------------

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fake(taken_at: datetime, reason: str = "changes") -> Backup:
    return Backup(Path(f"/b/{taken_at.isoformat()}-{reason}"), taken_at, reason, 1)


def test_thinning_keeps_recent_then_one_a_day_week_and_month():
    policy = BackupPolicy(keep_recent=3, keep_daily=2, keep_weekly=2, keep_monthly=4, keep_pinned=0)
    hourly = [fake(NOW - timedelta(hours=h)) for h in range(24 * 120)]  # four months of hourly backups
    kept = sorted(set(hourly) - set(backups_to_delete(hourly, policy, tz=UTC)), key=lambda b: b.taken_at,
                  reverse=True)
    times = [b.taken_at for b in kept]
    assert times[:3] == [NOW, NOW - timedelta(hours=1), NOW - timedelta(hours=2)]
    assert datetime(2026, 2, 28, 23, 0, tzinfo=UTC) in times  # the newest of yesterday
    assert datetime(2026, 2, 22, 23, 0, tzinfo=UTC) in times  # the newest of the week before (ends Sunday)
    assert datetime(2026, 1, 31, 23, 0, tzinfo=UTC) in times  # the newest of January
    assert datetime(2025, 12, 31, 23, 0, tzinfo=UTC) in times  # and of December (March, the current month, is one)
    assert len(kept) <= 3 + 2 + 2 + 4


def test_thinning_keeps_a_few_backups_taken_before_one_way_steps():
    policy = BackupPolicy(keep_recent=1, keep_daily=1, keep_weekly=1, keep_monthly=1, keep_pinned=2)
    items = [fake(NOW - timedelta(minutes=m)) for m in range(100)]
    restores = [fake(NOW - timedelta(minutes=m, seconds=30), "before-restore") for m in (10, 20, 30)]
    deleted = set(backups_to_delete(items + restores, policy, tz=UTC))
    assert restores[0] not in deleted and restores[1] not in deleted and restores[2] in deleted


moments = st.lists(st.integers(min_value=0, max_value=400 * 24 * 60), min_size=0, max_size=60, unique=True)


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(1, 5), st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_thinning_properties(minutes_ago, recent, daily, weekly, monthly):
    policy = BackupPolicy(keep_recent=recent, keep_daily=daily, keep_weekly=weekly, keep_monthly=monthly)
    items = [fake(NOW - timedelta(minutes=m)) for m in minutes_ago]
    deleted = backups_to_delete(items, policy, tz=UTC)
    kept = [b for b in items if b not in deleted]
    if items:
        assert max(items, key=lambda b: b.taken_at) in kept  # the newest is never deleted
    assert len(kept) <= recent + daily + weekly + monthly
    assert len(kept) >= min(len(items), recent)
    assert backups_to_delete(kept, policy, tz=UTC) == []  # thinning again removes nothing more


# --- when backups are taken ------------------------------------------------------------------------------------


def test_a_new_file_is_not_backed_up_but_reopening_it_is_once_per_interval(workspace_path):
    rated_workspace(workspace_path)
    assert list_backups(workspace_path) == []
    Workspace.open(workspace_path).close()
    first = list_backups(workspace_path)
    assert [b.reason for b in first] == ["open"]
    Workspace.open(workspace_path).close()  # a CLI loop opening the file each call does not back up each time
    assert list_backups(workspace_path) == first
    Workspace.open(workspace_path, backup_policy=BackupPolicy(on_open_after=timedelta(0))).close()
    assert len(list_backups(workspace_path)) == 2


def test_the_interval_is_a_workspace_setting(workspace_path):
    rated_workspace(workspace_path)
    with Workspace.open(workspace_path) as ws:
        ws.set_setting("backup.on_open_minutes", "0")
    Workspace.open(workspace_path).close()
    Workspace.open(workspace_path).close()
    assert len(list_backups(workspace_path)) == 3


def test_a_backup_is_one_whole_file_with_the_content_of_that_moment(workspace_path):
    rated_workspace(workspace_path, "92")
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        made = back_up_now(ws)
        record_rating(ws, 1, Rating("1", 12, result=D(95)), actor="secretary")
    assert made.reason == "manual"
    assert not made.path.with_name(made.name + "-wal").exists()
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("SELECT result FROM ratings").fetchone()[0] == "92"
    conn.close()


def test_backups_are_taken_after_every_n_changes(workspace_path):
    agreement_id = rated_workspace(workspace_path)
    policy = BackupPolicy(every_changes=3, on_open_after=timedelta(days=1))
    with Workspace.open(workspace_path, backup_policy=policy) as ws:
        reasons_at_open = [b.reason for b in list_backups(workspace_path)]
        for n in range(7):
            record_rating(ws, agreement_id, Rating("1", 12, result=D(80 + n)), actor="m")
    made = [b.reason for b in list_backups(workspace_path)]
    assert made.count("changes") == 2 and reasons_at_open == ["open"]


def test_backups_are_taken_after_m_minutes_with_changes(workspace_path, monkeypatch):
    agreement_id = rated_workspace(workspace_path)
    clock = [1000.0]
    monkeypatch.setattr("evaluator_app.store.workspace.time.monotonic", lambda: clock[0])
    with Workspace.open(workspace_path, auto_backup=True) as ws:
        record_rating(ws, agreement_id, Rating("1", 12, result=D(81)), actor="m")
        assert [b.reason for b in list_backups(workspace_path)] == ["open"]
        clock[0] += 16 * 60
        record_rating(ws, agreement_id, Rating("1", 12, result=D(82)), actor="m")
    assert [b.reason for b in list_backups(workspace_path)] == ["changes", "open"]


def test_a_file_is_backed_up_before_its_schema_is_upgraded(workspace_path):
    conn = sqlite3.connect(workspace_path, isolation_level=None)
    conn.execute("BEGIN")
    schema.UPGRADES[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
    made = list_backups(workspace_path)
    assert [b.reason for b in made] == ["before-migration"]
    old = sqlite3.connect(made[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_no_upgrade_without_its_backup(workspace_path, monkeypatch):
    conn = sqlite3.connect(workspace_path, isolation_level=None)
    conn.execute("BEGIN")
    schema.UPGRADES[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("COMMIT")
    conn.close()
    before = file_digest(workspace_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", disk_full)
    with pytest.raises(WorkspaceError, match="before upgrading"):
        Workspace.open(workspace_path)
    assert file_digest(workspace_path) == before


def test_a_failed_automatic_backup_never_stops_the_work(workspace_path, monkeypatch):
    agreement_id = rated_workspace(workspace_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", disk_full)
    with Workspace.open(workspace_path, backup_policy=BackupPolicy(every_changes=1)) as ws:
        assert "No space left" in (ws.backup_error or "")
        record_rating(ws, agreement_id, Rating("1", 12, result=D(97)), actor="m")
    assert result_in(workspace_path) == D(97)
    assert not list(backups.backups_folder(workspace_path).glob("*.partial"))


def test_a_half_written_backup_is_never_listed(workspace_path):
    rated_workspace(workspace_path)
    folder = backups.backups_folder(workspace_path)
    folder.mkdir()
    name = backups.backup_name(workspace_path, NOW, "changes")
    (folder / (name + ".partial")).write_bytes(b"SQLite format 3\x00 half")
    assert list_backups(workspace_path) == []


# --- restoring -------------------------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_current_content(workspace_path):
    agreement_id = rated_workspace(workspace_path, "92")
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        chosen = back_up_now(ws)
        record_rating(ws, agreement_id, Rating("1", 12, result=D(60)), actor="mistake")
    result = restore_backup(workspace_path, chosen, actor="secretary")
    assert result_in(workspace_path) == D(92)
    assert result.kept is not None and sqlite3.connect(result.kept).execute(
        "SELECT result FROM ratings").fetchone()[0] == "60"
    with Workspace.open(workspace_path, read_only=True) as ws:
        assert ws.integrity_ok() and first_broken_link(ws.conn) is None
        entry = audit_entries(ws.conn, entity="workspace")[0]
        assert (entry.action, entry.actor, entry.after["backup"]) == ("restore backup", "secretary", chosen.name)
        assert entry.before["kept_as"] == result.kept.name
    assert "before-restore" in [b.reason for b in list_backups(workspace_path)]


def test_restore_replaces_a_damaged_workspace_and_keeps_its_bytes_aside(workspace_path):
    rated_workspace(workspace_path, "92")
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        back_up_now(ws)
    workspace_path.write_bytes(b"\x00 a disk that lost its sectors " * 300)
    result = restore_backup(workspace_path, "latest", actor="secretary")
    assert result.kept is not None and result.kept.name.endswith(".damaged")
    assert result.kept.read_bytes().startswith(b"\x00 a disk")
    assert result_in(workspace_path) == D(92)


def test_restore_is_refused_while_another_process_writes(workspace_path):
    rated_workspace(workspace_path)
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        back_up_now(ws)
    holder = hold_workspace(workspace_path)
    try:
        before = file_digest(workspace_path)
        with pytest.raises(WorkspaceError, match=str(holder.pid)):
            restore_backup(workspace_path, "latest", actor="secretary")
        assert file_digest(workspace_path) == before
    finally:
        holder.kill()
        holder.wait()


def test_a_damaged_backup_is_refused_and_nothing_changes(workspace_path):
    rated_workspace(workspace_path)
    with Workspace.open(workspace_path, auto_backup=False) as ws:
        made = back_up_now(ws)
    data = made.path.read_bytes()
    made.path.write_bytes(data[: len(data) // 2])  # a copy cut short (a USB stick pulled out)
    before = file_digest(workspace_path)
    with pytest.raises(WorkspaceError, match=r"damaged|cannot be read"):
        restore_backup(workspace_path, made, actor="secretary")
    assert file_digest(workspace_path) == before
    assert [a.agency for a in list_agreements(Workspace.open(workspace_path, read_only=True))] == ["กรมตัวอย่าง"]
