"""Signature blocks for the committee members who sign a printed paper by hand, two to a row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .fonts import body_style
from .thai_lines import ThaiParagraph

__all__ = ["DATE_LINE", "SIGN_LINE", "Signatory", "signature_block"]

SIGN_LINE = "ลงชื่อ ........................................"
DATE_LINE = "วันที่ ........ เดือน ................ พ.ศ. ........"


@dataclass(frozen=True)
class Signatory:
    """One person who signs: name, position in their agency, and role on the committee."""

    name: str
    position: str = ""  # ตำแหน่ง, e.g. ผู้อำนวยการกองแผนงาน
    role: str = ""  # in the committee: ประธานกรรมการ, กรรมการ, กรรมการและเลขานุการ ...


def _cell(signatory: Signatory, style: ParagraphStyle, with_date: bool) -> list[Flowable]:
    lines = [SIGN_LINE, f"({signatory.name})"]
    lines += [text for text in (signatory.position, signatory.role) if text]
    if with_date:
        lines.append(DATE_LINE)
    return [ThaiParagraph(text, style, align="center") for text in lines]


def signature_block(signatories: Sequence[Signatory], width: float, *, style: ParagraphStyle | None = None,
                    with_date: bool = True, space_before: float = 24, per_row: int = 2,
                    heading: Flowable | None = None) -> list[Flowable]:
    """Flowables that place the signatories ``per_row`` to a row (two on portrait A4, three fit landscape)
    across ``width`` points, kept together with an optional ``heading``.

    A short last row is centred.  If the whole block is taller than a page it breaks between rows,
    never inside one person's block.
    """
    if not signatories:
        return []
    if per_row < 1:
        raise ValueError("per_row must be at least 1")
    style = style if style is not None else body_style("Signature", fontSize=14, leading=21)
    column = width / per_row
    rows: list[list[object]] = []
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 18),
    ]
    for start in range(0, len(signatories), per_row):
        group = signatories[start:start + per_row]
        row: list[object] = [_cell(person, style, with_date) for person in group]
        index = len(rows)
        if len(row) == 1 and per_row > 1:
            # One person on the last row: their centred lines span the whole row.
            row += [""] * (per_row - 1)
            commands.append(("SPAN", (0, index), (per_row - 1, index)))
        elif len(row) < per_row:
            # Several on a short last row: their blocks, at the usual column width, centred in one spanning cell.
            inner = Table([row], colWidths=[column] * len(row), hAlign="CENTER", style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            row = [inner] + [""] * (per_row - 1)
            commands += [("SPAN", (0, index), (per_row - 1, index)), ("ALIGN", (0, index), (0, index), "CENTER"),
                         ("LEFTPADDING", (0, index), (0, index), 0), ("RIGHTPADDING", (0, index), (0, index), 0)]
        rows.append(row)
    table = Table(rows, colWidths=[column] * per_row, style=TableStyle(commands), hAlign="CENTER")
    head = [heading] if heading is not None else []
    return [KeepTogether([Spacer(width, space_before), *head, table])]
