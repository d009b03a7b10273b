"""The package file: one zip that says what it is (manifest.json), carries its data (payload.json) and, for an
evaluator package, the member's Ed25519 signature (signature.sig); read defensively, since it arrives by e-mail."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.problems import Problem, ProblemsError
from ..store.leftovers import temporary_beside

FORMAT = "evaluator-app-package"
FORMAT_VERSION = 2  # 2: signed panel packages, sealed ratings, evidence files
MANIFEST = "manifest.json"
PAYLOAD = "payload.json"
SIGNATURE = "signature.sig"
SIGNING_CONTEXT = b"evaluator-app package signature v1\n"  # a signature made for a package means nothing elsewhere
SIGNATURE_BYTES = 64
# The file name extensions the installers associate with the app (packaging/): the kind is still read from the
# manifest, never trusted from the name.
EXTENSIONS = {"panel": ".evpanel", "evaluator": ".evpack"}

# Limits: a package holds JSON and a member's evidence files (encrypted, so incompressible); anything larger or
# better-compressed than that is refused unread.
MAX_PACKAGE_BYTES = 192 * 1024 * 1024
MAX_ENTRY_BYTES = {MANIFEST: 256 * 1024, PAYLOAD: 128 * 1024 * 1024, SIGNATURE: 1024}
MAX_EVIDENCE_FILES = 400
MAX_EVIDENCE_BYTES = 32 * 1024 * 1024  # one evidence file; a scanned report of some hundred pages
MAX_EVIDENCE_TOTAL = 96 * 1024 * 1024
MAX_ENTRIES = len(MAX_ENTRY_BYTES) + MAX_EVIDENCE_FILES
# Evidence files are named by their place in the package, not by their name or hash (which would leak).
EVIDENCE_ENTRY = re.compile(r"^evidence/[0-9]{4}\.bin$")
MAX_RATIO = 200  # uncompressed / compressed; repetitive JSON reaches 20-50, a zip bomb thousands
RATIO_FREE_BYTES = 64 * 1024  # below this the ratio cannot hurt, and tiny entries compress oddly


class PackageKind(StrEnum):
    PANEL = "panel"  # secretary -> members: panel, members, agreements and criteria
    EVALUATOR = "evaluator"  # member -> secretary: their ratings, signed


class PackageRefused(ProblemsError):
    """A package that is not used: which file, and why. Nothing was written."""


def refuse(path: Path | str, th: str, en: str) -> PackageRefused:
    return PackageRefused([Problem(th=th, en=en, file=str(path))])


@dataclass(frozen=True)
class PackageFile:
    """A package read and checked for shape and integrity (not yet for who signed it)."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    payload_bytes: bytes
    signature: bytes | None
    files: dict[str, bytes] = field(default_factory=dict)  # evidence entries, each listed (hash, size) in the manifest

    @property
    def kind(self) -> PackageKind:
        return PackageKind(self.manifest["kind"])

    @property
    def package_id(self) -> str:
        """The package's identity: the hash of its manifest, which names the payload's hash and when it was made."""
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    @property
    def encryption(self) -> dict[str, Any] | None:
        """How the payload is encrypted (a sealed box to the secretary's key), or None when it is plain JSON."""
        described = self.manifest["payload"].get("encryption")
        return described if isinstance(described, dict) else None

    def payload(self, plain: bytes | None = None) -> dict[str, Any]:
        """The payload as JSON; an encrypted payload is decrypted by the caller and handed in as `plain`."""
        if plain is None and self.encryption is not None:
            raise refuse(self.path, "ข้อมูลในชุดข้อมูลเข้ารหัสไว้ถึงเลขานุการ", "the payload is encrypted to the secretary")
        data = _load_json(self.path, PAYLOAD, self.payload_bytes if plain is None else plain)
        if not isinstance(data, dict):
            raise refuse(self.path, "ข้อมูลในชุดข้อมูลไม่ถูกรูปแบบ", "the payload is not a JSON object")
        return data

    def signed_message(self) -> bytes:
        return signed_message(self.manifest_bytes, self.payload_bytes)


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8, so what is signed can be reproduced."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def signed_message(manifest_bytes: bytes, payload_bytes: bytes) -> bytes:
    """What the member signs: a context line and the hashes of the exact manifest and payload bytes.

    Fixed-length hashes make the concatenation unambiguous; the manifest also names the payload's hash and size.
    """
    return SIGNING_CONTEXT + hashlib.sha256(manifest_bytes).digest() + hashlib.sha256(payload_bytes).digest()


