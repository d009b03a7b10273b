"""Evaluation frameworks: the scoring rules of a range of fiscal years, kept as data, never hard-coded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Any

# Rule: a reporting round is a number of months from the start of the fiscal year, any of 1-12.
MONTHLY_ROUNDS = tuple(range(1, 13))


# The points of ขั้นต้น / มาตรฐาน / ขั้นสูง where a framework file gives none; sources disagree (50 / 75 / 100 is
# also cited), so a framework's `points` (and a workspace's setting) choose.
DEFAULT_THREE_LEVEL_POINTS = (Decimal(50), Decimal(70), Decimal(100))


class Scheme(StrEnum):
    FIVE_LEVEL = "five-level"  # five thresholds, scores 1-5
    THREE_LEVEL_100 = "three-level-100"  # ขั้นต้น/มาตรฐาน/ขั้นสูง scoring 50/70/100 (2560 onward)


class Rounding(StrEnum):
    # Round the score to 4 places, then the weighted score from that rounded score: what is printed multiplies.
    SCORE_FIRST = "score-first"
    # Compute the weighted score from the exact score and round only the weighted score.
    WEIGHTED_ONLY = "weighted-only"


class MilestoneMode(StrEnum):
    WHOLE = "whole"  # the level reached scores as a whole number
    PROPORTIONAL = "proportional"  # plus the completed fraction of the next level's steps


@dataclass(frozen=True)
class DimensionRule:
    """A dimension the framework names; a weight only where the framework fixes it."""

    name: str
    weight: Decimal | None = None
    aliases: tuple[str, ...] = ()

    def matches(self, name: str) -> bool:
        wanted = _squash(name)
        return any(_squash(candidate) == wanted for candidate in (self.name, *self.aliases))


@dataclass(frozen=True)
class RewardTier:
    """A band of totals and what it earns (the framework's tier table)."""

    minimum: Decimal
    label: str


@dataclass(frozen=True)
class Framework:
    """One framework record of §3 of the domain document.

    Every field whose rule is an inference ([I]) has its documented default and is printed on reports.
    """

    id: str
    name: str
    first_year: int  # B.E., inclusive
    last_year: int | None  # B.E., inclusive; None means "still in force"
    scheme: Scheme = Scheme.FIVE_LEVEL
    dimensions: tuple[DimensionRule, ...] = ()
    floor: Decimal = Decimal(1)
    rounding: Rounding = Rounding.SCORE_FIRST
    milestone_mode: MilestoneMode = MilestoneMode.WHOLE
    reward_threshold: Decimal = Decimal(3)
    tiers: tuple[RewardTier, ...] = ()
    rounds: tuple[int, ...] = (6, 9, 12)
    sources: dict[str, str] = field(default_factory=dict)
    # Several frameworks may cover a year (from 2560 OPDC's 100-point scheme beside the five-level criteria most
    # agreements still use); the default one applies unless the agreement names another.
    default: bool = True
    # The import policy's strict mode for this framework's agreements: every warning refuses the import.
    strict_import: bool = False
    # three-level-100: the points of ขั้นต้น, มาตรฐาน, ขั้นสูง (rule: framework data, 50 / 70 / 100 by default)
    points: tuple[Decimal, ...] = DEFAULT_THREE_LEVEL_POINTS

    @property
    def max_score(self) -> Decimal:
        return Decimal(100) if self.scheme is Scheme.THREE_LEVEL_100 else Decimal(5)

    @property
    def threshold_count(self) -> int:
        return 3 if self.scheme is Scheme.THREE_LEVEL_100 else 5

    def with_points(self, points: tuple[Decimal, ...]) -> Framework:
        """The same framework with other three-level points (a workspace may choose 50 / 75 / 100)."""
        return replace(self, points=_checked_points(points, self.id))

    def with_monthly_rounds(self) -> Framework:
        """The same framework reporting every month (a workspace setting: universities report monthly)."""
        return replace(self, rounds=MONTHLY_ROUNDS)

    def covers(self, fiscal_year_be: int) -> bool:
        return self.first_year <= fiscal_year_be and (self.last_year is None or fiscal_year_be <= self.last_year)

    def dimension_rule(self, name: str) -> DimensionRule | None:
        for rule in self.dimensions:
            if rule.matches(name):
                return rule
        return None

    def tier_for(self, total: Decimal) -> RewardTier | None:
        best: RewardTier | None = None
        for tier in self.tiers:
            if total >= tier.minimum and (best is None or tier.minimum > best.minimum):
                best = tier
        return best

    def rules_in_force(self) -> dict[str, str]:
        """The settings a report prints, so a reader knows which rule produced the figures."""
        return {
            "framework": self.id,
            "scheme": self.scheme.value,
            "floor": str(self.floor),
            "rounding": self.rounding.value,
            "milestone_mode": self.milestone_mode.value,
            "reward_threshold": str(self.reward_threshold),
            **({"points": " / ".join(str(p) for p in self.points)} if self.scheme is Scheme.THREE_LEVEL_100 else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Framework:
        """Build from the JSON shape of `resources/frameworks/*.json`; unknown keys are refused."""
        allowed = {
            "id", "name", "first_year", "last_year", "scheme", "dimensions", "floor", "rounding",
            "milestone_mode", "reward_threshold", "tiers", "rounds", "sources", "notes", "default",
            "strict_import", "points",
        }
        unknown = set(data) - allowed
        if unknown:
            raise ValueError(f"framework {data.get('id')!r}: unknown keys {sorted(unknown)}")
        rounds = tuple(sorted({int(r) for r in data.get("rounds", (6, 9, 12))}))
        if not rounds or any(r not in MONTHLY_ROUNDS for r in rounds):
            raise ValueError(f"framework {data.get('id')!r}: rounds are months 1-12, got {list(rounds)}")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            first_year=int(data["first_year"]),
            last_year=None if data.get("last_year") is None else int(data["last_year"]),
            scheme=Scheme(data.get("scheme", Scheme.FIVE_LEVEL.value)),
            dimensions=tuple(
                DimensionRule(
                    name=d["name"],
                    weight=None if d.get("weight") is None else Decimal(str(d["weight"])),
                    aliases=tuple(d.get("aliases", ())),
                )
                for d in data.get("dimensions", ())
            ),
            floor=Decimal(str(data.get("floor", "1"))),
            rounding=Rounding(data.get("rounding", Rounding.SCORE_FIRST.value)),
            milestone_mode=MilestoneMode(data.get("milestone_mode", MilestoneMode.WHOLE.value)),
            reward_threshold=Decimal(str(data.get("reward_threshold", "3"))),
            tiers=tuple(
                RewardTier(minimum=Decimal(str(t["minimum"])), label=str(t["label"]))
                for t in data.get("tiers", ())
            ),
            rounds=rounds,
            sources=dict(data.get("sources", {})),
            default=bool(data.get("default", True)),
            strict_import=bool(data.get("strict_import", False)),
            points=_checked_points(tuple(Decimal(str(p)) for p in data.get("points", DEFAULT_THREE_LEVEL_POINTS)),
                                   data.get("id")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "scheme": self.scheme.value,
            "dimensions": [
                {"name": d.name, "weight": None if d.weight is None else str(d.weight), "aliases": list(d.aliases)}
                for d in self.dimensions
            ],
            "floor": str(self.floor),
            "rounding": self.rounding.value,
            "milestone_mode": self.milestone_mode.value,
            "reward_threshold": str(self.reward_threshold),
            "tiers": [{"minimum": str(t.minimum), "label": t.label} for t in self.tiers],
            "rounds": list(self.rounds),
            "sources": dict(self.sources),
            "default": self.default,
            "strict_import": self.strict_import,
            "points": [str(p) for p in self.points],
        }


def _checked_points(points: tuple[Decimal, ...], framework_id: object) -> tuple[Decimal, ...]:
    if len(points) != 3 or not all(0 <= a < b for a, b in pairwise(points)):
        raise ValueError(f"framework {framework_id!r}: three-level points are 3 rising numbers, got "
                         f"{[str(p) for p in points]}")
    return points


def framework_for_year(frameworks: Sequence[Framework], fiscal_year_be: int, wanted: str | None = None) -> Framework:
    """The framework an agreement of this fiscal year is scored under.

    `wanted` names one (by id or name) when the agreement says which; otherwise the default framework covering the
    year applies, the newest first year winning where ranges overlap.
    """
    covering = [f for f in frameworks if f.covers(fiscal_year_be)]
    if wanted:
        key = _squash(wanted)
        for candidate in frameworks:
            if key in (_squash(candidate.id), _squash(candidate.name)):
                if not candidate.covers(fiscal_year_be):
                    raise LookupError(
                        f"กรอบการประเมิน {candidate.id} ไม่ครอบคลุมปีงบประมาณ {fiscal_year_be} / framework "
                        f"{candidate.id} does not cover fiscal year {fiscal_year_be}")
                return candidate
        known = ", ".join(f.id for f in covering) or "-"
        raise LookupError(f"ไม่รู้จักกรอบการประเมิน '{wanted}' / unknown framework '{wanted}' (for "
                          f"{fiscal_year_be}: {known})")
    candidates = [f for f in covering if f.default] or covering
    if not candidates:
        raise LookupError(f"ไม่มีกรอบการประเมินสำหรับปีงบประมาณ {fiscal_year_be} / no framework covers fiscal "
                          f"year {fiscal_year_be}")
    return max(candidates, key=lambda f: f.first_year)


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()
