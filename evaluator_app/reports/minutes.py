"""The minutes of a negotiation meeting (รายงานการประชุม / บันทึกการเจรจาข้อตกลง) as a Thai PDF: the meeting's number,
date and place, the attendees with their roles, then for each agreement on the table every proposal and
counter-proposal with who made it and why, its changes against the last agreed version, the resolution, and the
signatures of the chair and the secretary."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.agreement import Agreement
from ..domain.meeting import Attendee, Meeting
from ..domain.negotiation import AgreementVersion, Side, VersionStatus, author_label
from ..domain.panel import Panel
from ..domain.problems import Problem, ProblemsError
from ..domain.thai_dates import Digits, apply_digits, local_time, thai_date, today
from ..domain.version_diff import VersionDiff, diff_indicators
from ..store.panel import load_panel
from ..store.snapshots import audit_head as current_audit_head
from ..store.versions import list_versions, load_agreement_head
from ..store.workspace import Workspace
from .document import build_pdf, frame_width
from .fonts import body_style
from .furniture import PageFurniture
from .minutes_tables import change_table, weight_table
from .paper_parts import signed_end
from .papers import write_pdf_file
from .signatures import Signatory, signature_block
from .thai_lines import Run, ThaiParagraph

__all__ = [
    "MINUTES_KEYWORDS",
    "AgendaItem",
    "MinutesEntry",
    "audit_head_block",
    "minutes_entries",
    "minutes_story",
    "write_minutes",
]

FILL_IN = "................................................"
TITLE = "บันทึกการเจรจาข้อตกลงตามคำรับรองการปฏิบัติราชการ"
# The minutes' PDF metadata: `verify` finds the audit head printed on them there, and reads it back off the page.
MINUTES_KEYWORDS = "evaluator-app minutes; audit-head="
AUDIT_HEAD_LABEL = "audit head เมื่อพิมพ์บันทึกนี้: "



@dataclass(frozen=True)
class MinutesEntry:
    """One version in the minutes, with what changed from the last version agreed before it (`base`)."""

    version: AgreementVersion
    changes: VersionDiff | None  # None: nothing was agreed before it (the first version)
    base: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One agreement on the table: its versions of the meeting, in order."""

    agreement_id: int
    head: Agreement
    entries: tuple[MinutesEntry, ...]


def minutes_entries(workspace: Workspace, agreement_id: int, session: str | None = None) -> list[MinutesEntry]:
    """Every version proposed, counter-proposed or agreed (drafts are working copies, not minuted), optionally
    only those of one meeting; each with its changes against the last version agreed before it."""
    entries = []
    last_agreed: AgreementVersion | None = None
    for version in list_versions(workspace, agreement_id):
        minuted = version.status is not VersionStatus.DRAFT and (session is None or version.session == session)
        if minuted:
            changes = None if last_agreed is None else diff_indicators(last_agreed.indicators, version.indicators)
            entries.append(MinutesEntry(version, changes, None if last_agreed is None else last_agreed.number))
        if version.status is VersionStatus.AGREED:
            last_agreed = version
    return entries


