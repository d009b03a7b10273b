"""Every corpus file through the command line into a fresh workspace: each figure to the 4th decimal, exactly the
expected warnings; and every refusal file refused with its row and column named, exit 2, nothing written.

The expected figures are the JSON beside each file, worked by hand (hand_figures.py, README.md), never produced by
the app. A disagreement is listed whole (file, agreement, round, indicator, field, expected and got), so that the
failure says which side to check against the domain document.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.store.workspace import Workspace
from tests.conftest import file_digest

from . import corpus_files, expected, refused_files, run_cli

# Each file runs the command line a few times in its own process: about a minute for the whole corpus.
pytestmark = pytest.mark.slow

WARNING_PREFIX = "คำเตือน / warning: "
# The kind of a warning, told by its English text (the importer's messages; see README.md).
KINDS = (
    ("orphan_code", "has no row"),
    ("weight_sum", "weights sum to"),
    ("children_weight", "sub-indicator weights"),
    ("unknown_dimension", "is not one of framework"),
    ("dimension_weight", "expects dimension"),
    ("milestone_numeric", "criteria are the numbers"),
)
_SHEET = re.compile(r"sheet '([^']*)'")
_ROW = re.compile(r"\brow (\d+)")
_COLUMN = re.compile(r"column '([^']*)'")


def parse_warning(line: str) -> dict[str, Any]:
    """One stderr warning line: its kind, sheet, row and column (its place is written before the first ': ')."""
    text = line[len(WARNING_PREFIX):]
    place, _, message = text.partition(": ")
    kind = next((k for k, words in KINDS if words in message), "other")
    sheet, row, column = _SHEET.search(place), _ROW.search(place), _COLUMN.search(place)
    return {"kind": kind, "sheet": sheet and sheet.group(1), "row": row and int(row.group(1)),
            "column": column and column.group(1), "text": text}


def warnings_of(stderr: str) -> list[dict[str, Any]]:
    return [parse_warning(line) for line in stderr.splitlines() if line.startswith(WARNING_PREFIX)]


def matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    """Kind and sheet exactly; the row exactly where the JSON gives one (any row otherwise, but a row); the column
    holding the JSON's header text (the importer may name the whole criteria span)."""
    if want["kind"] != got["kind"] or want.get("sheet") != got["sheet"] or got["row"] is None:
        return False
    if want.get("row") is not None and want["row"] != got["row"]:
        return False
    return want.get("column") is None or (got["column"] is not None and want["column"] in got["column"])


def unmatched_warnings(wanted: list[dict[str, Any]], got: list[dict[str, Any]]) -> tuple[list, list]:
    left = list(got)
    missing = []
    for want in wanted:
        hit = next((g for g in left if matches(want, g)), None)
        if hit is None:
            missing.append(want)
        else:
            left.remove(hit)
    return missing, left


def same_number(want: str | None, got: Any) -> bool:
    if want is None or got is None:
        return want == got
    return Decimal(str(want)) == Decimal(str(got))


