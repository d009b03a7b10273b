"""Parties in the import layout: a คู่สัญญา / parties sheet, a parties CSV in Windows-874, or columns beside the
indicators; stored with the agreement, and refused with their row and column when they cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange.agreement_workbook import read_agreement_files
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import load_agreement
from evaluator_app.store.parties import load_parties
from tests.conftest import file_digest
from tests.parties_data import GIVER, LONG_AGENCY, PARTIES, RECIPIENT, SECOND_GIVER

from .builders import HEADER_TH, csv_bytes, section9_rows, write_xlsx

PARTY_HEADER = ("ส่วนราชการ", "ปีงบประมาณ", "ฝ่าย", "ชื่อ - นามสกุล", "ตำแหน่ง")


def party_rows(agency: str = LONG_AGENCY, year: object = 2569) -> list[list[object]]:
    """Agency and year on the first row only (merged down, as people lay it out)."""
    return [["รายชื่อคู่สัญญาคำรับรองการปฏิบัติราชการ"], [], list(PARTY_HEADER),
            [agency, year, "ผู้รับคำรับรอง", RECIPIENT.name, RECIPIENT.position],
            [None, None, "ผู้ทำคำรับรอง", GIVER.name, GIVER.position],
            [None, None, "giver", SECOND_GIVER.name, SECOND_GIVER.position]]


def indicators(agency: str = LONG_AGENCY, year: object = 2569) -> list[list[object]]:
    return [list(HEADER_TH), *section9_rows(year, agency)]


def test_a_parties_sheet_gives_the_agreement_its_parties(workspace, tmp_path, frameworks):
    path = write_xlsx(tmp_path / "agreement.xlsx", indicators(), sheet="คำรับรอง",
                      more_sheets={"คู่สัญญา": party_rows()})
    summary = import_agreement_files(workspace, [path], actor="sec")
    (agreement_id, agency, _), = summary.added
    assert agency == LONG_AGENCY
    assert load_parties(workspace, agreement_id) == PARTIES


def test_party_columns_beside_the_indicators_filled_down_count_once(tmp_path, frameworks):
    header = [*HEADER_TH, "ผู้รับคำรับรอง", "ตำแหน่งผู้รับคำรับรอง", "ผู้ทำคำรับรอง", "ตำแหน่งผู้ทำคำรับรอง"]
    rows = section9_rows(2569, LONG_AGENCY)
    rows[0] += [RECIPIENT.name, RECIPIENT.position, GIVER.name, GIVER.position]
    rows[1] += [RECIPIENT.name, RECIPIENT.position, SECOND_GIVER.name, SECOND_GIVER.position]
    rows[2] += [RECIPIENT.name, RECIPIENT.position, SECOND_GIVER.name, SECOND_GIVER.position]
    path = write_xlsx(tmp_path / "columns.xlsx", [header, *rows])
    reading = read_agreement_files([path], frameworks)
    assert reading.problems == ()
    assert reading.agreements[0].agreement.parties == PARTIES


def test_a_parties_csv_in_windows_874_beside_an_indicator_csv(workspace, tmp_path):
    english = [["agency", "fiscal_year", "side", "name", "position"],
               [LONG_AGENCY, 2026, "recipient", RECIPIENT.name, RECIPIENT.position],  # C.E. converted
               [LONG_AGENCY, 2026, "ผู้ทำคำรับรอง", GIVER.name, GIVER.position]]
    parties = tmp_path / "parties.csv"
    parties.write_bytes(csv_bytes(english, encoding="cp874"))
    agreement = tmp_path / "agreement.csv"
    agreement.write_bytes(csv_bytes(indicators(), encoding="cp874"))
    summary = import_agreement_files(workspace, [agreement, parties], actor="sec")
    assert load_parties(workspace, summary.added[0][0]) == (RECIPIENT, GIVER)


def test_a_second_import_of_the_same_agreement_sets_its_parties(workspace, tmp_path):
    first = write_xlsx(tmp_path / "first.xlsx", indicators())
    (agreement_id, _, _), = import_agreement_files(workspace, [first], actor="sec").added
    assert load_parties(workspace, agreement_id) == ()
    again = write_xlsx(tmp_path / "again.xlsx", indicators(), more_sheets={"parties": party_rows()})
    summary = import_agreement_files(workspace, [again], actor="sec")
    assert summary.parties_updated == [(agreement_id, LONG_AGENCY, 2569)] and summary.unchanged == []
    assert load_agreement(workspace, agreement_id).agreement.parties == PARTIES


def refused(workspace, workspace_path: Path, paths: list[Path]) -> list[str]:
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = file_digest(workspace_path)
    with pytest.raises(ProblemsError) as caught:
        import_agreement_files(workspace, paths, actor="sec")
    assert file_digest(workspace_path) == digest
    return [str(p) for p in caught.value.problems]


def test_an_unknown_side_is_refused_on_its_row_and_column(workspace, workspace_path, tmp_path):
    rows = party_rows()
    rows[4][2] = "พยาน"
    path = write_xlsx(tmp_path / "a.xlsx", indicators(), more_sheets={"คู่สัญญา": rows})
    messages = refused(workspace, workspace_path, [path])
    assert messages == ["a.xlsx, sheet 'คู่สัญญา', row 5, column 'ฝ่าย': คอลัมน์ 'ฝ่าย' ต้องเป็น ผู้รับคำรับรอง "
                        "หรือ ผู้ทำคำรับรอง แต่พบ 'พยาน' / column 'ฝ่าย' must be ผู้รับคำรับรอง (recipient) or "
                        "ผู้ทำคำรับรอง (giver), got 'พยาน'"]


def test_a_nameless_party_and_a_party_of_no_agreement_in_the_files_are_refused(workspace, workspace_path, tmp_path):
    rows = party_rows()
    rows[5][3] = ""
    rows.append(["กรมที่ไม่มีในไฟล์", 2569, "ผู้ทำคำรับรอง", "นายใคร ไม่รู้", "อธิบดี"])
    path = write_xlsx(tmp_path / "b.xlsx", indicators(), more_sheets={"คู่สัญญา": rows})
    messages = refused(workspace, workspace_path, [path])
    assert any(m.startswith("b.xlsx, sheet 'คู่สัญญา', row 6, column 'ชื่อ - นามสกุล'") and "the name is empty" in m
               for m in messages), messages
    assert any("row 7" in m and "no indicators of กรมที่ไม่มีในไฟล์ 2569" in m for m in messages), messages


def test_parties_without_an_agency_when_the_files_hold_two_agreements_are_refused(workspace, workspace_path,
                                                                                   tmp_path):
    rows = [["ฝ่าย", "ชื่อ", "ตำแหน่ง"], ["ผู้รับคำรับรอง", RECIPIENT.name, RECIPIENT.position]]
    path = write_xlsx(tmp_path / "c.xlsx", [*indicators(), *section9_rows(2569, "กรมที่สอง")],
                      more_sheets={"คู่สัญญา": rows})
    messages = refused(workspace, workspace_path, [path])
    assert messages == ["c.xlsx, sheet 'คู่สัญญา', row 2, column 'ชื่อ': ไฟล์ที่นำเข้ามีคำรับรองหลายฉบับ "
                        "ต้องระบุส่วนราชการและปีงบประมาณของคู่สัญญา / the files hold several agreements: give the "
                        "agency and fiscal year of each party"]


def test_one_person_with_two_positions_is_refused(workspace, workspace_path, tmp_path):
    rows = party_rows()
    rows.append([None, None, "ผู้ทำคำรับรอง", GIVER.name, "รองอธิบดี"])
    path = write_xlsx(tmp_path / "d.xlsx", indicators(), more_sheets={"คู่สัญญา": rows})
    messages = refused(workspace, workspace_path, [path])
    assert len(messages) == 1 and "row 7" in messages[0] and "is given two positions" in messages[0]


def test_a_sheet_of_thirty_thousand_party_rows_is_read_in_one_pass():
    """300 agreements with 100 givers each: every agreement is refused for too many givers, on its own."""
    from evaluator_app.domain.agreement import Agreement
    from evaluator_app.exchange.parties import attach_parties, read_parties_grid
    from evaluator_app.exchange.readers import Grid

    agencies = [f"{LONG_AGENCY} เขต {n}" for n in range(300)]
    rows: list[list[object]] = [list(PARTY_HEADER)]
    for agency in agencies:
        rows += [[agency, 2569, "ผู้ทำคำรับรอง", f"นายผู้ทำ ลำดับที่ {n}", "ผู้อำนวยการ"] for n in range(100)]
    found, problems = read_parties_grid(Grid("parties.csv", None, rows))
    assert problems == [] and len(found) == 30_000
    attached, problems = attach_parties([Agreement(a, 2569, ()) for a in agencies], found)
    assert len(problems) == 300 and all("100 givers, more than 20" in p.en for p in problems)
    assert all(len(a.parties) == 100 for a in attached)
