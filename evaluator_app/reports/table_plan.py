"""Sizing a paper's table from its content: column widths, font size and page orientation.

A committee's table has one column of indicator names, which wraps between words, and columns of figures, which
never break.  Each figure column is as wide as its widest figure or header word; the name column takes the rest and
at least a third of the table.  When that does not fit, the font of the whole table shrinks a half point at a time
down to a floor, portrait tried before landscape at each size (unless the orientation is fixed); the caller may then
offer a narrower arrangement (criteria stacked in one column).  What still does not fit is a domain error that names
the row, never a negative width handed to reportlab.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
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
READABLE_SIZE = 10.0  # table type smaller than this is used only when it saves pages
SMALL_TYPE_COST = 0.5  # pages a point of type below READABLE_SIZE must save
LATER_ARRANGEMENT_COST = 1.0  # pages a less preferred arrangement of the columns must save
GRID_SLACK = 1.0  # the grid lines' half widths on either side of a cell


@dataclass(frozen=True)
class FigureColumn:
    """A column of figures: every text it prints (in the paper's digits) and its header, whose words do not split.

    ``stack`` > 1: each cell holds that many figures (an indicator's criteria), which wrap between figures; the
    column may then be one to ``stack`` figures wide.
    """

    texts: Sequence[str]
    head: str = ""
    words: bool = False  # the texts wrap between words (a unit, a target in words): only the widest word counts
    stack: int = 1


@dataclass(frozen=True)
class TablePlan:
    """Where and how big the table prints: the page, the font size of its cells and heads, each column's width."""

    pagesize: tuple[float, float]
    size: float
    head_size: float
    widths: tuple[float, ...]  # the name column first
    arrangement: int  # which of the arrangements offered was used (0: the first)
    pages: int = 1  # the table's estimated length in pages

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


@dataclass(frozen=True)
class _Measured:
    """A column measured once at the cell size (widths scale with the type): its widest figure and header word."""

    figure: float
    head: float
    stack: int


def _measure(column: FigureColumn, cell_size: float, head_size: float) -> _Measured:
    font = font_name(bold=True)  # figures may print bold (totals): measure the wider face
    if column.words:
        figure = max((widest_word(text, cell_size) for text in column.texts if text), default=0.0)
    else:
        figure = max((line_width([(text, font)], cell_size) for text in column.texts if text), default=0.0)
    return _Measured(figure, widest_word(column.head, head_size, bold=True), column.stack)


def _estimated_height(name_widths: Sequence[float], name_column: float, size: float, cell_size: float,
                      stacked_lines: int, padding: float, fixed_rows: int) -> float:
    """The table's height, estimated: each name's lines (with a tenth for the words that do not fill a line)."""
    leading = size * 1.5
    inner = max(name_column - 2 * padding, 1.0)
    rows = 0.0
    for width in name_widths:
        lines = max(1, math.ceil(width * size / cell_size * 1.1 / inner))
        rows += max(lines, stacked_lines) * leading + 4
    return rows + fixed_rows * (leading + 4) + 2 * (2 * leading + 4)


def plan_table(arrangements: Sequence[Sequence[FigureColumn]], names: Sequence[str], *, cell_size: float,
               head_size: float, floor: float, padding: float, orientation: Orientation,
               preferred: Orientation = "portrait", fixed_rows: int = 0, above: float = 0.0,
               below: Callable[[tuple[float, float]], float] | None = None) -> TablePlan | None:
    """The layout that prints the table on the fewest pages, in the largest type that does; None if none fits.

    ``arrangements`` are alternative sets of figure columns, the preferred one first (criteria one per column,
    then stacked); ``names`` the texts of the name column, one per row, whose widest word must fit unsplit;
    ``fixed_rows`` the one-line rows besides (titles, subtotals); ``above`` what the first page holds before the
    table, ``below`` what the paper prints after it on a page of that size: the paper's length is what counts.
    Ties go to the first arrangement and the preferred page.
    """
    register_fonts()
    pages = pagesizes(orientation, preferred)
    name_font = font_name(bold=True)
    name_widths = [line_width([(name, name_font)], cell_size) for name in names]
    longest_name = max((widest_word(name, cell_size, bold=True) for name in names), default=0.0)
    best: tuple[tuple[float, ...], TablePlan] | None = None
    for index, columns in enumerate(arrangements):
        measured = [_measure(column, cell_size, head_size) for column in columns]
        size = cell_size
        while size >= floor - 1e-9:
            scale = size / cell_size
            for per_line in _stack_options(measured):
                widths = [max(_figures_width(m, per_line) * scale, m.head * scale) + 2 * padding + GRID_SLACK
                          for m in measured]
                stacked_lines = max((math.ceil(m.stack / per_line) for m in measured if m.stack > 1), default=1)
                for order, page in enumerate(pages):
                    total = frame_width(page)
                    name_width = total - sum(widths)
                    if name_width < max(total * NAME_SHARE, longest_name * scale + 2 * padding + GRID_SLACK):
                        continue
                    height = _estimated_height(name_widths, name_width, size, cell_size, stacked_lines, padding,
                                               fixed_rows)
                    after = below(page) if below is not None else 0.0
                    count = math.ceil((above + (height + after) * 1.1) / frame_height(page))
                    plan = TablePlan(page, size, head_size * scale, (name_width, *widths), index, count)
                    # Type below READABLE_SIZE has to earn its place: each point smaller costs half a page.
                    # So does every arrangement after the first (criteria stacked in one cell read less easily).
                    cost = count + max(0.0, READABLE_SIZE - size) * SMALL_TYPE_COST + index * LATER_ARRANGEMENT_COST
                    key = (cost, -size, index, order, height)
                    if best is None or key < best[0]:
                        best = (key, plan)
            size -= SIZE_STEP
    return None if best is None else best[1]


_STACK_GAP = 1.08  # figures sharing a line of a stacked cell are a space apart


def _figures_width(measured: _Measured, per_line: int) -> float:
    if measured.stack == 1:
        return measured.figure
    return measured.figure * per_line * _STACK_GAP


def _stack_options(measured: Sequence[_Measured]) -> list[int]:
    stacks = [m.stack for m in measured if m.stack > 1]
    return list(range(1, max(stacks) + 1)) if stacks else [1]


def row_too_tall(height: float, pagesize: tuple[float, float], header_height: float) -> bool:
    """Whether a table row of ``height`` cannot fit on a page below the repeated header rows."""
    return height > frame_height(pagesize) - header_height


def cannot_fit(row: str, why_th: str, why_en: str) -> ProblemsError:
    """The refusal for a table that cannot be laid out, naming the row (an indicator code, or a label)."""
    return ProblemsError([Problem(th=f"จัดหน้ารายงานไม่ได้: {why_th}", en=f"the paper cannot be laid out: {why_en}",
                                  indicator=row or None)])
