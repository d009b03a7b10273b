"""The parties of a stored agreement: replaced as one audited change, refused whole, guarded by the schema."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from evaluator_app.domain.agreement import Party, PartySide
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.store import schema
from evaluator_app.store.agreements import AgreementNotFound, add_agreement, load_agreement
from evaluator_app.store.audit import audit_entries
from evaluator_app.store.parties import load_parties, set_parties
from evaluator_app.store.verification import verify_log
from evaluator_app.store.workspace import APPLICATION_ID, Workspace
from tests.conftest import example_agreement, file_digest
from tests.parties_data import GIVER, LONG_AGENCY, PARTIES, RECIPIENT, SECOND_GIVER


@pytest.fixture
def agreement_id(workspace: Workspace) -> int:
    return add_agreement(workspace, replace(example_agreement(LONG_AGENCY), parties=()), actor="sec").id


def test_parties_are_replaced_in_paper_order_with_one_audit_entry(workspace, agreement_id):
    before = len(audit_entries(workspace.conn))
    # Given givers first: stored recipients first, each side in the order given.
    assert set_parties(workspace, agreement_id, [GIVER, SECOND_GIVER, RECIPIENT], actor="sec") is True
    assert load_parties(workspace, agreement_id) == PARTIES
    assert load_agreement(workspace, agreement_id).agreement.parties == PARTIES
    entries = audit_entries(workspace.conn)
    assert len(entries) == before + 1
    last = entries[0]  # newest first
    assert (last.action, last.entity, last.entity_key) == ("edit parties", "agreement", str(agreement_id))
    assert last.before == {"parties": []}
    assert last.after["parties"][0] == ["recipient", RECIPIENT.name, RECIPIENT.position]
    # The same parties again: nothing written, nothing logged.
    assert set_parties(workspace, agreement_id, PARTIES, actor="sec") is False
    assert len(audit_entries(workspace.conn)) == before + 1
    result = verify_log(workspace.conn)
    assert result.broken is None and not result.unexplained


@pytest.mark.parametrize("bad, expected", [
    (Party(PartySide.GIVER, "   ", "อธิบดี"), "the name is empty"),
    (Party(PartySide.GIVER, "ก" * 201, ""), "more than 200"),
    (Party(PartySide.GIVER, "นาย\x07กริ่ง", ""), "control character"),
    (GIVER, "listed twice"),
])
def test_a_bad_party_is_refused_and_nothing_is_written(workspace, workspace_path, agreement_id, bad, expected):
    set_parties(workspace, agreement_id, PARTIES, actor="sec")
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = file_digest(workspace_path)
    with pytest.raises(ProblemsError, match=expected):
        set_parties(workspace, agreement_id, [*PARTIES, bad], actor="sec")
    assert file_digest(workspace_path) == digest
    assert load_parties(workspace, agreement_id) == PARTIES


def test_an_unknown_agreement_is_refused(workspace):
    with pytest.raises(AgreementNotFound, match="no agreement with id 99"):
        set_parties(workspace, 99, PARTIES, actor="sec")


def test_the_schema_step_indexes_parties_and_refuses_a_nameless_one_whoever_writes(workspace, agreement_id):
    assert "upgrade_parties" in [step.__name__ for step in schema.UPGRADES]
    indexes = {r[1] for r in workspace.conn.execute("PRAGMA index_list(parties)")}
    assert "parties_by_agreement" in indexes
    with pytest.raises(sqlite3.IntegrityError, match="needs a name"):
        with workspace.transaction() as conn:
            conn.execute("INSERT INTO parties (agreement_id, side, name, position, ord) "
                         "VALUES (?, 'giver', ' ', '', 0)", (agreement_id,))


def test_an_older_workspace_with_parties_upgrades_and_keeps_them(tmp_path):
    path = tmp_path / "old.sqlite"
    before = [step.__name__ for step in schema.UPGRADES].index("upgrade_parties")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for step in schema.UPGRADES[:before]:
        step(conn)
    conn.execute("INSERT INTO frameworks (id, definition) VALUES ('f', '{}')")
    conn.execute("INSERT INTO agreements (id, agency, fiscal_year, framework_id, created_at) "
                 "VALUES (1, ?, 2569, 'f', '2026-01-01T00:00:00+00:00')", (LONG_AGENCY,))
    conn.executemany("INSERT INTO parties (agreement_id, side, name, position, ord) VALUES (1, ?, ?, ?, ?)",
                     [(p.side.value, p.name, p.position, n) for n, p in enumerate(PARTIES)])
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
        assert load_parties(ws, 1) == PARTIES
