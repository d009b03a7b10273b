"""The agreement table's delegate draws plain cells itself from text shaped once (issue 16: switching agreements and
typing repainted every cell through seven model calls and two text layouts each). What it draws must be Qt's own
pixels: each screen here is grabbed with the table's delegate and again with a plain QStyledItemDelegate, and the
two images must be the same, for elided Thai names, bold totals and parents, italic adjusted scores on their
colour, the editable column's colour, grouped numbers, the current cell with and without the focus, and after a
font change. What the delegate reads of a cell (`AgreementModel.painted`) must say what `data` says of it."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QFont, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from evaluator_app.ui.rating.agreement_view import ResultsView
from tests.ui.conftest import (
    click_index,
    focus,
    open_window,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
)
from tests.ui.long_agreement import build_long_workspace

FIRST = 1


def _grab(view: ResultsView) -> QImage:
    return view.viewport().grab().toImage()


def _as_qt_draws_it(view: ResultsView) -> tuple[QImage, QImage]:
    """The viewport drawn by the table's delegate, then by Qt's plain delegate (the table's restored after)."""
    own = view.itemDelegate()
    mine = _grab(view)
    plain = QStyledItemDelegate(view)
    view.setItemDelegate(plain)
    try:
        theirs = _grab(view)
    finally:
        view.setItemDelegate(own)
    return mine, theirs


def _painted_is_data(view: ResultsView) -> None:
    model = view.results_model()
    cells = []
    for top in range(model.rowCount()):
        parent = model.index(top, 0)
        cells += [model.index(top, column) for column in range(model.columnCount())]
        cells += [model.index(row, column, parent) for row in range(model.rowCount(parent))
                  for column in range(model.columnCount())]
    assert cells
    for cell in cells:
        painted = model.painted(cell)
        font = cell.data(Qt.ItemDataRole.FontRole)
        background = cell.data(Qt.ItemDataRole.BackgroundRole)
        foreground = cell.data(Qt.ItemDataRole.ForegroundRole)
        assert painted.text == cell.data(Qt.ItemDataRole.DisplayRole)
        assert painted.alignment == cell.data(Qt.ItemDataRole.TextAlignmentRole)
        assert (painted.bold, painted.italic) == ((font.bold(), font.italic()) if isinstance(font, QFont)
                                                  else (False, False))
        assert painted.background == (background.color() if isinstance(background, QBrush) else None)
        assert painted.foreground == (foreground.color() if isinstance(foreground, QBrush) else None)


def test_cells_are_painted_as_qt_paints_them(qtbot, window):
    view = window.panel.view
    for size in (QSize(1280, 800), QSize(1024, 768)):
        window.resize(size)
        qtbot.waitUntil(lambda size=size: window.size() == size, timeout=5000)
        for agreement in (FIRST, 2):
            select_agreement_by_click(qtbot, window, agreement)
            QApplication.processEvents()
            mine, theirs = _as_qt_draws_it(view)
            assert mine == theirs, f"agreement {agreement} at {size.width()}x{size.height()}"
            _painted_is_data(view)
    # a typed result, an adjusted score (italic on its colour), the current cell with the focus and without it
    select_agreement_by_click(qtbot, window, FIRST)
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "92")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: result_cell(window, "1").data() == "92", timeout=5000)
    window.panel.model.adjust_score("2", D("2.5"), "ข้อมูลไม่ครบ")
    qtbot.waitUntil(lambda: window.panel.model.painted(result_cell(window, "2").siblingAtColumn(
        window.panel.model.column("own.score"))).italic, timeout=5000)
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    _painted_is_data(view)
    window.navigator.tree.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus(), timeout=5000)
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs


