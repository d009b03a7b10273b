"""The papers on agreements written like real ones: long Thai names, criteria in the thousands with decimals, results as
Excel stores them. Printed for real, read back with pypdf and pdftotext, rendered with pdftoppm, checked with qpdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator_app.cli import main
from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.reports.evaluation_report import SEAL_HEIGHT, table_plan
from evaluator_app.reports.furniture import DRAFT_WATERMARK
from evaluator_app.reports.papers import (
    ORIENTATION_SETTING,
    make_agreement_paper,
    make_evaluation_report,
    make_summary,
)
from evaluator_app.reports.printed_numbers import printed_result, printed_threshold
from evaluator_app.reports.seal import Seal, seal_block
from evaluator_app.reports.thai_lines import segment_words
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.snapshots import KIND_EVALUATION, evaluation_scope, latest_snapshot
from evaluator_app.store.workspace import Workspace

from .builders import REAL_AGENCY, REAL_NAMES, T, accept_all, rate, real_agreement, real_results
from .helpers import comparable, pdftotext_raw, pypdf_pages, render_pages, require_tool


def _issued(workspace: Workspace, tmp_path: Path, digits: str, count: int = 10) -> tuple[int, Path]:
    stored = add_agreement(workspace, real_agreement(count), actor="sec")
    rate(workspace, stored.id, real_results(count))
    accept_all(workspace, stored.id)  # the committee confirms the reported results: only then is it issued
    path = tmp_path / f"report-{digits}.pdf"
    make_evaluation_report(workspace, stored.id, path, digits=digits, actor="sec")
    return stored.id, path


def _qpdf_clean(path: Path) -> None:
    tool = require_tool("qpdf")
    result = subprocess.run([tool, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, result.stdout


def test_printed_numbers_group_thousands_and_round_results_to_four_places():
    assert printed_result("92.33333333333333") == "92.3333"
    assert printed_result("1259.86") == "1,259.86"
    assert printed_result("92.5", places=2) == "92.50"
    assert printed_result("1000000000000.00") == "1,000,000,000,000.00"
    assert printed_threshold("1150.4", 2) == "1,150.40" and printed_threshold("8000", 0) == "8,000"


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_real_agreement_prints_on_three_pages_with_separators_and_results_to_four_places(workspace, tmp_path,
                                                                                         digits):
    _, path = _issued(workspace, tmp_path, digits)
    reader = PdfReader(str(path))
    # With the signature section (blank lines without a panel), the statement of who decided and the seal.
    assert len(reader.pages) <= 3
    text = comparable("\n".join(pypdf_pages(path)))
    thai = digits == "thai"
    for expected in ("1,259.86", "1,150.40", "1,256.27", "92.3333"):
        shown = expected.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai else expected
        assert shown in text, shown
    assert "92.33333" not in text and "๙๒.๓๓๓๓๓" not in text  # the full value stays in the data only
    # The issued report carries no draft watermark.
    assert DRAFT_WATERMARK.replace(" ", "") not in text.replace(" ", "")
    _qpdf_clean(path)


# Long names cut from the real ones and a clause that lengthens them to 150-200 characters, on word boundaries.
_LONGER = " โดยคำนึงถึงความคุ้มค่าและผลสัมฤทธิ์ของภารกิจตามยุทธศาสตร์ชาติและแผนแม่บทภายใต้ยุทธศาสตร์ชาติที่เกี่ยวข้อง"


def _names_of(length: int) -> list[str]:
    names = []
    for name in REAL_NAMES:
        text = name if len(name) >= length else name + _LONGER
        words = segment_words(text)
        while len("".join(words)) > length:
            words.pop()
        names.append("".join(words).strip())
    return names


@pytest.mark.parametrize(("length", "digits"), [(150, "thai"), (200, "arabic"), (200, "thai")])
def test_ten_indicators_of_150_to_200_characters_print_on_three_pages_as_planned(workspace, tmp_path, length,
                                                                                 digits):
    names = _names_of(length)
    assert all(length - 20 <= len(name) <= length for name in names)
    base = real_agreement(10)
    agreement = replace(base, indicators=tuple(replace(item, name=names[n % len(names)])
                                               for n, item in enumerate(base.indicators)))
    stored = add_agreement(workspace, agreement, actor="sec")
    rate(workspace, stored.id, real_results(10))
    accept_all(workspace, stored.id)
    made = make_evaluation_report(workspace, stored.id, tmp_path / "long-names.pdf", digits=digits, actor="sec")
    assert made.pages <= 3
    # The page breaker the layout plans with counts the pages reportlab makes.
    assert table_plan(made.snapshot.content, digits).pages == made.pages
    text = comparable("\n".join(pypdf_pages(tmp_path / "long-names.pdf")))
    assert "ลงนามคณะกรรมการ" in text and "audit head" in text


def test_the_plan_depends_on_the_content_and_not_on_the_day(workspace, tmp_path, monkeypatch):
    # verify draws an issued report again on a later day: its pages must be those it was issued on.
    from evaluator_app.reports import evaluation_report
    from evaluator_app.reports.evaluation_data import collect_evaluation

    agreement_id, path = _issued(workspace, tmp_path, "thai")
    issued = latest_snapshot(workspace.conn, KIND_EVALUATION, evaluation_scope(agreement_id, 12))
    assert issued is not None
    draft = collect_evaluation(workspace, agreement_id, 12)
    real = evaluation_report.issued_on

    def no_today(created_at, digits):
        assert created_at is not None, "the plan asked for today's date"
        return real(created_at, digits)

    monkeypatch.setattr(evaluation_report, "issued_on", no_today)
    assert evaluation_report.table_plan(issued.content, "thai").pages == len(PdfReader(str(path)).pages)
    evaluation_report.table_plan(draft, "thai")


def test_the_planned_seal_height_is_the_seal_blocks():
    seal = Seal(12, 1, "evaluation", "a" * 64, "2026-12-03T00:00:00+00:00")
    for digits in ("thai", "arabic"):
        [block] = seal_block(seal, digits, "b" * 64)
        height = sum(part.wrap(600, 1e6)[1] + part.getSpaceBefore() + part.getSpaceAfter() for part in block._content)
        assert height == pytest.approx(SEAL_HEIGHT, abs=1.0)


def test_no_number_or_word_is_broken_across_lines_and_no_indicator_name_is_cut(workspace, tmp_path):
    _, path = _issued(workspace, tmp_path, "arabic")
    lines = [line.strip() for line in pdftotext_raw(path).splitlines() if line.strip()]
    for line in lines:
        # A figure is whole: no line starts or ends in the middle of digits-with-separators.
        assert not re.match(r"^[,.]\d", line) and not re.search(r"\d[,.]$", line), line
    # The compound that used to break (ประสิ|ทธิผล) and the year after พ.ศ. stay on one line.
    joined = "\n".join(comparable(line) for line in lines)
    assert "ประสิ\nทธิ" not in joined and "พ.ศ.\n" not in joined


def test_empty_dimension_prints_empty_and_not_zero(workspace, tmp_path):
    agreement = Agreement(REAL_AGENCY, 2569, (
        Indicator("1", "ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณ", D(60), T(80, 85, 90, 95, 100), dimension="มิติแรก"),
        Indicator("2", "ร้อยละความพึงพอใจของผู้รับบริการ", D(40), T(70, 75, 80, 85, 90), dimension="มิติที่ยังไม่มีผล"),
    ), framework_id="five-level-2560-onward")
    stored = add_agreement(workspace, agreement, actor="sec")
    rate(workspace, stored.id, {"1": "92"})
    path = tmp_path / "draft.pdf"
    make_evaluation_report(workspace, stored.id, path, digits="thai", actor="sec", draft=True)
    subtotals = [line for line in pdftotext_raw(path).splitlines() if "รวมมิติที่" in comparable(line)]
    assert len(subtotals) == 2 and "๒๘.๐๐๐๐" not in subtotals[1]
    assert "๐.๐๐๐๐" not in subtotals[1] and "๐.๐๐๐๐" not in subtotals[0], subtotals


def test_every_draft_page_carries_the_watermark_and_page_one_is_filled(workspace, tmp_path):
    stored = add_agreement(workspace, real_agreement(10), actor="sec")
    rate(workspace, stored.id, real_results(10))
    path = tmp_path / "draft.pdf"
    made = make_evaluation_report(workspace, stored.id, path, digits="thai", actor="sec", draft=True)
    pages = pypdf_pages(path)
    assert made.pages == len(pages) <= 3  # see above: the signature section and who decided
    assert all("ฉบับร่าง / DRAFT" in comparable(page) for page in pages)
    # Page 1 is used down to its last third: the table continues there instead of jumping to page 2.
    from PIL import Image

    first = Image.open(render_pages(path, tmp_path, dpi=30)[0]).convert("L")
    width, height = first.size
    band = first.crop((int(width * 0.1), int(height * 0.62), int(width * 0.9), int(height * 0.85)))
    dark = sum(1 for value in band.tobytes() if value < 100)
    assert dark > band.size[0] * band.size[1] * 0.01, "the lower third of page 1 is empty"
    _qpdf_clean(path)


def test_orientation_setting_turns_the_report(workspace, tmp_path):
    stored = add_agreement(workspace, real_agreement(3, wide=False), actor="sec")
    rate(workspace, stored.id, real_results(3, wide=False))
    sizes = {}
    for orientation in ("portrait", "landscape"):
        workspace.set_setting(ORIENTATION_SETTING, orientation)
        path = tmp_path / f"{orientation}.pdf"
        make_evaluation_report(workspace, stored.id, path, digits="arabic", actor="sec", draft=True)
        box = PdfReader(str(path)).pages[0].mediabox
        sizes[orientation] = (float(box.width), float(box.height))
    assert sizes["portrait"][0] < sizes["portrait"][1] and sizes["landscape"][0] > sizes["landscape"][1]


def test_agreement_annex_prints_8000_whole_with_its_separator_and_sara_am_is_searchable(workspace, tmp_path):
    stored = add_agreement(workspace, real_agreement(4), actor="sec")
    path = tmp_path / "agreement.pdf"
    make_agreement_paper(workspace, stored.id, path, digits="thai", actor="sec")
    raw = pdftotext_raw(path)
    assert "๘,๐๐๐" in raw and not re.search("๘๐๐\\s*\n\\s*๐", raw)
    # ำ extracts as U+0E33, not ํ + า: a plain search for the word finds it, with both extractors.
    assert "คำรับรอง" in raw and "\u0e4d\u0e32" not in raw
    assert "คำรับรอง" in "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    _qpdf_clean(path)


def test_summary_prints_and_passes_qpdf(workspace, tmp_path):
    _issued(workspace, tmp_path, "thai")
    path = tmp_path / "summary.pdf"
    make_summary(workspace, 2569, path, digits="thai", actor="sec")
    assert REAL_AGENCY[:20] in comparable("\n".join(pypdf_pages(path)))
    _qpdf_clean(path)


def test_a_name_longer_than_a_page_is_refused_naming_the_row_with_exit_2(workspace_path, tmp_path, capsys):
    with Workspace.open(workspace_path) as workspace:
        agreement = Agreement(REAL_AGENCY, 2569, (
            Indicator("1", "ร้อยละความสำเร็จ", D(50), T(80, 85, 90, 95, 100)),
            Indicator("2.1", "การพัฒนาระบบราชการ " * 900, D(50), T(80, 85, 90, 95, 100)),
        ), framework_id="five-level-2560-onward")
        stored = add_agreement(workspace, agreement, actor="sec")
    out = tmp_path / "refused.pdf"
    code = main(["--db", str(workspace_path), "report", str(stored.id), "--out", str(out), "--draft"])
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert "indicator 2.1" in err and "Traceback" not in err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_wide_thai_figures_print_without_error_whatever_the_orientation_setting(workspace, tmp_path):
    # Portrait cannot hold these figures even in the smallest type: the setting gives way to landscape.
    stored = add_agreement(workspace, real_agreement(10), actor="sec")
    rate(workspace, stored.id, real_results(10))
    for orientation in ("portrait", "landscape"):
        workspace.set_setting(ORIENTATION_SETTING, orientation)
        path = tmp_path / f"wide-{orientation}.pdf"
        made = make_evaluation_report(workspace, stored.id, path, digits="thai", actor="sec", draft=True)
        assert len(render_pages(path, tmp_path / orientation if (tmp_path / orientation).mkdir() is None else tmp_path,
                                dpi=20)) == made.pages
        _qpdf_clean(path)
