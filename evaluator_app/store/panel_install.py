"""Installing a panel package on a member's laptop: the panel, its members and keys, conflicts, frameworks, the
agreements in force with the agency's self-assessment, and the chair's reopenings; all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.agreement import Agreement
from ..domain.framework import Framework
from ..domain.panel import AggregationRule, Panel, panel_problems
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT, Rating
from .agreements import add_agreement, find_agreement_id, load_agreement
from .audit import append_audit, utc_now
from .frameworks import save_framework, workspace_frameworks
from .panel import (
    Submission,
    create_panel,
    declare_conflict,
    load_panel,
    remove_member,
    result_state,
    save_member,
    set_declaration,
    set_rule,
    submission_state,
    withdraw_conflict,
    write_submission,
)
from .panel_merge import agreement_digest, imported_package, record_package
from .ratings import load_ratings, record_ratings
from .workspace import Workspace

# Set on a member's laptop: its panel came from a package, so it is not the master that merges members' ratings.
MEMBER_COPY_SETTING = "panel.installed_from_package"


def is_member_copy(workspace: Workspace) -> bool:
    return workspace.setting(MEMBER_COPY_SETTING) is not None


@dataclass(frozen=True)
class PackagedResultState:
    round: int
    finalised: bool
    rule: AggregationRule
    reopen_count: int


@dataclass(frozen=True)
class PackagedAgreement:
    agreement: Agreement
    version: int  # the number of the version in force on the master
    digest: str
    self_assessment: tuple[Rating, ...] = ()
    submissions: tuple[Submission, ...] = ()  # states only; no member's ratings travel to other members
    results: tuple[PackagedResultState, ...] = ()


@dataclass(frozen=True)
class PanelContent:
    package_id: str
    created_at: str
    panel: Panel
    frameworks: tuple[Framework, ...]
    agreements: tuple[PackagedAgreement, ...]


@dataclass
class InstallReport:
    package_id: str
    panel_name: str
    already_imported: bool = False
    panel_created: bool = False
    members: int = 0
    agreements_added: list[tuple[str, int]] = field(default_factory=list)
    agreements_unchanged: list[tuple[str, int]] = field(default_factory=list)
    self_assessment_updated: int = 0
    states_updated: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package_id, "panel": self.panel_name, "already_imported": self.already_imported,
            "panel_created": self.panel_created, "members": self.members,
            "agreements_added": [list(a) for a in self.agreements_added],
            "agreements_unchanged": [list(a) for a in self.agreements_unchanged],
            "self_assessment_updated": self.self_assessment_updated, "states_updated": self.states_updated,
        }


def install_panel(workspace: Workspace, content: PanelContent, *, actor: str) -> InstallReport:
    """Bring the workspace in line with the secretary's panel package; refuse, writing nothing, a package of
    another panel or one whose agreements differ from those already here."""
    report = InstallReport(content.package_id, content.panel.name, members=len(content.panel.members))
    if imported_package(workspace.conn, content.package_id) is not None:
        report.already_imported = True
        return report
    _check(workspace, content)
    local = load_panel(workspace)
    with workspace.transaction() as conn:
        if local is None:
            create_panel(workspace, content.panel.name, actor=actor, rule=content.panel.rule,
                         panel_id=content.panel.id, declaration=content.panel.declaration)
            report.panel_created = True
        else:
            set_rule(workspace, content.panel.rule, actor=actor)
            set_declaration(workspace, content.panel.declaration, actor=actor)
            if local.name != content.panel.name:
                conn.execute("UPDATE panel SET name = ? WHERE id = ?", (content.panel.name, local.id))
                append_audit(conn, actor, "rename panel", "panel", local.id, {"name": local.name},
                             {"name": content.panel.name})
        _mirror_members(workspace, content.panel, actor)
        have = {f.id: f for f in workspace_frameworks(workspace)}
        for framework in content.frameworks:
            if have.get(framework.id) != framework:
                save_framework(workspace, framework, actor)
        for item in content.agreements:
            _install_agreement(workspace, item, actor, report)
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (MEMBER_COPY_SETTING, content.package_id))
        summary = {"agreements_added": len(report.agreements_added), "members": report.members,
                   "states_updated": len(report.states_updated)}
        record_package(conn, content.package_id, "panel", None, content.created_at, actor, summary)
        append_audit(conn, actor, "import panel package", "package", content.package_id, None,
                     {**summary, "panel": content.panel.id})
    return report


def _check(workspace: Workspace, content: PanelContent) -> None:
    problems: list[Problem] = list(panel_problems(content.panel))
    local = load_panel(workspace)
    if local is not None and local.id != content.panel.id:
        problems.append(Problem(
            th=f"ชุดข้อมูลนี้เป็นของคณะผู้ประเมิน '{content.panel.name}' แต่พื้นที่ทำงานนี้เป็นของ '{local.name}' "
               "โปรดนำเข้าในพื้นที่ทำงานใหม่",
            en=f"the package is for the panel '{content.panel.name}' ({content.panel.id}), but this workspace "
               f"belongs to '{local.name}' ({local.id}); import it into a new workspace"))
    for item in content.agreements:
        label = f"{item.agreement.agency} {item.agreement.fiscal_year}"
        if agreement_digest(item.agreement) != item.digest:
            problems.append(Problem(th=f"ข้อมูลคำรับรอง {label} ในชุดข้อมูลเสียหาย",
                                    en=f"the agreement {label} in the package is damaged (its digest differs)"))
            continue
        agreement_id = find_agreement_id(workspace, item.agreement.agency, item.agreement.fiscal_year)
        here = None if agreement_id is None else load_agreement(workspace, agreement_id).agreement
        if here is not None and agreement_digest(here) != item.digest:
            problems.append(Problem(
                th=f"คำรับรอง {label} ในพื้นที่ทำงานนี้ต่างจากฉบับที่ใช้บังคับของคณะผู้ประเมิน (ฉบับที่ {item.version})",
                en=f"the agreement {label} here differs from the panel's version in force ({item.version}); "
                   f"a revised agreement reaches members in a new workspace for now"))
    if problems:
        raise ProblemsError(problems)


def _mirror_members(workspace: Workspace, panel: Panel, actor: str) -> None:
    local = load_panel(workspace)
    assert local is not None
    for member in panel.members:
        save_member(workspace, member, actor=actor)
    for old in local.members:
        if not panel.has_member(old.id):
            remove_member(workspace, old.id, actor=actor, reason="not on the panel package's member list")
    for conflict in panel.conflicts:
        declare_conflict(workspace, conflict, actor=actor)
    for old_conflict in local.conflicts:
        if panel.has_member(old_conflict.member_id) and panel.conflict(old_conflict.member_id,
                                                                        old_conflict.agency) is None:
            withdraw_conflict(workspace, old_conflict.member_id, old_conflict.agency, actor=actor,
                              reason="withdrawn on the panel package")


def _install_agreement(workspace: Workspace, item: PackagedAgreement, actor: str, report: InstallReport) -> None:
    key = (item.agreement.agency, item.agreement.fiscal_year)
    agreement_id = find_agreement_id(workspace, *key)
    if agreement_id is None:
        agreement_id = add_agreement(workspace, item.agreement, actor=actor, source="panel package",
                                     reason=f"version {item.version} in force on the panel's master workspace").id
        report.agreements_added.append(key)
    else:
        report.agreements_unchanged.append(key)
    changed = []
    for rating in item.self_assessment:
        stored = load_ratings(workspace, agreement_id, rating.round, SELF_ASSESSMENT).get(rating.code)
        if stored is None or stored.rating != rating:
            changed.append((rating, None, None))
    if changed:
        record_ratings(workspace, agreement_id, changed, actor=actor)
        report.self_assessment_updated += len(changed)
    conn = workspace.conn
    for state in item.submissions:
        local = submission_state(conn, agreement_id, state.round, state.evaluator)
        # Only a reopening the chair made on the master (a higher count) overrides what this laptop holds.
        if local is None or state.reopen_count > local.reopen_count:
            moved = Submission(agreement_id, state.round, state.evaluator, state.state, state.reopen_count,
                               state.declaration, state.submitted_at, state.changed_at, state.changed_by,
                               state.reason)
            write_submission(conn, moved)
            append_audit(conn, actor, "sync submission state", "submission",
                         f"{agreement_id}/{state.round}/{state.evaluator}",
                         None if local is None else {"state": local.state.value, "reopen_count": local.reopen_count},
                         {"state": state.state.value, "reopen_count": state.reopen_count, "reason": state.reason})
            report.states_updated.append(f"{key[0]} {key[1]} {state.round} {state.evaluator}: {state.state.value}")
    for result in item.results:
        local_result = result_state(conn, agreement_id, result.round)
        if local_result is not None and (local_result.reopen_count, local_result.finalised) == (
                result.reopen_count, result.finalised):
            continue
        if local_result is not None and result.reopen_count < local_result.reopen_count:
            continue
        conn.execute(
            "INSERT INTO panel_results (agreement_id, round, finalised, rule, reopen_count, snapshot, changed_at, "
            "changed_by, reason) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'from the panel package') "
            "ON CONFLICT (agreement_id, round) DO UPDATE SET finalised = excluded.finalised, rule = excluded.rule, "
            "reopen_count = excluded.reopen_count, changed_at = excluded.changed_at, changed_by = excluded.changed_by, "
            "reason = excluded.reason",
            (agreement_id, result.round, int(result.finalised), result.rule.value, result.reopen_count, utc_now(),
             actor))
        append_audit(conn, actor, "sync panel result state", "panel_result", f"{agreement_id}/{result.round}",
                     None if local_result is None else {"finalised": local_result.finalised},
                     {"finalised": result.finalised, "reopen_count": result.reopen_count})
        report.states_updated.append(f"{key[0]} {key[1]} {result.round}: "
                                     f"{'finalised' if result.finalised else 'open'}")
