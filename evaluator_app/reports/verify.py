"""Checking a printed paper against the workspace: its seal names a stored snapshot; gathering the same paper from
today's data gives the same content (or the differences, by indicator); any digital signature validates offline."""

from __future__ import annotations

import io
import json
import re
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
            out += [f"  {problem}" for problem in signature.problems]
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


def _printed(snapshot: Snapshot, seal: PdfSeal, pages: list[list[TextRun]], shapes: list[tuple[float, float]],
             fonts: list[frozenset[str]] | None = None) -> tuple[list[str], list[PrintedChange], str]:
    """Draw the sealed report again and compare what the file's pages print with it, figure by figure; and the
    title the app gives the drawn paper.

    The file's digits (from its metadata) and page orientation (from its pages) are those it was drawn with; when
    the metadata does not say, both digit modes are tried and the closer one judged.
    """
    from contextlib import nullcontext

    from .furniture import earlier_layout
    from .papers import render_paper
    from .seal import Seal

    mine = pages_with_code(pages, snapshot.sha256[:16])
    if not mine:
        return ["ไม่พบหน้าที่พิมพ์รหัสตรวจสอบของรายงานนี้ในไฟล์ / no page of the file prints this report's code"], [], ""
    found = [pages[i] for i in mine]
    width, height = shapes[mine[0]]
    orientations = ["landscape" if width > height else "portrait", "auto"]
    all_digits = [seal.digits] if seal.digits in ("thai", "arabic") else ["thai", "arabic"]
    best: tuple[list[str], list[PrintedChange]] | None = None
    title = ""
    # The text says 3 while the embedded font draws 8: the letters read are only what is printed when the font
    # programs are those the app embeds (reportlab's subsets are the same for the same paper drawn the same way).
    found_fonts = None if fonts is None else frozenset().union(*(fonts[i] for i in mine if i < len(fonts)))
    fonts_differ = False
    # Papers issued before round four printed a long header shrunk and cut with "…" on one line, and a seal or
    # signatures where they fell, even alone on a page: drawn again that way when today's drawing differs.
    for earlier, digits, orientation in [(e, d, o) for e in (False, True) for d in all_digits for o in orientations]:
        with earlier_layout() if earlier else nullcontext():
            drawn = render_paper(snapshot.content, Seal.of(snapshot), digits, orientation)  # type: ignore[arg-type]
        expected = page_runs(drawn.data)
        title = title or _pdf_title(drawn.data)
        problems = []
        if len(expected) != len(found):
            problems.append(f"ไฟล์มี {len(found)} หน้าของรายงานนี้ แต่รายงานที่ปิดผนึกมี {len(expected)} หน้า / the file "
                            f"has {len(found)} pages of this report, the sealed report {len(expected)}")
        changes = compare_pages(expected, found)
        if best is None or len(problems) + len(changes) < len(best[0]) + len(best[1]):
            best = (problems, changes)
        if not problems and not changes:
            # The figures match; the fonts must match this drawing too (another layout may draw other letters,
            # such as the "…" of an earlier header: tried before the fonts are called wrong).
            fonts_differ = found_fonts is not None and found_fonts != frozenset().union(*page_fonts(drawn.data))
            if not fonts_differ:
                break
    assert best is not None
    problems = list(best[0])
    if fonts_differ:
        problems.append("แบบอักษรหรือภาพที่หน้าในไฟล์ใช้ไม่ใช่ที่โปรแกรมใช้ (ตัวอักษรอาจถูกวาดเป็นตัวอื่น หรือมีภาพทับ) / the "
                        "fonts embedded in the file or the pictures its pages use are not those the app draws with "
                        "(letters may be drawn as other letters, or a picture laid over them)")
    return problems, best[1], title


