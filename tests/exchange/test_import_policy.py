"""The import policy: refuse only what makes a score impossible or ambiguous, import the rest with warnings that
name file, sheet, row and column, stored with the agreement version."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal as D

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange.agreement_workbook import load_agreement_files, read_agreement_files
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import list_agreements, load_agreement
from evaluator_app.store.evaluation import score_sheet
from evaluator_app.store.frameworks import get_framework, save_framework
from evaluator_app.store.import_warnings import agreement_warnings, version_warnings
from tests.conftest import file_digest

from .builders import HEADER_TH, indicator, section9_rows, write_csv, write_xlsx

AGENCY = "มหาวิทยาลัยตัวอย่างแห่งการเรียนรู้ตลอดชีวิตเพื่อการพัฒนาท้องถิ่นอย่างยั่งยืน คณะวิทยาศาสตร์"
NAME = ("ร้อยละของหลักสูตรระดับปริญญาตรีที่ผ่านการประเมินคุณภาพการศึกษาภายในระดับหลักสูตรตามเกณฑ์มาตรฐาน"
        "ที่สำนักงานคณะกรรมการการอุดมศึกษากำหนด โดยมีผลการประเมินอยู่ในระดับดีขึ้นไป")


def university_rows() -> list[list[object]]:
    """A unit's published 2561 shape: five indicators whose weights sum to 102, codes 1.1 and 1.2 with no row 1."""
    common = {"agency": AGENCY, "year": 2561}
    return [
        indicator("1.1", 25, (60, 70, 80, 90, 100), name=NAME, result="92.33333333333333", **common),
        indicator("1.2", 20, (60, 70, 80, 90, 100), result=80, **common),
        indicator("2", 25, (1, 2, 3, 4, 5), unit="ระดับ", result=3, **common),
        indicator("3", 20, ("5,000,000", "6,000,000", "7,000,000", "8,000,000", "9,000,000"), unit="บาท",
                  result="7,250,000", **common),
        indicator("4", 12, (20, 18, 16, 14, 12), unit="วัน", result=13, **common),
    ]


def test_orphan_sub_codes_and_weights_summing_to_102_import_as_written_with_warnings(tmp_path, frameworks):
    path = write_xlsx(tmp_path / "unit.xlsx", [["คำรับรองการปฏิบัติราชการ"], HEADER_TH, *university_rows()],
                      sheet="ตัวชี้วัด")
    reading = read_agreement_files([path], frameworks)
    assert reading.problems == ()
    (imported,) = reading.agreements
    assert [i.code for i in imported.agreement.top_level()] == ["1.1", "1.2", "2", "3", "4"]
    places = [(w.file, w.sheet, w.row, w.column, w.indicator) for w in imported.warnings]
    assert places == [
        ("unit.xlsx", "ตัวชี้วัด", 3, "ตัวชี้วัดที่", "1.1"),
        ("unit.xlsx", "ตัวชี้วัด", 3, "น้ำหนัก", None),  # the sum, on the first row's weight
        ("unit.xlsx", "ตัวชี้วัด", 4, "ตัวชี้วัดที่", "1.2"),
    ]
    assert imported.warnings == reading.warnings
    assert "indicator 1.1 has no row 1: it is taken as a top-level indicator, keeping its code 1.1" in (
        imported.warnings[0].en)
    assert "weights sum to 102, not 100: each weighted score is score × weight / 102" in imported.warnings[1].en
    assert all(w.th and w.warning for w in imported.warnings)


