"""The command line as a secretary would use it: real files, a real workspace, the real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import file_digest
from tests.reports.helpers import comparable, pypdf_pages

HEADERS = ["ส่วนราชการ", "ปีงบประมาณ", "มิติ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก",
           "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลการดำเนินงาน"]
ROWS = [
    ["กรมทดสอบระบบ", 2569, "ประสิทธิผล", "1", "ร้อยละความสำเร็จ", "ร้อยละ", 50, 80, 85, 90, 95, 100, 92],
    [None, None, "ประสิทธิผล", "2", "ระยะเวลาเฉลี่ย", "วัน", 20, 20, 18, 16, 14, 12, "๑๕"],
    [None, None, "การพัฒนาองค์การ", "3", "ระดับความสำเร็จ", "ระดับความสำเร็จ", 10, 1, 2, 3, 4, 5, 5],
    [None, None, "คุณภาพการให้บริการ", "4", "ความพึงพอใจ", "ร้อยละ", 20, 70, 75, 80, 85, 90, "78.75%"],
]


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "evaluator_app"]
    if db is not None:
        command += ["--db", str(db)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=120)


def write_workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "คำรับรอง"
    sheet.append(["คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2569"])
    sheet.merge_cells("A1:M1")
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_then_score_json_gives_the_documented_figures(tmp_path):
    db = tmp_path / "w.sqlite"
    imported = run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=db)
    assert imported.returncode == 0, imported.stderr
    listed = json.loads(run_cli("agreements", "--json", db=db).stdout)
    assert [(a["agency"], a["fiscal_year"], a["indicators"]) for a in listed] == [("กรมทดสอบระบบ", 2569, 4)]
    scored = run_cli("score", "กรมทดสอบระบบ", "--json", db=db)
    assert scored.returncode == 0, scored.stderr
    document = json.loads(scored.stdout)
    assert document["total"] == "3.4500"
    assert document["eligible"] is True
    assert [(i["code"], i["weight"], i["result"], i["score"], i["weighted"]) for i in document["indicators"]] == [
        ("1", "50", "92", "3.4000", "1.7000"),
        ("2", "20", "15", "3.5000", "0.7000"),
        ("3", "10", "5", "5.0000", "0.5000"),
        ("4", "20", "78.75", "2.7500", "0.5500"),
    ]
    assert {d["name"]: d["subtotal"] for d in document["dimensions"]}["ประสิทธิผล"] == "2.4000"
    # (3.4 x 50 + 3.5 x 20) / 70 on the 1-5 scale, beside the subtotal
    assert {d["name"]: d["average"] for d in document["dimensions"]}["ประสิทธิผล"] == "3.4286"
    assert document["divisor"] == "100"


def test_rate_accepts_thai_digits_and_separators_for_an_evaluator(tmp_path):
    db = tmp_path / "w.sqlite"
    run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=db)
    for code, result in [("1", "๙๒"), ("2", "1,5"), ("3", "5"), ("4", " 78.75 % ")]:
        rated = run_cli("rate", "1", code, result, "--evaluator", "member1", db=db)
        if code == "2":  # "1,5" is not a thousands-grouped number: refused, not read as 15
            assert rated.returncode == 2 and "must be a number" in rated.stderr
            rated = run_cli("rate", "1", code, "๑๕.๐", "--evaluator", "member1", db=db)
        assert rated.returncode == 0, rated.stderr
    document = json.loads(run_cli("score", "1", "--evaluator", "member1", "--json", db=db).stdout)
    assert document["total"] == "3.4500"
    # the self-assessment is a separate column group, untouched by the member's ratings
    assert json.loads(run_cli("score", "1", "--json", db=db).stdout)["total"] == "3.4500"


def _weights_short(rows):
    rows[0][6] = 40


def _duplicated_code(rows):
    rows[1][3] = "1"


def _overlapping_bands(rows):
    rows[0][7:12] = ["น้อยกว่า 80", "80 - 85", "85 - 89.99", "90 - 94.99", "95 ขึ้นไป"]


def _flat_thresholds(rows):
    rows[0][7:12] = [40, 50, 60, 60, 70]


def _weight_in_words(rows):
    rows[1][6] = "ยี่สิบ"


@pytest.mark.parametrize(("change", "expected"), [
    (_duplicated_code, "duplicate row: indicator 1, round 12"),
    (_overlapping_bands, "row 4, column 'เกณฑ์ 1 – เกณฑ์ 5'"),
    (_overlapping_bands, "criteria bands overlap: levels 2 (80 – 85) and 3 (85 – 89.99)"),
    (_flat_thresholds, "levels 3 and 4 are equal (60)"),
    (_flat_thresholds, "row 4, column 'เกณฑ์ 1 – เกณฑ์ 5'"),
    (_weight_in_words, "expected a number"),
])
def test_bad_workbook_is_refused_with_exit_2_and_nothing_written(tmp_path, change, expected):
    db = tmp_path / "w.sqlite"
    assert run_cli("import", str(write_workbook(tmp_path / "good.xlsx", ROWS)), db=db).returncode == 0
    before = file_digest(db)
    second = [list(row) for row in ROWS]
    second[0][0] = "กรมที่สอง"
    change(second)
    refused = run_cli("import", str(write_workbook(tmp_path / "bad.xlsx", second)), db=db)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert "bad.xlsx" in refused.stderr and expected in refused.stderr
    assert "nothing was written" in refused.stderr
    assert file_digest(db) == before


def test_warnings_go_to_stderr_with_exit_0_and_strict_refuses_them(tmp_path):
    db = tmp_path / "w.sqlite"
    rows = [list(row) for row in ROWS]
    _weights_short(rows)
    path = write_workbook(tmp_path / "short.xlsx", rows)
    strict = run_cli("import", "--strict", str(path), db=db)
    assert strict.returncode == 2 and "nothing was written" in strict.stderr
    assert "short.xlsx, sheet 'คำรับรอง', row 4, column 'น้ำหนัก'" in strict.stderr
    assert "weights sum to 90, not 100" in strict.stderr
    imported = run_cli("import", str(path), db=db)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.startswith("คำเตือน / warning: short.xlsx, sheet 'คำรับรอง', row 4, column 'น้ำหนัก'")
    assert "น้ำหนักรวมได้ 90 ไม่ใช่ 100" in imported.stderr
    assert "each weighted score is score × weight / 90" in imported.stderr
    document = json.loads(run_cli("score", "1", "--json", db=db).stdout)
    # 3.4 x 40 / 90, 3.5 x 20 / 90, 5 x 10 / 90, 2.75 x 20 / 90, each rounded half-up; the total is their sum
    assert [i["weighted"] for i in document["indicators"]] == ["1.5111", "0.7778", "0.5556", "0.6111"]
    assert document["total"] == "3.4556"


def test_banded_criteria_score_the_whole_level_and_json_gives_the_method(tmp_path):
    db = tmp_path / "w.sqlite"
    rows = [list(row) for row in ROWS]
    rows[0][7:13] = ["น้อยกว่าร้อยละ 80", "ร้อยละ 80 - 84.99", "ร้อยละ 85 - 89.99", "ร้อยละ 90 - 94.99",
                     "ร้อยละ 95 ขึ้นไป", 92]
    assert run_cli("import", str(write_workbook(tmp_path / "b.xlsx", rows)), db=db).returncode == 0
    document = json.loads(run_cli("score", "1", "--json", db=db).stdout)
    first = document["indicators"][0]
    assert (first["method"], first["score"], first["weighted"]) == ("banded", "4.0000", "2.0000")
    assert document["indicators"][1]["method"] == "interpolated"
    assert "(แบบช่วง / banded)" in run_cli("score", "1", db=db).stdout.splitlines()[2]
    paper = tmp_path / "agreement.pdf"
    printed = run_cli("agreement-paper", "1", "--out", str(paper), db=db)
    assert printed.returncode == 0, printed.stderr
    text = "".join(comparable(page).replace(" ", "").replace("\u00a0", "") for page in pypdf_pages(paper))
    assert "ระดับ๓:๘๕–๘๙.๙๙" in text  # on one line: never broken inside a band
    assert "คิดคะแนนแบบช่วง" in text and "ระดับ๕:≥๙๕" in text


def test_adjust_keeps_the_computed_score_beside_the_committees_with_its_reason(tmp_path):
    import sqlite3

    db = tmp_path / "w.sqlite"
    run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=db)
    reason = "ไม่ส่งรายงานความก้าวหน้า 1 ครั้ง หัก 0.2"
    adjusted = run_cli("adjust", "1", "3", "4.8", "--reason", reason, db=db)
    assert adjusted.returncode == 0, adjusted.stderr
    assert f"3: 4.8000 (ปรับจาก / adjusted from 5.0000: {reason})" in adjusted.stdout
    document = json.loads(run_cli("score", "1", "--json", db=db).stdout)
    third = document["indicators"][2]
    assert (third["computed"], third["adjusted"], third["reason"], third["score"], third["weighted"]) == (
        "5.0000", "4.8000", reason, "4.8000", "0.4800")
    assert document["indicators"][0]["adjusted"] is None and document["total"] == "3.4300"
    assert f"(ปรับจาก / adjusted from 5.0000: {reason})" in run_cli("score", "1", db=db).stdout
    with sqlite3.connect(db) as conn:
        (after,) = conn.execute("SELECT after FROM audit_log WHERE entity = 'rating' ORDER BY id DESC").fetchone()
    assert json.loads(after)["adjusted_score"] == "4.8" and json.loads(after)["adjust_reason"] == reason
    before = file_digest(db)
    for args, message in [(("3", "4.8"), "an adjusted score needs a reason"),
                          (("3", "7", "--reason", "x"), "an adjusted score must lie between 0 and 5"),
                          (("3", "สี่"), "the score must be a number"),
                          (("3",), "give SCORE with --reason, or --clear")]:
        refused = run_cli("adjust", "1", *args, db=db)
        assert refused.returncode == 2 and message in refused.stderr and "Traceback" not in refused.stderr
    assert file_digest(db) == before
    cleared = run_cli("adjust", "1", "3", "--clear", db=db)
    assert cleared.returncode == 0 and "3: 5.0000" in cleared.stdout
    assert json.loads(run_cli("score", "1", "--json", db=db).stdout)["total"] == "3.4500"


def test_the_report_prints_dimension_averages_the_divisor_and_the_import_warnings(tmp_path):
    db = tmp_path / "w.sqlite"
    rows = [list(row) for row in ROWS]
    rows[0][3], rows[0][6] = "1.1", 52  # no row 1; weights sum to 102
    assert run_cli("import", str(write_workbook(tmp_path / "u.xlsx", rows)), db=db).returncode == 0
    accepted = run_cli("accept", "1", "--all-reported", db=db)  # the committee accepts the agency's figures
    assert accepted.returncode == 0, accepted.stderr
    out = tmp_path / "report.pdf"
    printed = run_cli("report", "1", "--out", str(out), "--digits", "arabic", db=db)
    assert printed.returncode == 0, printed.stderr
    text = " ".join(comparable(page) for page in pypdf_pages(out))
    flat = "".join(text.split())
    assert "น้ำหนักที่นับรวมได้102:คะแนนถ่วงน้ำหนัก=คะแนน×น้ำหนัก/102" in flat
    assert "นำเข้าตามที่เขียน(u.xlsx,ชีตคำรับรอง,แถว4,คอลัมน์ตัวชี้วัดที่):ตัวชี้วัด1.1ไม่มีแถวตัวชี้วัด1" in flat
    # ประสิทธิผล: (3.4 x 52 + 3.5 x 20) / 72 = 3.4278 on the 1-5 scale
    assert "รวมมิติที่1ประสิทธิผล723.42782.41963.42782.4196" in flat  # weight, average, subtotal (/ 102), twice


def test_result_out_of_range_is_refused_in_thai_and_english(tmp_path):
    db = tmp_path / "w.sqlite"
    run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=db)
    before = file_digest(db)
    refused = run_cli("rate", "1", "3", "7", db=db)
    assert refused.returncode == 2
    assert "ระดับความสำเร็จต้องอยู่ระหว่าง 0 ถึง 5" in refused.stderr
    assert "a milestone result is a level from 0 to 5, got 7" in refused.stderr
    assert file_digest(db) == before


def test_unknown_agreement_and_missing_workspace_are_refused(tmp_path):
    db = tmp_path / "w.sqlite"
    run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=db)
    assert "no agreement matches 'กรมไม่มีจริง'" in run_cli("score", "กรมไม่มีจริง", db=db).stderr
    missing = run_cli("score", "1", db=tmp_path / "typo.sqlite")
    assert missing.returncode == 2 and "workspace file not found" in missing.stderr
    assert not (tmp_path / "typo.sqlite").exists()


def test_demo_workspace_scores_without_a_window():
    listed = run_cli("--demo", "agreements", "--json")
    assert listed.returncode == 0, listed.stderr
    agencies = {a["agency"] for a in json.loads(listed.stdout)}
    assert {"กรมส่งเสริมการเกษตร", "กรมพัฒนาฝีมือแรงงาน", "สำนักงานสถิติแห่งชาติ"} <= agencies
    scored = json.loads(run_cli("--demo", "score", "กรมพัฒนาฝีมือแรงงาน", "--evaluator", "member1", "--json").stdout)
    # 11,000 people against 8,000..12,000 -> 4; 70% -> 3; 97.5% against 92..100 -> 3.75; milestone level 3 -> 3
    assert [i["score"] for i in scored["indicators"]] == ["4.0000", "3.0000", "3.7500", "3.0000"]
    assert scored["total"] == "3.5500"  # 1.6 + 0.6 + 0.75 + 0.6


def test_commands_without_as_are_recorded_under_the_person_chosen_for_the_workspace(tmp_path):
    db = tmp_path / "w.sqlite"
    assert run_cli("import", str(write_workbook(tmp_path / "u.xlsx", ROWS)), db=db).returncode == 0
    nobody = run_cli("whoami", db=db)
    assert nobody.returncode == 0 and "nobody chosen yet" in nobody.stdout
    assert run_cli("whoami", "self", db=db).returncode == 2  # reserved for the agency's own figures
    chosen = run_cli("whoami", "สมศรี ใจดี", db=db)
    assert chosen.returncode == 0 and chosen.stdout.strip() == "สมศรี ใจดี"
    accepted = run_cli("accept", "1", "--all-reported", db=db)
    assert accepted.returncode == 0 and "by สมศรี ใจดี" in accepted.stdout
    explicit = run_cli("--as", "secretary", "setting", "rounds.monthly", "on", db=db)
    assert explicit.returncode == 0
    import sqlite3

    with sqlite3.connect(db) as conn:
        actors = set(conn.execute("SELECT action, actor FROM audit_log WHERE action IN "
                                  "('accept reported result', 'change setting')").fetchall())
    assert actors == {("accept reported result", "สมศรี ใจดี"), ("change setting", "secretary")}
