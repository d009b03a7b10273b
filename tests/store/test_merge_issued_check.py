"""A merge checks the issued-round trigger's condition once for all its rows and sets the trigger aside for its
upsert (issue 16): it refuses exactly what the trigger refuses, with the trigger's error and message, writes the
same rows otherwise, and the trigger is back, word for word, whatever happens; other writers still meet it."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator_app.store import panel_merge
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.schema_reports import ISSUED_MESSAGE
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement

TRIGGER = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'ratings_issued_no_insert'"


def issue(conn: sqlite3.Connection, agreement_id: int, round_: int) -> None:
    snapshot = conn.execute(
        "INSERT INTO report_snapshots (kind, scope, agreement_id, fiscal_year, round, revision, created_at, "
        "created_by, sha256, json) VALUES ('evaluation', ?, ?, 2569, ?, 1, 'now', 'sec', ?, '{}')",
        (f"{agreement_id}/{round_}", agreement_id, round_, "0" * 64)).lastrowid
    conn.execute("INSERT INTO report_issues (agreement_id, round, issued, snapshot_id, revision, changed_at, "
                 "changed_by) VALUES (?, ?, 1, ?, 1, 'now', 'sec')", (agreement_id, round_, snapshot))


def row(agreement_id: int, version_id: int, code: str, round_: int, result: str | None,
        comment: str | None = None, edit_version: int = 1) -> tuple:
    return (agreement_id, code, round_, "m1", version_id, result, None, None, comment, edit_version,
            "2026-12-03T09:00:00.000000+00:00", "m1")


def write(ws: Workspace, rows: list[tuple], once: bool, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """Write the rows as a merge does, by the set-aside path (`once`) or through the trigger; the refusal's
    message or None."""
    monkeypatch.setattr(panel_merge, "CHECKED_ONCE_FROM", 0 if once else 10**9)
    try:
        with ws.transaction() as conn:
            panel_merge.write_merged_ratings(conn, rows)
    except sqlite3.IntegrityError as exc:
        return str(exc)
    return None


def table(ws: Workspace) -> list[tuple]:
    return ws.conn.execute("SELECT * FROM ratings ORDER BY agreement_id, code, round, evaluator").fetchall()


def world(path) -> tuple[Workspace, int, int, str]:
    ws = Workspace.open(path)
    stored = add_agreement(ws, example_agreement(), actor="sec")
    return ws, stored.id, stored.version_id, ws.conn.execute(TRIGGER).fetchone()[0]


# Each cell of the plan: (code, round, value written before the round was issued or None, value merged)
cells = st.lists(st.tuples(st.sampled_from(["1", "2", "3", "4"]), st.sampled_from([6, 12]),
                           st.none() | st.sampled_from(["50", "60"]), st.sampled_from(["50", "60", "70"])),
                 max_size=8, unique_by=lambda c: c[:2])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells, st.booleans())
def test_the_check_once_refuses_and_writes_what_the_trigger_does(tmp_path_factory, monkeypatch, planned, issued):
    outcomes = []
    for once in (False, True):
        ws, agreement_id, version_id, trigger = world(tmp_path_factory.mktemp("ws") / "master.sqlite")
        with ws.transaction() as conn:
            panel_merge.write_merged_ratings(conn, [row(agreement_id, version_id, code, round_, before)
                                                    for code, round_, before, _ in planned if before is not None])
            if issued:
                issue(conn, agreement_id, 12)
        refusal = write(ws, [row(agreement_id, version_id, code, round_, after, edit_version=2)
                             for code, round_, _, after in sorted(planned)], once, monkeypatch)
        outcomes.append((refusal, table(ws)))
        assert ws.conn.execute(TRIGGER).fetchone()[0] == trigger
        ws.close()
    assert outcomes[0] == outcomes[1]


def test_a_merged_rating_of_an_issued_round_is_refused_with_the_triggers_message(tmp_path, monkeypatch):
    ws, agreement_id, version_id, trigger = world(tmp_path / "master.sqlite")
    with ws.transaction() as conn:
        issue(conn, agreement_id, 12)
    rows = [row(agreement_id, version_id, "1", 6, "70"), row(agreement_id, version_id, "2", 12, "80")]
    assert write(ws, rows, False, monkeypatch) == ISSUED_MESSAGE
    assert write(ws, rows, True, monkeypatch) == ISSUED_MESSAGE
    assert table(ws) == [] and ws.conn.execute(TRIGGER).fetchone()[0] == trigger
    # Only the note or the bookkeeping of a printed cell may change; an open round takes anything.
    assert write(ws, rows[:1], True, monkeypatch) is None
    ws.close()


def test_the_trigger_is_back_after_a_failure_midway_and_guards_other_writers(tmp_path, monkeypatch):
    ws, agreement_id, version_id, trigger = world(tmp_path / "master.sqlite")
    monkeypatch.setattr(panel_merge, "CHECKED_ONCE_FROM", 0)

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    with ws.transaction() as conn:
        issue(conn, agreement_id, 12)
    monkeypatch.setattr(panel_merge, "insert_many", broken)
    with pytest.raises(OSError), ws.transaction() as conn:
        panel_merge.write_merged_ratings(conn, [row(agreement_id, version_id, "1", 6, "70")])
    assert ws.conn.execute(TRIGGER).fetchone()[0] == trigger
    with pytest.raises(sqlite3.IntegrityError, match="issued"), ws.transaction() as conn:
        conn.execute("INSERT INTO ratings (agreement_id, code, round, evaluator, version_id, result, updated_at, "
                     "updated_by) VALUES (?, '1', 12, 'm2', ?, '50', 'now', 'm2')", (agreement_id, version_id))
    ws.close()


def test_rows_are_written_only_inside_the_merges_transaction(workspace):
    with pytest.raises(RuntimeError):
        panel_merge.write_merged_ratings(workspace.conn, [])
