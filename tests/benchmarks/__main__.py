"""Run the national-scale benchmarks: `python -m tests.benchmarks [--quick] [--only NAME ...] [--out FILE]`.

Each benchmark prints its figure, the baseline measured in this same run, their ratio and the target, and all of
them are written to a JSON file. These are measurements, never pass/fail tests: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from .harness import ROOT, Result
from .suite import BENCHMARKS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--runs", type=int, default=5, help="repeats per median (default 5)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "evaluator-app-bench",
                        help="where the national workbook and workspace are built once and kept")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "benchmarks.json")
    args = parser.parse_args(argv)

    print(f"CPUs: {os.cpu_count()}  python {platform.python_version()}  {platform.platform()}")
    results: list[Result] = []
    for name in args.only or list(BENCHMARKS):
        print(f"... {name}", flush=True)
        try:
            result = BENCHMARKS[name](args.cache, args.runs)
        except Exception as exc:  # a benchmark that cannot run is reported, not hidden
            result = Result(name, None, None, "", "", None, notes=[f"could not run: {exc!r}"])
        results.append(result)
        _print(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"cpus": os.cpu_count(), "python": platform.python_version(),
                                    "results": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2),
                        encoding="utf-8")
    print()
    print(f"{'benchmark':<22}{'figure':>12}{'baseline':>12}{'ratio':>8}  {'target':<34}met")
    for r in results:
        figure = "-" if r.figure is None else f"{r.figure:.3f}{r.unit}"
        baseline = "-" if r.baseline is None else f"{r.baseline:.3f}{r.unit}"
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        met = {True: "yes", False: "NO", None: "?"}[r.met]
        print(f"{r.name:<22}{figure:>12}{baseline:>12}{ratio:>8}  {r.target:<34}{met}")
    print(f"\nwritten to {args.out}")
    return 0


def _print(result: Result) -> None:
    for note in result.notes:
        print(f"    {note}")


if __name__ == "__main__":
    sys.exit(main())
