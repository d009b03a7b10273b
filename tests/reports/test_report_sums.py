"""On paper the weighted column adds up to the printed total, for roundings that make it hard: 2 + 1/22 at weight 10,
thirds and sevenths, a parent whose children carry the weight; under both rounding orders of the framework."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal as D

import pytest

from evaluator_app.domain.framework import Rounding
from evaluator_app.reports.papers import make_evaluation_report
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.frameworks import get_framework, save_framework

from .builders import AWKWARD_RESULTS, accept_all, awkward_agreement, rate
from .helpers import pdftotext_raw

ROW = re.compile(r"^(\d+(?:\.\d+)*) (.+)$")
FIGURE = re.compile(r"\(?\d+\.\d{4}\)?")


def printed_rows(path) -> dict[str, list[str]]:
    """Indicator code -> the 4-decimal figures printed on its row (self score, weighted, committee score, weighted)."""
    rows: dict[str, list[str]] = {}
    for line in pdftotext_raw(path).splitlines():
        match = ROW.match(line.strip())
        if match and match.group(1) in {"1", "2", "3", "4", "4.1", "4.2"} and match.group(2).startswith("ตัวชี้วัด"):
            rows[match.group(1)] = FIGURE.findall(match.group(2))
    return rows


def printed_line(path, label: str) -> list[str]:
    for line in pdftotext_raw(path).splitlines():
        if line.replace(" ", "").startswith(label.replace(" ", "")):
            return FIGURE.findall(line)
    raise AssertionError(f"no line {label!r}")


@pytest.mark.parametrize(("rounding", "first"), [(Rounding.SCORE_FIRST, "0.2046"), (Rounding.WEIGHTED_ONLY, "0.2045")])
def test_printed_weighted_column_sums_to_the_printed_total(workspace, tmp_path, rounding, first):
    framework = get_framework(workspace, "five-level-2560-onward")
    save_framework(workspace, replace(framework, rounding=rounding), actor="sec")
    stored = add_agreement(workspace, awkward_agreement(), actor="sec")
    rate(workspace, stored.id, AWKWARD_RESULTS)
    accept_all(workspace, stored.id)
    path = tmp_path / f"{rounding.value}.pdf"
    make_evaluation_report(workspace, stored.id, path, digits="arabic", actor="sec", committee="adjusted")
    rows = printed_rows(path)
    assert set(rows) == {"1", "2", "3", "4", "4.1", "4.2"}
    # 2 + 1/22 = 2.04545...: 2.0455 x 10% = 0.20455 -> 0.2046 when the score is rounded first, 0.2045 if not.
    assert rows["1"][:2] == ["2.0455", first]
    assert rows["2"][:2] == ["2.3333", "0.7000"] and rows["3"][:2] == ["2.6667", "0.8000"]
    leaves = ("1", "2", "3", "4.1", "4.2")
    total = printed_line(path, "คะแนนรวมทั้งสิ้น")
    assert total[0] == total[1]  # no adjustment: both groups agree
    for group in (1, 3):  # the self and committee weighted columns
        column = sum((D(rows[code][group]) for code in leaves), D(0))
        assert column == D(total[0]), (group, column, total)
    # The parent's bracketed figures are its children's sum, not counted again.
    assert rows["4"][1] == f"({D(rows['4.1'][1]) + D(rows['4.2'][1])})"
    # Dimension subtotals add up to the total too.
    # (A dimension's line prints its average on the 1-5 scale, then its subtotal, per column group.)
    subtotals = [D(printed_line(path, f"รวมมิติที่ {n}")[1]) for n in (1, 2)]
    assert sum(subtotals) == D(total[0])
