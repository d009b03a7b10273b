"""Thai by default, English on request, switched live; Qt's own buttons in Thai too; every string translated."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from evaluator_app.domain.thai_dates import screen_date, thai_datetime, thai_datetime_from_iso
from evaluator_app.paths import resource
from evaluator_app.ui.common.identity_dialogs import IdentityDialog
from evaluator_app.ui.common.language import ENGLISH, THAI, current_language
from evaluator_app.ui.shell import settings
from evaluator_app.ui.shell.settings_dialog import SettingsDialog
from tests.ui.conftest import open_window, select_agreement_by_click, when_dialog

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resource("translations")


def test_thai_is_the_default_and_qt_own_buttons_are_thai(qtbot, window):
    assert current_language() == THAI
    assert window.file_menu.title() == "แ&ฟ้ม"
    assert window.import_action.text() == "&นำเข้าคำรับรอง…"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                      | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in box.buttons()) == sorted(["ตกลง", "ยกเลิก", "ใ&ช่", "ไ&ม่"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Apply)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["บันทึก", "ไม่บันทึก", "ปิด", "ใช้"])
    line = QLineEdit("ข้อความ")  # the menu is the line edit's child: keep the line edit alive
    menu = line.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts == ["เ&ลิกทำ", "ทำ&ซ้ำ", "&ตัด", "&คัดลอก", "&วาง", "ลบ", "เลือกทั้งหมด"]


def test_switch_to_english_and_back_live_through_the_view_menu(qtbot, window):
    select_agreement_by_click(qtbot, window, 1)
    model = window.panel.model
    assert model.headerData(model.column("own.result"), Qt.Orientation.Horizontal) == "ผู้ประเมิน\nผล"
    window.language_actions[ENGLISH].trigger()
    QApplication.processEvents()  # widgets retranslate on the LanguageChange events Qt posts
    assert current_language() == ENGLISH
    assert window.file_menu.title() == "&File"
    assert window.panel.round_label.text() == "&Round:"
    assert model.headerData(model.column("own.result"), Qt.Orientation.Horizontal) == "Evaluator\nResult"
    assert "saved" in window.windowTitle()
    box = QMessageBox(QMessageBox.Icon.Information, "i", "i", QMessageBox.StandardButton.Ok)
    assert box.buttons()[0].text() == "OK"
    assert settings.language() == ENGLISH, "the choice is remembered for the next start"

    window.language_actions[THAI].trigger()
    QApplication.processEvents()
    assert window.file_menu.title() == "แ&ฟ้ม"
    assert model.headerData(model.column("own.result"), Qt.Orientation.Horizontal) == "ผู้ประเมิน\nผล"
    assert "บันทึกแล้ว" in window.windowTitle()
    box = QMessageBox(QMessageBox.Icon.Information, "i", "i", QMessageBox.StandardButton.Ok)
    assert box.buttons()[0].text() == "ตกลง"


def test_the_remembered_language_is_used_on_the_next_start(qtbot, workspace_file):
    from evaluator_app.ui.shell.app import prepare_application

    settings.set_language(ENGLISH)
    assert prepare_application(QApplication.instance()) == ENGLISH
    window = open_window(qtbot, workspace_file)
    assert window.edit_menu.title() == "&Edit"
    window.close()


def test_settings_dialog_changes_the_evaluator_and_language(qtbot, window):
    def name(dialog: IdentityDialog) -> None:
        line = dialog.choice.lineEdit()
        line.setText("self")
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        line.setText("member2")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def choose(dialog: SettingsDialog) -> None:
        when_dialog(IdentityDialog, name)
        dialog.identity_button.click()
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(ENGLISH))
        dialog.accept()

    when_dialog(SettingsDialog, choose)
    window.settings_action.trigger()
    QApplication.processEvents()
    assert window.session.evaluator() == "member2"
    assert window.panel.model.evaluator == "member2"
    assert current_language() == ENGLISH
    assert "Evaluator member2" in window.panel.totals.text()


def test_every_string_of_the_window_is_translated_and_compiled(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "evaluator_app" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"  # installed beside the venv's python
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
        found = {}
        for context in ET.parse(path).getroot().findall("context"):
            for message in context.findall("message"):
                found[(context.findtext("name"), message.findtext("source"))] = message.find("translation")
        return found

    in_code = set(messages(fresh))
    committed = messages(TRANSLATIONS / "evaluator_th.ts")
    assert in_code - set(committed) == set(), "run pyside6-lupdate and translate the new strings"
    unfinished = [key for key, t in committed.items() if key in in_code and (t.get("type") or not t.text)]
    assert unfinished == []
    # The committed .qm must be what lrelease makes of the committed .ts now (file times mean nothing in a clone).
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for name in ("evaluator_th", "qtbase_th"):
        ts, qm = TRANSLATIONS / f"{name}.ts", TRANSLATIONS / f"{name}.qm"
        compiled = tmp_path / f"{name}.qm"
        subprocess.run([str(lrelease), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
        assert qm.read_bytes() == compiled.read_bytes(), f"run pyside6-lrelease on {ts.name}"


def test_dates_are_buddhist_era_with_thai_month_names():
    assert screen_date(date(2025, 3, 5)) == "5 มีนาคม 2568"
    assert screen_date(date(2025, 10, 1), short=True) == "1 ต.ค. 2568"
    assert thai_datetime(datetime(2026, 11, 27, 14, 32)) == "27 พ.ย. 2569 14:32"
    assert thai_datetime_from_iso("not a time") == "not a time"
    assert thai_datetime_from_iso("2026-11-27T14:32:00") == "27 พ.ย. 2569 14:32"


def test_about_box_names_version_and_licences(qtbot, window):
    from evaluator_app import __version__

    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.windowTitle())
        shown.append(box.text())
        box.accept()

    when_dialog(QMessageBox, read)
    window.about_action.trigger()
    title, text = shown
    assert title == "เกี่ยวกับโปรแกรม evaluator-app"
    assert __version__ in text and "OFL.txt" in text and "LGPL" in text and "Sarabun" in text


def test_no_class_that_translates_with_self_tr_is_subclassed():
    """self.tr() looks a string up under the class of the object at run time, lupdate under the class it is written
    in: a subclass would see its base's strings untranslated (use QCoreApplication.translate("Base", ...))."""
    translating: dict[str, Path] = {}
    subclassed: dict[str, str] = {}
    for path in sorted((ROOT / "evaluator_app" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            if any(isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
                   and isinstance(call.func.value, ast.Name) and call.func.value.id == "self"
                   for call in ast.walk(node)):
                translating[node.name] = path
            for base in node.bases:
                name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
                subclassed.setdefault(name, node.name)
    assert {name: subclassed[name] for name in translating if name in subclassed} == {}
