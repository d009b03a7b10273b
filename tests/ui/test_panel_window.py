"""The panel in the real window, offscreen: setup through the dialog, a whole round between a secretary's and a
member's workspace through packages, the matrix sorted by spread, consensus, a conflicted member's view, and the
history of the selected cell. Only what a person types into a modal dialog or a file dialog is stood in for."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

from evaluator_app.domain.panel import AggregationRule, ConflictOfInterest, ConflictType, PanelMember, Role
from evaluator_app.domain.rating import Rating
from evaluator_app.exchange import identity
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.panel import declare_conflict, load_panel, save_member, set_rule, submission_state
from evaluator_app.store.panel_results import consensus_values
from evaluator_app.store.ratings import load_ratings, record_rating
from evaluator_app.store.workspace import Workspace
from evaluator_app.ui.common.identity_dialogs import IdentityDialog, MyKeyDialog, PassphraseDialog
from evaluator_app.ui.common.session import EVALUATOR_SETTING
from evaluator_app.ui.panel.consensus_dialog import ConsensusDialog
from evaluator_app.ui.panel.panel_matrix_model import MEMBER_ROLE, PanelMatrixModel
from evaluator_app.ui.panel.panel_member_dialogs import ConflictDialog, MemberDialog
from evaluator_app.ui.panel.submission_dialog import SubmitDialog
from evaluator_app.ui.shell.main_window import MainWindow
from evaluator_app.ui.transfer.trust_dialog import TrustDialog
from tests.conftest import example_agreement, file_digest
from tests.ui.conftest import (
    build_workspace,
    click_index,
    focus,
    open_window,
    press,
    result_cell,
    select_agreement_by_click,
    type_keys,
    when_dialog,
)

SHOTS = Path("/tmp/ui-shots")
PASSPHRASE = "khwamlap-2569"
AGENCY, YEAR = example_agreement().agency, example_agreement().fiscal_year
FIRST = 1
# Thresholds (tests/conftest.py): 1: 80..100 (w 50); 2: 20..12, lower is better (w 20); 3: levels 1-5 (w 10);
# 4: 70..90 (w 20). Scores by hand: m1 3.4, 3.5, 5, 2.75; m2 4.0, 3.0, 3.0, 4.0.
RESULTS = {
    "m1": {"1": "92", "2": "15", "3": "5", "4": "78.75"},
    "m2": {"1": "95", "2": "16", "3": "3", "4": "85"},
}
M1_SCORES = {"1": "3.4000", "2": "3.5000", "3": "5.0000", "4": "2.7500"}
SPREADS = {"1": "0.6000", "2": "0.5000", "3": "2.0000", "4": "1.2500"}
BY_SPREAD = ["3", "4", "1", "2"]
MEMBERS = (
    PanelMember("chair", "ศาสตราจารย์ ดร.ประธาน ใจกว้าง", Role.CHAIR, "ผู้ทรงคุณวุฒิ"),
    PanelMember("m1", "นางสาวหนึ่ง รักดี", Role.MEMBER, "ผู้ทรงคุณวุฒิ"),
    PanelMember("m2", "นายสอง ซื่อตรง", Role.MEMBER, "ผู้ทรงคุณวุฒิ"),
    PanelMember("sec", "นางเลขา ละเอียด", Role.SECRETARY, "ผู้อำนวยการกองติดตาม"),
)


@pytest.fixture(autouse=True)
def key_folder(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "keys"
    monkeypatch.setenv(identity.KEY_FOLDER_ENV, str(folder))
    return folder


# --- acting as a person ---------------------------------------------------------------------------------------


def click(qtbot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Keys into one field of a dialog (Thai as key events carrying their text: QTest types Latin-1 only)."""
    focus(qtbot, widget)
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()


def ok(qtbot, buttons: QDialogButtonBox) -> None:
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def save_as(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))  # Import package…


def run_package_action(qtbot, window: MainWindow, action) -> str:
    """Trigger a package action and wait until its work (off the GUI thread) is done and shown."""
    with qtbot.waitSignal(window.transfer_actions.packages.finished, timeout=60_000) as done:
        action.trigger()
    return str(done.args[0])


