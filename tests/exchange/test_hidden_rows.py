"""Rows, columns and sheets that Excel does not show, and headers under a long preamble, through the real CLI.

The rule (README, import policy): what Excel hides is imported as written, with a warning on each hidden row or
column the import reads, naming file, sheet, row and column; `--strict` refuses it. A hidden sheet is read only when
no visible sheet holds the table (or with --include-hidden). The header row may sit under any number of rows.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from evaluator_app.exchange.columns import find_header_row
from evaluator_app.store.agreements import list_agreements, load_agreement
from evaluator_app.store.import_warnings import agreement_warnings
from evaluator_app.store.workspace import Workspace
from tests.safety.helpers import run_cli

from .builders import AGENCY, HEADER_TH, indicator, section9_rows

FILE = "คำรับรอง-2553.xlsx"
SHEET = "ตัวชี้วัด"
TITLE = ["คำรับรองการปฏิบัติราชการ กรมทดสอบ ประจำปีงบประมาณ พ.ศ. 2553"]


def fill(sheet: Worksheet, rows: list[list[object]], start: int = 1) -> None:
    for r, row in enumerate(rows, start=start):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                sheet.cell(r, c, value)


def agreement_book(path: Path, rows: list[list[object]] | None = None) -> tuple[Workbook, Worksheet]:
    """A title row, the header on row 2, §9's four indicators on rows 3-6 (3 is indicator 1)."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    fill(sheet, [TITLE, list(HEADER_TH), *(rows if rows is not None else section9_rows())])
    return book, sheet


def stored(workspace_path: Path) -> tuple[list[str], tuple]:
    """The codes of the one stored agreement and the warnings stored with it."""
    with Workspace.open(workspace_path) as ws:
        (listed,) = list_agreements(ws)
        agreement = load_agreement(ws, listed.id).agreement
        return [i.code for i in agreement.indicators], agreement_warnings(ws, listed.id)


def saved_and_imported(book: Any, tmp_path: Path, workspace_path: Path) -> tuple[Path, Any]:
    """The workbook saved as FILE and imported through the real CLI, which accepts it: its path and the run."""
    path = tmp_path / FILE
    book.save(path)
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 0, done.stderr
    return path, done


def warnings_of(stderr: str) -> list[str]:
    """The warnings `import` printed about what Excel hides (others, such as unknown dimension names, left out)."""
    return [line for line in stderr.splitlines() if line.startswith("คำเตือน / warning:") and "in Excel" in line]


def test_a_hidden_row_with_a_scored_indicator_imports_as_written_with_a_warning(tmp_path, workspace_path):
    book, sheet = agreement_book(tmp_path)
    sheet.row_dimensions[5].hidden = True  # indicator 3, weight 10: a withdrawn indicator the agency hid
    _, done = saved_and_imported(book, tmp_path, workspace_path)
    (line,) = warnings_of(done.stderr)
    assert f"{FILE}, sheet '{SHEET}', row 5:" in line
    assert "row 5 is hidden in Excel: imported as written; check that it belongs to the agreement" in line
    assert "แถว 5 ถูกซ่อนไว้ใน Excel" in line
    codes, warnings = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"]  # imported as written, hidden row included
    assert [(w.file, w.sheet, w.row, w.warning) for w in warnings] == [(FILE, SHEET, 5, True)]
    score = json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)
    assert score["total"] == "3.4500"  # indicator 3 counts: §9's total


def test_strict_refuses_a_hidden_row_and_writes_nothing(tmp_path, workspace_path):
    book, sheet = agreement_book(tmp_path)
    sheet.row_dimensions[5].hidden = True
    path = tmp_path / FILE
    book.save(path)
    done = run_cli(workspace_path, "import", str(path), "--strict")
    assert done.returncode == 2
    assert f"{FILE}, sheet '{SHEET}', row 5: " in done.stderr and "row 5 is hidden in Excel" in done.stderr
    assert "Traceback" not in done.stderr
    assert not workspace_path.exists()  # a refused first import leaves no workspace behind


def test_hidden_rows_that_the_import_does_not_read_draw_no_warning(tmp_path, workspace_path):
    """Above the header (a title block), blank spacer rows and notes under the table: nothing of them is read."""
    book, sheet = agreement_book(tmp_path, [*section9_rows(), [], ["หมายเหตุ: แถวคำนวณช่วย ไม่ใช่ตัวชี้วัด"]])
    for row in (1, 7, 8):
        sheet.row_dimensions[row].hidden = True
    _, done = saved_and_imported(book, tmp_path, workspace_path)
    assert warnings_of(done.stderr) == []


