"""Undo steps: each restores the previous rating by recording it again through the store, so undo is audited too."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...domain.problems import ProblemsError
from ...domain.rating import Rating
from .messages import problems_text

if TYPE_CHECKING:
    from .session import WorkspaceSession

_MERGEABLE = 1  # QUndoCommand.id() of text edits, merged while the same field of the same rating is typed


class RatingChange(QUndoCommand):
    """One named change of one rating: the state before and after, as (rating, private note)."""

    def __init__(self, session: WorkspaceSession, agreement_id: int, before: tuple[Rating, str | None],
                 after: tuple[Rating, str | None], text: str, merge_key: Hashable | None = None):
        super().__init__(text)
        self._session = session
        self.agreement_id = agreement_id
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._already_done = True  # QUndoStack.push calls redo(); the change was written just before

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, state: tuple[Rating, str | None]) -> None:
        try:
            self._session.write_rating(self.agreement_id, state[0], state[1])
        except ProblemsError as exc:  # e.g. the agreement was revised since: say so rather than fail silently
            self._session.writeFailed.emit(problems_text(exc))
            return
        self._session.revealRequested.emit(self.agreement_id, state[0].round, state[0].code)

    def id(self) -> int:
        return _MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RatingChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setText(other.text())
        return True
