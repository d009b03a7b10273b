"""The cells of a workbook's sheets, read with bounded memory whatever the file claims.

An .xlsx names its own size (the `<dimension ref="A1:WNZ99000">` tag) and places cells anywhere: a 5 KB file with
one cell at M99000 and one in column 16000 made pandas build a 99,000 x 16,000 frame (12 GB). Here each sheet is
streamed row by row (openpyxl's read-only mode), only the first MAX_COLUMNS columns are kept (no agreement has more
than a few dozen; the header row must be among them), every row is cut after its last value, and a sheet with more
than MAX_ROWS rows is refused as soon as its row MAX_ROWS + 1 is met. Memory is then a small multiple of the
values actually present, never of the area they span.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from typing import IO

# Wide enough for any agreement sheet (the template has 30 columns, a two-row header a few more); cells to the
# right of it are never read.
MAX_COLUMNS = 256
# Values kept from the whole workbook: 20,000 rows of 50 columns. Each costs about 100 bytes in memory.
MAX_CELLS = 1_000_000
# Excel's own limit: a row with more cells was not written by Excel, and openpyxl holds a whole row while reading.
MAX_CELLS_IN_A_ROW = 16_384
MAX_SHEETS = 1_000
# Parts openpyxl holds whole in memory (shared strings, styles, the workbook): an honest one is a few MB; shared
# strings of 20,000 rows of long Thai names stay under 16 MB.
MAX_HELD_PART_BYTES = 32 * 1024 * 1024


# What pandas.read_excel, which this replaces, read as an empty cell: Excel's error values and pandas' default
# missing-value words. Kept so that a workbook imports exactly as before.
_EMPTY_TEXTS = frozenset((
    "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!",
    "", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL",
    "NaN", "None", "n/a", "nan", "null",
))


class TooManyRows(Exception):
    def __init__(self, sheet: str):
        super().__init__(sheet)
        self.sheet = sheet


class WorkbookTooLarge(Exception):
    """A workbook whose shape no agreement workbook has; `th` and `en` say which limit, `sheet` where."""

    def __init__(self, th: str, en: str, sheet: str | None = None):
        super().__init__(en)
        self.th, self.en, self.sheet = th, en, sheet


@dataclass(frozen=True)
class SheetCells:
    name: str
    rows: list[list[object]]  # row i is Excel row i + 1; a row holds its cells up to its last value
    hidden: str  # "visible", "hidden" or "veryHidden", as the workbook says


def read_workbook_cells(data: bytes, max_rows: int) -> list[SheetCells]:
    """Every worksheet's cells (chart sheets have none). Raises TooManyRows, or whatever openpyxl raises on a
    damaged file (the caller turns that into a refusal)."""
    import openpyxl

    _check_parts(data)
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation, conditional formats): no cell values.
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        sheets = []
        budget = [MAX_CELLS]
        for sheet in book.worksheets:
            sheets.append(SheetCells(str(sheet.title), _rows(sheet, max_rows, budget),
                                     str(getattr(sheet, "sheet_state", "visible") or "visible")))
        return sheets
    finally:
        book.close()


def _check_parts(data: bytes) -> None:
    """Refuse, before openpyxl reads anything, a workbook that would make it hold too much: a part it keeps whole
    that is too large, too many sheets, or a row with more cells than Excel allows (counted while streaming)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [m for m in archive.infolist() if m.filename.startswith("xl/worksheets/") and
                  m.filename.endswith(".xml")]
        if len(sheets) > MAX_SHEETS:
            raise WorkbookTooLarge(f"มีแผ่นงาน {len(sheets):,} แผ่น เกิน {MAX_SHEETS:,}",
                                   f"it has {len(sheets):,} sheets, more than {MAX_SHEETS:,}")
        for member in archive.infolist():
            held = member.filename.endswith((".xml", ".rels")) and member not in sheets
            if held and member.file_size > MAX_HELD_PART_BYTES:
                raise WorkbookTooLarge(
                    f"ส่วน {member.filename} ใหญ่เกินไป ({member.file_size // 1024 // 1024} MB)",
                    f"the part {member.filename} is too large ({member.file_size // 1024 // 1024} MB; the limit "
                    f"is {MAX_HELD_PART_BYTES // 1024 // 1024} MB)")
        total = 0
        for member in sheets:
            with archive.open(member) as stream:
                total += _check_row_widths(stream, member.filename)
            if total > MAX_CELLS:
                raise WorkbookTooLarge(f"มีข้อมูลเกิน {MAX_CELLS:,} เซลล์",
                                       f"it holds more than {MAX_CELLS:,} cells of data")


# The start of a row or a cell element, with or without a namespace prefix (<row ...>, <x:c ...>).
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_TAG_START_BYTES = 64  # enough of a tag to tell a row or a cell from anything else


def _check_row_widths(stream: IO[bytes], part: str) -> int:
    """Count the cells of each row in the sheet's XML as it streams past (regular expressions over 1 MB blocks:
    XML text and attribute values cannot hold a raw "<", so every match is a tag); the number of cells."""
    carry = b""
    row, cells, total = 0, 0, 0
    while True:
        block = stream.read(1 << 20)
        data = carry + block
        cut = data.rfind(b"<")
        if block and cut >= 0 and len(data) - cut < _TAG_START_BYTES:
            data, carry = data[:cut], data[cut:]  # a tag cut in two: read it whole with the next block
        else:
            carry = b""
        pieces = _ROW_START.split(data)
        for index, piece in enumerate(pieces):
            if index > 0:
                row, cells = row + 1, 0
            found = len(_CELL_START.findall(piece))
            cells, total = cells + found, total + found
            if cells > MAX_CELLS_IN_A_ROW:
                raise WorkbookTooLarge(
                    f"แถวที่ {row:,} มีเซลล์มากกว่า {MAX_CELLS_IN_A_ROW:,} เซลล์ ซึ่ง Excel ไม่สร้างเช่นนี้",
                    f"row {row:,} holds more than {MAX_CELLS_IN_A_ROW:,} cells, more than Excel allows", part)
        if not block:
            return total


def _rows(sheet: object, max_rows: int, budget: list[int]) -> list[list[object]]:
    rows: list[list[object]] = []
    # Rows are numbered by the file (r="..."); openpyxl yields the rows between them as empty ones. Its padding
    # to `max_col` makes a gap of 99,000 rows cost time, not memory: each row is cut to its values at once.
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):  # type: ignore[attr-defined]
        if number > max_rows:
            raise TooManyRows(str(sheet.title))  # type: ignore[attr-defined]
        if cells.count(None) == len(cells):  # a gap between rows: the common case in a sparse sheet, made fast
            rows.append([])
            continue
        end = len(cells)
        while cells[end - 1] is None:
            end -= 1
        row = [_value(cell) for cell in cells[:end]]
        while row and row[-1] is None:
            row.pop()
        budget[0] -= len(row)
        if budget[0] < 0:
            raise WorkbookTooLarge(f"มีข้อมูลเกิน {MAX_CELLS:,} เซลล์", f"it holds more than {MAX_CELLS:,} cells of data",
                                   str(sheet.title))  # type: ignore[attr-defined]
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _value(cell: object) -> object:
    if isinstance(cell, str) and cell in _EMPTY_TEXTS:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)  # as pandas gave it: 2567.0 typed as a number is the year 2567
    return cell