def test_a_hidden_dimension_title_warns_on_the_indicator_row_that_takes_its_dimension(tmp_path, frameworks):
    from evaluator_app.exchange.agreement_workbook import read_agreement_files

    rows = [["", "", "มิติที่ 1 ประสิทธิผล"], *section9_rows()]
    book, sheet = agreement_book(tmp_path, rows)
    sheet.row_dimensions[3].hidden = True
    book.save(tmp_path / FILE)
    reading = read_agreement_files([tmp_path / FILE], frameworks)
    assert reading.problems == ()
    (imported,) = reading.agreements
    assert {i.dimension for i in imported.agreement.indicators} == {"มิติที่ 1 ประสิทธิผล"}
    hidden = [w for w in imported.warnings if "in Excel" in w.en]
    assert [(w.row, "row 3 is hidden in Excel" in w.en) for w in hidden] == [(3, True)]


def test_a_hidden_column_warns_once_naming_its_letter_and_header(tmp_path, workspace_path):
    book, sheet = agreement_book(tmp_path)
    sheet.column_dimensions["M"].hidden = True  # ผลการดำเนินงาน: results nobody sees on paper
    sheet.column_dimensions["P"].hidden = True  # a helper column the import does not read
    for r in range(2, 7):
        sheet.cell(r, 16, f"=M{r}*2")
    path, done = saved_and_imported(book, tmp_path, workspace_path)
    (line,) = warnings_of(done.stderr)
    assert f"{FILE}, sheet '{SHEET}', row 2, column 'ผลการดำเนินงาน':" in line
    assert "column M ('ผลการดำเนินงาน') is hidden in Excel: its values are imported as written" in line
    _, warnings = stored(workspace_path)
    assert [(w.row, w.column) for w in warnings] == [(2, "ผลการดำเนินงาน")]
    assert json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)["total"] == "3.4500"
    strict = run_cli(workspace_path, "import", str(path), "--strict")
    assert strict.returncode == 2 and "column M ('ผลการดำเนินงาน') is hidden" in strict.stderr


def rewrite_sheet(path: Path, old: str, new: str) -> None:
    """Edit the first sheet's XML in place: what another generator writes and openpyxl does not."""
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert old in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_column_range_a_zero_width_column_and_a_zero_height_row_are_hidden_too(tmp_path, frameworks):
    from evaluator_app.exchange.agreement_workbook import read_agreement_files

    book, sheet = agreement_book(tmp_path)
    sheet.column_dimensions.group("H", "I", hidden=True)  # one <col min="8" max="9"> element: levels 1 and 2
    book.save(tmp_path / FILE)
    # น้ำหนัก dragged to nothing, and row 6 (indicator 4) too: Excel shows neither, without a hidden flag
    rewrite_sheet(tmp_path / FILE, "<cols>", '<cols><col min="7" max="7" width="0" customWidth="1"/>')
    rewrite_sheet(tmp_path / FILE, '<row r="6"', '<row r="6" ht="0" customHeight="1"')
    reading = read_agreement_files([tmp_path / FILE], frameworks)
    assert reading.problems == ()
    assert sorted((w.row or 0, w.column or "") for w in reading.warnings) == [
        (2, "น้ำหนัก"), (2, "เกณฑ์ 1"), (2, "เกณฑ์ 2"), (6, "")]
    assert any("column H ('เกณฑ์ 1') is hidden in Excel (inside a collapsed group)" in w.en for w in reading.warnings)
    assert any("column G ('น้ำหนัก') is hidden in Excel: its values" in w.en for w in reading.warnings)


def filtered_book(path: Path) -> Path:
    """Filtered on มิติ = ประสิทธิผล: rows 4 and 6 (indicators 2 and 4, named คุณภาพ...) are filtered out."""
    rows = [indicator(c, w, levels, dimension=d, unit=u, result=r, name=f"{d}ที่ {c}") for c, w, levels, d, u, r in (
        ("1", 50, (80, 85, 90, 95, 100), "ประสิทธิผล", "ร้อยละ", 92),
        ("2", 20, (20, 18, 16, 14, 12), "คุณภาพ", "วัน", 15),
        ("3", 10, (1, 2, 3, 4, 5), "ประสิทธิผล", "ระดับ", 5),
        ("4", 20, (1000, 1100, 1200, 1300, 1400), "คุณภาพ", "บาท", 1175))]
    book, sheet = agreement_book(path.parent, rows)
    sheet.auto_filter.ref = "A2:N6"
    sheet.auto_filter.add_filter_column(2, ["ประสิทธิผล"])  # column C (มิติ): show only ประสิทธิผล
    for row in (4, 6):  # what Excel saves: the rows the filter hides carry hidden="1"
        sheet.row_dimensions[row].hidden = True
    sheet.column_dimensions["E"].width = 30
    book.save(path)
    return path


