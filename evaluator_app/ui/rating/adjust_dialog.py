"""The committee's adjusted score: a score and, always, the reason for it (OK stays disabled without one)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.numbers import format4
from ..common.score_dialog import ScoreWithReasonDialog


class AdjustScoreDialog(ScoreWithReasonDialog):
    """After exec(): `removed` is True when the adjustment was taken away, else `score` and `reason` are set."""

    def __init__(self, code: str, name: str, computed: Decimal | None, current: Decimal | None,
                 current_reason: str | None, max_score: Decimal, parent: QWidget | None = None):
        super().__init__(max_score, parent)
        self.setObjectName("adjustScoreDialog")
        self.setWindowTitle(self.tr("Adjust score of indicator {0}").format(code))
        self.removed = False
        heading = QLabel(f"{code} {name}", self)
        heading.setWordWrap(True)
        computed_text = "-" if computed is None else format4(computed)
        self.score_edit.setObjectName("adjustedScore")
        if current is not None:
            self.score_edit.setText(format4(current))
        self.reason_edit.setObjectName("adjustReason")
        self.reason_edit.setPlaceholderText(self.tr("Why the committee sets this score (required)"))
        if current_reason:
            self.reason_edit.setPlainText(current_reason)
        self.problem.setObjectName("adjustProblem")
        form = QFormLayout()
        form.addRow(self.tr("Score from the result:"), QLabel(computed_text, self))
        form.addRow(self.tr("Adjusted &score:"), self.score_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.remove_button: QPushButton | None = None
        if current is not None:
            self.remove_button = self.buttons.addButton(self.tr("Remove adjustment"),
                                                        QDialogButtonBox.ButtonRole.DestructiveRole)
            self.remove_button.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    def no_score_text(self) -> str:
        return self.tr("Type the adjusted score.")

    def no_reason_text(self) -> str:
        return self.tr("An adjusted score needs a reason.")

    def _remove(self) -> None:
        self.removed = True
        self.accept()
