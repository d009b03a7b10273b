"""Panel → Submit my ratings…: the member reads the panel's declaration of independence and confidentiality and
confirms it; Submit stays disabled until they tick it. The text they confirmed is stored with the submission."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class SubmitDialog(QDialog):
    def __init__(self, member: str, agreement: str, round_: int, declaration: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("submitDialog")
        self.setWindowTitle(self.tr("Submit my ratings"))
        self.resize(640, 460)
        heading = QLabel(
            html.escape(self.tr("Submit the ratings of {0} for {1}, round {2} months.").format(
                member, agreement, round_)) + "<br/><small>" + html.escape(self.tr(
                    "After submitting, only the chair can reopen them, with a reason.")) + "</small>", self)
        heading.setWordWrap(True)
        self.declaration = QPlainTextEdit(declaration, self)
        self.declaration.setObjectName("declarationText")
        self.declaration.setReadOnly(True)
        self.confirm = QCheckBox(self.tr("I have read and &confirm this declaration"), self)
        self.confirm.setObjectName("confirmDeclaration")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button: QPushButton = self.buttons.addButton(self.tr("&Submit"),
                                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm.toggled.connect(self.submit_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Declaration of independence and confidentiality:"), self))
        layout.addWidget(self.declaration, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if self.confirm.isChecked():
            self.accept()
