"""Saving and loading agreements, their parties and the indicator set of each version."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..domain.agreement import Agreement, Indicator, IndicatorKind, Party, PartySide, code_key
from ..domain.bands import Band, ScoringMethod
from ..domain.problems import Problem
from ..domain.thresholds import Thresholds
from .agreement_list import AgreementSummary, agreement_summaries
from .audit import append_audit, utc_now
from .import_warnings import save_version_warnings
from .workspace import Workspace


class AgreementNotFound(LookupError):
    pass


@dataclass(frozen=True)
class StoredAgreement:
    id: int
    version_id: int
    version_number: int
    agreement: Agreement


def indicator_row(item: Indicator) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "dimension": item.dimension,
        "unit": item.unit,
        "kind": item.kind.value,
        "weight": str(item.weight),
        "thresholds": None if item.thresholds is None else json.dumps([str(v) for v in item.thresholds.values]),
        "target": item.target,
        "baseline": item.baseline,
        "description": item.description,
        "formula": item.formula,
        "conditions": item.conditions,
        "data_source": item.data_source,
        "supervisor": item.supervisor,
        "collector": item.collector,
        "start_round": item.start_round,
        "cancel_round": item.cancel_round,
        "round_weights": "{}" if not item.round_weights else json.dumps(
            {str(k): str(v) for k, v in sorted(item.round_weights.items())}),
        "level_descriptions": "[]" if not item.level_descriptions else json.dumps(
            list(item.level_descriptions), ensure_ascii=False),
        "method": ScoringMethod.INTERPOLATED.value if item.thresholds is None else item.thresholds.method.value,
        "bands": None if item.thresholds is None or item.thresholds.bands is None else json.dumps(
            [b.to_json() for b in item.thresholds.bands]),
    }


def indicator_from_row(row: sqlite3.Row | dict[str, Any]) -> Indicator:
    thresholds = row["thresholds"]
    # rows written before the import policy (packages of older versions) have no bands
    bands = row["bands"] if "bands" in row.keys() else None  # sqlite3.Row has keys(), not __contains__
    round_weights = row["round_weights"]
    level_descriptions = row["level_descriptions"]
    return Indicator(
        code=row["code"],
        name=row["name"],
        weight=parse_stored_decimal(row["weight"]),
        thresholds=None if thresholds is None else parse_stored_thresholds(thresholds, bands),
        kind=IndicatorKind(row["kind"]),
        dimension=row["dimension"],
        unit=row["unit"],
        target=row["target"],
        baseline=row["baseline"],
        description=row["description"],
        formula=row["formula"],
        conditions=row["conditions"],
        data_source=row["data_source"],
        supervisor=row["supervisor"],
        collector=row["collector"],
        start_round=row["start_round"],
        cancel_round=row["cancel_round"],
        round_weights={} if round_weights == "{}" else {
            int(k): Decimal(v) for k, v in json.loads(round_weights).items()},
        level_descriptions=() if level_descriptions == "[]" else tuple(json.loads(level_descriptions)),
    )


# Stored texts to the immutable values they stand for, parsed once: a merge or an import loads the same agreement
# versions many times. Keyed by the exact text, so 1.0 and 1 stay distinct Decimals.
@lru_cache(maxsize=4096)
def parse_stored_decimal(text: str) -> Decimal:
    """A stored weight's text as its Decimal."""
    return Decimal(text)


@lru_cache(maxsize=16384)
def parse_stored_thresholds(text: str, bands: str | None = None) -> Thresholds:
    """A stored indicator's criteria (JSON list of numbers as text, and its bands when banded) as Thresholds."""
    values = tuple(Decimal(v) for v in json.loads(text))
    if bands is None:
        return Thresholds(values)
    return Thresholds(values, tuple(Band.from_json(b) for b in json.loads(bands)))


def agreement_snapshot(agreement: Agreement, *, indicator_rows: list[dict[str, Any]] | None = None
                       ) -> dict[str, Any]:
    """The whole agreement as plain data, for the audit log and for comparing two agreements
    (`indicator_rows`: its indicators' rows when the caller made them already)."""
    return {
        "agency": agreement.agency,
        "fiscal_year": agreement.fiscal_year,
        "framework_id": agreement.framework_id,
        "parties": [[p.side.value, p.name, p.position] for p in agreement.parties],
        "indicators": [indicator_row(i) for i in agreement.indicators] if indicator_rows is None
        else list(indicator_rows),
    }


