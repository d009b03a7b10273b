"""A member's signing identity without a server: an Ed25519 key pair made on first use, the private key encrypted
with a passphrase in the user's data folder and never put in any package or export."""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..domain.panel import PUBLIC_KEY_BYTES, key_fingerprint, member_id_problem
from ..domain.problems import Problem, ProblemsError

KEY_FOLDER_ENV = "EVALUATOR_APP_KEY_DIR"  # tests and portable installs point the key folder elsewhere
PASSPHRASE_ENV = "EVALUATOR_APP_PASSPHRASE"
MIN_PASSPHRASE = 8
KEY_FILE_FORMAT = "evaluator-app-key"
# PKCS#8 BestAvailableEncryption runs PBKDF2 with only 2048 rounds; stretching the passphrase with scrypt first
# makes guessing it from a stolen key file about 0.1 s per guess instead of microseconds.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class IdentityError(ProblemsError):
    """A key that cannot be made, read or unlocked; the message says why in Thai and English."""


def _refuse(th: str, en: str) -> IdentityError:
    return IdentityError([Problem(th=th, en=en)])


def key_folder(folder: Path | None = None) -> Path:
    """Where private keys live: `folder` when given, else $EVALUATOR_APP_KEY_DIR, else the user's data folder."""
    if folder is not None:
        return Path(folder)
    override = os.environ.get(KEY_FOLDER_ENV)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path("evaluator-app", appauthor=False) / "keys"


def private_key_path(member_id: str, folder: Path | None = None) -> Path:
    return key_folder(folder) / f"{member_id}.ed25519.key"


def public_key_path(member_id: str, folder: Path | None = None) -> Path:
    return key_folder(folder) / f"{member_id}.ed25519.pub"


def encryption_key_path(member_id: str, folder: Path | None = None) -> Path:
    """The X25519 key members' ratings are encrypted to (the secretary's), beside the signing key."""
    return key_folder(folder) / f"{member_id}.x25519.key"


@dataclass(frozen=True)
class Identity:
    """A member's public half: what the secretary records and what signatures are checked against."""

    member_id: str
    public_key: bytes  # raw 32 bytes

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)


class SigningKey:
    """An unlocked private key, held in memory only for as long as a package is being signed.

    `endorsements` is the chain of earlier keys vouching for this one (oldest first), made when the key replaced
    another: a member who trusts an earlier key can follow it to this one without a new fingerprint check."""

    def __init__(self, member_id: str, key: Ed25519PrivateKey,
                 endorsements: tuple[dict[str, str], ...] = ()):
        self.member_id = member_id
        self._key = key
        self.endorsements = endorsements

    @property
    def identity(self) -> Identity:
        return Identity(self.member_id, raw_public_key(self._key.public_key()))

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def has_key(member_id: str, folder: Path | None = None) -> bool:
    return private_key_path(member_id, folder).exists()


def create_key_pair(member_id: str, passphrase: str, folder: Path | None = None) -> Identity:
    """Make the member's key pair; an existing key is never replaced (a lost key is a new key, told to the panel)."""
    problem = member_id_problem(member_id)
    if problem is not None:
        raise IdentityError([problem])
    if len(passphrase) < MIN_PASSPHRASE:
        raise _refuse(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSPHRASE} ตัวอักษร",
                      f"the passphrase must be at least {MIN_PASSPHRASE} characters")
    target = private_key_path(member_id, folder)
    if target.exists():
        raise _refuse(f"มีกุญแจของ {member_id} อยู่แล้วที่ {target}", f"a key for {member_id} already exists: {target}")
    key = Ed25519PrivateKey.generate()
    _write_key_file(target, member_id, key, raw_public_key(key.public_key()), passphrase)
    identity = Identity(member_id, raw_public_key(key.public_key()))
    write_public_key(identity, public_key_path(member_id, folder))
    return identity


