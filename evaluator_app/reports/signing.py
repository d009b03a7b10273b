"""The chair's digital signature on a report (PAdES, pyHanko): identities from PKCS#12 or PEM files or made by the
app (self-signed, key encrypted with a passphrase), signing, and offline validation against given trust roots."""

# Everything here works without a network: validation never fetches (allow_fetching=False), and trust comes only
# from the roots passed in (the workspace's recorded signers and any the reader names). Without explicit roots
# pyHanko reports "intact but untrusted" and logs a traceback, so roots are always passed.

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..store.workspace import Workspace

__all__ = [
    "SignatureCheck",
    "SigningError",
    "SigningIdentity",
    "StampSpec",
    "certificate_fingerprint",
    "certificate_subject",
    "common_name",
    "load_identity",
    "make_self_signed",
    "remember_signer",
    "sign_pdf",
    "trust_certificate",
    "trusted_roots",
    "usable_for_signing",
    "validate_signatures",
    "workspace_identity",
]

SIGNATURE_FIELD = "ChairSignature"


class SigningError(Exception):
    """A key or certificate that cannot be used, or a wrong passphrase; the message is Thai / English."""


@dataclass(frozen=True)
class SigningIdentity:
    """A certificate and its private key, both PEM; the key as stored (encrypted when a passphrase is given)."""

    certificate: bytes
    private_key: bytes
    passphrase: bytes | None = None

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @property
    def subject(self) -> str:
        return certificate_subject(self.certificate)

    @property
    def display_name(self) -> str:
        """The holder's full name: the certificate's name attribute when it has one, else its common name."""
        return certificate_holder(self.certificate)


@dataclass(frozen=True)
class StampSpec:
    """Where a visible signature goes (page index, box in points) and the lines its stamp shows (text, bold)."""

    page: int
    box: tuple[float, float, float, float]
    lines: list[tuple[str, bool]]


def _x509(certificate_pem: bytes):  # type: ignore[no-untyped-def]
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificate(certificate_pem)
    except ValueError:
        return x509.load_der_x509_certificate(certificate_pem)


def certificate_fingerprint(certificate_pem: bytes) -> str:
    """SHA-256 of the DER certificate, hex: how the workspace names a signer."""
    from cryptography.hazmat.primitives.serialization import Encoding

    return hashlib.sha256(_x509(certificate_pem).public_bytes(Encoding.DER)).hexdigest()


def certificate_subject(certificate_pem: bytes) -> str:
    return str(_x509(certificate_pem).subject.rfc4514_string())


# X.520 "name" (2.5.4.41): no 64-byte upper bound like the common name, so the full Thai name fits.
NAME_OID = "2.5.4.41"
CN_LIMIT = 64  # bytes of UTF-8: the X.509 upper bound on a common name (ub-common-name), as cryptography checks it


def certificate_holder(certificate_pem: bytes) -> str:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    subject = _x509(certificate_pem).subject
    for oid in (x509.ObjectIdentifier(NAME_OID), NameOID.COMMON_NAME):
        found = subject.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return ""


def _fits(text: str, limit: int) -> str:
    """The longest start of `text` within `limit` bytes of UTF-8 that ends on a whole character cluster: a Thai
    vowel or tone mark is never cut from its consonant, and no leading vowel is left hanging at the end."""
    import unicodedata

    if len(text.encode("utf-8")) <= limit:
        return text
    end = 0
    size = 0
    for index, char in enumerate(text):
        size += len(char.encode("utf-8"))
        if size > limit:
            break
        end = index + 1
    # Step back while the next character is a mark of the last kept one (cutting there would drop the mark).
    while 0 < end < len(text) and unicodedata.category(text[end]).startswith("M"):
        end -= 1
    # A leading vowel (เ แ โ ใ ไ) belongs to the consonant after it.
    while end > 0 and text[end - 1] in "\u0e40\u0e41\u0e42\u0e43\u0e44":
        end -= 1
    return text[:end].rstrip()


