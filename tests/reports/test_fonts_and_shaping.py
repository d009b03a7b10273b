"""Sarabun registration, the family mapping, HarfBuzz faces, and proof that shaping reaches the PDF."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from evaluator_app.reports import fonts
from evaluator_app.reports.shaping import line_width
from evaluator_app.reports.thai_lines import ThaiParagraph
from evaluator_app.reports.tounicode import ExtractableTTFont


def test_registration_is_idempotent_and_thread_safe():
    errors: list[BaseException] = []

    def register() -> None:
        try:
            fonts.register_fonts()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=register) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    first = pdfmetrics.getFont(fonts.REGULAR)
    fonts.register_fonts()
    assert pdfmetrics.getFont(fonts.REGULAR) is first
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, ExtractableTTFont)
        # Created up front, so a font change inside a shaped word finds it.
        assert hasattr(font, "hbAddPrivate")


def test_family_mapping_resolves_bold_and_italic():
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.FAMILY, 1, 0) == fonts.BOLD
    assert tt2ps(fonts.FAMILY, 0, 1) == fonts.ITALIC
    assert tt2ps(fonts.FAMILY, 1, 1) == fonts.BOLD_ITALIC
    assert fonts.font_name(bold=True) == fonts.BOLD


def test_body_style_is_16_on_24_and_shaped():
    style = fonts.body_style()
    assert style.fontName == fonts.REGULAR
    assert style.fontSize == 16
    assert style.leading >= 1.5 * style.fontSize
    assert style.shaping == 1
    assert style.splitLongWords == 0


def test_font_change_inside_a_word_builds(tmp_path: Path):
    doc = SimpleDocTemplate(str(tmp_path / "inline.pdf"))
    doc.build([Paragraph("คะแนน<b>ที่</b>ได้<i>รับ</i>", fonts.body_style())])
    fonts_used = {str(f.get_object()["/BaseFont"]).split("+", 1)[-1]
                  for f in PdfReader(str(tmp_path / "inline.pdf")).pages[0]["/Resources"]["/Font"].values()}
    assert {"Sarabun-Regular", "Sarabun-Bold", "Sarabun-Italic"} <= fonts_used


def _codes_mapping_to(pdf: Path, char: str) -> set[tuple[str, str]]:
    """(font, code) pairs whose /ToUnicode entry is ``char``."""
    found = set()
    for name, ref in PdfReader(str(pdf)).pages[0]["/Resources"]["/Font"].items():
        font = ref.get_object()
        if "/ToUnicode" not in font:
            continue
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        for code, target in re.findall(r"<([0-9A-F]{2})> <((?:[0-9A-F]{4})+)>", cmap):
            if bytes.fromhex(target).decode("utf-16-be") == char:
                found.add((name, code))
    return found


def _build(path: Path, shaping: int) -> Path:
    style = ParagraphStyle("proof", parent=fonts.body_style(), shaping=shaping)
    SimpleDocTemplate(str(path)).build([Paragraph("ก่อน ที่", style)])
    return path


def test_shaping_uses_the_fonts_positioned_mark_glyphs(tmp_path: Path):
    # Shaped, ที่ draws its tone with Sarabun's lowered variant (uni0E48.small) and ก่อน with the
    # plain mark: two glyphs, both reading back as U+0E48.  Unshaped, only the plain mark is used.
    assert len(_codes_mapping_to(_build(tmp_path / "shaped.pdf", 1), "\u0e48")) == 2
    assert len(_codes_mapping_to(_build(tmp_path / "plain.pdf", 0), "\u0e48")) == 1


def test_thai_paragraph_output_carries_harfbuzz_positions(tmp_path: Path):
    path = tmp_path / "positions.pdf"
    SimpleDocTemplate(str(path)).build([ThaiParagraph("ปั้นตั้ง")])
    content = PdfReader(str(path)).pages[0].get_contents().get_data().decode("latin-1")
    # The stacked tone of ปั้น/ตั้ง is lowered with a text rise and shifted with TJ adjustments;
    # unshaped text is drawn with plain Tj and never sets a rise.
    assert re.search(r"-[\d.]+ Ts", content)
    assert re.search(r"\[\d+ \(", content)


def test_line_width_is_what_a_shaped_paragraph_measures():
    style = fonts.body_style()
    for text in ("ที่ปั้นญี่ปุ่นน้ำชี้ตั้ง", "KPI-based e-Government 1,150.40 บาท", "ผู้ประเมิน อิสระ ต่าง ๆ"):
        para = Paragraph(text, style)
        para.wrap(10_000, 1_000)
        [measured] = para.getActualLineWidths0()
        assert abs(line_width([(text, fonts.REGULAR)], 16) - measured) < 0.01, text