def compare_round(name: str, label: str, round_: str, want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every disagreement between the hand figures and `score --json` of one agreement and round."""
    found: list[str] = []

    def differ(where: str, field: str, expected_value: Any, actual: Any) -> None:
        found.append(f"{name} | {label} | round {round_} | {where} | {field}: expected {expected_value}, "
                     f"got {actual}")

    if got.get("total") != want["total"]:
        differ("total", "total", want["total"], got.get("total"))
    if got.get("eligible") is not want["eligible"]:
        differ("total", "eligible", want["eligible"], got.get("eligible"))
    indicators = {i["code"]: i for i in got.get("indicators", [])}
    if set(indicators) != {i["code"] for i in want["indicators"]}:
        differ("indicators", "codes", sorted(i["code"] for i in want["indicators"]), sorted(indicators))
    for item in want["indicators"]:
        actual = indicators.get(item["code"])
        if actual is None:
            continue
        where = f"indicator {item['code']}"
        if not same_number(item["weight"], actual.get("weight")):
            differ(where, "weight", item["weight"], actual.get("weight"))
        if item.get("counted") is False:
            if actual.get("counted") is not False:
                differ(where, "counted", False, actual.get("counted"))
            continue
        if actual.get("counted") is False:
            differ(where, "counted", True, False)
        if item.get("parent"):
            if not actual.get("parent"):
                differ(where, "parent", True, actual.get("parent"))
            if actual.get("weighted") != item["weighted"]:
                differ(where, "weighted", item["weighted"], actual.get("weighted"))
            continue
        if not same_number(item["result"], actual.get("result")):
            differ(where, "result", item["result"], actual.get("result"))
        for field in ("score", "weighted", "method", "computed", "adjusted", "reason"):
            if field in item and actual.get(field) != item[field]:
                differ(where, field, item[field], actual.get(field))
    expected_names = {d["name"] for d in want["dimensions"]}
    # A dimension with nothing counted in this round (its indicators start later or were cancelled) may be listed
    # at weight 0: the domain document does not say, so either way is accepted.
    dimensions = {d["name"]: d for d in got.get("dimensions", [])
                  if d["name"] in expected_names or not (same_number("0", d.get("weight"))
                                                         and d.get("subtotal") == "0.0000")}
    if set(dimensions) != expected_names:
        differ("dimensions", "names", [d["name"] for d in want["dimensions"]], list(dimensions))
    for dimension in want["dimensions"]:
        actual = dimensions.get(dimension["name"])
        if actual is None:
            continue
        where = f"dimension {dimension['name']}"
        if not same_number(dimension["weight"], actual.get("weight")):
            differ(where, "weight", dimension["weight"], actual.get("weight"))
        for field in ("subtotal", "average"):
            if actual.get(field) != dimension[field]:
                differ(where, field, dimension[field], actual.get(field))
    return found


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_file_imports_with_its_hand_worked_figures_and_warnings(path: Path, tmp_path: Path) -> None:
    want = expected(path)
    db = tmp_path / "committee.sqlite"
    if want.get("setup"):
        Workspace.open(db).close()  # settings need a workspace
        for command in want["setup"]:
            done = run_cli(db, *command)
            assert done.returncode == 0, f"{command}: {done.stderr}"
    done = run_cli(db, "import", str(path))
    assert done.returncode == 0, f"{path.name} was refused:\n{done.stderr}"
    assert "Traceback" not in done.stderr

    missing, extra = unmatched_warnings(want["warnings"], warnings_of(done.stderr))
    problems = [f"{path.name} | warning expected, not given: {w}" for w in missing]
    problems += [f"{path.name} | warning given, not expected: {w['text']}" for w in extra]

    listed = run_cli(db, "agreements", "--json")
    ids = {(" ".join(a["agency"].split()), int(a["fiscal_year"])): int(a["id"]) for a in json.loads(listed.stdout)}
    wanted = [(a["agency"], a["fiscal_year"]) for a in want["agreements"]]
    if set(ids) != set(wanted):
        problems.append(f"{path.name} | agreements: expected {wanted}, got {sorted(ids)}")
    for agreement in want["agreements"]:
        key = (agreement["agency"], agreement["fiscal_year"])
        if key not in ids:
            continue
        label = f"{agreement['agency'][:30]}… {agreement['fiscal_year']}"
        problems += compare_sheets(db, path.name, label, ids[key], agreement["rounds"], [])
        for evaluator, sheet in agreement.get("evaluators", {}).items():
            for action in sheet["actions"]:  # the committee's ratings and adjustments, through the CLI
                done = run_cli(db, *(str(ids[key]) if part == "{id}" else part for part in action))
                if done.returncode != 0:
                    problems.append(f"{path.name} | {label} | {' '.join(action)} exited {done.returncode}: "
                                    f"{done.stderr.strip()}")
            problems += compare_sheets(db, path.name, f"{label} | evaluator {evaluator}", ids[key], sheet["rounds"],
                                       ["--evaluator", evaluator])
    assert not problems, "\n".join(problems)


def compare_sheets(db: Path, name: str, label: str, agreement_id: int, rounds: dict[str, Any],
                   options: list[str]) -> list[str]:
    """`score --json` of each round against its hand figures."""
    problems: list[str] = []
    for round_, figures in rounds.items():
        scored = run_cli(db, "score", str(agreement_id), "--round", round_, *options, "--json")
        if scored.returncode != 0 or "Traceback" in scored.stderr:
            problems.append(f"{name} | {label} | round {round_} | score exited {scored.returncode}: "
                            f"{scored.stderr.strip()}")
            continue
        problems += compare_round(name, label, round_, figures, json.loads(scored.stdout))
    return problems


def test_the_corpus_is_large_enough_and_each_file_has_its_json() -> None:
    assert len(corpus_files()) >= 16
    assert len(refused_files()) >= 3
    for path in corpus_files() + refused_files():
        assert path.with_suffix(".json").exists()


@pytest.mark.parametrize("path", refused_files(), ids=lambda p: p.name)
def test_refusal_file_is_refused_naming_row_and_column_and_writes_nothing(path: Path, tmp_path: Path) -> None:
    refusal = expected(path)["refusal"]
    db = tmp_path / "committee.sqlite"
    Workspace.open(db).close()  # an existing workspace, so that "nothing written" is a byte-for-byte comparison
    before = file_digest(db)

    done = run_cli(db, "import", str(path))

    assert done.returncode == 2, f"{path.name} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    assert file_digest(db) == before
    assert json.loads(run_cli(db, "agreements", "--json").stdout) == []
    lines = [line for line in done.stderr.splitlines() if line.startswith(path.name)]
    placed = [line for line in lines if f"row {refusal['row']}," in line or line.split(":")[0].endswith(
        f"row {refusal['row']}")]
    assert placed, f"no problem on row {refusal['row']} of {path.name}:\n{done.stderr}"
    if refusal.get("sheet"):
        assert any(f"sheet '{refusal['sheet']}'" in line for line in placed), done.stderr
    columns = [m.group(1) for line in placed for m in [_COLUMN.search(line.split(": ")[0])] if m]
    assert any(refusal["column"] in c for c in columns), (
        f"expected column containing {refusal['column']!r} on row {refusal['row']}, got {columns}:\n{done.stderr}")
    # The reason, not only the place: a range refused as "not a number" is not an overlap found.
    messages = [line.partition(": ")[2].casefold() for line in placed]  # not the place: file names say "overlap"
    assert any(word.casefold() in message for message in messages for word in refusal["says"]), (
        f"expected the message on row {refusal['row']} to say one of {refusal['says']}:\n{done.stderr}")


@pytest.mark.parametrize("path", [p for p in corpus_files() if expected(p).get("setup")], ids=lambda p: p.name)
def test_a_file_that_needs_a_setting_is_refused_without_it(path: Path, tmp_path: Path) -> None:
    """Monthly rounds are allowed by a workspace setting, not by default: the same file on a fresh workspace is
    refused on its รอบ column, and nothing is written."""
    db = tmp_path / "committee.sqlite"
    Workspace.open(db).close()
    before = file_digest(db)
    done = run_cli(db, "import", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "column 'รอบ'" in done.stderr
    assert file_digest(db) == before
