"""Thai line breaking: breaks only between words, marks stay on their consonant, Paragraph agrees."""

from __future__ import annotations

import re
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

from evaluator_app.reports import fonts
from evaluator_app.reports.demo import DEMO_PARAGRAPH
from evaluator_app.reports.shaping import line_width
from evaluator_app.reports.thai_lines import (
    THAI_COMBINING,
    Run,
    ThaiParagraph,
    break_opportunities,
    segment_words,
)

from .helpers import comparable, pypdf_pages

SENTENCE = ("คณะกรรมการได้พิจารณาผลการดำเนินงานตามคำรับรองการปฏิบัติราชการของส่วนราชการแล้ว "
            "เห็นว่าผู้ประเมินอิสระที่ปั้นญี่ปุ่นน้ำชี้ตั้งป่าปี่")
NEVER_FIRST = THAI_COMBINING | set("ะาำๅๆฯ")


def segmenter_boundaries(text: str) -> set[int]:
    """Offsets between the segmenter's words (spaces count as words)."""
    return set(accumulate(len(token) for token in segment_words(text)))


def line_starts(text: str, lines: list[str]) -> list[int]:
    """Where each line after the first begins in ``text`` (lines drop the spaces they broke at)."""
    starts, position = [], 0
    for line in lines:
        position = text.index(line, position)
        starts.append(position)
        position += len(line)
    return starts[1:]


def test_segmenter_finds_thai_words_and_keeps_domain_words():
    assert segment_words("ผู้ประเมินอิสระที่ปั้นญี่ปุ่น") == ["ผู้ประเมิน", "อิสระ", "ที่", "ปั้น", "ญี่ปุ่น"]
    assert segment_words("ตามตัวชี้วัดที่ 2.1") == ["ตาม", "ตัวชี้วัด", "ที่", " ", "2.1"]
    assert segment_words("") == []


@pytest.mark.parametrize("width", range(130, 460, 9))
def test_known_sentence_breaks_only_between_its_newmm_words(width):
    lines = ThaiParagraph(SENTENCE).lines_for_width(width)
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")
    allowed = segmenter_boundaries(SENTENCE)
    for start in line_starts(SENTENCE, lines):
        assert start in allowed or SENTENCE[start - 1] == " ", (width, lines)


