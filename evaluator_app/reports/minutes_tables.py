"""The tables of the minutes: what a version changes against the last agreed version (weights, targets, criteria,
indicators added or removed), and the agreed version's indicators with the changed cells shaded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..domain.agreement import Indicator, code_key
from ..domain.negotiation import AgreementVersion
from ..domain.numbers import plain
from ..domain.version_diff import CellChange, VersionDiff
from .document import frame_width
from .fonts import body_style
from .thai_lines import ThaiParagraph

__all__ = ["change_table", "weight_table"]

CHANGED_BACKGROUND = colors.HexColor("#fff2cc")
HEADER_BACKGROUND = colors.HexColor("#e8e8e8")

_FIELD_NAMES = {
    "weight": "น้ำหนัก", "target": "เป้าหมาย", "name": "ชื่อตัวชี้วัด", "unit": "หน่วยวัด", "dimension": "มิติ",
    "kind": "ประเภท", "baseline": "ข้อมูลพื้นฐาน", "start_round": "เริ่มนับตั้งแต่รอบ",
    "cancel_round": "ยกเลิกตั้งแต่รอบ", "description": "คำอธิบาย", "formula": "สูตรการคำนวณ",
    "conditions": "เงื่อนไข", "data_source": "แหล่งข้อมูล", "supervisor": "ผู้กำกับดูแลตัวชี้วัด",
    "collector": "ผู้จัดเก็บข้อมูล", "level_descriptions": "ขั้นตอนของระดับความสำเร็จ",
}


def change_table(changes: VersionDiff | None, base: int | None, version: AgreementVersion,
                 d: Callable[[str], str]) -> list[Flowable]:
    """What a version changes against the last agreed version (`base`), as a table titled in its first row."""
    body = body_style("MinutesBody", spaceAfter=2)
    if changes is None:
        return [ThaiParagraph("ฉบับแรกของคำรับรอง ยังไม่มีฉบับที่ตกลงก่อนหน้าให้เทียบ", body)]
    if changes.empty:
        return [ThaiParagraph(d(f"ไม่มีการเปลี่ยนแปลงจากฉบับที่ตกลงล่าสุด (ฉบับที่ {base})"), body)]
    cell = body_style("MinutesCell", fontSize=14, leading=21)
    # The title is the table's first (repeated) row, so it never stays behind at the foot of a page.
    title = ThaiParagraph(d(f"การเปลี่ยนแปลงเทียบกับฉบับที่ตกลงล่าสุด (ฉบับที่ {base}):"), body, bold=True)
    head = [ThaiParagraph(d(t), cell, bold=True, align="center") for t in
            ("ตัวชี้วัด", "รายการ", f"ฉบับที่ตกลง ({base})", f"ฉบับที่ {version.number}")]
    rows: list[list[Any]] = [[title, "", "", ""], head]
    for code, name, what, old, new in sorted(_change_rows(changes, version.indicators),
                                             key=lambda row: code_key(row[0])):
        rows.append([ThaiParagraph(d(f"{code} {name}"), cell), ThaiParagraph(what, cell),
                     ThaiParagraph(d(old), cell), ThaiParagraph(d(new), cell)])
    width = frame_width()
    widths = [0.40 * width, 0.16 * width, 0.22 * width]
    widths.append(width - sum(widths))
    return [
        Table(rows, colWidths=widths, repeatRows=2, style=TableStyle([
            ("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0), ("BOTTOMPADDING", (0, 0), (0, 0), 4),
            ("GRID", (0, 1), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 1), (-1, 1), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 1), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3)])),
        Spacer(1, 4),
    ]


def _change_rows(diff: VersionDiff, indicators: Sequence[Indicator]) -> list[tuple[str, str, str, str, str]]:
    """(code, indicator name, what, agreed value, proposed value): weights, targets, the criteria as one row,
    indicators added or removed."""
    names = {i.code: i.name for i in (*indicators, *diff.removed)}
    rows = [(i.code, i.name, "เพิ่มตัวชี้วัด", "-", f"น้ำหนัก {plain(i.weight)}") for i in diff.added]
    rows += [(i.code, i.name, "ตัดตัวชี้วัด", f"น้ำหนัก {plain(i.weight)}", "-") for i in diff.removed]
    criteria: dict[str, list[CellChange]] = {}
    for change in diff.changed:
        if change.field.startswith("t") and change.field[1:].isdigit():
            criteria.setdefault(change.code, []).append(change)
            continue
        if change.field.startswith("weight@"):
            what = f"น้ำหนักรอบ {change.field.split('@')[1]} เดือน"
        else:
            what = _FIELD_NAMES.get(change.field, change.field)
        rows.append((change.code, names.get(change.code, ""), what, _value(change.old), _value(change.new)))
    for code, changes in criteria.items():
        old = ", ".join(f"ระดับ {c.field[1:]}: {_value(c.old)}" for c in changes)
        new = ", ".join(f"ระดับ {c.field[1:]}: {_value(c.new)}" for c in changes)
        rows.append((code, names.get(code, ""), "เกณฑ์การให้คะแนน", old, new))
    return rows


def _value(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def weight_table(version: AgreementVersion, diff: VersionDiff | None, d: Callable[[str], str]) -> Table:
    """The agreed version's indicators, weights, targets and criteria; cells changed from the last agreed version
    shaded, as on the meeting screen."""
    cell = body_style("MinutesCell", fontSize=14, leading=21)
    header = [ThaiParagraph(d(t), cell, bold=True, align="center")
              for t in ("รหัส", "ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "เกณฑ์ 5 ระดับ", "หมายเหตุ")]
    data: list[list[Any]] = [header]
    changed = diff.changed_cells() if diff is not None else set()
    added = {i.code for i in diff.added} if diff is not None else set()
    codes = {i.code for i in version.indicators}
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
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
        data.append([ThaiParagraph(d(text), cell, align=align)  # type: ignore[arg-type]
                     for text, align in zip(values, aligns, strict=True)])
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
                 ThaiParagraph(d(plain(total)), cell, bold=True, align="right"),
                 ThaiParagraph("", cell), ThaiParagraph("", cell), ThaiParagraph("", cell)])
    width = frame_width()
    # Wide enough for each header word at 14 pt bold: a header is never split inside a word.
    widths = [0.08 * width, 0.32 * width, 0.12 * width, 0.14 * width, 0.20 * width]
    widths.append(width - sum(widths))
    # Rows are never split inside: a Thai cell cut at a page end can leave reportlab with no second part (an
    # IndexError in Table._splitCell), and the tallest row (a 250-character name) is far shorter than a page.
    return Table(data, colWidths=widths, repeatRows=1, splitInRow=0, style=TableStyle(commands))
