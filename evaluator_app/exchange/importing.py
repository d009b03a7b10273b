"""Importing agreement files into a workspace: every file whole, or nothing at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..domain.negotiation import VersionStatus
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT
from ..store.agreements import add_agreement, agreement_snapshot, find_agreement_id, load_agreement
from ..store.frameworks import workspace_frameworks
from ..store.parties import set_parties
from ..store.ratings import StoredRating, load_ratings, record_ratings
from ..store.versions import latest_version, save_version, version_for_round
from ..store.workspace import Workspace
from .agreement_workbook import HiddenSheet, ImportedAgreement, read_agreement_files
from .reimport import ImportConflict, plan_results, previous_results, record_import


@dataclass
class ImportSummary:
    added: list[tuple[int, str, int]] = field(default_factory=list)  # (id, agency, fiscal year)
    results_updated: list[tuple[int, str, int, int]] = field(default_factory=list)  # (+ count)
    unchanged: list[tuple[int, str, int]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # imported as written (stored with each new version)
    hidden_sheets: list[HiddenSheet] = field(default_factory=list)  # listed; read only with include_hidden
    conflicts: list[ImportConflict] = field(default_factory=list)  # edits since the previous import
    new_versions: list[tuple[int, str, int, int]] = field(default_factory=list)  # (id, agency, year, draft number)
    parties_updated: list[tuple[int, str, int]] = field(default_factory=list)  # exchange/parties.py


def import_agreement_files(workspace: Workspace, paths: Sequence[Path], *, actor: str,
                           strict: bool = False, include_hidden: bool = False,
                           overwrite_edits: bool = False) -> ImportSummary:
    """Read every file, refuse on any problem, then write all agreements in one transaction.

    An agreement already in the workspace with the same indicators takes only the results the file changed since
    its previous import (the 6-, 9- and 12-month reports arrive as new files); a result also edited since then is
    a conflict, kept unless `overwrite_edits` (exchange/reimport.py). One whose indicators differ gets a new draft
    version with the file's indicators: changing agreed indicators is negotiated, never a silent overwrite.
    """
    reading = read_agreement_files(list(paths), workspace_frameworks(workspace), strict=strict,
                                   include_hidden=include_hidden)
    if reading.problems:
        raise ProblemsError(reading.problems)
    summary = store_imported(workspace, reading.agreements, actor=actor, overwrite_edits=overwrite_edits)
    summary.hidden_sheets = list(reading.hidden_sheets)
    return summary


def store_imported(workspace: Workspace, imported: Sequence[ImportedAgreement], *, actor: str,
                   overwrite_edits: bool = False) -> ImportSummary:
    summary = ImportSummary()
    plan: list[tuple[ImportedAgreement, int | None, bool]] = []  # (agreement, existing id, indicators changed)
    for item in imported:
        summary.warnings.extend(item.warnings)
        agreement = item.agreement
        existing = find_agreement_id(workspace, agreement.agency, agreement.fiscal_year)
        plan.append((item, existing, existing is not None and not _same_indicators(workspace, existing, item)))
    with workspace.transaction() as conn:
        for item, existing, changed_indicators in plan:
            agreement = item.agreement
            if changed_indicators and existing is not None:
                # Never a silent change of agreed indicators: the file's become a new draft version, to be
                # negotiated and agreed; its results wait for that.
                number = _draft_from_file(workspace, existing, item, actor)
                summary.new_versions.append((existing, agreement.agency, agreement.fiscal_year, number))
                continue
            added = None
            if existing is None:
                added = add_agreement(workspace, agreement, actor=actor, source=item.source,
                                      warnings=item.warnings)
                agreement_id = added.id
                summary.added.append((agreement_id, agreement.agency, agreement.fiscal_year))
            else:
                agreement_id = existing
            stored: dict[tuple[int, str], StoredRating] = {}
            for round_ in {r.round for r in item.self_ratings} if existing is not None else ():  # new: none yet
                for code, stored_rating in load_ratings(workspace, agreement_id, round_).items():
                    if stored_rating.rating.evaluator == SELF_ASSESSMENT:
                        stored[(round_, code)] = stored_rating
            results = plan_results(agreement_id, agreement.agency, agreement.fiscal_year, item.self_ratings, stored,
                                   previous_results(conn, agreement_id), overwrite_edits=overwrite_edits)
            summary.conflicts.extend(results.conflicts)
            if results.changes:
                record_ratings(workspace, agreement_id, results.changes, actor=actor, only_version=added)
            record_import(conn, actor, agreement_id, item.source, item.self_ratings, results.conflicts)
            changed = len(results.changes)
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


def preview_conflicts(workspace: Workspace, imported: Sequence[ImportedAgreement]) -> list[ImportConflict]:
    """The results a re-import would find edited since the previous import (nothing is written): for the preview."""
    conflicts: list[ImportConflict] = []
    for item in imported:
        agreement = item.agreement
        existing = find_agreement_id(workspace, agreement.agency, agreement.fiscal_year)
        if existing is None or not _same_indicators(workspace, existing, item):
            continue
        stored = {(round_, code): stored_rating
                  for round_ in {r.round for r in item.self_ratings}
                  for code, stored_rating in load_ratings(workspace, existing, round_).items()
                  if stored_rating.rating.evaluator == SELF_ASSESSMENT}
        conflicts += plan_results(existing, agreement.agency, agreement.fiscal_year, item.self_ratings, stored,
                                  previous_results(workspace.conn, existing), overwrite_edits=False).conflicts
    return conflicts


def _draft_from_file(workspace: Workspace, agreement_id: int, item: ImportedAgreement, actor: str) -> int:
    """A draft version with the file's indicators; the existing one when the newest version already has them."""
    newest = latest_version(workspace, agreement_id)
    wanted = agreement_snapshot(item.agreement)["indicators"]
    if agreement_snapshot(replace(item.agreement, indicators=newest.indicators))["indicators"] == wanted:
        return newest.number
    version = save_version(workspace, agreement_id, item.agreement.indicators, status=VersionStatus.DRAFT,
                           author="import", actor=actor,
                           reason=f"นำเข้าจาก {item.source} / imported from {item.source}")
    return version.number


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
