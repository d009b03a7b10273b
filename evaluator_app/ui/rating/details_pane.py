"""The details of the current indicator: its definition, the evaluator's comment, a private note, and evidence files."""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement import Indicator, IndicatorKind
from ...domain.numbers import plain
from ...domain.rating import SELF_ASSESSMENT, Rating
from ...domain.thai_dates import english_datetime_from_iso, thai_datetime_from_iso
from ...domain.thresholds import Direction
from ...store.evidence import EvidenceState, add_evidence, export_copy, remove_evidence
from ...store.workspace import Workspace
from ..common.cell_history import rating_history
from ..common.changes import Change, Changes
from ..common.language import THAI, Retranslating, current_language
from ..common.session import WorkspaceSession
from .agreement_model import OWN, AgreementModel
from .agreement_panel import AgreementPanel
from .evidence_model import EvidenceModel
from .indicator_info import IndicatorInfo

_SAVE_DELAY_MS = 800  # a pause in typing saves the comment; leaving the field saves at once
_HISTORY_LIMIT = 20
_RENDER_AFTER_SAVE_MS = 60  # longer than agreement_panel.ANNOUNCE_AFTER_MOVE_MS


def _when(iso_utc: str) -> str:
    return thai_datetime_from_iso(iso_utc) if current_language() == THAI else english_datetime_from_iso(iso_utc)


