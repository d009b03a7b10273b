"""What every command shares: refusals, the acting person, the workspace being worked on, and the score document."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.numbers import format4, plain
from ..paths import default_workspace_path

if TYPE_CHECKING:  # the scorer loads with the command that scores, not with every command
    from ..domain.scoring import ScoreSheet

EXIT_REFUSED = 2


class Refused(Exception):
    """An operation the person can fix: printed without a traceback, exit code 2."""


def workspace_path(args: argparse.Namespace) -> Path:
    if args.demo:
        from ..exchange.demo import demo_workspace_copy

        return demo_workspace_copy()
    return args.db or default_workspace_path()


def actor(args: argparse.Namespace) -> str:
    """Who is acting, for the audit log."""
    if getattr(args, "actor", None):
        return str(args.actor)
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


def score_json(agreement_label: str, agreement_id: int, sheet: ScoreSheet) -> dict[str, Any]:
    """The `score --json` document; scores and weighted scores as strings with exactly 4 decimals."""
    def four(value: Any) -> str | None:
        return None if value is None else format4(value)

    return {
        "agreement": agreement_label,
        "id": agreement_id,
        "round": sheet.round,
        "total": format4(sheet.total),
        "eligible": sheet.eligible,
        "complete": sheet.complete,
        "missing": list(sheet.missing),
        "dimensions": [
            {"name": d.name, "weight": plain(d.weight), "subtotal": format4(d.subtotal)} for d in sheet.dimensions
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name,
                "weight": plain(i.weight),
                "counted": i.counted,
                "parent": i.is_parent,
                "result": None if i.result is None else plain(i.result),
                "score": four(i.score),
                "weighted": four(i.weighted),
                **({"adjust_reason": i.adjust_reason} if i.adjusted else {}),
            }
            for i in sheet.indicators
        ],
    }
