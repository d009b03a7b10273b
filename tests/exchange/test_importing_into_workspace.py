"""Importing into a workspace: a new agreement, later results for the same one, and changed indicators refused."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.ratings import load_ratings
from tests.conftest import file_digest

HEADERS = ["ส่วนราชการ", "ปีงบประมาณ", "ตัวชี้วัดที่", "ตัวชี้วัด", "น้ำหนัก",
           "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลการดำเนินงาน", "รอบ"]


def workbook(path, weights=(60, 40), results=(92, 15), round_=12):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["กรมทดสอบ", 2569, "1", "ร้อยละความสำเร็จ", weights[0], 80, 85, 90, 95, 100, results[0], round_])
    sheet.append(["กรมทดสอบ", 2569, "2", "ระยะเวลาเฉลี่ย", weights[1], 20, 18, 16, 14, 12, results[1], round_])
    book.save(path)
    return path


def test_later_results_file_updates_results_only(workspace, tmp_path):
    first = import_agreement_files(workspace, [workbook(tmp_path / "a.xlsx")], actor="secretary")
    assert [a[1] for a in first.added] == ["กรมทดสอบ"]
    again = import_agreement_files(workspace, [workbook(tmp_path / "a.xlsx")], actor="secretary")
    assert again.added == [] and [u[1] for u in again.unchanged] == ["กรมทดสอบ"]
    later = import_agreement_files(workspace, [workbook(tmp_path / "b.xlsx", results=(95, 13), round_=9)],
                                   actor="secretary")
    assert [(u[1], u[3]) for u in later.results_updated] == [("กรมทดสอบ", 2)]
    agreement_id = list_agreements(workspace)[0].id
    assert load_ratings(workspace, agreement_id, 9)["1"].rating.result == D(95)
    assert load_ratings(workspace, agreement_id, 12)["1"].rating.result == D(92)
    assert len(list_agreements(workspace)) == 1


def test_changed_indicators_are_refused_and_nothing_written(workspace, workspace_path, tmp_path):
    import_agreement_files(workspace, [workbook(tmp_path / "a.xlsx")], actor="secretary")
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError, match=r"already exists .* with different indicators"):
        import_agreement_files(workspace, [workbook(tmp_path / "c.xlsx", weights=(50, 50))], actor="secretary")
    assert file_digest(workspace_path) == before
