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
    "CELL_LEADING",
    "NAME_SHARE",
    "ROW_PADDING",
    "FigureColumn",
    "Orientation",
    "TablePlan",
    "TailBlock",
    "count_pages",
    "pagesizes",
    "plan_table",
    "row_too_tall",
    "widest_word",
]

Orientation = Literal["auto", "portrait", "landscape"]
NAME_SHARE = 1 / 3  # the indicator name never gets less than a third of the table
SIZE_STEP = 0.5
READABLE_SIZE = 10.0  # table type smaller than this is used only when it saves pages
# What smaller type and a less preferred arrangement of the columns (criteria stacked) cost, in pages. Together
# they stay under one page: a page saved is always worth the floor's type and stacked criteria (issue 12: up to ten
# indicators on three pages); among layouts of as many pages, the larger type and the first arrangement win.
SMALL_TYPE_COST = 0.3  # per point below READABLE_SIZE: 8 pt costs 0.6
LATER_ARRANGEMENT_COST = 0.35
GRID_SLACK = 1.0  # the grid lines' half widths on either side of a cell
# A table cell's line height per point of type. Sarabun's marks reach 1.07 em above the baseline and 0.23 below:
# 1.4 keeps a stacked tone mark clear of the line above, and a report of ten long indicators on three pages.
CELL_LEADING = 1.4
# Room the page breaker keeps in hand: reportlab's own sums (grid lines, rounding) run a point or two over ours.
PAGE_FUZZ = 3.0
ROW_PADDING = 3.0  # a grid row's top and bottom padding together (paper_parts.grid_style)


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
    rows: Sequence[Sequence[str]] = ()  # stacked: each row's own figures, to count the lines that row takes


@dataclass(frozen=True)
class TailBlock:
    """What a paper prints after its table, as the page breaker sees it: a height, kept whole (``line`` 0) or
    broken between lines of ``line`` points; ``space_before`` is dropped at the top of a page. A ``floats`` block
    (a chart) that does not fit where the page ends lets the next block go first, as the paper does."""

    height: float
    line: float = 0.0
    space_before: float = 0.0
    floats: bool = False


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
    rows: tuple[tuple[float, ...], ...] = ()  # stacked: each row's figure widths


def _measure(column: FigureColumn, cell_size: float, head_size: float) -> _Measured:
    font = font_name(bold=True)  # figures may print bold (totals): measure the wider face
    if column.words:
        figure = max((widest_word(text, cell_size) for text in column.texts if text), default=0.0)
    else:
        figure = max((line_width([(text, font)], cell_size) for text in column.texts if text), default=0.0)
    rows = tuple(tuple(line_width([(text, font)], cell_size) for text in row) for row in column.rows)
    return _Measured(figure, widest_word(column.head, head_size, bold=True), column.stack, rows)


def _stacked_lines(widths: Sequence[float], room: float) -> int:
    """The lines a stacked cell's figures take, filled greedily a space apart as the line breaker fills them."""
    lines, used = 0, 0.0
    for width in widths:
        if lines and used + width * _STACK_GAP <= room:
            used += width * _STACK_GAP
        else:
            lines, used = lines + 1, width
    return max(lines, 1)


def _row_heights(name_widths: Sequence[float], name_column: float, size: float, cell_size: float,
                 measured: Sequence[_Measured], widths: Sequence[float], padding: float,
                 attached: Sequence[int], stacked_lines: int) -> list[float]:
    """Each row's height, estimated: its name's lines (with a tenth for the words that do not fill a line) or its
    stacked figures' lines, whichever is more; with the one-line rows (titles, subtotals) that never part from it."""
    leading = size * CELL_LEADING
    scale = size / cell_size
    inner = max(name_column - 2 * padding, 1.0)
    heights = []
    for index, width in enumerate(name_widths):
        lines = max(1, math.ceil(width * scale * 1.1 / inner))
        for column, column_width in zip(measured, widths, strict=True):
            if column.stack > 1 and not column.rows:
                lines = max(lines, stacked_lines)  # no figures by row: as many lines as the widest figures take
            elif column.stack > 1 and index < len(column.rows):
                room = column_width - 2 * padding - GRID_SLACK
                lines = max(lines, _stacked_lines([w * scale for w in column.rows[index]], room))
        glued = attached[index] if index < len(attached) else 0
        heights.append(lines * leading + ROW_PADDING + glued * (leading + ROW_PADDING))
    return heights


