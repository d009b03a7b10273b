"""The editors of Panel setup: one member (id, name, position, role, signing order, public key) and one typed
conflict of interest with its reason; each checks what is typed before OK."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.panel import (
    ConflictOfInterest,
    ConflictType,
    PanelMember,
    Role,
    key_fingerprint,
    member_id_problem,
)
from ..common.identity_dialogs import fingerprint_font
from ..common.messages import problem_text, problems_text
from ..common.panel_texts import conflict_type_text, role_text


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