def add_agreement(workspace: Workspace, agreement: Agreement, *, actor: str, source: str | None = None,
                  status: str = "agreed", reason: str | None = None,
                  warnings: Sequence[Problem] = ()) -> StoredAgreement:
    """Store a new agreement with its first version. Call inside `workspace.transaction()` to group
    several agreements into one all-or-nothing import; on its own it is one transaction.
    `warnings`: what the import policy took as written, stored with the version (and in its audit entry)."""
    if agreement.framework_id is None:
        raise ValueError("an agreement is stored with the framework it is scored under")
    now = utc_now()
    with workspace.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO agreements (agency, fiscal_year, framework_id, title, source, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (agreement.agency, agreement.fiscal_year, agreement.framework_id, agreement.title, source, now),
        )
        agreement_id = int(cursor.lastrowid)
        conn.executemany(
            "INSERT INTO parties (agreement_id, side, name, position, ord) VALUES (?, ?, ?, ?, ?)",
            [(agreement_id, p.side.value, p.name, p.position, n) for n, p in enumerate(agreement.parties)],
        )
        rows = [indicator_row(item) for item in agreement.indicators]  # stored and logged: made once
        version_id = _insert_version(conn, agreement_id, 1, status, actor, reason, now, agreement.indicators,
                                     rows=rows)
        snapshot = {**agreement_snapshot(agreement, indicator_rows=rows), "source": source, "version": 1}
        if warnings:
            save_version_warnings(conn, version_id, warnings)
            snapshot["warnings"] = [str(w) for w in warnings]
        append_audit(conn, actor, "import agreement", "agreement", str(agreement_id), None, snapshot)
    return StoredAgreement(agreement_id, version_id, 1, agreement)


def _insert_version(conn: sqlite3.Connection, agreement_id: int, number: int, status: str, author: str,
                    reason: str | None, now: str, indicators: tuple[Indicator, ...], *,
                    rows: list[dict[str, Any]] | None = None) -> int:
    cursor = conn.execute(
        "INSERT INTO agreement_versions (agreement_id, number, status, author, reason, created_at, locked) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (agreement_id, number, status, author, reason, now, 1 if status == "agreed" else 0),
    )
    version_id = int(cursor.lastrowid)
    if rows is None:
        rows = [indicator_row(item) for item in indicators]
    columns = list(rows[0]) if rows else []
    if rows:
        conn.executemany(
            f"INSERT INTO indicators (version_id, ord, {', '.join(columns)}) "
            f"VALUES (?, ?, {', '.join('?' for _ in columns)})",
            [(version_id, n, *row.values()) for n, row in enumerate(rows)],
        )
    return version_id


def version_in_force(conn: sqlite3.Connection, agreement_id: int) -> tuple[int, int]:
    """(version id, number) of the latest agreed version, or the latest version when none is agreed yet."""
    row = conn.execute(
        "SELECT id, number FROM agreement_versions WHERE agreement_id = ? "
        "ORDER BY (status = 'agreed') DESC, number DESC LIMIT 1", (agreement_id,)).fetchone()
    if row is None:
        raise AgreementNotFound(agreement_id)
    return int(row[0]), int(row[1])