def back_to(qtbot, window: MainWindow) -> None:
    """Close the package's result, as a person does, and work in `window` again."""
    shown = window.transfer_actions.packages.result_dialog
    if shown is not None:
        shown.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def type_passphrase(qtbot, twice: bool):
    def act(dialog: PassphraseDialog) -> None:
        type_into(qtbot, dialog.first, PASSPHRASE)
        if twice:
            type_into(qtbot, dialog.second, PASSPHRASE)
        shoot(dialog, "passphrase-dialog")
        ok(qtbot, dialog.buttons)
    return act


# --- workspaces -----------------------------------------------------------------------------------------------


def secretary_workspace(tmp_path: Path, *, with_m2: bool = True, rule: AggregationRule = AggregationRule.MEAN,
                        evaluator: str = "sec") -> Path:
    """The master: two agreements, the panel (no keys yet), and m2's ratings already merged."""
    path = build_workspace(tmp_path / "secretary" / "master.sqlite")
    if not identity.has_key("sec"):
        identity.create_key_pair("sec", PASSPHRASE)  # the secretary signs the panel packages
    with Workspace.open(path) as workspace:
        for member in MEMBERS:
            if member.id == "sec":
                member = PanelMember(member.id, member.name, member.role, member.position, member.order,
                                     identity.load_identity("sec").public_key)
            save_member(workspace, member, actor="sec")
        set_rule(workspace, rule, actor="sec")
        if with_m2:
            for code, result in RESULTS["m2"].items():
                record_rating(workspace, FIRST, Rating(code, 12, "m2", result=D(result)), actor="m2")
        workspace.set_setting(EVALUATOR_SETTING, evaluator)
    return path


def record_results(path: Path, member: str) -> None:
    with Workspace.open(path) as workspace:
        for code, result in RESULTS[member].items():
            record_rating(workspace, FIRST, Rating(code, 12, member, result=D(result)), actor=member)


def matrix_column(model: PanelMatrixModel, key: str, member: str | None = None) -> dict[str, str]:
    column = model.column_of(key, member)
    assert column >= 0, f"no column {key} {member or ''}"
    return {model.aggregate(row).code: model.index(row, column).data() for row in range(model.rowCount())}


def click_header(qtbot, matrix, column: int) -> None:
    header = matrix.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    QApplication.processEvents()


def codes_in_view_order(matrix) -> list[str]:
    proxy = matrix.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


# --- panel setup --------------------------------------------------------------------------------------------


