"""Every score sheet of a workspace in a few queries: every agreement, evaluator and round at once.

The per-agreement path (evaluation.score_sheet) costs several queries per sheet; a fiscal-year summary, a
national recompute or a batch of reports would pay that thousands of times.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain.agreement import Agreement, Indicator, IndicatorKind
from ..domain.framework import Framework
from ..domain.negotiation import AgreementVersion, VersionStatus, in_force_for_round
from ..domain.scoring import RuleCache, ScoreSheet, SheetPlan
from .agreements import parse_stored_decimal, parse_stored_thresholds
from .frameworks import workspace_frameworks
from .workspace import Workspace


@dataclass(frozen=True)
class ScoredSheet:
    agreement_id: int
    agency: str
    fiscal_year: int
    evaluator: str
    round: int
    sheet: ScoreSheet


def score_all(workspace: Workspace, fiscal_year: int | None = None) -> Iterator[ScoredSheet]:
    """Score every (agreement, evaluator, round) that has ratings, each against the version in force for its round."""
    conn = workspace.conn
    frameworks = {f.id: f for f in workspace_frameworks(workspace)}
    where, args = ("WHERE fiscal_year = ?", (fiscal_year,)) if fiscal_year is not None else ("", ())
    heads = {r[0]: r[1:] for r in conn.execute(
        f"SELECT id, agency, fiscal_year, framework_id FROM agreements {where} ORDER BY id", args)}
    versions = _versions_by_agreement(conn, heads)
    ratings = _ratings_by_sheet(conn, heads)
    needed: dict[tuple[int, int], int] = {}
    for agreement_id, evaluator_round in ratings.items():
        for _, round_ in evaluator_round:
            if (agreement_id, round_) not in needed:  # eight evaluators share the round's version
                needed[(agreement_id, round_)] = _version_for_round(versions.get(agreement_id, ()), round_)
    indicators = _indicators_of(conn, set(needed.values()))
    # One plan per agreement version and round, shared by every evaluator's sheet of that round (7 members and the
    # self-assessment score against the same weights and criteria).
    plans: dict[tuple[int, int, int], SheetPlan] = {}
    rules: RuleCache = {}  # criteria repeat across agreements: each one's rule is worked out once
    rounds_of: dict[tuple[int, int], set[int]] = defaultdict(set)
    for (agreement_id, round_), version_id in needed.items():
        rounds_of[(agreement_id, version_id)].add(round_)
    for (agreement_id, sheet_key), by_code in sorted(
            ((key, value) for key, value in _flatten(ratings)), key=lambda kv: kv[0]):
        evaluator, round_ = sheet_key
        agency, year, framework_id = heads[agreement_id]
        version_id = needed[(agreement_id, round_)]
        plan = plans.get((agreement_id, version_id, round_))
        if plan is None:
            agreement = Agreement(agency=agency, fiscal_year=year, framework_id=framework_id,
                                  indicators=indicators.get(version_id, ()))
            framework: Framework = frameworks[framework_id]
            for planned_round, planned in SheetPlan.for_rounds(
                    agreement, framework, sorted(rounds_of[(agreement_id, version_id)]), rules).items():
                plans[(agreement_id, version_id, planned_round)] = planned
            plan = plans[(agreement_id, version_id, round_)]
        yield ScoredSheet(agreement_id, agency, year, evaluator, round_, plan.score_values(by_code))


# What scoring reads of a stored rating: (result, adjusted_score, adjust_reason); a plain tuple is cheaper to make
# than a Rating, and there are a hundred thousand of them.
_Scored = tuple[Decimal | None, Decimal | None, str | None]


def _flatten(ratings: dict[int, dict[tuple[str, int], dict[str, _Scored]]]
             ) -> Iterator[tuple[tuple[int, tuple[str, int]], dict[str, _Scored]]]:
    for agreement_id, sheets in ratings.items():
        for evaluator_round, by_code in sheets.items():
            yield (agreement_id, evaluator_round), by_code


def _versions_by_agreement(conn: sqlite3.Connection, heads: dict[int, tuple[Any, ...]]
                           ) -> dict[int, list[tuple[int, AgreementVersion]]]:
    result: dict[int, list[tuple[int, AgreementVersion]]] = defaultdict(list)
    for agreement_id, version_id, number, status, effective_round in conn.execute(
            "SELECT agreement_id, id, number, status, effective_round FROM agreement_versions"):
        if agreement_id in heads:
            result[agreement_id].append((version_id, AgreementVersion(
                number=number, status=VersionStatus(status), author="", created_at="",
                effective_round=effective_round, id=version_id)))
    return result


def _version_for_round(versions: list[tuple[int, AgreementVersion]] | tuple[()], round_: int) -> int:
    chosen = in_force_for_round((v for _, v in versions), round_)
    if chosen is not None and chosen.id is not None:
        return chosen.id
    # no agreed version covers the round: the latest version, as store.agreements.version_in_force does
    return max(versions, key=lambda item: item[1].number)[0]


def _ratings_by_sheet(conn: sqlite3.Connection, heads: dict[int, tuple[Any, ...]]
                      ) -> dict[int, dict[tuple[str, int], dict[str, _Scored]]]:
    result: dict[int, dict[tuple[str, int], dict[str, _Scored]]] = defaultdict(lambda: defaultdict(dict))
    decimals: dict[str, Decimal] = {}  # results repeat a lot; parse each text once

    def number(text: str | None) -> Decimal | None:
        if text is None:
            return None
        value = decimals.get(text)
        if value is None:
            value = decimals[text] = Decimal(text)
        return value

    # Most ratings carry a result and no adjustment: their (result, None, None) is shared per result text.
    plain_values: dict[str | None, _Scored] = {}
    sheet: dict[str, _Scored] = {}
    last_agreement, last_evaluator, last_round = None, None, None
    for agreement_id, code, round_, evaluator, result_text, adjusted, reason in conn.execute(
            "SELECT agreement_id, code, round, evaluator, result, adjusted_score, adjust_reason FROM ratings"):
        if agreement_id != last_agreement or round_ != last_round or evaluator != last_evaluator:
            # rows of one sheet mostly come together: look its dict up once per run of them
            if agreement_id not in heads:
                continue
            sheet = result[agreement_id][(evaluator, round_)]
            last_agreement, last_evaluator, last_round = agreement_id, evaluator, round_
        if adjusted is None and reason is None:
            value = plain_values.get(result_text)
            if value is None:
                value = plain_values[result_text] = (number(result_text), None, None)
            sheet[code] = value
        else:
            sheet[code] = (number(result_text), None if adjusted is None else number(adjusted), reason)
    return result


def _indicators_of(conn: sqlite3.Connection, version_ids: set[int]) -> dict[int, tuple[Indicator, ...]]:
    """The indicators of these versions with what scoring reads (code, name, weights, criteria, kind, dimension,
    rounds); the descriptive texts a score sheet never shows are left out."""
    if not version_ids:
        return {}
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    # weights and kinds repeat across thousands of indicators: each text parsed once
    weights: dict[str, Decimal] = {}
    kinds = {kind.value: kind for kind in IndicatorKind}
    # One pass over the table; filtering in Python beats a 300-item IN list for whole-workspace runs.
    for (version_id, code, name, weight, thresholds, kind, dimension, start_round, cancel_round,
         round_weights, bands) in conn.execute(
            "SELECT version_id, code, name, weight, thresholds, kind, dimension, start_round, cancel_round, "
            "round_weights, bands FROM indicators ORDER BY version_id, ord"):
        if version_id not in version_ids:
            continue
        parsed = weights.get(weight)
        if parsed is None:
            parsed = weights[weight] = parse_stored_decimal(weight)
        grouped[version_id].append(Indicator(
            code=code, name=name, weight=parsed,
            thresholds=None if thresholds is None else parse_stored_thresholds(thresholds, bands),
            kind=kinds.get(kind) or IndicatorKind(kind), dimension=dimension, start_round=start_round,
            cancel_round=cancel_round,
            round_weights={} if round_weights == "{}" else {
                int(k): Decimal(v) for k, v in json.loads(round_weights).items()}))
    return {version_id: tuple(items) for version_id, items in grouped.items()}
