"""Page furniture drawn on the canvas: header text, footer rule and text, "หน้า ๑ / ๓" page numbers."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from ..domain.thai_dates import Digits, apply_digits
from .fonts import BOLD, REGULAR, body_style, register_fonts
from .shaping import draw_shaped_string, line_width
from .thai_lines import ThaiParagraph, segment_words

__all__ = ["DRAFT_WATERMARK", "HeaderLayout", "PageFurniture", "earlier_layout", "in_earlier_layout"]

DRAFT_WATERMARK = "ฉบับร่าง / DRAFT"
TEXT_TOP = 2.5 * cm  # the text frame's top margin on a paper whose header fits above it (document.py)
HEADER_GAP = 12.0  # between the running header and the page number
HEADER_FLOOR = 9.0  # a header too long for the room above the text shrinks to this size, never smaller
HEADER_STEP = 0.5  # ... in steps of half a point
HEADER_LEADING = 1.3  # line spacing of a header of several lines, times the size
HEADER_DESCENT = 0.35  # how far below its baseline a line of Sarabun reaches (ญ ฐ, vowels below), times the size
HEADER_CLEARANCE = 4.0  # between the header's last line and the top of the text frame
# The widest page number a paper may print, for the room beside it: every page's header then wraps the same way.
_WIDEST_TOTAL = 888

# Papers issued before the header wrapped (it shrank, then was cut with "…") and before a paper's end was kept with
# what precedes it are drawn again that way by `verify`, which compares a file with the paper drawn from its
# snapshot: see earlier_layout().
_EARLIER: ContextVar[bool] = ContextVar("earlier_layout", default=False)


@contextmanager
def earlier_layout() -> Iterator[None]:
    """Within this block papers are laid out as those issued before round four were: the running header on one
    line, shrunk to 9 pt, then cut between words with "…", in the room beside each page's own number; the seal and
    the signatures where they fell, even alone on a page (paper_parts.EndTogether)."""
    token = _EARLIER.set(True)
    try:
        yield
    finally:
        _EARLIER.reset(token)


def in_earlier_layout() -> bool:
    """Whether papers are being laid out as before round four (earlier_layout)."""
    return _EARLIER.get()


@dataclass(frozen=True)
class HeaderLayout:
    """The running header as printed: its lines (broken between words) and their size and spacing."""

    lines: tuple[str, ...]
    size: float

    @property
    def leading(self) -> float:
        return self.size * HEADER_LEADING

    def depth(self, baseline: float) -> float:
        """How far below the page's top edge the header reaches, its first baseline ``baseline`` below it."""
        if not self.lines:
            return 0.0
        return baseline + (len(self.lines) - 1) * self.leading + self.size * HEADER_DESCENT


@lru_cache(maxsize=256)
def _header_lines(header: str, font_name: str, size: float, width: float, beside: float) -> tuple[str, ...]:
    # The paragraph helper breaks Thai between words only, never inside a number or a no-break run. The first line
    # shares its row with the page number (`beside` points of it): the style's first-line indent keeps it clear.
    style = body_style("RunningHeader", fontName=font_name, fontSize=size, leading=size * HEADER_LEADING,
                       firstLineIndent=beside)
    return tuple(line.strip() for line in ThaiParagraph(header, style).lines_for_width(width) if line.strip())