def common_name(full_name: str, member_id: str | None = None) -> str:
    """A certificate common name within X.509's 64 bytes whatever the name: as much of the name as fits, cut
    between characters, followed by the member id that makes it unique ("ศาสตราจารย์ ดร.สม (chair)")."""
    suffix = f" ({member_id})" if member_id else ""
    suffix = _fits(suffix, CN_LIMIT - 4)  # an id longer than the whole budget is cut too
    name = _fits(full_name.strip() or "ประธานกรรมการ", CN_LIMIT - len(suffix.encode("utf-8")))
    return f"{name}{suffix}" if name else suffix.strip(" ()") or "evaluator-app"


def make_self_signed(full_name: str, passphrase: bytes, *, member_id: str | None = None,
                     organisation: str = "evaluator-app", days: int = 3650) -> SigningIdentity:
    """A new RSA-2048 key and a self-signed certificate for it, the key encrypted with `passphrase`.

    The subject's common name is `full_name` cut to X.509's 64 bytes plus the member id; the full name is kept
    whole in the X.520 name attribute. RSA rather than Ed25519: PDF readers (Acrobat among them) validate RSA
    PAdES signatures everywhere.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    if not passphrase:
        raise SigningError("ต้องตั้งรหัสผ่านเพื่อเข้ารหัสกุญแจลงนาม / a passphrase is needed to encrypt the signing key")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name(full_name, member_id)),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fits(organisation, CN_LIMIT) or "evaluator-app")]
    if full_name.strip():
        attributes.append(x509.NameAttribute(x509.ObjectIdentifier(NAME_OID), full_name.strip()))
    name = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(passphrase))
    return SigningIdentity(certificate.public_bytes(serialization.Encoding.PEM), key_pem, passphrase)


# Certificates and keys are a few kilobytes; a chain of them a few dozen. Anything larger is not one.
KEY_FILE_LIMIT = 1 << 20


def read_key_file(path: Path) -> bytes:
    """A certificate or key file's bytes: only a regular file (a device such as /dev/zero or a pipe would be read
    forever), and no more than KEY_FILE_LIMIT bytes. OSError otherwise."""
    import errno
    import stat

    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with path.open("rb") as handle:
        data = handle.read(KEY_FILE_LIMIT + 1)
    if len(data) > KEY_FILE_LIMIT:
        raise OSError(errno.EFBIG, f"larger than {KEY_FILE_LIMIT} bytes: not a certificate or key", str(path))
    return data


def load_identity(certificate: Path, key: Path | None = None, passphrase: bytes | None = None) -> SigningIdentity:
    """A PKCS#12 file (.p12/.pfx, key and certificate together) or a PEM certificate with its PEM key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = read_key_file(certificate)
    except OSError as exc:
        raise SigningError(f"อ่านไฟล์ใบรับรอง {certificate} ไม่ได้ / cannot read {certificate}: {exc}") from exc
    if key is None:
        if data.lstrip().startswith(b"-----BEGIN"):
            raise SigningError(f"{certificate.name} เป็นไฟล์ PEM ไม่ใช่ PKCS#12: ระบุกุญแจด้วย --key / {certificate.name} is "
                               "a PEM file, not PKCS#12: give its private key with --key")
        try:
            private, cert, _ = pkcs12.load_key_and_certificates(data, passphrase)
        except ValueError as exc:
            raise SigningError(f"เปิดไฟล์ PKCS#12 {certificate.name} ไม่ได้ (รหัสผ่านผิดหรือไม่ใช่ไฟล์ PKCS#12) / "
                               f"cannot open {certificate.name} as PKCS#12 (wrong passphrase?): {exc}") from exc
        if private is None or cert is None:
            raise SigningError(f"{certificate.name} ไม่มีกุญแจหรือใบรับรอง / has no key or certificate")
        usable_for_signing(cert, private, certificate.name)
        encryption: serialization.KeySerializationEncryption = (
            serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption())
        return SigningIdentity(cert.public_bytes(serialization.Encoding.PEM),
                               private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     encryption), passphrase or None)
    if certificate.suffix.lower() in (".p12", ".pfx"):
        raise SigningError(f"{certificate.name} เป็นไฟล์ PKCS#12 ซึ่งมีกุญแจอยู่แล้ว ไม่ต้องใช้ --key / {certificate.name} is a "
                           "PKCS#12 file, which holds its key: give it without --key")
    try:
        key_data = read_key_file(key)
        cert = _x509(data)
        private_key = serialization.load_pem_private_key(key_data, passphrase)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningError(f"ใช้ใบรับรอง {certificate.name} กับกุญแจ {key.name} ไม่ได้ (รหัสผ่านผิดหรือไฟล์ไม่ถูกต้อง) / "
                           f"cannot use {certificate.name} with {key.name}: {exc}") from exc
    usable_for_signing(cert, private_key, f"{certificate.name} / {key.name}")
    return SigningIdentity(data, key_data, passphrase)