def _check(workspace: Workspace, seal: PdfSeal, pages: list[list[TextRun]] | None = None,
           shapes: list[tuple[float, float]] | None = None, title: str = "",
           fonts: list[frozenset[str]] | None = None) -> ReportCheck:
    """One sealed report of the file against its snapshot; `title` the file's (one report's) title, to compare with
    the title the app gives that report (a viewer shows it: an edited one names another agency or year)."""
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
    problems += _seal_differs(seal, snapshot)
    problems += _superseded(conn, snapshot)
    printed: list[PrintedChange] = []
    if pages is not None and snapshot.intact:
        try:
            page_problems, printed, expected_title = _printed(snapshot, seal, pages,
                                                              shapes or [(1.0, 0.0)] * len(pages), fonts)
        except Exception as exc:  # a page pypdf cannot read: say so rather than pass it
            page_problems = [f"อ่านตัวเลขที่พิมพ์ในไฟล์ไม่ได้ / cannot read the printed figures: {exc}"]
            expected_title = ""
        problems += page_problems
        if title and expected_title and title != expected_title:
            problems.append(f"ชื่อเอกสาร (Title) ในข้อมูลกำกับไฟล์ถูกแก้ไข: \"{title[:120]}\" แทน \"{expected_title}\" / the "
                            f"file's title was edited: \"{title[:120]}\" instead of \"{expected_title}\"")
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


def _seal_differs(seal: PdfSeal, snapshot: Snapshot) -> list[str]:
    """What the file's metadata says about the report that the stored report does not: a number, revision, kind
    or snapshot edited into the metadata would otherwise be printed as the verified report's."""
    claimed = [("report", seal.report_id, snapshot.number), ("revision", seal.revision, snapshot.revision),
               ("kind", seal.kind, snapshot.kind), ("snapshot", seal.snapshot_id, snapshot.id)]
    wrong = [f"{name}={said} ({stored})" for name, said, stored in claimed if said is not None and said != stored]
    if not wrong:
        return []
    listed = ", ".join(wrong)
    return [f"ข้อมูลกำกับไฟล์ (metadata) ถูกแก้ไข ไม่ตรงกับรายงานที่บันทึกไว้: {listed} / the file's metadata was edited "
            f"and differs from the stored report (in brackets): {listed}"]


def _pdf_title(data: bytes) -> str:
    from pypdf import PdfReader

    metadata = PdfReader(io.BytesIO(data)).metadata
    return str(metadata.get("/Title") or "") if metadata is not None else ""


def _superseded(conn: Any, snapshot: Snapshot) -> list[str]:
    """A later revision of the same paper replaces this one (the report was reopened and issued again, the summary
    made again from changed figures). Not for the agreement: printing an earlier agreed version again also makes a
    revision, and does not replace the later version's paper."""
    from ..store.snapshots import latest_snapshot

    if snapshot.kind == KIND_AGREEMENT:
        return []
    latest = latest_snapshot(conn, snapshot.kind, snapshot.scope)
    if latest is None or latest.revision <= snapshot.revision or latest.sha256 == snapshot.sha256:
        return []
    return [f"ฉบับนี้ถูกแทนที่แล้วโดยฉบับที่ {latest.revision} (รหัสตรวจสอบ {latest.sha256[:16]}) ไม่ใช่ฉบับปัจจุบัน / "
            f"this revision is superseded by revision {latest.revision} (code {latest.sha256[:16]}); it is not the "
            "current report"]


# A combined volume's title (reports/batch.py): only such a file starts with pages no report's code is printed on.
_VOLUME_TITLE_END = "(รวมเล่ม)"
_ANY_CODE = re.compile(r"รหัสตรวจสอบ([0-9a-f]{16})")


def _foreign_pages(pages: list[list[TextRun]], seals: list[PdfSeal], volume: bool) -> list[str]:
    """Pages that belong to no report sealed in the file: a page of another report inserted, a blank or made-up
    page added. Only a combined volume's cover and contents, before its first report, print no code."""
    sealed = {seal.code for seal in seals if seal.code}
    foreign: list[str] = []
    added: list[int] = []
    seen_report = False
    for index, runs in enumerate(pages):
        text = "".join(run.text for run in runs).replace(" ", "")
        codes = _ANY_CODE.findall(text)
        if not codes:
            if seen_report or not volume:
                added.append(index + 1)
            continue
        seen_report = True
        others = [code for code in codes if code not in sealed]
        if others and not any(code in sealed for code in codes):
            foreign.append(f"{index + 1} ({others[0]})")
    problems = _front_matter_problems(pages, seals) if volume else []
    if foreign:
        listed = ", ".join(foreign[:10]) + (" …" if len(foreign) > 10 else "")
        problems.append(f"ไฟล์มีหน้าของรายงานอื่นที่ไม่ได้ปิดผนึกไว้ในไฟล์นี้ หน้า (รหัส): {listed} / the file has pages of "
                        f"another report, not sealed in this file; page (code): {listed}")
    if added:
        listed = ", ".join(str(n) for n in added[:10]) + (f" … ({len(added)})" if len(added) > 10 else "")
        problems.append(f"ไฟล์มีหน้าที่ไม่ได้เป็นของรายงานที่ปิดผนึก (ถูกเพิ่มเข้ามา) หน้า: {listed} / the file has pages "
                        f"that belong to no sealed report (added); pages: {listed}")
    return problems


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PAGE_OF = re.compile(r"หน้า(\d+)/(\d+)")
_DECIMAL = re.compile(r"\d[.,]\d")


