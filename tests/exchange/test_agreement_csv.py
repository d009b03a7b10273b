"""CSV files as Thai Windows writes them, and the forms a table takes: fractions, C.E. years, English headers."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.framework import Scheme
from evaluator_app.exchange.agreement_workbook import load_agreement_files, read_agreement_files

from .builders import HEADER_EN, HEADER_TH, csv_bytes, indicator, section9_rows, write_csv


def _summary(imported):
    agreement = imported.agreement
    return (agreement.agency, agreement.fiscal_year, agreement.framework_id,
            [(i.code, i.name, i.weight, str(i.thresholds), i.kind, i.unit) for i in agreement.indicators],
            imported.self_ratings)


@pytest.mark.parametrize(("encoding", "prefix"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp874", b"")])
def test_utf8_bom_and_windows_874_read_identically(tmp_path, frameworks, encoding, prefix):
    rows = [["รายงานตัวชี้วัด"], [], HEADER_TH, *section9_rows()]
    rows[3][12] = "๙๒"  # Thai digits survive every encoding
    expected = tmp_path / "expected.csv"
    write_csv(expected, rows)
    path = tmp_path / "agreements.csv"
    path.write_bytes(prefix + csv_bytes(rows, encoding))
    (got,) = load_agreement_files([path], frameworks)
    (want,) = load_agreement_files([expected], frameworks)
    assert _summary(got) == _summary(want)
    assert got.agreement.agency == "กรมทดสอบ" and got.agreement.indicator("1").name == "ตัวชี้วัด 1"
    assert got.self_ratings[0].result == D(92)
    assert got.source == "agreements.csv"


def test_semicolon_delimited_csv_is_read(tmp_path, frameworks):
    path = write_csv(tmp_path / "semi.csv", [HEADER_TH, *section9_rows()], delimiter=";")
    (imported,) = load_agreement_files([path], frameworks)
    assert len(imported.agreement.indicators) == 4


def test_csv_row_numbers_count_blank_lines(tmp_path, frameworks):
    rows = [[], ["ชื่อรายงาน"], [], HEADER_TH, [], *section9_rows()]
    rows[6][6] = "ห้าสิบ"  # row 7 in Excel and in a text editor
    reading = read_agreement_files([write_csv(tmp_path / "a.csv", rows)], frameworks)
    (problem,) = reading.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("a.csv", None, 7, "น้ำหนัก")


def test_fraction_weights_summing_to_one_are_stored_as_percentages(tmp_path, frameworks):
    rows = section9_rows()
    for row, fraction in zip(rows, ("0.50", "0.20", "0.10", "0.20"), strict=True):
        row[6] = fraction
    (imported,) = load_agreement_files([write_csv(tmp_path / "f.csv", [HEADER_TH, *rows])], frameworks)
    assert [i.weight for i in imported.agreement.indicators] == [D(50), D(20), D(10), D(20)]


def test_fractions_not_summing_to_one_import_with_warnings(tmp_path, frameworks):
    rows = section9_rows()
    for row, fraction in zip(rows, ("0.50", "0.20", "0.10", "0.22"), strict=True):
        row[6] = fraction
    reading = read_agreement_files([write_csv(tmp_path / "f.csv", [HEADER_TH, *rows])], frameworks)
    assert reading.problems == ()
    (imported,) = reading.agreements
    assert [i.weight for i in imported.agreement.indicators] == [D(50), D(20), D(10), D(22)]
    # one fact, one warning: the fractions' sum and the divisor it makes are said together
    (warning,) = imported.warnings
    assert "weights written as fractions summing to 1.02, read as percentages" in warning.en
    assert "weights sum to 102, not 100" in warning.en and "/ 102" in warning.en
    assert warning.file == "f.csv" and warning.column == "น้ำหนัก"


@pytest.mark.parametrize(("written", "stored"), [(2025, 2568), ("2025", 2568), ("พ.ศ. ๒๕๖๘", 2568),
                                                  ("2568", 2568), ("ค.ศ. 2025", 2568)])
def test_christian_era_years_become_buddhist_era(tmp_path, frameworks, written, stored):
    path = write_csv(tmp_path / "y.csv", [HEADER_TH, *section9_rows(year=written)])
    (imported,) = load_agreement_files([path], frameworks)
    assert imported.agreement.fiscal_year == stored
    assert imported.agreement.framework_id == "five-level-2560-onward"


def test_english_headers_in_any_case_and_spacing(tmp_path, frameworks):
    header = [h.upper().replace("_", " ") for h in HEADER_EN]  # "FISCAL YEAR", "LEVEL 1"
    header[6] = "Weight (%)"
    (imported,) = load_agreement_files([write_csv(tmp_path / "en.csv", [header, *section9_rows()])], frameworks)
    assert [i.weight for i in imported.agreement.indicators] == [D(50), D(20), D(10), D(20)]


def test_many_agencies_in_one_file_and_fill_down(tmp_path, frameworks):
    first = section9_rows(agency="กรมหนึ่ง")
    second = section9_rows(agency="กรมสอง", year=2554)
    for row in (*first[1:], *second[1:]):
        row[0] = row[1] = ""  # merged cells export as empty cells below the first
    agreements = load_agreement_files([write_csv(tmp_path / "m.csv", [HEADER_TH, *first, *second])], frameworks)
    assert [(a.agreement.agency, a.agreement.fiscal_year, len(a.agreement.indicators)) for a in agreements] == [
        ("กรมหนึ่ง", 2553, 4), ("กรมสอง", 2554, 4)]


def test_round_weights_become_round_weights(tmp_path, frameworks):
    rows = [
        indicator("1", 60, (80, 85, 90, 95, 100), result="85", round_=6),
        indicator("1", 50, (), name="", result="92", round_=12),
        indicator("2", 40, (20, 18, 16, 14, 12), result="17", round_=6),
        indicator("2", 50, (), name="", result="15", round_=12),
    ]
    (imported,) = load_agreement_files([write_csv(tmp_path / "r.csv", [HEADER_TH, *rows])], frameworks)
    one = imported.agreement.indicator("1")
    assert one.weight == D(60) and one.round_weights == {12: D(50)} and one.weight_in(12) == D(50)
    assert [(r.code, r.round, r.result) for r in imported.self_ratings] == [
        ("1", 6, D(85)), ("2", 6, D(17)), ("1", 12, D(92)), ("2", 12, D(15))]


def test_hundred_point_scheme_named_in_the_framework_column(tmp_path, frameworks):
    header = [*HEADER_TH[:7], "ขั้นต้น", "มาตรฐาน", "ขั้นสูง", "ผลการดำเนินงาน", "กรอบการประเมิน"]
    rows = [
        ["กรมใหม่", 2568, "Performance Base", "1", "ก", "ร้อยละ", 70, 80, 90, 100, 95, "opdc-2560-onward"],
        ["", "", "องค์ประกอบที่ 2", "2", "ข", "ระดับความสำเร็จ", 30, "วางแผน", "ดำเนินการ", "ประเมินผล", 2, ""],
    ]
    (imported,) = load_agreement_files([write_csv(tmp_path / "h.csv", [header, *rows])], frameworks)
    agreement = imported.agreement
    assert agreement.framework_id == "opdc-2560-onward"
    two = agreement.indicator("2")
    assert (two.dimension, two.kind, len(two.thresholds)) == ("Potential Base", IndicatorKind.MILESTONE, 3)
    assert two.level_descriptions == ("วางแผน", "ดำเนินการ", "ประเมินผล")
    assert {f.id: f.scheme for f in frameworks}["opdc-2560-onward"] is Scheme.THREE_LEVEL_100


def test_the_demo_agreements_read_cleanly(frameworks):
    from evaluator_app.paths import resource

    path = resource("demo", "demo-agreements.csv")  # another engineer's data, a real-world sample when present
    if path.exists():
        reading = read_agreement_files([path], frameworks)
        assert reading.problems == () and reading.agreements


def test_dimension_rows_above_each_agency_belong_to_it(tmp_path, frameworks):
    blank = [""] * len(HEADER_TH)

    def title(text):
        return [*blank[:4], text, *blank[5:]]

    first, second = section9_rows(agency="กรมหนึ่ง"), section9_rows(agency="กรมสอง")
    rows = [title("มิติที่ 1 ด้านประสิทธิผล"), *first[:2], title("มิติที่ 2"), *first[2:],
            title("มิติที่ 4"), *second[:3], [*second[3][:2], "คุณภาพการให้บริการ", *second[3][3:]]]
    one, two = load_agreement_files([write_csv(tmp_path / "d.csv", [HEADER_TH, *rows])], frameworks)
    assert [i.dimension for i in one.agreement.indicators] == [
        "ประสิทธิผล", "ประสิทธิผล", "คุณภาพการให้บริการ", "คุณภาพการให้บริการ"]
    assert [i.dimension for i in two.agreement.indicators] == [
        "การพัฒนาองค์การ", "การพัฒนาองค์การ", "การพัฒนาองค์การ", "คุณภาพการให้บริการ"]
