"""Exported cells never run as formulas: `neutralise_formula` and what Excel-compatible readers then see."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator_app.exchange.spreadsheet_safety import (
    FORMULA_TRIGGERS,
    neutralise_formula,
    neutralise_row,
    spreadsheet_text,
)


@pytest.mark.parametrize("text", [
    "=1+1", "=HYPERLINK(\"http://x\",\"คลิก\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)",
    "\t=1", "\r=1", "  =1+1", "\u00a0=1", "＝1+1", "-", "+", "@", "--1",
])
def test_formula_starts_are_neutralised(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["ร้อยละ 92", "กรม=ทดสอบ", "", "92", "-5", "+2.5", "-0.25", "1e3", "50%", "a-b"])
def test_ordinary_text_and_plain_numbers_pass(text):
    assert neutralise_formula(text) == text


def test_rows_neutralise_only_text():
    # a control character is shown as its escape (issue 13: never obeyed, never dropped unseen)
    assert neutralise_row(["=1", 5, None, "ok\x07", -3]) == ["'=1", 5, None, "ok\\u0007", -3]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_no_text_reaches_a_spreadsheet_as_a_formula(text):
    assert neutralise_formula(text).endswith(text)  # nothing is lost: at most an apostrophe in front
    safe = spreadsheet_text(text)
    book = openpyxl.Workbook()
    book.active["A1"] = safe  # openpyxl stores any string starting with "=" as a formula, and refuses controls
    assert book.active["A1"].data_type != "f"
    if safe.lstrip(" \u00a0").startswith(FORMULA_TRIGGERS):
        assert _is_number(safe), safe


def _is_number(text: str) -> bool:
    try:
        float(text.strip().rstrip("%"))
    except ValueError:
        return False
    return True


def test_csv_round_trip_keeps_the_text():
    buffer = io.StringIO()
    csv.writer(buffer).writerow(neutralise_row(["=cmd|' /C calc'!A0", "กรมทดสอบ"]))
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'=cmd|' /C calc'!A0", "กรมทดสอบ"]
