"""Each refusal: the exact file, row and column, in Thai and English, and nothing imported."""

from __future__ import annotations

import pytest

from evaluator_app.domain.problems import Problem, ProblemsError
from evaluator_app.exchange import readers
from evaluator_app.exchange.agreement_workbook import MAX_PROBLEMS, load_agreement_files, read_agreement_files

from .builders import HEADER_TH, csv_bytes, indicator, section9_rows, write_csv, write_xlsx


def only_problem(paths, frameworks) -> Problem:
    reading = read_agreement_files(paths, frameworks)
    assert len(reading.problems) == 1, [str(p) for p in reading.problems]
    problem = reading.problems[0]
    assert problem.th.strip() and problem.en.strip()
    assert reading.agreements == ()
    with pytest.raises(ProblemsError) as raised:
        load_agreement_files(paths, frameworks)
    assert raised.value.problems == reading.problems
    return problem


def csv_with(tmp_path, rows, name="a.csv"):
    return [write_csv(tmp_path / name, [HEADER_TH, *rows])]


def only_warning(paths, frameworks) -> Problem:
    """The one warning of files that import; `--strict` makes it the one refusal, at the same place."""
    reading = read_agreement_files(paths, frameworks)
    assert reading.problems == ()
    assert len(reading.warnings) == 1, [str(p) for p in reading.warnings]
    (warning,) = reading.warnings
    assert warning.warning and reading.agreements
    assert sum(len(a.warnings) for a in reading.agreements) == 1
    with pytest.raises(ProblemsError) as raised:
        load_agreement_files(paths, frameworks, strict=True)
    (refusal,) = raised.value.problems
    assert not refusal.warning and (refusal.file, refusal.row, refusal.column, refusal.en) == (
        warning.file, warning.row, warning.column, warning.en)
    return warning


def test_weights_not_summing_to_100_warn_naming_the_sum(tmp_path, frameworks):
    rows = section9_rows()
    rows[3][6] = 15
    warning = only_warning(csv_with(tmp_path, rows), frameworks)
    assert (warning.file, warning.row, warning.column) == ("a.csv", 2, "น้ำหนัก")
    assert "sum to 95" in warning.en and "รวมได้ 95" in warning.th


def test_children_not_summing_to_their_parent_warn(tmp_path, frameworks):
    rows = [
        indicator("1", 30, (80, 85, 90, 95, 100)),
        indicator("2", 40, ()),
        indicator("2.1", 20, (20, 18, 16, 14, 12)),
        indicator("2.2", 15, (1, 2, 3, 4, 5)),
        indicator("3", 30, (1, 2, 3, 4, 5)),
    ]
    problem = only_warning(csv_with(tmp_path, rows), frameworks)
    assert (problem.file, problem.row, problem.column, problem.indicator) == ("a.csv", 3, "น้ำหนัก", "2")
    assert "2.1=20 + 2.2=15 = 35" in problem.en and "2 (40)" in problem.en


def test_non_monotone_thresholds_are_refused_naming_row_and_levels(tmp_path, frameworks):
    rows = section9_rows()
    rows[2][7:12] = [40, 50, 60, 60, 70]
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.file, problem.row, problem.column) == ("a.csv", 4, "เกณฑ์ 1 – เกณฑ์ 5")
    assert "row 4" in problem.en and "levels 3 and 4 are equal (60) in 40 50 60 60 70" in problem.en
    assert "แถว 4" in problem.th and "40 50 60 60 70" in problem.th


def test_missing_required_column_lists_thai_and_english(tmp_path, frameworks):
    header = [h for h in HEADER_TH if h != "น้ำหนัก"]
    rows = [[c for i, c in enumerate(r) if i != 6] for r in section9_rows()]
    path = write_xlsx(tmp_path / "w.xlsx", [["ชื่อเรื่อง"], header, *rows], sheet="KPI")
    problem = only_problem([path], frameworks)
    assert (problem.file, problem.sheet, problem.row) == ("w.xlsx", "KPI", 2)
    assert "น้ำหนัก (weight)" in problem.en and "น้ำหนัก (weight)" in problem.th