def utc_timestamp() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def write_package(path: Path, kind: PackageKind, header: dict[str, Any], payload: dict[str, Any],
                  sign: Callable[[bytes], bytes] | None = None, *,
                  encrypt: Callable[[bytes], bytes] | None = None, encryption: dict[str, Any] | None = None,
                  files: dict[str, bytes] | None = None, workspace: Path | None = None) -> PackageFile:
    """Write a package atomically: a half-written file never takes the name of a finished one, and with
    `workspace` (the one exporting) a kill midway leaves only a temporary file that workspace's next open removes.

    `encrypt` turns the payload's JSON into the bytes stored (a sealed box), described by `encryption` in the
    manifest; `files` are extra entries (encrypted evidence), each listed with its hash in the signed manifest."""
    payload_bytes = canonical_json(payload) if encrypt is None else encrypt(canonical_json(payload))
    files = dict(files or {})
    described: dict[str, Any] = {"name": PAYLOAD, "sha256": hashlib.sha256(payload_bytes).hexdigest(),
                                 "size": len(payload_bytes)}
    if encryption is not None:
        described["encryption"] = encryption
    manifest = {
        **header,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind.value,
        "app_version": __version__,
        "created_at": header.get("created_at") or utc_timestamp(),
        "payload": described,
    }
    if files:
        manifest["files"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                             for name, data in sorted(files.items())}
    manifest_bytes = canonical_json(manifest)
    signature = None if sign is None else sign(signed_message(manifest_bytes, payload_bytes))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Under the app's temporary name, recorded with the workspace: a kill leaves a file the next open removes.
    with temporary_beside(path, workspace) as temporary:
        # A new file gets the mode the umask gives any file: a package is carried to another person.
        with open(temporary, "xb") as stream:
            with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, manifest_bytes)
                archive.writestr(PAYLOAD, payload_bytes)
                if signature is not None:
                    archive.writestr(SIGNATURE, signature)
                for name, data in sorted(files.items()):
                    archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)  # encrypted: incompressible
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    return PackageFile(path, manifest, manifest_bytes, payload_bytes, signature, files)


