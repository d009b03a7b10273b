"""Packages between the secretary and the members: `import_package` tells the kind from the manifest and checks
and merges it, all or nothing. The panel package lives in `panel_package`, the evaluator package in
`evaluator_package`; both are named here too, for the window and the command line.

Every field of a package that arrives is read through `package_fields`, and any malformed value is a refusal that
names the file and writes nothing."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from ..domain.problems import ProblemsError
from ..store.panel_install import InstallReport, install_panel, is_master
from ..store.panel_merge import (
    IncomingAgreement,
    MergeReport,
    imported_package,
    merge_member_ratings,
    merge_together,
)
from ..store.workspace import Workspace
from . import package_fields as f
from .evaluator_package import (
    DecryptionNeeded,
    Decryptor,
    export_evaluator_package,
    open_payload,
    verify_evaluator_package,
)
from .identity import verify_signature
from .package_content import MALFORMED, UNSTORABLE, ExportSummary, malformed
from .package_format import PackageFile, PackageKind, read_package, refuse
from .panel_package import (
    TrustNeeded,
    decide_trust,
    export_panel_package,
    parse_panel_package,
    same_fingerprint,
    verify_panel_package,
)

__all__ = [
    "DecryptionNeeded", "Decryptor", "ExportSummary", "Imported", "TrustNeeded", "decide_trust",
    "export_evaluator_package", "export_panel_package", "import_package", "import_packages", "parse_panel_package",
    "same_fingerprint", "verify_evaluator_package", "verify_panel_package",
]


class _CollectionPause:
    """Python's cyclic garbage collector off while a package is read and merged: some 17,000 ratings make a few
    objects each, and every so many allocations the collector walked all of them again (a sixth of a merge's
    time, issue 16). Nothing a merge makes is a cycle that must go before it ends; reference counting still
    frees as usual. Nested or concurrent pauses (a merge on a worker thread) re-enable it after the last, and
    only if it was on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    gc.enable()


collection_paused = _CollectionPause()


class Imported(NamedTuple):
    """One package of several imported together: its report, or why it was refused (nothing of it written)."""

    path: Path
    report: MergeReport | InstallReport | None
    refusal: ProblemsError | None


def import_packages(workspace: Workspace, paths: Sequence[Path], *, actor: str, trust: str | None = None,
                    decrypt: Decryptor | None = None) -> list[Imported]:
    """Import several packages together, in the order given, in one transaction (`merge_together`): each is
    read, checked and merged exactly as `import_package` does it alone, a refused one is rolled back alone and
    the others are written. A question (`TrustNeeded`, `DecryptionNeeded`) or any other error writes none of them.
    The secretary's decryption key is unlocked once for all of them. While one package is written, the next one
    is read on a worker thread (`_ReadAhead`)."""
    unlocked: dict[str, Any] = {}

    def decrypt_once(recipient: str) -> Any:
        if recipient not in unlocked and decrypt is not None:
            unlocked[recipient] = decrypt(recipient)
        return unlocked[recipient]

    ahead = _ReadAhead(paths, unlocked)

    def one(index: int, path: Path) -> Callable[[], MergeReport | InstallReport]:
        return lambda: _import(workspace, path, actor=actor, trust=trust,
                               decrypt=None if decrypt is None else decrypt_once,
                               read=ahead.take(index), planned=lambda: ahead.start(index + 1))

    try:
        with collection_paused():
            outcomes = merge_together(workspace, [one(n, path) for n, path in enumerate(paths)],
                                      refused=(ProblemsError,), asking=(TrustNeeded, DecryptionNeeded))
    finally:
        ahead.close()
    return [Imported(path, None, outcome) if isinstance(outcome, ProblemsError) else
            Imported(path, outcome, None)  # type: ignore[arg-type]
            for path, outcome in zip(paths, outcomes, strict=True)]


class _Read(NamedTuple):
    """A package read ahead: what `read_package` gave or raised, and its payload opened (or what opening it
    raised) with `key`, when the key was already unlocked."""

    package: PackageFile | None
    failure: Exception | None
    key: Any = None
    opened: tuple[IncomingAgreement, ...] | Exception | None = None

    def opener(self, package: PackageFile, key: Any, member_id: str) -> tuple[IncomingAgreement, ...]:
        """`open_payload`, answered from what was opened ahead when it was opened with this very key."""
        if self.opened is None or key is not self.key or member_id != package.manifest.get("member_id"):
            return open_payload(package, key, member_id)
        if isinstance(self.opened, Exception):
            raise self.opened
        return self.opened


