"""Making the committee's papers: gather what a paper shows, freeze it as a sealed snapshot (issuing an evaluation
report), draw the PDF from that snapshot, optionally sign it; also drafts (nothing stored) and reprints.

This is the API the window and the command line use; nothing here knows about Qt.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable

from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits
from ..store.leftovers import temporary_beside
from ..store.report_numbers import PaperNumber, paper_number, record_revision, record_revisions
from ..store.snapshots import (
    KIND_AGREEMENT,
    KIND_EVALUATION,
    KIND_SUMMARY,
    Snapshot,
    agreement_scope,
    audit_head,
    evaluation_scope,
    freeze_snapshot,
    get_snapshot,
    issue_state,
    latest_snapshot,
    mark_issued,
    summary_scope,
)
from ..store.workspace import Workspace
from . import agreement_paper, evaluation_report, summary
from .document import build_pdf
from .evaluation_data import CommitteeSource, collect_evaluation
from .furniture import DRAFT_WATERMARK, PageFurniture
from .seal import DRAFT_FOOTER, Seal
from .signatures import StampAnchor
from .signing import SigningIdentity, sign_pdf
from .table_plan import Orientation

__all__ = [
    "DIGITS_SETTING",
    "ORIENTATION_SETTING",
    "MadeReport",
    "Rendered",
    "SealedReport",
    "default_digits",
    "default_orientation",
    "deliver_issued",
    "make_agreement_paper",
    "make_evaluation_report",
    "make_summary",
    "preview_evaluation",
    "record_drawn",
    "render_content",
    "render_paper",
    "reprint",
    "seal_evaluation",
    "unconfirmed_problem",
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


@dataclass(frozen=True)
class Rendered:
    """A paper drawn: the PDF, its page count, and where the room for a digital signature's stamp landed."""

    data: bytes
    pages: int
    stamp_box: tuple[int, tuple[float, float, float, float]] | None  # page index, (x1, y1, x2, y2)


def render_content(content: dict[str, Any], seal: Seal | None, digits: Digits,
                   orientation: Orientation = "auto") -> tuple[bytes, int]:
    """Draw a paper from its content alone; returns the PDF bytes and the page count. Thread-safe.

    A paper without a seal is a draft: every page carries the DRAFT_WATERMARK.
    """
    rendered = render_paper(content, seal, digits, orientation)
    return rendered.data, rendered.pages


def render_paper(content: dict[str, Any], seal: Seal | None, digits: Digits,
                 orientation: Orientation = "auto") -> Rendered:
    with _RENDER_LOCK:
        return _render(content, seal, digits, orientation)


def _render(content: dict[str, Any], seal: Seal | None, digits: Digits, orientation: Orientation) -> Rendered:
    story_of, header_of, pagesize_of, title = _LAYOUT[content["kind"]]
    # The evaluation report's table plan decides its page and its columns: measured once, used for both.
    plan = evaluation_report.table_plan(content, digits, orientation) if content["kind"] == KIND_EVALUATION else None
    pagesize = plan.pagesize if plan is not None else pagesize_of(content, digits, orientation)
    furniture = PageFurniture(header=header_of(content, digits),
                              footer=seal.footer(digits) if seal is not None else DRAFT_FOOTER, digits=digits,
                              watermark="" if seal is not None else DRAFT_WATERMARK)
    buffer = io.BytesIO()
    subject = seal.subject_with(digits) if seal is not None else "evaluator-app draft (not sealed)"
    keywords = "" if seal is None else f"evaluator-app; report {seal.report_id}; sha256 {seal.sha256}"
    anchors: list[StampAnchor] = []
    if content["kind"] == KIND_EVALUATION:
        story = evaluation_report.evaluation_story(content, seal=seal, digits=digits, orientation=orientation,
                                                   anchors=anchors, plan=plan)
    else:
        story = story_of(content, seal=seal, digits=digits)
    pages = build_pdf(buffer, story, furniture=furniture, title=_title(content, title), author="evaluator-app",
                      subject=subject, keywords=keywords, pagesize=pagesize)
    placed = next((a.placed for a in anchors if a.placed is not None), None)
    return Rendered(buffer.getvalue(), pages, placed)


def _title(content: dict[str, Any], title: str) -> str:
    if "agreement" in content:
        a = content["agreement"]
        return f"{title} {a['agency']} {a['fiscal_year']}"
    return f"{title} {content.get('fiscal_year', '')}".strip()


