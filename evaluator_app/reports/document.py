"""Building a printed paper: A4 with the margins of Thai official documents, fonts and page furniture."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, SimpleDocTemplate

from .fonts import register_fonts
from .furniture import PageFurniture

__all__ = ["build_pdf", "frame_width"]

LEFT, RIGHT, TOP, BOTTOM = 3 * cm, 2 * cm, 2.5 * cm, 2 * cm
FRAME_PADDING = 6  # reportlab's Frame default, on each side


def frame_width(pagesize: tuple[float, float] = A4) -> float:
    """The width flowables get inside the text frame, for sizing tables."""
    return pagesize[0] - LEFT - RIGHT - 2 * FRAME_PADDING


def build_pdf(target: str | Path | BinaryIO, story: Sequence[Flowable], *,
              furniture: PageFurniture | None = None, title: str = "", author: str = "",
              subject: str = "", keywords: str = "", pagesize: tuple[float, float] = A4) -> int:
    """Lay out ``story`` into a PDF at ``target`` (a path or a binary file); returns the page count."""
    register_fonts()
    furniture = furniture if furniture is not None else PageFurniture()
    doc = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=pagesize, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, author=author, subject=subject, keywords=keywords, creator="evaluator-app",
    )
    doc.build(list(story), canvasmaker=furniture.canvasmaker())
    return int(doc.page)
