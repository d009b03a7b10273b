"""File → Import agreements…: a preview, every problem placed, then all or nothing, off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.transfer.import_dialog import ImportCancelled, ImportDialog, _import
from tests.conftest import file_digest
from tests.test_cli import ROWS, write_workbook


def choose(monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))


def open_import(qtbot, window) -> ImportDialog:
    window.import_action.trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.status.text() != "", timeout=10000)
    return dialog


def agencies(path: Path) -> list[str]:
    with Workspace.open(path) as workspace:
        return sorted(a.agency for a in list_agreements(workspace))


def test_import_a_workbook_through_the_dialog(qtbot, window, workspace_file, tmp_path, monkeypatch):
    book = write_workbook(tmp_path / "คำรับรอง.xlsx", ROWS)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.status.text() == "พร้อมนำเข้าคำรับรอง 1 ฉบับ รวม 4 ตัวชี้วัด\nกรมทดสอบระบบ 2569: คำรับรองใหม่"
    assert dialog.problems_model.rowCount() == 0
    rows = dialog.rows_model
    assert rows.rowCount() >= 4
    headers = [rows.headerData(c, Qt.Orientation.Horizontal) for c in range(rows.columnCount())]
    assert headers[:4] == ["แฟ้ม", "ชีต", "แถว", "อ่านเป็น"] and "น้ำหนัก" in headers
    indicator_rows = [r for r in range(rows.rowCount()) if rows.index(r, 3).data() == "ตัวชี้วัด"]
    assert [rows.index(r, 2).data() for r in indicator_rows] == [4, 5, 6, 7]  # Excel's own row numbers

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert "กรมทดสอบระบบ" in agencies(workspace_file)
    assert window.panel.model.agreement is not None and window.panel.model.agreement.agency == "กรมทดสอบระบบ"
    assert "กรมทดสอบระบบ" in [s.agency for s in window.navigator.model.summaries()]
    assert "บันทึกแล้ว" in window.windowTitle()


def test_a_refused_file_shows_every_problem_and_writes_nothing(qtbot, window, workspace_file, tmp_path,
                                                                monkeypatch):
    rows = [list(r) for r in ROWS]
    rows[0][6] = 40  # weights sum to 90: only a warning
    rows[1][7:12] = [20, 18, 16, 16, 12]  # equal neighbours
    rows[2][3] = "1"  # a duplicated code
    book = write_workbook(tmp_path / "bad.xlsx", rows)
    before = file_digest(workspace_file)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    problems = dialog.problems_model
    assert problems.rowCount() >= 2
    listed = [[problems.index(r, c).data() for c in range(5)] for r in range(problems.rowCount())]
    assert all(row[0] == "bad.xlsx" for row in listed)
    messages = " ".join(row[4] for row in listed)
    assert "น้ำหนักรวมได้ 80 ไม่ใช่ 100" in messages and "คำเตือน" in messages  # a warning listed too
    assert "แถวซ้ำ: ตัวชี้วัด 1" in messages
    assert any(row[2] == 5 for row in listed), "the flat thresholds are placed on their row"
    assert not dialog.import_button.isEnabled()
    assert "ไม่มีการนำเข้าใดๆ" in dialog.status.text() or "จะไม่มีการนำเข้าใดๆ" in dialog.status.text()
    dialog.reject()
    assert file_digest(workspace_file) == before


def test_warnings_are_listed_in_the_preview_and_the_file_still_imports(qtbot, window, workspace_file, tmp_path,
                                                                       monkeypatch):
    rows = [list(r) for r in ROWS]
    rows[0][3] = "1.1"  # no row 1
    book = write_workbook(tmp_path / "orphan.xlsx", rows)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    problems = dialog.problems_model
    (listed,) = [[problems.index(0, c).data() for c in range(5)]]
    assert problems.rowCount() == 1
    assert listed[:4] == ["orphan.xlsx", "คำรับรอง", 4, "ตัวชี้วัดที่"]
    assert listed[4].startswith("คำเตือน: ตัวชี้วัด 1.1 ไม่มีแถวตัวชี้วัด 1")
    assert "คำเตือน 1 รายการ" in dialog.status.text() and dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "import-warnings.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert "กรมทดสอบระบบ" in agencies(workspace_file)
    from evaluator_app.store.agreements import find_agreement_id
    from evaluator_app.store.import_warnings import agreement_warnings

    with Workspace.open(workspace_file) as workspace:
        (stored,) = agreement_warnings(workspace, find_agreement_id(workspace, "กรมทดสอบระบบ", 2569))
    assert (stored.file, stored.row, stored.indicator) == ("orphan.xlsx", 4, "1.1")


def test_changed_indicators_are_imported_as_a_new_draft_version(qtbot, window, workspace_file, tmp_path,
                                                                monkeypatch):
    """Issue 13, item 4: a re-import with changed indicators makes a new draft version, never a silent change."""
    from evaluator_app.store.agreements import list_agreements
    from evaluator_app.store.versions import list_versions

    first = write_workbook(tmp_path / "first.xlsx", ROWS)
    with Workspace.open(workspace_file) as workspace:
        from evaluator_app.exchange.importing import import_agreement_files

        import_agreement_files(workspace, [first], actor="test")
    changed = [list(r) for r in ROWS]
    changed[0][4] = "ชื่อตัวชี้วัดที่แก้ไขแล้ว"  # same agency and year, different indicators
    second = write_workbook(tmp_path / "second.xlsx", changed)
    choose(monkeypatch, second)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with Workspace.open(workspace_file, read_only=True) as workspace:
        agreement_id = next(a.id for a in list_agreements(workspace) if a.agency == "กรมทดสอบระบบ")
        versions = list_versions(workspace, agreement_id)
    assert len(versions) == 2 and versions[1].status.value == "draft"
    assert versions[1].indicators[0].name == "ชื่อตัวชี้วัดที่แก้ไขแล้ว"
    assert versions[0].indicators[0].name != "ชื่อตัวชี้วัดที่แก้ไขแล้ว"


def test_cancel_pressed_after_everything_was_written_still_rolls_back(workspace_file, tmp_path, monkeypatch):
    from evaluator_app.exchange import importing

    book = write_workbook(tmp_path / "a.xlsx", ROWS)
    before = agencies(workspace_file)
    cancel = threading.Event()
    real = importing.import_agreement_files

    def import_then_cancel(*args, **kwargs):
        summary = real(*args, **kwargs)
        cancel.set()  # the person pressed Cancel as the last row went in, before the commit
        return summary

    monkeypatch.setattr(importing, "import_agreement_files", import_then_cancel)
    with pytest.raises(ImportCancelled):
        _import(workspace_file, [book], "tester", cancel)
    assert agencies(workspace_file) == before
    monkeypatch.setattr(importing, "import_agreement_files", real)
    _import(workspace_file, [book], "tester", threading.Event())
    assert "กรมทดสอบระบบ" in agencies(workspace_file)


def test_cancel_button_before_anything_is_written(qtbot, window, workspace_file, tmp_path, monkeypatch):
    book = write_workbook(tmp_path / "a.xlsx", ROWS)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    # Hold the worker inside the read until Cancel is clicked, so the click always lands mid-import.
    import evaluator_app.exchange.importing as importing

    original = importing.read_agreement_files

    def read_after_cancel(*args, **kwargs):
        assert dialog._cancel.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(importing, "read_agreement_files", read_after_cancel)
    dialog.start_import()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # while the file is still being read
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    assert dialog.status.text() == "ยกเลิกการนำเข้าแล้ว ไม่มีการบันทึกข้อมูลใดๆ"
    assert "กรมทดสอบระบบ" not in agencies(workspace_file)
    dialog.reject()