def _write_key_file(target: Path, member_id: str, key: Ed25519PrivateKey | X25519PrivateKey, public: bytes,
                    passphrase: str, extra: dict[str, object] | None = None) -> None:
    """A private key encrypted with the stretched passphrase, written once (never over another key)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not every file system has POSIX permissions
        os.chmod(target.parent, 0o700)
    salt = os.urandom(16)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(_stretch(passphrase, salt, SCRYPT_N)))
    document = {
        "format": KEY_FILE_FORMAT, "version": 1, "member_id": member_id,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": base64.b64encode(salt).decode("ascii")},
        "public_key": base64.b64encode(public).decode("ascii"),
        "private_key": pem.decode("ascii"),
        **(extra or {}),
    }
    # O_EXCL: two windows making a key at once must not leave one's public key beside the other's private key.
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.flush()
        os.fsync(stream.fileno())


def _stretch(passphrase: str, salt: bytes, n: int) -> bytes:
    derived = Scrypt(salt=salt, length=32, n=n, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))
    return derived.hex().encode("ascii")


def _key_document(member_id: str, folder: Path | None, path: Path | None = None
                  ) -> tuple[Path, dict[str, object]]:
    path = path or private_key_path(member_id, folder)
    if not path.exists():
        raise _refuse(f"ยังไม่มีกุญแจของ {member_id} สร้างด้วยคำสั่ง keygen --evaluator {member_id}",
                      f"no key for {member_id} yet ({path}); make one with: keygen --evaluator {member_id}")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != KEY_FILE_FORMAT:
            raise ValueError("not a key file of this app")
    except (OSError, ValueError, AttributeError) as exc:
        raise _refuse(f"ไฟล์กุญแจ {path} เสียหาย", f"the key file {path} is damaged ({exc})") from exc
    return path, document


def load_identity(member_id: str, folder: Path | None = None) -> Identity:
    """The member's public identity from their key file, without the passphrase (to show the fingerprint)."""
    path, document = _key_document(member_id, folder)
    try:
        return Identity(member_id, base64.b64decode(str(document["public_key"]), validate=True))
    except (KeyError, ValueError, binascii.Error) as exc:
        raise _refuse(f"ไฟล์กุญแจ {path} เสียหาย", f"the key file {path} is damaged ({exc})") from exc


def _unlock_document(path: Path, document: dict[str, object], passphrase: str) -> object:
    try:
        kdf = document["kdf"]
        assert isinstance(kdf, dict) and kdf.get("name") == "scrypt"
        password = _stretch(passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]))
        return serialization.load_pem_private_key(str(document["private_key"]).encode("ascii"), password)
    except (KeyError, AssertionError, ValueError, TypeError, binascii.Error, UnsupportedAlgorithm) as exc:
        raise _refuse(f"รหัสผ่านไม่ถูกต้อง หรือไฟล์กุญแจ {path} เสียหาย",
                      f"wrong passphrase, or the key file {path} is damaged") from exc


