"""Seven members' signed evaluator packages for three rounds, and merging them into a fresh master."""

from __future__ import annotations

import base64
import json
import sqlite3
import tempfile
from pathlib import Path

from evaluator_app.exchange.identity import ensure_encryption_key, unlock, unlock_encryption_key
from evaluator_app.exchange.packages import export_evaluator_package, import_package
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


def merge_into_fresh_master(master: Path, packages: list[Path], cache: Path) -> None:
    target = Path(tempfile.mkdtemp(prefix="merge-", dir=cache)) / "master.sqlite"
    copy_workspace(master, target)
    key = unlock_encryption_key(SECRETARY, PASSPHRASE, key_folder(cache))
    with Workspace.open(target) as workspace:
        for package in packages:
            import_package(workspace, package, actor="secretary", decrypt=lambda _secretary: key)


def rows_of(packages: list[Path]) -> list[tuple]:
    """The rating rows the packages carry, read from the workspace they were exported from."""
    full = packages[0].parent.parent / next(p.name for p in packages[0].parent.parent.glob("national-300*.sqlite"))
    conn = sqlite3.connect(full)
    try:
        return conn.execute(
            "SELECT a.agency, r.code, r.round, r.evaluator, r.result, r.edit_version, r.updated_at FROM ratings r "
            f"JOIN agreements a ON a.id = r.agreement_id WHERE r.evaluator IN ({','.join('?' * len(MEMBERS))})",
            MEMBERS).fetchall()
    finally:
        conn.close()
