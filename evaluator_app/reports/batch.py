"""Printing many evaluation reports at once (every agreement of a fiscal year), to one folder or one combined PDF,
with progress and Cancel; safe to run on a worker thread (it opens its own workspace connection)."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.file_names import file_name_part
from ..domain.problems import ProblemsError
from ..domain.thai_dates import Digits
from ..store.agreements import list_agreements
from ..store.workspace import Workspace
from .batch_cover import BoundReport, bind_volume
from .evaluation_data import CommitteeSource
from .papers import default_digits, make_evaluation_report, write_pdf_file
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
    """
    result = BatchResult(total=len(agreement_ids))
    parts: list[BoundReport] = []
    with Workspace.open(workspace_path, create=False, auto_backup=False) as workspace:
        heads = {a.id: a for a in list_agreements(workspace)}
        front_digits = digits or default_digits(workspace)
        if not combined:
            out.mkdir(parents=True, exist_ok=True)
        frozen = False
        try:
            for agreement_id in agreement_ids:
                if cancelled is not None and cancelled():
                    result.cancelled = True
                    break
                if result.done == 1 and len(agreement_ids) > 2:
                    # The first report loaded what every report shares (fonts, the word list, reportlab's tables):
                    # some 500,000 objects that Python's cyclic collector would walk again at each of its full
                    # passes, about a tenth of a report (issue 16). Out of its reach for the batch, given back after.
                    gc.collect()
                    gc.freeze()
                    frozen = True
                head = heads.get(agreement_id)
                try:
                    if head is None:
                        raise LookupError(f"ไม่พบคำรับรองหมายเลข {agreement_id} / no agreement with id {agreement_id}")
                    target: Path | io.BytesIO
                    target = io.BytesIO() if combined else out / report_file_name(
                        agreement_id, head.agency, head.fiscal_year, round_)
                    made = make_evaluation_report(workspace, agreement_id, target, round_=round_, committee=committee,
                                                  digits=digits, actor=actor, draft=draft)
                    if made.path is not None:
                        result.written.append(made.path)
                    seal = None if made.snapshot is None else Seal.of(made.snapshot)
                    parts.append(BoundReport(head.agency, head.fiscal_year, seal, made.data, made.pages))
                except (ProblemsError, LookupError, KeyError) as exc:
                    result.failed.append((agreement_id, str(exc)))
                result.done += 1
                if progress is not None:
                    progress(result.done, result.total)
        finally:
            if frozen:
                gc.unfreeze()
    if combined and not result.cancelled and parts:
        result.combined = _combine(parts, out, round_, front_digits, digits, workspace_path)
    return result


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