def read_package(path: Path) -> PackageFile:
    """Open a package and check everything that needs no workspace: shape, limits, names, hashes, format."""
    path = Path(path)
    try:
        status = path.stat()
        size, mode = status.st_size, status.st_mode
    except OSError as exc:
        raise refuse(path, "ไม่พบไฟล์หรืออ่านไม่ได้", f"the file cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(mode):  # a folder, a pipe (waits forever), a device (/dev/zero never ends)
        raise refuse(path, "ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ ท่อ หรืออุปกรณ์)", "not a regular file (a folder, pipe or device)")
    if size == 0:  # an attachment that did not download, a copy cut short by a full disk
        raise refuse(path, "ไฟล์ว่างเปล่า (0 ไบต์) กรุณาขอไฟล์ใหม่", "the file is empty (0 bytes): ask for it again")
    if size > MAX_PACKAGE_BYTES:
        raise refuse(path, f"ไฟล์ใหญ่เกิน {MAX_PACKAGE_BYTES // 2**20} MB", f"the file is larger than "
                     f"{MAX_PACKAGE_BYTES // 2**20} MB, more than any package holds")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse(path, "ไฟล์ไม่ใช่ชุดข้อมูลของโปรแกรม หรือเสียหาย",
                     f"not a package of this app, or damaged ({exc})") from exc
    try:
        with archive:
            entries = _checked_entries(path, archive)
            contents = {name: _read_entry(path, archive, info) for name, info in entries.items()}
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, zipfile.LargeZipFile, NotImplementedError,
            ValueError) as exc:
        # A bad CRC or a broken deflate stream: bytes changed after the package was made, by accident or not.
        raise refuse(path, "ชุดข้อมูลเสียหายหรือถูกแก้ไข", f"the package is damaged or was altered ({exc})") from exc
    if MANIFEST not in contents or PAYLOAD not in contents:
        raise refuse(path, "ไฟล์ไม่ใช่ชุดข้อมูลของโปรแกรม (ไม่มี manifest.json หรือ payload.json)",
                     "not a package of this app: manifest.json or payload.json is missing")
    manifest_bytes = contents[MANIFEST]
    manifest = _load_json(path, MANIFEST, manifest_bytes)
    _check_manifest(path, manifest, manifest_bytes, contents[PAYLOAD])
    files = {name: data for name, data in contents.items() if EVIDENCE_ENTRY.match(name)}
    _check_files(path, manifest, files)
    signature = contents.get(SIGNATURE)
    if signature is not None and len(signature) != SIGNATURE_BYTES:
        raise refuse(path, "ลายมือชื่ออิเล็กทรอนิกส์ผิดรูปแบบ", "the signature is not an Ed25519 signature")
    return PackageFile(path, manifest, manifest_bytes, contents[PAYLOAD], signature, files)


def _check_files(path: Path, manifest: dict[str, Any], files: dict[str, bytes]) -> None:
    """Every evidence entry is listed in the (signed) manifest with its hash, and every listed one is there."""
    listed = manifest.get("files", {})
    if not isinstance(listed, dict):
        raise refuse(path, "รายการไฟล์หลักฐานใน manifest.json ผิดรูปแบบ", "the manifest's list of files is malformed")
    if set(listed) != set(files):
        extra = sorted(set(files) - set(listed)) or sorted(set(listed) - set(files))
        raise refuse(path, f"ไฟล์หลักฐานในชุดข้อมูลไม่ตรงกับรายการ ({', '.join(extra[:3])})",
                     f"the evidence entries do not match the manifest's list ({', '.join(extra[:3])}): altered")
    for name, data in files.items():
        item = listed[name]
        if (not isinstance(item, dict) or item.get("sha256") != hashlib.sha256(data).hexdigest()
                or item.get("size") != len(data)):
            raise refuse(path, f"ไฟล์หลักฐาน '{name}' ไม่ตรงกับที่บันทึกไว้ (ถูกแก้ไขหรือเสียหาย)",
                         f"the evidence entry '{name}' does not match its hash in the manifest: altered or damaged")


