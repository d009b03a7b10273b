"""The front of a combined batch PDF: a cover page and a table of contents giving each agreement's first page in
the bound volume, and the binding itself with one PDF bookmark per agreement."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..domain.thai_dates import Digits, apply_digits, thai_date, today
from .document import build_pdf, frame_width
from .fonts import body_style
from .furniture import PageFurniture
from .seal import Seal
from .thai_lines import ThaiParagraph

__all__ = ["BoundReport", "bind_volume", "front_matter"]

TITLE = "รายงานผลการประเมินผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ"
COVER_BOOKMARK = "ปก / Cover"
CONTENTS_BOOKMARK = "สารบัญ / Contents"


@dataclass(frozen=True)
class BoundReport:
    """One report in the volume: whose it is, its seal (None for a draft), and the PDF itself."""

    agency: str
    fiscal_year: int
    seal: Seal | None
    data: bytes
    pages: int

    @property
    def code(self) -> str | None:
        return None if self.seal is None else self.seal.code


def _cover(reports: Sequence[BoundReport], round_: int, digits: Digits, printed_on: dt.date) -> list[Flowable]:
    d = lambda text: apply_digits(text, digits)  # noqa: E731 - local shorthand for the digit style
    title = body_style("CoverTitle", fontSize=24, leading=36, spaceAfter=12)
    line = body_style("CoverLine", fontSize=18, leading=27, spaceAfter=6)
    years = sorted({r.fiscal_year for r in reports})
    year_text = " ".join(str(y) for y in years)
    drafts = sum(1 for r in reports if r.code is None)
    story: list[Flowable] = [
        Spacer(1, 150),
        # Two lines as the title is said: a narrow line would otherwise split the compound ราชการ.
        ThaiParagraph("รายงานผลการประเมินผลการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph("ตามคำรับรองการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph(d(f"ประจำปีงบประมาณ พ.ศ.\u00a0{year_text}"), line, bold=True, align="center"),
        ThaiParagraph(d(f"รอบการประเมิน {round_} เดือน"), line, align="center"),
        ThaiParagraph(d(f"รวมเล่ม {len(reports)} ส่วนราชการ"), line, align="center"),
        Spacer(1, 40),
        ThaiParagraph(f"จัดพิมพ์เมื่อ {thai_date(printed_on, digits)}", line, align="center"),
    ]
    if drafts:
        story.append(ThaiParagraph(d(f"ฉบับร่าง {drafts} ฉบับ ยังไม่ได้ออกเป็นรายงาน"), line, bold=True,
                                   align="center"))
    story.append(ThaiParagraph("แต่ละรายงานในเล่มมีรหัสตรวจสอบของตนเองที่ท้ายทุกหน้า ตรวจสอบได้ด้วยคำสั่ง verify",
                               body_style("CoverNote", fontSize=14, leading=21, spaceBefore=60), align="center"))
    return story


def _contents(reports: Sequence[BoundReport], starts: Sequence[int], digits: Digits) -> list[Flowable]:
    """Number, agency, verification code (only when some report is issued), first page in the volume. The year
    is on the cover; a row names it only when the volume holds several years."""
    d = lambda text: apply_digits(text, digits)  # noqa: E731 - local shorthand for the digit style
    cell = body_style("ContentsCell", fontSize=15, leading=22.5)
    several_years = len({r.fiscal_year for r in reports}) > 1
    sealed = any(r.code for r in reports)
    heads = [("ลำดับ", "center"), ("ส่วนราชการ", "left"), *([("รหัสตรวจสอบ", "center")] if sealed else []),
             ("หน้า", "right")]
    rows = [[ThaiParagraph(t, cell, bold=True, align=a) for t, a in heads]]  # type: ignore[arg-type]
    for number, (report, start) in enumerate(zip(reports, starts, strict=True), start=1):
        agency = report.agency + (f" (ปีงบประมาณ\u00a0{report.fiscal_year})" if several_years else "")
        code = [ThaiParagraph(report.code or "ฉบับร่าง", cell, align="center")] if sealed else []
        rows.append([ThaiParagraph(d(f"{number}."), cell, align="right"), ThaiParagraph(d(agency), cell), *code,
                     ThaiParagraph(d(str(start)), cell, align="right")])
    width = frame_width()
    # Room for "ลำดับ", a page number, and a whole verification code (16 hex digits in four groups) at 15 pt.
    widths = [0.10 * width, 0.0, *([0.33 * width] if sealed else []), 0.09 * width]
    widths[1] = width - sum(widths)
    return [ThaiParagraph("สารบัญ", body_style("ContentsTitle", fontSize=20, leading=30, spaceAfter=8), bold=True,
                          align="center"),
            Table(rows, colWidths=widths, repeatRows=1, style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))]


def front_matter(reports: Sequence[BoundReport], *, round_: int, digits: Digits,
                 printed_on: dt.date | None = None) -> tuple[bytes, list[int]]:
    """The cover and contents as a PDF, and the first page (1-based, in the bound volume) of each report.

    The contents may take several pages, which moves every report: laid out once to count its pages, then again
    with the true page numbers (a longer number never adds a page: each row has room for it)."""
    printed_on = printed_on or today()
    years = " ".join(str(y) for y in sorted({r.fiscal_year for r in reports}))
    furniture = PageFurniture(header=apply_digits(f"รายงานผลการประเมิน (รวมเล่ม) ปีงบประมาณ {years}", digits),
                              digits=digits)
    front_pages = 0
    for _ in range(3):
        starts, page = [], front_pages + 1
        for report in reports:
            starts.append(page)
            page += report.pages
        buffer = io.BytesIO()
        story = [*_cover(reports, round_, digits, printed_on), PageBreak(), *_contents(reports, starts, digits)]
        pages = build_pdf(buffer, story, furniture=furniture, title=f"{TITLE} (รวมเล่ม)", author="evaluator-app")
        if pages == front_pages:
            break
        front_pages = pages
    return buffer.getvalue(), starts


def bind_volume(reports: Sequence[BoundReport], *, round_: int, digits: Digits, metadata: dict[str, str],
                printed_on: dt.date | None = None) -> bytes:
    """Cover, contents, then every report as it was written (its own footers and seal untouched); a bookmark for
    the cover, the contents and each agreement, shown when the file opens."""
    from pypdf import PdfReader, PdfWriter

    front, _ = front_matter(reports, round_=round_, digits=digits, printed_on=printed_on)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
    writer.add_outline_item(title=COVER_BOOKMARK, page_number=0)
    writer.add_outline_item(title=CONTENTS_BOOKMARK, page_number=1)
    for number, report in enumerate(reports, start=1):
        title = apply_digits(f"{number}. {report.agency} {report.fiscal_year}", digits)
        writer.append(PdfReader(io.BytesIO(report.data)), outline_item=title, import_outline=False)
    writer.add_metadata(metadata)
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
