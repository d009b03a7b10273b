"""Panel packages (secretary -> members) and signed evaluator packages (member -> secretary): what goes in,
what is checked on the way back, and the report of what was merged."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..domain.agreement import Agreement, Party, PartySide
from ..domain.framework import Framework
from ..domain.panel import (
    AggregationRule,
    ConflictOfInterest,
    ConflictType,
    Panel,
    PanelMember,
    Role,
    SubmissionState,
    key_fingerprint,
)
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..store.agreements import agreement_snapshot, indicator_from_row, list_agreements, load_agreement
from ..store.evidence import list_evidence
from ..store.frameworks import get_framework
from ..store.panel import Submission, encode_key, load_panel, require_panel, result_state, submissions
from ..store.panel_install import (
    InstallReport,
    PackagedAgreement,
    PackagedResultState,
    PanelContent,
    install_panel,
    is_member_copy,
)
from ..store.panel_merge import (
    IncomingAgreement,
    IncomingEvidence,
    IncomingRating,
    IncomingSubmission,
    MemberRatings,
    MergeReport,
    agreement_digest,
    merge_member_ratings,
)
from ..store.ratings import load_ratings
from ..store.workspace import Workspace
from .identity import SigningKey, verify_signature
from .package_format import PackageFile, PackageKind, PackageRefused, read_package, refuse, write_package


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    kind: PackageKind
    package_id: str
    agreements: int
    ratings: int = 0
    member_id: str | None = None
    fingerprint: str | None = None  # of the signing key, for the secretary to compare aloud


# --- panel package: secretary -> members -------------------------------------------------------------------------

def export_panel_package(workspace: Workspace, out: Path) -> ExportSummary:
    """The panel, members with their public keys, conflicts, frameworks, and each agreement's version in force
    with its criteria and the agency's self-assessment. No member's ratings travel to other members."""
    panel = require_panel(workspace)
    framework_ids: set[str] = set()
    agreements = []
    for summary in list_agreements(workspace):
        stored = load_agreement(workspace, summary.id)
        agreement = stored.agreement
        framework = get_framework(workspace, agreement.framework_id or "")
        framework_ids.add(framework.id)
        self_assessment = [
            _rating_dict(s.rating)
            for round_ in framework.rounds
            for s in load_ratings(workspace, summary.id, round_, SELF_ASSESSMENT).values()
        ]
        results = [r for r in (result_state(workspace.conn, summary.id, round_) for round_ in framework.rounds) if r]
        agreements.append({
            **agreement_snapshot(agreement),
            "title": agreement.title,
            "version": stored.version_number,
            "digest": agreement_digest(agreement),
            "self_assessment": self_assessment,
            "submissions": [_submission_dict(s) for s in submissions(workspace, summary.id)],
            "results": [{"round": r.round, "finalised": r.finalised, "rule": r.rule.value,
                         "reopen_count": r.reopen_count} for r in results],
        })
    payload = {
        "panel": {"id": panel.id, "name": panel.name, "rule": panel.rule.value, "declaration": panel.declaration},
        "members": [{"id": m.id, "name": m.name, "position": m.position, "role": m.role.value, "order": m.order,
                     "public_key": encode_key(m.public_key)} for m in panel.members],
        "conflicts": [{"member_id": c.member_id, "agency": c.agency, "type": c.type.value, "reason": c.reason}
                      for c in panel.conflicts],
        "frameworks": [get_framework(workspace, f).to_dict() for f in sorted(framework_ids)],
        "agreements": agreements,
    }
    header = {"panel_id": panel.id, "panel_name": panel.name,
              "title": f"ชุดข้อมูลคณะผู้ประเมิน {panel.name} / panel package", "agreements": len(agreements)}
    written = write_package(out, PackageKind.PANEL, header, payload)
    return ExportSummary(written.path, PackageKind.PANEL, written.package_id, len(agreements))


def parse_panel_package(package: PackageFile) -> PanelContent:
    data = package.payload()
    try:
        head = data["panel"]
        if head["id"] != package.manifest["panel_id"]:
            raise ValueError("the payload names another panel than the manifest")
        panel = Panel(
            id=str(head["id"]), name=str(head["name"]), rule=AggregationRule(head["rule"]),
            declaration=str(head["declaration"]),
            members=tuple(PanelMember(id=str(m["id"]), name=str(m["name"]), role=Role(m["role"]),
                                      position=str(m.get("position") or ""), order=int(m.get("order") or 0),
                                      public_key=_key(m.get("public_key"))) for m in data["members"]),
            conflicts=tuple(ConflictOfInterest(str(c["member_id"]), str(c["agency"]), ConflictType(c["type"]),
                                               str(c["reason"])) for c in data["conflicts"]),
        )
        frameworks = tuple(Framework.from_dict(f) for f in data["frameworks"])
        agreements = tuple(_packaged_agreement(a) for a in data["agreements"])
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError, binascii.Error, ProblemsError) as exc:
        raise _malformed(package, exc) from exc
    return PanelContent(package.package_id, package.manifest["created_at"], panel, frameworks, agreements)


def _packaged_agreement(data: dict[str, Any]) -> PackagedAgreement:
    agreement = Agreement(
        agency=str(data["agency"]), fiscal_year=int(data["fiscal_year"]), framework_id=data["framework_id"],
        title=data.get("title"),
        parties=tuple(Party(PartySide(side), str(name), str(position)) for side, name, position in data["parties"]),
        indicators=tuple(indicator_from_row(row) for row in data["indicators"]),
    )
    return PackagedAgreement(
        agreement=agreement, version=int(data["version"]), digest=str(data["digest"]),
        self_assessment=tuple(_rating(r, SELF_ASSESSMENT) for r in data["self_assessment"]),
        submissions=tuple(_submission(s) for s in data["submissions"]),
        results=tuple(PackagedResultState(int(r["round"]), bool(r["finalised"]), AggregationRule(r["rule"]),
                                          int(r["reopen_count"])) for r in data["results"]),
    )


# --- evaluator package: member -> secretary ----------------------------------------------------------------------

def export_evaluator_package(workspace: Workspace, member_id: str, out: Path, signing_key: SigningKey
                             ) -> ExportSummary:
    """A member's ratings (result, adjusted score and reason, comment; never the private note), evidence hashes,
    edit versions and times, submission states with the declaration, signed with the member's key."""
    panel = require_panel(workspace)
    problems: list[Problem] = []
    if not panel.has_member(member_id):
        problems.append(Problem(th=f"ไม่มีกรรมการรหัส {member_id} ในคณะผู้ประเมิน '{panel.name}'",
                                en=f"no member {member_id} on the panel '{panel.name}'"))
    if signing_key.member_id != member_id:
        problems.append(Problem(th=f"กุญแจที่ใช้เป็นของ {signing_key.member_id} ไม่ใช่ของ {member_id}",
                                en=f"the key is {signing_key.member_id}'s, not {member_id}'s"))
    recorded = panel.member(member_id).public_key if panel.has_member(member_id) else None
    mine = signing_key.identity.public_key
    if recorded is not None and recorded != mine:
        problems.append(Problem(
            th=f"กุญแจของท่าน ({key_fingerprint(mine)}) ไม่ตรงกับที่เลขานุการบันทึกไว้ ({key_fingerprint(recorded)}) "
               "ส่งกุญแจสาธารณะให้เลขานุการก่อน",
            en=f"your key ({key_fingerprint(mine)}) is not the one the secretary recorded "
               f"({key_fingerprint(recorded)}); hand your public key to the secretary first"))
    if problems:
        raise ProblemsError(problems)
    blocks, count = [], 0
    for summary in list_agreements(workspace):
        stored = load_agreement(workspace, summary.id)
        framework = get_framework(workspace, stored.agreement.framework_id or "")
        ratings = [
            {**_rating_dict(s.rating), "edit_version": s.edit_version, "updated_at": s.updated_at}
            for round_ in framework.rounds
            for s in load_ratings(workspace, summary.id, round_, member_id).values()
        ]
        states = [_submission_dict(s) for s in submissions(workspace, summary.id) if s.evaluator == member_id]
        evidence = [{"code": e.code, "file_name": e.file_name, "sha256": e.sha256, "size": e.size,
                     "added_at": e.added_at} for e in list_evidence(workspace, summary.id, evaluator=member_id)]
        if not (ratings or states or evidence):
            continue
        count += len(ratings)
        blocks.append({"agency": stored.agreement.agency, "fiscal_year": stored.agreement.fiscal_year,
                       "version": stored.version_number, "digest": agreement_digest(stored.agreement),
                       "ratings": ratings, "submissions": states, "evidence": evidence})
    identity = signing_key.identity
    header = {
        "panel_id": panel.id, "panel_name": panel.name, "member_id": member_id,
        "member_name": panel.member(member_id).name,
        "signer_public_key": encode_key(identity.public_key), "signer_fingerprint": identity.fingerprint,
        "title": f"ผลการประเมินของ {member_id} / evaluator package of {member_id}",
        "agreements": len(blocks), "ratings": count,
    }
    written = write_package(out, PackageKind.EVALUATOR, header, {"member_id": member_id, "agreements": blocks},
                            sign=signing_key.sign)
    return ExportSummary(written.path, PackageKind.EVALUATOR, written.package_id, len(blocks), count, member_id,
                         identity.fingerprint)


