"""Reading workbook and CSV files into plain grids of cells, refusing hostile or unreadable files politely.

Row i of a grid (0-based) is row i + 1 as the user sees it in Excel: blank rows are kept, never skipped.
"""

from __future__ import annotations

import csv
import io
import math
import re
import stat
import sys
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from evaluator_app.domain.problems import Problem

from .excel_cells import read_workbook
from .workbook_cells import MAX_CELLS_IN_A_ROW, MAX_COLUMNS, TooManyRows, WorkbookTooLarge

MAX_FILE_BYTES = 50 * 1024 * 1024
# Every Thai agency's agreement of a year fits in about 8,000 rows; this limit keeps the importer under 300 MB
# (tests/hostile/test_importer_memory.py measures it).
MAX_ROWS = 20_000
MAX_CELL_CHARS = 5_000
# Sheet XML is verbose (~40 bytes a cell); an honest 100,000-row sheet stays far below this. A small zip that
# inflates beyond it is a zip bomb.
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
# Honest sheet XML deflates 15-20 times (measured on 100,000 identical rows); padding that inflates more is an
# attack: expat before 2.6 takes quadratic time on one long token (a 20 MB comment: 8 s; 100 MB: minutes).
MAX_PART_RATIO = 100
RATIO_FREE_BYTES = 1024 * 1024

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ACCEPTED_SUFFIXES = (*EXCEL_SUFFIXES, ".csv")
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx
_CSV_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Grid:
    """One sheet (or a whole CSV file) as rows of raw cell values; `sheet` is None for CSV."""

    file: str
    sheet: str | None
    rows: list[list[object]]
    state: str = "visible"  # "hidden" or "veryHidden" for a sheet Excel does not show
    # 0-based rows and columns Excel does not show, each with why (workbook_cells: HIDDEN, FILTERED, GROUPED)
    hidden_rows: Mapping[int, str] = field(default_factory=dict)
    hidden_columns: Mapping[int, str] = field(default_factory=dict)


