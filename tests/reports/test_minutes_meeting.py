"""Minutes that are minutes: the meeting's number, date, place and attendees, every agreement on the table with its
proposals (who, by name, and why) and their changes against the last agreed version, the resolution, and the
chair's and secretary's signatures; Thai digits by default. Real-sized names, real PDFs read back and rendered."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaluator_app.domain.agreement import Indicator
from evaluator_app.domain.meeting import Attendee, Meeting, attendee_from_text, parse_meeting_date
from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.domain.numbers import thai_digits
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.reports.minutes import minutes_entries, write_minutes
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.panel import save_member
from evaluator_app.store.versions import agree_version, save_version
from tests.conftest import example_agreement
from tests.parties_data import LONG_AGENCY

from .builders import PANEL
from .helpers import PRIVATE_USE, comparable, pypdf_pages, render_pages

SESSION = "ครั้งที่ 3/2569"
SECOND_AGENCY = "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม ส่วนกลางและส่วนภูมิภาค"
LONG_NAME = ("ร้อยละของผู้พิการและผู้ด้อยโอกาสในพื้นที่เป้าหมายที่ได้รับการพัฒนาศักยภาพและเข้าถึงสิทธิสวัสดิการ"
             "ตามกฎหมายอย่างครบถ้วนภายในระยะเวลาที่กำหนดเทียบกับจำนวนผู้ที่ลงทะเบียนทั้งหมดของปีงบประมาณ")
MEETING = Meeting(
    number="ครั้งที่ 3/2569", date=dt.date(2025, 11, 14),
    place="ห้องประชุมชั้น 5 อาคารสำนักงานส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ ถนนราชวิถี เขตราชเทวี กรุงเทพมหานคร",
    attendees=(Attendee("ศาสตราจารย์สมชาย ใจดี", "ประธานกรรมการ", "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ"),
               Attendee("นางสาวปิยะนุช ศรีสุข", "กรรมการ", "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน"),
               Attendee("นางน้ำฝน ปิ่นทอง", "กรรมการและเลขานุการ", "นักวิชาการคอมพิวเตอร์ชำนาญการ"),
               Attendee("นายประสิทธิ์ รักษ์ถิ่น", "ผู้แทนส่วนราชการ", "ผู้อำนวยการกองแผนงาน")))


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", comparable(text))


@pytest.fixture
def negotiated(workspace) -> tuple[int, int]:
    """Two agreements: the first negotiated in the meeting and agreed, the second proposed and left open."""
    for member in PANEL:
        save_member(workspace, member, actor="sec")
    base = replace(example_agreement(LONG_AGENCY), indicators=(
        replace(example_agreement().indicators[0], name=LONG_NAME), *example_agreement().indicators[1:]))
    first = add_agreement(workspace, base, actor="sec").id
    indicators = base.indicators
    # Version 2, an older agreed revision outside the meeting, so "last agreed" is not version 1.
    save_version(workspace, first, with_changes(indicators, weights={"1": D(45), "2": D(25)}),
                 status=VersionStatus.PROPOSAL, author="committee", actor="sec", based_on=1, reason="ปรับปรุงต้นปี")
    agree_version(workspace, first, 2, actor="sec", minute="ตกลงในการประชุมครั้งที่ 2")
    agreed = with_changes(indicators, weights={"1": D(45), "2": D(25)})
    online = Indicator("5", "จำนวนช่องทางบริการออนไลน์ที่เปิดใหม่", D(10), Thresholds.of(1, 2, 3, 4, 5),
                       unit="ช่องทาง", dimension="คุณภาพการให้บริการ")
    proposal = [i for i in with_changes(agreed, weights={"1": D(40), "4": D(25)}) if i.code != "3"] + [online]
    save_version(workspace, first, proposal, status=VersionStatus.PROPOSAL, author="m1", actor="piyanuch.s",
                 based_on=2, reason="เพิ่มตัวชี้วัดบริการออนไลน์แทนตัวชี้วัดที่ 3", session=SESSION)
    counter = [replace(i, thresholds=Thresholds.of(82, 86, 90, 94, 98)) if i.code == "1" else i for i in proposal]
    save_version(workspace, first, counter, status=VersionStatus.COUNTER_PROPOSAL, author="agency",
                 actor="prasit", based_on=3, reason="ส่วนราชการขอปรับเกณฑ์ตัวชี้วัดที่ 1 ให้สอดคล้องกับฐานปีก่อน",
                 session=SESSION)
    agree_version(workspace, first, 4, actor="sec", minute="ที่ประชุมมีมติเห็นชอบตามข้อเสนอโต้ตอบของส่วนราชการ",
                  session=SESSION)
    second = add_agreement(workspace, example_agreement(SECOND_AGENCY), actor="sec").id
    save_version(workspace, second, with_changes(example_agreement().indicators, targets={"2": "15"}),
                 status=VersionStatus.PROPOSAL, author="chair", actor="somchai", based_on=1,
                 reason="ระยะเวลาให้บริการควรลดลงตามแผนปฏิรูป", session=SESSION)
    return first, second


@pytest.fixture
def minutes_pdf(workspace, negotiated, tmp_path) -> Path:
    path = tmp_path / "minutes.pdf"
    assert write_minutes(workspace, list(negotiated), path, session=SESSION, meeting=MEETING) == 3
    return path


def test_the_head_names_the_meeting_its_date_place_and_attendees_in_thai_digits(minutes_pdf):
    pages = pypdf_pages(minutes_pdf)
    text = "\n".join(pages)
    assert not PRIVATE_USE.search(text)
    flat = squashed(text)
    for expected in ("การประชุม ครั้งที่ ๓/๒๕๖๙", "เมื่อวันที่ ๑๔ พฤศจิกายน พ.ศ. ๒๕๖๘", f"ณ {thai_digits(MEETING.place)}",
                     "ผู้มาประชุม", "ระเบียบวาระการประชุม"):
        assert squashed(expected) in flat, expected
    for person in MEETING.attendees:
        assert squashed(f"{person.name}{person.position}{person.role}") in flat, person.name
    # The audit head is a code typed back, in Latin hex like a report's verification code: not a number.
    codes = re.sub("[0-9a-f]{16,64}", "", flat.replace("evaluator-app", ""))
    assert not re.search("[0-9]", codes), "Thai digits throughout by default"


def test_each_agreement_on_the_table_lists_proposals_by_name_with_reasons_and_changes_against_the_last_agreed(
        minutes_pdf):
    flat = squashed("\n".join(pypdf_pages(minutes_pdf)))
    assert squashed(f"ระเบียบวาระที่ ๑ คำรับรองการปฏิบัติราชการของ {LONG_AGENCY}") in flat
    assert squashed(f"ระเบียบวาระที่ ๒ คำรับรองการปฏิบัติราชการของ {SECOND_AGENCY}") in flat
    # Names, never login ids: a member by name and role, the agency by its name, the chair by name.
    assert squashed("เสนอโดย นางสาวปิยะนุช ศรีสุข (กรรมการ)") in flat
    assert squashed(f"เสนอโดย ส่วนราชการ ({LONG_AGENCY})") in flat
    assert squashed("เสนอโดย ศาสตราจารย์สมชาย ใจดี (ประธานกรรมการ)") in flat
    for login in ("piyanuch.s", "prasit", "somchai"):
        assert login not in flat
    assert squashed("เหตุผล: ส่วนราชการขอปรับเกณฑ์ตัวชี้วัดที่ ๑ ให้สอดคล้องกับฐานปีก่อน") in flat
    # Against version 2 (the last agreed: 45/25/10/20), not against version 1 or the proposal answered.
    assert squashed("การเปลี่ยนแปลงเทียบกับฉบับที่ตกลงล่าสุด (ฉบับที่ ๒)") in flat
    assert squashed("น้ำหนัก ๔๕ ๔๐") in flat  # indicator 1 in version 3 and 4
    assert squashed("๓ ระดับความสำเร็จของการพัฒนาระบบ ตัดตัวชี้วัด น้ำหนัก ๑๐ -") in flat
    assert squashed("๕ จำนวนช่องทางบริการออนไลน์ที่เปิดใหม่ เพิ่มตัวชี้วัด - น้ำหนัก ๑๐") in flat
    assert squashed("เกณฑ์การให้คะแนน ระดับ ๑: ๘๐, ระดับ ๒: ๘๕") in flat
    assert squashed("เป้าหมาย - ๑๕") in flat


def test_the_resolution_and_the_chair_and_secretary_sign(minutes_pdf, tmp_path):
    pages = pypdf_pages(minutes_pdf)
    flat = squashed("\n".join(pages))
    assert squashed("มติที่ประชุม เห็นชอบคำรับรองฉบับที่ ๔") in flat
    assert squashed("ที่ประชุมมีมติเห็นชอบตามข้อเสนอโต้ตอบของส่วนราชการ") in flat
    assert squashed("ยังไม่ได้ข้อยุติ") in flat  # the second agreement: proposed, not agreed
    last = squashed(pages[-1])
    assert squashed("(นางน้ำฝน ปิ่นทอง)") in last and squashed("กรรมการและเลขานุการ ผู้จดรายงานการประชุม") in last
    assert squashed("(ศาสตราจารย์สมชาย ใจดี)") in last and squashed("ประธานกรรมการ ผู้ตรวจรายงานการประชุม") in last
    assert last.count("ลงชื่อ") == 2
    assert len(render_pages(minutes_pdf, tmp_path)) == len(pages)


def test_without_attendees_the_panel_attends_and_arabic_digits_on_request(workspace, negotiated, tmp_path):
    path = tmp_path / "arabic.pdf"
    write_minutes(workspace, negotiated[0], path, session=SESSION, digits="arabic")
    flat = squashed("\n".join(pypdf_pages(path)))
    assert squashed("การประชุม ครั้งที่ 3/2569") in flat  # the session names the meeting
    for member in PANEL:
        assert squashed(f"{member.name}{member.position}") in flat, member.name
    assert squashed("เห็นชอบคำรับรองฉบับที่ 4") in flat
    assert squashed("(ศาสตราจารย์สมชาย ใจดี)") in flat and squashed("(นางน้ำฝน ปิ่นทอง)") in flat
    assert squashed("เมื่อวันที่ ....") in flat  # no date given: a line to write it on


def test_the_whole_negotiation_starts_with_the_imported_version_and_names_no_login(workspace, negotiated, tmp_path):
    path = tmp_path / "whole.pdf"
    assert write_minutes(workspace, negotiated[0], path, digits="arabic") == 4
    flat = squashed("\n".join(pypdf_pages(path)))
    assert squashed("ฉบับที่ 1 ฉบับที่ตกลง นำเข้าจากไฟล์คำรับรอง เมื่อ") in flat
    assert squashed("ฉบับแรกของคำรับรอง") in flat
    assert "เสนอโดยsec" not in flat and "piyanuch.s" not in flat


def test_entries_compare_with_the_last_agreed_version(workspace, negotiated):
    entries = minutes_entries(workspace, negotiated[0])
    assert [(e.version.number, e.base) for e in entries] == [(1, None), (2, 1), (3, 2), (4, 2)]
    assert {("1", "weight"), ("4", "weight")} <= entries[3].changes.changed_cells()


@pytest.mark.parametrize("text, expected", [
    ("2568-11-14", dt.date(2025, 11, 14)), ("14/11/2568", dt.date(2025, 11, 14)),
    ("๑๔/๑๑/๒๕๖๘", dt.date(2025, 11, 14)), ("2025-11-14", dt.date(2025, 11, 14))])
def test_meeting_dates_as_people_type_them(text, expected):
    assert parse_meeting_date(text) == expected


@pytest.mark.parametrize("text", ["14 พ.ย. 68", "2568-02-30", ""])
def test_a_date_that_is_not_one_is_refused_in_both_languages(text):
    with pytest.raises(ValueError, match=" / "):
        parse_meeting_date(text)


def test_attendees_as_typed_and_who_signs():
    chair = attendee_from_text(" ศาสตราจารย์สมชาย  ใจดี | ประธานกรรมการ | ผู้ทรงคุณวุฒิ ")
    assert chair == Attendee("ศาสตราจารย์สมชาย ใจดี", "ประธานกรรมการ", "ผู้ทรงคุณวุฒิ") and chair.is_chair
    assert attendee_from_text("นางน้ำฝน|กรรมการและเลขานุการ").is_secretary
    assert not attendee_from_text("นายปรีชา|ผู้ช่วยเลขานุการ").is_secretary
    for bad in ("|ประธาน", "ก|ข|ค|ง"):
        with pytest.raises(ValueError, match=" / "):
            attendee_from_text(bad)


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_sixty_long_indicators_with_huge_criteria_print_over_many_pages(workspace, tmp_path, digits):
    """Rows of 200-character names and criteria up to 10¹² fall across page ends without a traceback."""
    names = (LONG_NAME[:120], LONG_NAME, LONG_NAME[:60])
    indicators = tuple(
        Indicator(str(n + 1), names[n % 3], D("1.00") if n else D(41),
                  Thresholds.of(D("1.15"), D("1150.40"), D("1000000.25"), D("999999999.99"), D("1000000000000.00")),
                  unit="บาท") for n in range(60))
    stored = add_agreement(workspace, replace(example_agreement(LONG_AGENCY), indicators=indicators), actor="sec")
    changed = with_changes(indicators, weights={indicators[0].code: D(40), indicators[1].code: D(2)})
    save_version(workspace, stored.id, changed, status=VersionStatus.PROPOSAL, author="agency", actor="sec",
                 based_on=1, reason="ปรับน้ำหนัก", session=SESSION)
    agree_version(workspace, stored.id, 2, actor="sec", minute="เห็นชอบ", session=SESSION)
    path = tmp_path / "long.pdf"
    assert write_minutes(workspace, stored.id, path, session=SESSION, digits=digits) == 1  # proposed, then agreed
    pages = pypdf_pages(path)
    assert len(pages) >= 4 and squashed("มติที่ประชุม") in squashed("".join(pages))
