"""A merged evaluator package is one audit entry committing to every rating it changed by a Merkle root (issue 16);
the changes are rows of `audit_changes`. Each stays provable and in its cell's history: a history row edited,
removed, added or moved outside the app is found by verify-log, and an old workspace whose log has one entry per
merged rating still verifies after the schema step."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from evaluator_app.exchange.packages import export_evaluator_package
from evaluator_app.store import schema
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.audit import (
    CHANGES_ROOT,
    PARTS_ROOT,
    append_audit,
    append_audits,
    audit_entries,
    change_leaf,
    change_leaves,
    change_record,
    change_records,
    first_broken_link,
    merkle_root,
    part_leaf,
)
from evaluator_app.store.verification import verify_log
from evaluator_app.store.workspace import Workspace
from tests.hostile.packages_world import AGENCY, YEAR, make_master, member_laptop, rate
from tests.panel_keys import PanelKeys
from tests.safety.helpers import run_cli


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def merged(tmp_path, keys) -> tuple[Path, int, int]:
    """A master that merged two packages of m1 (three ratings, then one of them changed): (path, agreement id,
    id of the second package's entry)."""
    master = make_master(tmp_path / "master.sqlite", keys)
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "70", "2": "15", "4": "80"})
    keys.merge(master, export_evaluator_package(ws, "m1", tmp_path / "first.evpack", keys["m1"]).path)
    rate(ws, "m1", {"4": "85"})
    keys.merge(master, export_evaluator_package(ws, "m1", tmp_path / "second.evpack", keys["m1"]).path)
    ws.close()
    agreement_id = find_agreement_id(master, AGENCY, YEAR)
    second = audit_entries(master.conn, entity="package")[0].id
    master.close()
    return tmp_path / "master.sqlite", agreement_id, second


def tamper(db: Path, *statements: str) -> None:
    """What someone with a SQLite tool does: the app's guards dropped first."""
    conn = sqlite3.connect(db)
    for table in ("audit_changes", "audit_change_parts"):
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_package_is_one_entry_committing_to_each_change_and_the_cell_keeps_its_history(merged):
    db, agreement_id, second = merged
    with Workspace.open(db) as ws:
        packages = audit_entries(ws.conn, entity="package")
        assert [e.after["changes"] for e in packages] == [1, 3]
        assert not [e for e in audit_entries(ws.conn) if e.action == "merge rating" and e.id not in
                    {p.id for p in packages}]
        [text] = [r[0] for r in ws.conn.execute("SELECT records FROM audit_change_parts WHERE entry_id = ?",
                                                 (second,))]
        lines = text.split("\n")
        assert text == "\n".join(
            change_record(int(leaf), action, entity, json.loads(key), json.loads(actor), before, after)
            for leaf, action, entity, key, actor, before, after in (lines[n:n + 7] for n in range(0, len(lines), 7)))
        assert packages[0].after[PARTS_ROOT] == merkle_root([part_leaf(text)])
        assert CHANGES_ROOT not in packages[0].after
        assert ws.conn.execute("SELECT count(*) FROM audit_changes WHERE entry_id = ?", (second,)).fetchone() == (1,)
        # The cell's history, as the window reads it: newest first, who, old and new, from which package.
        history = audit_entries(ws.conn, "rating", f"{agreement_id}/4/12/m1")
        assert [(e.action, e.actor, None if e.before is None else e.before["result"], e.after["result"])
                for e in history] == [("merge rating", "m1", "80", "85"), ("merge rating", "m1", None, "80")]
        assert history[0].after["package"] == packages[0].entity_key and history[0].after["imported_by"] == "sec"
        assert history[0].after["edit_version"] == 2 and history[0].at == packages[0].at
        result = verify_log(ws.conn)
        assert result.ok and result.changes == 4, result
    verified = run_cli(db, "verify-log")
    assert verified.returncode == 0 and "with 4 changes from members' packages" in verified.stdout


@pytest.mark.parametrize("statement", [
    # the change's after-value, before-value or author in its record
    "UPDATE audit_change_parts SET records = replace(records, '\"85\"', '\"95\"')",
    "UPDATE audit_change_parts SET records = replace(records, '\"80\"', 'null') WHERE records LIKE '%\"85\"%'",
    "UPDATE audit_change_parts SET records = replace(records, '\"m1\"', '\"m2\"') WHERE records LIKE '%\"85\"%'",
    # the per-cell index pointing the change at another cell
    "UPDATE audit_changes SET entity_key = replace(entity_key, '/4/', '/1/') WHERE entity_key LIKE '%/4/12/m1' "
    "AND entry_id = (SELECT max(entry_id) FROM audit_changes)",
])
def test_a_history_row_edited_outside_the_app_breaks_its_packages_entry(merged, statement):
    db, _, second = merged
    tamper(db, statement)
    with Workspace.open(db) as ws:
        assert first_broken_link(ws.conn) == second
        result = verify_log(ws.conn)
        assert not result.ok and result.broken is not None
        assert (result.broken.id, result.broken.action) == (second, "import evaluator package")
    checked = run_cli(db, "verify-log")
    assert checked.returncode == 3
    assert f"the audit log is broken at entry {second}" in checked.stdout