def _front_matter_problems(pages: list[list[TextRun]], seals: list[PdfSeal]) -> list[str]:
    """A volume's cover and contents (the pages before its first report) carry no seal of their own, so they are
    held to what the app prints there: they number themselves "page i / n" over exactly those pages, print no
    figure with decimals (every score is on a sealed page), and the contents list every sealed report's code."""
    front: list[str] = []
    for runs in pages:
        text = "".join(run.text for run in runs).replace(" ", "").translate(_THAI_DIGITS)
        if _ANY_CODE.search(text):
            break
        front.append(text)
    wrong = [index + 1 for index, text in enumerate(front)
             if [(int(a), int(b)) for a, b in _PAGE_OF.findall(text)] != [(index + 1, len(front))]
             or _DECIMAL.search(text)]
    joined = "".join(front)
    missing = [seal.code for seal in seals if seal.code and seal.code not in joined]
    problems = []
    if wrong:
        listed = ", ".join(str(n) for n in wrong)
        problems.append(f"หน้าปกหรือสารบัญของเล่มไม่ใช่ที่โปรแกรมพิมพ์ (ถูกเพิ่มหรือแก้ไข) หน้า: {listed} / the volume's cover "
                        f"or contents is not what the app prints (a page added or edited); pages: {listed}")
    if missing:
        listed = ", ".join(missing)
        problems.append(f"สารบัญของเล่มไม่มีรหัสตรวจสอบ: {listed} / the volume's contents do not list the codes: {listed}")
    return problems


# What a viewer runs or opens by itself; the app never writes any of it, so a file that has it was changed.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/Rendition", "/Sound",
                   "/Movie", "/GoToE", "/GoToR", "/URI"}


def _active_content(reader: Any) -> list[str]:
    """JavaScript, an action run on opening, launched programs, embedded files: a paper changed to act; and
    annotations other than a signature's stamp, shown over the page where verify does not read them."""
    found: list[str] = []
    overlays: list[str] = []
    root = reader.trailer["/Root"].get_object()
    if "/OpenAction" in root and not isinstance(root["/OpenAction"].get_object(), list):
        found.append("/OpenAction")
    found += [key for key in ("/AA", "/OCProperties") if key in root]  # OCProperties: layers shown or hidden
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    found += [key for key in ("/JavaScript", "/EmbeddedFiles") if key in names]
    for number, page in enumerate(reader.pages, start=1):
        if "/AA" in page:
            found.append(f"/AA (page {number})")
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if annotation.get("/Subtype") == "/FileAttachment" or "/AA" in annotation \
                    or action.get("/S") in _ACTIVE_ACTIONS:
                found.append(f"{action.get('/S') or annotation.get('/Subtype')} (page {number})")
            elif not _signature_widget(annotation):
                # Drawn over the page, not in it: a figure typed in a box, a white box over a figure.
                overlays.append(f"{annotation.get('/Subtype')} (page {number})")
    problems = []
    if found:
        listed = ", ".join(dict.fromkeys(found))
        problems.append(f"ไฟล์มีส่วนที่ทำงานเองได้ซึ่งโปรแกรมไม่เคยใส่ (ถูกแก้ไข): {listed} / the file carries active content "
                        f"the app never writes (it was changed): {listed}")
    if overlays:
        listed = ", ".join(dict.fromkeys(overlays))
        problems.append(f"ไฟล์มีหมายเหตุประกอบ (annotation) ที่แสดงทับหน้ากระดาษซึ่งโปรแกรมไม่เคยใส่ (ถูกแก้ไข): {listed} / "
                        f"the file has annotations shown over its pages that the app never writes (it was changed): "
                        f"{listed}")
    return problems


