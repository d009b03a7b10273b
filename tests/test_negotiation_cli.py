"""Negotiating from the command line, as the real process: propose, counter, agree, diff, revise, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "evaluator_app", "--db", str(db), "--as", "secretary", *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "committee.sqlite"
    with Workspace.open(path) as workspace:
        add_agreement(workspace, example_agreement(), actor="secretary")
    return path


def test_propose_counter_agree_then_versions_and_diff_as_json(db):
    proposed = run_cli(db, "propose", "1", "--weights", "1=40", "4=30", "--reason", "เพิ่มน้ำหนักความพึงพอใจ",
                       "--session", "ครั้งที่ 1/2569")
    assert proposed.returncode == 0, proposed.stderr
    assert "saved version 2 (proposal)" in proposed.stdout
    counter = run_cli(db, "propose", "กรมตัวอย่าง", "--counter", "--side", "agency", "--redistribute", "1=45",
                      "--over", "4", "--reason", "ส่วนราชการขอ 45")
    assert counter.returncode == 0, counter.stderr
    agreed = run_cli(db, "agree", "1", "3", "--minute", "ที่ประชุมเห็นชอบ")
    assert agreed.returncode == 0 and "version 3 agreed and locked" in agreed.stdout

    listed = json.loads(run_cli(db, "versions", "1", "--json").stdout)["versions"]
    assert [(v["number"], v["status"], v["author"], v["locked"]) for v in listed] == [
        (1, "agreed", "secretary", True), (2, "proposal", "committee", False),
        (3, "agreed", "agency", True)]
    assert listed[2]["minute"] == "ที่ประชุมเห็นชอบ" and listed[2]["based_on"] == 2
    assert [(i["code"], i["weight"]) for i in listed[2]["indicators"]] == [("1", "45"), ("2", "20"), ("3", "10"),
                                                                         ("4", "25")]
    assert listed[2]["weight_sum"] == "100"
    table = run_cli(db, "versions", "1").stdout.splitlines()
    assert "created (Asia/Bangkok)" in table[0] and "(UTC)" not in table[0]
    assert all(f" {int(v['created_at'][:4]) + 543} " in line for v, line in zip(listed, table[1:], strict=True))

    diff = json.loads(run_cli(db, "diff", "1", "1", "3", "--json").stdout)
    assert diff["added"] == [] and diff["removed"] == []
    assert diff["changed"] == [{"code": "1", "field": "weight", "old": "50", "new": "45"},
                               {"code": "4", "field": "weight", "old": "20", "new": "25"}]


def refused(db: Path, *args: str) -> str:
    before = file_digest(db)
    result = run_cli(db, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert file_digest(db) == before, "a refusal must leave the workspace untouched"
    return result.stderr


def test_refusals_exit_2_with_a_clear_message_and_the_database_unchanged(db):
    assert "weights sum to 95, not 100" in refused(db, "propose", "1", "--weights", "1=45")
    assert "น้ำหนักรวมได้ 95 ไม่ใช่ 100" in refused(db, "propose", "1", "--weights", "1=45")
    assert "lies outside its criteria" in refused(db, "propose", "1", "--targets", "4=95")
    assert "no indicator 9" in refused(db, "propose", "1", "--weights", "9=1")
    assert "must be a number" in refused(db, "propose", "1", "--weights", "1=abc")
    assert "no version 7" in refused(db, "diff", "1", "1", "7")
    assert "would become negative" in refused(db, "propose", "1", "--redistribute", "1=81", "--over", "3", "4")


def test_an_agreed_version_cannot_be_edited_from_the_cli(db):
    stderr = refused(db, "agree", "1", "1", "--minute", "แก้ไขทับ")
    assert "version 1 is already agreed and locked" in stderr and "ตกลงไว้แล้วและถูกล็อก" in stderr


def test_a_draft_may_be_broken_and_says_why_it_cannot_be_proposed(db):
    drafted = run_cli(db, "draft", "1", "--weights", "1=45")
    assert drafted.returncode == 0, drafted.stderr
    assert "not yet proposable" in drafted.stdout and "sum to 95" in drafted.stdout


def test_revise_from_round_9_cancels_and_shows_what_changed(db):
    revised = run_cli(db, "revise", "1", "--from-round", "9", "--cancel", "3", "--weights", "1=50",
                      "--reason", "ยกเลิกตัวชี้วัดที่ 3 กลางปี")
    assert revised.returncode == 0, revised.stderr
    assert "revision 2 in force from round 9" in revised.stdout and "cancel_round" in revised.stdout
    assert "needs a reason" in refused(db, "revise", "1", "--from-round", "9", "--cancel", "3")


def test_whatif_scores_the_latest_results_under_a_proposal_and_the_agreed_version(db):
    for code, result in [("1", "92"), ("2", "15"), ("3", "5"), ("4", "78.75")]:
        assert run_cli(db, "rate", "1", code, result, "--round", "6").returncode == 0
    assert run_cli(db, "propose", "1", "--weights", "1=20", "3=40").returncode == 0
    document = json.loads(run_cli(db, "whatif", "1", "2", "--json").stdout)
    assert (document["round"], document["agreed"]["total"], document["proposed"]["total"]) == (6, "3.4500", "3.9300")
    assert document["difference"] == "0.4800" and document["proposed"]["eligible"] is True