def verify_evaluator_package(workspace: Workspace, package: PackageFile) -> MemberRatings:
    """Check that a package comes from a member of this workspace's panel and was signed with the key recorded
    for them; refuse, saying which and why, otherwise."""
    manifest = package.manifest
    panel = load_panel(workspace)
    if panel is None:
        raise refuse(package.path, "พื้นที่ทำงานนี้ไม่มีคณะผู้ประเมิน จึงรับผลการประเมินไม่ได้",
                     "this workspace has no panel, so it takes no evaluator packages")
    if is_member_copy(workspace):
        # Members' ratings are confidential to the panel's master: a member's laptop never takes another's.
        raise refuse(package.path, "ผลการประเมินของกรรมการนำเข้าได้เฉพาะพื้นที่ทำงานหลักของเลขานุการ",
                     "evaluator packages are imported into the secretary's master workspace, not a member's copy")
    if manifest["panel_id"] != panel.id:
        raise refuse(package.path,
                     f"ชุดข้อมูลนี้เป็นของคณะผู้ประเมินอื่น ('{manifest.get('panel_name')}') ไม่ใช่ '{panel.name}'",
                     f"the package is for another panel ('{manifest.get('panel_name')}', {manifest['panel_id']}), "
                     f"not '{panel.name}' ({panel.id})")
    member_id = manifest.get("member_id")
    if not isinstance(member_id, str) or not panel.has_member(member_id):
        raise refuse(package.path, f"ผู้ส่ง '{member_id}' ไม่ได้เป็นกรรมการในคณะผู้ประเมิน '{panel.name}'",
                     f"the package comes from '{member_id}', who is not on the panel '{panel.name}'")
    recorded = panel.member(member_id).public_key
    if recorded is None:
        raise refuse(package.path, f"ยังไม่ได้บันทึกกุญแจสาธารณะของ {member_id} จึงตรวจลายมือชื่อไม่ได้",
                     f"no public key is recorded for {member_id}, so the signature cannot be checked; record it "
                     f"with: panel add-member {member_id} ... --public-key FILE")
    if package.signature is None:
        raise refuse(package.path, "ชุดข้อมูลไม่มีลายมือชื่ออิเล็กทรอนิกส์", "the package is not signed")
    claimed = _key(manifest.get("signer_public_key"))
    if claimed is not None and claimed != recorded:
        raise refuse(package.path,
                     f"ลงนามด้วยกุญแจที่ไม่ใช่ของ {member_id} (ลายนิ้วมือ {key_fingerprint(claimed)} "
                     f"แต่ที่บันทึกไว้คือ {key_fingerprint(recorded)})",
                     f"signed with a key that is not {member_id}'s (fingerprint {key_fingerprint(claimed)}; the "
                     f"key recorded for {member_id} is {key_fingerprint(recorded)})")
    if not verify_signature(recorded, package.signature, package.signed_message()):
        raise refuse(package.path, f"ลายมือชื่อของ {member_id} ไม่ถูกต้อง ชุดข้อมูลถูกแก้ไขหลังลงนาม",
                     f"the signature does not verify with {member_id}'s key: the package was altered after it "
                     f"was signed, or signed by someone else")
    data = package.payload()
    try:
        if data["member_id"] != member_id:
            raise ValueError("the payload names another member than the manifest")
        blocks = tuple(_incoming_agreement(b, member_id) for b in data["agreements"])
        if len({(b.agency, b.fiscal_year) for b in blocks}) != len(blocks):
            raise ValueError("one agreement appears twice")
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as exc:
        raise _malformed(package, exc) from exc
    return MemberRatings(package.package_id, member_id, package.manifest["created_at"], blocks)


