"""Exporting results: agreements with the agency's own results in the import layout (so the file reads back as an
agreement workbook), plus every member's ratings, the panel's figures and the totals; .xlsx or CSV (UTF-8, BOM).

The first sheet (or the CSV file itself) uses the template's headers and one row per indicator and round, results
in the result column. The further sheets (or sibling CSV files) use "Thai / English" headers that the importer's
header matching does not take for an agreement table, so importing the whole workbook reads only the first sheet.
Every text cell goes through `spreadsheet_safety` (no cell runs as a formula); private notes are never exported.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.agreement import Agreement, Indicator, IndicatorKind, code_key
from ..domain.framework import Framework
from ..domain.numbers import format4, plain
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import score_agreement
from ..store.agreements import load_agreement
from ..store.frameworks import get_framework
from ..store.ratings import evaluators_of, load_ratings
from ..store.workspace import Workspace
from .columns import COLUMNS
from .spreadsheet_safety import neutralise_row
from .template import header_text

__all__ = ["ExportSummary", "export_results", "results_tables"]

KIND_TEXT = {IndicatorKind.NUMERIC: "เชิงปริมาณ", IndicatorKind.MILESTONE: "ระดับความสำเร็จ"}

MEMBER_HEADERS = ("ส่วนราชการ / agency", "ปีงบประมาณ / fiscal year", "รหัสตัวชี้วัด / code",
                  "ชื่อตัวชี้วัด / indicator", "รอบ / round", "ผู้ประเมิน / evaluator", "ชื่อ / name",
                  "ผลการดำเนินงาน / result", "คะแนนจากผล / computed score", "คะแนนที่ปรับ / adjusted score",
                  "เหตุผลที่ปรับ / adjustment reason", "คะแนนที่ใช้ / score", "คะแนนถ่วงน้ำหนัก / weighted",
                  "ความเห็น / comment")
PANEL_HEADERS = ("ส่วนราชการ / agency", "ปีงบประมาณ / fiscal year", "รหัสตัวชี้วัด / code",
                 "ชื่อตัวชี้วัด / indicator", "รอบ / round", "น้ำหนักในรอบ / weight", "วิธีได้มา / rule",
                 "คะแนนของคณะ / panel score", "คะแนนถ่วงน้ำหนักของคณะ / panel weighted", "ต่ำสุด / min",
                 "สูงสุด / max", "ส่วนต่าง / spread", "กรรมการที่นับ / members counted")
TOTAL_HEADERS = ("ส่วนราชการ / agency", "ปีงบประมาณ / fiscal year", "รอบ / round",
                 "รวมประเมินตนเอง / self total", "รวมหลังคณะกรรมการปรับ / adjusted total",
                 "รวมของคณะ / panel total", "เกณฑ์ / threshold", "ผ่านเกณฑ์ / eligible", "ระดับ / tier")
SHEETS = ("คำรับรองและผล", "ผลรายกรรมการ", "ผลของคณะ", "คะแนนรวม")
_CSV_SUFFIXES = ("", "-members", "-panel", "-totals")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    agreements: int
    rows: int  # rows of the import-layout table
    files: tuple[Path, ...]  # every file written (a CSV export writes four)


def _number(value: Decimal | None) -> Any:
    """A number as a spreadsheet number where a float holds it exactly as typed, else its text."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else plain(value)


def _rounds_of(framework: Framework, ratings: dict[int, dict[str, Rating]], item: Indicator) -> list[int | None]:
    """The rounds an indicator gets a row for: each round with a result or a weight of its own, the first row
    carrying the base weight (the importer takes the first row's weight as the indicator's, and later differing
    ones as round weights)."""
    with_results = [r for r in framework.rounds if ratings.get(r, {}).get(item.code) is not None
                    and ratings[r][item.code].result is not None]
    rounds = sorted(set(with_results) | set(item.round_weights))
    if not rounds:
        return [None]
    first = next((r for r in rounds if r not in item.round_weights), None)
    if first is None:
        first = next((r for r in framework.rounds if r not in item.round_weights), None)
        if first is None:
            return [*rounds]  # every round has its own weight: the base weight is never used
    return [first, *[r for r in rounds if r != first]]


