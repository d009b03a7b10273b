"""File names from agency names: cut by bytes at a whole character, never leaving a Thai mark without its letter."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.domain.file_names import file_name_part, fit_bytes


def test_a_long_thai_name_is_cut_to_its_byte_budget_at_a_whole_letter():
    name = "กรมส่งเสริมการปกครองท้องถิ่น" * 5
    part = file_name_part(name, 40)
    assert len(part.encode("utf-8")) <= 40 and name.startswith(part)
    assert fit_bytes("ส่วน", 3) == ""  # ส (3 bytes) is followed by its mark: both stay out
    assert fit_bytes("ส่วน", 6) == "ส่"


def test_reserved_characters_are_replaced_and_an_empty_name_has_a_default():
    assert file_name_part('กรม/ก:ข*"?<>|') == "กรม_ก_ข_"
    assert file_name_part(" . ") == "agreement"


@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=200),
       st.integers(min_value=0, max_value=300))
def test_fit_bytes_keeps_a_prefix_within_the_budget_never_ending_before_a_mark(text, limit):
    cut = fit_bytes(text, limit)
    assert text.startswith(cut) and len(cut.encode("utf-8")) <= limit
    if cut and cut != text:  # what is kept never ends on a letter whose mark was cut off
        assert unicodedata.category(text[len(cut)])[0] != "M"
