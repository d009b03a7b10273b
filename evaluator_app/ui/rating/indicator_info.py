"""The indicator's definition in the details pane: its code and name, then each field as a label beside its value
in a form (never run together as one line of Thai, which has no spaces between words), then milestone levels, when it
was last saved, and the history of its rating."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette, QTextDocument
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from .wrapped_label import WrappedLabel

_LABEL_GAP = 16  # pixels between a label and its value
FIELDS = 11  # the most rows an indicator's definition has (DetailsPane._render_info)


def _text_label(parent: QWidget, rich: bool = False) -> QLabel:
    # The form asks each wrapped label's height for the same width several times per indicator shown, and a
    # QLabel lays its Thai text out again (line breaks from a dictionary) each time: 2-7 ms an agreement switched.
    label = WrappedLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class IndicatorInfo(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("indicatorInfo")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down read a long definition
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long text wraps instead
        body = QWidget(self)
        body.setObjectName("indicatorInfoBody")
        body.setBackgroundRole(QPalette.ColorRole.Base)  # a page to read, as the text view it replaced
        body.setAutoFillBackground(True)
        self.heading = _text_label(body)
        self.heading.setObjectName("indicatorHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow pane puts values below
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(_LABEL_GAP)
        self.form.setVerticalSpacing(4)
        self.notes = _text_label(body, rich=True)
        self.notes.setObjectName("indicatorNotes")
        self.history = _text_label(body, rich=True)
        self.history.setObjectName("ratingHistory")
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.notes)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.setWidget(body)
        self._body = body
        self.rows: list[tuple[QLabel, QLabel]] = []  # the form's rows shown: (label, value)
        self._pool: list[tuple[QLabel, QLabel]] = []  # every row made, the hidden ones after those shown

    def sizeHint(self) -> QSize:
        # A scroll area asks only for its frame; the pane's splitter would give the definition a sliver.
        return QSize(self.fontMetrics().averageCharWidth() * 45, super().sizeHint().height())

    def show_message(self, text: str) -> None:
        self.show_indicator(text, [], "", "")

    def show_indicator(self, heading: str, rows: list[tuple[str, str]], notes_html: str, history_html: str) -> None:
        """`rows`: (label, value) pairs, each shown as a label with its value beside it (or below, if narrow)."""
        self.heading.setText(heading)
        # The form's labels are kept and given new texts: making a form of wrapped labels anew for every indicator
        # shown (twice an agreement switched to) cost more than the table it describes.
        # Rows beyond those needed are hidden, not removed (a message between two indicators needs none).
        for position, (label_text, value_text) in enumerate(rows):
            if position == len(self._pool):
                self._new_row()
            label, value = self._pool[position]
            label_text = self.tr("{0}:").format(label_text)
            if label.text() != label_text:
                label.setText(label_text)
            if value.text() != value_text:
                value.setText(value_text)
        for position in range(len(self._pool)):
            if self.form.isRowVisible(position) != (position < len(rows)):
                self.form.setRowVisible(position, position < len(rows))
        self.rows = self._pool[:len(rows)]
        for part, text in ((self.notes, notes_html), (self.history, history_html)):
            if part.text() != text:
                part.setText(text)
            part.setVisible(bool(text))

    def _new_row(self) -> None:
        label = _text_label(self._body)
        bold = QFont(label.font())
        bold.setBold(True)
        label.setFont(bold)
        value = _text_label(self._body)
        label.setBuddy(value)
        self.form.addRow(label, value)
        self._pool.append((label, value))

    def make_rows(self, count: int = FIELDS) -> None:
        """Make the form's rows ahead, hidden (warm_up.py): the first indicator with that many fields shows them
        without making labels then."""
        while len(self._pool) < count:
            self._new_row()
            self.form.setRowVisible(len(self._pool) - 1, False)

    def reveal_history(self) -> None:
        """Scroll the history of the rating into view."""
        if self.history.isVisible():
            self.ensureWidgetVisible(self.history)

    def toPlainText(self) -> str:  # read like QTextEdit's, which this pane was
        lines = [self.heading.text()]
        lines += [f"{label.text()} {value.text()}" for label, value in self.rows]
        for part in (self.notes, self.history):
            if part.text():
                document = QTextDocument()
                document.setHtml(part.text())
                lines.append(document.toPlainText())
        return "\n".join(lines)
