"""The evaluation report as a real PDF: rendered to PNG, read back with pypdf and poppler; head, figures, both column
groups, notes, comments, signatures without the conflicted member, the seal on every page, page flow and digits."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal as D

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from evaluator_app.reports.evaluation_data import collect_evaluation
from evaluator_app.reports.papers import DIGITS_SETTING, make_evaluation_report, preview_evaluation
from evaluator_app.reports.seal import verification_code
from evaluator_app.reports.thai_lines import THAI_COMBINING
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.panel_results import panel_result

from .builders import ADJUST_REASON, CONFLICTED, PANEL, accept_all, long_agreement, rate, self_assessed, with_panel
from .helpers import PRIVATE_USE, comparable, pdftotext_raw, pypdf_pages, render_pages


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", comparable(text))


@pytest.fixture
def panel_report(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    with_panel(workspace, agreement_id)
    path = tmp_path / "report.pdf"
    made = make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="sec")
    return workspace, agreement_id, path, made


def test_panel_report_reads_back_with_figures_signatures_and_seal(panel_report, tmp_path):
    workspace, agreement_id, path, made = panel_report
    pages = pypdf_pages(path)
    text = "\n".join(pages)
    assert not PRIVATE_USE.search(text), "shaped Thai must extract as real characters"
    flat = squashed(text)
    for expected in ("รายงานผลการประเมินผลการปฏิบัติราชการ", "ส่วนราชการ: กรมตัวอย่าง", "ประจำปีงบประมาณ พ.ศ. 2569",
                     "รอบการประเมิน: 12 เดือน", "ผลการประเมินตนเอง", "ผลการประเมินของคณะกรรมการ",
                     "ร้อยละความสำเร็จของการเบิกจ่าย", "ระยะเวลาเฉลี่ยในการให้บริการ", "หลักเกณฑ์ที่ใช้ในการประเมิน",
                     "ความเห็นและข้อเสนอแนะของคณะกรรมการ", "ควรปรับปรุงระบบคิวให้ลดระยะเวลารอคอยต่อเนื่อง"):
        assert squashed(expected) in flat, expected
    # The committee group is the panel's figure: the mean of the four counting members, never the conflicted one.
    result = panel_result(workspace, agreement_id, 12)
    assert result.excluded == ("m3",)
    content = made.snapshot.content
    assert content["committee"]["source"] == "panel" and content["committee"]["rule"] == "mean"
    assert content["totals"]["committee"] == f"{result.total:.4f}"
    assert f"คะแนนรวมตามผลการประเมินของคณะกรรมการ {result.total:.4f}".replace(" ", "") in flat
    assert "3.4500" in text  # the agency's own total, as reported
    for row in content["indicators"]:
        assert row["committee"]["score"] == f"{result.sheet.indicator(row['code']).score:.4f}"
    # Signature blocks: every member in signing order except the conflicted one, names in parentheses.
    signing = [m.name for m in PANEL if m.id != "m3"]
    assert [s["name"] for s in content["signatories"] if not s["recused"]] == signing  # the panel's signing order
    assert [s["name"] for s in content["signatories"] if s["recused"]] == [CONFLICTED]  # listed, not signing
    assert all(squashed(f"({name})") in flat for name in signing)
    assert squashed(f"({CONFLICTED})") not in flat
    assert flat.count(squashed(CONFLICTED)) == 2  # named as recused: in who decided, and by the signatures
    for role in ("ประธานกรรมการ", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ", "ลงชื่อ", "วันที่........เดือน"):
        assert squashed(role) in flat, role
    # The seal: the code in every page's footer, the full hash on the last page only, the hash in the metadata.
    code = verification_code(made.snapshot.sha256)
    assert all(f"รหัสตรวจสอบ {code}" in page for page in pages)
    assert made.snapshot.sha256 in pages[-1].replace("\n", "") and made.snapshot.sha256 not in pages[0]
    assert made.snapshot.sha256 in str(PdfReader(str(path)).metadata["/Subject"])
    assert all(f"หน้า {n} / {len(pages)}" in page for n, page in enumerate(pages, start=1))
    # Rendered pages: as many PNGs as pages, each with ink on it.
    pngs = render_pages(path, tmp_path, dpi=40)
    assert len(pngs) == made.pages == len(pages)
    assert all(png.stat().st_size > 2000 for png in pngs)


def test_no_line_starts_with_a_combining_mark_no_notdef_and_thai_reads_back_as_typed(panel_report):
    _, _, path, made = panel_report
    lines = [line for page in pypdf_pages(path) for line in page.splitlines()]
    starts = [line for line in lines if line and (line[0] in THAI_COMBINING or unicodedata.combining(line[0]))]
    assert starts == []
    assert_no_notdef(path)
    flat = squashed(pdftotext_raw(path))
    content = made.snapshot.content
    # Every Thai text the report was made from comes back character for character (ำ recomposed).
    signers = [s["position"] for s in content["signatories"] if not s["recused"]]
    for text in [r["name"] for r in content["indicators"]] + signers:
        assert squashed(text) in flat, text


def assert_no_notdef(path) -> None:
    """reportlab writes code 0, the font's .notdef, for a character Sarabun has no glyph for: a tofu box on paper."""
    reader = PdfReader(str(path))
    for page in reader.pages:
        fonts = {name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()}
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(operands[0])
            elif operator in (b"Tj", b"TJ") and current and "Sarabun" in str(fonts[current]["/BaseFont"]):
                for item in operands[0] if operator == b"TJ" else [operands[0]]:
                    if isinstance(item, str | bytes):
                        raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                        assert b"\x00" not in raw


