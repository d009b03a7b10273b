"""The chain of negotiated versions of an agreement: draft, proposals, agreed, revisions; each change one
transaction and one audit entry, and an agreed version never edited in place."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..domain.agreement import Agreement, Indicator
from ..domain.negotiation import (
    AgreementVersion,
    VersionStatus,
    agree_problems,
    in_force_for_round,
    require_valid,
)
from ..domain.problems import Problem, ProblemsError
from ..domain.version_diff import VersionDiff, diff_indicators
from .agreements import AgreementNotFound, indicator_from_row, indicator_row, load_agreement, version_in_force
from .audit import append_audit, utc_now
from .frameworks import get_framework
from .workspace import Workspace

ENTITY = "agreement_version"
_COLUMNS = ("id, number, status, author, reason, created_at, locked, effective_round, based_on, minute, "
            "agreed_at, agreed_by, session")


class VersionNotFound(ProblemsError):
    """No version with that number in the agreement."""


class VersionLocked(ProblemsError):
    """An agreed version was to be changed in place; a change is a new version (a revision)."""


# -- reading ----------------------------------------------------------------------------------------------


def list_versions(workspace: Workspace, agreement_id: int, *, with_indicators: bool = True) -> list[AgreementVersion]:
    """Every version of the agreement, oldest first."""
    _require_agreement(workspace, agreement_id)
    rows = workspace.conn.execute(
        f"SELECT {_COLUMNS} FROM agreement_versions WHERE agreement_id = ? ORDER BY number",
        (agreement_id,)).fetchall()
    return [_version_from_row(workspace.conn, row, with_indicators) for row in rows]


def get_version(workspace: Workspace, agreement_id: int, number: int) -> AgreementVersion:
    _require_agreement(workspace, agreement_id)
    row = workspace.conn.execute(
        f"SELECT {_COLUMNS} FROM agreement_versions WHERE agreement_id = ? AND number = ?",
        (agreement_id, number)).fetchone()
    if row is None:
        known = ", ".join(str(v.number) for v in list_versions(workspace, agreement_id, with_indicators=False))
        raise VersionNotFound([Problem(
            th=f"คำรับรองหมายเลข {agreement_id} ไม่มีฉบับที่ {number} (มีฉบับที่ {known})",
            en=f"agreement {agreement_id} has no version {number} (it has {known})", field="version")])
    return _version_from_row(workspace.conn, row, True)


def latest_version(workspace: Workspace, agreement_id: int) -> AgreementVersion:
    """The newest version of any status: what a proposal or counter-proposal starts from by default."""
    versions = list_versions(workspace, agreement_id, with_indicators=False)
    if not versions:
        raise VersionNotFound([Problem(th=f"คำรับรองหมายเลข {agreement_id} ยังไม่มีฉบับใด",
                                       en=f"agreement {agreement_id} has no version yet", field="version")])
    return get_version(workspace, agreement_id, versions[-1].number)


def last_agreed(workspace: Workspace, agreement_id: int) -> AgreementVersion | None:
    """The most recently agreed version (the year's agreement, or its latest revision)."""
    agreed = [v for v in list_versions(workspace, agreement_id, with_indicators=False)
              if v.status is VersionStatus.AGREED]
    return get_version(workspace, agreement_id, agreed[-1].number) if agreed else None


def version_for_round(conn: sqlite3.Connection, agreement_id: int, round_: int) -> int:
    """The row id of the version results of `round_` score against: the latest agreed version covering the
    round (a revision from round 9 covers 9 and 12, not 6); without one, the version in force as before."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM agreement_versions WHERE agreement_id = ? AND status = 'agreed'",
        (agreement_id,)).fetchall()
    chosen = in_force_for_round((_version_from_row(conn, r, False) for r in rows), round_)
    if chosen is not None and chosen.id is not None:
        return chosen.id
    if conn.execute("SELECT 1 FROM agreements WHERE id = ?", (agreement_id,)).fetchone() is None:
        raise AgreementNotFound(f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")
    return version_in_force(conn, agreement_id)[0]


def agreement_at(workspace: Workspace, agreement_id: int, version: AgreementVersion | int) -> Agreement:
    """The agreement (agency, year, parties, framework) with the indicator set of one version."""
    if isinstance(version, int):
        version = get_version(workspace, agreement_id, version)
    head = load_agreement_head(workspace, agreement_id)
    return replace(head, indicators=version.indicators)


def load_agreement_head(workspace: Workspace, agreement_id: int) -> Agreement:
    """Agency, year, framework and parties (indicators of the version in force); refuses an unknown id."""
    return load_agreement(workspace, agreement_id).agreement


# -- writing ----------------------------------------------------------------------------------------------


def save_version(workspace: Workspace, agreement_id: int, indicators: Sequence[Indicator], *,
                 status: VersionStatus, author: str, actor: str, reason: str | None = None,
                 minute: str | None = None, based_on: int | None = None, effective_round: int | None = None,
                 session: str | None = None) -> AgreementVersion:
    """Add a new version with the full indicator set. A draft may break the constraints; a proposal,
    counter-proposal or agreed version (an in-year revision is one with `effective_round`) is refused with
    every broken constraint (ProblemsError) and nothing is written."""
    author = (author or "").strip()
    if not author:
        raise ProblemsError([Problem(th="ต้องระบุผู้เสนอ (คณะกรรมการ ส่วนราชการ หรือกรรมการ)",
                                     en="a version needs an author (committee, agency or a member)",
                                     field="author")])
    head = load_agreement_head(workspace, agreement_id)
    if status is not VersionStatus.DRAFT:
        framework = get_framework(workspace, head.framework_id or "")
        require_valid(replace(head, indicators=tuple(indicators)), framework, effective_round)
    if based_on is not None:
        get_version(workspace, agreement_id, based_on)
    now = utc_now()
    agreed = status is VersionStatus.AGREED
    with workspace.transaction() as conn:
        number = int(conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM agreement_versions WHERE agreement_id = ?",
            (agreement_id,)).fetchone()[0])
        cursor = conn.execute(
            "INSERT INTO agreement_versions (agreement_id, number, status, author, reason, created_at, locked, "
            "effective_round, based_on, minute, agreed_at, agreed_by, session) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (agreement_id, number, status.value, author, _text(reason), now, int(agreed), effective_round,
             based_on, _text(minute), now if agreed else None, actor if agreed else None, _text(session)))
        version_id = int(cursor.lastrowid or 0)
        _insert_indicators(conn, version_id, indicators)
        version = AgreementVersion(
            number=number, status=status, author=author, created_at=now, indicators=tuple(indicators),
            reason=_text(reason), minute=_text(minute), effective_round=effective_round, based_on=based_on,
            agreed_at=now if agreed else None, agreed_by=actor if agreed else None, session=_text(session),
            id=version_id)
        action = "revise agreement" if agreed and effective_round is not None else f"save {status.value} version"
        append_audit(conn, actor, action, ENTITY, f"{agreement_id}/{number}", None, version_snapshot(version))
    return version


def update_draft(workspace: Workspace, agreement_id: int, number: int, indicators: Sequence[Indicator], *,
                 actor: str, reason: str | None = None) -> AgreementVersion:
    """Replace the indicator set of a draft in place (the meeting's working copy). Proposals and agreed versions
    are records of what was put forward or decided, so they are never edited: make a new version."""
    version = get_version(workspace, agreement_id, number)
    if version.status is not VersionStatus.DRAFT:
        raise _not_editable(version)
    updated = replace(version, indicators=tuple(indicators), reason=_text(reason) if reason else version.reason)
    with workspace.transaction() as conn:
        # Guard against a concurrent agree between our read and this write.
        row = conn.execute("SELECT status, locked FROM agreement_versions WHERE id = ?", (version.id,)).fetchone()
        if row is None or row[0] != VersionStatus.DRAFT.value or row[1]:
            raise _not_editable(get_version(workspace, agreement_id, number))
        conn.execute("DELETE FROM indicators WHERE version_id = ?", (version.id,))
        _insert_indicators(conn, version.id or 0, indicators)
        conn.execute("UPDATE agreement_versions SET reason = ? WHERE id = ?", (updated.reason, version.id))
        append_audit(conn, actor, "update draft version", ENTITY, f"{agreement_id}/{number}",
                     version_snapshot(version), version_snapshot(updated))
    return updated


def agree_version(workspace: Workspace, agreement_id: int, number: int, *, actor: str,
                  minute: str | None = None, session: str | None = None) -> AgreementVersion:
    """Agree a draft, proposal or counter-proposal as it stands: check its constraints, lock it and record the
    decision text (`minute`). An agreed version is refused (VersionLocked), as is a stale one."""
    version = get_version(workspace, agreement_id, number)
    later = [v.number for v in list_versions(workspace, agreement_id, with_indicators=False)
             if v.status is VersionStatus.AGREED and v.number > number]
    problems = agree_problems(version, later)
    if problems:
        raise (VersionLocked if version.locked else ProblemsError)(problems)
    head = load_agreement_head(workspace, agreement_id)
    require_valid(replace(head, indicators=version.indicators),
                  get_framework(workspace, head.framework_id or ""), version.effective_round)
    now = utc_now()
    agreed = replace(version, status=VersionStatus.AGREED, minute=_text(minute) or version.minute,
                     agreed_at=now, agreed_by=actor, session=_text(session) or version.session)
    with workspace.transaction() as conn:
        cursor = conn.execute(
            "UPDATE agreement_versions SET status = 'agreed', locked = 1, minute = ?, agreed_at = ?, "
            "agreed_by = ?, session = ? WHERE id = ? AND locked = 0",
            (agreed.minute, now, actor, agreed.session, version.id))
        if cursor.rowcount != 1:  # agreed by someone else between our read and this write
            raise VersionLocked(agree_problems(get_version(workspace, agreement_id, number), []))
        append_audit(conn, actor, "agree version", ENTITY, f"{agreement_id}/{number}",
                     _header(version), _header(agreed))
    return agreed


def revise(workspace: Workspace, agreement_id: int, indicators: Sequence[Indicator], *, from_round: int,
           author: str, actor: str, reason: str, minute: str | None = None,
           session: str | None = None) -> AgreementVersion:
    """An in-year revision decided by the committee: a new agreed version in force from `from_round` on.
    The versions before it stay as they are and still govern the earlier rounds."""
    if not (reason or "").strip():
        raise ProblemsError([Problem(th="ฉบับแก้ไขระหว่างปีต้องระบุเหตุผล", en="an in-year revision needs a reason",
                                     field="reason")])
    base = last_agreed(workspace, agreement_id)
    return save_version(workspace, agreement_id, indicators, status=VersionStatus.AGREED, author=author,
                        actor=actor, reason=reason, minute=minute, based_on=None if base is None else base.number,
                        effective_round=from_round, session=session)


def guard_unlocked(version: AgreementVersion) -> None:
    """Refuse any in-place change of an agreed version (the window's editors call this before editing)."""
    if version.locked:
        raise _not_editable(version)


# -- comparing and what-if ----------------------------------------------------------------------------------


def diff_versions(workspace: Workspace, agreement_id: int, old: int, new: int) -> VersionDiff:
    return diff_indicators(get_version(workspace, agreement_id, old).indicators,
                           get_version(workspace, agreement_id, new).indicators)


# -- plain data -------------------------------------------------------------------------------------------


def version_snapshot(version: AgreementVersion) -> dict[str, Any]:
    """The version with its full indicator set as plain data, for the audit log and `versions --json`."""
    return {**_header(version), "indicators": [indicator_row(i) for i in version.indicators]}


def _header(version: AgreementVersion) -> dict[str, Any]:
    return {
        "number": version.number, "status": version.status.value, "author": version.author,
        "created_at": version.created_at, "reason": version.reason, "minute": version.minute,
        "effective_round": version.effective_round, "based_on": version.based_on,
        "agreed_at": version.agreed_at, "agreed_by": version.agreed_by, "session": version.session,
        "locked": version.locked,
    }


def _version_from_row(conn: sqlite3.Connection, row: Sequence[Any], with_indicators: bool) -> AgreementVersion:
    (version_id, number, status, author, reason, created_at, locked, effective_round, based_on, minute,
     agreed_at, agreed_by, session) = row
    try:
        kind = VersionStatus(status)
    except ValueError:  # a status written by an older or foreign tool: its lock decides
        kind = VersionStatus.AGREED if locked else VersionStatus.DRAFT
    indicators: tuple[Indicator, ...] = ()
    if with_indicators:
        old_factory = conn.row_factory
        conn.row_factory = sqlite3.Row
        try:
            rows = conn.execute("SELECT * FROM indicators WHERE version_id = ? ORDER BY ord",
                                (version_id,)).fetchall()
        finally:
            conn.row_factory = old_factory
        indicators = tuple(indicator_from_row(r) for r in rows)
    agreed = kind is VersionStatus.AGREED
    return AgreementVersion(
        number=int(number), status=kind, author=author, created_at=created_at, indicators=indicators,
        reason=reason, minute=minute, effective_round=effective_round, based_on=based_on,
        # Versions stored before negotiation existed (imports) were agreed when they were created.
        agreed_at=agreed_at or (created_at if agreed else None), agreed_by=agreed_by or (author if agreed else None),
        session=session, id=int(version_id))


def _require_agreement(workspace: Workspace, agreement_id: int) -> None:
    if workspace.conn.execute("SELECT 1 FROM agreements WHERE id = ?", (agreement_id,)).fetchone() is None:
        raise AgreementNotFound(f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")


def _insert_indicators(conn: sqlite3.Connection, version_id: int, indicators: Sequence[Indicator]) -> None:
    rows = [indicator_row(item) for item in indicators]
    if not rows:
        return
    columns = list(rows[0])
    conn.executemany(
        f"INSERT INTO indicators (version_id, ord, {', '.join(columns)}) "
        f"VALUES (?, ?, {', '.join('?' for _ in columns)})",
        [(version_id, n, *row.values()) for n, row in enumerate(rows)])


def _not_editable(version: AgreementVersion) -> ProblemsError:
    th_kind, en_kind = version.label()
    if version.locked:
        return VersionLocked([Problem(
            th=f"ฉบับที่ {version.number} ตกลงแล้วและถูกล็อก แก้ไขในที่เดิมไม่ได้ ให้ทำฉบับแก้ไขใหม่",
            en=f"version {version.number} is agreed and locked; it cannot be edited in place, make a revision",
            field="status")])
    return ProblemsError([Problem(
        th=f"ฉบับที่ {version.number} เป็น{th_kind} ซึ่งเป็นบันทึกสิ่งที่เสนอแล้ว แก้ไขไม่ได้ ให้ทำฉบับใหม่",
        en=f"version {version.number} is a {en_kind}, a record of what was put forward; make a new version",
        field="status")])


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None
