"""Writing real test files the way Excel would save them: xlsx with merged cells, CSV in Thai Windows encodings."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

Rows = Sequence[Sequence[object]]

# Tuples, so that a test editing its rows cannot change the header for the tests after it.
HEADER_TH = ("ส่วนราชการ", "ปีงบประมาณ", "มิติ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก",
             "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลการดำเนินงาน", "รอบ")
HEADER_EN = ("agency", "fiscal_year", "dimension", "code", "indicator", "unit", "weight",
             "level_1", "level_2", "level_3", "level_4", "level_5", "result", "round")
AGENCY = "กรมทดสอบ"


def indicator(code: str, weight: object, levels: Sequence[object] = (), *, name: str | None = None,
              unit: str = "ร้อยละ", result: object = "", round_: object = 12, dimension: str = "",
              agency: str = AGENCY, year: object = 2553) -> list[object]:
    """One row in HEADER_TH order."""
    padded = [*levels, *[""] * (5 - len(levels))]
    return [agency, year, dimension, code, name or f"ตัวชี้วัด {code}", unit, weight, *padded, result, round_]


def section9_rows(year: object = 2553, agency: str = AGENCY) -> list[list[object]]:
    """§9's four indicators, weights 50/20/10/20; self results scoring 3.4, 3.5, 5 and 2.75."""
    return [
        indicator("1", 50, (80, 85, 90, 95, 100), result=92, agency=agency, year=year),
        indicator("2", 20, (20, 18, 16, 14, 12), unit="วัน", result=15, agency=agency, year=year),
        indicator("3", 10, (1, 2, 3, 4, 5), unit="ระดับ", result=5, agency=agency, year=year),
        indicator("4", 20, (1000, 1100, 1200, 1300, 1400), unit="บาท", result=1175, agency=agency, year=year),
    ]


def write_xlsx(path: Path, rows: Rows, merges: Sequence[str] = (), sheet: str = "Sheet1",
               more_sheets: dict[str, Rows] | None = None) -> Path:
    """Row i of `rows` is Excel row i + 1; None and '' leave the cell empty (as Excel does)."""
    book = Workbook()
    first = book.active
    first.title = sheet
    for target, content in ((first, rows), *((book.create_sheet(n), r) for n, r in (more_sheets or {}).items())):
        for r, row in enumerate(content, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    target.cell(r, c, value)
    for area in merges:
        first.merge_cells(area)
    book.save(path)
    return path


def csv_bytes(rows: Rows, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if v is None else str(v) for v in row] for row in rows])
    return buffer.getvalue().encode(encoding)


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    path.write_bytes(csv_bytes(rows, encoding, delimiter))
    return path
