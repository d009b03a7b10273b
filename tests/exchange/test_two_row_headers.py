"""The usual OPDC form: "เกณฑ์การให้คะแนน" over 1 2 3 4 5 and "ผลการประเมินตนเอง" over ผล / คะแนน, merged or not."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.exchange.agreement_workbook import load_agreement_files

from .builders import write_csv, write_xlsx

AGENCY = "สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ และหน่วยงานในกำกับที่ได้รับมอบหมาย"
UPPER = ["ส่วนราชการ", "ปีงบประมาณ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (ร้อยละ)",
         "เกณฑ์การให้คะแนน", "", "", "", "", "ผลการประเมินตนเอง", ""]
LOWER = ["", "", "", "", "", "", "1", "2", "3", "4", "5", "ผล", "คะแนน"]
ROWS = [
    [AGENCY, "2566", "1.1", "ร้อยละของผู้รับบริการที่พึงพอใจ", "ร้อยละ", 60, 80, 85, 90, 95, 100, 92, "3.4000"],
    [AGENCY, "2566", "1.2", "ระยะเวลาเฉลี่ยในการอนุมัติ", "วัน", 40, 20, 18, 16, 14, 12, 15, "3.5000"],
]


@pytest.mark.parametrize("shape", ["merged", "first cell only", "repeated in every cell", "csv"])
def test_a_two_row_header_is_read_as_one(tmp_path, frameworks, shape):
    upper = list(UPPER)
    if shape == "repeated in every cell":
        upper[7:11] = ["เกณฑ์การให้คะแนน"] * 4
        upper[12] = "ผลการประเมินตนเอง"
    # a title above, and the header repeated after the first row (as printed pages repeat it)
    rows = [["คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2566"], upper, LOWER, ROWS[0], upper, LOWER, ROWS[1]]
    if shape == "csv":
        path = write_csv(tmp_path / "form.csv", rows)
    else:
        merges = ("G2:K2", "L2:M2", "A2:A3", "C2:C3") if shape == "merged" else ()
        path = write_xlsx(tmp_path / "form.xlsx", rows, merges=merges)
    (imported,) = load_agreement_files([path], frameworks)
    agreement = imported.agreement
    assert [str(i.thresholds) for i in agreement.indicators] == ["80 85 90 95 100", "20 18 16 14 12"]
    assert [(r.code, r.result) for r in imported.self_ratings] == [("1.1", D(92)), ("1.2", D(15))]
    assert agreement.agency == AGENCY and agreement.fiscal_year == 2566
