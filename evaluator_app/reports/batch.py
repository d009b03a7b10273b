"""Printing many evaluation reports at once (every agreement of a fiscal year), to one folder or one combined PDF,
with progress and Cancel; safe to run on a worker thread (it opens its own workspace connection)."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Sequence
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.file_names import file_name_part
from ..domain.problems import ProblemsError
from ..domain.thai_dates import Digits
from ..store.agreement_list import AgreementSummary
from ..store.agreements import list_agreements
from ..store.workspace import Workspace
from .batch_cover import BoundReport, bind_volume
from .drawing_pool import DrawingPool, pool_workers, use_pool
from .evaluation_data import CommitteeSource, collect_evaluation
from .papers import (
    MadeReport,
    Rendered,
    SealedReport,
    default_digits,
    default_orientation,
    deliver_issued,
    make_evaluation_report,
    record_drawn,
    seal_evaluation,
    write_pdf_file,
)
from .seal import Seal, combined_subject

__all__ = ["BatchResult", "Blocked", "agreements_of_year", "not_issuable", "print_batch", "report_file_name"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class BatchResult:
    """What a batch did: files written (or the combined file), agreements refused and why, whether cancelled."""

    written: list[Path] = field(default_factory=list)
    combined: Path | None = None
    failed: list[tuple[int, str]] = field(default_factory=list)  # (agreement id, Thai / English reason)
    cancelled: bool = False
    done: int = 0  # agreements handled (written or failed)
    total: int = 0


@dataclass(frozen=True)
class Blocked:
    """An agreement whose report cannot be issued now, and why (Thai / English)."""

    agreement_id: int
    agency: str
    reason: str


def not_issuable(workspace: Workspace, agreement_ids: Sequence[int], *, round_: int = 12,
                 committee: CommitteeSource | str | None = None) -> list[Blocked]:
    """The agreements of a batch whose evaluation report cannot be issued, with the reason: listed before a batch
    runs, so the window can ask and the command line can skip them and say so."""
    from .evaluation_data import collect_evaluation
    from .papers import unconfirmed_problem

    heads = {a.id: a for a in list_agreements(workspace)}
    blocked: list[Blocked] = []
    for agreement_id in agreement_ids:
        head = heads.get(agreement_id)
        if head is None:
            blocked.append(Blocked(agreement_id, "?", f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id "
                                                      f"{agreement_id}"))
            continue
        try:
            problem = unconfirmed_problem(collect_evaluation(workspace, agreement_id, round_, committee=committee))
        except ProblemsError as exc:  # no panel, no committee evaluator: the setting's own message
            blocked.append(Blocked(agreement_id, head.agency, "; ".join(f"{p.th} / {p.en}" for p in exc.problems)))
            continue
        if problem is not None:
            blocked.append(Blocked(agreement_id, head.agency, str(problem)))
    return blocked


def agreements_of_year(workspace: Workspace, fiscal_year: int) -> list[int]:
    """Agreement ids of one fiscal year, by agency name (the order of the batch and of a combined file)."""
    rows = [a for a in list_agreements(workspace) if a.fiscal_year == fiscal_year]
    return [a.id for a in sorted(rows, key=lambda a: a.agency)]


def report_file_name(agreement_id: int, agency: str, fiscal_year: int, round_: int) -> str:
    """``0007-กรมตัวอย่าง-2569-r12.pdf``: sortable, unique by id, readable; no character a file system refuses."""
    return f"{agreement_id:04d}-{file_name_part(agency)}-{fiscal_year}-r{round_}.pdf"


def print_batch(workspace_path: Path, agreement_ids: Sequence[int], out: Path, progress: Progress | None = None,
                cancelled: Cancelled | None = None, *, combined: bool = False, round_: int = 12,
                committee: CommitteeSource | None = None, digits: Digits | None = None, actor: str,
                draft: bool = False) -> BatchResult:
    """Issue the evaluation report of each agreement and write it to the folder `out` (or, `combined`, all of them
    into the one PDF `out`).

    `progress(done, total)` is called after each agreement; `cancelled()` is asked before each one, and a cancel
    stops before the next report: the reports already written stay (each is whole and issued), a combined file is
    then not written. An agreement that cannot be issued (results missing) is listed in `failed` and the batch goes
    on. The workspace is opened here, on the calling thread, because SQLite connections must not be shared across
    threads; in the same process it shares the window's writer lock.

    A long batch on a machine with several cores draws its reports in worker processes (drawing_pool.py), a chunk
    at a time, with the same outcome as one by one: see `_Chunks`.
    """
    result = BatchResult(total=len(agreement_ids))
    parts: list[BoundReport] = []
    with Workspace.open(workspace_path, create=False, auto_backup=False) as workspace:
        heads = {a.id: a for a in list_agreements(workspace)}
        front_digits = digits or default_digits(workspace)
        if not combined:
            out.mkdir(parents=True, exist_ok=True)
        one = _One(workspace, heads, out, result, parts, progress, combined=combined, round_=round_,
                   committee=committee, digits=digits, actor=actor, draft=draft)
        pool = DrawingPool(pool_workers()) if use_pool(len(agreement_ids)) else None
        try:
            if pool is not None:
                _Chunks(one, pool, cancelled).run(agreement_ids)
            else:
                for agreement_id in agreement_ids:
                    if cancelled is not None and cancelled():
                        result.cancelled = True
                        break
                    if result.done == 1 and len(agreement_ids) > 2:
                        # The first report loaded what every report shares (fonts, the word list, reportlab's
                        # tables): some 500,000 objects that Python's cyclic collector would walk again at each of
                        # its full passes, about a tenth of a report (issue 16). Out of its reach for good: most of
                        # it lives as long as the process, and giving it back at the end would also give back what
                        # others set aside (the word list, the window's warm-up); the window gives all back when its
                        # workspace closes.
                        gc.collect()
                        gc.freeze()
                    one.serially(agreement_id)
        finally:
            if pool is not None:
                pool.close()
    if combined and not result.cancelled and parts:
        result.combined = _combine(parts, out, round_, front_digits, digits, workspace_path)
    return result


@dataclass
class _One:
    """One agreement of a batch, from issuing to its file, its part of the combined file and its progress call."""

    workspace: Workspace
    heads: dict[int, AgreementSummary]
    out: Path
    result: BatchResult
    parts: list[BoundReport]
    progress: Progress | None
    combined: bool
    round_: int
    committee: CommitteeSource | None
    digits: Digits | None
    actor: str
    draft: bool

    def target(self, agreement_id: int) -> Path | io.BytesIO:
        head = self.heads.get(agreement_id)
        if head is None:
            raise LookupError(f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")
        return io.BytesIO() if self.combined else self.out / report_file_name(
            agreement_id, head.agency, head.fiscal_year, self.round_)

    def serially(self, agreement_id: int) -> None:
        """Today's way: issue, draw and commit this report alone (make_evaluation_report), then write it."""
        try:
            made = make_evaluation_report(self.workspace, agreement_id, self.target(agreement_id), round_=self.round_,
                                          committee=self.committee, digits=self.digits, actor=self.actor,
                                          draft=self.draft)
            self.landed(agreement_id, made)
        except _REFUSED as exc:
            self.refused(agreement_id, exc)

    def landed(self, agreement_id: int, made: MadeReport) -> None:
        head = self.heads[agreement_id]
        if made.path is not None:
            self.result.written.append(made.path)
        seal = None if made.snapshot is None else Seal.of(made.snapshot)
        self.parts.append(BoundReport(head.agency, head.fiscal_year, seal, made.data, made.pages))
        self._counted()

    def refused(self, agreement_id: int, exc: Exception) -> None:
        self.result.failed.append((agreement_id, str(exc)))
        self._counted()

    def _counted(self) -> None:
        self.result.done += 1
        if self.progress is not None:
            self.progress(self.result.done, self.result.total)


