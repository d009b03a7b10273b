"""Merging a member's offline ratings into the master workspace (HotCRP's offline review rule): newer ratings are
applied and audited, older or diverged ones are kept out and listed as edit conflicts, a replay changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar

from ..domain.agreement import Agreement, Indicator
from ..domain.framework import Framework
from ..domain.panel import SubmissionState
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import Rating
from ..domain.scoring import result_problem
from .agreements import (
    StoredAgreement,
    agreement_snapshot,
    find_agreement_id,
    load_agreement,
    load_agreements_in_force,
)
from .audit import (
    AuditTextItem,
    ChangeItem,
    append_audit_texts,
    append_committed_records,
    audit_text,
    utc_now,
)
from .audit import quote_text as _quote
from .evidence import evidence_folder
from .frameworks import get_framework
from .leftovers import temporary_beside
from .panel import Submission, result_state, submission_state, write_submission
from .panel_conflicts import insert_conflicts, rating_revision, stored_revision
from .schema_reports import ISSUED_MESSAGE
from .snapshots import issued_problem
from .sqlite import insert_many, savepoint
from .workspace import Workspace

R = TypeVar("R")


def _stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """What changes when anything is written: commits by other connections (`data_version`) and rows changed on
    this one (`total_changes`)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


def agreement_digest(agreement: Agreement) -> str:
    """A fingerprint of what members rate (agency, year, framework, indicators and criteria): the same on the
    secretary's and the members' laptops as long as they rate the same version. The parties are left out: they
    are edited after the panel package went out (`parties`), and a new signatory changes no rating."""
    content = {k: v for k, v in agreement_snapshot(agreement).items() if k != "parties"}
    snapshot = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(snapshot.encode("utf-8")).hexdigest()


