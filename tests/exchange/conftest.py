"""Shared fixtures for the importer tests: the shipped frameworks."""

from __future__ import annotations

import json

import pytest

from evaluator_app.domain.framework import Framework
from evaluator_app.paths import resource


def shipped_frameworks() -> tuple[Framework, ...]:
    return tuple(Framework.from_dict(json.loads(p.read_text(encoding="utf-8")))
                 for p in sorted(resource("frameworks").glob("*.json")))


@pytest.fixture(scope="session")
def frameworks() -> tuple[Framework, ...]:
    return shipped_frameworks()
