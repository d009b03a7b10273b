"""A decision that must be explained (take a member off the panel, withdraw a conflict, reopen): the reason is
required, and OK stays disabled without one. Optionally the person first picks what the decision is about."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """After exec(): `reason` holds the text, and `choice` the data of the chosen item when there were choices."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None, *,
                 choices: Sequence[tuple[str, object]] = (), ok_text: str | None = None):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.reason = ""
        self.choice: object = None
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.choice_combo = QComboBox(self)
        self.choice_combo.setObjectName("reasonChoice")
        for text, data in choices:
            self.choice_combo.addItem(text, data)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Why (required; it is kept in the history)"))
        self.reason_edit.setTabChangesFocus(True)
        form = QFormLayout()
        if choices:
            form.addRow(self.tr("&Which:"), self.choice_combo)
        else:
            self.choice_combo.hide()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        if ok_text:
            self.ok_button().setText(ok_text)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self._check()
        self.reason_edit.setFocus()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _check(self) -> None:
        self.ok_button().setEnabled(bool(self.reason_edit.toPlainText().strip()))

    def _accept(self) -> None:
        if not self.reason_edit.toPlainText().strip():
            return
        self.reason = self.reason_edit.toPlainText().strip()
        self.choice = self.choice_combo.currentData()
        self.accept()
