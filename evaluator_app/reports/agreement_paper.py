"""The agreement itself (คำรับรองการปฏิบัติราชการ) for an agreed version: parties, the one-year term, the clauses,
a signature block for every party, and the annex of indicators, weights, targets and five-level criteria."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from ..domain.agreement import PartySide
from ..domain.negotiation import VersionStatus
from ..domain.numbers import plain
from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits, apply_digits
from ..store.frameworks import get_framework
from ..store.versions import agreement_at, get_version, last_agreed
from ..store.workspace import Workspace
from .document import frame_width
from .evaluation_data import CONTENT_FORMAT, framework_content
from .fonts import body_style
from .paper_parts import DIMENSION_FILL, TOTAL_FILL, GridCells, fiscal_year_term, grid_style
from .party_signatures import parties_clause, party_signature_blocks
from .seal import Seal, seal_block
from .thai_lines import Run, ThaiParagraph

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
            "thresholds": [] if item.thresholds is None else [plain(v) for v in item.thresholds.values],
            "levels": list(item.level_descriptions),
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
    story += party_signature_blocks(recipients, givers, frame_width(PAGESIZE), digits=digits)
    story += [PageBreak(), *_annex(content, digits)]
    if seal is not None:
        story += seal_block(seal, digits)
    return story


def _annex(content: dict[str, Any], digits: Digits) -> list[Flowable]:
    a = content["agreement"]
    version = content["version"]
    in_force = f" มีผลตั้งแต่รอบ {version['effective_round']} เดือน" if version["effective_round"] else ""
    heading = body_style("AgrAnnex", fontSize=18, leading=27)
    cells = GridCells(12, digits, "AgrCell")
    count = int(content["framework"]["threshold_count"])
    levels = ("ขั้นต้น", "มาตรฐาน", "ขั้นสูง") if count == 3 else tuple(str(n) for n in range(1, count + 1))
    width = frame_width(PAGESIZE)
    level_width = 31.0 if count == 5 else 48.0
    widths = [0.0, 44.0, 40.0, 54.0, *([level_width] * count)]
    widths[0] = width - sum(widths)
    last = 3 + count
    data: list[list[Any]] = [
        [cells.head("ตัวชี้วัด"), cells.head("หน่วยวัด"), cells.head("น้ำหนัก"), cells.head("เป้าหมาย"),
         cells.head("เกณฑ์การให้คะแนน"), *[""] * (count - 1)],
        ["", "", "", "", *[cells.head(apply_digits(n, digits)) for n in levels]],
    ]
    commands = [*grid_style(2), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
                                ("SPAN", (3, 0), (3, 1)), ("SPAN", (4, 0), (last, 0))]
    dims = {d["name"]: d for d in content["dimensions"]}
    seen: set[str] = set()
    for row in content["indicators"]:
        if row["dimension"] not in seen:
            seen.add(row["dimension"])
            if row["dimension"]:
                index = len(data)
                weight = dims.get(row["dimension"], {}).get("weight", "")
                data.append([cells.text(apply_digits(f"มิติ {row['dimension']} (น้ำหนัก {weight})", digits),
                                        bold=True), *[""] * last])
                commands += [("SPAN", (0, index), (last, index)),
                             ("BACKGROUND", (0, index), (last, index), DIMENSION_FILL)]
        indent = "\u00a0\u00a0\u00a0" * row["code"].count(".")
        notes = []
        if row["start_round"]:
            notes.append(f"เริ่มนับรอบ {row['start_round']} เดือน")
        if row["cancel_round"]:
            notes.append(f"ยกเลิกตั้งแต่รอบ {row['cancel_round']} เดือน")
        notes += [f"น้ำหนักรอบ {r} เดือน = {w}" for r, w in row["round_weights"].items()]
        name = f"{indent}{row['code']} {row['name']}" + (f" ({'; '.join(notes)})" if notes else "")
        thresholds = [cells.figure(v, dash=False) for v in row["thresholds"]] or [""] * count
        data.append([cells.text(apply_digits(name, digits), bold=row["parent"]), cells.text(row["unit"]),
                     cells.figure(row["weight"]), cells.text(row["target"], number=True),
                     *thresholds, *[""] * (count - len(thresholds))])
        if row["levels"]:
            index = len(data)
            steps = "\n".join(f"ระดับ {n}: {text}" for n, text in enumerate(row["levels"], start=1))
            data.append(["", cells.text(apply_digits(steps, digits)), *[""] * (last - 1)])
            commands.append(("SPAN", (1, index), (last, index)))
    index = len(data)
    total = sum((Decimal(d["weight"]) for d in content["dimensions"]), Decimal(0))
    data.append([cells.text("รวม", bold=True, align="right"), "", cells.figure(plain(total), bold=True),
                 *[""] * (last - 2)])
    commands += [("SPAN", (3, index), (last, index)), ("BACKGROUND", (0, index), (last, index), TOTAL_FILL)]
    return [
        ThaiParagraph("เอกสารประกอบท้ายคำรับรองการปฏิบัติราชการ", heading, bold=True, align="center"),
        ThaiParagraph(apply_digits(f"{a['agency']} ประจำปีงบประมาณ พ.ศ. {a['fiscal_year']}", digits),
                      body_style("AgrAnnexSub"), align="center"),
        ThaiParagraph("ตัวชี้วัด น้ำหนัก เป้าหมาย และเกณฑ์การให้คะแนน", body_style("AgrAnnexSub2"), align="center"),
        ThaiParagraph(apply_digits(f"(คำรับรองฉบับที่ {version['number']} ซึ่งตกลงกันแล้ว{in_force} "
                                   f"กรอบการประเมิน: {content['framework']['name']})", digits),
                      body_style("AgrSmall", fontSize=13, leading=19.5, spaceAfter=6), align="center"),
        Table(data, colWidths=widths, repeatRows=2, splitInRow=0, style=commands, hAlign="CENTER"),
    ]