class _InForce:
    """The agreements in force that a merge checks ratings against, with their `agreement_digest`, remembered
    between merges by what they are made of: the agreement's head, its version in force and that version's
    indicator rows, read here as stored. The seven members' packages of a round all name the same 300 agreements;
    building them (`load_agreements_in_force`) and their digests (JSON of every indicator, SHA-256) was a third of
    a merge. An agreement or version edited since reads as other rows, hence another key: nothing stale is used.
    The parties are left out (empty): they are not part of what members rate, and the merge does not read them."""

    # shared by the merges of this process: the agreement, its digest, its indicators by code (`_by_code`)
    _known: ClassVar[dict[tuple, tuple[StoredAgreement, str, dict[str, Indicator]]]] = {}
    # The keys read last, with the connection and its stamp (`_stamp`) when they were known to be current.
    _last: ClassVar[tuple[Any, tuple[int, int], tuple[int, ...], dict[int, tuple]] | None] = None

    def __init__(self, workspace: Workspace, agreement_ids: list[int]):
        conn = workspace.conn
        ids = sorted(set(agreement_ids))
        last = type(self)._last
        if last is not None and last[0]() is workspace and last[1] == _stamp(conn) and last[2] == tuple(ids) and all(
                key in self._known for key in last[3].values()):
            # Nothing was written on this connection and nothing committed by another since the keys were read
            # (the packages of one sitting, merged one after another): the same rows would be read again.
            self._keys = last[3]
            return
        heads: dict[int, tuple] = {}
        rows: dict[int, str] = {}
        for chunk in (ids[n:n + 500] for n in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            # version_in_force: the latest agreed version, or the latest one when none is agreed yet
            for row in conn.execute(
                    "SELECT a.id, a.agency, a.fiscal_year, a.framework_id, a.title, v.id, v.number FROM agreements a "
                    "JOIN agreement_versions v ON v.id = (SELECT id FROM agreement_versions WHERE agreement_id = a.id "
                    f"ORDER BY (status = 'agreed') DESC, number DESC LIMIT 1) WHERE a.id IN ({marks})", chunk):
                heads[row[0]] = row
        by_version = {head[5]: agreement_id for agreement_id, head in heads.items()}
        versions = sorted(by_version)
        # Each version's indicator rows as one text SQLite writes (every column, JSON-quoted, so no two different
        # rows read alike): the key costs one string a version instead of a Python tuple a cell. Were the rows
        # ever concatenated in another order, the key would only miss; each row carries its `ord`.
        columns = ", ".join(f'"{row[1]}"' for row in conn.execute("PRAGMA table_info(indicators)"))
        for chunk in (versions[n:n + 500] for n in range(0, len(versions), 500)):
            for version_id, text in conn.execute(
                    f"SELECT version_id, group_concat(json_array({columns}), char(10)) FROM (SELECT * FROM indicators "
                    f"WHERE version_id IN ({', '.join('?' * len(chunk))}) ORDER BY version_id, ord) "
                    "GROUP BY version_id", chunk):
                rows[by_version[version_id]] = text
        self._keys = {agreement_id: (head, rows.get(agreement_id)) for agreement_id, head in heads.items()}
        missing = [i for i, key in self._keys.items() if key not in self._known]
        if len(self._known) + len(missing) > 5_000:  # a national year is 300 agreements
            self._known.clear()
            missing = list(self._keys)
        for agreement_id, stored in load_agreements_in_force(workspace, missing).items():
            agreement = replace(stored.agreement, parties=())
            digest = agreement_digest(agreement)
            if (stored.version_id, stored.version_number) == self._keys[agreement_id][0][5:]:
                self._known[self._keys[agreement_id]] = (replace(stored, agreement=agreement), digest,
                                                         _by_code(agreement))
        # The workspace, not its connection (which takes no weak reference): its `conn` is one for its life.
        type(self)._last = (weakref.ref(workspace), _stamp(conn), tuple(ids), self._keys)

    @classmethod
    def still_current(cls, workspace: Workspace, before: tuple[int, int]) -> None:
        """After a merge's commit: the merge wrote no agreement, version or indicator, so the keys read when the
        connection's stamp was `before` are still those of the workspace (if nothing else changed in between)."""
        last = cls._last
        if last is not None and last[0]() is workspace and last[1] == before:
            cls._last = (last[0], _stamp(workspace.conn), last[2], last[3])

    def get(self, workspace: Workspace, agreement_id: int) -> tuple[StoredAgreement, str, dict[str, Indicator]]:
        """The agreement in force (without its parties), its digest and its indicators by code."""
        known = self._known.get(self._keys.get(agreement_id, ()))
        if known is not None:
            return known
        stored = load_agreement(workspace, agreement_id)  # refuses as it does for an agreement that vanished
        agreement = replace(stored.agreement, parties=())
        return replace(stored, agreement=agreement), agreement_digest(agreement), _by_code(agreement)


class IncomingRating(NamedTuple):
    """One rating as the member's laptop last saved it, with the revisions its edits were based on. A plain tuple
    (issue 16): a package carries some 17,000, and the `Rating` and dataclass each one used to be were a tenth of
    a merge. `code` to `comment` are the `Rating`'s fields (`rating` makes it)."""

    code: str
    round: int
    result: Decimal | None
    adjusted_score: Decimal | None
    adjust_reason: str | None
    comment: str | None
    edit_version: int
    updated_at: str  # UTC ISO-8601 on the member's laptop
    # The revisions of this rating the member's laptop sent before, oldest first; the last is the base of the
    # member's edit. When the master's current revision is none of these, it has another history: a conflict.
    history: tuple[str, ...] = ()
    base: dict[str, Any] | None = None  # the base's values, shown beside the conflict

    @classmethod
    def of(cls, rating: Rating, edit_version: int, updated_at: str, history: tuple[str, ...] = (),
           base: dict[str, Any] | None = None) -> IncomingRating:
        return cls(rating.code, rating.round, rating.result, rating.adjusted_score, rating.adjust_reason,
                   rating.comment, edit_version, updated_at, history, base)

    def rating(self, evaluator: str) -> Rating:
        return Rating(self.code, self.round, evaluator, self.result, self.adjusted_score, self.adjust_reason,
                      self.comment)


@dataclass(frozen=True)
class IncomingSubmission:
    round: int
    state: SubmissionState
    reopen_count: int
    declaration: str | None
    submitted_at: str | None


@dataclass(frozen=True)
class IncomingEvidence:
    code: str
    file_name: str
    sha256: str
    size: int
    added_at: str
    data: bytes | None = None  # the file itself, already checked against sha256 and size


@dataclass(frozen=True)
class IncomingAgreement:
    agency: str
    fiscal_year: int
    digest: str  # of the agreement the member rated
    ratings: tuple[IncomingRating, ...] = ()
    submissions: tuple[IncomingSubmission, ...] = ()
    evidence: tuple[IncomingEvidence, ...] = ()


@dataclass(frozen=True)
class MemberRatings:
    """What a verified evaluator package brings: whose, from which package, and their work by agreement."""

    package_id: str
    member_id: str
    created_at: str
    agreements: tuple[IncomingAgreement, ...]


# A NamedTuple made from its fields in order without its Python-level __new__ (a merge makes some 17,000).
new_tuple = tuple.__new__


class AppliedChange(NamedTuple):
    """A rating the merge applied, for its report: a plain tuple, as a package applies some 17,000 (issue 16)."""

    agency: str
    fiscal_year: int
    code: str
    round: int
    before: dict[str, Any] | None
    after: dict[str, Any]


@dataclass(frozen=True)
class MergeConflict:
    """A change the package brought that was not applied, with why; the secretary reviews these."""

    agency: str
    fiscal_year: int
    round: int
    code: str | None  # None: about the submission, not one rating
    th: str
    en: str
    stored: dict[str, Any] | None = None
    incoming: dict[str, Any] | None = None
    kind: str = "edit"  # edit | older | locked | stale (ratings), submission
    stored_author: str | None = None
    incoming_author: str | None = None
    conflict_id: int | None = None  # its number in `panel conflicts`, for the secretary to resolve

    def __str__(self) -> str:
        where = f"{self.agency} {self.fiscal_year}, round {self.round}" + (f", {self.code}" if self.code else "")
        number = "" if self.conflict_id is None else f"#{self.conflict_id} "
        values = ""
        if self.incoming is not None:
            mine = "-" if self.stored is None else _shown(self.stored)
            values = (f" [{self.stored_author or '-'}: {mine}; {self.incoming_author or '-'}: "
                      f"{_shown(self.incoming)}]")
        return f"{number}{where}: {self.th} / {self.en}{values}"


def _shown(values: dict[str, Any]) -> str:
    shown = values.get("result")
    if values.get("adjusted_score") is not None:
        shown = f"{shown} (adjusted {values['adjusted_score']})"
    return "-" if shown is None else str(shown)


@dataclass
class MergeReport:
    package_id: str
    member_id: str
    already_imported: bool = False
    applied: list[AppliedChange] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)
    submitted: list[tuple[str, int, int]] = field(default_factory=list)  # (agency, year, round)
    evidence_recorded: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package_id,
            "member": self.member_id,
            "already_imported": self.already_imported,
            "applied": [c._asdict() for c in self.applied],  # a NamedTuple, which has no __dict__
            "unchanged": self.unchanged,
            "conflicts": [vars(c) for c in self.conflicts],
            "submitted": [list(s) for s in self.submitted],
            "evidence_recorded": self.evidence_recorded,
        }