def test_warnings_are_stored_with_the_version_and_the_divisor_is_sum_of_weights(workspace, tmp_path):
    path = write_csv(tmp_path / "unit.csv", [HEADER_TH, *university_rows()], encoding="cp874")
    summary = import_agreement_files(workspace, [path], actor="secretary")
    assert len(summary.warnings) == 3
    (listed,) = list_agreements(workspace)
    stored = load_agreement(workspace, listed.id)
    assert version_warnings(workspace, stored.version_id) == tuple(summary.warnings)
    assert agreement_warnings(workspace, listed.id) == tuple(summary.warnings)
    # also in the audit entry of the import
    (after,) = workspace.conn.execute("SELECT after FROM audit_log WHERE action = 'import agreement'").fetchone()
    assert len(json.loads(after)["warnings"]) == 3
    sheet = score_sheet(workspace, listed.id)
    assert sheet.counted_weight == D(102)
    # 92.333... against 60..100 scores 4.2333; 80 -> 3; level 3 -> 3; 7,250,000 -> 3.25; 13 days -> 4.5
    assert [(i.code, str(i.score), str(i.weighted)) for i in sheet.indicators] == [
        ("1.1", "4.2333", "1.0376"), ("1.2", "3.0000", "0.5882"), ("2", "3.0000", "0.7353"),
        ("3", "3.2500", "0.6373"), ("4", "4.5000", "0.5294")]
    assert sheet.total == D("3.5278")


def test_strict_import_and_a_strict_framework_refuse_warnings_and_write_nothing(workspace, workspace_path,
                                                                                tmp_path):
    path = write_csv(tmp_path / "unit.csv", [HEADER_TH, *university_rows()])
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError) as strict:
        import_agreement_files(workspace, [path], actor="secretary", strict=True)
    assert len(strict.value.problems) == 3 and not any(p.warning for p in strict.value.problems)
    assert file_digest(workspace_path) == before
    framework = get_framework(workspace, "five-level-2560-onward")
    save_framework(workspace, replace(framework, strict_import=True), actor="chair")
    with pytest.raises(ProblemsError):
        import_agreement_files(workspace, [path], actor="secretary")
    assert list_agreements(workspace) == []


def test_dimension_weights_unlike_the_framework_and_unknown_names_warn(tmp_path, frameworks):
    # opdc-2555-2559 expects ประสิทธิผล 60 / คุณภาพ 10 / มิติภายใน 30; a department wrote 75 / 25 and its own name
    rows = [
        indicator("1", 75, (80, 85, 90, 95, 100), dimension="มิติด้านประสิทธิผล", year=2558),
        indicator("2", 25, (1, 2, 3, 4, 5), unit="ระดับ", dimension="มิติด้านการบริหารจัดการองค์การ", year=2558),
    ]
    (imported,) = load_agreement_files([write_csv(tmp_path / "d.csv", [HEADER_TH, *rows])], frameworks)
    assert [i.dimension for i in imported.agreement.indicators] == ["ประสิทธิผล", "มิติด้านการบริหารจัดการองค์การ"]
    expected, unknown = imported.warnings
    assert (expected.row, expected.column) == (2, "มิติ")
    assert "expects dimension 'ประสิทธิผล' at 60, but its indicators sum to 75" in expected.en
    assert (unknown.row, unknown.column) == (3, "มิติ")
    assert "dimension 'มิติด้านการบริหารจัดการองค์การ' is not one of framework opdc-2555-2559's" in unknown.en


def test_real_refusals_still_refuse_with_row_and_column(tmp_path, frameworks):
    rows = section9_rows()
    rows[2][7:12] = [40, 50, 60, 60, 70]
    rows.append(indicator("2", 0, (1, 2, 3, 4, 5), unit="ระดับ"))
    reading = read_agreement_files([write_csv(tmp_path / "r.csv", [HEADER_TH, *rows])], frameworks)
    assert reading.agreements == ()
    flat, duplicate = reading.problems
    assert (flat.row, flat.column) == (4, "เกณฑ์ 1 – เกณฑ์ 5") and "levels 3 and 4 are equal (60)" in flat.en
    assert (duplicate.row, duplicate.column) == (6, "ตัวชี้วัดที่") and "duplicate row: indicator 2" in duplicate.en


def test_a_milestone_unit_with_numeric_criteria_warns_naming_the_row(tmp_path, frameworks):
    rows = section9_rows()
    rows[2][5] = "ระดับความสำเร็จ"
    rows[2][7:13] = [60, 70, 80, 90, 100, 85]  # numbers, not levels: a measured value's criteria
    (imported,) = load_agreement_files([write_csv(tmp_path / "m.csv", [HEADER_TH, *rows])], frameworks)
    assert imported.agreement.indicator("3").kind.value == "numeric"
    (warning,) = imported.warnings
    assert (warning.file, warning.row, warning.column, warning.indicator) == ("m.csv", 4, "เกณฑ์ 1 – เกณฑ์ 5", "3")
    assert "unit 'ระดับความสำเร็จ' reads as a milestone, but its criteria are the numbers 60 70 80 90 100" in (
        warning.en)
    # levels 1..5 written as numbers are a milestone's own criteria: no warning
    plain = section9_rows()
    (imported,) = load_agreement_files([write_csv(tmp_path / "p.csv", [HEADER_TH, *plain])], frameworks)
    assert imported.warnings == () and imported.agreement.indicator("3").kind.value == "milestone"


