"""Undo steps. A change is written before its step is pushed, so every step skips the redo() that QUndoStack.push
makes; undoing writes the state before again through the store, so undo is audited too."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from .changes import Change

_MERGEABLE = 1  # QUndoCommand.id() of text edits, merged while the same field of the same rating is typed


class Replayer(Protocol):
    """Who writes a change again for undo and redo (the session), without recording a new step."""

    def replay(self, change: Change[Any]) -> None: ...


class DoneStep(QUndoCommand):
    """The base of every undo step: the change is already written when the step is pushed."""

    def __init__(self, text: str):
        super().__init__(text)
        self._already_done = True  # QUndoStack.push calls redo(); the change was written just before

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self.do_again()

    def do_again(self) -> None:
        raise NotImplementedError


class ChangeStep(DoneStep):
    """The undo step of one `Change` run by the session: redo writes it again, undo writes its `undo`."""

    def __init__(self, replayer: Replayer, change: Change[Any]):
        super().__init__(change.name)
        assert change.undo is not None
        self._replayer = replayer
        self.change = change

    def do_again(self) -> None:
        self._replayer.replay(self.change)

    def undo(self) -> None:
        assert self.change.undo is not None
        self._replayer.replay(self.change.undo)

    def id(self) -> int:
        return _MERGEABLE if self.change.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeStep) or other.change.merge_key != self.change.merge_key:
            return False
        # One step from the state before the first keystroke to the state after the last one.
        self.change = replace(other.change, undo=self.change.undo)
        self.setText(other.text())
        return True
