"""Seven members' signed evaluator packages for three rounds, and merging them into a fresh master."""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from evaluator_app.exchange.identity import (
    ensure_encryption_key,
    open_sealed,
    unlock,
    unlock_encryption_key,
    verify_signature,
)
from evaluator_app.exchange.package_format import read_package
from evaluator_app.exchange.packages import export_evaluator_package, import_packages
from evaluator_app.store.panel_install import ENCRYPTION_SETTING
from evaluator_app.store.workspace import Workspace

from .national import MEMBERS, PASSPHRASE, build_base_workspace, build_national_workspace, copy_workspace, key_folder

SECRETARY = MEMBERS[-1]  # national.py makes the last member the secretary


def build_member_packages(cache: Path) -> tuple[Path, list[Path]]:
    """(the master without members' ratings, one package per member); built once and kept in `cache`."""
    master = build_base_workspace(cache)
    full = build_national_workspace(cache)
    folder = cache / "packages"
    folder.mkdir(exist_ok=True)
    packages = [folder / f"{member}.evpack" for member in MEMBERS]
    if not all(p.exists() for p in packages):
        # A copy stands for the members' laptops: it learns the secretary's encryption key as a panel package
        # would bring it, and records the revisions each package sends.
        laptop = copy_workspace(full, Path(tempfile.mkdtemp(prefix="laptops-", dir=cache)) / "laptop.sqlite")
        with Workspace.open(laptop) as workspace:
            sealed_to = ensure_encryption_key(SECRETARY, PASSPHRASE, key_folder(cache))
            workspace.set_setting(ENCRYPTION_SETTING, json.dumps(
                {"member_id": SECRETARY, "public_key": base64.b64encode(sealed_to).decode()}))
            for member, path in zip(MEMBERS, packages, strict=True):
                key = unlock(member, PASSPHRASE, key_folder(cache))
                export_evaluator_package(workspace, member, path, key)
    return master, packages


def fresh_master(master: Path, cache: Path) -> Workspace:
    """The benchmark's setup, outside the timing: a copy of the master, opened (with its automatic backup) as the
    secretary's window or command line has it open before she merges anything."""
    target = Path(tempfile.mkdtemp(prefix="merge-", dir=cache)) / "master.sqlite"
    copy_workspace(master, target)
    workspace = Workspace.open(target)
    # The copy and the backup the open made are some tens of MB still on their way to the disk: flushed here, or
    # the merge's one durable commit waits for them too (ext4 writes a file's pending data with the journal), a
    # wait no secretary's merge has in a workspace opened before.
    if hasattr(os, "sync"):  # not on Windows
        os.sync()
    return workspace


def merge_packages(workspace: Workspace, packages: list[Path], cache: Path) -> None:
    """What is timed: unlock the secretary's decryption key (the baseline unlocks it too) and merge the members'
    packages together, as the command line and the window do when several are given at once."""
    key = unlock_encryption_key(SECRETARY, PASSPHRASE, key_folder(cache))
    for imported in import_packages(workspace, packages, actor="secretary", decrypt=lambda _secretary: key):
        if imported.refusal is not None:
            raise RuntimeError(f"{imported.path}: {imported.refusal}")


def remove_master(workspace: Workspace) -> None:
    workspace.close()
    shutil.rmtree(workspace.path.parent, ignore_errors=True)


def open_and_insert(packages: list[Path], cache: Path) -> int:
    """The baseline of the merge: what opening a package costs anyone (read the zip and check its hashes, verify
    the member's signature, open the sealed payload, parse its JSON), then one executemany of the rating rows into
    an empty in-memory table; the number of rows."""
    key = unlock_encryption_key(SECRETARY, PASSPHRASE, key_folder(cache))
    rows = []
    for path in packages:
        package = read_package(path)
        signer = base64.b64decode(package.manifest["signer_public_key"])
        if not verify_signature(signer, package.signature or b"", package.signed_message()):
            raise RuntimeError(f"{path}: the signature does not verify")
        payload = json.loads(open_sealed(key, package.payload_bytes))
        member = payload["member_id"]
        rows.extend((block["agency"], r["code"], r["round"], member, r["result"], r["edit_version"], r["updated_at"])
                    for block in payload["agreements"] for r in block["ratings"])
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE r (agreement TEXT, code TEXT, round INTEGER, evaluator TEXT, result TEXT, "
                 "edit_version INTEGER, updated_at TEXT)")
    with conn:
        conn.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return len(rows)