def banded_rows(scoring: str = "") -> tuple[list[str], list[list[object]]]:
    header = [*HEADER_TH, "วิธีคิดคะแนน"]
    rows = section9_rows(year=2566)
    rows[0][7:13] = ["น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 69.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99",
                     "ร้อยละ 90 ขึ้นไป", 84]
    rows[1][7:12] = ["มากกว่า 20 วัน", "16-20 วัน", "11-15 วัน", "6-10 วัน", "ไม่เกิน 5 วัน"]
    return header, [[*row, scoring if n == 0 else ""] for n, row in enumerate(rows)]


def test_ranges_import_as_banded_and_score_the_whole_level(workspace, tmp_path):
    header, rows = banded_rows()
    import_agreement_files(workspace, [write_csv(tmp_path / "b.csv", [header, *rows])], actor="secretary")
    (listed,) = list_agreements(workspace)
    agreement = load_agreement(workspace, listed.id).agreement
    assert [i.thresholds.method.value for i in agreement.indicators] == [
        "banded", "banded", "interpolated", "interpolated"]
    assert str(agreement.indicator("2").thresholds) == "> 20 | 16 – 20 | 11 – 15 | 6 – 10 | ≤ 5"
    sheet = score_sheet(workspace, listed.id)
    # 84 in 80 - 89.99 scores 4 (not 4.4); 15 days in 11-15 scores 3
    assert [str(i.score) for i in sheet.indicators] == ["4.0000", "3.0000", "5.0000", "2.7500"]


def test_a_scoring_column_makes_ranges_interpolate_from_where_each_level_starts(tmp_path, frameworks):
    header, rows = banded_rows("เทียบบัญญัติไตรยางศ์")
    rows[0][7] = "50 - 59.99"  # interpolation needs level 1's start
    (imported,) = load_agreement_files([write_csv(tmp_path / "i.csv", [header, *rows])], frameworks)
    thresholds = imported.agreement.indicator("1").thresholds
    assert thresholds.method.value == "interpolated" and str(thresholds) == "50 60 70 80 90"
    rows[0][7] = "น้อยกว่าร้อยละ 60"
    reading = read_agreement_files([write_csv(tmp_path / "j.csv", [header, *rows])], frameworks)
    (problem,) = reading.problems
    assert (problem.row, problem.column) == (2, "เกณฑ์ 1 – เกณฑ์ 5")
    assert "interpolation needs where each level starts, but level 1 (< 60) has no start" in problem.en


def test_overlapping_bands_are_refused_with_row_and_columns_and_never_suggest_milestone(tmp_path, frameworks):
    header, rows = banded_rows()
    rows[0][8:10] = ["ร้อยละ 60 - 70", "ร้อยละ 70 - 79.99"]
    reading = read_agreement_files([write_csv(tmp_path / "o.csv", [header, *rows])], frameworks)
    (problem,) = reading.problems
    assert (problem.file, problem.row, problem.column) == ("o.csv", 2, "เกณฑ์ 1 – เกณฑ์ 5")
    assert "criteria bands overlap: levels 2 (60 – 70) and 3 (70 – 79.99)" in problem.en
    assert "milestone" not in problem.en and "ระดับความสำเร็จ" not in problem.th
    rows[0][8:10] = ["ร้อยละ 60 ถึงประมาณ 70", "ร้อยละ 70 - 79.99"]  # a range not understood
    (problem,) = read_agreement_files([write_csv(tmp_path / "w.csv", [header, *rows])], frameworks).problems
    assert "expected a number or a band such as 80, 60 - 69.99" in problem.en and "milestone" not in problem.en
