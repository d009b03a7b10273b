"""Packages between real workspace files: tampering, strangers, other panels, zip tricks, replays and edit
conflicts are refused or reported, and a refusal leaves the master file byte for byte as it was."""

from __future__ import annotations

import base64
import stat
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaluator_app.domain.panel import PanelMember, Role
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import (
    MANIFEST,
    PAYLOAD,
    PackageKind,
    canonical_json,
    read_package,
    write_package,
)
from evaluator_app.exchange.packages import (
    export_evaluator_package,
    export_panel_package,
    import_package,
    verify_evaluator_package,
)
from evaluator_app.store.agreements import add_agreement, find_agreement_id
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.panel import reopen_submission, save_member, submission_state
from evaluator_app.store.panel_results import submit
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest

AGENCY, YEAR = example_agreement().agency, example_agreement().fiscal_year
PASSPHRASE = "correct horse battery"
M1 = {"1": "92", "2": "15", "3": "5", "4": "78.75"}


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """Key pairs made once for the module (scrypt makes each take a tenth of a second)."""
    folder = tmp_path_factory.mktemp("keys")
    for member in ("m1", "m2", "mallory"):
        identity.create_key_pair(member, PASSPHRASE, folder)
    return {member: identity.unlock(member, PASSPHRASE, folder) for member in ("m1", "m2", "mallory")}


def make_master(path: Path, keys, panel_id: str | None = None) -> Workspace:
    master = Workspace.open(path)
    add_agreement(master, example_agreement(), actor="sec")
    if panel_id:
        from evaluator_app.store.panel import create_panel

        create_panel(master, "คณะอื่น", actor="sec", panel_id=panel_id)
    for member in (PanelMember("chair", "ศ.ประธาน", Role.CHAIR),
                   PanelMember("m1", "นางหนึ่ง", Role.MEMBER, public_key=keys["m1"].identity.public_key),
                   PanelMember("m2", "นายสอง", Role.MEMBER, public_key=keys["m2"].identity.public_key),
                   PanelMember("sec", "นางเลขา", Role.SECRETARY)):
        save_member(master, member, actor="sec")
    return master


@pytest.fixture
def master(tmp_path, keys):
    ws = make_master(tmp_path / "master.sqlite", keys)
    yield ws
    ws.close()


def member_workspace(tmp_path: Path, master: Workspace, member: str) -> Workspace:
    export_panel_package(master, tmp_path / "panel.evpanel")
    ws = Workspace.open(tmp_path / f"{member}.sqlite")
    import_package(ws, tmp_path / "panel.evpanel", actor=member)
    return ws


def rate(ws: Workspace, member: str, results: dict[str, str], note: str | None = None) -> None:
    agreement_id = find_agreement_id(ws, AGENCY, YEAR)
    for code, result in results.items():
        record_rating(ws, agreement_id, Rating(code, 12, member, result=D(result)), actor=member, note=note)


def settled(ws: Workspace) -> str:
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return file_digest(ws.path)


@pytest.fixture
def m1_package(tmp_path, master, keys):
    ws = member_workspace(tmp_path, master, "m1")
    rate(ws, "m1", M1, note="บันทึกส่วนตัว ห้ามเผยแพร่")
    submit(ws, find_agreement_id(ws, AGENCY, YEAR), "m1", declaration_accepted=True, actor="m1")
    path = export_evaluator_package(ws, "m1", tmp_path / "m1.evpack", keys["m1"]).path
    ws.close()
    return path


def refused_unchanged(master: Workspace, path: Path, match: str) -> None:
    before = settled(master)
    with pytest.raises(ProblemsError, match=match):
        import_package(master, path, actor="sec")
    assert file_digest(master.path) == before