def test_adjusted_scores_are_marked_with_their_reasons_below_the_table(workspace, tmp_path):
    agreement_id = self_assessed(workspace)  # no panel: the committee's own adjustments of the agency's results
    path = tmp_path / "adjusted.pdf"
    made = make_evaluation_report(workspace, agreement_id, path, digits="arabic", actor="sec")
    content = made.snapshot.content
    assert content["committee"]["source"] == "verified"
    assert content["notes"] == [{"mark": 1, "code": "1", "text": f"คณะกรรมการปรับคะแนนจาก 3.4000 เป็น 3.2000: "
                                                               f"{ADJUST_REASON}"}]
    text = "\n".join(pypdf_pages(path))
    assert "3.2000¹" in text  # the mark beside the committee's score
    assert squashed(f"¹ ตัวชี้วัด 1: คณะกรรมการปรับคะแนนจาก 3.4000 เป็น 3.2000: {ADJUST_REASON}") in squashed(text)
    # Self-assessment keeps the agency's own score; the committee total uses the adjusted one.
    assert content["totals"]["self"] == "3.4500" and content["totals"]["committee"] == "3.3500"
    assert content["eligibility"] == {"threshold": "3.0000", "eligible": True,
                                      "tier": "ได้รับสิ่งจูงใจ (eligible for incentive)"}
    assert squashed("คะแนนรวมตามผลการประเมินของคณะกรรมการ 3.3500 ไม่ต่ำกว่าเกณฑ์ 3.0000") in squashed(text)
    for rule in ("ผลต่ำกว่าเกณฑ์ระดับแรกได้คะแนน 1", "ปัดคะแนนเป็นทศนิยม 4 ตำแหน่ง",
                 "ให้คะแนนตามระดับขั้นตอนที่ดำเนินการสำเร็จครบทั้งระดับ", "คะแนนรวมตั้งแต่ 3.0000 ขึ้นไป"):
        assert squashed(rule) in squashed(text), rule
    # Dimension subtotals and the chart's labels are there; the chart labels are shaped text, not graphics strings.
    for number, dimension in enumerate(("ประสิทธิผล", "การพัฒนาองค์การ", "คุณภาพการให้บริการ"), start=1):
        assert squashed(f"รวมมิติที่ {number} {dimension}") in squashed(text)
    assert "คะแนนถ่วงน้ำหนักรายมิติ" in comparable(text)


def test_long_table_repeats_its_header_and_never_cuts_a_row(workspace, tmp_path):
    # 45 rows: the table runs over three pages whatever type the layout chooses to save pages.
    stored = add_agreement(workspace, long_agreement(count=45), actor="sec")
    rate(workspace, stored.id, {str(n): str(55 + (n * 7) % 46) for n in range(1, 46)})
    accept_all(workspace, stored.id)
    path = tmp_path / "long.pdf"
    made = make_evaluation_report(workspace, stored.id, path, digits="arabic", actor="sec")
    pages = [squashed(p) for p in pypdf_pages(path)]
    assert made.pages >= 4
    table_pages = [p for p in pages if squashed("(ตัวที่") in p]
    assert len(table_pages) >= 3
    assert all(squashed("เกณฑ์การให้คะแนน") in p and squashed("ผลการประเมินตนเอง") in p for p in table_pages)
    for row in made.snapshot.content["indicators"]:
        whole = squashed(f"{row['name']} {row['weight']}")
        holders = [n for n, p in enumerate(pages) if whole in p]
        assert len(holders) == 1, f"row {row['code']} is not whole on one page"


def test_thai_digits_on_paper_and_the_code_stays_latin(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    path = tmp_path / "thai.pdf"
    workspace.set_setting(DIGITS_SETTING, "thai")
    made = make_evaluation_report(workspace, agreement_id, path, actor="sec")
    pages = pypdf_pages(path)
    assert "หน้า ๑ / " in pages[0] and "๓.๓๕๐๐" in pages[-1] + pages[0] + "".join(pages)
    assert "3.3500" not in "".join(pages)
    assert f"รหัสตรวจสอบ {verification_code(made.snapshot.sha256)}" in pages[0]
    assert "พ.ศ. ๒๕๖๙" in pages[0]
    workspace.set_setting(DIGITS_SETTING, "arabic")
    preview = preview_evaluation(workspace, agreement_id)
    assert b"%PDF" in preview[:8]


def test_preview_stores_nothing_and_content_is_deterministic(workspace):
    agreement_id = self_assessed(workspace)
    before = workspace.conn.execute("SELECT count(*) FROM report_snapshots").fetchone()[0]
    preview_evaluation(workspace, agreement_id, digits="arabic")
    assert workspace.conn.execute("SELECT count(*) FROM report_snapshots").fetchone()[0] == before == 0
    assert collect_evaluation(workspace, agreement_id) == collect_evaluation(workspace, agreement_id)
    assert D(collect_evaluation(workspace, agreement_id)["totals"]["committee"]) == D("3.3500")
