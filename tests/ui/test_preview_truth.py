"""Issue 14, smaller defects: the import preview shows the indicator rows without scrolling and says what Import
will change (a re-import of the same file: nothing), and the report preview shows the issued paper after issuing,
not the draft."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.reports.seal import DRAFT_FOOTER
from evaluator_app.reports.tounicode import normalise_thai_for_compare
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.papers.report_dialog import ReportDialog
from evaluator_app.ui.papers.report_papers import make_preview
from evaluator_app.ui.transfer.import_dialog import ImportDialog
from evaluator_app.ui.transfer.import_models import ReadRowsModel
from tests.test_cli import ROWS, write_workbook
from tests.ui.conftest import open_window, when_dialog

SHOTS = Path("/tmp/ui-shots")
LONG_AGENCY = "สำนักงานคณะกรรมการพัฒนาระบบราชการ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ ส่วนกลาง"


def choose(monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))


def open_import(qtbot, window) -> ImportDialog:
    window.import_action.trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.status.text() != "", timeout=20_000)
    return dialog


def counts(path: Path) -> tuple[int, int, int]:
    """Agreements, versions and audit entries: what an import writes."""
    with Workspace.open(path, read_only=True, auto_backup=False) as workspace:
        return tuple(workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[return-value]
                     for table in ("agreements", "agreement_versions", "audit_log"))


def test_the_indicator_columns_are_in_view_without_scrolling(qtbot, window, tmp_path, monkeypatch):
    rows = [list(r) for r in ROWS]
    rows[0][0] = LONG_AGENCY
    rows[0][4] = "ร้อยละความสำเร็จของการดำเนินงานตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569 ของหน่วยงาน"
    book = write_workbook(tmp_path / "คำรับรองการปฏิบัติราชการ-ประจำปีงบประมาณ-2569-ฉบับแก้ไขครั้งที่สอง.xlsx", rows)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    view, model = dialog.rows_view, dialog.rows_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    wanted = [headers.index(name) for name in ("ตัวชี้วัดที่", "ตัวชี้วัด", "น้ำหนัก")]
    assert view.isColumnHidden(ReadRowsModel.FILE), "one file: its name is above the table, not on every row"
    viewport = view.viewport().rect()
    indicator_rows = [r for r in range(model.rowCount()) if model.index(r, ReadRowsModel.READ_AS).data() == "ตัวชี้วัด"]
    assert len(indicator_rows) == 4
    for row in indicator_rows:
        for column in wanted:
            rect = view.visualRect(model.index(row, column))
            assert viewport.contains(rect.topLeft()) and rect.right() <= viewport.right(), (row, headers[column])
    name = model.index(indicator_rows[0], headers.index("ตัวชี้วัด"))
    assert name.data(Qt.ItemDataRole.ToolTipRole) == rows[0][4], "the whole name, when it is cut short"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "import-preview-columns.png"))
    dialog.reject()


def test_a_reimport_of_the_same_file_previews_no_change_and_changes_nothing(qtbot, window, workspace_file,
                                                                            tmp_path, monkeypatch):
    book = write_workbook(tmp_path / "first.xlsx", ROWS)
    with Workspace.open(workspace_file) as workspace:
        import_agreement_files(workspace, [book], actor="test")
    before = counts(workspace_file)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    assert counts(workspace_file) == before, "the preview rehearses the import and rolls it back"
    status = dialog.status.text()
    assert status.startswith("อ่านคำรับรอง 1 ฉบับ รวม 4 ตัวชี้วัด การนำเข้าจะไม่เปลี่ยนแปลงข้อมูลใดๆ"), status
    assert "พร้อมนำเข้า" not in status
    assert "กรมทดสอบระบบ 2569: ไม่มีการเปลี่ยนแปลง" in status
    assert dialog.plan is not None and not dialog.plan.changes_anything()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary
    assert not summary.added and not summary.results_updated and len(summary.unchanged) == 1


def test_a_reimport_with_a_new_result_previews_what_the_import_then_does(qtbot, window, workspace_file, tmp_path,
                                                                        monkeypatch):
    with Workspace.open(workspace_file) as workspace:
        import_agreement_files(workspace, [write_workbook(tmp_path / "r9.xlsx", ROWS)], actor="test")
    rows = [list(r) for r in ROWS]
    rows[0][12] = 97  # the 12-month report: one result changed
    book = write_workbook(tmp_path / "r12.xlsx", rows)
    choose(monkeypatch, book)
    dialog = open_import(qtbot, window)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    assert "กรมทดสอบระบบ 2569: จะปรับผลการดำเนินงาน 1 รายการ" in dialog.status.text()
    assert dialog.status.text().startswith("พร้อมนำเข้าคำรับรอง 1 ฉบับ")
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [count for *_where, count in dialog.summary.results_updated] == [1]


def pdf_text(data: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return "".join(normalise_thai_for_compare(text).split())


def test_the_preview_shows_the_issued_paper_after_saving(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, demo_workspace_copy(tmp_path))
    window.navigator.select_agreement(1)
    target = tmp_path / "issued.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    when_dialog(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), timeout_ms=60_000)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.report_actions.dialog
    assert isinstance(dialog, ReportDialog)
    draft = "".join(normalise_thai_for_compare(DRAFT_FOOTER).split())
    with Workspace.open(window.session.path, read_only=True, auto_backup=False) as workspace:
        assert draft in pdf_text(make_preview(workspace, dialog.request).data), "a draft says so"
    qtbot.waitUntil(lambda: dialog.shows_issued and not dialog.is_busy(), timeout=60_000)
    assert dialog.last_made is not None and dialog.last_made.code
    shown = pdf_text(dialog.preview.data)
    assert draft not in shown, "the preview still says draft after issuing"
    assert dialog.last_made.code.replace(" ", "") in shown  # the footer carries the verification code
    assert len(dialog.preview.images) == dialog.last_made.pages
    shown_pages = [dialog.pages_layout.itemAt(n).widget() for n in range(dialog.pages_layout.count())]
    assert len(shown_pages) == dialog.last_made.pages
    assert all(isinstance(page, QLabel) and not page.pixmap().isNull() for page in shown_pages), "pages drawn"
    assert dialog.last_made.code in dialog.status.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report-preview-issued.png"))
    dialog.close()
    window.close()