def test_rows_filtered_out_by_the_autofilter_are_read_with_a_warning_each(tmp_path, workspace_path):
    path = filtered_book(tmp_path / FILE)
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 0, done.stderr
    lines = warnings_of(done.stderr)
    assert [("row 4 is hidden in Excel (filtered out by the sheet's filter)" in lines[0]),
            ("row 6 is hidden in Excel (filtered out by the sheet's filter)" in lines[1])] == [True, True]
    codes, warnings = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"] and [w.row for w in warnings if "in Excel" in w.en] == [4, 6]


def test_rows_in_a_collapsed_group_are_read_with_a_warning_each(tmp_path, workspace_path):
    rows = [indicator("1", 50, (80, 85, 90, 95, 100), result=92),
            indicator("1.1", 30, (80, 85, 90, 95, 100), result=90),
            indicator("1.2", 20, (80, 85, 90, 95, 100), result=95),
            indicator("2", 50, (20, 18, 16, 14, 12), unit="วัน", result=15)]
    book, sheet = agreement_book(tmp_path, rows)
    sheet.row_dimensions.group(4, 5, outline_level=1, hidden=True)  # the sub-indicators, collapsed under 1
    _, done = saved_and_imported(book, tmp_path, workspace_path)
    lines = warnings_of(done.stderr)
    assert len(lines) == 2
    assert all("is hidden in Excel (inside a collapsed group)" in line for line in lines)
    codes, _ = stored(workspace_path)
    assert codes == ["1", "1.1", "1.2", "2"]


def test_a_hidden_row_repeating_a_code_is_refused_naming_it_hidden(tmp_path, workspace_path):
    rows = [*section9_rows(), indicator("3", 10, (1, 2, 3, 4, 5), unit="ระดับ", result=4)]  # an older row 3
    book, sheet = agreement_book(tmp_path, rows)
    sheet.row_dimensions[7].hidden = True
    path = tmp_path / FILE
    book.save(path)
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 2
    assert f"on row 5 ({FILE} sheet '{SHEET}') and on row 7 ({FILE} sheet '{SHEET}', hidden in Excel)" in done.stderr


def cover_sheet(book: Workbook) -> None:
    cover = book.active
    cover.title = "ปก"
    fill(cover, [TITLE, ["จัดทำโดย กลุ่มพัฒนาระบบบริหาร"], ["ดูรายละเอียดตัวชี้วัดในชีตถัดไป"]])


def test_a_hidden_sheet_is_not_read_when_a_visible_sheet_holds_the_table(tmp_path, workspace_path):
    book, _ = agreement_book(tmp_path)
    old = book.create_sheet("ร่างเดิม")  # the draft before negotiation, hidden: other weights
    fill(old, [list(HEADER_TH), indicator("1", 60, (80, 85, 90, 95, 100)), indicator("2", 40, (1, 2, 3, 4, 5))])
    old.sheet_state = "hidden"
    _, done = saved_and_imported(book, tmp_path, workspace_path)
    assert "sheet 'ร่างเดิม' is hidden: skipped" in done.stderr and warnings_of(done.stderr) == []
    codes, warnings = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"] and warnings == ()


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_holding_the_only_table_is_read_with_a_warning(tmp_path, workspace_path, state):
    book = Workbook()
    cover_sheet(book)
    table = book.create_sheet(SHEET)
    fill(table, [list(HEADER_TH), *section9_rows()])
    table.sheet_state = state
    path = tmp_path / FILE
    book.save(path)
    strict = run_cli(workspace_path, "import", str(path), "--strict")
    assert strict.returncode == 2 and not workspace_path.exists()
    assert f"sheet '{SHEET}' is {'very hidden' if state == 'veryHidden' else 'hidden'} in Excel" in strict.stderr
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 0, done.stderr
    (line,) = warnings_of(done.stderr)
    assert f"{FILE}, sheet '{SHEET}':" in line and "no visible sheet holds an indicator table: it is read" in line
    codes, warnings = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"] and [(w.sheet, w.row) for w in warnings] == [(SHEET, None)]


