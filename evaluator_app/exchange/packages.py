"""Panel packages (secretary -> members, signed by the secretary's key) and evaluator packages (member -> secretary,
signed by the member and sealed to the secretary's encryption key): what goes in, what is checked on the way back,
and the report of what was merged.

Every field of a package that arrives is read through `package_fields`, and any malformed value is a refusal that
names the file and writes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

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
from ..store.audit import utc_now
from ..store.evidence import EvidenceState, evidence_path, evidence_state, list_evidence
from ..store.frameworks import get_framework
from ..store.panel import Submission, encode_key, load_panel, require_panel, result_state, save_member, submissions
from ..store.panel_conflicts import rating_revision, record_sent, sent_histories
from ..store.panel_install import (
    InstallReport,
    PackagedAgreement,
    PackagedResultState,
    PanelContent,
    TrustedSigner,
    install_panel,
    is_master,
    is_member_copy,
    mark_master,
    secretary_encryption_key,
    trusted_signer,
)
from ..store.panel_merge import (
    IncomingAgreement,
    IncomingEvidence,
    IncomingRating,
    IncomingSubmission,
    MemberRatings,
    MergeReport,
    agreement_digest,
    imported_package,
    merge_member_ratings,
)
from ..store.ratings import load_ratings
from ..store.workspace import Workspace
from . import package_fields as f
from .identity import SEALED_BOX, SealError, SigningKey, follow_endorsements, open_sealed, seal, verify_signature
from .package_format import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_FILES,
    MAX_EVIDENCE_TOTAL,
    PackageFile,
    PackageKind,
    PackageRefused,
    read_package,
    refuse,
    write_package,
)

SEAL_OVERHEAD = 32 + 12 + 16  # a sealed box: the ephemeral key, the nonce and the tag

# Given the secretary's member id, her unlocked X25519 key (asked for only when a sealed package arrives).
Decryptor = Callable[[str], X25519PrivateKey]

# What goes wrong when a value from outside is of the wrong shape: refused, never a traceback.
MALFORMED = (KeyError, TypeError, ValueError, ArithmeticError, AttributeError, RecursionError, UnicodeError,
             IndexError)
# What the store raises when a value cannot be stored after all (a CHECK, an integer beyond 64 bits).
UNSTORABLE = (OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError)


class TrustNeeded(PackageRefused):
    """A panel package whose signer this laptop does not trust yet: the person must compare the fingerprint aloud
    with the secretary and confirm it (`--trust FINGERPRINT`, or the window's dialog)."""

    def __init__(self, problems: list[Problem], *, fingerprint: str, signer: str, trusted: str | None):
        super().__init__(problems)
        self.fingerprint = fingerprint  # the package signer's, to read aloud
        self.signer = signer  # who the package says signed it
        self.trusted = trusted  # the fingerprint trusted so far (a changed key), or None (the first package)


class DecryptionNeeded(PackageRefused):
    """An evaluator package sealed to the secretary: her decryption key (and passphrase) is needed to open it."""

    def __init__(self, problems: list[Problem], *, recipient: str):
        super().__init__(problems)
        self.recipient = recipient


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    kind: PackageKind
    package_id: str
    agreements: int
    ratings: int = 0
    member_id: str | None = None
    fingerprint: str | None = None  # of the signing key, for the secretary to compare aloud
    evidence: int = 0


def same_fingerprint(typed: str, public_key: bytes) -> bool:
    """Whether what a person typed (spaces, dashes and case as they like) is the key's fingerprint."""
    def plain(text: str) -> str:
        return "".join(c for c in text.lower() if c in "0123456789abcdef")

    return bool(typed) and plain(typed) == plain(key_fingerprint(public_key))


# --- panel package: secretary -> members -------------------------------------------------------------------------

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
        "frameworks": [get_framework(workspace, fid).to_dict() for fid in sorted(framework_ids)],
        "agreements": agreements,
        "secretary": {"id": signer.id, "encryption_key": encode_key(encryption_key)},
    }
    identity = signing_key.identity
    header = {"panel_id": panel.id, "panel_name": panel.name,
              "title": f"ชุดข้อมูลคณะผู้ประเมิน {panel.name} / panel package", "agreements": len(agreements),
              "signer_member_id": signer.id, "signer_public_key": encode_key(identity.public_key),
              "signer_fingerprint": identity.fingerprint, "endorsements": list(signing_key.endorsements)}
    written = write_package(out, PackageKind.PANEL, header, payload, sign=signing_key.sign)
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
        raise _malformed(package, exc) from exc
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
        raise _malformed(package, exc) from exc
    try:
        created_at = f.timestamp(package.manifest, "created_at")
    except f.FieldError as exc:
        raise _malformed(package, exc) from exc
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
        self_assessment=tuple(_rating(r, SELF_ASSESSMENT) for r in f.objects(data, "self_assessment")),
        submissions=tuple(_submission(s) for s in f.objects(data, "submissions")),
        results=tuple(PackagedResultState(f.integer(r, "round", 1, 12), f.flag(r, "finalised"),
                                          AggregationRule(f.text(r, "rule")), f.integer(r, "reopen_count"))
                      for r in f.objects(data, "results")),
    )