def imported_package(conn: sqlite3.Connection, package_id: str) -> str | None:
    """When this package was merged before, or None."""
    row = conn.execute("SELECT imported_at FROM panel_packages WHERE id = ?", (package_id,)).fetchone()
    return None if row is None else str(row[0])


def record_package(conn: sqlite3.Connection, package_id: str, kind: str, member_id: str | None, created_at: str,
                   actor: str, summary: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO panel_packages (id, kind, member_id, created_at, imported_at, imported_by, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (package_id, kind, member_id, created_at, utc_now(), actor, json.dumps(summary, ensure_ascii=False)))


def _rating_values(rating: Rating | IncomingRating) -> dict[str, str | None]:
    return {"result": None if rating.result is None else str(rating.result),
            "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
            "adjust_reason": rating.adjust_reason, "comment": rating.comment}


# A rating the plan applies: (agreement id, version id, rating, stored values before, incoming values).
_Write = tuple[int, int, IncomingRating, dict[str, Any] | None, dict[str, str | None]]


@dataclass
class _Plan:
    writes: list[_Write] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    evidence: list[tuple[int, IncomingEvidence]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # (agreement id, index in report.conflicts)


def merge_member_ratings(workspace: Workspace, incoming: MemberRatings, *, actor: str) -> MergeReport:
    """Apply a verified evaluator package to the master: all in one transaction, every applied change audited.

    The package's signature, panel and member are checked by the caller; this refuses (writing nothing) a
    package whose agreements or ratings do not fit the workspace, and otherwise sorts each rating into applied,
    unchanged or conflict.
    """
    report = MergeReport(incoming.package_id, incoming.member_id)
    if imported_package(workspace.conn, incoming.package_id) is not None:
        report.already_imported = True
        return report
    plan = _plan(workspace, incoming, report)
    written_files = _write_evidence_files(workspace, [e for _, e in plan.evidence])
    before = _stamp(workspace.conn)
    try:
        with _page_cache(workspace.conn, MERGE_CACHE_KIB):
            _write_merge(workspace, incoming, report, plan, actor)
    except BaseException:
        for path in written_files:  # the rows were rolled back: the copies they named go too
            path.unlink(missing_ok=True)
        raise
    _InForce.still_current(workspace, before)
    return report


def merge_together(workspace: Workspace, merges: Iterable[Callable[[], R]], *,
                   refused: tuple[type[BaseException], ...],
                   asking: tuple[type[BaseException], ...] = ()) -> list[R | BaseException]:
    """Run several packages' merges (each a call that reads, checks and merges one package) in ONE transaction:
    one commit, one fsync and one WAL checkpoint for all of them instead of one each (issue 16: the secretary
    merges the members' packages of a sitting together). Each runs inside its own SAVEPOINT, so a package that is
    `refused` is rolled back alone, its refusal taking its place in the results, and the others land, each as it
    would alone: the same checks against what the packages before it wrote, the same report, audit entries and
    conflicts, in the order given. An error of the `asking` kinds (a fingerprint to confirm, a key to unlock) and
    any other error (a full disk, a cancel) roll back all of them: nothing is written. A kill midway leaves the
    workspace as it was before the first."""
    results: list[R | BaseException] = []
    merges = list(merges)
    # The page cache for all of them: the packages' dirty pages stay in memory until the one commit, instead of
    # spilling to the WAL mid-transaction when each package's merge gave its larger cache back (`_page_cache`).
    with _page_cache(workspace.conn, MERGE_CACHE_KIB * min(len(merges), MERGE_CACHE_PACKAGES)), \
            workspace.transaction() as conn:
        for number, merge in enumerate(merges):
            try:
                with savepoint(conn, f"package_{number}"):
                    results.append(merge())
            except asking:
                raise
            except refused as exc:
                results.append(exc)
    return results


# SQLite's page cache while a merge writes (KiB). A package changes some 5-8 MB of pages (the ratings and their two
# indexes, the records and the per-cell index); with the connection's default 2 MB, SQLite spilled dirty pages to
# the WAL in the middle of the transaction and read them back: about a sixth of the writing (issue 16).
MERGE_CACHE_KIB = 65_536
# Packages merged together (`merge_together`) keep up to this many packages' pages in the cache until their commit.
MERGE_CACHE_PACKAGES = 4


@contextmanager
def _page_cache(conn: sqlite3.Connection, kib: int) -> Iterator[None]:
    """The connection's page cache at least `kib` KiB for the block, as it was afterwards."""
    size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    wanted = -kib
    # A negative size is in KiB, a positive one in pages (of the file's page size)
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    current = -size if size < 0 else size * page_size // 1024
    if current >= kib:
        yield
        return
    conn.execute(f"PRAGMA cache_size = {wanted}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {size}")


def _write_evidence_files(workspace: Workspace, items: list[IncomingEvidence]) -> list[Path]:
    """Keep the files a package brought in the evidence folder under their hash (checked when the package was
    read); the paths newly made, so a failed merge can take them back."""
    folder = evidence_folder(workspace)
    made: list[Path] = []
    try:
        for item in items:
            if item.data is None:
                continue
            target = folder / item.sha256
            if target.is_file() and target.stat().st_size == item.size:
                continue
            folder.mkdir(parents=True, exist_ok=True)
            # Under the app's temporary name, recorded: a kill midway leaves a file the next open removes.
            with temporary_beside(target, workspace.path) as temporary:
                with open(temporary, "xb") as stream:
                    stream.write(item.data)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, target)
            made.append(target)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return made


def _write_merge(workspace: Workspace, incoming: MemberRatings, report: MergeReport, plan: _Plan,
                 actor: str) -> None:
    member = incoming.member_id
    with workspace.transaction() as conn:
        if plan.conflicts:
            first = conn.execute("SELECT coalesce(max(id), 0) FROM rating_conflicts").fetchone()[0] + 1
            insert_conflicts(conn, [
                (agreement_id, c.code, c.round, member, incoming.package_id, c.kind,
                 None if c.stored is None else {k: v for k, v in c.stored.items() if k != "revision"},
                 None if c.stored is None else c.stored["revision"], c.stored_author,
                 {k: v for k, v in (c.incoming or {}).items() if k != "revision"},
                 (c.incoming or {})["revision"], member, c.th, c.en)
                for agreement_id, index in plan.conflicts for c in (report.conflicts[index],)])
            for number, (_, index) in enumerate(plan.conflicts):
                report.conflicts[index] = replace(report.conflicts[index], conflict_id=first + number)
        # The same rows and the same audit chain as writing and auditing one rating at a time, in one executemany
        # each: a package carries some 17,000 ratings, and a statement per rating per step was most of a merge.
        # In the order of the ratings' unique index (agreement, code, round), where each row then goes in beside
        # the one before (a package lists them by round, then code): a tenth less for SQLite.
        rows, records, cells = _merged_rows(member, plan.writes)
        write_merged_ratings(conn, sorted(rows, key=_INDEX_ORDER))
        audits: list[AuditTextItem] = []
        for submission in plan.submissions:
            write_submission(conn, submission)
            audits.append((member, "merge submission", "submission",
                           f"{submission.agreement_id}/{submission.round}/{submission.evaluator}", None,
                           audit_text({"state": submission.state.value, "declaration": submission.declaration,
                                       "submitted_at": submission.submitted_at,
                                       "reopen_count": submission.reopen_count,
                                       "package": incoming.package_id, "imported_by": actor})))
        for agreement_id, evidence in plan.evidence:
            conn.execute(
                "INSERT INTO evidence (agreement_id, code, evaluator, file_name, sha256, size, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (agreement_id, evidence.code, member, evidence.file_name, evidence.sha256,
                 evidence.size, evidence.added_at))
            audits.append((member, "merge evidence hash", "evidence", f"{agreement_id}/{evidence.code}/{member}",
                           None, audit_text({"file_name": evidence.file_name, "sha256": evidence.sha256,
                                             "size": evidence.size, "package": incoming.package_id,
                                             "imported_by": actor})))
        append_audit_texts(conn, audits)
        summary = {"applied": len(report.applied), "unchanged": report.unchanged,
                   "conflicts": len(report.conflicts), "submitted": len(report.submitted),
                   "evidence": report.evidence_recorded}
        record_package(conn, incoming.package_id, "evaluator", member, incoming.created_at, actor, summary)
        append_committed_records(
            conn, actor, "import evaluator package", "package", incoming.package_id,
            {**summary, "member": member, "conflict_list": [str(c) for c in report.conflicts]}, records, cells)