def read_grids(path: Path) -> tuple[list[Grid], list[Problem]]:
    """Every sheet of the file, or the problems that stop it from being read at all."""
    name = path.name
    suffix = path.suffix.lower()

    def refuse(th: str, en: str) -> tuple[list[Grid], list[Problem]]:
        return [], [Problem(th=th, en=en, file=name)]

    accepted = ", ".join(ACCEPTED_SUFFIXES)
    if suffix == ".xls":
        return refuse(
            f"ไฟล์ Excel รุ่นเก่า (.xls) ไม่รองรับ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx (รองรับ {accepted})",
            f"old Excel workbooks (.xls) are not supported: open it in Excel and save as .xlsx "
            f"(accepted: {accepted})")
    if suffix not in ACCEPTED_SUFFIXES:
        return refuse(
            f"ไม่รองรับไฟล์ชนิด '{suffix or '(ไม่มีนามสกุล)'}' รองรับเฉพาะ {accepted}",
            f"file type '{suffix or '(no extension)'}' is not supported; accepted: {accepted}")
    try:
        status = path.stat()
    except OSError as exc:
        return refuse(f"เปิดไฟล์ไม่ได้: {exc.strerror or exc}", f"cannot open the file: {exc.strerror or exc}")
    if not stat.S_ISREG(status.st_mode):  # a folder, a pipe (waits forever), a device (/dev/zero never ends)
        return refuse("ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ท่อ หรืออุปกรณ์)", "not a regular file (a folder, pipe or device)")
    size = status.st_size
    if size == 0:  # an attachment that did not download, a file saved while the disk was full
        return refuse("ไฟล์ว่างเปล่า (0 ไบต์) กรุณาขอไฟล์ใหม่หรือบันทึกใหม่", "the file is empty (0 bytes): ask for it "
                      "again or save it again")
    if size > MAX_FILE_BYTES:
        return refuse(
            f"ไฟล์ใหญ่เกินไป ({size / 1024 / 1024:.1f} MB) รับได้ไม่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB",
            f"the file is too large ({size / 1024 / 1024:.1f} MB); the limit is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return refuse(f"เปิดไฟล์ไม่ได้: {exc.strerror or exc}", f"cannot open the file: {exc.strerror or exc}")
    grids, problems = _read_excel(name, data) if suffix in EXCEL_SUFFIXES else _read_csv(name, data)
    for grid in grids:
        if len(grid.rows) > MAX_ROWS:
            return [], [_too_many_rows(name, grid.sheet)]
    return grids, problems


def _too_many_rows(name: str, sheet: str | None) -> Problem:
    return Problem(
        th=f"มีมากกว่า {MAX_ROWS:,} แถว ซึ่งเกินที่นำเข้าได้",
        en=f"more than {MAX_ROWS:,} rows, more than can be imported",
        file=name, sheet=sheet)


def _not_readable(name: str, why_th: str, why_en: str) -> list[Problem]:
    return [Problem(
        th=f"ไฟล์นี้ไม่ใช่สมุดงาน Excel (.xlsx) หรือไฟล์ CSV ที่อ่านได้: {why_th}",
        en=f"not an Excel workbook or CSV file that can be read: {why_en}",
        file=name)]


def _read_excel(name: str, data: bytes) -> tuple[list[Grid], list[Problem]]:
    if data.startswith(_OLE2_SIGNATURE):
        return [], _not_readable(
            name,
            "เป็นไฟล์ .xls รุ่นเก่าหรือไฟล์ที่ตั้งรหัสผ่าน กรุณาเปิดใน Excel เอารหัสผ่านออก แล้วบันทึกเป็น .xlsx",
            "it is an old .xls workbook or a password-protected one; open it in Excel, remove the password "
            "and save as .xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if not any(m.filename == "xl/workbook.xml" for m in members):
                return [], _not_readable(name, "ไม่พบส่วนสมุดงานในไฟล์", "it has no workbook part")
            unzipped = sum(m.file_size for m in members)
            padded = [m for m in members
                      if m.file_size > RATIO_FREE_BYTES and m.file_size > MAX_PART_RATIO * max(m.compress_size, 1)]
    except (zipfile.BadZipFile, OSError, ValueError):
        return [], _not_readable(name, "ไฟล์เสียหายหรือไม่ใช่ไฟล์ .xlsx", "it is damaged or not an .xlsx file")
    if padded:
        ratio = padded[0].file_size // max(padded[0].compress_size, 1)
        return [], [Problem(
            th=f"ส่วน {padded[0].filename} ของไฟล์ขยายได้ {ratio:,} เท่า มากกว่าสมุดงานปกติมาก (อาจเป็น zip bomb)",
            en=f"the part {padded[0].filename} expands {ratio:,} times, far more than any workbook does: "
               f"refused as a zip bomb",
            file=name)]
    if unzipped > MAX_UNZIPPED_BYTES:
        return [], [Problem(
            th=f"ข้อมูลในไฟล์เมื่อขยายแล้วใหญ่เกินไป ({unzipped // 1024 // 1024} MB)",
            en=f"the workbook expands to too much data ({unzipped // 1024 // 1024} MB)",
            file=name)]
    try:
        # Streamed with bounded memory: a few far-away cells must not make a grid of the area between them.
        sheets = read_workbook(data, MAX_ROWS)
    except TooManyRows as exc:
        return [], [_too_many_rows(name, exc.sheet)]
    except WorkbookTooLarge as exc:
        return [], [Problem(th=exc.th, en=exc.en, file=name, sheet=exc.sheet)]
    except Exception as exc:  # whatever breaks inside a damaged file is the file's problem, never a traceback
        return [], _not_readable(name, f"อ่านไม่ได้ ({type(exc).__name__})", f"{type(exc).__name__}: {exc}")
    if not sheets:  # only chart sheets, or the parts its sheets name are missing: nothing to read is no import
        return [], _not_readable(name, "ไม่พบแผ่นงาน (worksheet) ที่อ่านได้ในสมุดงาน",
                                 "the workbook holds no worksheet that can be read")
    return [Grid(name, sheet.name, sheet.rows, sheet.hidden, sheet.hidden_rows, sheet.hidden_columns)
            for sheet in sheets], []


def decode_csv(data: bytes) -> str | None:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-874 (TIS-620)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    # Strict UTF-8 first: Thai in UTF-8 is never valid cp874 text by accident, the reverse often is not UTF-8.
    for encoding in ("utf-8", "cp874"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:  # binary content that happens to decode
            return None
        if encoding == "cp874" and not plausible_thai(text):
            return None  # Latin-1 or another code page: imported as cp874 it would be garbled, not refused
        return text
    return None


# Thai marks written above or below a consonant (mai han-akat, the vowels above and below, the tone marks):
# in Thai text they always follow a Thai letter.
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_MARK_AFTER_NON_THAI = re.compile("(?:^|[^\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", re.M)
# A run of one or two Thai characters glued to a Latin letter: what "café" or "voilà" become when their bytes are
# read as cp874 (é is mai tho, à is sara e).
_THAI_GLUED_TO_LATIN = re.compile("[A-Za-z][\u0e00-\u0e7f]{1,2}(?![\u0e00-\u0e7f])|"
                                  "(?<![\u0e00-\u0e7f])[\u0e00-\u0e7f]{1,2}[A-Za-z]")


def plausible_thai(text: str) -> bool:
    """Whether text decoded as Windows-874 reads as Thai and ASCII. cp874 decodes almost any byte, so a Latin-1
    file decodes without error: its accented letters become Thai marks and vowels in impossible places."""
    return _MARK_AFTER_NON_THAI.search(text) is None and _THAI_GLUED_TO_LATIN.search(text) is None


def _delimiter(text: str) -> str:
    """The delimiter that cuts the most lines into the same number of fields (at least 3): a table's rows all
    have its width. Comma on a tie. Not "comma whenever a line has two": a semicolon or tab file's title line or
    numbers such as 1,200 hold commas too."""
    sample = [line for line in text.splitlines()[:30] if line.strip()]

    def rows_of_one_width(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(r) for r in csv.reader(sample, delimiter=delimiter))
        return max(((count, width) for width, count in widths.items() if width >= 3), default=(0, 0))

    best = max(_CSV_DELIMITERS, key=rows_of_one_width)  # max keeps the first of equals: the comma
    return best if rows_of_one_width(best)[0] else ","


def _read_csv(name: str, data: bytes) -> tuple[list[Grid], list[Problem]]:
    text = decode_csv(data)
    if text is None:
        return [], _not_readable(
            name, "ไม่ใช่ข้อความ UTF-8 หรือ Windows-874 (TIS-620)", "it is not UTF-8 or Windows-874 (TIS-620) text")
    if "\r" in text:  # Windows' CR LF, and the lone CR of a Mac's "CSV (Macintosh)": one line ending each
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        delimiter = _delimiter(text)
        # The widest record sets the column count: pandas otherwise takes it from the first line and fails
        # on longer rows. Rows past the limit are not counted, only noticed.
        width, count = 1, 0
        for count, record in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            width = max(width, len(record))
            if count > MAX_ROWS:
                break
        if count > MAX_ROWS:
            return [], [_too_many_rows(name, None)]
        if width > MAX_CELLS_IN_A_ROW:
            return [], [Problem(
                th=f"มีแถวที่มีมากกว่า {MAX_CELLS_IN_A_ROW:,} คอลัมน์", file=name,
                en=f"a row has more than {MAX_CELLS_IN_A_ROW:,} columns, more than any spreadsheet")]
        if not text.strip():
            return [Grid(name, None, [])], []
        # Imported here: only a CSV file needs pandas, and importing it costs an import of a workbook about a
        # tenth of its time (issue 16).
        import pandas as pd

        # skip_blank_lines=False keeps blank lines as empty rows, so row numbers stay those Excel shows.
        frame = pd.read_csv(io.StringIO(text), header=None, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, sep=delimiter, names=list(range(width)), engine="c",
                            usecols=range(min(width, MAX_COLUMNS)))  # columns to the right are never read
    except (csv.Error, ValueError) as exc:  # pandas' ParserError is a ValueError
        if "field limit" in str(exc):  # the csv module stops at 131,072 characters, far past our own limit
            return [], [Problem(
                th=f"มีเซลล์ที่ยาวเกิน {MAX_CELL_CHARS:,} ตัวอักษร", en=f"a cell is longer than {MAX_CELL_CHARS:,} "
                "characters, more than the limit", file=name)]
        return [], _not_readable(name, f"รูปแบบ CSV ไม่ถูกต้อง ({exc})", f"malformed CSV ({exc})")
    return [Grid(name, None, frame.values.tolist())], []


# Characters that show nothing: the zero-width space Thai text carries as a word-break hint (copied from the web or
# Word), the joiners, the word joiner, a stray byte-order mark, the soft hyphen. Kept, "1.1" followed by one is no
# code, and "กรม\u200bทดสอบ" another agency than "กรมทดสอบ": a difference nobody can see, so nobody can fix.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def cell_text(value: object) -> str:
    """A cell as the text a person typed: numbers without float noise (2567.0 -> 2567, 0.1 -> 0.1)."""
    if value is None:
        return ""
    if isinstance(value, str):
        # translate looks up every character: only for the rare cell holding one to drop
        return value.strip() if value.isascii() or not _HAS_INVISIBLE.search(value) else \
            value.translate(_INVISIBLE).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return repr(value)
        try:
            # repr is the shortest text that round-trips; 'f' avoids an exponent the number parser refuses.
            return format(Decimal(repr(value)).normalize(), "f")
        except InvalidOperation:  # pragma: no cover - repr of a finite float is always a valid Decimal
            return repr(value)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    pandas = sys.modules.get("pandas")  # a value can be pandas' NaT or NA only once pandas is imported
    if pandas is not None and (value is pandas.NaT or value is pandas.NA):
        return ""
    return str(value).strip()  # a CellFault shows what Excel shows (#DIV/0!); sheets.py refuses it


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def long_cells(grid: Grid) -> Sequence[tuple[int, int, int]]:
    """(row index, column index, length) of every cell longer than the limit: hostile or pasted by mistake."""
    found = []
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                found.append((r, c, len(value)))
    return found
