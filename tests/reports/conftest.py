"""Shared fixtures for report tests: the demo PDF, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator_app.reports.demo import build_demo


@pytest.fixture(scope="session")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.pdf"
    build_demo(path)
    return path