def unlock(member_id: str, passphrase: str, folder: Path | None = None) -> SigningKey:
    path, document = _key_document(member_id, folder)
    key = _unlock_document(path, document, passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise _refuse(f"ไฟล์ {path} ไม่ใช่กุญแจ Ed25519", f"{path} is not an Ed25519 key")
    chain = document.get("endorsements") or []
    endorsements = tuple({"previous_public_key": str(e["previous_public_key"]), "signature": str(e["signature"])}
                         for e in chain if isinstance(e, dict)) if isinstance(chain, list) else ()
    return SigningKey(member_id, key, endorsements)


# --- replacing a signing key -------------------------------------------------------------------------------------

ENDORSEMENT_CONTEXT = b"evaluator-app key endorsement v1\n"


def endorsement_message(new_public_key: bytes) -> bytes:
    """What an old key signs to vouch for its successor."""
    return ENDORSEMENT_CONTEXT + new_public_key


def replace_key_pair(member_id: str, passphrase: str, folder: Path | None = None) -> Identity:
    """Make a new signing key that the old one vouches for (the old key signs the new public key), keeping the old
    file as `<id>.ed25519.key.replaced-N`. Members who trust the old key then accept packages signed by the new one.
    The new key is protected by the same passphrase. A lost key cannot vouch: members re-trust by fingerprint."""
    old = unlock(member_id, passphrase, folder)
    current = private_key_path(member_id, folder)
    number = 1
    while current.with_name(f"{current.name}.replaced-{number}").exists():
        number += 1
    key = Ed25519PrivateKey.generate()
    new_public = raw_public_key(key.public_key())
    chain = [*old.endorsements, {
        "previous_public_key": base64.b64encode(old.identity.public_key).decode("ascii"),
        "signature": base64.b64encode(old.sign(endorsement_message(new_public))).decode("ascii")}]
    staged = current.with_name(f"{current.name}.new")
    if staged.exists():
        staged.unlink()  # a replacement interrupted before: its key was never used
    _write_key_file(staged, member_id, key, new_public, passphrase, {"endorsements": chain})
    os.replace(current, current.with_name(f"{current.name}.replaced-{number}"))
    os.replace(staged, current)
    identity = Identity(member_id, new_public)
    write_public_key(identity, public_key_path(member_id, folder))
    return identity


def follow_endorsements(trusted: bytes, signer: bytes, chain: object) -> bool:
    """Whether `chain` (a list of {previous_public_key, signature}, oldest first) leads from the trusted key to
    the signer, each key signing the next. Anything malformed is simply not a path."""
    if not isinstance(chain, list) or len(chain) > 64:
        return False
    keys: list[bytes] = []
    signatures: list[bytes] = []
    try:
        for link in chain:
            if not isinstance(link, dict):
                return False
            keys.append(base64.b64decode(str(link["previous_public_key"]), validate=True))
            signatures.append(base64.b64decode(str(link["signature"]), validate=True))
    except (KeyError, ValueError, binascii.Error):
        return False
    successors = [*keys[1:], signer]
    start = next((i for i, k in enumerate(keys) if k == trusted), None)
    if start is None:
        return False
    return all(verify_signature(keys[i], signatures[i], endorsement_message(successors[i]))
               for i in range(start, len(keys)))


# --- the secretary's encryption key and sealed boxes --------------------------------------------------------------

SEALED_BOX_INFO = b"evaluator-app sealed box v1"
SEALED_BOX = "x25519-hkdf-sha256-aes256gcm"
_NONCE = 12


class SealError(ProblemsError):
    """A sealed box that cannot be opened: not for this key, or altered."""


def has_encryption_key(member_id: str, folder: Path | None = None) -> bool:
    return encryption_key_path(member_id, folder).exists()


def ensure_encryption_key(member_id: str, passphrase: str, folder: Path | None = None) -> bytes:
    """The secretary's X25519 public key, making the key pair (encrypted with the passphrase) on first use."""
    path = encryption_key_path(member_id, folder)
    if path.exists():
        return unlock_encryption_key(member_id, passphrase, folder).public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if len(passphrase) < MIN_PASSPHRASE:
        raise _refuse(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSPHRASE} ตัวอักษร",
                      f"the passphrase must be at least {MIN_PASSPHRASE} characters")
    key = X25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    _write_key_file(path, member_id, key, public, passphrase, {"algorithm": "x25519"})
    return public


def unlock_encryption_key(member_id: str, passphrase: str, folder: Path | None = None) -> X25519PrivateKey:
    path = encryption_key_path(member_id, folder)
    if not path.exists():
        raise _refuse(f"ไม่มีกุญแจถอดรหัสของ {member_id} ในเครื่องนี้ ({path}) คัดลอกโฟลเดอร์กุญแจจากเครื่องที่ส่งออกชุดข้อมูล"
                      "คณะผู้ประเมิน",
                      f"no decryption key of {member_id} on this computer ({path}); members' packages are sealed to "
                      f"the key made when the panel package was exported: copy the key folder from that computer")
    _, document = _key_document(member_id, folder, path)
    key = _unlock_document(path, document, passphrase)
    if not isinstance(key, X25519PrivateKey):
        raise _refuse(f"ไฟล์ {path} ไม่ใช่กุญแจ X25519", f"{path} is not an X25519 key")
    return key


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=SEALED_BOX_INFO).derive(shared)


