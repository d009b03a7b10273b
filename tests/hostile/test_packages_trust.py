"""Signed panel packages (issue 13, items 1 and 2): a member's laptop installs the first package only after the
secretary's fingerprint is confirmed, then accepts only her key (or a key her old one vouched for, or one the member
re-trusts by fingerprint); every forged or tampered package is refused and writes nothing; a master opening its own
package stays the master."""

from __future__ import annotations

import base64
import sqlite3

import pytest

from evaluator_app.domain.panel import PanelMember
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange import identity
from evaluator_app.exchange.packages import TrustNeeded, export_evaluator_package, export_panel_package, import_package
from evaluator_app.store import schema
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.audit import audit_entries
from evaluator_app.store.panel import load_panel, result_state, save_member
from evaluator_app.store.panel_install import is_master, is_member_copy, trusted_signer
from evaluator_app.store.panel_results import submit
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.schema_panel import MASTER_SETTING, MEMBER_COPY_SETTING
from evaluator_app.store.workspace import APPLICATION_ID, Workspace
from tests.conftest import file_digest
from tests.hostile.packages_world import (
    AGENCY,
    YEAR,
    as_secretary,
    forged_panel,
    laptop,
    make_master,
    member_laptop,
    rate,
    settled,
)
from tests.panel_keys import PASSPHRASE, PanelKeys


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def master(tmp_path, keys):
    ws = make_master(tmp_path / "master.sqlite", keys)
    yield ws
    ws.close()


@pytest.fixture
def genuine(tmp_path, master, keys):
    return keys.export_panel(master, tmp_path / "genuine.evpanel").path


def refused_unchanged(ws: Workspace, path, match: str, **kwargs) -> ProblemsError:
    before = settled(ws)
    with pytest.raises(ProblemsError, match=match) as caught:
        import_package(ws, path, actor="m1", **kwargs)
    assert file_digest(ws.path) == before, "a refused package writes nothing"
    return caught.value


# --- the first panel package ----------------------------------------------------------------------------------

def test_the_first_package_installs_only_after_the_fingerprint_is_confirmed(tmp_path, genuine, keys):
    ws = laptop(tmp_path, "m1")
    asked = refused_unchanged(ws, genuine, "compare the secretary's")
    assert isinstance(asked, TrustNeeded) and asked.fingerprint == keys.fingerprint and asked.trusted is None
    assert load_panel(ws) is None
    refused_unchanged(ws, genuine, "is not that of the key that signed", trust="0000 1111 2222 3333 4444")

    report = import_package(ws, genuine, actor="m1", trust=keys.fingerprint.upper().replace(" ", "-"))
    assert report.trusted == "confirmed" and report.agreements_added == [(AGENCY, YEAR)]
    trusted = trusted_signer(ws)
    assert trusted is not None and trusted.public_key == keys.public("sec") and trusted.how == "confirmed"
    assert audit_entries(ws.conn, entity="panel")[0].action in ("trust secretary's key", "create panel")
    assert any(e.action == "trust secretary's key" for e in audit_entries(ws.conn, entity="panel"))
    ws.close()


def test_an_unsigned_package_is_refused_even_on_the_first_install(tmp_path, genuine, keys):
    unsigned = forged_panel(genuine, tmp_path / "unsigned.evpanel", lambda payload, header: None)
    ws = laptop(tmp_path, "fresh")
    refused_unchanged(ws, unsigned, "no signature of the secretary", trust=keys.fingerprint)
    ws.close()


def test_a_forger_who_confirms_the_real_fingerprint_still_gets_nothing_in(tmp_path, genuine, keys):
    mallory = keys["mallory"]
    forged = forged_panel(genuine, tmp_path / "mallory.evpanel", lambda p, h: as_secretary(p, h, mallory), mallory)
    ws = laptop(tmp_path, "fresh")
    refused_unchanged(ws, forged, "is not that of the key that signed", trust=keys.fingerprint)
    ws.close()


# --- forgeries after the secretary's key is trusted ------------------------------------------------------------

def _declaration(payload, header):
    payload["panel"]["declaration"] = "ข้าพเจ้าไม่ต้องรับรองความเป็นอิสระ"


def _self_assessment(payload, header):
    payload["agreements"][0]["self_assessment"] = [
        {"code": "1", "round": 12, "result": "100", "adjusted_score": None, "adjust_reason": None, "comment": None}]


def _members_key(payload, header):
    for member in payload["members"]:
        if member["id"] == "m1":
            member["public_key"] = base64.b64encode(b"\x07" * 32).decode()


def _conflicts(payload, header):
    payload["conflicts"] = [{"member_id": "m2", "agency": AGENCY, "type": "relative", "reason": "ปลอม"}]


def _member_list(payload, header):
    payload["members"] = [m for m in payload["members"] if m["id"] != "m2"]


