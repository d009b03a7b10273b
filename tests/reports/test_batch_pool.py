"""A long batch draws its reports in worker processes (reports/drawing_pool.py), a chunk per transaction: the same
numbers, revisions, audit entries, ledger, file names, pages, `failed` and progress as one report at a time; a
drawing that fails rolls its chunk back and the chunk is done again one by one; Cancel stops between reports and
what was sealed lands whole. The pool is forced on with `use_pool` (a real batch uses it from POOL_FROM reports)."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaluator_app.domain.rating import Rating
from evaluator_app.reports import batch as batch_module
from evaluator_app.reports import drawing_pool, papers
from evaluator_app.reports.batch import print_batch
from evaluator_app.reports.evaluation_data import collect_evaluation
from evaluator_app.reports.seal import Seal
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.ratings import record_ratings
from evaluator_app.store.report_numbers import ledger_path
from evaluator_app.store.snapshots import Snapshot, get_snapshot, issue_state
from evaluator_app.store.workspace import Workspace

from . import failing_draw
from .builders import small_agreement
from .page_equality import differences


def _agreements(workspace: Workspace, agencies: list[str], unconfirmed: set[str] = frozenset()) -> list[int]:
    ids = []
    with workspace.transaction():
        for n, agency in enumerate(agencies):
            stored = add_agreement(workspace, small_agreement(agency), actor="sec")
            record_ratings(workspace, stored.id, [(Rating("1", 12, result=D(80 + n % 21)), None, None)], actor="sec")
            if agency not in unconfirmed:  # the agency's claim alone is no committee figure: refused at sealing
                accept_reported(workspace, stored.id, 12, None, actor="sec")
            ids.append(stored.id)
    return ids


def _twin(workspace: Workspace, path: Path) -> Path:
    """A copy of the workspace as it stands, for the one-by-one run to start from the same state."""
    with sqlite3.connect(path) as copy:
        workspace.conn.backup(copy)
    return path


def _pool(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(batch_module, "use_pool", lambda count: on)
    monkeypatch.setattr(batch_module, "pool_workers", lambda: 2)  # also on a one-core machine
    monkeypatch.setattr(batch_module, "CHUNK_PER_WORKER", 4)  # chunks of 8: these batches have two


def _snapshots(conn: sqlite3.Connection) -> list[Snapshot]:
    ids = [row[0] for row in conn.execute("SELECT id FROM report_snapshots ORDER BY id")]
    return [snapshot for i in ids if (snapshot := get_snapshot(conn, i)) is not None]


def _state(path: Path) -> dict[str, object]:
    """What issuing left in a workspace, without the clock: snapshots, issue states, audit entries, ledger."""
    with Workspace.open(path, create=False, auto_backup=False) as workspace:
        conn = workspace.conn
        snapshots = [(s.id, s.kind, s.scope, s.number, s.revision) for s in _snapshots(conn)]
        audit = conn.execute("SELECT actor, action, entity, entity_key FROM audit_log ORDER BY id").fetchall()
        issued = conn.execute("SELECT * FROM report_numbers ORDER BY kind, scope").fetchall()
    ledger = json.loads(ledger_path(path).read_text(encoding="utf-8"))
    return {"snapshots": snapshots, "audit": audit, "numbers": [row[:3] for row in issued], "ledger": ledger}


def _run(path: Path, ids: list[int], out: Path, **kwargs: object) -> tuple[object, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    result = print_batch(path, ids, out, lambda d, t: seen.append((d, t)), digits="arabic", actor="sec",
                         **kwargs)  # type: ignore[arg-type]
    return result, seen


def test_the_pool_issues_what_one_by_one_issues_and_draws_the_same_pages(workspace, workspace_path, tmp_path,
                                                                        monkeypatch):
    agencies = [f"กรมทดสอบที่ {n:02d}" for n in range(1, 12)]
    agencies.insert(5, "กรมรายงานแล้วแต่คณะกรรมการยังไม่รับรอง")  # refused in the middle of the first chunk
    ids = _agreements(workspace, agencies, unconfirmed={agencies[5]})
    twin = _twin(workspace, tmp_path / "twin.sqlite")
    submitted: list[int] = []
    submit = drawing_pool.DrawingPool.submit

    def counted(self, content, *args):
        submitted.append(1)
        return submit(self, content, *args)

    monkeypatch.setattr(drawing_pool.DrawingPool, "submit", counted)
    _pool(monkeypatch, True)
    pooled, pooled_progress = _run(workspace_path, ids, tmp_path / "pool")
    _pool(monkeypatch, False)
    serial, serial_progress = _run(twin, ids, tmp_path / "serial")

    assert len(submitted) == 11, "eleven reports drawn by the workers"
    assert pooled_progress == serial_progress == [(n, 12) for n in range(1, 13)]
    assert [a for a, _ in pooled.failed] == [a for a, _ in serial.failed] == [ids[5]]
    assert pooled.failed == serial.failed
    assert [p.name for p in pooled.written] == [p.name for p in serial.written]
    assert (pooled.done, pooled.cancelled) == (serial.done, serial.cancelled) == (12, False)
    assert _state(workspace_path) == _state(twin)
    # The pages a worker drew are the pages this process draws from the same sealed snapshot.
    with Workspace.open(workspace_path, create=False, auto_backup=False) as reopened:
        evaluation = [s for s in _snapshots(reopened.conn) if s.kind == "evaluation"]
        assert len(evaluation) == 11
        for snapshot, path in zip(evaluation[:3], pooled.written[:3], strict=False):
            here = papers.render_paper(snapshot.content, Seal.of(snapshot), "arabic")
            assert differences(here.data, path.read_bytes()) == []
        assert all(verify_pdf(reopened, path).ok for path in pooled.written)
        assert all(issue_state(reopened.conn, i, 12).issued for i in ids if i != ids[5])


def test_a_combined_file_from_the_pool_keeps_the_batchs_order(workspace, workspace_path, tmp_path, monkeypatch):
    ids = _agreements(workspace, [f"กรมรวมเล่มที่ {n:02d}" for n in range(1, 11)])
    _pool(monkeypatch, True)
    result, _ = _run(workspace_path, ids, tmp_path / "all.pdf", combined=True)
    assert result.combined == tmp_path / "all.pdf" and not result.failed
    checked = verify_pdf(workspace, result.combined)
    assert checked.ok and [r.snapshot.agreement_id for r in checked.reports] == ids


def test_a_drawing_that_fails_rolls_its_chunk_back_and_each_report_lands_or_fails_alone(workspace, workspace_path,
                                                                                        tmp_path, monkeypatch):
    agencies = [f"กรมทดสอบที่ {n:02d}" for n in range(1, 11)]
    agencies.insert(3, failing_draw.FAILING_AGENCY)
    ids = _agreements(workspace, agencies)
    twin = _twin(workspace, tmp_path / "twin.sqlite")
    # The workers and this process (the chunk done again one by one) fail to draw the same report.
    monkeypatch.setattr(drawing_pool, "DRAW", failing_draw.failing_render)
    monkeypatch.setattr(papers, "_render", _failing_here())
    alone: list[int] = []
    serially = batch_module._One.serially

    def one_by_one(self, agreement_id):
        alone.append(agreement_id)
        return serially(self, agreement_id)

    monkeypatch.setattr(batch_module._One, "serially", one_by_one)
    _pool(monkeypatch, True)
    pooled, pooled_progress = _run(workspace_path, ids, tmp_path / "pool")
    assert alone == ids[:8], "the first chunk (8 reports) done again one by one; the second drawn by the workers"
    _pool(monkeypatch, False)
    serial, serial_progress = _run(twin, ids, tmp_path / "serial")

    assert [a for a, _ in pooled.failed] == [ids[3]] and "cannot draw" in pooled.failed[0][1]
    assert pooled.failed == serial.failed and pooled_progress == serial_progress
    assert [p.name for p in pooled.written] == [p.name for p in serial.written] and len(pooled.written) == 10
    assert _state(workspace_path) == _state(twin), "no snapshot of the paper never drawn; the same numbers"
    with Workspace.open(workspace_path, create=False, auto_backup=False) as reopened:
        assert issue_state(reopened.conn, ids[3], 12) is None
        assert all(verify_pdf(reopened, path).ok for path in pooled.written)


def _failing_here():
    real = papers._render

    def render(content, seal, digits, orientation):
        if content.get("agreement", {}).get("agency") == failing_draw.FAILING_AGENCY:
            raise failing_draw.CannotDraw(f"cannot draw {failing_draw.FAILING_AGENCY}")
        return real(content, seal, digits, orientation)

    return render


def test_cancel_stops_before_the_next_report_and_what_was_sealed_lands_whole(workspace, workspace_path, tmp_path,
                                                                            monkeypatch):
    ids = _agreements(workspace, [f"กรมยกเลิกที่ {n:02d}" for n in range(1, 13)])
    _pool(monkeypatch, True)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # asked before each report is sealed: three are sealed, then Cancel

    done: list[int] = []
    result = print_batch(workspace_path, ids, tmp_path / "out", lambda d, t: done.append(d), cancelled,
                         digits="arabic", actor="sec")
    assert result.cancelled and result.done == 3 and done == [1, 2, 3]
    assert len(result.written) == len(list((tmp_path / "out").glob("*.pdf"))) == 3
    assert [issue_state(workspace.conn, i, 12) is not None for i in ids] == [True] * 3 + [False] * 9
    assert all(verify_pdf(workspace, path).ok for path in result.written)


def test_drafts_draw_in_the_pool_and_store_nothing(workspace, workspace_path, tmp_path, monkeypatch):
    ids = _agreements(workspace, [f"กรมฉบับร่างที่ {n:02d}" for n in range(1, 10)], unconfirmed={"กรมฉบับร่างที่ 02"})
    _pool(monkeypatch, True)
    result, progress = _run(workspace_path, ids, tmp_path / "drafts", draft=True)
    assert not result.failed and len(result.written) == 9 and progress[-1] == (9, 9)
    assert _snapshots(workspace.conn) == []
    here = papers.render_paper(collect_evaluation(workspace, ids[0], 12), None, "arabic")
    assert differences(here.data, result.written[0].read_bytes()) == []


def test_a_worker_is_spawned_without_qt_or_the_launcher(monkeypatch):
    # Spawned, never forked (the window's process has Qt threads); a worker runs the drawing code alone: it never
    # imports the launcher, which reads argv and opens windows (the frozen app: multiprocessing.freeze_support()).
    monkeypatch.setattr("sys.argv", ["evaluator-app", "report", "--all"])
    with drawing_pool.DrawingPool(1, draw=failing_draw.probe) as pool:
        has_qt, has_launcher, method = pool.submit({}, None, "thai", "auto").result()
    assert (has_qt, has_launcher, method) == (False, False, "spawn")


def test_a_worker_starts_with_what_every_paper_needs_set_aside_and_the_collector_on():
    # Its start (the drawing code, fonts, the word list) is loaded with the collector paused and then put out of
    # its reach for good: a worker started in 1.1-1.3 s of CPU with the collector walking it all as it grew.
    with drawing_pool.DrawingPool(1, draw=failing_draw.collector_state) as pool:
        enabled, frozen, _ = pool.submit({}, None, "thai", "auto").result()
    assert enabled, "the collector is on again for the drawings"
    assert frozen > 300_000, "the word list's trie and the drawing code are out of its reach"
