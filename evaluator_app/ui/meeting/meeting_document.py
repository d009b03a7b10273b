"""The negotiation on the table: one agreement's chain of versions, the version on screen and its indicator set.

Every change goes through the store functions the CLI uses (update_draft, save_version, agree_version) and is one
undo step; undoing writes the previous set again, so undo is audited too. A proposal is a record of what was put
forward, so editing one starts a draft from it; an agreed version is locked and refuses every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.agreement import Agreement, Indicator
from ...domain.framework import Framework
from ...domain.negotiation import AgreementVersion, Side, VersionStatus, in_force_for_round, negotiation_problems
from ...domain.problems import Problem, ProblemsError
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...domain.version_diff import VersionDiff, diff_indicators
from ...store.evaluation import latest_results
from ...store.frameworks import get_framework
from ...store.ratings import evaluators_of
from ...store.versions import (
    agree_version,
    guard_unlocked,
    list_versions,
    load_agreement_head,
    save_version,
    update_draft,
)
from ...store.workspace import Workspace, WorkspaceError
from ..common.changes import Change, Changes
from ..common.messages import problems_text
from ..common.session import WorkspaceSession


class MeetingDocument(QObject):
    """What meeting mode shows and changes. Signals tell the views what to redraw."""

    versionsChanged = Signal()  # a version was added or agreed, or another one is on screen
    indicatorsChanged = Signal()  # the indicator set on screen changed (typed, redistributed, undone)
    refused = Signal(str)  # a change the store would not take, and why (Thai and English)
    notice = Signal(str)  # something done that the person should know about (a draft was started)

    def __init__(self, session: WorkspaceSession, agreement_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.agreement_id = agreement_id
        self.undo_stack = QUndoStack(self)  # meeting mode's own steps: Ctrl+Z there undoes the negotiation only
        self.undo_stack.setUndoLimit(200)
        # Why Undo stops where it does: after a version is put forward or agreed, the steps before it are dropped
        # (a proposal is a record of what was put forward; undoing the draft under it would leave the banner and
        # the chain saying "proposed" over a draft that no longer holds it). The version it stops at, or None.
        self.undo_stop: AgreementVersion | None = None
        session.changed.connect(self._changed)
        self.head: Agreement = load_agreement_head(session.workspace, agreement_id)
        self.framework: Framework = get_framework(session.workspace, self.head.framework_id or "")
        self.versions: list[AgreementVersion] = list_versions(session.workspace, agreement_id)
        self.version: AgreementVersion = self.versions[-1]
        self.indicators: tuple[Indicator, ...] = self.version.indicators

    # --- what is on screen -------------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def locked(self) -> bool:
        return self.version.locked

    def can_edit(self) -> bool:
        """Cells take typing: a draft, or a proposal (the edit starts a draft from it); never an agreed version."""
        return not self.read_only and not self.locked

    def show_version(self, number: int) -> None:
        if number == self.version.number:
            return
        self.version = self._by_number(number)
        self.indicators = self.version.indicators
        self.versionsChanged.emit()
        self.indicatorsChanged.emit()

    def reload(self, show: int | None = None) -> None:
        """Re-read the chain (after a write, or another window's) and show `show` or the same version."""
        number = self.version.number if show is None else show
        self.versions = list_versions(self.session.workspace, self.agreement_id)
        self.version = self._by_number(number)
        self.indicators = self.version.indicators
        self.versionsChanged.emit()
        self.indicatorsChanged.emit()

    def _by_number(self, number: int) -> AgreementVersion:
        for version in self.versions:
            if version.number == number:
                return version
        return self.versions[-1]

    def agreement(self) -> Agreement:
        """The agreement with the indicator set on screen."""
        return replace(self.head, indicators=self.indicators)

    def problems(self) -> list[Problem]:
        """Every broken constraint of the set on screen (live, as it is typed)."""
        return negotiation_problems(self.agreement(), self.framework)

    def can_put_forward(self) -> bool:
        return not self.read_only and not self.locked and not self.problems()

    def last_agreed(self) -> AgreementVersion | None:
        agreed = [v for v in self.versions if v.status is VersionStatus.AGREED]
        return agreed[-1] if agreed else None

    def baseline(self) -> AgreementVersion | None:
        """What the set on screen is compared with: the last agreed version, or what it was based on."""
        agreed = self.last_agreed()
        if not self.locked and agreed is not None and agreed.number != self.version.number:
            return agreed
        if self.version.based_on is not None:
            return self._by_number(self.version.based_on)
        return None

    def baseline_diff(self) -> VersionDiff | None:
        base = self.baseline()
        return None if base is None else diff_indicators(base.indicators, self.indicators)

    def version_by_number(self, number: int) -> AgreementVersion:
        return self._by_number(number)

    # --- changing the set on screen ----------------------------------------------------------------------------

    def change(self, indicators: Sequence[Indicator], text: str) -> bool:
        """Write a new indicator set for the version on screen as one undo step; False (and `refused`) if not."""
        after = tuple(indicators)
        if after == self.indicators:
            return True
        try:
            guard_unlocked(self.version)
            self._require_writable()
        except (ProblemsError, WorkspaceError) as exc:
            self._refuse(exc)
            return False
        if self.version.status is not VersionStatus.DRAFT and not self._start_draft_from(self.version):
            return False
        number = self.version.number
        outcome = self.session.run(self._draft_change(number, self.indicators, after, text), stack=self.undo_stack)
        if not outcome.ok:
            self.refused.emit(outcome.error or "")
            return False
        self._set_indicators(number, after)
        return True

    def _draft_change(self, number: int, before: tuple[Indicator, ...], after: tuple[Indicator, ...],
                      text: str) -> Change[object]:
        """Write `after` into draft `number`; undone by writing `before` again (so undo is audited too)."""
        def write(indicators: tuple[Indicator, ...]) -> Callable[[Workspace], object]:
            return lambda workspace: update_draft(workspace, self.agreement_id, number, indicators,
                                                  actor=self.session.evaluator())

        changes = Changes(agreement_id=self.agreement_id, version=number)
        return Change(write(after), changes, name=text, undo=Change(write(before), changes, name=text))

    def _changed(self, changes: Changes) -> None:
        """Undo or redo wrote a draft again: show that draft, so the person sees what came back."""
        if not changes.by_undo or changes.version is None or changes.agreement_id != self.agreement_id:
            return
        if changes.version != self.version.number:
            self.reload(show=changes.version)
            return
        self.versions = list_versions(self.session.workspace, self.agreement_id)
        self.version = self._by_number(changes.version)
        self.indicators = self.version.indicators
        self.indicatorsChanged.emit()

    def _set_indicators(self, number: int, indicators: tuple[Indicator, ...]) -> None:
        self.versions = [replace(v, indicators=indicators) if v.number == number else v for v in self.versions]
        self.version = self._by_number(number)
        self.indicators = indicators
        self.indicatorsChanged.emit()

    def _start_draft_from(self, base: AgreementVersion) -> bool:
        draft = self._save(base.indicators, status=VersionStatus.DRAFT, author=Side.COMMITTEE.value,
                           based_on=base.number)
        if draft is None:
            return False
        self.notice.emit(self.tr("Started draft {0} from version {1}; the changes go into the draft.").format(
            draft.number, base.number))
        return True

    def _save(self, indicators: Sequence[Indicator], **version: object) -> AgreementVersion | None:
        """A new version of the negotiation (never undone: the chain keeps every version); shown once written."""
        outcome = self.session.run(Change(
            lambda workspace: save_version(
                workspace, self.agreement_id, indicators, actor=self.session.evaluator(), **version),  # type: ignore[arg-type]
            lambda saved: Changes(agreement_id=self.agreement_id, version=saved.number)))
        if outcome.value is None:
            self.refused.emit(outcome.error or "")
            return None
        self.reload(show=outcome.value.number)
        return outcome.value

    def _require_writable(self) -> None:
        if self.read_only:
            raise WorkspaceError(self.session.read_only_reason or self.tr("The workspace is open read-only."))

    # --- new versions ------------------------------------------------------------------------------------------

    def new_draft(self) -> AgreementVersion | None:
        """A draft (working copy) from the version on screen."""
        try:
            self._require_writable()
        except WorkspaceError as exc:
            self._refuse(exc)
            return None
        return self._save(self.indicators, status=VersionStatus.DRAFT, author=Side.COMMITTEE.value,
                          based_on=self.version.number)

    def put_forward(self, status: VersionStatus, author: str, reason: str, meeting: str) -> AgreementVersion | None:
        """Propose or counter-propose the set on screen as a new version; refused while a constraint is broken."""
        try:
            self._require_writable()
        except WorkspaceError as exc:
            self._refuse(exc)
            return None
        saved = self._save(self.indicators, status=status, author=author, reason=reason or None,
                           based_on=self.version.number, session=meeting or None)
        if saved is not None:
            self._stop_undo(saved)
        return saved

    def _stop_undo(self, version: AgreementVersion) -> None:
        self.undo_stack.clear()
        self.undo_stop = version

    def agree(self, minute: str, meeting: str) -> AgreementVersion | None:
        """Agree the version on screen as it stands, with the decision text as its minute; it is locked after."""
        try:
            self._require_writable()
        except WorkspaceError as exc:
            self._refuse(exc)
            return None
        number = self.version.number
        outcome = self.session.run(Change(
            lambda workspace: agree_version(
                workspace, self.agreement_id, number, actor=self.session.evaluator(), minute=minute or None,
                session=meeting or None),
            lambda agreed: Changes(agreement_id=self.agreement_id, version=agreed.number)))
        if outcome.value is None:
            self.refused.emit(outcome.error or "")
            return None
        self.reload(show=outcome.value.number)
        self._stop_undo(outcome.value)
        return outcome.value

    def undo(self) -> None:
        """Ctrl+Z: the last step, or (nothing left since a version was put forward or agreed) why not."""
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
        elif self.undo_stop is not None:
            self.refused.emit(self.undo_refusal())

    def undo_refusal(self) -> str:
        stop = self.undo_stop
        if stop is None:
            return ""
        if stop.status is VersionStatus.AGREED:
            return self.tr("Version {0} is agreed and locked, so Undo cannot go back past it. A later change is a "
                           "new version (Ctrl+N).").format(stop.number)
        return self.tr("Version {0} has been put forward and is kept as it was put forward, so Undo cannot go back "
                       "past it. To change it, type in the table: a new draft starts from it.").format(stop.number)

    def _refuse(self, error: Exception) -> None:
        self.refused.emit(problems_text(error) if isinstance(error, ProblemsError) else str(error))

    # --- results for the what-if -------------------------------------------------------------------------------

    def evaluators(self) -> list[str]:
        """Who has results for this agreement: the self-assessment first, then panel members."""
        found = evaluators_of(self.session.workspace, self.agreement_id)
        return [SELF_ASSESSMENT] + [e for e in found if e != SELF_ASSESSMENT]

    def latest_results(self, evaluator: str) -> tuple[int, dict[str, Rating]]:
        round_, ratings = latest_results(self.session.workspace, self.agreement_id, evaluator)
        return (round_ if round_ is not None else self.framework.rounds[-1]), ratings

    def agreed_for_round(self, round_: int) -> tuple[AgreementVersion | None, Agreement | None]:
        """The agreed version in force for the round, and the agreement with its indicator set."""
        version = in_force_for_round(self.versions, round_)
        if version is None:
            return None, None
        return version, replace(self.head, indicators=version.indicators)
