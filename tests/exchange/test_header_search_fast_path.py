"""The header search's shortcuts give exactly what the plain paths gave: header_key without translating a text with
no Thai digit or stripping a text with no trailing note, cell_text without translating a text with no invisible
character, and the search reading only text cells."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.exchange.columns import _THAI_DIGITS, _TRAILING_NOTE, find_header_row, header_key
from evaluator_app.exchange.readers import _INVISIBLE, cell_text
from evaluator_app.exchange.sheets import RowTexts

from .builders import HEADER_TH, section9_rows

_IGNORED = re.compile(r"[\s\u00a0\u200b_\-]+")


def header_key_before(text: str) -> str:
    """header_key as it was before the shortcuts."""
    text = text.translate(_THAI_DIGITS).casefold().strip().lstrip("*").strip()
    while True:
        stripped = _TRAILING_NOTE.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    return _IGNORED.sub("", text)


HEADERISH = st.text(alphabet="น้ำหนักเกณฑ์ 1๑๒ABab*():（）_-\u00a0\u200b\n\t\u2003", max_size=24)


@given(HEADERISH | st.sampled_from([*HEADER_TH, "น้ำหนัก (ร้อยละ) (weight)", "เกณฑ์ ๑*", "ผล:", "ตัวชี้วัด（KPI）"]))
def test_header_key_equals_the_plain_path(text):
    assert header_key(text) == header_key_before(text)


@given(st.text(alphabet="กขค abc\u200b\u200c\u200d\u2060\ufeff\u00ad\u0e48 ", max_size=16))
def test_cell_text_equals_the_plain_path(text):
    assert cell_text(text) == (text.strip() if text.isascii() else text.translate(_INVISIBLE).strip())


@given(st.lists(st.lists(st.one_of(st.none(), st.integers(0, 2600), st.sampled_from(
    [*HEADER_TH, "หมายเหตุ", "1", "๑"])), max_size=8), max_size=12))
def test_searching_text_cells_only_finds_the_header_the_whole_rows_give(rows):
    grid = [list(r) for r in rows]
    assert find_header_row(RowTexts(grid), RowTexts(grid, text_only=True)) == find_header_row(RowTexts(grid))


def test_a_two_row_header_with_numbers_under_its_group_is_still_joined():
    upper = ["ส่วนราชการ", "ปีงบประมาณ", "ตัวชี้วัดที่", "ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", None, None, None, None]
    lower = [None, None, None, None, None, 1, 2, 3, 4, 5]
    rows = [["คำรับรอง"], upper, lower, *[r[:2] + r[3:5] + r[6:12] for r in section9_rows()]]
    header = find_header_row(RowTexts(rows), RowTexts(rows, text_only=True))
    assert header is not None and header.index == 2
    assert [header.positions[f"level_{n}"] for n in range(1, 6)] == [5, 6, 7, 8, 9]