def test_panel_setup_adds_members_keys_and_a_conflict_through_the_dialog(qtbot, window, monkeypatch, tmp_path,
                                                                        qtmodeltester):
    made = identity.create_key_pair("m1", PASSPHRASE)
    public = identity.write_public_key(made, tmp_path / "mail" / "m1.pub")
    dialog = window.panel_actions.open_setup()
    assert dialog is not None and dialog.isVisible()
    assert "ยังไม่มีคณะผู้ประเมิน" in dialog.heading.text()

    def member(ident: str, name: str, position: str, role: Role, key: Path | None = None):
        def act(form: MemberDialog) -> None:
            assert not form.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
            type_into(qtbot, form.id_edit, ident)
            type_into(qtbot, form.name_edit, name)
            type_into(qtbot, form.position_edit, position)
            form.role_combo.setCurrentIndex(form.role_combo.findData(role.value))
            if key is not None:
                open_file(monkeypatch, key)
                click(qtbot, form.load_key_button)
                assert form.fingerprint.text() == made.fingerprint
                shoot(form, "member-dialog")
            ok(qtbot, form.buttons)
        return act

    for ident, name, position, role, key in (
            ("chair", "ศาสตราจารย์ ดร.ประธาน ใจกว้าง", "ผู้ทรงคุณวุฒิ", Role.CHAIR, None),
            ("m1", "นางสาวหนึ่ง รักดี", "ผู้ทรงคุณวุฒิ", Role.MEMBER, public),
            ("m2", "นายสอง ซื่อตรง", "ผู้ทรงคุณวุฒิ", Role.MEMBER, None),
            ("sec", "นางเลขา ละเอียด", "ผู้อำนวยการกองติดตาม", Role.SECRETARY, None)):
        when_dialog(MemberDialog, member(ident, name, position, role, key))
        click(qtbot, dialog.add_member_button)
    assert [dialog.members_model.member(r).id for r in range(dialog.members_model.rowCount())] == [
        "chair", "m1", "m2", "sec"]
    fingerprint = dialog.members_model.index(1, dialog.members_model.COLUMNS.index("fingerprint")).data()
    assert fingerprint == made.fingerprint, "the fingerprint to compare aloud is in the members table"
    shoot(dialog, "panel-setup-members")

    dialog.tabs.setCurrentIndex(1)

    def conflict(form: ConflictDialog) -> None:
        form.member_combo.setCurrentIndex(form.member_combo.findData("m2"))
        form.agency_combo.setCurrentIndex(form.agency_combo.findText(AGENCY))
        form.type_combo.setCurrentIndex(form.type_combo.findData(ConflictType.RELATIVE.value))
        assert not form.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(), "a reason is required"
        type_into(qtbot, form.reason_edit, "เป็นบุตรของรองอธิบดี")
        shoot(form, "conflict-dialog")
        ok(qtbot, form.buttons)

    when_dialog(ConflictDialog, conflict)
    click(qtbot, dialog.add_conflict_button)
    assert dialog.conflicts_model.rowCount() == 1
    qtmodeltester.check(dialog.members_model)
    qtmodeltester.check(dialog.conflicts_model)
    shoot(dialog, "panel-setup-conflicts")

    dialog.tabs.setCurrentIndex(2)
    focus(qtbot, dialog.rule_combo)
    qtbot.keyClick(dialog.rule_combo, Qt.Key.Key_Down)  # mean → median, chosen with the keyboard
    QApplication.processEvents()
    dialog.declaration_edit.moveCursor(dialog.declaration_edit.textCursor().MoveOperation.End)
    type_into(qtbot, dialog.declaration_edit, " (2569)")
    click(qtbot, dialog.save_declaration_button)
    shoot(dialog, "panel-setup-rule")

    panel = load_panel(window.session.workspace)
    assert panel is not None
    assert [(m.id, m.name, m.role) for m in panel.in_signing_order()] == [
        (m.id, m.name, m.role) for m in MEMBERS]
    assert panel.member("m1").public_key == made.public_key and panel.member("m2").public_key is None
    assert [(c.member_id, c.agency, c.type, c.reason) for c in panel.conflicts] == [
        ("m2", AGENCY, ConflictType.RELATIVE, "เป็นบุตรของรองอธิบดี")]
    assert panel.rule is AggregationRule.MEDIAN
    assert panel.declaration.endswith(" (2569)")
    dialog.close()


# --- a whole round ------------------------------------------------------------------------------------------


