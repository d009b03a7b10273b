"""The whole-workspace scorer gives exactly what the per-agreement path gives."""

from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.store.all_scores import score_all
from evaluator_app.store.evaluation import score_sheet
from evaluator_app.store.workspace import Workspace


def test_score_all_matches_score_sheet_for_every_sheet(tmp_path):
    with Workspace.open(demo_workspace_copy(tmp_path)) as workspace:
        sheets = list(score_all(workspace))
        assert len(sheets) >= 5  # self-assessments of four agreements and two members' ratings
        for scored in sheets:
            expected = score_sheet(workspace, scored.agreement_id, scored.round, scored.evaluator)
            assert scored.sheet == expected
        years = {s.fiscal_year for s in score_all(workspace, fiscal_year=2568)}
        assert years == {2568}
