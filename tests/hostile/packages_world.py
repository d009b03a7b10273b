"""The world the package attacks run in: the secretary's master, members' laptops, real keys, and forgeries made
the way an attacker with the files (and perhaps a key of their own) would make them."""

from __future__ import annotations

import base64
import zipfile
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from evaluator_app.domain.panel import PanelMember, Role
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import SIGNATURE, PackageKind, read_package, write_package
from evaluator_app.store.agreements import add_agreement, find_agreement_id
from evaluator_app.store.panel import save_member
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement, file_digest
from tests.panel_keys import PanelKeys

# A real agency name: 60-90 Thai characters, as on the committees' papers.
AGENCY = "สำนักงานคณะกรรมการพัฒนาระบบราชการและส่งเสริมธรรมาภิบาลในหน่วยงานภาครัฐส่วนกลาง"
YEAR = 2569
MANIFEST_OWN = ("format", "format_version", "kind", "app_version", "payload", "files")


def agreement() -> Any:
    return example_agreement(agency=AGENCY, year=YEAR)


def make_master(path: Path, keys: PanelKeys) -> Workspace:
    master = Workspace.open(path)
    add_agreement(master, agreement(), actor="sec")
    for member in (PanelMember("chair", "ศาสตราจารย์ ดร.ประธาน ใจกว้างขวางยิ่ง", Role.CHAIR, "ผู้ทรงคุณวุฒิ"),
                   PanelMember("m1", "นางสาวหนึ่ง รักความเป็นธรรม", Role.MEMBER, public_key=keys.public("m1")),
                   PanelMember("m2", "นายสอง ซื่อตรงต่อหน้าที่", Role.MEMBER, public_key=keys.public("m2")),
                   PanelMember("sec", "นางเลขา ละเอียดรอบคอบ", Role.SECRETARY, public_key=keys.public("sec"))):
        save_member(master, member, actor="sec")
    return master


def laptop(tmp_path: Path, name: str) -> Workspace:
    return Workspace.open(tmp_path / f"{name}.sqlite")


def member_laptop(tmp_path: Path, keys: PanelKeys, master: Workspace, member: str) -> Workspace:
    keys.export_panel(master, tmp_path / f"panel-for-{member}.evpanel")
    ws = laptop(tmp_path, member)
    keys.install(ws, tmp_path / f"panel-for-{member}.evpanel", actor=member)
    return ws


def rate(ws: Workspace, member: str, results: dict[str, str], actor: str | None = None) -> None:
    agreement_id = find_agreement_id(ws, AGENCY, YEAR)
    for code, result in results.items():
        record_rating(ws, agreement_id, Rating(code, 12, member, result=D(result)), actor=actor or member)


def settled(ws: Workspace) -> str:
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return file_digest(ws.path)


def header_of(package: Any) -> dict[str, Any]:
    return {k: v for k, v in package.manifest.items() if k not in MANIFEST_OWN}


def forged_panel(source: Path, out: Path, mutate: Callable[[dict[str, Any], dict[str, Any]], None],
                 signer: identity.SigningKey | None = None, *, keep_signature: bool = False) -> Path:
    """A panel package changed by `mutate(payload, header)`: unsigned, re-signed with `signer`, or carrying the
    original signature over the changed content (`keep_signature`)."""
    package = read_package(source)
    payload, header = package.payload(), header_of(package)
    mutate(payload, header)
    written = write_package(out, PackageKind.PANEL, header, payload, sign=None if signer is None else signer.sign)
    if keep_signature and package.signature is not None:
        with zipfile.ZipFile(written.path, "a") as archive:
            archive.writestr(SIGNATURE, package.signature)
    return written.path


def as_secretary(payload: dict[str, Any], header: dict[str, Any], key: identity.SigningKey) -> None:
    """The forger's key put where the secretary's was: in the member list and the manifest."""
    encoded = base64.b64encode(key.identity.public_key).decode()
    for member in payload["members"]:
        if member["id"] == "sec":
            member["public_key"] = encoded
    header["signer_public_key"] = encoded
    header["signer_fingerprint"] = key.identity.fingerprint
    header["endorsements"] = []
