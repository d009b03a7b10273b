"""Score sheets straight from the workspace: the agreement in force, its framework and one evaluator's ratings;
and the what-if of a negotiated indicator set over the latest results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..domain.agreement import Indicator
from ..domain.negotiation import VersionStatus, WhatIf, in_force_for_round, what_if
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import ScoreSheet, score_agreement
from .agreements import load_agreement
from .frameworks import get_framework
from .ratings import load_ratings
from .versions import agreement_at, get_version, list_versions, load_agreement_head, version_for_round
from .workspace import Workspace


def score_sheet(workspace: Workspace, agreement_id: int, round_: int = 12,
                evaluator: str = SELF_ASSESSMENT) -> ScoreSheet:
    # Results score against the version in force for their round: a revision from round 9 leaves round 6 alone.
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    ratings = {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, evaluator).items()}
    return score_agreement(stored.agreement, ratings, framework, round_)


def latest_results(workspace: Workspace, agreement_id: int,
                   evaluator: str = SELF_ASSESSMENT) -> tuple[int | None, dict[str, Rating]]:
    """The latest round in which this evaluator recorded results, and those results by indicator code."""
    row = workspace.conn.execute(
        "SELECT max(round) FROM ratings WHERE agreement_id = ? AND evaluator = ?",
        (agreement_id, evaluator)).fetchone()
    if row is None or row[0] is None:
        return None, {}
    round_ = int(row[0])
    return round_, {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, evaluator).items()}


def what_if_for(workspace: Workspace, agreement_id: int, indicators: Sequence[Indicator] | int, *,
                evaluator: str = SELF_ASSESSMENT, round_: int | None = None) -> WhatIf:
    """Score the evaluator's latest results (or those of `round_`) under an indicator set (a version number, or
    the set on screen) and under the agreed version in force for that round."""
    if isinstance(indicators, int):
        indicators = get_version(workspace, agreement_id, indicators).indicators
    head = load_agreement_head(workspace, agreement_id)
    framework = get_framework(workspace, head.framework_id or "")
    if round_ is None:
        latest, ratings = latest_results(workspace, agreement_id, evaluator)
        round_ = latest if latest is not None else framework.rounds[-1]
    else:
        ratings = {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, evaluator).items()}
    agreed_versions = [v for v in list_versions(workspace, agreement_id, with_indicators=False)
                       if v.status is VersionStatus.AGREED]
    in_force = in_force_for_round(agreed_versions, round_)
    agreed = None if in_force is None else agreement_at(workspace, agreement_id, in_force.number)
    return what_if(replace(head, indicators=tuple(indicators)), agreed, ratings, framework, round_, evaluator)
