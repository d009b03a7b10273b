"""Signature blocks for the committee members who sign a printed paper by hand, two to a row; the place reserved
for a digital signature's visible stamp, and the stamp itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from .fonts import body_style
from .thai_lines import ThaiParagraph

__all__ = ["BLANK_NAME", "DATE_LINE", "SIGN_LINE", "Signatory", "StampAnchor", "signature_block"]

SIGN_LINE = "ลงชื่อ ........................................"
DATE_LINE = "วันที่ ........ เดือน ................ พ.ศ. ........"
BLANK_NAME = "(........................................)"


class StampAnchor(Flowable):
    """Blank room above a signer's line where a digital signature's stamp goes; it draws nothing, so a paper
    reads the same signed or not, and records where it landed (page, box) for the signature field."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.placed: tuple[int, tuple[float, float, float, float]] | None = None  # page index, (x1, y1, x2, y2)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth  # the signer's whole column: the stamp sits centred above the line
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.placed = (self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height))


@dataclass(frozen=True)
class Signatory:
    """One person who signs: name, position in their agency, and role on the committee."""

    name: str
    position: str = ""  # ตำแหน่ง, e.g. ผู้อำนวยการกองแผนงาน
    role: str = ""  # in the committee: ประธานกรรมการ, กรรมการ, กรรมการและเลขานุการ ...


def _cell(signatory: Signatory, style: ParagraphStyle, with_date: bool, top: Flowable | None = None
          ) -> list[Flowable]:
    # A committee named nowhere yet still gets a block: dotted lines for the name, filled in by hand.
    lines = [SIGN_LINE, f"({signatory.name})" if signatory.name.strip() else BLANK_NAME]
    lines += [text for text in (signatory.position, signatory.role) if text]
    if with_date:
        lines.append(DATE_LINE)
    head = [top] if top is not None else []
    return head + [ThaiParagraph(text, style, align="center") for text in lines]


ROW_GAP = 18.0  # between two rows of signers: room for the lower row's signatures


def signature_block(signatories: Sequence[Signatory], width: float, *, style: ParagraphStyle | None = None,
                    with_date: bool = True, space_before: float = 24, per_row: int = 2,
                    heading: Flowable | None = None, tops: Sequence[Flowable | None] | None = None
                    ) -> list[Flowable]:
    """Flowables that place the signatories ``per_row`` to a row (two on portrait A4, three fit landscape)
    across ``width`` points, the ``heading`` kept with the first row.

    A short last row is centred.  The block breaks between rows, never inside one person's block: a committee of
    seven does not push its whole block, and the paper, to a page of its own when the first rows fit where the
    paper ends. ``tops`` puts a flowable above each person's sign line (a stamp's room).
    """
    if not signatories:
        return []
    if per_row < 1:
        raise ValueError("per_row must be at least 1")
    style = style if style is not None else body_style("Signature", fontSize=14, leading=21)
    column = width / per_row
    padding = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
               ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0),
               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    tables: list[Flowable] = []
    for start in range(0, len(signatories), per_row):
        group = signatories[start:start + per_row]
        row: list[object] = [_cell(person, style, with_date, None if tops is None else tops[start + offset])
                             for offset, person in enumerate(group)]
        commands: list[tuple[object, ...]] = list(padding)
        if len(row) == 1 and per_row > 1:
            # One person on the last row: their centred lines span the whole row.
            row += [""] * (per_row - 1)
            commands.append(("SPAN", (0, 0), (per_row - 1, 0)))
        elif len(row) < per_row:
            # Several on a short last row: their blocks, at the usual column width, centred in one spanning cell.
            inner = Table([row], colWidths=[column] * len(row), hAlign="CENTER", style=TableStyle(padding))
            row = [inner] + [""] * (per_row - 1)
            commands += [("SPAN", (0, 0), (per_row - 1, 0)), ("ALIGN", (0, 0), (0, 0), "CENTER"),
                         ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (0, 0), (0, 0), 0)]
        # One table per row, a gap before each but the first (dropped at the top of a page), so the frame may
        # break between rows.
        tables.append(Table([row], colWidths=[column] * per_row, style=TableStyle(commands), hAlign="CENTER",
                            spaceBefore=ROW_GAP if tables else 0))
    head = [heading] if heading is not None else []
    return [KeepTogether([Spacer(width, space_before), *head, tables[0]]), *tables[1:]]


def stamp_pdf(width: float, height: float, lines: Sequence[tuple[str, bool]]) -> bytes:
    """A one-page PDF of `width` x `height` points: a framed stamp of shaped Thai lines (text, bold), the
    appearance of a visible digital signature. pyHanko's own stamp cannot shape Thai; reportlab can."""
    import io

    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from .fonts import font_name, register_fonts
    from .shaping import draw_shaped_string

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(colors.HexColor("#2f5d8a"))
    canvas.setLineWidth(1.2)
    canvas.roundRect(1, 1, width - 2, height - 2, 4, stroke=1, fill=1)
    canvas.setFillColor(colors.HexColor("#1d3b5a"))
    size = min(10.0, (height - 6) / (len(lines) * 1.35))
    y = height - 4 - size
    for text, bold in lines:
        face = font_name(bold=bold)
        # A long Thai name shrinks to fit the stamp rather than run over its frame.
        fitted = min(size, size * (width - 10) / max(stringWidth(text, face, size), 1.0))
        draw_shaped_string(canvas, width / 2, y, text, face, fitted, anchor="center")
        y -= size * 1.35
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
