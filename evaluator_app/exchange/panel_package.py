"""The panel package (secretary -> members): written and signed with the secretary's key on the master; on a
member's laptop checked for its signature, for the signer being the secretary of its own member list, and for
being trusted (the first one only with the fingerprint confirmed aloud, then that key, a key it vouched for, or one
the member re-trusts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.agreement import Agreement, Party, PartySide
from ..domain.framework import Framework
from ..domain.panel import AggregationRule, ConflictOfInterest, ConflictType, Panel, PanelMember, Role, key_fingerprint
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT
from ..store.agreements import agreement_snapshot, indicator_from_row, list_agreements, load_agreement
from ..store.audit import utc_now
from ..store.frameworks import get_framework
from ..store.panel import encode_key, require_panel, result_state, save_member, submissions
from ..store.panel_install import (
    PackagedAgreement,
    PackagedResultState,
    PanelContent,
    TrustedSigner,
    is_member_copy,
    mark_master,
    trusted_signer,
)
from ..store.panel_merge import agreement_digest
from ..store.ratings import load_ratings
from ..store.workspace import Workspace
from . import package_fields as f
from .identity import SigningKey, follow_endorsements, verify_signature
from .package_content import (
    MALFORMED,
    ExportSummary,
    malformed,
    parse_rating,
    parse_submission,
    rating_dict,
    submission_dict,
)
from .package_format import PackageFile, PackageKind, PackageRefused, refuse, write_package


class TrustNeeded(PackageRefused):
    """A panel package whose signer this laptop does not trust yet: the person must compare the fingerprint aloud
    with the secretary and confirm it (`--trust FINGERPRINT`, or the window's dialog)."""

    def __init__(self, problems: list[Problem], *, fingerprint: str, signer: str, trusted: str | None):
        super().__init__(problems)
        self.fingerprint = fingerprint  # the package signer's, to read aloud
        self.signer = signer  # who the package says signed it
        self.trusted = trusted  # the fingerprint trusted so far (a changed key), or None (the first package)


def same_fingerprint(typed: str, public_key: bytes) -> bool:
    """Whether what a person typed (spaces, dashes and case as they like) is the key's fingerprint."""
    def plain(text: str) -> str:
        return "".join(c for c in text.lower() if c in "0123456789abcdef")

    return bool(typed) and plain(typed) == plain(key_fingerprint(public_key))


def export_panel_package(workspace: Workspace, out: Path, signing_key: SigningKey, encryption_key: bytes, *,
                         actor: str | None = None) -> ExportSummary:
    """The panel, members with their public keys, conflicts, frameworks, and each agreement's version in force
    with its criteria and the agency's self-assessment, signed with the secretary's key and carrying her
    encryption key. No member's ratings travel to other members."""
    panel = require_panel(workspace)
    signer = _check_signer(workspace, panel, signing_key, actor or signing_key.member_id)
    panel = require_panel(workspace)
    framework_ids: set[str] = set()
    agreements = []
    for summary in list_agreements(workspace):
        stored = load_agreement(workspace, summary.id)
        agreement = stored.agreement
        framework = get_framework(workspace, agreement.framework_id or "")
        framework_ids.add(framework.id)
        self_assessment = [
            rating_dict(s.rating)
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
            "submissions": [submission_dict(s) for s in submissions(workspace, summary.id)],
            "results": [{"round": r.round, "finalised": r.finalised, "rule": r.rule.value,
                         "reopen_count": r.reopen_count} for r in results],
        })
    payload = {
        "panel": {"id": panel.id, "name": panel.name, "rule": panel.rule.value, "declaration": panel.declaration},
        "members": [{"id": m.id, "name": m.name, "position": m.position, "role": m.role.value, "order": m.order,
                     "public_key": encode_key(m.public_key)} for m in panel.members],
        "conflicts": [{"member_id": c.member_id, "agency": c.agency, "type": c.type.value, "reason": c.reason}
                      for c in panel.conflicts],
        "frameworks": [get_framework(workspace, fid).to_dict() for fid in sorted(framework_ids)],
        "agreements": agreements,
        "secretary": {"id": signer.id, "encryption_key": encode_key(encryption_key)},
    }
    identity = signing_key.identity
    header = {"panel_id": panel.id, "panel_name": panel.name,
              "title": f"ชุดข้อมูลคณะผู้ประเมิน {panel.name} / panel package", "agreements": len(agreements),
              "signer_member_id": signer.id, "signer_public_key": encode_key(identity.public_key),
              "signer_fingerprint": identity.fingerprint, "endorsements": list(signing_key.endorsements)}
    written = write_package(out, PackageKind.PANEL, header, payload, sign=signing_key.sign,
                            workspace=workspace.path)
    mark_master(workspace, panel.id, actor=actor or signer.id)
    return ExportSummary(written.path, PackageKind.PANEL, written.package_id, len(agreements),
                         member_id=signer.id, fingerprint=identity.fingerprint)