# --- evaluator package: member -> secretary ----------------------------------------------------------------------

def export_evaluator_package(workspace: Workspace, member_id: str, out: Path, signing_key: SigningKey
                             ) -> ExportSummary:
    """A member's ratings (result, adjusted score and reason, comment; never the private note) with the revisions
    each edit was based on, evidence files, submission states with the declaration; sealed to the secretary's
    encryption key and signed with the member's key."""
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
    recipient = secretary_encryption_key(workspace)
    if recipient is None:
        problems.append(Problem(
            th="ยังไม่มีกุญแจเข้ารหัสของเลขานุการ นำเข้าชุดข้อมูลคณะผู้ประเมินล่าสุดก่อน",
            en="no encryption key of the secretary here yet: import the secretary's latest panel package first"))
    if problems:
        raise ProblemsError(problems)
    assert recipient is not None
    secretary_id, recipient_key = recipient
    blocks, count, sent = [], 0, []
    files: dict[str, bytes] = {}
    for summary in list_agreements(workspace):
        stored = load_agreement(workspace, summary.id)
        framework = get_framework(workspace, stored.agreement.framework_id or "")
        histories = sent_histories(workspace.conn, summary.id, member_id)
        ratings = []
        for round_ in framework.rounds:
            for s in load_ratings(workspace, summary.id, round_, member_id).values():
                values = _rating_dict(s.rating)
                history = histories.get((s.rating.code, round_))
                revision = rating_revision(member_id, s.rating.code, round_, values, s.edit_version, s.updated_at)
                base = None if history is None or history.last_values is None else {
                    **history.last_values, "hash": history.base}
                ratings.append({**values, "edit_version": s.edit_version, "updated_at": s.updated_at,
                                "base": base, "history": [] if history is None else list(history.revisions)})
                sent.append((summary.id, s.rating.code, round_, revision, values))
        states = [_submission_dict(s) for s in submissions(workspace, summary.id) if s.evaluator == member_id]
        evidence = [_evidence_entry(workspace, e, files) for e in list_evidence(workspace, summary.id,
                                                                               evaluator=member_id)]
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
        "agreements": len(blocks),
    }
    encryption = {"scheme": SEALED_BOX, "recipient": secretary_id, "recipient_key": encode_key(recipient_key),
                  "recipient_fingerprint": key_fingerprint(recipient_key)}
    written = write_package(out, PackageKind.EVALUATOR, header, {"member_id": member_id, "agreements": blocks},
                            sign=signing_key.sign, encrypt=lambda plain: seal(recipient_key, plain),
                            encryption=encryption,
                            files={name: seal(recipient_key, data) for name, data in files.items()})
    record_sent(workspace, member_id, sent, package_id=written.package_id)
    return ExportSummary(written.path, PackageKind.EVALUATOR, written.package_id, len(blocks), count, member_id,
                         identity.fingerprint, len(files))


