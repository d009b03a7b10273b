"""Edit conflicts in the window: Panel → Edit conflicts… lists both values and both authors, and the secretary
keeps hers or takes the member's with the mouse; the rating in the workspace follows her decision."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt

from evaluator_app.exchange.packages import export_evaluator_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.panel_conflicts import list_conflicts
from evaluator_app.store.ratings import load_ratings
from evaluator_app.ui.common.session import EVALUATOR_SETTING
from tests.hostile.packages_world import AGENCY, YEAR, make_master, member_laptop, rate
from tests.panel_keys import PanelKeys
from tests.ui.conftest import open_window, thai_app, ui_settings  # noqa: F401


def two_conflicts(tmp_path: Path) -> Path:
    """The seen case twice: the secretary corrects 70 -> 75 and 80 -> 82; the member, unaware, edits both."""
    keys = PanelKeys(tmp_path / "keys", ("m1", "m2"))
    with make_master(tmp_path / "master.sqlite", keys) as master:
        laptop = member_laptop(tmp_path, keys, master, "m1")
        rate(laptop, "m1", {"1": "90", "4": "70"})
        keys.merge(master, export_evaluator_package(laptop, "m1", tmp_path / "a.evpack", keys["m1"]).path)
        rate(master, "m1", {"1": "91", "4": "75"}, actor="sec")
        rate(laptop, "m1", {"1": "95", "4": "89"})
        report = keys.merge(master, export_evaluator_package(laptop, "m1", tmp_path / "b.evpack", keys["m1"]).path)
        assert len(report.conflicts) == 2
        laptop.close()
        master.set_setting(EVALUATOR_SETTING, "sec")
    return tmp_path / "master.sqlite"


def test_the_secretary_keeps_one_and_takes_the_other_in_the_window(qtbot, tmp_path):
    window = open_window(qtbot, two_conflicts(tmp_path))
    window.transfer_actions.conflicts_action.trigger()
    dialog = window.transfer_actions.packages.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    rows = {model.rows[r][3]: model.rows[r] for r in range(model.rowCount())}
    assert set(rows) == {"1", "4"}
    assert (rows["4"][5].split(",")[0], rows["4"][6], rows["4"][7].split(",")[0], rows["4"][8].split(",")[0]) == (
        "75", "sec", "89", "70"), "mine, who changed it here, theirs, and what theirs was based on"
    assert "ไม่มีการเขียนทับ" in dialog.heading.text()
    dialog.resize(1300, 360)
    dialog.grab().save(str(Path("/tmp/ui-shots") / "conflicts-dialog.png"))

    def choose(code: str) -> None:
        row = next(r for r in range(model.rowCount()) if model.rows[r][3] == code)
        rect = dialog.view.visualRect(model.index(row, 3))
        qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    choose("4")
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    choose("1")
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert not dialog.keep_button.isEnabled() and "ไม่มีรายการ" in dialog.heading.text()

    workspace = window.session.workspace
    stored = load_ratings(workspace, find_agreement_id(workspace, AGENCY, YEAR), 12, "m1")
    assert (stored["4"].rating.result, stored["1"].rating.result) == (D(75), D(95))
    assert list_conflicts(workspace) == []
    decided = {c.code: c.status for c in list_conflicts(workspace, include_resolved=True)}
    assert decided == {"4": "kept", "1": "taken"}
    dialog.close()
    window.close()
