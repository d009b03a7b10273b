"""The version chain in a real workspace: proposals, agreement and locking (store and trigger), revisions
scored by round, one audit entry per operation, refusals that write nothing."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal as D

import pytest

from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.store import schema
from evaluator_app.store.agreements import add_agreement, load_agreement
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.evaluation import score_sheet, what_if_for
from evaluator_app.store.framework_files import bundled_frameworks
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.versions import (
    VersionLocked,
    VersionNotFound,
    agree_version,
    diff_versions,
    get_version,
    last_agreed,
    latest_version,
    list_versions,
    revise,
    save_version,
    update_draft,
    version_for_round,
)
from evaluator_app.store.workspace import APPLICATION_ID, Workspace
from tests.conftest import example_agreement, file_digest

RESULTS = [("1", "92"), ("2", "15"), ("3", "5"), ("4", "78.75")]


@pytest.fixture
def stored(workspace):
    return add_agreement(workspace, example_agreement(), actor="secretary")


def version_entries(workspace):
    return [e for e in audit_entries(workspace.conn) if e.entity == "agreement_version"]


def test_an_imported_agreement_is_version_1_agreed(workspace, stored):
    versions = list_versions(workspace, stored.id)
    assert [(v.number, v.status, v.locked) for v in versions] == [(1, VersionStatus.AGREED, True)]
    assert versions[0].agreed_at == versions[0].created_at
    assert versions[0].indicators == example_agreement().indicators


def test_proposal_counter_proposal_and_agreement(workspace, stored):
    base = example_agreement().indicators
    proposal = save_version(workspace, stored.id, with_changes(base, weights={"1": D(40), "4": D(30)}),
                            status=VersionStatus.PROPOSAL, author="committee", actor="secretary",
                            reason="เพิ่มน้ำหนักความพึงพอใจ", based_on=1, session="ครั้งที่ 1/2569")
    counter = save_version(workspace, stored.id, with_changes(base, weights={"1": D(45), "4": D(25)}),
                           status=VersionStatus.COUNTER_PROPOSAL, author="agency", actor="secretary",
                           reason="ส่วนราชการขอ 45", based_on=2)
    assert (proposal.number, counter.number) == (2, 3)
    agreed = agree_version(workspace, stored.id, 3, actor="chair", minute="ที่ประชุมเห็นชอบข้อเสนอของส่วนราชการ")
    assert agreed.locked and agreed.agreed_by == "chair" and agreed.minute.startswith("ที่ประชุม")
    assert get_version(workspace, stored.id, 3) == agreed
    assert last_agreed(workspace, stored.id).number == 3
    assert load_agreement(workspace, stored.id).version_number == 3  # the version in force everywhere else
    assert [e.action for e in version_entries(workspace)] == [
        "agree version", "save counter-proposal version", "save proposal version"]
    assert version_entries(workspace)[0].before["status"] == "counter-proposal"
    assert first_broken_link(workspace.conn) is None


def test_a_broken_proposal_is_refused_and_nothing_is_written(workspace, workspace_path, stored):
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    broken = with_changes(example_agreement().indicators, weights={"1": D(45)}, targets={"4": "95"})
    with pytest.raises(ProblemsError) as caught:
        save_version(workspace, stored.id, broken, status=VersionStatus.PROPOSAL, author="committee",
                     actor="secretary")
    assert {(p.indicator, p.field) for p in caught.value.problems} == {(None, "weight"), ("4", "target")}
    assert file_digest(workspace_path) == before


def test_a_draft_may_be_broken_is_edited_in_place_and_cannot_be_agreed_broken(workspace, stored):
    broken = with_changes(example_agreement().indicators, weights={"1": D(45)})
    draft = save_version(workspace, stored.id, broken, status=VersionStatus.DRAFT, author="committee",
                         actor="secretary")
    with pytest.raises(ProblemsError, match="sum to 95"):
        agree_version(workspace, stored.id, draft.number, actor="chair")
    fixed = with_changes(broken, weights={"4": D(25)})
    update_draft(workspace, stored.id, draft.number, fixed, actor="secretary", reason="ปรับ 4")
    assert get_version(workspace, stored.id, draft.number).indicators == fixed
    assert agree_version(workspace, stored.id, draft.number, actor="chair").locked


def test_an_agreed_version_cannot_be_edited_through_the_store(workspace, stored):
    with pytest.raises(VersionLocked, match="locked"):
        update_draft(workspace, stored.id, 1, example_agreement().indicators, actor="mallory")
    with pytest.raises(VersionLocked, match="already agreed"):
        agree_version(workspace, stored.id, 1, actor="chair", minute="again")
    proposal = save_version(workspace, stored.id, example_agreement().indicators, status=VersionStatus.PROPOSAL,
                            author="agency", actor="secretary")
    with pytest.raises(ProblemsError, match="record of what was put forward"):
        update_draft(workspace, stored.id, proposal.number, example_agreement().indicators, actor="secretary")


def test_the_trigger_refuses_raw_sql_on_an_agreed_version(workspace, stored):
    conn = workspace.conn
    for sql in ("UPDATE indicators SET weight = '60' WHERE code = '1'",
                "DELETE FROM indicators WHERE code = '1'",
                "UPDATE agreement_versions SET reason = 'rewritten'",
                "UPDATE agreement_versions SET locked = 0",
                "DELETE FROM agreement_versions"):
        with pytest.raises(sqlite3.IntegrityError, match="locked"):
            conn.execute(sql)
    assert load_agreement(workspace, stored.id).agreement == example_agreement()
    # A draft stays editable, and deleting a whole agreement still cascades through its locked versions.
    draft = save_version(workspace, stored.id, example_agreement().indicators, status=VersionStatus.DRAFT,
                         author="committee", actor="s")
    conn.execute("UPDATE indicators SET weight = '60' WHERE version_id = ? AND code = '1'", (draft.id,))
    conn.execute("DELETE FROM agreements WHERE id = ?", (stored.id,))
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0


def test_a_stale_proposal_cannot_be_agreed(workspace, stored):
    indicators = example_agreement().indicators
    save_version(workspace, stored.id, indicators, status=VersionStatus.PROPOSAL, author="committee", actor="s")
    save_version(workspace, stored.id, with_changes(indicators, weights={"1": D(40), "3": D(20)}),
                 status=VersionStatus.PROPOSAL, author="agency", actor="s")
    agree_version(workspace, stored.id, 3, actor="chair")
    with pytest.raises(ProblemsError, match="before version 3 was agreed"):
        agree_version(workspace, stored.id, 2, actor="chair")


def test_unknown_version_is_refused_with_the_known_numbers(workspace, stored):
    with pytest.raises(VersionNotFound, match=r"no version 7 \(it has 1\)"):
        get_version(workspace, stored.id, 7)


def record_all(workspace, agreement_id, round_):
    for code, result in RESULTS:
        record_rating(workspace, agreement_id, Rating(code, round_, result=D(result)), actor="secretary")


def test_results_score_against_the_version_in_force_for_their_round(workspace, stored):
    record_all(workspace, stored.id, 6)
    record_all(workspace, stored.id, 12)
    assert str(score_sheet(workspace, stored.id, 6).total) == str(score_sheet(workspace, stored.id, 12).total) \
        == "3.4500"
    revision = revise(workspace, stored.id,
                      with_changes(example_agreement().indicators, weights={"1": D(20), "3": D(40)}),
                      from_round=9, author="committee", actor="chair", reason="ภารกิจเปลี่ยนกลางปี",
                      minute="ที่ประชุมมีมติให้แก้ไขน้ำหนักตั้งแต่รอบ 9 เดือน")
    assert revision.locked and revision.effective_round == 9 and revision.based_on == 1
    assert version_for_round(workspace.conn, stored.id, 6) == get_version(workspace, stored.id, 1).id
    assert version_for_round(workspace.conn, stored.id, 12) == revision.id
    assert str(score_sheet(workspace, stored.id, 6).total) == "3.4500"  # unchanged
    assert str(score_sheet(workspace, stored.id, 12).total) == "3.9300"  # 0.68 + 0.70 + 2.00 + 0.55
    assert version_entries(workspace)[0].action == "revise agreement"


def test_a_revision_needs_a_reason_and_a_framework_round(workspace, stored):
    indicators = example_agreement().indicators
    with pytest.raises(ProblemsError, match="needs a reason"):
        revise(workspace, stored.id, indicators, from_round=9, author="committee", actor="s", reason=" ")
    with pytest.raises(ProblemsError, match="got 8"):
        revise(workspace, stored.id, indicators, from_round=8, author="committee", actor="s", reason="x")


def test_diff_and_what_if_between_stored_versions(workspace, stored):
    record_all(workspace, stored.id, 6)
    save_version(workspace, stored.id, with_changes(example_agreement().indicators, weights={"1": D(20), "3": D(40)}),
                 status=VersionStatus.PROPOSAL, author="committee", actor="s")
    assert diff_versions(workspace, stored.id, 1, 2).changed_cells() == {("1", "weight"), ("3", "weight")}
    result = what_if_for(workspace, stored.id, 2)
    assert result.round == 6 and str(result.agreed.total) == "3.4500" and str(result.proposed.total) == "3.9300"
    assert latest_version(workspace, stored.id).number == 2


def test_a_version_1_workspace_upgrades_and_keeps_its_agreement(workspace_path):
    conn = sqlite3.connect(workspace_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    schema.UPGRADES[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("COMMIT")
    framework = next(f for f in bundled_frameworks() if f.id == example_agreement().framework_id)
    conn.execute("INSERT INTO frameworks (id, definition) VALUES (?, ?)",
                 (framework.id, json.dumps(framework.to_dict())))
    stored = add_agreement(Workspace(workspace_path, conn, False), example_agreement(), actor="s")  # at version 1
    conn.close()
    with Workspace.open(workspace_path) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
        version = get_version(ws, stored.id, 1)
        assert version.locked and version.effective_round is None and version.indicators
        with pytest.raises(sqlite3.IntegrityError, match="locked"):
            ws.conn.execute("UPDATE indicators SET weight = '1'")
