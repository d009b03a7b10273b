"""A report issued after a merge planned its package (the plan finds the round open) is still honoured when the
merge writes: the package is refused with the issued-round trigger's message and nothing is written, whether the
merge checks the trigger's condition once (issue 16) or lets the trigger check each row."""

from __future__ import annotations

import pytest

from evaluator_app.exchange.package_format import PackageRefused
from evaluator_app.exchange.packages import export_evaluator_package
from evaluator_app.store import panel_merge
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.schema_reports import ISSUED_MESSAGE
from tests.hostile.packages_world import AGENCY, YEAR, make_master, member_laptop, rate
from tests.panel_keys import PanelKeys
from tests.store.test_merge_issued_check import TRIGGER, issue


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.mark.parametrize("once", [False, True])
def test_a_round_issued_while_the_package_was_planned_refuses_it(tmp_path, keys, monkeypatch, once):
    master = make_master(tmp_path / "master.sqlite", keys)
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "70", "2": "15"})
    package = export_evaluator_package(ws, "m1", tmp_path / "m1.evpack", keys["m1"]).path
    ws.close()
    with master.transaction() as conn:
        issue(conn, find_agreement_id(master, AGENCY, YEAR), 12)
    # The plan read the rounds before the report was issued: it finds no lock.
    monkeypatch.setattr(panel_merge, "_guarded_rounds", lambda conn, member: set())
    monkeypatch.setattr(panel_merge, "CHECKED_ONCE_FROM", 0 if once else 10**9)
    trigger = master.conn.execute(TRIGGER).fetchone()[0]
    cache = master.conn.execute("PRAGMA cache_size").fetchone()
    with pytest.raises(PackageRefused) as refused:
        keys.merge(master, package)
    assert ISSUED_MESSAGE in str(refused.value) and "m1.evpack" in str(refused.value)
    assert master.conn.execute("SELECT count(*) FROM ratings").fetchone() == (0,)
    assert master.conn.execute("SELECT count(*) FROM panel_packages").fetchone() == (0,)
    assert master.conn.execute(TRIGGER).fetchone()[0] == trigger
    assert master.conn.execute("PRAGMA cache_size").fetchone() == cache
    master.close()
