"""Pieces the committee's papers share: table cells and grid, the fiscal-year term, round periods, issue dates."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.thai_dates import THAI_MONTHS, Digits, apply_digits, local_time, thai_date, today
from .fonts import body_style
from .furniture import in_earlier_layout
from .signatures import Signatory
from .table_plan import CELL_LEADING, ROW_PADDING
from .thai_lines import Align, ThaiFigure, ThaiParagraph, is_figure

__all__ = [
    "BANGKOK",
    "HEADER_FILL",
    "EndTogether",
    "FloatingFigure",
    "GridCells",
    "end_together",
    "fiscal_year_term",
    "grid_style",
    "issued_on",
    "round_period",
    "signatories_of",
    "signed_end",
]

BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")  # Thailand keeps no daylight saving time
HEADER_FILL = colors.HexColor("#e8e8e8")
DIMENSION_FILL = colors.HexColor("#f3f3f3")
TOTAL_FILL = colors.HexColor("#eeeeee")

# The month (1-12, C.E. calendar) each reporting round ends in, and its last day: 6 months to 31 March, 9 months
# to 30 June, 12 months to 30 September of the fiscal year.
def fiscal_year_term(fiscal_year_be: int, digits: Digits) -> str:
    """``1 ตุลาคม พ.ศ. 2568 – 30 กันยายน พ.ศ. 2569``: the Thai fiscal year Y runs from 1 October Y−1."""
    return apply_digits(f"1 ตุลาคม พ.ศ. {fiscal_year_be - 1} – 30 กันยายน พ.ศ. {fiscal_year_be}", digits)


def round_period(fiscal_year_be: int, round_: int, digits: Digits) -> str:
    """The period a round of 1-12 months covers, from the start of the fiscal year (รอบ 3 เดือน: 1 October to
    31 December); empty for a round outside 1-12."""
    if not 1 <= round_ <= 12:
        return ""
    month = (9 + round_ - 1) % 12 + 1  # round 1 ends in October, round 12 in September
    year = fiscal_year_be if month <= 9 else fiscal_year_be - 1
    day = calendar.monthrange(year - 543, month)[1]
    return apply_digits(f"1 ตุลาคม พ.ศ. {fiscal_year_be - 1} – {day} {THAI_MONTHS[month - 1]} พ.ศ. {year}", digits)


def issued_on(created_at: str | None, digits: Digits) -> str:
    """A stored UTC time as its date on the display clock (Bangkok), B.E.; today for a paper not stored (a draft)."""
    if created_at is None:
        return thai_date(today(), digits)
    moment = dt.datetime.fromisoformat(created_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return thai_date(local_time(moment).date(), digits)


def signatories_of(content: Sequence[dict[str, Any]]) -> list[Signatory]:
    return [Signatory(s["name"], s.get("position") or "", s.get("role") or "") for s in content]


class GridCells:
    """Table cells in one size: text, bold headers, right-aligned figures; digits as the paper's setting says."""

    def __init__(self, size: float, digits: Digits, name: str = "Cell") -> None:
        self.digits = digits
        self.style: ParagraphStyle = body_style(name, fontSize=size, leading=size * CELL_LEADING)

    def text(self, value: str | None, *, bold: bool = False, align: Align = "left", number: bool = False
             ) -> Flowable:
        shown = "" if value is None else value
        if number:
            shown = apply_digits(shown, self.digits)
        if is_figure(shown):
            # Most cells of a score table: one line, nothing to break or combine, no Paragraph needed.
            return ThaiFigure(shown, self.style, bold=bold, align=align)
        return ThaiParagraph(shown, self.style, bold=bold, align=align)

    def figure(self, value: str | None, *, bold: bool = False, dash: bool = True) -> Flowable:
        """A number, right-aligned; a dash where there is none yet."""
        if value is None or value == "":
            return self.text("–" if dash else "", align="center")
        return self.text(value, bold=bold, align="right", number=True)

    def head(self, value: str) -> Flowable:
        return ThaiParagraph(value, self.style, bold=True, align="center")


def grid_style(header_rows: int) -> list[tuple[Any, ...]]:
    """The ruled grid of an official table with its shaded header rows."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        # The grid line sits right under the last line's descenders: little padding is needed below.
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PADDING - 1),
    ]


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    return TableStyle(commands)


class _Nothing(Flowable):
    """Takes no room and draws nothing: what a FloatingFigure leaves where it stood."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        return None


class FloatingFigure(Flowable):
    """A figure kept whole (a heading and a chart) and the text after it: the figure first when it fits where the
    page ends; otherwise the text first, filling that page, and the figure after it. The figure then never
    leaves the foot of a page empty, as a float of a typeset book does not.

    It is never drawn itself: it tells the frame it is too tall, and its split hands the frame the pieces in the
    order that fits.
    """

    def __init__(self, figure: Sequence[Flowable], text: Sequence[Flowable]) -> None:
        super().__init__()
        self.figure = list(figure)
        self.text = list(text)

    def figure_height(self, width: float) -> float:
        """The figure's height with the space between its parts (the space before the first is the frame's)."""
        height = 0.0
        for index, part in enumerate(self.figure):
            height += part.wrap(width, 1e6)[1] + part.getSpaceAfter()
            if index:
                height += part.getSpaceBefore()
        return height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        space = self.figure[0].getSpaceBefore() if self.figure else 0.0
        figure: list[Flowable] = [KeepTogether(self.figure)]
        if self.figure_height(availWidth) + space <= availHeight or not self.text:
            return [_Nothing(), *figure, *self.text]
        return [_Nothing(), *self.text, *figure]

    def draw(self) -> None:
        return None


