"""Worksheet cells as a person sees them in Excel: a percent-formatted 0.92 is 92%, and cells that hold no value a
score could use (an error such as #DIV/0!, a formula saved without its value) are marked, never left blank.

openpyxl's read-only parser is used directly (as `ReadOnlyWorksheet` does), to learn which cells hold a formula
without a saved value: with `data_only` they would otherwise arrive as empty cells.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from .workbook_cells import (
    FILTERED,
    GROUPED,
    HIDDEN,
    MAX_CELLS,
    MAX_COLUMNS,
    SheetCells,
    TooManyRows,
    WorkbookTooLarge,
    check_parts,
)

ERROR = "error"
FORMULA_WITHOUT_VALUE = "formula-without-value"
DATE = "date"


@dataclass(frozen=True)
class CellFault:
    """A cell whose content is not a value to read: an Excel error, a formula without its saved value, or a date
    (a date is a fault only where a number belongs)."""

    kind: str  # ERROR, FORMULA_WITHOUT_VALUE or DATE
    shown: str  # what Excel shows: "#DIV/0!", "=SUM(B2:B4)" is unknown, so "", the date's ISO text

    def __str__(self) -> str:
        return self.shown


class _Parser(WorkSheetParser):
    """The read-only parser, noting formulas saved without a value (Excel always saves one; some generators
    and a "manual calculation" workbook do not)."""

    def parse_cell(self, element):  # type: ignore[no-untyped-def]
        cell = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["data_type"] = FORMULA_WITHOUT_VALUE
        return cell


class _Sheet(ReadOnlyWorksheet):
    """A read-only sheet that does not look for its size when opened. openpyxl's looks for the sheet's
    <dimension> element and, in a file written without one (openpyxl's own write-only mode, many generators),
    parses the whole sheet to its end to find none: every sheet would be parsed twice. read_workbook streams
    the rows and never asks a sheet's size."""

    def _get_size(self) -> None:
        pass


class _Reader(ExcelReader):
    """openpyxl's reader in read-only mode (load_workbook(read_only=True) is ExcelReader(...).read()), opening
    each worksheet as a _Sheet; the rest, chart sheets included, as openpyxl does it."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            rels_path = get_rels_path(rel.target)
            if rels_path in self.valid_files:
                # read as openpyxl reads it, though unused: a damaged part refuses the file as before
                get_dependents(self.archive, rels_path)
            ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def _load_workbook(data: bytes):  # type: ignore[no-untyped-def]
    reader = _Reader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


# A "%" outside quoted text and not escaped makes a number format a percentage ('0%', '0.00%', '#,##0.0%').
_QUOTED = re.compile(r'"[^"]*"|\\.')


def _is_percent(number_format: str) -> bool:
    return "%" in _QUOTED.sub("", number_format)


def _percent_styles(book) -> set[int]:  # type: ignore[no-untyped-def]
    """The style ids whose number format shows a percentage."""
    found = set()
    for style_id, style in enumerate(book._cell_styles):
        format_id = style.numFmtId
        if format_id < BUILTIN_FORMATS_MAX_SIZE:
            number_format = BUILTIN_FORMATS.get(format_id, "General")
        else:
            number_format = book._number_formats[format_id - BUILTIN_FORMATS_MAX_SIZE]
        if _is_percent(number_format):
            found.add(style_id)
    return found


def percent_text(value: float | int) -> str:
    """0.92 shown as "92%": the displayed percentage, exactly (0.9233333333333333 -> 92.33333333333333%)."""
    number = (Decimal(repr(value)) * 100).normalize()
    return f"{number:f}%"


def _value(cell: dict, percent: set[int]) -> object:
    value, data_type = cell["value"], cell["data_type"]
    if data_type == FORMULA_WITHOUT_VALUE:
        return CellFault(FORMULA_WITHOUT_VALUE, "")
    if data_type == "e":
        return CellFault(ERROR, str(value))
    if value is None:
        return None
    if data_type == "d" or isinstance(value, datetime | date | time | timedelta):
        shown = value.date().isoformat() if isinstance(value, datetime) and value.time() == time(0) else str(value)
        return CellFault(DATE, shown)
    if isinstance(value, int | float) and not isinstance(value, bool) and cell["style_id"] in percent:
        return percent_text(value)
    return value


def read_workbook(data: bytes, max_rows: int) -> list[SheetCells]:
    """Every worksheet's cells with bounded memory (see workbook_cells): only the first MAX_COLUMNS columns, each
    row cut after its last value, at most MAX_CELLS values in all; a sheet longer than max_rows raises TooManyRows
    as soon as its row max_rows + 1 is met. Parts openpyxl holds whole are checked before it reads them."""
    check_parts(data)
    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (data validation, conditional formats); they do not
        # change cell values and mean nothing to the person importing.
        warnings.simplefilter("ignore")
        book = _load_workbook(data)
        try:
            percent = _percent_styles(book)
            budget = MAX_CELLS
            sheets = []
            for sheet in book.worksheets:
                rows: list[list[object]] = []
                with sheet._get_source() as source:
                    parser = _Parser(source, sheet._shared_strings, data_only=True, epoch=book.epoch,
                                     date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
                    for number, cells in parser.parse():
                        if number > max_rows:
                            raise TooManyRows(str(sheet.title))
                        rows.extend([] for _ in range(number - 1 - len(rows)))  # rows the file leaves out
                        row: list[object] = []
                        for cell in cells:
                            if cell["column"] > MAX_COLUMNS:  # far to the right of any agreement's columns
                                continue
                            value = _value(cell, percent)
                            if value is None:
                                continue
                            row.extend(None for _ in range(cell["column"] - 1 - len(row)))
                            row.append(value)
                        budget -= len(row)
                        if budget < 0:
                            raise WorkbookTooLarge(f"มีข้อมูลเกิน {MAX_CELLS:,} เซลล์",
                                                   f"it holds more than {MAX_CELLS:,} cells of data", str(sheet.title))
                        rows.append(row)
                while rows and all(v is None for v in rows[-1]):
                    rows.pop()
                state = str(getattr(sheet, "sheet_state", "visible") or "visible")
                sheets.append(SheetCells(str(sheet.title), rows, state, _hidden_rows(parser, len(rows)),
                                         _hidden_columns(parser)))
            return sheets
        finally:
            book.close()


def _not_shown(attrs: dict[str, str], size: str) -> bool:
    """Whether a <row> or <col> element's attributes hide it: hidden="1", or a height (width) of zero, which Excel
    shows as hidden too."""
    if str(attrs.get("hidden", "")).strip().lower() in ("1", "true"):
        return True
    try:
        return float(attrs.get(size, "1")) == 0
    except ValueError:
        return False


def _outlined(attrs: dict[str, str]) -> bool:
    try:
        return int(attrs.get("outlineLevel", "0")) > 0
    except ValueError:
        return False


def _hidden_rows(parser: WorkSheetParser, count: int) -> dict[int, str]:
    """The 0-based indices of the first `count` rows that Excel does not show, with why. The streaming parser
    already keeps the attributes of every <row> that has more than a number; the sheet's filter (<autoFilter>,
    after the rows in the file) is known only once the rows are read."""
    filtered: tuple[int, int] | None = None
    auto_filter = getattr(parser, "auto_filter", None)
    if auto_filter is not None and auto_filter.ref and auto_filter.filterColumn:
        try:
            _, top, _, bottom = range_boundaries(str(auto_filter.ref))
        except (TypeError, ValueError):  # a damaged reference: the rows are still hidden, only the reason is lost
            pass
        else:
            filtered = (top or 1, bottom or count)  # its header row and last row; "A:N" spans whole columns
    found: dict[int, str] = {}
    for key, attrs in parser.row_dimensions.items():
        number = int(key)
        if number > count or not _not_shown(attrs, "ht"):
            continue
        if filtered is not None and filtered[0] < number <= filtered[1]:
            found[number - 1] = FILTERED
        else:
            found[number - 1] = GROUPED if _outlined(attrs) else HIDDEN
    return found


def _hidden_columns(parser: WorkSheetParser) -> dict[int, str]:
    """The 0-based indices of the columns (among those read) that Excel does not show, with why. A <col> element
    covers columns min to max."""
    found: dict[int, str] = {}
    for attrs in parser.column_dimensions.values():
        if not _not_shown(attrs, "width"):
            continue
        try:
            first, last = int(attrs["min"]), int(attrs.get("max", attrs["min"]))
        except (KeyError, ValueError):
            continue
        for column in range(max(first, 1), min(last, MAX_COLUMNS) + 1):
            found[column - 1] = GROUPED if _outlined(attrs) else HIDDEN
    return found
