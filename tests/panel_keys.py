"""Real keys for package tests: the secretary's signing and encryption keys and the members' signing keys, made once
(scrypt makes each take a tenth of a second), and the three calls people make with them: the secretary exports
the signed panel package, a member installs it after confirming the fingerprint, the secretary merges a sealed
evaluator package with her decryption key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaluator_app.exchange import identity
from evaluator_app.exchange.packages import ExportSummary, export_panel_package, import_package
from evaluator_app.store.workspace import Workspace

PASSPHRASE = "correct horse battery"
SECRETARY = "sec"


class PanelKeys:
    def __init__(self, folder: Path, members: tuple[str, ...] = ("m1", "m2", "mallory")):
        self.folder = folder
        for member in (SECRETARY, *members):
            if not identity.has_key(member, folder):
                identity.create_key_pair(member, PASSPHRASE, folder)
        self.encryption_public = identity.ensure_encryption_key(SECRETARY, PASSPHRASE, folder)
        self._signing = {m: identity.unlock(m, PASSPHRASE, folder) for m in (SECRETARY, *members)}
        self._decryption = identity.unlock_encryption_key(SECRETARY, PASSPHRASE, folder)

    def __getitem__(self, member: str) -> identity.SigningKey:
        return self._signing[member]

    @property
    def secretary(self) -> identity.SigningKey:
        return self._signing[SECRETARY]

    @property
    def fingerprint(self) -> str:
        return self.secretary.identity.fingerprint

    def public(self, member: str) -> bytes:
        return self._signing[member].identity.public_key

    def decrypt(self, recipient: str) -> Any:
        assert recipient == SECRETARY
        return self._decryption

    def export_panel(self, master: Workspace, out: Path) -> ExportSummary:
        return export_panel_package(master, out, self.secretary, self.encryption_public)

    def install(self, laptop: Workspace, path: Path, actor: str, trust: str | None = "confirmed") -> Any:
        """A member's import of a panel package, having confirmed the secretary's fingerprint aloud."""
        return import_package(laptop, path, actor=actor, trust=self.fingerprint if trust == "confirmed" else trust)

    def merge(self, master: Workspace, path: Path, actor: str = SECRETARY) -> Any:
        return import_package(master, path, actor=actor, decrypt=self.decrypt)
