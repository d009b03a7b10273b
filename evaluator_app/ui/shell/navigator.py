"""The navigator pane: a search box over agency names and indicator text, and the year → agency → agreement tree."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...store.agreements import list_agreements
from ...store.ui_queries import search_agreements
from ..common.session import WorkspaceSession
from .navigator_model import AGREEMENT_ID_ROLE, NavigatorFilter, NavigatorModel

_SEARCH_DELAY_MS = 200  # wait for a pause in typing: one query per pause, not per key


class NavigatorPanel(QWidget):
    agreementSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._session: WorkspaceSession | None = None
        self.model = NavigatorModel(self)
        self.filter = NavigatorFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("navigator")
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._retranslate()

    def set_session(self, session: WorkspaceSession | None) -> None:
        self._session = session
        self.reload()

    def reload(self) -> None:
        """Re-read the agreement list (one query) and keep the current selection where it still exists."""
        current = self.selected_agreement()
        self.model.set_agreements([] if self._session is None else list_agreements(self._session.workspace))
        self.apply_search()
        if current is not None:
            self.select_agreement(current, emit=False)

    def apply_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text or self._session is None:
            self.filter.set_visible(None)
        else:
            self.filter.set_visible(search_agreements(self._session.workspace, text))
        self.tree.expandAll()

    def selected_agreement(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(AGREEMENT_ID_ROLE) if index.isValid() else None
        return None if value is None else int(value)

    def select_agreement(self, agreement_id: int, *, emit: bool = True) -> bool:
        source = self.model.index_of_agreement(agreement_id)
        index = self.filter.mapFromSource(source)
        if not index.isValid():
            return False
        if not emit:
            self.tree.selectionModel().blockSignals(True)
        try:
            self.tree.setCurrentIndex(index)
        finally:
            self.tree.selectionModel().blockSignals(False)
        self.tree.scrollTo(index)
        return True

    def index_of_agreement(self, agreement_id: int) -> QModelIndex:
        return self.filter.mapFromSource(self.model.index_of_agreement(agreement_id))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        value = indexes[0].data(AGREEMENT_ID_ROLE)
        if value is not None:
            self.agreementSelected.emit(int(value))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search agency or indicator (Ctrl+F)"))
        self.model.relabel()