WATERMARK_GREY = 0.82  # light enough to read the figures through, dark enough to survive a photocopy


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries outside the text frame.

    The page number needs the total page count, known only when the story has been laid out, so
    ``canvasmaker()`` returns a canvas that holds each finished page back and draws the furniture on
    all of them at ``save()``.
    """

    header: str = ""
    footer: str = ""  # free text now; later the verification code of the paper
    digits: Digits = "thai"
    page_label: str = "หน้า"
    font_name: str = REGULAR
    font_size: float = 12
    left: float = 3 * cm  # the margins of Thai official papers: 3 cm left, 2 cm right
    right: float = 2 * cm
    header_baseline: float = 1.3 * cm  # from the top edge
    top: float = TEXT_TOP  # the text frame's top margin, which the header's lines stay above (build_pdf)
    footer_baseline: float = 0.9 * cm  # from the bottom edge
    watermark: str = ""  # drawn diagonally across every page, under the text: DRAFT_WATERMARK on drafts

    def draw_watermark(self, canvas: Canvas, _doc: object = None) -> None:
        """The watermark, corner to corner through the page's centre, as large as fits the diagonal.

        A page template's onPage hook: drawn as the page begins, under everything the page will carry.
        """
        if not self.watermark:
            return
        width, height = canvas._pagesize
        diagonal = math.hypot(width, height)
        size = 100.0
        text_width = line_width([(self.watermark, BOLD)], size)
        size = min(size, size * diagonal * 0.6 / text_width)  # six tenths of the diagonal: clear of the corners
        canvas.saveState()
        try:
            canvas.setFillGray(WATERMARK_GREY)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(math.degrees(math.atan2(height, width)))
            draw_shaped_string(canvas, 0, -size * 0.3, self.watermark, BOLD, size, anchor="center")
        finally:
            canvas.restoreState()

    def page_number_text(self, page: int, total: int) -> str:
        """``หน้า ๑ / ๓`` or ``หน้า 1 / 3``."""
        return apply_digits(f"{self.page_label} {page} / {total}", self.digits)

    def number_room(self, total: int = _WIDEST_TOTAL) -> float:
        """What the page number takes of the header's first line: the number of the last of ``total`` pages and
        the gap before it, so that every page's header breaks its lines alike."""
        register_fonts()
        return line_width([(self.page_number_text(total, total), self.font_name)], self.font_size) + HEADER_GAP

    def header_layout(self, page_width: float, top_margin: float | None = None, total: int = _WIDEST_TOTAL
                      ) -> HeaderLayout:
        """The header in full, broken into lines across the text width (the first beside the page number): at its
        size on as many lines as the top margin holds (two); if it needs more, smaller type down to HEADER_FLOOR;
        at the floor, as many lines as it takes (build_pdf then lowers the text frame under them). A signed paper
        names the agency in full on every page: the header is never cut."""
        if not self.header:
            return HeaderLayout((), self.font_size)
        width = page_width - self.left - self.right
        beside = self.number_room(total)
        size = self.font_size
        while True:
            layout = HeaderLayout(_header_lines(self.header, self.font_name, size, width, beside), size)
            fits = top_margin is None or layout.depth(self.header_baseline) + HEADER_CLEARANCE <= top_margin
            if fits or size <= HEADER_FLOOR:
                return layout
            size = max(HEADER_FLOOR, size - HEADER_STEP)

    def top_margin(self, pagesize: tuple[float, float]) -> float:
        """The text frame's top margin on a page of ``pagesize``: ``top``, or more when the header's lines need
        it (only a header too long for the lines the margin holds even at the floor size). Measured beside the
        widest page number, so the room reserved is never less than any page's header takes."""
        if _EARLIER.get():
            return self.top
        layout = self.header_layout(pagesize[0], self.top)
        return max(self.top, layout.depth(self.header_baseline) + HEADER_CLEARANCE)

    def fitted_header(self, room: float) -> tuple[str, float]:
        """The header as papers issued before it wrapped printed it, within ``room`` points: smaller type down to a
        floor, then cut between words with "…". Only `verify` draws it (earlier_layout), to compare such a paper
        with its snapshot."""
        size = self.font_size
        text_width = line_width([(self.header, self.font_name)], size)
        if text_width <= room:
            return self.header, size
        size = max(HEADER_FLOOR, size * room / text_width)
        if line_width([(self.header, self.font_name)], size) <= room:
            return self.header, size
        words = segment_words(self.header)
        while words and line_width([("".join(words).rstrip() + "…", self.font_name)], size) > room:
            words.pop()
        return "".join(words).rstrip() + "…", size

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw header, footer and page number on the current page of ``canvas``."""
        width, height = canvas._pagesize
        size = self.font_size
        canvas.saveState()
        try:
            top = height - self.header_baseline
            number_width = draw_shaped_string(canvas, width - self.right, top, self.page_number_text(page, total),
                                              self.font_name, size, anchor="right")
            if self.header and _EARLIER.get():
                room = width - self.left - self.right - number_width - HEADER_GAP
                header, header_size = self.fitted_header(room)
                draw_shaped_string(canvas, self.left, top, header, self.font_name, header_size)
            elif self.header:
                layout = self.header_layout(width, self.top, max(total, 1))
                for index, line in enumerate(layout.lines):
                    draw_shaped_string(canvas, self.left, top - index * layout.leading, line, self.font_name,
                                       layout.size)
            rule = self.footer_baseline + size * 1.5  # clear of the tone marks above the footer text
            canvas.setLineWidth(0.5)
            canvas.line(self.left, rule, width - self.right, rule)
            if self.footer:
                draw_shaped_string(canvas, self.left, self.footer_baseline, self.footer, self.font_name, size)
        finally:
            canvas.restoreState()

    def canvasmaker(self) -> Callable[..., Canvas]:
        """A Canvas class for ``doc.build(..., canvasmaker=...)`` that draws this furniture."""
        register_fonts()
        furniture = self

        class FurnishedCanvas(Canvas):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._held_pages: list[dict[str, Any]] = []

            def showPage(self) -> None:
                # Keep the finished page's state; it is emitted in save(), once the total is known.
                self._held_pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._held_pages)
                for number, state in enumerate(self._held_pages, start=1):
                    self.__dict__.update(state)
                    furniture.draw(self, number, total)
                    Canvas.showPage(self)
                Canvas.save(self)

        return FurnishedCanvas
