"""Package validation (issue 13, items 9 and 11, and the evidence and sealing of item 13): a package signed by a real
member but carrying impossible values, malformed keys, integers SQLite cannot hold, evidence that does not match or
names no indicator, or a payload sealed to another key, is refused with a bilingual message, exit 2 on the command
line, no traceback, and nothing written."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import PackageKind, read_package, write_package
from evaluator_app.exchange.packages import export_evaluator_package, import_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.evidence import add_evidence, evidence_folder
from evaluator_app.store.panel_results import submit
from evaluator_app.store.workspace import Workspace
from tests.conftest import file_digest
from tests.hostile.packages_world import AGENCY, YEAR, header_of, make_master, member_laptop, rate, settled
from tests.panel_keys import PASSPHRASE, PanelKeys

HUGE = 2**70  # beyond SQLite's 64-bit INTEGER: an OverflowError if it ever reached the store


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def master(tmp_path, keys):
    ws = make_master(tmp_path / "master.sqlite", keys)
    yield ws
    ws.close()


@pytest.fixture
def m1_package(tmp_path, master, keys) -> Path:
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "92", "2": "15", "3": "5", "4": "78.75"})
    here = find_agreement_id(ws, AGENCY, YEAR)
    (tmp_path / "รายงานการตรวจเยี่ยม.pdf").write_bytes(b"%PDF-1.4 " + os.urandom(2000))
    add_evidence(ws, here, "1", "m1", tmp_path / "รายงานการตรวจเยี่ยม.pdf", actor="m1")
    submit(ws, here, "m1", declaration_accepted=True, actor="m1")
    path = export_evaluator_package(ws, "m1", tmp_path / "m1.evpack", keys["m1"]).path
    ws.close()
    return path


def plain(keys: PanelKeys, package: Any) -> dict[str, Any]:
    return package.payload(identity.open_sealed(keys.decrypt("sec"), package.payload_bytes))


def resigned(keys: PanelKeys, source: Path, out: Path, change: Callable[[dict[str, Any], dict[str, Any]], None],
             *, seal_to: bytes | None = None, files: dict[str, bytes] | None = None) -> Path:
    """m1's own package changed and signed again with m1's real key: only the checks of the content stand."""
    package = read_package(source)
    payload, header = plain(keys, package), header_of(package)
    change(payload, header)
    recipient = seal_to or keys.encryption_public
    return write_package(out, PackageKind.EVALUATOR, header, payload, sign=keys["m1"].sign,
                         encrypt=lambda data: identity.seal(recipient, data), encryption=package.encryption,
                         files={n: d for n, d in package.files.items()} if files is None else files).path


def refused_unchanged(master: Workspace, path: Path, match: str) -> None:
    before = settled(master)
    folder = evidence_folder(master)
    kept = sorted(folder.iterdir()) if folder.exists() else []
    with pytest.raises(ProblemsError, match=match):
        import_package(master, path, actor="sec", decrypt=KEYS.decrypt)
    assert file_digest(master.path) == before, "a refused package writes nothing"
    assert (sorted(folder.iterdir()) if folder.exists() else []) == kept, "no evidence file left behind"


KEYS: PanelKeys


@pytest.fixture(autouse=True)
def _keys(keys):
    global KEYS
    KEYS = keys


def block(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["agreements"][0]


BREAKAGES: dict[str, tuple[Callable[[dict[str, Any], dict[str, Any]], Any], str]] = {
    "a submission for a round that does not exist": (
        lambda p, h: block(p)["submissions"][0].update(round=7), "round 7, which does not exist"),
    "evidence for an indicator that does not exist": (
        lambda p, h: block(p)["evidence"][0].update(code="9.9"), "indicator 9.9, which the agreement does not have"),
    "a negative edit version": (
        lambda p, h: block(p)["ratings"][0].update(edit_version=-3), "'edit_version' is -3"),
    "an edit version SQLite cannot hold": (
        lambda p, h: block(p)["ratings"][0].update(edit_version=HUGE), "'edit_version' is 1180591620717411303424"),
    "a round SQLite cannot hold": (lambda p, h: block(p)["ratings"][0].update(round=HUGE), "'round' is"),
    "a fiscal year SQLite cannot hold": (lambda p, h: block(p).update(fiscal_year=-HUGE), "'fiscal_year' is"),
    "a reopening count SQLite cannot hold": (
        lambda p, h: block(p)["submissions"][0].update(reopen_count=HUGE), "'reopen_count' is"),
    "an evidence size SQLite cannot hold": (lambda p, h: block(p)["evidence"][0].update(size=HUGE), "'size' is"),
    "a round written as text": (lambda p, h: block(p)["ratings"][0].update(round="12"), "'round' is not a whole"),
    "a round written as true": (lambda p, h: block(p)["ratings"][0].update(round=True), "'round' is not a whole"),
    "a result that is not a number": (lambda p, h: block(p)["ratings"][0].update(result="1e999999999"),
                                      "beyond any result or score"),
    "a result as a JSON number": (lambda p, h: block(p)["ratings"][0].update(result=92), "not a number written"),
    "ratings that are not a list": (lambda p, h: block(p).update(ratings={"a": 1}), "'ratings' is not a list"),
    "a NUL in a comment": (lambda p, h: block(p)["ratings"][0].update(comment="a\x00b"), "NUL"),
    "an evidence file name that is a path": (
        lambda p, h: block(p)["evidence"][0].update(file_name="../../.bashrc"), "not a plain file name"),
    "evidence whose hash does not match the file": (
        lambda p, h: block(p)["evidence"][0].update(sha256="0" * 64), "does not match its recorded hash"),
    "evidence naming an entry the package lacks": (
        lambda p, h: block(p)["evidence"][0].update(entry="evidence/0099.bin"), "which the package lacks"),
    "a base that is not the last revision sent": (
        lambda p, h: block(p)["ratings"][0].update(base={"result": "1", "hash": "a" * 64}), "'base' is not the last"),
    "a history that is not hashes": (
        lambda p, h: block(p)["ratings"][0].update(history=["x"]), "not a SHA-256 hash"),
    "a payload of another member": (lambda p, h: p.update(member_id="m2"), "another member than the manifest"),
}


@pytest.mark.parametrize("what", list(BREAKAGES))
def test_a_signed_package_with_an_impossible_value_is_refused_whole(tmp_path, master, m1_package, keys, what):
    change, match = BREAKAGES[what]
    refused_unchanged(master, resigned(keys, m1_package, tmp_path / "bad.evpack", change), match)


@pytest.mark.parametrize("bad_key", ["!!!not base64!!!", "QUJD", base64.b64encode(b"k" * 33).decode(), 7, ["x"],
                                     "QUFB" * 300])
def test_a_forged_evaluator_package_with_a_malformed_signer_key_is_refused(tmp_path, master, m1_package, keys,
                                                                         bad_key):
    forged = resigned(keys, m1_package, tmp_path / "key.evpack", lambda p, h: h.update(signer_public_key=bad_key))
    refused_unchanged(master, forged, "signer_public_key")


def test_a_payload_sealed_to_another_key_or_not_sealed_is_refused(tmp_path, master, m1_package, keys):
    stranger = identity.ensure_encryption_key("mallory", PASSPHRASE, keys.folder)
    refused_unchanged(master, resigned(keys, m1_package, tmp_path / "other.evpack", lambda p, h: None,
                                       seal_to=stranger), "cannot decrypt payload.json")
    package = read_package(m1_package)
    naked = write_package(tmp_path / "naked.evpack", PackageKind.EVALUATOR, header_of(package), plain(keys, package),
                          sign=keys["m1"].sign).path
    refused_unchanged(master, naked, "not encrypted")


def test_evidence_entries_are_hash_listed_and_size_limited(tmp_path, master, m1_package, keys):
    package = read_package(m1_package)
    [(name, data)] = package.files.items()
    # An evidence entry swapped after signing: its hash is in the signed manifest.
    swapped = resigned(keys, m1_package, tmp_path / "swap.evpack", lambda p, h: None)
    import zipfile

    with zipfile.ZipFile(swapped) as source, zipfile.ZipFile(tmp_path / "swapped.evpack", "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, os.urandom(len(data)) if info.filename == name else source.read(info))
    refused_unchanged(master, tmp_path / "swapped.evpack", "does not match its hash in the manifest")
    # A file sealed to the secretary but not the one the (signed) payload lists.
    other = resigned(keys, m1_package, tmp_path / "other.evpack", lambda p, h: None,
                     files={name: identity.seal(keys.encryption_public, b"another file")})
    refused_unchanged(master, other, "does not match its recorded hash")
    # An entry the manifest does not list, and a name outside the package's own.
    extra = resigned(keys, m1_package, tmp_path / "extra.evpack", lambda p, h: None,
                     files={**package.files, "evidence/0002.bin": b"x" * 100})
    with zipfile.ZipFile(extra) as source, zipfile.ZipFile(tmp_path / "extra2.evpack", "w") as target:
        for info in source.infolist():
            if info.filename == "manifest.json":
                continue
            target.writestr(info, source.read(info))
        target.writestr("manifest.json", package.manifest_bytes)
    refused_unchanged(master, tmp_path / "extra2.evpack", "do not match the manifest's list|does not match")
    # The whole package is then merged: the evidence file arrives by hash, the same bytes the member attached.
    report = keys.merge(master, m1_package)
    assert report.evidence_recorded == 1
    kept = [p for p in evidence_folder(master).iterdir() if not p.name.startswith(".")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"%PDF-1.4 ")


def test_on_the_command_line_a_malformed_key_is_exit_2_with_no_traceback(tmp_path, master, m1_package, keys):
    forged = resigned(keys, m1_package, tmp_path / "key.evpack",
                      lambda p, h: h.update(signer_public_key="%%%not-a-key%%%"))
    big = resigned(keys, m1_package, tmp_path / "big.evpack", lambda p, h: block(p)["ratings"][0].update(round=HUGE))
    master.close()
    env = {**os.environ, "EVALUATOR_APP_KEY_DIR": str(keys.folder), "EVALUATOR_APP_PASSPHRASE": PASSPHRASE}
    for path in (forged, big):
        done = subprocess.run([sys.executable, "-m", "evaluator_app", "--db", str(master.path), "import-package",
                               str(path)], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and "binascii" not in done.stderr and "Overflow" not in done.stderr
        assert str(path) in done.stderr and "nothing was written" in done.stderr
        assert "ไม่ถูกรูปแบบ" in done.stderr, "Thai first, then English"


def test_a_submission_under_a_declaration_the_panel_never_issued_is_not_applied(tmp_path, master, m1_package, keys):
    from evaluator_app.store.panel import set_declaration, submission_state

    forged = resigned(keys, m1_package, tmp_path / "decl.evpack", lambda p, h: block(p)["submissions"][0].update(
        declaration="ข้าพเจ้าไม่ต้องรับรองความเป็นอิสระ"))
    report = keys.merge(master, forged)
    assert report.submitted == [] and "never issued" in str(report.conflicts[0])
    here = find_agreement_id(master, AGENCY, YEAR)
    assert submission_state(master.conn, here, 12, "m1") is None
    # The secretary edits the declaration after the member confirmed the old one: the old one still counts.
    set_declaration(master, "ข้าพเจ้าขอรับรองว่าเป็นอิสระ (ฉบับแก้ไข 2569)", actor="sec")
    report = keys.merge(master, m1_package)
    assert report.submitted == [(AGENCY, YEAR, 12)] and submission_state(master.conn, here, 12, "m1").submitted


def test_an_evidence_file_changed_on_the_laptop_is_not_exported(tmp_path, master, keys):
    from evaluator_app.store.evidence import evidence_path, list_evidence

    ws = member_laptop(tmp_path, keys, master, "m1")
    here = find_agreement_id(ws, AGENCY, YEAR)
    (tmp_path / "ภาพถ่าย.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(500))
    add_evidence(ws, here, "3", "m1", tmp_path / "ภาพถ่าย.jpg", actor="m1")
    [item] = list_evidence(ws, here, evaluator="m1")
    evidence_path(ws, item).write_bytes(b"edited outside the app")
    with pytest.raises(ProblemsError, match="attach it again"):
        export_evaluator_package(ws, "m1", tmp_path / "x.evpack", keys["m1"])
    assert not (tmp_path / "x.evpack").exists()
    ws.close()


def test_evidence_beyond_what_one_package_carries_is_refused_at_export(tmp_path, master, keys, monkeypatch):
    from evaluator_app.exchange import evaluator_package

    monkeypatch.setattr(evaluator_package, "MAX_EVIDENCE_TOTAL", 1500)  # the real one is 96 MB: same rule
    ws = member_laptop(tmp_path, keys, master, "m1")
    here = find_agreement_id(ws, AGENCY, YEAR)
    for n in (1, 2, 3):
        (tmp_path / f"ภาพ{n}.jpg").write_bytes(os.urandom(600))
        add_evidence(ws, here, str(n), "m1", tmp_path / f"ภาพ{n}.jpg", actor="m1")
    with pytest.raises(ProblemsError, match="exceed the 0 MB one package carries"):
        export_evaluator_package(ws, "m1", tmp_path / "big.evpack", keys["m1"])
    assert not (tmp_path / "big.evpack").exists()
    ws.close()
