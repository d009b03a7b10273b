"""Forged and damaged papers: `verify` never calls a paper genuine when its metadata names another report, a page
was added or taken from another report, it carries JavaScript, something was appended after its signature, its
signature was removed, or a later revision replaced it; `--trust` refuses what is not a certificate; signing
refuses a key and certificate no reader would accept, before anything is issued or written."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from evaluator_app.domain.rating import Rating
from evaluator_app.reports.papers import make_agreement_paper, make_evaluation_report
from evaluator_app.reports.signing import SigningError, SigningIdentity, load_identity, sign_pdf, workspace_identity
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.snapshots import reopen_report
from tests.conftest import file_digest
from tests.test_report_cli import AGENCY, cli, db  # noqa: F401  (db is the CLI tests' workspace fixture)

from .builders import accept_all, self_assessed

PASSPHRASE = b"correct horse battery staple"


@pytest.fixture
def issued(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    path = tmp_path / "report.pdf"
    make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="sec")
    return agreement_id, path


def saved(writer: PdfWriter, target: Path) -> Path:
    """The attacked copy written to `target`."""
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def rewritten(source: Path, target: Path, *, pages: list[tuple[Path, int]] | None = None,
              metadata: dict[str, str] | None = None, javascript: bool = False) -> Path:
    """`source` saved again by another program: its pages (or those listed), its metadata with `metadata` over it."""
    writer = PdfWriter()
    for path, index in pages if pages is not None else [(source, i) for i in range(len(PdfReader(source).pages))]:
        writer.add_page(PdfReader(path).pages[index])
    writer.add_metadata({**dict(PdfReader(source).metadata or {}), **(metadata or {})})
    if javascript:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('x');")})
    return saved(writer, target)


def test_metadata_naming_another_revision_or_report_is_not_genuine(workspace, issued, tmp_path):
    _, path = issued
    subject = str(PdfReader(path).metadata["/Subject"])
    forged = rewritten(path, tmp_path / "rev2.pdf",
                       metadata={"/Subject": subject.replace("revision=1;", "revision=2;")})
    result = verify_pdf(workspace, forged)
    assert not result.ok
    assert any("revision=2 (1)" in problem for problem in result.reports[0].problems)
    keywords = str(PdfReader(path).metadata["/Keywords"])
    renamed = rewritten(path, tmp_path / "kw.pdf", metadata={"/Keywords": keywords.replace("report 1;", "report 9;")})
    result = verify_pdf(workspace, renamed)
    assert not result.ok and any("Keywords" in problem for problem in result.problems)
    # One seal listed many times (each check draws the paper again): checked once, and said.
    repeated = rewritten(path, tmp_path / "repeated.pdf", metadata={"/Subject": " | ".join([subject] * 3)})
    result = verify_pdf(workspace, repeated)
    assert not result.ok and len(result.reports) == 1
    assert any("same report again 2 times" in problem for problem in result.problems)
    # The title a viewer shows names the agency and the year: edited, it names another.
    title = str(PdfReader(path).metadata["/Title"])
    retitled = rewritten(path, tmp_path / "title.pdf", metadata={"/Title": title.replace("กรมตัวอย่าง", "กรมอื่น")})
    result = verify_pdf(workspace, retitled)
    assert not result.ok and any("title was edited" in problem for problem in result.reports[0].problems)


def test_a_page_added_or_taken_from_another_report_is_not_genuine(workspace, issued, tmp_path):
    _, path = issued
    other = tmp_path / "other.pdf"
    make_evaluation_report(workspace, self_assessed(workspace, agency="กรมอื่น"), other, digits="arabic", actor="sec")
    count = len(PdfReader(path).pages)
    inserted = rewritten(path, tmp_path / "inserted.pdf", pages=[(path, 0), (other, 0), *[(path, i)
                                                                                        for i in range(1, count)]])
    result = verify_pdf(workspace, inserted)
    assert not result.ok and any("another report" in problem for problem in result.problems)
    blank = tmp_path / "blank.pdf"
    writer = PdfWriter(clone_from=path)
    writer.add_blank_page()
    saved(writer, blank)
    result = verify_pdf(workspace, blank)
    assert not result.ok and any(f"pages: {count + 1}" in problem for problem in result.problems)


def test_a_paper_made_to_run_javascript_is_not_genuine(workspace, issued, tmp_path):
    _, path = issued
    result = verify_pdf(workspace, rewritten(path, tmp_path / "js.pdf", javascript=True))
    assert not result.ok and any("/OpenAction" in problem for problem in result.problems)


def test_a_figure_typed_over_the_page_in_an_annotation_is_not_genuine(workspace, issued, tmp_path):
    from pypdf.annotations import FreeText

    # The page's own content is untouched (verify reads that); a viewer shows the box over it.
    _, path = issued
    writer = PdfWriter(clone_from=path)
    writer.add_annotation(page_number=0, annotation=FreeText(text="4.4000", rect=(300, 500, 360, 515),
                                                              background_color="ffffff", border_color="ffffff"))
    boxed = tmp_path / "boxed.pdf"
    saved(writer, boxed)
    result = verify_pdf(workspace, boxed)
    assert not result.ok and any("/FreeText (page 1)" in problem for problem in result.problems)


def edited_content(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    """`source` with one text of its first page's content changed, as a hand with a PDF editor would."""
    from pypdf.generic import ContentStream, NameObject

    writer = PdfWriter(clone_from=source)
    page = writer.pages[0]
    data = page.get_contents().get_data()  # type: ignore[union-attr]
    assert old in data
    stream = ContentStream(None, writer)
    stream.set_data(data.replace(old, new, 1))
    page[NameObject("/Contents")] = writer._add_object(stream)
    saved(writer, target)
    return target


