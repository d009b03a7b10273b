"""Re-importing a workbook (issue 13, item 4): only what the file changed since its previous import is applied;
a result edited since then is a conflict, listed and kept unless --overwrite-edits; comments and notes are never
erased; changed indicators make a new draft version."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl

from evaluator_app.exchange.agreement_workbook import read_agreement_files
from evaluator_app.exchange.importing import preview_conflicts
from evaluator_app.store.framework_files import bundled_frameworks
from evaluator_app.store.workspace import Workspace
from tests.safety.helpers import run_cli

HEADERS = ["ส่วนราชการ", "ปีงบประมาณ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก",
           "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลการดำเนินงาน"]
AGENCY = "สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"


def workbook(path: Path, results: tuple[object, object, object], weights: tuple[int, int, int] = (50, 30, 20)) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    names = ("ร้อยละของผู้สูงอายุที่ได้รับการดูแลตามมาตรฐานการดูแลระยะยาวด้านสาธารณสุขและสังคม",
             "ระยะเวลาเฉลี่ยในการพิจารณาคำขอรับเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด",
             "จำนวนเงินสนับสนุนกองทุนผู้สูงอายุที่เบิกจ่ายได้ตามแผน")
    thresholds = ((80, 85, 90, 95, 100), (20, 18, 16, 14, 12),
                  (1_000_000, 1_250_000, 1_500_000, 1_750_000, 2_000_000))
    units = ("ร้อยละ", "วัน", "บาท")
    rows = zip(names, thresholds, units, weights, results, strict=True)
    for n, (name, levels, unit, weight, result) in enumerate(rows, 1):
        sheet.append([AGENCY, 2569, str(n), name, unit, weight, *levels, result])
    sheet["L2"].number_format = "0.00%"  # a percent-formatted cell holding a fraction, as Excel stores "92.33%"
    book.save(path)
    return path


def self_row(db: Path, code: str) -> tuple[str | None, str | None, str | None]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT result, comment, note FROM ratings WHERE code = ? AND evaluator = 'self' "
                           "AND round = 12", (code,)).fetchone()
    finally:
        conn.close()
    return row


def test_a_reimport_applies_only_what_the_file_changed_and_keeps_later_edits(workspace_path, tmp_path):
    first = workbook(tmp_path / "sar.xlsx", (0.9233333333333333, 15, 1_150_400))
    assert run_cli(workspace_path, "import", str(first)).returncode == 0
    assert self_row(workspace_path, "1")[0] == "92.33333333333333"  # the percentage the cell shows, exactly
    # The secretary corrects indicator 1 and comments on indicators 2 and 3 after the import.
    assert run_cli(workspace_path, "rate", "1", "1", "88", "--comment", "แก้ตามหลักฐานที่ส่งเพิ่ม").returncode == 0
    assert run_cli(workspace_path, "rate", "1", "2", "15", "--comment", "ตรวจสอบแล้ว").returncode == 0
    assert run_cli(workspace_path, "rate", "1", "3", "1150400", "--comment", "ตามใบเสร็จ").returncode == 0

    same = run_cli(workspace_path, "import", str(first))  # the same file again: nothing reverts
    assert same.returncode == 0 and "conflict" not in same.stderr
    assert self_row(workspace_path, "1")[:2] == ("88", "แก้ตามหลักฐานที่ส่งเพิ่ม")
    assert self_row(workspace_path, "2")[1] == "ตรวจสอบแล้ว"

    # The agency sends a corrected file: 1 changes (edited since: conflict), 2 changes (not edited: applied).
    second = workbook(tmp_path / "sar.xlsx", (0.95, 13, 1_150_400))
    done = run_cli(workspace_path, "import", str(second))
    assert done.returncode == 0, done.stderr
    assert "conflict" in done.stderr and "indicator 1" in done.stderr and "88" in done.stderr and "95" in done.stderr
    assert "indicator 2" not in done.stderr
    assert self_row(workspace_path, "1")[:2] == ("88", "แก้ตามหลักฐานที่ส่งเพิ่ม")  # the edit is kept
    assert self_row(workspace_path, "2") == ("13", "ตรวจสอบแล้ว", None)  # new figure, comment kept
    assert self_row(workspace_path, "3")[1] == "ตามใบเสร็จ"

    # The kept conflict is listed again (preview and import) until it is settled.
    with Workspace.open(workspace_path, read_only=True) as ws:
        reading = read_agreement_files([second], bundled_frameworks())
        assert [(c.code, str(c.stored), str(c.in_file)) for c in preview_conflicts(ws, reading.agreements)] \
            == [("1", "88", "95")]
    assert "indicator 1" in run_cli(workspace_path, "import", str(second)).stderr

    chosen = run_cli(workspace_path, "import", str(second), "--overwrite-edits")
    assert chosen.returncode == 0 and "the file's value was applied" in chosen.stderr
    assert self_row(workspace_path, "1")[:2] == ("95", "แก้ตามหลักฐานที่ส่งเพิ่ม")
    assert run_cli(workspace_path, "verify-log").returncode == 0


def test_a_private_note_survives_a_reimport(workspace_path, tmp_path):
    from decimal import Decimal

    from evaluator_app.domain.rating import Rating
    from evaluator_app.store.ratings import record_ratings

    first = workbook(tmp_path / "sar.xlsx", (0.92, 15, 1_150_400))
    assert run_cli(workspace_path, "import", str(first)).returncode == 0
    with Workspace.open(workspace_path) as ws:
        record_ratings(ws, 1, [(Rating("2", 12, result=Decimal(15), comment="ดี"), "บันทึกส่วนตัว", None)],
                       actor="secretary")
    again = workbook(tmp_path / "sar.xlsx", (0.92, 14, 1_150_400))
    assert run_cli(workspace_path, "import", str(again)).returncode == 0
    assert self_row(workspace_path, "2") == ("14", "ดี", "บันทึกส่วนตัว")


def test_changed_indicators_make_a_new_version(workspace_path, tmp_path):
    assert run_cli(workspace_path, "import", str(workbook(tmp_path / "a.xlsx", (0.92, 15, 1)))).returncode == 0
    done = run_cli(workspace_path, "import", str(workbook(tmp_path / "b.xlsx", (0.92, 15, 1), weights=(40, 40, 20))))
    assert done.returncode == 0 and "new draft version" in done.stdout
    versions = json.loads(run_cli(workspace_path, "versions", "1", "--json").stdout)
    assert len(versions if isinstance(versions, list) else versions["versions"]) == 2
    score = json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)
    assert [i["weight"] for i in score["indicators"]] == ["50", "30", "20"]  # the version in force is unchanged
