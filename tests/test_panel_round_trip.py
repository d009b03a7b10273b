"""The whole offline panel with three real workspace files (the secretary's master and two members' laptops), once
through the API and once through the command line as people would type it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal as D

import pytest

from evaluator_app.domain.panel import AggregationRule, PanelMember, Role
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange import identity
from evaluator_app.exchange.packages import export_evaluator_package, export_panel_package, import_package
from evaluator_app.store.agreements import add_agreement, find_agreement_id
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.panel import save_member, set_rule
from evaluator_app.store.panel_results import panel_result, submit
from evaluator_app.store.ratings import evaluators_of, load_ratings, record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest

PASSPHRASE = "ความลับของกรรมการ 2569"
AGENCY, YEAR = example_agreement().agency, example_agreement().fiscal_year

# Thresholds (conftest): 1: 80 85 90 95 100 (w 50); 2: 20 18 16 14 12, lower is better (w 20);
# 3: milestone levels 1-5 (w 10); 4: 70 75 80 85 90 (w 20).
RESULTS = {
    "m1": {"1": "92", "2": "15", "3": "5", "4": "78.75"},
    "m2": {"1": "95", "2": "16", "3": "3", "4": "85"},
}
# By hand from the thresholds:
#   m1: 1: 3 + (92-90)/5 = 3.4   2: 3 + (16-15)/2 = 3.5   3: level 5 = 5   4: 2 + (78.75-75)/5 = 2.75
#   m2: 1: 4 + (95-95)/5 = 4.0   2: level at 16 = 3.0      3: level 3 = 3   4: 4 + (85-85)/5 = 4.0
# Panel mean per indicator: 3.7, 3.25, 4, 3.375; weighted 1.85 + 0.65 + 0.40 + 0.675 = 3.575.
EXPECTED_FIGURES = {"1": "3.7000", "2": "3.2500", "3": "4.0000", "4": "3.3750"}
EXPECTED_WEIGHTED = {"1": "1.8500", "2": "0.6500", "3": "0.4000", "4": "0.6750"}
EXPECTED_TOTAL = "3.5750"


def test_secretary_and_two_members_round_trip(tmp_path):
    keys = tmp_path / "keys"
    master = Workspace.open(tmp_path / "secretary" / "master.sqlite")
    agreement_id = add_agreement(master, example_agreement(), actor="sec").id
    record_rating(master, agreement_id, Rating("1", 12, result=D(93)), actor="sec")  # the agency's own report
    members = {m: identity.create_key_pair(m, PASSPHRASE, keys / m) for m in RESULTS}
    for member in (PanelMember("chair", "ศาสตราจารย์ ดร.ประธาน ใจกว้าง", Role.CHAIR, "ผู้ทรงคุณวุฒิ"),
                   PanelMember("m1", "นางสาวหนึ่ง รักดี", Role.MEMBER, "ผู้ทรงคุณวุฒิ",
                               public_key=members["m1"].public_key),
                   PanelMember("m2", "นายสอง ซื่อตรง", Role.MEMBER, "ผู้ทรงคุณวุฒิ",
                               public_key=members["m2"].public_key),
                   PanelMember("sec", "นางเลขา ละเอียด", Role.SECRETARY, "ผู้อำนวยการกองติดตาม")):
        save_member(master, member, actor="sec")
    panel_file = export_panel_package(master, tmp_path / "mail" / "panel.evpanel").path

    packages = []
    for member, results in RESULTS.items():
        laptop = Workspace.open(tmp_path / member / "workspace.sqlite")
        installed = import_package(laptop, panel_file, actor=member)
        assert installed.agreements_added == [(AGENCY, YEAR)] and installed.panel_created
        here = find_agreement_id(laptop, AGENCY, YEAR)
        assert load_ratings(laptop, here, 12)["1"].rating.result == D(93)  # the self-assessment travelled
        for code, result in results.items():
            record_rating(laptop, here, Rating(code, 12, member, result=D(result), comment=f"{member} เห็นว่า"),
                          actor=member, note="ร่างความเห็นส่วนตัว")
        submit(laptop, here, member, declaration_accepted=True, actor=member)
        key = identity.unlock(member, PASSPHRASE, keys / member)
        packages.append(export_evaluator_package(laptop, member, tmp_path / "mail" / f"{member}.evpack", key).path)
        assert evaluators_of(laptop, here) == sorted(["self", member])  # nobody else's ratings on a laptop
        laptop.close()

    for path in packages:
        report = import_package(master, path, actor="sec")
        assert len(report.applied) == 4 and report.conflicts == [] and report.submitted == [(AGENCY, YEAR, 12)]

    result = panel_result(master, agreement_id)
    assert {c: str(result.indicator(c).figure.quantize(D("0.0001"))) for c in "1234"} == EXPECTED_FIGURES
    assert {c: str(result.sheet.indicator(c).weighted) for c in "1234"} == EXPECTED_WEIGHTED
    assert str(result.total) == EXPECTED_TOTAL
    assert {m: str(s.total) for m, s in result.member_sheets.items() if m in RESULTS} == {
        "m1": "3.4500", "m2": "3.7000"}  # m2: 4 x .5 + 3 x .2 + 3 x .1 + 4 x .2 = 2 + .6 + .3 + .8
    # With two members the median is the mean.
    set_rule(master, AggregationRule.MEDIAN, actor="sec")
    assert str(panel_result(master, agreement_id).total) == EXPECTED_TOTAL

    stored = load_ratings(master, agreement_id, 12, "m1")
    assert stored["1"].rating.comment == "m1 เห็นว่า" and stored["1"].note is None  # notes never travel
    merged = [e for e in audit_entries(master.conn, entity="rating") if e.action == "merge rating"]
    assert len(merged) == 8 and {e.actor for e in merged} == {"m1", "m2"}
    assert first_broken_link(master.conn) is None
    master.close()


# --- the same through the command line ---------------------------------------------------------------------

def cli(*args: str, env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "evaluator_app", *args], capture_output=True, text=True, env=env,
                          timeout=60)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "EVALUATOR_APP_KEY_DIR": str(tmp_path / "keys"), "EVALUATOR_APP_PASSPHRASE": PASSPHRASE,
            "QT_QPA_PLATFORM": "offscreen"}


def test_command_line_round_trip_and_refusals(tmp_path, env):
    master_file, laptop = tmp_path / "master.sqlite", tmp_path / "m1.sqlite"
    with Workspace.open(master_file) as master:
        add_agreement(master, example_agreement(), actor="sec")
    db = ("--db", str(master_file))

    made = cli("--db", str(master_file), "keygen", "--evaluator", "m1", "--public-key-out", str(tmp_path / "m1.pub"),
               env=env)
    spoken = made.stdout.splitlines()[-1].split(": ")[-1]
    cli(*db, "panel", "add-member", "chair", "--name", "ประธาน", "--role", "chair", env=env)
    cli(*db, "panel", "add-member", "m1", "--name", "นางหนึ่ง", "--role", "member", "--public-key",
        str(tmp_path / "m1.pub"), env=env)
    cli(*db, "panel", "conflict", "chair", "กรมอื่น", "--type", "former-employee", "--reason", "เคยเป็นอธิบดี",
        env=env)
    members = json.loads(cli(*db, "panel", "members", "--json", env=env).stdout)
    assert [m["id"] for m in members["members"]] == ["chair", "m1"]
    assert members["members"][1]["fingerprint"] == spoken  # what the member reads aloud is what was recorded
    assert members["conflicts"] == [{"member": "chair", "agency": "กรมอื่น", "type": "former-employee",
                                     "reason": "เคยเป็นอธิบดี"}]
    cli(*db, "export-package", "--panel", "--out", str(tmp_path / "panel.evpanel"), env=env)

    cli("--db", str(laptop), "import-package", str(tmp_path / "panel.evpanel"), env=env)  # makes the workspace
    with Workspace.open(laptop) as ws:
        here = find_agreement_id(ws, AGENCY, YEAR)
        for code in ("2", "3", "4"):
            record_rating(ws, here, Rating(code, 12, "m1", result=D(RESULTS["m1"][code])), actor="m1")
    cli("--db", str(laptop), "rate", str(here), "1", "92", "--evaluator", "m1", env=env)
    refused = cli("--db", str(laptop), "panel", "submit", str(here), "--evaluator", "m1", env=env, ok=False)
    assert refused.returncode == 2 and "--accept-declaration" in refused.stderr
    cli("--db", str(laptop), "panel", "submit", str(here), "--evaluator", "m1", "--accept-declaration", env=env)
    locked = cli("--db", str(laptop), "rate", str(here), "1", "99", "--evaluator", "m1", env=env, ok=False)
    assert locked.returncode == 2 and "submitted and read-only" in locked.stderr
    cli("--db", str(laptop), "export-package", "--evaluator", "m1", "--out", str(tmp_path / "m1.evpack"), env=env)

    tampered = bytearray((tmp_path / "m1.evpack").read_bytes())
    tampered[len(tampered) // 2] ^= 0x20
    (tmp_path / "bad.evpack").write_bytes(bytes(tampered))
    before = file_digest(master_file)
    bad = cli(*db, "import-package", str(tmp_path / "bad.evpack"), env=env, ok=False)
    assert bad.returncode == 2 and "altered" in bad.stderr and "bad.evpack" in bad.stderr
    assert file_digest(master_file) == before

    merged = cli(*db, "import-package", str(tmp_path / "m1.evpack"), env=env).stdout
    assert "applied 4" in merged and "submitted" in merged
    again = cli(*db, "import-package", str(tmp_path / "m1.evpack"), env=env).stdout
    assert "nothing changed" in again

    not_chair = cli(*db, "panel", "reopen", "1", "--evaluator", "m1", "--reason", "แก้ไข", "--as", "m1", env=env,
                    ok=False)
    assert not_chair.returncode == 2 and "only the chair (chair)" in not_chair.stderr
    cli(*db, "panel", "finalise", "1", "--as", "chair", env=env)
    score = json.loads(cli(*db, "score", "1", "--panel", "--json", env=env).stdout)
    assert score["total"] == "3.4500" and score["evaluator"] == "panel"
    first = score["indicators"][0]
    assert (first["code"], first["score"], first["weighted"]) == ("1", "3.4000", "1.7000")  # the usual keys
    assert first["members"] == {"chair": None, "m1": "3.4000"} and first["panel_figure"] == "3.4000"
    reopen = cli(*db, "panel", "reopen", "1", "--reason", "", "--as", "chair", env=env, ok=False)
    assert reopen.returncode == 2 and "needs a reason" in reopen.stderr