def test_elided_thai_names_and_a_font_change(qtbot, tmp_path: Path):
    path, agreement_id = build_long_workspace(tmp_path / "ประเมินผล.sqlite")
    window = open_window(qtbot, path)
    view = window.panel.view
    select_agreement_by_click(qtbot, window, agreement_id)
    click_index(qtbot, view, result_cell(window, "2.1"))  # millions, shown with separators
    focus(qtbot, view)
    type_keys(qtbot, "1200000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: result_cell(window, "2.1").data() == "1,200,000", timeout=5000)
    for size in (QSize(1024, 768), QSize(1366, 768), QSize(1600, 900)):
        window.resize(size)
        qtbot.waitUntil(lambda size=size: window.size() == size, timeout=5000)
        QApplication.processEvents()
        mine, theirs = _as_qt_draws_it(view)
        assert mine == theirs, f"{size.width()}x{size.height()}"
    _painted_is_data(view)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    QApplication.processEvents()
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    window.close()


def test_whole_rows_are_painted_as_qt_paints_them(qtbot, tmp_path: Path, monkeypatch):
    """Rows of plain cells are drawn by the view in one call (`ResultsView.drawRow`); rows with a selected,
    current or hovered cell, and every row while an editor is open, are Qt's. Alternate rows counted from the top
    after scrolling by rows and by pixels, a selection over several rows, a cell under the mouse, an open editor."""
    path, agreement_id = build_long_workspace(tmp_path / "ประเมินผล.sqlite")
    window = open_window(qtbot, path)
    view = window.panel.view
    window.resize(QSize(1024, 600))
    qtbot.waitUntil(lambda: window.size() == QSize(1024, 600), timeout=5000)
    select_agreement_by_click(qtbot, window, agreement_id)
    model = view.results_model()
    asked = {"by cell": 0, "in all": 0}  # `painted` serves one cell's paint; `painted_at` whole rows too
    painted, painted_at = type(model).painted, type(model).painted_at

    def by_cell(self, index):
        asked["by cell"] += 1
        return painted(self, index)

    def in_all(self, *cell):
        asked["in all"] += 1
        return painted_at(self, *cell)

    monkeypatch.setattr(type(model), "painted", by_cell)
    monkeypatch.setattr(type(model), "painted_at", in_all)

    def drew_rows_itself() -> bool:
        asked.update({"by cell": 0, "in all": 0})
        _grab(view)
        return asked["in all"] > asked["by cell"]

    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    assert drew_rows_itself(), "the view drew no row itself"
    # a selection over three rows (Shift+Down twice), with the focus and without it
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(view.selectionModel().selectedIndexes()) == 3, timeout=5000)
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    assert view.hasFocus() and drew_rows_itself(), "with the focus, the rows away from the selection are the view's"
    # a disabled table: Qt draws every row (its cells are not plain)
    view.setEnabled(False)
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    assert not drew_rows_itself()
    view.setEnabled(True)
    focus(qtbot, view)
    # scrolled by pixels and by rows: the alternate colour stays on the same rows
    for mode in (view.ScrollMode.ScrollPerPixel, view.ScrollMode.ScrollPerItem):
        view.setVerticalScrollMode(mode)
        last = view.verticalScrollBar().maximum()  # the window's layout decides how far a table of this height scrolls
        assert last > 3
        for value in (1, 3, last):
            view.verticalScrollBar().setValue(value)
            qtbot.waitUntil(lambda value=value: view.verticalScrollBar().value() == value, timeout=5000)
            mine, theirs = _as_qt_draws_it(view)
            assert mine == theirs, f"{mode} {value}"
    view.verticalScrollBar().setValue(0)
    # the mouse over a cell
    target = result_cell(window, "2.1").siblingAtColumn(model.column("name"))
    qtbot.mouseMove(view.viewport(), view.visualRect(target).center())
    QApplication.processEvents()
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    # an editor open on a result
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "7")
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState, timeout=5000)
    mine, theirs = _as_qt_draws_it(view)
    assert mine == theirs
    press(qtbot, Qt.Key.Key_Escape)
    window.close()


