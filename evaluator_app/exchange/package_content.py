"""What both kinds of package hold and how their fields are written and read back: ratings, submission states, the
summary of an export, and the one way a malformed field becomes a refusal that names the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.panel import SubmissionState
from ..domain.rating import Rating
from ..store.panel import Submission
from . import package_fields as f
from .package_format import PackageFile, PackageKind, PackageRefused, refuse


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    kind: PackageKind
    package_id: str
    agreements: int
    ratings: int = 0
    member_id: str | None = None
    fingerprint: str | None = None  # of the signing key, for the secretary to compare aloud
    evidence: int = 0


# What goes wrong when a value from outside is of the wrong shape: refused, never a traceback.
MALFORMED = (KeyError, TypeError, ValueError, ArithmeticError, AttributeError, RecursionError, UnicodeError,
             IndexError)


# What the store raises when a value cannot be stored after all (a CHECK, an integer beyond 64 bits).
UNSTORABLE = (OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError)


def rating_dict(rating: Rating) -> dict[str, Any]:
    return {"code": rating.code, "round": rating.round,
            "result": None if rating.result is None else str(rating.result),
            "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
            "adjust_reason": rating.adjust_reason, "comment": rating.comment}


def parse_rating(data: dict[str, Any], evaluator: str) -> Rating:
    return Rating(code=f.text(data, "code", limit=50), round=f.integer(data, "round", 1, 12),
                  evaluator=evaluator, result=f.decimal(data, "result"),
                  adjusted_score=f.decimal(data, "adjusted_score"),
                  adjust_reason=f.text(data, "adjust_reason", optional=True),
                  comment=f.text(data, "comment", optional=True))


def submission_dict(item: Submission) -> dict[str, Any]:
    return {"evaluator": item.evaluator, "round": item.round, "state": item.state.value,
            "reopen_count": item.reopen_count, "declaration": item.declaration, "submitted_at": item.submitted_at,
            "changed_at": item.changed_at, "changed_by": item.changed_by, "reason": item.reason}


def parse_submission(data: dict[str, Any]) -> Submission:
    item = Submission(0, f.integer(data, "round", 1, 12), f.text(data, "evaluator", limit=200),
                      SubmissionState(f.text(data, "state")), f.integer(data, "reopen_count"),
                      f.text(data, "declaration", optional=True), f.text(data, "submitted_at", optional=True),
                      f.text(data, "changed_at", limit=64), f.text(data, "changed_by", limit=200),
                      f.text(data, "reason", optional=True))
    if item.submitted and not (item.declaration and item.submitted_at):
        raise ValueError(f"a submission of {item.evaluator} without its declaration")
    return item


def malformed(package: PackageFile, exc: BaseException) -> PackageRefused:
    return refuse(package.path, "ข้อมูลในชุดข้อมูลไม่ถูกรูปแบบ", f"the package's data is malformed ({exc})")