def merged_changes(member: str, writes: list[_Write]) -> list[ChangeItem]:
    """The changes a merge's entry commits to, one per applied rating (issue 16): its record holds the before and
    after values as the entry of each rating used to; who imported it and from which package are the committing
    entry's actor and key. The definition `_merged_rows` writes out."""
    return [(member, "merge rating", "rating", f"{agreement_id}/{item.code}/{item.round}/{member}",
             None if before is None else merged_values_text(before),
             merged_values_text(values, item.edit_version, item.updated_at))
            for agreement_id, _, item, before, values in writes]


def _merged_rows(member: str, writes: list[_Write]) -> tuple[list[tuple], list[str], list[tuple[str, str]]]:
    """(rating rows to write, in plan order; `change_records(merged_changes(member, writes))`; each record's cell)
    in one pass over the plan: a package applies some 17,000 ratings, and making each change's tuple, its two
    value texts and then its record took three passes and five strings a rating (tested equal)."""
    quote = _quote
    quoted_member = quote(member)
    rows: list[tuple] = []
    records: list[str] = []
    cells: list[tuple[str, str]] = []
    for n, (agreement_id, version_id, item, before, values) in enumerate(writes):
        result, adjusted, reason, comment = (values["result"], values["adjusted_score"], values["adjust_reason"],
                                             values["comment"])
        code, round_, edit_version, updated_at = item.code, item.round, item.edit_version, item.updated_at
        rows.append((agreement_id, code, round_, member, version_id, result, adjusted, reason, comment,
                     edit_version, updated_at, member))
        key = f"{agreement_id}/{code}/{round_}/{member}"
        cells.append(("rating", key))
        # merged_values_text(values, edit_version, updated_at), written out
        records.append(
            f"{n}\nmerge rating\nrating\n{quote(key)}\n{quoted_member}\n"
            f"{'null' if before is None else merged_values_text(before)}\n"
            f'{{"adjust_reason": {"null" if reason is None else quote(reason)}, '
            f'"adjusted_score": {"null" if adjusted is None else quote(adjusted)}, '
            f'"comment": {"null" if comment is None else quote(comment)}, '
            f'"edit_version": {int(edit_version)}, "edited_at": {"null" if updated_at is None else quote(updated_at)}, '
            f'"result": {"null" if result is None else quote(result)}}}')
    return rows, records, cells


