"""Rows and columns of a sheet that Excel does not show, read as written with a warning on each.

Agencies hide the rows of withdrawn indicators, helper calculations, filtered-out rows and collapsed groups; a
committee that reads the printed agreement never sees them. The import policy (§11) refuses only what makes a score
impossible or ambiguous, and a hidden row is neither: it is imported as written, and every hidden row or column the
import reads carries a warning naming its file, sheet, row and column (strict mode refuses it).
"""

from __future__ import annotations

from collections.abc import Mapping

from evaluator_app.domain.problems import Problem

from .columns import HeaderRow
from .readers import Grid, column_letter
from .workbook_cells import FILTERED, GROUPED

_WHY_TH = {FILTERED: " (ตัวกรองของชีตซ่อนไว้)", GROUPED: " (อยู่ในกลุ่มที่ยุบไว้)"}
_WHY_EN = {FILTERED: " (filtered out by the sheet's filter)", GROUPED: " (inside a collapsed group)"}


def hidden_row_warning(file: str, sheet: str | None, row: int, why: str) -> Problem:
    """Row `row` (1-based) is not shown by Excel but is read."""
    return Problem(
        th=f"แถว {row} ถูกซ่อนไว้ใน Excel{_WHY_TH.get(why, '')}: นำเข้าตามที่เขียนไว้ โปรดตรวจว่าเป็นส่วนหนึ่งของคำรับรอง "
           f"(คำรับรองที่พิมพ์ออกมาไม่แสดงแถวนี้)",
        en=f"row {row} is hidden in Excel{_WHY_EN.get(why, '')}: imported as written; check that it belongs to the "
           f"agreement (the printed agreement does not show it)",
        file=file, sheet=sheet, row=row, warning=True)


def hidden_sheet_warning(file: str, sheet: str, state: str) -> Problem:
    """A hidden sheet read because no visible sheet of its workbook holds an agreement table."""
    kind_th = "ซ่อนไว้อย่างลึก (very hidden)" if state == "veryHidden" else "ซ่อนไว้"
    kind_en = "very hidden" if state == "veryHidden" else "hidden"
    return Problem(
        th=f"ชีต '{sheet}' {kind_th}ใน Excel และไม่มีชีตที่แสดงอยู่ชีตใดมีตารางตัวชี้วัด จึงอ่านชีตนี้ตามที่เขียนไว้ "
           f"โปรดตรวจว่าเป็นคำรับรองที่ตกลงกัน",
        en=f"sheet '{sheet}' is {kind_en} in Excel, and no visible sheet holds an indicator table: it is read as "
           f"written; check that it is the agreement as agreed",
        file=file, sheet=sheet, warning=True)


class HiddenCells:
    """The warnings of one sheet's hidden rows and columns, handed to the indicator rows they concern."""

    def __init__(self, grid: Grid, header: HeaderRow, sheet_note: Problem | None = None):
        self._grid = grid
        self._sheet_note = sheet_note
        self._pending: list[Problem] = []  # hidden rows read since the last indicator row (a dimension title...)
        row = header.index + 1
        self._columns: dict[str, Problem] = {}  # canonical name -> the warning of its hidden column
        for name, position in header.positions.items():
            why = grid.hidden_columns.get(position)
            if why is None:
                continue
            label, letter = header.texts.get(name, name), column_letter(position)
            self._columns[name] = Problem(
                th=f"คอลัมน์ {letter} ('{label}') ถูกซ่อนไว้ใน Excel{_WHY_TH.get(why, '')}: ค่าในคอลัมน์นี้นำเข้าตามที่เขียนไว้ "
                   f"โปรดตรวจว่าเป็นส่วนหนึ่งของคำรับรอง (คำรับรองที่พิมพ์ออกมาไม่แสดงคอลัมน์นี้)",
                en=f"column {letter} ('{label}') is hidden in Excel{_WHY_EN.get(why, '')}: its values are imported "
                   f"as written; check that they belong to the agreement (the printed agreement does not show them)",
                file=grid.file, sheet=grid.sheet, row=row, column=label, warning=True)

    def row_read(self, index: int) -> None:
        """Row `index` (0-based) below the header holds something the import reads (an indicator, a dimension
        title, an agency or year filled down): a hidden one is warned of on the next indicator row."""
        why = self._grid.hidden_rows.get(index)
        if why is not None:
            self._pending.append(hidden_row_warning(self._grid.file, self._grid.sheet, index + 1, why))

    def notes(self, values: Mapping[str, str]) -> tuple[Problem, ...]:
        """The warnings the indicator row read last carries: hidden rows read since the previous indicator row (this
        one included), the hidden columns it has a value in, and the sheet's own."""
        notes = [*self._pending, *(p for name, p in self._columns.items() if values.get(name))]
        self._pending.clear()
        if self._sheet_note is not None:
            notes.append(self._sheet_note)
        return tuple(notes)
