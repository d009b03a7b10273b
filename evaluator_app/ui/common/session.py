"""The open workspace as the window sees it: who is evaluating, what is saved, and the one way the window writes.

Every write from the window is `session.run(change)`: the session writes it in its own transaction, turns a failure
into a message (nothing written), records the undo step when the change can be undone, and emits one
`changed(Changes)` naming what changed, so each view redraws only what it shows. ARCHITECTURE.md lists the changes.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ...domain.problems import ProblemsError
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...store.panel import load_panel
from ...store.preferences import EVALUATOR_SETTING, choose_evaluator, chosen_evaluator, identity_problem
from ...store.ratings import StoredRating, load_ratings, record_rating
from ...store.workspace import Workspace, WorkspaceError
from .changes import Change, Changes, Outcome
from .messages import problems_text
from .undo_commands import ChangeStep

__all__ = ["EVALUATOR_SETTING", "SaveState", "WorkspaceSession", "default_evaluator"]

T = TypeVar("T")


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
    """One open workspace file. Every write goes through `run`, and through the store functions the CLI uses."""

    changed = Signal(object)  # Changes: what one write touched
    saveStateChanged = Signal()
    writeFailed = Signal(str)  # a write nobody waits for (undo, redo, the automatic backup) did not happen

    def __init__(self, workspace: Workspace, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace  # for reading; writes go through run()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.saved_at: datetime | None = None
        self._pending: set[Hashable] = set()
        self._failed = False
        self._closed = False
        self._names: dict[str, str] | None = None  # member id -> name, read again when the panel changes
        self._chosen: bool | None = None  # identity_chosen(), read again when the panel or the choice changes
        # Set by the application's window: asks who you are. While it is set and nobody is chosen, a rating
        # is refused (and the question asked) rather than recorded under a made-up evaluator.
        self.identity_request: Callable[[], object] | None = None

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

    # --- the one write path ------------------------------------------------------------------------------------

    def run(self, change: Change[T], stack: QUndoStack | None = None) -> Outcome[T]:
        """Write `change`, record its undo step on `stack` (the window's by default) if it has one, and announce it.

        A refusal of the store (ProblemsError) or of the file (read-only, disk full) writes nothing and comes back
        as the Outcome's message; a failure of the file also marks the title NOT SAVED until a write succeeds.
        """
        if self._needs_identity(change):
            request = self.identity_request
            assert request is not None
            QTimer.singleShot(0, self, request)  # after the refusal is shown, not inside the editor's commit
            return Outcome(error=QCoreApplication.translate(
                "WorkspaceSession", "Choose who you are first (Edit → Who are you…): your results are recorded "
                "under your name."), refused=True)
        outcome = self._write(change)
        if outcome.ok and change.undo is not None:
            (self.undo_stack if stack is None else stack).push(ChangeStep(self, change))
        return outcome

    def replay(self, change: Change[Any]) -> None:
        """Undo or redo: write again without a new step; a refusal (the agreement was revised since) is said."""
        outcome = self._write(change, by_undo=True)
        if not outcome.ok and outcome.error:
            self.writeFailed.emit(outcome.error)

    def _write(self, change: Change[T], by_undo: bool = False) -> Outcome[T]:
        value: T | None = None
        if change.write is not None:
            try:
                value = change.write(self.workspace)
            except ProblemsError as exc:  # refused before anything was written: the file is as it was
                return Outcome(error=problems_text(exc), refused=True)
            except ValueError as exc:  # a value the store cannot take (an empty member id): nothing written
                return Outcome(error=str(exc), refused=True)
            except (WorkspaceError, sqlite3.Error) as exc:
                # A read-only workspace refuses every write by design; anything else (a full disk) means the
                # person's change is not in the file, and the title must say so until a write succeeds.
                if not self.read_only:
                    self._failed = True
                    self.saveStateChanged.emit()
                return Outcome(error=str(exc))
            except OSError as exc:  # a file the change reads or writes beside the workspace (evidence, a backup)
                return Outcome(error=str(exc))
        changes = change.changes(value) if callable(change.changes) else change.changes  # type: ignore[arg-type]
        if changes.panel or changes.agreements or changes.evaluator_chosen:
            self._names = self._chosen = None
        self._saved()
        self.changed.emit(replace(changes, by_undo=True) if by_undo else changes)
        return Outcome(value=value)

    def _saved(self) -> None:
        if self._closed:
            return
        self.saved_at = datetime.now(UTC)
        self._failed = False
        self.saveStateChanged.emit()
        if self.workspace.backup_error:
            self.writeFailed.emit(self.workspace.backup_error)

    # --- who is evaluating -------------------------------------------------------------------------------------

    def evaluator(self) -> str:
        return chosen_evaluator(self.workspace) or default_evaluator()

    def identity_chosen(self) -> bool:
        """Whether the person using this laptop was chosen (and, with a panel, is still one of its members)."""
        if self._chosen is None:
            chosen = chosen_evaluator(self.workspace)
            self._chosen = chosen is not None and identity_problem(self.workspace, chosen) is None
        return self._chosen

    def _needs_identity(self, change: Change[Any]) -> bool:
        """A rating of this laptop's evaluator while nobody is chosen, in a window that asks who you are."""
        changes = change.changes
        return (self.identity_request is not None and isinstance(changes, Changes) and changes.rating
                and changes.evaluator not in (None, SELF_ASSESSMENT) and not self.identity_chosen())

    def evaluator_name(self, ident: str | None = None) -> str:
        """How people are named in the window: a member's name, or the id itself (a name when there is no panel)."""
        ident = self.evaluator() if ident is None else ident
        if self._names is None:
            panel = None if self._closed else load_panel(self.workspace)
            self._names = {} if panel is None else {m.id: m.name for m in panel.members if m.name.strip()}
        return self._names.get(ident, ident)

    def set_evaluator(self, ident: str) -> Outcome[None]:
        ident = ident.strip()
        if not ident or ident == SELF_ASSESSMENT:
            raise ValueError(ident)
        if ident == chosen_evaluator(self.workspace):
            return Outcome()
        def write(workspace: Workspace) -> None:
            choose_evaluator(workspace, ident)

        return self.run(Change(write, Changes(evaluator=ident, evaluator_chosen=True)))

    # --- ratings -----------------------------------------------------------------------------------------------

    def ratings(self, agreement_id: int, round_: int, evaluator: str) -> dict[str, StoredRating]:
        return load_ratings(self.workspace, agreement_id, round_, evaluator)

    def stored_rating(self, agreement_id: int, round_: int, evaluator: str, code: str) -> StoredRating | None:
        return self.ratings(agreement_id, round_, evaluator).get(code)

    def rating_change(self, agreement_id: int, rating: Rating, note: str | None, text: str,
                      merge_key: Hashable | None = None) -> Change[None]:
        """The change that records `rating` (and the private note), undone by recording what is stored now."""
        stored = self.stored_rating(agreement_id, rating.round, rating.evaluator, rating.code)
        if stored is None:
            before, before_note = Rating(code=rating.code, round=rating.round, evaluator=rating.evaluator), None
        else:
            before, before_note = stored.rating, stored.note

        def record(state: Rating, state_note: str | None) -> Change[None]:
            def write(workspace: Workspace) -> None:
                record_rating(workspace, agreement_id, state, actor=self.evaluator(), note=state_note)

            return Change(write, Changes(agreement_id=agreement_id, round=state.round, evaluator=state.evaluator,
                                         code=state.code, rating=True), name=text, merge_key=merge_key)

        return replace(record(rating, note), undo=record(before, before_note))

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