def merged_values_text(values: dict[str, str | None], edit_version: int | None = None,
                       edited_at: str | None = None, imported: str = "") -> str:
    """`audit_text` of a rating's values (`_rating_values`; texts or None), and for the after-value of a merged
    rating with its edit version, edit time and `imported` (further members, written out, that sort between
    "edited_at" and "result"): the same text, written out for the some 17,000 changes of a package instead of a
    dict made and sorted for each. Keys in sorted order, as audit_text writes them (tested equal)."""
    reason, adjusted, comment, result = (values["adjust_reason"], values["adjusted_score"], values["comment"],
                                         values["result"])
    head = (f'{{"adjust_reason": {"null" if reason is None else _quote(reason)}, '
            f'"adjusted_score": {"null" if adjusted is None else _quote(adjusted)}, '
            f'"comment": {"null" if comment is None else _quote(comment)}, ')
    if edit_version is None:
        return f'{head}"result": {"null" if result is None else _quote(result)}}}'
    edited = "null" if edited_at is None else _quote(edited_at)
    return (f'{head}"edit_version": {int(edit_version)}, "edited_at": {edited}, {imported}'
            f'"result": {"null" if result is None else _quote(result)}}}')


def _plan(workspace: Workspace, incoming: MemberRatings, report: MergeReport) -> _Plan:
    """Decide every change before writing any, so a refusal leaves the workspace untouched."""
    conn = workspace.conn
    plan = _Plan()
    problems: list[Problem] = []
    ids = {(block.agency, block.fiscal_year): find_agreement_id(workspace, block.agency, block.fiscal_year)
           for block in incoming.agreements}
    declarations = issued_declarations(conn)
    # The agreements in force, read together rather than four queries for each of some 300 blocks.
    in_force_of = _InForce(workspace, [i for i in ids.values() if i is not None])
    frameworks: dict[str | None, Framework] = {}  # the plan writes nothing: a framework read once holds
    member = incoming.member_id
    known_ids = sorted({i for i in ids.values() if i is not None})
    # Read once for the whole package instead of per agreement (and per round): the agreed versions that decide
    # each round's version, the rounds a lock may hold, the conflicts already raised, the evidence held.
    agreed = _agreed_versions(conn, known_ids)
    guarded = _guarded_rounds(conn, member)
    decided_of: dict[int, set[tuple[str, int, str]]] = {}
    for agreement_id, code, round_, revision in conn.execute(
            "SELECT agreement_id, code, round, incoming_revision FROM rating_conflicts WHERE evaluator = ?",
            (member,)):
        decided_of.setdefault(agreement_id, set()).add((code, int(round_), revision))
    evidence_of: dict[int, set[str]] = {}
    for agreement_id, known in conn.execute(
            "SELECT agreement_id, code || '/' || sha256 FROM evidence WHERE evaluator = ?", (member,)):
        evidence_of.setdefault(agreement_id, set()).add(known)
    for block in incoming.agreements:
        agreement_id = ids[(block.agency, block.fiscal_year)]
        if agreement_id is None:
            problems.append(Problem(
                th=f"ไม่มีคำรับรองของ {block.agency} ปี {block.fiscal_year} ในพื้นที่ทำงานนี้",
                en=f"the package rates {block.agency} {block.fiscal_year}, which is not in this workspace"))
            continue
        stored_in_force, digest, indicators_in_force = in_force_of.get(workspace, agreement_id)
        agency, year = block.agency, block.fiscal_year
        in_force = stored_in_force.agreement
        stale = digest != block.digest
        if in_force.framework_id not in frameworks:
            frameworks[in_force.framework_id] = get_framework(workspace, in_force.framework_id or "")
        framework = frameworks[in_force.framework_id]
        conflicted_rounds: set[int] = set()
        # A package carries every indicator of three rounds: load each version once (the in-force one is loaded
        # already), the member's stored ratings of this agreement in one query, and each round's lock once; the
        # plan writes nothing, so none of these change while it decides.
        versions: dict[int, tuple[Agreement, dict[str, Indicator]]] = {
            stored_in_force.version_id: (in_force, indicators_in_force)}
        by_round: dict[int, tuple[int, tuple[Agreement, dict[str, Indicator]]]] = {}
        # A round that none of the lock's three tables names for this member is open: no need to ask `_locked`.
        locks: dict[int, tuple[str, str] | None] = {
            r: None for r in framework.rounds if (agreement_id, r) not in guarded}
        rounds = framework.rounds
        # The framework's rounds named, so SQLite seeks the member's rows by (agreement, round, evaluator) instead
        # of reading every member's ratings of the agreement (a third of the time for a member's first package).
        # A stored row of another round is never compared: an incoming rating of such a round refuses the package.
        stored_rows = {(row[0], row[1]): row[2:] for row in conn.execute(
            "SELECT code, round, result, adjusted_score, adjust_reason, comment, edit_version, updated_at, "
            f"updated_by FROM ratings WHERE agreement_id = ? AND round IN ({', '.join('?' * len(rounds))}) "
            "AND evaluator = ?", (agreement_id, *rounds, incoming.member_id))}
        decided = decided_of.get(agreement_id, set())
        for rating in block.ratings:
            item = rating
            round_, code = rating.round, rating.code
            if round_ not in by_round:
                version_id = _version_for_round(agreed.get(agreement_id, ()), round_, stored_in_force.version_id)
                if version_id not in versions:
                    loaded = load_agreement(workspace, agreement_id, version_id).agreement
                    versions[version_id] = (loaded, _by_code(loaded))
                by_round[round_] = (version_id, versions[version_id])
            version_id, (agreement, indicators) = by_round[round_]
            indicator = indicators.get(code)
            result = None if rating.result is None else str(rating.result)
            if indicator is not None and round_ in rounds and rating.adjusted_score is None:
                # The common case of `_rating_problems`, written out: a known indicator and round, no adjustment.
                if rating.result is not None:
                    problem = result_problem(indicator, rating.result, framework)
                    if problem is not None:
                        problems.append(problem)
            else:
                problems.extend(_rating_problems(agreement, framework, rating, block, indicators))
            values = {"result": result,
                      "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
                      "adjust_reason": rating.adjust_reason, "comment": rating.comment}  # _rating_values
            row = stored_rows.get((code, round_))
            if row is None and not stale and not decided and locks.get(round_, ()) is None:
                # A new rating in an open round (most of a member's first package): what `_compare` decides.
                verdict: MergeConflict | dict[str, Any] | None = {}
            else:
                verdict = _compare(conn, agreement_id, incoming.member_id, item, stale, values, row, locks, decided)
            if verdict is None:
                report.unchanged += 1
            elif isinstance(verdict, MergeConflict):
                report.conflicts.append(replace(verdict, agency=block.agency, fiscal_year=block.fiscal_year))
                plan.conflicts.append((agreement_id, len(report.conflicts) - 1))
                conflicted_rounds.add(round_)
            else:
                before = verdict if verdict else None
                plan.writes.append((agreement_id, version_id, item, before, values))
                report.applied.append(new_tuple(AppliedChange, (agency, year, code, round_, before, values)))
        for submission in block.submissions:
            if submission.round not in framework.rounds:
                problems.append(Problem(
                    th=f"{block.agency}: ส่งผลของรอบ {submission.round} ซึ่งไม่มีในกรอบการประเมิน",
                    en=f"{block.agency}: a submission for round {submission.round}, which does not exist "
                       f"(rounds {', '.join(str(r) for r in framework.rounds)})", field="round"))
                continue
            if submission.state is SubmissionState.SUBMITTED and submission.declaration not in declarations:
                # Only a declaration this panel issued counts: a laptop fed a forged panel package (or an edited
                # one) cannot have its member's ratings accepted under words the panel never asked them to confirm.
                report.conflicts.append(MergeConflict(
                    block.agency, block.fiscal_year, submission.round, None,
                    "ส่งผลโดยรับรองข้อความที่คณะผู้ประเมินไม่เคยใช้ ไม่รับการส่งผลนี้",
                    "submitted under a declaration this panel never issued: this submission is not applied",
                    kind="submission"))
                continue
            verdict_of_state = _submission_verdict(conn, agreement_id, incoming.member_id, submission,
                                                   submission.round in conflicted_rounds)
            if isinstance(verdict_of_state, MergeConflict):
                report.conflicts.append(replace(verdict_of_state, agency=block.agency, fiscal_year=block.fiscal_year))
            elif verdict_of_state is not None:
                plan.submissions.append(verdict_of_state)
                report.submitted.append((block.agency, block.fiscal_year, submission.round))
        known = evidence_of.setdefault(agreement_id, set())
        for evidence in block.evidence:
            if evidence.code not in indicators_in_force:
                problems.append(Problem(
                    th=f"{block.agency}: หลักฐาน '{evidence.file_name}' แนบกับตัวชี้วัด {evidence.code} ซึ่งไม่มีในคำรับรอง",
                    en=f"{block.agency}: the evidence '{evidence.file_name}' is attached to indicator "
                       f"{evidence.code}, which the agreement does not have", indicator=evidence.code))
                continue
            if f"{evidence.code}/{evidence.sha256}" not in known:
                known.add(f"{evidence.code}/{evidence.sha256}")
                plan.evidence.append((agreement_id, evidence))
                report.evidence_recorded += 1
    if problems:
        raise ProblemsError(problems)
    return plan


