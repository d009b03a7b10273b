"""What-if, side by side: the latest results scored under the version on screen and under the agreed version in
force for that round, recomputed as weights are typed (the results are read once; scoring is pure and quick)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ...domain.negotiation import WhatIf, what_if
from ...domain.numbers import format4
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...domain.scoring import ScoreSheet
from ..common.language import Retranslating
from .meeting_document import MeetingDocument

ELIGIBLE_COLOUR = "#0a5c16"
NOT_ELIGIBLE_COLOUR = "#a00000"
INCOMPLETE_COLOUR = "#6b4e00"


class WhatIfPanel(Retranslating, QGroupBox):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("whatIf")
        self.document = document
        self.result: WhatIf | None = None
        self._round = 12
        self._ratings: dict[str, Rating] = {}
        self.evaluator_label = QLabel(self)
        self.evaluator_combo = QComboBox(self)
        self.evaluator_combo.setObjectName("whatIfEvaluator")
        self.evaluator_label.setBuddy(self.evaluator_combo)
        self.round_note = QLabel(self)
        self.round_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.heading_screen = QLabel(self)
        self.heading_agreed = QLabel(self)
        for heading in (self.heading_screen, self.heading_agreed):
            heading.setStyleSheet("font-weight: bold")
        self.total_screen = self._big("whatIfTotalScreen")
        self.total_agreed = self._big("whatIfTotalAgreed")
        self.state_screen = self._state("whatIfStateScreen")
        self.state_agreed = self._state("whatIfStateAgreed")
        self.difference = QLabel(self)
        self.difference.setObjectName("whatIfDifference")
        self.difference.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Compact, below the table: whose results and which round on one line, then the version on screen and the
        # agreed one each on a line of its own (heading, total, eligibility), then the difference.
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        chooser = QHBoxLayout()
        chooser.addWidget(self.evaluator_label)
        chooser.addWidget(self.evaluator_combo)
        chooser.addWidget(self.round_note, 1)
        self.round_note.setMinimumWidth(60)
        grid.addLayout(chooser, 0, 0, 1, 3)
        grid.addWidget(self.heading_screen, 1, 0)
        grid.addWidget(self.total_screen, 1, 1)
        grid.addWidget(self.state_screen, 1, 2)
        grid.addWidget(self.heading_agreed, 2, 0)
        grid.addWidget(self.total_agreed, 2, 1)
        grid.addWidget(self.state_agreed, 2, 2)
        chooser.addSpacing(12)
        chooser.addWidget(self.difference)
        grid.setColumnStretch(2, 1)
        self.evaluator_combo.activated.connect(lambda _position: self.load_results())
        document.indicatorsChanged.connect(self.recompute)
        document.versionsChanged.connect(self.recompute)
        self._fill_evaluators()
        self.retranslate()
        self.load_results()

    def _big(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = label.font()  # meeting mode's style sheet sizes it by its name
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        label.setFont(font)
        return label

    def _state(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _fill_evaluators(self) -> None:
        current = self.evaluator()
        self.evaluator_combo.clear()
        for evaluator in self.document.evaluators():
            text = self.tr("Self-assessment") if evaluator == SELF_ASSESSMENT else evaluator
            self.evaluator_combo.addItem(text, evaluator)
        position = self.evaluator_combo.findData(current)
        self.evaluator_combo.setCurrentIndex(max(position, 0))

    def evaluator(self) -> str:
        data = self.evaluator_combo.currentData() if self.evaluator_combo.count() else None
        return str(data) if data else SELF_ASSESSMENT

    def set_evaluator(self, evaluator: str) -> None:
        position = self.evaluator_combo.findData(evaluator)
        if position >= 0:
            self.evaluator_combo.setCurrentIndex(position)
            self.load_results()

    def load_results(self) -> None:
        """Read the chosen evaluator's latest results (once per choice), then score."""
        self._round, self._ratings = self.document.latest_results(self.evaluator())
        self.recompute()

    def recompute(self) -> None:
        document = self.document
        agreed_version, agreed = document.agreed_for_round(self._round)
        self.result = what_if(document.agreement(), agreed, self._ratings, document.framework, self._round,
                              self.evaluator())
        self.heading_screen.setText(self.tr("On screen: version {0}").format(document.version.number))
        self.heading_agreed.setText(self.tr("Agreed: version {0}").format(agreed_version.number)
                                    if agreed_version is not None else self.tr("Agreed: none yet"))
        self.round_note.setText(self.tr("Results of the {0}-month round ({1} result(s))").format(
            self._round, len(self._ratings)))
        self._show(self.result.proposed, self.total_screen, self.state_screen)
        self._show(self.result.agreed, self.total_agreed, self.state_agreed)
        difference = self.result.difference
        if difference is None:
            self.difference.setText("")
        else:
            sign = "+" if difference > 0 else ""
            text = self.tr("Difference: {0}").format(sign + format4(difference))
            if self.result.eligibility_changes:
                text += " — " + self.tr("eligibility changes")
                self.difference.setStyleSheet(f"color: {NOT_ELIGIBLE_COLOUR}; font-weight: bold")
            else:
                self.difference.setStyleSheet("")
            self.difference.setText(text)

    def _show(self, sheet: ScoreSheet | None, total: QLabel, state: QLabel) -> None:
        if sheet is None:
            total.setText("—")
            state.setText("")
            return
        total.setText(format4(sheet.total))
        threshold = format4(sheet.reward_threshold)
        if sheet.eligible is None:
            text, colour = self.tr("incomplete: {0} indicator(s) without a result").format(
                len(sheet.missing)), INCOMPLETE_COLOUR
        elif sheet.eligible:
            text, colour = self.tr("eligible (at least {0})").format(threshold), ELIGIBLE_COLOUR
        else:
            text, colour = self.tr("not eligible (below {0})").format(threshold), NOT_ELIGIBLE_COLOUR
        state.setText(text)
        state.setToolTip(text)
        state.setStyleSheet(f"color: {colour}; font-weight: bold")
        total.setStyleSheet(f"color: {colour}")

    def retranslate(self) -> None:
        self.setTitle(self.tr("What-if: total and eligibility"))
        self.evaluator_label.setText(self.tr("&Results of:"))
        self._fill_evaluators()
        if self.result is not None:
            self.recompute()