def _certificate_problems(cert, at: dt.datetime) -> list[str]:  # type: ignore[no-untyped-def]
    """Why a certificate may not sign a report at `at`: outside its validity, or its key usage excludes
    signatures. An empty list: it may."""
    from cryptography import x509

    problems = []
    if at < cert.not_valid_before_utc:
        problems.append(f"ใบรับรองยังไม่เริ่มใช้ได้จนถึง {cert.not_valid_before_utc:%Y-%m-%d} / the certificate is not valid "
                        f"before {cert.not_valid_before_utc:%Y-%m-%d}")
    if at > cert.not_valid_after_utc:
        problems.append(f"ใบรับรองหมดอายุเมื่อ {cert.not_valid_after_utc:%Y-%m-%d} / the certificate expired on "
                        f"{cert.not_valid_after_utc:%Y-%m-%d}")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        problems.append("ใบรับรองไม่อนุญาตให้ใช้ลงลายมือชื่อ (key usage) / the certificate's key usage does not allow "
                        "signing")
    return problems


def usable_for_signing(cert, private_key, name: str) -> None:  # type: ignore[no-untyped-def]
    """Refuse, before anything is issued or written, a key and certificate that would sign a report no reader
    accepts: a key that is not the certificate's, an expired or not yet valid certificate, one not for signing."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    def public(key) -> bytes:  # type: ignore[no-untyped-def]
        return bytes(key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo))

    problems = _certificate_problems(cert, dt.datetime.now(dt.UTC))
    if private_key is not None and public(private_key.public_key()) != public(cert.public_key()):
        problems.insert(0, "กุญแจไม่ใช่กุญแจของใบรับรองนี้ / the private key is not the certificate's key")
    if problems:
        raise SigningError(f"ใช้ {name} ลงนามไม่ได้ / cannot sign with {name}: " + "; ".join(problems))


def trust_certificate(path: Path) -> bytes:
    """A certificate file given to `verify --trust`, checked: it must hold at least one certificate (PEM or DER)
    and no private key (a key handed around is a key given away, and trusts nothing)."""
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        data = read_key_file(path)
    except OSError as exc:
        raise SigningError(f"อ่านไฟล์ใบรับรอง {path} ไม่ได้ / cannot read the certificate file {path}: "
                           f"{exc.strerror or exc}") from exc
    if b"PRIVATE KEY-----" in data:
        raise SigningError(f"{path.name} เป็นกุญแจส่วนตัว ไม่ใช่ใบรับรอง (อย่าส่งต่อกุญแจส่วนตัว) / {path.name} is a "
                           "private key, not a certificate (never hand a private key around)")
    from cryptography import x509

    try:
        # pyHanko parses lazily: cryptography reads each certificate whole now, not in the middle of validation.
        certificates = [x509.load_der_x509_certificate(c.dump()) for c in load_certs_from_pemder_data(data)]
    except Exception as exc:  # whatever the parser trips on, the file is not a certificate
        certificates = []
        reason = f": {exc}"
    else:
        reason = ""
    if not data.strip() or not certificates:
        raise SigningError(f"{path.name} ไม่ใช่ไฟล์ใบรับรอง (PEM หรือ DER) / {path.name} is not a certificate file "
                           f"(PEM or DER){reason}")
    return data


def _signer(identity: SigningIdentity):  # type: ignore[no-untyped-def]
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        key = load_private_key_from_pemder_data(identity.private_key, passphrase=identity.passphrase)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"ถอดรหัสกุญแจลงนามไม่ได้ (รหัสผ่านผิด?) / cannot decrypt the signing key (wrong "
                           f"passphrase?): {exc}") from exc
    certs = list(load_certs_from_pemder_data(identity.certificate))
    if not certs:
        raise SigningError("ไม่พบใบรับรองในไฟล์ / no certificate found")
    return signers.SimpleSigner(signing_cert=certs[0], signing_key=key,
                                cert_registry=SimpleCertificateStore.from_certs(certs))


def sign_pdf(data: bytes, identity: SigningIdentity, *, name: str = "", reason: str = "",
             location: str = "", stamp: StampSpec | None = None) -> bytes:
    """The PDF with a PAdES signature appended as an incremental update (the pages are not changed): visible as
    `stamp` (a Thai stamp drawn by reportlab as the field's appearance) when given, else invisible."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer(identity)
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    existing = {f for f, _, _ in fields.enumerate_sig_fields(writer)}
    field_name = SIGNATURE_FIELD if SIGNATURE_FIELD not in existing else f"{SIGNATURE_FIELD}{len(existing) + 1}"
    meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", name=name or None, reason=reason or None,
                                        location=location or None)
    out = io.BytesIO()
    if stamp is None:
        signers.sign_pdf(writer, meta, signer=signer, output=out)
        return out.getvalue()
    import tempfile

    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.stamp import StaticStampStyle

    from .signatures import stamp_pdf

    x1, y1, x2, y2 = stamp.box
    appearance = stamp_pdf(x2 - x1, y2 - y1, stamp.lines)
    # pyHanko imports a stamp page only from a file name.
    with tempfile.TemporaryDirectory(prefix="evaluator-stamp-") as folder:
        page_file = Path(folder) / "stamp.pdf"
        page_file.write_bytes(appearance)
        style = StaticStampStyle(background=ImportedPdfPage(str(page_file)), border_width=0,
                                 background_opacity=1.0)
        spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=stamp.page,
                                   box=(int(x1), int(y1), round(x2), round(y2)))
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec)
        pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    """One embedded signature as validated offline."""

    field: str
    signer: str
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature is correct
    trusted: bool  # the signer's certificate chains to a given root
    covers_document: bool  # nothing but allowed changes after it
    summary: str
    problems: tuple[str, ...] = ()  # why it does not hold beyond pyHanko's verdict (Thai / English)

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.covers_document and not self.problems


