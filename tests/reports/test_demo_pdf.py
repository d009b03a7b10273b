"""The demo paper end to end: a real PDF read back, its fonts and glyphs checked, its pages rendered."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from evaluator_app.domain.numbers import thai_digits
from evaluator_app.reports.demo import DEMO_PARAGRAPH, DEMO_SIGNATORIES, build_demo, demo_story
from evaluator_app.reports.document import frame_width
from evaluator_app.reports.thai_lines import THAI_COMBINING, ThaiParagraph, segment_words
from evaluator_app.reports.tounicode import normalise_thai_for_compare

from .helpers import PRIVATE_USE, comparable, pdftotext_raw, pypdf_pages, render_pages

WORDS = ("ที่", "นี้", "ผู้", "ญี่ปุ่น", "น้ำ", "ตั้ง", "ชี้", "คณะกรรมการ", "พิจารณา", "ดำเนินงาน",
         "e-Government", "KPI-based", "1,150.40", "(ก.พ.ร.)", "(ร้อยละ", "92.50)")


def test_pages_carry_numbers_of_the_total_and_the_table_header_repeats(demo_pdf: Path):
    pages = [comparable(text) for text in pypdf_pages(demo_pdf)]
    total = len(pages)
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert thai_digits(f"หน้า {number} / {total}") in text  # หน้า ๑ / ๖
    table_pages = [text for text in pages if "ข้อสังเกตของ" in text]
    assert len(table_pages) >= 2  # the table runs over at least two pages, its header on each


def test_thai_reads_back_exactly_with_pypdf(demo_pdf: Path):
    texts = pypdf_pages(demo_pdf)
    assert not any(PRIVATE_USE.search(text) for text in texts)
    first = normalise_thai_for_compare(texts[0])
    for word in WORDS:
        assert word in first, word
    # The whole paragraph, in order (lines break inside Thai runs that have no space).
    flat = comparable(texts[0]).replace("\n", "").replace(" ", "")
    assert comparable(DEMO_PARAGRAPH).replace(" ", "") in flat
    everything = comparable(" ".join(texts))
    for person in DEMO_SIGNATORIES:
        assert f"({comparable(person.name)})" in everything


def test_thai_reads_back_exactly_with_pdftotext(demo_pdf: Path):
    text = pdftotext_raw(demo_pdf)
    assert not PRIVATE_USE.search(text)
    flat = comparable(text).replace("\n", "").replace(" ", "")
    assert comparable(DEMO_PARAGRAPH).replace(" ", "") in flat


def test_printed_lines_are_the_computed_lines_and_break_between_words(demo_pdf: Path):
    paragraph = demo_story()[2]
    assert isinstance(paragraph, ThaiParagraph) and paragraph.text == DEMO_PARAGRAPH
    computed = paragraph.lines_for_width(frame_width())
    assert len(computed) >= 5
    printed = [comparable(line).strip() for line in pypdf_pages(demo_pdf)[0].splitlines()]
    for line in computed:
        assert comparable(line) in printed, line
    boundaries, position = set(), 0
    for token in segment_words(DEMO_PARAGRAPH):
        position += len(token)
        boundaries.add(position)
    position = 0
    for line in computed:
        start = DEMO_PARAGRAPH.index(line, position)
        assert start == 0 or start in boundaries or DEMO_PARAGRAPH[start - 1] == " ", line
        assert line[0] not in THAI_COMBINING
        position = start + len(line)


def test_sarabun_is_embedded_and_no_glyph_is_notdef(demo_pdf: Path):
    reader = PdfReader(str(demo_pdf))
    embedded = set()
    for page in reader.pages:
        fonts = {name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()}
        for font in fonts.values():
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]).split("+", 1)[-1])
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(operands[0])
            elif operator in (b"Tj", b"TJ") and current and "Sarabun" in str(fonts[current]["/BaseFont"]):
                items = operands[0] if operator == b"TJ" else [operands[0]]
                for item in items:
                    if isinstance(item, (str, bytes)):
                        raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                        # reportlab writes code 0, the font's .notdef, for a character it has no glyph for.
                        assert b"\x00" not in raw
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= embedded


def test_pages_render_with_ink(demo_pdf: Path, tmp_path: Path):
    images = render_pages(demo_pdf, tmp_path)
    assert len(images) == len(PdfReader(str(demo_pdf)).pages)
    for image_path in images:
        with Image.open(image_path) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:128])
            share = dark / (grey.width * grey.height)
        assert 0.005 < share < 0.5, (image_path.name, share)


@pytest.mark.slow
def test_a_ten_page_table_builds():
    # How fast is for the benchmarks, measured against a baseline of the same run.
    pages = build_demo(io.BytesIO(), table_rows=25)
    assert pages >= 10
