"""Whatever a cell or a file holds, the importer answers with problems, never an exception."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from evaluator_app.domain.problems import Problem
from evaluator_app.exchange.agreement_workbook import read_agreement_files
from evaluator_app.exchange.cells import CellError, parse_code, parse_number, parse_round, parse_year

from .builders import HEADER_TH, section9_rows, write_csv, write_xlsx

_counter = itertools.count()
# Thai, digits, separators and the odd characters spreadsheets carry (no-break space, Thai digits, %).
messy_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙.,% -+eEกขคระดับ\u00a0\n\"';", max_size=20),
    st.sampled_from(["", " ", "nan", "NaN", "inf", "-0", "1e999", "๙๒.๕", "1,150.40", "=1+1", "#DIV/0!",
                     "ร้อยละ 80", "ตัวชี้วัดที่ 1.1", "มิติที่ 1", "12 เดือน", "2567", "2024"]),
)
cells = st.tuples(st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=len(HEADER_TH) - 1),
                  messy_text)


def _check(reading) -> None:
    assert all(isinstance(p, Problem) and p.th and p.en for p in reading.problems)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("prop")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(cells, min_size=1, max_size=4))
def test_any_text_in_any_csv_cell(folder, frameworks, edits):
    rows = [list(HEADER_TH), *section9_rows()]
    for row, column, text in edits:
        rows[row][column] = text
    path = write_csv(folder / f"p{next(_counter)}.csv", rows)
    _check(read_agreement_files([path], frameworks))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(cells, min_size=1, max_size=3))
def test_any_text_in_any_xlsx_cell(folder, frameworks, edits):
    rows = [["ชื่อเรื่อง"], list(HEADER_TH), *section9_rows()]
    for row, column, text in edits:
        rows[row + 1][column] = ILLEGAL_CHARACTERS_RE.sub("", text)  # Excel itself cannot store those
    path = write_xlsx(folder / f"p{next(_counter)}.xlsx", rows, merges=["A1:N1"])
    _check(read_agreement_files([path], frameworks))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".xlsm"]))
def test_any_bytes_in_any_file(folder, frameworks, data, suffix):
    path = folder / f"b{next(_counter)}{suffix}"
    path.write_bytes(data)
    _check(read_agreement_files([path], frameworks))


@given(text=messy_text)
def test_cell_parsers_raise_only_cell_errors(text):
    for parse in (parse_number, parse_year, lambda t: parse_round(t, (6, 9, 12))):
        try:
            parse(text)
        except CellError as error:
            assert error.th and error.en
    parse_code(text)