def _evidence_entry(workspace: Workspace, item: Any, files: dict[str, bytes]) -> dict[str, Any]:
    """One evidence file for the package: its bytes (checked against the recorded hash) under a numbered name."""
    where = f"{item.code}: {item.file_name}"
    state = evidence_state(workspace, item)
    if state is not EvidenceState.OK:
        raise ProblemsError([Problem(
            th=f"ไฟล์หลักฐาน {where} {'หายไป' if state is EvidenceState.MISSING else 'ถูกแก้ไขนอกโปรแกรม'} แนบใหม่ก่อนส่ง",
            en=f"the evidence file {where} is {state.value} (it no longer matches its recorded hash); attach it "
               f"again before exporting", indicator=item.code)])
    if item.size > MAX_EVIDENCE_BYTES:
        raise ProblemsError([Problem(
            th=f"ไฟล์หลักฐาน {where} ใหญ่เกิน {MAX_EVIDENCE_BYTES // 2**20} MB",
            en=f"the evidence file {where} is larger than {MAX_EVIDENCE_BYTES // 2**20} MB, the limit of a package",
            indicator=item.code)])
    if sum(len(data) + SEAL_OVERHEAD for data in files.values()) + item.size + SEAL_OVERHEAD > MAX_EVIDENCE_TOTAL:
        raise ProblemsError([Problem(
            th=f"ไฟล์หลักฐานรวมกันเกิน {MAX_EVIDENCE_TOTAL // 2**20} MB ที่ชุดข้อมูลหนึ่งชุดรับได้ (ที่ {where})",
            en=f"the evidence files together exceed the {MAX_EVIDENCE_TOTAL // 2**20} MB one package carries "
               f"(at {where})", indicator=item.code)])
    if len(files) >= MAX_EVIDENCE_FILES:
        raise ProblemsError([Problem(th=f"ไฟล์หลักฐานมากกว่า {MAX_EVIDENCE_FILES} ไฟล์",
                                     en=f"more than {MAX_EVIDENCE_FILES} evidence files in one package")])
    name = f"evidence/{len(files) + 1:04d}.bin"
    files[name] = evidence_path(workspace, item).read_bytes()
    return {"code": item.code, "file_name": item.file_name, "sha256": item.sha256, "size": item.size,
            "added_at": item.added_at, "entry": name}


def verify_evaluator_package(workspace: Workspace, package: PackageFile, decrypt: Decryptor | None = None
                             ) -> MemberRatings:
    """Check that a package comes from a member of this workspace's panel and was signed with the key recorded
    for them, then open its sealed payload and evidence; refuse, saying which and why, otherwise."""
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
    try:
        claimed = f.public_key(manifest.get("signer_public_key"), "signer_public_key")
    except f.FieldError as exc:
        raise _malformed(package, exc) from exc
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
    key = _decryption_key(package, decrypt)
    data = package.payload(_open(package, key, package.payload_bytes, "payload.json"))
    try:
        if f.text(data, "member_id", limit=200) != member_id:
            raise ValueError("the payload names another member than the manifest")
        blocks = tuple(_incoming_agreement(package, key, b, member_id) for b in f.objects(data, "agreements"))
        if len({(b.agency, b.fiscal_year) for b in blocks}) != len(blocks):
            raise ValueError("one agreement appears twice")
    except MALFORMED as exc:
        raise _malformed(package, exc) from exc
    return MemberRatings(package.package_id, member_id, package.manifest["created_at"], blocks)


