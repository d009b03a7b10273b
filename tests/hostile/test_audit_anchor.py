"""The audit head is anchored (issue 13, item 14): `verify-log` alone passes when the newest entry is cut off or the
whole chain is re-hashed; `verify-log --expect HASH` with a head written down earlier (minutes, a report) does
not."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from evaluator_app.store.audit import GENESIS, _entry_hash
from tests.safety.helpers import run_cli
from tests.safety.test_cli_safety import make_workspace


def head_hash(db: Path) -> str:
    document = json.loads(run_cli(db, "verify-log", "--json").stdout)
    assert document["ok"], document
    return str(document["head_hash"])


def tamper(db: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for sql, args in statements:
        conn.execute(sql, args)
    conn.commit()
    conn.close()


def test_a_head_written_down_earlier_still_verifies_after_later_changes(workspace_path):
    make_workspace(workspace_path)
    written_down = head_hash(workspace_path)
    assert run_cli(workspace_path, "rate", "1", "2", "15").returncode == 0
    checked = run_cli(workspace_path, "verify-log", "--expect", written_down)
    assert checked.returncode == 0, checked.stdout
    assert "followed by 1 later entries" in checked.stdout
    assert run_cli(workspace_path, "verify-log", "--expect", written_down[:16]).returncode == 0  # as printed short


def test_cutting_off_the_newest_entry_is_found_with_the_written_down_head(workspace_path):
    make_workspace(workspace_path)
    assert run_cli(workspace_path, "rate", "1", "1", "60").returncode == 0
    written_down = head_hash(workspace_path)
    # Undo the last change and its entry, as someone with a SQLite tool would: the rest stays consistent.
    tamper(workspace_path,
           ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", ()),
           ("UPDATE ratings SET result = '92' WHERE code = '1'", ()))
    assert run_cli(workspace_path, "verify-log").returncode == 0  # the chain alone cannot see it
    checked = run_cli(workspace_path, "verify-log", "--expect", written_down)
    assert checked.returncode == 3
    assert "is not in the log" in checked.stdout
    assert json.loads(run_cli(workspace_path, "verify-log", "--json", "--expect", written_down).stdout)["ok"] is False


def test_a_rehashed_chain_is_found_with_the_written_down_head(workspace_path):
    make_workspace(workspace_path)
    written_down = head_hash(workspace_path)
    conn = sqlite3.connect(workspace_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    rows = conn.execute("SELECT id, at, actor, action, entity, entity_key, before, after FROM audit_log "
                        "ORDER BY id").fetchall()
    prev = GENESIS
    for entry_id, at, actor, action, entity, key, before, after in rows:
        if action == "record rating":
            after = after.replace("92", "99")
            conn.execute("UPDATE ratings SET result = '99' WHERE code = '1'")
        digest = _entry_hash(prev, at, actor, action, entity, key, before, after)
        conn.execute("UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (after, prev, digest, entry_id))
        prev = digest
    conn.commit()
    conn.close()
    assert run_cli(workspace_path, "verify-log").returncode == 0  # a consistent forgery
    checked = run_cli(workspace_path, "verify-log", "--expect", written_down)
    assert checked.returncode == 3 and "re-hashed" in checked.stdout


def test_a_malformed_expected_head_is_refused(workspace_path):
    make_workspace(workspace_path)
    for bad in ("abc", "z" * 64, "12345"):
        done = run_cli(workspace_path, "verify-log", "--expect", bad)
        assert done.returncode == 2 and "--expect" in done.stderr