def _signature_widget(annotation: Any) -> bool:
    """The only annotation the app writes: the widget of a signature field (its stamp)."""
    if annotation.get("/Subtype") != "/Widget":
        return False
    parent = annotation.get("/Parent")
    field_type = annotation.get("/FT") or (parent.get_object().get("/FT") if parent is not None else None)
    return bool(field_type == "/Sig")


def _metadata_problems(reader: Any, seals: list[PdfSeal]) -> list[str]:
    """The Keywords a single sealed report carries repeat its seal; edited, they would show another report."""
    metadata = reader.metadata or {}
    keywords = str(metadata.get("/Keywords") or "").strip()
    if not keywords:
        return []
    expected = {f"evaluator-app; report {s.report_id}; sha256 {s.sha256}" for s in seals if s.sha256}
    if keywords in expected:
        return []
    return [f"ข้อมูลกำกับไฟล์ (Keywords) ถูกแก้ไข ไม่ตรงกับรหัสตรวจสอบของไฟล์: {keywords[:120]} / the file's metadata "
            f"(Keywords) was edited and does not repeat its seal: {keywords[:120]}"]


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


def page_fonts(data: bytes) -> list[frozenset[str]]:
    """What every page draws with besides its content: the fonts (names, embedded programs, ToUnicode maps and
    encodings) and the pictures, shadings, patterns and graphics states, each as a name or a SHA-256."""
    import hashlib

    from pypdf import PdfReader

    seen: dict[int, str] = {}

    def program(descriptor: Any) -> str | None:
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            if key in descriptor:
                stream = descriptor.raw_get(key)  # the reference, to hash a font shared by pages once
                number = stream.idnum if hasattr(stream, "idnum") else id(stream)
                if number not in seen:
                    seen[number] = hashlib.sha256(stream.get_object().get_data()).hexdigest()
                return seen[number]
        return None

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: set[str] = set()
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for font in (fonts.get_object().values() if fonts is not None else []):
            font = font.get_object()
            # What maps the codes to letters read (ToUnicode) and to glyphs drawn (Encoding): a code drawn as 8
            # may be mapped to read as 3.
            mapping = font.raw_get("/ToUnicode") if "/ToUnicode" in font else None
            if mapping is not None:
                found.add(hashlib.sha256(mapping.get_object().get_data()).hexdigest())
            if "/Encoding" in font:
                found.add(hashlib.sha256(repr(font["/Encoding"]).encode()).hexdigest())
            # Which fonts at all: one added without a program of its own (a standard font) draws as the reader's.
            found.add(f"{font.get('/Subtype')} {font.get('/BaseFont')}")
            for part in [font, *(d.get_object() for d in font.get("/DescendantFonts") or [])]:
                descriptor = part.get("/FontDescriptor")
                digest = program(descriptor.get_object()) if descriptor is not None else None
                if digest is not None:
                    found.add(digest)
        # Pictures, shadings, patterns, graphics states: the app's report pages use none it does not draw again,
        # so a picture or a box added over a figure changes these.
        for category in ("/XObject", "/Shading", "/Pattern", "/ExtGState", "/Properties"):
            entries = resources.get_object().get(category) if resources is not None else None
            for name, entry in (entries.get_object().items() if entries is not None else []):
                entry = entry.get_object()
                content = entry.get_data() if hasattr(entry, "get_data") else b""
                found.add(f"{category}{name} {hashlib.sha256(content).hexdigest()}")
        out.append(frozenset(found))
    return out


def _encrypted(data: bytes) -> bool:
    from pypdf import PdfReader

    return bool(PdfReader(io.BytesIO(data)).is_encrypted)


def page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def verify_pdf(workspace: Workspace, path: Path, *, trust: list[bytes] | None = None) -> Verification:
    """Check a PDF made by this app against `workspace`; `trust` adds certificates to the workspace's signers."""
    import logging

    # pypdf logs what it repairs ("invalid pdf header", "EOF marker not found") to the terminal; the verdict says
    # what matters, in Thai and English.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _verify_pdf(workspace, path, trust)
    finally:
        logger.setLevel(level)


