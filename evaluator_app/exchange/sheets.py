"""One sheet of an agreement workbook: its header row, the role of every row, and values filled down."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from evaluator_app.domain.problems import Problem

from .cells import CellError, parse_code, parse_number, parse_year
from .columns import BY_NAME, LEVEL_NAMES, HeaderRow, find_header_row, is_repeated_header
from .excel_cells import DATE, ERROR, FORMULA_WITHOUT_VALUE, CellFault
from .hidden_cells import HiddenCells, prefer_shown_columns
from .readers import MAX_CELL_CHARS, Grid, cell_text, column_letter, long_cells

INDICATOR = "indicator"
DIMENSION_HEADER = "dimension-header"
BLANK = "blank"
TITLE = "title"
TOTAL = "total"

# A printed total ("รวมมิติด้านประสิทธิผล", "รวมทั้งสิ้น", "Total"): no code, only a name and a weight. Published
# tables carry them under each dimension; the app adds the weights itself, so the row is read past.
_TOTAL_WORDS = ("รวม", "ผลรวม", "total", "sum", "subtotal")

# Any of these filled makes a row an indicator row even without code and weight, so that a forgotten code is
# reported instead of the row silently becoming a dimension title.
_INDICATOR_EVIDENCE = (*LEVEL_NAMES, "result", "target", "baseline", "unit")
# A row needs one of these holding a number to be an indicator when it has neither code nor name: otherwise it is
# words under the table (a note, "ลงชื่อ ........ ผู้รับคำรับรอง" under the criteria columns), never an indicator.
_NUMBER_EVIDENCE = ("weight", *LEVEL_NAMES, "result", "target", "baseline")
# A cell holding only a dash is empty: Thai tables write "-" (or an en or em dash) for "none" or "not yet".
_NONE_WRITTEN = frozenset(("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"))


@dataclass(frozen=True)
class ReadRow:
    """One row as it will be read, for a preview table in the UI."""

    file: str
    sheet: str | None
    row: int  # 1-based, as Excel (or a text editor, for CSV without line breaks in cells) shows it
    values: dict[str, str]  # canonical column name -> cell text as read ('' for empty)
    role: str  # 'indicator' | 'dimension-header' | 'blank' | 'title'


@dataclass(frozen=True)
class SheetColumns:
    """Where a sheet's columns are, to place problems on the column the user sees."""

    file: str
    sheet: str | None
    header: HeaderRow

    def has(self, name: str) -> bool:
        return name in self.header.positions

    def label(self, name: str) -> str:
        """The header as written in this sheet; the template's Thai header for a column the sheet lacks."""
        return self.header.texts.get(name) or BY_NAME[name].thai

    def levels_label(self, count: int) -> str:
        return f"{self.label('level_1')} – {self.label(f'level_{count}')}"

    def problem(self, row: int | None, th: str, en: str, column: str | None = None) -> Problem:
        return Problem(th=th, en=en, file=self.file, sheet=self.sheet, row=row, column=column)

    def cell_problem(self, row: int, name: str, error: CellError) -> Problem:
        """ "column 'น้ำหนัก', expected a number, got 'abc'" on the cell's row and column."""
        label = self.label(name)
        return self.problem(row, f"คอลัมน์ '{label}' {error.th}", f"column '{label}', {error.en}", label)


@dataclass(frozen=True)
class SourceRow:
    """An indicator row with its agency, fiscal year and dimension resolved (filled down where left empty)."""

    columns: SheetColumns
    row: int
    agency: str
    fiscal_year: int
    dimension: str | None
    values: dict[str, str]
    # Warnings the row carries to the agreement it belongs to: it is hidden in Excel, it reads a hidden column,
    # a hidden row above it set its agency, year or dimension, or its sheet is hidden (hidden_cells.py).
    notes: tuple[Problem, ...] = ()
    hidden: bool = False  # Excel does not show this row

    @property
    def file(self) -> str:
        return self.columns.file

    @property
    def sheet(self) -> str | None:
        return self.columns.sheet

    def where(self) -> tuple[str, str]:
        """This row named in a message, in Thai and English."""
        sheet_th = f" ชีต '{self.sheet}'" if self.sheet else ""
        sheet_en = f" sheet '{self.sheet}'" if self.sheet else ""
        hidden_th, hidden_en = (" ซึ่งถูกซ่อนไว้ใน Excel", ", hidden in Excel") if self.hidden else ("", "")
        return (f"แถว {self.row} ({self.file}{sheet_th}{hidden_th})",
                f"row {self.row} ({self.file}{sheet_en}{hidden_en})")