def test_kept_sizes_and_scores_are_what_qt_and_the_sheet_say(qtbot, window):
    """The delegate keeps each cell's size hint by its text, font style and the view's option; the rows look scores
    up by code; the model works out a row's cells together: each must answer what a fresh delegate,
    ScoreSheet.indicator and the model's one-cell path answer, after a typed result too."""
    view = window.panel.view
    model = view.results_model()
    for agreement in (FIRST, 2, FIRST):
        select_agreement_by_click(qtbot, window, agreement)
        if agreement == FIRST:
            click_index(qtbot, view, result_cell(window, "1"))
            focus(qtbot, view)
            type_keys(qtbot, "77")
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: result_cell(window, "1").data() == "77", timeout=5000)
            model.adjust_score("2", D("3.5"), "ข้อมูลไม่ครบ")  # italic on its colour
            qtbot.waitUntil(lambda: model.rows.score("own", "2").adjusted, timeout=5000)
        model._cells.clear()  # every cell worked out a row at a time, as after a reset
        for key in model.columns:
            list(model.column_cells(key))
        fresh = type(view.delegate)(view)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        for top in range(model.rowCount()):
            parent = model.index(top, 0)
            cells = [model.index(top, column) for column in range(model.columnCount())]
            cells += [model.index(row, column, parent) for row in range(model.rowCount(parent))
                      for column in range(model.columnCount())]
            for cell in cells:
                kept = view.delegate.sizeHint(option, cell)
                assert view.delegate.sizeHint(option, cell) == kept == fresh.sizeHint(option, cell)
                # the cells worked out a row at a time for measuring are what one cell alone works out
                row, key = model.row_of(cell), model.columns[cell.column()]
                assert model.painted(cell) == model._painted(cell.internalId(), cell.row(), cell.column(), row, key)
        for group in ("self", "own"):
            sheet = model.sheet(group)
            assert sheet is not None
            for item in sheet.indicators:
                assert model.rows.score(group, item.code) is sheet.indicator(item.code)


class _Recording(QStyledItemDelegate):
    """Qt's delegate, noting where QTreeView says each painted cell sits in its row."""

    def __init__(self, parent):
        super().__init__(parent)
        self.positions: dict[int, object] = {}

    def paint(self, painter, option, index):
        self.positions[index.column()] = option.viewItemPosition
        super().paint(painter, option, index)


def test_each_cell_has_the_place_in_its_row_qt_gives_it(qtbot, window):
    """Styles may round a row's ends: the view's own rows tell the style where each cell sits as QTreeView does,
    with the columns moved into their order and some hidden."""
    view = window.panel.view
    select_agreement_by_click(qtbot, window, FIRST)
    for width in (1280, 800):
        window.resize(QSize(width, 700))
        qtbot.waitUntil(lambda width=width: window.width() == width, timeout=5000)
        QApplication.processEvents()
        own = view.itemDelegate()
        recording = _Recording(view)
        view.setItemDelegate(recording)
        try:
            _grab(view)
        finally:
            view.setItemDelegate(own)
        view.delegate.prepare(view)
        plan = view._plan_rows(view.viewport().rect())
        assert plan is not None
        assert {column: position for column, _x, _w, position in plan.columns} == recording.positions


def test_header_size_hints_kept_equal_qts_and_grouped_numbers_equal_grouped(qtbot, window):
    """The kept header measurements (ResultsView.header_size_hint) are QHeaderView's own for every column of every
    agreement, in both languages; the kept grouping of numbers equals printed_numbers.grouped."""
    from evaluator_app.reports.printed_numbers import grouped
    from evaluator_app.ui.common.language import ENGLISH, THAI, install_language

    view = window.panel.view
    model = window.panel.model
    for language in (THAI, ENGLISH, THAI):
        install_language(language)
        for summary in window.navigator.model.summaries():
            window.navigator.select_agreement(summary.id)
            qtbot.waitUntil(lambda summary=summary: model.agreement_id == summary.id)
            for column in range(len(model.columns)):
                assert view.header_size_hint(column) == view.header().sectionSizeHint(column)
    for text in ("", "3", "1150", "1150.40", "-1234567.5", "\u22121000", "60 – 69.99", "5.0000", "abc", "1,000"):
        assert model._shown_grouped(text) == grouped(text)
