"""The minutes of a negotiation (บันทึกการเจรจาข้อตกลง): every version proposed or agreed, when, by whom, why,
the decision text, what changed, and its weight table; a Thai PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.agreement import Agreement
from ..domain.negotiation import AgreementVersion, VersionStatus, author_label
from ..domain.numbers import plain
from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits, apply_digits, thai_date
from ..domain.version_diff import CellChange, VersionDiff, diff_indicators
from ..store.versions import list_versions, load_agreement_head
from ..store.workspace import Workspace
from .document import build_pdf, frame_width
from .fonts import body_style
from .furniture import PageFurniture
from .signatures import Signatory, signature_block
from .thai_lines import Run, ThaiParagraph

__all__ = ["MinutesEntry", "minutes_entries", "minutes_story", "write_minutes"]

BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")  # Thailand keeps no daylight saving time
CHANGED_BACKGROUND = colors.HexColor("#fff2cc")

_FIELD_NAMES = {
    "weight": "น้ำหนัก", "target": "เป้าหมาย", "name": "ชื่อตัวชี้วัด", "unit": "หน่วยวัด", "dimension": "มิติ",
    "kind": "ประเภท", "baseline": "ข้อมูลพื้นฐาน", "start_round": "เริ่มนับตั้งแต่รอบ",
    "cancel_round": "ยกเลิกตั้งแต่รอบ", "description": "คำอธิบาย", "formula": "สูตรการคำนวณ",
    "conditions": "เงื่อนไข", "data_source": "แหล่งข้อมูล", "supervisor": "ผู้กำกับดูแลตัวชี้วัด",
    "collector": "ผู้จัดเก็บข้อมูล", "level_descriptions": "ขั้นตอนของระดับความสำเร็จ",
}


@dataclass(frozen=True)
class MinutesEntry:
    """One version in the minutes, with what changed from the version it was based on."""

    version: AgreementVersion
    changes: VersionDiff | None


def minutes_entries(workspace: Workspace, agreement_id: int, session: str | None = None) -> list[MinutesEntry]:
    """Every version proposed, counter-proposed or agreed (drafts are working copies, not minuted), optionally
    only those of one meeting; each with its changes from the version it answered."""
    versions = list_versions(workspace, agreement_id)
    by_number = {v.number: v for v in versions}
    entries = []
    for version in versions:
        if version.status is VersionStatus.DRAFT or (session is not None and version.session != session):
            continue
        base = by_number.get(version.based_on) if version.based_on is not None else None
        entries.append(MinutesEntry(version, None if base is None else diff_indicators(base.indicators,
                                                                                        version.indicators)))
    return entries


def write_minutes(workspace: Workspace, agreement_id: int, target: str | Path | BinaryIO, *,
                  session: str | None = None, digits: Digits = "arabic",
                  signatories: Sequence[Signatory] = ()) -> int:
    """Write the minutes PDF; returns how many versions it records. Refuses (ProblemsError) when there is none."""
    entries = minutes_entries(workspace, agreement_id, session)
    if not entries:
        where_th = f" ในการประชุม {session}" if session else ""
        where_en = f" in meeting '{session}'" if session else ""
        raise ProblemsError([Problem(
            th=f"ไม่มีฉบับที่เสนอหรือตกลง{where_th} จึงไม่มีบันทึกการเจรจา",
            en=f"no version was proposed or agreed{where_en}, so there are no minutes", field="session")])
    head = load_agreement_head(workspace, agreement_id)
    story = minutes_story(head, entries, session=session, digits=digits, signatories=signatories)
    furniture = PageFurniture(header=f"บันทึกการเจรจาข้อตกลง {head.agency} ปีงบประมาณ {head.fiscal_year}",
                              digits=digits)
    build_pdf(target, story, furniture=furniture, title=f"Negotiation minutes: {head.agency} {head.fiscal_year}",
              author="evaluator-app")
    return len(entries)


def minutes_story(head: Agreement, entries: Sequence[MinutesEntry], *, session: str | None = None,
                  digits: Digits = "arabic", printed_on: dt.date | None = None,
                  signatories: Sequence[Signatory] = ()) -> list[Flowable]:
    """The flowables of the minutes: title, the agreement, then one section per version."""
    title = body_style("MinutesTitle", fontSize=18, leading=27, spaceAfter=6)
    body = body_style("MinutesBody", spaceAfter=2)
    printed_on = printed_on or dt.datetime.now(BANGKOK).date()
    story: list[Flowable] = [
        ThaiParagraph("บันทึกการเจรจาข้อตกลงตามคำรับรองการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph(apply_digits(f"{head.agency}  ปีงบประมาณ พ.ศ. {head.fiscal_year}", digits), body,
                      align="center"),
    ]
    if session:
        story.append(ThaiParagraph(f"การประชุม {session}", body, align="center"))
    story.append(ThaiParagraph(f"พิมพ์เมื่อ {thai_date(printed_on, digits)}", body, align="right"))
    for entry in entries:
        story.extend(_section(entry, digits))
    if signatories:
        story.extend(signature_block(signatories, frame_width()))
    return story


def _section(entry: MinutesEntry, digits: Digits) -> list[Flowable]:
    version = entry.version
    heading = body_style("MinutesHeading", fontSize=18, leading=27, spaceBefore=14, spaceAfter=4)
    body = body_style("MinutesBody", spaceAfter=2)
    label_th, _ = version.label()
    side_th, _ = author_label(version.author)
    lines: list[Flowable] = [
        ThaiParagraph(apply_digits(f"ฉบับที่ {version.number}  {label_th}", digits), heading, bold=True),
        ThaiParagraph(_digits(f"เสนอโดย {side_th} เมื่อ {_when(version.created_at, digits)}", digits), body),
    ]
    if version.based_on is not None:
        lines.append(ThaiParagraph(apply_digits(f"จัดทำจากฉบับที่ {version.based_on}", digits), body))
    if version.effective_round is not None:
        lines.append(ThaiParagraph(apply_digits(f"มีผลตั้งแต่รอบ {version.effective_round} เดือน", digits), body))
    if version.reason:
        lines.append(ThaiParagraph([Run("เหตุผล: ", bold=True), Run(version.reason)], body))
    if version.status is VersionStatus.AGREED and version.agreed_at:
        who = f" บันทึกโดย {version.agreed_by}" if version.agreed_by else ""
        lines.append(ThaiParagraph(_digits(f"ตกลงและล็อกเมื่อ {_when(version.agreed_at, digits)}{who}", digits),
                                   body))
    if version.minute:
        lines.append(ThaiParagraph([Run("มติที่ประชุม: ", bold=True), Run(version.minute)], body))
    if entry.changes is not None:
        lines.extend(_changes(entry.changes, version.based_on, digits, body))
    lines.append(Spacer(1, 4))
    table = _weight_table(version, entry.changes, digits)
    # Keep the heading with the start of its table; a long table still breaks across pages.
    return [KeepTogether(lines), table]


def _changes(diff: VersionDiff, based_on: int | None, digits: Digits, style: Any) -> list[Flowable]:
    if diff.empty:
        return [ThaiParagraph(apply_digits(f"ไม่มีการเปลี่ยนแปลงจากฉบับที่ {based_on}", digits), style)]
    parts = [f"เพิ่มตัวชี้วัด {i.code} {i.name} (น้ำหนัก {plain(i.weight)})" for i in diff.added]
    parts += [f"ตัดตัวชี้วัด {i.code} {i.name}" for i in diff.removed]
    parts += [_change_text(c) for c in diff.changed]
    return [ThaiParagraph([Run(apply_digits(f"เปลี่ยนแปลงจากฉบับที่ {based_on}: ", digits), bold=True),
                           Run(_digits("; ".join(parts), digits))], style)]


def _change_text(change: CellChange) -> str:
    if change.field.startswith("t") and change.field[1:].isdigit():
        name = f"เกณฑ์ระดับ {change.field[1:]}"
    elif change.field.startswith("weight@"):
        name = f"น้ำหนักรอบ {change.field.split('@')[1]} เดือน"
    else:
        name = _FIELD_NAMES.get(change.field, change.field)
    return f"ตัวชี้วัด {change.code} {name} {_value(change.old)} → {_value(change.new)}"


def _value(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def _weight_table(version: AgreementVersion, diff: VersionDiff | None, digits: Digits) -> Table:
    cell = body_style("MinutesCell", fontSize=14, leading=21)
    header = [ThaiParagraph(t, cell, bold=True, align="center")
              for t in ("รหัส", "ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "เกณฑ์ระดับ 1–5", "หมายเหตุ")]
    data: list[list[Any]] = [header]
    changed = diff.changed_cells() if diff is not None else set()
    added = {i.code for i in diff.added} if diff is not None else set()
    codes = {i.code for i in version.indicators}
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    total = Decimal(0)
    for row, item in enumerate(version.indicators, start=1):
        if item.parent_code not in codes:
            total += item.weight
        notes = []
        if item.start_round is not None:
            notes.append(f"เริ่มรอบ {item.start_round}")
        if item.cancel_round is not None:
            notes.append(f"ยกเลิกตั้งแต่รอบ {item.cancel_round}")
        notes += [f"รอบ {r}: {plain(w)}" for r, w in sorted(item.round_weights.items())]
        thresholds = "" if item.thresholds is None else str(item.thresholds)
        values = [item.code, item.name, plain(item.weight), item.target or "", thresholds, ", ".join(notes)]
        aligns = ["left", "left", "right", "left", "left", "left"]
        data.append([ThaiParagraph(_digits(text, digits), cell, align=align)  # type: ignore[arg-type]
                     for text, align in zip(values, aligns, strict=True)])
        # The cells that changed from the version it answered are shaded, as on the meeting screen.
        marked = {
            2: (item.code, "weight") in changed,
            3: (item.code, "target") in changed,
            4: any((item.code, f) in changed for f in ("t1", "t2", "t3", "t4", "t5")),
            5: any((item.code, f) in changed for f in ("start_round", "cancel_round"))
            or any(c.code == item.code and c.field.startswith("weight@") for c in (diff.changed if diff else ())),
        }
        if item.code in added:
            commands.append(("BACKGROUND", (0, row), (-1, row), CHANGED_BACKGROUND))
        for column, is_changed in marked.items():
            if is_changed:
                commands.append(("BACKGROUND", (column, row), (column, row), CHANGED_BACKGROUND))
    data.append([ThaiParagraph("", cell), ThaiParagraph("รวม", cell, bold=True, align="right"),
                 ThaiParagraph(_digits(plain(total), digits), cell, bold=True, align="right"),
                 ThaiParagraph("", cell), ThaiParagraph("", cell), ThaiParagraph("", cell)])
    width = frame_width()
    widths = [0.07 * width, 0.35 * width, 0.11 * width, 0.11 * width, 0.22 * width]
    widths.append(width - sum(widths))
    return Table(data, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle(commands))


def _when(iso: str, digits: Digits) -> str:
    """A stored UTC time as Thai papers print it: Bangkok date in the Buddhist Era and the time."""
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(BANGKOK)
    return f"{thai_date(local.date(), digits)} เวลา {local:%H:%M} น."


def _digits(text: str, digits: Digits) -> str:
    return apply_digits(text, digits)
