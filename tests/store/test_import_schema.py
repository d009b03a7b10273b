"""Schema step 6 (the import policy): indicators of an older workspace keep scoring as interpolated, and a
banded indicator's bands and the import's warnings are stored."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.bands import parse_band
from evaluator_app.domain.problems import Problem
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store import schema
from evaluator_app.store.agreements import add_agreement, load_agreement
from evaluator_app.store.import_warnings import version_warnings
from evaluator_app.store.workspace import APPLICATION_ID, Workspace

STEP = schema.UPGRADES.index(schema.upgrade_import_policy)


def test_an_older_workspace_gains_method_bands_and_warnings(workspace_path):
    conn = sqlite3.connect(workspace_path, isolation_level=None)
    conn.execute("BEGIN")
    for step in schema.UPGRADES[:STEP]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {STEP}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO frameworks (id, definition) VALUES ('five-level-2560-onward', '{}')")
    conn.execute("INSERT INTO agreements (id, agency, fiscal_year, framework_id, created_at) "
                 "VALUES (1, 'กรมเดิม', 2566, 'five-level-2560-onward', '2025-01-01')")
    conn.execute("INSERT INTO agreement_versions (id, agreement_id, number, status, author, created_at, locked) "
                 "VALUES (1, 1, 1, 'agreed', 'x', '2025-01-01', 1)")
    conn.execute("INSERT INTO indicators (version_id, ord, code, name, kind, weight, thresholds) "
                 "VALUES (1, 0, '1', 'เดิม', 'numeric', '100', '[\"80\", \"85\", \"90\", \"95\", \"100\"]')")
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(workspace_path) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
        assert ws.conn.execute("SELECT method, bands FROM indicators").fetchone() == ("interpolated", None)
        assert load_agreement(ws, 1).agreement.indicators[0].thresholds == Thresholds.of(80, 85, 90, 95, 100)
        assert version_warnings(ws, 1) == ()


def test_bands_and_warnings_round_trip(workspace):
    bands = Thresholds.banded([parse_band(t) for t in ("< 60", "60 - 69.99", "70 - 79.99", "80 - 89.99", "≥ 90")])
    agreement = Agreement("กรมช่วง", 2566, (Indicator("1", "ช่วง", D(100), bands),),
                          framework_id="five-level-2560-onward")
    warning = Problem(th="ท", en="e", file="a.xlsx", sheet="S", row=3, column="น้ำหนัก", field="weight",
                      warning=True)
    stored = add_agreement(workspace, agreement, actor="secretary", warnings=[warning])
    assert workspace.conn.execute("SELECT method FROM indicators").fetchone() == ("banded",)
    assert load_agreement(workspace, stored.id).agreement == agreement
    assert version_warnings(workspace, stored.version_id) == (warning,)