@pytest.mark.parametrize("width", [20, 35, 50, 70, 90, 110])
def test_narrow_columns_break_compounds_then_clusters_never_before_a_mark(width):
    text = DEMO_PARAGRAPH + " สำนักงานคณะกรรมการพัฒนาระบบราชการ https://www.opdc.go.th/content/long/path"
    paragraph = ThaiParagraph(text)
    lines = paragraph.lines_for_width(width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert line and line[0] not in NEVER_FIRST and line[0] != " ", line
        # Over-long words were split until every line fits (a single cluster may still overflow, and so may a
        # number, which is never broken, with the abbreviation that introduces it: "พ.ศ. 2569", "92.50)").
        unbreakable = re.fullmatch(r"(พ\.ศ\. )?[0-9.,]+\)?|\(?(?:[ก-ฮ]\.)+\)?", line)
        if width >= 35 and not unbreakable:  # narrower than that, a single cluster (เนิน) may be wider
            assert line_width([(line, fonts.REGULAR)], 16) <= width + 0.01, line
        assert not re.search(r"^[0-9]|[0-9]$", line) or unbreakable or " " in line, line


def test_compound_longer_than_a_line_splits_into_dictionary_words():
    lines = ThaiParagraph("สำนักงานคณะกรรมการพัฒนาระบบราชการ").lines_for_width(110)
    assert lines == ["สำนักงาน", "คณะกรรมการ", "พัฒนาระบบ", "ราชการ"]


thai_text = st.text(
    alphabet=st.sampled_from(list("กขคงจฉชซญฎฐณดตถทนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุูเแโใไ็่้๊๋์ๆฯ  ()0123456789.,ab")),
    min_size=1, max_size=120)


@settings(max_examples=60, deadline=None)
@given(text=thai_text, width=st.integers(min_value=25, max_value=300))
def test_no_line_starts_with_a_combining_mark(text, width):
    lines = ThaiParagraph(text).lines_for_width(width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\u200b", "")
    for line in lines[1:]:
        if line:
            assert line[0] not in THAI_COMBINING, (text, lines)


@pytest.mark.parametrize(("text", "kept"), [
    ("ตัวชี้วัดที่ 2.1 (ร้อยละ 92.50%) ครบถ้วน", ["(ร้อยละ", "92.50%)"]),
    ("งานต่าง ๆ ของส่วนราชการ", ["ต่าง ๆ"]),
    ("ทำงานมากๆ ทุกวัน", ["มากๆ"]),
    ("ที่กรุงเทพฯ และ“ราชการ”และ\"ผู้ประเมิน\"", ["กรุงเทพฯ", "“ราชการ”", "\"ผู้ประเมิน\""]),
])
def test_brackets_quotes_and_repeat_marks_stay_with_their_words(text, kept):
    breaks = break_opportunities(text)
    for piece in kept:
        start = text.index(piece)
        assert [b for b in breaks if start < b < start + len(piece)] == [], piece


def test_mixed_thai_english_and_numbers_keep_their_tokens_whole():
    text = "รายงาน KPI-based e-Government ประจำปี พ.ศ. 2569 จำนวน 1,150.40 ล้านบาท และ 3.4500 คะแนน"
    for width in range(120, 400, 13):
        lines = ThaiParagraph(text).lines_for_width(width)
        words = " ".join(lines).split()
        for token in ("KPI-based", "e-Government", "1,150.40", "3.4500", "พ.ศ."):
            assert token in words, (width, lines)


def test_newline_forces_a_break_and_zero_width_space_is_a_silent_hint():
    paragraph = ThaiParagraph("บรรทัดแรก\nบรรทัดที่สอง\n\nหลังบรรทัดว่าง\n")
    assert paragraph.lines_for_width(400) == ["บรรทัดแรก", "บรรทัดที่สอง", "", "หลังบรรทัดว่าง"]
    hinted = ThaiParagraph("ระบบสารสนเทศ\u200bภูมิศาสตร์")
    assert hinted.lines_for_width(400) == ["ระบบสารสนเทศภูมิศาสตร์"]
    assert len("ระบบสารสนเทศ\u200b") in break_opportunities("ระบบสารสนเทศ\u200bภูมิศาสตร์")


@pytest.mark.parametrize("text", [SENTENCE, DEMO_PARAGRAPH, "a<b>&amp; ที่ <i>", "สั้น", "",
                                  "บรรทัด\n\nสาม"])
@pytest.mark.parametrize("width", [90, 160, 300, 453])
def test_the_drawn_paragraph_has_exactly_the_computed_lines(text, width):
    paragraph = ThaiParagraph(text)
    _, height = paragraph.wrap(width, 10_000)
    lines = paragraph.lines_for_width(width)
    assert height == pytest.approx(len(lines) * paragraph.style.leading)
    # No Paragraph: one word drawn as one line.
    drawn = 1 if paragraph._para is None else len(paragraph._para.blPara.lines)
    assert drawn == len(lines)


def test_inline_runs_and_whole_paragraph_bold(tmp_path: Path):
    path = tmp_path / "runs.pdf"
    story: list[Flowable] = [
        ThaiParagraph([Run("คะแนน"), Run("ที่", bold=True), Run("ได้รับ"), Run(" ผ่าน", bold=True, italic=True)]),
        ThaiParagraph("หัวเรื่องตัวหนาทั้งย่อหน้า", bold=True),
        ThaiParagraph("ข้อความ <b>ไม่ใช่</b> markup & ไม่หนา"),
    ]
    SimpleDocTemplate(str(path)).build(story)
    page = PdfReader(str(path)).pages[0]
    used = {str(f.get_object()["/BaseFont"]).split("+", 1)[-1] for f in page["/Resources"]["/Font"].values()}
    assert {"Sarabun-Regular", "Sarabun-Bold", "Sarabun-BoldItalic"} <= used
    text = comparable(pypdf_pages(path)[0])
    assert "คะแนนที่ได้รับ ผ่าน" in text
    assert "หัวเรื่องตัวหนาทั้งย่อหน้า" in text
    assert "ข้อความ <b>ไม่ใช่</b> markup & ไม่หนา" in text


@pytest.mark.parametrize(("align", "expected"), [("left", TA_LEFT), ("center", TA_CENTER), ("right", TA_RIGHT)])
def test_alignment(tmp_path: Path, align, expected):
    paragraph = ThaiParagraph("ชิดตามที่กำหนด", align=align)
    assert paragraph.style.alignment == expected
    path = tmp_path / f"{align}.pdf"
    doc = SimpleDocTemplate(str(path))
    doc.build([paragraph])
    xs: list[float] = []

    def visit(text, cm, tm, *_):
        if text.strip():
            xs.append(cm[4] + tm[4])

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    left, width = doc.leftMargin + 6, doc.width - 12  # the frame's default padding
    drawn = line_width([("ชิดตามที่กำหนด", fonts.REGULAR)], 16)
    expected_x = {"left": left, "center": left + (width - drawn) / 2, "right": left + width - drawn}[align]
    assert min(xs) == pytest.approx(expected_x, abs=1.0)


def test_splits_between_lines_across_frames():
    paragraph = ThaiParagraph(DEMO_PARAGRAPH, fonts.body_style(firstLineIndent=40))
    lines = paragraph.lines_for_width(300)
    assert paragraph.split(300, 23) == []  # not even one line fits
    first, rest = paragraph.split(300, 3 * 24 + 5)
    assert first.lines_for_width(300) == lines[:3]
    assert rest.style.firstLineIndent == 0
    assert first.text.rstrip() + " " + rest.text == DEMO_PARAGRAPH or first.text + rest.text == DEMO_PARAGRAPH
    assert paragraph.split(300, 10_000) == [paragraph]


def test_orphan_control_follows_the_style():
    style = ParagraphStyle("o", parent=fonts.body_style(), allowOrphans=0)
    assert ThaiParagraph(DEMO_PARAGRAPH, style).split(300, 30) == []
    style = ParagraphStyle("o", parent=fonts.body_style(), allowOrphans=1)
    assert len(ThaiParagraph(DEMO_PARAGRAPH, style).split(300, 30)) == 2


def test_long_cells_split_across_pages_with_the_header_repeated(tmp_path: Path):
    path = tmp_path / "table.pdf"
    long_text = " ".join([DEMO_PARAGRAPH] * 6)
    table = Table([[ThaiParagraph("หัวข้อ", bold=True), ThaiParagraph("รายละเอียดของตัวชี้วัด", bold=True)],
                   [ThaiParagraph("แถวเดียว"), ThaiParagraph(long_text)]],
                  colWidths=[80, 360], repeatRows=1, splitInRow=1)
    SimpleDocTemplate(str(path)).build([table])
    pages = pypdf_pages(path)
    assert len(pages) >= 2
    for page in pages:
        assert "รายละเอียดของตัวชี้วัด" in page
    # Lines break inside Thai runs that have no space, so compare without spaces; drop the headers.
    flowing = "".join(comparable(page).replace(" ", "").replace("\n", "").replace(
        "หัวข้อรายละเอียดของตัวชี้วัด", "").replace("แถวเดียว", "") for page in pages)
    assert comparable(DEMO_PARAGRAPH).replace(" ", "") * 6 in flowing


def test_min_width_is_the_widest_word():
    paragraph = ThaiParagraph("ก ผลการดำเนินงาน ข")
    assert paragraph.minWidth() == pytest.approx(line_width([("ผลการดำเนินงาน", fonts.REGULAR)], 16))


def test_lines_end_without_spaces_and_start_without_spaces():
    for width in (100, 200, 300):
        for line in ThaiParagraph("ก  ข   ค " * 30).lines_for_width(width):
            assert line == line.strip()
            assert not re.search("  ", line)


def test_no_break_space_holds_its_neighbours_together():
    text = "ประจำปีงบประมาณ พ.ศ.\u00a02569 และปีงบประมาณ พ.ศ.\u00a02570 ที่ผ่านมา"
    for width in range(70, 300, 11):
        lines = ThaiParagraph(text).lines_for_width(width)
        assert all(not line.startswith(("2569", "2570")) for line in lines), (width, lines)


def test_a_compound_too_long_for_its_line_splits_at_its_fewest_dictionary_words_not_inside_one():
    from evaluator_app.reports.thai_lines import _dictionary_breaks

    assert _dictionary_breaks("ประสิทธิผล") == [8]  # ประสิทธิ|ผล, never ประสิ|ทธิผล
    width = line_width([("ประสิทธิผ", fonts.REGULAR)], 16)
    assert ThaiParagraph("ประสิทธิผล").lines_for_width(width) == ["ประสิทธิ", "ผล"]


@pytest.mark.parametrize("width", range(60, 400, 7))
def test_a_number_and_the_abbreviation_before_it_never_split(width):
    text = "ตามคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เป้าหมาย ๑,๑๕๐.๔๐ ล้านบาท ข้อ 3"
    lines = ThaiParagraph(text).lines_for_width(width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert not line.endswith(("พ.ศ.", "พ.", "ข้อ")), lines
        assert not re.match("^[,.]", line) and not re.search("[๐-๙][,.]$", line), lines
    assert any("พ.ศ. ๒๕๖๙" in line for line in lines) and any("๑,๑๕๐.๔๐" in line for line in lines)


def test_reportlab_can_name_a_thai_flowable_in_its_error_messages():
    from evaluator_app.reports.thai_lines import ThaiFigure

    # reportlab calls getPlainText(identify=1) when it reports a layout error; that must not raise TypeError.
    assert "ตัวชี้วัด" in ThaiParagraph("ตัวชี้วัด").identity()
    assert "1,150.40" in ThaiFigure("1,150.40").identity()


def test_the_word_list_is_loaded_with_the_collector_paused_and_then_set_aside_for_good():
    """newmm builds a trie of 62,000 words when imported: built with the collector paused, then out of its reach
    (gc.freeze); left young, the collector's first passes would walk its 300,000 nodes again (issue 16). A fresh
    process, so this is the very first load."""
    import subprocess
    import sys

    probe = (
        "import gc\n"
        "from evaluator_app.reports.thai_lines import segment_words\n"
        "assert gc.isenabled() and gc.get_freeze_count() == 0\n"
        "paused = []\n"
        "import newmm_tokenizer.trie as trie\n"
        "add = trie.Trie.add\n"
        "def watched(self, word):\n"
        "    paused.append(not gc.isenabled())\n"
        "    return add(self, word)\n"
        "trie.Trie.add = watched\n"
        "assert segment_words('ผู้ประเมินอิสระ') == ['ผู้ประเมิน', 'อิสระ']\n"
        "print(len(paused), all(paused), gc.isenabled(), gc.get_freeze_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    added, all_paused, enabled_after, frozen = done.stdout.split()
    assert int(added) > 60_000 and all_paused == "True", "every word added with the collector paused"
    assert enabled_after == "True", "and the collector on again after"
    assert int(frozen) > 300_000, "the trie's nodes out of the collector's reach"