def seal(recipient_public_key: bytes, plaintext: bytes, associated: bytes = b"") -> bytes:
    """Encrypt to a public key only (an X25519 sealed box): ephemeral key || nonce || AES-256-GCM ciphertext."""
    recipient = X25519PublicKey.from_public_bytes(recipient_public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw,
                                                           serialization.PublicFormat.Raw)
    key = _box_key(ephemeral.exchange(recipient), ephemeral_public, recipient_public_key)
    nonce = os.urandom(_NONCE)
    return ephemeral_public + nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(private_key: X25519PrivateKey, box: bytes, associated: bytes = b"") -> bytes:
    if len(box) < PUBLIC_KEY_BYTES + _NONCE + 16:
        raise SealError([Problem(th="ข้อมูลที่เข้ารหัสสั้นเกินไป", en="the encrypted data is too short")])
    ephemeral_public, nonce, body = box[:32], box[32:32 + _NONCE], box[32 + _NONCE:]
    mine = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        return AESGCM(_box_key(shared, ephemeral_public, mine)).decrypt(nonce, body, associated)
    except (InvalidTag, ValueError) as exc:
        raise SealError([Problem(
            th="ถอดรหัสไม่ได้: ไม่ได้เข้ารหัสถึงกุญแจของเลขานุการนี้ หรือถูกแก้ไข",
            en="cannot decrypt: not encrypted to this secretary's key, or altered")]) from exc


def ensure_key_pair(member_id: str, passphrase: str, folder: Path | None = None) -> tuple[Identity, bool]:
    """The member's identity, making the key pair on first use; True when it was made now."""
    if has_key(member_id, folder):
        return unlock(member_id, passphrase, folder).identity, False
    return create_key_pair(member_id, passphrase, folder), True


def write_public_key(identity: Identity, path: Path) -> Path:
    """The public key as a PEM file to hand to the secretary (it holds nothing secret)."""
    pem = Ed25519PublicKey.from_public_bytes(identity.public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    return path


_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")


def read_public_key(path: Path) -> bytes:
    """A member's public key from the file they handed over: PEM, OpenSSH `ssh-ed25519 ...`, 64 hex digits,
    base64 of the 32 bytes, or the raw 32 bytes."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(f"อ่านไฟล์กุญแจสาธารณะ {path} ไม่ได้", f"cannot read the public key file {path} ({exc})") from exc
    if len(data) > 16_384:
        raise _refuse(f"ไฟล์ {path} ใหญ่เกินกว่าจะเป็นกุญแจสาธารณะ", f"{path} is too large to be a public key")
    raw = _parse_public_key(data)
    if raw is None:
        raise _refuse(f"ไฟล์ {path} ไม่ใช่กุญแจสาธารณะ Ed25519", f"{path} does not hold an Ed25519 public key")
    return raw


def _parse_public_key(data: bytes) -> bytes | None:
    if len(data) == PUBLIC_KEY_BYTES:
        return data
    text = data.decode("ascii", errors="replace").strip()
    loaders = (serialization.load_pem_public_key, serialization.load_ssh_public_key)
    for loader in loaders:
        try:
            key = loader(text.encode("ascii"))
        except (ValueError, TypeError, binascii.Error, UnsupportedAlgorithm):
            continue
        return raw_public_key(key) if isinstance(key, Ed25519PublicKey) else None
    if _HEX_KEY.match(text):
        return bytes.fromhex(text)
    try:
        decoded = base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        return None
    return decoded if len(decoded) == PUBLIC_KEY_BYTES else None


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
