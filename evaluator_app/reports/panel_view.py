"""What the papers need from the panel (issue 4's API), in one place: who signs, the committee figures with their
notes, and the members' comments. A thin adapter, so a change in the panel's API touches only this file."""

# The panel's own modules give signatories_for (conflicted members excluded), aggregate_panel/panel_result (the
# panel figure per indicator and the panel total). They have no separate "panel comment" record: the comments
# printed are those the counting members wrote on their own ratings of the round (Rating.comment), never private
# notes. That, and the committee "result" (the members' results: one value when they agree, else their range) are
# this adapter's own reading.

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..domain.agreement import Agreement
from ..domain.numbers import format4, plain
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import IndicatorScore, ScoreSheet
from ..store.workspace import Workspace

if TYPE_CHECKING:
    from ..domain.aggregation import PanelResult
    from ..domain.panel import Panel
    from ..store.panel import ResultState

__all__ = [
    "CommitteeFigures",
    "PanelComment",
    "SignatoryLine",
    "comments_of",
    "figures_of",
    "load_panel_or_none",
    "panel_comments",
    "panel_figures",
    "panel_has_ratings",
    "rated_by_panel",
    "signatory_lines",
]


@dataclass(frozen=True)
class SignatoryLine:
    """One signature block: name, position in their own agency, title on the panel."""

    name: str
    position: str
    role: str


@dataclass(frozen=True)
class PanelComment:
    code: str
    by: str  # the member's name
    text: str


@dataclass(frozen=True)
class CommitteeFigures:
    """The committee column group from the panel: the scored sheet and what the report says beside it."""

    sheet: ScoreSheet
    results: dict[str, str]  # code -> the members' result as printed ("92", or "90–95" when they differ)
    notes: dict[str, str]  # code -> why the figure is what it is (consensus, members' adjustments)
    rule: str  # mean, median or consensus
    raters: tuple[str, ...]  # names of the members whose ratings count
    excluded: tuple[str, ...]  # names of members left out for a conflict of interest
    recused: tuple[tuple[str, str], ...] = ()  # (name, the conflict's reason) of the members left out
    rated_by: tuple[tuple[list[str], list[str]], ...] = ()  # (member names, indicator codes they all rated)
    not_rated: tuple[tuple[list[str], list[str]], ...] = ()  # (member names, counted codes they did not rate)
    missing_members: tuple[str, ...] = ()  # counting members who rated none of the counted indicators
    finalised: bool = False  # the chair finalised the panel's result of this agreement and round


def load_panel_or_none(workspace: Workspace) -> Panel | None:
    from ..store.panel import load_panel

    return load_panel(workspace)


def signatory_lines(panel: Panel | None, agreement: Agreement | None) -> tuple[SignatoryLine, ...]:
    """The panel's signatories in signing order; for one agreement without members conflicted with its agency, for
    a paper covering every agency (the fiscal-year summary, `agreement=None`) the whole panel."""
    if panel is None:
        return ()
    if agreement is not None:
        return tuple(SignatoryLine(s.name, s.position, s.title_th) for s in panel.signatories_for(agreement))
    return tuple(SignatoryLine(m.name, m.position, m.title_th) for m in panel.in_signing_order())


def panel_has_ratings(workspace: Workspace, panel: Panel | None, agreement_id: int, agency: str, round_: int) -> bool:
    """Whether any counting member recorded anything for this agreement and round (so the panel figures exist)."""
    if panel is None:
        return False
    raters = [m.id for m in panel.raters_for(agency)]
    if not raters:
        return False
    marks = ",".join("?" for _ in raters)
    row = workspace.conn.execute(
        f"SELECT 1 FROM ratings WHERE agreement_id = ? AND round = ? AND evaluator IN ({marks}) LIMIT 1",
        (agreement_id, round_, *raters)).fetchone()
    return row is not None


def rated_by_panel(panel: Panel | None, agency: str, ratings: Mapping[str, Mapping[str, Rating]]) -> bool:
    """`panel_has_ratings` from every evaluator's ratings of the agreement and round (by evaluator), read already."""
    return panel is not None and any(ratings.get(m.id) for m in panel.raters_for(agency))


def _results_text(values: Sequence[Decimal]) -> str | None:
    if not values:
        return None
    low, high = min(values), max(values)
    return plain(low) if low == high else f"{plain(low)}–{plain(high)}"


def panel_figures(workspace: Workspace, panel: Panel, agreement_id: int, round_: int) -> CommitteeFigures:
    """The panel's figures of one agreement and round, through the panel's own aggregation."""
    from ..store.agreements import load_agreement
    from ..store.panel import result_state
    from ..store.panel_results import panel_result
    from ..store.ratings import ratings_of_round

    result = panel_result(workspace, agreement_id, round_)
    agency = load_agreement(workspace, agreement_id).agreement.agency
    return figures_of(panel, result, ratings_of_round(workspace, agreement_id, round_), agency,
                      result_state(workspace.conn, agreement_id, round_))