def _decryption_key(package: PackageFile, decrypt: Decryptor | None) -> X25519PrivateKey:
    encryption = package.encryption
    if encryption is None:
        raise refuse(package.path, "ผลการประเมินในชุดข้อมูลไม่ได้เข้ารหัส (โปรแกรมรุ่นเก่า) ให้กรรมการปรับปรุงโปรแกรมแล้วส่งใหม่",
                     "the ratings in this package are not encrypted (an older version of the app made it); the "
                     "member updates the app and exports again")
    recipient = encryption.get("recipient")
    if encryption.get("scheme") != SEALED_BOX or not isinstance(recipient, str) or len(recipient) > 200:
        raise refuse(package.path, "ไม่รู้จักวิธีเข้ารหัสของชุดข้อมูล", f"unknown encryption {encryption.get('scheme')!r}")
    if decrypt is None:
        raise DecryptionNeeded([Problem(th=f"ต้องใช้กุญแจถอดรหัสของเลขานุการ ({recipient}) และรหัสผ่าน",
                                        en=f"the secretary's ({recipient}) decryption key and passphrase are needed",
                                        file=str(package.path))], recipient=recipient)
    return decrypt(recipient)


def _open(package: PackageFile, key: X25519PrivateKey, data: bytes, what: str) -> bytes:
    try:
        return open_sealed(key, data)
    except SealError as exc:
        raise refuse(package.path, f"ถอดรหัส {what} ไม่ได้: ไม่ได้เข้ารหัสถึงกุญแจของเลขานุการนี้ หรือถูกแก้ไข",
                     f"cannot decrypt {what}: not encrypted to this secretary's key, or altered") from exc


