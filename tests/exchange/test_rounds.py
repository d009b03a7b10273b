"""Rounds are framework data: quarterly rounds of the shipped frameworks, monthly ones by a workspace setting."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaluator_app.domain.framework import Framework
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange.agreement_workbook import read_agreement_files
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.reports.paper_parts import round_period
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.evaluation import score_sheet
from evaluator_app.store.frameworks import get_framework, set_scoring_setting
from evaluator_app.store.ratings import load_ratings, record_rating
from tests.conftest import file_digest

from .builders import HEADER_TH, section9_rows, write_csv


def quarterly_rows(round_: object) -> list[list[object]]:
    rows = section9_rows(year=2567)
    for row in rows:
        row[13] = round_
    return rows


def test_shipped_frameworks_report_quarterly_and_a_file_of_round_3_imports(workspace, tmp_path, frameworks):
    assert {f.rounds for f in frameworks} == {(3, 6, 9, 12)}
    import_agreement_files(workspace, [write_csv(tmp_path / "q.csv", [HEADER_TH, *quarterly_rows("รอบ 3 เดือน")])],
                           actor="secretary")
    (listed,) = list_agreements(workspace)
    assert load_ratings(workspace, listed.id, 3)["1"].rating.result == D(92)
    assert str(score_sheet(workspace, listed.id, 3).total) == "3.4500"


def test_monthly_rounds_need_the_workspace_setting(workspace, workspace_path, tmp_path):
    path = write_csv(tmp_path / "m.csv", [HEADER_TH, *quarterly_rows(5)])
    before = file_digest(workspace_path)
    with pytest.raises(ProblemsError) as refused:
        import_agreement_files(workspace, [path], actor="secretary")
    first = refused.value.problems[0]
    assert (first.file, first.row, first.column) == ("m.csv", 2, "รอบ")
    assert "expected a round of 3, 6, 9, 12 months, got '5'" in first.en
    assert file_digest(workspace_path) == before
    set_scoring_setting(workspace, "rounds.monthly", "on", actor="chair")
    assert get_framework(workspace, "five-level-2560-onward").rounds == tuple(range(1, 13))
    import_agreement_files(workspace, [path], actor="secretary")
    (listed,) = list_agreements(workspace)
    record_rating(workspace, listed.id, Rating("1", 7, result=D(95)), actor="secretary")
    assert str(score_sheet(workspace, listed.id, 7).indicator("1").score) == "4.0000"
    set_scoring_setting(workspace, "rounds.monthly", "off", actor="chair")
    with pytest.raises(ProblemsError, match="the round must be one of 3, 6, 9, 12"):
        record_rating(workspace, listed.id, Rating("1", 8, result=D(95)), actor="secretary")
    assert workspace.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'change setting'").fetchone() == (2,)


def test_papers_name_the_period_of_any_round():
    assert round_period(2568, 3, "arabic") == "1 ตุลาคม พ.ศ. 2567 – 31 ธันวาคม พ.ศ. 2567"
    assert round_period(2568, 5, "arabic") == "1 ตุลาคม พ.ศ. 2567 – 28 กุมภาพันธ์ พ.ศ. 2568"
    assert round_period(2567, 5, "arabic") == "1 ตุลาคม พ.ศ. 2566 – 29 กุมภาพันธ์ พ.ศ. 2567"  # 2024 is a leap year
    assert round_period(2568, 12, "arabic") == "1 ตุลาคม พ.ศ. 2567 – 30 กันยายน พ.ศ. 2568"


def test_a_framework_file_with_a_round_outside_1_to_12_is_refused():
    with pytest.raises(ValueError, match="rounds are months 1-12"):
        Framework.from_dict({"id": "x", "name": "x", "first_year": 2560, "rounds": [6, 13]})


def test_a_round_not_of_the_framework_is_refused_in_the_file(tmp_path, frameworks):
    reading = read_agreement_files([write_csv(tmp_path / "r.csv", [HEADER_TH, *quarterly_rows(4)])], frameworks)
    assert reading.agreements == () and all(p.column == "รอบ" for p in reading.problems)


def test_three_level_points_are_framework_data_and_a_workspace_may_choose_50_75_100(workspace, tmp_path):
    from evaluator_app.domain.agreement import Agreement, Indicator
    from evaluator_app.domain.thresholds import Thresholds
    from evaluator_app.store.agreements import add_agreement

    framework = get_framework(workspace, "opdc-2560-onward")
    assert framework.points == (D(50), D(70), D(100)) and framework.rules_in_force()["points"] == "50 / 70 / 100"
    assert "50 / 75 / 100 is also cited" in framework.sources["points"]
    agreement = Agreement("กรมร้อยคะแนน", 2566, (Indicator("1", "ก", D(100), Thresholds.of(60, 80, 100)),),
                          framework_id="opdc-2560-onward")
    stored = add_agreement(workspace, agreement, actor="secretary")
    record_rating(workspace, stored.id, Rating("1", 12, result=D(90)), actor="secretary")
    assert str(score_sheet(workspace, stored.id).indicator("1").score) == "85.0000"  # 70 + 30 x 10/20
    set_scoring_setting(workspace, "scoring.three_level_points", "50, 75, 100", actor="chair")
    assert get_framework(workspace, "opdc-2560-onward").rules_in_force()["points"] == "50 / 75 / 100"
    assert str(score_sheet(workspace, stored.id).indicator("1").score) == "87.5000"  # 75 + 25 x 10/20
    with pytest.raises(ProblemsError, match="3 rising points such as 50,75,100"):
        set_scoring_setting(workspace, "scoring.three_level_points", "50,100,75", actor="chair")
    # the report states the points used
    from evaluator_app.reports.papers import make_evaluation_report
    from evaluator_app.store.committee import accept_reported
    from tests.reports.helpers import comparable, pypdf_pages

    accept_reported(workspace, stored.id, 12, None, actor="secretary")  # the committee accepts the reported 90
    path = tmp_path / "hundred.pdf"
    make_evaluation_report(workspace, stored.id, path, digits="arabic", actor="secretary", committee="adjusted")
    text = "".join("".join(comparable(page).split()) for page in pypdf_pages(path))
    assert "เกณฑ์3ระดับ(ขั้นต้น50มาตรฐาน75ขั้นสูง100คะแนน)" in text
