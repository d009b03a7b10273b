"""Writes the agreement corpus (tests/corpus/files/) and, beside each file, the JSON of its expected figures.

Run from the repository root:  python tests/corpus/make_corpus.py
The generated files are committed; run this again only to change the corpus, then commit both.

Each file is modelled on the shape of a published Thai performance-agreement table (README.md says which); the
content is our own. The expected figures come from hand_figures.py (the domain document's rules in Decimal, no app
code). The meaning of each row (weight in percent, result, thresholds or bands) is written here next to how the file
writes it, so that a reviewer can see that "๘๐", "ร้อยละ 80" and a 0.8 cell formatted "0%" are all 80.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hand_figures import (  # run as a script, beside its worksheet
    MILESTONE,
    THREE_LEVEL_MILESTONE,
    Item,
    Rule,
    above,
    at_least,
    at_most,
    banded,
    banded_thresholds,
    below,
    between,
    figures,
    interpolated,
    three_level,
)

D = Decimal
HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
FIVE_LEVEL_REWARD = D("3.0000")  # §1; the 100-point framework file says 70


def th(text: object) -> str:
    """Thai digits, as many agencies type them."""
    return str(text).translate(THAI)


@dataclass(frozen=True)
class Fmt:
    """An xlsx cell value with its number format (percent cells, thousands separators)."""

    value: object
    number_format: str


@dataclass(frozen=True)
class Formula:
    """An xlsx formula; only LibreOffice (which calculates) writes its cached value."""

    text: str


@dataclass
class Row:
    """One indicator row: the cells as written, and what they mean for the hand figures."""

    code: str
    name: str
    unit: str
    weight: object  # the weight cell as written
    criteria: tuple[object, ...]  # the five criteria cells as written; () on a parent row
    result: object  # the result cell as written
    meaning: Item  # weight in percent, rule, results per round
    dim: str = ""
    round: object = None  # the รอบ cell as written
    extra: dict[str, object] = field(default_factory=dict)  # other columns by key


@dataclass
class Table:
    """One agreement table as a sheet lays it out."""

    agency: str
    year: object  # as written in the first row
    rows: list[Row]
    columns: list[tuple[str, str]]  # (key, header) in sheet order
    title: list[str] = field(default_factory=list)  # title rows above the header
    two_row: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # group header -> [(key, sub header)]
    dimension_rows: bool = False  # a row naming each dimension instead of a มิติ column
    fill_down: bool = True  # agency and year only on the first indicator row
    blank_after_title: bool = True
    repeat_header_before: str | None = None  # a printed table repeats its header above this code (page 2)
    sheet: str = "Sheet1"
    dimension_label: dict[str, str] = field(default_factory=dict)  # dimension -> text of its heading row
    merge_down: tuple[str, ...] = ()  # columns whose equal cells are merged vertically (ส่วนราชการ, มิติ)
    footer: list[dict[str, object]] = field(default_factory=list)  # rows below the table (รวม, หมายเหตุ, ลงชื่อ)


def cell_for(table: Table, row: Row, key: str, first: bool) -> object:
    if key == "agency":
        return table.agency if first or not table.fill_down else None
    if key == "year":
        return table.year if first or not table.fill_down else None
    if key.startswith("l") and key[1:].isdigit():
        return row.criteria[int(key[1:]) - 1] if row.criteria else None
    return {"dim": row.dim, "code": row.code, "name": row.name, "unit": row.unit, "weight": row.weight,
            "result": row.result, "round": row.round}.get(key, row.extra.get(key))


def layout(table: Table) -> tuple[list[list[object]], dict[tuple[str, int], int], int]:
    """The grid of a table (title, header, rows) and the 1-based row of each (code, round); the header's last row."""
    grid: list[list[object]] = [[t] for t in table.title]
    if table.title and table.blank_after_title:
        grid.append([])
    keys = [k for k, _ in table.columns]
    header_top: list[object] = []
    header_sub: list[object] = []
    grouped = {k: (group, sub) for group, members in table.two_row.items() for k, sub in members}
    for key, text in table.columns:
        if key in grouped:
            group, sub = grouped[key]
            header_top.append(group if header_top.count(group) == 0 else None)
            header_sub.append(sub)
        else:
            header_top.append(text)
            header_sub.append(None)
    header = [header_top] + ([header_sub] if table.two_row else [])
    grid.extend(header)
    header_end = len(grid)
    where: dict[tuple[str, int], int] = {}
    dimension = None
    first = True
    for row in table.rows:
        if table.repeat_header_before == row.code:
            grid.extend(header)
        if table.dimension_rows and row.dim != dimension:
            heading: list[object] = [None] * len(keys)
            heading[keys.index("name")] = table.dimension_label.get(row.dim, row.dim)
            if first:
                heading[keys.index("agency")] = table.agency
                heading[keys.index("year")] = table.year
            grid.append(heading)
            dimension = row.dim
        grid.append([cell_for(table, row, k, first) for k in keys])
        first = False
        where[(row.code, _round_of(row))] = len(grid)
    for footer in table.footer:
        grid.append([footer.get(k) for k in keys])
    return grid, where, header_end


def _round_of(row: Row) -> int:
    return _round_key(row.round)


def write_xlsx(path: Path, tables: list[Table]) -> dict[str, tuple[dict[tuple[str, int], int], int]]:
    book = Workbook()
    book.remove(book.active)
    placed = {}
    for table in tables:
        sheet = book.create_sheet(table.sheet)
        grid, where, header_end = layout(table)
        width = len(table.columns)
        for r, values in enumerate(grid, start=1):
            for c, value in enumerate(values, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, Fmt):
                    cell.value = value.value
                    cell.number_format = value.number_format
                elif isinstance(value, Formula):
                    cell.value = value.text
                else:
                    cell.value = value
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r in range(1, len(table.title) + 1):
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            sheet.cell(row=r, column=1).font = Font(bold=True, size=16)
            sheet.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        if table.two_row:
            top = header_end - 1
            _merge_two_row_header(sheet, table, top)
            if table.repeat_header_before:
                repeat = where[(table.repeat_header_before, _round_of(
                    next(x for x in table.rows if x.code == table.repeat_header_before)))] - 2
                _merge_two_row_header(sheet, table, repeat)
        for c, (key, _) in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = 48 if key == "name" else 14
        _merge_down(sheet, table, where)
        sheet.freeze_panes = sheet.cell(row=header_end + 1, column=1)
        placed[table.sheet] = (where, header_end)
    book.save(path)
    settle(path)
    return placed


def settle(path: Path) -> None:
    """The same bytes on every run: fixed document dates and zip entry times, so regenerating changes nothing."""
    with zipfile.ZipFile(path) as book:
        entries = [(info.filename, book.read(info.filename)) for info in book.infolist()]
    with zipfile.ZipFile(path, "w") as book:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            book.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def _merge_down(sheet: Any, table: Table, where: dict[tuple[str, int], int]) -> None:
    """Published tables merge a column's equal cells down the rows they cover: the agency over all of them, each
    dimension over its indicators. Only the top cell keeps the text, as in Excel."""
    keys = [k for k, _ in table.columns]
    rows = [(where[(row.code, _round_of(row))], row) for row in table.rows]
    for key in table.merge_down:
        column = keys.index(key) + 1
        fixed = {"agency": table.agency, "year": table.year}

        def label(row: Row, key: str = key, fixed: dict[str, object] = fixed) -> object:
            return fixed[key] if key in fixed else row.dim
        start = 0
        for n in range(1, len(rows) + 1):
            if n == len(rows) or label(rows[n][1]) != label(rows[start][1]):
                top, bottom = rows[start][0], rows[n - 1][0]
                if bottom > top:
                    sheet.cell(row=top, column=column).value = label(rows[start][1])
                    sheet.merge_cells(start_row=top, start_column=column, end_row=bottom, end_column=column)
                    sheet.cell(row=top, column=column).alignment = Alignment(vertical="center", wrap_text=True)
                start = n


def _merge_two_row_header(sheet: Any, table: Table, top: int) -> None:
    keys = [k for k, _ in table.columns]
    grouped = {k for members in table.two_row.values() for k, _ in members}
    for group, members in table.two_row.items():
        first = keys.index(members[0][0]) + 1
        sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=first + len(members) - 1)
        sheet.cell(row=top, column=first).alignment = Alignment(horizontal="center")
        del group
    for c, key in enumerate(keys, start=1):
        if key not in grouped:
            sheet.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)