@pytest.mark.parametrize("statement", [
    "DELETE FROM audit_change_parts WHERE records LIKE '%\"85\"%'",
    "DELETE FROM audit_changes WHERE entity_key LIKE '%/4/12/m1' AND entry_id = (SELECT max(entry_id) FROM "
    "audit_changes)",
])
def test_a_history_row_removed_even_with_its_rating_put_back_is_found(merged, statement):
    db, agreement_id, second = merged
    # Take back the second package's change and its history: the stored value agrees with the history left.
    tamper(db, statement, "UPDATE ratings SET result = '80' WHERE code = '4' AND evaluator = 'm1'")
    with Workspace.open(db) as ws:
        assert audit_entries(ws.conn, "rating", f"{agreement_id}/4/12/m1")[0].after["result"] == "80"
        result = verify_log(ws.conn)
        assert result.broken is not None and result.broken.id == second


def test_rows_added_or_moved_to_another_entry_are_found(merged):
    db, _, second = merged
    with Workspace.open(db) as ws:
        first = audit_entries(ws.conn, "package")[1].id
    tamper(db, f"UPDATE audit_change_parts SET entry_id = {first}, part = 64 WHERE entry_id = {second}")
    with Workspace.open(db) as ws:
        assert first_broken_link(ws.conn) == first


def test_an_extra_index_row_is_found(merged):
    db, agreement_id, second = merged
    tamper(db, f"INSERT INTO audit_changes VALUES ('rating', '{agreement_id}/2/12/m1', {second}, 0)")
    with Workspace.open(db) as ws:
        assert first_broken_link(ws.conn) == second


def test_rows_under_an_entry_the_log_does_not_have_are_reported_without_a_traceback(merged):
    db, _, _ = merged
    tamper(db, "INSERT INTO audit_change_parts VALUES (999999, 0, '0\nmerge rating\nrating\n\"1/1/12/m1\"\n"
               "\"m1\"\nnull\n{\"result\": \"1\"}')",
           "INSERT INTO audit_changes VALUES ('rating', '1/1/12/m1', 999999, 0)")
    with Workspace.open(db) as ws:
        result = verify_log(ws.conn)
        assert result.broken is not None and result.broken.id == 999999
    checked = run_cli(db, "verify-log")
    assert checked.returncode == 3 and "Traceback" not in checked.stderr


def test_a_leaf_moves_when_text_moves_between_fields():
    """The encoding is canonical: what one field loses another cannot gain without changing the leaf."""
    plain = change_leaf(0, "merge rating", "rating", "1/1/12/m1", "m1", '{"result": "1"}', '{"result": "2"}')
    assert plain != change_leaf(0, "merge rating", "rating", "1/1/12/m1", "m1", '{"result": "1"}\n{"result": "2"}',
                                None)
    assert plain != change_leaf(1, "merge rating", "rating", "1/1/12/m1", "m1", '{"result": "1"}', '{"result": "2"}')
    assert plain != change_leaf(0, "merge rating", "rating", "1/1/12/m1\n\"m1", "", '{"result": "1"}',
                                '{"result": "2"}')
    assert merkle_root([]) is None and merkle_root([plain]) == plain.hex()


def test_an_old_log_with_one_entry_per_merged_rating_still_verifies_after_the_schema_step(tmp_path):
    path = tmp_path / "old.sqlite"
    with Workspace.open(path) as ws, ws.transaction() as conn:
        # What a merge wrote before issue 16: one chained entry per rating, then the package's entry.
        append_audits(conn, [
            ("m1", "merge rating", "rating", "1/1/12/m1", None,
             {"result": "70", "adjusted_score": None, "adjust_reason": None, "comment": None, "edit_version": 1,
              "edited_at": "2026-01-05T03:00:00.000000+00:00", "package": "p1", "imported_by": "sec"}),
            ("sec", "import evaluator package", "package", "p1", None, {"applied": 1, "member": "m1"})])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE audit_changes")  # as the file was before the step
    conn.execute("DROP TABLE audit_change_parts")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    conn.commit()
    # Read as it is, before any upgrade (a backup, the crash checks): the log still verifies and reads.
    assert first_broken_link(conn) is None and verify_log(conn).ok
    assert audit_entries(conn, "rating", "1/1/12/m1")[0].after["result"] == "70"
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
        assert ws.conn.execute("SELECT count(*) FROM audit_changes").fetchone()[0] == 0
        assert verify_log(ws.conn).ok
        [entry] = audit_entries(ws.conn, "rating", "1/1/12/m1")
        assert (entry.after["result"], entry.after["package"], entry.after["imported_by"]) == ("70", "p1", "sec")