def _finalised(payload, header):
    payload["agreements"][0]["results"] = [{"round": 12, "finalised": True, "rule": "mean", "reopen_count": 0}]


TAMPERINGS = {"declaration": _declaration, "self-assessment": _self_assessment, "member's key": _members_key,
              "conflicts": _conflicts, "member list": _member_list, "finalised state": _finalised}


@pytest.mark.parametrize("what", list(TAMPERINGS))
def test_every_forgery_of_the_seen_attack_is_refused_and_writes_nothing(tmp_path, master, keys, what):
    ws = member_laptop(tmp_path, keys, master, "m1")
    genuine = keys.export_panel(master, tmp_path / "next.evpanel").path
    change = TAMPERINGS[what]
    mallory = keys["mallory"]
    forgeries = {
        "no key": (forged_panel(genuine, tmp_path / "a.evpanel", change), "no signature of the secretary"),
        "original signature": (forged_panel(genuine, tmp_path / "b.evpanel", change, keep_signature=True),
                               "signature does not verify"),
        "another key, named as the secretary's": (
            forged_panel(genuine, tmp_path / "c.evpanel", lambda p, h: (change(p, h), as_secretary(p, h, mallory)),
                         mallory), "signed with another key"),
        "another key, the secretary's name left": (forged_panel(genuine, tmp_path / "d.evpanel", change, mallory),
                                                   "signature does not verify"),
    }
    for path, match in forgeries.values():
        refused_unchanged(ws, path, match)
    # ... and the secretary's own package still installs: nothing was spoiled by the attempts.
    assert import_package(ws, genuine, actor="m1").already_imported is False
    here = find_agreement_id(ws, AGENCY, YEAR)
    assert result_state(ws.conn, here, 12) is None and load_panel(ws).member("m1").public_key == keys.public("m1")
    ws.close()


@pytest.mark.parametrize("bad_key", ["!!!not base64!!!", base64.b64encode(b"x" * 31).decode(), 5, "", None,
                                     "QUFB" * 300])
def test_a_panel_package_with_a_malformed_signer_key_is_refused_without_a_traceback(tmp_path, genuine, keys,
                                                                                      bad_key):
    forged = forged_panel(genuine, tmp_path / "badkey.evpanel",
                          lambda p, h: h.update(signer_public_key=bad_key), keys["mallory"])
    ws = laptop(tmp_path, "fresh")
    refused_unchanged(ws, forged, "signer_public_key|does not name its signer", trust=keys.fingerprint)
    ws.close()


# --- the secretary changes her key -------------------------------------------------------------------------------

def test_a_key_the_old_one_vouched_for_is_followed_and_the_old_key_is_then_refused(tmp_path):
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    master = make_master_with(tmp_path, keys)
    ws = member_laptop(tmp_path, keys, master, "m1")
    old_key = keys.secretary
    identity.replace_key_pair("sec", PASSPHRASE, keys.folder)
    new_key = identity.unlock("sec", PASSPHRASE, keys.folder)
    assert len(new_key.endorsements) == 1
    signed_new = export_panel_package(master, tmp_path / "new.evpanel", new_key, keys.encryption_public).path
    assert load_panel(master).member("sec").public_key == new_key.identity.public_key  # recorded, audited

    report = import_package(ws, signed_new, actor="m1")  # no fingerprint needed: the old key vouched
    assert report.trusted == "endorsed" and trusted_signer(ws).public_key == new_key.identity.public_key
    # From then on a package signed with the old key is another key's.
    save_member(master, PanelMember("sec", "นางเลขา ละเอียดรอบคอบ", load_panel(master).member("sec").role,
                                    public_key=old_key.identity.public_key), actor="sec")
    signed_old = export_panel_package(master, tmp_path / "old.evpanel", old_key, keys.encryption_public).path
    refused_unchanged(ws, signed_old, "signed with another key")
    ws.close()
    master.close()


def test_a_new_key_without_the_old_one_needs_the_members_explicit_re_trust(tmp_path):
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    master = make_master_with(tmp_path, keys)
    ws = member_laptop(tmp_path, keys, master, "m1")
    lost = keys.folder / "sec.ed25519.key"
    lost.rename(keys.folder / "lost.key")  # the laptop with the key was stolen
    fresh = identity.create_key_pair("sec", PASSPHRASE, keys.folder)
    new_key = identity.unlock("sec", PASSPHRASE, keys.folder)
    with pytest.raises(ProblemsError, match="is not the one the panel records"):
        export_panel_package(master, tmp_path / "x.evpanel", new_key, keys.encryption_public)
    sec = load_panel(master).member("sec")
    save_member(master, PanelMember(sec.id, sec.name, sec.role, sec.position, sec.order, fresh.public_key),
                actor="sec")
    path = export_panel_package(master, tmp_path / "new.evpanel", new_key, keys.encryption_public).path

    asked = refused_unchanged(ws, path, "not the secretary's key trusted here")
    assert isinstance(asked, TrustNeeded) and asked.trusted == keys.fingerprint
    assert asked.fingerprint == fresh.fingerprint
    report = import_package(ws, path, actor="m1", trust=fresh.fingerprint)
    assert report.trusted == "re-trusted" and trusted_signer(ws).how == "re-trusted"
    ws.close()
    master.close()