def write_minutes(workspace: Workspace, agreement_ids: int | Sequence[int], target: str | Path | BinaryIO, *,
                  session: str | None = None, meeting: Meeting | None = None, digits: Digits = "thai",
                  signatories: Sequence[Signatory] = ()) -> int:
    """Write the minutes of one meeting (or of the whole negotiation without `session`) over the agreements
    given; returns how many versions they record. An agreement with no version of the meeting was not on the
    table and is left out; with none at all, refuses (ProblemsError) and writes nothing.

    Without attendees in `meeting`, the panel's members attend in their roles. `signatories` (if given) replace
    the chair and secretary who sign."""
    ids = [agreement_ids] if isinstance(agreement_ids, int) else list(agreement_ids)
    agenda = []
    for agreement_id in ids:
        entries = minutes_entries(workspace, agreement_id, session)
        if entries:
            agenda.append(AgendaItem(agreement_id, load_agreement_head(workspace, agreement_id), tuple(entries)))
    if not agenda:
        where_th = f" ในการประชุม {session}" if session else ""
        where_en = f" in meeting '{session}'" if session else ""
        raise ProblemsError([Problem(
            th=f"ไม่มีฉบับที่เสนอหรือตกลง{where_th} จึงไม่มีบันทึกการเจรจา",
            en=f"no version was proposed or agreed{where_en}, so there are no minutes", field="session")])
    panel = load_panel(workspace)
    meeting = meeting or Meeting()
    if not meeting.attendees and panel is not None:
        meeting = Meeting(meeting.number, meeting.date, meeting.place, tuple(
            Attendee(m.name, m.title_th, m.position) for m in panel.in_signing_order()))
    if not meeting.number and session:
        meeting = Meeting(session, meeting.date, meeting.place, meeting.attendees)
    # The audit log's head as the minutes are printed: written down on paper, `verify-log --expect` (or `verify`
    # of this file) later finds entries cut off or a chain re-hashed since.
    head = current_audit_head(workspace.conn)
    story = minutes_story(agenda, meeting, digits=digits, panel=panel, signatories=signatories, audit_head=head)
    first = agenda[0].head
    subject = f"{first.agency} ปีงบประมาณ {first.fiscal_year}" if len(agenda) == 1 else f"{len(agenda)} ส่วนราชการ"
    header = " ".join(f"บันทึกการเจรจาข้อตกลง {meeting.number} {subject}".split())
    furniture = PageFurniture(header=apply_digits(header, digits), digits=digits)
    buffer = io.BytesIO()
    build_pdf(buffer, story, furniture=furniture, title=f"Negotiation minutes: {subject}", author="evaluator-app",
              keywords=f"{MINUTES_KEYWORDS}{head}")
    # Whole or not at all, under the app's temporary name: a kill midway leaves no half-written minutes.
    write_pdf_file(target, buffer.getvalue(), workspace.path)
    return sum(len(item.entries) for item in agenda)


def minutes_story(agenda: Sequence[AgendaItem], meeting: Meeting, *, digits: Digits = "thai",
                  panel: Panel | None = None, printed_on: dt.date | None = None,
                  signatories: Sequence[Signatory] = (), audit_head: str | None = None) -> list[Flowable]:
    """The flowables of the minutes: the head of the meeting, attendees, one agenda item per agreement, signatures,
    and the audit log's head when they were printed."""
    d = _Digits(digits)
    title = body_style("MinutesTitle", fontSize=18, leading=27, spaceAfter=4)
    centre = body_style("MinutesCentre", spaceAfter=0)
    body = body_style("MinutesBody", spaceAfter=2)
    heading = body_style("MinutesHeading", fontSize=17, leading=25.5, spaceBefore=12, spaceAfter=4)
    printed_on = printed_on or today()
    when = thai_date(meeting.date, digits) if meeting.date else FILL_IN
    story: list[Flowable] = [
        ThaiParagraph(TITLE, title, bold=True, align="center"),
        ThaiParagraph(d(f"การประชุม {meeting.number}") if meeting.number else f"การประชุมครั้งที่ {FILL_IN}",
                      centre, bold=True, align="center"),
        ThaiParagraph(f"เมื่อวันที่ {when}", centre, align="center"),
        ThaiParagraph(f"ณ {d(meeting.place) if meeting.place else FILL_IN}", centre, align="center"),
        ThaiParagraph(f"(พิมพ์เมื่อ {thai_date(printed_on, digits)})",
                      body_style("MinutesSmall", fontSize=13, leading=19.5), align="right"),
        ThaiParagraph("ผู้มาประชุม", heading, bold=True),
        *_attendees(meeting.attendees, d),
        ThaiParagraph("ระเบียบวาระการประชุม", heading, bold=True),
    ]
    for number, item in enumerate(agenda, start=1):
        story.append(ThaiParagraph(d(f"{number}. คำรับรองการปฏิบัติราชการของ {item.head.agency} "
                                     f"ประจำปีงบประมาณ พ.ศ. {item.head.fiscal_year}"), body))
    names = _Names(panel)
    for number, item in enumerate(agenda, start=1):
        story.extend(_agenda_item(number, item, names, d))
    return signed_end(story, _signatures(meeting, signatories), audit_head_block(audit_head) if audit_head else [])


