"""Thai dates in Qt's own file dialog: "3 ธ.ค. 2569 14:05" instead of the "3 12 2026" of the machine's C locale.

Qt's file list formats "Date Modified" with the system locale (QLocale::system(), read from LANG), not with the
application's default locale, and Qt has no Buddhist calendar; so the dialog's model is given a proxy that writes
that column as the rest of the window writes dates (domain/thai_dates.py) while the interface is Thai, and in the
interface's own locale while it is English.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDateTime,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from ...domain.thai_dates import screen_date
from .cell_names import cell_name
from .language import THAI, current_language

Index = QModelIndex | QPersistentModelIndex
_DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class ThaiFileDates(QIdentityProxyModel):
    """The file dialog's model, with the modification date in B.E. and Thai month names, and every cell named."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == _DATE_COLUMN:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                modified = source.lastModified(self.mapToSource(index))
                if modified.isValid():
                    if current_language() == THAI:
                        return thai_date_time(modified)
                    # the interface's locale (language.py sets it), not the machine's C locale
                    return QLocale().toString(modified.toLocalTime(), QLocale.FormatType.ShortFormat)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a folder's empty size is said as such, not as nothing
            return cell_name(self.headerData(index.column(), Qt.Orientation.Horizontal),
                             self.data(index, Qt.ItemDataRole.DisplayRole))
        return super().data(index, role)


def thai_date_time(moment: QDateTime) -> str:
    """3 ธ.ค. 2569 14:05, in the machine's local time (as the file system keeps it)."""
    local = moment.toLocalTime()
    day = local.date()
    return f"{screen_date(dt.date(day.year(), day.month(), day.day()), short=True)} {local.time().toString('HH:mm')}"


def show_thai_dates(dialog: QFileDialog) -> None:
    """Give a (non-native) file dialog the Thai dates once; a native dialog dates files itself."""
    if dialog.testOption(QFileDialog.Option.DontUseNativeDialog) or dialog.findChild(QFileSystemModel) is not None:
        if dialog.proxyModel() is None:  # a proxy the dialog's author set is left alone
            dialog.setProxyModel(ThaiFileDates(dialog))