@dataclass
class SheetReading:
    recognised: bool
    rows: list[ReadRow] = field(default_factory=list)
    indicator_rows: list[SourceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _squash(text: str) -> str:
    return " ".join(text.split())


class RowTexts(Sequence[list[str]]):
    """A grid's rows as cell texts, each converted when asked for: the header may be anywhere in the sheet, and
    the search for it stops soon after it."""

    def __init__(self, rows: list[list[object]], text_only: bool = False):
        self._rows = rows
        self._text_only = text_only  # only text cells, the others as empty: the cells that can name a column

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...

    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [self._texts(row) for row in self._rows[index]]
        return self._texts(self._rows[index])

    def _texts(self, row: list[object]) -> list[str]:
        if self._text_only:
            return [cell_text(v) if isinstance(v, str) else "" for v in row]
        return [cell_text(v) for v in row]


def read_sheet(grid: Grid, sheet_note: Problem | None = None) -> SheetReading:
    """Find the header row, then read every row below it; a sheet without a header row is not an agreement.
    `sheet_note` is a warning every indicator row of the sheet carries (a hidden sheet read)."""
    too_long = long_cells(grid)
    for r, c, _ in too_long:
        # Reported below; cut short so that nothing else spends time on a hostile cell.
        grid.rows[r][c] = str(grid.rows[r][c])[:MAX_CELL_CHARS]
    row_texts = RowTexts(grid.rows)
    header = find_header_row(row_texts, RowTexts(grid.rows, text_only=True))
    if header is None:
        return SheetReading(recognised=False)
    sheet_notes = [] if sheet_note is None else [sheet_note]
    if header.repeated and grid.hidden_columns:
        header, chosen = prefer_shown_columns(grid, header, row_texts[header.index])
        sheet_notes += chosen
    columns = SheetColumns(grid.file, grid.sheet, header)
    hidden = HiddenCells(grid, header, sheet_notes)
    reading = SheetReading(recognised=True)
    for r, c, length in too_long:
        reading.problems.append(columns.problem(
            r + 1,
            f"เซลล์ {column_letter(c)}{r + 1} ยาว {length:,} ตัวอักษร เกินที่รับได้ ({MAX_CELL_CHARS:,})",
            f"cell {column_letter(c)}{r + 1} holds {length:,} characters, more than the limit of "
            f"{MAX_CELL_CHARS:,}",
            _label_at(header, c)))
    usable = _header_problems(columns, reading.problems)

    agency: str | None = None
    year: int | None = None
    year_broken = False  # the year above could not be read; rows filled down from it are not reported again
    dimension: str | None = None
    # A dimension title right above an agency's first row belongs to that agency even when its own agency cell
    # is empty; only a dimension inherited from the previous agency's rows is dropped when the agency changes.
    fresh_dimension = False
    pending_year: Problem | None = None  # an unreadable year on a row that is no indicator, not yet used
    for index, raw in enumerate(grid.rows):
        row_number = index + 1
        texts = [cell_text(v) for v in raw]
        values = {name: (texts[p] if p < len(texts) and texts[p] not in _NONE_WRITTEN else "")
                  for name, p in header.positions.items()}
        if index <= header.index:
            reading.rows.append(ReadRow(grid.file, grid.sheet, row_number, values, TITLE))
            continue
        faults = _fault_problems(columns, row_number, raw)
        reading.problems.extend(faults)
        repeated_header = is_repeated_header(texts, header) or _repeats_header_rows(texts, header)
        role = TITLE if repeated_header else _role(values, next((t for t in texts if t), ""))
        reading.rows.append(ReadRow(grid.file, grid.sheet, row_number, values, role))
        if role in (BLANK, TOTAL) or repeated_header or not usable:
            continue  # a total's label may stand in the agency column: it names no agency
        hidden.row_read(index)
        if values.get("agency") and _squash(values["agency"]) != agency:
            agency, dimension = _squash(values["agency"]), dimension if fresh_dimension else None
        if values.get("fiscal_year"):
            try:
                new_year = parse_year(values["fiscal_year"])
            except CellError as error:
                problem = columns.cell_problem(row_number, "fiscal_year", error)
                # On a row that is no indicator (a note or a signature line under the table) the cell is refused
                # only when an indicator row below takes its year from it.
                if role == INDICATOR:
                    reading.problems.append(problem)
                else:
                    pending_year = problem
                year, year_broken = None, True
            else:
                if new_year != year and not fresh_dimension:
                    dimension = None
                year, year_broken, pending_year = new_year, False, None
        if role == DIMENSION_HEADER:
            dimension = _squash(values.get("dimension") or " ".join(
                v for v in (values.get("code", ""), values.get("name", "")) if v))
            fresh_dimension = True
            continue
        if role != INDICATOR:
            continue
        if values.get("dimension"):
            dimension = _squash(values["dimension"])
        fresh_dimension = False
        if agency is None:
            reading.problems.append(columns.cell_problem(row_number, "agency", CellError(
                "ว่าง และไม่มีชื่อส่วนราชการในแถวก่อนหน้า", "is empty and no row above names the agency")))
        if year is None and not year_broken:
            reading.problems.append(columns.cell_problem(row_number, "fiscal_year", CellError(
                "ว่าง และไม่มีปีงบประมาณในแถวก่อนหน้า", "is empty and no row above gives the fiscal year")))
        if pending_year is not None:
            reading.problems.append(pending_year)
            pending_year = None
        if agency is not None and year is not None and not faults:  # a faulty row would only echo its fault
            reading.indicator_rows.append(SourceRow(columns, row_number, agency, year, dimension, values,
                                                    hidden.notes(values), index in grid.hidden_rows))
    return reading


# Where a number belongs; a date there is a typed number that Excel turned into a date.
_NUMBER_COLUMNS = frozenset(("weight", *LEVEL_NAMES, "result"))


def _fault_problems(columns: SheetColumns, row_number: int, raw: list[object]) -> list[Problem]:
    """Cells of a read column that hold no usable value: refused with the cell named, never read as blank."""
    problems = []
    for name, position in columns.header.positions.items():
        fault = raw[position] if position < len(raw) else None
        if not isinstance(fault, CellFault) or (fault.kind == DATE and name not in _NUMBER_COLUMNS):
            continue
        cell = f"{column_letter(position)}{row_number}"
        if fault.kind == ERROR:
            error = CellError(f"เซลล์ {cell} แสดงข้อผิดพลาดของ Excel {fault.shown} แก้สูตรใน Excel แล้วนำเข้าใหม่",
                              f"cell {cell} shows the Excel error {fault.shown}: correct its formula in Excel, then "
                              f"import again")
        elif fault.kind == FORMULA_WITHOUT_VALUE:
            error = CellError(f"เซลล์ {cell} มีสูตรแต่ไม่ได้บันทึกค่าไว้ เปิดใน Excel กดคำนวณใหม่ (F9) แล้วบันทึก",
                              f"cell {cell} holds a formula saved without its value: open the file in Excel, "
                              f"recalculate (F9) and save it")
        else:
            error = CellError(f"เซลล์ {cell} เป็นวันที่ ({fault.shown}) แต่ต้องเป็นตัวเลข Excel แปลงค่าที่พิมพ์เป็นวันที่ "
                              f"ให้ตั้งรูปแบบเซลล์เป็นตัวเลขแล้วพิมพ์ใหม่",
                              f"cell {cell} holds a date ({fault.shown}) where a number belongs: Excel turned what "
                              f"was typed into a date; format the cell as a number and type it again")
        problems.append(columns.cell_problem(row_number, name, error))
    return problems


def _header_problems(columns: SheetColumns, problems: list[Problem]) -> bool:
    """Report missing or repeated columns; True when the sheet's rows can be read."""
    header = columns.header
    row = header.index + 1
    if header.missing:
        listed = ", ".join(c.label for c in header.missing)
        problems.append(columns.problem(
            row, f"ไม่พบคอลัมน์ที่ต้องมีในแถวหัวตาราง (แถว {row}): {listed}",
            f"required column missing from the header row (row {row}): {listed}"))
    for name, positions in header.repeated.items():
        letters = ", ".join(column_letter(p) for p in positions)
        label = BY_NAME[name].label
        problems.append(columns.problem(
            row, f"คอลัมน์ {label} ซ้ำกันที่คอลัมน์ {letters} ไม่ทราบว่าจะใช้คอลัมน์ใด",
            f"column {label} appears more than once (columns {letters}); it is unclear which one to read",
            columns.label(name)))
    return not header.missing and not header.repeated


def _repeats_header_rows(texts: list[str], header: HeaderRow) -> bool:
    """A row repeating one row of a two-row header (headers repeated on each printed page)."""
    if not header.rows:
        return False
    def trimmed(cells: Sequence[str]) -> tuple[str, ...]:
        cells = list(cells)
        while cells and not cells[-1]:
            cells.pop()
        return tuple(cells)

    return trimmed(texts) in {trimmed(row) for row in header.rows}


def _label_at(header: HeaderRow, column: int) -> str:
    for name, position in header.positions.items():
        if position == column:
            return header.texts[name]
    return column_letter(column)


def _role(values: dict[str, str], first_text: str) -> str:
    """What a row below the header is; `first_text` is its leftmost written cell, read or not (a total's label
    is written in the first column of the table, whichever column that is)."""
    if not any(values.values()):
        return BLANK
    code_text = values.get("code", "")
    code = parse_code(code_text) if code_text else None
    name = values.get("name", "").strip().lower()
    label = name or first_text.strip().lower()
    if code is None and label.startswith(_TOTAL_WORDS) and not any(values.get(n) for n in _INDICATOR_EVIDENCE):
        return TOTAL
    if code is None and not name and not any(_is_number(values.get(n, "")) for n in _NUMBER_EVIDENCE):
        return DIMENSION_HEADER if values.get("dimension") or code_text else TITLE
    if code or values.get("weight") or any(values.get(name) for name in _INDICATOR_EVIDENCE):
        return INDICATOR
    if values.get("dimension") or code_text or values.get("name"):
        return DIMENSION_HEADER
    return TITLE


def _is_number(text: str) -> bool:
    if not text:
        return False
    try:
        parse_number(text)
    except CellError:
        return False
    return True
