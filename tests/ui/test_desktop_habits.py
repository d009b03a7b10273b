"""What a desktop app is expected to remember and offer: layout, recent files, open/new, search, rounds, start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.shell import settings
from evaluator_app.ui.shell.app import workspace_to_open
from tests.ui.conftest import (
    build_workspace,
    click_index,
    focus,
    open_window,
    press,
    select_agreement_by_click,
    type_keys,
)

ROOT = Path(__file__).resolve().parents[2]


def test_window_geometry_and_splitters_are_remembered(qtbot, workspace_file):
    first = open_window(qtbot, workspace_file)
    first.resize(760, 560)  # inside the offscreen screen: restoreGeometry keeps windows on screen
    first.splitter.setSizes([300, 460])
    first.work_splitter.setSizes([250, 250])
    QApplication.processEvents()
    sizes = first.splitter.sizes()
    work = first.work_splitter.sizes()
    first.close()

    second = open_window(qtbot, workspace_file)
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.work_splitter.sizes() == work
    second.close()


def test_recent_workspaces_open_and_new(qtbot, workspace_file, tmp_path, monkeypatch):
    other = build_workspace(tmp_path / "อีกชุด.sqlite")
    window = open_window(qtbot, workspace_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.open_action.trigger()
    assert window.session.path == other
    assert "อีกชุด.sqlite" in window.windowTitle()
    recent = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert recent == [str(workspace_file.resolve())]
    assert window.recent_menu.actions()[0].text() == f"&1 {workspace_file.resolve()}"
    assert window.recent_menu.actions()[-1] is window.clear_recent_action
    window.recent_menu.actions()[0].trigger()
    assert window.session.path.resolve() == workspace_file.resolve()
    assert settings.recent_workspaces()[:2] == [workspace_file.resolve(), other.resolve()]

    fresh = tmp_path / "ใหม่"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window.new_action.trigger()
    assert window.session.path == fresh.with_suffix(".sqlite")
    assert window.navigator.model.summaries() == []
    assert window.panel.title.text() == "เลือกคำรับรองจากรายการทางซ้าย"
    window.close()


def test_a_file_that_is_not_a_workspace_is_refused_and_the_current_one_kept(qtbot, window, tmp_path, monkeypatch):
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    current = window.session.path
    assert not window.open_path(junk)
    assert shown and "notes.sqlite" in shown[0]
    assert window.session.path == current


def test_search_by_agency_name_or_indicator_text_in_thai(qtbot, window):
    search = window.navigator.search
    focus(qtbot, search)
    type_keys(qtbot, "สถิติ")
    window.navigator.apply_search()
    tree, proxy = window.navigator.tree, window.navigator.filter
    year = proxy.index(0, 0)
    assert [proxy.index(r, 0, year).data() for r in range(proxy.rowCount(year))] == ["สำนักงานสถิติแห่งชาติ"]
    search.clear()
    focus(qtbot, search)
    type_keys(qtbot, "ความพึงพอใจ")  # an indicator of กรมตัวอย่าง only
    window.navigator.apply_search()
    year = proxy.index(0, 0)
    assert [proxy.index(r, 0, year).data() for r in range(proxy.rowCount(year))] == ["กรมตัวอย่าง"]
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is search
    assert tree.isExpanded(year)


def test_rounds_switch_from_the_menu_and_keep_results_apart(qtbot, window, workspace_file):
    select_agreement_by_click(qtbot, window, 1)
    focus(qtbot, window.panel.view)
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.model.round == 6
    assert window.panel.round_combo.currentText() == "6 เดือน"
    assert window.round_actions[6].isChecked()
    model = window.panel.model
    assert model.index_of_code("1", model.column("self.result")).data() == ""  # the SAR results are round 12
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert model.round == 12
    assert model.index_of_code("1", model.column("self.result")).data() == "92"


def test_the_title_says_what_is_saved(qtbot, window):
    assert window.windowTitle().startswith("committee.sqlite — บันทึกแล้ว")
    assert window.windowTitle().endswith("ประเมินผลคำรับรองการปฏิบัติราชการ")
    select_agreement_by_click(qtbot, window, 1)
    view = window.panel.view
    click_index(qtbot, view, view.first_result_index(window.panel.model.column("own.result")))
    focus(qtbot, view)
    type_keys(qtbot, "9")  # in the cell editor, not yet in the file
    assert "ยังไม่บันทึก" in window.windowTitle() and "ยังไม่บันทึก" in window.save_label.text()
    press(qtbot, Qt.Key.Key_Return)
    assert "บันทึกแล้ว" in window.windowTitle()
    type_keys(qtbot, "1")
    press(qtbot, Qt.Key.Key_Escape)  # abandoned: the file holds what the title says
    assert "บันทึกแล้ว" in window.windowTitle()


def test_shortcuts_are_listed_in_the_menus(window):
    listed = {a.objectName(): a.shortcut().toString() for a in window.findChildren(type(window.import_action))
              if a.objectName()}
    assert listed["importAgreements"] == "Ctrl+I"
    assert listed["adjustScore"] == "Ctrl+J"
    assert listed["round6"] == "Ctrl+6"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_start_up_opens_the_demo_in_thai(tmp_path):
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from evaluator_app.ui.shell.app import run\n"
        "def report():\n"
        "    window = next((w for w in app.topLevelWidgets() if w.objectName() == 'mainWindow'), None)\n"
        "    if window is None or window.session is None:  # the shell paints first; the workspace opens after\n"
        "        QTimer.singleShot(20, report); return\n"
        "    print(window.windowTitle()); print(window.file_menu.title())\n"
        "    print(len(window.navigator.model.summaries()))\n"
        "    window.close(); app.quit()\n"
        "QTimer.singleShot(200, report)\n"
        "sys.exit(run(None, demo=True, language=None))\n"
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"), "TMPDIR": str(temp)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    title, menu, count = done.stdout.strip().splitlines()[-3:]
    assert title.startswith("demo-workspace.sqlite — บันทึกแล้ว")
    assert menu == "แ&ฟ้ม"
    assert int(count) >= 3
    assert not list(temp.glob("evaluator-demo-*")), "the demo copy is removed when the window closes"


def test_the_default_workspace_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert workspace_to_open(None, demo=False) == (tmp_path / "evaluator-app" / "workspace.sqlite", "")
    given = tmp_path / "given.sqlite"
    assert workspace_to_open(given, demo=True) == (given, "")
    demo, _note = workspace_to_open(None, demo=True)
    with Workspace.open(demo) as workspace:
        assert len(list_agreements(workspace)) >= 3


def test_a_workspace_another_person_writes_opens_read_only_with_a_banner(qtbot, workspace_file):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom evaluator_app.store.workspace import Workspace\n"
         "w = Workspace.open(sys.argv[1])\nprint('held', flush=True)\ntime.sleep(60)\n", str(workspace_file)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        window = open_window(qtbot, workspace_file)
        assert window.banner.isVisible() and "อ่านอย่างเดียว" in window.banner.text()
        assert "อ่านอย่างเดียว" in window.windowTitle()
        assert not window.import_action.isEnabled() and not window.adjust_action.isEnabled()
        select_agreement_by_click(qtbot, window, 1)
        model = window.panel.model
        assert not model.flags(model.index_of_code("1", model.column("own.result"))) & Qt.ItemFlag.ItemIsEditable
        assert window.details.comment.isReadOnly() and not window.details.attach_button.isEnabled()
        window.close()
    finally:
        holder.kill()
        holder.wait()


def test_the_title_wraps_the_agency_but_never_parts_the_year_from_its_era(window):
    # "ปีงบประมาณ พ.ศ. 2569" fell apart at some widths, "พ.ศ." ending one line and "2569" starting the next; and
    # after a long name, Qt parted "ปี" from "งบประมาณ".
    from PySide6.QtGui import QTextDocument

    title = window.panel.title
    year = str(window.panel.model.agreement.fiscal_year)
    assert f"พ.ศ. {year}" in " ".join(title.text().replace("&nbsp;", " ").split())
    # the label's own text, with the corpus's longest kind of agency name in it
    agency = window.panel.model.agreement.agency
    long_name = "สำนักงานปลัดกระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์ส่วนภูมิภาคและการบริการประชาชนแบบเบ็ดเสร็จ"
    shown = title.text().replace(agency, long_name)
    wrapped = 0
    for width in range(300, 1000, 7):  # narrower, "ปีงบประมาณ พ.ศ. 2569" alone overflows and Qt breaks it anywhere
        document = QTextDocument()
        document.setDefaultFont(title.font())
        document.setHtml(shown)
        document.setTextWidth(width)
        document.size()  # laid out
        block = document.begin()
        lines = []
        while block.isValid():
            layout = block.layout()
            lines += [block.text()[layout.lineAt(n).textStart():][:layout.lineAt(n).textLength()].strip(" \u2028")
                      for n in range(layout.lineCount())]
            block = block.next()
        wrapped += len(lines) > 1
        assert not any(line.endswith(("พ.ศ.", "ฉบับที่", "ปี")) or line.startswith((year, "งบประมาณ"))
                       for line in lines), (width, lines)
    assert wrapped > 20, "the title was wrapped at many widths"
