"""Workspaces whose evaluation reports take every path of gathering a report's content: the panel under each rule
(with a conflicted member, comments, a member's adjustment, members who rated part or nothing, a result finalised
under another rule), the committee verifying the agency's results, one evaluator as the committee, the signatories
named in the settings. Only the store's public writing functions are used, so the same scenarios can be built on
an older checkout to compute the seals pinned in test_sealing_reads_once.py."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

from evaluator_app.domain.panel import AggregationRule
from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import CommitteeSignatory, set_committee
from evaluator_app.store.panel import set_rule
from evaluator_app.store.panel_results import enter_consensus, finalise, submit
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement
from tests.reports.builders import MEMBERS, long_agreement, rate, self_assessed, with_panel

Scenario = Callable[[Workspace], tuple[int, str | None]]  # builds it; (agreement id, committee asked for)


def _panel_mean(workspace: Workspace) -> tuple[int, str | None]:
    agreement_id = self_assessed(workspace)
    with_panel(workspace, agreement_id)
    record_rating(workspace, agreement_id, Rating("3", 12, "m2", result=D("5"), adjusted_score=D("4.5"),
                                                  adjust_reason="หลักฐานไม่ครบถ้วนตามเกณฑ์ระดับ 5"), actor="m2")
    record_rating(workspace, agreement_id, Rating("4", 12, "chair", result=D("80"),
                                                  comment="ควรสำรวจความพึงพอใจให้ครอบคลุมทุกช่องทาง"), actor="chair")
    return agreement_id, None


def _panel_median_partial(workspace: Workspace) -> tuple[int, str | None]:
    """Median; m1 rated two indicators, m2 only round 6, so groups of who rated what and a member with none."""
    agreement_id = self_assessed(workspace)
    with_panel_members_only(workspace, "กรมตัวอย่าง")
    set_rule(workspace, AggregationRule.MEDIAN, actor="sec")
    for member, results in MEMBERS.items():
        if member == "m1":
            results = {code: value for code, value in results.items() if code in ("1", "2")}
        rate(workspace, agreement_id, results, member, round_=6 if member == "m2" else 12)
    return agreement_id, None


def _panel_consensus(workspace: Workspace) -> tuple[int, str | None]:
    agreement_id = self_assessed(workspace)
    with_panel(workspace, agreement_id)
    set_rule(workspace, AggregationRule.CONSENSUS, actor="sec")
    enter_consensus(workspace, agreement_id, "1", 12, D("4.25"), "ที่ประชุมเห็นพ้องตามหลักฐานการเบิกจ่ายจริง", by="chair")
    enter_consensus(workspace, agreement_id, "2", 12, D("3"), "ใช้ค่ากลางของกรรมการ", by="chair")
    return agreement_id, None


def _panel_finalised_then_median(workspace: Workspace) -> tuple[int, str | None]:
    """Finalised under the mean; the cycle's rule is the median since: the report keeps the mean."""
    agreement_id = self_assessed(workspace)
    with_panel(workspace, agreement_id)
    for member in MEMBERS:
        if member != "m3":
            submit(workspace, agreement_id, member, 12, declaration_accepted=True, actor=member)
    finalise(workspace, agreement_id, 12, by="chair")
    set_rule(workspace, AggregationRule.MEDIAN, actor="sec")
    return agreement_id, None


def _panel_long(workspace: Workspace) -> tuple[int, str | None]:
    """Thirty indicators over three dimensions, the members' results differing (ranges printed)."""
    agreement = long_agreement()
    stored = add_agreement(workspace, agreement, actor="sec")
    codes = [i.code for i in agreement.leaves()]
    rate(workspace, stored.id, {code: str(80 + n % 7) for n, code in enumerate(codes)})
    with_panel_members_only(workspace, agreement.agency)
    for offset, member in enumerate(("chair", "m1", "m2", "sec")):
        rate(workspace, stored.id, {code: str(78 + (n + offset) % 9) for n, code in enumerate(codes)}, member,
             comment={codes[offset * 3]: f"ข้อสังเกตของกรรมการ {member} ต่อตัวชี้วัด {codes[offset * 3]}"})
    return stored.id, None


def with_panel_members_only(workspace: Workspace, agency: str) -> None:
    from evaluator_app.domain.panel import ConflictOfInterest, ConflictType
    from evaluator_app.store.panel import declare_conflict, save_member
    from tests.reports.builders import PANEL

    for member in PANEL:
        save_member(workspace, member, actor="sec")
    declare_conflict(workspace, ConflictOfInterest("m3", agency, ConflictType.FORMER_EMPLOYEE, "เคยเป็นผู้บริหาร"),
                     actor="sec")


def _verified(workspace: Workspace) -> tuple[int, str | None]:
    """No panel: accepted, adjusted, and one result changed by the agency after it was accepted."""
    agreement_id = self_assessed(workspace)
    rate(workspace, agreement_id, {"4": "81.5"})
    return agreement_id, None


def _verified_asked_beside_a_panel(workspace: Workspace) -> tuple[int, str | None]:
    agreement_id = self_assessed(workspace)
    with_panel(workspace, agreement_id)
    return agreement_id, "verified"


def _evaluator(workspace: Workspace) -> tuple[int, str | None]:
    """One evaluator as the committee (no panel): their results, an adjustment, one indicator not rated; another
    evaluator's comment is printed too."""
    agreement_id = self_assessed(workspace, accept=False)
    set_committee(workspace, actor="sec", model="evaluator", evaluator="e1")
    rate(workspace, agreement_id, {"1": "93", "2": "15"}, "e1", comment={"2": "ระยะเวลารอคอยลดลงต่อเนื่อง"})
    record_rating(workspace, agreement_id, Rating("4", 12, "e1", result=D("79"), adjusted_score=D("3.1"),
                                                  adjust_reason="กลุ่มตัวอย่างไม่ครอบคลุม"), actor="e1")
    rate(workspace, agreement_id, {"1": "90"}, "e2", comment={"1": "ควรเร่งเบิกจ่ายไตรมาสแรก"})
    return agreement_id, None


def _named_signatories(workspace: Workspace) -> tuple[int, str | None]:
    agreement_id = self_assessed(workspace)
    set_committee(workspace, actor="sec", signatories=[
        CommitteeSignatory("นายประธาน กรรมการ", "ผู้ทรงคุณวุฒิ", "ประธานกรรมการ"),
        CommitteeSignatory("นางเลขา กรรมการ", "", "กรรมการและเลขานุการ")])
    return agreement_id, None


def _two_agreements(workspace: Workspace) -> tuple[int, str | None]:
    """A second agreement of another agency beside the first; the report is of the second."""
    first = self_assessed(workspace)
    with_panel(workspace, first)
    second = add_agreement(workspace, example_agreement("กรมที่สอง", 2569), actor="sec").id
    rate(workspace, second, {"1": "88", "2": "19", "3": "3", "4": "71"})
    for member, results in MEMBERS.items():
        rate(workspace, second, results, member)
    return second, None


SCENARIOS: dict[str, Scenario] = {
    "panel_mean": _panel_mean,
    "panel_median_partial": _panel_median_partial,
    "panel_consensus": _panel_consensus,
    "panel_finalised_then_median": _panel_finalised_then_median,
    "panel_long": _panel_long,
    "verified": _verified,
    "verified_asked_beside_a_panel": _verified_asked_beside_a_panel,
    "evaluator": _evaluator,
    "named_signatories": _named_signatories,
    "two_agreements": _two_agreements,
}