def _import_row(agreement: Agreement, item: Indicator, round_: int | None, result: Decimal | None) -> list[Any]:
    values: dict[str, Any] = {
        "agency": agreement.agency, "fiscal_year": agreement.fiscal_year, "dimension": item.dimension,
        "code": item.code, "name": item.name, "unit": item.unit,
        "weight": _number(item.weight if round_ is None else item.weight_in(round_)),
        "target": item.target, "baseline": item.baseline, "kind": KIND_TEXT[item.kind],
        "result": _number(result), "round": round_, "description": item.description, "formula": item.formula,
        "conditions": item.conditions, "data_source": item.data_source, "supervisor": item.supervisor,
        "collector": item.collector, "start_round": item.start_round, "cancel_round": item.cancel_round,
        "framework": agreement.framework_id,
    }
    if item.thresholds is not None:
        levels: Sequence[Any] = (item.level_descriptions if item.level_descriptions
                                 else [_number(v) for v in item.thresholds.values])
        for n, level in enumerate(levels, start=1):
            values[f"level_{n}"] = level
    return [values.get(column.name) for column in COLUMNS]


def results_tables(workspace: Workspace, agreement_ids: Sequence[int]) -> list[list[list[Any]]]:
    """The four tables (import layout, members, panel, totals), each a list of rows with its header row first."""
    from ..store.panel import load_panel

    panel = load_panel(workspace)
    names = {m.id: m.name for m in panel.members} if panel is not None else {}
    main: list[list[Any]] = [[header_text(c) for c in COLUMNS]]
    members: list[list[Any]] = [list(MEMBER_HEADERS)]
    figures: list[list[Any]] = [list(PANEL_HEADERS)]
    totals: list[list[Any]] = [list(TOTAL_HEADERS)]
    for agreement_id in agreement_ids:
        stored = load_agreement(workspace, agreement_id)
        agreement = stored.agreement
        framework = get_framework(workspace, agreement.framework_id or "")
        own = {r: {c: s.rating for c, s in load_ratings(workspace, agreement_id, r, SELF_ASSESSMENT).items()}
               for r in framework.rounds}
        for item in agreement.indicators:
            for round_ in _rounds_of(framework, own, item):
                rating = own.get(round_ or 0, {}).get(item.code)
                main.append(_import_row(agreement, item, round_, None if rating is None else rating.result))
        # The agency's own rows too: its committee-adjusted scores and reasons have no column in the import layout.
        evaluators = [SELF_ASSESSMENT, *(e for e in evaluators_of(workspace, agreement_id) if e != SELF_ASSESSMENT)]
        for round_ in framework.rounds:
            _member_rows(workspace, agreement_id, agreement, framework, round_, evaluators, names, members)
            panel_total = _panel_rows(workspace, panel, agreement_id, agreement, round_, figures)
            ratings = own.get(round_, {})
            if not any(r.result is not None or r.adjusted_score is not None for r in ratings.values()) \
                    and panel_total is None:
                continue
            as_reported = {c: Rating(c, round_, result=r.result) for c, r in ratings.items() if r.result is not None}
            self_sheet = score_agreement(agreement, as_reported, framework, round_)
            adjusted = score_agreement(agreement, ratings, framework, round_)
            official = panel_total if panel_total is not None else adjusted.total if adjusted.complete else None
            tier = framework.tier_for(official) if official is not None else None
            totals.append([agreement.agency, agreement.fiscal_year, round_,
                           format4(self_sheet.total) if self_sheet.complete else None,
                           format4(adjusted.total) if adjusted.complete else None,
                           None if panel_total is None else format4(panel_total),
                           format4(framework.reward_threshold),
                           None if official is None else ("ผ่าน / yes" if official >= framework.reward_threshold
                                                          else "ไม่ผ่าน / no"),
                           None if tier is None else tier.label])
    return [main, members, figures, totals]