# Reports sealed in one transaction per drawing worker. Between chunks the workers wait (the last drawings, the
# ledger, the commit, the first sealing of the next): a few per cent of the batch at 4 a worker. The chunk holds the
# workspace's write lock until it commits, and a result typed in the window meanwhile waits for it (SQLite's busy
# timeout is 5 s, then the write is refused): at 4 a worker a chunk takes about half a second here, and stays
# well under that timeout on a laptop three times slower; 8 a worker came too close to it.
CHUNK_PER_WORKER = 4

# What lists a report in `failed` and lets the batch go on; anything else stops the batch, as it always did.
_REFUSED = (ProblemsError, LookupError, KeyError)


class _ChunkNotDrawn(Exception):
    """A drawing of the chunk failed: the chunk is rolled back and done again one report at a time."""


@dataclass
class _Chunks:
    """The pool's way. Per chunk of agreements, in one transaction: seal each report in this process (collect,
    number, freeze, mark issued) and hand its snapshot to a drawing worker at once, so the workers draw while the
    next ones are sealed; when all are drawn, record their revisions in the ledger and commit; then write the
    files and report progress, report by report, in the batch's order.

    Same outcome as one by one: the same numbers, revisions, audit entries and ledger (sealed in the same order in
    the same process), the same pages (render_paper is a pure function of what the workers get). A refused report
    is listed and the chunk goes on, as before. If any drawing of the chunk fails, the chunk is rolled back (no
    snapshot outlives a paper never drawn, and no number it gave is recorded: the reports take them again) and
    done again one report at a time through make_evaluation_report, so each report lands or fails alone exactly
    as it would have. Cancel is asked before each report is sealed; the reports sealed so far are drawn and land.
    """

    one: _One
    pool: DrawingPool
    cancelled: Cancelled | None
    broken: bool = False  # the workers could not start or died: the rest of the batch is drawn here, one by one

    def run(self, agreement_ids: Sequence[int]) -> None:
        size = CHUNK_PER_WORKER * self.pool.workers
        start = 0
        while start < len(agreement_ids) and not self.one.result.cancelled:
            chunk = agreement_ids[start:start + size]
            start += size
            if self.broken:
                taken = []
                for agreement_id in chunk:
                    if self._stop():
                        break
                    taken.append(agreement_id)
                    self.one.serially(agreement_id)
            else:
                taken = self._drafts(chunk) if self.one.draft else self._issued(chunk)
            if len(taken) < len(chunk):
                self.one.result.cancelled = True

    def _stop(self) -> bool:
        return self.cancelled is not None and self.cancelled()

    def _issued(self, chunk: Sequence[int]) -> list[int]:
        one = self.one
        workspace = one.workspace
        digits = one.digits or default_digits(workspace)
        taken: list[int] = []
        outcomes: list[tuple[int, SealedReport | None, Future[Rendered] | None, Exception | None]] = []
        try:
            with workspace.transaction() as conn:
                orientation = default_orientation(workspace)
                for agreement_id in chunk:
                    if self._stop():
                        break
                    taken.append(agreement_id)
                    conn.execute("SAVEPOINT batch_report")
                    try:
                        one.target(agreement_id)  # an unknown agreement is refused before anything is sealed
                        sealed = seal_evaluation(workspace, agreement_id, one.round_, one.committee, one.actor)
                    except _REFUSED as exc:
                        conn.execute("ROLLBACK TO batch_report")
                        conn.execute("RELEASE batch_report")
                        outcomes.append((agreement_id, None, None, exc))
                        continue
                    except Exception as exc:  # e.g. a damaged ledger: the reports before it land
                        raise _ChunkNotDrawn() from exc
                    conn.execute("RELEASE batch_report")
                    try:
                        future = self.pool.submit(sealed.snapshot.content, sealed.seal, digits, orientation)
                    except Exception as exc:  # no worker could start: this process draws
                        self.broken = True
                        raise _ChunkNotDrawn() from exc
                    outcomes.append((agreement_id, sealed, future, None))
                drawn = self._gather([future for _, _, future, _ in outcomes if future is not None])
                # One write of the ledger for the chunk: the workers wait for this commit.
                record_drawn(workspace, *(each for _, each, _, _ in outcomes if each is not None))
        except _ChunkNotDrawn:
            for agreement_id in taken:
                one.serially(agreement_id)
            return taken
        for agreement_id, issued, _, refusal in outcomes:
            if issued is None:
                assert refusal is not None
                one.refused(agreement_id, refusal)
            else:
                one.landed(agreement_id, deliver_issued(workspace, one.target(agreement_id), drawn.pop(0),
                                                        issued.snapshot, digits))
        return taken

    def _drafts(self, chunk: Sequence[int]) -> list[int]:
        """Drafts store nothing: gather each, draw them in the pool, write them; a failed drawing is done again
        here, so it fails (or lands) as it would have alone."""
        one = self.one
        workspace = one.workspace
        digits = one.digits or default_digits(workspace)
        orientation = default_orientation(workspace)
        taken: list[int] = []
        outcomes: list[tuple[int, Future[Rendered] | None, Exception | None]] = []
        for agreement_id in chunk:
            if self._stop():
                break
            taken.append(agreement_id)
            try:
                one.target(agreement_id)
                content = collect_evaluation(workspace, agreement_id, one.round_, committee=one.committee)
            except _REFUSED as exc:
                outcomes.append((agreement_id, None, exc))
                continue
            outcomes.append((agreement_id, self.pool.submit(content, None, digits, orientation), None))
        for agreement_id, future, refusal in outcomes:
            if future is None:
                assert refusal is not None
                one.refused(agreement_id, refusal)
                continue
            try:
                rendered = future.result()
            except Exception:  # drawn again here, where it fails or lands as it would alone
                one.serially(agreement_id)
                continue
            one.landed(agreement_id, deliver_issued(workspace, one.target(agreement_id), rendered, None, digits))
        return taken

    def _gather(self, futures: list[Future[Rendered]]) -> list[Rendered]:
        try:
            return [future.result() for future in futures]
        except Exception as exc:  # any failure to draw (also a worker that died) redoes the chunk
            self.broken = isinstance(exc, BrokenProcessPool)
            for future in futures:
                future.cancel()
            wait(futures)
            raise _ChunkNotDrawn() from exc


def _combine(parts: Sequence[BoundReport], out: Path, round_: int, digits: Digits, sealed_digits: Digits | None,
             workspace_path: Path | None = None) -> Path:
    """One PDF: a cover, the contents, then all reports in order (batch_cover.py); each report's pages keep their
    own footer code, the metadata lists every seal."""
    seals = [p.seal for p in parts if p.seal is not None]
    metadata = {"/Title": "รายงานผลการประเมินผลการปฏิบัติราชการ (รวมเล่ม)", "/Creator": "evaluator-app",
                "/Subject": combined_subject(seals, sealed_digits) if seals else "evaluator-app drafts (not sealed)"}
    path = write_pdf_file(out, bind_volume(parts, round_=round_, digits=digits, metadata=metadata), workspace_path)
    assert path is not None
    return path
