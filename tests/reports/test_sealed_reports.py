"""Sealed and verifiable: snapshots and revisions, issuing and reopening, the guard on ratings (store and database),
verify naming changed indicators, a stripped PDF found by its footer code, and PAdES signatures validated offline."""

from __future__ import annotations

import io
import sqlite3
from decimal import Decimal as D

import pytest
from pypdf import PdfReader, PdfWriter

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.reports.papers import make_agreement_paper, make_evaluation_report, make_summary, reprint
from evaluator_app.reports.signing import (
    SigningError,
    load_identity,
    make_self_signed,
    remember_signer,
    sign_pdf,
    workspace_identity,
)
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.snapshots import ReportIssued, issue_state, reopen_report

from .builders import accept_all, self_assessed

PASSPHRASE = b"correct horse battery staple"


@pytest.fixture
def issued(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    path = tmp_path / "report.pdf"
    made = make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="sec")
    return agreement_id, path, made


def test_a_fresh_report_verifies_and_a_reprint_keeps_its_revision(workspace, issued, tmp_path):
    agreement_id, path, made = issued
    result = verify_pdf(workspace, path)
    assert result.ok and [r.matches for r in result.reports] == [True]
    assert made.snapshot.revision == 1 and made.snapshot.intact
    again = make_evaluation_report(workspace, agreement_id, tmp_path / "again.pdf", digits="arabic", actor="sec")
    assert (again.snapshot.id, again.snapshot.sha256) == (made.snapshot.id, made.snapshot.sha256)
    copy = reprint(workspace, made.snapshot.id, tmp_path / "reprint.pdf")
    assert copy.snapshot.sha256 == made.snapshot.sha256 and verify_pdf(workspace, tmp_path / "reprint.pdf").ok


def test_an_issued_round_refuses_changes_until_reopened_with_a_reason(workspace, issued, tmp_path):
    agreement_id, path, made = issued
    state = issue_state(workspace.conn, agreement_id, 12)
    assert state.issued and state.revision == 1
    with pytest.raises(ReportIssued, match="reopen-report"):
        record_rating(workspace, agreement_id, Rating("2", 12, result=D(17)), actor="sec")
    # Another evaluator's rating of the round is a printed figure too; round 6 is not issued.
    with pytest.raises(ReportIssued):
        record_rating(workspace, agreement_id, Rating("2", 12, "m1", result=D(17)), actor="m1")
    record_rating(workspace, agreement_id, Rating("2", 6, result=D(17)), actor="sec")
    # A private note is not on paper: changing only it is allowed.
    record_rating(workspace, agreement_id, Rating("2", 12, result=D(15)), actor="sec", note="ตรวจหลักฐานแล้ว")
    assert load_ratings(workspace, agreement_id, 12)["2"].note == "ตรวจหลักฐานแล้ว"
    # Whoever writes, the database itself keeps the printed fields (triggers of the reports schema step).
    with pytest.raises(sqlite3.IntegrityError, match="issued"), workspace.transaction() as conn:
        conn.execute("UPDATE ratings SET result = '17' WHERE agreement_id = ? AND code = '2' AND round = 12",
                     (agreement_id,))
    with pytest.raises(ProblemsError, match="needs a reason"):
        reopen_report(workspace, agreement_id, 12, reason="  ", actor="chair")
    reopen_report(workspace, agreement_id, 12, reason="ส่วนราชการส่งหลักฐานเพิ่มเติม", actor="chair")
    record_rating(workspace, agreement_id, Rating("2", 12, result=D(17)), actor="sec")
    accept_all(workspace, agreement_id)  # the committee confirms the agency's new result
    # The old paper no longer matches, and verify says which indicator changed and how.
    result = verify_pdf(workspace, path)
    assert not result.ok
    (report,) = result.reports
    assert report.changed_indicators == ("2",)
    changes = {(c.code, c.field): (c.old, c.new) for c in report.changes}
    assert changes[("2", "self.result")] == ("15", "17")
    assert changes[("2", "committee.score")] == ("3.5000", "2.5000")
    assert changes[("รายงาน / report", "totals.committee")] == ("3.3500", "3.1500")
    assert any("ตัวชี้วัด 2" in line and "3.5000 → 2.5000" in line for line in result.lines())
    # The next report is a new revision, issued again; every step is in the audit log, whose chain holds.
    second = make_evaluation_report(workspace, agreement_id, tmp_path / "rev2.pdf", digits="arabic", actor="sec")
    assert second.snapshot.revision == 2 and second.snapshot.id != made.snapshot.id
    assert issue_state(workspace.conn, agreement_id, 12).issued
    assert verify_pdf(workspace, tmp_path / "rev2.pdf").ok
    actions = [e.action for e in audit_entries(workspace.conn, entity="report")]
    assert actions == ["issue report", "reopen report", "issue report"]
    assert first_broken_link(workspace.conn) is None
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), workspace.transaction() as conn:
        conn.execute("UPDATE report_snapshots SET json = '{}'")