def _check_signer(workspace: Workspace, panel: Panel, signing_key: SigningKey, actor: str) -> PanelMember:
    """The panel package is signed by the panel's secretary (or assistant secretary) with the key the panel
    records for her. A key the recorded one vouched for (a replaced key) is recorded now, audited."""
    if is_member_copy(workspace):
        raise ProblemsError([Problem(
            th="เครื่องของกรรมการสร้างชุดข้อมูลคณะผู้ประเมินไม่ได้ ใช้พื้นที่ทำงานหลักของเลขานุการ",
            en="a member's copy does not make panel packages; use the secretary's master workspace")])
    who = signing_key.member_id
    member = panel.member(who) if panel.has_member(who) else None
    if member is None or member.role not in (Role.SECRETARY, Role.ASSISTANT_SECRETARY):
        raise ProblemsError([Problem(
            th=f"ชุดข้อมูลคณะผู้ประเมินลงนามด้วยกุญแจของเลขานุการเท่านั้น '{who}' ไม่ใช่เลขานุการของคณะ",
            en=f"a panel package is signed with the secretary's key; '{who}' is not the panel's secretary or "
               f"assistant secretary")])
    mine = signing_key.identity.public_key
    if member.public_key == mine:
        return member
    endorsed = member.public_key is not None and follow_endorsements(member.public_key, mine,
                                                                     list(signing_key.endorsements))
    if member.public_key is None or endorsed:
        return save_member(workspace, PanelMember(member.id, member.name, member.role, member.position, member.order,
                                                  mine), actor=actor)
    raise ProblemsError([Problem(
        th=f"กุญแจของ {who} ({key_fingerprint(mine)}) ไม่ใช่กุญแจที่คณะบันทึกไว้ ({key_fingerprint(member.public_key)}) "
           f"ถ้าเปลี่ยนกุญแจโดยไม่มีกุญแจเดิม ให้บันทึกกุญแจใหม่ (panel add-member {who} --public-key FILE) "
           "แล้วแจ้งกรรมการให้ยืนยันลายนิ้วมือใหม่",
        en=f"{who}'s key ({key_fingerprint(mine)}) is not the one the panel records "
           f"({key_fingerprint(member.public_key)}); if you replaced it without the old key, record the new one "
           f"(panel add-member {who} --public-key FILE) and have the members confirm the new fingerprint")])


