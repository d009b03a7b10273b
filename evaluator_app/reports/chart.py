"""A small bar chart of dimension subtotals drawn with reportlab's graphics, its Thai labels shaped.

reportlab's graphics `String` goes through the canvas without shaping (tone marks vanish, ที่ prints as ที), so the
bars, the axis and the figures (digits need no shaping) are a reportlab Drawing, and every Thai label is a
ThaiParagraph drawn on the same canvas beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import Flowable

from ..domain.numbers import format4
from ..domain.thai_dates import Digits, apply_digits
from .fonts import REGULAR, body_style
from .shaping import draw_shaped_string
from .thai_lines import ThaiParagraph

__all__ = ["ChartSeries", "DimensionChart"]


@dataclass(frozen=True)
class ChartSeries:
    name: str  # Thai, shaped in the legend
    values: tuple[Decimal, ...]  # one per label
    color: colors.Color


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

    def _chart(self, plot_width: float) -> HorizontalBarChart:
        chart = HorizontalBarChart()
        chart.x, chart.y = 0, 0
        chart.width, chart.height = plot_width, self.plot_height
        # HorizontalBarChart puts the first category at the bottom; reverse so the table's order reads top down.
        chart.data = [[float(v) for v in reversed(s.values)] for s in self.series]
        top = max((float(v) for s in self.series for v in s.values), default=0.0)
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = top * 1.25 if top > 0 else 1
        chart.valueAxis.labels.fontName = REGULAR
        chart.valueAxis.labels.fontSize = 9
        chart.valueAxis.labelTextFormat = lambda v: apply_digits(f"{v:g}", self.digits)
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
        chart.categoryAxis.categoryNames = ["" for _ in self.labels]  # drawn shaped, beside the drawing
        chart.categoryAxis.labels.fontSize = 1
        chart.categoryAxis.visibleTicks = False
        chart.groupSpacing = self.GAP
        chart.barSpacing = 0
        chart.barWidth = self.BAR
        for index, item in enumerate(self.series):
            chart.bars[index].fillColor = item.color
            chart.bars[index].strokeColor = item.color
        chart.barLabelFormat = lambda v: apply_digits(format4(Decimal(str(v))), self.digits)
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = 9
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        return chart

    def draw(self) -> None:
        canvas = self.canv
        plot_x = self.label_width + 8
        plot_width = self.width - plot_x - 40  # room for the last bar's figure
        base_y = self.LEGEND + self.AXIS
        # reportlab checks every attribute a chart's shapes and labels are given against its validators (a quarter
        # of drawing this chart); ours are set by this class alone, and checking them changes nothing drawn. Papers
        # are drawn under one lock (papers.render_paper); another thread's reportlab graphics would at worst go
        # unchecked meanwhile.
        checking, rl_config.shapeChecking = rl_config.shapeChecking, 0
        try:
            drawing = Drawing(plot_width, self.plot_height)
            drawing.add(self._chart(plot_width))
            renderPDF.draw(drawing, canvas, plot_x, base_y)
        finally:
            rl_config.shapeChecking = checking
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

