"""The window shows what issue 11 added: banded criteria and their method, the dimension's average beside its
subtotal, and the committee's adjustment made with the same store call as `evaluator-app adjust`."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.bands import parse_band
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.workspace import Workspace
from tests.ui.conftest import (
    cell_text,
    click_index,
    open_window,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
)

BANDS = ("น้อยกว่าร้อยละ 60", "ร้อยละ 60 - 69.99", "ร้อยละ 70 - 79.99", "ร้อยละ 80 - 89.99", "ร้อยละ 90 ขึ้นไป")


def banded_workspace(path: Path) -> int:
    agreement = Agreement(
        agency="มหาวิทยาลัยราชภัฏตัวอย่างแห่งภาคตะวันออกเฉียงเหนือเพื่อการพัฒนาท้องถิ่น", fiscal_year=2566,
        framework_id="five-level-2560-onward", indicators=(
            Indicator("1.1", "ร้อยละของบัณฑิตที่ได้งานทำหรือประกอบอาชีพอิสระภายในหนึ่งปีหลังสำเร็จการศึกษา", D(6),
                      Thresholds.banded([parse_band(t) for t in BANDS]), dimension="ประสิทธิผล", unit="ร้อยละ"),
            Indicator("1.2", "ร้อยละความพึงพอใจของผู้ใช้บัณฑิต", D(4), Thresholds.of(80, 85, 90, 95, 100),
                      dimension="ประสิทธิผล", unit="ร้อยละ"),
            Indicator("2", "ระยะเวลาเฉลี่ยในการอนุมัติ", D(90), Thresholds.of(20, 18, 16, 14, 12),
                      dimension="การพัฒนาองค์การ", unit="วัน"),
        ))
    with Workspace.open(path) as workspace:
        return add_agreement(workspace, agreement, actor="test").id


def type_result(qtbot, window, code: str, text: str) -> None:
    click_index(qtbot, window.panel.view, result_cell(window, code))
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_banded_criteria_their_method_and_the_dimension_average_in_the_window(qtbot, workspace_file, tmp_path):
    agreement_id = banded_workspace(workspace_file)
    window = open_window(qtbot, workspace_file)
    select_agreement_by_click(qtbot, window, agreement_id)
    assert [cell_text(window, "1.1", f"t{n}") for n in range(1, 6)] == [
        "< 60", "60 – 69.99", "70 – 79.99", "80 – 89.99", "≥ 90"]
    type_result(qtbot, window, "1.1", "84")
    qtbot.waitUntil(lambda: cell_text(window, "1.1", "own.score") == "4.0000", timeout=5000)  # not 4.4
    type_result(qtbot, window, "1.2", "92")
    qtbot.waitUntil(lambda: cell_text(window, "1.2", "own.score") == "3.4000", timeout=5000)
    model = window.panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, model.column("name")).data() == "ประสิทธิผล")
    # (4 x 6 + 3.4 x 4) / 10 = 3.76 on the 1-5 scale, beside the subtotal 0.24 + 0.136 -> 0.2400 + 0.1360
    assert model.index(row, model.column("own.score")).data() == "3.7600"
    assert model.index(row, model.column("own.weighted")).data() == "0.3760"
    click_index(qtbot, window.panel.view, result_cell(window, "1.1"))
    qtbot.waitUntil(lambda: "คิดแบบช่วง" in window.details.info.toPlainText(), timeout=5000)
    window.grab().save(str(tmp_path / "banded-window.png"))
    # Ctrl+J's store call is the command line's: the adjusted score and its reason, the computed one kept
    model.adjust_score("1.1", D("3.8"), "ไม่ส่งรายงานความก้าวหน้า 1 ครั้ง หัก 0.2")
    qtbot.waitUntil(lambda: cell_text(window, "1.1", "own.score") == "3.8000", timeout=5000)
    window.close()
