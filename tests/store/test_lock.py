"""One writer: a second process opens read-only and says who holds the file; a killed holder blocks nobody."""

from __future__ import annotations

import json
import os
import signal
import socket
from decimal import Decimal as D

import pytest

from evaluator_app.domain.rating import Rating
from evaluator_app.store import lock as lock_module
from evaluator_app.store.agreements import add_agreement, list_agreements
from evaluator_app.store.lock import acquire_writer_lock, lock_path, read_owner
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace, WorkspaceError
from tests.conftest import example_agreement, file_digest
from tests.safety.helpers import hold_workspace, run_cli


@pytest.fixture
def populated(workspace_path):
    with Workspace.open(workspace_path) as ws:
        add_agreement(ws, example_agreement(), actor="secretary")
    return workspace_path


def test_a_second_process_opens_read_only_and_names_the_holder(populated):
    holder = hold_workspace(populated)
    try:
        with Workspace.open(populated) as ws:
            assert ws.read_only
            reason = ws.read_only_reason or ""
            assert str(holder.pid) in reason and socket.gethostname() in reason
            assert "อ่านอย่างเดียว" in reason and "read-only" in reason
            assert [a.agency for a in list_agreements(ws)] == ["กรมตัวอย่าง"]  # reading still works
            before = file_digest(populated)
            with pytest.raises(WorkspaceError, match=str(holder.pid)):
                record_rating(ws, 1, Rating("1", 12, result=D(92)), actor="second")
        assert file_digest(populated) == before
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_holder_leaves_no_lock_behind(populated):
    holder = hold_workspace(populated)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(populated).exists()  # the record stays, but the OS lock died with the process
    with Workspace.open(populated) as ws:
        assert not ws.read_only and ws.read_only_reason is None
        record_rating(ws, 1, Rating("1", 12, result=D(92)), actor="after crash")
        assert read_owner(populated).pid == os.getpid()


def test_a_refused_contender_does_not_wipe_the_holders_record(populated):
    holder = hold_workspace(populated)
    try:
        for _ in range(3):
            Workspace.open(populated).close()
        assert json.loads(lock_path(populated).read_text(encoding="utf-8"))["pid"] == holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_cli_write_commands_refuse_and_read_commands_work_while_held(populated):
    holder = hold_workspace(populated)
    try:
        before = file_digest(populated)
        rate = run_cli(populated, "rate", "1", "1", "92")
        assert rate.returncode == 2
        assert str(holder.pid) in rate.stderr and "read-only" in rate.stderr
        listed = run_cli(populated, "agreements", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)[0]["agency"] == "กรมตัวอย่าง"
        assert file_digest(populated) == before
    finally:
        holder.kill()
        holder.wait()


def test_one_process_may_open_the_same_workspace_twice(populated):
    # The window and a background job of the same app share the file; SQLite itself serialises their writes.
    with Workspace.open(populated) as first, Workspace.open(populated) as second:
        assert not first.read_only and not second.read_only
        record_rating(second, 1, Rating("2", 12, result=D(15)), actor="job")
    holder = hold_workspace(populated)  # after both closed, the lock is free for another process
    holder.kill()
    holder.wait()


def test_a_folder_that_cannot_be_written_opens_read_only(populated, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("evaluator_app.store.workspace.acquire_writer_lock", refuse)
    with Workspace.open(populated) as ws:
        assert ws.read_only
        assert "cannot be written" in (ws.read_only_reason or "")


def test_a_new_workspace_is_not_created_when_the_lock_is_held_elsewhere(tmp_path, monkeypatch):
    target = tmp_path / "new.sqlite"

    def held(path):
        raise lock_module.LockHeld(lock_module.LockOwner("other-host", 4242, "somchai", "2026-01-01T00:00:00+00:00"))

    monkeypatch.setattr("evaluator_app.store.workspace.acquire_writer_lock", held)
    with pytest.raises(WorkspaceError, match="somchai on other-host"):
        Workspace.open(target)
    assert not target.exists()


def test_the_lock_is_released_when_opening_fails(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(WorkspaceError):
        Workspace.open(junk)
    lock = acquire_writer_lock(junk)  # would share a leaked registration instead of taking the OS lock afresh
    assert [held.count for held in lock._held] == [1, 1]  # the lock beside the file, and the inode lock
    lock.release()
