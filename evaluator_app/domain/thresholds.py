"""The five-level (or three-level) criteria of an indicator and their direction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from .bands import Band, ScoringMethod, band_values, bands_problem
from .numbers import plain
from .problems import Problem, ProblemsError


class Direction(StrEnum):
    HIGHER_IS_BETTER = "increasing"
    LOWER_IS_BETTER = "decreasing"


@dataclass(frozen=True)
class Thresholds:
    """Strictly monotone thresholds t1..tn; the direction follows from their order.

    Banded criteria also carry their bands (one per level); `values` are then each level's best bound, which
    keep the direction and order, while the bands score (`ScoringMethod.BANDED`).
    """

    values: tuple[Decimal, ...]
    bands: tuple[Band, ...] | None = None

    def __post_init__(self) -> None:
        problem = bands_problem(self.bands) if self.bands is not None else None
        if problem is None and self.bands is not None and len(self.bands) != len(self.values):
            raise ValueError("one band per level")
        if problem is None:
            problem = monotone_problem(self.values)
        if problem is not None:
            raise ProblemsError([problem])

    @classmethod
    def of(cls, *values: object) -> Thresholds:
        return cls(tuple(Decimal(str(v)) for v in values))

    @classmethod
    def banded(cls, bands: Sequence[Band]) -> Thresholds:
        """Criteria scored by the whole level whose band holds the result (refused when bands overlap or gap)."""
        problem = bands_problem(bands)
        if problem is not None:
            raise ProblemsError([problem])
        return cls(band_values(bands), tuple(bands))

    @property
    def method(self) -> ScoringMethod:
        return ScoringMethod.INTERPOLATED if self.bands is None else ScoringMethod.BANDED

    def labels(self) -> tuple[str, ...]:
        """Each level's criterion as printed: the number, or the band ("60 – 69.99", "≥ 90")."""
        if self.bands is None:
            return tuple(plain(v) for v in self.values)
        return tuple(b.label() for b in self.bands)

    @property
    def direction(self) -> Direction:
        return Direction.HIGHER_IS_BETTER if self.values[0] < self.values[-1] else Direction.LOWER_IS_BETTER

    def __len__(self) -> int:
        return len(self.values)

    def __str__(self) -> str:
        if self.bands is not None:
            return " | ".join(self.labels())
        return " ".join(plain(v) for v in self.values)


def monotone_problem(values: Sequence[Decimal]) -> Problem | None:
    """Why these thresholds are not strictly increasing or decreasing, or None when they are.

    A published table has the row `40 50 60 60 70`: equal neighbours make the level between them unreachable,
    so they are refused rather than guessed at.
    """
    if len(values) >= 2 and (all(a < b for a, b in pairwise(values)) or all(a > b for a, b in pairwise(values))):
        return None  # the common case, decided before any message text is built
    shown = " ".join(plain(v) for v in values)
    if len(values) < 2:
        return Problem(
            th=f"เกณฑ์ต้องมีอย่างน้อย 2 ระดับ ได้ {shown!r}",
            en=f"criteria need at least 2 levels, got {shown!r}",
        )
    increasing = all(a < b for a, b in pairwise(values))
    decreasing = all(a > b for a, b in pairwise(values))
    if increasing or decreasing:
        return None
    for index, (a, b) in enumerate(pairwise(values), start=1):
        if a == b:
            return Problem(
                th=(
                    f"เกณฑ์ต้องเพิ่มขึ้นหรือลดลงอย่างเดียวโดยไม่ซ้ำกัน: ระดับ {index} และ {index + 1} "
                    f"เท่ากัน ({plain(a)}) ในเกณฑ์ {shown}"
                ),
                en=(
                    f"criteria must be strictly increasing or strictly decreasing: levels {index} and "
                    f"{index + 1} are equal ({plain(a)}) in {shown}"
                ),
            )
    return Problem(
        th=f"เกณฑ์ต้องเพิ่มขึ้นหรือลดลงอย่างเดียว แต่ {shown} ขึ้นๆ ลงๆ",
        en=f"criteria must be strictly increasing or strictly decreasing, but {shown} changes direction",
    )
