"""The evaluation report (รายงานผลการประเมินผลการปฏิบัติราชการ) drawn from its content: head, the score table with
both column groups, notes, chart, eligibility, rules in force, comments, signatures and the seal. A4 landscape."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from ..domain.thai_dates import Digits, apply_digits
from .chart import ChartSeries, DimensionChart
from .document import frame_width
from .fonts import body_style, font_name
from .paper_parts import DIMENSION_FILL, TOTAL_FILL, GridCells, grid_style, issued_on, round_period
from .seal import Seal, seal_block
from .signatures import BLANK_NAME, Signatory, StampAnchor, signature_block
from .thai_lines import Run, ThaiParagraph

__all__ = ["PAGESIZE", "evaluation_header", "evaluation_story", "evaluation_title"]

PAGESIZE = landscape(A4)
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
                     anchors: list[StampAnchor] | None = None) -> list[Flowable]:
    """The flowables of the report, from its content only (what is hashed is what is printed). `anchors` collects
    the room reserved for a digital signature's stamp (the first signer's), to place the signature field there."""
    story: list[Flowable] = []
    story += _head(content, seal, digits)
    story.append(_score_table(content, digits))
    story += _notes(content, digits)
    story += _eligibility(content, digits)
    story += _chart(content, digits)
    story += _rules(content, digits)
    story += _statement(content, digits)
    story += _comments(content, digits)
    story += _signatures(content, digits, anchors)
    story += _issue_trail(content, digits)
    if seal is not None:
        story += seal_block(seal, digits)
    return story


def _d(text: str, digits: Digits) -> str:
    return apply_digits(text, digits)


def _head(content: dict[str, Any], seal: Seal | None, digits: Digits) -> list[Flowable]:
    a = content["agreement"]
    title = body_style("EvalTitle", fontSize=20, leading=30)
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
        issued = [Run("ฉบับร่าง: ", bold=True), Run(f"พิมพ์เมื่อ {issued_on(None, digits)}")]
        number = [Run("ยังไม่ได้ออกเป็นรายงาน จึงไม่มีเลขที่และรหัสตรวจสอบ")]
    pairs = [
        ([Run("ส่วนราชการ: ", bold=True), Run(a["agency"])],
         [Run("รอบการประเมิน: ", bold=True), Run(_d(f"{round_} เดือน", digits) + (f" ({period})" if period else ""))]),
        ([Run("กรอบการประเมิน: ", bold=True), Run(_d(content["framework"]["name"], digits))],
         [Run("คำรับรองที่ใช้ประเมิน: ", bold=True), Run(_d(f"ฉบับที่ {content['version']}", digits))]),
        (issued, number),
    ]
    width = frame_width(PAGESIZE)
    grid = Table([[ThaiParagraph(left, info), ThaiParagraph(right, info)] for left, right in pairs],
                 colWidths=[width * 0.52, width * 0.48], hAlign="LEFT", style=[
                     ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                     ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [
        ThaiParagraph(evaluation_title(content), title, bold=True, align="center"),
        ThaiParagraph(_d(f"ตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. {year}", digits), body, align="center"),
        Spacer(1, 6), grid, Spacer(1, 8),
    ]


CELL_PADDING = 2.5
MIN_FIGURE = 18.0  # narrow threshold columns still read as a grid, not a fence
_GROUP_HEADS = ("ผล", "คะแนน", "คะแนน\nถ่วงน้ำหนัก")


def _text_width(text: str, size: float, bold: bool = False) -> float:
    # The widest line, unbroken: a figure must fit its column on one line.
    font = font_name(bold=bold)
    return max(stringWidth(line, font, size) for line in text.split("\n"))


def _score_table(content: dict[str, Any], digits: Digits) -> Table:
    cells = GridCells(CELL_SIZE, digits, "EvalCell")
    heads = GridCells(HEAD_SIZE, digits, "EvalHeadCell")
    count = int(content["framework"]["threshold_count"])
    level_names = THREE_LEVEL_NAMES if count == 3 else tuple(str(n) for n in range(1, count + 1))
    first_group = 2 + count
    last = first_group + 5
    header1: list[Any] = [heads.head("ตัวชี้วัด"), heads.head("น้ำหนัก"), heads.head("เกณฑ์การให้คะแนน")]
    header1 += [""] * (count - 1)
    header1 += [heads.head("ผลการประเมินตนเอง"), "", "", heads.head("ผลการประเมินของคณะกรรมการ"), "", ""]
    header2: list[Any] = ["", ""] + [heads.head(_d(n, digits)) for n in level_names]
    header2 += [heads.head(t) for t in _GROUP_HEADS] * 2
    data: list[list[Any]] = [header1, header2]
    # The widest text of every column, figures at the cell size and headers at theirs; the name column takes the rest.
    widest = [0.0] * (last + 1)
    widest[1] = _text_width("น้ำหนัก", HEAD_SIZE, True)
    for index, name in enumerate(level_names):
        widest[2 + index] = _text_width(_d(name, digits), HEAD_SIZE, True)
    for index, head in enumerate(_GROUP_HEADS * 2):
        widest[first_group + index] = _text_width(head, HEAD_SIZE, True)
    commands = [
        *grid_style(2),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (first_group - 1, 0)),
        ("SPAN", (first_group, 0), (first_group + 2, 0)), ("SPAN", (first_group + 3, 0), (last, 0)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    by_dimension: dict[str, list[dict[str, Any]]] = {}
    for row in content["indicators"]:
        by_dimension.setdefault(row["dimension"], []).append(row)
    dimensions = {d["name"]: d for d in content["dimensions"]}

    def measured(values: list[str | None], columns: list[int]) -> None:
        for value, column in zip(values, columns, strict=True):
            if value:
                widest[column] = max(widest[column], _text_width(_d(value, digits), CELL_SIZE, True))

    group_columns = list(range(first_group, last + 1))
    for number, (name, rows) in enumerate(by_dimension.items(), start=1):
        if name:
            index = len(data)
            data.append([cells.text(_d(f"มิติที่ {number} {name}", digits), bold=True)] + [""] * last)
            # NOSPLIT: a dimension's title never ends a page without its first indicator.
            commands += [("SPAN", (0, index), (last, index)), ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL),
                         ("NOSPLIT", (0, index), (last, index + 1))]
        for row in rows:
            index = len(data)
            texts = _indicator_texts(row)
            measured([row["weight"], *row["thresholds"]], [1, *range(2, 2 + len(row["thresholds"]))])
            if row["counted"]:
                measured(texts, group_columns)
            data.append(_indicator_cells(row, texts, cells, count, digits))
            if not row["counted"]:
                commands.append(("SPAN", (first_group, index), (last, index)))
        dim = dimensions.get(name)
        if dim is not None and (name or len(by_dimension) > 1):
            index = len(data)
            label = f"รวมมิติที่ {number} {name}" if name else "รวมตัวชี้วัดที่ไม่ระบุมิติ"
            measured([dim["weight"], dim["self"], dim["committee"]], [1, first_group + 2, last])
            data.append([cells.text(_d(label, digits), bold=True, align="right"),
                         cells.figure(dim["weight"], bold=True), *[""] * count,
                         "", "", cells.figure(dim["self"], bold=True),
                         "", "", cells.figure(dim["committee"], bold=True)])
            commands += [("SPAN", (2, index), (first_group - 1, index)),
                         ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL),
                         ("NOSPLIT", (0, index - 1), (last, index))]  # a subtotal stays with its last indicator
    totals = content["totals"]
    index = len(data)
    measured([totals["counted_weight"], totals["self"], totals["committee"]], [1, first_group + 2, last])
    data.append([cells.text("คะแนนรวมทั้งสิ้น", bold=True, align="right"),
                 cells.figure(totals["counted_weight"], bold=True), *[""] * count,
                 "", "", cells.figure(totals["self"] if totals["self_complete"] else None, bold=True),
                 "", "", cells.figure(totals["committee"] if totals["committee_complete"] else None, bold=True)])
    commands += [("SPAN", (2, index), (first_group - 1, index)),
                 ("BACKGROUND", (0, index), (last, index), TOTAL_FILL),
                 ("LINEABOVE", (0, index), (last, index), 1.2, colors.black),
                 ("NOSPLIT", (0, index - 1), (last, index))]  # nor does the total stand alone on a page
    widths = [max(w, MIN_FIGURE) + 2 * CELL_PADDING + 3 for w in widest]
    widths[0] = frame_width(PAGESIZE) - sum(widths[1:])
    # repeatRows: the two header rows start every page; splitInRow=0: a row is never cut across pages.
    return Table(data, colWidths=widths, repeatRows=2, splitInRow=0, style=commands, hAlign="CENTER")


def _indicator_texts(row: dict[str, Any]) -> list[str | None]:
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
    return [own["result"], own["score"], own["weighted"], theirs["result"], score, theirs["weighted"]]


def _indicator_cells(row: dict[str, Any], texts: list[str | None], cells: GridCells, count: int,
                     digits: Digits) -> list[Any]:
    depth = row["code"].count(".")
    indent = "\u00a0\u00a0\u00a0" * depth
    name = cells.text(f"{indent}{_d(row['code'], digits)} {row['name']}", bold=row["parent"])
    thresholds = [cells.figure(v, dash=False) for v in row["thresholds"]] or [""] * count
    thresholds += [""] * (count - len(thresholds))
    if not row["counted"]:
        return [name, cells.figure(row["weight"]), *thresholds,
                cells.text("ไม่นับในรอบนี้ (ยังไม่เริ่มหรือยกเลิกแล้ว)", align="center"), "", "", "", "", ""]
    if row["parent"]:
        return [name, cells.figure(row["weight"]), *thresholds,
                *[cells.figure(t, dash=False) if t is None else cells.figure(t) for t in texts]]
    return [name, cells.figure(row["weight"]), *thresholds, *[cells.figure(t) for t in texts]]


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
        out.append(ThaiParagraph("หมายเหตุ", style, bold=True))
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


def _chart(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    dims = content["dimensions"]
    if not dims or not any(d["name"] for d in dims):
        return []
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2)
    labels = [d["name"] or "ไม่ระบุมิติ" for d in dims]
    series = [
        ChartSeries("ผลการประเมินตนเอง", tuple(Decimal(d["self"]) for d in dims), SELF_COLOUR),
        ChartSeries("ผลการประเมินของคณะกรรมการ", tuple(Decimal(d["committee"]) for d in dims), COMMITTEE_COLOUR),
    ]
    chart = DimensionChart(labels, series, min(frame_width(PAGESIZE), 560.0), digits=digits)
    return [CondPageBreak(chart.height + 40),
            KeepTogether([ThaiParagraph("คะแนนถ่วงน้ำหนักรายมิติ", heading, bold=True), chart])]


def _rules(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2)
    style = body_style("EvalRule", fontSize=14, leading=21, leftIndent=26, firstLineIndent=-12)
    f = content["framework"]
    hundred = f["scheme"] == "three-level-100"
    scale = ("เกณฑ์ 3 ระดับ (ขั้นต้น 50 มาตรฐาน 70 ขั้นสูง 100 คะแนน)" if hundred
             else "เกณฑ์ 5 ระดับ คะแนน 1–5 ประมาณค่าในช่วงระหว่างเกณฑ์")
    lines = [
        f"กรอบการประเมิน: {f['name']} {scale}",
        f"ผลต่ำกว่าเกณฑ์ระดับแรกได้คะแนน {f['floor']}; คะแนนสูงสุด {f['max_score']}",
        f"การปัดเศษ: {_ROUNDING_TH.get(f['rounding'], f['rounding'])}; คะแนนรวมคือผลรวมของคะแนนถ่วงน้ำหนักที่ปัดแล้ว",
        f"ตัวชี้วัดระดับความสำเร็จ: {_MILESTONE_TH.get(f['milestone_mode'], f['milestone_mode'])}",
        f"เกณฑ์การได้รับสิ่งจูงใจ: คะแนนรวมตั้งแต่ {f['reward_threshold']} ขึ้นไป",
    ]
    return [KeepTogether([ThaiParagraph("หลักเกณฑ์ที่ใช้ในการประเมิน", heading, bold=True),
                          *[ThaiParagraph(_d(f"• {line}", digits), style) for line in lines]])]


def _comments(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    if not content["comments"]:
        return []
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2)
    style = body_style("EvalComment", fontSize=14, leading=21, leftIndent=14)
    out: list[Flowable] = [ThaiParagraph("ความเห็นและข้อเสนอแนะของคณะกรรมการ", heading, bold=True)]
    for item in content["comments"]:
        out.append(ThaiParagraph([Run(_d(f"ตัวชี้วัด {item['code']}", digits), bold=True),
                                  Run(f" ({item['by']}): {item['text']}")], style))
    return out


STAMP_HEIGHT = 72.0  # room above each sign line: a hand signature, or the chair's digital stamp


def _signatures(content: dict[str, Any], digits: Digits, anchors: list[StampAnchor] | None) -> list[Flowable]:
    """Everyone who signs, in signing order, each with room above the line; members who recused are listed apart
    and do not sign. The first signer's room is where a digital signature's stamp goes."""
    people = [p for p in content["signatories"] if not p.get("recused")]
    recused = [p for p in content["signatories"] if p.get("recused")]
    heading = body_style("EvalHeading", spaceBefore=4, spaceAfter=6)
    title = ThaiParagraph("ลงนามคณะกรรมการ", heading, bold=True, align="center")
    width = frame_width(PAGESIZE)
    column = width / 3 - 8
    tops: list[Flowable | None] = []
    for index, _person in enumerate(people):
        if index == 0:
            anchor = StampAnchor(min(column, 230.0), STAMP_HEIGHT)
            if anchors is not None:
                anchors.append(anchor)
            tops.append(anchor)
        else:
            tops.append(Spacer(1, STAMP_HEIGHT))
    signers = [Signatory(p["name"], p.get("position") or "", p.get("role") or "") for p in people]
    # Three to a row: landscape has the width, and the signatures then share a page with the seal more often.
    out = signature_block(signers, width, space_before=14, per_row=3, heading=title, tops=tops)
    if recused:
        style = body_style("EvalRecused", fontSize=13, leading=19.5)
        out.append(ThaiParagraph("กรรมการที่งดเว้นการประเมินและไม่ลงนาม (มีส่วนได้เสียกับส่วนราชการ):", style, bold=True))
        for person in recused:
            reason = f" เหตุ: {person['recused_reason']}" if person.get("recused_reason") else ""
            out.append(ThaiParagraph(_d(f"• {person['name'] or BLANK_NAME} ({person.get('role') or 'กรรมการ'}){reason}",
                                        digits), style))
    return out


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else "-"


def _statement(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    """Who decided the committee's figures: the model and rule, who rated each indicator, who recused, who is
    missing, and whether the result is final. Counts are of those who really rated."""
    heading = body_style("EvalHeading", spaceBefore=10, spaceAfter=2)
    style = body_style("EvalRule", fontSize=14, leading=21, leftIndent=26, firstLineIndent=-12)
    c = content["committee"]
    source = c["source"]
    lines: list[str] = []
    if source == "panel":
        rule = _RULE_TH.get(c.get("rule") or "", c.get("rule") or "")
        lines.append(f"รูปแบบ: ผลของคณะผู้ประเมิน{(' ' + c['panel']) if c.get('panel') else ''} "
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
        lines.append(f"รูปแบบ: ผลการประเมินของผู้ประเมิน {c.get('evaluator') or '-'} ซึ่งได้รับมอบหมายเป็นคณะกรรมการ "
                     "(ไม่มีคณะผู้ประเมิน)")
    else:
        lines.append("รูปแบบ: คณะกรรมการตรวจสอบผลที่ส่วนราชการรายงาน ผลของตัวชี้วัดใดเป็นผลของคณะกรรมการเมื่อคณะกรรมการ"
                     "รับรองผลตามที่รายงาน หรือปรับคะแนนพร้อมเหตุผลแล้วเท่านั้น")
        for group in c.get("accepted", []):
            lines.append(f"รับรองตามที่รายงาน ตัวชี้วัด {', '.join(group['codes'])} โดย {group['by']}")
        if c.get("adjusted"):
            lines.append(f"ปรับคะแนนพร้อมเหตุผล ตัวชี้วัด {', '.join(c['adjusted'])} (ดูหมายเหตุ)")
    if c.get("unconfirmed"):
        lines.append(f"ตัวชี้วัดที่ยังไม่มีผลของคณะกรรมการ: {', '.join(c['unconfirmed'])} จึงยังออกรายงานไม่ได้")
    return [KeepTogether([ThaiParagraph("การตัดสินผลของคณะกรรมการ", heading, bold=True),
                          *[ThaiParagraph(_d(f"• {line}", digits), style) for line in lines]])]


def _issue_trail(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    """What an issued revision replaces and why, and the audit log's head when it was issued."""
    issue = content.get("issue")
    if not issue:
        return []
    style = body_style("EvalIssue", fontSize=12, leading=18, spaceBefore=2)
    out: list[Flowable] = [Spacer(1, 6)]
    replaces = issue.get("replaces")
    if replaces:
        when = f" ซึ่งออกเมื่อ {issued_on(replaces['issued_at'], digits)}" if replaces.get("issued_at") else ""
        why = replaces.get("reason") or "ไม่มีบันทึกเหตุผล"
        out.append(ThaiParagraph([Run("ฉบับนี้แทน: ", bold=True), Run(_d(
            f"รายงานเลขที่ {issue['number']} ฉบับที่ {replaces['revision']}{when} เหตุที่ออกฉบับใหม่: ", digits)),
            Run(why)], style))
    out.append(ThaiParagraph([Run("ค่าแฮชล่าสุดของบันทึกการเปลี่ยนแปลงเมื่อออกรายงาน (audit head): ", bold=True),
                              Run(issue.get("audit_head") or "-")], style))
    return out
