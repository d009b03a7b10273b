"""Shared fixtures: a real workspace file in a temporary folder, and a small scored agreement."""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import settings

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind, Party, PartySide
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store.workspace import Workspace

T = Thresholds.of

# Shared machines are noisy: a per-example deadline turns a slow moment into a false failure. The suite draws the
# same examples on every run (derandomize), so a run is red or green for the code, never for the luck of the draw;
# `HYPOTHESIS_PROFILE=explore` draws new examples (and more of them) to look for what the fixed ones miss.
settings.register_profile("evaluator", deadline=None, print_blob=True, derandomize=True)
settings.register_profile("explore", deadline=None, print_blob=True, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "evaluator"))


def example_agreement(agency: str = "กรมตัวอย่าง", year: int = 2569) -> Agreement:
    """§9's worked example: weights 50/20/10/20, both directions, a milestone."""
    return Agreement(
        agency=agency,
        fiscal_year=year,
        framework_id="five-level-2560-onward",
        parties=(Party(PartySide.RECIPIENT, "นายรับ คำรับรอง", "ปลัดกระทรวง"),
                 Party(PartySide.GIVER, "นางให้ คำรับรอง", "อธิบดี")),
        indicators=(
            Indicator("1", "ร้อยละความสำเร็จของการเบิกจ่าย", D(50), T(80, 85, 90, 95, 100), dimension="ประสิทธิผล",
                      unit="ร้อยละ"),
            Indicator("2", "ระยะเวลาเฉลี่ยในการให้บริการ", D(20), T(20, 18, 16, 14, 12), dimension="ประสิทธิผล",
                      unit="วัน"),
            Indicator("3", "ระดับความสำเร็จของการพัฒนาระบบ", D(10), T(1, 2, 3, 4, 5), kind=IndicatorKind.MILESTONE,
                      dimension="การพัฒนาองค์การ", unit="ระดับ"),
            Indicator("4", "ร้อยละความพึงพอใจของผู้รับบริการ", D(20), T(70, 75, 80, 85, 90),
                      dimension="คุณภาพการให้บริการ", unit="ร้อยละ"),
        ),
    )


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "committee.sqlite"


@pytest.fixture
def workspace(workspace_path: Path):
    ws = Workspace.open(workspace_path)
    yield ws
    ws.close()


def file_digest(path: Path) -> str:
    """The bytes of a workspace file and its WAL, to prove a refusal left them untouched."""
    digest = hashlib.sha256()
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            digest.update(candidate.read_bytes())
    return digest.hexdigest()
