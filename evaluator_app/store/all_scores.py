"""Every score sheet of a workspace in a few queries: every agreement, evaluator and round at once.

The per-agreement path (evaluation.score_sheet) costs several queries per sheet; a fiscal-year summary, a
national recompute or a batch of reports would pay that thousands of times.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..domain.agreement import Agreement, Indicator
from ..domain.framework import Framework
from ..domain.negotiation import AgreementVersion, VersionStatus, in_force_for_round
from ..domain.rating import Rating
from ..domain.scoring import ScoreSheet, score_agreement
from .agreements import indicator_from_row
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
            needed[(agreement_id, round_)] = _version_for_round(versions.get(agreement_id, ()), round_)
    indicators = _indicators_of(conn, set(needed.values()))
    agreements: dict[tuple[int, int], Agreement] = {}
    for (agreement_id, evaluator_round), by_code in sorted(
            ((key, value) for key, value in _flatten(ratings)), key=lambda kv: kv[0]):
        evaluator, round_ = evaluator_round
        agency, year, framework_id = heads[agreement_id]
        version_id = needed[(agreement_id, round_)]
        key = (agreement_id, version_id)
        agreement = agreements.get(key)
        if agreement is None:
            agreement = Agreement(agency=agency, fiscal_year=year, framework_id=framework_id,
                                  indicators=indicators.get(version_id, ()))
            agreements[key] = agreement
        framework: Framework = frameworks[framework_id]
        yield ScoredSheet(agreement_id, agency, year, evaluator, round_,
                          score_agreement(agreement, by_code, framework, round_))


def _flatten(ratings: dict[int, dict[tuple[str, int], dict[str, Rating]]]
             ) -> Iterator[tuple[tuple[int, tuple[str, int]], dict[str, Rating]]]:
    for agreement_id, sheets in ratings.items():
        for evaluator_round, by_code in sheets.items():
            yield (agreement_id, evaluator_round), by_code


def _versions_by_agreement(conn: sqlite3.Connection, heads: dict[int, tuple]
                           ) -> dict[int, list[tuple[int, AgreementVersion]]]:
    result: dict[int, list[tuple[int, AgreementVersion]]] = defaultdict(list)
    for agreement_id, version_id, number, status, effective_round in conn.execute(
            "SELECT agreement_id, id, number, status, effective_round FROM agreement_versions"):
        if agreement_id in heads:
            result[agreement_id].append((version_id, AgreementVersion(
                number=number, status=VersionStatus(status), author="", created_at="",
                effective_round=effective_round, id=version_id)))
    return result


def _version_for_round(versions: list[tuple[int, AgreementVersion]] | tuple, round_: int) -> int:
    chosen = in_force_for_round((v for _, v in versions), round_)
    if chosen is not None and chosen.id is not None:
        return chosen.id
    # no agreed version covers the round: the latest version, as store.agreements.version_in_force does
    return max(versions, key=lambda item: item[1].number)[0]


def _ratings_by_sheet(conn: sqlite3.Connection, heads: dict[int, tuple]
                      ) -> dict[int, dict[tuple[str, int], dict[str, Rating]]]:
    result: dict[int, dict[tuple[str, int], dict[str, Rating]]] = defaultdict(lambda: defaultdict(dict))
    decimals: dict[str, Decimal] = {}  # results repeat a lot; parse each text once

    def number(text: str | None) -> Decimal | None:
        if text is None:
            return None
        value = decimals.get(text)
        if value is None:
            value = decimals[text] = Decimal(text)
        return value

    for agreement_id, code, round_, evaluator, result_text, adjusted, reason, comment in conn.execute(
            "SELECT agreement_id, code, round, evaluator, result, adjusted_score, adjust_reason, comment "
            "FROM ratings"):
        if agreement_id in heads:
            result[agreement_id][(evaluator, round_)][code] = Rating(
                code, round_, evaluator, number(result_text), number(adjusted), reason, comment)
    return result


def _indicators_of(conn: sqlite3.Connection, version_ids: set[int]) -> dict[int, tuple[Indicator, ...]]:
    if not version_ids:
        return {}
    old_factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    try:
        # One pass over the table; filtering in Python beats a 300-item IN list for whole-workspace runs.
        for row in conn.execute("SELECT * FROM indicators ORDER BY version_id, ord"):
            if row["version_id"] in version_ids:
                grouped[row["version_id"]].append(indicator_from_row(row))
    finally:
        conn.row_factory = old_factory
    return {version_id: tuple(items) for version_id, items in grouped.items()}

