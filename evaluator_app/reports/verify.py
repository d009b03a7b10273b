"""Checking a printed paper against the workspace: its seal names a stored snapshot; gathering the same paper from
today's data gives the same content (or the differences, by indicator); any digital signature validates offline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.snapshots import (
    KIND_AGREEMENT,
    KIND_EVALUATION,
    KIND_SUMMARY,
    Snapshot,
    content_hash,
    get_snapshot,
    snapshots_with_prefix,
)
from ..store.workspace import Workspace
from .printed import PrintedChange, TextRun, compare_pages, page_runs, page_shapes, pages_with_code
from .seal import PdfSeal, read_pdf_seals
from .signing import SignatureCheck, trusted_roots, validate_signatures

__all__ = ["FieldChange", "MinutesCheck", "ReportCheck", "Verification", "diff_contents", "recollect", "verify_pdf"]


@dataclass(frozen=True)
class FieldChange:
    """One printed figure or text that differs: which indicator (or part of the paper), which field, old → new."""

    code: str
    field: str
    old: Any
    new: Any

    def describe(self) -> str:
        where = f"ตัวชี้วัด {self.code} / indicator {self.code}" if self.indicator else self.code
        return f"{where}: {FIELD_LABELS.get(self.field, self.field)}: {_shown(self.old)} → {_shown(self.new)}"

    @property
    def indicator(self) -> bool:
        return bool(self.code) and self.code[0].isdigit()


# How `verify` names the printed fields it compares (Thai / English); others print as their path in the content.
FIELD_LABELS = {
    "self.result": "ผลการดำเนินงาน (ประเมินตนเอง) / self-assessed result",
    "self.score": "คะแนน (ประเมินตนเอง) / self-assessed score",
    "self.weighted": "คะแนนถ่วงน้ำหนัก (ประเมินตนเอง) / self-assessed weighted score",
    "committee.result": "ผลการดำเนินงาน (คณะกรรมการ) / committee result",
    "committee.score": "คะแนน (คณะกรรมการ) / committee score",
    "committee.weighted": "คะแนนถ่วงน้ำหนัก (คณะกรรมการ) / committee weighted score",
    "text": "หมายเหตุ / note",
    "weight": "น้ำหนัก / weight",
    "thresholds": "เกณฑ์การให้คะแนน / criteria",
    "name": "ชื่อ / name",
    "counted": "นับในรอบนี้ / counted in the round",
    "totals.self": "คะแนนรวมประเมินตนเอง / self-assessed total",
    "totals.committee": "คะแนนรวมของคณะกรรมการ / committee total",
    "eligibility.eligible": "ผ่านเกณฑ์ / eligible",
    "eligibility.tier": "ระดับผลการประเมิน / tier",
    "signatories": "ผู้ลงนาม / signatories",
    "comments": "ความเห็นของคณะกรรมการ / panel comments",
    "version": "ฉบับคำรับรองที่ใช้ประเมิน / agreement version",
    "total": "คะแนนรวม / total",
    "rank": "ลำดับ / rank",
}


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class ReportCheck:
    """One sealed report found in the PDF, checked."""

    seal: PdfSeal
    snapshot: Snapshot | None
    problems: tuple[str, ...]  # why it could not be checked or does not match its record (Thai / English)
    changes: tuple[FieldChange, ...]  # what differs in today's data
    printed: tuple[PrintedChange, ...] = ()  # figures printed in the file unlike the sealed report

    @property
    def matches(self) -> bool:
        return self.snapshot is not None and not self.problems and not self.changes and not self.printed

    @property
    def changed_indicators(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.code for c in self.changes if c.indicator))


@dataclass(frozen=True)
class MinutesCheck:
    """Minutes (not sealed: they record a meeting, not figures) checked by the audit head printed on them: the
    workspace's log still holds that entry, and the chain verifies."""

    head: str  # as the file's metadata records it
    entry: int | None  # the log entry whose hash it is; None: not in the log
    later: int  # entries written since
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.entry is not None and not self.problems


