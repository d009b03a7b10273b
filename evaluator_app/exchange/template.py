"""The agreement import template (xlsx and its CSV twin) with one worked example; run to regenerate them.

    python -m evaluator_app.exchange.template [folder]     # default: resources/templates
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from evaluator_app.paths import resource

from .columns import COLUMNS, Column

TITLE = "แบบฟอร์มนำเข้าคำรับรองการปฏิบัติราชการ / Agreement import template"
NOTE = ("กรอกหนึ่งแถวต่อหนึ่งตัวชี้วัด คอลัมน์ที่มี * ต้องกรอก ถ้าใช้กรอบ 100 คะแนน (ปี 2560 เป็นต้นไป) ให้ใส่ "
        "opdc-2560-onward ในคอลัมน์กรอบการประเมิน และใช้เกณฑ์ 3 ระดับ (ขั้นต้น มาตรฐาน ขั้นสูง) เว้นเกณฑ์ 4-5 ว่าง / "
        "One row per indicator; columns marked * are required. For the 100-point scheme (from 2560) put "
        "opdc-2560-onward in the framework column and use 3 criteria levels, leaving levels 4-5 empty.")

AGENCY = "กรมตัวอย่าง"
YEAR = 2569

# The worked example, under the year's default five-level framework. Each dict is one row; a row with only a
# dimension and a title is a dimension header row, setting the dimension of the rows below it.
EXAMPLE: tuple[dict[str, object], ...] = (
    {"agency": AGENCY, "fiscal_year": YEAR, "dimension": "ประสิทธิผล", "name": "มิติที่ 1 ด้านประสิทธิผล"},
    {"code": "1", "name": "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณ", "unit": "ร้อยละ", "weight": 30,
     "level_1": 80, "level_2": 85, "level_3": 90, "level_4": 95, "level_5": 100, "target": "ร้อยละ 90",
     "baseline": "86.50", "kind": "เชิงปริมาณ", "result": 92, "round": 12,
     "description": "เงินที่เบิกจ่ายจริงเทียบกับงบประมาณที่ได้รับจัดสรร (ยิ่งสูงยิ่งดี)",
     "formula": "(เงินที่เบิกจ่าย × 100) ÷ งบประมาณที่ได้รับ", "data_source": "ระบบ GFMIS",
     "supervisor": "ผู้อำนวยการกองคลัง", "collector": "กองคลัง"},
    {"code": "2", "name": "การพัฒนาคุณภาพการให้บริการ", "weight": 40,
     "description": "ตัวชี้วัดแม่: คะแนนมาจากตัวชี้วัดย่อย 2.1 และ 2.2 จึงไม่มีเกณฑ์"},
    {"code": "2.1", "name": "ระยะเวลาเฉลี่ยในการให้บริการ", "unit": "วัน", "weight": 20,
     "level_1": 20, "level_2": 18, "level_3": 16, "level_4": 14, "level_5": 12, "target": "16", "baseline": "19",
     "kind": "เชิงปริมาณ", "result": 15, "round": 12, "description": "ยิ่งน้อยยิ่งดี (เกณฑ์ลดลง)",
     "data_source": "ระบบคิวบริการ", "collector": "ศูนย์บริการประชาชน"},
    {"code": "2.2", "name": "ระดับความสำเร็จของการพัฒนาระบบบริการอิเล็กทรอนิกส์", "unit": "ระดับความสำเร็จ",
     "weight": 20, "level_1": "แต่งตั้งคณะทำงานและจัดทำแผนพัฒนาระบบ", "level_2": "ออกแบบระบบและขั้นตอนบริการ",
     "level_3": "พัฒนาระบบและทดสอบกับผู้ใช้บริการ", "level_4": "เปิดให้บริการครบทุกหน่วยบริการ",
     "level_5": "ประเมินความพึงพอใจและรายงานผู้บริหาร", "target": "ระดับ 3", "kind": "ระดับความสำเร็จ",
     "result": 4, "round": 12, "description": "ผลคือระดับขั้นตอนที่ทำสำเร็จ (0-5)",
     "supervisor": "ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศ"},
    {"dimension": "การพัฒนาองค์การ", "name": "มิติที่ 2 ด้านการพัฒนาองค์การ"},
    {"code": "3", "name": "ร้อยละของบุคลากรที่ผ่านการพัฒนาทักษะดิจิทัล", "unit": "ร้อยละ", "weight": 30,
     "level_1": 60, "level_2": 65, "level_3": 70, "level_4": 75, "level_5": 80, "target": "ร้อยละ 70",
     "baseline": "55", "kind": "เชิงปริมาณ", "result": 72.5, "round": 12, "data_source": "ทะเบียนการฝึกอบรม",
     "collector": "กองการเจ้าหน้าที่"},
)

_NOTES = {
    "level_1": "กรอบ 100 คะแนน: ขั้นต้น (50 คะแนน) / 100-point scheme: basic",
    "level_2": "กรอบ 100 คะแนน: มาตรฐาน (70 คะแนน) / 100-point scheme: standard",
    "level_3": "กรอบ 100 คะแนน: ขั้นสูง (100 คะแนน) / 100-point scheme: advanced",
    "level_4": "เว้นว่างในกรอบ 100 คะแนน / leave empty under the 100-point scheme",
    "level_5": "เว้นว่างในกรอบ 100 คะแนน / leave empty under the 100-point scheme",
    "round": "รอบที่กรอบการประเมินกำหนด เช่น 3, 6, 9 หรือ 12 (เดือน) ว่าง = 12 / a round of the framework, e.g. 3, 6, "
             "9 or 12 months; empty means 12",
    "scoring": "ว่าง = ตามเกณฑ์: ตัวเลขคิดเทียบบัญญัติไตรยางศ์ ช่วง (60 - 69.99, 90 ขึ้นไป) คิดทั้งระดับ / empty: plain "
               "numbers interpolate, ranges (60 - 69.99, ≥ 90) score the whole level (banded)",
    "kind": "เชิงปริมาณ (numeric) หรือ ระดับความสำเร็จ (milestone)",
    "framework": "ว่าง = กรอบปกติของปีนั้น / empty: the year's default framework",
}


def header_text(column: Column, line_break: str = "\n") -> str:
    """Thai header, "*" when required, English in parentheses: the importer reads it whole or line by line."""
    star = " *" if column.required else ""
    return f"{column.thai}{star}{line_break}({column.english})"


def write_template(path: Path) -> None:
    """The xlsx template: merged title rows, a wrapped Thai/English header row and the worked example."""
    book = Workbook()
    sheet = book.active
    sheet.title = "คำรับรอง"
    last = get_column_letter(len(COLUMNS))
    for row, text, size in ((1, TITLE, 16), (2, NOTE, 11)):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row, 1, text)
        cell.font = Font(name="TH Sarabun New", size=size, bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[2].height = 36
    header_row = 4  # row 3 is a spacer, as in published forms
    thin = Side(style="thin", color="999999")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(header_row, index, header_text(column))
        cell.font = Font(name="TH Sarabun New", size=14, bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7" if column.required else "F2F2F2")
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        if column.name in _NOTES:
            cell.comment = Comment(_NOTES[column.name], "evaluator-app")
        width = 40 if column.name in ("name", "description", "formula") else 22 if "level" in column.name else 14
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[header_row].height = 40
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    for offset, values in enumerate(EXAMPLE, start=1):
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(header_row + offset, index, values.get(column.name))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.name == "code":
                cell.number_format = "@"  # keeps 1.10 from turning into the number 1.1
    first, last_row = header_row + 1, header_row + len(EXAMPLE)
    for index in (1, 2):  # agency and year merged down the agreement, as published tables do
        letter = get_column_letter(index)
        sheet.merge_cells(f"{letter}{first}:{letter}{last_row}")
        sheet.cell(first, index).alignment = Alignment(vertical="center", wrap_text=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def write_csv_template(path: Path) -> None:
    """The CSV twin, UTF-8 with BOM and CRLF as Excel writes "CSV UTF-8"; merged cells left empty below."""
    blank = [""] * len(COLUMNS)
    rows = [[TITLE, *blank[1:]], [NOTE, *blank[1:]], blank,
            [header_text(c, " ") for c in COLUMNS]]
    for values in EXAMPLE:
        rows.append(["" if values.get(c.name) is None else str(values[c.name]) for c in COLUMNS])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else resource("templates")
    write_template(folder / "agreement-template.xlsx")
    write_csv_template(folder / "agreement-template.csv")


if __name__ == "__main__":
    main()
