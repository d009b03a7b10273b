"""What one write from the window is, and what it changed: the record every view reads to decide what to redraw.

After Anki's CollectionOp and OpChanges: a `Change` names the write, does it on the workspace and, when it can be
undone, carries the write that takes it back; `Changes` says which agreement, round, evaluator, indicator, version,
panel state or report it touched. Qt-free, so the table of changes in ARCHITECTURE.md can be checked in plain tests.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ...store.workspace import Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write touched. A view redraws only when it shows something named here."""

    agreement_id: int | None = None  # None with `agreements`: any agreement may have changed
    round: int | None = None
    evaluator: str | None = None
    code: str | None = None  # the indicator
    agreements: bool = False  # agreements added or their content replaced (import, restore, package merge)
    rating: bool = False  # a result, score, adjusted score, comment or note
    evidence: bool = False
    version: int | None = None  # the number of the version of the negotiation written (draft, proposal, agreed)
    panel: bool = False  # members, conflicts, rule, declaration, submissions, consensus, finalising
    report: bool = False  # a report issued and its snapshot stored
    evaluator_chosen: bool = False  # the window now acts as another evaluator
    by_undo: bool = False  # written by undo or redo: the window shows the cell that changed

    def names(self, agreement_id: int | None) -> bool:
        """Whether this change may concern `agreement_id` (a change of every agreement concerns all)."""
        return self.agreements or self.agreement_id is None or self.agreement_id == agreement_id


@dataclass(frozen=True)
class Change(Generic[T]):
    """One named write. `write` runs on the session's connection in its own transaction; None means a background
    task already wrote it on a connection of its own, and the session only records and announces it."""

    write: Callable[[Workspace], T] | None
    changes: Changes | Callable[[T], Changes]  # a function of the written value when only it knows (a new version)
    name: str = ""  # the undo step's text, in the interface language: needed only when it can be undone
    undo: Change[Any] | None = None  # the write that takes this one back; None: it cannot be undone
    merge_key: Hashable | None = None  # consecutive changes with the same key are one undo step (typing a field)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of `WorkspaceSession.run`: the write's value, or why nothing was written."""

    value: T | None = None
    error: str | None = None  # in the interface language (Thai and English for the store's refusals)
    refused: bool = False  # the store refused the content (nothing written); else the file could not take it

    @property
    def ok(self) -> bool:
        return self.error is None
