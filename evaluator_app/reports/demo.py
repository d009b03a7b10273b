"""A demonstration paper exercising the Thai typesetting foundation: paragraph, long table, signatures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from evaluator_app.domain.numbers import format4

from ..domain.thai_dates import Digits, apply_digits, thai_date
from .document import build_pdf, frame_width
from .fonts import body_style
from .furniture import PageFurniture
from .signatures import Signatory, signature_block
from .thai_lines import Run, ThaiParagraph

__all__ = ["DEMO_PARAGRAPH", "DEMO_SIGNATORIES", "build_demo", "demo_story"]

DEMO_PARAGRAPH = (
    "คณะกรรมการได้พิจารณาผลการดำเนินงานตามคำรับรองการปฏิบัติราชการของส่วนราชการแล้ว "
    "เห็นว่าผู้ประเมินอิสระที่ปั้นญี่ปุ่นน้ำชี้ตั้งป่าปี่ได้รายงานผลการดำเนินงานครบถ้วนตามตัวชี้วัดที่ 2.1 "
    "(ร้อยละ 92.50) และตัวชี้วัดอื่น ๆ ซึ่งสอดคล้องกับแผนยุทธศาสตร์ของสำนักงานคณะกรรมการพัฒนาระบบราชการ (ก.พ.ร.) "
    "โดยใช้ข้อมูลจากระบบ e-Government และรายงาน KPI-based Budgeting ประจำปีงบประมาณ พ.ศ. 2569 "
    "จำนวน 1,150.40 ล้านบาท ทั้งนี้ คณะกรรมการมีข้อสังเกตว่าควรปรับปรุงกระบวนการจัดเก็บข้อมูลให้ถูกต้องและทันเวลา"
)

DEMO_SIGNATORIES = (
    Signatory("นายสมชาย ใจดี", "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ", "ประธานกรรมการ"),
    Signatory("นางสาวปิยะนุช ศรีสุข", "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน", "กรรมการ"),
    Signatory("นายวิชัย ตั้งมั่น", "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ", "กรรมการ"),
    Signatory("นางน้ำฝน ปิ่นทอง", "นักวิชาการคอมพิวเตอร์ชำนาญการ", "กรรมการและเลขานุการ"),
    Signatory("นายปรีชา ฟื้นฟู", "เจ้าหน้าที่ระบบงานคอมพิวเตอร์", "ผู้ช่วยเลขานุการ"),
)

_INDICATORS = (
    "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อคุณภาพการให้บริการของส่วนราชการ",
    "ระดับความสำเร็จของการพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อสนับสนุนการตัดสินใจของผู้บริหาร",
    "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายภาพรวมเทียบกับแผนการใช้จ่ายงบประมาณที่ได้รับอนุมัติ",
    "ระดับความสำเร็จของการดำเนินงานตามแผนปฏิรูปองค์การและการลดขั้นตอนการปฏิบัติงาน",
)
_NOTE = ("ส่วนราชการได้จัดส่งเอกสารหลักฐานประกอบการประเมินครบถ้วน มีการติดตามผลทุกไตรมาส "
         "และมีข้อเสนอแนะให้ปรับปรุงคุณภาพข้อมูลที่ใช้ในการคำนวณผลการดำเนินงานตามตัวชี้วัด")


def _table(rows: int, digits: Digits) -> Table:
    cell = body_style("Cell", fontSize=14, leading=21)
    head = body_style("CellHead", fontSize=14, leading=21)
    header = [ThaiParagraph(t, head, bold=True, align="center")
              for t in ("ที่", "ตัวชี้วัด", "น้ำหนัก", "คะแนน", "ข้อสังเกตของคณะกรรมการ")]
    data: list[list[object]] = [header]
    for n in range(1, rows + 1):
        score = Decimal(3) + Decimal(n % 20) / Decimal(10)
        data.append([
            ThaiParagraph(apply_digits(str(n), digits), cell, align="center"),
            ThaiParagraph(f"{_INDICATORS[n % len(_INDICATORS)]} (ตัวชี้วัดที่ {n})", cell),
            ThaiParagraph(apply_digits("10", digits), cell, align="right"),
            ThaiParagraph(apply_digits(format4(min(score, Decimal(5))), digits), cell, align="right"),
            ThaiParagraph(_NOTE, cell),
        ])
    width = frame_width()
    widths = [0.07 * width, 0.34 * width, 0.12 * width, 0.15 * width]
    widths.append(width - sum(widths))
    return Table(data, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))


def demo_story(table_rows: int = 12, digits: Digits = "thai", date: dt.date | None = None) -> list[Flowable]:
    """The demo's flowables: title, a long Thai paragraph, a table of ``table_rows`` long rows, signatures."""
    date = date or dt.date(2026, 11, 27)
    title = body_style("Title", fontSize=20, leading=30, spaceAfter=6)
    body = body_style("Body", firstLineIndent=2.5 * 28.35, spaceAfter=12)
    return [
        ThaiParagraph("รายงานผลการประเมินตามคำรับรองการปฏิบัติราชการ", title, bold=True, align="center"),
        ThaiParagraph(f"วันที่ {thai_date(date, digits)}", body_style("Date"), align="right"),
        ThaiParagraph(DEMO_PARAGRAPH, body),
        ThaiParagraph([Run("สรุป: "), Run("คะแนน", bold=True), Run("ที่", bold=True),
                       Run("ได้รับ 3.4500 ซึ่ง"), Run("ผ่านเกณฑ์", bold=True, italic=True),
                       Run(" <ตามเกณฑ์ & เงื่อนไข>")], body),
        Spacer(1, 6),
        _table(table_rows, digits),
        *signature_block(DEMO_SIGNATORIES, frame_width()),
    ]


def build_demo(target: str | Path | BinaryIO, table_rows: int = 12, digits: Digits = "thai") -> int:
    """Write the demo paper; returns its page count."""
    furniture = PageFurniture(header="รายงานผลการประเมิน (ฉบับทดลอง)",
                              footer="เอกสารนี้พิมพ์จากโปรแกรมประเมินผล ใช้ลงนามโดยคณะกรรมการ",
                              digits=digits)
    return build_pdf(target, demo_story(table_rows, digits), furniture=furniture, title="Demo")