def load_agreement(workspace: Workspace, agreement_id: int, version_id: int | None = None) -> StoredAgreement:
    conn = workspace.conn
    head = conn.execute(
        "SELECT agency, fiscal_year, framework_id, title FROM agreements WHERE id = ?", (agreement_id,)
    ).fetchone()
    if head is None:
        raise AgreementNotFound(
            f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")
    if version_id is None:
        version_id, number = version_in_force(conn, agreement_id)
    else:
        number = int(conn.execute(
            "SELECT number FROM agreement_versions WHERE id = ? AND agreement_id = ?",
            (version_id, agreement_id)).fetchone()[0])
    old_factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        indicator_rows = conn.execute(
            "SELECT * FROM indicators WHERE version_id = ? ORDER BY ord", (version_id,)).fetchall()
        party_rows = conn.execute(
            "SELECT side, name, position FROM parties WHERE agreement_id = ? ORDER BY ord",
            (agreement_id,)).fetchall()
    finally:
        conn.row_factory = old_factory
    agreement = Agreement(
        agency=head[0],
        fiscal_year=int(head[1]),
        framework_id=head[2],
        title=head[3],
        indicators=tuple(indicator_from_row(r) for r in indicator_rows),
        parties=tuple(Party(PartySide(r["side"]), r["name"], r["position"]) for r in party_rows),
    )
    return StoredAgreement(agreement_id, version_id, number, agreement)


def load_agreements_in_force(workspace: Workspace, agreement_ids: Iterable[int]) -> dict[int, StoredAgreement]:
    """`load_agreement(workspace, id)` of each of these agreements, read in a few queries instead of four each;
    an id with no agreement (or no version) is left out, for load_agreement to refuse as it does."""
    ids = sorted(set(agreement_ids))
    conn = workspace.conn
    heads: dict[int, tuple] = {}
    in_force: dict[int, tuple[int, int]] = {}  # agreement id -> (version id, number)
    rank: dict[int, tuple[bool, int]] = {}
    for chunk in (ids[n:n + 500] for n in range(0, len(ids), 500)):
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
                f"SELECT id, agency, fiscal_year, framework_id, title FROM agreements WHERE id IN ({marks})", chunk):
            heads[int(row[0])] = row[1:]
        # version_in_force: the latest agreed version, or the latest one when none is agreed yet
        for agreement_id, version_id, number, status in conn.execute(
                f"SELECT agreement_id, id, number, status FROM agreement_versions WHERE agreement_id IN ({marks})",
                chunk):
            key = (status == "agreed", number)
            if agreement_id not in rank or key > rank[agreement_id]:
                rank[agreement_id] = key
                in_force[agreement_id] = (int(version_id), int(number))
    found = [i for i in ids if i in heads and i in in_force]
    versions = {in_force[i][0]: i for i in found}
    indicators: dict[int, list[Indicator]] = {i: [] for i in found}
    parties: dict[int, list[Party]] = {i: [] for i in found}
    old_factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        version_ids = sorted(versions)
        for chunk in (version_ids[n:n + 500] for n in range(0, len(version_ids), 500)):
            for row in conn.execute(f"SELECT * FROM indicators WHERE version_id IN ({', '.join('?' * len(chunk))}) "
                                    "ORDER BY version_id, ord", chunk):
                indicators[versions[row["version_id"]]].append(indicator_from_row(row))
        for chunk in (found[n:n + 500] for n in range(0, len(found), 500)):
            for row in conn.execute(
                    f"SELECT agreement_id, side, name, position FROM parties WHERE agreement_id IN "
                    f"({', '.join('?' * len(chunk))}) ORDER BY agreement_id, ord", chunk):
                parties[row["agreement_id"]].append(Party(PartySide(row["side"]), row["name"], row["position"]))
    finally:
        conn.row_factory = old_factory
    loaded: dict[int, StoredAgreement] = {}
    for agreement_id in found:
        agency, fiscal_year, framework_id, title = heads[agreement_id]
        version_id, number = in_force[agreement_id]
        loaded[agreement_id] = StoredAgreement(agreement_id, version_id, number, Agreement(
            agency=agency, fiscal_year=int(fiscal_year), framework_id=framework_id, title=title,
            indicators=tuple(indicators[agreement_id]), parties=tuple(parties[agreement_id])))
    return loaded


def list_agreements(workspace: Workspace) -> list[AgreementSummary]:
    return agreement_summaries(workspace.conn)


def find_agreement_id(workspace: Workspace, agency: str, fiscal_year: int) -> int | None:
    row = workspace.conn.execute(
        "SELECT id FROM agreements WHERE agency = ? AND fiscal_year = ?", (agency, fiscal_year)).fetchone()
    return None if row is None else int(row[0])


def resolve_agreement(workspace: Workspace, text: str) -> int:
    """An agreement named on the command line: its id, or a unique part of the agency's name
    (optionally followed by /YEAR)."""
    text = text.strip()
    if text.isdigit():
        if workspace.conn.execute("SELECT 1 FROM agreements WHERE id = ?", (int(text),)).fetchone():
            return int(text)
        raise AgreementNotFound(f"ไม่พบคำรับรองหมายเลข {text} / no agreement with id {text}")
    name, _, year = text.rpartition("/") if "/" in text else (text, "", "")
    # % and _ in a name are the characters themselves, not LIKE's wildcards ("50%" must not match everything)
    escaped = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    args: list[Any] = [f"%{escaped}%"]
    sql = "SELECT id, agency, fiscal_year FROM agreements WHERE agency LIKE ? ESCAPE '\\'"
    if year.strip().isdigit():
        sql += " AND fiscal_year = ?"
        args.append(int(year))
    rows = workspace.conn.execute(sql + " ORDER BY fiscal_year DESC, agency", args).fetchall()
    exact = [r for r in rows if r[1] == name.strip()]
    if len(exact) == 1:
        rows = exact
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        raise AgreementNotFound(f"ไม่พบคำรับรองที่ตรงกับ '{text}' / no agreement matches '{text}'")
    listed = "; ".join(f"{r[0]} = {r[1]} {r[2]}" for r in rows[:10])
    raise AgreementNotFound(
        f"มีคำรับรองหลายฉบับตรงกับ '{text}' โปรดระบุหมายเลข / '{text}' matches several agreements, "
        f"give the id: {listed}")


def sorted_codes(codes: list[str]) -> list[str]:
    return sorted(codes, key=code_key)
