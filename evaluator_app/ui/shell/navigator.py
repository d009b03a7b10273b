"""The navigator pane: a search box over agency names and indicator text, and the year → agency → agreement tree;
a hint says what to do when the workspace has no agreements, and a search that finds nothing says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...store.agreement_list import AgreementSummary
from ..common.language import Retranslating
from .navigator_model import AGREEMENT_ID_ROLE, NavigatorFilter, NavigatorModel

if TYPE_CHECKING:  # the pane is painted before the session (and the store behind it) is loaded
    from ..common.session import WorkspaceSession

_SEARCH_DELAY_MS = 200  # wait for a pause in typing: one query per pause, not per key


class NavigatorPanel(Retranslating, QWidget):
    agreementSelected = Signal(int)
    importRequested = Signal()  # the empty workspace's hint: import agreement workbooks
    demoRequested = Signal()  # the empty workspace's hint: try the demo workspace

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._session: WorkspaceSession | None = None
        self._reveal_when_shown: int | None = None  # the agreement to scroll to once the pane is shown
        self.model = NavigatorModel(self)
        self.filter = NavigatorFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("navigator")
        # The list itself while nothing is searched, the filter only while a search is on: a proxy over the tree
        # costs some 10 ms of Python callbacks when the tree is expanded, which the first paint does without.
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Shown instead of an empty tree: what to do in an empty workspace, or that the search found nothing.
        self.hint = QWidget(self)
        self.hint.setObjectName("navigatorHint")
        self.hint_text = QLabel(self.hint)
        self.hint_text.setObjectName("navigatorHintText")
        self.hint_text.setWordWrap(True)
        self.import_button = QPushButton(self.hint)
        self.import_button.setObjectName("hintImport")
        self.demo_button = QPushButton(self.hint)
        self.demo_button.setObjectName("hintDemo")
        self.clear_button = QPushButton(self.hint)
        self.clear_button.setObjectName("hintClearSearch")
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        self.clear_button.clicked.connect(self._clear_search)
        hint_layout = QVBoxLayout(self.hint)
        hint_layout.setContentsMargins(8, 8, 8, 8)
        hint_layout.addWidget(self.hint_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        hint_layout.addLayout(buttons)
        hint_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate()

    def show_summaries(self, summaries: list[AgreementSummary] | None) -> None:
        """The first paint's list, read before the workspace is open (store/agreement_list.py); None (the file
        could not be read as it is) shows neither the list nor the empty workspace's hint until the session comes."""
        if summaries is None:
            self.hint.hide()
            self.tree.hide()
            return
        self.model.set_agreements(summaries)
        self.apply_search()

    def set_session(self, session: WorkspaceSession | None) -> None:
        self._session = session
        self.reload()

    def reload(self) -> None:
        """Re-read the agreement list (one query) and keep the current selection where it still exists."""
        from ...store.agreements import list_agreements

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
            self._show(self.model)
        else:
            from ...store.ui_queries import search_agreements

            self.filter.set_visible(search_agreements(self._session.workspace, text))
            self._show(self.filter)
        self.tree.expandAll()
        self._update_hint()

    def _show(self, model: NavigatorModel | NavigatorFilter) -> None:
        """Put the whole list or the search's filter in the tree, keeping the agreement selected."""
        if self.tree.model() is model:
            return
        current = self.selected_agreement()
        self.tree.setModel(model)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        if current is not None:
            self.select_agreement(current, emit=False)

    def _in_tree(self, source: QModelIndex) -> QModelIndex:
        return source if self.tree.model() is self.model else self.filter.mapFromSource(source)

    def state(self) -> str:
        """What the pane shows: "agreements", "empty" (the workspace has none) or "no match" (the search)."""
        if not self.model.summaries():
            return "empty"
        if self.tree.model().rowCount() == 0:
            return "no match"
        return "agreements"

    def _update_hint(self) -> None:
        state = self.state()
        self.hint.setVisible(state != "agreements")
        self.tree.setVisible(state == "agreements")
        self.import_button.setVisible(state == "empty")
        self.demo_button.setVisible(state == "empty")
        self.clear_button.setVisible(state == "no match")
        if state == "empty":
            self.hint_text.setText(self.tr(
                "This workspace has no agreements yet.\n\nImport the agreement workbooks (Excel or CSV) with "
                "File → Import agreements… (Ctrl+I), or try the app on the demo workspace first."))
        elif state == "no match":
            self.hint_text.setText(self.tr("No agreement matches \"{0}\".\nSearch looks in agency names and "
                                           "indicator names.").format(self.search.text().strip()))

    def _clear_search(self) -> None:
        self.search.clear()
        self.apply_search()
        self.search.setFocus()

    def selected_agreement(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(AGREEMENT_ID_ROLE) if index.isValid() else None
        return None if value is None else int(value)

    def select_agreement(self, agreement_id: int, *, emit: bool = True) -> bool:
        index = self._in_tree(self.model.index_of_agreement(agreement_id))
        if not index.isValid():
            return False
        if not emit:
            self.tree.selectionModel().blockSignals(True)
        try:
            self.tree.setCurrentIndex(index)
        finally:
            self.tree.selectionModel().blockSignals(False)
        self._reveal(agreement_id, index)
        return True

    def _reveal(self, agreement_id: int, index: QModelIndex) -> None:
        """Scroll the agreement into view with its agency's row above it. Before the pane is on screen the tree's
        viewport has no height, and scrolling then would put the agreement at the very top with its agency and
        year scrolled away (the first paint): the scroll waits until the pane is shown."""
        if not self.tree.isVisible():
            self._reveal_when_shown = agreement_id
            return
        self._reveal_when_shown = None
        if index.parent().isValid():
            self.tree.scrollTo(index.parent())
        self.tree.scrollTo(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the children are shown, and so sized, before their parent hears of its own showing
        pending, self._reveal_when_shown = self._reveal_when_shown, None
        if pending is not None and (index := self.index_of_agreement(pending)).isValid():
            self._reveal(pending, index)

    def index_of_agreement(self, agreement_id: int) -> QModelIndex:
        return self._in_tree(self.model.index_of_agreement(agreement_id))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        value = indexes[0].data(AGREEMENT_ID_ROLE)
        if value is not None:
            self.agreementSelected.emit(int(value))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search agency or indicator (Ctrl+F)"))
        self.import_button.setText(self.tr("&Import agreements…"))
        self.demo_button.setText(self.tr("Open the &demo workspace"))
        self.clear_button.setText(self.tr("Clear the search"))
        self.model.relabel()
        self._update_hint()
