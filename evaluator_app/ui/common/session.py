"""The open workspace as the window sees it: who is evaluating, what is saved, and every change as an undo step."""

from __future__ import annotations

import getpass
from collections.abc import Hashable
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.problems import ProblemsError
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...store.ratings import StoredRating, load_ratings, record_rating
from ...store.workspace import Workspace
from .undo_commands import RatingChange

EVALUATOR_SETTING = "current_evaluator"


class SaveState(StrEnum):
    READ_ONLY = "read-only"  # another person writes this workspace (or the folder cannot be written)
    SAVED = "saved"  # everything shown is in the file
    PENDING = "pending"  # something typed is not in the file yet
    FAILED = "failed"  # the last write did not reach the file


def default_evaluator() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers and services
        name = ""
    return name if name and name != SELF_ASSESSMENT else "evaluator"


class WorkspaceSession(QObject):
    """One open workspace file. Every write goes through the store functions the CLI uses."""

    ratingChanged = Signal(int, int, str, str)  # agreement id, round, evaluator, indicator code
    agreementsChanged = Signal()
    evidenceChanged = Signal(int, str)  # agreement id, indicator code
    evaluatorChanged = Signal(str)
    saveStateChanged = Signal()
    writeFailed = Signal(str)
    revealRequested = Signal(int, int, str)  # agreement id, round, code: undo or redo changed it

    def __init__(self, workspace: Workspace, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.saved_at: datetime | None = None
        self._pending: set[Hashable] = set()
        self._failed = False
        self._closed = False
        workspace.on_commit(self._committed)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> WorkspaceSession:
        return cls(Workspace.open(path), parent)

    @property
    def path(self) -> Path:
        return self.workspace.path

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def read_only_reason(self) -> str | None:
        return self.workspace.read_only_reason if self.workspace.read_only else None

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        self.undo_stack.clear()
        self.workspace.close()
        self._closed = True  # widgets may still repaint or retranslate before they are deleted

    # --- who is evaluating -------------------------------------------------------------------------------------

    def evaluator(self) -> str:
        return self.workspace.setting(EVALUATOR_SETTING) or default_evaluator()

    def set_evaluator(self, ident: str) -> None:
        ident = ident.strip()
        if not ident or ident == SELF_ASSESSMENT:
            raise ValueError(ident)
        if ident != self.evaluator():
            self.workspace.set_setting(EVALUATOR_SETTING, ident)
            self.evaluatorChanged.emit(ident)

    # --- ratings -----------------------------------------------------------------------------------------------

    def ratings(self, agreement_id: int, round_: int, evaluator: str) -> dict[str, StoredRating]:
        return load_ratings(self.workspace, agreement_id, round_, evaluator)

    def stored_rating(self, agreement_id: int, round_: int, evaluator: str, code: str) -> StoredRating | None:
        return self.ratings(agreement_id, round_, evaluator).get(code)

    def change_rating(self, agreement_id: int, rating: Rating, note: str | None, text: str,
                      merge_key: Hashable | None = None) -> None:
        """Write one rating now (its own transaction) and record the step for undo.

        Raises ProblemsError, with nothing written, when the store refuses the rating, and WorkspaceError when
        the file cannot take it (read-only, disk full): the change is rolled back either way.
        """
        stored = self.stored_rating(agreement_id, rating.round, rating.evaluator, rating.code)
        if stored is None:
            before = (Rating(code=rating.code, round=rating.round, evaluator=rating.evaluator), None)
        else:
            before = (stored.rating, stored.note)
        self.write_rating(agreement_id, rating, note)
        self.undo_stack.push(RatingChange(self, agreement_id, before, (rating, note), text, merge_key))

    def write_rating(self, agreement_id: int, rating: Rating, note: str | None) -> None:
        try:
            record_rating(self.workspace, agreement_id, rating, actor=self.evaluator(), note=note)
        except ProblemsError:
            raise  # refused before anything was written: the file is as it was
        except Exception:
            # A read-only workspace refuses every write by design; anything else (a full disk) means the
            # person's change is not in the file, and the title must say so until a write succeeds.
            if not self.read_only:
                self._failed = True
                self.saveStateChanged.emit()
            raise
        self.ratingChanged.emit(agreement_id, rating.round, rating.evaluator, rating.code)

    # --- what is saved -----------------------------------------------------------------------------------------

    def set_pending(self, key: Hashable, pending: bool) -> None:
        before = bool(self._pending)
        if pending:
            self._pending.add(key)
        else:
            self._pending.discard(key)
        if before != bool(self._pending):
            self.saveStateChanged.emit()

    def save_state(self) -> SaveState:
        if self.read_only:
            return SaveState.READ_ONLY
        if self._pending:
            return SaveState.PENDING
        if self._failed:
            return SaveState.FAILED
        return SaveState.SAVED

    def _committed(self) -> None:
        self.saved_at = datetime.now()
        self._failed = False
        self.saveStateChanged.emit()
        if self.workspace.backup_error:
            self.writeFailed.emit(self.workspace.backup_error)

    def external_change(self) -> None:
        """Another connection (the import thread) committed: views reload and the title says saved."""
        if self._closed:
            return
        self._committed()
        self.agreementsChanged.emit()

