"""Importing agreement files into a workspace: every file whole, or nothing at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.problems import Problem, ProblemsError
from ..store.agreements import add_agreement, agreement_snapshot, find_agreement_id, load_agreement
from ..store.frameworks import workspace_frameworks
from ..store.parties import set_parties
from ..store.ratings import load_ratings, record_ratings
from ..store.versions import version_for_round
from ..store.workspace import Workspace
from .agreement_workbook import ImportedAgreement, load_agreement_files


@dataclass
class ImportSummary:
    added: list[tuple[int, str, int]] = field(default_factory=list)  # (id, agency, fiscal year)
    results_updated: list[tuple[int, str, int, int]] = field(default_factory=list)  # (+ count)
    unchanged: list[tuple[int, str, int]] = field(default_factory=list)
    parties_updated: list[tuple[int, str, int]] = field(default_factory=list)  # exchange/parties.py


def import_agreement_files(workspace: Workspace, paths: Sequence[Path], *, actor: str) -> ImportSummary:
    """Read every file, refuse on any problem, then write all agreements in one transaction.

    An agreement already in the workspace with the same indicators only takes the file's new
    self-assessment results (the 6-, 9- and 12-month reports arrive as new files). One whose indicators
    differ is refused: changing agreed indicators is a negotiated revision, never a silent overwrite.
    """
    imported = load_agreement_files(list(paths), workspace_frameworks(workspace))
    return store_imported(workspace, imported, actor=actor)


def store_imported(workspace: Workspace, imported: Sequence[ImportedAgreement], *, actor: str) -> ImportSummary:
    summary = ImportSummary()
    problems: list[Problem] = []
    plan: list[tuple[ImportedAgreement, int | None]] = []
    for item in imported:
        agreement = item.agreement
        existing = find_agreement_id(workspace, agreement.agency, agreement.fiscal_year)
        if existing is not None and not _same_indicators(workspace, existing, item):
            problems.append(Problem(
                th=(f"คำรับรองของ {agreement.agency} ปี {agreement.fiscal_year} มีอยู่แล้ว (หมายเลข {existing}) "
                    f"แต่ตัวชี้วัดในไฟล์ต่างจากฉบับที่ตกลงไว้ การแก้ไขตัวชี้วัดต้องทำเป็นฉบับแก้ไขในการเจรจา"),
                en=(f"the agreement of {agreement.agency} for {agreement.fiscal_year} already exists "
                    f"(id {existing}) with different indicators; changing agreed indicators is a "
                    f"negotiated revision, not an import"),
                file=item.source))
        plan.append((item, existing))
    if problems:
        raise ProblemsError(problems)
    with workspace.transaction():
        for item, existing in plan:
            agreement = item.agreement
            added = None
            if existing is None:
                added = add_agreement(workspace, agreement, actor=actor, source=item.source)
                agreement_id = added.id
                summary.added.append((agreement_id, agreement.agency, agreement.fiscal_year))
            else:
                agreement_id = existing
            current: dict[tuple[int, str, str], object] = {}
            for round_ in {r.round for r in item.self_ratings} if existing is not None else ():  # new: none yet
                for code, stored_rating in load_ratings(workspace, agreement_id, round_).items():
                    current[(round_, code, stored_rating.rating.evaluator)] = stored_rating.rating.result
            changes = [
                (rating, None, None) for rating in item.self_ratings
                if current.get((rating.round, rating.code, rating.evaluator), object()) != rating.result
            ]
            if changes:
                record_ratings(workspace, agreement_id, changes, actor=actor, only_version=added)
            changed = len(changes)
            # A file that names parties sets them on an agreement already here too (store/parties.py, audited).
            parties_changed = existing is not None and bool(agreement.parties) and set_parties(
                workspace, agreement_id, agreement.parties, actor=actor)
            if parties_changed:
                summary.parties_updated.append((agreement_id, agreement.agency, agreement.fiscal_year))
            if existing is not None:
                if changed:
                    summary.results_updated.append((agreement_id, agreement.agency, agreement.fiscal_year, changed))
                elif not parties_changed:
                    summary.unchanged.append((agreement_id, agreement.agency, agreement.fiscal_year))
    return summary


def _same_indicators(workspace: Workspace, agreement_id: int, item: ImportedAgreement) -> bool:
    """Whether the file's indicators are those in force for every round its results belong to.

    After an in-year revision from round 9, a round-6 results file still carries the indicators agreed before.
    """
    wanted = agreement_snapshot(item.agreement)["indicators"]
    rounds = {rating.round for rating in item.self_ratings} or {12}
    for round_ in rounds:
        version_id = version_for_round(workspace.conn, agreement_id, round_)
        stored = load_agreement(workspace, agreement_id, version_id).agreement
        if agreement_snapshot(stored)["indicators"] != wanted:
            return False
    return True
