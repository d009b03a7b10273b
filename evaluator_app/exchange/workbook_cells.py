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
from dataclasses import dataclass, field
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


class TooManyRows(Exception):
    def __init__(self, sheet: str):
        super().__init__(sheet)
        self.sheet = sheet


class WorkbookTooLarge(Exception):
    """A workbook whose shape no agreement workbook has; `th` and `en` say which limit, `sheet` where."""

    def __init__(self, th: str, en: str, sheet: str | None = None):
        super().__init__(en)
        self.th, self.en, self.sheet = th, en, sheet


# Why Excel does not show a row or column: hidden by hand, filtered out by the sheet's filter, or inside a
# collapsed group (an outline). All three are the same flag in the file; the message says which it was.
HIDDEN = "hidden"
FILTERED = "filtered"
GROUPED = "grouped"


@dataclass(frozen=True)
class SheetCells:
    name: str
    rows: list[list[object]]  # row i is Excel row i + 1; a row holds its cells up to its last value
    hidden: str  # "visible", "hidden" or "veryHidden", as the workbook says
    # 0-based row and column indices Excel does not show, each with why (HIDDEN, FILTERED or GROUPED)
    hidden_rows: dict[int, str] = field(default_factory=dict)
    hidden_columns: dict[int, str] = field(default_factory=dict)


def check_parts(data: bytes) -> None:
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