def audit_head_block(head: str) -> list[Flowable]:
    """The audit log's head, framed under the signatures, and how to check the log against it. The hash stays in
    Latin hex whatever the digit setting: it is typed back, never read as a number."""
    mono = body_style("MinutesAuditHead", fontSize=9.5, leading=13)
    note = body_style("MinutesAuditNote", fontSize=11, leading=15)
    text = [
        # The label on a line of its own: the hash then fits one line and is never broken.
        ThaiParagraph(AUDIT_HEAD_LABEL.strip(), note, bold=True),
        ThaiParagraph(head, mono),
        ThaiParagraph("ตรวจสอบว่าบันทึกการเปลี่ยนแปลงของพื้นที่ทำงานยังมีรายการนี้ ไม่ถูกตัดหรือคำนวณแฮชใหม่ ด้วยคำสั่ง "
                      f"evaluator-app verify-log --expect {head[:16]} หรือ evaluator-app verify ไฟล์บันทึก.pdf", note),
    ]
    box = Table([[text]], colWidths=[frame_width()], hAlign="LEFT", style=TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.5, "#888888"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [KeepTogether([Spacer(1, 12), box])]


class _Digits:
    """Text in the chosen digit style: one call site for every printed string."""

    def __init__(self, digits: Digits) -> None:
        self.digits = digits

    def __call__(self, text: str) -> str:
        return apply_digits(text, self.digits)


class _Names:
    """Who made a proposal, by name: a side, or a panel member with their role (never a login id)."""

    def __init__(self, panel: Panel | None) -> None:
        self.members = {} if panel is None else {m.id: m for m in panel.members}

    def author(self, author: str, agency: str) -> str | None:
        """The side or member by name; None for an id that is neither (a login, or a member since removed)."""
        if author == Side.AGENCY:
            return f"{author_label(author)[0]} ({agency})"
        if author == Side.COMMITTEE:
            return author_label(author)[0]
        if author in self.members:
            member = self.members[author]
            return f"{member.name} ({member.title_th})"
        return None

    def recorder(self, actor: str | None) -> str | None:
        """The person who recorded the agreement, when they are a member; a bare login id says nothing."""
        member = self.members.get(actor or "")
        return None if member is None else f"{member.name} ({member.title_th})"


def _attendees(attendees: Sequence[Attendee], d: _Digits) -> list[Flowable]:
    cell = body_style("MinutesCell", fontSize=14, leading=21)
    if not attendees:
        return [ThaiParagraph(f"1. {FILL_IN}", body_style("MinutesBody"))]
    rows = [[ThaiParagraph(d(f"{n}."), cell, align="right"), ThaiParagraph(a.name, cell),
             ThaiParagraph(a.position, cell), ThaiParagraph(a.role, cell)]
            for n, a in enumerate(attendees, start=1)]
    width = frame_width()
    widths = [0.07 * width, 0.34 * width, 0.34 * width]
    widths.append(width - sum(widths))
    return [Table(rows, colWidths=widths, repeatRows=0, hAlign="LEFT", style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))]


