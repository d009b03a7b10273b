"""Table models of the panel setup dialog: the members in signing order with their key fingerprints, and the
declared conflicts of interest."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ...domain.panel import ConflictOfInterest, Panel, PanelMember
from ..common.identity_dialogs import fingerprint_font
from ..common.list_model import ListTableModel
from ..common.panel_texts import conflict_type_text, role_text

NO_KEY_FOREGROUND = QColor("#7a5b00")


class MembersModel(ListTableModel[PanelMember]):
    COLUMNS = ("order", "id", "name", "position", "role", "fingerprint")

    def set_panel(self, panel: Panel | None) -> None:
        self.set_items([] if panel is None else panel.in_signing_order())

    def member(self, row: int) -> PanelMember:
        return self.item(row)

    def header(self, key: str) -> object:
        return {
            "order": self.tr("Order"), "id": self.tr("Id"), "name": self.tr("Name"),
            "position": self.tr("Position"), "role": self.tr("Role"),
            "fingerprint": self.tr("Key fingerprint (compare aloud)"),
        }[key]

    def cell(self, member: PanelMember, key: str, role: int, row: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "order":
                return str(row + 1)
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


class ConflictsModel(ListTableModel[ConflictOfInterest]):
    COLUMNS = ("member", "agency", "type", "reason")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._names: dict[str, str] = {}

    def set_panel(self, panel: Panel | None) -> None:
        self._names = {} if panel is None else {m.id: m.name for m in panel.members}
        self.set_items([] if panel is None else panel.conflicts)

    def conflict(self, row: int) -> ConflictOfInterest:
        return self.item(row)

    def header(self, key: str) -> object:
        return {"member": self.tr("Member"), "agency": self.tr("Agency"), "type": self.tr("Type"),
                "reason": self.tr("Reason")}[key]

    def cell(self, item: ConflictOfInterest, key: str, role: int, row: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "member":
                name = self._names.get(item.member_id)
                return f"{item.member_id} ({name})" if name else item.member_id
            if key == "type":
                return conflict_type_text(item.type)
            return item.agency if key == "agency" else item.reason
        return None