def validate_signatures(data: bytes, trust_roots: list[bytes]) -> list[SignatureCheck]:
    """Validate every signature of the PDF offline against `trust_roots` (PEM certificates)."""
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for pem in trust_roots for cert in load_certs_from_pemder_data(pem)]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        return [SignatureCheck("?", "?", False, False, False, False, f"อ่านลายมือชื่อไม่ได้ / unreadable: {exc}")]
    checks = []
    last = max((_signed_end(embedded) for embedded in signatures), default=0)
    for embedded in signatures:
        try:
            with _quiet_pyhanko():
                status = validate_pdf_signature(embedded, context)
        except Exception as exc:  # a damaged signature dictionary, a truncated file: not valid, say why
            checks.append(SignatureCheck(embedded.field_name, "?", False, False, False, False,
                                         f"ตรวจลายมือชื่อไม่ได้ / cannot validate: {type(exc).__name__}: {exc}"))
            continue
        subject = status.signing_cert.subject.human_friendly if status.signing_cert is not None else "?"
        covers = bool(status.docmdp_ok) if status.docmdp_ok is not None else False
        problems = []
        # pyHanko allows metadata (Info, XMP) to change after a signature; the seal verify reads lives there, so
        # the last signature must cover the whole file: anything appended after it is a change nobody signed.
        if _signed_end(embedded) == last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            problems.append("มีการแก้ไขต่อท้ายไฟล์หลังลงนาม / the file was changed after it was signed (an update "
                            "appended after the signature)")
        if status.signing_cert is not None:
            problems += _signer_problems(status.signing_cert.dump(), status.signer_reported_dt)
        problems += _damaged_container(embedded, None if status.signing_cert is None else status.signing_cert.dump())
        checks.append(SignatureCheck(embedded.field_name, subject, bool(status.intact), bool(status.valid),
                                     bool(status.trusted), covers, status.summary(), tuple(problems)))
    return checks


def _signed_end(embedded) -> int:  # type: ignore[no-untyped-def]
    """Where the bytes a signature covers end: the later of two signatures ends further into the file."""
    try:
        byte_range = embedded.sig_object["/ByteRange"]
        return int(byte_range[2]) + int(byte_range[3])
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        return 0