def _member_rows(workspace: Workspace, agreement_id: int, agreement: Agreement, framework: Framework, round_: int,
                 evaluators: Sequence[str], names: dict[str, str], out: list[list[Any]]) -> None:
    for evaluator in evaluators:
        stored = load_ratings(workspace, agreement_id, round_, evaluator)
        if not stored:
            continue
        sheet = score_agreement(agreement, {c: s.rating for c, s in stored.items()}, framework, round_)
        for code in sorted(stored, key=code_key):
            rating = stored[code].rating  # the private note (stored[code].note) stays out on purpose
            try:
                row = sheet.indicator(code)
            except KeyError:
                continue  # rated against an indicator no longer in the version in force
            out.append([agreement.agency, agreement.fiscal_year, code, row.name, round_, evaluator,
                        "ส่วนราชการ (ประเมินตนเอง)" if evaluator == SELF_ASSESSMENT else names.get(evaluator, ""),
                        _number(rating.result),
                        None if row.computed_score is None else format4(row.computed_score),
                        None if rating.adjusted_score is None else format4(rating.adjusted_score),
                        rating.adjust_reason, None if row.score is None else format4(row.score),
                        None if row.weighted is None else format4(row.weighted), rating.comment])


def _panel_rows(workspace: Workspace, panel: Any, agreement_id: int, agreement: Agreement, round_: int,
                out: list[list[Any]]) -> Decimal | None:
    """The panel's figures of one round when its members rated it; returns the panel total when complete."""
    if panel is None:
        return None
    raters = [m.id for m in panel.raters_for(agreement.agency)]
    if not raters or not any(load_ratings(workspace, agreement_id, round_, m) for m in raters):
        return None
    from ..store.panel_results import panel_result

    result = panel_result(workspace, agreement_id, round_)
    for item in result.indicators:
        if not item.counted:
            continue
        row = result.sheet.indicator(item.code)
        summary = item.summary
        out.append([agreement.agency, agreement.fiscal_year, item.code, item.name, round_, _number(item.weight),
                    result.rule.value, None if row.score is None else format4(row.score),
                    None if row.weighted is None else format4(row.weighted),
                    None if summary is None else format4(summary.minimum),
                    None if summary is None else format4(summary.maximum),
                    None if summary is None else format4(summary.spread),
                    ", ".join(m for m, s in item.member_scores if s is not None)])
    return result.total if result.sheet.complete else None


def export_results(workspace: Workspace, agreement_ids: Sequence[int], path: Path) -> ExportSummary:
    """Write the results of `agreement_ids` to `path` (.xlsx: four sheets; .csv: the import table, with the other
    three tables as sibling files FILE-members.csv, FILE-panel.csv, FILE-totals.csv)."""
    tables = results_tables(workspace, agreement_ids)
    tables = [[neutralise_row(row) for row in table] for table in tables]
    if path.suffix.lower() == ".csv":
        files = tuple(path.with_name(f"{path.stem}{suffix}{path.suffix}") for suffix in _CSV_SUFFIXES)
        for table, target in zip(tables, files, strict=True):
            _write_csv(table, target)
    else:
        _write_xlsx(tables, path)
        files = (path,)
    return ExportSummary(path, len(agreement_ids), len(tables[0]) - 1, files)


def _write_csv(table: list[list[Any]], path: Path) -> None:
    # Excel's "CSV UTF-8": a BOM so Thai opens correctly, CRLF line ends; headers on one line each.
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        for index, row in enumerate(table):
            cells = ["" if v is None else str(v) for v in row]
            if index == 0:
                cells = [c.replace("\n", " ") for c in cells]
            writer.writerow(cells)


def _write_xlsx(tables: list[list[list[Any]]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    code_columns = {0: [c.name for c in COLUMNS].index("code"), 1: 2, 2: 2}
    for index, (title, table) in enumerate(zip(SHEETS, tables, strict=True)):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in table:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        code_column = code_columns.get(index)
        if code_column is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=code_column + 1, max_col=code_column + 1):
                cell.number_format = "@"  # keeps 1.10 text, not the number 1.1
        for column in range(1, len(table[0]) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