def test_a_forged_endorsement_is_not_followed(tmp_path, master, genuine, keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    mallory = keys["mallory"]
    bogus = [{"previous_public_key": base64.b64encode(keys.public("sec")).decode(),
              "signature": base64.b64encode(mallory.sign(identity.endorsement_message(keys.public("mallory"))))
              .decode()}]
    forged = forged_panel(genuine, tmp_path / "endorsed.evpanel",
                          lambda p, h: (as_secretary(p, h, mallory), h.update(endorsements=bogus)), mallory)
    refused_unchanged(ws, forged, "signed with another key")
    ws.close()


def make_master_with(tmp_path, keys: PanelKeys) -> Workspace:
    return make_master(tmp_path / "master.sqlite", keys)


# --- a master never becomes a copy -------------------------------------------------------------------------------

def test_the_master_opening_its_own_package_says_so_and_changes_nothing(tmp_path, master, genuine, keys):
    before = settled(master)
    report = import_package(master, genuine, actor="sec", trust=keys.fingerprint)
    assert report.master and not report.already_imported
    assert file_digest(master.path) == before and not is_member_copy(master) and is_master(master)
    # ... and members' packages still merge into it.
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "92", "2": "15", "3": "5", "4": "78.75"})
    submit(ws, find_agreement_id(ws, AGENCY, YEAR), "m1", declaration_accepted=True, actor="m1")
    package = export_evaluator_package(ws, "m1", tmp_path / "m1.evpack", keys["m1"]).path
    ws.close()
    merged = keys.merge(master, package)
    assert len(merged.applied) == 4 and merged.conflicts == []
    assert load_ratings(master, find_agreement_id(master, AGENCY, YEAR), 12, "m1")["4"].rating.result == 78.75


def test_the_upgrade_puts_right_a_master_the_old_app_flagged_as_a_copy(tmp_path, keys):
    path = tmp_path / "old-master.sqlite"
    conn = sqlite3.connect(path)
    for step in schema.UPGRADES[:schema.UPGRADES.index(schema.upgrade_panel_trust)]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {schema.UPGRADES.index(schema.upgrade_panel_trust)}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO panel (id, name, rule, declaration, created_at) VALUES ('p1', 'คณะ', 'mean', 'ข้อความ', "
                 "'2026-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO panel_packages (id, kind, member_id, created_at, imported_at, imported_by, summary) "
                 "VALUES ('x', 'evaluator', 'm1', 't', 't', 'sec', '{}')")
    conn.execute("INSERT INTO settings (key, value) VALUES (?, 'own-package')", (MEMBER_COPY_SETTING,))
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.SCHEMA_VERSION
        assert ws.setting(MEMBER_COPY_SETTING) is None and ws.setting(MASTER_SETTING) == "p1"
        assert not is_member_copy(ws) and is_master(ws)
        assert ws.conn.execute("SELECT count(*) FROM rating_conflicts").fetchone()[0] == 0


def test_an_older_genuine_package_replayed_after_a_newer_one_is_refused(tmp_path, master, keys):
    from evaluator_app.domain.panel import ConflictOfInterest, ConflictType
    from evaluator_app.store.panel import declare_conflict

    ws = laptop(tmp_path, "m1")
    older = keys.export_panel(master, tmp_path / "older.evpanel").path
    declare_conflict(master, ConflictOfInterest("m2", AGENCY, ConflictType.RELATIVE, "เป็นบุตรของรองอธิบดี"),
                     actor="sec")
    newer = keys.export_panel(master, tmp_path / "newer.evpanel").path
    keys.install(ws, newer, actor="m1")
    refused_unchanged(ws, older, "older than the one already installed")
    assert load_panel(ws).conflict("m2", AGENCY) is not None, "the conflict declared since stays"
    ws.close()


def test_a_trust_setting_changed_outside_the_app_trusts_nothing(tmp_path, master, keys):
    from evaluator_app.store.panel_install import TRUST_SETTING

    ws = member_laptop(tmp_path, keys, master, "m1")
    newer = keys.export_panel(master, tmp_path / "newer.evpanel").path
    ws.set_setting(TRUST_SETTING, '{"panel_id": 5, "public_key": "%%%"}')
    asked = refused_unchanged(ws, newer, "compare the secretary's")
    assert isinstance(asked, TrustNeeded) and asked.trusted is None
    assert import_package(ws, newer, actor="m1", trust=keys.fingerprint).trusted == "confirmed"
    ws.close()
