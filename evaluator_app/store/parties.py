"""The parties of a stored agreement: read them, and replace them as one audited change."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..domain.agreement import Party, PartySide
from ..domain.parties import party_problems
from ..domain.problems import ProblemsError
from .agreements import AgreementNotFound
from .audit import append_audit
from .workspace import Workspace

__all__ = ["load_parties", "parties_in_order", "set_parties"]


def load_parties(workspace: Workspace, agreement_id: int) -> tuple[Party, ...]:
    """The agreement's parties in their order (recipients and givers as entered); refuses an unknown id."""
    _require(workspace.conn, agreement_id)
    return _read(workspace.conn, agreement_id)


def parties_in_order(parties: Sequence[Party]) -> tuple[Party, ...]:
    """Recipients first, then givers, each side in the order given: the order the paper prints them."""
    return (*[p for p in parties if p.side is PartySide.RECIPIENT], *[p for p in parties if p.side is PartySide.GIVER])


def set_parties(workspace: Workspace, agreement_id: int, parties: Sequence[Party], *, actor: str) -> bool:
    """Replace all parties of the agreement with these, in one transaction with one audit entry.

    Refuses (ProblemsError, nothing written) what `party_problems` finds. Returns False, writing nothing, when
    the parties are already exactly these."""
    ordered = parties_in_order(parties)
    problems = party_problems(ordered)
    if problems:
        raise ProblemsError(problems)
    with workspace.transaction() as conn:
        _require(conn, agreement_id)
        before = _read(conn, agreement_id)
        if before == ordered:
            return False
        conn.execute("DELETE FROM parties WHERE agreement_id = ?", (agreement_id,))
        conn.executemany(
            "INSERT INTO parties (agreement_id, side, name, position, ord) VALUES (?, ?, ?, ?, ?)",
            [(agreement_id, p.side.value, p.name, p.position, n) for n, p in enumerate(ordered)])
        append_audit(conn, actor, "edit parties", "agreement", str(agreement_id), _snapshot(before),
                     _snapshot(ordered))
    return True


def _read(conn: sqlite3.Connection, agreement_id: int) -> tuple[Party, ...]:
    rows = conn.execute("SELECT side, name, position FROM parties WHERE agreement_id = ? ORDER BY ord",
                        (agreement_id,)).fetchall()
    return tuple(Party(PartySide(side), name, position) for side, name, position in rows)


def _require(conn: sqlite3.Connection, agreement_id: int) -> None:
    if conn.execute("SELECT 1 FROM agreements WHERE id = ?", (agreement_id,)).fetchone() is None:
        raise AgreementNotFound(f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")


def _snapshot(parties: Sequence[Party]) -> dict[str, list[list[str]]]:
    return {"parties": [[p.side.value, p.name, p.position] for p in parties]}
