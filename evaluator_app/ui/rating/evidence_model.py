"""Evidence files of one indicator as a table: name, size, who attached it and when, and whether the copy is intact."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.thai_dates import english_datetime_from_iso, thai_datetime_from_iso
from ...store.evidence import EvidenceFile, EvidenceState, evidence_path, evidence_state, list_evidence
from ..common.language import THAI, current_language
from ..common.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex

_COLUMNS = ("name", "size", "by", "added", "state")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - the loop always returns


class EvidenceModel(QAbstractTableModel):
    def __init__(self, session: WorkspaceSession, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._items: list[EvidenceFile] = []
        self._states: list[EvidenceState] = []
        # Hashing a large file on every click would be slow: a copy whose size and mtime are unchanged keeps its
        # last verdict; any write to it changes the mtime and forces a fresh check.
        self._verdicts: dict[tuple[str, int, int], EvidenceState] = {}

    def load(self, agreement_id: int | None, code: str | None) -> None:
        self.beginResetModel()
        if agreement_id is None or not code:
            self._items = []
        else:
            self._items = list_evidence(self._session.workspace, agreement_id, code)
        self._states = [self._state(item) for item in self._items]
        self.endResetModel()

    def _state(self, item: EvidenceFile) -> EvidenceState:
        path = evidence_path(self._session.workspace, item)
        try:
            stat = path.stat()
        except OSError:
            return EvidenceState.MISSING
        key = (item.sha256, stat.st_size, stat.st_mtime_ns)
        if key not in self._verdicts:
            self._verdicts[key] = evidence_state(self._session.workspace, item)
        return self._verdicts[key]

    def item(self, row: int) -> EvidenceFile:
        return self._items[row]

    def state(self, row: int) -> EvidenceState:
        return self._states[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(_COLUMNS):
            return None
        return {"name": self.tr("File"), "size": self.tr("Size"), "by": self.tr("Attached by"),
                "added": self.tr("Attached"), "state": self.tr("Check")}[_COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, state = self._items[index.row()], self._states[index.row()]
        key = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return item.file_name
            if key == "size":
                return human_size(item.size)
            if key == "by":
                return item.evaluator
            if key == "added":
                if current_language() == THAI:
                    return thai_datetime_from_iso(item.added_at)
                return english_datetime_from_iso(item.added_at)
            return self._state_text(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"SHA-256 {item.sha256}"
        if role == Qt.ItemDataRole.ForegroundRole and key == "state" and state is not EvidenceState.OK:
            return QBrush(QColor("#a31515"))
        return None

    def _state_text(self, state: EvidenceState) -> str:
        if state is EvidenceState.OK:
            return self.tr("intact")
        if state is EvidenceState.CHANGED:
            return self.tr("changed since attached")
        return self.tr("missing")
