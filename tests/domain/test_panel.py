"""The panel's make-up: member ids, roles and signing order, conflicts of interest, what a conflicted member sees."""

from __future__ import annotations

import re

import pytest

from evaluator_app.domain.panel import (
    ConflictOfInterest,
    ConflictType,
    Panel,
    PanelMember,
    Role,
    chair_problem,
    key_fingerprint,
    member_id_problem,
    panel_problems,
)
from tests.conftest import example_agreement

AGENCY = example_agreement().agency


def panel(*conflicts: ConflictOfInterest) -> Panel:
    return Panel(
        id="p-1", name="คณะผู้ประเมินอิสระ",
        members=(
            PanelMember("sec", "นางเลขา", Role.SECRETARY, "ผู้อำนวยการกอง"),
            PanelMember("m2", "นายสอง", Role.MEMBER),
            PanelMember("asst", "นายผู้ช่วย", Role.ASSISTANT_SECRETARY),
            PanelMember("chair", "ศ.ประธาน", Role.CHAIR),
            PanelMember("m1", "นางหนึ่ง", Role.MEMBER),
        ),
        conflicts=conflicts,
    )


def test_signing_order_follows_roles_unless_an_order_is_given():
    assert [m.id for m in panel().in_signing_order()] == ["chair", "m1", "m2", "sec", "asst"]
    ordered = Panel("p", "n", members=(PanelMember("a", "A", Role.MEMBER, order=2),
                                       PanelMember("b", "B", Role.CHAIR, order=3),
                                       PanelMember("c", "C", Role.MEMBER, order=1)))
    assert [m.id for m in ordered.in_signing_order()] == ["c", "a", "b"]


def test_thai_titles_of_roles():
    assert [m.title_th for m in panel().in_signing_order()] == [
        "ประธานกรรมการ", "กรรมการ", "กรรมการ", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ"]


def test_a_conflicted_member_neither_rates_nor_signs_for_that_agency():
    conflict = ConflictOfInterest("m2", AGENCY, ConflictType.FORMER_EMPLOYEE, "เคยรับราชการในกรมนี้ถึงปี 2565")
    p = panel(conflict)
    assert [m.id for m in p.raters_for(AGENCY)] == ["chair", "m1", "sec"]  # no m2, no assistant secretary
    assert [s.member_id for s in p.signatories_for(example_agreement())] == ["chair", "m1", "sec", "asst"]
    other = example_agreement("กรมอื่น")
    assert [s.member_id for s in p.signatories_for(other)] == ["chair", "m1", "m2", "sec", "asst"]
    assert p.conflict("m2", AGENCY) == conflict and p.conflict("m2", "กรมอื่น") is None


def test_a_conflicted_member_sees_only_their_own_ratings_of_that_agency():
    p = panel(ConflictOfInterest("m2", AGENCY, ConflictType.RELATIVE, "คู่สมรสเป็นรองอธิบดี"))
    everyone = {"self", "m1", "m2", "chair"}
    assert p.visible_evaluators("m2", AGENCY, everyone) == ("m2", "self")
    assert p.visible_evaluators("m1", AGENCY, everyone) == ("chair", "m1", "m2", "self")
    assert p.visible_evaluators("m2", "กรมอื่น", everyone) == ("chair", "m1", "m2", "self")


def test_a_conflict_needs_a_reason():
    with pytest.raises(ValueError, match="needs a reason"):
        ConflictOfInterest("m1", AGENCY, ConflictType.OTHER, "  ")


@pytest.mark.parametrize("member_id", ["self", "panel", "", "มานะ", "has space", "a" * 33, "../x", "-lead"])
def test_member_ids_are_short_ascii_and_not_reserved(member_id):
    assert member_id_problem(member_id) is not None


@pytest.mark.parametrize("member_id", ["m1", "somchai.k", "chair_2569", "A-7"])
def test_good_member_ids(member_id):
    assert member_id_problem(member_id) is None


def test_fingerprint_is_five_groups_of_four_hex_digits_and_depends_on_every_byte():
    key = bytes(range(32))
    fingerprint = key_fingerprint(key)
    assert re.fullmatch(r"([0-9a-f]{4} ){4}[0-9a-f]{4}", fingerprint)
    assert key_fingerprint(bytes([1]) + key[1:]) != fingerprint


def test_one_chair_one_secretary_distinct_keys_and_conflicts_of_members():
    p = Panel("p", "n", members=(PanelMember("a", "A", Role.CHAIR, public_key=b"k" * 32),
                                 PanelMember("b", "B", Role.CHAIR, public_key=b"k" * 32),
                                 PanelMember("c", "C", Role.MEMBER, public_key=b"short")),
              conflicts=(ConflictOfInterest("zz", AGENCY, ConflictType.OTHER, "x"),))
    messages = " | ".join(p.en for p in panel_problems(p))
    assert "one chair" in messages
    assert "share one public key" in messages
    assert "not an Ed25519 key" in messages
    assert "no member zz" in messages
    assert panel_problems(panel()) == []


def test_only_the_chair_takes_a_chairs_decision():
    assert chair_problem(panel(), "chair", "ยุติ", "finalise") is None
    assert "only the chair (chair)" in chair_problem(panel(), "m1", "ยุติ", "finalise").en
    assert "no chair" in chair_problem(Panel("p", "n"), "m1", "ยุติ", "finalise").en
