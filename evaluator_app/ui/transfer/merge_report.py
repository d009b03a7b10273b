"""What a package did, for the person who exported or imported it: a one-line verdict, a summary, and for an
evaluator package the merge report the secretary reviews (applied changes, edit conflicts, submissions); a refused
package says which file and why, and that nothing was written."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import ProblemsError
from ..common.cell_history import number
from ..common.language import THAI, current_language
from ..common.list_model import ListTableModel
from ..common.messages import problem_text

Index = QModelIndex | QPersistentModelIndex

OK_STYLE = "background: #e3f1e4; color: #1b5e20; padding: 8px; font-weight: bold"
WARNING_STYLE = "background: #fff3cd; color: #5c4400; padding: 8px; font-weight: bold"
REFUSED_STYLE = "background: #fde2e1; color: #8b1111; padding: 8px; font-weight: bold"


def rating_value(values: dict[str, Any] | None) -> str:
    """A rating's values as one short text: the result, or the adjusted score when there is one."""
    if not values:
        return "–"
    parts = []
    if values.get("result") is not None:
        parts.append(number(values["result"]))
    if values.get("adjusted_score") is not None:
        parts.append(QCoreApplication.translate("PackageResultDialog", "adjusted {0}").format(
            number(values["adjusted_score"])))
    if values.get("edit_version") is not None:
        parts.append(QCoreApplication.translate("PackageResultDialog", "edit {0}").format(values["edit_version"]))
    return ", ".join(parts) or "–"


