"""Packages between the secretary and the members: `import_package` tells the kind from the manifest and checks
and merges it, all or nothing. The panel package lives in `panel_package`, the evaluator package in
`evaluator_package`; both are named here too, for the window and the command line.

Every field of a package that arrives is read through `package_fields`, and any malformed value is a refusal that
names the file and writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..collector import collection_paused
from ..domain.problems import ProblemsError
from ..store.panel_install import InstallReport, install_panel, is_master
from ..store.panel_merge import MergeReport, imported_package, merge_member_ratings, merge_together
from ..store.workspace import Workspace
from .evaluator_package import DecryptionNeeded, Decryptor, export_evaluator_package, verify_evaluator_package
from .package_content import MALFORMED, UNSTORABLE, ExportSummary, malformed
from .package_format import PackageKind, read_package, refuse
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
    The secretary's decryption key is unlocked once for all of them."""
    unlocked: dict[str, Any] = {}

    def decrypt_once(recipient: str) -> Any:
        if recipient not in unlocked and decrypt is not None:
            unlocked[recipient] = decrypt(recipient)
        return unlocked[recipient]

    def one(path: Path) -> Callable[[], MergeReport | InstallReport]:
        return lambda: import_package(workspace, path, actor=actor, trust=trust,
                                      decrypt=None if decrypt is None else decrypt_once)

    with collection_paused():
        outcomes = merge_together(workspace, [one(path) for path in paths], refused=(ProblemsError,),
                                  asking=(TrustNeeded, DecryptionNeeded))
    return [Imported(path, None, outcome) if isinstance(outcome, ProblemsError) else
            Imported(path, outcome, None)  # type: ignore[arg-type]
            for path, outcome in zip(paths, outcomes, strict=True)]


def import_package(workspace: Workspace, path: Path, *, actor: str, trust: str | None = None,
                   decrypt: Decryptor | None = None) -> MergeReport | InstallReport:
    """Read a package, tell its kind from the manifest, check it, and merge it: all or nothing.

    `trust`: the secretary's fingerprint the person confirmed aloud (needed for the first panel package and for a
    changed key that the old one did not vouch for). `decrypt`: unlocks the secretary's decryption key."""
    package = read_package(path)
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
            incoming = verify_evaluator_package(workspace, package, decrypt)
            return merge_member_ratings(workspace, incoming, actor=actor)
    except UNSTORABLE as exc:
        raise refuse(path, "ชุดข้อมูลมีค่าที่บันทึกลงพื้นที่ทำงานไม่ได้ ไม่ได้บันทึกสิ่งใด",
                     f"the package holds a value the workspace cannot store ({exc}); nothing was written") from exc
    except MALFORMED as exc:
        raise malformed(package, exc) from exc