# An agreed version as `version_for_round` weighs it: (number, effective round, row id).
_Agreed = tuple[int, int | None, int]


def _agreed_versions(conn: sqlite3.Connection, agreement_ids: list[int]) -> dict[int, list[_Agreed]]:
    """Each agreement's agreed versions, read for all of a package's agreements at once."""
    found: dict[int, list[_Agreed]] = {}
    for chunk in (agreement_ids[n:n + 500] for n in range(0, len(agreement_ids), 500)):
        for agreement_id, number, effective_round, version_id in conn.execute(
                "SELECT agreement_id, number, effective_round, id FROM agreement_versions WHERE status = 'agreed' "
                f"AND agreement_id IN ({', '.join('?' * len(chunk))})", chunk):
            found.setdefault(agreement_id, []).append((int(number), effective_round, int(version_id)))
    return found


def _version_for_round(agreed: Iterable[_Agreed], round_: int, in_force: int) -> int:
    """`versions.version_for_round` from the agreement's agreed versions read beforehand (`_agreed_versions`):
    the latest agreed version covering the round, else the version in force (tested equal)."""
    covering = [(number, version_id) for number, effective_round, version_id in agreed
                if effective_round is None or effective_round <= round_]
    return max(covering)[1] if covering else in_force


def _guarded_rounds(conn: sqlite3.Connection, member: str) -> set[tuple[int, int]]:
    """(agreement id, round) where `_locked` may find a lock for this member: every round with an issue state, a
    panel result or this member's submission. Any other round is open (`_locked` would return None)."""
    return {(int(r[0]), int(r[1])) for r in conn.execute(
        "SELECT agreement_id, round FROM report_issues UNION SELECT agreement_id, round FROM panel_results "
        "UNION SELECT agreement_id, round FROM panel_submissions WHERE evaluator = ?", (member,))}


def issued_declarations(conn: sqlite3.Connection) -> set[str]:
    """Every declaration text this panel has used: the current one and each one it replaced (from the audit log)."""
    found = {row[0] for row in conn.execute("SELECT declaration FROM panel")}
    for before, after in conn.execute("SELECT before, after FROM audit_log WHERE entity = 'panel' "
                                      "AND action = 'edit declaration'"):
        for text in (before, after):
            if text is not None:
                value = json.loads(text).get("declaration")
                if isinstance(value, str):
                    found.add(value)
    return found


