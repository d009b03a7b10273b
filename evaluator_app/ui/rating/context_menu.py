"""The right-click menu of a cell of the agreement table: copy, paste, clear, and the indicator's adjust, history
and evidence, the same acts as the keys, the Edit menu and the details pane."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from .agreement_model import AgreementModel
from .agreement_rows import OWN
from .agreement_view import ResultsView


class CellMenu(QMenu):
    def __init__(self, view: ResultsView, index: QModelIndex, read_only: bool):
        super().__init__(view)
        self.setObjectName("cellMenu")
        model = view.model()
        assert isinstance(model, AgreementModel)
        item = model.indicator_at(index)
        scored = item is not None and item.thresholds is not None and model.agreement is not None \
            and not model.agreement.is_parent(item.code)
        self.copy_action = self.addAction(self.tr("&Copy"), view.copyRequested.emit)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.paste_action = self.addAction(self.tr("&Paste"), view.pasteRequested.emit)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setEnabled(not read_only)
        self.clear_action = self.addAction(self.tr("C&lear result"), view.clearRequested.emit)
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.clear_action.setEnabled(not read_only and model.is_result_cell(index))
        self.addSeparator()
        own_score = model.index(index.row(), model.column(f"{OWN}.score"), index.parent())
        self.adjust_action = self.addAction(self.tr("&Adjust score…"), lambda: view.adjustRequested.emit(own_score))
        self.adjust_action.setShortcut(QKeySequence("Ctrl+J"))
        self.adjust_action.setEnabled(scored and not read_only)
        self.history_action = self.addAction(self.tr("&History of the rating"),
                                             lambda: view.historyRequested.emit(QModelIndex(index)))
        self.history_action.setEnabled(item is not None)
        self.evidence_action = self.addAction(self.tr("Attach &evidence…"),
                                              lambda: view.evidenceRequested.emit(QModelIndex(index)))
        self.evidence_action.setEnabled(item is not None and not read_only)
