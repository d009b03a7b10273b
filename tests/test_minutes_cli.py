"""`minutes` on the command line with the meeting's number, date, place and attendees; refusals exit 2 and write
no file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement
from tests.parties_data import LONG_AGENCY
from tests.test_cli import run_cli

SESSION = "ครั้งที่ 2/2569"


def flat(path: Path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", normalise_thai_for_compare(text))


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One negotiated workspace for the module (each command is a process of its own: about a second)."""
    path = tmp_path_factory.mktemp("minutes") / "w.sqlite"
    with Workspace.open(path) as ws:
        add_agreement(ws, example_agreement(LONG_AGENCY), actor="sec")
    done = run_cli("propose", "1", "--weights", "1=45", "4=25", "--side", "agency", "--session", SESSION,
                   "--reason", "ส่วนราชการขอเพิ่มน้ำหนักความพึงพอใจ", db=path)
    assert done.returncode == 0, done.stderr
    done = run_cli("agree", "1", "2", "--minute", "เห็นชอบตามที่ส่วนราชการเสนอ", "--session", SESSION, db=path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def db(negotiated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "w.sqlite"
    copy.write_bytes(negotiated.read_bytes())
    return copy


def test_minutes_with_the_meeting_given_on_the_command_line(db, tmp_path):
    out = tmp_path / "minutes.pdf"
    done = run_cli("minutes", "1", "--out", str(out), "--session", SESSION, "--date", "20/11/2568",
                   "--place", "ห้องประชุม 1 ชั้น 3", "--attendee", "นายประธาน ทดสอบ|ประธานกรรมการ|ผู้ทรงคุณวุฒิ",
                   "--attendee", "นางเลขา ทดสอบ|กรรมการและเลขานุการ", "--attendee", "นายผู้แทน ส่วนราชการ|ผู้แทนส่วนราชการ",
                   db=db)
    assert done.returncode == 0, done.stderr
    text = flat(out)
    for expected in ("การประชุมครั้งที่๒/๒๕๖๙", "เมื่อวันที่๒๐พฤศจิกายนพ.ศ.๒๕๖๘", "ณห้องประชุม๑ชั้น๓",
                     "นายประธานทดสอบผู้ทรงคุณวุฒิประธานกรรมการ", "(นางเลขาทดสอบ)", "(นายประธานทดสอบ)",
                     "เห็นชอบคำรับรองฉบับที่๒", "เสนอโดยส่วนราชการ"):
        assert expected in text, expected


def test_arabic_digits_and_a_number_without_a_session(db, tmp_path):
    out = tmp_path / "arabic.pdf"
    done = run_cli("minutes", "1", "--out", str(out), "--number", "5/2569", "--digits", "arabic", db=db)
    assert done.returncode == 0, done.stderr
    assert "การประชุมครั้งที่5/2569" in flat(out)


@pytest.mark.parametrize("arguments, message", [
    (["--date", "31/02/2569"], "--date: ไม่มีวันที่"),
    (["--date", "พรุ่งนี้"], "a date is YYYY-MM-DD or DD/MM/YYYY"),
    (["--attendee", "|ประธาน"], "--attendee: ต้องมีชื่อผู้เข้าประชุม"),
    (["--place", "ห้อง\x07"], "--place:"),
    (["--session", "ครั้งที่ 99"], "no version was proposed or agreed in meeting 'ครั้งที่ 99'"),
])
def test_bad_options_are_refused_with_exit_2_and_no_file(db, tmp_path, arguments, message):
    out = tmp_path / "refused.pdf"
    done = run_cli("minutes", "1", "--out", str(out), *arguments, db=db)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