def _by_code(agreement: Agreement) -> dict[str, Indicator]:
    """agreement.indicator(code) as a dict: the first indicator of each code, as that method finds."""
    found: dict[str, Indicator] = {}
    for item in agreement.indicators:
        found.setdefault(item.code, item)
    return found


def _rating_problems(agreement: Agreement, framework: Framework, rating: Rating | IncomingRating,
                     block: IncomingAgreement, indicators: dict[str, Indicator] | None = None) -> list[Problem]:
    code = rating.code
    try:
        indicator = agreement.indicator(rating.code) if indicators is None else indicators[rating.code]
    except KeyError:
        return [Problem(th=f"{block.agency}: ไม่มีตัวชี้วัด {rating.code}",
                        en=f"{block.agency} has no indicator {rating.code}", indicator=code)]
    if rating.round not in framework.rounds:
        return [Problem(th=f"ไม่มีรอบ {rating.round} เดือน", en=f"no round {rating.round}", indicator=code)]
    if rating.result is not None:
        problem = result_problem(indicator, rating.result, framework)
        if problem is not None:
            return [problem]
    if rating.adjusted_score is not None and not (0 <= rating.adjusted_score <= framework.max_score):
        return [Problem(th=f"คะแนนที่ปรับต้องอยู่ระหว่าง 0 ถึง {framework.max_score}",
                        en=f"an adjusted score lies between 0 and {framework.max_score}", indicator=code)]
    return []


def _compare(conn: sqlite3.Connection, agreement_id: int, member: str, item: IncomingRating, stale: bool,
             values: dict[str, str | None], row: tuple | None, locks: dict[int, tuple[str, str] | None],
             decided: set[tuple[str, int, str]]) -> MergeConflict | dict[str, Any] | None:
    """None: unchanged (or already decided by the secretary). A dict (empty for a new rating): apply, with the
    stored values as `before`. A MergeConflict: keep what is stored and list why.

    `values` are the incoming rating's (_rating_values); `row` is the stored (result, adjusted_score,
    adjust_reason, comment, edit_version, updated_at, updated_by), None when nothing is stored; `locks` keeps each
    round's lock decision across the calls of one agreement; `decided` the (code, round, revision) the master
    already holds a conflict for."""
    rating = item
    if row is not None and (row[0] == values["result"] and row[1] == values["adjusted_score"]
                            and row[2] == values["adjust_reason"] and row[3] == values["comment"]):
        return None
    if decided and (rating.code, rating.round, _revision(member, item, values)) in decided:
        return None  # the same edit came before: its conflict is listed, or the secretary decided it
    if rating.round not in locks:
        locks[rating.round] = _locked(conn, agreement_id, member, rating.round)
    problem = locks[rating.round]
    if row is None and not stale and problem is None:
        return {}  # a new rating, as most of a member's first package: nothing below applies
    stored = None if row is None else {"result": row[0], "adjusted_score": row[1], "adjust_reason": row[2],
                                       "comment": row[3], "edit_version": int(row[4]), "updated_at": row[5],
                                       "revision": stored_revision(row, member, rating.code, rating.round)}
    author = None if row is None else str(row[6])

    def conflict(kind: str, th: str, en: str) -> MergeConflict:
        # The incoming revision is worked out only for a conflict: an applied rating needs none.
        incoming = {**values, "edit_version": item.edit_version, "updated_at": item.updated_at,
                    "revision": _revision(member, item, values), "base": item.base}
        return MergeConflict("", 0, rating.round, rating.code, th, en, stored, incoming, kind, author, member)

    if stale:
        return conflict("stale", "ให้คะแนนตามคำรับรองฉบับอื่น (ไม่ใช่ฉบับที่ใช้บังคับในพื้นที่ทำงานนี้)",
                        "rated against another version of the agreement than the one in force here")
    if problem is not None:
        return conflict("locked", problem[0], problem[1])
    if stored is None:
        return {}
    before = {k: stored[k] for k in values}
    if stored["revision"] in item.history:
        return before  # the master holds a value this edit was based on: nobody else changed it here
    if not item.history and author == member and item.edit_version > stored["edit_version"] and (
            item.updated_at >= stored["updated_at"]):
        # A package from before revisions were sent (an older app): the master's value is this member's own last
        # package, so the later edit continues it.
        return before
    if author == member and item.edit_version <= stored["edit_version"]:
        return conflict(
            "older",
            f"ฉบับที่นำเข้าเก่ากว่าที่บันทึกไว้ (รุ่น {item.edit_version} เทียบกับรุ่น {stored['edit_version']}) "
            "จึงไม่นำมาใช้",
            f"older than the stored rating (edit version {item.edit_version}, stored {stored['edit_version']}): "
            "not applied")
    return conflict(
        "edit",
        f"ค่าในพื้นที่ทำงานหลักถูกแก้ไขโดย {author} ขณะที่ {member} แก้ไขโดยไม่เห็นค่านั้น จึงไม่นำมาใช้ "
        "เลขานุการต้องเลือกค่าใดค่าหนึ่ง",
        f"the master's value was changed by {author} and {member} edited without seeing it: not applied; "
        f"the secretary keeps one of the two (panel resolve)")


def _revision(member: str, item: IncomingRating, values: dict[str, str | None]) -> str:
    return rating_revision(member, item.code, item.round, values, item.edit_version, item.updated_at)


def _locked(conn: sqlite3.Connection, agreement_id: int, member: str, round_: int) -> tuple[str, str] | None:
    issued = issued_problem(conn, agreement_id, round_)
    if issued is not None:
        return (f"{issued.th} จึงไม่นำมาใช้", f"{issued.en}: not applied")
    result = result_state(conn, agreement_id, round_)
    if result is not None and result.finalised:
        return ("ผลของคณะผู้ประเมินยุติแล้ว จึงไม่นำมาใช้", "the panel result is finalised: not applied")
    state = submission_state(conn, agreement_id, round_, member)
    if state is not None and state.submitted:
        return ("ผลที่ส่งแล้วในพื้นที่ทำงานหลักต่างจากนี้ ประธานต้องเปิดใหม่ก่อน",
                "differs from the ratings already submitted here; the chair must reopen them first")
    return None


