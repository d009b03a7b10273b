"""The agreement itself (คำรับรองการปฏิบัติราชการ) for an agreed version: parties, the one-year term, the clauses,
a signature block for every party, and the annex of indicators, weights, targets and five-level criteria."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table

from ..domain.agreement import PartySide
from ..domain.negotiation import VersionStatus
from ..domain.numbers import plain
from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits, apply_digits
from ..store.frameworks import get_framework
from ..store.versions import agreement_at, get_version, last_agreed
from ..store.workspace import Workspace
from .document import LANDSCAPE, frame_width
from .evaluation_data import CONTENT_FORMAT, framework_content
from .fonts import body_style, font_name
from .paper_parts import DIMENSION_FILL, TOTAL_FILL, GridCells, end_together, fiscal_year_term, grid_style
from .party_signatures import parties_clause, party_signature_blocks
from .printed_numbers import criteria_places, grouped, printed_figure, printed_threshold
from .seal import Seal, seal_block
from .shaping import line_width
from .table_plan import FigureColumn, TablePlan, cannot_fit, plan_table, row_too_tall
from .thai_lines import NBSP, Run, ThaiParagraph

__all__ = ["PAGESIZE", "agreement_header", "agreement_story", "collect_agreement"]

PAGESIZE = A4


def collect_agreement(workspace: Workspace, agreement_id: int, version: int | None = None) -> dict[str, Any]:
    """What the agreement paper prints, for an agreed version (the latest agreed one by default)."""
    chosen = get_version(workspace, agreement_id, version) if version is not None else last_agreed(workspace,
                                                                                                    agreement_id)
    if chosen is None or chosen.status is not VersionStatus.AGREED:
        shown = "" if chosen is None else f" (ฉบับที่ {chosen.number} / version {chosen.number})"
        raise ProblemsError([Problem(
            th=f"พิมพ์คำรับรองได้เฉพาะฉบับที่ตกลงแล้ว{shown}",
            en=f"only an agreed version can be printed as the agreement{shown}", field="version")])
    agreement = agreement_at(workspace, agreement_id, chosen)
    framework = get_framework(workspace, agreement.framework_id or "")
    indicators = []
    for item in agreement.indicators:
        indicators.append({
            "code": item.code, "name": item.name, "dimension": item.dimension or "", "unit": item.unit or "",
            "kind": item.kind.value, "weight": plain(item.weight), "target": item.target or "",
            "baseline": item.baseline or "",
            "thresholds": [] if item.thresholds is None else list(item.thresholds.labels()),
            "levels": list(item.level_descriptions),
            # only where banded, so that the content (and seal) of papers with plain criteria stay as they were
            **({"method": "banded"} if item.thresholds is not None and item.thresholds.bands is not None else {}),
            "parent": agreement.is_parent(item.code),
            "start_round": item.start_round, "cancel_round": item.cancel_round,
            "round_weights": {str(r): plain(w) for r, w in sorted(item.round_weights.items())},
        })
    dimensions = []
    for name in agreement.dimensions():
        total = sum((i.weight for i in agreement.top_level() if (i.dimension or "") == name), Decimal(0))
        dimensions.append({"name": name, "weight": plain(total)})
    return {
        "format": CONTENT_FORMAT,
        "kind": "agreement",
        "agreement": {"id": agreement_id, "agency": agreement.agency, "fiscal_year": agreement.fiscal_year,
                      "title": agreement.title},
        "version": {"number": chosen.number, "agreed_at": chosen.agreed_at,
                    "effective_round": chosen.effective_round},
        "framework": framework_content(framework),
        "parties": [{"side": p.side.value, "name": p.name, "position": p.position} for p in agreement.parties],
        "indicators": indicators,
        "dimensions": dimensions,
    }


def agreement_header(content: dict[str, Any], digits: Digits) -> str:
    a = content["agreement"]
    return apply_digits(f"คำรับรองการปฏิบัติราชการ {a['agency']} ปีงบประมาณ พ.ศ. {a['fiscal_year']}", digits)


def _parties(content: dict[str, Any], side: str) -> list[dict[str, Any]]:
    return [p for p in content["parties"] if p["side"] == side]


def agreement_story(content: dict[str, Any], *, seal: Seal | None, digits: Digits = "thai") -> list[Flowable]:
    a = content["agreement"]
    d = lambda text: apply_digits(text, digits)  # noqa: E731 - local shorthand for digit style
    title = body_style("AgrTitle", fontSize=22, leading=33)
    body = body_style("AgrBody", firstLineIndent=36, spaceAfter=4)
    centre = body_style("AgrCentre")
    recipients = _parties(content, PartySide.RECIPIENT.value)
    givers = _parties(content, PartySide.GIVER.value)
    term = fiscal_year_term(a["fiscal_year"], digits)
    clauses: list[list[Run]] = [
        parties_clause(recipients, givers),
        [Run(f"2. คำรับรองนี้เป็นคำรับรองฝ่ายเดียว มิใช่สัญญา และใช้สำหรับระยะเวลา 1 ปี ตั้งแต่วันที่ {term}")],
        [Run("3. รายละเอียดของคำรับรอง ได้แก่ กรอบการประเมินผล ตัวชี้วัดผลการปฏิบัติราชการ น้ำหนัก เป้าหมาย "
             "และเกณฑ์การให้คะแนน ปรากฏตามเอกสารประกอบท้ายคำรับรองนี้")],
        [Run("4. ผู้รับคำรับรองได้พิจารณาและเห็นชอบกับตัวชี้วัด น้ำหนัก เป้าหมาย และเกณฑ์การให้คะแนน "
             "ตามเอกสารประกอบท้ายคำรับรองนี้ และยินดีจะให้คำแนะนำ กำกับ และตรวจสอบผลการปฏิบัติราชการของ "
             f"{a['agency']} ให้เป็นไปตามคำรับรองที่จัดทำขึ้นนี้")],
        [Run("5. ผู้ทำคำรับรองได้ทำความเข้าใจคำรับรองตามข้อ 3 แล้ว ขอให้คำรับรองว่าจะมุ่งมั่นปฏิบัติราชการ"
             "ให้เกิดผลงานตามเป้าหมายของตัวชี้วัดแต่ละตัวในระดับสูงสุด เพื่อให้เกิดประโยชน์สุขแก่ประชาชน")],
        [Run("6. ผู้รับคำรับรองและผู้ทำคำรับรองได้เข้าใจคำรับรองการปฏิบัติราชการนี้และเห็นพ้องกันแล้ว "
             "จึงได้ลงลายมือชื่อไว้เป็นสำคัญ")],
    ]
    story: list[Flowable] = [
        ThaiParagraph("คำรับรองการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph(f"ของ {a['agency']}", centre, bold=True, align="center"),
        ThaiParagraph(d(f"ประจำปีงบประมาณ พ.ศ. {a['fiscal_year']}"), centre, bold=True, align="center"),
        Spacer(1, 14),
        *[ThaiParagraph([Run(d(r.text), r.bold) for r in clause], body) for clause in clauses],
    ]
    # The parties sign under the last clause: never alone at the top of a page of their own.
    story = end_together(story, party_signature_blocks(recipients, givers, frame_width(PAGESIZE), digits=digits))
    plan = annex_plan(content, digits)
    if plan.orientation == "landscape":
        story.append(NextPageTemplate(LANDSCAPE))  # the annex turns; the clauses stay portrait
    story += [PageBreak(), *_annex(content, digits, plan)]
    if seal is not None:  # with the annex's last rows: a page of the seal alone would prove nothing
        story = end_together(story, seal_block(seal, digits))
    return story


ANNEX_SIZE = 12
ANNEX_HEAD_SIZE = 12
ANNEX_FLOOR = 8.0
ANNEX_PADDING = 3.0
ANNEX_HEAD_HEIGHT = 110.0  # about what the annex's title lines take above its table


def _annex_levels(content: dict[str, Any], digits: Digits) -> tuple[str, ...]:
    count = int(content["framework"]["threshold_count"])
    levels = ("ขั้นต้น", "มาตรฐาน", "ขั้นสูง") if count == 3 else tuple(str(n) for n in range(1, count + 1))
    return tuple(apply_digits(n, digits) for n in levels)


def _annex_thresholds(row: dict[str, Any], digits: Digits) -> tuple[str, ...]:
    if row.get("method") == "banded":
        return ()  # bands are printed on a line of their own below the row
    places = criteria_places(row["thresholds"])
    return tuple(apply_digits(printed_threshold(v, places) or "", digits) for v in row["thresholds"])


def _annex_target(row: dict[str, Any], digits: Digits) -> str:
    # A target that is a plain number is a figure (8,000); one in words keeps its own digits, ungrouped.
    return apply_digits(grouped(row["target"]), digits)


def _criteria_tokens(levels: tuple[str, ...], thresholds: tuple[str, ...]) -> list[str]:
    # Each criterion with its level before it, joined by a no-break space: one token that never breaks.
    return [f"{name}:{NBSP}{value}" for name, value in zip(levels, thresholds, strict=False)]


def _stacked(levels: tuple[str, ...], thresholds: tuple[str, ...]) -> str:
    # The criteria in one cell: its lines break between criteria, never inside one.
    return " ".join(_criteria_tokens(levels, thresholds))


def annex_plan(content: dict[str, Any], digits: Digits) -> TablePlan:
    """The annex table's page, type size and columns: portrait unless its figures need landscape."""
    levels = _annex_levels(content, digits)
    rows = content["indicators"]
    thresholds = [_annex_thresholds(r, digits) for r in rows]
    total = sum((Decimal(d["weight"]) for d in content["dimensions"]), Decimal(0))
    unit = FigureColumn([r["unit"] for r in rows], "หน่วยวัด", words=True)
    weight = FigureColumn([apply_digits(printed_figure(r["weight"]) or "", digits) for r in rows]
                          + [apply_digits(printed_figure(plain(total)) or "", digits)], "น้ำหนัก")
    target = FigureColumn([_annex_target(r, digits) for r in rows], "เป้าหมาย", words=True)
    by_level = [FigureColumn([t[i] for t in thresholds if i < len(t)], levels[i]) for i in range(len(levels))]
    stacked = FigureColumn([token for t in thresholds for token in _criteria_tokens(levels, t)],
                           "เกณฑ์การให้คะแนน", stack=len(levels))
    names = [apply_digits(r["name"], digits) for r in rows]
    plan = plan_table([[unit, weight, target, *by_level], [unit, weight, target, stacked]], names,
                      cell_size=ANNEX_SIZE, head_size=ANNEX_HEAD_SIZE, floor=ANNEX_FLOOR, padding=ANNEX_PADDING,
                      orientation="auto", preferred="portrait", fixed_rows=len(content["dimensions"]) + 1,
                      above=ANNEX_HEAD_HEIGHT)
    if plan is None:
        font = font_name(bold=True)
        widest = max(rows, key=lambda r: sum(line_width([(t, font)], ANNEX_FLOOR) for t in _annex_thresholds(
            r, digits)), default=None)
        raise cannot_fit("" if widest is None else widest["code"],
                         "เกณฑ์การให้คะแนนของตัวชี้วัดนี้กว้างเกินกว่าจะพิมพ์ได้ในหน้ากระดาษ A4",
                         "its criteria are too wide for an A4 page even in the smallest type")
    return plan


