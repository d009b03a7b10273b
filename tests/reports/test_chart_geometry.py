"""The dimension chart is drawn with plain canvas calls where reportlab's HorizontalBarChart drew it: the same ticks,
bars, grid, axes and figures, for any values (none above 0, negative, tiny, large) and widths. The reference below
is the chart as the app configured it up to round 7; a drawing that moves a bar or a figure fails here."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.axes import XValueAxis
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.utils import nextRoundNumber
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String, UserNode, mmult
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from evaluator_app.domain.numbers import format4
from evaluator_app.domain.thai_dates import Digits, apply_digits
from evaluator_app.reports.chart import (
    GRID_COLOUR,
    ChartSeries,
    DimensionChart,
    next_round_number,
    value_ticks,
)
from evaluator_app.reports.fonts import REGULAR, register_fonts
from evaluator_app.reports.printed import page_runs

COLOURS = (colors.HexColor("#4472c4"), colors.HexColor("#ed7d31"), colors.HexColor("#70ad47"))
LABELS = ("ประสิทธิผล", "การพัฒนาองค์การ", "คุณภาพการให้บริการ", "ประสิทธิภาพ", "มิติที่ห้า", "มิติที่หก", "อื่น ๆ")


def reference(chart: DimensionChart, plot_width: float) -> HorizontalBarChart:
    """The HorizontalBarChart the app drew the dimension chart with (chart.py up to round 7)."""
    bars = HorizontalBarChart()
    bars.x, bars.y = 0, 0
    bars.width, bars.height = plot_width, chart.plot_height
    bars.data = [[float(v) for v in reversed(s.values)] for s in chart.series]
    top = max((float(v) for s in chart.series for v in s.values), default=0.0)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = top * 1.25 if top > 0 else 1
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 9
    bars.valueAxis.labelTextFormat = lambda v: apply_digits(f"{v:g}", chart.digits)
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    bars.categoryAxis.categoryNames = ["" for _ in chart.labels]
    bars.categoryAxis.labels.fontSize = 1
    bars.categoryAxis.visibleTicks = False
    bars.groupSpacing = chart.GAP
    bars.barSpacing = 0
    bars.barWidth = chart.BAR
    for index, item in enumerate(chart.series):
        bars.bars[index].fillColor = item.color
        bars.bars[index].strokeColor = item.color
    bars.barLabelFormat = lambda v: apply_digits(format4(Decimal(str(v))), chart.digits)
    bars.barLabels.fontName = REGULAR
    bars.barLabels.fontSize = 9
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    return bars


Placed = tuple[str, tuple[float, ...], object]


def flatten(node: object, matrix: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> list[Placed]:
    """The shapes a reportlab node draws, each with the (translation) matrix it is drawn under."""
    while isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        matrix = mmult(matrix, node.transform)
        return [shape for child in node.contents for shape in flatten(child, matrix)]
    return [(type(node).__name__, matrix, node)]


def reference_marks(chart: DimensionChart, plot_width: float) -> dict[str, list[tuple[object, ...]]]:
    marks: dict[str, list[tuple[object, ...]]] = {"grid": [], "lines": [], "bars": [], "figures": []}
    bars = reference(chart, plot_width)  # kept: its labels look their settings up in it while they are drawn
    for _, (a, b, c, d, e, f), shape in flatten(bars.draw()):
        assert (a, b, c, d) == (1, 0, 0, 1)  # translations only
        if isinstance(shape, Rect):
            marks["bars"].append((shape.x + e, shape.y + f, shape.width, shape.height, shape.fillColor.hexval(),
                                  shape.strokeColor.hexval(), shape.strokeWidth))
        elif isinstance(shape, Line):
            kind = "grid" if shape.strokeColor == GRID_COLOUR else "lines"
            assert shape.strokeWidth == (0.25 if kind == "grid" else 1)
            marks[kind].append((shape.x1 + e, shape.y1 + f, shape.x2 + e, shape.y2 + f))
        elif isinstance(shape, String):
            if not shape.text:  # the category axis' empty names
                continue
            x = shape.x
            if shape.textAnchor == "middle":
                x -= 0.5 * stringWidth(shape.text, shape.fontName, shape.fontSize)
            elif shape.textAnchor == "end":
                x -= stringWidth(shape.text, shape.fontName, shape.fontSize)
            assert (shape.fontName, shape.fontSize) == (REGULAR, 9)
            marks["figures"].append((x + e, shape.y + f, shape.text))
        else:
            raise AssertionError(f"the reference drew a {type(shape).__name__}")
    return marks


def new_marks(chart: DimensionChart, plot_width: float) -> dict[str, list[tuple[object, ...]]]:
    plot = chart.plot(plot_width)
    h = chart.plot_height
    return {
        "grid": [(x, 0, x, h) for x in plot.ticks],
        "lines": [(0, 0, 0, h), (0, 0, plot_width, 0)] + [(x, 0, x, -5) for x in plot.ticks],
        "bars": [(b.x, b.y, b.width, b.height, chart.series[b.series].color.hexval(),
                  chart.series[b.series].color.hexval(), 1) for b in plot.bars],
        "figures": [(f.x, f.y, f.text) for f in plot.bar_figures + plot.tick_figures],
    }


def same(found: list[tuple[object, ...]], expected: list[tuple[object, ...]]) -> bool:
    """The same marks in any order, positions within a millionth of a point (the sums are grouped differently)."""
    def close(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
        return len(a) == len(b) and all(abs(x - y) < 1e-6 if isinstance(x, float | int) and isinstance(y, float | int)
                                        else x == y for x, y in zip(a, b, strict=True))

    left = list(found)
    for mark in expected:
        match = next((m for m in left if close(m, mark)), None)
        if match is None:
            return False
        left.remove(match)
    return not left


amounts = st.one_of(
    st.decimals(min_value=0, max_value=100, places=4),
    st.decimals(min_value=0, max_value=Decimal("0.01"), places=6),
    st.decimals(min_value=-50, max_value=5000, places=2),
    st.just(Decimal(0)),
)


@st.composite
def charts(draw: st.DrawFn) -> tuple[DimensionChart, float]:
    categories = draw(st.integers(1, len(LABELS)))
    count = draw(st.integers(1, 3))
    zeros = draw(st.booleans())  # top = 0: the axis runs to 1
    names = ("ตนเอง", "คณะกรรมการ", "อื่น")  # no digits: the figures are told from the rest by their digits
    series = [ChartSeries(names[n], tuple(Decimal(0) if zeros else draw(amounts) for _ in range(categories)),
                          COLOURS[n]) for n in range(count)]
    digits: Digits = draw(st.sampled_from(["arabic", "thai"]))
    width = draw(st.floats(min_value=200, max_value=800, allow_nan=False))
    chart = DimensionChart(LABELS[:categories], series, width, digits=digits)
    return chart, width - (chart.label_width + 8) - 40


@settings(max_examples=300)
@given(charts())
def test_the_plot_is_the_bar_charts(example: tuple[DimensionChart, float]) -> None:
    chart, plot_width = example
    found, expected = new_marks(chart, plot_width), reference_marks(chart, plot_width)
    for kind in ("grid", "lines", "bars", "figures"):
        assert same(found[kind], expected[kind]), kind


@settings(max_examples=500)
@given(st.one_of(st.floats(min_value=1e-9, max_value=1e9), st.just(1.0), st.just(0.0),
                 st.floats(min_value=-1e6, max_value=-1e-6)))
def test_round_numbers_are_reportlabs(x: float) -> None:
    assert next_round_number(x) == nextRoundNumber(x)


@settings(max_examples=500)
@given(st.one_of(st.floats(min_value=1e-6, max_value=1e7), st.just(1)),
       st.floats(min_value=20, max_value=1000))
def test_value_ticks_are_the_value_axis(value_max: float, length: float) -> None:
    axis = XValueAxis()
    axis.setPosition(0, 0, length)
    axis.valueMin, axis.valueMax = 0, value_max
    axis.configure([[value_max]])
    assert value_ticks(value_max, length) == axis._tickValues


@pytest.mark.parametrize(("top", "ticks"), [
    (2.75, [0.0, 1.0, 2.0, 3.0]),
    (0.0, [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]),  # nothing above 0: the axis runs to 1
    (4.2, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]),
    (37.5, [0.0, 10.0, 20.0, 30.0, 40.0]),
    (0.0123, [0.0, 0.005, 0.01, 0.015]),
])
def test_ticks_of_a_few_charts(top: float, ticks: list[float]) -> None:
    chart = DimensionChart(["ก", "ข"], [ChartSeries("ชุด", (Decimal(str(top)), Decimal(0)), COLOURS[0])], 560)
    plot_width = 560 - (chart.label_width + 8) - 40
    assert value_ticks(top * 1.25 if top > 0 else 1, plot_width) == ticks
    bars = reference(chart, plot_width)
    bars.draw()
    assert bars.valueAxis._tickValues == ticks


def drawn(chart: DimensionChart, *, old: bool) -> bytes:
    """A page with the chart at (40, 300); `old`: its plot drawn by the reference chart instead."""
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    canvas.translate(40, 300)
    chart.wrap(chart.width, 1000)
    if old:
        plot_x = chart.label_width + 8
        plot_width = chart.width - plot_x - 40
        drawing = Drawing(plot_width, chart.plot_height)
        drawing.add(reference(chart, plot_width))
        renderPDF.draw(drawing, canvas, plot_x, chart.LEGEND + chart.AXIS)
    else:
        chart.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def painted(data: bytes) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The rectangles (with fill and stroke colours) and line segments (with colour and width) a page paints, on
    the page: a small reader of the operators the chart uses, under translations."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    ops = ContentStream(page.get_contents(), None).operations
    state = {"dx": 0.0, "dy": 0.0, "rg": "", "RG": "", "w": "1"}
    saved: list[dict[str, object]] = []
    rects, lines = [], []
    start = (0.0, 0.0)

    def at(x: object, y: object) -> tuple[str, str]:
        return f"{float(x) + state['dx']:.4f}", f"{float(y) + state['dy']:.4f}"  # type: ignore[arg-type]

    for operands, op in ops:
        match op:
            case b"q":
                saved.append(dict(state))
            case b"Q":
                state = saved.pop()  # type: ignore[assignment]
            case b"cm":
                assert [float(v) for v in operands[:4]] == [1, 0, 0, 1]
                state["dx"] += float(operands[4])
                state["dy"] += float(operands[5])
            case b"rg" | b"RG":
                state[op.decode()] = " ".join(f"{float(v):.4f}" for v in operands)
            case b"w":
                state["w"] = f"{float(operands[0]):.2f}"
            case b"re":
                x, y = at(operands[0], operands[1])
                rects.append((x, y, f"{float(operands[2]):.4f}", f"{float(operands[3]):.4f}", state["rg"],
                              state["RG"], state["w"]))
            case b"m":
                start = (float(operands[0]), float(operands[1]))
            case b"l":
                lines.append((*at(*start), *at(operands[0], operands[1]), state["RG"], state["w"]))
    return sorted(rects), sorted(lines)  # type: ignore[arg-type]


@settings(max_examples=40)
@given(charts())
def test_the_page_shows_what_the_bar_chart_showed(example: tuple[DimensionChart, float]) -> None:
    register_fonts()
    chart, _ = example
    new, old = drawn(chart, old=False), drawn(chart, old=True)
    new_rects, new_lines = painted(new)
    old_rects, old_lines = painted(old)
    # The legend's swatches are the chart's own, below the plot (the reference draws only the plot).
    assert [r for r in new_rects if float(r[1]) >= 300 + chart.LEGEND] == old_rects
    assert new_lines == old_lines
    figures = {(r.x, r.y, r.text) for r in page_runs(new)[0] if any(c.isdigit() for c in r.text)}
    assert figures == {(r.x, r.y, r.text) for r in page_runs(old)[0]}