class RowsModel(ListTableModel[list[str]]):
    """A read-only table of strings with translated headers; the merge report's lists are small."""

    def __init__(self, headers: list[str], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = headers
        self.tooltips: list[list[str | None]] = []

    @property
    def rows(self) -> list[list[str]]:
        return self.items()

    def set_rows(self, rows: list[list[str]], tooltips: list[list[str | None]] | None = None) -> None:
        self.tooltips = tooltips or [[None] * len(r) for r in rows]
        self.set_items(rows)

    def columns(self) -> tuple[str, ...]:
        return tuple(str(n) for n in range(len(self.headers)))  # keyed by position: two headers may read alike

    def header(self, key: str) -> object:
        return self.headers[int(key)]

    def cell(self, row_cells: list[str], key: str, role: int, row: int) -> object:
        column = int(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return row_cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips[row][column] or row_cells[column]
        return None


class PackageResultDialog(QDialog):
    """Shown after every package export or import; not modal, so the secretary can keep it beside the matrix."""

    resolve_requested = Signal()  # the secretary wants to decide the edit conflicts now

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("packageResult")
        self.setWindowTitle(self.tr("Package"))
        self.resize(980, 560)
        self.outcome = ""  # exported, installed, merged, already, refused: for tests and scripts
        self.verdict = QLabel(self)
        self.verdict.setObjectName("packageVerdict")
        self.verdict.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("packageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.verdict, self.summary):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.applied_model = RowsModel([self.tr("Agency"), self.tr("Year"), self.tr("Round"), self.tr("Indicator"),
                                        self.tr("Before"), self.tr("After")], self)
        self.conflicts_model = RowsModel([self.tr("Agency"), self.tr("Year"), self.tr("Round"),
                                          self.tr("Indicator"), self.tr("Why it was not applied"),
                                          self.tr("Stored here"), self.tr("In the package")], self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mergeReport")
        self.applied_view = self._table("appliedChanges", self.applied_model)
        self.conflicts_view = self._table("editConflicts", self.conflicts_model)
        self.tabs.addTab(self.conflicts_view, "")
        self.tabs.addTab(self.applied_view, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.resolve_button = QPushButton(self.tr("&Resolve conflicts…"), self)
        self.resolve_button.setObjectName("resolveConflicts")
        self.resolve_button.clicked.connect(self.resolve_requested)
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.resolve_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.tabs.hide()

    def _table(self, name: str, model: RowsModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _set(self, outcome: str, style: str, verdict: str, summary: str) -> None:
        self.outcome = outcome
        self.resolve_button.setVisible(outcome == "merged" and self.tabs.isVisible()
                                       and bool(self.conflicts_model.rows))
        self.verdict.setStyleSheet(style)
        self.verdict.setText(verdict)
        # Rich text with room between lines: Thai marks above and below need more than the default leading.
        lines = "<br/>".join(html.escape(line) for line in summary.split("\n"))
        self.summary.setText(f"<div style='line-height: 135%'>{lines}</div>")
        if self.tabs.isHidden():
            self.resize(max(self.width(), 760), self.sizeHint().height())  # no tables: no empty space

    # --- the outcomes ------------------------------------------------------------------------------------------

    def show_export(self, summary: Any) -> None:
        """An ExportSummary: where the package is, what is in it, and for a signed one the fingerprint."""
        self.setWindowTitle(self.tr("Package exported"))
        self.tabs.hide()
        lines = [self.tr("File: {0}").format(summary.path)]
        if summary.kind == "evaluator":
            lines.append(self.tr("{0} rating(s) of {1} agreement(s), signed by {2}.").format(
                summary.ratings, summary.agreements, summary.member_id))
            lines.append(self.tr("Fingerprint of the signing key: {0}").format(summary.fingerprint))
            lines.append(self.tr("Encrypted to the secretary's key, with {0} evidence file(s): only she can open "
                                 "it.").format(summary.evidence))
            lines.append(self.tr("Send this file to the secretary (e-mail or USB stick); private notes never "
                                 "travel."))
            verdict = self.tr("Your ratings are exported and signed.")
        else:
            lines.append(self.tr("{0} agreement(s), the members and their public keys, conflicts of interest and "
                                 "the declaration.").format(summary.agreements))
            lines.append(self.tr("Signed with the secretary's key, fingerprint: {0}").format(summary.fingerprint))
            lines.append(self.tr("Send this file to every member; they open it with File → Import package…, and "
                                 "on the first one compare this fingerprint aloud with you."))
            verdict = self.tr("The panel package is exported.")
        self._set("exported", OK_STYLE, verdict, "\n".join(lines))

    def show_install(self, report: Any, path: Path) -> None:
        """An InstallReport: a panel package on a member's laptop."""
        self.setWindowTitle(self.tr("Panel package imported"))
        self.tabs.hide()
        if report.master:
            self._set("master", OK_STYLE, self.tr(
                "This is the panel's master workspace, which made this package: nothing changed."), str(path))
            return
        if report.already_imported:
            self._set("already", OK_STYLE, self.tr("This panel package was imported before: nothing changed."),
                      str(path))
            return
        lines = [str(path), self.tr("Panel: {0} ({1} member(s))").format(report.panel_name, report.members)]
        if report.agreements_added:
            lines.append(self.tr("Agreements added: {0}").format(
                ", ".join(f"{a} {y}" for a, y in report.agreements_added)))
        if report.agreements_unchanged:
            lines.append(self.tr("Agreements already here, unchanged: {0}").format(
                ", ".join(f"{a} {y}" for a, y in report.agreements_unchanged)))
        if report.self_assessment_updated:
            lines.append(self.tr("Self-assessment results updated: {0}").format(report.self_assessment_updated))
        lines.extend(self.tr("State: {0}").format(s) for s in report.states_updated)
        self._set("installed", OK_STYLE, self.tr("The panel package is imported: you can rate now."),
                  "\n".join(lines))

    def show_merge(self, report: Any, path: Path) -> None:
        """A MergeReport: a member's signed ratings merged into the master workspace."""
        self.setWindowTitle(self.tr("Merge report: {0}").format(report.member_id))
        if report.already_imported:
            self.tabs.hide()
            self._set("already", OK_STYLE, self.tr(
                "This package of {0} was imported before: nothing changed.").format(report.member_id), str(path))
            return
        self._fill_tables([report])
        lines = [str(path), self._counts(report)]
        lines.extend(self.tr("Submitted: {0} {1}, round {2} months").format(*s) for s in report.submitted)
        if report.conflicts:
            verdict = self.tr("Merged: {0} edit conflict(s) wait for your decision; nothing here was "
                              "overwritten.").format(len(report.conflicts))
            self._set("merged", WARNING_STYLE, verdict, "\n".join(lines))
        else:
            self._set("merged", OK_STYLE, self.tr("The ratings of {0} are merged.").format(report.member_id),
                      "\n".join(lines))

    def _counts(self, report: Any) -> str:
        return self.tr(
            "Ratings of {0}: {1} applied, {2} unchanged, {3} edit conflict(s) not applied; {4} submission(s); "
            "{5} evidence hash(es) recorded.").format(
            report.member_id, len(report.applied), report.unchanged, len(report.conflicts), len(report.submitted),
            report.evidence_recorded)

    def _fill_tables(self, reports: list[Any]) -> None:
        """The applied changes and edit conflicts of one merge report, or of several (each change then names
        its member)."""
        thai = current_language() == THAI
        several = len(reports) > 1
        applied: list[list[str]] = []
        rows: list[list[str]] = []
        tips: list[list[str | None]] = []
        for report in reports:
            mark = f" ({report.member_id})" if several else ""
            applied.extend([c.agency, str(c.fiscal_year), str(c.round), c.code, rating_value(c.before),
                            rating_value(c.after) + mark] for c in report.applied)
            for c in report.conflicts:
                why, other = (c.th, c.en) if thai else (c.en, c.th)
                mine, theirs = rating_value(c.stored), rating_value(c.incoming)
                if c.incoming is not None:
                    mine = f"{mine} ({c.stored_author or '–'})"
                    theirs = f"{theirs} ({c.incoming_author or report.member_id})"
                rows.append([c.agency, str(c.fiscal_year), str(c.round), c.code or self.tr("submission"), why,
                             mine, theirs])
                tips.append([None, None, None, None, f"{why}\n{other}", None, None])
        self.applied_model.set_rows(applied)
        self.conflicts_model.set_rows(rows, tips)
        for view in (self.applied_view, self.conflicts_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
        self.tabs.setTabText(0, self.tr("Edit conflicts to review ({0})").format(len(rows)))
        self.tabs.setTabText(1, self.tr("Applied changes ({0})").format(len(applied)))
        self.tabs.setCurrentIndex(0 if rows else 1)
        self.tabs.show()

    def show_together(self, imported: list[Any]) -> None:
        """Several packages imported together (exchange.packages.Imported, in the order chosen): what each did,
        or why it was refused (nothing of that one was written), and the applied changes and edit conflicts of
        all of them."""
        from ...store.panel_merge import MergeReport

        self.setWindowTitle(self.tr("Merge report: {0} packages").format(len(imported)))
        merged = [item.report for item in imported if isinstance(item.report, MergeReport)
                  and not item.report.already_imported]
        lines: list[str] = []
        for item in imported:
            report = item.report
            if item.refusal is not None:
                lines.append(self.tr("{0}: refused, nothing of it was written:").format(item.path.name))
                lines.extend(f"  • {problem_text(p)}" for p in item.refusal.problems)
            elif report.already_imported:
                lines.append(self.tr("{0}: imported before, nothing changed.").format(item.path.name))
            elif isinstance(report, MergeReport):
                lines.append(f"{item.path.name}: {self._counts(report)}")
            else:
                lines.append(self.tr("{0}: panel package imported.").format(item.path.name))
        if merged:
            self._fill_tables(merged)
        else:
            self.tabs.hide()
        refused = sum(item.refusal is not None for item in imported)
        conflicts = sum(len(report.conflicts) for report in merged)
        if refused == len(imported):
            self._set("refused", REFUSED_STYLE, self.tr(
                "None of the {0} packages could be used. Nothing was written.").format(len(imported)),
                "\n".join(lines))
        elif refused:
            self._set("merged", WARNING_STYLE, self.tr(
                "{0} of {1} packages were refused and nothing of them was written; the others are imported.").format(
                refused, len(imported)), "\n".join(lines))
        elif not merged and all(item.report.already_imported for item in imported):
            self._set("already", OK_STYLE, self.tr("These packages were imported before: nothing changed."),
                      "\n".join(lines))
        elif conflicts:
            self._set("merged", WARNING_STYLE, self.tr(
                "Merged: {0} edit conflict(s) wait for your decision; nothing here was overwritten.").format(
                conflicts), "\n".join(lines))
        else:
            self._set("merged", OK_STYLE, self.tr("All {0} packages are imported.").format(len(imported)),
                      "\n".join(lines))

    def show_refusal(self, path: Path, error: BaseException, *, exporting: bool = False) -> None:
        """A package that was not used (or not written): which file and why; nothing was written."""
        self.setWindowTitle(self.tr("Package not exported") if exporting else self.tr("Package refused"))
        self.tabs.hide()
        if isinstance(error, ProblemsError):
            reasons = [problem_text(p) for p in error.problems]
        else:
            reasons = [str(error) or type(error).__name__]
        verdict = self.tr("No package was written.") if exporting else self.tr(
            "The package was refused. Nothing was written.")
        self._set("refused", REFUSED_STYLE, verdict, self.tr("File: {0}").format(path) + "\n" + self.tr("Why:")
                  + "\n" + "\n".join(f"• {r}" for r in reasons))

    def summary_text(self) -> str:
        """The summary as plain text (for tests and for copying)."""
        document = QTextDocument()
        document.setHtml(self.summary.text())
        return document.toPlainText()
