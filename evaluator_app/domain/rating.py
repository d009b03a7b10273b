"""A result recorded for one indicator and round, by the agency (self-assessment) or a panel member."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

SELF_ASSESSMENT = "self"  # the evaluator id of the agency's own report (SAR)


@dataclass(frozen=True)
class Rating:
    code: str
    round: int
    evaluator: str = SELF_ASSESSMENT
    result: Decimal | None = None
    adjusted_score: Decimal | None = None  # a committee's adjustment; always with a reason
    adjust_reason: str | None = None
    comment: str | None = None
    # The warnings (domain/plausibility.py) the person saw and kept the result despite, Thai / English; None when
    # the result drew none or was not typed by a person (imports, packages).
    confirmed_warning: str | None = None

    def __post_init__(self) -> None:
        if self.adjusted_score is not None and not (self.adjust_reason or "").strip():
            raise ValueError("an adjusted score needs a reason / คะแนนที่ปรับต้องระบุเหตุผล")
