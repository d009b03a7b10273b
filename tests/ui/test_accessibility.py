"""Issue 14, accessibility: every control a person reaches with the keyboard, and every table cell, has a name a
screen reader can say, in the main window and in every dialog its menus open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QWidget

from evaluator_app.ui.common.accessibility import plain, spoken_name
from evaluator_app.ui.common.language import ENGLISH, THAI, install_language
from tests.ui.dialog_tour import DIALOG_ACTIONS, PANEL_ACTIONS, find_action, panel_window, trigger_and_visit

CELL_ROLES = {QAccessible.Role.Cell, QAccessible.Role.TreeItem, QAccessible.Role.ListItem}



def own_widgets(window: QWidget) -> list[QWidget]:
    return [w for w in (window, *window.findChildren(QWidget)) if w.window() is window and w.isVisibleTo(window)]


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls Tab reaches (a tab, strong or wheel focus policy) that a screen reader cannot name."""
    return [f"{type(window).__name__}/{type(w).__name__} {w.objectName() or '(no objectName)'}"
            for w in own_widgets(window)
            if w is not window and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value and not spoken_name(w)]


def unnamed_cells(window: QWidget) -> dict[str, int]:
    """Model class name -> how many of its visible cells have no name."""
    found: dict[str, int] = {}
    for view in own_widgets(window):
        if not isinstance(view, QAbstractItemView) or view.model() is None:
            continue
        table = QAccessible.queryAccessibleInterface(view)
        for n in range(table.childCount() if table is not None else 0):
            cell = table.child(n)
            if cell is not None and cell.role() in CELL_ROLES and not cell.text(QAccessible.Text.Name).strip():
                model = view.model()
                source = getattr(model, "sourceModel", lambda m=model: m)() or model
                found[type(source).__name__] = found.get(type(source).__name__, 0) + 1
    return found


def test_every_control_and_cell_has_a_name(qtbot, window):
    window.navigator.select_agreement(1)
    controls = unnamed_controls(window)
    cells = unnamed_cells(window)
    visited: list[str] = []

    def visit(shown: QWidget) -> None:
        visited.append(type(shown).__name__)
        controls.extend(unnamed_controls(shown))
        for model, count in unnamed_cells(shown).items():
            cells[model] = cells.get(model, 0) + count

    for name in DIALOG_ACTIONS:
        trigger_and_visit(qtbot, window, find_action(window, name), visit)
    assert len(visited) >= len(DIALOG_ACTIONS), visited
    assert not controls, "controls without an accessible name:\n" + "\n".join(dict.fromkeys(controls))
    assert not cells, f"table cells without an accessible name: {cells}"


def test_names_given_follow_the_interface_language(qtbot, window):
    search = window.navigator.search  # named from its placeholder: it has no label
    assert search.accessibleName() == plain(search.placeholderText()) != ""
    assert spoken_name(window.navigator.tree) == "คำรับรองตามปีงบประมาณ"
    install_language(ENGLISH)
    qtbot.waitUntil(lambda: search.accessibleName() == "Search agency or indicator (Ctrl+F)", timeout=5000)
    assert spoken_name(window.navigator.tree) == "Agreements by fiscal year"
    window.navigator.search.setAccessibleName("Find")  # a name set by the widget's author is kept
    install_language(THAI)
    qtbot.waitUntil(lambda: spoken_name(window.navigator.tree) == "คำรับรองตามปีงบประมาณ", timeout=5000)
    assert search.accessibleName() == "Find"


def test_every_control_of_a_panel_s_dialogs_has_a_name(qtbot, tmp_path, monkeypatch):
    window = panel_window(qtbot, tmp_path, monkeypatch)
    controls = unnamed_controls(window)
    cells: dict[str, int] = {}
    visited: list[str] = []

    def visit(shown: QWidget) -> None:
        visited.append(type(shown).__name__)
        controls.extend(unnamed_controls(shown))
        for model, count in unnamed_cells(shown).items():
            cells[model] = cells.get(model, 0) + count

    for name in PANEL_ACTIONS:
        trigger_and_visit(qtbot, window, find_action(window, name), visit)
    assert {"ConsensusDialog", "SubmitDialog", "ReasonDialog", "PanelSetupDialog"} <= set(visited), visited
    assert not controls, "controls without an accessible name:\n" + "\n".join(dict.fromkeys(controls))
    assert not cells, f"table cells without an accessible name: {cells}"
    window.close()
