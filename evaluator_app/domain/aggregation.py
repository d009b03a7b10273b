"""The panel's figures (§6): each member's score per indicator and round, mean, median, min, max and spread, the
panel figure by the cycle's rule, and the panel total through the same scoring engine as every other total."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .agreement import Agreement
from .framework import Framework
from .numbers import format4
from .panel import PANEL_EVALUATOR, AggregationRule, Panel
from .rating import Rating
from .scoring import ScoreSheet, SheetPlan

__all__ = ["PANEL_EVALUATOR", "ConsensusValue", "IndicatorAggregate", "PanelResult", "Spread", "aggregate_panel",
           "sorted_by_spread", "summarise"]


@dataclass(frozen=True)
class ConsensusValue:
    """A score the chair entered for one indicator and round after the meeting agreed on it."""

    code: str
    score: Decimal
    reason: str
    by: str = ""

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("a consensus value needs a reason / ค่ามติที่ประชุมต้องระบุเหตุผล")


@dataclass(frozen=True)
class Spread:
    """Mean, median, min, max and spread (max - min) of some scores; exact, rounded only when shown."""

    mean: Decimal
    median: Decimal
    minimum: Decimal
    maximum: Decimal

    @property
    def spread(self) -> Decimal:
        return self.maximum - self.minimum


def summarise(scores: Sequence[Decimal]) -> Spread | None:
    """The summary of a list of scores, or None when there are none."""
    if not scores:
        return None
    ordered = sorted(scores)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    mean = sum(ordered, Decimal(0)) / len(ordered)
    return Spread(mean=mean, median=median, minimum=ordered[0], maximum=ordered[-1])


@dataclass(frozen=True)
class IndicatorAggregate:
    """One scored indicator of one round: every counting member's score and what the panel makes of them."""

    code: str
    name: str
    weight: Decimal
    counted: bool
    member_scores: tuple[tuple[str, Decimal | None], ...]  # counting members in signing order; None = not rated
    excluded: tuple[str, ...]  # members with a conflict of interest, left out
    summary: Spread | None
    figure: Decimal | None  # the panel figure by the rule, exact; it is scored as the indicator's score
    consensus: ConsensusValue | None = None

    @property
    def scores(self) -> dict[str, Decimal | None]:
        return dict(self.member_scores)

    @property
    def spread(self) -> Decimal | None:
        return None if self.summary is None else self.summary.spread


@dataclass(frozen=True)
class PanelResult:
    agency: str
    round: int
    rule: AggregationRule
    indicators: tuple[IndicatorAggregate, ...]  # scored (leaf) indicators in agreement order
    sheet: ScoreSheet  # the panel figures scored, weighted and totalled
    member_sheets: Mapping[str, ScoreSheet]  # each counting member's own sheet
    excluded: tuple[str, ...]

    def indicator(self, code: str) -> IndicatorAggregate:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)

    def by_spread(self) -> tuple[IndicatorAggregate, ...]:
        """Counted indicators, largest disagreement first, so the meeting starts where members differ most."""
        return sorted_by_spread(self.indicators)

    @property
    def total(self) -> Decimal:
        return self.sheet.total


def sorted_by_spread(indicators: Sequence[IndicatorAggregate]) -> tuple[IndicatorAggregate, ...]:
    counted = [i for i in indicators if i.counted]
    # Stable sort: equal spreads keep the agreement's order; indicators nobody rated go last.
    return tuple(sorted(counted, key=lambda i: (i.spread is None, -(i.spread or Decimal(0)))))


def aggregate_panel(panel: Panel, agreement: Agreement, framework: Framework,
                    ratings_by_member: Mapping[str, Mapping[str, Rating]], round_: int = 12,
                    consensus: Mapping[str, ConsensusValue] | None = None, *,
                    plan: SheetPlan | None = None) -> PanelResult:
    """The panel's result for one agreement and round (`plan`: this agreement's SheetPlan for the round under this
    framework, when the caller scores other sheets of it too).

    Each member's score is the 4-place score of their own score sheet (their adjustments included), so the
    mean and median are of the figures printed beside them. The panel figure then enters `score_agreement` as
    the indicator's score, so weighting, renormalising and rounding are exactly those of any other sheet.
    Members with a conflict of interest with the agency are left out, whatever they recorded.
    """
    consensus = consensus or {}
    raters = [m.id for m in panel.raters_for(agreement.agency)]
    excluded = tuple(c.member_id for c in panel.conflicts_for(agreement.agency))
    if plan is None:
        plan = SheetPlan(agreement, framework, round_)  # worked out once for every member's sheet and the panel's
    member_sheets = {member: plan.score(ratings_by_member.get(member, {})) for member in raters}
    # each sheet's rows by code, the first of a code as ScoreSheet.indicator finds it (it walks the rows)
    member_rows = {member: {row.code: row for row in reversed(sheet.indicators)}
                   for member, sheet in member_sheets.items()}
    rows: list[IndicatorAggregate] = []
    figures: dict[str, Rating] = {}
    for item in agreement.leaves():
        counted = item.counted_in(round_)
        member_scores = tuple((m, member_rows[m][item.code].score if counted else None) for m in raters)
        summary = summarise([s for _, s in member_scores if s is not None])
        agreed = consensus.get(item.code)
        figure, reason = _figure(panel.rule, summary, agreed)
        rows.append(IndicatorAggregate(
            code=item.code, name=item.name, weight=item.weight_in(round_), counted=counted,
            member_scores=member_scores, excluded=excluded, summary=summary, figure=figure, consensus=agreed))
        if counted and figure is not None:
            figures[item.code] = Rating(item.code, round_, PANEL_EVALUATOR, adjusted_score=figure,
                                        adjust_reason=_reason(panel.rule, summary, agreed, reason))
    return PanelResult(
        agency=agreement.agency, round=round_, rule=panel.rule, indicators=tuple(rows),
        sheet=plan.score(figures), member_sheets=member_sheets,
        excluded=excluded)


def _figure(rule: AggregationRule, summary: Spread | None, agreed: ConsensusValue | None
            ) -> tuple[Decimal | None, str | None]:
    if rule is AggregationRule.CONSENSUS:
        return (None, None) if agreed is None else (agreed.score, agreed.reason)
    if summary is None:
        return None, None
    return (summary.mean if rule is AggregationRule.MEAN else summary.median), None


def _reason(rule: AggregationRule, summary: Spread | None, agreed: ConsensusValue | None, reason: str | None) -> str:
    """The line a score sheet shows for why the panel's score is what it is."""
    if rule is AggregationRule.CONSENSUS and agreed is not None:
        return f"มติที่ประชุม / panel consensus: {reason}"
    assert summary is not None
    label = {AggregationRule.MEAN: ("ค่าเฉลี่ย", "mean"), AggregationRule.MEDIAN: ("มัธยฐาน", "median")}[rule]
    return (f"{label[0]}ของคะแนนกรรมการ / {label[1]} of the members' scores "
            f"({format4(summary.minimum)}-{format4(summary.maximum)})")
