"""The evaluation report (รายงานผลการประเมินผลการปฏิบัติราชการ) drawn from its content: head, the score table with
both column groups, notes, chart, eligibility, rules in force, comments, signatures and the seal. A4 landscape."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.problems import ProblemsError
from ..domain.thai_dates import Digits, apply_digits
from . import paper_parts
from .chart import ChartSeries, DimensionChart
from .document import frame_width
from .fonts import body_style, font_name
from .measured_table import MeasuredTable
from .paper_parts import DIMENSION_FILL, TOTAL_FILL, FloatingFigure, GridCells, grid_style, issued_on, round_period
from .printed_numbers import criteria_places, printed_figure, printed_result, printed_threshold
from .seal import Seal, seal_block
from .shaping import line_width
from .signatures import BLANK_NAME, Signatory, StampAnchor, signature_block
from .table_plan import (
    FigureColumn,
    Orientation,
    TablePlan,
    TailBlock,
    cannot_fit,
    plan_table,
    row_too_tall,
)
from .thai_lines import NBSP, Run, ThaiParagraph

__all__ = ["PAGESIZE", "evaluation_header", "evaluation_pagesize", "evaluation_story", "evaluation_title", "table_plan"]

PAGESIZE = landscape(A4)  # the usual choice: the score table's needs decide (table_plan)
CELL_SIZE = 12
HEAD_SIZE = 11
SELF_COLOUR = colors.HexColor("#9db7d5")
COMMITTEE_COLOUR = colors.HexColor("#2f5d8a")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_ROUNDING_TH = {
    "score-first": "ปัดคะแนนเป็นทศนิยม 4 ตำแหน่ง (ปัดครึ่งขึ้น) ก่อนคูณน้ำหนัก แล้วปัดคะแนนถ่วงน้ำหนักเป็นทศนิยม 4 ตำแหน่ง",
    "weighted-only": "คูณน้ำหนักจากคะแนนที่ไม่ปัดเศษ แล้วปัดเฉพาะคะแนนถ่วงน้ำหนักเป็นทศนิยม 4 ตำแหน่ง (ปัดครึ่งขึ้น)",
}
_MILESTONE_TH = {
    "whole": "ให้คะแนนตามระดับขั้นตอนที่ดำเนินการสำเร็จครบทั้งระดับ",
    "proportional": "ให้คะแนนตามระดับที่สำเร็จ บวกสัดส่วนขั้นตอนที่สำเร็จของระดับถัดไป",
}
_RULE_TH = {"mean": "ค่าเฉลี่ย", "median": "มัธยฐาน", "consensus": "มติที่ประชุมซึ่งประธานบันทึกพร้อมเหตุผล"}
THREE_LEVEL_NAMES = ("ขั้นต้น", "มาตรฐาน", "ขั้นสูง")


def evaluation_title(content: dict[str, Any]) -> str:
    return "รายงานผลการประเมินผลการปฏิบัติราชการ"


def evaluation_header(content: dict[str, Any], digits: Digits) -> str:
    """The running header of every page: agency, year, round."""
    a = content["agreement"]
    return apply_digits(f"{a['agency']}  ปีงบประมาณ พ.ศ. {a['fiscal_year']}  รอบ {content['round']} เดือน", digits)


def evaluation_story(content: dict[str, Any], *, seal: Seal | None, digits: Digits = "thai",
                     orientation: Orientation = "auto", anchors: list[StampAnchor] | None = None,
                     plan: TablePlan | None = None) -> list[Flowable]:
    """The flowables of the report, from its content only (what is hashed is what is printed).

    They fit the page ``evaluation_pagesize`` gives for the same content, digits and orientation. `anchors`
    collects the room reserved for a digital signature's stamp (the first signer's), to place the signature there.
    `plan`: the `table_plan` of the same content, digits and orientation when the caller made it already (to
    choose the page), so the columns are measured once per report.
    """
    plan = plan or table_plan(content, digits, orientation)
    page = plan.pagesize
    story: list[Flowable] = []
    story += _head(content, _Issued.of(seal), digits, page)
    story.append(_score_table(content, digits, plan))
    story += _tail(content, digits, page, anchors)
    if seal is not None:
        sealed = seal_block(seal, digits, (content.get("issue") or {}).get("audit_head"))
        story = paper_parts.end_together(story, sealed)  # with the last signatures: never alone on a page
    return story


def _tail(content: dict[str, Any], digits: Digits, page: tuple[float, float],
          anchors: list[StampAnchor] | None) -> list[Flowable]:
    """What follows the table, up to the seal: notes, conclusion, chart, rules, comments, signatures, revision."""
    out = _notes(content, digits) + _eligibility(content, digits)
    chart, rules = _chart(content, digits, page), _rules(content, digits)
    # The chart where the conclusion ends when it fits there; else the rules fill that page and the chart follows.
    out += [FloatingFigure(chart, rules)] if chart else rules
    out += _comments(content, digits)
    out += _signatures(content, digits, page, anchors)
    out += _issue_trail(content, digits)
    return out


@dataclass(frozen=True)
class _Issued:
    """What the head prints of an issued report: when, its number and revision."""

    created_at: str | None
    number: int
    revision: int

    @classmethod
    def of(cls, seal: Seal | None) -> _Issued | None:
        return None if seal is None else cls(seal.created_at, seal.number, seal.revision)

    @classmethod
    def planned(cls, content: dict[str, Any]) -> _Issued | None:
        """Before the seal exists (planning the page): an issued report's content names its number."""
        issue = content.get("issue")
        return None if not issue else cls(PLANNING_DATE, int(issue.get("number") or 0),
                                          int(issue.get("revision") or 1))


