"""Table models of the panel setup dialog: the members in signing order with their key fingerprints, and the
declared conflicts of interest."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.panel import ConflictOfInterest, Panel, PanelMember
from ..common.identity_dialogs import fingerprint_font
from ..common.panel_texts import conflict_type_text, role_text

Index = QModelIndex | QPersistentModelIndex
NO_KEY_FOREGROUND = QColor("#7a5b00")


class MembersModel(QAbstractTableModel):
    COLUMNS = ("order", "id", "name", "position", "role", "fingerprint")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._members: list[PanelMember] = []

    def set_panel(self, panel: Panel | None) -> None:
        self.beginResetModel()
        self._members = [] if panel is None else list(panel.in_signing_order())
        self.endResetModel()

    def member(self, row: int) -> PanelMember:
        return self._members[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "order": self.tr("Order"), "id": self.tr("Id"), "name": self.tr("Name"),
            "position": self.tr("Position"), "role": self.tr("Role"),
            "fingerprint": self.tr("Key fingerprint (compare aloud)"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member, key = self._members[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "order":
                return str(index.row() + 1)
            if key == "role":
                return role_text(member.role)
            if key == "fingerprint":
                return member.fingerprint or self.tr("no public key yet")
            return getattr(member, key)
        if role == Qt.ItemDataRole.FontRole and key == "fingerprint" and member.fingerprint:
            return fingerprint_font()
        if role == Qt.ItemDataRole.ForegroundRole and key == "fingerprint" and not member.fingerprint:
            return NO_KEY_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole and key == "order":
            return self.tr("Signing order on the report") if member.order else self.tr(
                "Signing order on the report (by role: no order set)")
        return None


class ConflictsModel(QAbstractTableModel):
    COLUMNS = ("member", "agency", "type", "reason")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._conflicts: list[ConflictOfInterest] = []
        self._names: dict[str, str] = {}

    def set_panel(self, panel: Panel | None) -> None:
        self.beginResetModel()
        self._conflicts = [] if panel is None else list(panel.conflicts)
        self._names = {} if panel is None else {m.id: m.name for m in panel.members}
        self.endResetModel()

    def conflict(self, row: int) -> ConflictOfInterest:
        return self._conflicts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {"member": self.tr("Member"), "agency": self.tr("Agency"), "type": self.tr("Type"),
                "reason": self.tr("Reason")}[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._conflicts):
            return None
        item, key = self._conflicts[index.row()], self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "member":
                name = self._names.get(item.member_id)
                return f"{item.member_id} ({name})" if name else item.member_id
            if key == "type":
                return conflict_type_text(item.type)
            return item.agency if key == "agency" else item.reason
        return None