class EndTogether(Flowable):
    """The end of a paper (its signatures, its seal) on one page with what comes before it: the last rows of a
    table or the last lines of a paragraph, never alone at the top of a page of its own.

    Like FloatingFigure it is never drawn itself: it tells the frame it is too tall, and its split hands the frame
    the pieces. When everything fits where the page ends, as they stood; when the end does not fit, ``last`` is
    split earlier, so that at least its last ``keep`` rows or lines (a table repeats its header rows) go over
    with the end; when ``last`` cannot be split, all of it goes to the next page with the end.
    """

    def __init__(self, last: Flowable, end: Sequence[Flowable], keep: int = 2) -> None:
        super().__init__()
        self.last = last
        self.end = list(end)
        self.keep = keep
        self._moved = False  # returned nothing once: the frame is moving it to a fresh page

    @classmethod
    def _height(cls, flowable: Flowable, width: float, height: float) -> float:
        content = getattr(flowable, "_content", None)
        if isinstance(flowable, KeepTogether) and content is not None:  # measured by its parts: it needs a canvas
            return sum(cls._height(part, width, 1e6) for part in content)
        return flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()

    def _tail_height(self, width: float) -> float:
        """The height of the last `keep` rows (a table) or lines (a paragraph) of ``last``."""
        rows = getattr(self.last, "_rowHeights", None)
        if rows:
            return float(sum(rows[-self.keep:]))
        leading = getattr(getattr(self.last, "style", None), "leading", None)
        if isinstance(leading, int | float):
            return float(leading) * self.keep
        return self._height(self.last, width, 1e6)  # not splittable by rows or lines: all of it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if in_earlier_layout():  # a paper issued before the end was kept together, drawn again by verify
            return [_Nothing(), self.last, *self.end]
        end = sum(self._height(f, availWidth, 1e6) for f in self.end)
        last = self._height(self.last, availWidth, availHeight)
        if last + end <= availHeight:
            return [_Nothing(), self.last, *self.end]
        if isinstance(self.last, KeepTogether):  # kept whole by its maker: it goes over whole, with the end
            parts: list[Flowable] = []
        elif last > availHeight:  # it breaks on this page anyway: what goes over carries the end with it
            parts = self.last.split(availWidth, availHeight)
        else:  # it fits, the end does not: break it earlier, so that its last rows or lines go over too
            # (half a point over the row or line boundary: the split keeps what ends exactly there)
            height = last - self.last.getSpaceBefore() - self.last.getSpaceAfter() - self._tail_height(availWidth)
            parts = self.last.split(availWidth, height + 0.5) if height > 0 else []
        if len(parts) >= 2:
            return [_Nothing(), *parts[:-1], EndTogether(parts[-1], self.end, self.keep)]
        if not self._moved:  # nothing of it can stay here: all of it to the next page, the end with it
            self._moved = True
            return []
        return [_Nothing(), self.last, *self.end]  # taller than a page even there: as it comes

    def draw(self) -> None:
        return None


# What the end of a paper needs before it on its page to not stand alone: more than a line of a note (a paper's
# revision line is no company for its seal), about two lines of body text or a row of a table or signatures.
MIN_COMPANY = 36.0
_LEAD = 4  # how many flowables before the end may be looked at for that company


class _EndWithCompany(Flowable):
    """The last few flowables of a story and the end: the end takes with it the short ones just before it (a
    revision line, a note) and the last rows or lines of the first substantial one (EndTogether)."""

    def __init__(self, lead: Sequence[Flowable], end: Sequence[Flowable], keep: int) -> None:
        super().__init__()
        self.lead = list(lead)
        self.end = list(end)
        self.keep = keep

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if in_earlier_layout():  # a paper issued before the end was kept together, drawn again by verify
            return [_Nothing(), *self.lead, *self.end]
        heights = [EndTogether._height(f, availWidth, 1e6) for f in self.lead]
        end = sum(EndTogether._height(f, availWidth, 1e6) for f in self.end)
        if sum(heights) + end <= availHeight:
            return [_Nothing(), *self.lead, *self.end]
        pivot, company = len(self.lead) - 1, 0.0
        while pivot > 0 and company + heights[pivot] < MIN_COMPANY:
            company += heights[pivot]
            pivot -= 1
        return [_Nothing(), *self.lead[:pivot],
                EndTogether(self.lead[pivot], [*self.lead[pivot + 1:], *self.end], self.keep)]

    def draw(self) -> None:
        return None


def end_together(story: list[Flowable], end: Sequence[Flowable], keep: int = 2) -> list[Flowable]:
    """``story`` followed by ``end``, the end kept on a page with the last rows or lines of the story's last
    substantial flowable and the short ones after it (see EndTogether, MIN_COMPANY)."""
    if not story or not end:
        return [*story, *end]
    # Only what is laid out in the frame as it comes may be looked at: not a page break, a template switch, a
    # floating figure.
    count = 0
    while (count < min(_LEAD, len(story))
           and isinstance(story[-1 - count], Table | ThaiParagraph | KeepTogether | Spacer)):
        count += 1
    if count <= 1:
        return [*story[:-1], EndTogether(story[-1], end, keep)]
    return [*story[:-count], _EndWithCompany(story[-count:], end, keep)]


def signed_end(story: list[Flowable], signatures: Sequence[Flowable], seal: Sequence[Flowable] = ()
               ) -> list[Flowable]:
    """``story``, then the signature rows, then the seal (or the minutes' audit box): the first row of signatures
    never starts a page without the story's last rows or lines, and the seal never stands alone on the last page,
    whatever the page ends with. The rows between may break across pages, as signature_block lets them."""
    signatures = list(signatures)
    if len(signatures) <= 1:
        return end_together(story, [*signatures, *seal])
    return [*end_together(story, signatures[:1]), *signatures[1:-1], *end_together(signatures[-1:], seal)]
