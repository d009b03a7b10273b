"""The one write path: session.run writes, records the undo step of an undoable change, and names what changed."""

from __future__ import annotations

from decimal import Decimal as D

from evaluator_app.domain.problems import Problem, ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.store.panel import load_panel
from evaluator_app.store.ratings import load_ratings
from evaluator_app.ui.common.changes import Change, Changes
from evaluator_app.ui.common.session import WorkspaceSession
from tests.ui.conftest import EVALUATOR, build_workspace

FIRST = 1


def open_session(tmp_path) -> WorkspaceSession:
    return WorkspaceSession.open(build_workspace(tmp_path / "ws.sqlite"))


def test_a_rating_change_is_written_undone_and_named(qtbot, tmp_path):
    session = open_session(tmp_path)
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    change = session.rating_change(FIRST, Rating("1", 12, evaluator=EVALUATOR, result=D("92.33333333333333")),
                                   None, "ผลของตัวชี้วัด 1")
    outcome = session.run(change)
    assert outcome.ok
    assert load_ratings(session.workspace, FIRST, 12, EVALUATOR)["1"].rating.result == D("92.33333333333333")
    assert seen == [Changes(agreement_id=FIRST, round=12, evaluator=EVALUATOR, code="1", rating=True)]
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "ผลของตัวชี้วัด 1"
    session.undo_stack.undo()
    assert load_ratings(session.workspace, FIRST, 12, EVALUATOR)["1"].rating.result is None
    assert seen[-1] == Changes(agreement_id=FIRST, round=12, evaluator=EVALUATOR, code="1", rating=True,
                               by_undo=True)
    session.undo_stack.redo()
    assert load_ratings(session.workspace, FIRST, 12, EVALUATOR)["1"].rating.result == D("92.33333333333333")
    session.close()


def test_typing_one_field_twice_is_one_undo_step(qtbot, tmp_path):
    session = open_session(tmp_path)
    for text in ("ดี", "ดีมาก"):
        rating = Rating("2", 12, evaluator=EVALUATOR, comment=text)
        assert session.run(session.rating_change(FIRST, rating, None, "ความเห็น", merge_key=("2", "texts"))).ok
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert "2" not in load_ratings(session.workspace, FIRST, 12, EVALUATOR) or \
        load_ratings(session.workspace, FIRST, 12, EVALUATOR)["2"].rating.comment is None
    session.close()


def test_a_refused_change_writes_nothing_announces_nothing_and_says_why(qtbot, tmp_path):
    session = open_session(tmp_path)
    seen: list[Changes] = []
    session.changed.connect(seen.append)

    def refuse(_workspace) -> None:
        raise ProblemsError([Problem("ตัวชี้วัด 9 ไม่มีในคำรับรอง", "indicator 9 is not in the agreement")])

    outcome = session.run(Change(refuse, Changes(panel=True)))
    assert not outcome.ok and outcome.refused
    assert "indicator 9" in (outcome.error or "") and "ตัวชี้วัด 9" in (outcome.error or "")
    assert seen == [] and session.undo_stack.count() == 0
    assert session.save_state().value == "saved"  # a refusal is not a failed save
    session.close()


def test_a_change_that_cannot_be_undone_leaves_no_undo_step(qtbot, tmp_path):
    from evaluator_app.domain.panel import PanelMember, Role
    from evaluator_app.store.panel import save_member

    session = open_session(tmp_path)
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    member = PanelMember(id="m1", name="นางสาวกรรณิการ์ ตั้งใจดี", role=Role.CHAIR)
    outcome = session.run(Change(lambda ws: save_member(ws, member, actor="m1"), Changes(panel=True)))
    assert outcome.ok, outcome.error
    assert load_panel(session.workspace) is not None
    assert seen == [Changes(panel=True)] and session.undo_stack.count() == 0
    session.close()


def test_a_change_known_only_after_writing_is_named_from_its_value(qtbot, tmp_path):
    session = open_session(tmp_path)
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    outcome = session.run(Change(lambda _ws: 7, lambda value: Changes(agreement_id=FIRST, version=value)))
    assert outcome.value == 7
    assert seen == [Changes(agreement_id=FIRST, version=7)]
    session.close()
