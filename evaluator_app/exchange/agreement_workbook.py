"""Importing agreements from Excel workbooks and CSV files (one row per indicator), all files or nothing.

`read_agreement_files` never raises for bad content: it returns what it read and every problem found, each
placed on its file, sheet, row and column. `load_agreement_files` refuses the whole import if any problem exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from evaluator_app.domain.agreement import Agreement, code_key
from evaluator_app.domain.framework import Framework, framework_for_year
from evaluator_app.domain.problems import Problem, ProblemsError
from evaluator_app.domain.rating import Rating

from .assemble import AgreementAssembly
from .columns import Column, canonical_columns, required_columns
from .hidden_cells import hidden_sheet_warning
from .parties import PartyRow, attach_parties, is_parties_grid, read_parties_grid, read_party_columns
from .readers import read_grids
from .sheets import ReadRow, SourceRow, read_sheet

__all__ = [
    "MAX_PROBLEMS",
    "Column",
    "HiddenSheet",
    "ImportedAgreement",
    "ReadRow",
    "WorkbookReading",
    "canonical_columns",
    "load_agreement_files",
    "read_agreement_files",
]

MAX_PROBLEMS = 200  # beyond this a list helps nobody; the rest are counted


@dataclass(frozen=True)
class ImportedAgreement:
    agreement: Agreement  # framework_id set
    self_ratings: tuple[Rating, ...]  # the result column: evaluator 'self', one per indicator and round
    source: str  # "agreements.xlsx, sheet 'Sheet1'"
    warnings: tuple[Problem, ...] = ()  # what the import policy took as written, each on its file, sheet, row, column


@dataclass(frozen=True)
class HiddenSheet:
    """A sheet Excel does not show ("hidden", or "veryHidden": unhidable only with VBA): listed in the preview,
    and read only when the person asks for it (`--include-hidden`)."""

    file: str
    sheet: str
    state: str
    read: bool

    def describe(self) -> str:
        kind_th = "ซ่อนไว้อย่างลึก (very hidden)" if self.state == "veryHidden" else "ซ่อนไว้"
        kind_en = "very hidden" if self.state == "veryHidden" else "hidden"
        if self.read:
            return f"{self.file}: ชีต '{self.sheet}' {kind_th} อ่านด้วย / sheet '{self.sheet}' is {kind_en}: read"
        return (f"{self.file}: ชีต '{self.sheet}' {kind_th} จึงไม่อ่าน (ใช้ --include-hidden เพื่ออ่าน) / sheet "
                f"'{self.sheet}' is {kind_en}: skipped (--include-hidden reads it)")


@dataclass(frozen=True)
class WorkbookReading:
    rows: tuple[ReadRow, ...]
    agreements: tuple[ImportedAgreement, ...]  # only agreements without any problem
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()  # imported as written; `strict` made them problems instead
    hidden_sheets: tuple[HiddenSheet, ...] = ()


def read_agreement_files(paths: Sequence[Path], frameworks: Sequence[Framework], *,
                         strict: bool = False, include_hidden: bool = False) -> WorkbookReading:
    """Read every file and sheet, group indicator rows by agency and fiscal year, validate, report everything.

    Warnings of the import policy are listed apart; with `strict` (or a framework's `strict_import`) they are
    problems, and refuse the import like any other. Hidden sheets are listed and skipped unless `include_hidden`.
    """
    rows: list[ReadRow] = []
    hidden: list[HiddenSheet] = []
    problems: list[Problem] = []
    indicator_rows: list[SourceRow] = []
    order: dict[tuple[str | None, str | None], int] = {}
    party_rows: list[PartyRow] = []
    for path in paths:
        path = Path(path)
        order.setdefault((path.name, None), len(order))
        grids, file_problems = read_grids(path)
        problems.extend(file_problems)
        recognised = found = party_sheets = 0
        # Visible sheets first. A hidden sheet is read when asked for (--include-hidden), or when no visible sheet
        # of the workbook holds a table: then it is the agreement, read as written with a warning (§11).
        visible = [grid for grid in grids if grid.state == "visible"]
        skipped = [grid for grid in grids if grid.state != "visible"]
        fallback = False
        for grid in [*visible, *skipped]:
            sheet_note = None
            if grid.state != "visible":
                if grid is skipped[0]:  # every visible sheet is read: is any of them a table?
                    fallback = not include_hidden and not recognised and not party_sheets
                hidden.append(HiddenSheet(grid.file, grid.sheet or "", grid.state, include_hidden or fallback))
                if not include_hidden and not fallback:
                    continue
                if fallback:
                    sheet_note = hidden_sheet_warning(grid.file, grid.sheet or "", grid.state)
            order.setdefault((grid.file, grid.sheet), len(order))
            if is_parties_grid(grid):  # the คู่สัญญา sheet (exchange/parties.py)
                party_sheets += 1
                _extend(party_rows, problems, read_parties_grid(grid))
                continue
            sheet = read_sheet(grid, sheet_note)
            if not sheet.recognised:
                continue
            recognised += 1
            found += len(sheet.indicator_rows)
            rows.extend(sheet.rows)
            problems.extend(sheet.problems)
            indicator_rows.extend(sheet.indicator_rows)
            _extend(party_rows, problems, read_party_columns(grid, sheet.indicator_rows))
        # A file of parties only is fine: its agreements' indicators come in another file of the import.
        if grids and not recognised and not party_sheets:
            problems.append(_no_header_problem(path.name))
        elif recognised and not found and not any(p.file == path.name for p in problems):
            problems.append(Problem(
                th="ไม่พบแถวตัวชี้วัดใต้แถวหัวตาราง", en="no indicator rows below the header row", file=path.name))

    built: list[tuple[ImportedAgreement, set[tuple[str, str | None]]]] = []
    warnings: list[Problem] = []
    for assembly in _assemblies(indicator_rows, frameworks, problems):
        agreement, ratings = assembly.finish()
        if strict or assembly.framework.strict_import:
            assembly.problems.extend(w.as_refusal() for w in assembly.warnings)
            assembly.warnings.clear()
        problems.extend(assembly.problems)
        warnings.extend(assembly.warnings)
        if agreement is not None and not assembly.problems:
            places = {(row.file, row.sheet) for row in assembly.rows}
            built.append((ImportedAgreement(agreement, _sorted(ratings), _source(assembly.rows),
                                            _in_order(assembly.warnings)), places))
    with_parties, party_problems = attach_parties([imported.agreement for imported, _ in built], party_rows,
                                                  {(row.agency, row.fiscal_year) for row in indicator_rows})
    problems.extend(party_problems)
    built = [(replace(imported, agreement=agreement), places)
             for (imported, places), agreement in zip(built, with_parties, strict=True)]
    # Only agreements read cleanly are listed (for a preview): no problem anywhere on the sheets they come from.
    troubled = {(p.file, p.sheet) for p in problems}
    agreements = [imported for imported, places in built if not places & troubled]

    def place(p: Problem) -> tuple[int, int]:
        return order.get((p.file, p.sheet), order.get((p.file, None), len(order))), p.row or 0

    problems.sort(key=place)
    warnings.sort(key=place)
    return WorkbookReading(tuple(rows), tuple(agreements), _capped(problems), warnings=tuple(warnings),
                           hidden_sheets=tuple(hidden))


def load_agreement_files(paths: Sequence[Path], frameworks: Sequence[Framework], *,
                         strict: bool = False, include_hidden: bool = False) -> tuple[ImportedAgreement, ...]:
    """The agreements of all files, or ProblemsError carrying every problem: a caller imports all or nothing.
    Each agreement carries its warnings (`strict`: warnings refuse too)."""
    reading = read_agreement_files(paths, frameworks, strict=strict, include_hidden=include_hidden)
    if reading.problems:
        raise ProblemsError(reading.problems)
    return reading.agreements


def _assemblies(rows: Sequence[SourceRow], frameworks: Sequence[Framework],
                problems: list[Problem]) -> list[AgreementAssembly]:
    """One assembly per agency and fiscal year, across all files and sheets (so a repeat is a duplicate)."""
    groups: dict[tuple[str, int], list[SourceRow]] = {}
    for row in rows:
        groups.setdefault((row.agency, row.fiscal_year), []).append(row)
    assemblies = []
    for (agency, year), members in groups.items():
        framework = _framework(members, frameworks, problems)
        if framework is None:
            continue
        assembly = AgreementAssembly(agency, year, framework)
        for row in members:
            assembly.add(row)
        assemblies.append(assembly)
    return assemblies


def _framework(rows: Sequence[SourceRow], frameworks: Sequence[Framework],
               problems: list[Problem]) -> Framework | None:
    """The year's default framework, or the one the framework column names (once per agreement is enough)."""
    named = [row for row in rows if row.values.get("framework")]
    first = named[0] if named else rows[0]
    wanted = first.values.get("framework") or None
    for row in named[1:]:
        if " ".join(row.values["framework"].split()) != " ".join((wanted or "").split()):
            label = row.columns.label("framework")
            there_th, there_en = first.where()
            problems.append(row.columns.problem(
                row.row, f"กรอบการประเมิน {row.values['framework']!r} ต่างจาก {wanted!r} ใน{there_th} "
                f"คำรับรองหนึ่งฉบับใช้กรอบเดียว",
                f"framework {row.values['framework']!r} differs from {wanted!r} on {there_en}; one agreement "
                f"has one framework", label))
            return None
    try:
        return framework_for_year(tuple(frameworks), first.fiscal_year, wanted)
    except LookupError as exc:
        # The domain's message is "Thai / English".
        th, _, en = str(exc).partition(" / ")
        column = "framework" if wanted else "fiscal_year"
        problems.append(first.columns.problem(first.row, th, en or th, first.columns.label(column)))
        return None


def _extend(party_rows: list[PartyRow], problems: list[Problem],
            read: tuple[list[PartyRow], list[Problem]]) -> None:
    party_rows.extend(read[0])
    problems.extend(read[1])


def _no_header_problem(name: str) -> Problem:
    listed = ", ".join(c.label for c in required_columns())
    return Problem(
        th=f"ไม่พบแถวหัวตารางในชีตใดเลย (ค้นทุกแถวของทุกชีต รวมชีตที่ซ่อนไว้) แถวหัวตารางต้องมีคอลัมน์: {listed}",
        en=f"no header row found in any sheet (every row of every sheet was searched, hidden sheets too); the "
           f"header row must name the required columns: {listed}",
        file=name)


def _source(rows: Sequence[SourceRow]) -> str:
    places: dict[str, None] = {}
    for row in rows:
        places.setdefault(f"{row.file}, sheet '{row.sheet}'" if row.sheet else row.file, None)
    return "; ".join(places)


def _sorted(ratings: Sequence[Rating]) -> tuple[Rating, ...]:
    return tuple(sorted(ratings, key=lambda r: (r.round, code_key(r.code))))


def _in_order(warnings: Sequence[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(warnings, key=lambda p: (p.file or "", p.sheet or "", p.row or 0)))


def _capped(problems: list[Problem]) -> tuple[Problem, ...]:
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    more = len(problems) - MAX_PROBLEMS
    return (*problems[:MAX_PROBLEMS], Problem(
        th=f"และปัญหาอื่นอีก {more:,} รายการ (แสดงเพียง {MAX_PROBLEMS} รายการแรก)",
        en=f"and {more:,} more problems (only the first {MAX_PROBLEMS} are listed)"))
