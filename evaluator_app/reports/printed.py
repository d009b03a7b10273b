"""Reading what a PDF page prints: positioned text runs from the page content, compared with the same paper drawn
again from its sealed snapshot, so a figure edited in the file is found and named by its table row."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .tounicode import normalise_thai_for_compare

__all__ = ["PrintedChange", "TextRun", "compare_pages", "page_runs", "page_shapes", "pages_with_code"]

# The start of a row's label in the name column: an indicator code (1, 1.2, ๑.๒.๓) or a subtotal / total row.
_ROW_LABEL = re.compile(r"^\s*(?:[0-9\u0e50-\u0e59]+(?:\.[0-9\u0e50-\u0e59]+)*\s|รวม|คะแนนรวม)")
_DIGIT = re.compile(r"[0-9\u0e50-\u0e59]")


@dataclass(frozen=True)
class TextRun:
    """A piece of text as a page draws it, at its position on the page (points from the bottom left)."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class PrintedChange:
    """A printed text that differs from the paper drawn from the snapshot: where, the row it is in, both texts."""

    page: int  # 1-based
    row: str  # the row's label as printed ("1.2 ร้อยละของ…", "คะแนนรวมทั้งสิ้น"), or "" outside the table
    expected: str
    found: str

    def describe(self) -> str:
        where = f"หน้า {self.page}" + (f" แถว {self.row}" if self.row else "")
        where_en = f"page {self.page}" + (f", row {self.row}" if self.row else "")
        return (f"{where} / {where_en}: พิมพ์ไว้ / printed {self.found or '–'} แต่ข้อมูลที่ปิดผนึกคือ / but the sealed "
                f"report says {self.expected or '–'}")


def page_runs(data: bytes) -> list[list[TextRun]]:
    """Every page's text runs in drawing order, with their positions (pypdf, with the app's corrected ToUnicode)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages: list[list[TextRun]] = []
    for page in reader.pages:
        # pypdf may report several pieces at one text position (one line shown in parts): they are one run.
        at: dict[tuple[float, float], str] = {}
        ink = _Ink()

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  at: dict[tuple[float, float], str] = at, ink: _Ink = ink) -> None:
            if ink.hides() or not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            key = (round(x, 1), round(y, 1))
            at[key] = at.get(key, "") + text

        page.extract_text(visitor_text=visit, visitor_operand_before=ink.see)
        pages.append([TextRun(x, y, normalise_thai_for_compare(" ".join(text.split())))
                      for (x, y), text in at.items() if text.strip()])
    return pages


class _Ink:
    """Whether text as drawn can be seen: a figure made invisible (render mode 3 or 7), white, or a speck of a
    point is not printed, whatever its characters; unread, the figure drawn again finds it missing. Judged when the
    text is shown (pypdf hands text over later, after the state may have changed back)."""

    _SMALLEST = 2.0  # points; the app's smallest text is about 7
    _SHOW = (b"Tj", b"TJ", b"'", b'"')

    def __init__(self) -> None:
        self.mode = 0
        self.white = False
        self.size = 12.0
        self.saved: list[tuple[int, bool, float]] = []
        self.tainted = False  # text shown unseen since pypdf last handed text over

    def see(self, operator: bytes, operands: list[object], cm: list[float], tm: list[float]) -> None:
        if operator in self._SHOW:
            self.tainted = self.tainted or self._unseen(cm, tm)
        elif operator == b"q":
            self.saved.append((self.mode, self.white, self.size))
        elif operator == b"Q" and self.saved:
            self.mode, self.white, self.size = self.saved.pop()
        elif operator == b"Tr" and operands:
            self.mode = int(_number(operands[0]))
        elif operator == b"Tf" and len(operands) > 1:
            self.size = _number(operands[1])
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn"):
            values = [_number(v) for v in operands if not hasattr(v, "name") and not isinstance(v, str | bytes)]
            if operator == b"k" and len(values) == 4:
                self.white = max(values) <= 0.05
            elif len(values) in (1, 3):
                self.white = min(values) >= 0.95
            else:
                self.white = False

    def _unseen(self, cm: list[float], tm: list[float]) -> bool:
        # The text's height on the page: its size through the text and current matrices.
        scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or abs(tm[0] * cm[0] + tm[1] * cm[2])
        return self.mode in (3, 7) or self.white or abs(self.size) * scale < self._SMALLEST

    def hides(self) -> bool:
        """Whether the text pypdf hands over now was (in part) shown unseen; the next starts afresh."""
        tainted, self.tainted = self.tainted, False
        return tainted


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def page_shapes(data: bytes) -> list[tuple[float, float]]:
    """Every page's width and height in points (landscape when wider than tall)."""
    from pypdf import PdfReader

    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(io.BytesIO(data)).pages]


def pages_with_code(pages: list[list[TextRun]], code: str) -> list[int]:
    """Indexes of the pages whose footer prints the verification code `code` (16 hex digits, no spaces). The label
    must come with it: a combined volume's contents page lists every report's code without it, and is no page of
    theirs."""
    found = []
    for index, runs in enumerate(pages):
        text = "".join(run.text for run in runs).replace(" ", "")
        if "รหัสตรวจสอบ" + code in text:
            found.append(index)
    return found


def _row_of(runs: list[TextRun], at: TextRun) -> str:
    """The label of the table row `at` is in: the nearest row label at or above it, to its left."""
    best: TextRun | None = None
    for run in runs:
        if run.x >= at.x or run.y < at.y - 2 or not _ROW_LABEL.match(run.text):
            continue
        if best is None or (run.y - at.y, run.x) < (best.y - at.y, best.x):
            best = run
    if best is None:
        return ""
    label = best.text.strip()
    return label if len(label) <= 60 else label[:57] + "…"


def compare_pages(expected: list[list[TextRun]], found: list[list[TextRun]]) -> list[PrintedChange]:
    """Every figure printed differently from the expected drawing, page by page, named by its row. Runs are paired
    by position, so an edited figure, a figure removed, and one added are all found."""
    changes: list[PrintedChange] = []
    for number, (want, have) in enumerate(zip(expected, found, strict=False), start=1):
        for a, b in _pairs(want, have):
            if a is not None and b is not None and a.text == b.text:
                continue
            probe = a or b
            assert probe is not None
            # Only printed figures are judged: text without digits at the same place is layout, not a figure.
            if not _DIGIT.search((a.text if a else "") + (b.text if b else "")):
                continue
            changes.append(PrintedChange(number, _row_of(want, probe), a.text if a else "", b.text if b else ""))
    return changes


def _pairs(want: list[TextRun], have: list[TextRun]) -> list[tuple[TextRun | None, TextRun | None]]:
    """Runs paired by position: the same place first, then on the same line the nearest (a right-aligned figure
    of another width starts elsewhere), and what is left alone."""
    had = {(r.x, r.y): r for r in have}
    pairs: list[tuple[TextRun | None, TextRun | None]] = []
    lonely: list[TextRun] = []
    for run in want:
        other = had.pop((run.x, run.y), None)
        if other is None:
            lonely.append(run)
        else:
            pairs.append((run, other))
    left = list(had.values())
    for run in lonely:
        near = [r for r in left if abs(r.y - run.y) < 0.5 and abs(r.x - run.x) < 40]
        if near:
            other = min(near, key=lambda r: abs(r.x - run.x))
            left.remove(other)
            pairs.append((run, other))
        else:
            pairs.append((run, None))
    pairs += [(None, r) for r in left]
    return pairs
