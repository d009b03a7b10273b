"""The negotiation minutes: a real PDF read back, with the decision text, dates in the Buddhist Era and weights."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.reports.minutes import minutes_entries, write_minutes
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.versions import agree_version, save_version
from tests.conftest import example_agreement

from .helpers import PRIVATE_USE, comparable, pypdf_pages

DECISION = "ที่ประชุมมีมติเห็นชอบให้ปรับน้ำหนักตัวชี้วัดที่ 1 เป็น 45 และตัวชี้วัดที่ 4 เป็น 25 (Agreed: KPI-1 = 45)"
SESSION = "ครั้งที่ 1/2569"


def squashed(text: str) -> str:
    """Comparable text without whitespace: the extractor breaks lines where the paragraph wrapped."""
    return re.sub(r"\s+", "", comparable(text))


@pytest.fixture
def negotiated(workspace):
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    base = example_agreement().indicators
    save_version(workspace, stored.id, with_changes(base, weights={"1": D(40), "4": D(30)}),
                 status=VersionStatus.PROPOSAL, author="committee", actor="secretary", based_on=1,
                 reason="เพิ่มน้ำหนักความพึงพอใจของผู้รับบริการ", session=SESSION)
    save_version(workspace, stored.id, with_changes(base, weights={"1": D(45), "4": D(25)}),
                 status=VersionStatus.COUNTER_PROPOSAL, author="agency", actor="secretary", based_on=2,
                 reason="ส่วนราชการขอคงน้ำหนักการเบิกจ่ายไว้ที่ 45", session=SESSION)
    save_version(workspace, stored.id, base, status=VersionStatus.DRAFT, author="committee", actor="secretary",
                 reason="ร่างทำงาน ไม่ต้องบันทึก", session=SESSION)
    agree_version(workspace, stored.id, 3, actor="chair", minute=DECISION)
    return stored.id


def test_minutes_pdf_carries_every_proposed_and_agreed_version_with_the_decision_text(workspace, negotiated,
                                                                                     tmp_path):
    path = tmp_path / "minutes.pdf"
    assert write_minutes(workspace, negotiated, path, session=SESSION, digits="arabic") == 2  # no draft minuted
    text = "\n".join(pypdf_pages(path))
    assert not PRIVATE_USE.search(text), "shaped Thai must extract as real characters"
    flat = squashed(text)
    assert squashed(DECISION) in flat
    for expected in ("บันทึกการเจรจาข้อตกลง", "การประชุม ครั้งที่ 1/2569", "ฉบับที่ 2 ข้อเสนอ",
                     "ฉบับที่ 3 ฉบับที่ตกลง", "เสนอโดย ส่วนราชการ (กรมตัวอย่าง)",
                     "เพิ่มน้ำหนักความพึงพอใจของผู้รับบริการ"):
        assert squashed(expected) in flat, expected
    assert squashed("ร่างทำงาน") not in flat
    # Dates in the Buddhist Era with a Thai month name; the weight change from the version answered.
    assert re.search(r"พ\.ศ\.25\d\d", flat)
    assert re.search("(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
                     "พฤศจิกายน|ธันวาคม)", flat)
    # Changes are against the last agreed version (1: weights 50/20/10/20), not the proposal answered (2).
    assert squashed("1 ร้อยละความสำเร็จของการเบิกจ่าย น้ำหนัก 50 45") in flat
    assert squashed("1 ร้อยละความสำเร็จของการเบิกจ่าย น้ำหนัก 50 40") in flat
    assert "Agreed:KPI-1=45" in flat


def test_minutes_of_the_whole_agreement_and_refusal_when_none(workspace, negotiated, tmp_path):
    entries = minutes_entries(workspace, negotiated)
    assert [(e.version.number, e.version.status) for e in entries] == [
        (1, VersionStatus.AGREED), (2, VersionStatus.PROPOSAL), (3, VersionStatus.AGREED)]
    assert entries[2].changes is not None and entries[2].changes.changed_cells() == {("1", "weight"),
                                                                                     ("4", "weight")}
    with pytest.raises(ProblemsError, match="no version was proposed or agreed in meeting 'ครั้งที่ 9'"):
        write_minutes(workspace, negotiated, tmp_path / "none.pdf", session="ครั้งที่ 9")
    assert not (tmp_path / "none.pdf").exists()