def test_a_full_round_between_the_secretary_and_a_member_through_the_window(qtbot, tmp_path, monkeypatch):
    mail = tmp_path / "mail"
    secretary = open_window(qtbot, secretary_workspace(tmp_path))
    actions, transfer = secretary.panel_actions, secretary.transfer_actions

    # The secretary exports the panel package, signed after her passphrase; the dialog offers .evpanel and adds it
    # when left out.
    save_as(monkeypatch, mail / "panel")
    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=False))
    assert run_package_action(qtbot, secretary, transfer.export_panel_action) == "exported"
    spoken = identity.load_identity("sec").fingerprint
    assert spoken in transfer.packages.result_dialog.summary_text()
    assert transfer.packages.result_dialog.verdict.text() == "ส่งออกชุดข้อมูลคณะผู้ประเมินแล้ว"
    panel_file = mail / "panel.evpanel"
    assert panel_file.exists()
    shoot(transfer.packages.result_dialog, "package-exported")

    # A member's laptop: a new workspace imports it, and the member says who they are.
    laptop_path = tmp_path / "m1" / "workspace.sqlite"
    Workspace.open(laptop_path).close()
    member = open_window(qtbot, laptop_path)

    def choose_m1(dialog: IdentityDialog) -> None:
        assert not dialog.ok_button_enabled(), "nobody is chosen for the person"
        dialog.choice.setCurrentIndex(dialog.choice.findData("m1"))
        shoot(dialog, "member-choice")
        dialog.accept()

    def confirm_fingerprint(dialog: TrustDialog) -> None:
        assert dialog.fingerprint.text() == spoken, "the secretary's fingerprint, to read aloud"
        assert not dialog.trust_button.isEnabled(), "nothing is trusted before the person confirms"
        dialog.confirm.setFocus()
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
        shoot(dialog, "trust-dialog")
        click(qtbot, dialog.trust_button)

    when_dialog(TrustDialog, confirm_fingerprint, timeout_ms=30_000)
    when_dialog(IdentityDialog, choose_m1, timeout_ms=30_000)
    open_file(monkeypatch, panel_file)
    assert run_package_action(qtbot, member, member.transfer_actions.import_package_action) == "installed"
    assert member.session.evaluator() == "m1"
    assert "นำเข้าชุดข้อมูลคณะผู้ประเมินแล้ว" in member.transfer_actions.packages.result_dialog.verdict.text()

    # The member makes a key pair (typing the passphrase twice) and reads its fingerprint.
    seen: list[str] = []

    def read_fingerprint(dialog: MyKeyDialog) -> None:
        seen.append(dialog.fingerprint.text())
        shoot(dialog, "my-key")
        dialog.reject()

    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=True))
    when_dialog(MyKeyDialog, read_fingerprint)
    member.panel_actions.make_key_action.trigger()
    assert identity.has_key("m1")
    assert seen == [identity.load_identity("m1").fingerprint]

    # The member rates with the keyboard, submits with the declaration, and exports signed.
    back_to(qtbot, member)
    here = find_agreement_id(member.session.workspace, AGENCY, YEAR)
    select_agreement_by_click(qtbot, member, here)
    view = member.panel.view
    for code, result in RESULTS["m1"].items():
        click_index(qtbot, view, result_cell(member, code))
        focus(qtbot, view)
        type_keys(qtbot, result)
        press(qtbot, Qt.Key.Key_Return)
    assert load_ratings(member.session.workspace, here, 12, "m1")["4"].rating.result == D("78.75")

    def confirm(dialog: SubmitDialog) -> None:
        assert not dialog.submit_button.isEnabled(), "Submit waits for the declaration to be confirmed"
        assert "เป็นอิสระ" in dialog.declaration.toPlainText()
        focus(qtbot, dialog.confirm)
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)  # ticks the declaration
        shoot(dialog, "submit-dialog")
        click(qtbot, dialog.submit_button)

    when_dialog(SubmitDialog, confirm)
    member.panel_actions.submit_action.trigger()
    state = submission_state(member.session.workspace.conn, here, 12, "m1")
    assert state is not None and state.submitted and "เป็นอิสระ" in (state.declaration or "")

    save_as(monkeypatch, mail / "m1")
    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=False))
    assert run_package_action(qtbot, member, member.transfer_actions.export_mine_action) == "exported"
    package = mail / "m1.evpack"
    assert package.exists()
    assert identity.load_identity("m1").fingerprint in member.transfer_actions.packages.result_dialog.summary_text()

    # The secretary records the member's public key (compared aloud), then imports the package.
    setup = actions.open_setup()
    setup.members_view.selectRow(1)
    assert setup.members_model.member(1).id == "m1"

    def record_key(form: MemberDialog) -> None:
        open_file(monkeypatch, identity.public_key_path("m1"))
        click(qtbot, form.load_key_button)
        ok(qtbot, form.buttons)

    when_dialog(MemberDialog, record_key)
    click(qtbot, setup.edit_member_button)
    setup.close()
    assert load_panel(secretary.session.workspace).member("m1").fingerprint == seen[0]

    open_file(monkeypatch, package)
    assert b"78.75" not in package.read_bytes(), "sealed to the secretary on the USB stick"
    when_dialog(PassphraseDialog, type_passphrase(qtbot, twice=False), timeout_ms=30_000)  # her decryption key
    assert run_package_action(qtbot, secretary, transfer.import_package_action) == "merged"
    report = transfer.packages.result_dialog
    assert report.applied_model.rowCount() == 4 and report.conflicts_model.rowCount() == 0
    assert "m1" in report.summary_text() and "4" in report.summary_text()
    shoot(report, "merge-report")

    # The matrix shows the member's scores beside m2's, the spread sorted largest first.
    select_agreement_by_click(qtbot, secretary, FIRST)
    matrix = actions.open_matrix()
    assert matrix is not None
    model = matrix.model
    assert {c: v for c, v in matrix_column(model, "member", "m1").items()} == M1_SCORES
    assert matrix_column(model, "spread") == SPREADS
    assert codes_in_view_order(matrix) == BY_SPREAD
    assert "ส่งแล้ว" in model.headerData(model.column_of("member", "m1"), Qt.Orientation.Horizontal)
    matrix.resize(1300, 620)
    shoot(matrix, "panel-matrix")

    # Replaying the same package changes nothing.
    assert run_package_action(qtbot, secretary, transfer.import_package_action) == "already"

    # A flipped byte: refused, saying which file and why, and the workspace file is untouched.
    tampered = mail / "m1-tampered.evpack"
    shutil.copy(package, tampered)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    secretary.session.workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_digest(secretary.session.path)
    open_file(monkeypatch, tampered)
    assert run_package_action(qtbot, secretary, transfer.import_package_action) == "refused"
    refused = transfer.packages.result_dialog
    assert "ไม่มีการบันทึกใด ๆ" in refused.verdict.text()
    assert str(tampered) in refused.summary_text() and "•" in refused.summary_text()
    assert file_digest(secretary.session.path) == before
    shoot(refused, "package-refused")
    member.close()
    secretary.close()


