"""Building a printed paper: A4 with the margins of Thai official documents, fonts and page furniture.

A paper may turn: the story switches to the other orientation with ``NextPageTemplate(LANDSCAPE)`` (or PORTRAIT)
before a page break, for an annex whose table needs the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import register_fonts
from .furniture import TEXT_TOP, PageFurniture

__all__ = ["LANDSCAPE", "PORTRAIT", "build_pdf", "frame_height", "frame_width"]

LEFT, RIGHT, TOP, BOTTOM = 3 * cm, 2 * cm, TEXT_TOP, 2 * cm
FRAME_PADDING = 6  # reportlab's Frame default, on each side
PORTRAIT, LANDSCAPE = "portrait", "landscape"  # page template names


def frame_width(pagesize: tuple[float, float] = A4) -> float:
    """The width flowables get inside the text frame, for sizing tables."""
    return pagesize[0] - LEFT - RIGHT - 2 * FRAME_PADDING


def frame_height(pagesize: tuple[float, float] = A4) -> float:
    """The height flowables get inside the text frame: the tallest thing a page can hold."""
    return pagesize[1] - TOP - BOTTOM - 2 * FRAME_PADDING


def _template(name: str, pagesize: tuple[float, float], furniture: PageFurniture) -> PageTemplate:
    # A running header too long for the top margin (a very long agency name) pushes the text down, never over it.
    top = furniture.top_margin(pagesize)
    frame = Frame(LEFT, BOTTOM, pagesize[0] - LEFT - RIGHT, pagesize[1] - top - BOTTOM, id=f"{name}-frame")
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize, onPage=furniture.draw_watermark)


def build_pdf(target: str | Path | BinaryIO, story: Sequence[Flowable], *,
              furniture: PageFurniture | None = None, title: str = "", author: str = "",
              subject: str = "", keywords: str = "", pagesize: tuple[float, float] = A4) -> int:
    """Lay out ``story`` into a PDF at ``target`` (a path or a binary file); returns the page count.

    The first page has ``pagesize``'s orientation; the story may turn later pages with NextPageTemplate.
    """
    register_fonts()
    furniture = furniture if furniture is not None else PageFurniture()
    first_landscape = pagesize[0] > pagesize[1]
    templates = [_template(PORTRAIT, portrait(A4), furniture), _template(LANDSCAPE, landscape(A4), furniture)]
    if first_landscape:
        templates.reverse()
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=pagesize, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, author=author, subject=subject, keywords=keywords, creator="evaluator-app",
        pageTemplates=templates,
    )
    doc.build(list(story), canvasmaker=furniture.canvasmaker())
    return int(doc.page)
