"""The first panel package on a member's laptop (or one signed by a new key of the secretary): the secretary's key
fingerprint, large, to be read aloud and compared with her before anything is installed."""

from __future__ import annotations

import html

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class TrustDialog(QDialog):
    def __init__(self, fingerprint: str, signer: str, trusted: str | None, file_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trustDialog")
        self.setWindowTitle(self.tr("Confirm the secretary's key"))
        self.setMinimumWidth(560)
        if trusted is None:
            text = self.tr("{0} is the first panel package on this computer. It is signed by the secretary ({1}). "
                           "Read the fingerprint below aloud with the secretary, in person or by telephone; "
                           "import only if it matches hers. From then on, only packages signed by this key are "
                           "accepted.").format(file_name, signer)
        else:
            text = self.tr("{0} is signed by another key than the secretary's key trusted on this computer "
                           "({1}), and the old key did not vouch for it. Trust the new key only if the secretary "
                           "tells you she changed it and the fingerprint below matches hers.").format(
                file_name, trusted)
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        self.fingerprint = QLabel(html.escape(fingerprint), self)
        self.fingerprint.setObjectName("trustFingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 10) + 8)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.confirm = QCheckBox(self.tr("I compared it aloud with the secretary: it matches"), self)
        self.confirm.setObjectName("trustConfirm")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.trust_button = QPushButton(self.tr("Trust and import"), self)
        self.trust_button.setObjectName("trustButton")
        self.trust_button.setEnabled(False)
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.toggled.connect(self.trust_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
