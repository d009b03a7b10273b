"""Shapes a fuzz of the corpus found refused or misread: words under the table in any column, a total whose label
stands in the table's first column, a dash for "no result", CSV delimiters and line endings. Each is a rule over
every column or form, tested over all of them, not the one file it was found in."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.exchange.agreement_workbook import read_agreement_files

from .builders import HEADER_TH, csv_bytes, section9_rows, write_csv, write_xlsx

SIGNATURE = ("ลงชื่อ ........................................ ผู้รับคำรับรอง", "(นายสมชาย ใจดี)", "ปลัดกระทรวง")


def _figures(reading):
    (imported,) = reading.agreements
    return ([(i.code, i.weight, str(i.thresholds)) for i in imported.agreement.indicators],
            [(r.code, r.result) for r in imported.self_ratings])


def _clean(paths, frameworks):
    reading = read_agreement_files(paths, frameworks)
    assert reading.problems == (), [str(p) for p in reading.problems]
    return reading


@pytest.mark.parametrize("column", range(len(HEADER_TH)), ids=lambda c: HEADER_TH[c])
def test_a_signature_block_under_any_column_of_the_table_is_read_past(tmp_path, frameworks, column):
    """Published annexes end with signature lines, often under the criteria or result columns."""
    plain = write_xlsx(tmp_path / "plain.xlsx", [HEADER_TH, *section9_rows()])
    footer = [[""] * len(HEADER_TH) for _ in range(len(SIGNATURE) + 1)]
    for row, text in zip(footer[1:], SIGNATURE, strict=True):
        row[column] = text
    signed = write_xlsx(tmp_path / "signed.xlsx", [HEADER_TH, *section9_rows(), *footer])
    assert _figures(_clean([signed], frameworks)) == _figures(_clean([plain], frameworks))


def test_an_unreadable_year_on_a_note_row_is_refused_once_an_indicator_takes_it(tmp_path, frameworks):
    rows = [list(r) for r in section9_rows()]
    note = [""] * len(HEADER_TH)
    note[1] = "ลงชื่อ ........ ผู้รับรอง"
    rows.insert(2, note)  # row 4: the indicators below it leave their year empty, so they would take this one
    for row in rows[3:]:
        row[1] = ""
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(4, "ปีงบประมาณ")]


@pytest.mark.parametrize("where", ["ส่วนราชการ", "ตัวชี้วัดที่", "ตัวชี้วัด", "ลำดับ"])
def test_a_total_row_is_read_past_whichever_column_holds_its_label(tmp_path, frameworks, where):
    header = ["ลำดับ", *HEADER_TH] if where == "ลำดับ" else list(HEADER_TH)
    rows = [["", *r] if where == "ลำดับ" else list(r) for r in section9_rows()]
    rows[1][0] = ""  # agency and year filled down from the first row, as printed tables leave them
    total = [""] * len(header)
    total[header.index(where)] = "รวม"
    total[header.index("น้ำหนัก")] = 100
    after = list(rows[3])
    after[header.index("ส่วนราชการ")] = ""  # a row after the total takes its agency from above the total
    after[header.index("ตัวชี้วัดที่")] = "5"
    after[header.index("น้ำหนัก")] = 0
    plain = write_xlsx(tmp_path / "plain.xlsx", [header, *rows, after])
    totalled = write_xlsx(tmp_path / "total.xlsx", [header, *rows, total, after])
    reading = _clean([totalled], frameworks)
    assert _figures(reading) == _figures(_clean([plain], frameworks))
    assert reading.agreements[0].agreement.agency == "กรมทดสอบ"


@pytest.mark.parametrize("dash", ["-", "–", "—", " - "])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_dash_in_a_result_means_no_result(tmp_path, frameworks, dash, suffix):
    rows = [list(r) for r in section9_rows()]
    rows[1][12] = dash
    write = write_csv if suffix == ".csv" else write_xlsx
    indicators, results = _figures(_clean([write(tmp_path / f"a{suffix}", [HEADER_TH, *rows])], frameworks))
    rows[1][12] = ""
    assert (indicators, results) == _figures(_clean([write(tmp_path / f"b{suffix}", [HEADER_TH, *rows])],
                                                     frameworks))
    assert [code for code, _ in results] == ["1", "3", "4"]


def test_a_dash_where_a_weight_belongs_is_still_an_empty_weight_refused(tmp_path, frameworks):
    rows = [list(r) for r in section9_rows()]
    rows[1][6] = "-"
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(3, "น้ำหนัก")]


def test_the_unreadable_result_of_a_real_indicator_is_still_refused(tmp_path, frameworks):
    rows = [list(r) for r in section9_rows()]
    rows[1][12] = "ดำเนินการแล้ว"
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(3, "ผลการดำเนินงาน")]


def test_a_row_of_criteria_without_code_or_name_but_with_a_weight_is_still_refused(tmp_path, frameworks):
    rows = [list(r) for r in section9_rows()]
    rows[1][3] = rows[1][4] = ""
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(3, "ตัวชี้วัดที่")]


def _with_title_and_thousands(rows):
    """A title line holding commas, and criteria and results written with thousands separators."""
    rows = [list(r) for r in rows]
    rows[3][7:13] = ["1,000", "1,100", "1,200", "1,300", "1,400", "1,175"]
    return [["รายงานผลการดำเนินงาน, ตัวชี้วัด, และน้ำหนัก ปีงบประมาณ 2553"], [], HEADER_TH, *rows]


@pytest.mark.parametrize("delimiter", [";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_semicolon_or_tab_file_with_commas_in_its_text_and_numbers(tmp_path, frameworks, delimiter, encoding):
    rows = _with_title_and_thousands(section9_rows())
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows, encoding, delimiter))
    want = _figures(_clean([write_csv(tmp_path / "comma.csv", rows)], frameworks))
    assert _figures(_clean([path], frameworks)) == want
    assert want[1][-1] == ("4", D(1175))


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"])
def test_every_line_ending_reads_the_same_rows(tmp_path, frameworks, ending):
    rows = [["ชื่อรายงาน"], [], HEADER_TH, *section9_rows()]
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(rows).replace(b"\r\n", ending.encode()))
    assert _figures(_clean([path], frameworks)) == _figures(_clean([write_csv(tmp_path / "b.csv", rows)], frameworks))
    rows[4][6] = "ห้าสิบ"  # row 5 whatever ends the lines
    path.write_bytes(csv_bytes(rows).replace(b"\r\n", ending.encode()))
    reading = read_agreement_files([path], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(5, "น้ำหนัก")]


_FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_full_width_digits_and_signs_are_the_numbers_and_codes_they_show(tmp_path, frameworks, suffix):
    rows = [list(r) for r in section9_rows()]
    wide = [[*r[:3], *(str(v).translate(_FULL_WIDTH) for v in r[3:4]), *r[4:6],
             *(str(v).translate(_FULL_WIDTH) for v in r[6:13]), r[13]] for r in rows]
    wide[0][12] = "９２％"
    write = write_csv if suffix == ".csv" else write_xlsx
    got = _figures(_clean([write(tmp_path / f"wide{suffix}", [HEADER_TH, *wide])], frameworks))
    assert got == _figures(_clean([write(tmp_path / f"plain{suffix}", [HEADER_TH, *rows])], frameworks))
    assert [code for code, *_ in got[0]] == ["1", "2", "3", "4"]


def test_a_workbook_without_a_worksheet_to_read_is_refused_naming_the_file(tmp_path, frameworks):
    import zipfile

    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADER_TH, *section9_rows()])
    broken = tmp_path / "no-sheet.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if not item.filename.startswith("xl/worksheets/"):
                target.writestr(item, source.read(item))
    reading = read_agreement_files([broken], frameworks)
    assert [(p.file, p.row) for p in reading.problems] == [("no-sheet.xlsx", None)]
    assert "no worksheet" in reading.problems[0].en and reading.agreements == ()


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_characters_that_show_nothing_change_no_code_agency_or_number(tmp_path, frameworks, invisible, suffix):
    """Thai text copied from a web page or Word carries zero-width spaces: nobody can see them to remove them."""
    rows = [list(r) for r in section9_rows()]
    marked = [list(r) for r in rows]
    marked[0][0] = "กรม" + invisible + "ทดสอบ"  # only the first row: the others fill down or repeat the agency
    marked[0][3] = "1" + invisible
    marked[1][3] = invisible + "2"
    marked[2][6] = "1" + invisible + "0"
    write = write_csv if suffix == ".csv" else write_xlsx
    reading = _clean([write(tmp_path / f"marked{suffix}", [HEADER_TH, *marked])], frameworks)
    assert [a.agreement.agency for a in reading.agreements] == ["กรมทดสอบ"]
    assert _figures(reading) == _figures(_clean([write(tmp_path / f"plain{suffix}", [HEADER_TH, *rows])], frameworks))


@pytest.mark.parametrize(("row", "written", "value"), [(1, "15 วัน", "15"), (3, "1,175 บาท", "1175"),
                                                       (3, "บาท 1,175", "1175"), (0, "๙๒ ร้อยละ", "92"),
                                                       (1, "15วัน", "15")])
def test_a_result_written_with_its_rows_own_unit_is_that_number(tmp_path, frameworks, row, written, value):
    rows = [list(r) for r in section9_rows()]
    rows[row][12] = written
    _, results = _figures(_clean([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks))
    assert dict(results)[rows[row][3]] == D(value)


@pytest.mark.parametrize("written", ["15 ชั่วโมง", "15 วัน 3 ชั่วโมง", "วัน", "ประมาณ 15 วัน"])
def test_a_result_with_another_unit_or_more_words_is_still_refused_on_its_cell(tmp_path, frameworks, written):
    rows = [list(r) for r in section9_rows()]
    rows[1][12] = written  # the row's unit is วัน
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(3, "ผลการดำเนินงาน")]
    assert repr(written) in reading.problems[0].en


def test_weights_that_are_all_zero_are_refused_once_naming_the_weight_column(tmp_path, frameworks):
    """Σw ≠ 100 imports with a warning; Σw = 0 leaves nothing to divide by (§11: a score made impossible)."""
    rows = [list(r) for r in section9_rows()]
    for row in rows:
        row[6] = "0"
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", [HEADER_TH, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(2, "น้ำหนัก")]
    assert "no total can be computed" in reading.problems[0].en
    assert reading.warnings == () and reading.agreements == ()
