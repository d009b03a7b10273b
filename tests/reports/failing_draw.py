"""Drawing functions a batch's worker processes run in tests (reports/drawing_pool.DRAW): sent to a spawned worker
by name, so they live in an importable module. The agency whose report must fail to draw comes with the content."""

from __future__ import annotations

import sys
from typing import Any

FAILING_AGENCY = "กรมที่วาดไม่ได้"


class CannotDraw(LookupError):
    """A drawing that fails with an error the batch lists (a LookupError) and goes on."""


def failing_render(content: dict[str, Any], seal: Any, digits: Any, orientation: Any) -> Any:
    from evaluator_app.reports.papers import _render

    if content.get("agreement", {}).get("agency") == FAILING_AGENCY:
        raise CannotDraw(f"cannot draw {FAILING_AGENCY}")
    return _render(content, seal, digits, orientation)


def probe(content: dict[str, Any], seal: Any, digits: Any, orientation: Any) -> tuple[bool, bool, str]:
    """What a worker process has loaded: Qt? the app's launcher (which reads argv)? its start method."""
    import multiprocessing

    return (any(name.startswith("PySide6") for name in sys.modules), "evaluator_app.launcher" in sys.modules,
            multiprocessing.get_start_method())


def collector_state(content: dict[str, Any], seal: Any, digits: Any, orientation: Any) -> tuple[bool, int, int]:
    """After the worker's start (drawing_pool._warm): is the collector on, how many objects are set aside, and how
    many modules are loaded."""
    import gc

    return gc.isenabled(), gc.get_freeze_count(), len(sys.modules)
