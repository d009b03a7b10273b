"""Excel cells read with their number format: a percent-formatted 0.92 is 92; error cells, formulas saved
without a value and dates where a number belongs are refused with the cell named."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

from openpyxl import Workbook

from evaluator_app.exchange.agreement_workbook import load_agreement_files, read_agreement_files
from evaluator_app.exchange.excel_cells import percent_text

from .builders import HEADER_TH, section9_rows


def workbook(path, rows, formats=None):
    """rows in HEADER_TH order from row 2; formats: {(row, column): number format} (1-based, as Excel)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "KPI"
    sheet.append(list(HEADER_TH))
    for row in rows:
        sheet.append(row)
    for (r, c), number_format in (formats or {}).items():
        sheet.cell(r, c).number_format = number_format
    book.save(path)
    return path


def test_percent_formatted_cells_are_their_displayed_percentage(tmp_path, frameworks):
    rows = section9_rows()
    rows[0][12] = 0.9233333333333333  # =277/300 shown as 92.33%
    rows[3][6] = 0.2  # a weight typed as 20%
    rows[3][12] = 0.7875
    path = workbook(tmp_path / "p.xlsx", rows, {(2, 13): "0.00%", (5, 7): "0%", (5, 13): '0.00"%"%'})
    (imported,) = load_agreement_files([path], frameworks)
    results = {r.code: r.result for r in imported.self_ratings}
    assert results["1"] == D("92.33333333333333") and results["4"] == D("78.75")
    assert imported.agreement.indicator("4").weight == D(20)
    assert percent_text(0.92) == "92%" and percent_text(1) == "100%"


def test_error_cells_formulas_without_value_and_dates_are_refused_naming_the_cell(tmp_path, frameworks):
    rows = section9_rows()
    rows[0][12] = "#DIV/0!"
    rows[1][6] = "=SUM(A1:A2)"  # openpyxl saves a formula without its value, as a manual-calculation book does
    rows[2][12] = datetime(2024, 1, 5)  # "5/1" typed into a result: Excel made it a date
    rows[3][4] = datetime(2024, 1, 5)  # a date in a text column (the name) is only text
    reading = read_agreement_files([workbook(tmp_path / "e.xlsx", rows)], frameworks)
    assert reading.agreements == ()
    placed = [(p.file, p.sheet, p.row, p.column) for p in reading.problems]
    assert placed == [("e.xlsx", "KPI", 2, "ผลการดำเนินงาน"), ("e.xlsx", "KPI", 3, "น้ำหนัก"),
                      ("e.xlsx", "KPI", 4, "ผลการดำเนินงาน")]
    error, formula, date = (p.en for p in reading.problems)
    assert "cell M2 shows the Excel error #DIV/0!" in error
    assert "cell G3 holds a formula saved without its value" in formula
    assert "cell M4 holds a date (2024-01-05) where a number belongs" in date
    assert all(p.th for p in reading.problems)


def _books(tmp_path):
    """Workbooks written both ways openpyxl writes them: with a <dimension> (normal) and without (write-only, as
    the national benchmark's), with hidden sheets, percent and date formats, errors, a chart sheet."""
    from datetime import date

    from openpyxl.chart import BarChart, Reference

    normal = Workbook()
    first = normal.active
    first.title = "KPI"
    first.append(list(HEADER_TH))
    for row in section9_rows():
        first.append(row)
    first.cell(2, 13).number_format = "0.00%"
    first.cell(3, 13).value = "#DIV/0!"
    first.cell(3, 13).data_type = "e"
    first.cell(40, 3).value = date(2026, 1, 2)
    hidden = normal.create_sheet("ซ่อน")
    hidden.sheet_state = "hidden"
    hidden["B7"] = 1.5
    chart = normal.create_chartsheet("กราฟ")
    bars = BarChart()
    bars.add_data(Reference(first, min_col=7, min_row=1, max_row=5))
    chart.add_chart(bars)
    normal.save(tmp_path / "normal.xlsx")

    streamed = Workbook(write_only=True)
    for title in ("หนึ่ง", "สอง"):
        sheet = streamed.create_sheet(title)
        sheet.append(list(HEADER_TH))
        for row in section9_rows():
            sheet.append(row)
        sheet.append([])
        sheet.append([None, None, "ท้าย"])
    streamed.save(tmp_path / "streamed.xlsx")
    return [tmp_path / "normal.xlsx", tmp_path / "streamed.xlsx"]


def test_sheets_opened_without_their_size_read_as_openpyxl_reads_them(tmp_path, monkeypatch):
    """read_workbook opens sheets without openpyxl's size look-up (a second parse of every sheet written without
    a <dimension>): the cells, titles and states are those read through openpyxl's own load_workbook."""
    import io

    from openpyxl import load_workbook

    from evaluator_app.exchange import excel_cells

    for path in _books(tmp_path):
        data = path.read_bytes()
        ours = excel_cells.read_workbook(data, 10_000)
        with monkeypatch.context() as patched:
            patched.setattr(excel_cells, "_load_workbook", lambda data: load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False))
            theirs = excel_cells.read_workbook(data, 10_000)
        assert ours == theirs and len(ours) >= 2
        assert [sheet.rows for sheet in ours] == [sheet.rows for sheet in theirs]
