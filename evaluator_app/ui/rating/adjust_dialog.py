"""The committee's adjusted score: a score and, always, the reason for it (OK stays disabled without one)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import NumberFormatError, format4, parse_decimal


class AdjustScoreDialog(QDialog):
    """After exec(): `removed` is True when the adjustment was taken away, else `score` and `reason` are set."""

    def __init__(self, code: str, name: str, computed: Decimal | None, current: Decimal | None,
                 current_reason: str | None, max_score: Decimal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adjustScoreDialog")
        self.setWindowTitle(self.tr("Adjust score of indicator {0}").format(code))
        self._max = max_score
        self.score: Decimal | None = None
        self.reason = ""
        self.removed = False
        heading = QLabel(f"{code} {name}", self)
        heading.setWordWrap(True)
        computed_text = "-" if computed is None else format4(computed)
        self.score_edit = QLineEdit(self)
        self.score_edit.setObjectName("adjustedScore")
        self.score_edit.setPlaceholderText(self.tr("0 to {0}").format(max_score))
        if current is not None:
            self.score_edit.setText(format4(current))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("adjustReason")
        self.reason_edit.setPlaceholderText(self.tr("Why the committee sets this score (required)"))
        if current_reason:
            self.reason_edit.setPlainText(current_reason)
        self.problem = QLabel(self)
        self.problem.setObjectName("adjustProblem")
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Score from the result:"), QLabel(computed_text, self))
        form.addRow(self.tr("Adjusted &score:"), self.score_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.remove_button: QPushButton | None = None
        if current is not None:
            self.remove_button = self.buttons.addButton(self.tr("Remove adjustment"),
                                                        QDialogButtonBox.ButtonRole.DestructiveRole)
            self.remove_button.clicked.connect(self._remove)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.score_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _parsed(self) -> tuple[Decimal | None, str]:
        text = self.score_edit.text().strip()
        if not text:
            return None, self.tr("Type the adjusted score.")
        try:
            value = parse_decimal(text)
        except NumberFormatError:
            return None, self.tr("The score must be a number, got '{0}'.").format(text)
        if not 0 <= value <= self._max:
            return None, self.tr("The score must lie between 0 and {0}.").format(self._max)
        if not self.reason_edit.toPlainText().strip():
            return value, self.tr("An adjusted score needs a reason.")
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

    def _remove(self) -> None:
        self.removed = True
        self.accept()
