"""The report commands as a secretary uses them: report, verify (exit codes and the changed indicator), rate refused
on an issued round, reopen-report, signing with PEM files, report --all, agreement-paper, summary, export-results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator_app.cli import main
from evaluator_app.reports.signing import make_self_signed
from tests.test_cli import ROWS, run_cli, write_workbook

AGENCY = "กรมทดสอบระบบ"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    second = [[f"{AGENCY}สอง" if i == 0 else c for i, c in enumerate(row)] for row in ROWS[:1]]
    second[0][6] = 100
    assert main(["--db", str(path), "import", str(write_workbook(tmp_path / "a.xlsx", ROWS)),
                 str(write_workbook(tmp_path / "b.xlsx", second))]) == 0
    # The committee verifies: it accepts the reported results (an explicit act) before a report can be issued.
    for agreement in ("1", "2"):
        assert main(["--db", str(path), "--as", "secretary", "accept", agreement, "--all-reported"]) == 0
    return path


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), "--as", "secretary", *args])


def test_report_verify_refuse_reopen_and_name_the_changed_indicator(db, tmp_path, capsys):
    pdf = tmp_path / "report.pdf"
    assert cli(db, "report", AGENCY, "--out", str(pdf), "--digits", "arabic") == 0
    assert "รหัสตรวจสอบ / code" in capsys.readouterr().out
    assert cli(db, "verify", str(pdf)) == 0
    assert "match the sealed report and the current data" in capsys.readouterr().out
    # The round is issued: a change is refused (exit 2) until the report is reopened with a reason.
    assert cli(db, "rate", AGENCY, "2", "17") == 2
    assert "reopen-report" in capsys.readouterr().err
    assert cli(db, "reopen-report", AGENCY, "--round", "12", "--reason", "หลักฐานใหม่จากส่วนราชการ") == 0
    assert cli(db, "rate", AGENCY, "2", "17") == 0
    capsys.readouterr()
    assert cli(db, "verify", str(pdf), "--json") == 1
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] is False and document["reports"][0]["changed_indicators"] == ["2"]
    assert {"code": "2", "field": "self.result", "old": "15", "new": "17"} in document["reports"][0]["changes"]
    # Not a report of this app: nothing to check (exit 2).
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert cli(db, "verify", str(other)) == 2


def test_signed_report_with_pem_files_verifies_and_a_flipped_byte_fails(db, tmp_path, capsys, monkeypatch):
    identity = make_self_signed("ประธานกรรมการทดสอบ", b"pass-phrase")
    (tmp_path / "chair.pem").write_bytes(identity.certificate)
    (tmp_path / "chair.key").write_bytes(identity.private_key)
    monkeypatch.setenv("EVALUATOR_SIGN_PASSPHRASE", "pass-phrase")
    pdf = tmp_path / "signed.pdf"
    assert cli(db, "report", AGENCY, "--out", str(pdf), "--sign", "--cert", str(tmp_path / "chair.pem"),
               "--key", str(tmp_path / "chair.key")) == 0
    assert "signed" in capsys.readouterr().out
    assert cli(db, "verify", str(pdf)) == 0
    assert "ใช้ได้ / valid" in capsys.readouterr().out
    data = bytearray(pdf.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    assert cli(db, "verify", str(tampered)) == 1
    assert "NOT valid" in capsys.readouterr().out
    # The workspace's own identity: made on first use, key encrypted with the passphrase from the environment.
    own = tmp_path / "own.pdf"
    assert cli(db, "agreement-paper", AGENCY, "--out", str(own), "--sign") == 0
    assert cli(db, "verify", str(own)) == 0
    monkeypatch.setenv("EVALUATOR_SIGN_PASSPHRASE", "wrong")
    assert cli(db, "summary", "--year", "2569", "--out", str(tmp_path / "s.pdf"), "--sign") == 2


def test_report_all_draws_in_worker_processes_when_the_batch_is_long(db, tmp_path, monkeypatch):
    # Forced for two agreements (a real batch uses the pool from reports/drawing_pool.py POOL_FROM reports).
    from evaluator_app.reports import batch

    monkeypatch.setattr(batch, "use_pool", lambda count: True)
    monkeypatch.setattr(batch, "pool_workers", lambda: 2)
    out = tmp_path / "year"
    assert cli(db, "report", "--all", "--year", "2569", "--out", str(out), "--digits", "arabic") == 0
    written = sorted(out.glob("*.pdf"))
    assert len(written) == 2 and all(cli(db, "verify", str(path)) == 0 for path in written)


def test_batch_summary_agreement_paper_and_export(db, tmp_path, capsys):
    out = tmp_path / "year"
    assert cli(db, "report", "--all", "--year", "2569", "--out", str(out), "--digits", "arabic") == 0
    assert len(list(out.glob("*.pdf"))) == 2
    combined = tmp_path / "year.pdf"
    assert cli(db, "report", "--all", "--year", "2569", "--out", str(combined), "--combined") == 0
    assert cli(db, "verify", str(combined)) == 0
    assert cli(db, "summary", "--year", "2569", "--out", str(tmp_path / "summary.pdf"), "--digits", "arabic") == 0
    text = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "summary.pdf")).pages)
    assert AGENCY in text and "3.4500" in text
    assert cli(db, "agreement-paper", AGENCY, "--out", str(tmp_path / "agreement.pdf")) == 0
    assert cli(db, "export-results", "--year", "2569", "--out", str(tmp_path / "results.xlsx")) == 0
    assert (tmp_path / "results.xlsx").exists()
    capsys.readouterr()
    # Refusals are plain (exit 2), never a traceback.
    assert cli(db, "report", "--out", str(tmp_path / "x.pdf")) == 2
    assert cli(db, "report", "--all", "--out", str(out)) == 2
    assert cli(db, "export-results", "--out", str(tmp_path / "results.txt")) == 2
    assert cli(db, "reopen-report", AGENCY, "--round", "6", "--reason", "ไม่มีรายงาน") == 2


def test_the_real_process_issues_and_verifies(db, tmp_path):
    pdf = tmp_path / "real.pdf"
    made = run_cli("report", AGENCY, "--out", str(pdf), db=db)
    assert made.returncode == 0, made.stderr
    checked = run_cli("verify", str(pdf), db=db)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_accept_committee_and_report_all_skipping_what_cannot_be_issued(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    second = [[f"{AGENCY}สอง" if i == 0 else c for i, c in enumerate(row)] for row in ROWS[:1]]
    second[0][6] = 100
    assert main(["--db", str(path), "import", str(write_workbook(tmp_path / "a.xlsx", ROWS)),
                 str(write_workbook(tmp_path / "b.xlsx", second))]) == 0
    assert cli(path, "accept", "1", "--all-reported") == 0
    assert "accepted as reported" in capsys.readouterr().out
    assert cli(path, "accept", "2") == 2  # neither codes nor --all-reported
    assert cli(path, "committee", "--member", "ศาสตราจารย์สมชาย ใจดี|ผู้ทรงคุณวุฒิ|ประธานกรรมการ", "--json") == 0
    settings = json.loads(capsys.readouterr().out)
    assert settings["signatories"] == [{"name": "ศาสตราจารย์สมชาย ใจดี", "position": "ผู้ทรงคุณวุฒิ",
                                        "role": "ประธานกรรมการ"}]
    # Agreement 2 is not confirmed: listed first with the reason, skipped; agreement 1 is written; exit 2.
    out = tmp_path / "year"
    assert cli(path, "report", "--all", "--year", "2569", "--out", str(out), "--digits", "arabic") == 2
    captured = capsys.readouterr()
    assert "cannot issue: 2" in captured.err and "no committee figure" in captured.err
    assert len(list(out.glob("*.pdf"))) == 1 and "written" in captured.out
    # A single report refused names the indicators (exit 2); its draft prints.
    assert cli(path, "report", "2", "--out", str(tmp_path / "two.pdf")) == 2
    assert "have no committee figure" in capsys.readouterr().err
    assert cli(path, "report", "2", "--out", str(tmp_path / "two.pdf"), "--draft") == 0
    assert cli(path, "accept", "2", "1", "--withdraw") == 2  # not accepted: nothing to withdraw


def test_report_all_with_agency_names_longer_than_a_file_name_can_hold(tmp_path, capsys):
    # 90 Thai characters are 270 bytes of UTF-8: more than the 255 most file systems allow in one name.
    agency = ("สำนักงานคณะกรรมการพัฒนาระบบราชการและการส่งเสริมธรรมาภิบาลในหน่วยงานภาครัฐส่วนกลางและส่วนภูมิภาค"
              "ทั่วประเทศ")
    assert len(agency) >= 90 and len(agency.encode("utf-8")) > 255
    rows = [[agency if i == 0 else c for i, c in enumerate(row)] for row in ROWS]
    db = tmp_path / "w.sqlite"
    assert main(["--db", str(db), "import", str(write_workbook(tmp_path / "long.xlsx", rows))]) == 0
    assert cli(db, "accept", "1", "--all-reported") == 0
    out = tmp_path / "year"
    assert cli(db, "report", "--all", "--year", "2569", "--out", str(out), "--digits", "arabic") == 0
    (paper,) = out.glob("*.pdf")
    assert len(paper.name.encode("utf-8")) <= 160 and paper.name.startswith("0001-สำนักงานคณะกรรมการ")
    assert paper.name.endswith("-2569-r12.pdf")
    assert cli(db, "verify", str(paper)) == 0