def write_pdf_file(target: Target, data: bytes, workspace: Path | None = None) -> Path | None:
    """Write the PDF whole or not at all: a temporary file beside the target, then one rename. With `workspace`,
    a temporary file left by a kill is removed when that workspace is next opened (store/leftovers.py)."""
    if not isinstance(target, str | Path):
        target.write(data)
        return None
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with temporary_beside(path, workspace) as temporary:
        # a new file gets the mode the umask gives any file: a report is handed around
        with open(temporary, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    return path


def _finish(workspace: Workspace, target: Target, rendered: Rendered, snapshot: Snapshot | None,
            issued: bool, signer: SigningIdentity | None, actor: str, signatory: dict[str, Any] | None,
            digits: Digits) -> MadeReport:
    data = rendered.data
    if signer is not None:
        from .signing import StampSpec, remember_signer

        person = signatory or {}
        # The stamp names whoever holds the key (a certificate from a file may be someone else's than the
        # chair's); the position is the chair's when the holder is the chair.
        name = signer.display_name or str(person.get("name") or "")
        position = str(person.get("position") or "") if name == person.get("name") else ""
        stamp = None
        if rendered.stamp_box is not None:
            page, box = rendered.stamp_box
            stamp = StampSpec(page, box, _stamp_lines(name, position, signer, digits))
        data = sign_pdf(data, signer, name=name, reason=f"รับรองรายงาน / certifies this report: {name}".strip(),
                        stamp=stamp)
        remember_signer(workspace, signer, actor=actor)
    return MadeReport(write_pdf_file(target, data, workspace.path), rendered.pages, snapshot, issued,
                      signer is not None, data)


def _stamp_lines(name: str, position: str, signer: SigningIdentity, digits: Digits) -> list[tuple[str, bool]]:
    """What the visible stamp says: who signed, their position, the date (B.E.) and the key's fingerprint."""
    from ..domain.thai_dates import thai_date, today

    fingerprint = signer.fingerprint
    short = " ".join(fingerprint[i:i + 4] for i in range(0, 16, 4))
    lines = [(f"ลงนามดิจิทัลโดย {name or '-'}", True)]
    if position:
        lines.append((position, False))
    lines.append((f"วันที่ {thai_date(today(), digits)}", False))
    lines.append((f"ลายนิ้วมือกุญแจ SHA-256: {short}", False))
    return lines


def _identity(content: dict[str, Any]) -> str:
    """What a paper is about, kept with its number so a reused agreement id never inherits another's number."""
    agreement = content.get("agreement")
    if isinstance(agreement, dict):
        return f"{agreement.get('agency', '')}|{agreement.get('fiscal_year', '')}"
    return f"{content.get('fiscal_year', '')}|{content.get('round', '')}"


def _sealed(workspace: Workspace, kind: str, scope: str, collect: Callable[[], dict[str, Any]], *, actor: str,
            digits: Digits, agreement_id: int | None = None, fiscal_year: int | None = None,
            round_: int | None = None) -> tuple[Snapshot, Rendered]:
    # Gather, number, freeze and draw in one transaction: the figures cannot move between reading and sealing, and
    # a paper that fails to draw leaves no snapshot behind, and its number unrecorded (nothing printed with it).
    with workspace.transaction() as conn:
        content = collect()
        paper = paper_number(conn, workspace.path, kind, scope, _identity(content))
        snapshot = freeze_snapshot(conn, kind=kind, scope=scope, content=content, actor=actor,
                                   agreement_id=agreement_id, fiscal_year=fiscal_year, round_=round_,
                                   number=paper.number, after_revision=paper.last_revision)
        rendered = render_paper(snapshot.content, Seal.of(snapshot), digits, default_orientation(workspace))
        record_revision(workspace.path, paper, snapshot.revision)  # drawn: the revision is real
    return snapshot, rendered


def _figures(content: dict[str, Any]) -> dict[str, Any]:
    """A report's content without its issue record (number, what it replaces, audit head): the figures alone."""
    return {key: value for key, value in content.items() if key != "issue"}


def unconfirmed_problem(content: dict[str, Any]) -> Problem | None:
    """Why this evaluation report cannot be issued (counted indicators without a committee figure), or None."""
    missing = content["totals"]["missing"]
    if not missing:
        return None
    model = {"panel": "คณะผู้ประเมิน / the panel", "evaluator": "ผู้ประเมินที่เป็นคณะกรรมการ / the committee's evaluator",
             "verified": "การรับรองหรือปรับคะแนนของคณะกรรมการ / the committee's acceptance or adjustment"}.get(
        content["committee"]["source"], content["committee"]["source"])
    # No field: the indicators are named in the text, and the window lists it as it stands.
    return Problem(
        th=(f"ยังไม่มีผลการประเมินของคณะกรรมการสำหรับตัวชี้วัด {', '.join(missing)} จึงออกรายงานไม่ได้ "
            f"(ที่มาของผล: {model.split(' / ')[0]}) ต้องรับรองผลตามที่รายงานหรือปรับคะแนนพร้อมเหตุผลก่อน "
            f"หรือพิมพ์เป็นฉบับร่าง"),
        en=(f"indicators {', '.join(missing)} have no committee figure yet, so the report cannot be issued "
            f"(figures from {model.split(' / ')[-1]}): accept or adjust them first (`accept`, `adjust`), or print "
            f"a draft (--draft)"))


@dataclass(frozen=True)
class SealedReport:
    """An evaluation report frozen and marked issued in the caller's open transaction, not drawn yet."""

    snapshot: Snapshot
    paper: PaperNumber | None  # None: a reprint of unchanged figures, nothing new numbered

    @property
    def seal(self) -> Seal:
        return Seal.of(self.snapshot)


def seal_evaluation(workspace: Workspace, agreement_id: int, round_: int, committee: CommitteeSource | None,
                    actor: str) -> SealedReport:
    """Gather, number, freeze and mark issued one evaluation report, inside the caller's transaction (which must
    be open: the figures cannot move between reading and sealing). The same figures as the latest revision reprint
    it; new figures (after a reopening) are the next revision under the same number, saying what they replace and
    why. Refused (ProblemsError) before anything is written. The caller draws it, then `record_drawn`, then
    commits; a drawing that fails must roll the transaction back, so no snapshot outlives a paper never drawn."""
    scope = evaluation_scope(agreement_id, round_)
    conn = workspace.conn
    assert conn.in_transaction, "seal_evaluation runs inside the issuing transaction"
    content = collect_evaluation(workspace, agreement_id, round_, committee=committee)
    problem = unconfirmed_problem(content)
    if problem is not None:
        raise ProblemsError([problem])
    latest = latest_snapshot(conn, KIND_EVALUATION, scope)
    state = issue_state(conn, agreement_id, round_)
    paper = None
    if latest is not None and _figures(latest.content) == content:
        snapshot = latest  # a reprint: nothing new to number
    else:
        if state is not None and state.issued:
            raise ProblemsError([Problem(
                th=(f"รายงานรอบ {round_} เดือนออกแล้ว (ฉบับที่ {state.revision}) และผลที่จะพิมพ์ต่างจากฉบับที่ออก "
                    "ต้องเปิดรายงานใหม่พร้อมเหตุผลก่อน (reopen-report)"),
                en=(f"the round {round_} report is issued (revision {state.revision}) and these figures differ "
                    "from it: reopen it with a reason first (reopen-report)"), field="round")])
        paper = paper_number(conn, workspace.path, KIND_EVALUATION, scope, _identity(content))
        revision = max(0 if latest is None else latest.revision, paper.last_revision) + 1
        replaces = None
        if revision > 1:
            before = latest if latest is not None and latest.revision == revision - 1 else None
            replaces = {"revision": revision - 1, "issued_at": None if before is None else before.created_at,
                        "reason": None if state is None else state.reason}
        content["issue"] = {"number": paper.number, "revision": revision, "replaces": replaces,
                            "audit_head": audit_head(conn)}
        snapshot = freeze_snapshot(conn, kind=KIND_EVALUATION, scope=scope, content=content, actor=actor,
                                   agreement_id=agreement_id, round_=round_, number=paper.number,
                                   after_revision=revision - 1)
    mark_issued(conn, snapshot, actor=actor)
    return SealedReport(snapshot, paper)


def record_drawn(workspace: Workspace, *sealed: SealedReport) -> None:
    """Drawn: the revisions are real. The ledger learns them before the workspace commits, so a restore that forgets
    them still never prints these revision numbers again; several (a batch's chunk) in one write of the ledger."""
    issued = [(one.paper, one.snapshot.revision) for one in sealed if one.paper is not None]
    if issued:
        record_revisions(workspace.path, issued)


def _issue_evaluation(workspace: Workspace, agreement_id: int, round_: int, committee: CommitteeSource | None,
                      digits: Digits, actor: str) -> tuple[Snapshot, Rendered]:
    """Freeze, mark issued and draw one evaluation report in one transaction (seal_evaluation)."""
    with workspace.transaction():
        sealed = seal_evaluation(workspace, agreement_id, round_, committee, actor)
        rendered = render_paper(sealed.snapshot.content, sealed.seal, digits, default_orientation(workspace))
        record_drawn(workspace, sealed)
    return sealed.snapshot, rendered


def deliver_issued(workspace: Workspace, target: Target, rendered: Rendered, snapshot: Snapshot | None,
                   digits: Digits) -> MadeReport:
    """Write an evaluation report drawn elsewhere (a batch's worker) to `target`, as make_evaluation_report does
    with no signer; `snapshot` None for a draft. Call after the issuing transaction committed."""
    return _finish(workspace, target, rendered, snapshot, snapshot is not None, None, "", None, digits)


def make_evaluation_report(workspace: Workspace, agreement_id: int, target: Target, *, round_: int = 12,
                           committee: CommitteeSource | None = None, digits: Digits | None = None, actor: str,
                           draft: bool = False, signer: SigningIdentity | None = None) -> MadeReport:
    """Issue (or reprint) the evaluation report of one agreement and round and write its PDF to `target`.

    Issuing freezes the snapshot as a new revision when the figures changed since the last one (a reprint of
    unchanged figures keeps its number, revision and code) and marks the round issued, so its results change only
    after `reopen_report`. Refused while a counted indicator has no committee figure; `draft=True` then prints a
    draft, which stores nothing, carries no number or code, and is watermarked. `signer` adds the chair's PAdES
    signature with a visible stamp in the signature section.
    """
    digits = digits or default_digits(workspace)
    if draft:
        content = collect_evaluation(workspace, agreement_id, round_, committee=committee)
        rendered = render_paper(content, None, digits, default_orientation(workspace))
        return _finish(workspace, target, rendered, None, False, signer, actor, _first_signer(content), digits)
    snapshot, rendered = _issue_evaluation(workspace, agreement_id, round_, committee, digits, actor)
    return _finish(workspace, target, rendered, snapshot, True, signer, actor, _first_signer(snapshot.content),
                   digits)


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
    snapshot, rendered = _sealed(
        workspace, KIND_AGREEMENT, agreement_scope(agreement_id),
        lambda: agreement_paper.collect_agreement(workspace, agreement_id, version), actor=actor, digits=digits,
        agreement_id=agreement_id)
    return _finish(workspace, target, rendered, snapshot, False, signer, actor, None, digits)


def make_summary(workspace: Workspace, fiscal_year: int, target: Target, *, round_: int = 12,
                 committee: CommitteeSource | None = None, digits: Digits | None = None, actor: str,
                 signer: SigningIdentity | None = None) -> MadeReport:
    """The fiscal-year summary of every agreement of the year, ranked, sealed."""
    digits = digits or default_digits(workspace)
    snapshot, rendered = _sealed(
        workspace, KIND_SUMMARY, summary_scope(fiscal_year, round_),
        lambda: summary.collect_summary(workspace, fiscal_year, round_, committee=committee), actor=actor,
        digits=digits, fiscal_year=fiscal_year, round_=round_)
    return _finish(workspace, target, rendered, snapshot, False, signer, actor, _first_signer(snapshot.content),
                   digits)


def reprint(workspace: Workspace, snapshot_id: int, target: Target, *, digits: Digits | None = None) -> MadeReport:
    """Draw a stored revision again exactly as frozen (whatever the data says today); nothing is stored."""
    snapshot = get_snapshot(workspace.conn, snapshot_id)
    if snapshot is None:
        raise ProblemsError([Problem(th=f"ไม่พบรายงานเลขที่ {snapshot_id}", en=f"no report number {snapshot_id}")])
    data, pages = render_content(snapshot.content, Seal.of(snapshot), digits or default_digits(workspace),
                                 default_orientation(workspace))
    return MadeReport(write_pdf_file(target, data, workspace.path), pages, snapshot,
                      snapshot.kind == KIND_EVALUATION, False, data)


def _first_signer(content: dict[str, Any]) -> dict[str, Any] | None:
    """The person whose digital signature a paper carries: the first who signs (the chair, in signing order)."""
    for person in content.get("signatories", ()):
        if not person.get("recused") and person.get("name"):
            return dict(person)
    return None
