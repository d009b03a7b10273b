"""Sizing a paper's table from its content: column widths, font size and page orientation.

A committee's table has one column of indicator names, which wraps between words, and columns of figures, which
never break.  Each figure column is as wide as its widest figure or header word; the name column takes the rest and
at least a third of the table.  When that does not fit, the font of the whole table shrinks a half point at a time
down to a floor, portrait tried before landscape at each size (unless the orientation is fixed); the caller may then
offer a narrower arrangement (criteria stacked in one column).  What still does not fit is a domain error that names
the row, never a negative width handed to reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A4, landscape, portrait

from ..domain.problems import Problem, ProblemsError
from .document import frame_height, frame_width
from .fonts import font_name, register_fonts
from .shaping import line_width
from .thai_lines import segment_words

__all__ = [
    "NAME_SHARE",
    "FigureColumn",
    "Orientation",
    "TablePlan",
    "pagesizes",
    "plan_table",
    "row_too_tall",
    "widest_word",
]

Orientation = Literal["auto", "portrait", "landscape"]
NAME_SHARE = 1 / 3  # the indicator name never gets less than a third of the table
SIZE_STEP = 0.5
GRID_SLACK = 1.0  # the grid lines' half widths on either side of a cell


@dataclass(frozen=True)
class FigureColumn:
    """A column of figures: every text it prints (in the paper's digits) and its header, whose words do not split."""

    texts: Sequence[str]
    head: str = ""


@dataclass(frozen=True)
class TablePlan:
    """Where and how big the table prints: the page, the font size of its cells and heads, each column's width."""

    pagesize: tuple[float, float]
    size: float
    head_size: float
    widths: tuple[float, ...]  # the name column first
    arrangement: int  # which of the arrangements offered was used (0: the first)

    @property
    def orientation(self) -> Orientation:
        return "landscape" if self.pagesize[0] > self.pagesize[1] else "portrait"


def pagesizes(orientation: Orientation, preferred: Orientation = "portrait") -> list[tuple[float, float]]:
    """The A4 page sizes to try, in order: the one asked for, or both with the preferred one first."""
    if orientation == "portrait":
        return [portrait(A4)]
    if orientation == "landscape":
        return [landscape(A4)]
    both = [portrait(A4), landscape(A4)]
    return both if preferred == "portrait" else both[::-1]


def widest_word(text: str, size: float, bold: bool = False) -> float:
    """The widest word of ``text`` (words as the line breaker cuts them): the least width it prints in unsplit."""
    font = font_name(bold=bold)
    widest = 0.0
    for line in text.split("\n"):
        for word in segment_words(line):
            if word.strip():
                widest = max(widest, line_width([(word, font)], size))
    return widest


def _column_width(column: FigureColumn, size: float, head_size: float, padding: float) -> float:
    font = font_name(bold=True)  # figures may print bold (totals): measure the wider face
    figures = max((line_width([(text, font)], size) for text in column.texts if text), default=0.0)
    return max(figures, widest_word(column.head, head_size, bold=True)) + 2 * padding + GRID_SLACK


def plan_table(arrangements: Sequence[Sequence[FigureColumn]], names: Sequence[str], *, cell_size: float,
               head_size: float, floor: float, padding: float, orientation: Orientation,
               preferred: Orientation = "portrait") -> TablePlan | None:
    """The first arrangement, size and page (largest size first) where every column fits; None if none does.

    ``arrangements`` are alternative sets of figure columns, the preferred one first (criteria one per column,
    then stacked); ``names`` the texts of the name column, whose widest word must fit unsplit.
    """
    register_fonts()
    pages = pagesizes(orientation, preferred)
    for index, columns in enumerate(arrangements):
        size = cell_size
        while size >= floor - 1e-9:
            heads = head_size * size / cell_size
            widths = [_column_width(column, size, heads, padding) for column in columns]
            longest_name = max((widest_word(name, size, bold=True) for name in names), default=0.0)
            for page in pages:
                total = frame_width(page)
                name_width = total - sum(widths)
                if name_width >= max(total * NAME_SHARE, longest_name + 2 * padding + GRID_SLACK):
                    return TablePlan(page, size, heads, (name_width, *widths), index)
            size -= SIZE_STEP
    return None


def row_too_tall(height: float, pagesize: tuple[float, float], header_height: float) -> bool:
    """Whether a table row of ``height`` cannot fit on a page below the repeated header rows."""
    return height > frame_height(pagesize) - header_height


def cannot_fit(row: str, why_th: str, why_en: str) -> ProblemsError:
    """The refusal for a table that cannot be laid out, naming the row (an indicator code, or a label)."""
    return ProblemsError([Problem(th=f"จัดหน้ารายงานไม่ได้: {why_th}", en=f"the paper cannot be laid out: {why_en}",
                                  indicator=row or None)])
