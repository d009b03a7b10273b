"""A fiscal year of evaluation reports, and the plain document it is measured against.

`report_batch` prints the evaluation report of every agreement of the national workspace through the app's own
batch function (issued, sealed, shaped Thai, measured columns, chart, signatures), one PDF per agreement.
`plain_table_documents` is the floor: per agreement one reportlab SimpleDocTemplate with one plain Table of the
same rows (dimension titles, indicators with weight, criteria and both column groups, subtotals, total) in the
same Sarabun font registered the same way, and nothing else: no shaping, no line breaking, no seal.

`report_batch` issues the reports, which makes the round read-only: give it a copy of the workspace.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from evaluator_app.domain.numbers import format4, plain
from evaluator_app.domain.rating import SELF_ASSESSMENT
from evaluator_app.reports.batch import BatchResult, agreements_of_year, print_batch
from evaluator_app.store.all_scores import score_all
from evaluator_app.store.workspace import Workspace

from .workload import NATIONAL

ROUND = 12
COMMITTEE = "m1"  # the plain document's committee column: one member's sheet, the same shape as the panel's


def report_batch(workspace_path: Path, out_dir: Path) -> BatchResult:
    """The evaluation reports of every agreement of the national year, through reports.batch.print_batch."""
    with Workspace.open(workspace_path, read_only=True) as workspace:
        ids = agreements_of_year(workspace, NATIONAL.fiscal_year)
    result = print_batch(workspace_path, ids, out_dir, actor="secretary", round_=ROUND)
    if result.failed or len(result.written) != len(ids):
        raise RuntimeError(f"{len(result.failed)} reports refused, e.g. {result.failed[:3]}")
    return result


def plain_table_documents(workspace_path: Path, out_dir: Path) -> int:
    """One plain reportlab table document per agreement, with the same rows and font; the number written."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from evaluator_app.reports.fonts import REGULAR, register_fonts

    register_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = _rows_by_agreement(workspace_path)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 12),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    for agreement_id, (title, rows) in documents.items():
        document = SimpleDocTemplate(str(out_dir / f"{agreement_id:04d}.pdf"), pagesize=landscape(A4),
                                     title=title)
        document.build([Table(rows, repeatRows=2, style=style)])
    return len(documents)


def _rows_by_agreement(workspace_path: Path) -> dict[int, tuple[str, list[list[str]]]]:
    """Per agreement: its title and the table rows an evaluation report prints, as plain text."""
    with Workspace.open(workspace_path, read_only=True) as workspace:
        sheets = {(s.agreement_id, s.evaluator): s for s in score_all(workspace, NATIONAL.fiscal_year)
                  if s.round == ROUND and s.evaluator in (SELF_ASSESSMENT, COMMITTEE)}
        conn = workspace.conn
        heads = {r[0]: r[1] for r in conn.execute("SELECT id, agency FROM agreements")}
        results: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
        for agreement_id, code, evaluator, result in conn.execute(
                "SELECT agreement_id, code, evaluator, result FROM ratings WHERE round = ? AND evaluator IN (?, ?)",
                (ROUND, SELF_ASSESSMENT, COMMITTEE)):
            results[(agreement_id, evaluator)][code] = "" if result is None else plain(Decimal(result))
        thresholds = _thresholds(conn)
    documents: dict[int, tuple[str, list[list[str]]]] = {}
    for agreement_id, agency in heads.items():
        own, theirs = sheets.get((agreement_id, SELF_ASSESSMENT)), sheets.get((agreement_id, COMMITTEE))
        if theirs is None:
            continue
        own = own or theirs
        header = ["ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "", "ผลการประเมินตนเอง", "", "",
                  "ผลการประเมินของคณะกรรมการ", "", ""]
        rows = [header, ["", "", "1", "2", "3", "4", "5", "ผล", "คะแนน", "ถ่วงน้ำหนัก", "ผล", "คะแนน",
                         "ถ่วงน้ำหนัก"]]
        mine, committee = results[(agreement_id, SELF_ASSESSMENT)], results[(agreement_id, COMMITTEE)]
        by_code = {i.code: i for i in own.sheet.indicators}
        for number, dimension in enumerate(theirs.sheet.dimensions, start=1):
            rows.append([f"มิติที่ {number} {dimension.name}"] + [""] * 12)
            for item in theirs.sheet.indicators:
                if item.dimension != dimension.name:
                    continue
                mine_item = by_code.get(item.code, item)
                levels = thresholds.get((agreement_id, item.code), [""] * 5)
                rows.append([f"{item.code} {item.name}", plain(item.weight), *levels,
                             mine.get(item.code, ""), _figure(mine_item.score), _figure(mine_item.weighted),
                             committee.get(item.code, ""), _figure(item.score), _figure(item.weighted)])
            own_dimension = next((d for d in own.sheet.dimensions if d.name == dimension.name), dimension)
            rows.append([f"รวมมิติที่ {number}", plain(dimension.weight), "", "", "", "", "", "", "",
                         format4(own_dimension.subtotal), "", "", format4(dimension.subtotal)])
        rows.append(["คะแนนรวมทั้งสิ้น", plain(theirs.sheet.counted_weight), "", "", "", "", "", "", "",
                     format4(own.sheet.total), "", "", format4(theirs.sheet.total)])
        documents[agreement_id] = (f"รายงานผลการประเมิน {agency}", rows)
    return documents


def _figure(value: Decimal | None) -> str:
    return "" if value is None else format4(value)


def _thresholds(conn: sqlite3.Connection) -> dict[tuple[int, str], list[str]]:
    """Each agreement's indicators' criteria as printed, from the latest version."""
    import json

    found: dict[tuple[int, str], list[str]] = {}
    for agreement_id, code, text in conn.execute(
            "SELECT v.agreement_id, i.code, i.thresholds FROM indicators i JOIN agreement_versions v "
            "ON v.id = i.version_id ORDER BY v.number"):
        values = [] if text is None else [plain(Decimal(v)) for v in json.loads(text)]
        found[(agreement_id, code)] = (values + [""] * 5)[:5]
    return found