HIDING = {"invisible": b"3 Tr %s 0 Tr", "clip only": b"7 Tr %s 0 Tr", "white": b"1 1 1 rg %s 0 0 0 rg",
          "a speck": b"/F3+0 0.01 Tf %s"}


@pytest.mark.parametrize("how", HIDING)
def test_a_figure_made_invisible_is_missing_from_the_paper(workspace, issued, tmp_path, how):
    # Still in the page's text, no longer on the paper: another figure can be drawn in its place as shapes.
    _, path = issued
    figure = b"(3.4000) Tj"
    hidden = edited_content(path, tmp_path / "hidden.pdf", figure, HIDING[how] % figure)
    result = verify_pdf(workspace, hidden)
    assert not result.ok and result.reports[0].printed
    assert any(change.expected == "3.4000" for change in result.reports[0].printed)
    # The same edit that changes nothing visible passes: it is the hiding that is found.
    same = edited_content(path, tmp_path / "same.pdf", figure, b"0 Tr %s 0 Tr" % figure)
    assert verify_pdf(workspace, same).ok


@pytest.fixture
def signed(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    chair = workspace_identity(workspace, PASSPHRASE, common_name="ประธานทดสอบ", actor="chair")
    path = tmp_path / "signed.pdf"
    make_agreement_paper(workspace, agreement_id, path, actor="chair", signer=chair)
    assert verify_pdf(workspace, path).ok
    return path


def test_anything_appended_after_the_signature_breaks_it(workspace, signed, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    # pyHanko itself accepts a metadata update after a signature; the seal verify reads is in that metadata.
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/Title")] = generic.TextStringObject("รายงานของกรมอื่น")
    writer.mark_update(writer.trailer.raw_get("/Info"))
    out = io.BytesIO()
    writer.write(out)
    updated = tmp_path / "updated.pdf"
    updated.write_bytes(out.getvalue())
    result = verify_pdf(workspace, updated)
    assert not result.ok and result.signatures and not result.signatures[0].ok
    assert "changed after it was signed" in result.signatures[0].problems[0]
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n% appended\n")
    assert not verify_pdf(workspace, appended).ok


def test_a_signature_removed_by_a_later_update_is_noticed(workspace, signed, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    del writer.root["/AcroForm"]
    for page in writer.root["/Pages"]["/Kids"]:
        page = page.get_object()
        if "/Annots" in page:
            page[generic.NameObject("/Annots")] = generic.ArrayObject()
            writer.update_container(page)
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    stripped = tmp_path / "unsigned.pdf"
    stripped.write_bytes(out.getvalue())
    result = verify_pdf(workspace, stripped)
    assert not result.ok
    assert any("removed the signature" in problem for problem in result.problems) or \
        any(not s.ok for s in result.signatures)


def test_a_revision_replaced_by_a_later_one_is_superseded_even_when_the_data_came_back(workspace, issued, tmp_path):
    agreement_id, path = issued
    reopen_report(workspace, agreement_id, 12, reason="หลักฐานใหม่", actor="chair")
    record_rating(workspace, agreement_id, Rating("2", 12, result=D(17)), actor="sec")
    accept_all(workspace, agreement_id)
    second = make_evaluation_report(workspace, agreement_id, tmp_path / "rev2.pdf", digits="arabic", actor="sec")
    assert second.snapshot.revision == 2
    # Reopened again and put back as it was, not issued again: revision 1 prints today's figures, yet revision 2
    # replaced it.
    reopen_report(workspace, agreement_id, 12, reason="กลับเป็นค่าเดิม", actor="chair")
    record_rating(workspace, agreement_id, Rating("2", 12, result=D(15)), actor="sec")
    accept_all(workspace, agreement_id)
    result = verify_pdf(workspace, path)
    assert not result.ok
    assert any("superseded by revision 2" in problem for problem in result.reports[0].problems)
    assert any("superseded" in line for line in result.lines())


def test_trust_files_that_are_not_certificates_are_refused(db, tmp_path, capsys):  # noqa: F811
    from evaluator_app.reports.signing import make_self_signed

    pdf = tmp_path / "report.pdf"
    assert cli(db, "report", AGENCY, "--out", str(pdf), "--digits", "arabic") == 0
    identity = make_self_signed("ผู้ถือกุญแจ", PASSPHRASE)
    files = {"empty.pem": b"", "words.pem": b"not a certificate", "chair.key": identity.private_key,
             "broken.pem": b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        capsys.readouterr()
        assert cli(db, "verify", str(pdf), "--trust", str(tmp_path / name)) == 2, name
        err = capsys.readouterr().err
        assert name in err and "Traceback" not in err
    assert "private key" in _refusal(db, pdf, tmp_path / "chair.key", capsys)
    (tmp_path / "chair.pem").write_bytes(identity.certificate)
    assert cli(db, "verify", str(pdf), "--trust", str(tmp_path / "chair.pem")) == 0


def _refusal(db: Path, pdf: Path, trust: Path, capsys) -> str:  # noqa: F811
    capsys.readouterr()
    cli(db, "verify", str(pdf), "--trust", str(trust))
    return str(capsys.readouterr().err)


def certificate_files(folder: Path, *, days: tuple[int, int] = (-1, 100), signing: bool = True,
                      other_key: bool = False) -> tuple[Path, Path]:
    """A PEM certificate valid from `days[0]` to `days[1]` days from now, and a PEM key (its own unless
    `other_key`), encrypted with PASSPHRASE."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ประธานทดสอบ")])
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(digital_signature=signing, content_commitment=signing, key_encipherment=not signing,
                          data_encipherment=not signing, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now + dt.timedelta(days=days[0]))
            .not_valid_after(now + dt.timedelta(days=days[1])).add_extension(usage, critical=True)
            .sign(key, hashes.SHA256()))
    if other_key:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.BestAvailableEncryption(PASSPHRASE)))
    return folder / "cert.pem", folder / "key.pem"


UNUSABLE = {
    "expired": ({"days": (-100, -1)}, "expired"),
    "not yet valid": ({"days": (10, 100)}, "not valid before"),
    "not for signing": ({"signing": False}, "key usage"),
    "another key": ({"other_key": True}, "not the certificate's key"),
}


@pytest.mark.parametrize("case", UNUSABLE)
def test_signing_refuses_a_certificate_no_reader_accepts_and_writes_nothing(db, tmp_path, capsys,  # noqa: F811
                                                                           monkeypatch, case):
    options, reason = UNUSABLE[case]
    cert, key = certificate_files(tmp_path / "keys", **options)  # type: ignore[arg-type]
    with pytest.raises(SigningError, match=reason):
        load_identity(cert, key, PASSPHRASE)
    monkeypatch.setenv("EVALUATOR_SIGN_PASSPHRASE", PASSPHRASE.decode())
    before = file_digest(db)
    out = tmp_path / "signed.pdf"
    capsys.readouterr()
    assert cli(db, "report", AGENCY, "--out", str(out), "--sign", "--cert", str(cert), "--key", str(key)) == 2
    err = capsys.readouterr().err
    assert reason in err and cert.name in err and "Traceback" not in err
    assert not out.exists() and file_digest(db) == before


def test_a_pem_certificate_without_its_key_is_told_to_give_the_key(tmp_path):
    cert, _ = certificate_files(tmp_path / "keys")
    with pytest.raises(SigningError, match="--key"):
        load_identity(cert, None, PASSPHRASE)
    p12 = tmp_path / "keys" / "chair.p12"
    p12.write_bytes(b"not looked at")
    with pytest.raises(SigningError, match="without --key"):
        load_identity(p12, tmp_path / "keys" / "key.pem", PASSPHRASE)


def test_a_signature_by_a_certificate_expired_when_it_signed_does_not_verify(workspace, issued, tmp_path):
    _, path = issued
    cert, key = certificate_files(tmp_path / "keys", days=(-100, -1))
    # Made by another tool that does not check: the app's own signing refuses such a certificate.
    identity = SigningIdentity(cert.read_bytes(), key.read_bytes(), PASSPHRASE)
    forged = tmp_path / "expired-signature.pdf"
    forged.write_bytes(sign_pdf(path.read_bytes(), identity, name="expired"))
    result = verify_pdf(workspace, forged, trust=[cert.read_bytes()])
    assert not result.ok
    assert any("expired" in problem for problem in result.signatures[0].problems)


def fed_pipe(path: Path, data: bytes) -> Path:
    """A named pipe at `path` that gives `data` to whoever opens it (a thread writes it, then closes)."""
    import os
    import threading

    os.mkfifo(path)

    def feed() -> None:
        try:
            with path.open("wb") as handle:
                handle.write(data)
        except OSError:  # nobody read it: closed from the other end by release()
            pass

    threading.Thread(target=feed, daemon=True).start()
    return path


def release(path: Path) -> None:
    """Unblock the pipe's writer when nothing read it (opening for reading lets its open return, then closing
    breaks its write)."""
    import os

    os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_only_regular_files_are_read_not_a_pipe_or_a_device(workspace, issued, tmp_path):
    # A pipe or a device such as /dev/zero can give bytes forever: verify and signing never read one, even when
    # what it gives would be a genuine paper or certificate.
    _, path = issued
    pipe = fed_pipe(tmp_path / "report.pipe", path.read_bytes())
    try:
        result = verify_pdf(workspace, pipe)
    finally:
        release(pipe)
    assert not result.ok and "not a regular file" in result.problems[0]
    cert, key = certificate_files(tmp_path / "keys")
    pipe = fed_pipe(tmp_path / "cert.pipe", cert.read_bytes())
    try:
        with pytest.raises(SigningError, match="not a regular file"):
            load_identity(pipe, key, PASSPHRASE)
    finally:
        release(pipe)


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_a_volume_verifies_and_a_page_added_to_its_front_matter_does_not(workspace, workspace_path, tmp_path, digits):
    from evaluator_app.reports.batch import print_batch

    from .test_batch import fill

    out = tmp_path / "volume.pdf"
    result = print_batch(workspace_path, fill(workspace, 2), out, combined=True, digits=digits, actor="sec")
    assert result.combined == out and not result.failed
    assert verify_pdf(workspace, out).ok
    draft = tmp_path / "draft.pdf"
    make_evaluation_report(workspace, self_assessed(workspace), draft, round_=9, draft=True, actor="sec")
    count = len(PdfReader(out).pages)
    # A page before the cover, a second cover, the contents left out: the front matter is not what the app prints.
    for plan in ([(draft, 0), *[(out, i) for i in range(count)]], [(out, 0), *[(out, i) for i in range(count)]],
                 [(out, 0), *[(out, i) for i in range(2, count)]]):
        forged = rewritten(out, tmp_path / "forged.pdf", pages=plan)
        result = verify_pdf(workspace, forged)
        assert not result.ok and any("cover or contents" in problem for problem in result.problems)


def test_minutes_made_to_run_javascript_do_not_verify(workspace_path, tmp_path, capsys):
    from evaluator_app.cli import main

    from .test_minutes_audit_head import _minutes

    out = tmp_path / "minutes.pdf"
    _minutes(workspace_path, out)
    assert main(["--db", str(workspace_path), "verify", str(out)]) == 0
    acting = rewritten(out, tmp_path / "acting.pdf", javascript=True)
    capsys.readouterr()
    assert main(["--db", str(workspace_path), "verify", str(acting)]) == 1
    assert "/OpenAction" in capsys.readouterr().out


@pytest.mark.parametrize("password", ["", "secret"])
def test_an_encrypted_copy_is_refused_by_name(workspace, issued, tmp_path, password):
    # Even with an empty password (it opens without asking), it is not the file as issued.
    _, path = issued
    writer = PdfWriter(clone_from=path)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    encrypted = tmp_path / "encrypted.pdf"
    saved(writer, encrypted)
    result = verify_pdf(workspace, encrypted)
    assert not result.ok and not result.checked
    assert "encrypted.pdf is encrypted" in result.problems[0]


def test_a_font_redrawn_to_show_other_letters_is_not_genuine(workspace, issued, tmp_path):
    # The text still reads 3.4000; a glyph changed in the embedded font program would print something else.
    _, path = issued
    writer = PdfWriter(clone_from=path)
    parts = [part for font in writer.pages[0]["/Resources"]["/Font"].values()
             for part in [font.get_object(), *(d.get_object() for d in font.get_object().get("/DescendantFonts", []))]]
    program = next(part["/FontDescriptor"]["/FontFile2"].get_object() for part in parts
                   if "/FontDescriptor" in part and "/FontFile2" in part["/FontDescriptor"])
    changed = bytearray(program.get_data())
    changed[len(changed) // 2] ^= 0xFF
    program.set_data(bytes(changed))
    assert _refused_for_its_fonts(workspace, saved(writer, tmp_path / "font.pdf"))


def test_a_figure_drawn_in_an_added_font_that_reads_as_another_is_not_genuine(workspace, issued, tmp_path):
    # 8.4000 shown in a standard font added to the page, whose ToUnicode map reads its 8 as 3: the text reads the
    # sealed 3.4000, the paper shows 8.4000.
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    _, path = issued
    edited = edited_content(path, tmp_path / "eight.pdf", b"(3.4000) Tj", b"/F9 9 Tf (8.4000) Tj")
    writer = PdfWriter(clone_from=edited)
    cmap = StreamObject()
    cmap.set_data(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def /CMapType 2 def "
                  b"1 begincodespacerange <00> <FF> endcodespacerange 4 beginbfchar <38> <0033> <2E> <002E> "
                  b"<34> <0034> <30> <0030> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/ToUnicode"): writer._add_object(cmap)})
    writer.pages[0]["/Resources"]["/Font"][NameObject("/F9")] = writer._add_object(font)
    assert _refused_for_its_fonts(workspace, saved(writer, tmp_path / "misread.pdf"))


def _refused_for_its_fonts(workspace, path: Path) -> bool:
    result = verify_pdf(workspace, path)
    return not result.ok and any("fonts embedded" in problem for problem in result.reports[0].problems)


def test_a_box_laid_over_a_figure_as_a_picture_is_not_genuine(workspace, issued, tmp_path):
    # A white box in a form XObject drawn over the page: no text changes, the figure under it is gone from paper.
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    _, path = issued
    writer = PdfWriter(clone_from=path)
    page = writer.pages[0]
    box = DecodedStreamObject()
    box.set_data(b"1 1 1 rg 0 0 60 14 re f")
    box.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(60),
                                                  NumberObject(14)])})
    page["/Resources"][NameObject("/XObject")] = DictionaryObject({NameObject("/Box"): writer._add_object(box)})
    over = DecodedStreamObject()
    over.set_data(b"q 1 0 0 1 250 400 cm /Box Do Q")
    page[NameObject("/Contents")] = ArrayObject([page.raw_get("/Contents"), writer._add_object(over)])
    covered = tmp_path / "covered.pdf"
    saved(writer, covered)
    result = verify_pdf(workspace, covered)
    assert not result.ok and any("pictures its pages use" in problem for problem in result.reports[0].problems)


@pytest.mark.parametrize("where", ["certificate", "padding"])
def test_a_byte_flipped_in_the_signature_itself_breaks_it(workspace, signed, tmp_path, where):
    # The signed range is unchanged; pyHanko checks the signature with the trusted copy of the signer's certificate,
    # so a byte changed in the certificate the signature carries, or in the padding after it, went unseen.
    import re

    from asn1crypto import cms

    data = signed.read_bytes()
    found = re.search(rb"/Contents <([0-9a-fA-F]+)>", data)
    assert found is not None
    raw = bytes.fromhex(found.group(1).decode())
    container = cms.ContentInfo.load(raw, strict=False)
    certificate = container["content"]["certificates"][0].chosen.dump()
    # Well inside the certificate's key, or past the end of the signature container.
    offset = raw.index(certificate) + len(certificate) // 2 if where == "certificate" else len(container.dump()) + 10
    at = found.start(1) + 2 * offset
    flipped = bytearray(data)
    flipped[at] = ord("0") if flipped[at] != ord("0") else ord("1")
    broken = tmp_path / "flipped.pdf"
    broken.write_bytes(bytes(flipped))
    result = verify_pdf(workspace, broken)
    assert not result.ok and not result.signatures[0].ok
    assert any("signature's own bytes were changed" in problem for problem in result.signatures[0].problems)
