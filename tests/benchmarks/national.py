"""The national workspace: the workbook imported, then 7 members' ratings for 3 rounds (some 160,000 ratings)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import list_agreements, load_agreement
from evaluator_app.store.ratings import record_ratings
from evaluator_app.store.workspace import Workspace

from .workload import NATIONAL, Workload, write_workbook

MEMBERS = tuple(f"m{n}" for n in range(1, 8))
ROUNDS = (6, 9, 12)
PASSPHRASE = "national-benchmark"
_NAMES = ("ศ.ดร.สมชาย ใจดี", "นางสาวมาลี ศรีสุข", "นายประเสริฐ มั่นคง", "ดร.วิไล พรหมมา", "นายสุรชัย ทองดี",
          "นางจันทร์เพ็ญ แก้วมณี", "นายธนากร วงศ์ใหญ่")


def member_result(rng: random.Random, indicator) -> Decimal:
    """A plausible result near the indicator's thresholds."""
    values = indicator.thresholds.values
    if indicator.kind is IndicatorKind.MILESTONE:
        return Decimal(rng.randint(0, len(values)))
    low, high = min(values), max(values)
    span = high - low
    return (low + span * Decimal(rng.randint(-20, 120)) / 100).quantize(Decimal("0.01"))


def build_national_workspace(folder: Path, workload: Workload = NATIONAL) -> Path:
    """Build (once; cached in `folder`) the national workbook and workspace; returns the workspace path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"national-{workload.agencies}x{workload.indicators}-{workload.seed}.sqlite"
    if path.exists():
        return path
    base = build_base_workspace(folder, workload)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    copy_workspace(base, partial)
    rng = random.Random(workload.seed + 1)
    with Workspace.open(partial) as workspace:
        for summary in list_agreements(workspace):
            leaves = load_agreement(workspace, summary.id).agreement.leaves()
            items = [(Rating(i.code, round_, member, result=member_result(rng, i)), None, None)
                     for member in MEMBERS for round_ in ROUNDS for i in leaves]
            record_ratings(workspace, summary.id, items, actor="bench")
    partial.replace(path)
    return path


def build_base_workspace(folder: Path, workload: Workload = NATIONAL) -> Path:
    """The secretary's master before any member's ratings: the workbook imported and the panel of 7 with keys."""
    from evaluator_app.domain.panel import PanelMember, Role
    from evaluator_app.exchange.identity import ensure_key_pair
    from evaluator_app.store.panel import save_member

    path = folder / f"national-base-{workload.agencies}x{workload.indicators}-{workload.seed}.sqlite"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with Workspace.open(partial) as workspace:
        import_agreement_files(workspace, [national_workbook(folder, workload)], actor="secretary")
        for n, (member, name) in enumerate(zip(MEMBERS, _NAMES, strict=True)):
            identity, _ = ensure_key_pair(member, PASSPHRASE, key_folder(folder))
            role = Role.CHAIR if n == 0 else Role.SECRETARY if n == len(MEMBERS) - 1 else Role.MEMBER
            save_member(workspace, PanelMember(member, name, role, "ผู้ทรงคุณวุฒิ", n + 1, identity.public_key),
                        actor="secretary")
    partial.replace(path)
    return path


def key_folder(folder: Path) -> Path:
    return folder / "keys"


def copy_workspace(source: Path, target: Path) -> Path:
    """A copy through SQLite's backup API (never a plain copy of a database file)."""
    import sqlite3

    for stale in target.parent.glob(target.name + "*"):
        if stale.is_file():
            stale.unlink()
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def national_workbook(folder: Path, workload: Workload = NATIONAL) -> Path:
    path = folder / f"national-{workload.agencies}x{workload.indicators}-{workload.seed}.xlsx"
    if not path.exists():
        write_workbook(path, workload)
    return path
