"""Every item model of the window passes Qt's model tester, loaded with real data from a real workspace."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from evaluator_app.exchange.agreement_workbook import canonical_columns, read_agreement_files
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.evidence import add_evidence
from evaluator_app.store.frameworks import workspace_frameworks
from evaluator_app.ui.common.session import WorkspaceSession
from evaluator_app.ui.rating.agreement_model import AgreementModel
from evaluator_app.ui.rating.evidence_model import EvidenceModel
from evaluator_app.ui.shell.navigator_model import NavigatorFilter, NavigatorModel
from evaluator_app.ui.transfer.import_models import ProblemsModel, ReadRowsModel
from tests.test_cli import ROWS, write_workbook


def test_agreement_model(qtmodeltester, workspace_file: Path):
    session = WorkspaceSession.open(workspace_file)
    model = AgreementModel(session)
    model.load(1)
    qtmodeltester.check(model, force_py=True)  # stays connected: every change below is checked too
    for text in ("92", "15", "abc", ""):
        model.setData(model.index_of_code("1", model.column("own.result")), text)
    model.adjust_score("2", D("4"), "เหตุผล")
    session.undo_stack.undo()
    model.load(2)
    model.set_round(6)
    model.load(None)
    session.close()


def test_navigator_models(qtmodeltester, workspace_file: Path):
    session = WorkspaceSession.open(workspace_file)
    model = NavigatorModel()
    model.set_agreements(list_agreements(session.workspace))
    qtmodeltester.check(model, force_py=True)
    proxy = NavigatorFilter()
    proxy.setSourceModel(model)
    proxy.set_visible({2})
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1
    session.close()


def test_evidence_model(qtmodeltester, workspace_file: Path, tmp_path: Path):
    session = WorkspaceSession.open(workspace_file)
    for name in ("a.pdf", "b.jpg"):
        (tmp_path / name).write_bytes(name.encode())
        add_evidence(session.workspace, 1, "1", "member1", tmp_path / name, actor="member1")
    model = EvidenceModel(session)
    model.load(1, "1")
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    session.close()


def test_import_preview_models(qtmodeltester, workspace_file: Path, tmp_path: Path):
    session = WorkspaceSession.open(workspace_file)
    bad = [list(r) for r in ROWS]
    bad[0][6] = 40
    reading = read_agreement_files([write_workbook(tmp_path / "a.xlsx", bad)], workspace_frameworks(session.workspace))
    rows = ReadRowsModel()
    rows.set_reading(reading.rows, canonical_columns(), reading.problems)
    qtmodeltester.check(rows, force_py=True)
    problems = ProblemsModel()
    problems.set_problems(reading.problems)
    assert problems.rowCount() > 0
    qtmodeltester.check(problems, force_py=True)
    session.close()