# --- the matrix -------------------------------------------------------------------------------------------------


def test_the_matrix_is_sorted_by_spread_and_the_chair_enters_a_consensus(qtbot, tmp_path, qtmodeltester):
    path = secretary_workspace(tmp_path, rule=AggregationRule.CONSENSUS, evaluator="chair")
    record_results(path, "m1")
    window = open_window(qtbot, path)
    select_agreement_by_click(qtbot, window, FIRST)
    window.panel_actions.matrix_action.trigger()
    matrix = window.panel_actions.matrix
    assert matrix is not None and matrix.isVisible()
    qtmodeltester.check(matrix.model)
    assert codes_in_view_order(matrix) == BY_SPREAD
    assert matrix_column(matrix.model, "figure") == {c: "–" for c in "1234"}, "consensus rule: no figure yet"

    # Sortable by any header: the code puts the agreement's order back, a second click reverses it.
    click_header(qtbot, matrix, 0)
    first = codes_in_view_order(matrix)
    assert first in (["1", "2", "3", "4"], ["4", "3", "2", "1"])
    click_header(qtbot, matrix, 0)
    assert codes_in_view_order(matrix) == first[::-1]
    spread = matrix.model.column_of("spread")
    click_header(qtbot, matrix, spread)
    if codes_in_view_order(matrix) != BY_SPREAD:
        click_header(qtbot, matrix, spread)
    assert codes_in_view_order(matrix) == BY_SPREAD

    # The chair selects the indicator the meeting argued over and enters what it agreed.
    click_index(qtbot, matrix.view, matrix.select_cell("3"))

    def agree(dialog: ConsensusDialog) -> None:
        assert "2.0000" in dialog.summary.text(), "the spread is shown beside the entry"
        type_into(qtbot, dialog.score_edit, "4")
        assert not dialog.ok_button().isEnabled(), "a consensus value needs a reason"
        type_into(qtbot, dialog.reason_edit, "ที่ประชุมเห็นว่าหลักฐานครบระดับ 4")
        shoot(dialog, "consensus-dialog")
        click(qtbot, dialog.ok_button())

    when_dialog(ConsensusDialog, agree)
    click(qtbot, matrix.consensus_button)
    assert consensus_values(window.session.workspace, FIRST, 12)["3"].score == D(4)
    assert matrix_column(matrix.model, "figure")["3"] == "4.0000"
    assert matrix_column(matrix.model, "consensus")["3"] == "4.0000"
    qtmodeltester.check(matrix.model)
    click_index(qtbot, matrix.view, matrix.select_cell("3", key="figure"))
    assert "มติที่ประชุม – → 4" in matrix.history.toPlainText() and "chair" in matrix.history.toPlainText()
    click_index(qtbot, matrix.view, matrix.select_cell("3", "m1"))
    history = matrix.history.toPlainText()
    assert "m1" in history and "ผล – → 5" in history
    shoot(matrix, "panel-matrix-consensus")
    window.close()