@dataclass(frozen=True)
class Verification:
    path: Path
    reports: tuple[ReportCheck, ...]
    signatures: tuple[SignatureCheck, ...] = ()
    problems: tuple[str, ...] = field(default=())
    minutes: MinutesCheck | None = None

    @property
    def ok(self) -> bool:
        """Every sealed report matches today's data (or the minutes' audit head is in the log) and every
        signature is intact, valid and trusted."""
        return ((bool(self.reports) or self.minutes is not None) and not self.problems
                and all(r.matches for r in self.reports) and (self.minutes is None or self.minutes.ok)
                and all(s.ok for s in self.signatures))

    @property
    def checked(self) -> bool:
        """Whether anything in the file could be checked against this workspace (else verify exits 2)."""
        # Minutes are always checked against this workspace's log: a head it does not hold is a failure (1).
        return any(r.snapshot is not None for r in self.reports) or self.minutes is not None

    def lines(self) -> list[str]:
        """What `verify` prints, Thai / English."""
        out = list(self.problems)
        if self.minutes is not None:
            out += _minutes_lines(self.minutes)
        for report in self.reports:
            seal = report.seal
            label = f"รายงานเลขที่ {seal.report_id} ฉบับที่ {seal.revision} / report {seal.report_id} revision " \
                    f"{seal.revision}" if seal.report_id is not None else f"รหัส / code {seal.code}"
            if report.matches:
                out.append(f"{label}: ตัวเลขที่พิมพ์ตรงกับรายงานที่ปิดผนึกและข้อมูลปัจจุบัน / the printed figures match "
                           "the sealed report and the current data")
                continue
            out += [f"{label}: {problem}" for problem in report.problems]
            if report.printed:
                rows = ", ".join(dict.fromkeys(c.row or f"หน้า {c.page}" for c in report.printed))
                out.append(f"{label}: ตัวเลขที่พิมพ์ในไฟล์ถูกแก้ไข ไม่ตรงกับรายงานที่ปิดผนึก แถว: {rows} / figures printed "
                           f"in the file were edited and differ from the sealed report; rows: {rows}")
                out += [f"  {change.describe()}" for change in report.printed]
            if report.changes:
                codes = ", ".join(report.changed_indicators) or "-"
                out.append(f"{label}: ข้อมูลเปลี่ยนไปหลังออกรายงาน ตัวชี้วัดที่เปลี่ยน: {codes} / the data changed since "
                           f"the report was made; indicators changed: {codes}")
                out += [f"  {change.describe()}" for change in report.changes]
        for signature in self.signatures:
            verdict = "ใช้ได้ / valid" if signature.ok else "ใช้ไม่ได้ / NOT valid"
            out.append(f"ลายมือชื่อดิจิทัล {signature.field} ({signature.signer}): {verdict} [{signature.summary}]")
        return out


def recollect(workspace: Workspace, snapshot: Snapshot) -> dict[str, Any]:
    """The same paper gathered again from today's data, with the choices recorded in the snapshot."""
    from .agreement_paper import collect_agreement
    from .evaluation_data import collect_evaluation
    from .summary import collect_summary

    content = snapshot.content
    if snapshot.kind == KIND_EVALUATION:
        return collect_evaluation(workspace, int(content["agreement"]["id"]), int(content["round"]),
                                  committee=content["committee"]["source"])
    if snapshot.kind == KIND_AGREEMENT:
        return collect_agreement(workspace, int(content["agreement"]["id"]), int(content["version"]["number"]))
    if snapshot.kind == KIND_SUMMARY:
        return collect_summary(workspace, int(content["fiscal_year"]), int(content["round"]),
                               committee=content.get("committee"))
    raise ValueError(f"unknown report kind {snapshot.kind!r}")


# Lists of records are compared record by record, keyed by what names them on paper.
_KEYS = ("code", "agreement_id", "name", "mark")
# Mark numbers follow the order notes appear in; the note's text is compared under its indicator instead.
_IGNORED = {"committee.note", "mark"}


