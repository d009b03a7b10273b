"""A paper never ends with its seal (or its signatures) alone on a page: the seal goes over with the last rows of
the table or the last row of signatures, the parties' signatures with the last clause. Each case is built from
data that put the seal alone on a page before (checked by drawing it as papers were then drawn), and a paper
issued then still verifies."""

from __future__ import annotations

import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from reportlab.platypus import Table

from evaluator_app.domain.rating import Rating
from evaluator_app.reports.document import build_pdf, frame_height
from evaluator_app.reports.fonts import body_style
from evaluator_app.reports.furniture import PageFurniture, earlier_layout
from evaluator_app.reports.minutes import AUDIT_HEAD_LABEL, write_minutes
from evaluator_app.reports.paper_parts import end_together, signed_end
from evaluator_app.reports.papers import make_agreement_paper, make_evaluation_report, make_summary
from evaluator_app.reports.printed import TextRun, page_runs, page_shapes
from evaluator_app.reports.signatures import Signatory, signature_block
from evaluator_app.reports.thai_lines import ThaiParagraph
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.panel import save_member
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.snapshots import reopen_report

from .builders import PANEL, accept_all, rate, real_agreement, real_results
from .helpers import comparable, render_pages, require_tool

SEAL_LINE = "รหัสตรวจสอบ"  # the first line of the seal block (and of the footer, far below)
FOOTER_TOP = 50.0  # points from the bottom: the footer's rule and text lie below
HEADER_BOTTOM = 70.0  # points from the top: the running header lies above


def body_runs(runs: list[TextRun], height: float) -> list[TextRun]:
    return [r for r in runs if FOOTER_TOP < r.y < height - HEADER_BOTTOM]


def company_above(path: Path, first_line: str) -> list[str]:
    """What the page that prints `first_line` (the seal's, the audit box's) prints above it, header and footer
    aside: empty when that block stands alone on its page."""
    data = path.read_bytes()
    want = comparable(first_line).replace(" ", "")
    for runs, (_width, height) in zip(page_runs(data), page_shapes(data), strict=True):
        body = body_runs(runs, height)
        tops = [r for r in body if want in r.text.replace(" ", "")]
        if tops:
            top = max(r.y for r in tops)
            return [r.text for r in body if r.y > top + 1]
    raise AssertionError(f"{first_line!r} is printed on no page")


