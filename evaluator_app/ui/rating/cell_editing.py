"""Spreadsheet habits in the agreement table: copy a selection as tab-separated text, paste a column or block from
Excel or LibreOffice, clear results with Delete. A paste or a clear is one write (`store.ratings.record_ratings`,
one transaction) and one undo step; what a paste cannot take is named by line and reason, and the rest is taken.

Pasted lines fill the table's rows from the current cell down, one line a row, as a spreadsheet fills them: a
dimension heading or a parent indicator takes an empty cell silently and refuses a value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from ...domain.numbers import NumberFormatError, parse_decimal
from ...domain.plausibility import check_result, warning_text
from ...domain.plausibility import refusals as refusals_in
from ...domain.plausibility import warnings as warnings_in
from ...domain.rating import Rating
from ...store.ratings import StoredRating, rating_problems, record_ratings
from ..common.changes import Change, Changes
from ..common.messages import problem_text
from ..common.session import WorkspaceSession
from .agreement_model import AgreementModel
from .agreement_rows import GROUPS
from .agreement_view import ResultsView
from .clipboard import parse_block, to_tsv

_LISTED_REFUSALS = 12  # the summary names this many refused cells, then counts the rest


@dataclass(frozen=True)
class Refusal:
    line: int  # of the pasted block, from 1
    column: int  # of the pasted block, from 1
    code: str  # the indicator of the row it fell on ("" for a heading, the total, or beyond the table)
    reason: str


class CellEditing(QObject):
    summary = Signal(str)  # what a paste did and what it refused, for the panel to show

    def __init__(self, session: WorkspaceSession, model: AgreementModel, view: ResultsView,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._model = model
        self._view = view
        self.last_refusals: list[Refusal] = []
        self.last_warnings: list[Refusal] = []  # cells pasted despite a warning (domain/plausibility.py)
        view.copyRequested.connect(self.copy)
        view.pasteRequested.connect(self.paste)
        view.clearRequested.connect(self.clear)

    # --- the table as the person sees it -----------------------------------------------------------------------

    def _rows(self) -> list[QModelIndex]:
        """Column 0 of every row, top to bottom as shown (every dimension is expanded)."""
        model = self._model
        rows: list[QModelIndex] = []
        for top in range(model.rowCount()):
            heading = model.index(top, 0)
            rows.append(heading)
            rows.extend(model.index(child, 0, heading) for child in range(model.rowCount(heading)))
        return rows

    def _columns(self) -> list[int]:
        """The shown columns, left to right."""
        header = self._view.header()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return [column for column in logical if not self._view.isColumnHidden(column)]

    def _selected(self) -> list[QModelIndex]:
        selection = self._view.selectionModel()
        cells = [] if selection is None else [i for i in selection.selectedIndexes()
                                              if not self._view.isColumnHidden(i.column())]
        current = self._view.currentIndex()
        return cells or ([current] if current.isValid() else [])

    @staticmethod
    def _row_key(index: QModelIndex) -> tuple[int, int]:
        parent = index.parent()
        return (parent.row() if parent.isValid() else -1, index.row())

    # --- copy ----------------------------------------------------------------------------------------------------

    def copy(self) -> None:
        """The selection as tab-separated text; cells inside its bounds that are not selected stay empty."""
        cells = self._selected()
        if not cells:
            return
        rows = {self._row_key(index): position for position, index in enumerate(self._rows())}
        columns = {column: position for position, column in enumerate(self._columns())}
        placed = {(rows[self._row_key(i)], columns[i.column()]): str(i.data() or "").strip()
                  for i in cells if i.column() in columns}
        if not placed:
            return
        top, bottom = min(r for r, _ in placed), max(r for r, _ in placed)
        left, right = min(c for _, c in placed), max(c for _, c in placed)
        block = [[placed.get((r, c), "") for c in range(left, right + 1)] for r in range(top, bottom + 1)]
        QApplication.clipboard().setText(to_tsv(block))

    # --- paste ---------------------------------------------------------------------------------------------------

    def paste(self, text: str | None = None) -> None:
        """Paste the clipboard (or `text`) at the selection's top-left cell; one value fills every selected cell."""
        block = parse_block(QApplication.clipboard().text() if text is None else text)
        cells = self._selected()
        if not block or not cells or self._model.agreement_id is None:
            return
        rows = self._rows()
        columns = self._columns()
        row_at = {self._row_key(index): position for position, index in enumerate(rows)}
        column_at = {column: position for position, column in enumerate(columns)}
        targets: list[tuple[int, int, QModelIndex | None, str]] = []  # line, column of the block, cell, text
        if len(block) == 1 and len(block[0]) == 1 and len(cells) > 1:
            targets = [(1, 1, cell, block[0][0]) for cell in cells]
        else:
            top = min(row_at[self._row_key(cell)] for cell in cells)
            left = min(column_at.get(cell.column(), len(columns)) for cell in cells)
            for line, values in enumerate(block, start=1):
                for offset, value in enumerate(values, start=1):
                    r, c = top + line - 1, left + offset - 1
                    cell = None if r >= len(rows) or c >= len(columns) else \
                        rows[r].siblingAtColumn(columns[c])
                    targets.append((line, offset, cell, value))
        self._write_pasted(targets, wide=max(len(values) for values in block) > 1)

    def _write_pasted(self, targets: list[tuple[int, int, QModelIndex | None, str]], wide: bool) -> None:
        model = self._model
        refusals: list[Refusal] = []
        wanted: list[tuple[int, int, Rating]] = []
        warned_cells: list[Refusal] = []  # pasted despite a warning: named in the summary like a refusal
        group: str | None = None
        for line, column, cell, text in targets:
            text = text.strip()
            item = None if cell is None else model.indicator_at(cell)
            code = "" if item is None else item.code
            if cell is None:
                if text:
                    refusals.append(Refusal(line, column, "", self.tr("beyond the end of the table")))
                continue
            if not model.flags(cell) & Qt.ItemFlag.ItemIsEditable:
                if text and text != str(cell.data() or "").strip():  # a copied block pasted back is no refusal
                    refusals.append(Refusal(line, column, code, self._why_not_editable(cell)))
                continue
            cell_group = model.group_of(cell)
            assert item is not None and cell_group is not None
            if group is None:
                group = cell_group
            elif cell_group != group:
                refusals.append(Refusal(line, column, code, self.tr(
                    "one column of results at a time: the self-assessment's and yours are pasted separately")))
                continue
            try:
                result = None if not text else parse_decimal(text)
            except NumberFormatError:
                refusals.append(Refusal(line, column, code, self.tr("not a number: '{0}'").format(text)))
                continue
            stored = model.stored(cell_group, item.code)
            if (None if stored is None else stored.rating.result) == result:  # unchanged, or empty on empty
                continue
            base = stored.rating if stored is not None else Rating(code=item.code, round=model.round,
                                                                   evaluator=model.evaluator_of(cell_group))
            # The rule typing uses (domain/plausibility.py): a refusal is not pasted; a warning is pasted, since the
            # paste was the person's deliberate act, stored with the result and named in the summary.
            checks = [] if result is None or model.framework is None else check_result(item, result, model.framework)
            if refusals_in(checks):
                refusals.append(Refusal(line, column, code, problem_text(refusals_in(checks)[0])))
                continue
            warned = warnings_in(checks)
            if warned:
                warned_cells.append(Refusal(line, column, code, problem_text(warned[0])))
            wanted.append((line, column, replace(base, result=result,
                                                 confirmed_warning=warning_text(warned) or None)))
        taken: list[Rating] = []
        taken_at: set[tuple[int, int]] = set()
        if wanted:
            problems = rating_problems(self._session.workspace, model.agreement_id or 0, [r for _, _, r in wanted])
            for (line, column, rating), found in zip(wanted, problems, strict=True):
                if found:
                    refusals.append(Refusal(line, column, rating.code, problem_text(found[0])))
                else:
                    taken.append(rating)
                    taken_at.add((line, column))
        written = 0
        if taken:
            name = self.tr("Paste {0} result(s)").format(len(taken))
            error = self._write(taken, name)
            if error is not None:
                refusals = [Refusal(0, 0, "", error)]
            else:
                written = len(taken)
        refusals.sort(key=lambda r: (r.line, r.column))
        self.last_refusals = refusals
        self.last_warnings = [w for w in warned_cells if (w.line, w.column) in taken_at] if written else []
        self.summary.emit(self._summary_text(written, refusals, wide, self.last_warnings))

    def _why_not_editable(self, cell: QModelIndex) -> str:
        model = self._model
        item = model.indicator_at(cell)
        if self._session.read_only:
            return self.tr("the workspace is read-only")
        if not model.is_result_cell(cell):
            return self.tr("not a result column")
        if item is None:
            return self.tr("a heading or total row, not an indicator")
        if model.agreement is not None and model.agreement.is_parent(item.code):
            return self.tr("scored through its sub-indicators")
        if not item.counted_in(model.round):
            return self.tr("not counted in the {0}-month round").format(model.round)
        return self.tr("this indicator has no criteria to score against")

    def _summary_text(self, written: int, refusals: list[Refusal], wide: bool,
                      warned: list[Refusal] | None = None) -> str:
        lines = [self.tr("Pasted {0} result(s).").format(written)]
        for cell in (warned or [])[:_LISTED_REFUSALS]:
            lines.append(self.tr("Pasted with a warning, indicator {0}: {1}").format(cell.code, cell.reason))
        if refusals:
            lines.append(self.tr("Not pasted ({0}):").format(len(refusals)))
        for refusal in refusals[:_LISTED_REFUSALS]:
            if refusal.line == 0:
                lines.append(refusal.reason)
                continue
            where = self.tr("line {0}, column {1}").format(refusal.line, refusal.column) if wide else \
                self.tr("line {0}").format(refusal.line)
            if refusal.code:
                where += " " + self.tr("(indicator {0})").format(refusal.code)
            lines.append(f"{where}: {refusal.reason}")
        if len(refusals) > _LISTED_REFUSALS:
            lines.append(self.tr("… and {0} more").format(len(refusals) - _LISTED_REFUSALS))
        return "\n".join(lines)

    # --- clear ---------------------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Delete or Backspace: the results of the selected cells are removed, as one undo step."""
        model = self._model
        cleared: list[Rating] = []
        for cell in self._selected():
            item, group = model.indicator_at(cell), model.group_of(cell)
            if item is None or group is None or not model.flags(cell) & Qt.ItemFlag.ItemIsEditable:
                continue
            stored = model.stored(group, item.code)
            if stored is not None and stored.rating.result is not None:
                cleared.append(replace(stored.rating, result=None, confirmed_warning=None))  # no result, no warning
        if not cleared:
            return
        if len({r.evaluator for r in cleared}) > 1:  # one write names one evaluator's sheet
            cleared = [r for r in cleared if r.evaluator == cleared[0].evaluator]
        error = self._write(cleared, self.tr("Clear {0} result(s)").format(len(cleared)))
        if error is not None:
            self.summary.emit(error)

    # --- the one write -------------------------------------------------------------------------------------------

    def _write(self, ratings: list[Rating], name: str) -> str | None:
        """Record `ratings` in one transaction as one undo step; undo records what is stored now. None: written."""
        model = self._model
        agreement_id = model.agreement_id
        assert agreement_id is not None
        evaluator, round_ = ratings[0].evaluator, ratings[0].round
        stored = {r.code: self._stored(r) for r in ratings}
        before = [s.rating if s is not None else Rating(code=r.code, round=round_, evaluator=evaluator)
                  for r, s in ((r, stored[r.code]) for r in ratings)]
        notes = {code: None if s is None else s.note for code, s in stored.items()}
        actor = self._session.evaluator()
        codes = {r.code for r in ratings}
        changes = Changes(agreement_id=agreement_id, round=round_, evaluator=evaluator,
                          code=next(iter(codes)) if len(codes) == 1 else None, rating=True)

        def record(states: list[Rating]) -> Change[list[int]]:
            items = [(state, notes[state.code], None) for state in states]
            return Change(lambda workspace: record_ratings(workspace, agreement_id, items, actor=actor), changes,
                          name=name)

        outcome = self._session.run(replace(record(ratings), undo=record(before)))
        return None if outcome.ok else (outcome.error or "")

    def _stored(self, rating: Rating) -> StoredRating | None:
        for group in GROUPS:
            if self._model.evaluator_of(group) == rating.evaluator:
                return self._model.stored(group, rating.code)
        return None