def _flatten(value: Any, prefix: str, out: dict[tuple[str, str], Any], code: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else key, out, code)
        return
    if isinstance(value, list) and prefix == "comments":
        pass  # several members may comment on one indicator: compared as the whole list, in printed order
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        key = next((k for k in _KEYS if all(k in v for v in value)), None)
        if key is not None:
            for item in value:
                name = str(item[key])
                if key == "agreement_id":
                    name = str(item.get("agency", name))
                inner_code = name if prefix in ("indicators", "notes") else f"{_PART.get(prefix, prefix)} {name}"
                _flatten({k: v for k, v in item.items() if k != key}, "", out, inner_code)
            return
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    out[(code, prefix)] = value


_PART = {"dimensions": "มิติ / dimension", "rows": "ส่วนราชการ / agency", "comments": "ความเห็น / comment"}


def diff_contents(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Every printed field that differs between two contents of the same paper, indicators first, in order."""
    before: dict[tuple[str, str], Any] = {}
    after: dict[tuple[str, str], Any] = {}
    _flatten(old, "", before, "")
    _flatten(new, "", after, "")
    keys = list(dict.fromkeys([*before, *after]))
    changes = [FieldChange(code or "รายงาน / report", name or "-", before.get((code, name)),
                           after.get((code, name)))
               for code, name in keys
               if name not in _IGNORED and before.get((code, name)) != after.get((code, name))]
    return sorted(changes, key=lambda c: (not c.indicator,))


def _printed(snapshot: Snapshot, seal: PdfSeal, pages: list[list[TextRun]], shapes: list[tuple[float, float]]
             ) -> tuple[list[str], list[PrintedChange]]:
    """Draw the sealed report again and compare what the file's pages print with it, figure by figure.

    The file's digits (from its metadata) and page orientation (from its pages) are those it was drawn with; when
    the metadata does not say, both digit modes are tried and the closer one judged.
    """
    from contextlib import nullcontext

    from .furniture import earlier_layout
    from .papers import render_paper
    from .seal import Seal

    mine = pages_with_code(pages, snapshot.sha256[:16])
    if not mine:
        return ["ไม่พบหน้าที่พิมพ์รหัสตรวจสอบของรายงานนี้ในไฟล์ / no page of the file prints this report's code"], []
    found = [pages[i] for i in mine]
    width, height = shapes[mine[0]]
    orientations = ["landscape" if width > height else "portrait", "auto"]
    all_digits = [seal.digits] if seal.digits in ("thai", "arabic") else ["thai", "arabic"]
    best: tuple[list[str], list[PrintedChange]] | None = None
    # Papers issued before round four printed a long header shrunk and cut with "…" on one line, and a seal or
    # signatures where they fell, even alone on a page: drawn again that way when today's drawing differs.
    for earlier, digits, orientation in [(e, d, o) for e in (False, True) for d in all_digits for o in orientations]:
        with earlier_layout() if earlier else nullcontext():
            drawn = render_paper(snapshot.content, Seal.of(snapshot), digits, orientation)  # type: ignore[arg-type]
        expected = page_runs(drawn.data)
        problems = []
        if len(expected) != len(found):
            problems.append(f"ไฟล์มี {len(found)} หน้าของรายงานนี้ แต่รายงานที่ปิดผนึกมี {len(expected)} หน้า / the file "
                            f"has {len(found)} pages of this report, the sealed report {len(expected)}")
        changes = compare_pages(expected, found)
        if best is None or len(problems) + len(changes) < len(best[0]) + len(best[1]):
            best = (problems, changes)
        if not problems and not changes:
            return best
    assert best is not None
    return best


def _check(workspace: Workspace, seal: PdfSeal, pages: list[list[TextRun]] | None = None,
           shapes: list[tuple[float, float]] | None = None) -> ReportCheck:
    conn = workspace.conn
    snapshot = None
    if seal.sha256:  # the seal names its snapshot exactly; ids and numbers may repeat across restored copies
        found = snapshots_with_prefix(conn, seal.sha256)
        snapshot = found[0] if found else None
    if snapshot is None and seal.snapshot_id is not None:
        snapshot = get_snapshot(conn, seal.snapshot_id)
    if snapshot is None and seal.report_id is not None and seal.sha256 is None:
        snapshot = get_snapshot(conn, seal.report_id)
    if snapshot is None and seal.code:
        found = snapshots_with_prefix(conn, seal.code)
        snapshot = found[0] if len(found) == 1 else None
    if snapshot is None:
        return ReportCheck(seal, None, (
            "ไม่พบรายงานนี้ในพื้นที่ทำงาน (ใช้พื้นที่ทำงานที่ออกรายงานด้วย --db) / this report is not in the workspace "
            "(give the workspace it was made in with --db)",), ())
    problems: list[str] = []
    if seal.sha256 is not None and seal.sha256 != snapshot.sha256:
        problems.append("รหัสตรวจสอบในไฟล์ไม่ตรงกับรายงานที่บันทึกไว้ / the PDF's seal differs from the stored report "
                        f"(PDF {seal.sha256[:16]}, stored {snapshot.sha256[:16]})")
    if not snapshot.intact:
        problems.append("ข้อมูลรายงานที่บันทึกไว้ในพื้นที่ทำงานถูกแก้ไข / the stored snapshot no longer matches its "
                        "own seal (the workspace file was altered)")
    printed: list[PrintedChange] = []
    if pages is not None and snapshot.intact:
        try:
            page_problems, printed = _printed(snapshot, seal, pages, shapes or [(1.0, 0.0)] * len(pages))
        except Exception as exc:  # a page pypdf cannot read: say so rather than pass it
            page_problems = [f"อ่านตัวเลขที่พิมพ์ในไฟล์ไม่ได้ / cannot read the printed figures: {exc}"]
        problems += page_problems
    try:
        current = recollect(workspace, snapshot)
    except Exception as exc:  # the agreement was deleted, the panel removed: say so, do not crash
        problems.append(f"สร้างข้อมูลรายงานจากข้อมูลปัจจุบันไม่ได้ / cannot gather the report from today's data: {exc}")
        return ReportCheck(seal, snapshot, tuple(problems), (), tuple(printed))
    if "issue" in snapshot.content:  # the issue record (number, audit head) is the paper's, not today's data
        current["issue"] = snapshot.content["issue"]
    changes: list[FieldChange] = []
    if content_hash(current) != snapshot.sha256:
        changes = diff_contents(snapshot.content, current)
        if not changes:  # same fields, different bytes: a format change; still not a match
            changes = [FieldChange("รายงาน / report", "format", snapshot.content.get("format"), current.get("format"))]
    return ReportCheck(seal, snapshot, tuple(problems), tuple(changes), tuple(printed))


def _minutes_lines(check: MinutesCheck) -> list[str]:
    head = check.head[:16]
    if check.ok:
        return [f"บันทึกการประชุม: บันทึกการเปลี่ยนแปลงยังมีรายการที่พิมพ์ไว้ (audit head {head}) ที่รายการ {check.entry} "
                f"มีรายการใหม่กว่า {check.later} รายการ / minutes: the audit log still holds the head printed on them "
                f"({head}) as entry {check.entry}, followed by {check.later} later entries"]
    return [f"บันทึกการประชุม / minutes (audit head {head}): {problem}" for problem in check.problems]


def _check_minutes(workspace: Workspace, head: str, data: bytes) -> MinutesCheck:
    """The minutes' audit head against the workspace's log, and against what their last page prints."""
    import re

    from ..store.audit import find_anchor
    from ..store.verification import verify_log
    from .minutes import AUDIT_HEAD_LABEL

    problems: list[str] = []
    try:
        printed = "".join(page_texts(data))
    except Exception as exc:  # pages pypdf cannot read: say so rather than pass them
        printed = ""
        problems.append(f"อ่านหน้าของบันทึกไม่ได้ / cannot read the pages: {exc}")
    squashed = re.sub(r"\s+", "", printed)
    found = re.search(re.escape(AUDIT_HEAD_LABEL.replace(" ", "")) + r"([0-9a-fA-F]{64})", squashed)
    if printed and (found is None or found.group(1).lower() != head):
        problems.append("audit head ที่พิมพ์ในบันทึกไม่ตรงกับที่บันทึกไว้ในไฟล์ (ถูกแก้ไข) / the audit head printed on the "
                        "minutes differs from the one the file records (edited)")
    try:
        anchor = find_anchor(workspace.conn, head)
    except ValueError:
        anchor = None
    log = verify_log(workspace.conn)
    if anchor is None:
        problems.append("บันทึกการเปลี่ยนแปลงของพื้นที่ทำงานนี้ไม่มีรายการที่พิมพ์ไว้ในบันทึก: รายการถูกตัด คำนวณแฮชใหม่ หรือเป็น"
                        "พื้นที่ทำงานอื่น / the audit log of this workspace does not hold the head printed on the minutes: "
                        "entries were cut off, the chain was re-hashed, or this is another workspace")
    if not log.ok:
        problems.append("บันทึกการเปลี่ยนแปลงตรวจสอบไม่ผ่าน (ดู verify-log) / the audit log does not verify (see "
                        "verify-log)")
    later = 0 if anchor is None else max(0, (log.head_id or 0) - anchor[0])
    return MinutesCheck(head, None if anchor is None else anchor[0], later, tuple(problems))


def minutes_head(data: bytes) -> str | None:
    """The audit head the metadata of minutes made by this app records; None for any other PDF."""
    import io

    from pypdf import PdfReader

    from .minutes import MINUTES_KEYWORDS

    metadata = PdfReader(io.BytesIO(data)).metadata
    keywords = str(metadata.get("/Keywords") or "") if metadata is not None else ""
    if not keywords.startswith(MINUTES_KEYWORDS):
        return None
    head = keywords[len(MINUTES_KEYWORDS):].strip().lower()
    return head if len(head) == 64 and all(c in "0123456789abcdef" for c in head) else None


def page_texts(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def verify_pdf(workspace: Workspace, path: Path, *, trust: list[bytes] | None = None) -> Verification:
    """Check a PDF made by this app against `workspace`; `trust` adds certificates to the workspace's signers."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Verification(path, (), (), (f"อ่านไฟล์ {path} ไม่ได้ / cannot read {path}: {exc}",))
    try:
        seals, signed = read_pdf_seals(data)
    except Exception as exc:  # not a PDF, or one too damaged to read
        return Verification(path, (), (), (f"{path.name} ไม่ใช่ไฟล์ PDF ที่อ่านได้ / is not a readable PDF: {exc}",))
    if not seals:
        try:
            head = minutes_head(data)
        except Exception:  # metadata pypdf cannot read: as if there were none
            head = None
        if head is not None:
            return Verification(path, (), (), (), _check_minutes(workspace, head, data))
        return Verification(path, (), (), (
            f"{path.name} ไม่มีรหัสตรวจสอบของโปรแกรมนี้ / carries no evaluator-app seal (not made by this app, or a "
            "draft)",))
    try:
        pages = page_runs(data)
        shapes = page_shapes(data)
    except Exception as exc:  # pages too damaged to read: not verified, and it says why
        return Verification(path, (), (), (
            f"อ่านหน้าของ {path.name} ไม่ได้ / cannot read the pages of {path.name}: {exc}",))
    reports = tuple(_check(workspace, seal, pages, shapes) for seal in seals)
    signatures: tuple[SignatureCheck, ...] = ()
    if signed:
        signatures = tuple(validate_signatures(data, trusted_roots(workspace) + list(trust or [])))
    return Verification(path, reports, signatures)
