"""Negotiated versions of an agreement (§7): their status, which one is in force for a round, and the
constraints a version must meet before it is proposed or agreed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from .agreement import Agreement, Indicator, IndicatorKind, validate_agreement
from .framework import Framework
from .numbers import plain
from .problems import Problem, ProblemsError
from .rating import Rating
from .scoring import ScoreSheet, score_agreement
from .thresholds import monotone_problem


class VersionStatus(StrEnum):
    DRAFT = "draft"  # ร่าง: may be saved with broken constraints, and edited in place
    PROPOSAL = "proposal"  # ข้อเสนอ
    COUNTER_PROPOSAL = "counter-proposal"  # ข้อเสนอโต้ตอบ
    AGREED = "agreed"  # ตกลงแล้ว: locked; a change is a new version


class Side(StrEnum):
    """Who put a version forward; a member id is also accepted as an author."""

    COMMITTEE = "committee"  # คณะกรรมการเจรจาข้อตกลงและประเมินผล
    AGENCY = "agency"  # ส่วนราชการ


STATUS_LABELS: dict[VersionStatus, tuple[str, str]] = {
    VersionStatus.DRAFT: ("ร่าง", "draft"),
    VersionStatus.PROPOSAL: ("ข้อเสนอ", "proposal"),
    VersionStatus.COUNTER_PROPOSAL: ("ข้อเสนอโต้ตอบ", "counter-proposal"),
    VersionStatus.AGREED: ("ฉบับที่ตกลง", "agreed"),
}
REVISION_LABEL = ("ฉบับแก้ไขระหว่างปี", "in-year revision")
SIDE_LABELS: dict[str, tuple[str, str]] = {
    Side.COMMITTEE: ("คณะกรรมการ", "committee"),
    Side.AGENCY: ("ส่วนราชการ", "agency"),
}


def author_label(author: str) -> tuple[str, str]:
    """(Thai, English) name of a side, or the member id as it is."""
    return SIDE_LABELS.get(author, (author, author))


@dataclass(frozen=True)
class AgreementVersion:
    """One version in an agreement's chain, with the full indicator set it carries."""

    number: int
    status: VersionStatus
    author: str  # Side value or a panel member id
    created_at: str  # UTC ISO-8601
    indicators: tuple[Indicator, ...] = ()
    reason: str | None = None  # why it was put forward
    minute: str | None = None  # the decision text recorded when it was agreed
    effective_round: int | None = None  # None: the whole year; 9: a revision in force from round 9 on
    based_on: int | None = None  # the number of the version it was derived from
    agreed_at: str | None = None
    agreed_by: str | None = None
    session: str | None = None  # the meeting it was proposed or agreed in
    id: int | None = None  # the store's row id, which ratings name

    @property
    def locked(self) -> bool:
        return self.status is VersionStatus.AGREED

    @property
    def is_revision(self) -> bool:
        return self.effective_round is not None

    def label(self) -> tuple[str, str]:
        """(Thai, English) kind of version as people say it: a revision is named as such once agreed."""
        if self.status is VersionStatus.AGREED and self.is_revision:
            return REVISION_LABEL
        return STATUS_LABELS[self.status]

    def applies_to(self, round_: int) -> bool:
        return self.effective_round is None or self.effective_round <= round_


def in_force_for_round(versions: Iterable[AgreementVersion], round_: int) -> AgreementVersion | None:
    """The agreed version results of this round are scored against, or None when none is agreed for it.

    The latest agreed version (highest number) that covers the round wins: an in-year revision from round 9
    governs rounds 9 and 12 and leaves round 6 to the version agreed before it. Agreeing a stale proposal
    (older than an agreed version) is refused by `agree_problems`, so the highest number is also the latest
    decision.
    """
    covering = [v for v in versions if v.status is VersionStatus.AGREED and v.applies_to(round_)]
    return max(covering, key=lambda v: v.number, default=None)


# -- constraints -----------------------------------------------------------------------------------------


