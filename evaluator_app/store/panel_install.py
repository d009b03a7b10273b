"""Installing a panel package on a member's laptop: the panel, its members and keys, conflicts, frameworks, the
agreements in force with the agency's self-assessment, and the chair's reopenings; all in one transaction."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from ..domain.agreement import Agreement
from ..domain.framework import Framework
from ..domain.panel import AggregationRule, Panel, key_fingerprint, panel_problems
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
from .schema_panel import MASTER_SETTING, MEMBER_COPY_SETTING
from .workspace import Workspace

# On a member's laptop: the secretary's signing key this laptop trusts (confirmed aloud on the first package), and
# her encryption key the member's ratings are sealed to.
TRUST_SETTING = "panel.trusted_signer"
ENCRYPTION_SETTING = "panel.encryption_key"


def is_master(workspace: Workspace, panel_id: str | None = None) -> bool:
    """The panel's master workspace: it made the panel packages (or holds a panel it never got from a package).
    A master never becomes a member's copy."""
    local = load_panel(workspace)
    if local is None or (panel_id is not None and local.id != panel_id):
        return False
    marked = workspace.setting(MASTER_SETTING)
    return marked == local.id or workspace.setting(MEMBER_COPY_SETTING) is None


def is_member_copy(workspace: Workspace) -> bool:
    return workspace.setting(MEMBER_COPY_SETTING) is not None and workspace.setting(MASTER_SETTING) is None


def mark_master(workspace: Workspace, panel_id: str, *, actor: str) -> None:
    """Record that this workspace makes the panel's packages (once, audited)."""
    if workspace.setting(MASTER_SETTING) == panel_id:
        return
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (MASTER_SETTING, panel_id))
        append_audit(conn, actor, "mark panel master", "panel", panel_id, None, {"master": True})


@dataclass(frozen=True)
class TrustedSigner:
    """The secretary's signing key a member's laptop accepts panel packages from."""

    panel_id: str
    public_key: bytes
    how: str  # confirmed (first package, fingerprint read aloud), endorsed (the old key vouched), re-trusted
    at: str

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)


def trusted_signer(workspace: Workspace) -> TrustedSigner | None:
    text = workspace.setting(TRUST_SETTING)
    if text is None:
        return None
    try:
        data = json.loads(text)
        return TrustedSigner(str(data["panel_id"]), base64.b64decode(data["public_key"], validate=True),
                             str(data["how"]), str(data["at"]))
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None  # changed outside the app: trust nothing, so the next panel package needs the fingerprint


def secretary_encryption_key(workspace: Workspace) -> tuple[str, bytes] | None:
    """(the secretary's member id, her X25519 public key) from the last panel package, or None."""
    text = workspace.setting(ENCRYPTION_SETTING)
    if text is None:
        return None
    try:
        data = json.loads(text)
        key = base64.b64decode(data["public_key"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None  # changed outside the app: the next panel package brings it again
    return (str(data["member_id"]), key) if len(key) == 32 else None


def _store_trust(conn: Any, workspace: Workspace, content: PanelContent, signer: TrustedSigner, actor: str) -> None:
    old = trusted_signer(workspace)
    if old is None or (old.panel_id, old.public_key) != (signer.panel_id, signer.public_key):
        value = json.dumps({"panel_id": signer.panel_id, "public_key": base64.b64encode(signer.public_key).decode(),
                            "fingerprint": signer.fingerprint, "how": signer.how, "at": signer.at})
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (TRUST_SETTING, value))
        append_audit(conn, actor, "trust secretary's key", "panel", signer.panel_id,
                     None if old is None else {"fingerprint": old.fingerprint},
                     {"fingerprint": signer.fingerprint, "how": signer.how})
    if content.encryption_key is not None:
        value = json.dumps({"member_id": content.secretary_id,
                            "public_key": base64.b64encode(content.encryption_key).decode()})
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (ENCRYPTION_SETTING, value))


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
    secretary_id: str = ""  # who signed it; her encryption key seals the members' ratings
    encryption_key: bytes | None = None


@dataclass
class InstallReport:
    package_id: str
    panel_name: str
    already_imported: bool = False
    master: bool = False  # the master opened its own panel package: nothing changed
    trusted: str | None = None  # how the secretary's key is trusted now, when this package changed it
    panel_created: bool = False
    members: int = 0
    agreements_added: list[tuple[str, int]] = field(default_factory=list)
    agreements_unchanged: list[tuple[str, int]] = field(default_factory=list)
    self_assessment_updated: int = 0
    states_updated: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package_id, "panel": self.panel_name, "already_imported": self.already_imported,
            "master": self.master, "trusted": self.trusted,
            "panel_created": self.panel_created, "members": self.members,
            "agreements_added": [list(a) for a in self.agreements_added],
            "agreements_unchanged": [list(a) for a in self.agreements_unchanged],
            "self_assessment_updated": self.self_assessment_updated, "states_updated": self.states_updated,
        }


def install_panel(workspace: Workspace, content: PanelContent, *, actor: str,
                  signer: TrustedSigner | None = None) -> InstallReport:
    """Bring the workspace in line with the secretary's panel package; refuse, writing nothing, a package of
    another panel or one whose agreements differ from those already here. `signer` is the secretary's key the
    caller verified the package with and decided to trust; it is stored in the same transaction."""
    report = InstallReport(content.package_id, content.panel.name, members=len(content.panel.members))
    if is_master(workspace, content.panel.id):
        report.master = True  # the secretary opened her own package: a master never becomes a copy
        return report
    old_trust = trusted_signer(workspace)
    trust_changes = signer is not None and (old_trust is None or old_trust.public_key != signer.public_key)
    if imported_package(workspace.conn, content.package_id) is not None and not trust_changes:
        report.already_imported = True
        return report
    _check(workspace, content)
    local = load_panel(workspace)
    if trust_changes and signer is not None:
        report.trusted = signer.how
    if imported_package(workspace.conn, content.package_id) is not None and signer is not None:
        with workspace.transaction() as conn:  # only the trust changes: the content is already here
            _store_trust(conn, workspace, content, signer, actor)
        report.already_imported = True
        return report
    with workspace.transaction() as conn:
        if signer is not None:
            _store_trust(conn, workspace, content, signer, actor)
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
    newest = workspace.conn.execute("SELECT max(created_at) FROM panel_packages WHERE kind = 'panel'").fetchone()[0]
    if newest is not None and content.created_at < newest:
        # A genuine but older package would take back what a newer one brought (a conflict declared since, a
        # member removed, a result finalised): a replay, refused.
        problems.append(Problem(
            th=f"ชุดข้อมูลคณะผู้ประเมินนี้เก่ากว่าชุดที่นำเข้าแล้ว (สร้างเมื่อ {content.created_at} ก่อน {newest}) ไม่นำเข้า",
            en=f"this panel package is older than the one already installed (made {content.created_at}, before "
               f"{newest}): an older package would take back later changes, so it is not imported"))
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
