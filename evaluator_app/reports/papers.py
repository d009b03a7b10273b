"""Making the committee's papers: gather what a paper shows, freeze it as a sealed snapshot (issuing an evaluation
report), draw the PDF from that snapshot, optionally sign it; also drafts (nothing stored) and reprints.

This is the API the window and the command line use; nothing here knows about Qt.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable

from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits
from ..store.snapshots import (
    KIND_AGREEMENT,
    KIND_EVALUATION,
    KIND_SUMMARY,
    Snapshot,
    agreement_scope,
    evaluation_scope,
    freeze_snapshot,
    get_snapshot,
    mark_issued,
    summary_scope,
)
from ..store.workspace import Workspace
from . import agreement_paper, evaluation_report, summary
from .document import build_pdf
from .evaluation_data import CommitteeSource, collect_evaluation
from .furniture import DRAFT_WATERMARK, PageFurniture
from .seal import DRAFT_FOOTER, Seal
from .signing import SigningIdentity, sign_pdf
from .table_plan import Orientation

__all__ = [
    "DIGITS_SETTING",
    "ORIENTATION_SETTING",
    "MadeReport",
    "default_digits",
    "default_orientation",
    "make_agreement_paper",
    "make_evaluation_report",
    "make_summary",
    "preview_evaluation",
    "render_content",
    "reprint",
    "write_pdf_file",
]

DIGITS_SETTING = "report_digits"  # workspace setting: "thai" (default) or "arabic"
# Workspace setting: "auto" (default: the table's needs decide), "portrait" or "landscape".
ORIENTATION_SETTING = "report_orientation"
Target = str | Path | BinaryIO


@dataclass(frozen=True)
class MadeReport:
    """A paper written: where, how many pages, the snapshot it shows (None for a draft)."""

    path: Path | None
    pages: int
    snapshot: Snapshot | None
    issued: bool
    signed: bool
    data: bytes  # the PDF as written

    @property
    def code(self) -> str | None:
        return None if self.snapshot is None else Seal.of(self.snapshot).code


def default_digits(workspace: Workspace) -> Digits:
    """The workspace's digit setting for printed papers (Thai digits unless set to arabic)."""
    value = workspace.setting(DIGITS_SETTING, "thai")
    return "arabic" if value == "arabic" else "thai"


def default_orientation(workspace: Workspace) -> Orientation:
    """The workspace's orientation setting for evaluation reports: the table's needs decide unless it is set."""
    value = workspace.setting(ORIENTATION_SETTING, "auto")
    if value == "portrait":
        return "portrait"
    return "landscape" if value == "landscape" else "auto"


_Story = Callable[..., list[Flowable]]
_Pagesize = Callable[[dict[str, Any], Digits, Orientation], tuple[float, float]]
_LAYOUT: dict[str, tuple[_Story, Callable[[dict[str, Any], Digits], str], _Pagesize, str]] = {
    KIND_EVALUATION: (evaluation_report.evaluation_story, evaluation_report.evaluation_header,
                      evaluation_report.evaluation_pagesize, "รายงานผลการประเมินผลการปฏิบัติราชการ"),
    KIND_AGREEMENT: (agreement_paper.agreement_story, agreement_paper.agreement_header,
                     lambda content, digits, orientation: agreement_paper.PAGESIZE, "คำรับรองการปฏิบัติราชการ"),
    KIND_SUMMARY: (summary.summary_story, summary.summary_header,
                   lambda content, digits, orientation: summary.PAGESIZE, "สรุปผลการประเมินผลการปฏิบัติราชการ"),
}


# reportlab keeps per-font subset state and HarfBuzz faces in module globals: a preview on the GUI thread and a batch
# on a worker must not lay out pages at the same moment, so drawing is serialised (gathering data is not).
_RENDER_LOCK = threading.RLock()


def render_content(content: dict[str, Any], seal: Seal | None, digits: Digits,
                   orientation: Orientation = "auto") -> tuple[bytes, int]:
    """Draw a paper from its content alone; returns the PDF bytes and the page count. Thread-safe.

    A paper without a seal is a draft: every page carries the DRAFT_WATERMARK.
    """
    with _RENDER_LOCK:
        return _render(content, seal, digits, orientation)


