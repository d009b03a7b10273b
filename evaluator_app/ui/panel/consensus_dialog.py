"""The chair enters the score the meeting agreed for one indicator, with the reason (OK stays disabled without
one); the members' scores and their spread are shown beside it."""

from __future__ import annotations

import html
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

from ...domain.aggregation import IndicatorAggregate
from ...domain.numbers import NumberFormatError, format4, parse_decimal
from ...domain.panel import AggregationRule
from ..common.panel_texts import rule_text


class ConsensusDialog(QDialog):
    """After exec(): `score` and `reason`."""

    def __init__(self, item: IndicatorAggregate, rule: AggregationRule, max_score: Decimal,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consensusDialog")
        self.setWindowTitle(self.tr("Consensus of indicator {0}").format(item.code))
        self.setMinimumWidth(560)
        self._max = max_score
        self.score: Decimal | None = None
        self.reason = ""
        heading = QLabel(f"<b>{html.escape(item.code)}</b> {html.escape(item.name)}", self)
        heading.setWordWrap(True)
        scores = ", ".join(f"{m} {'–' if s is None else format4(s)}" for m, s in item.member_scores)
        summary = item.summary
        spread = self.tr("no member has rated it yet") if summary is None else self.tr(
            "mean {0} · median {1} · min {2} · max {3} · spread {4}").format(
            format4(summary.mean), format4(summary.median), format4(summary.minimum), format4(summary.maximum),
            format4(summary.spread))
        self.score_edit = QLineEdit(self)
        self.score_edit.setObjectName("consensusScore")
        self.score_edit.setPlaceholderText(self.tr("0 to {0}").format(max_score))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("consensusReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("What the meeting agreed, and why (required)"))
        if item.consensus is not None:
            self.score_edit.setText(format4(item.consensus.score))
            self.reason_edit.setPlainText(item.consensus.reason)
        self.problem = QLabel(self)
        self.problem.setObjectName("consensusProblem")
        self.problem.setStyleSheet("color: #a31515")
        self.problem.setWordWrap(True)
        rule_label = QLabel(rule_text(rule), self)
        rule_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Members' scores:"), self._wrapped(scores or "–"))
        self.summary = self._wrapped(spread)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.tr("Panel figure by:"), rule_label)
        form.addRow(self.tr("Consensus &score:"), self.score_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        if rule is not AggregationRule.CONSENSUS:
            note = QLabel(self.tr("The panel figure follows the rule above; the consensus value is recorded, and "
                                  "counts if the rule is set to consensus."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.score_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()
        self.score_edit.setFocus()

    def _wrapped(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _parsed(self) -> tuple[Decimal | None, str]:
        text = self.score_edit.text().strip()
        if not text:
            return None, self.tr("Type the score the meeting agreed.")
        try:
            value = parse_decimal(text)
        except NumberFormatError:
            return None, self.tr("The score must be a number, got '{0}'.").format(text)
        if not 0 <= value <= self._max:
            return None, self.tr("The score must lie between 0 and {0}.").format(self._max)
        if not self.reason_edit.toPlainText().strip():
            return value, self.tr("A consensus value needs a reason.")
        return value, ""

    def _check(self) -> None:
        _value, problem = self._parsed()
        self.problem.setText(problem)
        self.ok_button().setEnabled(not problem)

    def _accept(self) -> None:
        value, problem = self._parsed()
        if problem or value is None:
            return
        self.score = value
        self.reason = self.reason_edit.toPlainText().strip()
        self.accept()