class _ReadAhead:
    """The next package of a batch read on ONE worker thread while the main one checks and writes the current
    package (issue 16): reading (zip, hashes, signature, decryption, JSON, every field of 17,000 ratings) needs no
    workspace, and SQLite lets go of Python's lock inside each step it writes, so on a second core the reading
    runs meanwhile. At most one package is read ahead. Nothing read here decides anything: the main thread makes
    every check in its order as `import_package` does, and takes what was read (or what reading raised) at the
    moment it would have read it itself; a refusal stays in its package's place.

    The payload is opened ahead only with the secretary's key already unlocked (by a package before), and only
    when the package is signed by the key its manifest names (the main thread then checks that this is the key
    recorded for the member, as always): the worker asks no question and parses nothing unsigned."""

    def __init__(self, paths: Sequence[Path], unlocked: dict[str, Any]):
        self._paths = list(paths)
        self._unlocked = unlocked
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-read-ahead")
        self._pending: dict[int, Future[_Read]] = {}

    def start(self, index: int) -> None:
        if index < len(self._paths) and index not in self._pending:
            self._pending[index] = self._pool.submit(self._read, self._paths[index])

    def take(self, index: int) -> _Read | None:
        """What was read ahead for the package at `index` (waiting for it), or None when it was not started."""
        future = self._pending.pop(index, None)
        return None if future is None else future.result()

    def close(self) -> None:
        """Wait for a read under way (at most one package) and drop the rest: nothing runs after the batch."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _read(self, path: Path) -> _Read:
        try:
            package = read_package(path)
        except Exception as exc:  # raised again by the main thread in the package's place
            return _Read(None, exc)
        key = self._ready_key(package)
        if key is None:
            return _Read(package, None)
        try:
            opened: tuple[IncomingAgreement, ...] | Exception = open_payload(package, key,
                                                                             package.manifest["member_id"])
        except Exception as exc:
            opened = exc
        return _Read(package, None, key, opened)

    def _ready_key(self, package: PackageFile) -> Any:
        try:
            manifest = package.manifest
            encryption = package.encryption
            recipient = None if encryption is None else encryption.get("recipient")
            key = self._unlocked.get(recipient) if isinstance(recipient, str) else None
            if (key is None or package.kind is not PackageKind.EVALUATOR or package.signature is None
                    or not isinstance(manifest.get("member_id"), str)):
                return None
            claimed = f.public_key(manifest.get("signer_public_key"), "signer_public_key")
            if claimed is None or not verify_signature(claimed, package.signature, package.signed_message()):
                return None
        except Exception:  # anything odd is left to the main thread's checks, which say what it is
            return None
        return key


def import_package(workspace: Workspace, path: Path, *, actor: str, trust: str | None = None,
                   decrypt: Decryptor | None = None) -> MergeReport | InstallReport:
    """Read a package, tell its kind from the manifest, check it, and merge it: all or nothing.

    `trust`: the secretary's fingerprint the person confirmed aloud (needed for the first panel package and for a
    changed key that the old one did not vouch for). `decrypt`: unlocks the secretary's decryption key."""
    return _import(workspace, path, actor=actor, trust=trust, decrypt=decrypt)


def _import(workspace: Workspace, path: Path, *, actor: str, trust: str | None, decrypt: Decryptor | None,
            read: _Read | None = None, planned: Callable[[], None] | None = None) -> MergeReport | InstallReport:
    """`import_package`, with what was read ahead (`_ReadAhead`) and a call once its merge is planned."""
    if read is None:
        package = read_package(path)
    elif read.package is None:
        assert read.failure is not None
        raise read.failure
    else:
        package = read.package
    try:
        if package.kind is PackageKind.PANEL:
            content, signer = verify_panel_package(package)
            if is_master(workspace, content.panel.id):
                return InstallReport(content.package_id, content.panel.name, master=True,
                                     members=len(content.panel.members))
            decided = decide_trust(workspace, package, content, signer, trust)
            return install_panel(workspace, content, actor=actor, signer=decided)
        if imported_package(workspace.conn, package.package_id) is not None:
            # The very same bytes were merged before (the id is the manifest's hash): nothing to open or change.
            return MergeReport(package.package_id, str(package.manifest.get("member_id")), already_imported=True)
        with collection_paused():
            incoming = verify_evaluator_package(workspace, package, decrypt, None if read is None else read.opener)
            return merge_member_ratings(workspace, incoming, actor=actor, planned=planned)
    except UNSTORABLE as exc:
        raise refuse(path, "ชุดข้อมูลมีค่าที่บันทึกลงพื้นที่ทำงานไม่ได้ ไม่ได้บันทึกสิ่งใด",
                     f"the package holds a value the workspace cannot store ({exc}); nothing was written") from exc
    except MALFORMED as exc:
        raise malformed(package, exc) from exc