def qpdf_clean(path: Path) -> None:
    tool = require_tool("qpdf")
    done = subprocess.run([tool, "--check", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "No syntax or stream encoding errors" in done.stdout, done.stdout


def old_and_new(make, tmp_path: Path, name: str) -> tuple[Path, Path]:
    """The paper as issued before round four (the seal where it fell) and as issued now."""
    old, new = tmp_path / f"{name}-old.pdf", tmp_path / f"{name}-new.pdf"
    with earlier_layout():
        make(old)
    make(new)
    return old, new


@pytest.mark.parametrize("count", [3, 14])
def test_the_agreements_seal_goes_over_with_the_annexs_last_rows(workspace, tmp_path, count):
    # 3 and 14 long-named indicators: the annex's table ended right at a page's foot and the seal stood alone.
    stored = add_agreement(workspace, real_agreement(count, agency=f"กรมทดสอบ {count}"), actor="sec")
    old, new = old_and_new(lambda path: make_agreement_paper(workspace, stored.id, path, digits="arabic",
                                                             actor="sec"), tmp_path, "agreement")
    assert company_above(old, SEAL_LINE) == [], "the data no longer reproduces the seal alone"
    company = company_above(new, SEAL_LINE)
    assert any(text.startswith("รวม") for text in company)  # the annex's total row, and the rows before it
    assert any(text[:2].strip() == str(count) for text in company), company
    for path in (old, new):
        assert verify_pdf(workspace, path).ok  # the old paper still verifies: verify draws it as it was drawn
        qpdf_clean(path)
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    assert len(render_pages(new, pictures)) >= 2


def test_the_parties_sign_under_the_last_clause_not_on_a_page_of_their_own(workspace, tmp_path):
    from .test_header_long_agency import LONG_AGENCY

    # The longest agency name makes the clauses fill the first page: the signatures used to start page two.
    stored = add_agreement(workspace, real_agreement(4, agency=LONG_AGENCY), actor="sec")
    old, new = old_and_new(lambda path: make_agreement_paper(workspace, stored.id, path, digits="thai",
                                                             actor="sec"), tmp_path, "parties")
    assert company_above(old, "ลงชื่อ") == []
    assert any(text.startswith("๖.") for text in company_above(new, "ลงชื่อ"))  # clause 6 comes along
    assert verify_pdf(workspace, old).ok and verify_pdf(workspace, new).ok


def test_the_evaluation_reports_seal_stays_with_the_last_row_of_signatures(workspace, tmp_path):
    # Seven indicators, a committee of six, a second revision: the last row of signatures ended page three, the
    # revision line and the seal made page four.
    for member in PANEL:
        save_member(workspace, member, actor="sec")
    stored = add_agreement(workspace, real_agreement(7, agency="กรมทดสอบ 7"), actor="sec")
    rate(workspace, stored.id, real_results(7))
    accept_reported(workspace, stored.id, 12, None, actor="chair")
    make_evaluation_report(workspace, stored.id, tmp_path / "first.pdf", digits="arabic", actor="sec")
    reopen_report(workspace, stored.id, 12, reason="ส่วนราชการส่งหลักฐานเพิ่มเติม", actor="chair")
    record_rating(workspace, stored.id, Rating("1", 12, result=D("93")), actor="sec")
    accept_reported(workspace, stored.id, 12, None, actor="chair")
    old, new = old_and_new(lambda path: make_evaluation_report(workspace, stored.id, path, digits="arabic",
                                                               actor="sec"), tmp_path, "report")
    assert not any("ลงชื่อ" in text for text in company_above(old, SEAL_LINE))
    assert any("ลงชื่อ" in text for text in company_above(new, SEAL_LINE))
    for path in (old, new):
        assert verify_pdf(workspace, path).ok
        qpdf_clean(path)


@pytest.mark.parametrize(("members", "agencies"), [(2, 1), (2, 6), (6, 1), (6, 4), (6, 8)])
def test_summary_and_minutes_never_end_with_the_seal_or_the_audit_box_alone(workspace, tmp_path, members,
                                                                          agencies):
    # Before: with the secretary and an assistant on the panel the minutes' audit box stood alone on the last
    # page; with a panel of six, a summary of one to four agencies ended with its seal alone.
    for member in PANEL[-members:]:
        save_member(workspace, member, actor="sec")
    for n in range(agencies):
        stored = add_agreement(workspace, real_agreement(2, agency=f"กรมทดสอบที่ {n + 1}"), actor="sec")
        rate(workspace, stored.id, real_results(2))
        accept_all(workspace, stored.id)
    box = AUDIT_HEAD_LABEL.strip()
    summary_alone = members == 6 and agencies <= 4
    minutes_alone = members == 2

    def make(summary: Path, minutes: Path) -> None:
        make_summary(workspace, 2569, summary, digits="arabic", actor="sec")
        write_minutes(workspace, stored.id, minutes, digits="arabic")

    with earlier_layout():
        make(tmp_path / "summary-old.pdf", tmp_path / "minutes-old.pdf")
    make(tmp_path / "summary.pdf", tmp_path / "minutes.pdf")
    assert (not company_above(tmp_path / "summary-old.pdf", SEAL_LINE)) is summary_alone
    assert (not company_above(tmp_path / "minutes-old.pdf", box)) is minutes_alone
    assert any("ลงชื่อ" in text for text in company_above(tmp_path / "summary.pdf", SEAL_LINE))
    assert any("ลงชื่อ" in text for text in company_above(tmp_path / "minutes.pdf", box))
    assert verify_pdf(workspace, tmp_path / "summary-old.pdf").ok and verify_pdf(workspace, tmp_path / "summary.pdf").ok
    assert verify_pdf(workspace, tmp_path / "minutes.pdf").ok
    qpdf_clean(tmp_path / "summary.pdf")
    qpdf_clean(tmp_path / "minutes.pdf")


# EndTogether on its own: paragraphs and tables of every length against a page, as the frame meets them.

def _story(lines: int, rows: int) -> list:
    style = body_style("EndTest")
    story: list = [ThaiParagraph("ย่อหน้าเติมหน้า " * 30, style) for _ in range(lines)]
    if rows:
        story.append(Table([[f"{n}", "ตัวชี้วัด"] for n in range(1, rows + 1)], repeatRows=1))
    return story


@pytest.mark.parametrize(("lines", "rows"), [(n, r) for n in range(0, 14, 3) for r in (0, 6, 40, 90)])
def test_the_end_never_starts_a_page(tmp_path, lines, rows):
    if not lines and not rows:
        return
    seal = [ThaiParagraph("ตราประทับท้ายเอกสาร " * 12, body_style("EndSeal", spaceBefore=12))]
    path = tmp_path / "end.pdf"
    build_pdf(path, end_together(_story(lines, rows), seal), furniture=PageFurniture())
    assert company_above(path, "ตราประทับท้ายเอกสาร"), (lines, rows)


def test_an_end_taller_than_a_page_still_prints(tmp_path):
    people = [Signatory(f"กรรมการคนที่ {n}", "ตำแหน่ง", "กรรมการ") for n in range(40)]
    signatures = signature_block(people, 400)
    seal = [ThaiParagraph("ตราประทับ", body_style("EndSeal2"))]
    path = tmp_path / "tall.pdf"
    pages = build_pdf(path, signed_end(_story(2, 0), signatures, seal), furniture=PageFurniture())
    assert pages >= 3 and frame_height() > 0
    assert company_above(path, "ตราประทับ")
