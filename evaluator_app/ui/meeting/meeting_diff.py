"""Compare any two versions: the newer one's table with changed cells highlighted (the value before in the
tooltip), added indicators in green and removed ones struck through at the end."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.negotiation import AgreementVersion, author_label
from ...domain.version_diff import VersionDiff, diff_indicators
from ..common.language import THAI, Retranslating, current_language
from .meeting_model import VersionTableModel
from .meeting_view import MeetingTableView
from .tool_windows import add_close_keys

COMPARED_ROWS = 13  # twelve indicators and the total at least, as in meeting mode


def version_title(version: AgreementVersion) -> str:
    """"Version 3 · proposal · committee" in the interface language (the labels are the domain's, th and en)."""
    th, en = version.label()
    side_th, side_en = author_label(version.author)
    thai = current_language() == THAI
    word = QCoreApplication.translate("VersionTitle", "Version {0}").format(version.number)
    return f"{word} · {th if thai else en} · {side_th if thai else side_en}"


class DiffDialog(Retranslating, QDialog):
    def __init__(self, versions: Sequence[AgreementVersion], old: int, new: int, threshold_count: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.versions = list(versions)
        self.diff: VersionDiff | None = None
        self.old_label = QLabel(self)
        self.new_label = QLabel(self)
        self.old_combo = QComboBox(self)
        self.old_combo.setObjectName("diffOld")
        self.new_combo = QComboBox(self)
        self.new_combo.setObjectName("diffNew")
        self.old_label.setBuddy(self.old_combo)
        self.new_label.setBuddy(self.new_combo)
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.model = VersionTableModel(threshold_count, self)
        self.model.show_before = True
        self.view = MeetingTableView(self)
        self.view.setObjectName("diffTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(MeetingTableView.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        choose = QHBoxLayout()
        choose.addWidget(self.old_label)
        choose.addWidget(self.old_combo, 1)
        choose.addSpacing(24)
        choose.addWidget(self.new_label)
        choose.addWidget(self.new_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        self._fill(old, new)
        self.old_combo.currentIndexChanged.connect(lambda _i: self.compare())
        self.new_combo.currentIndexChanged.connect(lambda _i: self.compare())
        add_close_keys(self, self.reject)
        self.largest_type = 0.0  # set by the window that opens it: its own table's type
        self.fitted = False
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self.retranslate()
        self.compare()

    def fit(self) -> None:
        """Compact rows: the type at which up to twelve indicators and the total fit (issue 14: two or three did)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        largest = self.largest_type or QApplication.font().pointSizeF()
        self.view.fit_type(max(min(self.model.rowCount(), COMPARED_ROWS), 1), largest)
        self.fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitted = False
        self._fit_timer.start()

    def _fill(self, old: int, new: int) -> None:
        for combo, chosen in ((self.old_combo, old), (self.new_combo, new)):
            combo.blockSignals(True)
            combo.clear()
            for version in self.versions:
                combo.addItem(version_title(version), version.number)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _version(self, combo: QComboBox) -> AgreementVersion:
        number = combo.currentData()
        return next(v for v in self.versions if v.number == number)

    def set_versions(self, old: int, new: int) -> None:
        self.old_combo.setCurrentIndex(self.old_combo.findData(old))
        self.new_combo.setCurrentIndex(self.new_combo.findData(new))
        self.compare()

    def compare(self) -> None:
        old, new = self._version(self.old_combo), self._version(self.new_combo)
        self.diff = diff_indicators(old.indicators, new.indicators)
        rows = self.model.rowCount()
        self.model.load(new.indicators, diff=self.diff, removed=self.diff.removed)
        self.view.fit_columns()
        if rows != self.model.rowCount() and self.isVisible():
            self.fitted = False
            self._fit_timer.start()
        if self.diff.empty:
            self.summary.setText(self.tr("No difference between version {0} and version {1}.").format(
                old.number, new.number))
            return
        cells = len(self.diff.changed)
        self.summary.setText(self.tr("From version {0} to version {1}: {2} cell(s) changed, {3} indicator(s) "
                                     "added, {4} removed.").format(old.number, new.number, cells,
                                                                   len(self.diff.added), len(self.diff.removed)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare versions"))
        self.old_label.setText(self.tr("&Compare version:"))
        self.new_label.setText(self.tr("&with version:"))
        self.legend.setText(self.tr("Yellow with a blue corner: changed (before → after). "
                                    "Green: added. Grey, struck through: removed."))
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        if self.versions:
            self._fill(self._version(self.old_combo).number, self._version(self.new_combo).number)
            self.model.relabel()
            self.compare()

