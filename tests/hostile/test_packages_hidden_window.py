"""HotCRP's rule in the window: the panel matrix of a member who has not submitted their own ratings of an agreement
shows nobody else's, says why, and shows them once the member has submitted."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.panel_results import submit
from evaluator_app.ui.common.changes import Change, Changes
from evaluator_app.ui.common.session import EVALUATOR_SETTING
from evaluator_app.ui.panel.panel_matrix_model import MEMBER_ROLE
from tests.hostile.packages_world import AGENCY, YEAR, make_master, rate
from tests.panel_keys import PanelKeys
from tests.ui.conftest import open_window, select_agreement_by_click, thai_app, ui_settings  # noqa: F401

M1 = {"1": "92", "2": "15", "3": "5", "4": "78.75"}
M2 = {"1": "95", "2": "16", "3": "3", "4": "85"}


@pytest.fixture
def master_file(tmp_path) -> Path:
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    with make_master(tmp_path / "master.sqlite", keys) as master:
        rate(master, "m1", M1)
        rate(master, "m2", M2)
        submit(master, find_agreement_id(master, AGENCY, YEAR), "m2", declaration_accepted=True, actor="m2")
        master.set_setting(EVALUATOR_SETTING, "m1")  # m1 uses this computer
    return tmp_path / "master.sqlite"


def test_the_matrix_hides_the_others_until_the_member_submits(qtbot, master_file):
    window = open_window(qtbot, master_file)
    agreement_id = find_agreement_id(window.session.workspace, AGENCY, YEAR)
    select_agreement_by_click(qtbot, window, agreement_id)
    matrix = window.panel_actions.open_matrix()
    assert matrix is not None
    model = matrix.model

    def members() -> set[str]:
        return {model.index(0, c).data(MEMBER_ROLE) for c in range(model.columnCount())} - {None}

    assert "m2" not in members(), "m1 has not submitted: m2's scores stay hidden"
    assert model.column_of("spread") < 0 and model.column_of("figure") < 0, "nor figures made from them"
    assert matrix.notice.isVisible() and "ส่งผลการประเมินของท่าน" in matrix.notice.text()
    Path("/tmp/ui-shots").mkdir(exist_ok=True)
    matrix.grab().save("/tmp/ui-shots/panel-matrix-before-own-submission.png")

    window.session.run(Change(lambda ws: submit(ws, agreement_id, "m1", declaration_accepted=True, actor="m1"),
                              Changes(agreement_id=agreement_id, panel=True)))
    qtbot.waitUntil(lambda: "m2" in members(), timeout=10_000)
    assert not matrix.notice.isVisible() and model.column_of("spread") >= 0
    window.close()
