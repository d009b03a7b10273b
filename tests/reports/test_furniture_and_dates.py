"""Thai dates in the Buddhist Era, and page furniture: header, footer, "หน้า ๑ / ๓" with the real total."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from evaluator_app.domain.thai_dates import THAI_MONTHS, apply_digits, buddhist_year, thai_date
from evaluator_app.reports.document import build_pdf
from evaluator_app.reports.furniture import PageFurniture
from evaluator_app.reports.thai_lines import ThaiParagraph

from .helpers import comparable, pdftotext_raw, pypdf_pages


def test_thai_date_in_the_buddhist_era():
    assert thai_date(dt.date(2026, 11, 27), digits="arabic") == "27 พฤศจิกายน พ.ศ. 2569"
    assert thai_date(dt.date(2026, 11, 27)) == "๒๗ พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert thai_date(dt.date(2024, 1, 1), "arabic") == "1 มกราคม พ.ศ. 2567"
    assert thai_date(dt.datetime(2025, 2, 28, 23, 59), "arabic") == "28 กุมภาพันธ์ พ.ศ. 2568"
    assert buddhist_year(dt.date(1999, 12, 31)) == 2542
    assert len(THAI_MONTHS) == 12 and THAI_MONTHS[6] == "กรกฎาคม"


def test_digit_styles():
    assert apply_digits("หน้า 10 / 12", "thai") == "หน้า ๑๐ / ๑๒"
    assert apply_digits("หน้า 10 / 12", "arabic") == "หน้า 10 / 12"
    with pytest.raises(ValueError):
        apply_digits("1", "roman")  # type: ignore[arg-type]


def test_page_number_text():
    assert PageFurniture().page_number_text(1, 3) == "หน้า ๑ / ๓"
    assert PageFurniture(digits="arabic").page_number_text(2, 13) == "หน้า 2 / 13"


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_every_page_carries_its_number_of_the_total_header_and_footer(tmp_path: Path, digits):
    path = tmp_path / f"furniture-{digits}.pdf"
    story = [ThaiParagraph("ย่อหน้าที่ทำให้เอกสารยาวหลายหน้า ผู้ประเมินอิสระที่ปั้นญี่ปุ่นน้ำชี้ตั้ง " * 40)]
    furniture = PageFurniture(header="รายงานผลการประเมิน ที่ นี้ ผู้", footer="รหัสตรวจสอบ ABC-123 ญี่ปุ่นน้ำ",
                              digits=digits)
    total = build_pdf(path, story, furniture=furniture)
    texts = pypdf_pages(path)
    assert total == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        text = comparable(text)
        assert apply_digits(f"หน้า {number} / {total}", digits) in text
        assert comparable("รายงานผลการประเมิน ที่ นี้ ผู้") in text
        assert comparable("รหัสตรวจสอบ ABC-123 ญี่ปุ่นน้ำ") in text
    assert apply_digits(f"หน้า 1 / {total}", digits) in comparable(pdftotext_raw(path))
