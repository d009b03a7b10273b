"""The agreement table's rows and cell text without Qt: what each cell says, from the agreement, the round and the
score sheets (AgreementModel is only the Qt side over it)."""

from __future__ import annotations

import ast
from decimal import Decimal as D
from pathlib import Path

from evaluator_app.domain.numbers import format4
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import SheetPlan
from evaluator_app.store.framework_files import bundled_frameworks
from evaluator_app.ui.rating import agreement_rows
from evaluator_app.ui.rating.agreement_rows import OWN, SELF, AgreementRows, RowLabels
from tests.conftest import example_agreement


def test_the_rows_say_the_figures_of_both_groups_and_the_total():
    agreement = example_agreement()
    framework = next(f for f in bundled_frameworks() if f.id == agreement.framework_id)
    rows = AgreementRows(round=12, labels=RowLabels("ตัวชี้วัด", "รวม"))
    rows.build(agreement, framework)
    plan = SheetPlan(agreement, framework, 12)
    rows.sheets[SELF] = plan.score({"1": Rating("1", 12, result=D(92))})
    rows.sheets[OWN] = plan.score({"1": Rating("1", 12, "m1", result=D("92.33333333333333")),
                                   "2": Rating("2", 12, "m1", result=D(13))})
    first = rows.children[0][0]
    assert rows.text(first, "code") == "1" and rows.text(first, "weight") == "50"
    assert [rows.text(first, f"t{n}") for n in range(1, 6)] == ["80", "85", "90", "95", "100"]
    assert rows.text(first, "self.score") == "3.4000"
    assert rows.text(first, "own.score") == "3.4667"
    total = rows.top_row(len(rows.dimensions))
    assert rows.text(total, "name") == "รวม"
    own = rows.sheets[OWN]
    assert own is not None and rows.text(total, "own.weighted") == format4(own.total)


def test_the_rows_import_no_qt():
    tree = ast.parse(Path(agreement_rows.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name and name.startswith(("PySide6", "shiboken6")) for name in imported)
