"""The panel in a real workspace file: members, conflicts, submission with the declaration, the chair's reopen and
finalise, the read-only guard on ratings, consensus values, and what a conflicted member sees."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.domain.panel import (
    DEFAULT_DECLARATION,
    AggregationRule,
    ConflictOfInterest,
    ConflictType,
    PanelMember,
    Role,
    SubmissionState,
)
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.store import schema
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.panel import (
    NotEditable,
    create_panel,
    declare_conflict,
    load_panel,
    reopen_submission,
    save_member,
    set_declaration,
    set_rule,
    signatories_for,
    submission_state,
)
from evaluator_app.store.panel_results import (
    enter_consensus,
    finalise,
    panel_result,
    reopen_result,
    submit,
    visible_ratings,
)
from evaluator_app.store.ratings import load_ratings, record_rating
from tests.conftest import example_agreement, file_digest

M1 = {"1": "92", "2": "15", "3": "5", "4": "78.75"}
M2 = {"1": "95", "2": "16", "3": "3", "4": "85"}


@pytest.fixture
def agreement_id(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="sec")
    for member in (PanelMember("chair", "ศ.ประธาน", Role.CHAIR, "ผู้ทรงคุณวุฒิ"),
                   PanelMember("m1", "นางหนึ่ง", Role.MEMBER), PanelMember("m2", "นายสอง", Role.MEMBER),
                   PanelMember("sec", "นางเลขา", Role.SECRETARY)):
        save_member(workspace, member, actor="sec")
    return stored.id


def rate(workspace, agreement_id, member, results, note=None):
    for code, result in results.items():
        record_rating(workspace, agreement_id, Rating(code, 12, member, result=D(result)), actor=member, note=note)


def test_schema_has_the_panel_step_last_and_the_panel_persists(workspace, agreement_id, workspace_path):
    assert "upgrade_panel" in [step.__name__ for step in schema.UPGRADES]
    workspace.close()
    from evaluator_app.store.workspace import Workspace

    with Workspace.open(workspace_path) as reopened:
        panel = load_panel(reopened)
        assert [m.id for m in panel.in_signing_order()] == ["chair", "m1", "m2", "sec"]
        assert panel.declaration == DEFAULT_DECLARATION and panel.rule is AggregationRule.MEAN


def test_one_panel_per_workspace(workspace, agreement_id):
    with pytest.raises(ProblemsError, match="already has the panel"):
        create_panel(workspace, "อีกคณะ", actor="sec")


def test_a_second_chair_is_refused_and_nothing_written(workspace, agreement_id, workspace_path):
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError, match="one chair"):
        save_member(workspace, PanelMember("c2", "อีกคน", Role.CHAIR), actor="sec")
    assert file_digest(workspace_path) == before


def test_submit_needs_the_declaration_and_every_score_and_stores_the_text(workspace, agreement_id):
    rate(workspace, agreement_id, "m1", {"1": "92", "2": "15"})
    with pytest.raises(ProblemsError, match="--accept-declaration"):
        submit(workspace, agreement_id, "m1", declaration_accepted=False, actor="m1")
    with pytest.raises(ProblemsError, match="indicators 3, 4 have no score"):
        submit(workspace, agreement_id, "m1", declaration_accepted=True, actor="m1")
    rate(workspace, agreement_id, "m1", {"3": "5", "4": "78.75"})
    set_declaration(workspace, "ข้าพเจ้าขอรับรองความเป็นอิสระ / I declare my independence", actor="sec")
    done = submit(workspace, agreement_id, "m1", declaration_accepted=True, actor="m1")
    assert done.state is SubmissionState.SUBMITTED
    stored = submission_state(workspace.conn, agreement_id, 12, "m1")
    assert stored.declaration == "ข้าพเจ้าขอรับรองความเป็นอิสระ / I declare my independence"
    assert audit_entries(workspace.conn, entity="submission")[0].after["declaration"] == stored.declaration


def test_submitted_ratings_are_read_only_until_the_chair_reopens_with_a_reason(workspace, agreement_id,
                                                                               workspace_path):
    rate(workspace, agreement_id, "m1", M1)
    submit(workspace, agreement_id, "m1", declaration_accepted=True, actor="m1")
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(NotEditable, match="only the chair can reopen"):
        record_rating(workspace, agreement_id, Rating("1", 12, "m1", result=D(99)), actor="m1")
    with pytest.raises(ProblemsError, match=r"only the chair \(chair\) can reopen"):
        reopen_submission(workspace, agreement_id, "m1", by="sec", reason="แก้ไขตัวเลข")
    with pytest.raises(ProblemsError, match="needs a reason"):
        reopen_submission(workspace, agreement_id, "m1", by="chair", reason=" ")
    assert file_digest(workspace_path) == before
    # other members and rounds are not affected
    record_rating(workspace, agreement_id, Rating("1", 12, "m2", result=D(90)), actor="m2")
    record_rating(workspace, agreement_id, Rating("1", 6, "m1", result=D(90)), actor="m1")

    reopened = reopen_submission(workspace, agreement_id, "m1", by="chair", reason="ผลข้อ 1 พิมพ์ผิด")
    assert (reopened.state, reopened.reopen_count) == (SubmissionState.DRAFT, 1)
    entry = audit_entries(workspace.conn, entity="submission")[0]
    assert (entry.actor, entry.action, entry.after["reason"]) == ("chair", "reopen ratings", "ผลข้อ 1 พิมพ์ผิด")
    record_rating(workspace, agreement_id, Rating("1", 12, "m1", result=D(99)), actor="m1")
    assert first_broken_link(workspace.conn) is None


def test_finalised_result_is_read_only_and_reopening_needs_the_chair_and_a_reason(workspace, agreement_id,
                                                                                  workspace_path):
    rate(workspace, agreement_id, "m1", M1)
    rate(workspace, agreement_id, "m2", M2)
    submit(workspace, agreement_id, "m1", declaration_accepted=True, actor="m1")
    with pytest.raises(ProblemsError, match="members m2 have not submitted"):
        finalise(workspace, agreement_id, by="chair")
    submit(workspace, agreement_id, "m2", declaration_accepted=True, actor="m2")
    with pytest.raises(ProblemsError, match="only the chair"):
        finalise(workspace, agreement_id, by="m1")
    result = finalise(workspace, agreement_id, by="chair")
    assert str(result.total) == "3.5750"

    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(NotEditable, match="finalised"):
        record_rating(workspace, agreement_id, Rating("2", 12, "self", result=D(15)), actor="sec")
    with pytest.raises(ProblemsError, match="finalised"):
        enter_consensus(workspace, agreement_id, "1", 12, D(4), "มติ", by="chair")
    with pytest.raises(ProblemsError, match="reopen the panel result first"):
        reopen_submission(workspace, agreement_id, "m1", by="chair", reason="x")
    with pytest.raises(ProblemsError, match="finalised"):
        declare_conflict(workspace, ConflictOfInterest("m2", example_agreement().agency, ConflictType.OTHER, "x"),
                         actor="sec")
    with pytest.raises(ProblemsError, match="needs a reason"):
        reopen_result(workspace, agreement_id, by="chair", reason="")
    assert file_digest(workspace_path) == before

    # A change of rule after finalising does not alter the finalised figures.
    set_rule(workspace, AggregationRule.MEDIAN, actor="sec")
    assert panel_result(workspace, agreement_id).rule is AggregationRule.MEAN
    reopen_result(workspace, agreement_id, by="chair", reason="สำนักงานส่งหลักฐานเพิ่มเติม")
    entry = audit_entries(workspace.conn, entity="panel_result")[0]
    assert (entry.actor, entry.after) == ("chair", {"finalised": False, "reason": "สำนักงานส่งหลักฐานเพิ่มเติม"})
    assert panel_result(workspace, agreement_id).rule is AggregationRule.MEDIAN


def test_a_conflicted_member_is_excluded_and_sees_only_their_own(workspace, agreement_id):
    rate(workspace, agreement_id, "m1", M1, note="บันทึกส่วนตัวของ m1")
    rate(workspace, agreement_id, "m2", M2)
    record_rating(workspace, agreement_id, Rating("1", 12, result=D(93)), actor="sec")
    agency = example_agreement().agency
    assert str(panel_result(workspace, agreement_id).total) == "3.5750"
    declare_conflict(workspace, ConflictOfInterest("m2", agency, ConflictType.RELATIVE, "พี่ชายเป็นรองอธิบดี"),
                     actor="sec")
    result = panel_result(workspace, agreement_id)
    assert result.excluded == ("m2",) and str(result.total) == "3.4500"
    assert [s.member_id for s in signatories_for(workspace, agreement_id)] == ["chair", "m1", "sec"]
    assert set(visible_ratings(workspace, agreement_id, 12, "m2")) == {"m2", "self"}
    seen_by_chair = visible_ratings(workspace, agreement_id, 12, "chair")
    assert set(seen_by_chair) == {"m1", "m2", "self"}
    assert seen_by_chair["m1"]["1"].note is None  # a private note is its author's only
    assert visible_ratings(workspace, agreement_id, 12, "m1")["m1"]["1"].note == "บันทึกส่วนตัวของ m1"
    with pytest.raises(ProblemsError, match="conflict of interest"):
        submit(workspace, agreement_id, "m2", declaration_accepted=True, actor="m2")
    entry = audit_entries(workspace.conn, entity="panel_conflict")[0]
    assert entry.after == {"type": "relative", "reason": "พี่ชายเป็นรองอธิบดี"}


def test_consensus_values_are_the_chairs_with_a_reason(workspace, agreement_id):
    rate(workspace, agreement_id, "m1", M1)
    rate(workspace, agreement_id, "m2", M2)
    set_rule(workspace, AggregationRule.CONSENSUS, actor="sec")
    with pytest.raises(ProblemsError, match="only the chair"):
        enter_consensus(workspace, agreement_id, "1", 12, D(4), "มติ", by="m1")
    with pytest.raises(ProblemsError, match="between 0 and 5"):
        enter_consensus(workspace, agreement_id, "1", 12, D(6), "มติ", by="chair")
    for code, score in (("1", "4"), ("2", "3"), ("3", "4"), ("4", "3.5")):
        enter_consensus(workspace, agreement_id, code, 12, D(score), "มติที่ประชุมครั้งที่ 3/2569", by="chair")
    result = panel_result(workspace, agreement_id)
    assert str(result.total) == "3.7000"
    assert result.indicator("4").consensus.reason == "มติที่ประชุมครั้งที่ 3/2569"
    assert audit_entries(workspace.conn, entity="consensus")[0].actor == "chair"


def test_private_notes_stay_out_of_the_audit_of_a_rating(workspace, agreement_id):
    rate(workspace, agreement_id, "m1", {"1": "92"}, note="ลับ")
    assert load_ratings(workspace, agreement_id, 12, "m1")["1"].note == "ลับ"
    assert "ลับ" not in str([e.after for e in audit_entries(workspace.conn)])


def test_a_refused_first_member_sets_up_no_panel(workspace, workspace_path):
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError, match="reserved"):
        save_member(workspace, PanelMember("self", "ผิด", Role.MEMBER), actor="sec")
    assert load_panel(workspace) is None and file_digest(workspace_path) == before
