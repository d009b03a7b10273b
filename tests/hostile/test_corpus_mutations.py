"""Every workbook of the corpus, changed the way agencies change a sheet without changing what it says: words and
signature lines under the table (under each column in turn), a total row labelled in the table's first column, an
instructions sheet before the table, blank columns before it, merged title rows over it. Each copy must read
exactly as the original: the same agreements, indicators, criteria and results (found refused by a fuzz of the
corpus; see tests/exchange/test_fuzzed_shapes.py for the rules one by one)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.cell_range import CellRange

from evaluator_app.exchange.agreement_workbook import read_agreement_files
from tests.corpus import corpus_files, expected
from tests.exchange.conftest import shipped_frameworks

WORKBOOKS = [p for p in corpus_files() if p.suffix == ".xlsx" and not expected(p).get("setup")]
SIGNATURE = ("หมายเหตุ: ข้อมูล ณ วันที่ 30 กันยายน", "ลงชื่อ ........................................ ผู้รับคำรับรอง",
             "(นายสมชาย ใจดี)", "ปลัดกระทรวง")


def _header_row(sheet: Any) -> int | None:
    """The first row of five cells or more naming the weight (a title above may say น้ำหนัก too)."""
    for row in sheet.iter_rows():
        if sum(c.value is not None for c in row) >= 5 and any(
                isinstance(c.value, str) and ("น้ำหนัก" in c.value or "weight" in c.value.lower()) for c in row):
            return int(row[0].row)
    return None


def _tables(book: Any) -> list[tuple[Any, int]]:
    return [(sheet, row) for sheet in book.worksheets if (row := _header_row(sheet)) is not None]


def _shift(sheet: Any, rows: int, columns: int) -> None:
    merged = [str(m) for m in sheet.merged_cells.ranges]
    for area in merged:
        sheet.unmerge_cells(area)
    cells = [(c.row, c.column, c.value, c.number_format) for line in sheet.iter_rows() for c in line
             if c.value is not None]
    for r, c, _, _ in cells:
        sheet.cell(r, c).value = None
    for r, c, value, number_format in cells:
        sheet.cell(r + rows, c + columns).value = value
        sheet.cell(r + rows, c + columns).number_format = number_format
    for area in merged:
        moved = CellRange(area)
        moved.shift(col_shift=columns, row_shift=rows)
        sheet.merge_cells(moved.coord)


def _signature_under(column_of: Callable[[Any, int], int]) -> Callable[[Any], None]:
    def change(book: Any) -> None:
        for sheet, header in _tables(book):
            last, column = sheet.max_row, column_of(sheet, header)
            for offset, text in enumerate(SIGNATURE, start=2):
                sheet.cell(last + offset, column).value = text
    return change


def _header_columns(sheet: Any, header: int) -> list[int]:
    """The table's columns: from its first to its last header cell (two-row headers and merges included)."""
    written = [c.column for r in (header, header + 1) for c in sheet[r] if c.value is not None]
    return list(range(min(written), max(written) + 1))


def _total_in_first_column(book: Any) -> None:
    for sheet, header in _tables(book):
        columns = _header_columns(sheet, header)
        weight = next(c for c in columns if "น้ำหนัก" in str(sheet.cell(header, c).value)
                      or "weight" in str(sheet.cell(header, c).value).lower())
        weights = [sheet.cell(r, weight).value for r in range(header + 1, sheet.max_row + 1)]
        total = sum((Decimal(repr(w)) for w in weights if isinstance(w, int | float)), Decimal(0))
        last = sheet.max_row + 1
        sheet.cell(last, columns[0]).value = "รวม"
        sheet.cell(last, weight).value = float(total)


def _instructions_first(book: Any) -> None:
    sheet = book.create_sheet("คำชี้แจง", 0)
    sheet["A1"] = "คำชี้แจงการกรอกข้อมูล"
    sheet["A2"] = "กรอกผลการดำเนินงานในคอลัมน์ที่กำหนด ห้ามแก้ไขสูตร"


def _blank_columns_before(book: Any) -> None:
    for sheet, _ in _tables(book):
        _shift(sheet, 0, 2)


def _merged_title_over(book: Any) -> None:
    for sheet, _ in _tables(book):
        width = sheet.max_column
        _shift(sheet, 2, 0)
        sheet.cell(1, 1).value = "เอกสารแนบท้ายคำรับรองการปฏิบัติราชการ ตัวชี้วัดและเกณฑ์การให้คะแนน"
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)


CHANGES: dict[str, Callable[[Any], None]] = {
    "signature under the first column": _signature_under(lambda s, h: _header_columns(s, h)[0]),
    "signature under the second column": _signature_under(lambda s, h: _header_columns(s, h)[1]),
    "signature under the middle": _signature_under(lambda s, h: _header_columns(s, h)[len(_header_columns(s, h)) // 2]),
    "signature under the last column": _signature_under(lambda s, h: _header_columns(s, h)[-1]),
    "total labelled in the first column": _total_in_first_column,
    "instructions sheet first": _instructions_first,
    "blank columns before": _blank_columns_before,
    "merged title rows over": _merged_title_over,
}


def _read(path: Path) -> list[tuple[Any, ...]]:
    reading = read_agreement_files([path], shipped_frameworks())
    assert reading.problems == (), [str(p) for p in reading.problems]
    return sorted((a.agreement.agency, a.agreement.fiscal_year,
                   [(i.code, i.name, i.weight, str(i.thresholds), i.kind) for i in a.agreement.indicators],
                   [(r.code, r.round, r.result) for r in a.self_ratings]) for a in reading.agreements)


@pytest.mark.parametrize("change", CHANGES, ids=str)
@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name[:2])
def test_a_corpus_workbook_changed_without_changing_its_content_reads_the_same(tmp_path, path, change):
    book = openpyxl.load_workbook(path, data_only=True)  # formulas as their saved values: the figures stay
    copy = tmp_path / path.name
    book.save(copy)
    want = _read(copy)
    CHANGES[change](book)
    changed = tmp_path / f"changed-{path.name}"
    book.save(changed)
    assert _read(changed) == want
