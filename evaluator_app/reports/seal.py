"""The seal a printed paper carries: the verification code in every footer, a QR code on the last page, and the
hash in the PDF's metadata so `verify` reads it back without OCR."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.thai_dates import Digits, apply_digits
from ..store.snapshots import Snapshot
from .fonts import body_style
from .thai_lines import Run, ThaiParagraph

__all__ = [
    "QR_PREFIX",
    "SUBJECT_PREFIX",
    "PdfSeal",
    "QrCode",
    "Seal",
    "combined_subject",
    "qr_payload",
    "read_pdf_seals",
    "seal_block",
    "verification_code",
]

SUBJECT_PREFIX = "evaluator-app sealed report"
QR_PREFIX = "EVAPP-REPORT"
_SUBJECT = re.compile(r"report=(\d+);\s*revision=(\d+);\s*kind=(\w+);\s*sha256=([0-9a-f]{64})"
                      r"(?:;\s*snapshot=(\d+))?(?:;\s*digits=(thai|arabic))?")
_FOOTER_CODE = re.compile(r"รหัสตรวจสอบ\s*((?:[0-9a-f]{4}\s*){4})")


def verification_code(sha256: str) -> str:
    """The short form printed on every page: the first 16 hex digits of the seal in groups of four."""
    head = sha256[:16].lower()
    return " ".join(head[i:i + 4] for i in range(0, 16, 4))


def qr_payload(report_id: int, sha256: str) -> str:
    """What the last page's QR code holds: the report's number and the full seal."""
    return f"{QR_PREFIX};report={report_id};sha256={sha256}"


@dataclass(frozen=True)
class Seal:
    """A stored snapshot as the paper prints it; None on a draft, which has no code."""

    report_id: int  # the report number printed (every revision of a paper shares it)
    revision: int
    kind: str
    sha256: str
    created_at: str
    snapshot_id: int | None = None  # the stored snapshot, for finding it again

    @classmethod
    def of(cls, snapshot: Snapshot) -> Seal:
        return cls(snapshot.number, snapshot.revision, snapshot.kind, snapshot.sha256, snapshot.created_at,
                   snapshot.id)

    @property
    def number(self) -> int:
        return self.report_id

    @property
    def code(self) -> str:
        return verification_code(self.sha256)

    def footer(self, digits: Digits) -> str:
        # The code stays in Latin hex whatever the digit setting: it is typed or scanned back, never read as a number.
        number = apply_digits(f"รายงานเลขที่ {self.report_id} ฉบับที่ {self.revision}", digits)
        return f"รหัสตรวจสอบ {self.code}   {number}"

    @property
    def subject(self) -> str:
        snapshot = f"; snapshot={self.snapshot_id}" if self.snapshot_id is not None else ""
        return (f"{SUBJECT_PREFIX}: report={self.report_id}; revision={self.revision}; kind={self.kind}; "
                f"sha256={self.sha256}{snapshot}")

    def subject_with(self, digits: Digits) -> str:
        """The metadata subject of a PDF printing this seal in `digits` (verify draws the page again to compare)."""
        return f"{self.subject}; digits={digits}"


DRAFT_FOOTER = "ฉบับร่าง ยังไม่ได้ออกเป็นรายงาน จึงไม่มีรหัสตรวจสอบ"


class QrCode(Flowable):
    """A QR code of `payload`, `size` points square, drawn as filled runs of dark modules.

    The `qrcode` package encodes, its mask chosen faster (qr_matrix.py); reportlab's own QR widget built a shape
    per module and took over ten times longer, which a batch of fifty reports paid fifty times.
    """

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        from .qr_matrix import qr_matrix

        self.matrix: list[list[bool]] = qr_matrix(payload)
        self.payload = payload
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        count = len(self.matrix)
        module = self.width / count
        canvas.saveState()
        canvas.setFillColor(colors.black)
        for r, row in enumerate(self.matrix):
            y = self.height - (r + 1) * module
            c = 0
            while c < count:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < count and row[c]:
                    c += 1
                canvas.rect(start * module, y, (c - start) * module, module, stroke=0, fill=1)
        canvas.restoreState()


def seal_block(seal: Seal, digits: Digits, audit_head: str | None = None) -> list[Flowable]:
    """The last page's seal: the QR code beside the full hash and how to check the paper; on an issued report also
    the audit log's head when it was issued (check the log against it with verify-log)."""
    size = 2.8 * cm
    code = QrCode(qr_payload(seal.report_id, seal.sha256), size)
    style = body_style("SealText", fontSize=11, leading=15)
    mono = body_style("SealHash", fontSize=9.5, leading=13)
    text = [
        ThaiParagraph([Run(f"รหัสตรวจสอบ {seal.code}", bold=True),
                       Run(apply_digits(f"   รายงานเลขที่ {seal.report_id} ฉบับที่ {seal.revision}", digits))], style),
        ThaiParagraph("ค่าตรวจสอบ SHA-256 ของข้อมูลที่ใช้จัดทำรายงานนี้:", style),
        ThaiParagraph(seal.sha256, mono),
        *([ThaiParagraph([Run("audit head เมื่อออกรายงาน: "), Run(audit_head)], mono)] if audit_head else []),
        ThaiParagraph("ตรวจสอบว่าตัวเลขในรายงานตรงกับข้อมูลปัจจุบันด้วยคำสั่ง evaluator-app verify ไฟล์รายงาน.pdf "
                      "หรืออ่านคิวอาร์โค้ดเพื่อดูเลขที่รายงานและค่าตรวจสอบฉบับเต็ม", style),
    ]
    table = Table([[code, text]], colWidths=[size + 0.5 * cm, None], style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.5, "#888888"),
        ("LEFTPADDING", (0, 0), (0, 0), 6),
        ("LEFTPADDING", (1, 0), (1, 0), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]), hAlign="LEFT")
    return [KeepTogether([Spacer(1, 12), table])]


@dataclass(frozen=True)
class PdfSeal:
    """What a PDF says about one sealed report in it: from its metadata, or failing that a footer's code."""

    report_id: int | None
    revision: int | None
    kind: str | None
    sha256: str | None
    code: str | None  # the footer's short code (16 hex digits, no spaces)
    snapshot_id: int | None = None
    digits: str | None = None  # "thai" or "arabic" as printed, when the metadata says


def combined_subject(seals: list[Seal], digits: Digits | None = None) -> str:
    """The metadata of a PDF that binds several sealed reports together (a batch printed as one file)."""
    return " | ".join(seal.subject_with(digits) if digits else seal.subject for seal in seals)


def read_pdf_seals(data: bytes) -> tuple[list[PdfSeal], bool]:
    """The seals of a PDF (one per report it binds) and whether it carries a digital signature field.

    Metadata first, as written at build time and kept by incremental signatures; if another program re-saved the
    file without it, the verification codes printed in the footers still name the snapshots.
    """
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    metadata = reader.metadata or {}
    subject = str(metadata.get("/Subject") or "")
    fields = reader.get_fields() or {}
    signed = any(f.get("/FT") == "/Sig" for f in fields.values())
    seals = [PdfSeal(int(m.group(1)), int(m.group(2)), m.group(3), m.group(4), m.group(4)[:16],
                     None if m.group(5) is None else int(m.group(5)), m.group(6))
             for m in _SUBJECT.finditer(subject)]
    if seals:
        return seals, signed
    codes: dict[str, None] = {}
    for page in reader.pages:
        for found in _FOOTER_CODE.finditer(page.extract_text() or ""):
            codes.setdefault("".join(found.group(1).split()), None)
    return [PdfSeal(None, None, None, None, code) for code in codes], signed