def _render(content: dict[str, Any], seal: Seal | None, digits: Digits, orientation: Orientation
            ) -> tuple[bytes, int]:
    story_of, header_of, pagesize_of, title = _LAYOUT[content["kind"]]
    pagesize = pagesize_of(content, digits, orientation)
    furniture = PageFurniture(header=header_of(content, digits),
                              footer=seal.footer(digits) if seal is not None else DRAFT_FOOTER, digits=digits,
                              watermark="" if seal is not None else DRAFT_WATERMARK)
    buffer = io.BytesIO()
    subject = seal.subject if seal is not None else "evaluator-app draft (not sealed)"
    keywords = "" if seal is None else f"evaluator-app; report {seal.report_id}; sha256 {seal.sha256}"
    story = (story_of(content, seal=seal, digits=digits, orientation=orientation) if content["kind"] == KIND_EVALUATION
             else story_of(content, seal=seal, digits=digits))
    pages = build_pdf(buffer, story, furniture=furniture,
                      title=_title(content, title), author="evaluator-app", subject=subject, keywords=keywords,
                      pagesize=pagesize)
    return buffer.getvalue(), pages


def _title(content: dict[str, Any], title: str) -> str:
    if "agreement" in content:
        a = content["agreement"]
        return f"{title} {a['agency']} {a['fiscal_year']}"
    return f"{title} {content.get('fiscal_year', '')}".strip()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_pdf_file(target: Target, data: bytes) -> Path | None:
    """Write the PDF whole or not at all: a temporary file beside the target, then one rename."""
    if not isinstance(target, str | Path):
        target.write(data)
        return None
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); a report is handed around, so give it the mode any new file gets.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _finish(workspace: Workspace, target: Target, data: bytes, pages: int, snapshot: Snapshot | None,
            issued: bool, signer: SigningIdentity | None, actor: str, sign_name: str) -> MadeReport:
    if signer is not None:
        from .signing import remember_signer

        data = sign_pdf(data, signer, name=sign_name, reason="รับรองรายงาน / certifies this report")
        remember_signer(workspace, signer, actor=actor)
    return MadeReport(write_pdf_file(target, data), pages, snapshot, issued, signer is not None, data)


def _sealed(workspace: Workspace, kind: str, scope: str, collect: Callable[[], dict[str, Any]], *, actor: str,
            digits: Digits, issue: bool, agreement_id: int | None = None, fiscal_year: int | None = None,
            round_: int | None = None, check: Callable[[dict[str, Any]], None] | None = None
            ) -> tuple[Snapshot, bytes, int]:
    # Gather, freeze and draw in one transaction: the figures cannot move between reading and sealing, and a
    # paper that fails to draw leaves no snapshot and no issued state behind.
    with workspace.transaction() as conn:
        content = collect()
        if check is not None:
            check(content)
        snapshot = freeze_snapshot(conn, kind=kind, scope=scope, content=content, actor=actor,
                                   agreement_id=agreement_id, fiscal_year=fiscal_year, round_=round_)
        if issue:
            mark_issued(conn, snapshot, actor=actor)
        data, pages = render_content(snapshot.content, Seal.of(snapshot), digits, default_orientation(workspace))
    return snapshot, data, pages


def _require_complete(content: dict[str, Any]) -> None:
    missing = content["totals"]["missing"]
    if missing:
        raise ProblemsError([Problem(
            th=(f"ยังไม่มีผลการประเมินของคณะกรรมการสำหรับตัวชี้วัด {', '.join(missing)} จึงออกรายงานไม่ได้ "
                f"(พิมพ์ฉบับร่างได้ด้วย --draft)"),
            en=(f"indicators {', '.join(missing)} have no committee figure yet, so the report cannot be issued "
                f"(print a draft with --draft)"), field="round")])


