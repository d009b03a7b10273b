"""Hidden rows and columns written by hand or by a hostile generator: every column of the sheet hidden by one <col>
element, a damaged filter reference, odd attribute values. The import stays bounded and says what it read."""

from __future__ import annotations

import pytest

from evaluator_app.exchange.agreement_workbook import read_agreement_files
from evaluator_app.exchange.readers import read_grids
from evaluator_app.store.framework_files import bundled_frameworks
from tests.exchange.test_hidden_rows import FILE, agreement_book, rewrite_sheet


def test_one_col_element_hiding_every_column_of_excel_is_cut_to_the_columns_read(tmp_path):
    book, _ = agreement_book(tmp_path)
    book.save(tmp_path / FILE)
    rewrite_sheet(tmp_path / FILE, "<sheetData>", '<cols><col min="1" max="16384" hidden="1"/></cols><sheetData>')
    (grid,), problems = read_grids(tmp_path / FILE)
    assert problems == [] and len(grid.hidden_columns) == 256  # MAX_COLUMNS: nothing to the right is read
    reading = read_agreement_files([tmp_path / FILE], bundled_frameworks())
    assert reading.problems == ()
    hidden = [w for w in reading.warnings if "is hidden in Excel" in w.en]
    # one per column read that holds a value (HEADER_TH but มิติ, empty here), never one per cell
    assert len(hidden) == 13 and not any(w.column == "มิติ" for w in hidden)


@pytest.mark.parametrize(("old", "new", "why"), [
    ('<autoFilter ref="A2:N6"', '<autoFilter ref="A:N"', "filtered out"),  # whole columns: every row below row 1
    ('<row r="4" hidden="1"', '<row r="4" hidden="yes" ht="abc"', None),  # neither a flag nor a height
])
def test_odd_hidden_attributes_never_raise(tmp_path, old, new, why):
    book, sheet = agreement_book(tmp_path)
    sheet.auto_filter.ref = "A2:N6"
    sheet.auto_filter.add_filter_column(5, ["ร้อยละ"])
    sheet.row_dimensions[4].hidden = True
    book.save(tmp_path / FILE)
    rewrite_sheet(tmp_path / FILE, old, new)
    reading = read_agreement_files([tmp_path / FILE], bundled_frameworks())
    assert reading.problems == () and len(reading.agreements) == 1
    hidden = [w for w in reading.warnings if "is hidden in Excel" in w.en]
    assert [w.row for w in hidden] == ([4] if why else [])
    assert all(why in w.en for w in hidden)


def test_a_damaged_filter_reference_refuses_the_file_politely(tmp_path):
    """openpyxl refuses the reference while reading the sheet (as before hidden rows were read): no traceback."""
    book, sheet = agreement_book(tmp_path)
    sheet.auto_filter.ref = "A2:N6"
    book.save(tmp_path / FILE)
    rewrite_sheet(tmp_path / FILE, '<autoFilter ref="A2:N6"', '<autoFilter ref="ZZZ:!!"')
    reading = read_agreement_files([tmp_path / FILE], bundled_frameworks())
    (problem,) = reading.problems
    assert problem.file == FILE and "not an Excel workbook or CSV file that can be read" in problem.en