def test_non_number_weight(tmp_path, frameworks):
    rows = section9_rows()
    rows[1][6] = "abc"
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.file, problem.row, problem.column) == ("a.csv", 3, "น้ำหนัก")
    assert problem.en == "column 'น้ำหนัก', expected a number, got 'abc'"


def test_missing_thresholds_on_a_scored_indicator(tmp_path, frameworks):
    rows = section9_rows()
    rows[1][7:12] = [""] * 5
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.file, problem.row, problem.column, problem.indicator) == ("a.csv", 3, "เกณฑ์ 1 – เกณฑ์ 5", "2")
    assert "needs 5 criteria levels" in problem.en


def test_partly_filled_thresholds(tmp_path, frameworks):
    rows = section9_rows()
    rows[1][10:12] = ["", ""]
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.row, problem.column) == (3, "เกณฑ์ 1 – เกณฑ์ 5")
    assert "criteria level 4, 5 is empty" in problem.en


def test_duplicate_row_names_both_rows(tmp_path, frameworks):
    rows = [*section9_rows(), indicator("2", 20, (20, 18, 16, 14, 12), unit="วัน", result=16)]
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.file, problem.row, problem.column) == ("a.csv", 6, "ตัวชี้วัดที่")
    assert problem.en == "duplicate row: indicator 2, round 12, is on row 3 (a.csv) and on row 6 (a.csv)"


def test_the_same_agreement_in_two_files_is_a_duplicate(tmp_path, frameworks):
    first = write_csv(tmp_path / "one.csv", [HEADER_TH, *section9_rows()])
    second = write_csv(tmp_path / "two.csv", [HEADER_TH, *section9_rows()])
    reading = read_agreement_files([first, second], frameworks)
    assert [(p.file, p.row) for p in reading.problems] == [("two.csv", n) for n in (2, 3, 4, 5)]
    assert "row 2 (one.csv) and on row 2 (two.csv)" in reading.problems[0].en


def test_random_bytes(tmp_path, frameworks):
    noise = bytes(range(256)) * 40
    for name in ("noise.xlsx", "noise.csv"):
        (tmp_path / name).write_bytes(noise)
        problem = only_problem([tmp_path / name], frameworks)
        assert problem.file == name and problem.row is None
        assert problem.en.startswith("not an Excel workbook or CSV file")


def test_truncated_workbook(tmp_path, frameworks):
    path = write_xlsx(tmp_path / "cut.xlsx", [HEADER_TH, *section9_rows()])
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    problem = only_problem([path], frameworks)
    assert problem.file == "cut.xlsx" and "not an Excel workbook or CSV file" in problem.en


def test_old_xls_extension_advises_saving_as_xlsx(tmp_path, frameworks):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    problem = only_problem([path], frameworks)
    assert problem.file == "old.xls" and "save as .xlsx" in problem.en and ".xlsx" in problem.th


def test_an_old_workbook_renamed_to_xlsx(tmp_path, frameworks):
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert "save as .xlsx" in only_problem([path], frameworks).en


def test_unknown_extension_lists_the_accepted_ones(tmp_path, frameworks):
    path = tmp_path / "a.ods"
    path.write_bytes(b"x")
    problem = only_problem([path], frameworks)
    assert ".xlsx, .xlsm, .csv" in problem.en and ".ods" in problem.en


def test_too_large_file(tmp_path, frameworks, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    problem = only_problem(csv_with(tmp_path, section9_rows()), frameworks)
    assert "too large" in problem.en and problem.file == "a.csv"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_too_many_rows(tmp_path, frameworks, monkeypatch, suffix):
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    rows = [HEADER_TH, *section9_rows()]
    path = write_csv(tmp_path / f"a{suffix}", rows) if suffix == ".csv" else write_xlsx(tmp_path / f"a{suffix}", rows)
    problem = only_problem([path], frameworks)
    assert "more than 3 rows" in problem.en


def test_overlong_cell(tmp_path, frameworks):
    rows = section9_rows()
    rows[0][4] = "ก" * 5001
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.row, problem.column) == (2, "ตัวชี้วัด")
    assert "5,001 characters" in problem.en


