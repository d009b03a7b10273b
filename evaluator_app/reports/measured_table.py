"""A reportlab Table that measures its cells once: the same rows, splits and pages as reportlab's own.

A report's tables are wrapped several times before they are drawn (the frame, the paper's end kept with the last
rows, the plan's page counts), and reportlab measures every cell and rebuilds its span maps each time. Cells here
are fixed text whose size depends only on the room they are given, so the second measure of a cell at the same
width is the first one; the span maps depend only on the table's shape and SPAN commands. Nothing drawn changes:
drawing still measures each cell at its row's height, as reportlab does.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

__all__ = ["MeasuredTable"]


class _Cells(list[tuple[int, int]]):
    """reportlab's list of spanned cells, asked `cell in cells` for every cell of every row: answered from a set,
    iterated as the list it was built as."""

    def __init__(self, cells: list[tuple[int, int]]) -> None:
        super().__init__(cells)
        self._set = frozenset(cells)

    def __contains__(self, cell: object) -> bool:
        return cell in self._set


def _commands_key(ncols: int, nrows: int, commands: list[Any]) -> tuple[Any, ...]:
    # a copy of the commands' cells (op, start, stop), so that a command changed in place is a different key
    return ncols, nrows, tuple((c[0], tuple(c[1]), tuple(c[2])) for c in commands)


# Every cell its own range, by table shape: the start of every span and no-split map (copied, then changed).
_SINGLE_CELLS: dict[tuple[int, int], dict[tuple[int, int], tuple[int, int, int, int] | None]] = {}


def _ranges(key: tuple[Any, ...]) -> tuple[dict[tuple[int, int], tuple[int, int, int, int] | None],
                                           _Cells, _Cells]:
    """reportlab's `_calcSpanRanges` / `_calcNoSplitRanges`, the same maps and lists in the same order: each
    cell -> the range it starts (itself when in none), None when a range covers it; the cells of ranges across
    columns, and of ranges across rows."""
    ncols, nrows, commands = key
    single = _SINGLE_CELLS.get((ncols, nrows))
    if single is None:
        single = _SINGLE_CELLS[ncols, nrows] = {(x, y): (x, y, x, y) for x in range(ncols) for y in range(nrows)}
    ranges = single.copy()
    across_columns: list[tuple[int, int]] = []
    across_rows: list[tuple[int, int]] = []
    for _, (x0, y0), (x1, y1) in commands:
        if x0 < 0:
            x0 += ncols
        if x1 < 0:
            x1 += ncols
        if y0 < 0:
            y0 += nrows
        if y1 < 0:
            y1 += nrows
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        if x0 == x1 and y0 == y1:
            continue
        cells = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
        if x0 != x1:
            across_columns += cells
        if y0 != y1:
            across_rows += cells
        for cell in cells:
            ranges[cell] = None
        ranges[x0, y0] = (x0, y0, x1, y1)
    return ranges, _Cells(across_columns), _Cells(across_rows)


class MeasuredTable(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A Table whose cells' sizes (at one width) and span maps are worked out once and kept, also by the parts of
    it a page break makes (reportlab builds them with ``self.__class__``, then calls ``onSplit``)."""

    _measured: dict[tuple[int, float, float, float], tuple[Any, float, float]]
    _colSpanCells: list[tuple[int, int]]
    _rowSpanCells: list[tuple[int, int]]

    def _calcSpanRanges(self) -> None:
        key = _commands_key(self._ncols, self._nrows, self._spanCmds)
        if getattr(self, "_span_key", None) == key:
            return  # the maps of the same shape and spans, built by the last wrap; nothing in reportlab alters them
        self._spanRanges, self._colSpanCells, self._rowSpanCells = _ranges(key)
        self._span_key = key

    def _calcNoSplitRanges(self) -> None:
        key = _commands_key(self._ncols, self._nrows, self._nosplitCmds)
        if getattr(self, "_nosplit_key", None) == key:
            return  # as the span maps: built from the shape and the NOSPLIT commands only, never altered
        self._nosplitRanges, self._colNoSplitCells, self._rowNoSplitCells = _ranges(key)
        self._nosplit_key = key

    def _listCellGeom(self, V: Any, w: float, s: Any, W: list[float] | None = None, H: list[float] | None = None,
                      aH: float = 72000) -> tuple[float, float]:
        if W is not None or H is not None or isinstance(V, str) or not V:
            return super()._listCellGeom(V, w, s, W, H, aH)  # drawing: every cell wrapped at its row's height
        measured = self.__dict__.get("_measured")
        if measured is None:
            measured = self._measured = {}
        key = (id(V), w - s.leftPadding - s.rightPadding, aH - s.topPadding - s.bottomPadding,
               s.topPadding + s.bottomPadding)
        found = measured.get(key)
        if found is not None and found[0] is V:  # the cell itself is kept in the entry: its id is not reused
            return found[1], found[2]
        width, height = super()._listCellGeom(V, w, s, W, H, aH)
        measured[key] = (V, width, height)
        return width, height

    def onSplit(self, T: Table, byRow: int = 1) -> None:
        super().onSplit(T, byRow)
        measured = self.__dict__.get("_measured")
        if measured is not None and "_measured" not in T.__dict__:
            T._measured = measured  # the parts hold the same cells
