"""Files the desktop hands to the running app (macOS sends a QFileOpenEvent to the application when a person
double-clicks a workspace or a package): a workspace is opened, a package is imported, anything else ignored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .main_window import MainWindow

WORKSPACE_SUFFIX = ".sqlite"  # as evaluator_app.launcher decides for `evaluator-app FILE`


def open_file_in_window(window: MainWindow, path: Path) -> bool:
    """What a double-click on `path` does in an open window; False when it is not a file the app takes."""
    from ...exchange.package_format import EXTENSIONS  # the first file opened, not the first paint

    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in (WORKSPACE_SUFFIX, *EXTENSIONS.values()):
        return False
    if suffix == WORKSPACE_SUFFIX:
        return window.open_path(path)
    window.transfer_actions.import_package_file(path)
    return True


class FileOpenHandler(QObject):
    def __init__(self, window: MainWindow, parent: QObject | None = None):
        super().__init__(parent)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file()
            if name and self._window.session is None:  # the file that started the app: once the window is ready
                path = Path(name)
                self._window.ready.connect(lambda: open_file_in_window(self._window, path),
                                           Qt.ConnectionType.SingleShotConnection)
                return True
            if name and open_file_in_window(self._window, Path(name)):
                return True
        return super().eventFilter(watched, event)


def install_file_open_handler(app: QApplication, window: MainWindow) -> FileOpenHandler:
    handler = FileOpenHandler(window, app)
    app.installEventFilter(handler)
    return handler
