"""Printing a fiscal year at once: 50 agreements give 50 reports on a worker thread with progress, Cancel stops after
the report in hand, one combined PDF verifies report by report, and an agreement that cannot be issued is listed."""

from __future__ import annotations

import threading
import time
from decimal import Decimal as D

from pypdf import PdfReader

from evaluator_app.domain.rating import Rating
from evaluator_app.reports.batch import agreements_of_year, not_issuable, print_batch, report_file_name
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.ratings import record_ratings
from evaluator_app.store.snapshots import issue_state

from .builders import small_agreement

COUNT = 50


def fill(workspace, count: int = COUNT) -> list[int]:
    ids = []
    with workspace.transaction():
        for n in range(count):
            stored = add_agreement(workspace, small_agreement(f"กรมทดสอบที่ {n + 1:02d}"), actor="sec")
            record_ratings(workspace, stored.id, [(Rating("1", 12, result=D(80 + n % 21)), None, None)], actor="sec")
            accept_reported(workspace, stored.id, 12, None, actor="sec")
            ids.append(stored.id)
    return ids


def test_fifty_agreements_print_on_a_worker_thread_with_progress(workspace, workspace_path, tmp_path):
    fill(workspace)
    ids = agreements_of_year(workspace, 2569)
    assert len(ids) == COUNT
    seen: list[tuple[int, int]] = []
    outcome = {}

    def work() -> None:
        started = time.perf_counter()
        outcome["result"] = print_batch(workspace_path, ids, tmp_path / "out", lambda d, t: seen.append((d, t)),
                                        lambda: False, digits="arabic", actor="sec")
        outcome["seconds"] = time.perf_counter() - started

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    result = outcome["result"]
    assert not result.cancelled and not result.failed
    assert seen == [(n, COUNT) for n in range(1, COUNT + 1)]
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(files) == len(result.written) == COUNT
    assert files[0].name == report_file_name(ids[0], "กรมทดสอบที่ 01", 2569, 12)
    assert all(len(PdfReader(str(f)).pages) >= 1 for f in files[:3])
    assert all(issue_state(workspace.conn, i, 12).issued for i in ids)
    print(f"\n50-report batch: {outcome['seconds']:.1f} s")


def test_cancel_stops_after_the_report_in_hand(workspace, workspace_path, tmp_path):
    ids = fill(workspace, 12)
    done: list[int] = []
    result = print_batch(workspace_path, ids, tmp_path / "out", lambda d, t: done.append(d), lambda: len(done) >= 4,
                         digits="arabic", actor="sec")
    assert result.cancelled and result.done == 4
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 4
    assert [issue_state(workspace.conn, i, 12) is not None for i in ids] == [True] * 4 + [False] * 8
    combined = tmp_path / "all.pdf"
    cancelled = print_batch(workspace_path, ids, combined, cancelled=lambda: True, combined=True, actor="sec")
    assert cancelled.cancelled and cancelled.combined is None and not combined.exists()


def test_combined_pdf_verifies_each_report_and_lists_the_ones_not_issued(workspace, workspace_path, tmp_path):
    ids = fill(workspace, 5)
    incomplete = add_agreement(workspace, small_agreement("กรมยังไม่ส่งผล"), actor="sec").id
    unconfirmed = add_agreement(workspace, small_agreement("กรมรายงานแล้วแต่คณะกรรมการยังไม่รับรอง"), actor="sec").id
    record_ratings(workspace, unconfirmed, [(Rating("1", 12, result=D(97)), None, None)], actor="sec")
    # Listed beforehand, with the reason: the agency's claim alone is no committee figure.
    blocked = not_issuable(workspace, [*ids, incomplete, unconfirmed])
    assert [(b.agreement_id, b.agency) for b in blocked] == [(incomplete, "กรมยังไม่ส่งผล"),
                                                            (unconfirmed, "กรมรายงานแล้วแต่คณะกรรมการยังไม่รับรอง")]
    assert all("indicators 1 have no committee figure" in b.reason for b in blocked)
    combined = tmp_path / "combined.pdf"
    result = print_batch(workspace_path, [*ids, incomplete], combined, combined=True, digits="arabic", actor="sec")
    assert result.combined == combined
    assert [agreement for agreement, _ in result.failed] == [incomplete]
    assert "no committee figure" in result.failed[0][1]
    pages = [page.extract_text() for page in PdfReader(str(combined)).pages]
    assert "สารบัญ" in pages[1]  # a cover, then the contents (tests/reports/test_batch_cover.py)
    assert sum("หน้า 1 / " in page for page in pages[2:]) == 5  # five reports, each numbered from its first page
    checked = verify_pdf(workspace, combined)
    assert checked.ok and len(checked.reports) == 5


def test_a_batch_puts_its_shared_objects_out_of_the_collectors_reach_and_keeps_what_others_set_aside(
        workspace, workspace_path, tmp_path):
    import gc

    def out_of_reach(thing: object) -> bool:
        return not any(o is thing for o in gc.get_objects())  # the collector's generations hold it no more

    ids = fill(workspace, 6)
    gc.unfreeze()  # this test's own start: nothing set aside
    try:
        before = [[]]  # what someone else (the window's warm-up) put out of reach before the batch
        gc.freeze()
        alive_after_first: list[list[object]] = []
        seen: list[tuple[int, bool]] = []

        def progress(done: int, total: int) -> None:
            if done == 1:
                alive_after_first.append([])  # alive when the first report is done, as what it loaded is
            seen.append((done, out_of_reach(alive_after_first[0])))

        result = print_batch(workspace_path, ids, tmp_path / "out", progress, lambda: len(seen) >= 4,
                             digits="arabic", actor="sec")
        assert result.cancelled and result.done == 4
        # Set aside after the first report, before the second; and not given back when the batch ends (also
        # when it stops early): giving back would give back what others set aside too.
        assert seen == [(1, False), (2, True), (3, True), (4, True)]
        assert out_of_reach(alive_after_first[0]) and out_of_reach(before[0])
        assert [verify_pdf(workspace, p).ok for p in result.written] == [True] * 4
    finally:
        gc.unfreeze()  # the other tests get the collector as they found it
