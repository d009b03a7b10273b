"""The fiscal-year summary: every agency's total, eligibility (≥ threshold) and tier, ranked, with the panel's
signature blocks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer, Table

from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits, apply_digits
from ..store.agreements import list_agreements
from ..store.workspace import Workspace
from . import panel_view
from .document import frame_width
from .evaluation_data import CONTENT_FORMAT, CommitteeSource, collect_evaluation
from .fonts import body_style
from .paper_parts import TOTAL_FILL, GridCells, grid_style, issued_on, round_period, signatories_of, signed_end
from .printed_numbers import printed_figure
from .seal import Seal, seal_block
from .signatures import signature_block
from .table_plan import FigureColumn, TablePlan, cannot_fit, plan_table
from .thai_lines import NBSP, ThaiParagraph

__all__ = ["PAGESIZE", "collect_summary", "summary_header", "summary_story"]

PAGESIZE = A4
ELIGIBLE_FILL = colors.HexColor("#e9f3e6")


def collect_summary(workspace: Workspace, fiscal_year: int, round_: int = 12, *,
                    committee: CommitteeSource | None = None) -> dict[str, Any]:
    """Each agreement of the year with its committee total (as its evaluation report prints it), ranked.

    Ranks are shared on equal totals (1, 2, 2, 4); agencies whose results are incomplete come last, unranked.
    """
    agreements = [a for a in list_agreements(workspace) if a.fiscal_year == fiscal_year]
    if not agreements:
        raise ProblemsError([Problem(th=f"ไม่มีคำรับรองของปีงบประมาณ {fiscal_year}",
                                     en=f"no agreements for fiscal year {fiscal_year}", field="year")])
    rows = []
    for summary in agreements:
        content = collect_evaluation(workspace, summary.id, round_, committee=committee)
        totals, eligibility = content["totals"], content["eligibility"]
        complete = bool(totals["committee_complete"])
        rows.append({
            "agreement_id": summary.id, "agency": summary.agency, "complete": complete,
            "total": totals["committee"] if complete else None, "threshold": eligibility["threshold"],
            "eligible": eligibility["eligible"], "tier": eligibility["tier"],
            "committee": content["committee"]["source"], "version": content["version"],
        })
    ranked = sorted((r for r in rows if r["complete"]), key=lambda r: (-Decimal(r["total"]), r["agency"]))
    previous: Decimal | None = None
    rank = 0
    for position, row in enumerate(ranked, start=1):
        total = Decimal(row["total"])
        if total != previous:
            rank, previous = position, total
        row["rank"] = rank
    unranked = sorted((r for r in rows if not r["complete"]), key=lambda r: r["agency"])
    for row in unranked:
        row["rank"] = None
    panel = panel_view.load_panel_or_none(workspace)
    return {
        "format": CONTENT_FORMAT,
        "kind": "summary",
        "fiscal_year": fiscal_year,
        "round": round_,
        "committee": committee,  # as asked (None: each agreement's own choice), so verify asks the same
        "rows": ranked + unranked,
        "signatories": [{"name": s.name, "position": s.position, "role": s.role}
                        for s in panel_view.signatory_lines(panel, None)],
    }


def summary_header(content: dict[str, Any], digits: Digits) -> str:
    return apply_digits(f"สรุปผลการประเมิน ปีงบประมาณ พ.ศ. {content['fiscal_year']} รอบ {content['round']} เดือน",
                        digits)


def summary_story(content: dict[str, Any], *, seal: Seal | None, digits: Digits = "thai") -> list[Flowable]:
    year, round_ = content["fiscal_year"], content["round"]
    title = body_style("SumTitle", fontSize=20, leading=30)
    body = body_style("SumBody")
    rows = content["rows"]
    eligible = sum(1 for r in rows if r["eligible"])
    period = round_period(year, round_, digits)
    story: list[Flowable] = [
        ThaiParagraph("สรุปผลการประเมินผลการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph(apply_digits(f"ตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. {year} รอบ {round_} เดือน",
                                   digits), body, align="center"),
    ]
    if period:
        story.append(ThaiParagraph(f"({period})", body, align="center"))
    when = f"ออกเมื่อ {issued_on(seal.created_at, digits)}" if seal else f"ฉบับร่าง พิมพ์เมื่อ {issued_on(None, digits)}"
    story.append(ThaiParagraph(when, body, align="right"))
    story.append(Spacer(1, 4))
    story.append(_table(rows, digits))
    note = body_style("SumNote", fontSize=14, leading=21, spaceBefore=6)
    story.append(ThaiParagraph(apply_digits(f"ผ่านเกณฑ์การได้รับสิ่งจูงใจ {eligible} จาก {len(rows)} ส่วนราชการ", digits),
                               note, bold=True))
    if any(not r["complete"] for r in rows):
        story.append(ThaiParagraph("ส่วนราชการที่ยังประเมินไม่ครบทุกตัวชี้วัดแสดงไว้ท้ายตารางโดยยังไม่จัดลำดับ", note))
    people = signatories_of(content["signatories"])
    signatures = signature_block(people, frame_width(PAGESIZE)) if people else []
    return signed_end(story, signatures, seal_block(seal, digits) if seal is not None else [])


SUMMARY_SIZE = 13
SUMMARY_FLOOR = 9.0
SUMMARY_PADDING = 3.0


def _verdict(row: dict[str, Any], shared: str | None) -> str:
    if not row["complete"]:
        return "ยังประเมินไม่ครบ"
    verdict = "ผ่าน" if row["eligible"] else "ไม่ผ่าน"
    if shared is None:
        verdict += f" ({'≥' if row['eligible'] else '<'} {row['threshold']})"
    return verdict


def _verdict_head(shared: str | None) -> str:
    # The threshold on a line of its own, whole: "ผ่านเกณฑ์" over "(≥ 3.0000)".
    return f"ผ่านเกณฑ์\n(≥{NBSP}{shared})" if shared else "ผ่านเกณฑ์"


def summary_plan(rows: list[dict[str, Any]], digits: Digits) -> TablePlan:
    """The summary table's type size and columns, sized from its figures; the agency's name takes the rest."""
    thresholds = {r["threshold"] for r in rows}
    shared = next(iter(thresholds)) if len(thresholds) == 1 else None
    verdict_head = apply_digits(_verdict_head(shared), digits)
    # Short headers print whole on their lines: their lines are measured as figures are.
    columns = [
        FigureColumn([apply_digits(str(r["rank"] or ""), digits) for r in rows], "ลำดับ"),
        FigureColumn([apply_digits(printed_figure(r["total"]) or "–", digits) for r in rows] + ["คะแนนรวม"]),
        FigureColumn([apply_digits(_verdict(r, shared), digits) for r in rows] + verdict_head.split("\n"),
                     verdict_head),
        FigureColumn([r["tier"] or "–" for r in rows], "ระดับผลการประเมิน", words=True),
    ]
    plan = plan_table([columns], [r["agency"] for r in rows], cell_size=SUMMARY_SIZE, head_size=SUMMARY_SIZE,
                      floor=SUMMARY_FLOOR, padding=SUMMARY_PADDING, orientation="portrait")
    if plan is None:
        raise cannot_fit("", "คะแนนรวมกว้างเกินกว่าจะพิมพ์ได้ในหน้ากระดาษ A4", "the totals are too wide for an A4 page")
    return plan


def _table(rows: list[dict[str, Any]], digits: Digits) -> Table:
    plan = summary_plan(rows, digits)
    cells = GridCells(plan.size, digits, "SumCell")
    thresholds = {r["threshold"] for r in rows}
    # One threshold for all (the usual case) goes in the header; otherwise each row names its own.
    shared = next(iter(thresholds)) if len(thresholds) == 1 else None
    verdict_head = _verdict_head(shared)
    name_width, rank, total, verdict, tier = plan.widths
    widths = [rank, name_width, total, verdict, tier]
    data: list[list[Any]] = [[cells.head(apply_digits(t, digits)) for t in (
        "ลำดับ", "ส่วนราชการ", "คะแนนรวม", verdict_head, "ระดับผลการประเมิน")]]
    commands = [*grid_style(1), ("LEFTPADDING", (0, 0), (-1, -1), SUMMARY_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), SUMMARY_PADDING)]
    for row in rows:
        index = len(data)
        data.append([cells.text(None if row["rank"] is None else str(row["rank"]), align="center", number=True),
                     cells.text(row["agency"]),
                     cells.figure(printed_figure(row["total"])),
                     cells.text(apply_digits(_verdict(row, shared), digits), align="center"),
                     cells.text(row["tier"] or "–", align="center")])
        if row["eligible"]:
            commands.append(("BACKGROUND", (0, index), (-1, index), ELIGIBLE_FILL))
    commands.append(("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black))
    if len(data) == 1:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), TOTAL_FILL))
    return Table(data, colWidths=widths, repeatRows=1, splitInRow=0, style=commands, hAlign="CENTER")
