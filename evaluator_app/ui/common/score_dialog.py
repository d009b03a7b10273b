"""A score and, always, the reason for it: the committee's adjusted score and the chair's consensus value.

OK stays disabled until the score is a number between 0 and the framework's maximum and a reason is typed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from ...domain.numbers import NumberFormatError, parse_decimal


# Strings here are looked up under this class's own context (QCoreApplication.translate, not self.tr): self.tr() in
# a base class uses the subclass's name at run time, which lupdate cannot see.
class ScoreWithReasonDialog(QDialog):
    """The score field, the reason field, the problem line and OK/Cancel; a subclass lays them out with what it
    shows beside them. After exec() (accepted): `score` and `reason`."""

    def __init__(self, max_score: Decimal, parent: QWidget | None = None):
        super().__init__(parent)
        self._max = max_score
        self.score: Decimal | None = None
        self.reason = ""
        self.score_edit = QLineEdit(self)
        self.score_edit.setPlaceholderText(
            QCoreApplication.translate("ScoreWithReasonDialog", "0 to {0}").format(max_score))
        self.reason_edit = QPlainTextEdit(self)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.score_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)

    # --- what a subclass says ------------------------------------------------------------------------------------

    def no_score_text(self) -> str:
        raise NotImplementedError

    def no_reason_text(self) -> str:
        raise NotImplementedError

    # --- checking ------------------------------------------------------------------------------------------------

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _parsed(self) -> tuple[Decimal | None, str]:
        text = self.score_edit.text().strip()
        if not text:
            return None, self.no_score_text()
        try:
            value = parse_decimal(text)
        except NumberFormatError:
            return None, QCoreApplication.translate("ScoreWithReasonDialog",
                                                   "The score must be a number, got '{0}'.").format(text)
        if not 0 <= value <= self._max:
            return None, QCoreApplication.translate("ScoreWithReasonDialog",
                                                   "The score must lie between 0 and {0}.").format(self._max)
        if not self.reason_edit.toPlainText().strip():
            return value, self.no_reason_text()
        return value, ""

    def _check(self) -> None:
        _value, problem = self._parsed()
        self.problem.setText(problem)
        self.ok_button().setEnabled(not problem)

    def _accept(self) -> None:
        value, problem = self._parsed()
        if problem or value is None:
            self._check()
            return
        self.score = value
        self.reason = self.reason_edit.toPlainText().strip()
        self.accept()
