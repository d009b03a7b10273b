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
    workbook = national_workbook(folder, workload)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    rng = random.Random(workload.seed + 1)
    with Workspace.open(partial) as workspace:
        import_agreement_files(workspace, [workbook], actor="secretary")
        for summary in list_agreements(workspace):
            leaves = load_agreement(workspace, summary.id).agreement.leaves()
            items = [(Rating(i.code, round_, member, result=member_result(rng, i)), None, None)
                     for member in MEMBERS for round_ in ROUNDS for i in leaves]
            record_ratings(workspace, summary.id, items, actor="bench")
    partial.replace(path)
    return path


def national_workbook(folder: Path, workload: Workload = NATIONAL) -> Path:
    path = folder / f"national-{workload.agencies}x{workload.indicators}-{workload.seed}.xlsx"
    if not path.exists():
        write_workbook(path, workload)
    return path