def _checked_entries(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(path, f"ชุดข้อมูลมีไฟล์ย่อยมากผิดปกติ ({len(infos)})",
                     f"the package holds {len(infos)} entries; a package has at most {MAX_ENTRIES}")
    entries: dict[str, zipfile.ZipInfo] = {}
    evidence_total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise refuse(path, f"ชื่อไฟล์ย่อย '{name}' ชี้ออกนอกชุดข้อมูล (อาจเป็นการโจมตี)",
                         f"the entry name '{name}' is absolute or climbs out with '..': refused as unsafe")
        if name not in MAX_ENTRY_BYTES and not EVIDENCE_ENTRY.match(name):
            raise refuse(path, f"ชุดข้อมูลมีไฟล์ย่อย '{name}' ที่ไม่รู้จัก",
                         f"unexpected entry '{name}'; a package holds only {', '.join(MAX_ENTRY_BYTES)} and "
                         f"evidence/NNNN.bin")
        if name in entries:
            raise refuse(path, f"ไฟล์ย่อย '{name}' ซ้ำกัน", f"the entry '{name}' appears twice")
        if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
            raise refuse(path, f"'{name}' ไม่ใช่ไฟล์ธรรมดา", f"the entry '{name}' is not a plain file")
        if info.flag_bits & 0x1:
            raise refuse(path, f"'{name}' ถูกเข้ารหัส", f"the entry '{name}' is encrypted")
        if info.file_size > _entry_limit(name):
            raise refuse(path, f"ไฟล์ย่อย '{name}' ใหญ่เกินกำหนด",
                         f"the entry '{name}' unpacks to {info.file_size} bytes, over the limit of "
                         f"{_entry_limit(name)}")
        if name not in MAX_ENTRY_BYTES:
            evidence_total += info.file_size
            if evidence_total > MAX_EVIDENCE_TOTAL:
                raise refuse(path, f"ไฟล์หลักฐานรวมกันใหญ่เกิน {MAX_EVIDENCE_TOTAL // 2**20} MB",
                             f"the evidence files together exceed {MAX_EVIDENCE_TOTAL // 2**20} MB")
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(path, f"ไฟล์ย่อย '{name}' บีบอัดไว้ผิดปกติ (zip bomb)",
                         f"the entry '{name}' expands {info.file_size // max(info.compress_size, 1)} times: "
                         f"refused as a zip bomb")
        entries[name] = info
    return entries


def _entry_limit(name: str) -> int:
    return MAX_ENTRY_BYTES.get(name, MAX_EVIDENCE_BYTES + 64)  # a sealed box adds 60 bytes


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return True
    return any(part in ("..", "") for part in name.split("/"))


def _read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Read at most the declared size plus one byte, whatever the header claims: zipfile stops at the declared size,
    # and the CRC check at the end catches a stream that lies about it.
    limit = _entry_limit(info.filename)
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise refuse(path, f"ไฟล์ย่อย '{info.filename}' ใหญ่เกินกำหนด", f"the entry '{info.filename}' is too large")
    return data


def _load_json(path: Path, name: str, data: bytes) -> Any:
    def no_constants(token: str) -> Any:
        raise ValueError(f"{token} is not allowed")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(path, f"'{name}' ไม่ใช่ JSON ที่ถูกต้อง", f"'{name}' is not valid JSON ({exc})") from exc


def _check_manifest(path: Path, manifest: Any, manifest_bytes: bytes, payload_bytes: bytes) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse(path, "ไฟล์ไม่ใช่ชุดข้อมูลของโปรแกรมนี้", f"not an {FORMAT} file")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise refuse(path, "รุ่นของรูปแบบชุดข้อมูลไม่ถูกต้อง", "the package's format version is missing or wrong")
    if version > FORMAT_VERSION:
        raise refuse(path, f"ชุดข้อมูลนี้สร้างด้วยโปรแกรมรุ่นใหม่กว่า ({manifest.get('app_version')}) โปรดปรับปรุงโปรแกรม",
                     f"the package was made by a newer version of the app ({manifest.get('app_version')}, format "
                     f"{version}; this one reads up to {FORMAT_VERSION}); update the app")
    if manifest.get("kind") not in {k.value for k in PackageKind}:
        raise refuse(path, "ไม่รู้จักชนิดของชุดข้อมูล", f"unknown package kind {manifest.get('kind')!r}")
    if canonical_json(manifest) != manifest_bytes:
        raise refuse(path, "manifest.json ถูกแก้ไขหลังสร้าง", "manifest.json was altered after the package was made")
    described = manifest.get("payload")
    if (not isinstance(described, dict) or described.get("sha256") != hashlib.sha256(payload_bytes).hexdigest()
            or described.get("size") != len(payload_bytes)
            or ("encryption" in described and not isinstance(described["encryption"], dict))):
        raise refuse(path, "ข้อมูลในชุดข้อมูลไม่ตรงกับที่บันทึกไว้ใน manifest (ถูกแก้ไขหรือเสียหาย)",
                     "payload.json does not match the hash in the manifest: altered or damaged")
    for key in ("panel_id", "created_at"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise refuse(path, f"manifest.json ไม่มี {key}", f"manifest.json has no {key}")