def negotiation_problems(agreement: Agreement, framework: Framework) -> list[Problem]:
    """Every broken constraint of a version, each on the indicator and field (cell) it concerns.

    The agreement checks of §4 (weights sum to 100, children to their parent, dimension weights, criteria
    count) plus: a target lies within its criteria, and the start and cancel rounds are rounds of the framework
    in a sensible order. Thresholds are strictly monotone by construction (`Thresholds` refuses otherwise);
    `thresholds_problem` checks values a person is still typing.
    """
    problems = list(validate_agreement(agreement, framework))
    for item in agreement.leaves():
        problem = target_problem(item)
        if problem is not None:
            problems.append(problem)
    for item in agreement.indicators:
        problems.extend(_round_problems(item, framework))
    return problems


def thresholds_problem(code: str, values: Sequence[Decimal]) -> Problem | None:
    """Why criteria typed for an indicator are not strictly monotone, placed on its thresholds cell."""
    problem = monotone_problem(values)
    return None if problem is None else problem.at(indicator=code, field="thresholds")


def target_problem(item: Indicator) -> Problem | None:
    """A numeric target outside the range of its criteria (between level 1 and the top level, either direction).

    A target outside t1..t5 would be met at a score the criteria cannot express: usually a typing error
    (900 for 90) or criteria from another year.
    """
    target = item.target_value
    if target is None or item.thresholds is None:
        return None
    values = item.thresholds.values
    low, high = min(values[0], values[-1]), max(values[0], values[-1])
    if low <= target <= high:
        return None
    return Problem(
        th=(f"เป้าหมาย {plain(target)} ของตัวชี้วัด {item.code} อยู่นอกเกณฑ์การให้คะแนน "
            f"({plain(values[0])} ถึง {plain(values[-1])})"),
        en=(f"the target {plain(target)} of indicator {item.code} lies outside its criteria "
            f"({plain(values[0])} to {plain(values[-1])})"),
        indicator=item.code, field="target")


def _round_problems(item: Indicator, framework: Framework) -> Iterable[Problem]:
    rounds = ", ".join(str(r) for r in framework.rounds)
    for name, value in (("start_round", item.start_round), ("cancel_round", item.cancel_round)):
        if value is not None and value not in framework.rounds:
            yield Problem(
                th=f"รอบของตัวชี้วัด {item.code} ต้องเป็น {rounds} เดือน ได้ {value}",
                en=f"the {name.replace('_', ' ')} of indicator {item.code} must be one of {rounds}, got {value}",
                indicator=item.code, field=name)
    if item.start_round is not None and item.cancel_round is not None and item.cancel_round <= item.start_round:
        yield Problem(
            th=(f"ตัวชี้วัด {item.code} ยกเลิกตั้งแต่รอบ {item.cancel_round} ซึ่งไม่หลังรอบที่เริ่ม "
                f"({item.start_round}) จึงไม่ถูกนับในรอบใดเลย"),
            en=(f"indicator {item.code} is cancelled from round {item.cancel_round}, not after it starts "
                f"(round {item.start_round}), so it never counts"),
            indicator=item.code, field="cancel_round")


def effective_round_problem(effective_round: int | None, framework: Framework) -> Problem | None:
    if effective_round is None or effective_round in framework.rounds:
        return None
    rounds = ", ".join(str(r) for r in framework.rounds)
    return Problem(
        th=f"ฉบับแก้ไขต้องมีผลตั้งแต่รอบ {rounds} เดือน ได้ {effective_round}",
        en=f"a revision takes effect from one of the rounds {rounds}, got {effective_round}",
        field="effective_round")


def agree_problems(version: AgreementVersion, later_agreed: Sequence[int]) -> list[Problem]:
    """Why this version cannot be agreed, apart from its constraints: it is agreed already, or stale.

    `later_agreed` are the numbers of agreed versions newer than it. A proposal made before a later agreement
    answers a situation that no longer holds; agreeing it would silently undo that agreement.
    """
    if version.status is VersionStatus.AGREED:
        return [Problem(
            th=f"ฉบับที่ {version.number} ตกลงไว้แล้วและถูกล็อก การเปลี่ยนแปลงต้องทำเป็นฉบับแก้ไขใหม่",
            en=f"version {version.number} is already agreed and locked; a change is a new revision",
            field="status")]
    if later_agreed:
        newest = max(later_agreed)
        return [Problem(
            th=(f"ฉบับที่ {version.number} เสนอก่อนฉบับที่ {newest} ซึ่งตกลงไปแล้ว "
                f"โปรดเสนอใหม่จากฉบับปัจจุบัน"),
            en=(f"version {version.number} was put forward before version {newest} was agreed; "
                f"propose it again from the current version"),
            field="status")]
    return []


