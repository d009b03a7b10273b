"""Rows and columns of a sheet that Excel does not show, read as written with a warning on each.

Agencies hide the rows of withdrawn indicators, helper calculations, filtered-out rows and collapsed groups; a
committee that reads the printed agreement never sees them. The import policy (§11) refuses only what makes a score
impossible or ambiguous, and a hidden row is neither: it is imported as written, and every hidden row or column the
import reads carries a warning naming its file, sheet, row and column (strict mode refuses it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from evaluator_app.domain.problems import Problem

from .columns import HeaderRow, match_header
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


def prefer_shown_columns(grid: Grid, header: HeaderRow, header_texts: Sequence[str]) -> tuple[HeaderRow, list[Problem]]:
    """A column named twice, once shown and otherwise hidden in Excel (an old weight column the agency hid beside
    the agreed one): the shown one is read, with a warning. Shown twice (or hidden twice) stays ambiguous, and is
    refused as before. `header_texts` are the header row's cells, for the label of the column read."""
    positions, texts, repeated = dict(header.positions), dict(header.texts), dict(header.repeated)
    warnings = []
    for name, columns in header.repeated.items():
        shown = [c for c in columns if c not in grid.hidden_columns]
        if len(shown) != 1:
            continue
        keep = shown[0]
        written = header_texts[keep] if keep < len(header_texts) else ""
        positions[name] = keep
        if match_header(written) == name:
            texts[name] = " ".join(written.split())
        del repeated[name]
        label = texts[name]
        letters = ", ".join(column_letter(c) for c in columns)
        others = [column_letter(c) for c in columns if c != keep]
        hidden = f"{', '.join(others)} {'is' if len(others) == 1 else 'are'}"
        warnings.append(Problem(
            th=f"คอลัมน์ '{label}' มีมากกว่าหนึ่งคอลัมน์ ({letters}) คอลัมน์ {', '.join(others)} ถูกซ่อนไว้ใน Excel จึงอ่านคอลัมน์ "
               f"{column_letter(keep)} ที่แสดงอยู่ และไม่อ่านคอลัมน์ที่ซ่อน",
            en=f"column '{label}' appears more than once (columns {letters}); {hidden} hidden in Excel, so "
               f"{column_letter(keep)}, the one shown, is read and the hidden one is not",
            file=grid.file, sheet=grid.sheet, row=header.index + 1, column=label, warning=True))
    if not warnings:
        return header, []
    return replace(header, positions=positions, texts=texts, repeated=repeated), warnings


class HiddenCells:
    """The warnings of one sheet's hidden rows and columns, handed to the indicator rows they concern."""

    def __init__(self, grid: Grid, header: HeaderRow, sheet_notes: Sequence[Problem] = ()):
        self._grid = grid
        self._sheet_notes = tuple(sheet_notes)  # every indicator row of the sheet carries them
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
        return (*self._sheet_notes, *notes)