class DetailsPane(Retranslating, QWidget):
    message = Signal(str)  # a write that did not happen, for the status bar

    def __init__(self, session: WorkspaceSession, model: AgreementModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._model = model
        self._code = ""
        self._history_group = OWN  # whose rating the selected cell is: the self-assessment's or the evaluator's
        self._context: tuple[int, int, str, str] | None = None
        self._shown: tuple[str | None, str | None] = (None, None)  # comment and note as last loaded or saved
        self.info = IndicatorInfo(self)
        self.comment_label = QLabel(self)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("comment")
        self.comment_label.setBuddy(self.comment)
        self.note_label = QLabel(self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note_label.setBuddy(self.note)
        self.evidence_label = QLabel(self)
        self.evidence_model = EvidenceModel(session, self)
        self.evidence = QTableView(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setModel(self.evidence_model)
        self.evidence.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence.verticalHeader().hide()
        self.evidence.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.evidence.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("attachEvidence")
        self.open_button = QPushButton(self)
        self.detach_button = QPushButton(self)
        self._build_layout()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # A saved rating re-renders the pane a moment later, off the keystroke: after Enter the cursor moves on and
        # the panel announces the next indicator sooner (ANNOUNCE_AFTER_MOVE_MS), which renders once and cancels this.
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(_RENDER_AFTER_SAVE_MS)
        self._render_timer.timeout.connect(self._render_info)
        for editor in (self.comment, self.note):
            editor.textChanged.connect(self._typed)
            editor.installEventFilter(self)
        self.attach_button.clicked.connect(self.attach_files)
        self.open_button.clicked.connect(self.open_selected)
        self.detach_button.clicked.connect(self.detach_selected)
        self.evidence.doubleClicked.connect(lambda _index: self.open_selected())
        session.changed.connect(self._changed)
        # The shell hands the pane the panel's model; the panel (its parent) has the table whose cell menu asks
        # for a rating's history and for evidence.
        panel = model.parent()
        if isinstance(panel, AgreementPanel):
            panel.view.historyRequested.connect(self.reveal_history)
            panel.view.evidenceRequested.connect(self._evidence_requested)
        self.retranslate()
        self.show_indicator("")

    def _build_layout(self) -> None:
        notes = QWidget(self)
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.comment_label, self.comment, self.note_label, self.note):
            notes_layout.addWidget(widget)
        evidence = QWidget(self)
        evidence_layout = QVBoxLayout(evidence)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.addWidget(self.evidence_label)
        evidence_layout.addWidget(self.evidence, 1)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.detach_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        evidence_layout.addLayout(buttons)
        # The pane sits below the table, so its three parts stand side by side.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("detailsSplitter")
        self.splitter.addWidget(self.info)
        self.splitter.addWidget(notes)
        self.splitter.addWidget(evidence)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # --- which indicator ---------------------------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self._code

    def show_indicator(self, code: str) -> None:
        """Show another indicator; whatever was typed for the previous one is saved first."""
        self.flush()
        self._code = code if self._model.agreement is not None else ""
        self._context = None if not self._code or self._model.agreement_id is None else (
            self._model.agreement_id, self._model.round, self._model.evaluator, self._code)
        self._load_texts()
        self._render_info()
        self.evidence_model.load(self._model.agreement_id, self._code)
        enabled = bool(self._code)
        writable = enabled and not self._session.read_only
        for widget in (self.comment, self.note, self.open_button):
            widget.setEnabled(enabled)
        for editor in (self.comment, self.note):
            editor.setReadOnly(not writable)
        for widget in (self.attach_button, self.detach_button):
            widget.setEnabled(writable)

    def _indicator(self) -> Indicator | None:
        if not self._code or self._model.agreement is None:
            return None
        try:
            return self._model.agreement.indicator(self._code)
        except KeyError:
            return None

    def _load_texts(self) -> None:
        stored = None if self._context is None else self._session.stored_rating(*self._context)
        comment = None if stored is None else stored.rating.comment
        note = None if stored is None else stored.note
        self._shown = (comment, note)
        for editor, text in ((self.comment, comment), (self.note, note)):
            editor.blockSignals(True)
            editor.setPlainText(text or "")
            editor.blockSignals(False)
        self._session.set_pending(self, False)

    # --- saving comment and note -------------------------------------------------------------------------------

    def _typed(self) -> None:
        self._session.set_pending(self, self._texts() != self._shown)
        self._timer.start()

    def _texts(self) -> tuple[str | None, str | None]:
        return (self.comment.toPlainText().strip() or None, self.note.toPlainText().strip() or None)

    def flush(self) -> None:
        """Save the comment and the private note now if they differ from what is stored (one transaction).

        It writes to the rating the texts were loaded from, even if the model has moved on to another agreement.
        """
        self._timer.stop()
        comment, note = self._texts()
        if self._context is None or (comment, note) == self._shown:
            self._session.set_pending(self, False)
            return
        agreement_id, round_, evaluator, code = self._context
        stored = self._session.stored_rating(agreement_id, round_, evaluator, code)
        base = stored.rating if stored is not None else Rating(code=code, round=round_, evaluator=evaluator)
        if comment != self._shown[0] and note != self._shown[1]:
            step = self.tr("Comment and note on indicator {0}").format(code)
        elif comment != self._shown[0]:
            step = self.tr("Comment on indicator {0}").format(code)
        else:
            step = self.tr("Private note on indicator {0}").format(code)
        outcome = self._session.run(self._session.rating_change(
            agreement_id, replace(base, comment=comment), note, step, (*self._context, "texts")))
        if not outcome.ok:  # the text stays in the field and the title says it is not saved
            self.message.emit(outcome.error or "")
            return
        self._shown = (comment, note)
        self._session.set_pending(self, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in (self.comment, self.note):
            self.flush()
        return super().eventFilter(watched, event)

    def _changed(self, changes: Changes) -> None:
        if changes.evidence and changes.agreement_id == self._model.agreement_id and changes.code == self._code:
            self.evidence_model.load(self._model.agreement_id, self._code)
        if not changes.rating or self._context is None:
            return
        # A paste or a clear of several results names no single indicator: it may include this one.
        if (changes.agreement_id, changes.round, changes.evaluator, changes.code or self._context[3]) \
                != self._context:
            return
        # The model was connected first, so it has already re-read its ratings for _render_info.
        if self._texts() == self._shown:  # never overwrite what the person is typing
            self._load_texts()
        self._render_timer.start()

    # --- the indicator's definition ----------------------------------------------------------------------------

    def _render_info(self) -> None:
        self._render_timer.stop()  # rendered now: a render still waiting would show the same
        item = self._indicator()
        if item is None:
            self.info.show_message(self.tr("Select an indicator to see its details."))
            return
        rows: list[tuple[str, str]] = [
            (self.tr("Unit"), item.unit or ""),
            (self.tr("Weight"), plain(item.weight_in(self._model.round))),
            (self.tr("Target"), item.target or ""),
            (self.tr("Baseline"), item.baseline or ""),
            (self.tr("Criteria"), self._criteria_text(item)),
            (self.tr("Description"), item.description or ""),
            (self.tr("Formula"), item.formula or ""),
            (self.tr("Conditions"), item.conditions or ""),
            (self.tr("Data source"), item.data_source or ""),
            (self.tr("KPI supervisor"), item.supervisor or ""),
            (self.tr("Data collector"), item.collector or ""),
        ]
        parts: list[str] = []
        if item.level_descriptions:
            parts.append("<p><b>" + html.escape(self.tr("Milestone levels")) + "</b></p><ol>")
            parts.extend(f"<li>{html.escape(step)}</li>" for step in item.level_descriptions)
            parts.append("</ol>")
        if not item.counted_in(self._model.round):
            parts.append("<p><i>" + html.escape(self.tr("Not counted in this round.")) + "</i></p>")
        stored = self._model.stored(OWN, item.code)
        if stored is not None:
            parts.append("<p><small>" + html.escape(self.tr("Last saved {0} by {1} (edit {2})").format(
                _when(stored.updated_at), stored.updated_by, stored.edit_version)) + "</small></p>")
        self.info.show_indicator(f"{item.code} {item.name}", [(label, value) for label, value in rows if value],
                                 "".join(parts), "".join(self._history_html(item.code)))

    def _follow(self, index: QModelIndex) -> None:
        item = self._model.indicator_at(index)
        if item is not None and item.code != self._code:
            self.show_indicator(item.code)

    def reveal_history(self, index: QModelIndex) -> None:
        """The cell menu's History: the history of that cell's rating, scrolled into view."""
        self._follow(index)
        self.show_history_of(self._model.group_of(index))
        self.info.reveal_history()  # the focus stays in the table, to go on typing

    def _evidence_requested(self, index: QModelIndex) -> None:
        self._follow(index)
        self.attach_files()

    def show_history_of(self, group: str | None) -> None:
        """Show the history of the selected cell's rating: its column's group (self-assessment or own)."""
        group = group or OWN
        if group != self._history_group:
            self._history_group = group
            self._render_info()

    def history_evaluator(self) -> str:
        return self._model.evaluator_of(self._history_group)

    def history_lines(self, code: str) -> list[str]:
        """The audit log of the selected cell's rating of `code` in this round, newest first (HotCRP keeps it all)."""
        if self._model.agreement_id is None or not self._session.is_open:
            return []
        return rating_history(self._session.workspace.conn, self._model.agreement_id, code, self._model.round,
                              self.history_evaluator(), limit=_HISTORY_LIMIT)

    def _history_html(self, code: str) -> list[str]:
        lines = self.history_lines(code)
        if not lines:
            return []
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        evaluator = self.history_evaluator()
        who = self.tr("the agency's self-assessment") if evaluator == SELF_ASSESSMENT \
            else self._session.evaluator_name(evaluator)  # people by name, not by id
        heading = self.tr("History of the rating by {0}, round {1} months").format(who, self._model.round)
        return ["<p><b>" + html.escape(heading) + "</b></p><ul>" + items + "</ul>"]

    def _criteria_text(self, item: Indicator) -> str:
        if item.thresholds is None:
            return self.tr("scored through its sub-indicators")
        values = " · ".join(item.thresholds.labels())
        if item.thresholds.bands is not None:  # banded: the whole level whose band holds the result
            return self.tr("{0} (banded: the whole level whose band holds the result)").format(values)
        if item.kind is IndicatorKind.MILESTONE:
            return self.tr("milestone levels {0}").format(values)
        if item.thresholds.direction is Direction.LOWER_IS_BETTER:
            return self.tr("{0} (lower is better)").format(values)
        return self.tr("{0} (higher is better)").format(values)

    # --- evidence ----------------------------------------------------------------------------------------------

    def attach_files(self) -> None:
        if not self._code or self._model.agreement_id is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence"), "",
                                                      self.tr("All files (*)"))
        agreement_id, code, evaluator = self._model.agreement_id, self._code, self._model.evaluator

        def attach(path: Path) -> Callable[[Workspace], object]:
            return lambda workspace: add_evidence(workspace, agreement_id, code, evaluator, path, actor=evaluator)

        for name in paths:
            outcome = self._session.run(Change(
                attach(Path(name)), Changes(agreement_id=agreement_id, code=code, evaluator=evaluator, evidence=True)))
            if not outcome.ok:  # unreadable file, full disk: say so, keep what was added
                self.message.emit(f"{name}: {outcome.error}")
                break

    def _selected_row(self) -> int:
        rows = self.evidence.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.evidence.currentIndex().row() if self.evidence.currentIndex().isValid() else -1

    def open_selected(self) -> Path | None:
        row = self._selected_row()
        if row < 0:
            return None
        item, state = self.evidence_model.item(row), self.evidence_model.state(row)
        if state is EvidenceState.MISSING:
            QMessageBox.warning(self, self.tr("Evidence missing"), self.tr(
                "The kept copy of {0} is missing from the evidence folder.").format(item.file_name))
            return None
        if state is EvidenceState.CHANGED:
            answer = QMessageBox.warning(
                self, self.tr("Evidence changed"),
                self.tr("The kept copy of {0} has changed since it was attached: its SHA-256 is no longer {1}. "
                        "Open it anyway?").format(item.file_name, item.sha256),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Open:
                return None
        # Open a copy under its own name: the kept copy stays untouched by whatever the viewer does.
        folder = Path(tempfile.gettempdir()) / "evaluator-app-evidence" / str(item.id)
        path = export_copy(self._session.workspace, item, folder)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def detach_selected(self) -> None:
        row = self._selected_row()
        if row < 0:
            return
        item = self.evidence_model.item(row)
        answer = QMessageBox.question(
            self, self.tr("Detach evidence"),
            self.tr("Detach {0} from indicator {1}? The kept copy stays in the evidence folder.").format(
                item.file_name, item.code))
        if answer == QMessageBox.StandardButton.Yes:
            actor = self._model.evaluator
            outcome = self._session.run(Change(
                lambda ws: remove_evidence(ws, item.id, actor=actor),
                Changes(agreement_id=item.agreement_id, code=item.code, evidence=True)))
            if not outcome.ok:
                self.message.emit(outcome.error or "")

    # --- language ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.comment_label.setText(self.tr("&Comment (printed in the report):"))
        self.note_label.setText(self.tr("Private &note (never exported):"))
        self.comment.setPlaceholderText(self.tr("What the committee should read about this indicator"))
        self.note.setPlaceholderText(self.tr("For yourself only: stays in this workspace"))
        self.evidence_label.setText(self.tr("Evidence files:"))
        self.attach_button.setText(self.tr("&Attach…"))
        self.open_button.setText(self.tr("Open"))
        self.detach_button.setText(self.tr("Detach"))
        self.evidence_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self._render_info()