def verify_panel_package(package: PackageFile) -> tuple[PanelContent, bytes]:
    """Check that a panel package is signed, that the signature holds, and that the signer is the secretary in the
    package's own member list; the content and the signer's key. Whether this laptop trusts that key is decided
    by `decide_trust`."""
    manifest = package.manifest
    if package.signature is None:
        raise refuse(package.path, "ชุดข้อมูลคณะผู้ประเมินไม่มีลายมือชื่อของเลขานุการ (ปลอมหรือสร้างด้วยโปรแกรมรุ่นเก่า) ไม่นำเข้า",
                     "the panel package carries no signature of the secretary (forged, or made by an older "
                     "version): not imported")
    try:
        signer = f.public_key(manifest.get("signer_public_key"), "signer_public_key")
    except f.FieldError as exc:
        raise malformed(package, exc) from exc
    if signer is None:
        raise refuse(package.path, "ชุดข้อมูลไม่ระบุกุญแจของผู้ลงนาม", "the package does not name its signer's key")
    if not verify_signature(signer, package.signature, package.signed_message()):
        raise refuse(package.path, "ลายมือชื่อของชุดข้อมูลคณะผู้ประเมินไม่ถูกต้อง ชุดข้อมูลถูกแก้ไขหลังลงนาม",
                     "the panel package's signature does not verify: it was altered after it was signed")
    content = parse_panel_package(package)
    secretary = next((m for m in content.panel.members if m.id == content.secretary_id), None)
    if (secretary is None or secretary.role not in (Role.SECRETARY, Role.ASSISTANT_SECRETARY)
            or secretary.public_key != signer):
        raise refuse(package.path,
                     "ผู้ลงนามชุดข้อมูลไม่ใช่เลขานุการตามรายชื่อกรรมการในชุดข้อมูลเอง",
                     f"the signer (fingerprint {key_fingerprint(signer)}) is not the secretary of the package's "
                     f"own member list")
    return content, signer


def decide_trust(workspace: Workspace, package: PackageFile, content: PanelContent, signer: bytes,
                 trust: str | None) -> TrustedSigner:
    """Whether this laptop accepts the signer: the first package only with the fingerprint confirmed aloud
    (`trust`), later ones only from the trusted key, a key the trusted one vouched for, or by explicit re-trust."""
    fingerprint = key_fingerprint(signer)
    now = utc_now()
    if trust and not same_fingerprint(trust, signer):
        raise refuse(package.path,
                     f"ลายนิ้วมือที่ยืนยัน ({trust}) ไม่ตรงกับกุญแจที่ลงนามชุดข้อมูลนี้ ({fingerprint}) ไม่นำเข้า",
                     f"the fingerprint you confirmed ({trust}) is not that of the key that signed this package "
                     f"({fingerprint}): not imported")
    trusted = trusted_signer(workspace)
    if trusted is not None and trusted.panel_id == content.panel.id:
        if trusted.public_key == signer:
            return trusted
        if follow_endorsements(trusted.public_key, signer, package.manifest.get("endorsements")):
            return TrustedSigner(content.panel.id, signer, "endorsed", now)
        if trust:
            return TrustedSigner(content.panel.id, signer, "re-trusted", now)
        raise TrustNeeded([Problem(
            th=f"ชุดข้อมูลนี้ลงนามด้วยกุญแจอื่น (ลายนิ้วมือ {fingerprint}) ไม่ใช่กุญแจเลขานุการที่เชื่อถือไว้ "
               f"({trusted.fingerprint}) และกุญแจเดิมไม่ได้รับรองกุญแจใหม่ ถ้าเลขานุการเปลี่ยนกุญแจจริง ให้ยืนยันลายนิ้วมือใหม่"
               f"กับเลขานุการด้วยวาจา แล้วนำเข้าอีกครั้งพร้อม --trust \"{fingerprint}\"",
            en=f"this package is signed with another key (fingerprint {fingerprint}), not the secretary's key "
               f"trusted here ({trusted.fingerprint}), and the old key did not vouch for it; if the secretary "
               f"really changed her key, confirm the new fingerprint with her aloud, then import again with "
               f"--trust \"{fingerprint}\"", file=str(package.path))],
            fingerprint=fingerprint, signer=content.secretary_id, trusted=trusted.fingerprint)
    if not trust:
        raise TrustNeeded([Problem(
            th=f"ชุดข้อมูลคณะผู้ประเมินชุดแรก: เทียบลายนิ้วมือกุญแจของเลขานุการ ({content.secretary_id}) "
               f"กับเลขานุการด้วยวาจา: {fingerprint} ถ้าตรงกัน นำเข้าอีกครั้งพร้อม --trust \"{fingerprint}\"",
            en=f"the first panel package: compare the secretary's ({content.secretary_id}) key fingerprint aloud "
               f"with her: {fingerprint}; if it matches, import again with --trust \"{fingerprint}\"",
            file=str(package.path))], fingerprint=fingerprint, signer=content.secretary_id, trusted=None)
    return TrustedSigner(content.panel.id, signer, "confirmed", now)


