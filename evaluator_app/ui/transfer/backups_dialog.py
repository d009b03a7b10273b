"""File → Back up now, and File → Restore from backup…: the workspace's backups listed newest first with their
Buddhist Era dates and why each was taken; a restore keeps the current content as a backup first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.thai_dates import english_datetime, thai_datetime
from ...store import backups
from ...store.backups import Backup
from ..common.language import THAI, current_language
from ..common.list_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex


def backup_when(backup: Backup) -> str:
    """On the display clock, to the second (backups minutes apart are common): 27 พ.ย. 2569 14:32:05 in Thai."""
    if current_language() == THAI:
        return thai_datetime(backup.taken_at, seconds=True)
    return english_datetime(backup.taken_at, seconds=True)


class BackupsModel(ListTableModel[Backup]):
    COLUMNS = ("when", "reason", "size", "name")

    def set_backups(self, items: list[Backup]) -> None:
        self.set_items(items)

    def backup(self, row: int) -> Backup:
        return self.item(row)

    def reason_text(self, reason: str) -> str:
        return {
            backups.ON_OPEN: self.tr("on opening"),
            backups.BEFORE_MIGRATION: self.tr("before an upgrade of the file"),
            backups.AFTER_CHANGES: self.tr("after changes"),
            backups.MANUAL: self.tr("backed up by hand"),
            backups.BEFORE_RESTORE: self.tr("before a restore"),
        }.get(reason, reason)

    def header(self, key: str) -> object:
        return {"when": self.tr("Taken"), "reason": self.tr("Why"), "size": self.tr("Size"),
                "name": self.tr("File")}[key]

    def cell(self, item: Backup, key: str, role: int, row: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "when":
                return backup_when(item)
            if key == "reason":
                return self.reason_text(item.reason)
            if key == "size":
                return self.tr("{0} KB").format(max(1, round(item.size / 1024)))
            return item.name
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return str(item.path)
        return None


class RestoreDialog(QDialog):
    """Choose a backup; after exec() (accepted), `chosen` is the backup to restore."""

    def __init__(self, workspace_name: str, items: list[Backup], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(820, 460)
        self.chosen: Backup | None = None
        text = QLabel(self.tr("Choose the backup of {0} to go back to. The workspace as it is now is kept as a "
                              "backup first, so a restore can itself be undone.").format(workspace_name), self)
        text.setWordWrap(True)
        self.model = BackupsModel(self)
        self.model.set_backups(items)
        self.view = QTableView(self)
        self.view.setObjectName("backups")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("There are no backups of this workspace yet."), self)
        self.empty.setVisible(not items)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button: QPushButton = self.buttons.addButton(self.tr("&Restore"),
                                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self._check())
        self.view.doubleClicked.connect(lambda _index: self._accept())
        self._check()

    def _selected(self) -> Backup | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _check(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _accept(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.chosen = chosen
            self.accept()
