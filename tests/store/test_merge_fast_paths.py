"""The merge's fast paths (issue 16) give what the general functions give: the leaves written for a package's
changes are `change_leaf` of each, and the version a round scores against, read once per package, is
`version_for_round`'s."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.domain.negotiation import with_changes
from evaluator_app.store.agreements import add_agreement, version_in_force
from evaluator_app.store.audit import change_leaf, change_leaves, merkle_root
from evaluator_app.store.panel_merge import _agreed_versions, _version_for_round
from evaluator_app.store.versions import revise, version_for_round
from tests.conftest import example_agreement

texts = st.text()
json_texts = st.none() | st.text()  # stored texts are JSON, but a leaf is defined for any text


@given(st.lists(st.tuples(texts, texts, texts, texts, json_texts, json_texts), max_size=20))
def test_the_leaves_of_a_package_are_change_leaf_of_each_change(changes):
    assert change_leaves(changes) == [
        change_leaf(n, action, entity, key, actor, before, after)
        for n, (actor, action, entity, key, before, after) in enumerate(changes)]


@given(st.lists(st.binary(min_size=32, max_size=32), min_size=1, max_size=40))
def test_a_changed_or_missing_leaf_changes_the_root(leaves):
    root = merkle_root(leaves)
    assert merkle_root(leaves[:-1]) != root
    assert merkle_root([bytes(32) if n == 0 else leaf for n, leaf in enumerate(leaves)]) != root or \
        leaves[0] == bytes(32)


def test_the_version_of_each_round_is_version_for_rounds(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    plain = add_agreement(workspace, example_agreement(agency="กรมอื่น"), actor="secretary")

    def check() -> None:
        agreed = _agreed_versions(workspace.conn, [stored.id, plain.id])
        for agreement_id in (stored.id, plain.id):
            in_force = version_in_force(workspace.conn, agreement_id)[0]
            for round_ in (3, 6, 9, 12):
                assert _version_for_round(agreed.get(agreement_id, ()), round_, in_force) == \
                    version_for_round(workspace.conn, agreement_id, round_)

    check()
    revise(workspace, stored.id, with_changes(example_agreement().indicators, weights={"1": D(20), "3": D(40)}),
           from_round=9, author="committee", actor="chair", reason="ภารกิจเปลี่ยนกลางปี",
           minute="ที่ประชุมมีมติให้แก้ไขน้ำหนักตั้งแต่รอบ 9 เดือน")
    check()
    revise(workspace, stored.id, with_changes(example_agreement().indicators, weights={"1": D(25), "3": D(35)}),
           from_round=12, author="committee", actor="chair", reason="แก้ไขอีกครั้ง", minute="มติครั้งที่สอง")
    check()


@given(st.lists(st.tuples(st.integers(0, 30), st.none() | st.text(max_size=5)), max_size=700))
def test_insert_many_writes_what_executemany_writes(rows):
    """Many rows a statement, an upsert included: the same table as one statement per row."""
    import sqlite3

    from evaluator_app.store.sqlite import insert_many

    tables = []
    for many in (False, True):
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER UNIQUE, v TEXT, n INTEGER DEFAULT 0)")
        tail = "ON CONFLICT (k) DO UPDATE SET v = excluded.v, n = n + 1"
        if many:
            insert_many(conn, "INSERT INTO t (k, v)", "(?, ?)", rows, tail)
        else:
            conn.executemany(f"INSERT INTO t (k, v) VALUES (?, ?) {tail}", rows)
        tables.append(conn.execute("SELECT * FROM t ORDER BY id").fetchall())
        conn.close()
    assert tables[0] == tables[1]


rating_texts = st.none() | st.text(max_size=8)


@given(st.text(min_size=1, max_size=6), st.lists(st.tuples(
    st.integers(1, 400), st.text(min_size=1, max_size=6), st.integers(1, 12), st.integers(1, 2**31 - 1),
    st.text(max_size=12), st.none() | st.fixed_dictionaries(
        {"result": rating_texts, "adjusted_score": rating_texts, "adjust_reason": rating_texts,
         "comment": rating_texts}),
    st.fixed_dictionaries({"result": rating_texts, "adjusted_score": rating_texts, "adjust_reason": rating_texts,
                           "comment": rating_texts})), max_size=30))
def test_the_records_written_from_the_plan_are_those_of_its_changes(member, planned):
    """`_merged_rows` writes each applied rating's record in one pass: the records of `merged_changes`, the rows
    the upsert writes, and each record's cell."""
    from evaluator_app.store.audit import change_records
    from evaluator_app.store.panel_merge import IncomingRating, _merged_rows, merged_changes

    writes = [(agreement_id, 7, IncomingRating(code, round_, None, None, None, None, edit_version, updated_at),
               before, values)
              for agreement_id, code, round_, edit_version, updated_at, before, values in planned]
    rows, records, cells = _merged_rows(member, writes)
    changes = merged_changes(member, writes)
    assert records == change_records(changes)
    assert cells == [(change[2], change[3]) for change in changes]
    assert rows == [(agreement_id, item.code, item.round, member, version_id, values["result"],
                     values["adjusted_score"], values["adjust_reason"], values["comment"], item.edit_version,
                     item.updated_at, member)
                    for agreement_id, version_id, item, _, values in writes]


def test_the_page_cache_is_as_it_was_after_a_merge_wrote_or_failed(workspace):
    import pytest

    from evaluator_app.store.panel_merge import _page_cache

    conn = workspace.conn
    conn.execute("PRAGMA cache_size = -2000")
    with _page_cache(conn, 65_536):
        assert conn.execute("PRAGMA cache_size").fetchone() == (-65_536,)
    assert conn.execute("PRAGMA cache_size").fetchone() == (-2000,)
    with pytest.raises(ValueError), _page_cache(conn, 65_536):
        raise ValueError("a refused package")
    assert conn.execute("PRAGMA cache_size").fetchone() == (-2000,)
    conn.execute("PRAGMA cache_size = 40000")  # pages: bigger than asked, left alone
    with _page_cache(conn, 65_536):
        assert conn.execute("PRAGMA cache_size").fetchone() == (40_000,)
