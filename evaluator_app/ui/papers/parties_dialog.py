"""The parties of the chosen agreement (คู่สัญญา), as the agreement paper prints them: recipients and givers, one
person a line, "ชื่อ | ตำแหน่ง" as on the command line. Saved as one audited change; a refusal keeps the dialog open
with the reason, and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement import Party, PartySide
from ...domain.parties import party_from_text, party_problems
from ...domain.problems import Problem, ProblemsError
from ...store.parties import load_parties, set_parties
from ...store.workspace import Workspace, WorkspaceError


def _lines(parties: tuple[Party, ...], side: PartySide) -> str:
    return "\n".join(p.name + (f" | {p.position}" if p.position else "") for p in parties if p.side is side)


class PartiesDialog(QDialog):
    """After an accepted exec(): `saved` says whether the parties changed."""

    def __init__(self, workspace: Workspace, agreement_id: int, agency: str, actor: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partiesDialog")
        self.workspace, self.agreement_id, self.actor = workspace, agreement_id, actor
        self.saved = False
        self.setWindowTitle(self.tr("Parties of the agreement"))
        self.setMinimumWidth(640)
        stored = load_parties(workspace, agreement_id)
        heading = QLabel(agency, self)
        heading.setWordWrap(True)
        hint = QLabel(self.tr("One person a line: name | position. The agreement paper names them in its first "
                              "clause and gives each a signature block."), self)
        hint.setWordWrap(True)
        self.recipients = self._edit("recipients", _lines(stored, PartySide.RECIPIENT))
        self.givers = self._edit("givers", _lines(stored, PartySide.GIVER))
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("partiesProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Recipients (ผู้รับคำรับรอง):"), self.recipients)
        form.addRow(self.tr("&Givers (ผู้ทำคำรับรอง):"), self.givers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        if workspace.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self._show([self.tr("The workspace is open read-only: {0}").format(workspace.read_only_reason or "")])
        self.recipients.setFocus()

    def _edit(self, name: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text, self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText("ชื่อ | ตำแหน่ง")
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 16)
        return edit

    def parties(self) -> list[Party]:
        """The persons typed, recipients first; ValueError (Thai / English) for a line that is not one."""
        found = []
        for side, edit in ((PartySide.RECIPIENT, self.recipients), (PartySide.GIVER, self.givers)):
            for number, line in enumerate(edit.toPlainText().splitlines(), start=1):
                if line.strip():
                    try:
                        found.append(party_from_text(side, line))
                    except ValueError as exc:
                        where = self.tr("line {0}").format(number)
                        raise ValueError(f"{where}: {exc}") from None
        return found

    def save(self) -> None:
        try:
            parties = self.parties()
            problems = party_problems(parties, field=None)
            if problems:
                raise ProblemsError(problems)
            self.saved = set_parties(self.workspace, self.agreement_id, parties, actor=self.actor)
        except ValueError as exc:
            self._show([str(exc)])
            return
        except ProblemsError as exc:
            self._show([str(p) for p in exc.problems])
            return
        except WorkspaceError as exc:
            self._show([str(exc)])
            return
        self.accept()

    def _show(self, lines: list[str] | list[Problem]) -> None:
        self.problem_label.setText("\n".join(str(line) for line in lines))
        self.problem_label.show()
