"""`parties` on the command line, as a secretary types it: set, list, refuse; the real process and file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest
from tests.parties_data import GIVER, LONG_AGENCY, RECIPIENT, SECOND_GIVER, cli_text
from tests.test_cli import run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        add_agreement(ws, replace(example_agreement(LONG_AGENCY), parties=()), actor="sec")
    return path


def listed(db: Path) -> list[tuple[str, str, str]]:
    done = run_cli("parties", "1", "--json", db=db)
    assert done.returncode == 0, done.stderr
    return [(p["side"], p["name"], p["position"]) for p in json.loads(done.stdout)["parties"]]


def test_set_list_and_replace_one_side(db):
    done = run_cli("parties", "สำนักงานส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ", "--recipient", cli_text(RECIPIENT),
                   "--giver", cli_text(GIVER), "--giver", cli_text(SECOND_GIVER), db=db)
    assert done.returncode == 0, done.stderr
    assert "parties saved" in done.stdout and f"{RECIPIENT.name} | {RECIPIENT.position}" in done.stdout
    assert listed(db) == [("recipient", RECIPIENT.name, RECIPIENT.position), ("giver", GIVER.name, GIVER.position),
                          ("giver", SECOND_GIVER.name, SECOND_GIVER.position)]
    # Only the givers given: the recipient stays; a position may be left out.
    assert run_cli("parties", "1", "--giver", "นายสมชาย ทดแทน", db=db).returncode == 0
    assert listed(db) == [("recipient", RECIPIENT.name, RECIPIENT.position), ("giver", "นายสมชาย ทดแทน", "")]
    with sqlite3.connect(db) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log WHERE action = 'edit parties'")]
    assert actions == ["edit parties", "edit parties"]
    assert run_cli("parties", "1", "--clear", db=db).returncode == 0
    assert listed(db) == []
    assert "no parties yet" in run_cli("parties", "1", db=db).stdout


@pytest.mark.parametrize("arguments, message", [
    (["--giver", "|อธิบดี"], "field '--giver': ผู้ทำคำรับรอง: ต้องมีชื่อ"),
    (["--recipient", "ก|ข|ค"], "--recipient: เขียนได้เพียง ชื่อ|ตำแหน่ง"),
    (["--giver", "ก" * 250], "more than 200"),
    (["--giver", "นายเดียว กัน|อธิบดี", "--giver", "นายเดียว กัน|รองอธิบดี"], "listed twice"),
])
def test_bad_input_is_refused_with_exit_2_and_nothing_written(db, arguments, message):
    assert run_cli("parties", "1", "--recipient", cli_text(RECIPIENT), db=db).returncode == 0
    digest = file_digest(db)
    done = run_cli("parties", "1", *arguments, db=db)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert file_digest(db) == digest
    assert listed(db) == [("recipient", RECIPIENT.name, RECIPIENT.position)]


def test_an_unknown_agreement_is_refused(db):
    done = run_cli("parties", "กรมที่ไม่มีอยู่จริง", "--giver", "นายก|ข", db=db)
    assert done.returncode == 2 and "no agreement matches" in done.stderr