def require_valid(agreement: Agreement, framework: Framework, effective_round: int | None = None) -> None:
    """Raise ProblemsError listing every broken constraint (propose and agree refuse; a draft may be broken).
    Weights are what a negotiation settles, so weights not summing to 100 (or to their parent) still refuse here;
    the import policy's other warnings (orphan codes, dimensions unlike the framework's) do not."""
    problems = [p for p in negotiation_problems(agreement, framework) if not p.warning or p.field == "weight"]
    problem = effective_round_problem(effective_round, framework)
    if problem is not None:
        problems.append(problem)
    if problems:
        raise ProblemsError(problems)


# -- edits as the command line states them ------------------------------------------------------------------


def with_changes(indicators: Sequence[Indicator], *, weights: Mapping[str, Decimal] | None = None,
                 targets: Mapping[str, str] | None = None, cancel_from: Mapping[str, int] | None = None,
                 start_from: Mapping[str, int] | None = None) -> tuple[Indicator, ...]:
    """The indicator set with new weights, targets, cancel and start rounds; unknown codes are refused."""
    weights, targets = weights or {}, targets or {}
    cancel_from, start_from = cancel_from or {}, start_from or {}
    known = {i.code for i in indicators}
    problems = [
        Problem(th=f"ไม่มีตัวชี้วัด {code} ในฉบับนี้", en=f"this version has no indicator {code}",
                indicator=code, field=field)
        for field, mapping in (("weight", weights), ("target", targets), ("cancel_round", cancel_from),
                               ("start_round", start_from))
        for code in mapping if code not in known
    ]
    if problems:
        raise ProblemsError(problems)
    changed = []
    for item in indicators:
        if item.code in weights:
            item = replace(item, weight=weights[item.code])
        if item.code in targets:
            item = replace(item, target=targets[item.code] or None)
        if item.code in cancel_from:
            item = replace(item, cancel_round=cancel_from[item.code])
        if item.code in start_from:
            item = replace(item, start_round=start_from[item.code])
        changed.append(item)
    return tuple(changed)


# -- what-if ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WhatIf:
    """The same results scored under the version on the table and under the last agreed one, side by side."""

    round: int
    evaluator: str
    proposed: ScoreSheet
    agreed: ScoreSheet | None  # None when nothing is agreed yet

    @property
    def difference(self) -> Decimal | None:
        return None if self.agreed is None else self.proposed.total - self.agreed.total

    @property
    def eligibility_changes(self) -> bool:
        return self.agreed is not None and self.proposed.eligible != self.agreed.eligible


def what_if(proposed: Agreement, agreed: Agreement | None, ratings: Mapping[str, Rating], framework: Framework,
            round_: int, evaluator: str) -> WhatIf:
    """Score `ratings` (one evaluator's latest round) under both indicator sets through `score_agreement`.

    A rating of an indicator that cannot be scored in a set (removed, or without criteria while being edited)
    is left out of that set's sheet, which then lists the indicator as missing instead of failing.
    """
    return WhatIf(
        round=round_,
        evaluator=evaluator,
        proposed=score_agreement(proposed, _scorable(proposed, ratings), framework, round_),
        agreed=None if agreed is None else score_agreement(agreed, _scorable(agreed, ratings), framework, round_),
    )


def _scorable(agreement: Agreement, ratings: Mapping[str, Rating]) -> dict[str, Rating]:
    leaves = {i.code: i for i in agreement.leaves() if i.thresholds is not None}
    kept = {}
    for code, rating in ratings.items():
        item = leaves.get(code)
        if item is None:
            continue
        milestone = item.kind is IndicatorKind.MILESTONE and item.thresholds is not None
        if milestone and rating.result is not None and not 0 <= rating.result <= len(item.thresholds or ()):
            continue  # a measured value of an indicator now scored as a milestone: not comparable
        kept[code] = rating
    return kept