def _verify_pdf(workspace: Workspace, path: Path, trust: list[bytes] | None) -> Verification:
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a device such as /dev/zero, a pipe: never read
            return Verification(path, (), (), (f"{path} ไม่ใช่ไฟล์ธรรมดา / is not a regular file",))
        data = path.read_bytes()
    except OSError as exc:
        return Verification(path, (), (), (f"อ่านไฟล์ {path} ไม่ได้ / cannot read {path}: {exc}",))
    try:
        if _encrypted(data):
            return Verification(path, (), (), (
                f"{path.name} ถูกเข้ารหัส (ตั้งรหัสผ่าน) โดยโปรแกรมอื่น โปรแกรมนี้ไม่เคยเข้ารหัสรายงาน ใช้ไฟล์ตามที่ออก / "
                f"{path.name} is encrypted (password protected) by another program; the app never encrypts a paper: "
                "use the file as it was issued",))
        seals, signed = read_pdf_seals(data)
    except Exception as exc:  # not a PDF, or one too damaged to read
        return Verification(path, (), (), (f"{path.name} ไม่ใช่ไฟล์ PDF ที่อ่านได้ / is not a readable PDF: {exc}",))
    if not seals:
        try:
            head = minutes_head(data)
        except Exception:  # metadata pypdf cannot read: as if there were none
            head = None
        if head is not None:
            from pypdf import PdfReader

            try:  # minutes are checked by their audit head; JavaScript or a box over a page is no part of them
                extra = _active_content(PdfReader(io.BytesIO(data)))
            except Exception as exc:  # a structure pypdf cannot walk: not verified, and it says why
                extra = [f"อ่านโครงสร้างของ {path.name} ไม่ได้ / cannot read the structure of {path.name}: {exc}"]
            return Verification(path, (), (), tuple(extra), _check_minutes(workspace, head, data))
        return Verification(path, (), (), (
            f"{path.name} ไม่มีรหัสตรวจสอบของโปรแกรมนี้ / carries no evaluator-app seal (not made by this app, or a "
            "draft)",))
    try:
        pages = page_runs(data)
        shapes = page_shapes(data)
        fonts = page_fonts(data)
    except Exception as exc:  # pages too damaged to read: not verified, and it says why
        return Verification(path, (), (), (
            f"อ่านหน้าของ {path.name} ไม่ได้ / cannot read the pages of {path.name}: {exc}",))
    from pypdf import PdfReader

    problems: list[str] = []
    # A volume binds each report once; a seal listed again is checked once (each check draws the paper again: a
    # thousand copies of one seal would keep verify busy for minutes).
    unique = list({(seal.sha256 or seal.code): seal for seal in seals}.values())
    if len(unique) < len(seals):
        problems.append(f"ข้อมูลกำกับไฟล์ระบุรายงานเดียวกันซ้ำ {len(seals) - len(unique)} ครั้ง (ถูกแก้ไข) / the file's "
                        f"metadata lists the same report again {len(seals) - len(unique)} times (it was edited)")
        seals = unique
    try:
        reader = PdfReader(io.BytesIO(data))
        metadata = reader.metadata
        title = str(metadata.get("/Title") or "") if metadata is not None else ""
        volume = title.endswith(_VOLUME_TITLE_END) and len(seals) >= 1 and seals[0].sha256 is not None
        problems += _metadata_problems(reader, seals) + _active_content(reader)
    except Exception as exc:  # a structure pypdf cannot walk: not verified, and it says why
        problems.append(f"อ่านโครงสร้างของ {path.name} ไม่ได้ / cannot read the structure of {path.name}: {exc}")
        volume = False
        title = ""
    problems += _foreign_pages(pages, seals, volume)
    # One report straight from the app: its title is checked too (a volume's is the volume's own).
    one = title if len(seals) == 1 and seals[0].sha256 is not None and not volume else ""
    reports = tuple(_check(workspace, seal, pages, shapes, one, fonts) for seal in seals)
    signatures: tuple[SignatureCheck, ...] = ()
    if signed or b"/ByteRange" in data:
        signatures = tuple(validate_signatures(data, trusted_roots(workspace) + list(trust or [])))
        if not signatures:
            problems.append("ไฟล์เคยลงนามดิจิทัล แต่ลายมือชื่อถูกถอดออกโดยการแก้ไขภายหลัง / the file was digitally signed, "
                            "and a later change removed the signature")
    return Verification(path, reports, signatures, tuple(problems))
