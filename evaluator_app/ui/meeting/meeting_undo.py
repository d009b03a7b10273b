"""Meeting mode's Undo and Redo, over its own stack (MeetingDocument.undo_stack). Not QUndoStack's ready-made
actions: Undo stays on where the stack stops at a version put forward or agreed, to say why it goes no further
(issue 14: Ctrl+Z right after Propose reverted the draft while the banner still said "proposed")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .meeting_document import MeetingDocument


class MeetingUndo(QObject):
    def __init__(self, window: QWidget, document: MeetingDocument, commit_editor: Callable[[], None],
                 say: Callable[[str, str], None]):
        super().__init__(window)
        self.document = document
        self._commit_editor = commit_editor
        self._say = say
        self.undo_action = QAction(window)
        self.undo_action.setObjectName("meetingUndo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(window)
        self.redo_action.setObjectName("meetingRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        for item in (self.undo_action, self.redo_action):
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(item)
        stack = document.undo_stack
        for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
            signal.connect(self._stack_changed)
        self.update()

    def _stack_changed(self, *_args: object) -> None:
        try:
            self.update()
        except RuntimeError:  # the window is being destroyed: its stack clears itself after the actions went
            pass

    def update(self) -> None:
        """Texts and states from the stack (and the language): after every step, a proposal or agreement."""
        stack = self.document.undo_stack
        if stack.canUndo():
            self.undo_action.setText(self.tr("Undo {0}").format(stack.undoText()))
            self.undo_action.setToolTip(self.undo_action.text() + " (Ctrl+Z)")
        else:
            self.undo_action.setText(self.tr("Undo"))
            self.undo_action.setToolTip(self.document.undo_refusal())
        self.undo_action.setIconText(self.tr("Undo"))  # the toolbar keeps a short word; the step is in the tooltip
        self.redo_action.setIconText(self.tr("Redo"))
        self.undo_action.setEnabled(stack.canUndo() or self.document.undo_stop is not None)
        self.redo_action.setText(self.tr("Redo {0}").format(stack.redoText()) if stack.canRedo()
                                 else self.tr("Redo"))
        self.redo_action.setEnabled(stack.canRedo())

    def undo(self) -> None:
        self._commit_editor()
        stack = self.document.undo_stack
        text = stack.undoText() if stack.canUndo() else None
        self.document.undo()  # refused (and said) when a version put forward or agreed stops it
        if text is not None:
            self._say(self.tr("Undone: {0}").format(text), "notice")

    def redo(self) -> None:
        self._commit_editor()
        stack = self.document.undo_stack
        if stack.canRedo():
            text = stack.redoText()
            stack.redo()
            self._say(self.tr("Redone: {0}").format(text), "notice")
