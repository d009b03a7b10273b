"""Page furniture drawn on the canvas: header text, footer rule and text, "หน้า ๑ / ๓" page numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from ..domain.thai_dates import Digits, apply_digits
from .fonts import REGULAR, register_fonts
from .shaping import draw_shaped_string

__all__ = ["PageFurniture"]


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

    def page_number_text(self, page: int, total: int) -> str:
        """``หน้า ๑ / ๓`` or ``หน้า 1 / 3``."""
        return apply_digits(f"{self.page_label} {page} / {total}", self.digits)

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw header, footer and page number on the current page of ``canvas``."""
        width, height = canvas._pagesize
        size = self.font_size
        canvas.saveState()
        try:
            top = height - self.header_baseline
            if self.header:
                draw_shaped_string(canvas, self.left, top, self.header, self.font_name, size)
            draw_shaped_string(canvas, width - self.right, top, self.page_number_text(page, total),
                               self.font_name, size, anchor="right")
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
