"""Text extraction: every shaped glyph reads back as its real character with pypdf and poppler."""

from __future__ import annotations

from pathlib import Path

import pytest
import uharfbuzz
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.platypus import SimpleDocTemplate

from evaluator_app.reports import fonts
from evaluator_app.reports.thai_lines import ThaiParagraph
from evaluator_app.reports.tounicode import normalise_thai_for_compare, text_for_glyph_name

from .helpers import PRIVATE_USE, comparable, pdftotext_raw, pypdf_pages

WORDS = ("ที่ นี้ ผู้ ปั้น ญี่ปุ่น น้ำ ตั้ง ชี้ ป่า ปี่ ต่ำ ทำ ฐาน ฎีกา ปฏิบัติ ฬ่า ฤๅษี กรุงเทพฯ "
         "ฟื้นฟู ที่นั่ง ฝั่ง ปุ๋ย สิ้นสุด ก.พ.ร. KPI 3.4500 ๑๒๓").split()


def _no_lookup(_name: str) -> str | None:
    return None


@pytest.mark.parametrize(("name", "expected"), [
    ("uni0E48.small", "\u0e48"),
    ("uni0E31.narrow", "\u0e31"),
    ("yoYingthai.less", "ญ"),
    ("thoThanthai.less", "ฐ"),
    ("loChulathai.short", "ฬ"),
    ("uni0E240E45", "ฤๅ"),
    ("uni0E4D0E49", "\u0e49\u0e4d"),  # drawn nikhahit-then-tone, typed tone-then-ำ
    ("u1F600", "\U0001f600"),
    (".notdef", None),
    ("mystery.ss01", None),
])
def test_glyph_names_tell_their_characters(name, expected):
    assert text_for_glyph_name(name, _no_lookup) == expected


def test_names_of_other_glyphs_are_looked_up_in_the_font():
    assert text_for_glyph_name("R.ss01", {"R": "R"}.get) == "R"
    assert text_for_glyph_name("breve_acute", {"breve": "\u02d8", "acute": "\u00b4"}.get) == "\u0306\u0301"


@pytest.mark.parametrize("face", [fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC])
def test_every_sarabun_glyph_outside_the_cmap_has_a_character(face):
    fonts.register_fonts()
    font = pdfmetrics.getFont(face)
    hb_font = uharfbuzz.Font(font.hbFace)
    in_cmap = set(font.face.charToGlyph.values())
    unnamed = []
    for gid in range(1, font.hbFace.glyph_count):
        if gid in in_cmap:
            continue
        name = hb_font.glyph_to_string(gid)

        def lookup(glyph: str) -> str | None:
            found = hb_font.glyph_from_string(glyph)
            return None if found is None else font._glyph_chars.get(found)

        if not text_for_glyph_name(name, lookup):
            unnamed.append(name)
    assert unnamed == []


def test_normalise_recomposes_sara_am_across_tone_marks():
    assert normalise_thai_for_compare("น\u0e49\u0e4d\u0e32") == "น้ำ"  # as the map writes it
    assert normalise_thai_for_compare("น\u0e4d\u0e49\u0e32") == "น้ำ"  # as drawing order has it
    assert normalise_thai_for_compare("ท\u0e4d\u0e32") == "ทำ"
    assert normalise_thai_for_compare("นำ้") == "นำ้"  # nothing to recompose


@pytest.fixture(scope="module")
def words_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words") / "words.pdf"
    SimpleDocTemplate(str(path)).build([ThaiParagraph(" ".join(WORDS)), ThaiParagraph(" ".join(WORDS), bold=True)])
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())  # line ends become the spaces they replaced


def test_pypdf_reads_the_thai_back(words_pdf: Path):
    [text] = pypdf_pages(words_pdf)
    assert not PRIVATE_USE.search(text)
    # Exactly, but for ำ, where no mark sits far left over a tall consonant (see helpers.comparable).
    exact = normalise_thai_for_compare(_flat(text))
    for word in ("ที่", "นี้", "ผู้", "ญี่ปุ่น", "น้ำ", "ตั้ง", "ชี้", "ป่า", "ต่ำ", "ทำ", "ฐาน", "ฎีกา", "ฬ่า",
                 "ฤๅษี", "กรุงเทพฯ", "ปฏิบัติ", "ก.พ.ร.", "KPI", "3.4500", "๑๒๓"):
        assert exact.split().count(word) == 2, word
    assert comparable(_flat(text)).count(comparable(" ".join(WORDS))) == 2


def test_pdftotext_reads_the_thai_back(words_pdf: Path):
    text = pdftotext_raw(words_pdf)
    assert not PRIVATE_USE.search(text)
    assert comparable(_flat(text)).count(comparable(" ".join(WORDS))) == 2


def test_stock_reportlab_writes_private_use_codes_that_the_fix_maps_back():
    # Shaping picks glyphs outside the cmap (proof it ran); reportlab's own map would write their
    # private-use codes, which is what pypdf and pdftotext then read.
    fonts.register_fonts()
    shaped = shapeStr("ที่ญี่ปุ่น", fonts.REGULAR, 16)
    private = [ord(ch) for ch in shaped if PRIVATE_USE.match(ch)]
    assert private
    stock = ttfonts.makeToUnicodeCMap("AAAAAA+Sarabun-Regular", [0, *private])  # no font being written
    assert f"<01> <{private[0]:04X}>" in stock
    font = pdfmetrics.getFont(fonts.REGULAR)
    assert {font.unicode_text(code) for code in private} == {"\u0e48"}