def preamble(count: int) -> list[list[object]]:
    """A title block, notes and approval text: `count` rows before the table, some of them blank."""
    lines: list[list[object]] = [TITLE, ["สำนักงานคณะกรรมการพัฒนาระบบราชการ (ก.พ.ร.)"], []]
    while len(lines) < count - 2:
        n = len(lines)
        lines.append([f"หมายเหตุ {n}: ตัวชี้วัดที่ใช้ในการประเมินผลตามคำรับรองฉบับนี้ ได้ผ่านความเห็นชอบของคณะกรรมการ "
                      f"เจรจาข้อตกลงและประเมินผล ครั้งที่ {n}/2552", "", f"ลงชื่อ ผู้อนุมัติ {n}"])
    return [*lines, ["อนุมัติโดย", "นายทดสอบ ตัวอย่าง", "อธิบดี"], []]


def test_a_header_under_a_45_row_preamble_is_found(tmp_path, workspace_path):
    book = Workbook()
    fill(book.active, [*preamble(45), list(HEADER_TH), *section9_rows()])
    saved_and_imported(book, tmp_path, workspace_path)
    codes, _ = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"]
    assert json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)["total"] == "3.4500"


def test_a_header_far_down_a_csv_is_found_and_a_sheet_with_no_header_is_refused_clearly(tmp_path, workspace_path):
    from .builders import write_csv

    far = write_csv(tmp_path / "far.csv", [*preamble(300), list(HEADER_TH), *section9_rows()])
    done = run_cli(workspace_path, "import", str(far))
    assert done.returncode == 0, done.stderr
    book = Workbook()
    fill(book.active, [*preamble(45), *section9_rows()])  # the header row was deleted
    fill(book.create_sheet("ซ่อน"), preamble(10))
    book["ซ่อน"].sheet_state = "hidden"
    none = tmp_path / "ไม่มีหัวตาราง.xlsx"
    book.save(none)
    refused = run_cli(workspace_path, "import", str(none))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "ไม่มีหัวตาราง.xlsx: " in refused.stderr
    assert "no header row found in any sheet (every row of every sheet was searched, hidden sheets too)" in (
        refused.stderr)
    assert "ส่วนราชการ (agency)" in refused.stderr  # the required columns are listed


class _Counted(list):
    """Rows that count which of them were looked at."""

    def __init__(self, rows: list[list[str]]):
        super().__init__(rows)
        self.seen: set[int] = set()

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, int):
            self.seen.add(index)
        return super().__getitem__(index)


def test_the_header_search_stops_soon_after_the_header():
    """The whole sheet may be searched, but a table's data rows never are: that keeps big sheets cheap."""
    header = list(HEADER_TH)
    data = [[str(v) for v in row] for row in section9_rows() * 2000]
    rows = _Counted([[f"หมายเหตุ {n}"] for n in range(120)] + [header] + data)
    found = find_header_row(rows)
    assert found is not None and found.index == 120 and found.positions["weight"] == 6
    assert max(rows.seen) < 120 + 31


