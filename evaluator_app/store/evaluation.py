"""Score sheets straight from the workspace: the agreement in force, its framework and one evaluator's ratings."""

from __future__ import annotations

from ..domain.rating import SELF_ASSESSMENT
from ..domain.scoring import ScoreSheet, score_agreement
from .agreements import load_agreement
from .frameworks import get_framework
from .ratings import load_ratings
from .versions import version_for_round
from .workspace import Workspace


def score_sheet(workspace: Workspace, agreement_id: int, round_: int = 12,
                evaluator: str = SELF_ASSESSMENT) -> ScoreSheet:
    # Results score against the version in force for their round: a revision from round 9 leaves round 6 alone.
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    framework = get_framework(workspace, stored.agreement.framework_id or "")
    ratings = {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, evaluator).items()}
    return score_agreement(stored.agreement, ratings, framework, round_)
