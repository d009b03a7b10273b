"""The bundled demo workspace: a few agencies built from resources/demo, handed out as a fresh copy each time."""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from .. import __version__
from ..domain.numbers import parse_decimal
from ..domain.panel import ConflictOfInterest, ConflictType, PanelMember, Role
from ..domain.rating import Rating
from ..paths import resource
from ..store.agreements import find_agreement_id
from ..store.lock import lock_path
from ..store.panel import create_panel, declare_conflict, save_member
from ..store.ratings import record_ratings
from ..store.schema import SCHEMA_VERSION
from ..store.workspace import Workspace
from .demo_folders import DEMO_FOLDER_PREFIX, remove_stale_demo_copies
from .importing import import_agreement_files

DEMO_ACTOR = "demo"
DEMO_EVALUATOR = "member1"
DEMO_PANEL_NAME = "คณะผู้ประเมินอิสระ (ตัวอย่าง)"
# (id, name, role, position): the panel whose members rated the demo, in signing order.
DEMO_MEMBERS = (
    ("member1", "ศาสตราจารย์ ดร.สมชาย ใจดี", Role.CHAIR, "ผู้ทรงคุณวุฒิด้านการบริหารภาครัฐ"),
    ("member2", "นางสาวมาลี ศรีสุข", Role.MEMBER, "ผู้ทรงคุณวุฒิด้านการประเมินผล"),
    ("secretary", "นายประเสริฐ มั่นคง", Role.SECRETARY, "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน"),
)


def demo_files() -> tuple[Path, Path]:
    return resource("demo", "demo-agreements.csv"), resource("demo", "demo-ratings.csv")


def build_demo_workspace(path: Path) -> None:
    """Import the demo agreements (with their self-assessments), set up a panel of three (one with a declared
    conflict of interest), and record two members' ratings into a new file."""
    agreements_file, ratings_file = demo_files()
    with Workspace.open(path) as workspace:
        import_agreement_files(workspace, [agreements_file], actor=DEMO_ACTOR)
        by_agreement: dict[int, list[tuple[Rating, None, None]]] = defaultdict(list)
        with ratings_file.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                agreement_id = find_agreement_id(workspace, row["ส่วนราชการ"], int(row["ปีงบประมาณ"]))
                if agreement_id is None:
                    raise ValueError(f"{ratings_file}: no demo agreement for {row['ส่วนราชการ']}")
                result: Decimal = parse_decimal(row["ผลการดำเนินงาน"])
                rating = Rating(row["ตัวชี้วัดที่"], int(row["รอบ"]), row["ผู้ประเมิน"], result=result)
                by_agreement[agreement_id].append((rating, None, None))
        with workspace.transaction():
            create_panel(workspace, DEMO_PANEL_NAME, actor=DEMO_ACTOR)
            for order, (member_id, name, role, position) in enumerate(DEMO_MEMBERS, start=1):
                save_member(workspace, PanelMember(member_id, name, role, position, order), actor=DEMO_ACTOR)
            declare_conflict(workspace, ConflictOfInterest(
                "member2", "สำนักงานสถิติแห่งชาติ", ConflictType.FORMER_EMPLOYEE,
                "เคยปฏิบัติงานที่สำนักงานสถิติแห่งชาติ ระหว่างปี 2560-2565"), actor=DEMO_ACTOR)
            for agreement_id, items in by_agreement.items():
                record_ratings(workspace, agreement_id, items, actor=DEMO_ACTOR)
            workspace.set_setting("current_evaluator", DEMO_EVALUATOR)


def _template_path() -> Path:
    """A built demo kept in the temp folder, rebuilt whenever the demo data, schema or app version change."""
    digest = hashlib.sha256(f"{__version__}/{SCHEMA_VERSION}".encode())
    for path in demo_files():
        digest.update(path.read_bytes())
    for path in sorted(resource("frameworks").glob("*.json")):
        digest.update(path.read_bytes())
    return Path(tempfile.gettempdir()) / f"evaluator-app-demo-{digest.hexdigest()[:16]}.sqlite"


def demo_workspace_copy(folder: Path | None = None) -> Path:
    """A fresh copy of the demo workspace, so trying things out never changes the demo itself."""
    template = _template_path()
    if not template.exists():
        partial = template.with_name(template.name + f".{tempfile.gettempprefix()}-partial")
        partial.unlink(missing_ok=True)
        build_demo_workspace(partial)
        partial.replace(template)  # atomic: a concurrent start never sees a half-built demo
        lock_path(partial).unlink(missing_ok=True)  # the build's lock file: nothing holds it any more
    if folder is None:
        remove_stale_demo_copies()
    target_dir = folder or Path(tempfile.mkdtemp(prefix=f"{DEMO_FOLDER_PREFIX}{os.getpid()}-"))
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / "demo-workspace.sqlite"
    source = sqlite3.connect(template.as_uri() + "?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)  # the backup API, never a plain copy of a database file
    finally:
        source.close()
        destination.close()
    return target