def test_without_a_row_naming_three_columns_nothing_is_a_header():
    rows = [["ตัวชี้วัด", "น้ำหนัก"], ["หมายเหตุ"], *([["x", "y", "z"]] * 100)]
    assert find_header_row(rows) is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_test_workbooks_hide_what_a_spreadsheet_application_hides(tmp_path):
    """The workbooks above, printed by LibreOffice: the hidden row, the column and the filtered rows are not on
    paper (the committee's view), the others are. Proves the test files hide what Excel and LibreOffice hide."""
    book, sheet = agreement_book(tmp_path, [
        indicator("1", 50, (80, 85, 90, 95, 100), name="ตัวชี้วัดที่เห็น", result=92),
        indicator("2", 20, (20, 18, 16, 14, 12), name="ตัวชี้วัดที่ซ่อน"),
        indicator("3", 30, (1, 2, 3, 4, 5), name="ตัวชี้วัดในกลุ่มที่ยุบ")])
    sheet.row_dimensions[4].hidden = True
    sheet.row_dimensions.group(5, 5, outline_level=1, hidden=True)
    sheet.column_dimensions["E"].width = 40  # the names whole on paper
    sheet["M3"] = 987654
    sheet.column_dimensions["M"].hidden = True
    path = tmp_path / "printed.xlsx"
    book.save(path)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, check=True, timeout=180)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "printed.pdf"), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "ตัวชี้วัดที่เห็น" in text and AGENCY in text
    assert "ตัวชี้วัดที่ซ่อน" not in text and "ตัวชี้วัดในกลุ่มที่ยุบ" not in text and "987654" not in text
    filtered = filtered_book(tmp_path / "filtered.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(filtered)], capture_output=True, check=True, timeout=180)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "filtered.pdf"), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "ประสิทธิผลที่ 1" in text and "ประสิทธิผลที่ 3" in text
    assert "คุณภาพที่ 2" not in text and "คุณภาพที่ 4" not in text


def test_a_signature_block_in_the_preamble_does_not_make_the_sheet_a_parties_sheet(tmp_path, workspace_path):
    """The approval text above the table lists who signs, under ฝ่าย / ชื่อ / ตำแหน่ง: the sheet is still the
    indicator table 40 rows further down."""
    signatures = [["ฝ่าย", "ชื่อ", "ตำแหน่ง"], ["ผู้รับคำรับรอง", "นายทดสอบ รับรอง", "ปลัดกระทรวงทดสอบ"],
                  ["ผู้ทำคำรับรอง", "นางทดสอบ ทำคำรับรอง", "อธิบดีกรมทดสอบ"]]
    book = Workbook()
    fill(book.active, [TITLE, [], *signatures, *preamble(40), list(HEADER_TH), *section9_rows()])
    saved_and_imported(book, tmp_path, workspace_path)
    codes, _ = stored(workspace_path)
    assert codes == ["1", "2", "3", "4"]


@pytest.mark.parametrize("hidden_first", [False, True])
def test_a_column_named_twice_once_hidden_reads_the_one_shown_with_a_warning(tmp_path, workspace_path,
                                                                              hidden_first):
    """An agency keeps the weights before negotiation in a hidden column beside the agreed ones."""
    book, sheet = agreement_book(tmp_path)
    agreed, old = ("O", "G") if hidden_first else ("G", "O")
    for r, weight in enumerate(("น้ำหนัก", 50, 20, 10, 20), start=2):  # §9's weights, agreed
        sheet[f"{agreed}{r}"] = weight
        sheet[f"{old}{r}"] = "น้ำหนัก (เดิม)" if r == 2 else 25
    sheet.column_dimensions[old].hidden = True
    _, done = saved_and_imported(book, tmp_path, workspace_path)
    (line,) = warnings_of(done.stderr)
    assert f"{FILE}, sheet '{SHEET}', row 2, column 'น้ำหนัก':" in line
    assert (f"appears more than once (columns G, O); {old} is hidden in Excel, so {agreed}, the one shown, is read"
            in line)
    assert json.loads(run_cli(workspace_path, "score", "1", "--json").stdout)["total"] == "3.4500"  # 50/20/10/20


def test_a_column_named_twice_and_shown_twice_is_still_refused(tmp_path, workspace_path):
    book, sheet = agreement_book(tmp_path)
    for r in range(2, 7):
        sheet[f"O{r}"] = "น้ำหนัก (เดิม)" if r == 2 else 25
    path = tmp_path / FILE
    book.save(path)
    done = run_cli(workspace_path, "import", str(path))
    assert done.returncode == 2 and "appears more than once (columns G, O); it is unclear which one" in done.stderr


def test_parties_under_a_long_preamble_are_read_too(tmp_path, frameworks):
    """A คู่สัญญา sheet whose header sits under 40 rows of text, and per-side party columns on an indicator table
    under 45: both give the agreement its parties."""
    from evaluator_app.exchange.agreement_workbook import read_agreement_files
    from tests.parties_data import GIVER, LONG_AGENCY, PARTIES, RECIPIENT, SECOND_GIVER

    from .builders import write_xlsx
    from .test_import_parties import party_rows

    indicators = [list(HEADER_TH), *section9_rows(2569, LONG_AGENCY)]
    path = write_xlsx(tmp_path / "sheet.xlsx", [*preamble(45), *indicators], sheet="คำรับรอง",
                      more_sheets={"คู่สัญญา": [*preamble(40), *party_rows()]})
    reading = read_agreement_files([path], frameworks)
    assert reading.problems == ()
    assert reading.agreements[0].agreement.parties == PARTIES
    header = [*HEADER_TH, "ผู้รับคำรับรอง", "ตำแหน่งผู้รับคำรับรอง", "ผู้ทำคำรับรอง", "ตำแหน่งผู้ทำคำรับรอง"]
    rows = section9_rows(2569, LONG_AGENCY)
    rows[0] += [RECIPIENT.name, RECIPIENT.position, GIVER.name, GIVER.position]
    rows[1] += [RECIPIENT.name, RECIPIENT.position, SECOND_GIVER.name, SECOND_GIVER.position]
    path = write_xlsx(tmp_path / "columns.xlsx", [*preamble(45), header, *rows])
    reading = read_agreement_files([path], frameworks)
    assert reading.problems == ()
    assert reading.agreements[0].agreement.parties == PARTIES
