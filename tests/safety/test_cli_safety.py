"""The safety commands as a secretary runs them: backup, backups, restore, verify-log (real process)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest
from tests.safety.helpers import run_cli


def make_workspace(path):
    with Workspace.open(path) as ws:
        stored = add_agreement(ws, example_agreement(), actor="secretary")
        record_rating(ws, stored.id, Rating("1", 12, result=D(92)), actor="secretary")


def test_backup_list_restore_latest_and_verify(workspace_path):
    make_workspace(workspace_path)
    made = run_cli(workspace_path, "backup")
    assert made.returncode == 0, made.stderr
    listed = json.loads(run_cli(workspace_path, "backups", "--json").stdout)
    assert [b["reason"] for b in listed] == ["manual", "open"]  # opening for `backup` also backed up once
    table = run_cli(workspace_path, "backups").stdout.splitlines()
    taken = datetime.fromisoformat(listed[0]["taken_at"]).astimezone(ZoneInfo("Asia/Bangkok"))
    assert table[0].startswith("taken (Asia/Bangkok)")  # the people's clock and a Buddhist Era date, not UTC
    assert table[1].startswith(f"{taken.day} ") and f" {taken.year + 543} {taken:%H:%M:%S}" in table[1]
    assert run_cli(workspace_path, "rate", "1", "1", "60").returncode == 0
    restored = run_cli(workspace_path, "--as", "secretary", "restore", "latest")
    assert restored.returncode == 0, restored.stderr
    assert "restored from" in restored.stdout and listed[0]["name"] in restored.stdout
    score = json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)
    assert score["indicators"][0]["result"] == "92"
    verified = run_cli(workspace_path, "verify-log")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "the audit log verifies" in verified.stdout
    reasons = [b["reason"] for b in json.loads(run_cli(workspace_path, "backups", "--json").stdout)]
    assert "before-restore" in reasons


def test_restore_of_a_missing_backup_is_refused_with_nothing_written(workspace_path):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    refused = run_cli(workspace_path, "restore", "no-such-backup.sqlite")
    assert refused.returncode == 2
    assert "no backup named" in refused.stderr
    assert file_digest(workspace_path) == before


def test_verify_log_names_the_first_broken_link(workspace_path):
    make_workspace(workspace_path)
    conn = sqlite3.connect(workspace_path)
    # What someone with a SQLite tool would do: drop the guard, rewrite an entry.
    conn.execute("DROP TRIGGER audit_log_no_update")
    entry_id, at = conn.execute("SELECT id, at FROM audit_log WHERE action = 'record rating'").fetchone()
    conn.execute("UPDATE audit_log SET after = replace(after, '92', '99') WHERE id = ?", (entry_id,))
    conn.commit()
    conn.close()
    checked = run_cli(workspace_path, "verify-log")
    assert checked.returncode == 3
    assert f"broken at entry {entry_id}" in checked.stdout and at in checked.stdout
    assert "record rating" in checked.stdout
    document = json.loads(run_cli(workspace_path, "verify-log", "--json").stdout)
    assert document["ok"] is False and document["broken"]["id"] == entry_id


def test_verify_log_finds_a_value_changed_behind_the_logs_back(workspace_path):
    make_workspace(workspace_path)
    conn = sqlite3.connect(workspace_path)
    conn.execute("UPDATE ratings SET result = '100'")  # the chain itself is untouched
    conn.commit()
    conn.close()
    checked = run_cli(workspace_path, "verify-log")
    assert checked.returncode == 3
    assert "not explained by the log: rating 1/1/12/self" in checked.stdout


def test_verify_log_changes_nothing(workspace_path):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    assert run_cli(workspace_path, "verify-log").returncode == 0
    assert file_digest(workspace_path) == before
