"""The agreement corpus: real-shaped agreement files with their expected figures worked by hand.

Other tests (the papers, the window) reuse it:

    from tests.corpus import corpus_files, expected, import_into
    for path in corpus_files():
        ids = import_into(tmp_path / "w.sqlite", path)   # {(agency, fiscal_year): agreement id}
        figures = expected(path)["agreements"]

Every file in `files/` has a JSON beside it (same name, .json): its shape, what it covers, and either the expected
figures and warnings of each agreement and round, or the refusal it must give.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent / "files"
REPO_ROOT = Path(__file__).resolve().parents[2]
_SUFFIXES = (".xlsx", ".csv")


def _all_files() -> list[Path]:
    return sorted(p for p in CORPUS_DIR.iterdir() if p.suffix in _SUFFIXES)


def corpus_files() -> list[Path]:
    """The agreement files that must import (exit 0), in name order."""
    return [p for p in _all_files() if "refusal" not in expected(p)]


def refused_files() -> list[Path]:
    """The files that must be refused (exit 2, nothing written)."""
    return [p for p in _all_files() if "refusal" in expected(p)]


def expected(path: Path) -> dict[str, Any]:
    """The JSON beside a corpus file."""
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def cli_environment() -> dict[str, str]:
    """This tree's code for the child process, whatever the caller's PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m evaluator_app --db DB ARGS...`, as a person runs it."""
    return subprocess.run([sys.executable, "-m", "evaluator_app", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", env=cli_environment(), timeout=300,
                          check=False)


def import_into(db: Path, path: Path) -> dict[tuple[str, int], int]:
    """Import one corpus file through the CLI; the ids of the agreements in the workspace by (agency, year)."""
    done = run_cli(db, "import", str(path))
    if done.returncode != 0:
        raise AssertionError(f"import {path.name} exited {done.returncode}:\n{done.stderr}")
    listed = run_cli(db, "agreements", "--json")
    return {(" ".join(a["agency"].split()), int(a["fiscal_year"])): int(a["id"]) for a in json.loads(listed.stdout)}
