"""The report's fast paths print the pages reportlab's own paths print (issue 16).

Each fast path of the drawing has the slower way beside it for what it does not take on: one-line cells written
as reportlab's text objects write them (thai_lines._one_line_code declining), figures shaped by HarfBuzz
(shaping's plain-advance faces emptied). Reports of agreements chosen for their awkward pages are drawn both ways
and compared page by page with tests/reports/page_equality.py: poppler's text and every pixel at 50 dpi.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator_app.reports import shaping, thai_lines
from evaluator_app.reports.papers import preview_evaluation
from evaluator_app.store.workspace import Workspace

from .builders import awkward_pages_workspace, rate
from .helpers import require_tool
from .page_equality import differences


def _slow_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thai_lines, "_one_line_code", lambda *args: None)
    monkeypatch.setattr(shaping, "_PLAIN_FONTS", frozenset())
    shaping.word_width.cache_clear()
    shaping._line_width.cache_clear()


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("pages") / "pages.sqlite"
    return path, awkward_pages_workspace(path)


def test_the_fast_paths_print_the_pages_the_slow_paths_print(agreements, monkeypatch: pytest.MonkeyPatch):
    require_tool("pdftoppm")
    path, ids = agreements
    with Workspace.open(path) as workspace:
        fast = {i: preview_evaluation(workspace, i, digits="thai") for i in ids}
        with monkeypatch.context() as patched:
            _slow_paths(patched)
            slow = {i: preview_evaluation(workspace, i, digits="thai") for i in ids}
    shaping.word_width.cache_clear()
    shaping._line_width.cache_clear()
    pages = {i: differences(slow[i], fast[i]) for i in ids}
    assert pages == {i: [] for i in ids}
    assert max(len(slow[i]) for i in ids) > 0


def test_the_harness_sees_a_figure_changed(agreements):
    require_tool("pdftoppm")
    path, ids = agreements
    with Workspace.open(path) as workspace:
        before = preview_evaluation(workspace, ids[-1], digits="thai")
        rate(workspace, ids[-1], {"1": "1260.5"})
        after = preview_evaluation(workspace, ids[-1], digits="thai")
    found = differences(before, after)
    assert found and all("page" in line for line in found)
