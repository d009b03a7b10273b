"""Packages keep secrets (issue 13, item 13): on the USB stick a member's ratings, comments and evidence are sealed to
the secretary's X25519 key (only her passphrase opens them), and, as in HotCRP, a member does not see the other
members' ratings of an agreement until they have submitted their own (store, command line, window)."""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path

import pytest

from evaluator_app.cli import main
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import read_package
from evaluator_app.exchange.packages import DecryptionNeeded, export_evaluator_package, import_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.evidence import add_evidence
from evaluator_app.store.panel_results import submit, visible_ratings
from evaluator_app.store.workspace import Workspace
from tests.hostile.packages_world import AGENCY, YEAR, make_master, member_laptop, rate
from tests.panel_keys import PASSPHRASE, PanelKeys

COMMENT = "เอกสารประกอบไม่ครบถ้วน ขอให้ส่วนราชการชี้แจงเพิ่มเติมภายในสิบห้าวัน"
EVIDENCE = "บันทึกการตรวจเยี่ยมพื้นที่ เลขที่ ๑๒๓๔/๒๕๖๙".encode()


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def master(tmp_path, keys):
    ws = make_master(tmp_path / "master.sqlite", keys)
    yield ws
    ws.close()


def every_readable_byte(path: Path) -> bytes:
    """The file as stored, and each entry as unzipped: what anyone holding the USB stick can read."""
    found = [path.read_bytes()]
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            found.append(archive.read(info))
            raw = path.read_bytes()[info.header_offset:]
            try:
                found.append(zlib.decompress(raw, -15))
            except zlib.error:
                pass
    return b"\n".join(found)


def test_ratings_comments_and_evidence_are_sealed_to_the_secretary(tmp_path, master, keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    here = find_agreement_id(ws, AGENCY, YEAR)
    from decimal import Decimal as D

    from evaluator_app.domain.rating import Rating
    from evaluator_app.store.ratings import record_rating

    record_rating(ws, here, Rating("4", 12, "m1", result=D("78.75"), comment=COMMENT), actor="m1")
    (tmp_path / "ตรวจเยี่ยม.txt").write_bytes(EVIDENCE)
    add_evidence(ws, here, "4", "m1", tmp_path / "ตรวจเยี่ยม.txt", actor="m1")
    path = export_evaluator_package(ws, "m1", tmp_path / "usb" / "m1.evpack", keys["m1"]).path
    ws.close()

    readable = every_readable_byte(path)
    for secret in (COMMENT.encode(), b"78.75", EVIDENCE, "ตรวจเยี่ยม".encode()):
        assert secret not in readable
    package = read_package(path)
    assert package.encryption["scheme"] == identity.SEALED_BOX
    assert package.encryption["recipient_fingerprint"] == identity.Identity(
        "sec", keys.encryption_public).fingerprint

    # Without the secretary's key nothing opens, and nothing is written; with it, everything arrives.
    with pytest.raises(DecryptionNeeded):
        import_package(master, path, actor="sec")
    with pytest.raises(ProblemsError, match="wrong passphrase"):
        import_package(master, path, actor="sec",
                       decrypt=lambda sec: identity.unlock_encryption_key(sec, "not her passphrase", keys.folder))
    report = import_package(master, path, actor="sec",
                            decrypt=lambda sec: identity.unlock_encryption_key(sec, PASSPHRASE, keys.folder))
    assert report.applied[0].after["comment"] == COMMENT and report.evidence_recorded == 1


def test_the_secretarys_decryption_key_is_encrypted_with_her_passphrase(keys):
    text = (keys.folder / "sec.x25519.key").read_text()
    assert "ENCRYPTED PRIVATE KEY" in text and json.loads(text)["algorithm"] == "x25519"
    assert oct((keys.folder / "sec.x25519.key").stat().st_mode & 0o777) == "0o600"


# --- HotCRP's rule ------------------------------------------------------------------------------------------

M1 = {"1": "92", "2": "15", "3": "5", "4": "78.75"}
M2 = {"1": "95", "2": "16", "3": "3", "4": "85"}


@pytest.fixture
def rated(tmp_path, master) -> Workspace:
    """The master with both members' ratings; m2 has submitted, m1 has not."""
    rate(master, "m1", M1)
    rate(master, "m2", M2)
    submit(master, find_agreement_id(master, AGENCY, YEAR), "m2", declaration_accepted=True, actor="m2")
    return master


def test_a_member_sees_the_others_only_after_submitting_their_own(rated):
    agreement_id = find_agreement_id(rated, AGENCY, YEAR)
    assert set(visible_ratings(rated, agreement_id, 12, "m1")) == {"self", "m1"}
    assert set(visible_ratings(rated, agreement_id, 12, "m2")) == {"self", "m1", "m2"}
    assert set(visible_ratings(rated, agreement_id, 12, "chair")) == {"self", "m1", "m2"}, "the chair runs it"
    assert set(visible_ratings(rated, agreement_id, 12, "sec")) == {"self", "m1", "m2"}
    submit(rated, agreement_id, "m1", declaration_accepted=True, actor="m1")
    assert set(visible_ratings(rated, agreement_id, 12, "m1")) == {"self", "m1", "m2"}


def test_score_panel_as_a_member_who_has_not_submitted_is_refused(rated, capsys):
    path = str(rated.path)
    agreement_id = str(find_agreement_id(rated, AGENCY, YEAR))
    rated.close()
    capsys.readouterr()
    assert main(["--db", path, "--as", "m1", "score", agreement_id, "--panel"]) == 2
    err = capsys.readouterr().err
    assert "has not submitted their own ratings" in err and "ยังไม่ได้ส่งผลการประเมินของตน" in err
    assert main(["--db", path, "--as", "m2", "score", agreement_id, "--panel", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["indicators"][0]["members"]["m1"] == "3.4000"
