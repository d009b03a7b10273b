"""The workspace file: schema versions, refusals, WAL, foreign keys, exact decimals, transactions."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.store import schema
from evaluator_app.store.agreements import add_agreement, list_agreements, load_agreement
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.evaluation import score_sheet
from evaluator_app.store.ratings import EditConflict, load_ratings, record_rating
from evaluator_app.store.workspace import APPLICATION_ID, Workspace, WorkspaceError
from tests.conftest import example_agreement, file_digest


def test_new_file_is_current_wal_with_foreign_keys(workspace):
    assert workspace.schema_version() == schema.SCHEMA_VERSION
    assert workspace.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert workspace.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert workspace.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert workspace.integrity_ok()
    frameworks = {r[0] for r in workspace.conn.execute("SELECT id FROM frameworks")}
    assert {"opdc-2547-2554", "opdc-2555-2559", "opdc-2560-onward"} <= frameworks


def test_file_from_a_newer_version_is_refused_untouched(workspace_path):
    Workspace.open(workspace_path).close()
    conn = sqlite3.connect(workspace_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = file_digest(workspace_path)
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace.open(workspace_path)
    assert file_digest(workspace_path) == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(WorkspaceError, match="not an evaluator-app workspace"):
        Workspace.open(other)


def test_random_bytes_are_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(WorkspaceError, match="not a readable workspace"):
        Workspace.open(junk)


def test_failed_migration_leaves_file_as_it_was(workspace_path, monkeypatch):
    def broken_step(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "UPGRADES", (broken_step,))
    monkeypatch.setattr("evaluator_app.store.workspace.UPGRADES", (broken_step,))
    with pytest.raises(RuntimeError):
        Workspace.open(workspace_path)
    conn = sqlite3.connect(workspace_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_migration_from_each_older_version_reaches_current(workspace_path, monkeypatch):
    # Build a file at every released version (by running only the first N steps), then open it normally.
    for released in range(schema.SCHEMA_VERSION):
        path = workspace_path.with_name(f"v{released}.sqlite")
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN")
        for step in schema.UPGRADES[:released]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {released}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
        conn.close()
        with Workspace.open(path) as ws:
            assert ws.schema_version() == schema.SCHEMA_VERSION
            assert ws.integrity_ok()


def test_decimals_round_trip_exactly_as_text(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    record_rating(workspace, stored.id, Rating("4", 12, result=D("83.3300")), actor="secretary")
    kinds = {r[0] for r in workspace.conn.execute("SELECT DISTINCT typeof(weight) FROM indicators")}
    assert kinds == {"text"}
    assert workspace.conn.execute("SELECT result, typeof(result) FROM ratings").fetchone() == ("83.3300", "text")
    loaded = load_agreement(workspace, stored.id).agreement
    assert loaded == example_agreement()
    assert load_ratings(workspace, stored.id, 12)["4"].rating.result == D("83.3300")


def test_worked_example_scores_from_the_store(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    for code, result in [("1", "92"), ("2", "15"), ("3", "5"), ("4", "78.75")]:
        record_rating(workspace, stored.id, Rating(code, 12, result=D(result)), actor="secretary")
    sheet = score_sheet(workspace, stored.id)
    assert str(sheet.total) == "3.4500"
    assert sheet.eligible is True


def test_refused_rating_writes_nothing(workspace, workspace_path):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError, match="a level from 0 to 5, got 7"):
        record_rating(workspace, stored.id, Rating("3", 12, result=D(7)), actor="secretary")
    with pytest.raises(ProblemsError, match="no indicator 9"):
        record_rating(workspace, stored.id, Rating("9", 12, result=D(1)), actor="secretary")
    with pytest.raises(ProblemsError, match="round must be one of 3, 6, 9, 12"):
        record_rating(workspace, stored.id, Rating("1", 7, result=D(1)), actor="secretary")
    assert file_digest(workspace_path) == before


def test_transaction_is_all_or_nothing(workspace):
    with pytest.raises(RuntimeError), workspace.transaction():
        add_agreement(workspace, example_agreement("กรมหนึ่ง"), actor="s")
        add_agreement(workspace, example_agreement("กรมสอง"), actor="s")
        raise RuntimeError("crash in the middle")
    assert list_agreements(workspace) == []
    assert audit_entries(workspace.conn) == []


def test_edit_conflict_keeps_the_newer_value(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="s")
    v1 = record_rating(workspace, stored.id, Rating("1", 12, "m1", result=D(90)), actor="m1")
    record_rating(workspace, stored.id, Rating("1", 12, "m1", result=D(95)), actor="m1", expected_version=v1)
    with pytest.raises(EditConflict):
        record_rating(workspace, stored.id, Rating("1", 12, "m1", result=D(80)), actor="m1", expected_version=v1)
    assert load_ratings(workspace, stored.id, 12, "m1")["1"].rating.result == D(95)


def test_every_change_is_audited_and_the_chain_detects_tampering(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    record_rating(workspace, stored.id, Rating("1", 12, result=D(92)), actor="secretary")
    record_rating(workspace, stored.id, Rating("1", 12, result=D(95)), actor="member")
    entries = audit_entries(workspace.conn, entity="rating")
    assert [(e.actor, e.before and e.before["result"], e.after["result"]) for e in entries] == [
        ("member", "92", "95"), ("secretary", None, "92")]
    assert first_broken_link(workspace.conn) is None
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        workspace.conn.execute("UPDATE audit_log SET actor = 'mallory'")
    # A forger who drops the triggers still breaks the chain.
    workspace.conn.execute("DROP TRIGGER audit_log_no_update")
    workspace.conn.execute("UPDATE audit_log SET after = '{\"result\": \"99\"}' WHERE id = 3")
    assert first_broken_link(workspace.conn) == 3
