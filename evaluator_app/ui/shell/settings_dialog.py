"""Settings: who is evaluating in this workspace (a workspace setting) and the interface language (this computer)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.rating import SELF_ASSESSMENT
from ..common.language import ENGLISH, THAI


class SettingsDialog(QDialog):
    def __init__(self, evaluator: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.evaluator_edit = QLineEdit(evaluator, self)
        self.evaluator_edit.setObjectName("evaluatorId")
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        self.language_combo.addItem("ไทย", THAI)
        self.language_combo.addItem("English", ENGLISH)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        hint = QLabel(self.tr("Your results are recorded under this evaluator id in this workspace. "
                              "The agency's own results use the id \"{0}\".").format(SELF_ASSESSMENT), self)
        hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a31515")
        form = QFormLayout(self)
        form.addRow(self.tr("&Evaluator id:"), self.evaluator_edit)
        form.addRow("", hint)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow("", self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.evaluator_edit.textChanged.connect(self._check)
        self._check()

    def evaluator(self) -> str:
        return self.evaluator_edit.text().strip()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def _check(self) -> None:
        ident = self.evaluator()
        if not ident:
            problem = self.tr("The evaluator id cannot be empty.")
        elif ident == SELF_ASSESSMENT:
            problem = self.tr("\"{0}\" is reserved for the agency's self-assessment.").format(SELF_ASSESSMENT)
        else:
            problem = ""
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
