"""Importing into a workspace: a new agreement, later results for the same one, changed indicators as a new draft."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl

from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.ratings import load_ratings

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


def test_changed_indicators_make_a_new_draft_version_never_a_silent_change(workspace, tmp_path):
    """Issue 13, item 4: the file's indicators become a new draft version; the version in force is untouched and
    the file's results wait for the new version to be agreed."""
    from evaluator_app.store.versions import list_versions

    import_agreement_files(workspace, [workbook(tmp_path / "a.xlsx")], actor="secretary")
    agreement_id = list_agreements(workspace)[0].id
    changed = import_agreement_files(workspace, [workbook(tmp_path / "c.xlsx", weights=(50, 50), results=(70, 20))],
                                     actor="secretary")
    assert [(v[1], v[3]) for v in changed.new_versions] == [("กรมทดสอบ", 2)]
    versions = list_versions(workspace, agreement_id)
    assert [v.status.value for v in versions] == ["agreed", "draft"] or [v.number for v in versions] == [1, 2]
    assert [i.weight for i in versions[0].indicators] == [D(60), D(40)]
    assert [i.weight for i in versions[1].indicators] == [D(50), D(50)]
    assert load_ratings(workspace, agreement_id, 12)["1"].rating.result == D(92)  # not silently changed
    again = import_agreement_files(workspace, [workbook(tmp_path / "c.xlsx", weights=(50, 50))], actor="secretary")
    assert [v[3] for v in again.new_versions] == [2] and len(list_versions(workspace, agreement_id)) == 2