def _incoming_agreement(data: dict[str, Any], member_id: str) -> IncomingAgreement:
    block = IncomingAgreement(
        agency=str(data["agency"]), fiscal_year=int(data["fiscal_year"]), digest=str(data["digest"]),
        ratings=tuple(IncomingRating(_rating(r, member_id), int(r["edit_version"]), _utc(r["updated_at"]))
                      for r in data["ratings"]),
        submissions=tuple(IncomingSubmission(int(s["round"]), SubmissionState(s["state"]), int(s["reopen_count"]),
                                             s.get("declaration"), s.get("submitted_at"))
                          for s in data["submissions"]),
        evidence=tuple(IncomingEvidence(str(e["code"]), str(e["file_name"]), _sha256(e["sha256"]), int(e["size"]),
                                        _utc(e["added_at"])) for e in data["evidence"]),
    )
    keys = [(r.rating.code, r.rating.round) for r in block.ratings]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{block.agency}: one indicator and round appears twice")
    if len({s.round for s in block.submissions}) != len(block.submissions):
        raise ValueError(f"{block.agency}: one round has two submission states")
    for item in block.submissions:
        if item.state is SubmissionState.SUBMITTED and not (item.declaration and item.submitted_at):
            raise ValueError(f"{block.agency}: a submission without its declaration")
    return block