def test_implausible_year(tmp_path, frameworks):
    rows = section9_rows(year=25677)
    for row in rows[1:]:
        row[1] = ""  # filled down from row 2, as under a merged cell
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.row, problem.column) == (2, "ปีงบประมาณ")  # once, not again on the filled-down rows
    assert "25677" in problem.en and "implausible" in problem.en


def test_a_bad_year_written_on_every_row_is_reported_on_every_row(tmp_path, frameworks):
    reading = read_agreement_files(csv_with(tmp_path, section9_rows(year="๒๕๖")), frameworks)
    assert [p.row for p in reading.problems] == [2, 3, 4, 5]


def test_year_without_a_framework(tmp_path, frameworks):
    problem = only_problem(csv_with(tmp_path, section9_rows(year=2540)), frameworks)
    assert (problem.row, problem.column) == (2, "ปีงบประมาณ")
    assert "no framework covers fiscal year 2540" in problem.en


def test_no_header_row(tmp_path, frameworks):
    path = write_csv(tmp_path / "x.csv", [["a", "b"], ["1", "2"]])
    problem = only_problem([path], frameworks)
    assert problem.file == "x.csv" and "no header row" in problem.en and "น้ำหนัก (weight)" in problem.en


def test_levels_four_and_five_under_the_three_level_scheme(tmp_path, frameworks):
    header = [*HEADER_TH, "กรอบการประเมิน"]
    rows = [[*indicator("1", 100, (50, 60, 70, 80, 90), year=2569), "opdc-2560-onward"]]
    reading = read_agreement_files([write_csv(tmp_path / "t.csv", [header, *rows])], frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(2, "เกณฑ์ 4"), (2, "เกณฑ์ 5")]
    assert "3 criteria levels" in reading.problems[0].en


def test_milestone_result_out_of_range(tmp_path, frameworks):
    rows = section9_rows()
    rows[2][12] = "6"
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.row, problem.column) == (4, "ผลการดำเนินงาน")
    assert "level from 0 to 5" in problem.en


def test_row_without_code_is_reported_not_taken_for_a_dimension(tmp_path, frameworks):
    rows = section9_rows()
    rows[3][3] = ""
    reading = read_agreement_files(csv_with(tmp_path, rows), frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [(5, "ตัวชี้วัดที่")]
    assert "needs a code" in reading.problems[0].en


def test_all_problems_of_all_files_in_one_pass_and_nothing_imported(tmp_path, frameworks):
    good = write_csv(tmp_path / "good.csv", [HEADER_TH, *section9_rows(agency="กรมดี")])
    bad_rows = section9_rows()
    bad_rows[0][6] = "x"
    bad_rows[2][7:12] = [5, 4, 3, 4, 5]
    bad = write_csv(tmp_path / "bad.csv", [HEADER_TH, *bad_rows])
    reading = read_agreement_files([good, bad], frameworks)
    assert [(p.file, p.row, p.column) for p in reading.problems] == [
        ("bad.csv", 2, "น้ำหนัก"), ("bad.csv", 4, "เกณฑ์ 1 – เกณฑ์ 5")]
    assert [a.agreement.agency for a in reading.agreements] == ["กรมดี"]  # for the preview only
    with pytest.raises(ProblemsError):
        load_agreement_files([good, bad], frameworks)


def test_problems_are_capped_with_a_count(tmp_path, frameworks):
    rows = [indicator(str(n), "x", (1, 2, 3, 4, 5)) for n in range(1, 300)]
    problems = read_agreement_files(csv_with(tmp_path, rows), frameworks).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].en.startswith("and 99 more problems")


