"""The chair enters the score the meeting agreed for one indicator, with the reason (OK stays disabled without
one); the members' scores and their spread are shown beside it."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.aggregation import IndicatorAggregate
from ...domain.numbers import format4
from ...domain.panel import AggregationRule
from ..common.panel_texts import rule_text
from ..common.score_dialog import ScoreWithReasonDialog


class ConsensusDialog(ScoreWithReasonDialog):
    """After exec(): `score` and `reason`."""

    def __init__(self, item: IndicatorAggregate, rule: AggregationRule, max_score: Decimal,
                 parent: QWidget | None = None):
        super().__init__(max_score, parent)
        self.setObjectName("consensusDialog")
        self.setWindowTitle(self.tr("Consensus of indicator {0}").format(item.code))
        self.setMinimumWidth(560)
        heading = QLabel(f"<b>{html.escape(item.code)}</b> {html.escape(item.name)}", self)
        heading.setWordWrap(True)
        scores = ", ".join(f"{m} {'–' if s is None else format4(s)}" for m, s in item.member_scores)
        summary = item.summary
        spread = self.tr("no member has rated it yet") if summary is None else self.tr(
            "mean {0} · median {1} · min {2} · max {3} · spread {4}").format(
            format4(summary.mean), format4(summary.median), format4(summary.minimum), format4(summary.maximum),
            format4(summary.spread))
        self.score_edit.setObjectName("consensusScore")
        self.reason_edit.setObjectName("consensusReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("What the meeting agreed, and why (required)"))
        if item.consensus is not None:
            self.score_edit.setText(format4(item.consensus.score))
            self.reason_edit.setPlainText(item.consensus.reason)
        self.problem.setObjectName("consensusProblem")
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
        layout.addWidget(self.buttons)
        self._check()
        self.score_edit.setFocus()

    def _wrapped(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    def no_score_text(self) -> str:
        return self.tr("Type the score the meeting agreed.")

    def no_reason_text(self) -> str:
        return self.tr("A consensus value needs a reason.")