def make_evaluation_report(workspace: Workspace, agreement_id: int, target: Target, *, round_: int = 12,
                           committee: CommitteeSource | None = None, digits: Digits | None = None, actor: str,
                           draft: bool = False, signer: SigningIdentity | None = None) -> MadeReport:
    """Issue (or reprint) the evaluation report of one agreement and round and write its PDF to `target`.

    Issuing freezes the snapshot as a new revision when the figures changed since the last one (a reprint of
    unchanged figures keeps its revision and code) and marks the round issued, so its results change only after
    `reopen_report`. Refused while a counted indicator has no committee figure; `draft=True` then prints a draft,
    which stores nothing and carries no verification code. `signer` adds the chair's PAdES signature.
    """
    digits = digits or default_digits(workspace)
    if draft:
        content = collect_evaluation(workspace, agreement_id, round_, committee=committee)
        data, pages = render_content(content, None, digits, default_orientation(workspace))
        return _finish(workspace, target, data, pages, None, False, signer, actor, "")
    snapshot, data, pages = _sealed(
        workspace, KIND_EVALUATION, evaluation_scope(agreement_id, round_),
        lambda: collect_evaluation(workspace, agreement_id, round_, committee=committee), actor=actor,
        digits=digits, issue=True, agreement_id=agreement_id, round_=round_, check=_require_complete)
    chair = _chair_name(snapshot.content)
    return _finish(workspace, target, data, pages, snapshot, True, signer, actor, chair)


def preview_evaluation(workspace: Workspace, agreement_id: int, *, round_: int = 12,
                       committee: CommitteeSource | None = None, digits: Digits | None = None) -> bytes:
    """A draft PDF of the evaluation report in memory, for a preview: nothing is stored or issued."""
    content = collect_evaluation(workspace, agreement_id, round_, committee=committee)
    return render_content(content, None, digits or default_digits(workspace), default_orientation(workspace))[0]


def make_agreement_paper(workspace: Workspace, agreement_id: int, target: Target, *, version: int | None = None,
                         digits: Digits | None = None, actor: str, signer: SigningIdentity | None = None
                         ) -> MadeReport:
    """The agreement (คำรับรองการปฏิบัติราชการ) of an agreed version (the latest by default), sealed."""
    digits = digits or default_digits(workspace)
    snapshot, data, pages = _sealed(
        workspace, KIND_AGREEMENT, agreement_scope(agreement_id),
        lambda: agreement_paper.collect_agreement(workspace, agreement_id, version), actor=actor, digits=digits,
        issue=False, agreement_id=agreement_id)
    return _finish(workspace, target, data, pages, snapshot, False, signer, actor, "")


def make_summary(workspace: Workspace, fiscal_year: int, target: Target, *, round_: int = 12,
                 committee: CommitteeSource | None = None, digits: Digits | None = None, actor: str,
                 signer: SigningIdentity | None = None) -> MadeReport:
    """The fiscal-year summary of every agreement of the year, ranked, sealed."""
    digits = digits or default_digits(workspace)
    snapshot, data, pages = _sealed(
        workspace, KIND_SUMMARY, summary_scope(fiscal_year, round_),
        lambda: summary.collect_summary(workspace, fiscal_year, round_, committee=committee), actor=actor,
        digits=digits, issue=False, fiscal_year=fiscal_year, round_=round_)
    return _finish(workspace, target, data, pages, snapshot, False, signer, actor, _chair_name(snapshot.content))


def reprint(workspace: Workspace, snapshot_id: int, target: Target, *, digits: Digits | None = None) -> MadeReport:
    """Draw a stored revision again exactly as frozen (whatever the data says today); nothing is stored."""
    snapshot = get_snapshot(workspace.conn, snapshot_id)
    if snapshot is None:
        raise ProblemsError([Problem(th=f"ไม่พบรายงานเลขที่ {snapshot_id}", en=f"no report number {snapshot_id}")])
    data, pages = render_content(snapshot.content, Seal.of(snapshot), digits or default_digits(workspace),
                                 default_orientation(workspace))
    return MadeReport(write_pdf_file(target, data), pages, snapshot, snapshot.kind == KIND_EVALUATION, False, data)


def _chair_name(content: dict[str, Any]) -> str:
    for person in content.get("signatories", ()):
        if person.get("role") == "ประธานกรรมการ":
            return str(person["name"])
    return ""

