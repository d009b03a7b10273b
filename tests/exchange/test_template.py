"""The shipped import template (xlsx and CSV twin) imports with no problem, and regenerates identically in content."""

from __future__ import annotations

from decimal import Decimal as D

import pandas as pd

from evaluator_app.domain.agreement import IndicatorKind
from evaluator_app.domain.framework import framework_for_year
from evaluator_app.domain.scoring import score_agreement
from evaluator_app.exchange.agreement_workbook import canonical_columns, load_agreement_files
from evaluator_app.exchange.template import write_csv_template, write_template
from evaluator_app.paths import resource


def test_shipped_templates_import_with_no_problem(frameworks):
    xlsx = resource("templates", "agreement-template.xlsx")
    csv = resource("templates", "agreement-template.csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")  # "CSV UTF-8" as Excel writes it
    (from_xlsx,) = load_agreement_files([xlsx], frameworks)
    (from_csv,) = load_agreement_files([csv], frameworks)
    assert from_xlsx.agreement == from_csv.agreement
    assert from_xlsx.self_ratings == from_csv.self_ratings
    agreement = from_xlsx.agreement
    assert (agreement.agency, agreement.fiscal_year) == ("กรมตัวอย่าง", 2569)
    assert sum(i.weight for i in agreement.top_level()) == 100
    assert agreement.dimensions() == ("ประสิทธิผล", "การพัฒนาองค์การ")
    assert [c.code for c in agreement.children_of("2")] == ["2.1", "2.2"]
    milestone = agreement.indicator("2.2")
    assert milestone.kind is IndicatorKind.MILESTONE and len(milestone.level_descriptions) == 5
    directions = {agreement.indicator(c).thresholds.direction.value for c in ("1", "2.1")}
    assert directions == {"increasing", "decreasing"}
    sheet = score_agreement(agreement, {r.code: r for r in from_xlsx.self_ratings},
                            framework_for_year(frameworks, 2569))
    assert sheet.complete and sheet.total == D("3.5700")  # 3.4x30 + 3.5x20 + 4x20 + 3.5x30


def test_regenerated_template_matches_the_shipped_one(tmp_path):
    write_template(tmp_path / "t.xlsx")
    write_csv_template(tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == resource("templates", "agreement-template.csv").read_bytes()
    fresh = pd.read_excel(tmp_path / "t.xlsx", header=None, dtype=object)
    shipped = pd.read_excel(resource("templates", "agreement-template.xlsx"), header=None, dtype=object)
    assert fresh.equals(shipped)


def test_template_header_has_every_canonical_column(tmp_path):
    write_template(tmp_path / "t.xlsx")
    header = pd.read_excel(tmp_path / "t.xlsx", header=None, dtype=object).iloc[3].tolist()
    assert [h.split("\n")[1] for h in header] == [f"({c.english})" for c in canonical_columns()]