def parse_panel_package(package: PackageFile) -> PanelContent:
    data = package.payload()
    try:
        head = f.field(data, "panel")
        panel_id = f.text(head, "id", limit=200, empty=False)
        if panel_id != package.manifest["panel_id"]:
            raise ValueError("the payload names another panel than the manifest")
        panel = Panel(
            id=panel_id, name=f.text(head, "name", limit=2000), rule=AggregationRule(f.text(head, "rule")),
            declaration=f.text(head, "declaration"),
            members=tuple(PanelMember(id=f.text(m, "id", limit=200), name=f.text(m, "name", limit=2000),
                                      role=Role(f.text(m, "role")),
                                      position=f.text(m, "position", optional=True, limit=2000) or "",
                                      order=f.integer(m, "order", optional=True),
                                      public_key=f.public_key(m.get("public_key")))
                          for m in f.objects(data, "members")),
            conflicts=tuple(ConflictOfInterest(f.text(c, "member_id", limit=200), f.text(c, "agency", limit=2000),
                                               ConflictType(f.text(c, "type")), f.text(c, "reason", empty=False))
                            for c in f.objects(data, "conflicts")),
        )
        frameworks = tuple(Framework.from_dict(x) for x in f.objects(data, "frameworks"))
        agreements = tuple(_packaged_agreement(a) for a in f.objects(data, "agreements"))
        secretary = f.field(data, "secretary")
        secretary_id = f.text(secretary, "id", limit=200)
        encryption_key = f.public_key(f.field(secretary, "encryption_key"), "encryption_key")
    except (*MALFORMED, ProblemsError) as exc:
        raise malformed(package, exc) from exc
    try:
        created_at = f.timestamp(package.manifest, "created_at")
    except f.FieldError as exc:
        raise malformed(package, exc) from exc
    return PanelContent(package.package_id, created_at, panel, frameworks, agreements, secretary_id, encryption_key)


_INDICATOR_TEXTS = ("code", "name", "dimension", "unit", "target", "baseline", "description", "formula",
                    "conditions", "data_source", "supervisor", "collector", "kind", "weight", "thresholds",
                    "round_weights", "level_descriptions")


def _packaged_agreement(data: dict[str, Any]) -> PackagedAgreement:
    rows = f.objects(data, "indicators")
    for row in rows:
        for name in _INDICATOR_TEXTS:
            f.text(row, name, optional=True)
        for name in ("start_round", "cancel_round"):
            if row.get(name) is not None:
                f.integer(row, name, 1, 12)
    parties = f.field(data, "parties")
    if not isinstance(parties, list) or not all(isinstance(p, list) and len(p) == 3 for p in parties):
        raise ValueError("'parties' is not a list of [side, name, position]")
    agreement = Agreement(
        agency=f.text(data, "agency", limit=2000, empty=False), fiscal_year=f.integer(data, "fiscal_year", 2400, 2800),
        framework_id=f.text(data, "framework_id", limit=200), title=f.text(data, "title", optional=True),
        parties=tuple(Party(PartySide(side), f.text({"name": name}, "name"), f.text({"p": position}, "p"))
                      for side, name, position in parties),
        indicators=tuple(indicator_from_row(row) for row in rows),
    )
    return PackagedAgreement(
        agreement=agreement, version=f.integer(data, "version", 1), digest=f.sha256(data, "digest"),
        self_assessment=tuple(parse_rating(r, SELF_ASSESSMENT) for r in f.objects(data, "self_assessment")),
        submissions=tuple(parse_submission(s) for s in f.objects(data, "submissions")),
        results=tuple(PackagedResultState(f.integer(r, "round", 1, 12), f.flag(r, "finalised"),
                                          AggregationRule(f.text(r, "rule")), f.integer(r, "reopen_count"))
                      for r in f.objects(data, "results")),
    )
