"""Who uses this laptop, and the member's signing key: choosing yourself once (a panel member, or a name when the
workspace has no panel), the key's passphrase (typed twice when the key is made), and the key's fingerprint shown
large, to read aloud and compare with the one the secretary recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.panel import Panel
from ...domain.problems import Problem
from ...exchange.identity import MIN_PASSPHRASE, Identity, private_key_path, public_key_path
from .language import THAI, current_language
from .panel_texts import role_text


def fingerprint_font() -> QFont:
    """Fixed-width digits, so four-digit groups line up when people read them aloud to each other."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(QFont().pointSize(), 11))
    return font


class IdentityDialog(QDialog):
    """Who are you? Chosen once per workspace: the window records your ratings under the member (or name) chosen
    here, and shows your name, not an id. With a panel: one of its members; without one: your name."""

    def __init__(self, panel: Panel | None, current: str | None, *, names: list[str] | None = None,
                 remembered: str | None = None, check: Callable[[str], Problem | None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumWidth(520)
        self._check_ident = check
        self.has_panel = panel is not None and bool(panel.members)
        text = QLabel(self)
        text.setWordWrap(True)
        self.choice = QComboBox(self)
        self.choice.setObjectName("identityChoice")
        if panel is not None and self.has_panel:
            text.setText(self.tr("Choose yourself among the panel's members. The results you type in this "
                                 "workspace are recorded under your name; you choose only once."))
            for member in panel.in_signing_order():
                self.choice.addItem(f"{member.name} ({role_text(member.role)})", member.id)
            wanted = current if current and panel.has_member(current) else next(
                (m.id for m in panel.members if remembered and m.name == remembered), None)
            self.choice.setCurrentIndex(max(self.choice.findData(wanted), 0) if wanted else -1)
        else:
            text.setText(self.tr("This workspace has no panel. Type your name: the results you type are recorded "
                                 "under it; you choose only once."))
            self.choice.setEditable(True)
            self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for name in names or []:
                self.choice.addItem(name, name)
            line = self.choice.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("Your name, e.g. นางสาวมาลี ศรีสุข"))
            self.choice.setCurrentIndex(-1)
            line.setText(current or remembered or "")
        self.choice.setAccessibleName(self.tr("Who are you"))
        self.problem = QLabel(self)
        self.problem.setObjectName("identityProblem")
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&You are:") if self.has_panel else self.tr("&Your name:"), self.choice)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self._check())
        self.choice.editTextChanged.connect(lambda _t: self._check())
        self._check()
        self.choice.setFocus()

    def ident(self) -> str:
        """The id the ratings go under: the member's id, or the typed name."""
        if self.has_panel:
            return str(self.choice.currentData() or "") if self.choice.currentIndex() >= 0 else ""
        return self.choice.currentText().strip()

    def name(self) -> str:
        """The person's name as shown (for a member, without the role)."""
        if self.has_panel:
            return self.choice.currentText().rsplit(" (", 1)[0]
        return self.ident()

    def _problem(self) -> str:
        ident = self.ident()
        if not ident:
            return ""
        problem = None if self._check_ident is None else self._check_ident(ident)
        if problem is None:
            return ""
        return problem.th if current_language() == THAI else problem.en

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.ident()) and not problem)

    def ok_button_enabled(self) -> bool:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    def _accept(self) -> None:
        if self.ident() and not self._problem():
            self.accept()


class PassphraseDialog(QDialog):
    """Ask for the key's passphrase; with `confirm`, twice and at least MIN_PASSPHRASE characters (a new key)."""

    def __init__(self, member_id: str, purpose: str, *, confirm: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Passphrase of the signing key"))
        self.setMinimumWidth(460)
        self._confirm = confirm
        self.passphrase = ""
        text = QLabel(purpose, self)
        text.setWordWrap(True)
        self.first = QLineEdit(self)
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Member:"), QLabel(member_id, self))
        form.addRow(self.tr("&Passphrase:"), self.first)
        if confirm:
            form.addRow(self.tr("&Again:"), self.second)
        else:
            self.second.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.first.textChanged.connect(self._check)
        self.second.textChanged.connect(self._check)
        self._check()
        self.first.setFocus()

    def _problem(self) -> str:
        if not self.first.text():
            return ""
        if self._confirm and len(self.first.text()) < MIN_PASSPHRASE:
            return self.tr("At least {0} characters.").format(MIN_PASSPHRASE)
        if self._confirm and self.second.text() != self.first.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.first.text()) and not problem)

    def _accept(self) -> None:
        if self.first.text() and not self._problem():
            self.passphrase = self.first.text()
            self.accept()


class MyKeyDialog(QDialog):
    """My signing key: the fingerprint to read aloud, whether the panel recorded the same key, and the public
    key file to hand to the secretary."""

    def __init__(self, member_id: str, identity: Identity | None, panel: Panel | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("myKeyDialog")
        self.setWindowTitle(self.tr("My signing key"))
        self.setMinimumWidth(620)
        self._identity = identity
        self.make_requested = False
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("myFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = fingerprint_font()
        big.setPointSize(big.pointSize() + 6)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.comparison = QLabel(self)
        self.comparison.setObjectName("keyComparison")
        self.comparison.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("&Save public key as…"), self)
        self.save_button.setObjectName("savePublicKey")
        self.make_button = QPushButton(self.tr("&Make my key pair…"), self)
        self.make_button.setObjectName("makeKeyPair")
        form = QFormLayout()
        form.addRow(self.tr("Member:"), QLabel(member_id, self))
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.comparison)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.save_button.clicked.connect(self.save_public_key)
        self.make_button.clicked.connect(self._make)
        if identity is None:
            self.fingerprint.setText("—")
            self.comparison.setText(self.tr(
                "You have no signing key on this computer yet. Make one: it signs the ratings you send to the "
                "secretary, and its passphrase protects it."))
            self.where.setText("")
        else:
            self.fingerprint.setText(identity.fingerprint)
            self.comparison.setText(self._comparison(member_id, identity, panel))
            self.where.setText(self.tr("Private key (never leaves this computer): {0}\nPublic key: {1}").format(
                private_key_path(member_id), public_key_path(member_id)))
        self.save_button.setEnabled(identity is not None)
        self.make_button.setVisible(identity is None)

    def _comparison(self, member_id: str, identity: Identity, panel: Panel | None) -> str:
        if panel is None or not panel.has_member(member_id):
            return self.tr("Read this fingerprint aloud to the secretary when you hand over your public key.")
        recorded = panel.member(member_id).public_key
        if recorded is None:
            return self.tr("The panel has no public key recorded for you yet: hand your public key to the "
                           "secretary.")
        if recorded == identity.public_key:
            return self.tr("This is the key the panel recorded for you: the fingerprints match.")
        return self.tr("WARNING: the panel recorded another key for you. Your packages will be refused until the "
                       "secretary records this one.")

    def save_public_key(self) -> Path | None:
        from ...exchange.identity import write_public_key

        if self._identity is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save public key"), f"{self._identity.member_id}.pub",
            self.tr("Public keys (*.pub)"))
        if not name:
            return None
        path = write_public_key(self._identity, Path(name))
        self.where.setText(self.where.text() + "\n" + self.tr("Saved a copy: {0}").format(path))
        return path

    def _make(self) -> None:
        self.make_requested = True
        self.accept()
