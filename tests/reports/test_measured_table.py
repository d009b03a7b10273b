"""The evaluation report's tables measured once (reports.measured_table) print the pages reportlab's Table prints.

MeasuredTable keeps each cell's size at a width and its span and no-split maps between wraps, and builds those maps
its own way: the maps must be reportlab's, the splits the same, and the pages of awkward agreements (banded
criteria, millions, the longest Thai names, a table over four pages) the same text, pixels and content streams.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Table

from evaluator_app.reports import evaluation_report
from evaluator_app.reports.measured_table import MeasuredTable
from evaluator_app.reports.papers import preview_evaluation
from evaluator_app.reports.thai_lines import ThaiParagraph
from evaluator_app.store.workspace import Workspace

from .builders import awkward_pages_workspace
from .helpers import require_tool
from .page_equality import differences

_cell = st.tuples(st.integers(-6, 5), st.integers(-8, 7))


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 6), st.integers(1, 8),
       st.lists(st.tuples(st.sampled_from(["SPAN", "NOSPLIT"]), _cell, _cell), max_size=8))
def test_the_span_and_no_split_maps_are_reportlabs(ncols: int, nrows: int, commands) -> None:
    def clamp(cell: tuple[int, int]) -> tuple[int, int]:  # within the table, negative counted from its end
        x, y = cell
        return (max(-ncols, min(x, ncols - 1)), max(-nrows, min(y, nrows - 1)))

    style = [(op, clamp(a), clamp(b)) for op, a, b in commands]
    data = [[""] * ncols for _ in range(nrows)]
    ours, theirs = MeasuredTable(data, style=style), Table(data, style=style)
    for table in (ours, theirs):
        type(table)._calcSpanRanges(table)
        type(table)._calcNoSplitRanges(table)
    for name in ("_spanRanges", "_nosplitRanges"):
        assert list(getattr(ours, name).items()) == list(getattr(theirs, name).items())
    for name in ("_colSpanCells", "_rowSpanCells", "_colNoSplitCells", "_rowNoSplitCells"):
        assert list(getattr(ours, name)) == list(getattr(theirs, name))
        assert all(cell in getattr(ours, name) for cell in getattr(theirs, name))
    assert (5, 99) not in ours._rowSpanCells


def test_a_table_split_at_every_height_splits_as_reportlabs() -> None:
    def build(kind: type[Table]) -> Table:
        rows = [[ThaiParagraph("ตัวชี้วัด"), ThaiParagraph("น้ำหนัก")], ["", ""]]
        rows += [[ThaiParagraph(f"{n} ร้อยละของการเบิกจ่ายงบประมาณ " * (1 + n % 3)), ThaiParagraph(str(n))]
                 for n in range(1, 25)]
        style = [("SPAN", (0, 0), (0, 1)), ("NOSPLIT", (0, 4), (1, 5)), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
        return kind(rows, colWidths=[200, 60], repeatRows=2, splitInRow=0, style=style)

    for height in range(40, 900, 7):
        ours, theirs = build(MeasuredTable), build(Table)
        for _ in range(2):  # wrapped twice: the second measure is the kept one
            assert ours.wrap(260, height) == theirs.wrap(260, height)
        parts, expected = ours.split(260, height), theirs.split(260, height)
        assert [p._rowHeights for p in parts] == [p._rowHeights for p in expected]
        assert [p.wrap(260, 900) for p in parts] == [p.wrap(260, 900) for p in expected]


def _streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("measured") / "measured.sqlite"
    return path, awkward_pages_workspace(path)


def test_the_measured_tables_print_reportlabs_pages(agreements, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tool("pdftoppm")
    path, ids = agreements
    with Workspace.open(path) as workspace:
        ours = {i: preview_evaluation(workspace, i, digits="thai") for i in ids}
        with monkeypatch.context() as patched:
            patched.setattr(evaluation_report, "MeasuredTable", Table)
            theirs = {i: preview_evaluation(workspace, i, digits="thai") for i in ids}
    assert {i: differences(theirs[i], ours[i]) for i in ids} == {i: [] for i in ids}
    assert {i: _streams(ours[i]) == _streams(theirs[i]) for i in ids} == {i: True for i in ids}
    assert max(len(_streams(ours[i])) for i in ids) >= 3  # a table split over pages is among them
