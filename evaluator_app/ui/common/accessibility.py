"""Accessible names for every control, given once for the whole application instead of in every file.

A screen reader says a control's accessible name. Qt finds one for most controls (a button's text, the label
whose buddy the control is); the others (a search box with only a placeholder, a table under a caption, a text
pane in a dock) would be read as "edit" or "table". When a window or a widget is shown, each control Qt finds no
name for is given the words a sighted person reads for it: its text, placeholder, tooltip, the caption just
before it in its layout, or the title of the group box, dock or tab holding it. A name set by hand always wins.

Table cells are named by their models (Qt.AccessibleTextRole, as ListTableModel does for every list table);
`cell_name` (cell_names.py) says an empty cell as "header: empty", never a bare "blank".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

_AUTO = "evaluatorAutoAccessibleName"  # the name this module gave, so it can be renewed when the language changes
_LONGEST = 120  # a name is a name, not the paragraph a label may hold


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gets for `widget`, as Qt works it out (its own, a buddy label's, a button's)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def plain(text: str | None) -> str:
    """Text as it is read: without mnemonic ampersands, markup or line breaks, and not too long."""
    if not text:
        return ""
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"&(.)", r"\1", text)  # "&&" is a literal ampersand; "&x" marks a mnemonic
    text = " ".join(text.split()).strip(" :：")
    return text if len(text) <= _LONGEST else text[:_LONGEST - 1].rstrip() + "…"


def derived_name(widget: QWidget) -> str:
    """The words a sighted person reads for `widget`, in the order they identify it best."""
    for text in _candidates(widget):
        name = plain(text)
        if name:
            return name
    return ""


def _candidates(widget: QWidget) -> Iterable[str]:
    if isinstance(widget, (QAbstractButton, QLabel)):  # a label reached by Tab (a link, selectable text) too
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QTabWidget):  # named by its tabs, as they read across the top
        yield " · ".join(plain(widget.tabText(n)) for n in range(widget.count()))
    yield widget.toolTip()
    yield _caption(widget)
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox):  # an editable box's text field
        yield parent.accessibleName() or derived_name(parent)
    yield _container_title(widget)
    yield _wordless(widget.objectName())


def _wordless(object_name: str) -> str:
    """Names for the panes that show no words of their own to take a name from (the agreement list, the results
    table, the indicator's details, meeting mode's table, the panel's matrix). Better still, their owners name
    them (setAccessibleName), and then this is not used."""
    return {
        "navigator": QCoreApplication.translate("Accessibility", "Agreements by fiscal year"),
        "results": QCoreApplication.translate("Accessibility", "Indicators and results"),
        "indicatorInfo": QCoreApplication.translate("Accessibility", "Details of the indicator"),
        "meetingTable": QCoreApplication.translate("Accessibility", "Indicators of the version on screen"),
        "matrixView": QCoreApplication.translate("Accessibility", "Scores of every member of the panel"),
        "cellHistory": QCoreApplication.translate("Accessibility", "History of the chosen score"),
        "reportPages": QCoreApplication.translate("Accessibility", "Pages of the paper"),
        "conflictsView": QCoreApplication.translate("Accessibility", "Conflicting edits"),
        "problems": QCoreApplication.translate("Accessibility", "Problems found"),
    }.get(object_name, "")


def _caption(widget: QWidget) -> str:
    """The label a layout puts beside or just before the widget (a caption above a table, a form's label)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    found = _layout_holding(layout, widget) if layout is not None else None
    if found is None:
        return ""
    holder, position = found
    if isinstance(holder, QFormLayout):
        field_label = holder.labelForField(widget)
        return field_label.text() if isinstance(field_label, QLabel) else ""
    if isinstance(holder, QGridLayout):
        place: tuple[int, int, int, int] = holder.getItemPosition(position)  # type: ignore[assignment]  # stub: object
        row, column = place[0], place[1]
        for left in range(column - 1, -1, -1):
            item = holder.itemAtPosition(row, left)
            cell = item.widget() if item is not None else None
            if isinstance(cell, QLabel):
                return cell.text()
        return ""
    if isinstance(holder, QBoxLayout):
        for before in range(position - 1, -1, -1):
            item = holder.itemAt(before)
            neighbour = item.widget() if item is not None else None
            if neighbour is None:
                continue  # a spacing or stretch
            if isinstance(neighbour, QLabel) and neighbour.buddy() is None and _is_caption(neighbour.text()):
                return neighbour.text()
            return ""  # another control, or a status line, comes between: no caption
    return ""


def _is_caption(text: str) -> bool:
    """A caption says what follows it and ends with a colon ("Rows as they will be read:"); a label without one
    is a status line or an explanation ("Drawing the preview…"), which changes and would be a wrong name."""
    return plain(text) != "" and text.rstrip().endswith((":", "："))


def _layout_holding(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    position = layout.indexOf(widget)
    if position >= 0:
        return layout, position
    for n in range(layout.count()):
        item = layout.itemAt(n)
        inner = item.layout() if item is not None else None
        if inner is not None:
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None


def _container_title(widget: QWidget) -> str:
    """The title of the group box, dock or tab holding the widget."""
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QDockWidget) and parent.windowTitle():
            return parent.windowTitle()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            position = tabs.indexOf(child)
            if position >= 0:
                return tabs.tabText(position)
        child, parent = parent, parent.parentWidget()
    return ""


def needs_name(widget: QWidget) -> bool:
    """A control a person reaches with the keyboard (or a view they read) that a screen reader could announce."""
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value) and not widget.isWindow()


def name_widget(widget: QWidget) -> bool:
    """Give `widget` a name if Qt finds none; renew one given here before (the language may have changed)."""
    given = widget.property(_AUTO)
    if widget.accessibleName() and widget.accessibleName() != given:
        return False  # named by whoever wrote the widget
    if not given and spoken_name(widget):
        return False  # Qt names it already (its text, its buddy label)
    name = derived_name(widget)
    if not name or name == widget.accessibleName():
        return False
    widget.setAccessibleName(name)
    widget.setProperty(_AUTO, name)
    return True


def name_widgets(root: QWidget) -> int:
    """Name every control under `root` (root included) that needs a name; how many were named."""
    named = 0
    for widget in (root, *root.findChildren(QWidget)):
        if needs_name(widget) and name_widget(widget):
            named += 1
    return named


class ShownWindows(QObject):
    """The application's event filter that names controls as they are shown, and renews the names given here
    after the interface language changes; it also gives Qt's own file dialog Thai dates (file_dialog_dates)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._naming = False  # naming sends events of its own (name changes, polish): they are not looked at

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.LanguageChange) or self._naming \
                or not isinstance(watched, QWidget):
            return False
        self._naming = True
        try:
            if kind == QEvent.Type.LanguageChange:
                if watched.isWindow():  # it retranslates itself after this filter: name it again once it has
                    QTimer.singleShot(0, watched, lambda: name_widgets(watched))
            elif watched.isWindow():
                if isinstance(watched, QFileDialog):
                    from .file_dialog_dates import show_thai_dates  # the domain's dates: not for the first paint

                    show_thai_dates(watched)
                name_widgets(watched)
            elif needs_name(watched):
                name_widget(watched)
        finally:
            self._naming = False
        return False


_filter: ShownWindows | None = None


def install_accessibility(app: QApplication) -> bool:
    """Name the controls of every window from now on (once per application); False when it was installed already."""
    global _filter
    if _filter is not None:
        return False
    _filter = ShownWindows(app)
    app.installEventFilter(_filter)
    return True