def count_pages(frame: float, above: float, header: float, rows: Sequence[float],
                tail: Sequence[TailBlock]) -> int:
    """The pages a paper takes, broken as reportlab breaks it: ``above`` on page 1, then table rows that never
    split, under the header rows repeated on every page, then the tail blocks."""
    frame -= PAGE_FUZZ
    pages, used = 1, above
    if rows:
        if used + header + rows[0] > frame and used > 0:
            pages, used = pages + 1, 0.0
        used += header
    for row in rows:
        if used + row > frame and used > header:
            pages, used = pages + 1, header
        used += row
    blocks = list(tail)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        space = block.space_before if used > 0 else 0.0
        if block.floats and used > 0 and used + space + block.height > frame and index + 1 < len(blocks):
            # The chart does not fit where the page ends: the text after it fills the page, the chart follows.
            blocks[index], blocks[index + 1] = blocks[index + 1], TailBlock(block.height, block.line,
                                                                            block.space_before)
            continue
        if used + space + block.height <= frame:
            used += space + block.height
        elif block.line > 0:
            height = block.height
            while used + space + height > frame:
                fits = max(0, math.floor((frame - used - space) / block.line))
                height -= fits * block.line
                pages, used, space = pages + 1, 0.0, 0.0
            used += height
        else:
            pages += 1
            used = block.height
            while used > frame:  # taller than a page: reportlab splits it where it can
                pages, used = pages + 1, used - frame
        index += 1
    return pages


def plan_table(arrangements: Sequence[Sequence[FigureColumn]], names: Sequence[str], *, cell_size: float,
               head_size: float, floor: float, padding: float, orientation: Orientation,
               preferred: Orientation = "portrait", fixed_rows: int = 0,
               above: float | Callable[[tuple[float, float]], float] = 0.0,
               below: Callable[[tuple[float, float]], Sequence[TailBlock]] | None = None,
               attached: Sequence[int] = (),
               header_lines: int | Callable[[int, Sequence[float], float], int] = 4) -> TablePlan | None:
    """The layout that prints the table on the fewest pages, in the largest type that does; None if none fits.

    ``arrangements`` are alternative sets of figure columns, the preferred one first (criteria one per column,
    then stacked); ``names`` the texts of the name column, one per row, whose widest word must fit unsplit;
    ``fixed_rows`` the one-line rows besides (titles, subtotals), or ``attached`` how many of them never part from
    each name row (a title from the row after it, a subtotal from the row before); ``above`` what the first page
    holds before the table and ``below`` what the paper prints after it, on a page of that size: the paper's
    length, broken into pages as reportlab breaks it, is what counts. Ties go to the first arrangement and the
    preferred page. ``header_lines``: the lines of the header rows together, in the heads' type; or a function of
    the arrangement, the figure columns' widths and the heads' size that counts them (a group's title wraps over
    narrow columns).
    """
    register_fonts()
    pages = pagesizes(orientation, preferred)
    loose = max(0, fixed_rows - sum(attached))  # one-line rows attached to no row: counted at the table's end
    # What prints above and below the table, measured when a page size first needs it: a layout whose pages,
    # counted without them, already lose to the best so far cannot win with them (they only add pages), and
    # measuring a report's head and tail at a page size is a tenth of drawing the report.
    tails: dict[tuple[float, float], list[TailBlock]] = {}
    heads: dict[tuple[float, float], float] = {}
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
                    rows = _row_heights(name_widths, name_width, size, cell_size, measured, widths, padding,
                                        attached, stacked_lines)
                    leading = size * CELL_LEADING
                    rows += [leading + ROW_PADDING] * loose
                    lines = header_lines(index, widths, head_size * scale) if callable(header_lines) \
                        else header_lines
                    header = lines * head_size * scale * CELL_LEADING + 2 * ROW_PADDING
                    height = header + sum(rows)
                    # Type below READABLE_SIZE has to earn its place: each point smaller costs half a page.
                    # So does every arrangement after the first (criteria stacked in one cell read less easily).
                    small, later = max(0.0, READABLE_SIZE - size) * SMALL_TYPE_COST, index * LATER_ARRANGEMENT_COST
                    if best is not None and page not in tails:
                        fewest = count_pages(frame_height(page), 0.0, header, rows, [])
                        if (fewest + small + later, -size, index, order, height) > best[0]:
                            continue
                    if page not in tails:
                        tails[page] = list(below(page)) if below is not None else []
                        heads[page] = above(page) if callable(above) else above
                    count = count_pages(frame_height(page), heads[page], header, rows, tails[page])
                    plan = TablePlan(page, size, head_size * scale, (name_width, *widths), index, count)
                    cost = count + small + later
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
