"""Results export: the xlsx (and CSV) reads back through the agreement importer into a fresh workspace with the same
agreements and self results; members, panel figures and totals on their own sheets; no formula runs; no private
note leaves the workspace."""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.exchange.results_export import SHEETS, export_results
from evaluator_app.store.agreements import add_agreement, agreement_snapshot, list_agreements, load_agreement
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement
from tests.reports.builders import MEMBERS, rate, self_assessed, with_panel

T = Thresholds.of
SECRET = "บันทึกส่วนตัว: อย่าเผยแพร่"
FORMULA = "=HYPERLINK(\"http://example.invalid\",\"คลิก\")"


def rich_agreement() -> Agreement:
    """Parents and children, a milestone with its steps, a per-round weight, an indicator that starts at round 9."""
    return Agreement("กรมส่งออกผล", 2569, (
        Indicator("1", "ร้อยละความสำเร็จของการเบิกจ่าย", D(40), T(80, 85, 90, 95, 100), dimension="ประสิทธิผล",
                  unit="ร้อยละ", target="ร้อยละ 90", baseline="86.50", round_weights={6: D(30)}),
        Indicator("2", "การพัฒนาคุณภาพการให้บริการ", D(40), dimension="คุณภาพการให้บริการ", round_weights={6: D(50)}),
        Indicator("2.1", "ระยะเวลาเฉลี่ยในการให้บริการ", D(20), T(20, 18, 16, 14, 12), dimension="คุณภาพการให้บริการ",
                  unit="วัน", round_weights={6: D(30)}),
        Indicator("2.2", "ระดับความสำเร็จของระบบบริการอิเล็กทรอนิกส์", D(20), T(1, 2, 3, 4, 5),
                  kind=IndicatorKind.MILESTONE, dimension="คุณภาพการให้บริการ", unit="ระดับความสำเร็จ",
                  level_descriptions=("แต่งตั้งคณะทำงาน", "ออกแบบระบบ", "พัฒนาและทดสอบ", "เปิดให้บริการ",
                                      "ประเมินความพึงพอใจ"), start_round=9),
        Indicator("3", "ร้อยละของบุคลากรที่ผ่านการพัฒนาทักษะดิจิทัล", D(20), T(60, 65, 70, 75, 80.5),
                  dimension="การพัฒนาองค์การ", unit="ร้อยละ"),
    ), framework_id="five-level-2560-onward")


@pytest.fixture
def filled(workspace):
    first = self_assessed(workspace)
    with_panel(workspace, first)
    record_rating(workspace, first, Rating("3", 12, "m1", result=D(4), comment=FORMULA), actor="m1", note=SECRET)
    record_rating(workspace, first, Rating("4", 12, result=D("78.75")), actor="sec", note=SECRET)
    stored = add_agreement(workspace, rich_agreement(), actor="sec")
    rate(workspace, stored.id, {"1": "88", "2.1": "17", "3": "72.5"}, round_=6)
    rate(workspace, stored.id, {"1": "92", "2.1": "15", "2.2": "4", "3": "80.5"}, round_=12)
    return workspace, [first, stored.id]


def same_as(original: Workspace, copy: Workspace) -> None:
    for summary in list_agreements(original):
        twin = next(a for a in list_agreements(copy) if (a.agency, a.fiscal_year) == (summary.agency,
                                                                                       summary.fiscal_year))
        mine, theirs = load_agreement(original, summary.id).agreement, load_agreement(copy, twin.id).agreement
        assert agreement_snapshot(mine)["indicators"] == agreement_snapshot(theirs)["indicators"]
        assert mine.framework_id == theirs.framework_id
        for round_ in (6, 9, 12):
            want = {c: s.rating.result for c, s in load_ratings(original, summary.id, round_).items()}
            got = {c: s.rating.result for c, s in load_ratings(copy, twin.id, round_).items()}
            assert got == want, (summary.agency, round_)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reads_back_into_a_fresh_workspace(filled, tmp_path, suffix):
    workspace, ids = filled
    out = tmp_path / f"results{suffix}"
    summary = export_results(workspace, ids, out)
    assert summary.agreements == 2 and summary.rows >= 4 + 6
    with Workspace.open(tmp_path / "fresh.sqlite") as fresh:
        imported = import_agreement_files(fresh, [out], actor="importer")
        assert len(imported.added) == 2
        same_as(workspace, fresh)


def test_xlsx_has_member_panel_and_total_sheets_with_no_formula_and_no_private_note(filled, tmp_path):
    workspace, ids = filled
    out = tmp_path / "results.xlsx"
    export_results(workspace, ids, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(SHEETS)
    cells = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
    assert SECRET not in cells and not any(isinstance(v, str) and SECRET in v for v in cells)
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in cells)
    assert f"'{FORMULA}" in cells  # the member's comment kept, as text a spreadsheet shows but does not run
    members = list(book[SHEETS[1]].iter_rows(values_only=True))
    evaluators = {row[5] for row in members[1:]}
    assert set(MEMBERS) | {"self"} <= evaluators  # every member who rated (the conflicted one's record too)
    adjusted = next(row for row in members if row[0] == "กรมตัวอย่าง" and row[5] == "self" and row[2] == "1")
    assert adjusted[8:12] == ("3.4000", "3.2000", "ส่งรายงานล่าช้ากว่ากำหนด 2 สัปดาห์", "3.2000")
    panel = list(book[SHEETS[2]].iter_rows(values_only=True))
    assert {row[2] for row in panel[1:] if row[0] == "กรมตัวอย่าง"} == {"1", "2", "3", "4"}
    assert all(row[6] == "mean" for row in panel[1:])
    totals = {(row[0], row[2]): row for row in book[SHEETS[3]].iter_rows(values_only=True)}
    assert totals[("กรมตัวอย่าง", 12)][3] == "3.4500"  # the agency's own total, as reported
    assert totals[("กรมตัวอย่าง", 12)][4] == "3.3500"  # with the committee's adjustment
    assert totals[("กรมส่งออกผล", 6)][5] is None  # no panel figures there


def test_csv_is_utf8_with_bom_and_writes_the_other_tables_beside_it(filled, tmp_path):
    workspace, ids = filled
    summary = export_results(workspace, ids, tmp_path / "results.csv")
    assert [p.name for p in summary.files] == ["results.csv", "results-members.csv", "results-panel.csv",
                                               "results-totals.csv"]
    for path in summary.files:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        assert SECRET.encode("utf-8") not in raw
    with Path(summary.files[1]).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert any(row[-1] == f"'{FORMULA}" for row in rows)


def test_single_agreement_and_round_weights_survive(workspace, tmp_path):
    stored = add_agreement(workspace, replace(example_agreement("กรมเดียว"), parties=()), actor="sec")
    rate(workspace, stored.id, {"1": "92", "2": "15", "3": "5", "4": "78.75"})
    out = tmp_path / "one.xlsx"
    export_results(workspace, [stored.id], out)
    with Workspace.open(tmp_path / "fresh.sqlite") as fresh:
        import_agreement_files(fresh, [out], actor="importer")
        same_as(workspace, fresh)
