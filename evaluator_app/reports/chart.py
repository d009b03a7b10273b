"""A small bar chart of dimension subtotals drawn with plain canvas calls, its Thai labels shaped.

The chart used to be a reportlab HorizontalBarChart in a Drawing: about 7 ms of a report's 80 (widgets, attribute
checks, node dispatch) for a dozen rectangles and a few figures. `bar_plot` works out the same places with the same
arithmetic (tests/reports/test_chart_geometry.py holds it to HorizontalBarChart's), and `DimensionChart.draw` draws
them with rects, lines and plain strings (digits need no shaping). Every Thai label is a ThaiParagraph or a shaped
string, as reportlab's graphics strings go through the canvas without shaping (tone marks vanish).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from math import log10
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..domain.numbers import format4
from ..domain.thai_dates import Digits, apply_digits
from .fonts import REGULAR, body_style
from .shaping import draw_shaped_string
from .thai_lines import ThaiParagraph

__all__ = ["BarPlot", "ChartSeries", "DimensionChart", "bar_plot", "next_round_number", "value_ticks"]

GRID_COLOUR = colors.HexColor("#dddddd")
FIGURE_SIZE = 9  # the value axis' figures and each bar's
TICK_LENGTH = 5  # below the value axis; its figures start 5 points further down
FIGURE_GAP = 3  # between a bar's end and its figure

# Where reportlab's Label puts a one-line text's baseline in its box: a leading of 1.2 times the size, the baseline
# leading / 1.2 under the box's top. A figure beside a bar is centred on it ("w"), a tick's hangs from it ("n").
_LEADING = FIGURE_SIZE * 1.2
_BASELINE = _LEADING * (1 / 1.2)
_BESIDE_DROP = 0.5 * _LEADING - _BASELINE  # -3.6
_UNDER_DROP = 0 - _BASELINE  # -9


@dataclass(frozen=True)
class ChartSeries:
    name: str  # Thai, shaped in the legend
    values: tuple[Decimal, ...]  # one per label
    color: colors.Color


class Bar(NamedTuple):
    series: int  # index into the chart's series
    x: float
    y: float
    width: float  # along the value axis, negative to the left
    height: float


class Figure(NamedTuple):
    x: float  # where the text starts
    y: float  # its baseline
    text: str


class BarPlot(NamedTuple):
    """The plot's marks in its own coordinates (origin where the axes cross): the value axis' ticks (position and
    figure), the bars and the figures beside them."""

    ticks: tuple[float, ...]
    tick_figures: tuple[Figure, ...]
    bars: tuple[Bar, ...]
    bar_figures: tuple[Figure, ...]


def next_round_number(x: float) -> float:
    """The first of 1, 2, 5 times a power of ten at or above x: reportlab's charts.utils.nextRoundNumber."""
    if x in (0, 1):
        return x
    if x < 0:
        return -1.0 * next_round_number(-x)
    lg = int(log10(x))
    if lg == 0:
        base = 0.1 if x < 1 else 1.0
    elif lg < 0:
        base = 10.0 ** (lg - 1)
    else:
        base = 10.0**lg
    if base >= x:
        return base * 1.0
    if base * 2 >= x:
        return base * 2.0
    if base * 5 >= x:
        return base * 5.0
    return base * 10.0


def value_ticks(value_max: float, length: float) -> list[float]:
    """The ticks of a value axis from 0 to `value_max`, `length` points long, as reportlab's ValueAxis chooses them
    (no more than 7, at least 10 points apart, a round step; the step times 0, 1, 2 ... up to the axis' end)."""
    value_min = 0
    raw_interval = (value_max - value_min) / min(float(7 - 1), float(length) / 10)
    step = next_round_number(raw_interval)
    fuzz = 1e-8 * step
    first = int(float(value_min) / step)
    if first * step < value_min - fuzz:
        first += 1
    last = int(float(value_max) / step)
    if last * step > value_max + fuzz:
        last -= 1
    return [i * step for i in range(first, last + 1)]