def test_absurdly_large_numbers_are_refused_not_crashed_on(tmp_path, frameworks):
    rows = section9_rows()
    rows[0][6] = "9" * 100
    rows[1][7:12] = ["1" * 40, "2" * 40, "3" * 40, "4" * 40, "5" * 40]
    reading = read_agreement_files(csv_with(tmp_path, rows), frameworks)
    assert [(p.row, p.column) for p in reading.problems] == [
        (2, "น้ำหนัก"), (3, "เกณฑ์ 1"), (3, "เกณฑ์ 2"), (3, "เกณฑ์ 3"), (3, "เกณฑ์ 4"), (3, "เกณฑ์ 5")]
    assert all("too large" in p.en for p in reading.problems)


def test_text_criteria_on_a_numeric_indicator_suggest_the_milestone_kind(tmp_path, frameworks):
    rows = section9_rows()
    rows[0][7:12] = ["วางแผน", "ดำเนินการ", "ติดตาม", "ประเมิน", "รายงาน"]
    reading = read_agreement_files(csv_with(tmp_path, rows), frameworks)
    assert [p.column for p in reading.problems] == ["เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5"]
    assert "set the kind to milestone" in reading.problems[0].en


def test_an_agreement_with_too_many_indicators_is_refused_quickly(tmp_path, frameworks, monkeypatch):
    from evaluator_app.exchange import assemble

    monkeypatch.setattr(assemble, "MAX_INDICATORS", 3)
    problem = only_problem(csv_with(tmp_path, section9_rows()), frameworks)
    assert (problem.row, problem.column) == (2, "ตัวชี้วัดที่") and "4 indicators" in problem.en


def test_workbook_that_inflates_too_far(tmp_path, frameworks, monkeypatch):
    monkeypatch.setattr(readers, "MAX_UNZIPPED_BYTES", 1000)
    problem = only_problem([write_xlsx(tmp_path / "bomb.xlsx", [HEADER_TH, *section9_rows()])], frameworks)
    assert problem.file == "bomb.xlsx" and "expands to too much data" in problem.en


def test_xlsm_and_utf16_tab_text_are_read(tmp_path, frameworks):
    xlsm = write_xlsx(tmp_path / "macro.xlsm", [HEADER_TH, *section9_rows(agency="กรมหนึ่ง")])
    utf16 = tmp_path / "unicode.csv"  # Excel's "Unicode Text": UTF-16 with BOM, tab-separated
    utf16.write_bytes(csv_bytes([HEADER_TH, *section9_rows(agency="กรมสอง")], "utf-16", "\t"))
    agreements = load_agreement_files([xlsm, utf16], frameworks)
    assert [a.agreement.agency for a in agreements] == ["กรมหนึ่ง", "กรมสอง"]


def test_a_giant_csv_field_is_refused_quickly(tmp_path, frameworks):
    rows = [[*HEADER_TH, "*" * 300_000], *section9_rows()]
    problem = only_problem([write_csv(tmp_path / "g.csv", rows)], frameworks)
    assert problem.file == "g.csv" and "longer than 5,000 characters" in problem.en


def test_a_result_on_a_parent_row_is_refused_on_that_row(tmp_path, frameworks):
    rows = [
        indicator("1", 60, (80, 85, 90, 95, 100), result=92),
        indicator("2", 40, (), result=3),
        indicator("2.1", 20, (20, 18, 16, 14, 12), result=15),
        indicator("2.2", 20, (1, 2, 3, 4, 5), result=4),
    ]
    problem = only_problem(csv_with(tmp_path, rows), frameworks)
    assert (problem.row, problem.column, problem.indicator) == (3, "ผลการดำเนินงาน", "2")
    assert "it is a parent" in problem.en


def test_five_level_year_without_level_4_and_5_columns_is_reported_once(tmp_path, frameworks):
    header = [h for h in HEADER_TH if h not in ("เกณฑ์ 4", "เกณฑ์ 5")]
    rows = [[v for i, v in enumerate(r) if i not in (10, 11)] for r in section9_rows()]
    problem = only_problem([write_csv(tmp_path / "a.csv", [header, *rows])], frameworks)
    assert (problem.file, problem.row, problem.column) == ("a.csv", 1, None)
    assert "missing column เกณฑ์ 4 (level_4), เกณฑ์ 5 (level_5)" in problem.en
