"""Panel → Panel setup…: members (id, name, position, role, signing order, public key and its fingerprint), typed
conflicts of interest with their reasons, the aggregation rule and the declaration text.

Every change is written at once, through the store functions the CLI uses, each in its own transaction and audited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.panel import (
    DEFAULT_DECLARATION,
    AggregationRule,
    ConflictOfInterest,
    ConflictType,
    Panel,
    PanelMember,
    Role,
    key_fingerprint,
    member_id_problem,
)
from ...store.agreements import list_agreements
from ...store.panel import (
    declare_conflict,
    load_panel,
    remove_member,
    save_member,
    set_declaration,
    set_rule,
    withdraw_conflict,
)
from ...store.workspace import Workspace
from ..common.changes import Change, Changes
from ..common.messages import problem_text, problems_text
from ..common.panel_texts import conflict_type_text, role_text, rule_text
from ..common.reason_dialog import ReasonDialog
from ..common.session import WorkspaceSession
from .panel_setup_models import ConflictsModel, MembersModel, fingerprint_font


def _table(parent: QWidget, name: str, model: object) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class MemberDialog(QDialog):
    """Add a member, or change one (their id stays). After exec(), `member()` is what to save."""

    def __init__(self, existing: PanelMember | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Panel member") if existing is None else self.tr("Panel member {0}").format(
            existing.id))
        self.setMinimumWidth(560)
        self._key: bytes | None = None if existing is None else existing.public_key
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("memberId")
        self.id_edit.setPlaceholderText(self.tr("short id in Latin letters, e.g. m1 or somchai"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("memberName")
        self.position_edit = QLineEdit(self)
        self.position_edit.setObjectName("memberPosition")
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("memberRole")
        for role in Role:
            self.role_combo.addItem(role_text(role), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.MEMBER.value))
        self.order_spin = QSpinBox(self)
        self.order_spin.setObjectName("memberOrder")
        self.order_spin.setRange(0, 99)
        self.order_spin.setSpecialValueText(self.tr("by role"))
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("memberFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_key_button = QPushButton(self.tr("&Load public key file…"), self)
        self.load_key_button.setObjectName("loadPublicKey")
        self.own_key_button = QPushButton(self.tr("Use the key made on this &computer"), self)
        self.own_key_button.setObjectName("useOwnKey")
        self.problem = QLabel(self)
        self.problem.setObjectName("memberProblem")
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        keys = QHBoxLayout()
        keys.addWidget(self.load_key_button)
        keys.addWidget(self.own_key_button)
        keys.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Id:"), self.id_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Position:"), self.position_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("Signing &order:"), self.order_spin)
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        form.addRow("", keys)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if existing is not None:
            self.id_edit.setText(existing.id)
            self.id_edit.setReadOnly(True)  # the id names their ratings and keys: it never changes
            self.name_edit.setText(existing.name)
            self.position_edit.setText(existing.position)
            self.role_combo.setCurrentIndex(self.role_combo.findData(existing.role.value))
            self.order_spin.setValue(existing.order)
        self.load_key_button.clicked.connect(self.load_key_file)
        self.own_key_button.clicked.connect(self.use_own_key)
        for edit in (self.id_edit, self.name_edit):
            edit.textChanged.connect(self._check)
        self._show_key()
        self._check()

    def _show_key(self) -> None:
        if self._key is None:
            self.fingerprint.setText(self.tr("no public key yet"))
            self.fingerprint.setFont(self.font())
        else:
            self.fingerprint.setText(key_fingerprint(self._key))
            self.fingerprint.setFont(fingerprint_font())

    def load_key_file(self) -> None:
        from ...exchange.identity import IdentityError, read_public_key

        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The member's public key"), "", self.tr("Public keys (*.pub *.pem *.txt);;All files (*)"))
        if not name:
            return
        try:
            self._key = read_public_key(Path(name))
        except IdentityError as exc:
            self.problem.setText(problems_text(exc))
            return
        self._show_key()
        self._check()

    def use_own_key(self) -> None:
        from ...exchange.identity import IdentityError, load_identity

        try:
            self._key = load_identity(self.id_edit.text().strip()).public_key
        except IdentityError as exc:
            self.problem.setText(problems_text(exc))
            return
        self._show_key()
        self._check()

    def _problem(self) -> str:
        ident = self.id_edit.text().strip()
        if not ident:
            return self.tr("Type the member's id.")
        problem = member_id_problem(ident)
        if problem is not None:
            return problem_text(problem)
        if not self.name_edit.text().strip():
            return self.tr("Type the member's name.")
        return ""

    def _check(self) -> None:
        from ...exchange.identity import has_key

        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        ident = self.id_edit.text().strip()
        self.own_key_button.setEnabled(bool(ident) and member_id_problem(ident) is None and has_key(ident))

    def member(self) -> PanelMember:
        return PanelMember(id=self.id_edit.text().strip(), name=self.name_edit.text().strip(),
                           role=Role(self.role_combo.currentData()), position=self.position_edit.text().strip(),
                           order=self.order_spin.value(), public_key=self._key)

    def _accept(self) -> None:
        if not self._problem():
            self.accept()


class ConflictDialog(QDialog):
    """Declare a member's conflict of interest with an agency: its type and, always, the reason."""

    def __init__(self, members: Sequence[PanelMember], agencies: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Conflict of interest"))
        self.setMinimumWidth(560)
        self.member_combo = QComboBox(self)
        self.member_combo.setObjectName("conflictMember")
        for member in members:
            self.member_combo.addItem(f"{member.id} — {member.name}", member.id)
        self.agency_combo = QComboBox(self)
        self.agency_combo.setObjectName("conflictAgency")
        self.agency_combo.setEditable(True)  # an agency not imported yet can be declared in advance
        self.agency_combo.addItems(list(agencies))
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("conflictType")
        for kind in ConflictType:
            self.type_combo.addItem(conflict_type_text(kind), kind.value)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("conflictReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. worked at the agency until 2566 (required)"))
        form = QFormLayout()
        form.addRow(self.tr("&Member:"), self.member_combo)
        form.addRow(self.tr("&Agency:"), self.agency_combo)
        form.addRow(self.tr("&Type:"), self.type_combo)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        note = QLabel(self.tr("The member's ratings of this agency will not count, and they will not see the other "
                              "members' ratings of it."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self.agency_combo.currentTextChanged.connect(self._check)
        self._check()

    def _complete(self) -> bool:
        return bool(self.member_combo.currentData() and self.agency_combo.currentText().strip()
                    and self.reason_edit.toPlainText().strip())

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._complete())

    def conflict(self) -> ConflictOfInterest:
        return ConflictOfInterest(member_id=str(self.member_combo.currentData()),
                                  agency=self.agency_combo.currentText().strip(),
                                  type=ConflictType(self.type_combo.currentData()),
                                  reason=self.reason_edit.toPlainText().strip())

    def _accept(self) -> None:
        if self._complete():
            self.accept()


class PanelSetupDialog(QDialog):

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panelSetupDialog")
        self.setWindowTitle(self.tr("Panel setup"))
        self.resize(1000, 560)
        self._session = session
        session.changed.connect(self._changed)
        self.panel: Panel | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("panelHeading")
        self.heading.setWordWrap(True)
        self.members_model = MembersModel(self)
        self.members_view = _table(self, "members", self.members_model)
        self.add_member_button = QPushButton(self.tr("&Add member…"), self)
        self.add_member_button.setObjectName("addMember")
        self.edit_member_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_member_button.setObjectName("editMember")
        self.remove_member_button = QPushButton(self.tr("Re&move…"), self)
        self.remove_member_button.setObjectName("removeMember")
        self.conflicts_model = ConflictsModel(self)
        self.conflicts_view = _table(self, "conflicts", self.conflicts_model)
        self.add_conflict_button = QPushButton(self.tr("&Declare conflict…"), self)
        self.add_conflict_button.setObjectName("addConflict")
        self.withdraw_conflict_button = QPushButton(self.tr("&Withdraw…"), self)
        self.withdraw_conflict_button.setObjectName("withdrawConflict")
        self.rule_combo = QComboBox(self)
        self.rule_combo.setObjectName("rule")
        for rule in AggregationRule:
            self.rule_combo.addItem(rule_text(rule), rule.value)
        self.declaration_edit = QPlainTextEdit(self)
        self.declaration_edit.setObjectName("declaration")
        self.save_declaration_button = QPushButton(self.tr("&Save declaration"), self)
        self.save_declaration_button.setObjectName("saveDeclaration")
        self.default_declaration_button = QPushButton(self.tr("Standard text"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._members_tab(), self.tr("Members"))
        self.tabs.addTab(self._conflicts_tab(), self.tr("Conflicts of interest"))
        self.tabs.addTab(self._rule_tab(), self.tr("Rule and declaration"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members_view.doubleClicked.connect(lambda _index: self.edit_member())
        self.remove_member_button.clicked.connect(self.remove_member)
        self.add_conflict_button.clicked.connect(self.add_conflict)
        self.withdraw_conflict_button.clicked.connect(self.withdraw_conflict)
        self.rule_combo.activated.connect(lambda _position: self.save_rule())
        self.save_declaration_button.clicked.connect(self.save_declaration)
        self.default_declaration_button.clicked.connect(
            lambda: self.declaration_edit.setPlainText(DEFAULT_DECLARATION))
        self.declaration_edit.textChanged.connect(self._update_buttons)
        self.members_view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.conflicts_view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.reload()

    def _members_tab(self) -> QWidget:
        tab = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Read the fingerprints aloud in the meeting: each member compares theirs with "
                              "Panel → My signing key."), tab)
        hint.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.members_view, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        return tab

    def _conflicts_tab(self) -> QWidget:
        tab = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_conflict_button)
        buttons.addWidget(self.withdraw_conflict_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.conflicts_view, 1)
        layout.addLayout(buttons)
        return tab

    def _rule_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Panel &figure:"), self.rule_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_declaration_button)
        buttons.addWidget(self.default_declaration_button)
        buttons.addStretch(1)
        label = QLabel(self.tr("&Declaration each member confirms before submitting (independence and "
                               "confidentiality):"), tab)
        label.setWordWrap(True)
        label.setBuddy(self.declaration_edit)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(label)
        layout.addWidget(self.declaration_edit, 1)
        layout.addLayout(buttons)
        return tab

    # --- reading -----------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.panel = load_panel(self._session.workspace)
        self.members_model.set_panel(self.panel)
        self.conflicts_model.set_panel(self.panel)
        header = self.members_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.conflicts_view.resizeColumnsToContents()
        if self.panel is None:
            self.heading.setText(self.tr("This workspace has no panel yet. Adding the first member sets it up; "
                                         "members' laptops get it from the panel package."))
        else:
            self.heading.setText(self.tr("{0} · {1} member(s) · panel id {2}").format(
                self.panel.name, len(self.panel.members), self.panel.id))
        rule = self.panel.rule if self.panel is not None else AggregationRule.MEAN
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(rule.value))
        self.declaration_edit.blockSignals(True)
        self.declaration_edit.setPlainText(self.panel.declaration if self.panel is not None else DEFAULT_DECLARATION)
        self.declaration_edit.blockSignals(False)
        self._update_buttons()

    def _selected(self, view: QTableView) -> int:
        rows = view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        writable = not self._session.read_only
        has_member = self._selected(self.members_view) >= 0
        has_conflict = self._selected(self.conflicts_view) >= 0
        self.add_member_button.setEnabled(writable)
        self.edit_member_button.setEnabled(writable and has_member)
        self.remove_member_button.setEnabled(writable and has_member)
        self.add_conflict_button.setEnabled(writable and self.panel is not None and bool(self.panel.members))
        self.withdraw_conflict_button.setEnabled(writable and has_conflict)
        self.rule_combo.setEnabled(writable)
        self.declaration_edit.setReadOnly(not writable)
        stored = self.panel.declaration if self.panel is not None else DEFAULT_DECLARATION
        self.save_declaration_button.setEnabled(
            writable and self.declaration_edit.toPlainText().strip() != stored.strip())
        self.default_declaration_button.setEnabled(writable)

    # --- writing: one store call, one transaction, one audit entry each -------------------------------------

    def _write(self, work: Callable[[Workspace, str], object]) -> bool:
        actor = self._session.evaluator()
        outcome = self._session.run(Change(lambda workspace: work(workspace, actor), Changes(panel=True)))
        if not outcome.ok:  # nothing changed; what was typed stays on screen
            QMessageBox.warning(self, self.tr("Not saved"), outcome.error or "")
            return False
        return True

    def _changed(self, changes: Changes) -> None:
        if (changes.panel or changes.agreements) and self._session.is_open:
            self.reload()

    def add_member(self) -> None:
        dialog = MemberDialog(None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            member = dialog.member()
            if self.panel is not None and self.panel.has_member(member.id):
                QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                    "There is already a member {0}. Select them and choose Edit.").format(member.id))
                return
            self._write(lambda workspace, actor: save_member(workspace, member, actor=actor))

    def edit_member(self) -> None:
        row = self._selected(self.members_view)
        if row < 0 or self._session.read_only:
            return
        dialog = MemberDialog(self.members_model.member(row), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            member = dialog.member()
            self._write(lambda workspace, actor: save_member(workspace, member, actor=actor))

    def remove_member(self) -> None:
        row = self._selected(self.members_view)
        if row < 0:
            return
        member = self.members_model.member(row)
        dialog = ReasonDialog(self.tr("Remove member"), self.tr(
            "Take {0} ({1}) off the panel? Their recorded ratings stay, but no longer count or sign.").format(
            member.name, member.id), self, ok_text=self.tr("Remove"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._write(lambda workspace, actor: remove_member(workspace, member.id, actor=actor,
                                                    reason=dialog.reason))

    def add_conflict(self) -> None:
        if self.panel is None:
            return
        agencies = sorted({s.agency for s in list_agreements(self._session.workspace)})
        dialog = ConflictDialog(self.panel.members, agencies, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            conflict = dialog.conflict()
            self._write(lambda workspace, actor: declare_conflict(workspace, conflict, actor=actor))

    def withdraw_conflict(self) -> None:
        row = self._selected(self.conflicts_view)
        if row < 0:
            return
        item = self.conflicts_model.conflict(row)
        dialog = ReasonDialog(self.tr("Withdraw conflict of interest"), self.tr(
            "Withdraw the conflict of interest of {0} with {1}? Their ratings of it will count again.").format(
            item.member_id, item.agency), self, ok_text=self.tr("Withdraw"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._write(lambda workspace, actor: withdraw_conflict(workspace, item.member_id, item.agency,
                                                        actor=actor, reason=dialog.reason))

    def save_rule(self) -> None:
        rule = AggregationRule(self.rule_combo.currentData())
        if self.panel is not None and self.panel.rule is rule:
            return
        self._write(lambda workspace, actor: set_rule(workspace, rule, actor=actor))

    def save_declaration(self) -> None:
        text = self.declaration_edit.toPlainText().strip()
        self._write(lambda workspace, actor: set_declaration(workspace, text, actor=actor))

    def done(self, result: int) -> None:
        # Closing never drops typed text: an edited declaration is saved first (or kept open if refused).
        if self.save_declaration_button.isEnabled():
            text = self.declaration_edit.toPlainText().strip()
            if not self._write(lambda workspace, actor: set_declaration(workspace, text, actor=actor)):
                return
        super().done(result)