def _agenda_item(number: int, item: AgendaItem, names: _Names, d: _Digits) -> list[Flowable]:
    heading = body_style("MinutesHeading", fontSize=17, leading=25.5, spaceBefore=12, spaceAfter=4)
    sub = body_style("MinutesSub", spaceBefore=8, spaceAfter=2)
    body = body_style("MinutesBody", spaceAfter=2)
    head = item.head
    # The item's heading goes with the first version's lines: a heading never ends a page alone.
    opening: list[Flowable] = [ThaiParagraph(d(f"ระเบียบวาระที่ {number} คำรับรองการปฏิบัติราชการของ {head.agency} "
                                               f"ประจำปีงบประมาณ พ.ศ. {head.fiscal_year}"), heading, bold=True)]
    first_base = item.entries[0].base
    if first_base is not None:
        opening.append(ThaiParagraph(d(f"ฉบับที่ตกลงล่าสุดก่อนการพิจารณา: ฉบับที่ {first_base} การเปลี่ยนแปลงทุกข้อ"
                                       f"ด้านล่างเทียบกับฉบับที่ตกลงล่าสุด"), body))
    story: list[Flowable] = []
    resolutions = []
    for entry in item.entries:
        version = entry.version
        label_th, _ = version.label()
        proposer = names.author(version.author, head.agency)
        when = d(f" เมื่อ {_when(version.created_at, d.digits)}")
        # The first version came in with the agreement file: its author is whoever imported it, not a proposer.
        came_in = version.number == 1 and version.based_on is None
        lines: list[Flowable] = [
            *opening,
            ThaiParagraph(d(f"ฉบับที่ {version.number} {label_th}"), sub, bold=True),
            ThaiParagraph([Run("นำเข้าจากไฟล์คำรับรอง", bold=True), Run(when)] if came_in else
                          [Run("เสนอโดย ", bold=True), Run(proposer or version.author), Run(when)], body),
        ]
        if version.based_on is not None:
            lines.append(ThaiParagraph(d(f"จัดทำจากฉบับที่ {version.based_on}"), body))
        if version.effective_round is not None:
            lines.append(ThaiParagraph(d(f"มีผลตั้งแต่รอบ {version.effective_round} เดือน"), body))
        if not came_in:
            lines.append(ThaiParagraph([Run("เหตุผล: ", bold=True), Run(d(version.reason or "(ไม่ได้ระบุ)"))],
                                       body))
        opening = []
        story.append(KeepTogether(lines))
        story.extend(change_table(entry.changes, entry.base, version, d))
        if version.status is VersionStatus.AGREED:
            resolutions.append(entry)
    resolved = ThaiParagraph("มติที่ประชุม", sub, bold=True)
    if not resolutions:
        story.append(KeepTogether([resolved, ThaiParagraph(
            "ที่ประชุมรับทราบข้อเสนอข้างต้น ยังไม่ได้ข้อยุติ ให้นำเข้าพิจารณาในการประชุมครั้งต่อไป", body)]))
    for entry in resolutions:
        version = entry.version
        kind = "ฉบับแก้ไขระหว่างปี" if version.is_revision else "คำรับรอง"
        text = f"เห็นชอบ{kind}ฉบับที่ {version.number}"
        if version.agreed_at:
            text += f" (ตกลงและล็อกเมื่อ {_when(version.agreed_at, d.digits)}"
            recorder = names.recorder(version.agreed_by)
            text += f" บันทึกโดย {recorder})" if recorder else ")"
        story.append(KeepTogether([resolved, ThaiParagraph(d(text), body)]))
        if version.minute:
            story.append(ThaiParagraph(d(version.minute), body_style("MinutesMinute", firstLineIndent=36,
                                                                     spaceAfter=4)))
        story.append(Spacer(1, 4))
        story.append(weight_table(version, entry.changes, d))
    return story


def _signatures(meeting: Meeting, signatories: Sequence[Signatory]) -> list[Flowable]:
    """The secretary who took the minutes and the chair who checked them; lines to write names on when the
    meeting did not say who they were."""
    if not signatories:
        secretary, chair = meeting.secretary, meeting.chair
        signatories = (
            Signatory(secretary.name if secretary else FILL_IN[:32], secretary.position if secretary else "",
                      f"{secretary.role} ผู้จดรายงานการประชุม" if secretary else "ผู้จดรายงานการประชุม"),
            Signatory(chair.name if chair else FILL_IN[:32], chair.position if chair else "",
                      f"{chair.role} ผู้ตรวจรายงานการประชุม" if chair else "ประธานการประชุม ผู้ตรวจรายงานการประชุม"),
        )
    return signature_block(signatories, frame_width(), with_date=False,
                           style=body_style("MinutesSignature", fontSize=14, leading=21))


def _when(iso: str, digits: Digits) -> str:
    """A stored UTC time as Thai papers print it: Bangkok date in the Buddhist Era and the time."""
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = local_time(moment)
    return apply_digits(f"{thai_date(local.date(), digits)} เวลา {local:%H:%M} น.", digits)