def _annex(content: dict[str, Any], digits: Digits, plan: TablePlan) -> list[Flowable]:
    a = content["agreement"]
    version = content["version"]
    in_force = f" มีผลตั้งแต่รอบ {version['effective_round']} เดือน" if version["effective_round"] else ""
    heading = body_style("AgrAnnex", fontSize=18, leading=27)
    cells = GridCells(plan.size, digits, "AgrCell")
    heads = GridCells(plan.head_size, digits, "AgrHeadCell")
    levels = _annex_levels(content, digits)
    stacked = plan.arrangement == 1
    count = 1 if stacked else len(levels)
    last = 3 + count
    data: list[list[Any]] = [
        [heads.head("ตัวชี้วัด"), heads.head("หน่วยวัด"), heads.head("น้ำหนัก"), heads.head("เป้าหมาย"),
         heads.head("เกณฑ์การให้คะแนน"), *[""] * (count - 1)],
        ["", "", "", "", *([""] if stacked else [heads.head(n) for n in levels])],
    ]
    commands = [*grid_style(2), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
                                ("SPAN", (3, 0), (3, 1)), ("SPAN", (4, 0), (last, 1 if stacked else 0)),
                ("LEFTPADDING", (0, 0), (-1, -1), ANNEX_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), ANNEX_PADDING)]
    dims = {d["name"]: d for d in content["dimensions"]}
    seen: set[str] = set()
    header_height = 2 * (heads.style.leading * 2 + 4)
    for row in content["indicators"]:
        if row["dimension"] not in seen:
            seen.add(row["dimension"])
            if row["dimension"]:
                index = len(data)
                weight = printed_figure(dims.get(row["dimension"], {}).get("weight", "")) or ""
                data.append([cells.text(apply_digits(f"มิติ {row['dimension']} (น้ำหนัก {weight})", digits),
                                        bold=True), *[""] * last])
                # NOSPLIT: a dimension's title never ends a page without its first indicator.
                commands += [("SPAN", (0, index), (last, index)),
                             ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL),
                             ("NOSPLIT", (0, index), (last, index + 1))]
        indent = NBSP * 3 * row["code"].count(".")
        notes = []
        if row["start_round"]:
            notes.append(f"เริ่มนับรอบ {row['start_round']} เดือน")
        if row["cancel_round"]:
            notes.append(f"ยกเลิกตั้งแต่รอบ {row['cancel_round']} เดือน")
        notes += [f"น้ำหนักรอบ {r} เดือน = {w}" for r, w in row["round_weights"].items()]
        name = f"{indent}{row['code']} {row['name']}" + (f" ({'; '.join(notes)})" if notes else "")
        shown = _annex_thresholds(row, digits)
        if stacked:
            thresholds: list[Any] = [cells.text(_stacked(levels, shown), align="right") if shown else ""]
        else:
            thresholds = [cells.figure(v, dash=False) for v in shown] or [""] * count
            thresholds += [""] * (count - len(thresholds))
        name_cell = cells.text(apply_digits(name, digits), bold=row["parent"])
        _, height = name_cell.wrap(plan.widths[0] - 2 * ANNEX_PADDING, 1e9)
        if row_too_tall(height + 4, plan.pagesize, header_height):
            raise cannot_fit(row["code"], "ชื่อตัวชี้วัดยาวเกินหนึ่งหน้ากระดาษ", "the indicator's name is longer than a page")
        data.append([name_cell, cells.text(row["unit"]), cells.figure(printed_figure(row["weight"])),
                     cells.text(_annex_target(row, digits)), *thresholds])
        if row.get("method") == "banded":
            # Bands ("80 – 84.99") do not fit a level's narrow column: they get a line of their own below the row,
            # with no-break spaces inside each band, so that a line breaks between bands, never inside one.
            index = len(data)
            bands = " · ".join(f"ระดับ{NBSP}{n}:{NBSP}" + text.replace(" ", NBSP)
                               for n, text in enumerate(row["thresholds"], start=1))
            line = f"คิดคะแนนแบบช่วง (ได้คะแนนเต็มระดับของช่วงที่ผลอยู่): {bands}"
            data.append(["", cells.text(apply_digits(line, digits)), *[""] * (last - 1)])
            commands += [("SPAN", (1, index), (last, index)), ("NOSPLIT", (0, index - 1), (last, index))]
        if row["levels"]:
            index = len(data)
            steps = "\n".join(f"ระดับ {n}: {text}" for n, text in enumerate(row["levels"], start=1))
            data.append(["", cells.text(apply_digits(steps, digits)), *[""] * (last - 1)])
            commands += [("SPAN", (1, index), (last, index)), ("NOSPLIT", (0, index - 1), (last, index))]
    index = len(data)
    total = sum((Decimal(d["weight"]) for d in content["dimensions"]), Decimal(0))
    data.append([cells.text("รวม", bold=True, align="right"), "", cells.figure(printed_figure(plain(total)), bold=True),
                 *[""] * (last - 2)])
    commands += [("SPAN", (3, index), (last, index)), ("BACKGROUND", (0, index), (last, index), TOTAL_FILL),
                 ("NOSPLIT", (0, index - 1), (last, index))]
    return [
        ThaiParagraph("เอกสารประกอบท้ายคำรับรองการปฏิบัติราชการ", heading, bold=True, align="center"),
        ThaiParagraph(apply_digits(f"{a['agency']} ประจำปีงบประมาณ พ.ศ. {a['fiscal_year']}", digits),
                      body_style("AgrAnnexSub"), align="center"),
        ThaiParagraph("ตัวชี้วัด น้ำหนัก เป้าหมาย และเกณฑ์การให้คะแนน", body_style("AgrAnnexSub2"), align="center"),
        ThaiParagraph(apply_digits(f"(คำรับรองฉบับที่ {version['number']} ซึ่งตกลงกันแล้ว{in_force} "
                                   f"กรอบการประเมิน: {content['framework']['name']})", digits),
                      body_style("AgrSmall", fontSize=13, leading=19.5, spaceAfter=6), align="center"),
        Table(data, colWidths=list(plan.widths), repeatRows=2, splitInRow=0, style=commands, hAlign="CENTER"),
    ]