# --- either kind ---------------------------------------------------------------------------------------------

def import_package(workspace: Workspace, path: Path, *, actor: str) -> MergeReport | InstallReport:
    """Read a package, tell its kind from the manifest, check it, and merge it: all or nothing."""
    package = read_package(path)
    if package.kind is PackageKind.PANEL:
        return install_panel(workspace, parse_panel_package(package), actor=actor)
    incoming = verify_evaluator_package(workspace, package)
    return merge_member_ratings(workspace, incoming, actor=actor)


def _rating_dict(rating: Rating) -> dict[str, Any]:
    return {"code": rating.code, "round": rating.round,
            "result": None if rating.result is None else str(rating.result),
            "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
            "adjust_reason": rating.adjust_reason, "comment": rating.comment}


def _rating(data: dict[str, Any], evaluator: str) -> Rating:
    return Rating(code=str(data["code"]), round=int(data["round"]),
                  evaluator=evaluator, result=_decimal(data.get("result")),
                  adjusted_score=_decimal(data.get("adjusted_score")), adjust_reason=data.get("adjust_reason"),
                  comment=data.get("comment"))


def _submission_dict(item: Submission) -> dict[str, Any]:
    return {"evaluator": item.evaluator, "round": item.round, "state": item.state.value,
            "reopen_count": item.reopen_count, "declaration": item.declaration, "submitted_at": item.submitted_at,
            "changed_at": item.changed_at, "changed_by": item.changed_by, "reason": item.reason}


def _submission(data: dict[str, Any]) -> Submission:
    item = Submission(0, int(data["round"]), str(data["evaluator"]), SubmissionState(data["state"]),
                      int(data["reopen_count"]), data.get("declaration"), data.get("submitted_at"),
                      str(data["changed_at"]), str(data["changed_by"]), data.get("reason"))
    if item.submitted and not (item.declaration and item.submitted_at):
        raise ValueError(f"a submission of {item.evaluator} without its declaration")
    return item


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def _key(text: Any) -> bytes | None:
    return None if text is None else base64.b64decode(str(text), validate=True)


def _utc(text: Any) -> str:
    """A timestamp in the one form the store compares as text: UTC, ISO-8601, microseconds."""
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError(f"a timestamp without a time zone: {text!r}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _sha256(text: Any) -> str:
    value = str(text).lower()
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError(f"not a SHA-256 hash: {text!r}")
    return value


def _malformed(package: PackageFile, exc: BaseException) -> PackageRefused:
    return refuse(package.path, "ข้อมูลในชุดข้อมูลไม่ถูกรูปแบบ", f"the package's data is malformed ({exc})")
