"""Sealing an evaluation report reads each thing once (issue 16) and still seals the same content: the content of
every path of gathering (sealing_scenarios.py) hashes as it did before, a report that cannot be issued is refused
with the same words, and the pieces given what was read already equal the same pieces reading for themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.reports import panel_view
from evaluator_app.reports.evaluation_data import collect_evaluation, resolve_committee
from evaluator_app.reports.papers import record_drawn, seal_evaluation
from evaluator_app.store.agreements import load_agreement
from evaluator_app.store.frameworks import get_framework
from evaluator_app.store.panel import load_panel, result_state
from evaluator_app.store.panel_results import panel_result, panel_result_of
from evaluator_app.store.ratings import evaluators_of, load_ratings, ratings_of_round
from evaluator_app.store.report_numbers import ledger_path
from evaluator_app.store.snapshots import audit_head, content_hash
from evaluator_app.store.versions import version_for_round
from evaluator_app.store.workspace import Workspace

from .sealing_scenarios import SCENARIOS

# content_hash(collect_evaluation(...)) of each scenario as the code before issue 16 gathered it (main at 198a5b6,
# where sealing read the agreement four times and each member's ratings three times). A change to the scenarios,
# their builders or the content's format changes these: compute them again on the older checkout then.
BEFORE = {
    "panel_mean": "705a18961bade3a1aae106b6d5ee0d6f212c1612a42641f8a84f224bce3f65b3",
    "panel_median_partial": "77610d658789333a1db6bb27e758812dfd6771fcf31749f89a1ab654e0299e26",
    "panel_consensus": "1c4b36a7e836695a7110f004658522ce810b4c9aaf70c361bb4ffd0e6fdf43f6",
    "panel_finalised_then_median": "c2e7e6fe69ab80ffb169e6fbc162cc43b78e9757afa91f9a733f7732b9f23a3d",
    "panel_long": "8482ff0c8de9d1b901399edf12893ba820c7d61271f8ff9913fb77c2b3a58ede",
    "verified": "d07721ff858354a25fe835aa23598ffc7b44f4d68ae67347d74a9e6dfb892eac",
    "verified_asked_beside_a_panel": "5f52d0204308725ab1094f35743ed3604e2a1ee6561d997a3422694bf910f047",
    "evaluator": "383e8ab53fcfebcf51480f811404ef7b082d6f256388f779fd802d184adafda0",
    "named_signatories": "86f1c118ecfba67d9cc9dbb57075e902efb321b86b7907cacbd453d762f8aa0c",
    "two_agreements": "3d8a18dc98fe7712ac3881a8ba8a9fa6bcadd8c79ac8369ff7dcdd9a0fd168a7",
}
# The scenarios whose report cannot be issued, and the indicators the refusal names.
REFUSED = {"panel_consensus": "3, 4", "verified": "4", "evaluator": "3"}


@pytest.fixture(params=sorted(SCENARIOS))
def scenario(request: pytest.FixtureRequest, tmp_path: Path):
    with Workspace.open(tmp_path / "w.sqlite", auto_backup=False) as workspace:
        agreement_id, committee = SCENARIOS[request.param](workspace)
        yield request.param, workspace, agreement_id, committee


def test_the_content_gathered_is_what_it_was(scenario):
    name, workspace, agreement_id, committee = scenario
    assert content_hash(collect_evaluation(workspace, agreement_id, 12, committee=committee)) == BEFORE[name]


def test_the_seal_is_the_content_gathered_with_its_issue_record(scenario):
    name, workspace, agreement_id, committee = scenario
    figures = collect_evaluation(workspace, agreement_id, 12, committee=committee)
    if name in REFUSED:
        with pytest.raises(ProblemsError) as refused, workspace.transaction():
            seal_evaluation(workspace, agreement_id, 12, committee, "sec")
        assert f"ยังไม่มีผลการประเมินของคณะกรรมการสำหรับตัวชี้วัด {REFUSED[name]} จึงออกรายงานไม่ได้" in str(refused.value)
        assert not ledger_path(workspace.path).exists()
        return
    with workspace.transaction() as conn:
        head = audit_head(conn)
        sealed = seal_evaluation(workspace, agreement_id, 12, committee, "sec")
        record_drawn(workspace, sealed)
    expected = {**figures, "issue": {"number": 1, "revision": 1, "replaces": None, "audit_head": head}}
    assert sealed.snapshot.content == expected
    assert sealed.snapshot.sha256 == content_hash(expected)
    ledger = json.loads(ledger_path(workspace.path).read_text(encoding="utf-8"))
    assert ledger["last"] == 1 and [p["revision"] for p in ledger["papers"].values()] == [1]


def test_a_report_reads_the_agreement_the_ratings_and_the_panel_once(scenario):
    _, workspace, agreement_id, committee = scenario
    statements: list[str] = []
    workspace.conn.set_trace_callback(statements.append)
    try:
        collect_evaluation(workspace, agreement_id, 12, committee=committee)
    finally:
        workspace.conn.set_trace_callback(None)

    def reads(table: str) -> int:
        return sum(1 for sql in statements if re.search(rf"\bFROM {table}\b", sql))

    assert reads("indicators") == 1, "the agreement's indicators"
    assert reads("ratings") <= 2, "every evaluator's ratings of the round (and who rated, without a panel)"
    assert reads("panel") <= 1 and reads("panel_members") <= 1
    assert reads("frameworks") == 1
    assert reads("settings") <= 5, "the committee settings (three) and the framework's (two), once"


def test_the_pieces_given_what_was_read_equal_the_pieces_reading_for_themselves(scenario):
    _, workspace, agreement_id, _ = scenario
    every = ratings_of_round(workspace, agreement_id, 12)
    for evaluator in {*evaluators_of(workspace, agreement_id), "self", "nobody"}:
        one = load_ratings(workspace, agreement_id, 12, evaluator)
        assert list(every.get(evaluator, {}).items()) == [(code, s.rating) for code, s in one.items()]
    panel = load_panel(workspace)
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, 12))
    agency = stored.agreement.agency
    assert panel_view.rated_by_panel(panel, agency, every) == panel_view.panel_has_ratings(
        workspace, panel, agreement_id, agency, 12)
    assert panel_view.comments_of(workspace, panel, agreement_id, agency, every) == panel_view.panel_comments(
        workspace, panel, agreement_id, agency, 12)
    if panel is None:
        return
    state = result_state(workspace.conn, agreement_id, 12)
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    result = panel_result_of(workspace, panel, stored.agreement, framework, state, every, agreement_id, 12)
    assert result == panel_result(workspace, agreement_id, 12)
    assert panel_view.figures_of(panel, result, every, agency, state) == panel_view.panel_figures(
        workspace, panel, agreement_id, 12)
    assert resolve_committee(workspace, agreement_id, 12, None) in ("panel", "verified", "evaluator")