def test_only_the_chair_enters_a_consensus(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: told.append(text))
    window = open_window(qtbot, secretary_workspace(tmp_path, evaluator="sec"))
    select_agreement_by_click(qtbot, window, FIRST)
    window.panel_actions.enter_consensus("1")
    assert told and "chair" in told[0] and "ประธาน" in told[0]
    assert consensus_values(window.session.workspace, FIRST, 12) == {}
    window.close()


def test_a_conflicted_member_sees_nobody_elses_ratings_and_the_secretary_sees_them_excluded(qtbot, tmp_path):
    path = secretary_workspace(tmp_path, evaluator="m2")
    record_results(path, "m1")
    with Workspace.open(path) as workspace:
        declare_conflict(workspace, ConflictOfInterest("m2", AGENCY, ConflictType.FORMER_EMPLOYEE,
                                                       "เคยเป็นผู้อำนวยการกองคลังของกรม"), actor="sec")
    window = open_window(qtbot, path)
    select_agreement_by_click(qtbot, window, FIRST)
    matrix = window.panel_actions.open_matrix()
    model = matrix.model
    members = {model.index(0, c).data(MEMBER_ROLE) for c in range(model.columnCount())} - {None}
    assert members == set(), "m2 declared a conflict: no other member's scores are shown"
    assert model.column_of("spread") < 0 and model.column_of("figure") < 0, "nor figures made from them"
    assert matrix.notice.isVisible() and "มีส่วนได้เสีย" in matrix.notice.text()
    assert not matrix.consensus_button.isEnabled()
    shoot(matrix, "panel-matrix-conflicted-member")

    window.session.set_evaluator("sec")  # the secretary's view of the same agreement
    QApplication.processEvents()
    assert not matrix.notice.isVisible()
    excluded = model.column_of("excluded", "m2")
    assert excluded >= 0 and model.column_of("member", "m2") < 0
    assert {model.index(r, excluded).data() for r in range(model.rowCount())} == {"ไม่นับ"}
    assert "ผู้อำนวยการกองคลัง" in model.index(0, excluded).data(Qt.ItemDataRole.ToolTipRole)
    assert matrix_column(model, "figure")["1"] == "3.4000", "m1 alone counts"
    window.close()


def test_the_details_show_the_history_of_the_selected_cell(qtbot, window):
    select_agreement_by_click(qtbot, window, FIRST)
    view = window.panel.view
    click_index(qtbot, view, result_cell(window, "1"))
    focus(qtbot, view)
    type_keys(qtbot, "93")
    press(qtbot, Qt.Key.Key_Return)
    click_index(qtbot, view, result_cell(window, "1", "self"))
    details = window.details
    assert details.history_evaluator() == "self"
    assert details.history_lines("1")[0].endswith("test: ผล – → 92"), "the agency's own report, as imported"
    assert "ประวัติการแก้ไขผลการประเมินของ การประเมินตนเองของส่วนราชการ" in details.info.toPlainText()
    click_index(qtbot, view, result_cell(window, "1"))
    assert details.history_evaluator() == "member1"
    assert details.history_lines("1")[0].endswith("member1: ผล – → 93")
