"""Inputs to refuse or clean (issue 13, item 10): wildcards in an agreement argument, terminal escapes and bidi
overrides in names and comments (terminal, exports, papers), over-long comments, "-0", a Latin-1 CSV, hidden
sheets. (--evaluator "", --out to a device or folder and --round 0 are in test_cli_top_level.py.)"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from evaluator_app.domain.display_text import MAX_TEXT_CHARS, has_unsafe_chars, shown
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest
from tests.safety.helpers import HEADERS, indicator_rows, run_cli
from tests.safety.test_cli_safety import make_workspace

HOSTILE_NAME = "กรมทดสอบ\x1b[2J\x1b]0;owned\x07 \u202eTXT.exe\u202c สำนักงาน\x9b31m"


def workspace_with(path: Path, *agencies: str) -> None:
    with Workspace.open(path) as ws:
        for agency in agencies:
            add_agreement(ws, example_agreement(agency), actor="secretary")


def test_percent_and_underscore_are_plain_characters(workspace_path):
    workspace_with(workspace_path, "กรมส่งเสริม 50% ทดสอบ", "กรมส่งเสริม_ทดสอบ", "กรมอื่นๆ")
    for wildcard in ("%%", "ก%ม", "ส_ง", "ม%ท"):  # as wildcards these would match one or all three
        done = run_cli(workspace_path, "score", wildcard, "--json")
        assert done.returncode == 2 and "no agreement matches" in done.stderr, (wildcard, done.stderr)
    for text, expected in (("%", 1), ("50%", 1), ("_", 2), ("ม_ท", 2)):  # the character itself
        assert json.loads(run_cli(workspace_path, "score", text, "--json").stdout)["id"] == expected


def test_escapes_and_bidi_overrides_are_shown_escaped_in_the_terminal(workspace_path):
    workspace_with(workspace_path, HOSTILE_NAME)
    for args in (["agreements"], ["score", "1"], ["agreements", "--json"], ["score", "1", "--json"]):
        done = run_cli(workspace_path, *args)
        assert done.returncode == 0, done.stderr
        assert not has_unsafe_chars(done.stdout.replace("\n", "")), args
        assert "\\u001b[2J" in done.stdout and "\\u202e" in done.stdout
    document = json.loads(run_cli(workspace_path, "agreements", "--json").stdout)
    assert document[0]["agency"] == HOSTILE_NAME  # JSON still carries the stored name, as JSON escapes
    comment = run_cli(workspace_path, "rate", "1", "1", "90", "--comment", "ดี\x1b[31mมาก\u2066")
    assert comment.returncode == 0 and "\x1b" not in comment.stdout + comment.stderr


def test_escapes_are_shown_escaped_in_exports(workspace_path, tmp_path):
    workspace_with(workspace_path, HOSTILE_NAME)
    assert run_cli(workspace_path, "rate", "1", "1", "90", "--comment", "ok\x1b[5m\u202e").returncode == 0
    out = tmp_path / "results.xlsx"
    done = run_cli(workspace_path, "export-results", "--out", str(out))
    assert done.returncode == 0, done.stderr
    texts = [c for sheet in openpyxl.load_workbook(out).worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert any(shown(HOSTILE_NAME) in t for t in texts)
    assert not any(has_unsafe_chars(t.replace("\n", "")) for t in texts)
    csv_out = tmp_path / "results.csv"
    assert run_cli(workspace_path, "export-results", "--out", str(csv_out)).returncode == 0
    for written in tmp_path.glob("results*.csv"):
        assert not has_unsafe_chars(written.read_text(encoding="utf-8-sig").replace("\n", "").replace("\r", ""))


def test_escapes_are_shown_escaped_on_papers(workspace_path, tmp_path):
    workspace_with(workspace_path, HOSTILE_NAME)
    out = tmp_path / "paper.pdf"
    done = run_cli(workspace_path, "agreement-paper", "1", "--out", str(out))
    if done.returncode != 0:  # the paper needs an agreed version: agree the imported one first
        assert run_cli(workspace_path, "agree", "1", "1").returncode == 0
        done = run_cli(workspace_path, "agreement-paper", "1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True).stdout
    page = text.decode("utf-8")
    assert "\x1b" not in page and "\u202e" not in page
    assert "u001b[2J" in page.replace(" ", "").replace("\n", "")


def test_a_comment_longer_than_an_excel_cell_is_refused_on_entry(workspace_path):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    done = run_cli(workspace_path, "rate", "1", "1", "90", "--comment", "ก" * (MAX_TEXT_CHARS + 1))
    assert done.returncode == 2 and "32,767" in done.stderr and "comment" in done.stderr
    assert file_digest(workspace_path) == before
    assert run_cli(workspace_path, "rate", "1", "1", "90", "--comment", "ก" * MAX_TEXT_CHARS).returncode == 0


def test_minus_zero_is_zero(workspace_path):
    make_workspace(workspace_path)
    for text in ("-0", "-0.00", "−0", "-๐"):
        done = run_cli(workspace_path, "rate", "1", "4", text)
        assert done.returncode == 0, done.stderr
        conn = sqlite3.connect(workspace_path)
        stored = conn.execute("SELECT result FROM ratings WHERE code = '4'").fetchone()[0]
        conn.close()
        assert not stored.startswith("-"), stored
        assert "-0" not in done.stdout


def csv_text(agency: str) -> str:
    lines = [",".join(HEADERS)] + [",".join(str(v) for v in row) for row in indicator_rows(agency, 2569, 4)]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("agency", ["Café de la Paix", "Crème brûlée Señor", "voilà À la carte", "ÉCOLE"])
def test_a_latin1_csv_is_refused_as_an_unknown_encoding(workspace_path, tmp_path, agency):
    make_workspace(workspace_path)
    before = file_digest(workspace_path)
    path = tmp_path / "latin1.csv"
    text = csv_text(agency).replace("ส่วนราชการ", "agency").replace("ปีงบประมาณ", "fiscal_year")
    # keep the Thai headers in ASCII-compatible form: a Latin-1 file cannot hold Thai at all
    headers = ["agency", "fiscal_year", "dimension", "code", "indicator", "unit", "weight", "level_1", "level_2",
               "level_3", "level_4", "level_5", "result"]
    text = "\r\n".join([",".join(headers), *text.split("\r\n")[1:]])
    path.write_bytes(text.replace("ร้อยละความสำเร็จของงานที่", "Taux de réussite").replace("ประสิทธิผล", "Efficacité")
                     .replace("ร้อยละ", "pourcentage").encode("latin-1"))
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 2, done.stdout
    assert "latin1.csv" in done.stderr and "UTF-8 or Windows-874" in done.stderr
    assert file_digest(workspace_path) == before


def test_a_windows_874_csv_still_imports(workspace_path, tmp_path):
    path = tmp_path / "thai.csv"
    path.write_bytes(csv_text("กรมส่งเสริมการเกษตร กระทรวงเกษตรและสหกรณ์ (ISO9001ได้รับรอง)").encode("cp874"))
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 0, done.stderr


def test_hidden_sheets_are_listed_and_skipped_unless_asked_for(workspace_path, tmp_path):
    book = openpyxl.Workbook()
    sheets = {"เปิดเผย": "visible", "ซ่อน": "hidden", "ซ่อนลึก": "veryHidden"}
    book.remove(book.active)
    for n, (title, state) in enumerate(sheets.items()):
        sheet = book.create_sheet(title)
        sheet.append(HEADERS)
        for row in indicator_rows(f"กรมในชีต{title}", 2569, 4, n):
            sheet.append(row)
        sheet.sheet_state = state
    path = book_path = tmp_path / "hidden.xlsx"
    book.save(book_path)
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "sheet 'ซ่อน' is hidden: skipped" in done.stderr and "sheet 'ซ่อนลึก' is very hidden: skipped" in done.stderr
    agencies = [a["agency"] for a in json.loads(run_cli(workspace_path, "agreements", "--json").stdout)]
    assert agencies == ["กรมในชีตเปิดเผย"]
    again = run_cli(workspace_path, "import", str(path), "--include-hidden")
    assert again.returncode == 0, again.stderr
    agencies = {a["agency"] for a in json.loads(run_cli(workspace_path, "agreements", "--json").stdout)}
    assert agencies == {f"กรมในชีต{t}" for t in sheets}


def test_hidden_sheets_in_the_preview(tmp_path):
    from evaluator_app.exchange.agreement_workbook import read_agreement_files
    from evaluator_app.store.framework_files import bundled_frameworks

    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    hidden = book.create_sheet("ลับ")
    hidden.append(HEADERS)
    for row in indicator_rows("กรมลับ", 2569, 4):
        hidden.append(row)
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "b.xlsx")
    frameworks = bundled_frameworks()
    reading = read_agreement_files([tmp_path / "b.xlsx"], frameworks)
    assert [(h.sheet, h.state, h.read) for h in reading.hidden_sheets] == [("ลับ", "hidden", False)]
    assert not reading.agreements
    reading = read_agreement_files([tmp_path / "b.xlsx"], frameworks, include_hidden=True)
    assert [a.agreement.agency for a in reading.agreements] == ["กรมลับ"]
    assert replace(reading.hidden_sheets[0], read=True) == reading.hidden_sheets[0]