def bar_plot(values: Sequence[Sequence[float]], plot_width: float, plot_height: float, bar: float, gap: float,
             tick_text: Callable[[float], str], bar_text: Callable[[float], str]) -> BarPlot:
    """Where a HorizontalBarChart of `values` (one row per series, one column per category, the first category at
    the bottom) puts its marks, with its arithmetic: bars `bar` thick, side by side in groups `gap` apart, the value
    axis from 0 to 1.25 times the largest value (1 when none is above 0).

    The sums are written as reportlab's axes and bar chart write them (its zero paddings and minima included), so
    each place is the same float: `verify` pairs a paper's figures with the figures drawn again by their position,
    and papers drawn by the HorizontalBarChart must still pair with these.
    """
    categories = max(len(row) for row in values)
    top = max((v for row in values for v in row), default=0.0)
    value_max = top * 1.25 if top > 0 else 1
    length = float(plot_width)
    ticks = value_ticks(value_max, length)
    scale = length / float(value_max - 0)
    base = 0.0 + scale * (0 - 0)

    def at(value: float) -> float:
        return 0.0 + scale * (value - 0)

    band = (float(plot_height) - 0 - 0) / float(categories or 1)
    factor = band / (gap + len(values) * bar + (len(values) - 1) * 0)
    thickness = bar * factor
    offset = 0.5 * gap * factor
    step = bar * factor + 0 * factor
    bars: list[Bar] = []
    figures: list[Figure] = []
    for series, row in enumerate(values):
        for category, value in enumerate(row):
            y = (0.0 + category * band) + (offset + series * step)
            width = at(value) - base
            if -1e-8 < width <= 1e-8:
                width = -1e-8 if value < -1e-8 else 1e-8
            if abs(width) > 1e-7 and abs(thickness) >= 1e-7:  # no sliver of a bar at 0; its figure prints
                bars.append(Bar(series, base, y, width, thickness))
            text = bar_text(value)
            end = base + width + 0
            middle = y + 0.5 * thickness + _BESIDE_DROP
            if width >= 0:
                figures.append(Figure(end + 0 + FIGURE_GAP, middle, text))
            else:  # reportlab turns the figure of a bar going left around: it ends 3 points short of the bar's end
                figures.append(Figure(end - 2 * FIGURE_GAP + FIGURE_GAP - stringWidth(text, REGULAR, FIGURE_SIZE),
                                      middle, text))
    tick_figures = []
    for tick in ticks:
        text = tick_text(tick)
        tick_figures.append(Figure(at(tick) - 0.5 * stringWidth(text, REGULAR, FIGURE_SIZE),
                                   0 - TICK_LENGTH + _UNDER_DROP, text))
    return BarPlot(tuple(at(t) for t in ticks), tuple(tick_figures), tuple(bars), tuple(figures))


class DimensionChart(Flowable):
    """Horizontal bars, one group per dimension, first dimension at the top; a shaped legend underneath."""

    BAR = 11.0  # points per bar
    GAP = 8.0  # between groups
    FONT_SIZE = 11
    LEGEND = 20.0
    AXIS = 16.0

    def __init__(self, labels: Sequence[str], series: Sequence[ChartSeries], width: float, *,
                 digits: Digits = "arabic", label_width: float | None = None) -> None:
        super().__init__()
        if not labels or not series:
            raise ValueError("a chart needs labels and at least one series")
        self.labels = list(labels)
        self.series = list(series)
        self.digits = digits
        self.width = width
        self.label_width = label_width if label_width is not None else min(width * 0.32, 220.0)
        self.plot_height = len(self.labels) * (len(self.series) * self.BAR + self.GAP)
        self.height = self.plot_height + self.AXIS + self.LEGEND
        self._style = body_style("ChartLabel", fontSize=self.FONT_SIZE, leading=self.FONT_SIZE * 1.4)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def plot(self, plot_width: float) -> BarPlot:
        """The bars, ticks and figures of a plot `plot_width` wide, the first dimension at the top."""
        return bar_plot([[float(v) for v in reversed(s.values)] for s in self.series], plot_width, self.plot_height,
                        self.BAR, self.GAP, lambda v: apply_digits(f"{v:g}", self.digits),
                        lambda v: apply_digits(format4(Decimal(str(v))), self.digits))

    def draw(self) -> None:
        canvas = self.canv
        plot_x = self.label_width + 8
        plot_width = self.width - plot_x - 40  # room for the last bar's figure
        base_y = self.LEGEND + self.AXIS
        plot = self.plot(plot_width)
        canvas.saveState()
        canvas.translate(plot_x, base_y)
        canvas.setLineCap(0)
        canvas.setLineJoin(0)
        canvas.setDash()
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.25)
        canvas.lines([(x, 0, x, self.plot_height) for x in plot.ticks])
        canvas.setLineWidth(1)
        series = -1
        for bar in plot.bars:  # outlined in their own colour, as the chart drew them
            if bar.series != series:
                series = bar.series
                canvas.setFillColor(self.series[series].color)
                canvas.setStrokeColor(self.series[series].color)
            canvas.rect(bar.x, bar.y, bar.width, bar.height, stroke=1, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(REGULAR, FIGURE_SIZE)
        for figure in plot.bar_figures:
            canvas.drawString(figure.x, figure.y, figure.text)
        canvas.setStrokeColor(colors.black)
        canvas.lines([(0, 0, 0, self.plot_height), (0, 0, plot_width, 0)]
                     + [(x, 0, x, -TICK_LENGTH) for x in plot.ticks])
        for figure in plot.tick_figures:
            canvas.drawString(figure.x, figure.y, figure.text)
        canvas.restoreState()
        group = len(self.series) * self.BAR + self.GAP
        for index, label in enumerate(self.labels):
            centre = base_y + self.plot_height - (index + 0.5) * group
            paragraph = ThaiParagraph(label, self._style, align="right")
            _, height = paragraph.wrap(self.label_width, group * 2)
            paragraph.drawOn(canvas, 0, centre - height / 2 + 2)
        x = plot_x
        for item in self.series:
            canvas.setFillColor(item.color)
            canvas.rect(x, 4, 10, 10, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            x += 14 + draw_shaped_string(canvas, x + 14, 5, item.name, REGULAR, self.FONT_SIZE) + 24
