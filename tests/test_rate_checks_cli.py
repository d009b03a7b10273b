"""`evaluator-app rate` with the checks while typing (issue 14): warnings on stderr and saved, --strict refuses them,
refusals write nothing; the warning kept is stored with the rating and in its audit entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from evaluator_app.store.audit import audit_entries
from tests.conftest import file_digest
from tests.test_cli import ROWS, run_cli, write_workbook

AGENCY = "กรมทดสอบระบบ"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    imported = run_cli("import", str(write_workbook(tmp_path / "a.xlsx", ROWS)), db=path)
    assert imported.returncode == 0, imported.stderr
    return path


def stored(db: Path, code: str) -> tuple[str | None, str | None]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT result, confirmed_warning FROM ratings WHERE code = ? AND evaluator = 'self' "
                           "AND round = 12", (code,)).fetchone()
        return (row[0], row[1]) if row else (None, None)
    finally:
        conn.close()


def test_a_plausible_result_says_nothing_on_stderr(db):
    done = run_cli("rate", AGENCY, "1", "95", db=db)
    assert done.returncode == 0 and done.stderr == ""
    assert stored(db, "1") == ("95", None)


def test_minus_five_for_a_percentage_is_saved_with_its_warning_on_stderr(db):
    done = run_cli("rate", AGENCY, "1", "-5", db=db)
    assert done.returncode == 0, done.stderr
    assert "คำเตือน / warning" in done.stderr and "indicator 1" in done.stderr and "field 'result'" in done.stderr
    assert "outside 0 to 100" in done.stderr and "ร้อยละ" in done.stderr
    assert "result -5" in done.stdout
    result, warning = stored(db, "1")
    assert result == "-5" and warning is not None and "outside 0 to 100" in warning
    conn = sqlite3.connect(db)
    try:
        [entry, *_] = audit_entries(conn, "rating")
    finally:
        conn.close()
    assert entry.after is not None and entry.after["result"] == "-5"
    assert "outside 0 to 100" in entry.after["confirmed_warning"]


def test_strict_refuses_a_warning_and_writes_nothing(db):
    before = file_digest(db)
    done = run_cli("rate", AGENCY, "1", "150", "--strict", db=db)
    assert done.returncode == 2
    assert "indicator 1" in done.stderr and "outside 0 to 100" in done.stderr and "nothing was written" in done.stderr
    assert file_digest(db) == before
    assert stored(db, "1") == ("92", None)


def test_a_fractional_level_of_a_whole_level_milestone_is_refused_naming_indicator_and_field(db):
    before = file_digest(db)
    done = run_cli("rate", AGENCY, "3", "3.5", db=db)
    assert done.returncode == 2
    assert "indicator 3, field 'result'" in done.stderr and "whole level" in done.stderr
    assert "จำนวนเต็ม" in done.stderr and "Traceback" not in done.stderr
    assert file_digest(db) == before


def test_a_29_digit_result_is_refused_without_a_traceback(db):
    before = file_digest(db)
    done = run_cli("rate", AGENCY, "4", "12345678901234567890123456789", db=db)
    assert done.returncode == 2
    assert "29 digits" in done.stderr and "indicator 4" in done.stderr and "Traceback" not in done.stderr
    assert file_digest(db) == before


def test_a_later_plausible_result_forgets_the_warning(db):
    assert run_cli("rate", AGENCY, "2", "-1", db=db).returncode == 0
    assert stored(db, "2")[1] is not None
    assert run_cli("rate", AGENCY, "2", "15", db=db).returncode == 0
    assert stored(db, "2") == ("15", None)
