"""Parties edited on the secretary's laptop after the panel package went out do not turn the members' ratings into
edit conflicts: a signatory is not what members rate."""

from __future__ import annotations

from evaluator_app.exchange.packages import export_evaluator_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.parties import set_parties
from tests.exchange.test_packages import AGENCY, YEAR, keys, master, member_workspace, rate  # noqa: F401 - fixtures
from tests.parties_data import PARTIES


def test_ratings_merge_after_the_parties_changed(tmp_path, master, keys):  # noqa: F811 - pytest fixtures
    ws = member_workspace(tmp_path, master, "m2")
    rate(ws, "m2", {"1": "90", "4": "80"})
    path = export_evaluator_package(ws, "m2", tmp_path / "m2.evpack", keys["m2"]).path
    ws.close()
    assert set_parties(master, find_agreement_id(master, AGENCY, YEAR), PARTIES, actor="sec")
    report = keys.merge(master, path)
    assert report.conflicts == []
    assert sorted((c.code, c.after["result"]) for c in report.applied) == [("1", "90"), ("4", "80")]