def _incoming_agreement(package: PackageFile, key: X25519PrivateKey, data: dict[str, Any], member_id: str
                        ) -> IncomingAgreement:
    agency = f.text(data, "agency", limit=2000)
    block = IncomingAgreement(
        agency=agency, fiscal_year=f.integer(data, "fiscal_year", 2400, 2800), digest=f.sha256(data, "digest"),
        ratings=tuple(_incoming_rating(r, member_id) for r in f.objects(data, "ratings")),
        submissions=tuple(IncomingSubmission(f.integer(s, "round", 1, 12), SubmissionState(f.text(s, "state")),
                                             f.integer(s, "reopen_count"), f.text(s, "declaration", optional=True),
                                             f.timestamp(s, "submitted_at", optional=True))
                          for s in f.objects(data, "submissions")),
        evidence=tuple(_incoming_evidence(package, key, e) for e in f.objects(data, "evidence")),
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


def _incoming_rating(data: dict[str, Any], member_id: str) -> IncomingRating:
    base = data.get("base")
    if base is not None and not isinstance(base, dict):
        raise ValueError("'base' is not an object")
    history = f.hashes(data, "history")
    if base is not None and (not history or f.sha256(base, "hash") != history[-1]):
        raise ValueError("'base' is not the last revision of 'history'")
    return IncomingRating(_rating(data, member_id), f.integer(data, "edit_version", 1),
                          f.timestamp(data, "updated_at"), history, base)


def _incoming_evidence(package: PackageFile, key: X25519PrivateKey, data: dict[str, Any]) -> IncomingEvidence:
    item = IncomingEvidence(f.text(data, "code", limit=50), _file_name(data), f.sha256(data, "sha256"),
                            f.integer(data, "size", 0, MAX_EVIDENCE_BYTES), f.timestamp(data, "added_at"))
    entry = f.text(data, "entry", optional=True, limit=64)
    if entry is None:
        return item  # a hash only: the file stays with the member
    if entry not in package.files:
        raise ValueError(f"the evidence '{item.file_name}' names the entry {entry!r}, which the package lacks")
    plain = _open(package, key, package.files[entry], entry)
    if len(plain) != item.size or hashlib.sha256(plain).hexdigest() != item.sha256:
        raise ValueError(f"the evidence file '{item.file_name}' does not match its recorded hash and size")
    return IncomingEvidence(item.code, item.file_name, item.sha256, item.size, item.added_at, plain)


def _file_name(data: dict[str, Any]) -> str:
    """The name the member gave the file: shown only, never used as a path, so no folders or control codes."""
    name = f.text(data, "file_name", limit=255, empty=False)
    if any(c in name for c in "/\\") or any(ord(c) < 32 or ord(c) == 127 for c in name) or name in (".", ".."):
        raise ValueError(f"the evidence file name {name!r} is not a plain file name")
    return name


# --- either kind ---------------------------------------------------------------------------------------------

def import_package(workspace: Workspace, path: Path, *, actor: str, trust: str | None = None,
                   decrypt: Decryptor | None = None) -> MergeReport | InstallReport:
    """Read a package, tell its kind from the manifest, check it, and merge it: all or nothing.

    `trust`: the secretary's fingerprint the person confirmed aloud (needed for the first panel package and for a
    changed key that the old one did not vouch for). `decrypt`: unlocks the secretary's decryption key."""
    package = read_package(path)
    try:
        if package.kind is PackageKind.PANEL:
            content, signer = verify_panel_package(package)
            if is_master(workspace, content.panel.id):
                return InstallReport(content.package_id, content.panel.name, master=True,
                                     members=len(content.panel.members))
            decided = decide_trust(workspace, package, content, signer, trust)
            return install_panel(workspace, content, actor=actor, signer=decided)
        if imported_package(workspace.conn, package.package_id) is not None:
            # The very same bytes were merged before (the id is the manifest's hash): nothing to open or change.
            return MergeReport(package.package_id, str(package.manifest.get("member_id")), already_imported=True)
        incoming = verify_evaluator_package(workspace, package, decrypt)
        return merge_member_ratings(workspace, incoming, actor=actor)
    except UNSTORABLE as exc:
        raise refuse(path, "ชุดข้อมูลมีค่าที่บันทึกลงพื้นที่ทำงานไม่ได้ ไม่ได้บันทึกสิ่งใด",
                     f"the package holds a value the workspace cannot store ({exc}); nothing was written") from exc
    except MALFORMED as exc:
        raise _malformed(package, exc) from exc


def _rating_dict(rating: Rating) -> dict[str, Any]:
    return {"code": rating.code, "round": rating.round,
            "result": None if rating.result is None else str(rating.result),
            "adjusted_score": None if rating.adjusted_score is None else str(rating.adjusted_score),
            "adjust_reason": rating.adjust_reason, "comment": rating.comment}


def _rating(data: dict[str, Any], evaluator: str) -> Rating:
    return Rating(code=f.text(data, "code", limit=50), round=f.integer(data, "round", 1, 12),
                  evaluator=evaluator, result=f.decimal(data, "result"),
                  adjusted_score=f.decimal(data, "adjusted_score"),
                  adjust_reason=f.text(data, "adjust_reason", optional=True),
                  comment=f.text(data, "comment", optional=True))


def _submission_dict(item: Submission) -> dict[str, Any]:
    return {"evaluator": item.evaluator, "round": item.round, "state": item.state.value,
            "reopen_count": item.reopen_count, "declaration": item.declaration, "submitted_at": item.submitted_at,
            "changed_at": item.changed_at, "changed_by": item.changed_by, "reason": item.reason}


def _submission(data: dict[str, Any]) -> Submission:
    item = Submission(0, f.integer(data, "round", 1, 12), f.text(data, "evaluator", limit=200),
                      SubmissionState(f.text(data, "state")), f.integer(data, "reopen_count"),
                      f.text(data, "declaration", optional=True), f.text(data, "submitted_at", optional=True),
                      f.text(data, "changed_at", limit=64), f.text(data, "changed_by", limit=200),
                      f.text(data, "reason", optional=True))
    if item.submitted and not (item.declaration and item.submitted_at):
        raise ValueError(f"a submission of {item.evaluator} without its declaration")
    return item


def _malformed(package: PackageFile, exc: BaseException) -> PackageRefused:
    return refuse(package.path, "ข้อมูลในชุดข้อมูลไม่ถูกรูปแบบ", f"the package's data is malformed ({exc})")
