"""append_audits writes the very chain that one append_audit per entry wrote: same rows, byte for byte."""

import hashlib
import json
from decimal import Decimal
from itertools import count

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.store import audit
from evaluator_app.store.audit import append_audit, append_audits, first_broken_link
from evaluator_app.store.workspace import Workspace

ENTRIES = [
    ("m1", "merge rating", "rating", "1/1.1/6/m1", None,
     {"result": "92.5", "comment": "ผลดีมาก", "edit_version": 3, "package": "p"}),
    ("m1", "merge rating", "rating", "1/1.2/6/m1", {"result": "1", "adjusted_score": None},
     {"result": Decimal("2.50"), "adjusted_score": None, "tags": ["ก", 1, None], "nested": {"b": 1, "a": 2}}),
    ("secretary", "import evaluator package", "package", "pkg-1", None,
     {"applied": 2, "conflict_list": ["กรม ก 2569, round 6: เก่ากว่า / older"]}),
    ("m2", "merge evidence hash", "evidence", "1/2/m2", None, {}),
]


def _reference_append_audit(conn, actor, action, entity, key, before, after):
    """append_audit as it was before append_audits (commit a823ffd), verbatim but for the module prefixes."""
    if not conn.in_transaction:
        raise RuntimeError("audit entries are written inside the change's own transaction")
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = row[0] if row else audit.GENESIS
    at = audit.utc_now()
    before_text = None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True, default=str)
    after_text = None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)
    payload = json.dumps([prev_hash, at, actor, action, entity, key, before_text, after_text], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_key, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, action, entity, key, before_text, after_text, prev_hash, digest),
    )


def _log(path, monkeypatch, write):
    clock = count()
    monkeypatch.setattr(audit, "utc_now", lambda: f"2026-11-27T00:00:{next(clock):06d}+00:00")
    with Workspace.open(path, auto_backup=False) as workspace:
        with workspace.transaction() as conn:
            write(conn)
        rows = workspace.conn.execute(
            "SELECT id, at, actor, action, entity, entity_key, before, after, prev_hash, hash FROM audit_log "
            "ORDER BY id").fetchall()
        assert first_broken_link(workspace.conn) is None
    return rows


def test_batch_equals_one_by_one(tmp_path, monkeypatch):
    def one_by_one(conn):
        for entry in ENTRIES:
            _reference_append_audit(conn, *entry)

    def through_append_audit(conn):
        for entry in ENTRIES:
            append_audit(conn, *entry)

    def batched(conn):
        assert append_audits(conn, ENTRIES[:1]) == 1  # chained after whatever the workspace logged already
        assert append_audits(conn, iter(ENTRIES[1:])) == len(ENTRIES) - 1

    expected = _log(tmp_path / "one.sqlite", monkeypatch, one_by_one)
    assert len(expected) >= len(ENTRIES)
    assert _log(tmp_path / "batch.sqlite", monkeypatch, batched) == expected
    assert _log(tmp_path / "single.sqlite", monkeypatch, through_append_audit) == expected


def test_batch_outside_a_transaction_is_refused(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite", auto_backup=False) as workspace:
        with pytest.raises(RuntimeError):
            append_audits(workspace.conn, ENTRIES)


@given(st.lists(st.one_of(st.none(), st.text()), min_size=6, max_size=6), st.text(), st.text())
def test_entry_hash_is_the_hash_of_json_dumps(fields, prev_hash, at):
    values = [prev_hash, at, *fields]
    try:
        expected = hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()
    except UnicodeEncodeError:  # a lone surrogate: the log never held one, and both paths refuse it
        with pytest.raises(UnicodeEncodeError):
            audit._entry_hash(*values)
        return
    assert audit._entry_hash(*values) == expected