def test_a_report_with_missing_results_is_not_issued_but_a_draft_prints(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    with pytest.raises(ProblemsError, match="cannot be issued"):
        make_evaluation_report(workspace, agreement_id, tmp_path / "r.pdf", round_=9, actor="sec")
    assert not (tmp_path / "r.pdf").exists() and issue_state(workspace.conn, agreement_id, 9) is None
    draft = make_evaluation_report(workspace, agreement_id, tmp_path / "draft.pdf", round_=9, actor="sec", draft=True)
    assert draft.snapshot is None and draft.pages >= 1
    result = verify_pdf(workspace, tmp_path / "draft.pdf")
    assert not result.ok and "no evaluator-app seal" in result.problems[0]


def test_a_pdf_stripped_of_its_metadata_is_found_by_its_footer_code(workspace, issued, tmp_path):
    _, path, made = issued
    writer = PdfWriter()
    for page in PdfReader(str(path)).pages:
        writer.add_page(page)
    stripped = tmp_path / "stripped.pdf"
    with stripped.open("wb") as handle:
        writer.write(handle)
    assert "sha256" not in str(PdfReader(str(stripped)).metadata or {})
    result = verify_pdf(workspace, stripped)
    assert result.ok and result.reports[0].snapshot.id == made.snapshot.id


def test_agreement_paper_and_summary_verify_and_name_what_changed(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    paper = make_agreement_paper(workspace, agreement_id, tmp_path / "agreement.pdf", actor="sec")
    summary = make_summary(workspace, 2569, tmp_path / "summary.pdf", actor="sec")
    assert verify_pdf(workspace, tmp_path / "agreement.pdf").ok and verify_pdf(workspace, tmp_path / "summary.pdf").ok
    assert paper.snapshot.kind == "agreement" and summary.snapshot.kind == "summary"
    record_rating(workspace, agreement_id, Rating("4", 12, result=D(90)), actor="sec")  # not issued: allowed
    changed = verify_pdf(workspace, tmp_path / "summary.pdf")
    assert not changed.ok
    assert {(c.code, c.field) for c in changed.reports[0].changes} >= {("ส่วนราชการ / agency กรมตัวอย่าง", "total")}
    assert verify_pdf(workspace, tmp_path / "agreement.pdf").ok  # the agreement itself did not change


def flip_one_byte(data: bytes, where: int) -> bytes:
    changed = bytearray(data)
    changed[where] ^= 0x01
    return bytes(changed)


def test_a_pades_signed_report_validates_and_a_flipped_byte_does_not(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    chair = workspace_identity(workspace, PASSPHRASE, common_name="ศาสตราจารย์สมชาย ใจดี", actor="chair")
    stored_key = workspace.conn.execute("SELECT private_key FROM report_signers").fetchone()[0]
    assert "ENCRYPTED" in stored_key  # the key is kept only encrypted with the passphrase
    path = tmp_path / "signed.pdf"
    made = make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="chair", signer=chair)
    assert made.signed
    result = verify_pdf(workspace, path)
    assert result.ok, result.lines()
    (signature,) = result.signatures
    assert signature.intact and signature.valid and signature.trusted and "ศาสตราจารย์สมชาย" in signature.signer
    # One flipped byte inside the signed range of the original bytes: still a PDF, no longer the signed one.
    data = path.read_bytes()
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(flip_one_byte(data, len(data) // 3))
    broken = verify_pdf(workspace, tampered)
    assert not broken.ok
    assert broken.signatures and not broken.signatures[0].intact
    # The same identity comes back with the passphrase; a wrong one is refused before anything is drawn.
    assert workspace_identity(workspace, PASSPHRASE, actor="chair").fingerprint == chair.fingerprint
    with pytest.raises(SigningError, match="passphrase"):
        workspace_identity(workspace, b"wrong", actor="chair")


def test_a_certificate_from_files_is_trusted_once_used_here_and_a_stranger_is_not(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    own = make_self_signed("ประธานจากไฟล์", PASSPHRASE)
    (tmp_path / "chair.pem").write_bytes(own.certificate)
    (tmp_path / "chair.key").write_bytes(own.private_key)
    identity = load_identity(tmp_path / "chair.pem", tmp_path / "chair.key", PASSPHRASE)
    path = tmp_path / "signed.pdf"
    make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="chair", signer=identity)
    assert verify_pdf(workspace, path).ok
    # A signature by a certificate this workspace never saw is intact but not trusted: verify does not pass it.
    stranger = make_self_signed("ผู้ไม่รู้จัก", PASSPHRASE)
    foreign = tmp_path / "foreign.pdf"
    foreign.write_bytes(sign_pdf(path.read_bytes(), stranger, name="stranger"))
    result = verify_pdf(workspace, foreign)
    assert not result.ok
    assert [s.trusted for s in result.signatures] == [True, False]
    assert verify_pdf(workspace, foreign, trust=[stranger.certificate]).ok
    remember_signer(workspace, stranger, actor="sec")
    assert verify_pdf(workspace, foreign).ok
    with pytest.raises(SigningError):
        load_identity(tmp_path / "chair.pem", tmp_path / "chair.key", b"wrong")


def test_pkcs12_identity_signs(workspace, tmp_path):
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, load_pem_private_key, pkcs12
    from cryptography.x509 import load_pem_x509_certificate

    own = make_self_signed("ประธาน PKCS12", PASSPHRASE)
    key = load_pem_private_key(own.private_key, PASSPHRASE)
    cert = load_pem_x509_certificate(own.certificate)
    p12 = tmp_path / "chair.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"chair", key, cert, None,  # type: ignore[arg-type]
                                                          BestAvailableEncryption(PASSPHRASE)))
    identity = load_identity(p12, None, PASSPHRASE)
    assert identity.fingerprint == own.fingerprint
    signed = sign_pdf(reprint_bytes(workspace, tmp_path), identity)
    assert b"/ByteRange" in signed


def reprint_bytes(workspace, tmp_path) -> bytes:
    agreement_id = self_assessed(workspace, agency="กรมพีเคซีเอส")
    buffer = io.BytesIO()
    make_evaluation_report(workspace, agreement_id, buffer, digits="arabic", actor="sec")
    return buffer.getvalue()


def test_with_a_panel_only_the_chair_reopens_an_issued_report(workspace, issued):
    from evaluator_app.domain.panel import PanelMember, Role
    from evaluator_app.store.panel import save_member

    agreement_id, _, _ = issued
    save_member(workspace, PanelMember("chair1", "ประธาน", Role.CHAIR), actor="sec")
    save_member(workspace, PanelMember("m1", "กรรมการ", Role.MEMBER), actor="sec")
    with pytest.raises(ProblemsError, match=r"only the chair \(chair1\) can reopen an issued report"):
        reopen_report(workspace, agreement_id, 12, reason="ขอแก้ไข", actor="m1")
    assert issue_state(workspace.conn, agreement_id, 12).issued
    reopen_report(workspace, agreement_id, 12, reason="ขอแก้ไข", actor="chair1")
    assert not issue_state(workspace.conn, agreement_id, 12).issued
