"""A workbook as Excel saves it (merged titles, spacer rows, dimension rows, messy numbers) reads into §9's figures."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pandas as pd

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.framework import framework_for_year
from evaluator_app.domain.scoring import score_agreement
from evaluator_app.exchange.agreement_workbook import load_agreement_files, read_agreement_files

from .builders import HEADER_TH, section9_rows, write_xlsx


def section9_workbook(path: Path, weight_of_1: object = 50, levels_of_3: tuple = (1, 2, 3, 4, 5)) -> Path:
    """Rows 1-2 merged titles, row 3 blank, row 4 headers, row 5 blank, dimension rows 6 and 10, spacer row 9.

    Agency and year are merged down A6:A12 and B6:B12, so only row 6 holds them.
    """
    header = list(HEADER_TH)
    header[3] = "ตัวชี้วัด\nที่"  # a header broken over two lines inside its cell
    header[6] = "น้ำหนัก\n(ร้อยละ)"
    rows: list[list[object]] = [
        ["คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๕๓"],
        ["กรมทดสอบ กระทรวงตัวอย่าง"],
        [],
        header,
        [],
        ["กรมทดสอบ", 2553.0, None, "มิติที่ 1 ด้านประสิทธิผล"],
        [None, None, None, 1, "ร้อยละความสำเร็จของการเบิกจ่าย", "ร้อยละ", weight_of_1, 80, 85, 90, 95, 100, "๙๒", 12],
        [None, None, None, "2", "ระยะเวลาเฉลี่ยในการให้บริการ", "วัน", "20", 20, 18, 16, 14, 12, 15.0, "12 เดือน"],
        [],
        [None, None, None, None, "มิติที่ 4 ด้านการพัฒนาองค์การ"],
        [None, None, None, 3, "ระดับความสำเร็จของการพัฒนาระบบ", "ระดับ", "10%", *levels_of_3, "5", "รอบ 12 เดือน"],
        [None, None, "คุณภาพการให้บริการ", "4", "ร้อยละความพึงพอใจ", "บาท", " 20 ",
         "1,000", "1,100", "1,200", "1,300", "1,400", "1,175.00", None],
    ]
    return write_xlsx(path, rows, merges=["A1:N1", "A2:N2", "A6:A12", "B6:B12"])


def test_pandas_keeps_excel_row_numbers_with_merged_titles_and_blank_rows(tmp_path):
    # The assumption every message rests on: frame row i is Excel row i + 1, blank rows included.
    path = section9_workbook(tmp_path / "a.xlsx")
    frame = pd.read_excel(path, header=None, dtype=object, sheet_name=None, engine="openpyxl")["Sheet1"]
    assert frame.iloc[3, 0] == "ส่วนราชการ"  # Excel row 4
    assert frame.iloc[5, 3] == "มิติที่ 1 ด้านประสิทธิผล"  # Excel row 6
    assert frame.iloc[10, 3] == 3  # Excel row 11
    assert frame.iloc[4].isna().all() and frame.iloc[8].isna().all()


def test_reads_section9_agreement_and_scores_it(tmp_path, frameworks):
    path = section9_workbook(tmp_path / "agreements.xlsx")
    reading = read_agreement_files([path], frameworks)
    assert reading.problems == ()
    (imported,) = reading.agreements
    agreement = imported.agreement
    assert imported.source == "agreements.xlsx, sheet 'Sheet1'"
    assert (agreement.agency, agreement.fiscal_year, agreement.framework_id) == ("กรมทดสอบ", 2553, "opdc-2547-2554")
    assert [i.code for i in agreement.indicators] == ["1", "2", "3", "4"]
    assert [i.weight for i in agreement.indicators] == [D(50), D(20), D(10), D(20)]
    # dimension header rows name the dimension by a framework alias; the framework's own name is stored
    assert [i.dimension for i in agreement.indicators] == [
        "ประสิทธิผล", "ประสิทธิผล", "การพัฒนาองค์การ", "คุณภาพการให้บริการ"]
    one = agreement.indicator("1")
    assert str(one.thresholds) == "80 85 90 95 100" and one.unit == "ร้อยละ"
    assert one.name == "ร้อยละความสำเร็จของการเบิกจ่าย"
    assert agreement.indicator("3").kind is IndicatorKind.MILESTONE  # unit ระดับ
    assert str(agreement.indicator("4").thresholds) == "1000 1100 1200 1300 1400"
    assert [(r.code, r.round, r.evaluator, r.result) for r in imported.self_ratings] == [
        ("1", 12, "self", D(92)), ("2", 12, "self", D(15)), ("3", 12, "self", D(5)), ("4", 12, "self", D(1175))]

    framework = framework_for_year(frameworks, 2553)
    sheet = score_agreement(agreement, {r.code: r for r in imported.self_ratings}, framework)
    assert [sheet.indicator(c).score for c in "1234"] == [D("3.4000"), D("3.5000"), D("5.0000"), D("2.7500")]
    assert sheet.total == D("3.4500")
    assert sheet.eligible


def test_preview_rows_carry_excel_row_numbers_and_roles(tmp_path, frameworks):
    reading = read_agreement_files([section9_workbook(tmp_path / "a.xlsx")], frameworks)
    roles = {r.row: r.role for r in reading.rows}
    assert roles == {1: "title", 2: "title", 3: "title", 4: "title", 5: "blank", 6: "dimension-header",
                     7: "indicator", 8: "indicator", 9: "blank", 10: "dimension-header", 11: "indicator",
                     12: "indicator"}
    row8 = next(r for r in reading.rows if r.row == 8)
    assert row8.values["code"] == "2" and row8.values["result"] == "15" and row8.values["agency"] == ""
    assert row8.file == "a.xlsx" and row8.sheet == "Sheet1"


def test_problem_lands_on_the_excel_row_below_merged_titles_and_blank_rows(tmp_path, frameworks):
    path = section9_workbook(tmp_path / "a.xlsx", levels_of_3=(40, 50, 60, 60, 70))
    reading = read_agreement_files([path], frameworks)
    (problem,) = reading.problems
    assert (problem.file, problem.sheet, problem.row) == ("a.xlsx", "Sheet1", 11)
    assert problem.column == "เกณฑ์ 1 – เกณฑ์ 5"
    assert "row 11" in problem.en and "levels 3 and 4 are equal (60)" in problem.en
    assert "แถว 11" in problem.th
    assert reading.agreements == ()


def test_a_non_number_weight_is_named_by_cell_and_no_sum_problem_follows(tmp_path, frameworks):
    reading = read_agreement_files([section9_workbook(tmp_path / "a.xlsx", weight_of_1="abc")], frameworks)
    (problem,) = reading.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("a.xlsx", "Sheet1", 7, "น้ำหนัก (ร้อยละ)")
    assert problem.en == "column 'น้ำหนัก (ร้อยละ)', expected a number, got 'abc'"
    assert problem.th == "คอลัมน์ 'น้ำหนัก (ร้อยละ)' ต้องเป็นตัวเลข แต่พบ 'abc'"


def test_every_sheet_with_a_header_is_read_and_others_ignored(tmp_path, frameworks):
    rows = [HEADER_TH, ["กรมหนึ่ง", 2553, "", "1", "ก", "ร้อยละ", 100, 1, 2, 3, 4, 5, 3, 12]]
    other = [HEADER_TH, ["กรมสอง", 2553, "", "1", "ข", "ร้อยละ", 100, 1, 2, 3, 4, 5, 4, 12]]
    path = write_xlsx(tmp_path / "many.xlsx", rows,
                      more_sheets={"หมายเหตุ": [["คำอธิบาย", "ไม่ใช่ตาราง"]], "กรมสอง": other})
    agreements = load_agreement_files([path], frameworks)
    assert [(a.agreement.agency, a.source) for a in agreements] == [
        ("กรมหนึ่ง", "many.xlsx, sheet 'Sheet1'"), ("กรมสอง", "many.xlsx, sheet 'กรมสอง'")]


def test_table_starting_below_and_right_of_a1_keeps_row_numbers(tmp_path, frameworks):
    # Nothing at all in rows 1-3 or columns A-B: openpyxl's stored dimension starts at C4.
    rows = [[], [], [], ["", "", *HEADER_TH], *(["", "", *r] for r in section9_rows())]
    rows[5][2 + 6] = "ห้าสิบ"  # weight of indicator 2, Excel row 6, column I
    reading = read_agreement_files([write_xlsx(tmp_path / "c4.xlsx", rows)], frameworks)
    (problem,) = reading.problems
    assert (problem.row, problem.column) == (6, "น้ำหนัก")
    assert [r.row for r in reading.rows if r.role == "indicator"] == [5, 6, 7, 8]