def _damaged_container(embedded, signer: bytes | None) -> list[str]:  # type: ignore[no-untyped-def]
    """Bytes of the signature itself changed where validation does not look: a certificate it carries (pyHanko
    takes the trusted copy of the signer's) or the zero padding after it. Not as signed: not valid."""
    from asn1crypto import cms  # type: ignore[import-untyped]
    from cryptography import x509

    try:
        contents = bytes(embedded.sig_object["/Contents"])
        container = cms.ContentInfo.load(contents, strict=False)
        used = len(container.dump())
        carried = [x509.load_der_x509_certificate(c.chosen.dump()) for c in container["content"]["certificates"] or []]
        validated = x509.load_der_x509_certificate(signer) if signer is not None else None
    except Exception as exc:  # any part that does not parse whole is damaged
        return [f"ลายมือชื่อดิจิทัลถูกแก้ไข (ข้อมูลในลายมือชื่ออ่านไม่ได้) / the signature's own bytes were changed: {exc}"]
    if validated is not None and any(
            c.serial_number == validated.serial_number and c.issuer == validated.issuer and c != validated
            for c in carried):
        return ["ลายมือชื่อดิจิทัลถูกแก้ไข (ใบรับรองในลายมือชื่อไม่ตรงกับที่ตรวจ) / the signature's own bytes were changed "
                "(the certificate it carries is not the signer's)"]
    if contents[used:].strip(b"\0"):
        return ["ลายมือชื่อดิจิทัลถูกแก้ไข (มีข้อมูลต่อท้าย) / the signature's own bytes were changed (data after it)"]
    return []


def _signer_problems(certificate_der: bytes, signed_at: dt.datetime | None) -> list[str]:
    """A signer's certificate that was outside its validity when it signed (the time the signature claims, else
    now), or whose key usage excludes signing: a self-signed certificate trusted directly is not checked for
    either by the path validation."""
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(certificate_der)
    except ValueError as exc:
        return [f"อ่านใบรับรองของผู้ลงนามไม่ได้ / cannot read the signer's certificate: {exc}"]
    at = signed_at if signed_at is not None and signed_at.tzinfo is not None else dt.datetime.now(dt.UTC)
    return _certificate_problems(cert, at)


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """An untrusted signer is an answer here, not an error: keep pyHanko's traceback for it out of the output."""
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def remember_signer(workspace: Workspace, identity: SigningIdentity, *, actor: str, keep_key: bool = False) -> None:
    """Record the certificate a report was signed with, so `verify` on this workspace trusts it; the key only when
    asked (the app's own identity), and only encrypted."""
    from ..store.snapshots import SignerRecord, save_signer

    key = identity.private_key.decode("ascii") if keep_key else None
    save_signer(workspace, SignerRecord(identity.fingerprint, identity.subject,
                                        identity.certificate.decode("ascii"), key), actor=actor)


def trusted_roots(workspace: Workspace) -> list[bytes]:
    from ..store.snapshots import signer_records

    return [record.certificate.encode("ascii") for record in signer_records(workspace.conn)]


def workspace_identity(workspace: Workspace, passphrase: bytes, *, common_name: str | None = None,
                       actor: str) -> SigningIdentity:
    """The app's own signing identity kept in the workspace (key encrypted with `passphrase`); made on first use,
    self-signed, for the chair named `common_name` (default: the panel's chair)."""
    from ..store.snapshots import signer_records

    stored = signer_records(workspace.conn, with_keys_only=True)
    if stored:
        record = stored[-1]
        identity = SigningIdentity(record.certificate.encode("ascii"), (record.private_key or "").encode("ascii"),
                                   passphrase)
        _signer(identity)  # refuses a wrong passphrase now, before anything is drawn or issued
        return identity
    if common_name is None:
        from ..store.committee import committee_settings
        from .panel_view import load_panel_or_none

        panel = load_panel_or_none(workspace)
        chair = panel.chair if panel is not None else None
        named = committee_settings(workspace).signatories
        # The panel's chair, or without a panel the first person the committee settings name.
        common_name = chair.name if chair is not None else (named[0].name if named else "ประธานกรรมการ")
        member_id = chair.id if chair is not None else None
    else:
        member_id = None
    identity = make_self_signed(common_name, passphrase, member_id=member_id)
    remember_signer(workspace, identity, actor=actor, keep_key=True)
    return identity
