"""The report number ledger beside a workspace: several revisions written at once are the same ledger as written one
by one, in one write (a batch's chunk records its drawn revisions once, while its drawing workers wait)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluator_app.store import report_numbers
from evaluator_app.store.report_numbers import (
    PaperNumber,
    ledger_path,
    record_revision,
    record_revisions,
)

PAPERS = [PaperNumber(7, 0, "evaluation|a1/r12|กรมหนึ่ง|2569"), PaperNumber(8, 1, "evaluation|a2/r12|กรมสอง|2569"),
          PaperNumber(9, 0, "evaluation|a3/r12|กรมสาม|2569")]


def _ledger(workspace: Path) -> dict[str, object]:
    return json.loads(ledger_path(workspace).read_text(encoding="utf-8"))


def test_several_revisions_in_one_write_are_the_ledger_one_by_one_gives(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    one_by_one, together = tmp_path / "a" / "w.sqlite", tmp_path / "b" / "w.sqlite"
    for workspace in (one_by_one, together):
        workspace.parent.mkdir()
    issued = [(PAPERS[0], 1), (PAPERS[1], 2), (PAPERS[2], 1), (PAPERS[1], 1)]  # an older revision changes nothing
    for paper, revision in issued:
        record_revision(one_by_one, paper, revision)
    writes: list[Path] = []
    write = report_numbers._write
    monkeypatch.setattr(report_numbers, "_write", lambda path, data: (writes.append(path), write(path, data)))
    record_revisions(together, issued)
    assert writes == [ledger_path(together)], "one write for all of them"
    assert _ledger(together) == _ledger(one_by_one)
    assert _ledger(together)["last"] == 9
    record_revisions(together, [(PAPERS[0], 1)])
    assert len(writes) == 1, "nothing new: the ledger is not written again"


def test_the_ledger_is_written_as_json_dump_wrote_it(tmp_path: Path):
    """Written as one text now (issue 16), byte for byte what json.dump wrote token by token."""
    import io

    workspace = tmp_path / "w.sqlite"
    record_revisions(workspace, [(PAPERS[0], 1), (PAPERS[1], 2), (PAPERS[2], 1)])
    text = ledger_path(workspace).read_text(encoding="utf-8")
    before = io.StringIO()
    json.dump(json.loads(text), before, ensure_ascii=False, indent=1, sort_keys=True)
    assert text == before.getvalue()
    assert "กรมสอง" in text, "Thai kept as it is"
