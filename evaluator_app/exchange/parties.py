"""The parties of agreements in an import: a "คู่สัญญา" / "parties" sheet (or CSV file), or party columns beside the
indicators; each person placed on its file, sheet, row and column, and given to the agreement it names.

Two layouts are read, on a parties sheet and (the second) also on an indicator sheet:
- one row per person: ฝ่าย (side: ผู้รับคำรับรอง or ผู้ทำคำรับรอง), ชื่อ (name), ตำแหน่ง (position), and, when the
  files hold several agreements, ส่วนราชการ and ปีงบประมาณ (filled down like the indicator sheet);
- columns per side: ผู้รับคำรับรอง and ตำแหน่งผู้รับคำรับรอง, ผู้ทำคำรับรอง and ตำแหน่งผู้ทำคำรับรอง; each row names at
  most one person of each side, and a person repeated on the rows below (filled down) counts once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from evaluator_app.domain.agreement import Agreement, Party, PartySide
from evaluator_app.domain.parties import SIDE_TITLES, party_problems, side_from_text
from evaluator_app.domain.problems import Problem

from .cells import CellError, parse_year
from .columns import HEADER_SCAN_ROWS, find_header_row, header_key
from .readers import Grid, cell_text
from .sheets import RowTexts, SourceRow

__all__ = ["PartyRow", "attach_parties", "is_parties_grid", "read_parties_grid", "read_party_columns"]

SHEET_NAMES = {header_key(name) for name in ("คู่สัญญา", "parties", "คู่สัญญาคำรับรอง", "ผู้ลงนาม")}
# canonical name -> (Thai header, English header, other headers people write)
_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "agency": ("ส่วนราชการ", "agency", ("หน่วยงาน", "ชื่อส่วนราชการ", "ชื่อหน่วยงาน")),
    "fiscal_year": ("ปีงบประมาณ", "fiscal_year", ("ปีงบประมาณ พ.ศ.", "ปี พ.ศ.", "fiscal year", "year")),
    "side": ("ฝ่าย", "side", ("ฝ่ายคู่สัญญา", "ประเภทคู่สัญญา", "สถานะ", "party side")),
    "name": ("ชื่อ", "name", ("ชื่อ-สกุล", "ชื่อ - สกุล", "ชื่อ-นามสกุล", "ชื่อ - นามสกุล", "ชื่อสกุล", "ชื่อผู้ลงนาม",
                              "full name")),
    "position": ("ตำแหน่ง", "position", ("title",)),
    "recipient": ("ผู้รับคำรับรอง", "recipient", ("ชื่อผู้รับคำรับรอง", "recipient name")),
    "recipient_position": ("ตำแหน่งผู้รับคำรับรอง", "recipient_position", ("recipient position",)),
    "giver": ("ผู้ทำคำรับรอง", "giver", ("ชื่อผู้ทำคำรับรอง", "giver name")),
    "giver_position": ("ตำแหน่งผู้ทำคำรับรอง", "giver_position", ("giver position",)),
}
_ALIASES = {header_key(alias): name for name, (thai, english, others) in _COLUMNS.items()
            for alias in (thai, english, *others)}
_SIDE_COLUMNS = ((PartySide.RECIPIENT, "recipient", "recipient_position"),
                 (PartySide.GIVER, "giver", "giver_position"))
# On an indicator sheet only the per-side columns are read: "ชื่อ" or "ตำแหน่ง" there belong to something else.
_INDICATOR_SHEET_COLUMNS = {"recipient", "recipient_position", "giver", "giver_position"}


@dataclass(frozen=True)
class PartyRow:
    """One person read from a row, with the agreement the row names (None: not said, the only one in the files)."""

    party: Party
    agency: str | None
    fiscal_year: int | None
    file: str
    sheet: str | None
    row: int
    column: str  # the header of the name cell as written

    def problem(self, th: str, en: str) -> Problem:
        return Problem(th=th, en=en, file=self.file, sheet=self.sheet, row=self.row, column=self.column)


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based row of the header
    positions: dict[str, int]
    texts: dict[str, str]


def _header(grid: Grid, wanted: set[str] | None = None, stop: int | None = HEADER_SCAN_ROWS) -> _Header | None:
    """The row above `stop` naming the most party columns (at least a name, or a side's column). With `stop` None,
    any row of the sheet: the search ends HEADER_SCAN_ROWS rows after the first usable one (title rows and notes
    may fill any number of rows above the header)."""
    best: _Header | None = None
    end = len(grid.rows) if stop is None else min(stop, len(grid.rows))
    for index in range(end):
        if index >= end:
            break
        raw = grid.rows[index]
        positions: dict[str, int] = {}
        texts: dict[str, str] = {}
        for column, value in enumerate(raw):
            text = cell_text(value)
            name = _ALIASES.get(header_key(text)) if text and len(text) <= 100 else None
            if name is None or name in positions or (wanted is not None and name not in wanted):
                continue
            positions[name] = column
            texts[name] = " ".join(text.split())
        usable = "name" in positions or "recipient" in positions or "giver" in positions
        if usable and (best is None or len(positions) > len(best.positions)):
            if best is None and stop is None:
                end = min(end, index + HEADER_SCAN_ROWS)
            best = _Header(index, positions, texts)
    return best


def is_parties_grid(grid: Grid) -> bool:
    """A sheet named คู่สัญญา / parties, or a sheet or CSV file whose header has a side and a name column and is
    not an indicator table (no code and weight columns)."""
    if grid.sheet is not None and header_key(grid.sheet) in SHEET_NAMES:
        return True
    header = _header(grid)
    if header is None or "side" not in header.positions or "name" not in header.positions:
        return False
    # The whole sheet: a signature block in the title rows names a side and a name above a table further down.
    indicators = find_header_row(RowTexts(grid.rows), RowTexts(grid.rows, text_only=True))
    return indicators is None or not {"code", "weight"} <= set(indicators.positions)


def _cell(grid: Grid, row: int, column: int | None) -> str:
    if column is None or row >= len(grid.rows) or column >= len(grid.rows[row]):
        return ""
    return " ".join(cell_text(grid.rows[row][column]).split())


def _problem(grid: Grid, row: int, label: str, th: str, en: str) -> Problem:
    return Problem(th=th, en=en, file=grid.file, sheet=grid.sheet, row=row, column=label)


def read_parties_grid(grid: Grid) -> tuple[list[PartyRow], list[Problem]]:
    """Every person of a parties sheet, or why a row cannot be read."""
    header = _header(grid, stop=None)
    if header is None:
        listed = "ฝ่าย, ชื่อ, ตำแหน่ง (side, name, position) หรือ / or ผู้รับคำรับรอง, ผู้ทำคำรับรอง"
        return [], [Problem(th=f"ไม่พบแถวหัวตารางของคู่สัญญา ต้องมีคอลัมน์ {listed}",
                            en=f"no header row of parties found; the columns are {listed}",
                            file=grid.file, sheet=grid.sheet)]
    found: dict[tuple[Party, str | None, int | None], PartyRow] = {}
    problems: list[Problem] = []
    agency: str | None = None
    year: int | None = None
    p = header.positions
    for index in range(header.index + 1, len(grid.rows)):
        number = index + 1
        if _cell(grid, index, p.get("agency")):
            agency = _cell(grid, index, p.get("agency"))
        year_text = _cell(grid, index, p.get("fiscal_year"))
        if year_text:
            try:
                year = parse_year(year_text)
            except CellError as error:
                label = header.texts["fiscal_year"]
                problems.append(_problem(grid, number, label, f"คอลัมน์ '{label}' {error.th}",
                                         f"column '{label}', {error.en}"))
                continue
        if "name" in p:
            _person_row(grid, index, header, agency, year, found, problems)
        _side_columns(grid, index, header, agency, year, found, problems)
    return list(found.values()), problems


def _person_row(grid: Grid, index: int, header: _Header, agency: str | None, year: int | None,
                found: dict[tuple[Party, str | None, int | None], PartyRow], problems: list[Problem]) -> None:
    p, number = header.positions, index + 1
    name, position = _cell(grid, index, p.get("name")), _cell(grid, index, p.get("position"))
    side_text = _cell(grid, index, p.get("side"))
    if not (name or position or side_text):
        return
    name_label = header.texts["name"]
    side_label = header.texts.get("side", _COLUMNS["side"][0])
    side = side_from_text(side_text) if side_text else None
    if side is None:
        shown = f"'{side_text}'" if side_text else "ว่าง / empty"
        problems.append(_problem(
            grid, number, side_label, f"คอลัมน์ '{side_label}' ต้องเป็น ผู้รับคำรับรอง หรือ ผู้ทำคำรับรอง แต่พบ {shown}",
            f"column '{side_label}' must be ผู้รับคำรับรอง (recipient) or ผู้ทำคำรับรอง (giver), got {shown}"))
        return
    _add(PartyRow(Party(side, name, position), agency, year, grid.file, grid.sheet, number, name_label),
         found, problems)


def _side_columns(grid: Grid, index: int, header: _Header, agency: str | None, year: int | None,
                  found: dict[tuple[Party, str | None, int | None], PartyRow], problems: list[Problem]) -> None:
    p, number = header.positions, index + 1
    for side, name_column, position_column in _SIDE_COLUMNS:
        name, position = _cell(grid, index, p.get(name_column)), _cell(grid, index, p.get(position_column))
        if not (name or position):
            continue
        label = header.texts.get(name_column, _COLUMNS[name_column][0])
        _add(PartyRow(Party(side, name, position), agency, year, grid.file, grid.sheet, number, label),
             found, problems)


def _add(row: PartyRow, found: dict[tuple[Party, str | None, int | None], PartyRow], problems: list[Problem]) -> None:
    """Keep a person once (a name filled down the rows); refuse what `party_problems` refuses, on its row.
    `found` is keyed by person and agreement, so a sheet of 100,000 rows stays one pass."""
    key = (row.party, row.agency, row.fiscal_year)
    if key in found:
        return
    refused = party_problems([row.party], field=None)
    if refused:
        problems.extend(p.at(file=row.file, sheet=row.sheet, row=row.row, column=row.column) for p in refused)
        return
    found[key] = row


def read_party_columns(grid: Grid, rows: Sequence[SourceRow]) -> tuple[list[PartyRow], list[Problem]]:
    """The persons named in the per-side party columns of an indicator sheet, for the agreement of each row."""
    if not rows:
        return [], []
    # The per-side columns stand in the indicator table's header, which may sit under a long preamble.
    header = _header(grid, _INDICATOR_SHEET_COLUMNS, max(HEADER_SCAN_ROWS, rows[0].columns.header.index + 1))
    if header is None:
        return [], []
    found: dict[tuple[Party, str | None, int | None], PartyRow] = {}
    problems: list[Problem] = []
    for row in rows:
        _side_columns(grid, row.row - 1, header, row.agency, row.fiscal_year, found, problems)
    return list(found.values()), problems


def attach_parties(agreements: Sequence[Agreement], rows: Sequence[PartyRow],
                   known: set[tuple[str, int]] | None = None) -> tuple[list[Agreement], list[Problem]]:
    """Each agreement with the persons its rows name, recipients first; rows that name no agreement of the
    files (`known`: every agency and year with indicator rows, read cleanly or not), or name none while the files
    hold several, are problems. An agreement no row names keeps its own parties."""
    problems: list[Problem] = []
    by_key: dict[tuple[str, int], list[Party]] = {}
    named: dict[tuple[tuple[str, int], PartySide, str], Party] = {}  # one position per person and side
    keys = known if known is not None else {(a.agency, a.fiscal_year) for a in agreements}
    by_agency: dict[str, list[tuple[str, int]]] = {}
    for known_key in keys:
        by_agency.setdefault(" ".join(known_key[0].split()), []).append(known_key)
    resolved: dict[tuple[str | None, int | None], tuple[str, int] | _NoAgreement] = {}
    for row in rows:
        # Rows name few agreements, each many times: each (agency, year) is resolved once.
        asked = (row.agency, row.fiscal_year)
        if asked not in resolved:
            resolved[asked] = _key_of(row, keys, by_agency)
        key = resolved[asked]
        if isinstance(key, _NoAgreement):
            problems.append(row.problem(key.th, key.en))
            continue
        chosen = by_key.setdefault(key, [])
        clash = named.get((key, row.party.side, row.party.name.casefold()))
        if clash is not None and clash != row.party:
            side_th, side_en = SIDE_TITLES[row.party.side]
            problems.append(row.problem(
                f"{side_th} '{row.party.name}' มีตำแหน่งสองแบบ ('{clash.position}' และ '{row.party.position}')",
                f"{side_en} '{row.party.name}' is given two positions ('{clash.position}' and "
                f"'{row.party.position}')"))
        elif clash is None:
            chosen.append(row.party)
            named[(key, row.party.side, row.party.name.casefold())] = row.party
    attached = []
    for agreement in agreements:
        parties = by_key.get((agreement.agency, agreement.fiscal_year))
        if parties is None:
            attached.append(agreement)
            continue
        ordered = [p for p in parties if p.side is PartySide.RECIPIENT] + \
                  [p for p in parties if p.side is PartySide.GIVER]
        for problem in party_problems(ordered, field=None):  # too many on a side
            problems.append(problem.at(file=_first_file(rows, agreement)))
        attached.append(replace(agreement, parties=tuple(ordered)))
    return attached, problems


@dataclass(frozen=True)
class _NoAgreement:
    """Why a row names no agreement of the files."""

    th: str
    en: str


def _key_of(row: PartyRow, keys: set[tuple[str, int]], by_agency: dict[str, list[tuple[str, int]]]
            ) -> tuple[str, int] | _NoAgreement:
    """The agreement (agency, year) a row names, or why it names none."""
    if row.agency is None and row.fiscal_year is None:
        if len(keys) == 1:
            return next(iter(keys))
        return _NoAgreement("ไฟล์ที่นำเข้ามีคำรับรองหลายฉบับ ต้องระบุส่วนราชการและปีงบประมาณของคู่สัญญา",
                            "the files hold several agreements: give the agency and fiscal year of each party")
    candidates = list(keys) if row.agency is None else by_agency.get(" ".join(row.agency.split()), [])
    matches = [k for k in candidates if row.fiscal_year is None or k[1] == row.fiscal_year]
    if len(matches) == 1:
        return matches[0]
    named = f"{row.agency or ''} {row.fiscal_year or ''}".strip()
    if not matches:
        return _NoAgreement(
            f"ไม่พบตัวชี้วัดของ {named} ในไฟล์ที่นำเข้า จึงไม่ทราบว่าคู่สัญญานี้เป็นของคำรับรองฉบับใด",
            f"no indicators of {named} in the imported files, so this party belongs to no agreement")
    return _NoAgreement(f"ระบุ {named} ไม่พอจะเลือกคำรับรองได้ฉบับเดียว",
                        f"'{named}' names several agreements of the files; give both agency and fiscal year")


def _first_file(rows: Sequence[PartyRow], agreement: Agreement) -> str | None:
    return next((r.file for r in rows if r.agency in (None, agreement.agency)), None)