def test_an_agreement_revised_between_two_merges_of_one_sitting_makes_the_next_package_stale(tmp_path, keys):
    """The agreements in force are remembered between the packages of one sitting only while nothing was
    written: a revision agreed on the master in between is seen by the next merge."""
    import gc
    from decimal import Decimal as D

    from evaluator_app.domain.negotiation import with_changes
    from evaluator_app.store.versions import revise
    from tests.conftest import example_agreement

    master = make_master(tmp_path / "master.sqlite", keys)
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "70"})
    first = export_evaluator_package(ws, "m1", tmp_path / "first.evpack", keys["m1"]).path
    rate(ws, "m1", {"1": "75"})
    second = export_evaluator_package(ws, "m1", tmp_path / "second.evpack", keys["m1"]).path
    ws.close()
    assert keys.merge(master, first).applied
    assert gc.isenabled()  # the merge paused the collector only while it ran
    agreement_id = find_agreement_id(master, AGENCY, YEAR)
    revise(master, agreement_id, with_changes(example_agreement().indicators, weights={"1": D(20), "3": D(40)}),
           from_round=9, author="committee", actor="chair", reason="ภารกิจเปลี่ยนกลางปี", minute="มติที่ประชุม")
    report = keys.merge(master, second)
    assert not report.applied and [c.kind for c in report.conflicts] == ["stale"]
    master.close()


def test_an_entry_committing_to_each_change_as_the_second_pass_wrote_still_verifies(tmp_path):
    """Entries written before the root was taken over parts (`changes_root`, a leaf per change) verify as written,
    and a record edited under one is still found."""
    path = tmp_path / "second-pass.sqlite"
    changes = [("m1", "merge rating", "rating", f"1/{code}/12/m1", None, f'{{"result": "{code}0"}}')
               for code in range(1, 70)]  # two parts
    records = change_records(changes)
    with Workspace.open(path) as ws, ws.transaction() as conn:
        append_audit(conn, "sec", "import evaluator package", "package", "p1", None,
                     {"changes": len(changes), CHANGES_ROOT: merkle_root(change_leaves(changes))})
        entry = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        conn.executemany("INSERT INTO audit_change_parts VALUES (?, ?, ?)",
                         [(entry, p, "\n".join(records[p:p + 64])) for p in (0, 64)])
        conn.executemany("INSERT INTO audit_changes VALUES (?, ?, ?, ?)",
                         [(c[2], c[3], entry, n) for n, c in enumerate(changes)])
    with Workspace.open(path) as ws:
        assert first_broken_link(ws.conn) is None and verify_log(ws.conn).changes == 69
        assert audit_entries(ws.conn, "rating", "1/65/12/m1")[0].after["result"] == "650"
    tamper(path, "UPDATE audit_change_parts SET records = replace(records, '\"650\"', '\"651\"')")
    with Workspace.open(path) as ws:
        assert first_broken_link(ws.conn) == entry


def test_two_packages_parts_swapped_do_not_verify(merged):
    db, _, second = merged
    with Workspace.open(db) as ws:
        first = audit_entries(ws.conn, "package")[1].id
    # The two packages' parts exchanged: each part is whole and in place, but not the one its entry committed to.
    tamper(db, f"UPDATE audit_change_parts SET entry_id = -1 WHERE entry_id = {first}",
           f"UPDATE audit_change_parts SET entry_id = {first} WHERE entry_id = {second}",
           f"UPDATE audit_change_parts SET entry_id = {second} WHERE entry_id = -1")
    with Workspace.open(db) as ws:
        assert first_broken_link(ws.conn) == first


def test_an_after_value_committing_both_ways_matches_nothing():
    from evaluator_app.store.audit import _commitment

    assert _commitment(json.dumps({"changes": 1, PARTS_ROOT: "ab", CHANGES_ROOT: "ab"}))[0] == -1
    assert _commitment(json.dumps({"changes": 0, PARTS_ROOT: None})) == (0, None, None)
    assert _commitment(json.dumps({"changes": 2, PARTS_ROOT: "ab"})) == (2, PARTS_ROOT, "ab")
