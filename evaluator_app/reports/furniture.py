"""Page furniture drawn on the canvas: header text, footer rule and text, "หน้า ๑ / ๓" page numbers."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from ..domain.thai_dates import Digits, apply_digits
from .fonts import BOLD, REGULAR, register_fonts
from .shaping import draw_shaped_string, line_width
from .thai_lines import segment_words

__all__ = ["DRAFT_WATERMARK", "PageFurniture"]

DRAFT_WATERMARK = "ฉบับร่าง / DRAFT"
HEADER_GAP = 12.0  # between the running header and the page number
HEADER_FLOOR = 9.0  # a long header shrinks to this size, then is cut between words
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

    def fitted_header(self, room: float) -> tuple[str, float]:
        """The header and its size within ``room`` points: smaller type down to a floor, then cut between words."""
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
            if self.header:
                room = width - self.left - self.right - number_width - HEADER_GAP
                header, header_size = self.fitted_header(room)
                draw_shaped_string(canvas, self.left, top, header, self.font_name, header_size)
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