def _submission_verdict(conn: sqlite3.Connection, agreement_id: int, member: str, item: IncomingSubmission,
                        ratings_conflict: bool) -> MergeConflict | Submission | None:
    if item.state is not SubmissionState.SUBMITTED:
        return None  # a draft on the member's laptop never takes back a submission here
    stored = submission_state(conn, agreement_id, item.round, member)
    stored_count = 0 if stored is None else stored.reopen_count
    if stored is not None and stored.submitted and stored.reopen_count == item.reopen_count:
        return None
    result = result_state(conn, agreement_id, item.round)
    if result is not None and result.finalised:
        return MergeConflict("", 0, item.round, None, "ผลของคณะผู้ประเมินยุติแล้ว ไม่รับการส่งผลนี้",
                             "the panel result is finalised: this submission is not applied")
    if item.reopen_count < stored_count:
        return MergeConflict(
            "", 0, item.round, None,
            f"ส่งก่อนที่ประธานจะเปิดใหม่ (ครั้งที่ {stored_count}) กรรมการต้องนำเข้าชุดข้อมูลคณะผู้ประเมินล่าสุด แก้ไข และส่งใหม่",
            f"submitted before the chair reopened it (reopening {stored_count}); the member imports the latest "
            f"panel package, revises and submits again")
    if ratings_conflict:
        return MergeConflict("", 0, item.round, None, "ไม่รับการส่งผล เพราะมีผลการประเมินที่ขัดกันในรอบนี้",
                             "the submission is not applied because ratings of this round conflict")
    if stored is not None and stored.submitted:
        return MergeConflict("", 0, item.round, None, "ส่งผลไว้แล้วในพื้นที่ทำงานหลัก",
                             "already submitted here under another reopening count")
    return Submission(agreement_id, item.round, member, SubmissionState.SUBMITTED, item.reopen_count,
                      item.declaration, item.submitted_at, utc_now(), member, None)


# The member's own edit version and time are kept, so the next package compares against what they last sent.
# The master's private note for this row (if any) stays: notes never travel.
_INDEX_ORDER = itemgetter(0, 1, 2)  # a rating row's agreement, code and round
_WRITE_RATING = (
    "INSERT INTO ratings (agreement_id, code, round, evaluator, version_id, result, adjusted_score, "
    "adjust_reason, comment, note, edit_version, updated_at, updated_by)",
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
    """ON CONFLICT (agreement_id, code, round, evaluator) DO UPDATE SET
        version_id = excluded.version_id, result = excluded.result, adjusted_score = excluded.adjusted_score,
        adjust_reason = excluded.adjust_reason, comment = excluded.comment,
        edit_version = excluded.edit_version, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")


# The trigger that keeps an issued round's printed results (schema_reports), and the least rows for which a merge
# checks them itself, once, instead of the trigger checking each row.
_ISSUED_TRIGGER = "ratings_issued_no_insert"
CHECKED_ONCE_FROM = 2_000


def write_merged_ratings(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Upsert a merge's rating rows (`_WRITE_RATING`), refusing as the issued-round trigger does.

    For a package's some 17,000 rows the trigger's per-row program was a fifth of the upsert (issue 16). Inside
    the merge's own transaction (which holds the write lock) the trigger's condition is checked once for all the
    rows (`_refuse_issued`: the same cases, the same message, the same error), the trigger is set aside for the
    upsert and put back, word for word as stored, before the transaction can commit. No other connection ever
    sees the table without it (it reads the last commit, and writes wait for this one); a failure or a kill in
    between rolls the whole transaction back, the trigger with it. Every other write path meets the trigger."""
    if not conn.in_transaction:
        raise RuntimeError("a merge writes its ratings inside its own transaction")
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = 'ratings'",
                         (_ISSUED_TRIGGER,)).fetchone()
    if found is None or len(rows) < CHECKED_ONCE_FROM:
        insert_many(conn, *_WRITE_RATING[:2], rows, _WRITE_RATING[2])
        return
    _refuse_issued(conn, rows)
    conn.execute(f"DROP TRIGGER {_ISSUED_TRIGGER}")
    insert_many(conn, *_WRITE_RATING[:2], rows, _WRITE_RATING[2])
    conn.execute(found[0])


def _refuse_issued(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """What `ratings_issued_no_insert` does for each row, for all of them at once: a row of an issued agreement and
    round is refused unless the same cell already holds the same printed values (result, adjusted score, reason,
    comment). The rows are distinct cells, so checking them all before writing any decides as the trigger does
    row by row; the error is the trigger's (sqlite3.IntegrityError, its message)."""
    issued = {(int(a), int(r)) for a, r in conn.execute(
        "SELECT agreement_id, round FROM report_issues WHERE issued = 1")}
    if not issued:
        return
    for row in rows:
        agreement_id, code, round_, evaluator = row[:4]
        if (agreement_id, round_) in issued and conn.execute(
                "SELECT 1 FROM ratings WHERE agreement_id = ? AND code = ? AND round = ? AND evaluator = ? "
                "AND result IS ? AND adjusted_score IS ? AND adjust_reason IS ? AND comment IS ?",
                (agreement_id, code, round_, evaluator, *row[5:9])).fetchone() is None:
            raise sqlite3.IntegrityError(ISSUED_MESSAGE)