def write_csv(path: Path, table: Table, encoding: str) -> dict[tuple[str, int], int]:
    grid, where, _ = layout(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for values in grid:
        writer.writerow(["" if v is None else v for v in values])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return where


# ---------------------------------------------------------------------------------------------------------------
# Columns

def cols(*keys: str, **headers: str) -> list[tuple[str, str]]:
    standard = {"agency": "ส่วนราชการ", "year": "ปีงบประมาณ", "dim": "มิติ", "code": "ตัวชี้วัดที่",
                "name": "ตัวชี้วัด", "unit": "หน่วยวัด", "weight": "น้ำหนัก", "l1": "เกณฑ์ 1", "l2": "เกณฑ์ 2",
                "l3": "เกณฑ์ 3", "l4": "เกณฑ์ 4", "l5": "เกณฑ์ 5", "result": "ผลการดำเนินงาน", "round": "รอบ",
                "target": "เป้าหมาย", "baseline": "ข้อมูลพื้นฐาน", "selfscore": "คะแนน", "scoring": "วิธีคิดคะแนน",
                "framework": "กรอบการประเมิน", "kind": "ประเภท"}
    standard.update(headers)
    return [(k, standard[k]) for k in keys]


BASIC = ("agency", "year", "dim", "code", "name", "unit", "weight", "l1", "l2", "l3", "l4", "l5", "result")
TWO_ROW = {"เกณฑ์การให้คะแนน": [("l1", "1"), ("l2", "2"), ("l3", "3"), ("l4", "4"), ("l5", "5")],
           "ผลการประเมินตนเอง": [("result", "ผล"), ("selfscore", "คะแนน")]}


def r(code: str, name: str, unit: str, weight: object, criteria: tuple[object, ...], result: object, *,
      w: str, rule: Rule | None, x: str | dict[int, str] | None = None, dim: str = "", method: str = "",
      round: object = None, start: int | None = None, cancel: int | None = None, **extra: object) -> Row:
    results = ({int(k): D(v) for k, v in x.items()} if isinstance(x, dict)
               else ({} if x is None else {_round_key(round): D(x)}))
    # A code is a number path: "๑.๒" is indicator 1.2 (§10: Thai digits are numbers wherever they appear).
    item = Item(code.translate(ARABIC), D(w), dim, rule, results, method, start, cancel)
    return Row(code, name, unit, weight, criteria, result, item, dim, round, dict(extra))


def _round_key(cell: object) -> int:
    """The months of a รอบ cell as written ("๓", "12 months"); 12 when empty."""
    digits = re.search(r"\d+", str(cell).translate(ARABIC)) if cell else None
    return int(digits.group()) if digits else 12


def pct(value: float, fmt: str = "0%") -> Fmt:
    return Fmt(value, fmt)


def money(value: float, fmt: str = "#,##0.00") -> Fmt:
    return Fmt(value, fmt)


# ---------------------------------------------------------------------------------------------------------------
# The agreements

LONG_AGENCY = "สำนักงานส่งเสริมการบริหารจัดการน้ำชุมชนและเครือข่ายเกษตรกรรมยั่งยืนในภาคตะวันออกเฉียงเหนือ"
LONG_INDICATOR = ("ร้อยละของโครงการพัฒนาแหล่งน้ำขนาดเล็กเพื่อการเกษตรของชุมชนที่ดำเนินการแล้วเสร็จตามแผนปฏิบัติการประจำปี"
                  "และได้รับการประเมินความพึงพอใจจากผู้ใช้น้ำไม่ต่ำกว่าระดับดีโดยการมีส่วนร่วมของท้องถิ่นและเครือข่าย")


@dataclass
class Expected:
    """What one file must give: its agreements' figures per round, its warnings, or its refusal."""

    shape: str
    covers: list[str]
    agreements: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    refusal: dict[str, Any] | None = None
    setup: list[list[str]] = field(default_factory=list)  # CLI commands run on the fresh workspace before the import


def agreement(table: Table, rounds: tuple[int, ...] = (12,), dimension_names: dict[str, str] | None = None,
              reward_threshold: Decimal = FIVE_LEVEL_REWARD) -> dict[str, Any]:
    by_code: dict[str, Item] = {}
    for row in table.rows:
        item = by_code.setdefault(row.meaning.code, Item(
            row.meaning.code, row.meaning.weight, row.meaning.dimension, row.meaning.rule, {}, row.meaning.method,
            row.meaning.start_round, row.meaning.cancel_round))
        item.results.update(row.meaning.results)
    items = list(by_code.values())
    for item in items:
        if dimension_names and item.dimension in dimension_names:
            item.dimension = dimension_names[item.dimension]
    year = int(str(table.year).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
    return {"agency": " ".join(table.agency.split()), "fiscal_year": year,
            "rounds": {str(n): figures(items, n, reward_threshold) for n in rounds}}


# 01 -------------------------------------------------------------------------------------------------------------
def f01(path: Path) -> Expected:
    agency = "สำนักงานปลัดกระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์ส่วนภูมิภาคและการบริการประชาชนแบบเบ็ดเสร็จ"
    e1, e2, e3 = "มิติที่ 1 ด้านประสิทธิผล", "มิติที่ 2 ด้านคุณภาพการให้บริการ", "มิติที่ 3 ด้านการพัฒนาองค์การ"
    rows = [
        r("1", "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณรายจ่ายลงทุนตามแผนการใช้จ่ายงบประมาณที่ได้รับอนุมัติ", "ร้อยละ", 20,
          (80, 85, 90, 95, 100), 92, w="20", rule=interpolated(80, 85, 90, 95, 100), x="92", dim=e1),
        r("2", "ระยะเวลาเฉลี่ยในการพิจารณาคำขอรับการสงเคราะห์ครอบครัวผู้มีรายได้น้อยและผู้ไร้ที่พึ่ง", "วัน", 15,
          (20, 18, 16, 14, 12), 15, w="15", rule=interpolated(20, 18, 16, 14, 12), x="15", dim=e1),
        r("3", "ร้อยละของเรื่องร้องเรียนด้านการละเมิดสิทธิเด็กและสตรีที่ได้รับการแก้ไขภายในกำหนด", "ร้อยละ", 30,
          (60, 65, 70, 75, 80), 58, w="30", rule=interpolated(60, 65, 70, 75, 80), x="58", dim=e1),
        r("4", "ร้อยละความพึงพอใจของผู้รับบริการศูนย์บริการคนพิการแบบเบ็ดเสร็จประจำจังหวัด", "ร้อยละ", 25,
          (70, 75, 80, 85, 90), 83.33, w="25", rule=interpolated(70, 75, 80, 85, 90), x="83.33", dim=e2),
        r("5", "จำนวนผู้เข้าร่วมกิจกรรมพัฒนาสมรรถนะดิจิทัลของบุคลากรภายในสำนักงานปลัดกระทรวง", "คน", 10,
          (60, 80, 102, 124, 146), 81, w="10", rule=interpolated(60, 80, 102, 124, 146), x="81", dim=e3),
    ]
    table = Table(agency, 2566, rows, cols(*[k for k in BASIC if k != "dim"]),
                  title=["คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
                         f"ส่วนราชการ {agency}",
                         "รายละเอียดตัวชี้วัด น้ำหนัก และเกณฑ์การให้คะแนน"],
                  dimension_rows=True)
    write_xlsx(path, [table])
    return Expected(
        "OPDC ministry-level annex (เอกสารแนบท้ายคำรับรอง): merged title rows, a blank spacer, one header row, "
        "dimension heading rows with no code instead of a มิติ column",
        ["title rows", "dimension heading rows", "interpolated both directions", "floor", "2 + 1/22 at weight 10 "
         "(score-first rounding: 0.2046)", "§9 worked figures 3.4000, 3.5000, 3.6660"],
        [agreement(table)])


# 02 -------------------------------------------------------------------------------------------------------------
def f02(path: Path) -> Expected:
    agency = "กรมส่งเสริมสหกรณ์และวิสาหกิจชุมชนเพื่อความมั่นคงทางเศรษฐกิจฐานราก"
    out, inn = "มิติภายนอก", "มิติภายใน"
    rows = [
        r("1", "ร้อยละของสหกรณ์ภาคการเกษตรที่มีผลการดำเนินงานไม่ขาดทุนและสามารถจัดสรรกำไรสุทธิได้ตามข้อบังคับ", "ร้อยละ",
          20, (75, 77.5, 80, 82.5, 85), 81.6, w="20", rule=interpolated("75", "77.5", 80, "82.5", 85), x="81.6",
          dim=out, selfscore="3.6400"),
        r("2", "มูลค่าธุรกิจรวมของวิสาหกิจชุมชนที่ได้รับการส่งเสริมเพิ่มขึ้นเมื่อเทียบกับปีที่ผ่านมา", "ร้อยละ", 15,
          (2, 4, 6, 8, 10), 10.4, w="15", rule=interpolated(2, 4, 6, 8, 10), x="10.4", dim=out, selfscore="5.0000"),
        r("3", "ร้อยละความพึงพอใจของสมาชิกสหกรณ์ต่อการให้บริการแนะนำส่งเสริมของเจ้าหน้าที่", "ร้อยละ", 15,
          (70, 75, 80, 85, 90), 78.25, w="15", rule=interpolated(70, 75, 80, 85, 90), x="78.25", dim=out,
          selfscore="2.6500"),
        r("4", "ระดับความสำเร็จของการพัฒนาระบบบัญชีสหกรณ์อิเล็กทรอนิกส์", "ระดับความสำเร็จ", 25,
          (1, 2, 3, 4, 5), 4, w="25", rule=MILESTONE, x="4", dim=inn, selfscore="4.0000"),
        r("5", "ร้อยละการเบิกจ่ายงบประมาณภาพรวมของกรม", "ร้อยละ", 25,
          (94, 95, 96, 97, 98), 96.5, w="25", rule=interpolated(94, 95, 96, 97, 98), x="96.5", dim=inn,
          selfscore="3.5000"),
    ]
    table = Table(agency, 2556, rows, cols(*BASIC, "selfscore"),
                  title=["ตัวชี้วัดและเกณฑ์การประเมินผลการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2556", agency],
                  two_row=TWO_ROW, sheet="คำรับรอง 2556")
    placed = write_xlsx(path, [table])
    where, _ = placed[table.sheet]
    return Expected(
        "OPDC department form 2556 with the two-row header (เกณฑ์การให้คะแนน merged over 1-5, ผลการประเมินตนเอง over "
        "ผล/คะแนน) and the published department split มิติภายนอก 50 / มิติภายใน 50",
        ["two-row header", "dimension weights 50/50 against the framework's 60/10/30", "milestone",
         "agency's own score column ignored"],
        [agreement(table)],
        warnings=[
            {"kind": "unknown_dimension", "sheet": table.sheet, "row": None, "column": "มิติ",
             "why": "opdc-2555-2559 knows ประสิทธิผล, คุณภาพการให้บริการ, มิติภายใน (and their aliases): มิติภายนอก is "
                    "none of them"},
            {"kind": "dimension_weight", "sheet": table.sheet, "row": None, "column": "มิติ",
             "why": f"มิติภายใน is 25 + 25 = 50 in the agreement (rows {where[('4', 12)]}-{where[('5', 12)]}), "
                    "30 in opdc-2555-2559"},
        ])


# 03 -------------------------------------------------------------------------------------------------------------
def f03(path: Path) -> Expected:
    agency = "คณะเทคโนโลยีการเกษตรและอุตสาหกรรมอาหาร มหาวิทยาลัยราชภัฏตัวอย่างสุรินทร์"
    d1, d2, d3 = "ด้านการผลิตบัณฑิต", "ด้านการวิจัยและบริการวิชาการ", "ด้านการบริหารจัดการ"
    rows = [
        r("1", "ร้อยละของหลักสูตรที่มีผลการประเมินคุณภาพการศึกษาภายในระดับหลักสูตรผ่านเกณฑ์มาตรฐาน", "ร้อยละ", 5,
          (80, 85, 90, 95, 100), 100, w="5", rule=interpolated(80, 85, 90, 95, 100), x="100", dim=d1,
          target="100"),
        r("2", "ร้อยละของบัณฑิตระดับปริญญาตรีที่ได้งานทำหรือประกอบอาชีพอิสระภายใน 1 ปี", "ร้อยละ", 10,
          (60, 65, 70, 75, 80), 77.5, w="10", rule=interpolated(60, 65, 70, 75, 80), x="77.5", dim=d1, target="70"),
        r("3", "จำนวนผลงานวิจัยที่ได้รับการตีพิมพ์เผยแพร่ในวารสารระดับชาติหรือนานาชาติ", "เรื่อง", 12,
          (20, 25, 30, 35, 40), 31, w="12", rule=interpolated(20, 25, 30, 35, 40), x="31", dim=d2, target="30"),
        r("4", "ระดับความสำเร็จของการบริการวิชาการแก่ชุมชนเพื่อยกระดับผลิตภัณฑ์อาหารท้องถิ่น", "ระดับ", 15,
          (1, 2, 3, 4, 5), 4, w="15", rule=MILESTONE, x="4", dim=d2, target="3"),
        r("5", "ค่าเฉลี่ยความพึงพอใจของผู้ใช้บัณฑิตต่อคุณภาพบัณฑิตตามกรอบมาตรฐานคุณวุฒิ", "คะแนน", 20,
          ("3.50", "3.75", "4.00", "4.25", "4.50"), 4.12, w="20", rule=interpolated("3.50", "3.75", "4.00", "4.25",
                                                                                     "4.50"), x="4.12", dim=d1,
          target="4.00"),
        r("6", "ร้อยละการเบิกจ่ายงบประมาณแผ่นดินและงบประมาณเงินรายได้ของคณะตามแผน", "ร้อยละ", 40,
          (84, 88, 92, 96, 100), 93.5, w="40", rule=interpolated(84, 88, 92, 96, 100), x="93.5", dim=d3,
          target="92"),
    ]
    table = Table(agency, 2561, rows, cols(*BASIC[:12], "target", "result"),
                  title=["ข้อตกลงการปฏิบัติราชการระดับส่วนงาน ประจำปีงบประมาณ พ.ศ. 2561"], sheet="ส่วนงาน")
    write_xlsx(path, [table])
    return Expected(
        "university unit (ส่วนงาน) agreement 2561 whose weights sum to 102 and whose weighted column divides by 102 "
        "(the published 0.0490, 0.0455, 0.0735, 0.1225, 0.0392)",
        ["Σw = 102", "renormalised weighted = score x w / 102", "own dimension names", "target column"],
        [agreement(table)],
        warnings=[{"kind": "weight_sum", "sheet": table.sheet, "row": None, "column": "น้ำหนัก",
                   "why": "5 + 10 + 12 + 15 + 20 + 40 = 102"}])


# 04 -------------------------------------------------------------------------------------------------------------
def f04(path: Path) -> Expected:
    agency = "กรมพัฒนาฝีมือแรงงานและยกระดับมาตรฐานฝีมือแรงงานแห่งชาติเพื่อเศรษฐกิจดิจิทัล"
    d1, d2 = "ประสิทธิผล", "ประสิทธิภาพ"
    rows = [
        r("1", "ร้อยละของผู้ผ่านการฝึกยกระดับฝีมือแรงงานที่ได้รับการปรับค่าจ้างหรือมีรายได้เพิ่มขึ้นภายใน 6 เดือน", "ร้อยละ",
          0.35, (50, 55, 60, 65, 70), 63.75, w="35", rule=interpolated(50, 55, 60, 65, 70), x="63.75", dim=d1),
        r("2", "จำนวนผู้ผ่านการทดสอบมาตรฐานฝีมือแรงงานแห่งชาติในสาขาอุตสาหกรรมเป้าหมาย", "คน", 0.25,
          (8000, 9000, 10000, 11000, 12000), 11250, w="25", rule=interpolated(8000, 9000, 10000, 11000, 12000),
          x="11250", dim=d1),
        r("3", "ร้อยละของหลักสูตรฝึกอบรมที่พัฒนาเป็นรูปแบบออนไลน์และเผยแพร่บนแพลตฟอร์มของกรม", "ร้อยละ", 0.15,
          (20, 30, 40, 50, 60), 28, w="15", rule=interpolated(20, 30, 40, 50, 60), x="28", dim=d2),
        r("4", "ต้นทุนต่อหน่วยผลผลิตการฝึกอบรมฝีมือแรงงานลดลง", "บาท/คน", 0.25,
          (4800, 4700, 4600, 4500, 4400), 4655, w="25", rule=interpolated(4800, 4700, 4600, 4500, 4400),
          x="4655", dim=d2),
    ]
    table = Table(agency, 2563, rows, cols(*BASIC, weight="น้ำหนัก (ร้อยละ)"),
                  title=["รายละเอียดตัวชี้วัดตามคำรับรองการปฏิบัติราชการ ปีงบประมาณ 2563"], sheet="KPI")
    write_xlsx(path, [table])
    return Expected(
        "department annex 2563 that writes weights as fractions (0.35, 0.25, 0.15, 0.25) summing to 1.00",
        ["fractional weights summing to 1.00", "weight header with a unit in parentheses",
         "lower-is-better cost per unit"],
        [agreement(table)])


# 05 -------------------------------------------------------------------------------------------------------------
def f05(path: Path) -> Expected:
    agency = "สำนักงานคณะกรรมการส่งเสริมวิทยาศาสตร์ วิจัยและนวัตกรรมภาคเหนือตอนล่าง"
    rows = [
        r("1", "จำนวนโครงการวิจัยที่นำไปใช้ประโยชน์เชิงพาณิชย์หรือเชิงสาธารณะในพื้นที่", "โครงการ", "0.30",
          ("10", "12", "14", "16", "18"), "17", w="30", rule=interpolated(10, 12, 14, 16, 18), x="17",
          dim="ประสิทธิผล"),
        r("2", "ร้อยละของทุนวิจัยที่ส่งรายงานฉบับสมบูรณ์ตรงตามกำหนดเวลา", "ร้อยละ", "0.25",
          ("70", "75", "80", "85", "90"), "72.5", w="25", rule=interpolated(70, 75, 80, 85, 90), x="72.5",
          dim="ประสิทธิผล"),
        r("3", "ระยะเวลาเฉลี่ยในการพิจารณาข้อเสนอโครงการวิจัย", "วัน", "0.20", ("60", "55", "50", "45", "40"), "47",
          w="20", rule=interpolated(60, 55, 50, 45, 40), x="47", dim="คุณภาพการให้บริการ"),
        r("4", "ร้อยละความพึงพอใจของนักวิจัยต่อระบบบริหารทุนวิจัยออนไลน์", "ร้อยละ", "0.15",
          ("75", "80", "85", "90", "95"), "95", w="15", rule=interpolated(75, 80, 85, 90, 95), x="95",
          dim="คุณภาพการให้บริการ"),
        r("5", "ระดับความสำเร็จของการจัดทำแผนบริหารความเสี่ยงและการควบคุมภายใน", "ระดับความสำเร็จ", "0.12",
          ("1", "2", "3", "4", "5"), "3", w="12", rule=MILESTONE, x="3", dim="การพัฒนาองค์การ"),
    ]
    table = Table(agency, "2565", rows, cols(*BASIC))
    write_csv(path, table, "utf-8-sig")
    return Expected(
        "regional office sheet 2565 exported from Excel as CSV (UTF-8 with BOM), weights as fractions summing to 1.02",
        ["fractional weights summing to 1.02", "Σw = 102 after conversion", "CSV UTF-8 BOM", "milestone"],
        [agreement(table)],
        warnings=[{"kind": "weight_sum", "sheet": None, "row": None, "column": "น้ำหนัก",
                   "why": "0.30 + 0.25 + 0.20 + 0.15 + 0.12 = 1.02, stored 30/25/20/15/12 = 102"}])


# 06 -------------------------------------------------------------------------------------------------------------
def f06(path: Path) -> Expected:
    agency = "กรมควบคุมมลพิษและฟื้นฟูคุณภาพสิ่งแวดล้อมในพื้นที่อุตสาหกรรมและชุมชนเมือง"
    pct_bands = ("น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 69.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99", "ร้อยละ 90 ขึ้นไป")
    rule = banded(below("60"), between("60", "69.99"), between("70", "79.99"), between("80", "89.99"),
                  at_least("90"))
    days = ("มากกว่า 20 วัน", "18.01 - 20 วัน", "16.01 - 18 วัน", "14.01 - 16 วัน", "ไม่เกิน 14 วัน")
    days_rule = banded(above("20"), between("18.01", "20"), between("16.01", "18"), between("14.01", "16"),
                       at_most("14"))
    rows = [
        r("1", "ร้อยละของโรงงานอุตสาหกรรมเป้าหมายที่ปล่อยน้ำทิ้งได้มาตรฐานตามกฎหมายกำหนด", "ร้อยละ", 20, pct_bands, 84,
          w="20", rule=rule, x="84", dim="ประสิทธิผล"),
        r("2", "ร้อยละของสถานีตรวจวัดคุณภาพอากาศที่มีค่าฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอนอยู่ในเกณฑ์มาตรฐาน", "ร้อยละ",
          20, pct_bands, 72.5, w="20", rule=rule, x="72.5", dim="ประสิทธิผล"),
        r("3", "ร้อยละของแหล่งน้ำผิวดินที่มีคุณภาพน้ำอยู่ในเกณฑ์ดีถึงพอใช้", "ร้อยละ", 15, pct_bands, 91,
          w="15", rule=rule, x="91", dim="ประสิทธิผล"),
        r("4", "ร้อยละของเรื่องร้องเรียนปัญหามลพิษที่ตรวจสอบแล้วเสร็จภายในกำหนด", "ร้อยละ", 10, pct_bands, 58,
          w="10", rule=rule, x="58", dim="คุณภาพการให้บริการ"),
        r("5", "ระยะเวลาเฉลี่ยในการออกใบอนุญาตระบายมลพิษตามคู่มือสำหรับประชาชน", "วัน", 15, days, 15,
          w="15", rule=days_rule, x="15", dim="คุณภาพการให้บริการ"),
        r("6", "ระยะเวลาเฉลี่ยในการตอบข้อหารือทางวิชาการแก่องค์กรปกครองส่วนท้องถิ่น", "วัน", 10, days, 21.5,
          w="10", rule=days_rule, x="21.5", dim="คุณภาพการให้บริการ"),
        r("7", "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณรายจ่ายภาพรวม", "ร้อยละ", 10, (80, 85, 90, 95, 100), 84,
          w="10", rule=interpolated(80, 85, 90, 95, 100), x="84", dim="มิติภายใน"),
    ]
    table = Table(agency, 2564, rows, cols(*BASIC),
                  title=["ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2564"], sheet="ตัวชี้วัด")
    write_xlsx(path, [table])
    return Expected(
        "department table 2564 with banded criteria written as ranges (น้อยกว่าร้อยละ 60 | ร้อยละ 60 - 69.99 | … | "
        "ร้อยละ 90 ขึ้นไป) and a lower-is-better day range, beside one interpolated row",
        ["banded higher is better (§5: 84 -> 4, 72.5 -> 3, 91 -> 5, 58 -> 1)", "banded lower is better "
         "(มากกว่า 20 วัน ... ไม่เกิน 14 วัน)", "interpolated 84 -> 1.8000 for contrast"],
        [agreement(table)])


# 07 -------------------------------------------------------------------------------------------------------------
def f07(path: Path) -> Expected:
    agency = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่างเขต 2 กระทรวงศึกษาธิการ"
    rule_int = banded(below("60"), between("60", "69"), between("70", "79"), between("80", "89"), at_least("90"))
    rule_th = banded(below("3.00"), between("3.00", "3.49"), between("3.50", "3.99"), between("4.00", "4.49"),
                     at_least("4.50"))
    rows = [
        r("1", "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ตามเกณฑ์การประเมินความสามารถด้านการอ่าน", "ร้อยละ",
          25, ("< 60", "60-69", "70-79", "80-89", "≥ 90"), 75, w="25", rule=rule_int, x="75", dim="ประสิทธิผล",
          scoring=""),
        r("2", "ร้อยละของโรงเรียนขนาดเล็กที่ได้รับการพัฒนาคุณภาพตามมาตรฐานการศึกษาขั้นพื้นฐาน", "ร้อยละ", 20,
          ("< 60", "60-69", "70-79", "80-89", "≥ 90"), 90, w="20", rule=rule_int, x="90", dim="ประสิทธิผล",
          scoring=""),
        r("3", "ค่าเฉลี่ยความพึงพอใจของผู้ปกครองต่อการจัดการศึกษาของสถานศึกษาในสังกัด", "คะแนนเฉลี่ย", 20,
          ("ต่ำกว่า 3.00", "3.00 - 3.49", "3.50 - 3.99", "4.00 - 4.49", "ไม่น้อยกว่า 4.50"), 4.31, w="20",
          rule=rule_th, x="4.31", dim="คุณภาพการให้บริการ", scoring=""),
        r("4", "ร้อยละของครูที่ได้รับการพัฒนาทักษะการจัดการเรียนรู้เชิงรุกและนำไปใช้ในห้องเรียน", "ร้อยละ", 20,
          ("80", "85", "90", "95", "100"), 92, w="20", rule=banded_thresholds(80, 85, 90, 95, 100), x="92",
          dim="การพัฒนาองค์การ", scoring="banded", method="banded"),
        r("5", "ร้อยละของการเบิกจ่ายงบประมาณงบลงทุนของสำนักงานเขตพื้นที่การศึกษา", "ร้อยละ", 15,
          ("80", "85", "90", "95", "100"), 92, w="15", rule=interpolated(80, 85, 90, 95, 100), x="92",
          dim="การพัฒนาองค์การ", scoring="interpolated"),
    ]
    table = Table(agency, 2568, rows, cols(*BASIC, "scoring"))
    write_csv(path, table, "utf-8")
    return Expected(
        "educational service area office 2568 (CSV, UTF-8 without BOM): integer ranges 60-69, symbols < and ≥, Thai "
        "open bounds ต่ำกว่า / ไม่น้อยกว่า, and a วิธีคิดคะแนน column choosing banded or interpolated for plain numbers",
        ["banded integer ranges", "≥ and < bounds", "ต่ำกว่า / ไม่น้อยกว่า", "scoring column: banded over plain numbers "
         "(92 -> 3)", "scoring column: interpolated (92 -> 3.4000)"],
        [agreement(table)])


# 08 -------------------------------------------------------------------------------------------------------------
def f08(path: Path) -> Expected:
    agency = "กรมส่งเสริมการปกครองท้องถิ่นเพื่อการพัฒนาโครงสร้างพื้นฐานและบริการสาธารณะของชุมชน"
    steps = ("ขั้นตอนที่ 1 แต่งตั้งคณะทำงาน", "ขั้นตอนที่ 2 จัดทำแผน", "ขั้นตอนที่ 3 ดำเนินการตามแผนร้อยละ 50",
             "ขั้นตอนที่ 4 ดำเนินการแล้วเสร็จ", "ขั้นตอนที่ 5 ประเมินผลและรายงาน")
    rows = [
        r("1", "ระดับความสำเร็จของการจัดทำฐานข้อมูลโครงสร้างพื้นฐานขององค์กรปกครองส่วนท้องถิ่นทั่วประเทศ",
          "ระดับความสำเร็จ", 30, steps, 4, w="30", rule=MILESTONE, x="4", dim="ประสิทธิผล"),
        r("2", "ระดับความสำเร็จของการพัฒนาระบบบริการรับชำระภาษีท้องถิ่นผ่านช่องทางอิเล็กทรอนิกส์", "ระดับความสำเร็จ",
          25, (1, 2, 3, 4, 5), 5, w="25", rule=MILESTONE, x="5", dim="ประสิทธิผล"),
        r("3", "ระดับความสำเร็จของการถ่ายโอนภารกิจด้านสาธารณสุขให้องค์การบริหารส่วนจังหวัด", "ระดับความสำเร็จ", 15,
          steps, 2, w="15", rule=MILESTONE, x="2", dim="ประสิทธิผล"),
        r("4", "ร้อยละขององค์กรปกครองส่วนท้องถิ่นที่ผ่านการประเมินประสิทธิภาพในการบริหารจัดการ", "ระดับความสำเร็จ", 20,
          (60, 65, 70, 75, 80), 72, w="20", rule=interpolated(60, 65, 70, 75, 80), x="72", dim="การพัฒนาองค์การ"),
        r("5", "ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผนพัฒนาบุคลากรรายบุคคล", "ร้อยละ", 10, (80, 85, 90, 95, 100),
          100, w="10", rule=interpolated(80, 85, 90, 95, 100), x="100", dim="การพัฒนาองค์การ"),
    ]
    table = Table(agency, 2565, rows, cols(*BASIC), title=["ตัวชี้วัดระดับความสำเร็จ ประจำปีงบประมาณ พ.ศ. 2565"])
    placed = write_xlsx(path, [table])
    where, _ = placed[table.sheet]
    return Expected(
        "department table 2565 where most indicators are milestones (ระดับความสำเร็จ), criteria written as steps or "
        "as 1-5, and one row whose unit says ระดับความสำเร็จ over percentage criteria",
        ["milestones with step texts", "milestones with 1-5", "milestone unit with numeric criteria (warning, scored "
         "as written: interpolated)"],
        [agreement(table)],
        warnings=[{"kind": "milestone_numeric", "sheet": table.sheet, "row": where[("4", 12)], "column": None,
                   "why": "unit ระดับความสำเร็จ but criteria 60 65 70 75 80 are not levels 1-5; imported as written "
                          "(numeric) with a warning naming the row"}])


# 09 -------------------------------------------------------------------------------------------------------------
def f09(path: Path) -> Expected:
    agency = "กระทรวงการท่องเที่ยวและกีฬาส่วนกลางและสำนักงานการท่องเที่ยวและกีฬาจังหวัด"
    spec = [
        ("1", "รายได้จากการท่องเที่ยวของนักท่องเที่ยวชาวไทยที่เพิ่มขึ้นเทียบกับปีฐาน", "ร้อยละ", 40, (1, 2, 3, 4, 5),
         interpolated(1, 2, 3, 4, 5), {3: "0.8", 6: "1.9", 9: "3.25", 12: "4.6"}, "ประสิทธิผล"),
        ("2", "จำนวนนักกีฬาที่ได้รับการพัฒนาสู่ความเป็นเลิศตามแผน", "คน", 30, (100, 200, 300, 400, 500),
         interpolated(100, 200, 300, 400, 500), {3: "120", 6: "260", 9: "385", 12: "510"}, "ประสิทธิผล"),
        ("3", "ระยะเวลาเฉลี่ยในการออกใบอนุญาตประกอบธุรกิจนำเที่ยว", "วัน", 30, (30, 25, 20, 15, 10),
         interpolated(30, 25, 20, 15, 10), {3: "28", 6: "22", 9: "18", 12: "12"}, "คุณภาพการให้บริการ"),
    ]
    rows = []
    for quarter in (3, 6, 9, 12):
        for code, name, unit, weight, criteria, rule, results, dim in spec:
            rows.append(r(code, name, unit, weight, criteria, results[quarter], w=str(weight), rule=rule,
                          x={quarter: results[quarter]}, dim=dim, round=quarter))
    table = Table(agency, 2567, rows, cols(*BASIC, "round"), title=["รายงานผลการดำเนินงานรายไตรมาส ปีงบประมาณ 2567"])
    write_csv(path, table, "utf-8-sig")
    return Expected(
        "ministry quarterly progress report 2567 (รายงานรายไตรมาส): each indicator repeated for rounds 3, 6, 9, 12",
        ["quarterly rounds 3, 6, 9, 12", "cumulative results per round", "CSV UTF-8 BOM"],
        [agreement(table, rounds=(3, 6, 9, 12))])


# 10 -------------------------------------------------------------------------------------------------------------
def f10(path: Path) -> Expected:
    assert len(LONG_AGENCY) == 90, len(LONG_AGENCY)
    assert len(LONG_INDICATOR) == 200, len(LONG_INDICATOR)
    rows = [
        r(th("1"), LONG_INDICATOR, "ร้อยละ", th("40"), tuple(f"ร้อยละ {th(v)}" for v in (80, 85, 90, 95, 100)),
          th("92.5"), w="40", rule=interpolated(80, 85, 90, 95, 100), x="92.5", dim="ประสิทธิผล"),
        r(th("2"), "จำนวนเครือข่ายผู้ใช้น้ำที่ได้รับการจดทะเบียนและมีแผนบริหารจัดการน้ำของชุมชน", "เครือข่าย", th("25"),
          tuple(th(v) for v in ("1,200", "1,350", "1,500", "1,650", "1,800")), th("1,710"), w="25",
          rule=interpolated(1200, 1350, 1500, 1650, 1800), x="1710", dim="ประสิทธิผล"),
        r(th("3"), "ร้อยละความพึงพอใจของเกษตรกรต่อการให้บริการด้านวิชาการเกษตรและการจัดการน้ำ", "ร้อยละ", th("20"),
          tuple(f"ร้อยละ {th(v)}" for v in (75, 80, 85, 90, 95)), "ร้อยละ " + th("79.4"), w="20",
          rule=interpolated(75, 80, 85, 90, 95), x="79.4", dim="คุณภาพการให้บริการ"),
        r(th("4"), "ร้อยละการเบิกจ่ายงบประมาณรายจ่ายประจำปีของสำนักงาน", "ร้อยละ", th("15"),
          tuple(th(v) for v in (92, 94, 96, 98, 100)), th("91.2"), w="15", rule=interpolated(92, 94, 96, 98, 100),
          x="91.2", dim="การพัฒนาองค์การ"),
    ]
    table = Table(LONG_AGENCY, th("2569"), rows, cols(*BASIC))
    write_csv(path, table, "cp874")
    return Expected(
        "regional office sheet 2569 saved by Excel on Thai Windows as CSV (Windows-874), everything in Thai digits, "
        "criteria written \"ร้อยละ ๘๐\"",
        ["cp874 CSV", "Thai digits in code, weight, criteria, result and year", "\"ร้อยละ 80\" cells",
         "thousands separators in Thai digits", "agency of 90 characters", "indicator of 200 characters"],
        [agreement(table)])


# 11 -------------------------------------------------------------------------------------------------------------
def f11(path: Path) -> Expected:
    agency = "กรมบัญชีกลางส่วนบริหารการเงินการคลังภาครัฐและการจัดซื้อจัดจ้างอิเล็กทรอนิกส์"
    rows = [
        r("1", "ร้อยละของหน่วยงานที่จัดส่งรายงานการเงินประจำปีภายในกำหนด", "ร้อยละ", 20, (80, 85, 90, 95, 100),
          pct(0.92), w="20", rule=interpolated(80, 85, 90, 95, 100), x="92", dim="ประสิทธิผล"),
        r("2", "ร้อยละของการจัดซื้อจัดจ้างผ่านระบบอิเล็กทรอนิกส์ที่ดำเนินการแล้วเสร็จตามแผน", "ร้อยละ", 15,
          (pct(0.7), pct(0.75), pct(0.8), pct(0.85), pct(0.9)), 87, w="15", rule=interpolated(70, 75, 80, 85, 90),
          x="87", dim="ประสิทธิผล"),
        r("3", "ร้อยละของเงินนอกงบประมาณที่ได้รับการตรวจสอบความถูกต้อง", "ร้อยละ", 10, (80, 85, 90, 95, 100),
          pct(0.875, "0.0%"), w="10", rule=interpolated(80, 85, 90, 95, 100), x="87.5", dim="ประสิทธิผล"),
        r("4", "มูลค่าการประหยัดงบประมาณจากการจัดซื้อจัดจ้างร่วมของส่วนราชการ", "บาท", 20,
          ("950,000.00", "1,000,000.00", "1,050,000.00", "1,100,000.00", "1,150,000.50"), money(1087500.25),
          w="20", rule=interpolated("950000", "1000000", "1050000", "1100000", "1150000.50"), x="1087500.25",
          dim="ประสิทธิภาพ"),
        r("5", "คะแนนเฉลี่ยความพึงพอใจของผู้ใช้ระบบ e-GP ที่คำนวณจากแบบสอบถาม (ร้อยละ)", "ร้อยละ", 20,
          (80, 85, 90, 95, 100), 92.33333333333333, w="20", rule=interpolated(80, 85, 90, 95, 100),
          x="92.33333333333333", dim="คุณภาพการให้บริการ"),
        r("6", "ค่าใช้จ่ายในการบำรุงรักษาระบบต่อปี", "บาท", 15,
          (money(2500000, "#,##0"), money(2250000, "#,##0"), money(2000000, "#,##0"), money(1750000, "#,##0"),
           money(1500000, "#,##0")), money(1830000, "#,##0"), w="15",
          rule=interpolated(2500000, 2250000, 2000000, 1750000, 1500000), x="1830000", dim="ประสิทธิภาพ"),
    ]
    table = Table(agency, 2567, rows, cols(*BASIC), title=["คำรับรองการปฏิบัติราชการ ปีงบประมาณ 2567"])
    write_xlsx(path, [table])
    return Expected(
        "finance department workbook 2567 as typed in Excel: results as percent-formatted cells (0.92 shown 92%), "
        "criteria percent-formatted, a result computed by a formula (92.33333333333333), budgets in the millions "
        "written with separators",
        ["percent-formatted result 0.92 '0%' = 92", "percent-formatted criteria 0.7..0.9 = 70..90",
         "0.875 '0.0%' = 87.5", "text criteria 1,150,000.50", "#,##0 cells in the millions, lower is better",
         "Excel-computed result 92.33333333333333"],
        [agreement(table)])


# 12 -------------------------------------------------------------------------------------------------------------
def f12(path: Path) -> Expected:
    agency = "สำนักงานพัฒนาระบบราชการดิจิทัลและการบริการภาครัฐแบบครบวงจรจังหวัดตัวอย่าง"
    rows = [
        r("1", "ร้อยละของงานบริการที่ให้บริการผ่านระบบดิจิทัลแบบครบวงจรโดยไม่ต้องใช้สำเนาเอกสาร", "ร้อยละ", 30,
          (70, 75, 80, 85, 90), Formula("=277/3"), w="30", rule=interpolated(70, 75, 80, 85, 90),
          x="92.3333333333333", dim="ประสิทธิผล"),
        r("2", "ร้อยละของเรื่องร้องเรียนผ่านศูนย์ดำรงธรรมที่ดำเนินการแล้วเสร็จ", "ร้อยละ", 30, (80, 85, 90, 95, 100),
          Formula("=ROUND(1741/19,2)"), w="30", rule=interpolated(80, 85, 90, 95, 100), x="91.63", dim="ประสิทธิผล"),
        r("3", "ระยะเวลาเฉลี่ยในการออกหนังสือรับรองของสำนักงาน", "วัน", 20, (10, 9, 8, 7, 6), 7.4, w="20",
          rule=interpolated(10, 9, 8, 7, 6), x="7.4", dim="คุณภาพการให้บริการ"),
        r("4", "ร้อยละความสำเร็จของการพัฒนาสมรรถนะบุคลากรด้านดิจิทัล", "ร้อยละ", 20, (60, 70, 80, 90, 100),
          Formula("=AVERAGE(66,71,80)"), w="20", rule=interpolated(60, 70, 80, 90, 100), x="72.3333333333333",
          dim="การพัฒนาองค์การ"),
    ]
    table = Table(agency, 2568, rows, cols(*BASIC), title=["คำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2568"],
                  sheet="KPI")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source.xlsx"
        write_xlsx(source, [table])
        libreoffice_xlsx(source, path)
    return Expected(
        "provincial office workbook 2568 saved by LibreOffice Calc: results are formulas (=277/3, =ROUND(1741/19,2), "
        "=AVERAGE(66,71,80)) whose values LibreOffice calculated and cached to 15 significant digits",
        ["xlsx written by LibreOffice", "formula results with cached values (92.33333333333333)"],
        [agreement(table)])


def libreoffice_xlsx(source: Path, target: Path) -> None:
    """Open the workbook in LibreOffice Calc and save it as xlsx, so LibreOffice writes the file (and the cached values
    of its formulas). A private profile keeps it away from any running instance."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice is needed for 12_*.xlsx: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profile"
        out = Path(scratch) / "out"
        # Through .ods first: LibreOffice recalculates the openpyxl formulas (no cached values) when it loads them.
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "ods",
                        "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=300)
        ods = out / (source.stem + ".ods")
        final = Path(scratch) / "final"
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", str(final), str(ods)], check=True,
                       capture_output=True, timeout=300)
        shutil.copyfile(final / (source.stem + ".xlsx"), target)
    settle(target)
    with zipfile.ZipFile(target) as book:
        app = book.read("docProps/app.xml").decode()
    assert "LibreOffice" in app, app


# 13 -------------------------------------------------------------------------------------------------------------
def f13(path: Path) -> Expected:
    agency = "กรมอนามัยสิ่งแวดล้อมและการส่งเสริมสุขภาพประชาชนทุกช่วงวัยในพื้นที่เขตเมือง"
    rows = [
        r("1.1", "ร้อยละของหญิงตั้งครรภ์ที่ได้รับการฝากครรภ์ครั้งแรกก่อนหรือเท่ากับ 12 สัปดาห์", "ร้อยละ", 15,
          (65, 70, 75, 80, 85), 78, w="15", rule=interpolated(65, 70, 75, 80, 85), x="78", dim="ประสิทธิผล"),
        r("1.2", "ร้อยละของเด็กอายุ 0-5 ปีที่มีพัฒนาการสมวัยตามเกณฑ์การคัดกรอง", "ร้อยละ", 15, (80, 82, 84, 86, 88),
          85, w="15", rule=interpolated(80, 82, 84, 86, 88), x="85", dim="ประสิทธิผล"),
        r("2", "ร้อยละของสถานประกอบการด้านอาหารที่ผ่านเกณฑ์มาตรฐานสุขาภิบาลอาหาร", "ร้อยละ", 20, (70, 75, 80, 85, 90),
          88.8, w="20", rule=interpolated(70, 75, 80, 85, 90), x="88.8", dim="ประสิทธิผล"),
        r("3.1", "ร้อยละความพึงพอใจของผู้รับบริการคลินิกสุขภาพเด็กดี", "ร้อยละ", 10, (80, 82.5, 85, 87.5, 90), 86,
          w="10", rule=interpolated(80, "82.5", 85, "87.5", 90), x="86", dim="คุณภาพการให้บริการ"),
        r("3.2", "ระยะเวลารอคอยเฉลี่ยของผู้รับบริการที่ศูนย์อนามัย", "นาที", 10, (60, 50, 40, 30, 20), 44,
          w="10", rule=interpolated(60, 50, 40, 30, 20), x="44", dim="คุณภาพการให้บริการ"),
        r("4", "การพัฒนาองค์การสู่ระบบราชการ 4.0", "", 30, (), None, w="30", rule=None, dim="การพัฒนาองค์การ"),
        r("4.1", "ระดับความสำเร็จของการจัดการความรู้และนวัตกรรมของหน่วยงาน", "ระดับความสำเร็จ", 20, (1, 2, 3, 4, 5), 3,
          w="20", rule=MILESTONE, x="3", dim="การพัฒนาองค์การ"),
        r("4.2", "ร้อยละของบุคลากรที่ผ่านการพัฒนาทักษะดิจิทัลตามเกณฑ์", "ร้อยละ", 10, (60, 70, 80, 90, 100), 95,
          w="10", rule=interpolated(60, 70, 80, 90, 100), x="95", dim="การพัฒนาองค์การ"),
    ]
    table = Table(agency, 2569, rows, cols(*BASIC), title=["คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2569"],
                  sheet="2569")
    placed = write_xlsx(path, [table])
    where, _ = placed[table.sheet]
    return Expected(
        "department agreement 2569 numbered 1.1, 1.2, 2, 3.1, 3.2 with no rows 1 and 3 (they were headings), and a "
        "real parent 4 whose children 4.1, 4.2 follow it",
        ["orphan sub-codes as top-level indicators", "a parent row with children (4 = 4.1 + 4.2)"],
        [agreement(table)],
        warnings=[{"kind": "orphan_code", "sheet": table.sheet, "row": where[(code, 12)], "column": "ตัวชี้วัดที่",
                   "why": f"{code} has no parent row {code.split('.')[0]}: imported as a top-level indicator"}
                  for code in ("1.1", "1.2", "3.1", "3.2")])


# 14 -------------------------------------------------------------------------------------------------------------
def f14(path: Path) -> Expected:
    agency = "กรมการข้าวและการพัฒนาเมล็ดพันธุ์ข้าวคุณภาพดีเพื่อเกษตรกรรายย่อย"
    rows = [
        r("1", "ร้อยละของเมล็ดพันธุ์ข้าวชั้นพันธุ์ขยายที่ผลิตได้ตามเป้าหมายและผ่านมาตรฐานความงอก", "ร้อยละ", 25,
          (80, 85, 90, 95, 100), 96, w="25", rule=interpolated(80, 85, 90, 95, 100), x="96", dim="ประสิทธิผล"),
        r("2", "จำนวนศูนย์ข้าวชุมชนที่ได้รับการพัฒนาเป็นศูนย์เรียนรู้ต้นแบบ", "ศูนย์", 25, (200, 250, 300, 350, 400),
          318, w="25", rule=interpolated(200, 250, 300, 350, 400), x="318", dim="ประสิทธิผล"),
        r("3", "ร้อยละที่เพิ่มขึ้นของผลผลิตข้าวต่อไร่ของเกษตรกรในแปลงใหญ่", "ร้อยละ", 25, (1, 2, 3, 4, 5), 1.5,
          w="25", rule=interpolated(1, 2, 3, 4, 5), x="1.5", dim="ประสิทธิผล"),
        r("4", "ร้อยละความพึงพอใจของเกษตรกรต่อการให้บริการตรวจรับรองแปลงผลิตเมล็ดพันธุ์", "ร้อยละ", 10,
          (70, 75, 80, 85, 90), 80, w="10", rule=interpolated(70, 75, 80, 85, 90), x="80",
          dim="คุณภาพการให้บริการ"),
        r("5", "ระดับความสำเร็จของการพัฒนาระบบสารสนเทศทะเบียนเกษตรกรผู้ปลูกข้าว", "ระดับความสำเร็จ", 15,
          (1, 2, 3, 4, 5), 5, w="15", rule=MILESTONE, x="5", dim="มิติภายใน"),
    ]
    table = Table(agency, 2558, rows, cols(*BASIC), title=["คำรับรองการปฏิบัติราชการของกรม ประจำปีงบประมาณ พ.ศ. 2558"])
    write_xlsx(path, [table])
    return Expected(
        "department agreement 2558 with ประสิทธิผล at 75 (the published 2558 department case), คุณภาพ 10, มิติภายใน 15",
        ["dimension weights 75/10/15 against 60/10/30"],
        [agreement(table)],
        warnings=[
            {"kind": "dimension_weight", "sheet": table.sheet, "row": None, "column": "มิติ",
             "why": "ประสิทธิผล 25 + 25 + 25 = 75 in the agreement, 60 in opdc-2555-2559"},
            {"kind": "dimension_weight", "sheet": table.sheet, "row": None, "column": "มิติ",
             "why": "มิติภายใน 15 in the agreement, 30 in opdc-2555-2559"},
        ])


# 15 -------------------------------------------------------------------------------------------------------------
def f15(path: Path) -> Expected:
    assert len(LONG_AGENCY) == 90
    baseline = "2559: 78.40 / 2560: 81.25 / 2561: 83.10"
    rows = [
        r("1", LONG_INDICATOR, "ร้อยละ", 35, (75, 80, 85, 90, 95), 88.6, w="35", rule=interpolated(75, 80, 85, 90, 95),
          x="88.6", dim="ด้านการบริหารจัดการน้ำ", baseline=baseline),
        r("2", "พื้นที่การเกษตรที่ได้รับประโยชน์จากแหล่งน้ำขนาดเล็กที่ก่อสร้างแล้วเสร็จ", "ไร่", 25,
          ("12,500,000", "13,000,000", "13,500,000", "14,000,000", "14,500,000"), "13,762,500.75", w="25",
          rule=interpolated(12500000, 13000000, 13500000, 14000000, 14500000), x="13762500.75",
          dim="ด้านการบริหารจัดการน้ำ", baseline="12,880,000"),
        r("3", "ร้อยละของเครือข่ายเกษตรกรที่นำเทคโนโลยีการให้น้ำแบบประหยัดไปใช้ในแปลง", "ร้อยละ", 20,
          ("น้อยกว่าร้อยละ 50", "ร้อยละ 50 - 59.99", "ร้อยละ 60 - 69.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 ขึ้นไป"), 69.99,
          w="20", rule=banded(below("50"), between("50", "59.99"), between("60", "69.99"), between("70", "79.99"),
                              at_least("80")), x="69.99", dim="ด้านเครือข่ายเกษตรกร"),
        r("4", "ระดับความสำเร็จของการพัฒนาระบบเตือนภัยแล้งและน้ำท่วมระดับชุมชน", "ระดับความสำเร็จ", 20, (1, 2, 3, 4, 5),
          2, w="20", rule=MILESTONE, x="2", dim="ด้านเครือข่ายเกษตรกร"),
    ]
    table = Table(LONG_AGENCY, 2562, rows, cols(*BASIC[:12], "baseline", "result"),
                  title=["ข้อตกลงการปฏิบัติราชการ ประจำปีงบประมาณ 2562", LONG_AGENCY], sheet="ข้อตกลง")
    write_xlsx(path, [table])
    return Expected(
        "regional office agreement 2562 with its own dimension names (ด้าน…), long names, a baseline of several past "
        "years, and areas in the millions of rai",
        ["agency of 90 characters", "indicator of 200 characters", "own dimension names", "thresholds in the millions",
         "a banded result exactly on a band's upper bound (69.99 -> 3)"],
        [agreement(table)])


# 16 -------------------------------------------------------------------------------------------------------------
def f16(path: Path) -> Expected:
    ministry = "สำนักงานปลัดกระทรวงอุตสาหกรรมและการส่งเสริมอุตสาหกรรมชีวภาพและเศรษฐกิจหมุนเวียน"
    department = "กรมโรงงานอุตสาหกรรมและการกำกับดูแลความปลอดภัยของโรงงานในเขตนิคมอุตสาหกรรม"
    ministry_rows = [
        r("1", "มูลค่าการลงทุนในอุตสาหกรรมชีวภาพที่ได้รับการส่งเสริม", "ล้านบาท", 50,
          ("8,000", "9,000", "10,000", "11,000", "12,000"), "10,450", w="50",
          rule=interpolated(8000, 9000, 10000, 11000, 12000), x="10450", dim="Performance Base"),
        r("2", "ร้อยละของวัสดุเหลือใช้จากภาคอุตสาหกรรมที่นำกลับมาใช้ประโยชน์", "ร้อยละ", 20, (30, 35, 40, 45, 50), 36,
          w="20", rule=interpolated(30, 35, 40, 45, 50), x="36", dim="Performance Base"),
        r("3", "ระดับความสำเร็จของการปรับปรุงกฎหมายเพื่อรองรับเศรษฐกิจหมุนเวียน", "ระดับความสำเร็จ", 30,
          (1, 2, 3, 4, 5), 3, w="30", rule=MILESTONE, x="3", dim="Potential Base"),
    ]
    department_rows = [
        r("1", "ร้อยละของโรงงานจำพวกที่ 3 ที่ได้รับการตรวจกำกับดูแลตามแผน", "ร้อยละ", 40,
          ("ต่ำกว่าร้อยละ 80", "ร้อยละ 80 - 84.99", "ร้อยละ 85 - 89.99", "ร้อยละ 90 - 94.99", "ตั้งแต่ร้อยละ 95 ขึ้นไป"),
          93.4, w="40", rule=banded(below("80"), between("80", "84.99"), between("85", "89.99"),
                                    between("90", "94.99"), at_least("95")), x="93.4", dim="ด้านการกำกับดูแล"),
        r("2", "จำนวนอุบัติเหตุร้ายแรงจากการประกอบกิจการโรงงานต่อโรงงานหนึ่งหมื่นแห่ง", "ครั้ง", 30, (12, 10, 8, 6, 4),
          9, w="30", rule=interpolated(12, 10, 8, 6, 4), x="9", dim="ด้านการกำกับดูแล"),
        r("3", "ร้อยละความพึงพอใจของผู้ประกอบการต่อการอนุญาตผ่านระบบอิเล็กทรอนิกส์", "ร้อยละ", 30,
          (80, 82, 84, 86, 88), 87.2, w="30", rule=interpolated(80, 82, 84, 86, 88), x="87.2",
          dim="ด้านการบริการ"),
    ]
    columns = cols(*BASIC)
    ministry_table = Table(ministry, 2560, ministry_rows, columns, title=["คำรับรองระดับกระทรวง ปีงบประมาณ 2560"],
                           sheet="กระทรวง")
    department_table = Table(department, 2560, department_rows, columns,
                             title=["คำรับรองระดับกรม (ถ่ายทอดจากกระทรวง) ปีงบประมาณ 2560"], sheet="กรม")
    write_xlsx(path, [ministry_table, department_table])
    return Expected(
        "a ministry's workbook 2560 cascading its agreement to a department: one sheet each, each with its own "
        "dimensions (Performance Base 70 / Potential Base 30 named in a five-level table; ด้าน… for the department)",
        ["two agencies in one workbook", "cascade ministry -> department", "own dimension names under the 2560 "
         "five-level framework (no expectation)", "banded with ตั้งแต่ … ขึ้นไป"],
        [agreement(ministry_table), agreement(department_table)])


# 17 -------------------------------------------------------------------------------------------------------------
def f17(path: Path) -> Expected:
    agency = "กรมการจัดหางานและการคุ้มครองคนหางานที่ไปทำงานต่างประเทศ"
    labels = {"ประสิทธิผล": "มิติด้านประสิทธิผล", "คุณภาพการให้บริการ": "มิติด้านคุณภาพการให้บริการ",
              "มิติภายใน": "มิติภายใน"}
    rows = [
        r("1", "จำนวนผู้ได้รับการบรรจุงานในประเทศผ่านบริการจัดหางานของกรม", "คน", 35,
          ("150,000", "160,000", "170,000", "180,000", "190,000"), "176,540", w="35",
          rule=interpolated(150000, 160000, 170000, 180000, 190000), x="176540", dim="ประสิทธิผล"),
        r("2", "ร้อยละของคนหางานที่ไปทำงานต่างประเทศอย่างถูกกฎหมายเทียบกับปีที่ผ่านมา", "ร้อยละ", 25,
          (2, 4, 6, 8, 10), 5.5, w="25", rule=interpolated(2, 4, 6, 8, 10), x="5.5", dim="ประสิทธิผล"),
        r("3", "ร้อยละความพึงพอใจของผู้ใช้บริการศูนย์บริการจัดหางานเพื่อคนไทย", "ร้อยละ", 10, (80, 82, 84, 86, 88), 81,
          w="10", rule=interpolated(80, 82, 84, 86, 88), x="81", dim="คุณภาพการให้บริการ"),
        r("4", "ร้อยละของค่าใช้จ่ายในการดำเนินงานที่ลดลงจากการใช้ระบบงานอิเล็กทรอนิกส์", "ร้อยละ", 15, (1, 2, 3, 4, 5),
          0.5, w="15", rule=interpolated(1, 2, 3, 4, 5), x="0.5", dim="มิติภายใน"),
        r("5", "ระดับความสำเร็จของการพัฒนาคุณภาพการบริหารจัดการภาครัฐ", "ระดับ", 15, (1, 2, 3, 4, 5), 4, w="15",
          rule=MILESTONE, x="4", dim="มิติภายใน"),
    ]
    columns = cols(*[k for k in BASIC if k != "dim"], code="ตัวชี้วัด\nที่", name="ชื่อตัวชี้วัด",
                   weight="น้ำหนัก\n(ร้อยละ)", result="ผลการ\nดำเนินงาน")
    table = Table(agency, 2559, rows, columns, title=["แบบรายงานผลการปฏิบัติราชการตามคำรับรอง", "ปีงบประมาณ พ.ศ. 2559"],
                  dimension_rows=True, dimension_label=labels, repeat_header_before="4", sheet="รายงาน 12 เดือน")
    write_xlsx(path, [table])
    return Expected(
        "OPDC-era department report 2559 printed over two pages: headers broken over lines (ตัวชี้วัด\\nที่, "
        "น้ำหนัก\\n(ร้อยละ)), dimension heading rows with the framework's alias names, the header repeated on page 2",
        ["headers with line breaks", "dimension heading rows mapped by alias (มิติด้านประสิทธิผล -> ประสิทธิผล)",
         "header repeated mid-table", "framework weights 60/10/30 met: no warning", "floor below t1 (0.5 -> 1)"],
        [agreement(table)])


# 18 -------------------------------------------------------------------------------------------------------------
def f18(path: Path) -> Expected:
    agency = "สำนักงานความร่วมมือระหว่างประเทศด้านการพัฒนาเศรษฐกิจดิจิทัลและนวัตกรรมภาครัฐ"
    rows = [
        r("1", "Share of cross-border e-service transactions completed within the service standard "
               "(ร้อยละของธุรกรรมบริการอิเล็กทรอนิกส์ข้ามพรมแดนที่แล้วเสร็จตามมาตรฐาน)", "%", "30%",
          (" 85 ", "87.5", "90", "92.5", "95"), " 91.75 ", w="30", rule=interpolated(85, "87.5", 90, "92.5", 95),
          x="91.75", dim="Effectiveness", round="12 months"),
        r("2", "Number of memoranda of understanding signed with partner agencies", "MOU", "20%",
          ("4", "5", "6", "7", "8"), "6", w="20", rule=interpolated(4, 5, 6, 7, 8), x="6", dim="Effectiveness",
          round="12 months"),
        r("3", "Average days to answer a foreign agency's request", "days", "25%", ("15", "13", "11", "9", "7"),
          "12.5", w="25", rule=interpolated(15, 13, 11, 9, 7), x="12.5", dim="Service quality",
          round="12 months"),
        r("4", "Budget disbursement rate", "%", "25%", ("90", "92", "94", "96", "98"), "95.1", w="25",
          rule=interpolated(90, 92, 94, 96, 98), x="95.1", dim="Organisation", round="12 months"),
    ]
    table = Table(agency, "2025", rows,
                  cols(*BASIC, "round", agency="agency", year="fiscal_year", dim="dimension", code="code",
                       name="indicator", unit="unit", weight="weight", l1="level_1", l2="level_2", l3="level_3",
                       l4="level_4", l5="level_5", result="result", round="round"),
                  title=["Performance agreement, fiscal year 2025 (ปีงบประมาณ 2568)"], sheet="Agreement")
    write_xlsx(path, [table])
    expectation = agreement(table)
    expectation["fiscal_year"] = 2568  # written 2025 (C.E.): §10, B.E. = C.E. + 543
    return Expected(
        "an international-cooperation office's bilingual workbook 2568 with English headers, the fiscal year in C.E. "
        "(2025), weights written 30%, rounds written \"12 months\", stray spaces around numbers",
        ["English headers", "C.E. year 2025 -> 2568", "weights with a % sign", "stray spaces in numbers",
         "English dimension names under the five-level framework"],
        [expectation])


# 19 -------------------------------------------------------------------------------------------------------------
def f19(path: Path) -> Expected:
    agency = "กรมพัฒนาชุมชนและการส่งเสริมเศรษฐกิจฐานรากตามหลักปรัชญาของเศรษฐกิจพอเพียง"
    rows = [
        r("1", "ร้อยละของครัวเรือนยากจนตามข้อมูลความจำเป็นพื้นฐานที่มีรายได้ผ่านเกณฑ์", "ร้อยละ", 20, (90, 92, 94, 96, 98),
          95.2, w="20", rule=interpolated(90, 92, 94, 96, 98), x="95.2", dim="ประสิทธิผล", selfscore="3.6000"),
        r("2", "จำนวนผลิตภัณฑ์ชุมชนที่ได้รับการพัฒนาและจำหน่ายผ่านช่องทางออนไลน์", "ผลิตภัณฑ์", 25,
          ("1,000", "1,250", "1,500", "1,750", "2,000"), "1,430", w="25",
          rule=interpolated(1000, 1250, 1500, 1750, 2000), x="1430", dim="ประสิทธิผล", selfscore="2.7200"),
        r("3", "ร้อยละของกองทุนหมู่บ้านที่มีผลการประเมินระดับดีขึ้นไป", "ร้อยละ", 15, (60, 65, 70, 75, 80), 81,
          w="15", rule=interpolated(60, 65, 70, 75, 80), x="81", dim="ประสิทธิผล", selfscore="5.0000"),
        r("4", "ร้อยละความพึงพอใจของผู้รับบริการต่อการส่งเสริมอาชีพ", "ร้อยละ", 10, (76, 78, 80, 82, 84), 77.3,
          w="10", rule=interpolated(76, 78, 80, 82, 84), x="77.3", dim="คุณภาพการให้บริการ", selfscore="1.6500"),
        r("5", "ระยะเวลาเฉลี่ยในการอนุมัติเงินยืมกองทุนพัฒนาบทบาทสตรี", "วัน", 15, (45, 40, 35, 30, 25), 33,
          w="15", rule=interpolated(45, 40, 35, 30, 25), x="33", dim="มิติภายใน", selfscore="3.4000"),
        r("6", "ระดับความสำเร็จของการจัดการความรู้ขององค์กร", "ระดับความสำเร็จ", 15, (1, 2, 3, 4, 5), 5, w="15",
          rule=MILESTONE, x="5", dim="มิติภายใน", selfscore="5.0000"),
    ]
    table = Table(agency, 2557, rows, cols(*BASIC, "selfscore"), title=["คำรับรองการปฏิบัติราชการ ปีงบประมาณ 2557"],
                  two_row=TWO_ROW)
    write_csv(path, table, "cp874")
    return Expected(
        "OPDC department form 2557 saved from Excel as CSV (Windows-874): the two-row header survives without its "
        "merges (เกณฑ์การให้คะแนน in the first of five cells, 1-5 below; ผลการประเมินตนเอง over ผล / คะแนน)",
        ["two-row header, not merged (CSV)", "cp874 CSV", "framework weights 60/10/30 met: no warning"],
        [agreement(table)])


# 20 -------------------------------------------------------------------------------------------------------------
def f20(path: Path) -> Expected:
    agency = "กรมส่งเสริมการค้าระหว่างประเทศและการพัฒนาผู้ประกอบการส่งออกรายย่อยสู่ตลาดสากล"
    one = ("1", "มูลค่าการส่งออกสินค้าของผู้ประกอบการรายย่อยที่เข้าร่วมโครงการ", "ล้านบาท", 40,
           ("1,500", "1,750", "2,000", "2,250", "2,500"), interpolated(1500, 1750, 2000, 2250, 2500))
    two = ("2", "จำนวนผู้ประกอบการที่เข้าร่วมงานแสดงสินค้าในต่างประเทศ (ยกเลิกตามมติ ครม. ตั้งแต่รอบ 12 เดือน)", "ราย",
           30, (300, 350, 400, 450, 500), interpolated(300, 350, 400, 450, 500))
    three = ("3", "ร้อยละของผู้ประกอบการที่ใช้แพลตฟอร์มการค้าออนไลน์ของกรม (เพิ่มตั้งแต่รอบ 9 เดือน)", "ร้อยละ", 30,
             (40, 45, 50, 55, 60), interpolated(40, 45, 50, 55, 60))
    results = {("1", 6): "1,080", ("2", 6): "180", ("1", 9): "1,640", ("2", 9): "365", ("3", 9): "47",
               ("1", 12): "2,310", ("3", 12): "58.5"}
    rows = []
    for number, (quarter, spec) in enumerate([(6, one), (6, two), (9, one), (9, two), (9, three), (12, one),
                                              (12, three)], start=1):
        code, name, unit, weight, criteria, rule = spec
        start = 9 if code == "3" else None
        cancel = 12 if code == "2" else None
        written = results[(code, quarter)]
        rows.append(r(code, name, unit, weight, criteria, written, w=str(weight), rule=rule,
                      x={quarter: written.replace(",", "")}, dim="ประสิทธิผล" if code != "3" else "การพัฒนาองค์การ",
                      round=quarter, start=start, cancel=cancel, order=number, start_cell=start, cancel_cell=cancel))
    columns = cols("order", *BASIC, "round", "start_cell", "cancel_cell", order="ลำดับ", start_cell="เริ่มรอบ",
                   cancel_cell="ยกเลิกตั้งแต่รอบ")
    table = Table(agency, 2566, rows, columns, title=["รายงานผลการดำเนินงานตามคำรับรอง รอบ 6, 9 และ 12 เดือน ปี 2566"],
                  sheet="SAR")
    write_xlsx(path, [table])
    return Expected(
        "department self-assessment workbook 2566 (SAR) after an in-year revision: one indicator cancelled from the "
        "12-month round, one added from the 9-month round, a ลำดับ column numbering the rows beside the code",
        ["start round (เริ่มรอบ 9)", "cancel round (ยกเลิกตั้งแต่รอบ 12)", "renormalised total over counted weights "
         "(§5: 70 in rounds 6 and 12)", "ลำดับ beside ตัวชี้วัดที่"],
        [agreement(table, rounds=(6, 9, 12))])


# 21 -------------------------------------------------------------------------------------------------------------
def f21(path: Path) -> Expected:
    agency = "สำนักงานคณะกรรมการอาหารและยาส่วนการอนุญาตผลิตภัณฑ์สุขภาพและการคุ้มครองผู้บริโภค"
    rows = [
        r("1", "ร้อยละของคำขออนุญาตผลิตภัณฑ์สุขภาพที่พิจารณาแล้วเสร็จภายในระยะเวลาตามคู่มือสำหรับประชาชน", "ร้อยละ", 25,
          (90, 92, 94, 96, 98), 97.35, w="25", rule=interpolated(90, 92, 94, 96, 98), x="97.35", dim="ประสิทธิผล"),
        r("2", "ร้อยละของผลิตภัณฑ์สุขภาพหลังออกสู่ตลาดที่ตรวจพบว่าได้มาตรฐาน", "ร้อยละ", 20, (85, 87, 89, 91, 93), 88.1,
          w="20", rule=interpolated(85, 87, 89, 91, 93), x="88.1", dim="ประสิทธิผล"),
        r("3", "จำนวนเรื่องร้องเรียนผลิตภัณฑ์สุขภาพที่ผิดกฎหมายซึ่งดำเนินคดีแล้วเสร็จ", "เรื่อง", 15,
          (120, 140, 160, 180, 200), 171, w="15", rule=interpolated(120, 140, 160, 180, 200), x="171",
          dim="ประสิทธิผล"),
        r("4", "ระยะเวลาเฉลี่ยในการตอบข้อร้องเรียนผ่านสายด่วน 1556", "ชั่วโมง", 10, (48, 36, 24, 12, 6), 20,
          w="10", rule=interpolated(48, 36, 24, 12, 6), x="20", dim="คุณภาพการให้บริการ"),
        r("5", "ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผนการพัฒนาบุคลากรประจำปี", "ร้อยละ", 15, (80, 85, 90, 95, 100),
          93, w="15", rule=interpolated(80, 85, 90, 95, 100), x="93", dim="การพัฒนาองค์การ"),
        r("6", "ระดับความสำเร็จของการพัฒนาระบบอนุญาตอิเล็กทรอนิกส์แบบไร้กระดาษ", "ระดับความสำเร็จ", 15,
          (1, 2, 3, 4, 5), 4, w="15", rule=MILESTONE, x="4", dim="การพัฒนาองค์การ"),
    ]
    # Printed forms keep a margin: the table starts in column C, columns A and B stay empty.
    margin = [("margin_a", ""), ("margin_b", "")]
    table = Table(agency, 2568, rows, margin + cols(*BASIC),
                  title=["เอกสารแนบท้ายคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568"], sheet="เอกสารแนบ",
                  merge_down=("agency", "year", "dim"),
                  footer=[{},
                          {"agency": "หมายเหตุ: ตัวชี้วัดที่ 4 นับเวลาเฉพาะวันและเวลาราชการ"},
                          {"name": "ลงชื่อ ........................................ ผู้รับคำรับรอง"},
                          {"name": "(นางสาวตัวอย่าง ผู้รับรอง)"},
                          {"name": "ลงชื่อ ........................................ ผู้ทำคำรับรอง"}])
    write_xlsx(path, [table])
    return Expected(
        "the annex as agencies print it (เอกสารแนบท้ายคำรับรอง 2568): ส่วนราชการ, ปีงบประมาณ and มิติ merged down the "
        "rows they cover, then a note and the signature lines; the table starts in column C (a printing margin)",
        ["vertically merged agency, year and dimension cells", "a note and signature lines below the table",
         "the table not in column A"],
        [agreement(table)])


# 22 -------------------------------------------------------------------------------------------------------------
def f22(path: Path) -> Expected:
    agency = "กระทรวงการคลังส่วนราชการระดับกรมด้านการบริหารหนี้สาธารณะและการบริหารเงินคงคลัง"
    pb, pot = "Performance Base", "Potential Base"
    rows = [
        r("1", "ร้อยละของหนี้สาธารณะที่ได้รับการปรับโครงสร้างตามแผนการบริหารหนี้สาธารณะประจำปี", "ร้อยละ", 30,
          (80, 90, 100), 87.3, w="30", rule=three_level(80, 90, 100), x="87.3", dim=pb),
        r("2", "ระยะเวลาเฉลี่ยในการเบิกจ่ายเงินกู้ให้หน่วยงานผู้ใช้เงินกู้", "วัน", 25, (30, 25, 20), 22, w="25",
          rule=three_level(30, 25, 20), x="22", dim=pb),
        r("3", "ร้อยละของการระดมทุนผ่านตลาดตราสารหนี้ในประเทศต่อการกู้เงินทั้งหมด", "ร้อยละ", 15, (60, 70, 80), 81,
          w="15", rule=three_level(60, 70, 80), x="81", dim=pb),
        r("4", "มูลค่าต้นทุนดอกเบี้ยที่ประหยัดได้จากการบริหารหนี้เชิงรุก", "บาท", 20,
          ("1,000,000", "1,200,000", "1,500,000"), "1,333,333", w="20",
          rule=three_level(1000000, 1200000, 1500000), x="1333333", dim=pot),
        r("5", "ระดับความสำเร็จของการพัฒนาระบบบริหารเงินคงคลังแบบรวมศูนย์", "ระดับความสำเร็จ", 10, (1, 2, 3), 2,
          w="10", rule=THREE_LEVEL_MILESTONE, x="2", dim=pot),
    ]
    columns = cols(*BASIC[:7], "l1", "l2", "l3", "result", "framework", l1="ขั้นต้น", l2="มาตรฐาน", l3="ขั้นสูง",
                   framework="กรอบการประเมิน")
    for row in rows:
        row.extra["framework"] = "opdc-2560-onward"
    table = Table(agency, 2562, rows, columns, title=["คำรับรองการปฏิบัติราชการ ปีงบประมาณ 2562 (ระบบ 100 คะแนน)"])
    write_xlsx(path, [table])
    return Expected(
        "OPDC's 2560-onward form (Performance Base 70 + Potential Base 30) with three levels ขั้นต้น / มาตรฐาน / "
        "ขั้นสูง on the 100-point scale, the framework named in a กรอบการประเมิน column",
        ["three-level-100 scheme, points 50/70/100 from the framework file", "100 at or above ขั้นสูง",
         "lower is better on three levels", "reward threshold 70 (the framework file's)"],
        [agreement(table, reward_threshold=D(70))])


# 23 -------------------------------------------------------------------------------------------------------------
def f23(path: Path) -> Expected:
    agency = "สำนักงานเศรษฐกิจการเกษตรส่วนวิเคราะห์และติดตามประเมินผลนโยบายสินค้าเกษตรรายสินค้า"
    rows = [
        r("1", "ร้อยละความแม่นยำของการพยากรณ์ผลผลิตสินค้าเกษตรสำคัญเทียบกับผลผลิตจริง", "ร้อยละ", 30, (90, 92, 94, 96, 98),
          95.5, w="30", rule=interpolated(90, 92, 94, 96, 98), x="95.5", dim="ประสิทธิผล"),
        r("2", "จำนวนรายงานวิเคราะห์สถานการณ์สินค้าเกษตรที่เผยแพร่ทันกำหนด", "ฉบับ", 30, (40, 44, 48, 52, 56), 50,
          w="30", rule=interpolated(40, 44, 48, 52, 56), x="50", dim="ประสิทธิผล"),
        r("3", "ร้อยละความพึงพอใจของผู้ใช้ข้อมูลสารสนเทศการเกษตร", "ร้อยละ", 20, (75, 80, 85, 90, 95), 86.6, w="20",
          rule=interpolated(75, 80, 85, 90, 95), x="86.6", dim="คุณภาพการให้บริการ"),
        r("4", "ร้อยละการเบิกจ่ายงบประมาณของสำนักงาน", "ร้อยละ", 20, (92, 94, 96, 98, 100), 99, w="20",
          rule=interpolated(92, 94, 96, 98, 100), x="99", dim="มิติภายใน"),
    ]
    table = Table(agency, 2566, rows, cols(*BASIC), title=["สรุปตัวชี้วัดและน้ำหนัก ปีงบประมาณ 2566"],
                  footer=[{"name": "รวมทั้งสิ้น", "weight": 100}])
    grid, where, _ = layout(table)
    # The printed summary closes each dimension with its own total row, and the table with a grand total.
    subtotal_after = {"2": ("รวมมิติด้านประสิทธิผล", 60), "3": ("รวมมิติด้านคุณภาพการให้บริการ", 20),
                      "4": ("รวมมิติภายใน", 20)}
    keys = [k for k, _ in table.columns]
    for code, (label, weight) in sorted(subtotal_after.items(), key=lambda item: -where[(item[0], 12)]):
        line: list[object] = [None] * len(keys)
        line[keys.index("name")], line[keys.index("weight")] = label, weight
        grid.insert(where[(code, 12)], line)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["" if v is None else v for v in row] for row in grid])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return Expected(
        "a central office's summary of indicators and weights 2566 (CSV): each dimension closed by its own total row "
        "(รวมมิติ… 60 / 20 / 20) and the table by รวมทั้งสิ้น 100, rows that are not indicators",
        ["dimension total rows", "grand total row (รวมทั้งสิ้น 100)"],
        [agreement(table)])


# 24 -------------------------------------------------------------------------------------------------------------
def f24(path: Path) -> Expected:
    agency = "มหาวิทยาลัยเทคโนโลยีราชมงคลตัวอย่าง สำนักงานอธิการบดี กองนโยบายและแผน"
    spec = [
        ("1", "ร้อยละการเบิกจ่ายงบประมาณสะสมเทียบกับแผนการใช้จ่ายรายเดือน", "ร้อยละ", 40, (80, 85, 90, 95, 100),
         interpolated(80, 85, 90, 95, 100), {1: "78.4", 2: "86.25", 3: "91.6", 12: "98.2"}, "ด้านการบริหารงบประมาณ"),
        ("2", "จำนวนนักศึกษาที่ได้รับทุนการศึกษาสะสม", "คน", 35, (100, 150, 200, 250, 300),
         interpolated(100, 150, 200, 250, 300), {1: "40", 2: "115", 3: "180", 12: "305"}, "ด้านการพัฒนานักศึกษา"),
        ("3", "ระยะเวลาเฉลี่ยในการอนุมัติคำขอใช้งบประมาณ", "วัน", 25, (10, 8, 6, 4, 2), interpolated(10, 8, 6, 4, 2),
         {1: "9", 2: "7.5", 3: "5", 12: "3.2"}, "ด้านการบริหารงบประมาณ"),
    ]
    rows = []
    for month in (1, 2, 3, 12):
        for code, name, unit, weight, criteria, rule, results, dim in spec:
            rows.append(r(code, name, unit, weight, criteria, results[month], w=str(weight), rule=rule,
                          x={month: results[month]}, dim=dim, round=f"{month} เดือน"))
    table = Table(agency, 2569, rows, cols(*BASIC, "round"), title=["รายงานผลการดำเนินงานรายเดือน ปีงบประมาณ 2569"],
                  sheet="รายเดือน")
    write_xlsx(path, [table])
    return Expected(
        "a university's monthly progress workbook 2569 (รายงานรายเดือน): rounds written \"1 เดือน\" … \"12 เดือน\"; "
        "the workspace allows monthly rounds (rounds.monthly on) as the issue says universities need",
        ["monthly rounds 1, 2, 3 and 12 with the workspace setting", "rounds written with เดือน"],
        [agreement(table, rounds=(1, 2, 3, 12))],
        setup=[["setting", "rounds.monthly", "on"]])


# 25 -------------------------------------------------------------------------------------------------------------
def f25(path: Path) -> Expected:
    agency = "สำนักงานเลขาธิการสภาการศึกษาตัวอย่างด้านนโยบายและแผนการศึกษาแห่งชาติ"
    rows = [
        r("1", "ร้อยละความสำเร็จของการจัดทำข้อเสนอเชิงนโยบายด้านการศึกษาที่ได้รับความเห็นชอบ", "ร้อยละ", 40,
          (80, 85, 90, 95, 100), 92, w="40", rule=interpolated(80, 85, 90, 95, 100), x="92", dim="ประสิทธิผล"),
        r("2", "การรายงานผลการดำเนินงานตามแผนปฏิบัติราชการ", "", 7, (), None, w="7", rule=None, dim="ประสิทธิผล"),
        r("2.1", "ระดับความสำเร็จของการรายงานความก้าวหน้าการปฏิรูปการศึกษารายไตรมาส", "ระดับความสำเร็จ", 4,
          (1, 2, 3, 4, 5), 5, w="4", rule=MILESTONE, x="5", dim="ประสิทธิผล"),
        r("2.2", "ระดับความสำเร็จของการรายงานผลการติดตามแผนการศึกษาแห่งชาติ", "ระดับความสำเร็จ", 3, (1, 2, 3, 4, 5), 2,
          w="3", rule=MILESTONE, x="2", dim="ประสิทธิผล"),
        r("3", "ร้อยละความพึงพอใจของผู้ใช้ข้อมูลสถิติการศึกษา", "ร้อยละ", 28, (75, 80, 85, 90, 95), 88, w="28",
          rule=interpolated(75, 80, 85, 90, 95), x="88", dim="คุณภาพการให้บริการ"),
        r("4", "ร้อยละการเบิกจ่ายงบประมาณภาพรวม", "ร้อยละ", 25, (92, 94, 96, 98, 100), 97.1, w="25",
          rule=interpolated(92, 94, 96, 98, 100), x="97.1", dim="การพัฒนาองค์การ"),
    ]
    table = Table(agency, 2561, rows, cols(*BASIC), title=["ผลการประเมินตนเองตามคำรับรองการปฏิบัติราชการ ปี 2561"])
    write_xlsx(path, [table])
    self_assessment = agreement(table)
    # The committee rates the same results, except indicator 1 (it counts 90, not 92), and deducts 0.2 per progress
    # report not submitted: 2.1 one missing (5 -> 4.8), 2.2 two missing (2 -> 1.6), as OPEC's published 2561 table.
    committee_results = {"1": "90", "2.1": "5", "2.2": "2", "3": "88", "4": "97.1"}
    adjusted = {"2.1": (D("4.8"), "ไม่ส่งรายงานความก้าวหน้า 1 ครั้ง หัก 0.2"),
                "2.2": (D("1.6"), "ไม่ส่งรายงานความก้าวหน้า 2 ครั้ง หัก 0.4")}
    items = []
    for row in table.rows:
        item = row.meaning
        results = {12: D(committee_results[item.code])} if item.code in committee_results else {}
        items.append(Item(item.code, item.weight, item.dimension, item.rule, results, item.method))
    actions = [["rate", "{id}", code, value, "--evaluator", "committee"] for code, value in committee_results.items()]
    actions += [["adjust", "{id}", code, str(score), "--reason", reason, "--evaluator", "committee"]
                for code, (score, reason) in adjusted.items()]
    self_assessment["evaluators"] = {"committee": {"actions": actions,
                                                   "rounds": {"12": figures(items, 12, adjusted=adjusted)}}}
    return Expected(
        "OPEC's published 2561 shape: self-assessment beside the committee's column, the committee deducting 0.2 per "
        "progress report not submitted (2.1: 5 -> 4.8, weighted 0.2000 -> 0.1920; 2.2: 2 -> 1.6, 0.0600 -> 0.0480)",
        ["§9 published figures 0.2000 / 0.1920 / 0.0600 / 0.0480", "committee ratings through `rate --evaluator`",
         "adjusted scores through `adjust` (computed, adjusted, reason)", "a parent 2 over 2.1 and 2.2"],
        [self_assessment])


# Refusals -------------------------------------------------------------------------------------------------------
def refused_equal_thresholds(path: Path) -> Expected:
    agency = "กรมส่งเสริมคุณภาพสิ่งแวดล้อมและการมีส่วนร่วมของประชาชนในการจัดการขยะชุมชน"
    rows = [
        r("1", "ร้อยละของขยะมูลฝอยชุมชนที่ได้รับการจัดการอย่างถูกต้องตามหลักวิชาการ", "ร้อยละ", 50,
          (40, 50, 60, 60, 70), 62, w="50", rule=None, x=None, dim="ประสิทธิผล"),
        r("2", "ร้อยละของชุมชนที่มีการคัดแยกขยะต้นทาง", "ร้อยละ", 50, (20, 30, 40, 50, 60), 45, w="50", rule=None,
          dim="ประสิทธิผล"),
    ]
    table = Table(agency, 2563, rows, cols(*BASIC, "selfscore"), title=["คำรับรองการปฏิบัติราชการ 2563"],
                  two_row=TWO_ROW, sheet="KPI")
    where, _ = write_xlsx(path, [table])[table.sheet]
    return Expected("published department row whose criteria read 40 50 60 60 70 (levels 3 and 4 equal)",
                    ["non-monotone criteria refused"],
                    refusal={"sheet": "KPI", "row": where[("1", 12)], "column": "เกณฑ์การให้คะแนน", "says": ["equal"],
                             "why": "levels 3 and 4 are both 60: no score can be interpolated between them"})


def refused_duplicate_code(path: Path) -> Expected:
    agency = "สำนักงานสาธารณสุขจังหวัดตัวอย่างและเครือข่ายโรงพยาบาลส่งเสริมสุขภาพตำบล"
    rows = [
        r("1", "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี", "ร้อยละ", 40, (30, 35, 40, 45, 50), 41, w="40",
          rule=None, dim="ประสิทธิผล"),
        r("2", "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรองภาวะหกล้ม", "ร้อยละ", 30, (80, 85, 90, 95, 100), 93, w="30",
          rule=None, dim="ประสิทธิผล"),
        r("2", "ร้อยละของหญิงตั้งครรภ์ที่ได้รับวัคซีนครบตามเกณฑ์", "ร้อยละ", 30, (80, 85, 90, 95, 100), 97, w="30",
          rule=None, dim="ประสิทธิผล"),
    ]
    table = Table(agency, 2566, rows, cols(*BASIC))
    grid, _, _ = layout(table)
    write_csv(path, table, "utf-8-sig")
    second = [n for n, values in enumerate(grid, start=1) if values and values[3] == "2"][1]
    return Expected("provincial health office CSV 2566 with the code 2 typed twice", ["duplicated code refused"],
                    refusal={"sheet": None, "row": second, "column": "ตัวชี้วัดที่",
                             "says": ["more than once", "duplicate"],
                             "why": "two rows claim indicator 2 in the same round"})


def refused_overlapping_bands(path: Path) -> Expected:
    agency = "กรมพัฒนาที่ดินและการอนุรักษ์ดินและน้ำเพื่อเกษตรกรรมยั่งยืน"
    rows = [
        r("1", "ร้อยละของพื้นที่ดินเค็มที่ได้รับการปรับปรุงตามแผน", "ร้อยละ", 60,
          ("น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 74.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99", "ร้อยละ 90 ขึ้นไป"), 72,
          w="60", rule=None, dim="ประสิทธิผล"),
        r("2", "จำนวนหมอดินอาสาที่ได้รับการอบรม", "คน", 40, (500, 600, 700, 800, 900), 720, w="40", rule=None,
          dim="ประสิทธิผล"),
    ]
    table = Table(agency, 2564, rows, cols(*BASIC), title=["ตัวชี้วัด ปีงบประมาณ 2564"], sheet="ตัวชี้วัด")
    where, _ = write_xlsx(path, [table])[table.sheet]
    return Expected("banded row whose level 2 (60 - 74.99) overlaps level 3 (70 - 79.99)", ["overlapping bands"],
                    refusal={"sheet": "ตัวชี้วัด", "row": where[("1", 12)], "column": "เกณฑ์", "says": ["overlap"],
                             "why": "72 would be in level 2 and in level 3"})


def refused_gapped_bands(path: Path) -> Expected:
    agency = "กรมส่งเสริมการเรียนรู้และการศึกษานอกระบบเพื่อประชาชนในพื้นที่ห่างไกล"
    rows = [
        r("1", "ร้อยละของผู้เรียนที่สำเร็จการศึกษาตามหลักสูตร", "ร้อยละ", 50,
          ("น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 64.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99", "ร้อยละ 90 ขึ้นไป"), 67,
          w="50", rule=None, dim="ประสิทธิผล"),
        r("2", "จำนวนแหล่งเรียนรู้ชุมชนที่ได้รับการพัฒนา", "แห่ง", 50, (100, 120, 140, 160, 180), 150, w="50",
          rule=None, dim="ประสิทธิผล"),
    ]
    table = Table(agency, 2565, rows, cols(*BASIC))
    _, where, _ = layout(table)
    write_csv(path, table, "cp874")
    return Expected("banded row with a hole between levels 2 (60 - 64.99) and 3 (70 - 79.99)", ["gapped bands"],
                    refusal={"sheet": None, "row": where[("1", 12)], "column": "เกณฑ์", "says": ["gap"],
                             "why": "a result of 67 would be in no band"})


def refused_error_cell(path: Path) -> Expected:
    agency = "สำนักงานพระพุทธศาสนาจังหวัดตัวอย่างและศูนย์ส่งเสริมคุณธรรมจริยธรรม"
    rows = [
        r("1", "ร้อยละของวัดที่ได้รับการพัฒนาเป็นวัดประชารัฐสร้างสุข", "ร้อยละ", 60, (60, 65, 70, 75, 80),
          Formula("=1/0"), w="60", rule=None, dim="ประสิทธิผล"),
        r("2", "จำนวนผู้เข้าร่วมกิจกรรมส่งเสริมคุณธรรม", "คน", 40, (1000, 1200, 1400, 1600, 1800), 1500, w="40",
          rule=None, dim="ประสิทธิผล"),
    ]
    table = Table(agency, 2567, rows, cols(*BASIC), sheet="KPI")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source.xlsx"
        where, _ = write_xlsx(source, [table])[table.sheet]
        libreoffice_xlsx(source, path)  # LibreOffice caches #DIV/0! as the formula's value
    return Expected("a result cell that Excel shows as #DIV/0! (a formula dividing by an empty count)",
                    ["error cell refused, never blank"],
                    refusal={"sheet": "KPI", "row": where[("1", 12)], "column": "ผลการดำเนินงาน", "says": ["#DIV/0!"],
                             "why": "#DIV/0! is not a result"})


def refused_text_result(path: Path) -> Expected:
    agency = "สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมส่วนภูมิภาคและศูนย์บริการผู้ประกอบการจังหวัด"
    rows = [
        r("1", "จำนวนผู้ประกอบการที่ได้รับการพัฒนาศักยภาพด้านการตลาดดิจิทัล", "ราย", 60, (400, 450, 500, 550, 600),
          "ดำเนินการแล้วเสร็จ", w="60", rule=None, dim="ประสิทธิผล"),
        r("2", "ร้อยละความพึงพอใจของผู้รับบริการศูนย์บริการผู้ประกอบการ", "ร้อยละ", 40, (80, 85, 90, 95, 100), 88,
          w="40", rule=None, dim="คุณภาพการให้บริการ"),
    ]
    table = Table(agency, 2567, rows, cols(*BASIC), title=["ผลการดำเนินงาน ปีงบประมาณ 2567"], sheet="ผลการดำเนินงาน")
    where, _ = write_xlsx(path, [table])[table.sheet]
    return Expected("a result cell holding words (ดำเนินการแล้วเสร็จ) where the count belongs",
                    ["a result that is not a number"],
                    refusal={"sheet": "ผลการดำเนินงาน", "row": where[("1", 12)], "column": "ผลการดำเนินงาน",
                             "says": ["number"], "why": "no score can be computed from words"})


def refused_missing_level(path: Path) -> Expected:
    agency = "กรมส่งเสริมวัฒนธรรมและการอนุรักษ์มรดกภูมิปัญญาทางวัฒนธรรมของชุมชนท้องถิ่น"
    rows = [
        r("1", "จำนวนชุมชนที่ได้รับการส่งเสริมให้ใช้มรดกภูมิปัญญาทางวัฒนธรรมสร้างมูลค่าทางเศรษฐกิจ", "ชุมชน", 55,
          (20, 25, None, 35, 40), 31, w="55", rule=None, dim="ประสิทธิผล"),
        r("2", "ร้อยละความพึงพอใจของผู้เข้าร่วมกิจกรรมทางวัฒนธรรม", "ร้อยละ", 45, (80, 85, 90, 95, 100), 92, w="45",
          rule=None, dim="คุณภาพการให้บริการ"),
    ]
    table = Table(agency, 2565, rows, cols(*BASIC))
    _, where, _ = layout(table)
    write_csv(path, table, "utf-8-sig")
    return Expected("a scored row whose level 3 criterion was left empty", ["missing criteria"],
                    refusal={"sheet": None, "row": where[("1", 12)], "column": "เกณฑ์", "says": ["empty"],
                             "why": "between 25 and 35 nothing says where level 3 starts"})


CORPUS = [
    ("01_ministry_2566_title_rows.xlsx", f01),
    ("02_department_2556_two_row_header.xlsx", f02),
    ("03_university_unit_2561_sum_102.xlsx", f03),
    ("04_department_2563_fractions_100.xlsx", f04),
    ("05_regional_2565_fractions_102.csv", f05),
    ("06_department_2564_banded.xlsx", f06),
    ("07_education_area_2568_banded_scoring_column.csv", f07),
    ("08_department_2565_milestones.xlsx", f08),
    ("09_ministry_2567_quarterly.csv", f09),
    ("10_regional_2569_thai_digits_cp874.csv", f10),
    ("11_finance_2567_percent_cells_millions.xlsx", f11),
    ("12_provincial_2568_libreoffice.xlsx", f12),
    ("13_department_2569_orphan_codes.xlsx", f13),
    ("14_department_2558_effectiveness_75.xlsx", f14),
    ("15_regional_2562_long_names.xlsx", f15),
    ("16_ministry_department_2560_cascade.xlsx", f16),
    ("17_department_2559_printed_report.xlsx", f17),
    ("18_international_2568_english_headers.xlsx", f18),
    ("19_department_2557_two_row_header_cp874.csv", f19),
    ("20_department_2566_revised_rounds.xlsx", f20),
    ("21_fda_2568_merged_cells_margin.xlsx", f21),
    ("22_finance_2562_three_level_100.xlsx", f22),
    ("23_agri_economics_2566_total_rows.csv", f23),
    ("24_university_2569_monthly.xlsx", f24),
    ("25_opec_2561_committee_adjusted.xlsx", f25),
    ("refused_01_thresholds_40_50_60_60_70.xlsx", refused_equal_thresholds),
    ("refused_02_duplicated_code.csv", refused_duplicate_code),
    ("refused_03_overlapping_bands.xlsx", refused_overlapping_bands),
    ("refused_04_gapped_bands.csv", refused_gapped_bands),
    ("refused_05_error_cell.xlsx", refused_error_cell),
    ("refused_06_words_in_result.xlsx", refused_text_result),
    ("refused_07_missing_criterion.csv", refused_missing_level),
]


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for name, make in CORPUS:
        path = FILES / name
        expected = make(path)
        document: dict[str, Any] = {"file": name, "shape": expected.shape, "covers": expected.covers}
        if expected.refusal is not None:
            document["refusal"] = {"file": name, **expected.refusal}
        else:
            if expected.setup:
                document["setup"] = expected.setup
            document["agreements"] = expected.agreements
            document["warnings"] = expected.warnings
        path.with_suffix(".json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
        print(name)


if __name__ == "__main__":
    main()
