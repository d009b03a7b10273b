"""The evaluator package (member -> secretary): the member's ratings with the revisions their edits were based on,
submission states and evidence files, sealed to the secretary's X25519 key and signed with the member's key; on
the master checked for the member and signature, opened with her decryption key, and read field by field."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ..domain.panel import SubmissionState, key_fingerprint
from ..domain.problems import Problem, ProblemsError
from ..store.agreements import list_agreements, load_agreement
from ..store.evidence import EvidenceState, evidence_path, evidence_state, list_evidence
from ..store.frameworks import get_framework
from ..store.panel import encode_key, load_panel, require_panel, submissions
from ..store.panel_conflicts import rating_revision, record_sent, sent_histories
from ..store.panel_install import is_member_copy, secretary_encryption_key
from ..store.panel_merge import (
    IncomingAgreement,
    IncomingEvidence,
    IncomingRating,
    IncomingSubmission,
    MemberRatings,
    agreement_digest,
)
from ..store.ratings import load_ratings
from ..store.workspace import Workspace
from . import package_fields as f
from .identity import SEALED_BOX, SealError, SigningKey, open_sealed, seal, verify_signature
from .package_content import MALFORMED, ExportSummary, malformed, parse_rating, rating_dict, submission_dict
from .package_format import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_FILES,
    MAX_EVIDENCE_TOTAL,
    PackageFile,
    PackageKind,
    PackageRefused,
    refuse,
    write_package,
)

SEAL_OVERHEAD = 32 + 12 + 16  # a sealed box: the ephemeral key, the nonce and the tag


# Given the secretary's member id, her unlocked X25519 key (asked for only when a sealed package arrives).
Decryptor = Callable[[str], X25519PrivateKey]


class DecryptionNeeded(PackageRefused):
    """An evaluator package sealed to the secretary: her decryption key (and passphrase) is needed to open it."""

    def __init__(self, problems: list[Problem], *, recipient: str):
        super().__init__(problems)
        self.recipient = recipient


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
                values = rating_dict(s.rating)
                history = histories.get((s.rating.code, round_))
                revision = rating_revision(member_id, s.rating.code, round_, values, s.edit_version, s.updated_at)
                base = None if history is None or history.last_values is None else {
                    **history.last_values, "hash": history.base}
                ratings.append({**values, "edit_version": s.edit_version, "updated_at": s.updated_at,
                                "base": base, "history": [] if history is None else list(history.revisions)})
                sent.append((summary.id, s.rating.code, round_, revision, values))
        states = [submission_dict(s) for s in submissions(workspace, summary.id) if s.evaluator == member_id]
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
                            files={name: seal(recipient_key, data) for name, data in files.items()},
                            workspace=workspace.path)
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
        raise malformed(package, exc) from exc
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
        raise malformed(package, exc) from exc
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
        # _incoming_rating written out (a rating is a non-empty tuple): one call less for each of 17,000
        ratings=tuple([_plain_rating(r, member_id) or _checked_rating(r, member_id)
                       for r in f.objects(data, "ratings")]),
        submissions=tuple(IncomingSubmission(f.integer(s, "round", 1, 12), SubmissionState(f.text(s, "state")),
                                             f.integer(s, "reopen_count"), f.text(s, "declaration", optional=True),
                                             f.timestamp(s, "submitted_at", optional=True))
                          for s in f.objects(data, "submissions")),
        evidence=tuple(_incoming_evidence(package, key, e) for e in f.objects(data, "evidence")),
    )
    keys = [(r.code, r.round) for r in block.ratings]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{block.agency}: one indicator and round appears twice")
    if len({s.round for s in block.submissions}) != len(block.submissions):
        raise ValueError(f"{block.agency}: one round has two submission states")
    for item in block.submissions:
        if item.state is SubmissionState.SUBMITTED and not (item.declaration and item.submitted_at):
            raise ValueError(f"{block.agency}: a submission without its declaration")
    return block


def _incoming_rating(data: dict[str, Any], member_id: str) -> IncomingRating:
    """One rating of the package, each field checked (package_fields). A package carries some 17,000 ratings,
    nearly all of one plain shape: those are read here with the same checks written out once; anything else
    (a missing field, a wrong type, an odd time or hash, a base) goes the field-by-field way, which says what
    is wrong."""
    quick = _plain_rating(data, member_id)
    return quick if quick is not None else _checked_rating(data, member_id)


_MAX_COUNT, _MAX_TEXT = f.MAX_COUNT, f.MAX_TEXT
_decimals = f.plain_decimals  # what plain_decimal has read, by text
_PLAIN_HASH = re.compile(r"[0-9a-f]{64}")
# The form `package_fields.timestamp` writes (UTC, microseconds): such a text, once it parses, is its own form.
_PLAIN_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\+00:00")
# Times already found to be of that form and a real moment: a package's ratings share a few hundred edit times
# (an agreement's ratings are saved together), so each text is checked once instead of once per rating.
_plain_times: set[str] = set()
_PLAIN_KEYS = frozenset({"code", "round", "result", "adjusted_score", "adjust_reason", "comment", "edit_version",
                         "updated_at", "base", "history"})


# The fields of a rating in the order the exporter writes them (json.dumps sort_keys): a rating whose keys come in
# this order is read with one unpacking instead of ten lookups.
_SORTED_KEYS = ("adjust_reason", "adjusted_score", "base", "code", "comment", "edit_version", "history", "result",
                "round", "updated_at")
# IncomingRating without the Python-level __new__ a NamedTuple has (the fields are given in order, all of them).
_new_tuple = tuple.__new__


def _plain_time(text: str) -> bool:
    """Whether `text` is a time of the form `package_fields.timestamp` writes and a real moment (remembered)."""
    if not _PLAIN_UTC.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    if len(_plain_times) >= 100_000:  # a bound on what is remembered; a national round has a few thousand
        _plain_times.clear()
    _plain_times.add(text)
    return True


def _plain_rating(data: Any, member_id: str) -> IncomingRating | None:
    """The rating when every field is of the plain shape and within the limits `_checked_rating` applies, else
    None (and `_checked_rating` decides)."""
    if type(data) is not dict:
        return None
    if len(data) == 10 and tuple(data) == _SORTED_KEYS:
        reason, adjusted_text, base, code, comment, edit_version, history, text, round_, updated_at = data.values()
        if base is not None:
            return None
    else:
        if data.get("base") is not None or not _PLAIN_KEYS.issuperset(data):
            return None
        code, round_, edit_version = data.get("code"), data.get("round"), data.get("edit_version")
        updated_at, history = data.get("updated_at"), data.get("history", [])
        reason, comment = data.get("adjust_reason"), data.get("comment")
        text, adjusted_text = data.get("result"), data.get("adjusted_score")
    if not (type(code) is str and len(code) <= 50 and "\x00" not in code
            and type(round_) is int and 1 <= round_ <= 12
            and type(edit_version) is int and 1 <= edit_version <= _MAX_COUNT
            and type(updated_at) is str and (updated_at in _plain_times or _plain_time(updated_at))
            and (reason is None or (type(reason) is str and len(reason) <= _MAX_TEXT and "\x00" not in reason))
            and (comment is None or (type(comment) is str and len(comment) <= _MAX_TEXT and "\x00" not in comment))
            and type(history) is list and len(history) <= 10_000
            and (not history or all(type(h) is str and _PLAIN_HASH.fullmatch(h) for h in history))):
        return None
    # plain_decimal, its shared Decimals looked up first (a package repeats a few results thousands of times)
    result: Decimal | Literal[False] | None
    if text is None:
        result = None
    elif type(text) is str and text in _decimals:
        result = _decimals[text]
    else:
        result = f.plain_decimal(text)
    adjusted = None if adjusted_text is None else f.plain_decimal(adjusted_text)
    if result is False or adjusted is False or (adjusted is not None and not (reason or "").strip()):
        return None
    rating: IncomingRating = _new_tuple(IncomingRating, (code, round_, result, adjusted, reason, comment,
                                                         edit_version, updated_at, tuple(history), None))
    return rating


def _checked_rating(data: dict[str, Any], member_id: str) -> IncomingRating:
    base = data.get("base")
    if base is not None and not isinstance(base, dict):
        raise ValueError("'base' is not an object")
    history = f.hashes(data, "history")
    if base is not None and (not history or f.sha256(base, "hash") != history[-1]):
        raise ValueError("'base' is not the last revision of 'history'")
    return IncomingRating.of(parse_rating(data, member_id), f.integer(data, "edit_version", 1),
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
