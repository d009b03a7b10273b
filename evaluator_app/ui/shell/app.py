"""Start-up of the window: the application object, font, language, the workspace, and the main window.

Only what the first paint needs is imported here; the importer (openpyxl) and reports (reportlab) load when
first used.

Environment: EVALUATOR_APP_QUIT_AFTER_MS=N quits the window N milliseconds after it is shown (exit code 0), for
start-up benchmarks and the packaging smoke test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ...paths import default_workspace_path, resource
from ...store.workspace import WorkspaceError
from ..common.accessibility import install_accessibility
from ..common.fonts import apply_application_font
from ..common.language import install_language
from ..common.session import WorkspaceSession
from . import settings
from .file_open import install_file_open_handler
from .main_window import MainWindow

QUIT_AFTER_ENV = "EVALUATOR_APP_QUIT_AFTER_MS"


def prepare_application(app: QApplication, language: str | None = None) -> str:
    """Names (for QSettings), the bundled font, and the interface language; returns the language installed.

    A language given here (the --lang option) is for this run; the one chosen in the window is remembered.
    """
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("evaluator-app")
    app.setDesktopFileName("evaluator-app")  # Wayland and the taskbar match the window to evaluator-app.desktop
    icon = QIcon(str(resource("icons", "evaluator-app.svg")))
    if icon.pixmap(64).isNull():  # a build without Qt's SVG plugins still has the bitmap
        icon = QIcon(str(resource("icons", "evaluator-app.png")))
    app.setWindowIcon(icon)
    apply_application_font(app)
    install_accessibility(app)  # names for screen readers, Thai dates in Qt's file dialog
    return install_language(language or settings.language())


def workspace_to_open(db_path: Path | None, demo: bool) -> tuple[Path, str]:
    """The file to open and a note for the status bar: the named one, a fresh demo copy, the one open last time
    (when it still exists), or the default one."""
    if db_path is not None:
        return Path(db_path), ""
    if demo:
        from ...exchange.demo import demo_workspace_copy

        return demo_workspace_copy(), ""
    last = settings.last_workspace()
    if last is not None:
        if last.is_file():
            return last, ""
        return default_workspace_path(), QCoreApplication.translate(
            "Startup", "The workspace open last time is no longer there ({0}); the default workspace is open.").format(
            last)
    return default_workspace_path(), ""


def start_window(db_path: Path | None, demo: bool = False, package: Path | None = None) -> MainWindow | None:
    """The main window, shown, on the workspace to open (see workspace_to_open); None when it cannot be opened
    (said in a message box). It asks who you are once it is shown, when the workspace does not know yet."""
    path, note = workspace_to_open(db_path, demo)
    try:
        session = WorkspaceSession.open(path)
    except WorkspaceError as exc:
        if db_path is not None or demo or path == default_workspace_path():
            QMessageBox.critical(None, "evaluator-app", str(exc))
            return None
        # The last workspace cannot be opened now (damaged, unreadable): start on the default one and say why.
        note = QCoreApplication.translate("Startup", "The workspace open last time could not be opened: {0}").format(
            exc)
        try:
            session = WorkspaceSession.open(default_workspace_path())
        except WorkspaceError as second:
            QMessageBox.critical(None, "evaluator-app", str(second))
            return None
    window = MainWindow(session, asks_identity=True)
    window.show()
    if note:
        window.statusBar().showMessage(note, 30000)
    QTimer.singleShot(0, window, window.ask_identity_if_needed)
    if package is not None:
        QTimer.singleShot(0, lambda: window.transfer_actions.import_package_file(Path(package)))
    return window


def run(db_path: Path | None, demo: bool = False, language: str | None = None, package: Path | None = None) -> int:
    """Open the window on a workspace (the --db file, a fresh demo copy, the last one, or the default one); the exit
    code. A demo copy is removed when the window closes.

    With `package` (a double-clicked .evpanel or .evpack), the window starts importing it once it is shown.
    """
    from ...exchange.demo_folders import remove_demo_copy

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    prepare_application(app, language)
    window = start_window(db_path, demo, package)
    if window is None:
        return 2
    opened = window.session.path if window.session is not None else None
    install_file_open_handler(app, window)  # macOS hands double-clicked files over as QFileOpenEvents
    quit_after = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if quit_after:
        try:
            QTimer.singleShot(max(int(quit_after), 0), app.quit)
        except ValueError:
            print(f"{QUIT_AFTER_ENV} is not a number of milliseconds: {quit_after!r}", file=sys.stderr)
    try:
        return app.exec()
    finally:
        if demo and opened is not None:
            if window.session is not None:
                window.close()  # closes the workspace (and its lock) before its folder goes
            remove_demo_copy(opened)