def figures_of(panel: Panel, result: PanelResult, ratings: Mapping[str, Mapping[str, Rating]], agency: str,
               state: ResultState | None) -> CommitteeFigures:
    """`panel_figures` from what the caller read already: the panel's result, every evaluator's ratings of the
    agreement and round (by evaluator), the agency and the result's state."""
    from ..domain.aggregation import AggregationRule

    names = {m.id: m.name for m in panel.members}
    # each member's sheet by code (ScoreSheet.indicator looks a code up by walking the rows)
    rows = {member: _by_code(sheet) for member, sheet in result.member_sheets.items()}
    results: dict[str, str] = {}
    notes: dict[str, str] = {}
    for item in result.indicators:
        if not item.counted:
            continue
        values = [r.result for m in result.member_sheets
                  if (r := ratings.get(m, {}).get(item.code)) is not None and r.result is not None]
        text = _results_text(values)
        if text is not None:
            results[item.code] = text
        parts: list[str] = []
        if result.rule is AggregationRule.CONSENSUS and item.consensus is not None:
            parts.append(f"มติที่ประชุม: {item.consensus.reason}")
        for member in result.member_sheets:
            row = rows[member][item.code]
            if row.adjusted and row.score is not None:
                parts.append(f"{names.get(member, member)} ปรับคะแนนเป็น {format4(row.score)}: {row.adjust_reason}")
        if parts:
            notes[item.code] = "; ".join(parts)
    rated: dict[tuple[str, ...], list[str]] = {}
    unrated: dict[tuple[str, ...], list[str]] = {}
    anything: set[str] = set()
    for item in result.indicators:
        if not item.counted:
            continue
        who = tuple(names.get(m, m) for m, score in item.member_scores if score is not None)
        anything.update(m for m, score in item.member_scores if score is not None)
        rated.setdefault(who, []).append(item.code)
        absent = tuple(names.get(m, m) for m, score in item.member_scores if score is None)
        if absent:
            unrated.setdefault(absent, []).append(item.code)
    recused = tuple((names.get(c.member_id, c.member_id), c.reason) for c in panel.conflicts_for(agency))
    return CommitteeFigures(
        sheet=result.sheet, results=results, notes=notes, rule=result.rule.value,
        raters=tuple(names.get(m, m) for m in result.member_sheets),
        excluded=tuple(names.get(m, m) for m in result.excluded),
        recused=recused,
        rated_by=tuple((list(who), codes) for who, codes in rated.items() if who),
        not_rated=tuple((list(who), codes) for who, codes in unrated.items()),
        missing_members=tuple(names.get(m, m) for m in result.member_sheets if m not in anything),
        finalised=state is not None and state.finalised)


def _by_code(sheet: ScoreSheet) -> dict[str, IndicatorScore]:
    """A sheet's rows by code, the first of a code as `ScoreSheet.indicator` finds it."""
    return {row.code: row for row in reversed(sheet.indicators)}


def panel_comments(workspace: Workspace, panel: Panel | None, agreement_id: int, agency: str,
                   round_: int) -> tuple[PanelComment, ...]:
    """Comments the counting members wrote on their ratings of this round, in signing order then by indicator.

    Without a panel, comments by any evaluator other than the agency itself. Never the private note.
    """
    from ..store.ratings import ratings_of_round

    return comments_of(workspace, panel, agreement_id, agency, ratings_of_round(workspace, agreement_id, round_))


def comments_of(workspace: Workspace, panel: Panel | None, agreement_id: int, agency: str,
                ratings: Mapping[str, Mapping[str, Rating]]) -> tuple[PanelComment, ...]:
    """`panel_comments` from every evaluator's ratings of the agreement and round (by evaluator), read already."""
    from ..domain.agreement import code_key
    from ..store.ratings import evaluators_of

    if panel is not None:
        who = [(m.id, m.name) for m in panel.raters_for(agency)]
    else:
        who = [(e, e) for e in evaluators_of(workspace, agreement_id) if e != SELF_ASSESSMENT]
    comments: list[PanelComment] = []
    for evaluator, name in who:
        # only the ratings with a comment are sorted: a stable sort keeps them in the order sorting all would
        said = [(code, text) for code, rating in ratings.get(evaluator, {}).items()
                if (text := (rating.comment or "").strip())]
        said.sort(key=lambda each: code_key(each[0]))
        comments.extend(PanelComment(code, name, text) for code, text in said)
    return tuple(comments)