# The date the page is planned with, whatever the day: one of the widest a head prints. The plan then depends on
# the content alone, so `verify` draws a report again, on any later day, on the pages it was issued on.
PLANNING_DATE = "2026-11-28T05:00:00+00:00"  # ๒๘ พฤศจิกายน พ.ศ. ๒๕๖๙


def _d(text: str, digits: Digits) -> str:
    return apply_digits(text, digits)


def _head(content: dict[str, Any], seal: _Issued | None, digits: Digits, page: tuple[float, float],
          planning: bool = False) -> list[Flowable]:
    a = content["agreement"]
    title = body_style("EvalTitle", fontSize=20, leading=28)
    body = body_style("EvalHead", spaceAfter=0)
    info = body_style("EvalInfo", fontSize=14, leading=21)
    year, round_ = a["fiscal_year"], content["round"]
    period = round_period(year, round_, digits)
    if seal is not None:
        issue = content.get("issue") or {}
        issued = [Run("ออกรายงานเมื่อ: ", bold=True), Run(issued_on(seal.created_at, digits))]
        number = [Run("รายงานเลขที่: ", bold=True),
                  Run(_d(f"{issue.get('number', seal.number)} ฉบับที่ {issue.get('revision', seal.revision)}",
                         digits))]
    else:
        printed = issued_on(PLANNING_DATE if planning else None, digits)
        issued = [Run("ฉบับร่าง: ", bold=True), Run(f"พิมพ์เมื่อ {printed}")]
        number = [Run("ยังไม่ได้ออกเป็นรายงาน จึงไม่มีเลขที่และรหัสตรวจสอบ")]
    pairs = [
        ([Run("ส่วนราชการ: ", bold=True), Run(a["agency"])],
         [Run("รอบการประเมิน: ", bold=True), Run(_d(f"{round_} เดือน", digits) + (f" ({period})" if period else ""))]),
        ([Run("กรอบการประเมิน: ", bold=True), Run(_d(content["framework"]["name"], digits))],
         [Run("คำรับรองที่ใช้ประเมิน: ", bold=True), Run(_d(f"ฉบับที่ {content['version']}", digits))]),
        (issued, number),
    ]
    width = frame_width(page)
    cells = [(ThaiParagraph(left, info), ThaiParagraph(right, info)) for left, right in pairs]
    share = _particulars_share(cells, width)
    grid = MeasuredTable([list(row) for row in cells], colWidths=[width * share, width * (1 - share)], hAlign="LEFT",
                         style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [
        ThaiParagraph(evaluation_title(content), title, bold=True, align="center"),
        ThaiParagraph(_d(f"ตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. {year}", digits), body, align="center"),
        Spacer(1, 4), grid, Spacer(1, 6),
    ]


PARTICULARS_SHARES = (0.52, 0.56, 0.60, 0.64, 0.48, 0.44)  # the usual split first: ties keep it


def _particulars_share(cells: list[tuple[ThaiParagraph, ThaiParagraph]], width: float) -> float:
    """The left column's share of the particulars that prints them in the fewest lines. A long agency name and a
    long period share a row: a fixed half each wrapped both and cost page 1 two lines of its table."""
    def height(share: float) -> float:
        return sum(max(left.wrap(width * share, 1e6)[1], right.wrap(width * (1 - share), 1e6)[1])
                   for left, right in cells)

    return min(PARTICULARS_SHARES, key=height)


CELL_PADDING = 2.5
FLOOR_SIZE = 8.0  # the smallest the table's type gets
_GROUP_HEADS = ("ผล", "คะแนน", "คะแนน\nถ่วงน้ำหนัก")
_HEADER_ROWS = 2
_OWN_HEAD, _THEIR_HEAD, _CRITERIA_HEAD = "ผลการประเมินตนเอง", "ผลการประเมินของคณะกรรมการ", "เกณฑ์การให้คะแนน"


def _header_lines(arrangement: int, widths: Sequence[float], size: float) -> int:
    """The lines of the two header rows together, for the figure columns' widths (weight, criteria, the two
    groups of three): a group's title wraps over narrow columns; "คะแนน / ถ่วงน้ำหนัก" always takes two."""
    def lines(text: str, width: float) -> int:
        # A spanning cell is as wide as its columns; its title breaks between words, a tenth lost to them.
        room = max(width - 2 * CELL_PADDING, 1.0)
        needed = line_width([(text, font_name(bold=True))], size)
        return 1 if needed <= room else max(2, math.ceil(needed * 1.1 / room))

    own, theirs, criteria = sum(widths[-6:-3]), sum(widths[-3:]), sum(widths[1:-6])
    first = max(lines(_OWN_HEAD, own), lines(_THEIR_HEAD, theirs))
    if arrangement == 0:  # the criteria's title over their columns, the levels under it
        return max(first, lines(_CRITERIA_HEAD, criteria)) + 2
    return max(first + 2, lines(_CRITERIA_HEAD, criteria))  # one criteria column under one title, both rows


@dataclass(frozen=True)
class _Row:
    """One indicator's printed texts: the name and every figure, in the paper's digits."""

    code: str
    name: str
    weight: str
    thresholds: tuple[str, ...]
    groups: tuple[str | None, ...]  # result, score, weighted of the agency, then of the committee


def _level_names(content: dict[str, Any], digits: Digits) -> tuple[str, ...]:
    count = int(content["framework"]["threshold_count"])
    names = THREE_LEVEL_NAMES if count == 3 else tuple(str(n) for n in range(1, count + 1))
    return tuple(_d(n, digits) for n in names)


def _printed_rows(content: dict[str, Any], digits: Digits) -> list[_Row]:
    rows = []
    for row in content["indicators"]:
        places = criteria_places(row["thresholds"])
        thresholds = tuple(_d(printed_threshold(v, places) or "", digits) for v in row["thresholds"])
        texts = _indicator_texts(row, places)
        depth = row["code"].count(".")
        name = f"{NBSP * 3 * depth}{_d(row['code'], digits)} {row['name']}"
        rows.append(_Row(row["code"], name, _d(printed_figure(row["weight"]) or "", digits), thresholds,
                         tuple(None if t is None else _d(printed_figure(t) or "", digits) for t in texts)))
    return rows


def _empty_dimensions(content: dict[str, Any]) -> dict[str, tuple[bool, bool]]:
    """Per dimension, whether no indicator in it has an agency figure, and whether none has a committee figure."""
    found: dict[str, tuple[bool, bool]] = {}
    for row in content["indicators"]:
        own, theirs = found.get(row["dimension"], (True, True))
        if row["counted"] and not row["parent"]:
            own = own and row["self"]["weighted"] is None
            theirs = theirs and row["committee"]["weighted"] is None
        found[row["dimension"]] = (own, theirs)
    return found


def _summary_figures(content: dict[str, Any], digits: Digits) -> tuple[list[str], list[str], list[str]]:
    """The weights, agency and committee figures of the subtotal and total rows, as printed."""
    weights, own, theirs = [], [], []
    for dim in content["dimensions"]:
        weights.append(dim["weight"])
        own.append(dim["self"])
        theirs.append(dim["committee"])
    totals = content["totals"]
    weights.append(totals["counted_weight"])
    own.append(totals["self"])
    theirs.append(totals["committee"])
    shown = [[_d(printed_figure(v) or "", digits) for v in values] for values in (weights, own, theirs)]
    return shown[0], shown[1], shown[2]


def _criteria_tokens(names: tuple[str, ...], thresholds: tuple[str, ...]) -> list[str]:
    # Each criterion with its level before it, joined by a no-break space: one token that never breaks.
    return [f"{name}:{NBSP}{value}" for name, value in zip(names, thresholds, strict=False)]


def _stacked_criteria(names: tuple[str, ...], thresholds: tuple[str, ...]) -> str:
    # The criteria in one cell: its lines break between criteria, never inside one.
    return " ".join(_criteria_tokens(names, thresholds))


def table_plan(content: dict[str, Any], digits: Digits, orientation: Orientation = "auto") -> TablePlan:
    """The page, type size and column widths of the score table; a refusal naming the row when nothing fits."""
    printed = {r.code: r for r in _printed_rows(content, digits)}
    order = [row for _, rows in _by_dimension(content) for row in rows]
    rows = [printed[row["code"]] for row in order]
    levels = _level_names(content, digits)
    weights, own, theirs = _summary_figures(content, digits)
    weight = FigureColumn([r.weight for r in rows] + weights, "น้ำหนัก")
    by_level = [FigureColumn([r.thresholds[i] for r in rows if i < len(r.thresholds)], levels[i])
                for i in range(len(levels))]
    tokens = [_criteria_tokens(levels, r.thresholds) for r in rows]
    stacked = FigureColumn([token for row in tokens for token in row], "เกณฑ์การให้คะแนน", stack=len(levels),
                           rows=tokens)
    groups = []
    for index, head in enumerate(_GROUP_HEADS * 2):
        extra = (own if index == 2 else theirs if index == 5 else [])
        groups.append(FigureColumn([r.groups[index] or "" for r in rows] + extra, head))
    names = [r.name for r in rows]
    arrangements = [[weight, *by_level, *groups], [weight, stacked, *groups]]
    measured: dict[tuple[float, float], tuple[float, list[TailBlock]]] = {}

    def around(page: tuple[float, float]) -> tuple[float, list[TailBlock]]:
        # What prints above and below the table on a page of that size, measured once per page size.
        if page not in measured:
            measured[page] = (_head_height(content, digits, page), _tail_blocks(content, digits, page))
        return measured[page]

    plan = None
    # The setting is a wish: a table that cannot fit the orientation asked for takes the other one.
    for choice in dict.fromkeys([orientation, "auto"]):
        plan = plan or plan_table(arrangements, names, cell_size=CELL_SIZE, head_size=HEAD_SIZE, floor=FLOOR_SIZE,
                                  padding=CELL_PADDING, orientation=choice, preferred="landscape",
                                  fixed_rows=sum(_attached(content)), attached=_attached(content),
                                  above=lambda page: around(page)[0], below=lambda page: around(page)[1],
                                  header_lines=_header_lines)
    if plan is None:
        raise _widest_row(rows, levels)
    return plan


def _by_dimension(content: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The indicators as the table prints them: grouped by dimension, in the order the dimensions first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in content["indicators"]:
        groups.setdefault(row["dimension"], []).append(row)
    return list(groups.items())


def _has_subtotal(content: dict[str, Any], name: str, groups: int) -> bool:
    return any(d["name"] == name for d in content["dimensions"]) and (bool(name) or groups > 1)


def _attached(content: dict[str, Any]) -> list[int]:
    """Per indicator row in printed order, the one-line rows that never part from it: its dimension's title
    before the first, the subtotal after the last, and the total after the very last."""
    groups = _by_dimension(content)
    attached: list[int] = []
    for name, rows in groups:
        glued = [0] * len(rows)
        if rows:
            glued[0] += 1 if name else 0
            glued[-1] += 1 if _has_subtotal(content, name, len(groups)) else 0
        attached += glued
    if attached:
        attached[-1] += 1
    return attached


# The seal block of an issued report as drawn (seal.seal_block): five lines beside the QR code, framed, 12 pt
# above. tests/reports/test_layout_real_data.py checks it against the block itself.
SEAL_HEIGHT = 108.0


def _head_height(content: dict[str, Any], digits: Digits, page: tuple[float, float]) -> float:
    head = _head(content, _Issued.planned(content), digits, page, planning=True)
    return sum(_flowable_height(f, frame_width(page)) for f in head)


def _flowable_height(flowable: Flowable, width: float) -> float:
    return flowable.wrap(width, 1e6)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _tail_blocks(content: dict[str, Any], digits: Digits, page: tuple[float, float]) -> list[TailBlock]:
    """What the report prints after its table on a page of that size, measured as the page breaker sees it:
    blocks kept whole, paragraphs that break between lines, the chart that floats; the seal of an issued report."""
    width = frame_width(page)
    blocks: list[TailBlock] = []

    def text_block(flowables: Sequence[Flowable]) -> TailBlock:
        # Paragraphs in a row break between their lines: one block breaking at the smallest leading among them.
        heights = [_flowable_height(f, width) for f in flowables]
        leads = [float(f.style.leading) for f in flowables if isinstance(f, ThaiParagraph)]
        first = flowables[0].getSpaceBefore() if flowables else 0.0
        return TailBlock(sum(heights) - first, min(leads, default=0.0), first)

    for flowable in _tail(content, digits, page, None):
        if isinstance(flowable, FloatingFigure):
            blocks.append(TailBlock(flowable.figure_height(width), 0.0, flowable.figure[0].getSpaceBefore(),
                                    floats=True))
            blocks.append(text_block([part for f in flowable.text for part in _parts(f)]))
        elif isinstance(flowable, KeepTogether):
            parts = _parts(flowable)
            first = parts[0].getSpaceBefore() if parts else 0.0
            blocks.append(TailBlock(sum(_flowable_height(f, width) for f in parts) - first, 0.0, first))
        elif isinstance(flowable, ThaiParagraph):
            blocks.append(text_block([flowable]))
        else:
            space = flowable.getSpaceBefore()
            blocks.append(TailBlock(_flowable_height(flowable, width) - space, 0.0, space))
    if content.get("issue"):
        blocks.append(TailBlock(SEAL_HEIGHT))
    return blocks


def _parts(flowable: Flowable) -> list[Flowable]:
    content = getattr(flowable, "_content", None)
    return list(content) if isinstance(flowable, KeepTogether) and content is not None else [flowable]


def _widest_row(rows: list[_Row], levels: tuple[str, ...]) -> ProblemsError:
    """The refusal for a table too wide at any size: it names the row with the widest figures."""
    font = font_name(bold=True)

    def width(row: _Row) -> float:
        texts = [row.weight, _stacked_criteria(levels, row.thresholds), *(t or "" for t in row.groups)]
        return sum(line_width([(t, font)], FLOOR_SIZE) for t in texts)

    widest = max(rows, key=width, default=None)
    code = widest.code if widest is not None else ""
    return cannot_fit(code, "ตัวเลขของตัวชี้วัดนี้กว้างเกินกว่าจะพิมพ์ได้ในหน้ากระดาษ A4 แม้ใช้ตัวอักษรเล็กที่สุด",
                      "its figures are too wide for an A4 page even in the smallest type")


def evaluation_pagesize(content: dict[str, Any], digits: Digits, orientation: Orientation = "auto"
                        ) -> tuple[float, float]:
    """The page the report prints on: the score table's needs decide, unless the orientation is set."""
    return table_plan(content, digits, orientation).pagesize


def _score_table(content: dict[str, Any], digits: Digits, plan: TablePlan) -> MeasuredTable:
    cells = GridCells(plan.size, digits, "EvalCell")
    heads = GridCells(plan.head_size, digits, "EvalHeadCell")
    levels = _level_names(content, digits)
    stacked = plan.arrangement == 1
    count = 1 if stacked else len(levels)
    first_group = 2 + count
    last = first_group + 5
    header1: list[Any] = [heads.head("ตัวชี้วัด"), heads.head("น้ำหนัก"), heads.head(_CRITERIA_HEAD)]
    header1 += [""] * (count - 1)
    header1 += [heads.head(_OWN_HEAD), "", "", heads.head(_THEIR_HEAD), "", ""]
    header2: list[Any] = ["", ""] + ([""] if stacked else [heads.head(n) for n in levels])
    header2 += [heads.head(t) for t in _GROUP_HEADS] * 2
    data: list[list[Any]] = [header1, header2]
    commands = [
        *grid_style(_HEADER_ROWS),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (first_group - 1, 1 if stacked else 0)),
        ("SPAN", (first_group, 0), (first_group + 2, 0)), ("SPAN", (first_group + 3, 0), (last, 0)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    printed = {r.code: r for r in _printed_rows(content, digits)}
    by_dimension = dict(_by_dimension(content))
    dimensions = {d["name"]: d for d in content["dimensions"]}
    empty = _empty_dimensions(content)
    header_height = 2 * sum(heads.style.leading * 2 + 4 for _ in range(_HEADER_ROWS))
    for number, (name, rows) in enumerate(by_dimension.items(), start=1):
        if name:
            index = len(data)
            data.append([cells.text(_d(f"มิติที่ {number} {name}", digits), bold=True)] + [""] * last)
            # NOSPLIT: a dimension's title never ends a page without its first indicator.
            commands += [("SPAN", (0, index), (last, index)), ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL),
                         ("NOSPLIT", (0, index), (last, index + 1))]
        for row in rows:
            index = len(data)
            shown = printed[row["code"]]
            name_cell = cells.text(shown.name, bold=row["parent"])
            _check_height(name_cell, plan, header_height, row["code"])
            data.append(_indicator_cells(row, shown, name_cell, cells, count, levels, stacked))
            if not row["counted"]:
                commands.append(("SPAN", (first_group, index), (last, index)))
        dim = dimensions.get(name)
        if dim is not None and (name or len(by_dimension) > 1):
            index = len(data)
            label = f"รวมมิติที่ {number} {name}" if name else "รวมตัวชี้วัดที่ไม่ระบุมิติ"
            no_own, no_theirs = empty.get(name, (False, False))
            # the score column holds the dimension's average on the 1-5 scale, beside its weighted subtotal
            self_average, committee_average = dim.get("self_average"), dim.get("committee_average")
            data.append([cells.text(_d(label, digits), bold=True, align="right"),
                         cells.figure(printed_figure(dim["weight"]), bold=True), *[""] * count,
                         "", cells.figure(None if no_own or not self_average else self_average, dash=False),
                         cells.figure(None if no_own else printed_figure(dim["self"]), bold=True, dash=False),
                         "", cells.figure(None if no_theirs or not committee_average else committee_average,
                                          dash=False),
                         cells.figure(None if no_theirs else printed_figure(dim["committee"]), bold=True,
                                      dash=False)])
            commands += [("SPAN", (2, index), (first_group - 1, index)),
                         ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL),
                         ("NOSPLIT", (0, index - 1), (last, index))]  # a subtotal stays with its last indicator
    totals = content["totals"]
    index = len(data)
    data.append([cells.text("คะแนนรวมทั้งสิ้น", bold=True, align="right"),
                 cells.figure(printed_figure(totals["counted_weight"]), bold=True), *[""] * count,
                 "", "", cells.figure(printed_figure(totals["self"]) if totals["self_complete"] else None, bold=True),
                 "", "", cells.figure(printed_figure(totals["committee"]) if totals["committee_complete"] else None,
                                      bold=True)])
    commands += [("SPAN", (2, index), (first_group - 1, index)),
                 ("BACKGROUND", (0, index), (last, index), TOTAL_FILL),
                 ("LINEABOVE", (0, index), (last, index), 1.2, colors.black),
                 ("NOSPLIT", (0, index - 1), (last, index))]  # nor does the total stand alone on a page
    # repeatRows: the two header rows start every page; splitInRow=0: a row is never cut across pages.
    return MeasuredTable(data, colWidths=list(plan.widths), repeatRows=_HEADER_ROWS, splitInRow=0, style=commands,
                 hAlign="CENTER")


def _check_height(cell: Flowable, plan: TablePlan, header_height: float, code: str) -> None:
    # Rows are never cut across pages, so a row taller than a page cannot print: say which, before reportlab fails.
    _, height = cell.wrap(plan.widths[0] - 2 * CELL_PADDING, 1e9)
    if row_too_tall(height + 4, plan.pagesize, header_height):
        raise cannot_fit(code, "ชื่อตัวชี้วัดยาวเกินหนึ่งหน้ากระดาษ", "the indicator's name is longer than a page")


def _indicator_texts(row: dict[str, Any], places: int = 0) -> list[str | None]:
    """The six figures of the two column groups as printed (parents bracketed, a note mark on the score)."""
    own, theirs = row["self"], row["committee"]
    if row["parent"]:
        # A parent's figures are its children's sum: printed in brackets so the column is not counted twice.
        def bracket(value: str | None) -> str | None:
            return None if value is None else f"({value})"

        return [None, bracket(own["score"]), bracket(own["weighted"]),
                None, bracket(theirs["score"]), bracket(theirs["weighted"])]
    score = theirs["score"]
    if theirs.get("note"):
        # Without a committee figure the cell holds only the note's mark: empty, and the note says why.
        score = f"{score or ''}{str(theirs['note']).translate(SUPERSCRIPT)}"
    return [printed_result(own["result"], places), own["score"], own["weighted"],
            printed_result(theirs["result"], places), score, theirs["weighted"]]


def _indicator_cells(row: dict[str, Any], shown: _Row, name: Flowable, cells: GridCells, count: int,
                     levels: tuple[str, ...], stacked: bool) -> list[Any]:
    if stacked:
        thresholds: list[Any] = [cells.text(_stacked_criteria(levels, shown.thresholds), align="right")
                                 if shown.thresholds else ""]
    else:
        thresholds = [cells.figure(v, dash=False) for v in shown.thresholds] or [""] * count
        thresholds += [""] * (count - len(thresholds))
    weight = cells.figure(shown.weight)
    if not row["counted"]:
        return [name, weight, *thresholds,
                cells.text("ไม่นับในรอบนี้ (ยังไม่เริ่มหรือยกเลิกแล้ว)", align="center"), "", "", "", "", ""]
    if row["parent"]:
        return [name, weight, *thresholds, *[cells.figure(t, dash=False) if t is None else cells.figure(t)
                                             for t in shown.groups]]
    return [name, weight, *thresholds, *[cells.figure(t) for t in shown.groups]]


def _notes(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    style = body_style("EvalNote", fontSize=13, leading=19.5)
    out: list[Flowable] = [Spacer(1, 4)]
    lines = []
    if any(r["parent"] for r in content["indicators"]):
        lines.append("ตัวเลขในวงเล็บของตัวชี้วัดที่มีตัวชี้วัดย่อยคือผลรวมของตัวชี้วัดย่อย ไม่นับซ้ำในคะแนนรวม")
    totals = content["totals"]
    if Decimal(totals["counted_weight"]) != Decimal(100):
        lines.append(_d(f"รอบนี้นับตัวชี้วัดที่มีน้ำหนักรวม {totals['counted_weight']} จึงถ่วงน้ำหนักตามสัดส่วนของน้ำหนักที่นับ", digits))
    if totals["missing"]:
        lines.append(_d(f"ยังไม่มีผลของตัวชี้วัด {', '.join(totals['missing'])} คะแนนรวมจึงยังไม่สมบูรณ์", digits))
    for note in content["notes"]:
        mark = str(note["mark"]).translate(SUPERSCRIPT)
        lines.append(f"{mark} ตัวชี้วัด {_d(note['code'], digits)}: {_d(note['text'], digits)}")
    if lines:
        # A heading keeps with its first line: never the last line of a page.
        out.append(ThaiParagraph("หมายเหตุ", body_style("EvalNoteHead", fontSize=13, leading=19.5, keepWithNext=1),
                                 bold=True))
        out += [ThaiParagraph(line, style) for line in lines]
    return out


def _eligibility(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    style = body_style("EvalResult", spaceBefore=6)
    totals, rule = content["totals"], content["eligibility"]
    if not totals["committee_complete"]:
        text = [Run("สรุปผล: ", bold=True), Run("ยังประเมินไม่ครบทุกตัวชี้วัด จึงยังสรุปผลการได้รับสิ่งจูงใจไม่ได้")]
    else:
        total, threshold = totals["committee"], rule["threshold"]
        if rule["eligible"]:
            verdict = f"ไม่ต่ำกว่าเกณฑ์ {threshold} จึงผ่านเกณฑ์การได้รับสิ่งจูงใจ"
        else:
            verdict = f"ต่ำกว่าเกณฑ์ {threshold} จึงไม่ผ่านเกณฑ์การได้รับสิ่งจูงใจ"
        tier = f" ระดับผลการประเมิน: {rule['tier']}" if rule["tier"] else ""
        text = [Run("สรุปผล: ", bold=True),
                Run(_d(f"คะแนนรวมตามผลการประเมินของคณะกรรมการ {total} {verdict}", digits)),
                Run(tier, bold=bool(tier))]
    return [KeepTogether([ThaiParagraph(text, style)])]


def _chart(content: dict[str, Any], digits: Digits, page: tuple[float, float]) -> list[Flowable]:
    dims = content["dimensions"]
    if not dims or not any(d["name"] for d in dims):
        return []
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2, keepWithNext=1)
    labels = [d["name"] or "ไม่ระบุมิติ" for d in dims]
    series = [
        ChartSeries("ผลการประเมินตนเอง", tuple(Decimal(d["self"]) for d in dims), SELF_COLOUR),
        ChartSeries("ผลการประเมินของคณะกรรมการ", tuple(Decimal(d["committee"]) for d in dims), COMMITTEE_COLOUR),
    ]
    chart = DimensionChart(labels, series, min(frame_width(page), 560.0), digits=digits)
    # Kept together by the FloatingFigure that places it.
    return [ThaiParagraph("คะแนนถ่วงน้ำหนักรายมิติ", heading, bold=True), chart]


def _rules(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2, keepWithNext=1)
    # 12 pt, as reference text is set: at 14 the rules and the statement of who decided took a quarter page more,
    # and pushed the signatures of a ten-indicator report to a fourth page.
    style = body_style("EvalRule", fontSize=12, leading=17.5, leftIndent=22, firstLineIndent=-10)
    f = content["framework"]
    hundred = f["scheme"] == "three-level-100"
    basic, standard, advanced = f.get("points", ("50", "70", "100"))
    scale = (f"เกณฑ์ 3 ระดับ (ขั้นต้น {basic} มาตรฐาน {standard} ขั้นสูง {advanced} คะแนน)" if hundred
             else "เกณฑ์ 5 ระดับ คะแนน 1–5 ประมาณค่าในช่วงระหว่างเกณฑ์")
    lines = [
        f"กรอบการประเมิน: {f['name']} {scale}",
        f"ผลต่ำกว่าเกณฑ์ระดับแรกได้คะแนน {f['floor']}; คะแนนสูงสุด {f['max_score']}",
        f"การปัดเศษ: {_ROUNDING_TH.get(f['rounding'], f['rounding'])}; คะแนนรวมคือผลรวมของคะแนนถ่วงน้ำหนักที่ปัดแล้ว",
        f"ตัวชี้วัดระดับความสำเร็จ: {_MILESTONE_TH.get(f['milestone_mode'], f['milestone_mode'])}",
        f"เกณฑ์การได้รับสิ่งจูงใจ: คะแนนรวมตั้งแต่ {f['reward_threshold']} ขึ้นไป",
    ]
    lines += content.get("rules_applied", [])
    lines += _statement(content)
    paragraphs = [ThaiParagraph(_d(f"• {line}", digits), style) for line in lines]
    # The heading keeps its first two lines; the rest, and who decided, run on where the page ends.
    return [KeepTogether([ThaiParagraph("หลักเกณฑ์ที่ใช้ในการประเมิน", heading, bold=True), *paragraphs[:2]]),
            *paragraphs[2:]]


def _comments(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    if not content["comments"]:
        return []
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2, keepWithNext=1)
    style = body_style("EvalComment", fontSize=14, leading=21, leftIndent=14)
    out: list[Flowable] = [ThaiParagraph("ความเห็นและข้อเสนอแนะของคณะกรรมการ", heading, bold=True)]
    for item in content["comments"]:
        out.append(ThaiParagraph([Run(_d(f"ตัวชี้วัด {item['code']}", digits), bold=True),
                                  Run(f" ({item['by']}): {item['text']}")], style))
    return out


STAMP_HEIGHT = 46.0  # room above the first row's sign lines: the chair's digital stamp


def _signatures(content: dict[str, Any], digits: Digits, page: tuple[float, float],
                anchors: list[StampAnchor] | None) -> list[Flowable]:
    """Everyone who signs, in signing order, each with room above the line; members who recused are listed apart
    and do not sign. The first signer's room is where a digital signature's stamp goes."""
    people = [p for p in content["signatories"] if not p.get("recused")]
    recused = [p for p in content["signatories"] if p.get("recused")]
    # No space below the heading: the room for the signatures (and the chair's stamp) follows it.
    heading = body_style("EvalHeading", spaceBefore=0, spaceAfter=0)
    title = ThaiParagraph("ลงนามคณะกรรมการ", heading, bold=True, align="center")
    width = frame_width(page)
    # Three to a row in landscape, two in portrait; the signatures then share a page with the seal more often.
    per_row = 3 if page[0] > page[1] else 2
    tops: list[Flowable | None] = []
    for index, _person in enumerate(people):
        if index == 0:
            anchor = StampAnchor(width / per_row - 8, STAMP_HEIGHT)
            if anchors is not None:
                anchors.append(anchor)
            tops.append(anchor)
        else:  # the chair's row keeps its sign lines level; the rows below need no room
            tops.append(Spacer(1, STAMP_HEIGHT) if index < per_row else None)
    signers = [Signatory(p["name"], p.get("position") or "", p.get("role") or "") for p in people]
    compact = body_style("EvalSignature", fontSize=13, leading=19)
    out = signature_block(signers, width, style=compact, space_before=8, per_row=per_row, heading=title, tops=tops)
    if recused:
        style = body_style("EvalRecused", fontSize=13, leading=19.5)
        head = body_style("EvalRecusedHead", fontSize=13, leading=19.5, spaceBefore=12, keepWithNext=1)
        out.append(ThaiParagraph("กรรมการที่งดเว้นการประเมินและไม่ลงนาม (มีส่วนได้เสียกับส่วนราชการ):", head, bold=True))
        for person in recused:
            reason = f" เหตุ: {person['recused_reason']}" if person.get("recused_reason") else ""
            out.append(ThaiParagraph(_d(f"• {person['name'] or BLANK_NAME} ({person.get('role') or 'กรรมการ'}){reason}",
                                        digits), style))
    return out


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else "-"


def _statement(content: dict[str, Any]) -> list[str]:
    """Who decided the committee's figures: the model and rule, who rated each indicator, who recused, who is
    missing, and whether the result is final. Counts are of those who really rated."""
    c = content["committee"]
    source = c["source"]
    lines: list[str] = []
    if source == "panel":
        rule = _RULE_TH.get(c.get("rule") or "", c.get("rule") or "")
        lines.append(f"ผลการประเมินของคณะกรรมการ: ผลของคณะผู้ประเมิน{(' ' + c['panel']) if c.get('panel') else ''} "
                     f"ตามหลักเกณฑ์{rule}ของคะแนนของกรรมการที่ให้คะแนนแต่ละตัวชี้วัด")
        lines.append(f"กรรมการผู้มีสิทธิ์ให้คะแนน {len(c.get('raters', []))} คน: {_names(c.get('raters', []))}")
        for group in c.get("rated_by", []):
            codes, members = group["codes"], group["members"]
            lines.append(f"ตัวชี้วัด {', '.join(codes)}: ให้คะแนนโดย {_names(members)} ({len(members)} คน)")
        for group in c.get("not_rated", []):
            lines.append(f"ตัวชี้วัด {', '.join(group['codes'])}: ยังไม่ได้ให้คะแนนโดย {_names(group['members'])}")
        if c.get("missing_members"):
            lines.append(f"กรรมการที่ยังไม่ได้ให้คะแนนเลย: {_names(c['missing_members'])}")
        recused = c.get("recused") or [{"name": n, "reason": ""} for n in c.get("excluded", [])]
        if recused:
            lines.append("กรรมการที่งดเว้นเพราะมีส่วนได้เสีย ไม่ร่วมให้คะแนนและไม่ลงนาม: "
                         + "; ".join(f"{r['name']}" + (f" ({r['reason']})" if r.get("reason") else "")
                                     for r in recused))
        else:
            lines.append("ไม่มีกรรมการงดเว้นการประเมิน")
        lines.append("สถานะ: ประธานยุติผลการประเมินของคณะแล้ว" if c.get("finalised")
                     else "สถานะ: ผลของคณะยังไม่ยุติ (ประธานยังไม่ได้ยืนยันผล)")
    elif source == "evaluator":
        lines.append(f"ผลการประเมินของคณะกรรมการ: ผลของผู้ประเมิน {c.get('evaluator') or '-'} ซึ่งได้รับมอบหมายเป็น"
                     "คณะกรรมการ (ไม่มีคณะผู้ประเมิน)")
    else:
        lines.append("ผลการประเมินของคณะกรรมการ: ผลที่ส่วนราชการรายงานซึ่งคณะกรรมการรับรองหรือปรับคะแนนพร้อมเหตุผลแล้ว")
        for group in c.get("accepted", []):
            lines.append(f"รับรองตามที่รายงาน ตัวชี้วัด {', '.join(group['codes'])} โดย {group['by']}")
        if c.get("adjusted"):
            lines.append(f"ปรับคะแนนพร้อมเหตุผล ตัวชี้วัด {', '.join(c['adjusted'])} (ดูหมายเหตุ)")
    if c.get("unconfirmed"):
        lines.append(f"ตัวชี้วัดที่ยังไม่มีผลของคณะกรรมการ: {', '.join(c['unconfirmed'])} จึงยังออกรายงานไม่ได้")
    return lines


def _issue_trail(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    """What an issued revision replaces and why."""
    issue = content.get("issue")
    if not issue or not issue.get("replaces"):
        return []  # the audit head is printed in the seal block
    style = body_style("EvalIssue", fontSize=12, leading=18, spaceBefore=2)
    out: list[Flowable] = [Spacer(1, 6)]
    replaces = issue["replaces"]
    if replaces:
        when = f" ซึ่งออกเมื่อ {issued_on(replaces['issued_at'], digits)}" if replaces.get("issued_at") else ""
        why = replaces.get("reason") or "ไม่มีบันทึกเหตุผล"
        out.append(ThaiParagraph([Run("ฉบับนี้แทน: ", bold=True), Run(_d(
            f"รายงานเลขที่ {issue['number']} ฉบับที่ {replaces['revision']}{when} เหตุที่ออกฉบับใหม่: ", digits)),
            Run(why)], style))
    return out
