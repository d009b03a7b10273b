"""The lock file (issue 13, item 7): a planted symlink, FIFO or someone else's file is refused and left as it is,
and neither a symlink nor a hard link to the workspace gets past the one-writer lock."""

from __future__ import annotations

import os
import sys

import pytest

from evaluator_app.store.lock import acquire_writer_lock, lock_path
from evaluator_app.store.workspace import Workspace, WorkspaceError
from tests.conftest import file_digest
from tests.safety.helpers import hold_workspace, run_cli
from tests.safety.test_cli_safety import make_workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and uids are POSIX here")


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(workspace_path, tmp_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "backup").returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("the secretary's notes\n", encoding="utf-8")
    lock = lock_path(workspace_path)
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    before = file_digest(workspace_path)
    for args in (["rate", "1", "1", "77"], ["agreements"], ["backup"], ["restore", "latest"]):
        done = run_cli(workspace_path, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert "symbolic link" in done.stderr and "Traceback" not in done.stderr
    assert victim.read_text(encoding="utf-8") == "the secretary's notes\n"
    assert lock.is_symlink() and file_digest(workspace_path) == before
    # a dangling link is refused too: O_CREAT would otherwise create its target
    lock.unlink()
    lock.symlink_to(tmp_path / "created-by-the-app")
    assert run_cli(workspace_path, "rate", "1", "1", "77").returncode == 2
    assert not (tmp_path / "created-by-the-app").exists()


def test_a_lock_file_that_is_not_a_regular_file_is_refused(workspace_path):
    make_workspace(workspace_path)
    lock = lock_path(workspace_path)
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    done = run_cli(workspace_path, "rate", "1", "1", "77")
    assert done.returncode == 2 and "not a regular file" in done.stderr
    lock.unlink()
    lock.mkdir()
    done = run_cli(workspace_path, "rate", "1", "1", "77")
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to plant another's file")
def test_a_lock_file_owned_by_another_user_is_refused(workspace_path):
    make_workspace(workspace_path)
    lock = lock_path(workspace_path)
    lock.write_text('{"planted": true}', encoding="utf-8")
    os.chown(lock, 12345, 12345)
    done = run_cli(workspace_path, "rate", "1", "1", "77")
    assert done.returncode == 2 and "belongs to another user" in done.stderr, done.stderr
    assert lock.read_text(encoding="utf-8") == '{"planted": true}'


def test_a_symlink_to_the_workspace_finds_the_same_lock(workspace_path, tmp_path):
    make_workspace(workspace_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alias = elsewhere / "alias.sqlite"
    alias.symlink_to(workspace_path)
    holder = hold_workspace(workspace_path)
    try:
        before = file_digest(workspace_path)
        done = run_cli(alias, "rate", "1", "1", "60")
        assert done.returncode == 2 and str(holder.pid) in done.stderr
        assert file_digest(workspace_path) == before
        assert not lock_path(alias).with_name("alias.sqlite.lock").exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_hard_link_to_the_workspace_does_not_bypass_the_lock(workspace_path, tmp_path):
    make_workspace(workspace_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    twin = elsewhere / "twin.sqlite"
    os.link(workspace_path, twin)
    holder = hold_workspace(twin)  # the holder opened it by the other name
    try:
        before = file_digest(workspace_path)
        done = run_cli(workspace_path, "rate", "1", "1", "60")
        assert done.returncode == 2 and str(holder.pid) in done.stderr, done.stderr
        with Workspace.open(workspace_path) as ws:
            assert ws.read_only
        assert file_digest(workspace_path) == before
    finally:
        holder.kill()
        holder.wait()


def test_a_workspace_created_in_this_session_is_covered_too(tmp_path):
    """A new workspace has no inode when the lock is taken; the inode lock is added once the file exists."""
    created = tmp_path / "new.sqlite"
    with Workspace.open(created) as ws:
        assert not ws.read_only
        twin = tmp_path / "elsewhere" / "twin.sqlite"
        twin.parent.mkdir()
        os.link(created, twin)
        done = run_cli(twin, "panel", "add-member", "m1", "--name", "กรรมการ")
        assert done.returncode == 2 and str(os.getpid()) in done.stderr, done.stderr


def test_locks_in_one_process_are_shared_and_released(workspace_path):
    make_workspace(workspace_path)
    first = acquire_writer_lock(workspace_path)
    second = acquire_writer_lock(workspace_path)
    first.release()
    second.release()
    again = acquire_writer_lock(workspace_path)
    assert [held.count for held in again._held] == [1, 1]
    again.release()
    with pytest.raises(WorkspaceError):
        lock = lock_path(workspace_path)
        lock.unlink()
        lock.symlink_to(workspace_path)
        Workspace.open(workspace_path)
