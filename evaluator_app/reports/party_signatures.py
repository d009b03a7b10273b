"""The parties on the agreement paper: the first clause that names them, and a signature block for each, recipients
on the left and givers on the right, as Thai agreements are signed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.thai_dates import Digits, apply_digits
from .fonts import body_style
from .signatures import SIGN_LINE
from .thai_lines import Run, ThaiParagraph

__all__ = ["BLANK_PARTY", "PARTY_DATE_LINE", "parties_clause", "party_signature_blocks"]

# No party entered yet: a line to write on by hand, instead of a dash that reads as "nobody".
BLANK_PARTY = "...................................................."
# Narrower than the report's date line: two blocks side by side on portrait A4 leave about 210 pt each.
PARTY_DATE_LINE = "วันที่ ....... เดือน .............. พ.ศ. ......."
RECIPIENT_TITLE = "ผู้รับคำรับรอง"
GIVER_TITLE = "ผู้ทำคำรับรอง"
ROW_GAP = 22.0  # between two rows of parties


def _person(party: dict[str, Any]) -> str:
    return party["name"] + (f" ตำแหน่ง {party['position']}" if party["position"] else "")


def _people(parties: Sequence[dict[str, Any]]) -> list[Run]:
    if not parties:
        return [Run(BLANK_PARTY)]
    runs: list[Run] = []
    for n, party in enumerate(parties):
        if n:
            runs.append(Run(" และ "))
        runs.append(Run(_person(party)))
    return runs


def parties_clause(recipients: Sequence[dict[str, Any]], givers: Sequence[dict[str, Any]]) -> list[Run]:
    """Clause 1: "คำรับรองระหว่าง <recipients> ผู้รับคำรับรอง กับ <givers> ผู้ทำคำรับรอง"; several persons of a
    side are joined with และ, each with ตำแหน่ง and position."""
    return [Run("1. คำรับรองระหว่าง ", bold=True), *_people(recipients), Run(f" {RECIPIENT_TITLE}", bold=True),
            Run(" กับ "), *_people(givers), Run(f" {GIVER_TITLE}", bold=True)]


def _block(party: dict[str, Any] | None, title: str, style: ParagraphStyle, digits: Digits) -> list[Flowable]:
    if party is None:
        return []
    lines = [SIGN_LINE, f"({party['name']})"]
    if party["position"]:
        lines.append(party["position"])
    lines += [title, PARTY_DATE_LINE]
    return [ThaiParagraph(apply_digits(text, digits), style, align="center") for text in lines]


def party_signature_blocks(recipients: Sequence[dict[str, Any]], givers: Sequence[dict[str, Any]], width: float,
                           *, digits: Digits = "thai", space_before: float = 20) -> list[Flowable]:
    """A signature block for every party: name in parentheses, position, side and a date line; recipients in
    the left column, givers in the right, row by row. Without any party, one blank block on each side so that
    the paper can still be signed by hand. A row never splits; the page may end between rows."""
    style = body_style("PartySignature", fontSize=14, leading=21)
    if not recipients and not givers:
        blank = {"name": BLANK_PARTY, "position": ""}
        recipients, givers = [blank], [blank]
    count = max(len(recipients), len(givers))
    rows = []
    for n in range(count):
        rows.append([_block(recipients[n] if n < len(recipients) else None, RECIPIENT_TITLE, style, digits),
                     _block(givers[n] if n < len(givers) else None, GIVER_TITLE, style, digits)])
    style_commands = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])
    # One table per row, a gap before each but the first (dropped at the top of a page): the page may end between
    # rows, so the first rows stay where the paper ends instead of all moving to a page of their own.
    tables = [Table([row], colWidths=[width / 2] * 2, hAlign="CENTER", style=style_commands,
                    spaceBefore=ROW_GAP if n else 0) for n, row in enumerate(rows)]
    # The first row stays with the space above it, so a signature never starts alone at the foot of a page.
    return [KeepTogether([Spacer(width, space_before), tables[0]]), *tables[1:]]