def entry_offsets(path: Path) -> dict[str, range]:
    """Where each entry's (compressed) bytes lie in the zip file."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        spans = {}
        for info in archive.infolist():
            start = info.header_offset + 30
            name_len, extra_len = int.from_bytes(data[start - 4:start - 2], "little"), int.from_bytes(
                data[start - 2:start], "little")
            begin = start + name_len + extra_len
            spans[info.filename] = range(begin, begin + info.compress_size)
    return spans


def flipped(path: Path, offset: int, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    target.write_bytes(bytes(data))
    return target


# --- what is and is not in a package ------------------------------------------------------------------------

def test_evaluator_package_says_what_it_is_and_never_carries_notes_or_keys(m1_package, keys):
    package = read_package(m1_package)
    manifest = package.manifest
    assert (manifest["kind"], manifest["member_id"], manifest["format_version"]) == ("evaluator", "m1", 1)
    assert manifest["signer_fingerprint"] == keys["m1"].identity.fingerprint
    assert package.signature is not None and len(package.signature) == 64
    text = m1_package.read_bytes() + package.payload_bytes + package.manifest_bytes
    assert "บันทึกส่วนตัว".encode() not in text and b"PRIVATE KEY" not in text and PASSPHRASE.encode() not in text
    ratings = package.payload()["agreements"][0]["ratings"]
    assert {r["code"]: r["result"] for r in ratings} == M1
    assert all("note" not in r and r["edit_version"] == 1 for r in ratings)
    states = package.payload()["agreements"][0]["submissions"]
    assert states[0]["state"] == "submitted" and "ข้าพเจ้าขอรับรอง" in states[0]["declaration"]


def test_private_key_is_encrypted_private_to_the_user_and_needs_the_passphrase(tmp_path):
    folder = tmp_path / "keys"
    made = identity.create_key_pair("m9", PASSPHRASE, folder)
    key_file = identity.private_key_path("m9", folder)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "ENCRYPTED PRIVATE KEY" in key_file.read_text()
    assert identity.load_identity("m9", folder) == made
    with pytest.raises(ProblemsError, match="wrong passphrase"):
        identity.unlock("m9", "not the passphrase", folder)
    with pytest.raises(ProblemsError, match="already exists"):
        identity.create_key_pair("m9", PASSPHRASE, folder)
    with pytest.raises(ProblemsError, match="at least 8"):
        identity.create_key_pair("m8", "short", folder)
    assert identity.read_public_key(identity.public_key_path("m9", folder)) == made.public_key
    (tmp_path / "hex.pub").write_text(made.public_key.hex())
    assert identity.read_public_key(tmp_path / "hex.pub") == made.public_key
    (tmp_path / "junk.pub").write_text("not a key")
    with pytest.raises(ProblemsError, match="does not hold an Ed25519 public key"):
        identity.read_public_key(tmp_path / "junk.pub")


def test_a_member_whose_key_differs_from_the_recorded_one_cannot_export(tmp_path, master, keys):
    ws = member_workspace(tmp_path, master, "m1")
    rate(ws, "m1", {"1": "92"})
    with pytest.raises(ProblemsError, match="not the one the secretary recorded"):
        export_evaluator_package(ws, "m1", tmp_path / "x.evpack", keys["m2"])
    ws.close()


# --- tampering ---------------------------------------------------------------------------------------------

def test_one_flipped_byte_in_any_entry_is_refused_with_the_master_unchanged(tmp_path, master, m1_package):
    spans = entry_offsets(m1_package)
    for span in spans.values():
        # Inside each entry's compressed bytes (the very first bit of a deflate stream only marks its last block,
        # so flipping it may change nothing; the sweep below covers every byte).
        for offset in (span.start + len(span) // 3, span.start + len(span) // 2, span.start + 2 * len(span) // 3):
            refused_unchanged(master, flipped(m1_package, offset, tmp_path / "bad.evpack"),
                              "altered|damaged|not valid JSON|does not verify|not a package|malformed")


def test_no_flipped_byte_anywhere_slips_altered_content_through(tmp_path, master, m1_package):
    original = read_package(m1_package)
    content = (original.manifest_bytes, original.payload_bytes, original.signature)
    data = m1_package.read_bytes()
    target = tmp_path / "sweep.evpack"
    for offset in range(len(data)):
        try:
            package = read_package(flipped(m1_package, offset, target))
            verify_evaluator_package(master, package)
        except ProblemsError:
            continue
        # Accepted only when the flip hit zip bookkeeping that carries no content (a timestamp, say).
        assert (package.manifest_bytes, package.payload_bytes, package.signature) == content, offset


def forged(tmp_path: Path, source: Path, signer, *, member_id: str = "m1", claim_key: bytes | None = None,
           panel_id: str | None = None) -> Path:
    """Another person's edit of a real package: results changed, then signed with `signer`'s key."""
    package = read_package(source)
    payload = package.payload()
    payload["agreements"][0]["ratings"][0]["result"] = "100"
    payload["member_id"] = member_id
    header = {k: v for k, v in package.manifest.items()
              if k not in ("format", "format_version", "kind", "app_version", "payload")}
    header.update(member_id=member_id, panel_id=panel_id or header["panel_id"],
                  signer_public_key=base64.b64encode(claim_key or signer.identity.public_key).decode())
    return write_package(tmp_path / "forged.evpack", PackageKind.EVALUATOR, header, payload, sign=signer.sign).path


def test_a_package_resigned_by_a_non_member_is_refused(tmp_path, master, m1_package, keys):
    mallory = keys["mallory"]
    refused_unchanged(master, forged(tmp_path, m1_package, mallory), "signed with a key that is not m1's")
    # ... also when the forger writes m1's key into the manifest: the signature itself does not verify
    refused_unchanged(master, forged(tmp_path, m1_package, mallory, claim_key=keys["m1"].identity.public_key),
                      "signature does not verify with m1's key")
    # ... and a package in the forger's own name comes from someone not on the panel
    refused_unchanged(master, forged(tmp_path, m1_package, mallory, member_id="mallory"),
                      "'mallory', who is not on the panel")
    # A member signing as another member is no better.
    refused_unchanged(master, forged(tmp_path, m1_package, keys["m2"]), "not m1's")


def test_a_package_for_another_panel_is_refused(tmp_path, master, keys):
    other = make_master(tmp_path / "other" / "master.sqlite", keys, panel_id="11111111-2222-3333-4444-555555555555")
    ws = member_workspace(tmp_path / "other", other, "m1")
    rate(ws, "m1", M1)
    path = export_evaluator_package(ws, "m1", tmp_path / "other.evpack", keys["m1"]).path
    refused_unchanged(master, path, r"for another panel \('คณะอื่น'")
    # ... and a panel package of another panel into a member's workspace
    export_panel_package(master, tmp_path / "ours.evpanel")
    refused_unchanged(ws, tmp_path / "ours.evpanel", "import it into a new workspace")
    ws.close()
    other.close()


def test_an_evaluator_package_needs_a_panel_and_a_recorded_key(tmp_path, master, m1_package, keys):
    with Workspace.open(tmp_path / "empty.sqlite") as empty:
        refused_unchanged(empty, m1_package, "has no panel")
    save_member(master, PanelMember("m3", "นายสาม", Role.MEMBER), actor="sec")
    with Workspace.open(tmp_path / "m3.sqlite") as ws3:
        export_panel_package(master, tmp_path / "p3.evpanel")
        import_package(ws3, tmp_path / "p3.evpanel", actor="m3")
        rate(ws3, "m3", {"1": "90"})
        identity.create_key_pair("m3", PASSPHRASE, tmp_path / "k3")
        path = export_evaluator_package(ws3, "m3", tmp_path / "m3.evpack",
                                        identity.unlock("m3", PASSPHRASE, tmp_path / "k3")).path
    refused_unchanged(master, path, "no public key is recorded for m3")


# --- zip tricks --------------------------------------------------------------------------------------------

def raw_zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.mark.parametrize("name", ["../evil.json", "/etc/evil.json", "sub/../../evil.json", "C:/evil.json",
                                  "..\\evil.json", "payload.json/"])
def test_zip_path_traversal_is_refused_and_nothing_extracted(tmp_path, master, m1_package, name):
    package = read_package(m1_package)
    path = raw_zip(tmp_path / "trick.evpack",
                   [(MANIFEST, package.manifest_bytes), (PAYLOAD, package.payload_bytes), (name, b"{}")])
    refused_unchanged(master, path, "refused as unsafe|not a plain file")
    assert not (tmp_path.parent / "evil.json").exists() and not (tmp_path / "evil.json").exists()


def test_unknown_and_duplicate_entries_are_refused(tmp_path, master, m1_package):
    package = read_package(m1_package)
    refused_unchanged(master, raw_zip(tmp_path / "a.evpack", [(MANIFEST, package.manifest_bytes),
                                                              (PAYLOAD, package.payload_bytes),
                                                              ("run.sh", b"rm -rf /")]), "unexpected entry 'run.sh'")
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate name
        path = raw_zip(tmp_path / "b.evpack", [(MANIFEST, package.manifest_bytes), (PAYLOAD, b"{}"),
                                               (PAYLOAD, package.payload_bytes)])
    refused_unchanged(master, path, "appears twice")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, master, m1_package):
    package = read_package(m1_package)
    bomb = raw_zip(tmp_path / "bomb.evpack", [(MANIFEST, package.manifest_bytes), (PAYLOAD, b" " * 20_000_000)])
    assert bomb.stat().st_size < 100_000
    refused_unchanged(master, bomb, "zip bomb")
    big = raw_zip(tmp_path / "big.evpack", [(MANIFEST, b" " * 300_000), (PAYLOAD, b"{}")])
    refused_unchanged(master, big, "over the limit")


def test_not_a_zip_and_a_newer_format_are_refused(tmp_path, master, m1_package):
    (tmp_path / "text.evpack").write_text("hello")
    refused_unchanged(master, tmp_path / "text.evpack", "not a package of this app")
    package = read_package(m1_package)
    manifest = {**package.manifest, "format_version": 99}
    newer = raw_zip(tmp_path / "newer.evpack", [(MANIFEST, canonical_json(manifest)), (PAYLOAD, package.payload_bytes)])
    refused_unchanged(master, newer, "newer version of the app")


# --- merging -----------------------------------------------------------------------------------------------

def test_importing_the_same_package_twice_changes_nothing(master, m1_package):
    first = import_package(master, m1_package, actor="sec")
    assert len(first.applied) == 4 and first.submitted == [(AGENCY, YEAR, 12)]
    before = settled(master)
    again = import_package(master, m1_package, actor="sec")
    assert again.already_imported and again.applied == []
    assert file_digest(master.path) == before


def test_an_older_package_after_a_newer_one_leaves_the_newer_ratings_and_lists_the_conflict(tmp_path, master,
                                                                                           keys):
    ws = member_workspace(tmp_path, master, "m2")
    rate(ws, "m2", {"1": "90", "2": "16"})
    older = export_evaluator_package(ws, "m2", tmp_path / "older.evpack", keys["m2"]).path
    rate(ws, "m2", {"1": "95"})  # edit version 2 of indicator 1
    newer = export_evaluator_package(ws, "m2", tmp_path / "newer.evpack", keys["m2"]).path
    ws.close()
    agreement_id = find_agreement_id(master, AGENCY, YEAR)

    applied = import_package(master, newer, actor="sec")
    assert [(c.code, c.after["result"]) for c in applied.applied] == [("1", "95"), ("2", "16")]
    report = import_package(master, older, actor="sec")
    assert report.applied == [] and report.unchanged == 1
    assert [(c.code, c.stored["result"], c.incoming["result"]) for c in report.conflicts] == [("1", "95", "90")]
    assert "older than the stored rating (edit version 1, stored 2)" in str(report.conflicts[0])
    stored = load_ratings(master, agreement_id, 12, "m2")
    assert (stored["1"].rating.result, stored["1"].edit_version) == (D(95), 2)
    logged = audit_entries(master.conn, entity="package")[0]
    assert logged.after["conflicts"] == 1 and "older than the stored rating" in logged.after["conflict_list"][0]


def test_newer_ratings_are_applied_and_audited_with_old_and_new(tmp_path, master, keys):
    ws = member_workspace(tmp_path, master, "m2")
    rate(ws, "m2", {"1": "90"})
    first = export_evaluator_package(ws, "m2", tmp_path / "first.evpack", keys["m2"]).path
    rate(ws, "m2", {"1": "95"})
    second = export_evaluator_package(ws, "m2", tmp_path / "second.evpack", keys["m2"]).path
    ws.close()
    import_package(master, first, actor="sec")
    report = import_package(master, second, actor="sec")
    assert [(c.before["result"], c.after["result"]) for c in report.applied] == [("90", "95")]
    entry = audit_entries(master.conn, entity="rating")[0]
    assert (entry.actor, entry.action, entry.before["result"], entry.after["result"]) == (
        "m2", "merge rating", "90", "95")
    assert entry.after["imported_by"] == "sec" and entry.after["edit_version"] == 2
    assert first_broken_link(master.conn) is None


def test_a_submission_made_before_the_chairs_reopen_is_not_applied(tmp_path, master, keys, m1_package):
    agreement_id = find_agreement_id(master, AGENCY, YEAR)
    ws = Workspace.open(tmp_path / "m1.sqlite")
    member_agreement = find_agreement_id(ws, AGENCY, YEAR)
    stale = export_evaluator_package(ws, "m1", tmp_path / "stale.evpack", keys["m1"]).path  # still reopening 0
    import_package(master, m1_package, actor="sec")
    reopen_submission(master, agreement_id, "m1", by="chair", reason="ข้อ 4 ใช้ข้อมูลผิดปี")

    report = import_package(master, stale, actor="sec")
    assert report.applied == [] and report.submitted == []
    assert "submitted before the chair reopened it" in str(report.conflicts[0])
    assert not submission_state(master.conn, agreement_id, 12, "m1").submitted

    # The reopen reaches the member in a fresh panel package; they revise and submit again.
    export_panel_package(master, tmp_path / "panel2.evpanel")
    installed = import_package(ws, tmp_path / "panel2.evpanel", actor="m1")
    assert any("m1: draft" in s for s in installed.states_updated)
    assert submission_state(ws.conn, member_agreement, 12, "m1").reopen_count == 1
    rate(ws, "m1", {"4": "80"})
    submit(ws, member_agreement, "m1", declaration_accepted=True, actor="m1")
    fresh = export_evaluator_package(ws, "m1", tmp_path / "fresh.evpack", keys["m1"]).path
    ws.close()

    report = import_package(master, fresh, actor="sec")
    assert [(c.code, c.after["result"]) for c in report.applied] == [("4", "80")]
    assert report.submitted == [(AGENCY, YEAR, 12)] and report.conflicts == []
    state = submission_state(master.conn, agreement_id, 12, "m1")
    assert state.submitted and state.reopen_count == 1


def test_a_package_rated_against_another_version_lists_conflicts(tmp_path, master, keys):
    ws = member_workspace(tmp_path, master, "m2")
    rate(ws, "m2", {"1": "90"})
    path = export_evaluator_package(ws, "m2", tmp_path / "m2.evpack", keys["m2"]).path
    ws.close()
    package = read_package(path)
    payload = package.payload()
    payload["agreements"][0]["digest"] = "0" * 64
    header = {k: v for k, v in package.manifest.items()
              if k not in ("format", "format_version", "kind", "app_version", "payload")}
    other = write_package(tmp_path / "v.evpack", PackageKind.EVALUATOR, header, payload, sign=keys["m2"].sign).path
    report = import_package(master, other, actor="sec")
    assert report.applied == [] and "another version of the agreement" in str(report.conflicts[0])


def test_evidence_hashes_travel_without_the_files_and_are_recorded_once(tmp_path, master, keys):
    from evaluator_app.store.evidence import EvidenceState, add_evidence, evidence_state, list_evidence

    ws = member_workspace(tmp_path, master, "m2")
    rate(ws, "m2", {"1": "90"})
    (tmp_path / "หลักฐาน.pdf").write_bytes(b"%PDF-1.4 minutes of the site visit")
    attached = add_evidence(ws, find_agreement_id(ws, AGENCY, YEAR), "1", "m2", tmp_path / "หลักฐาน.pdf", actor="m2")
    path = export_evaluator_package(ws, "m2", tmp_path / "m2.evpack", keys["m2"]).path
    rate(ws, "m2", {"2": "16"})
    later = export_evaluator_package(ws, "m2", tmp_path / "m2-later.evpack", keys["m2"]).path
    ws.close()
    assert b"minutes of the site visit" not in path.read_bytes()

    assert import_package(master, path, actor="sec").evidence_recorded == 1
    assert import_package(master, later, actor="sec").evidence_recorded == 0
    [recorded] = list_evidence(master, find_agreement_id(master, AGENCY, YEAR), evaluator="m2")
    assert (recorded.file_name, recorded.sha256, recorded.size) == ("หลักฐาน.pdf", attached.sha256, attached.size)
    assert evidence_state(master, recorded) is EvidenceState.MISSING  # the hash is kept; the file stays with m2


def test_a_members_laptop_takes_no_other_members_ratings(tmp_path, master, m1_package):
    with Workspace.open(tmp_path / "m2-laptop.sqlite") as laptop:
        export_panel_package(master, tmp_path / "p.evpanel")
        import_package(laptop, tmp_path / "p.evpanel", actor="m2")
        refused_unchanged(laptop, m1_package, "secretary's master workspace")


def test_a_signed_but_malformed_package_is_refused_whole(tmp_path, master, m1_package, keys):
    package = read_package(m1_package)
    header = {k: v for k, v in package.manifest.items()
              if k not in ("format", "format_version", "kind", "app_version", "payload")}
    for breakage, match in ((lambda p: p["agreements"][0]["ratings"].append(p["agreements"][0]["ratings"][0]),
                             "appears twice"),
                            (lambda p: p["agreements"][0]["submissions"][0].update(declaration=None),
                             "without its declaration"),
                            (lambda p: p["agreements"][0]["ratings"][0].update(result="NaN"), "finite"),
                            (lambda p: p["agreements"][0]["ratings"][0].update(code="9"), "no indicator 9"),
                            (lambda p: p["agreements"][0]["ratings"][0].update(round=7), "no round 7")):
        payload = package.payload()
        breakage(payload)
        bad = write_package(tmp_path / "bad.evpack", PackageKind.EVALUATOR, header, payload, sign=keys["m1"].sign)
        refused_unchanged(master, bad.path, match)
