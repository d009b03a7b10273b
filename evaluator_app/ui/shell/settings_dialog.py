"""Settings: who you are in this workspace (chosen among the panel's members, or your name), the clock times are shown
and printed on (a workspace setting), and the interface language (this computer)."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ...domain.thai_dates import DEFAULT_ZONE, zone_named
from ..common.language import ENGLISH, THAI

_REGIONS = {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian",
            "Pacific"}


class SettingsDialog(QDialog):
    def __init__(self, identity: str, language: str, zone: str, choose_identity: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._choose_identity = choose_identity
        self.identity_label = QLabel(identity, self)
        self.identity_label.setObjectName("identityName")
        self.identity_button = QPushButton(self.tr("&Change…"), self)
        self.identity_button.setObjectName("changeIdentity")
        self.identity_button.clicked.connect(self._change_identity)
        who = QHBoxLayout()
        who.addWidget(self.identity_label, 1)
        who.addWidget(self.identity_button)
        hint = QLabel(self.tr("Your results are recorded under this name in this workspace."), self)
        hint.setWordWrap(True)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        self.language_combo.addItem("ไทย", THAI)
        self.language_combo.addItem("English", ENGLISH)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        self.zone_combo = QComboBox(self)
        self.zone_combo.setObjectName("timeZone")
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The zones of the world by region and city (Asia/Bangkok), and UTC; not the database's old aliases
        # (Cuba, EST5EDT, US/Eastern), which name the same clocks again.
        zones = sorted({z for z in available_timezones() if z.split("/")[0] in _REGIONS} | {DEFAULT_ZONE, "UTC"})
        self.zone_combo.addItems([DEFAULT_ZONE, *[z for z in zones if z != DEFAULT_ZONE]])
        self.zone_combo.setCurrentText(zone)
        zone_hint = QLabel(self.tr("Times in the window and on the papers of this workspace are on this clock "
                                   "(Buddhist Era dates)."), self)
        zone_hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a31515")
        form = QFormLayout(self)
        form.addRow(self.tr("You are:"), who)
        form.addRow("", hint)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Time zone:"), self.zone_combo)
        form.addRow("", zone_hint)
        form.addRow("", self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.zone_combo.editTextChanged.connect(lambda _text: self._check())
        self._check()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def time_zone(self) -> str:
        return self.zone_combo.currentText().strip() or DEFAULT_ZONE

    def _change_identity(self) -> None:
        self.identity_label.setText(self._choose_identity())

    def _check(self) -> None:
        try:
            zone_named(self.time_zone())
            problem = ""
        except ValueError:
            problem = self.tr("Unknown time zone \"{0}\": choose one from the list, e.g. Asia/Bangkok.").format(
                self.time_zone())
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
