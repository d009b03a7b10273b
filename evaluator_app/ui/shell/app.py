"""Start-up of the window in two stages, so the window is on screen at once (issue 16).

1. The shell, painted first: the application object, font, language, the main window's frame and menus, the
   navigator listed from one read-only query of the workspace file (store/agreement_list.py), the status bar.
   Only PySide6, `ui/shell`, and the light parts of `ui/common` are imported for it.
2. Right after the first paint (`Startup`), while the person sees the window: the workspace opened as a
   workspace (schema steps, checks, the lock, before anything can be written), the table, the details pane, the
   features' actions, accessible names; then "who are you?" and a package given on the command line.
   A workspace that cannot be opened is said in a message box as before, and the window closes (exit code 2).

The importer (openpyxl) and reports (reportlab) load when first used.

Environment:
- EVALUATOR_APP_QUIT_AFTER_MS=N quits the window N milliseconds after it is ready (stage 2 done; exit code 0), for
  start-up benchmarks and the packaging smoke test.
- EVALUATOR_APP_STARTUP_PROBE=FILE appends "first-paint SECONDS" and "ready SECONDS" (time.time()) to FILE, for
  the start-up benchmark (tests/benchmarks/startup_probe.py).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ...paths import default_workspace_path, resource
from ...store.agreement_list import peek_agreement_summaries
from ..common.fonts import apply_application_font
from ..common.language import install_language
from . import settings
from .main_window import MainWindow

QUIT_AFTER_ENV = "EVALUATOR_APP_QUIT_AFTER_MS"
PROBE_ENV = "EVALUATOR_APP_STARTUP_PROBE"
_FIRST_PAINT_FALLBACK_MS = 1000  # a window never exposed (started minimised) still opens its workspace


def prepare_shell(app: QApplication, language: str | None = None) -> str:
    """What the first paint needs: names (for QSettings), the bundled font, and the interface language; returns
    the language installed. A language given here (the --lang option) is for this run; the one chosen in the
    window is remembered."""
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("evaluator-app")
    app.setDesktopFileName("evaluator-app")  # Wayland and the taskbar match the window to evaluator-app.desktop
    apply_application_font(app)
    return install_language(language or settings.language())


def finish_application(app: QApplication) -> None:
    """What can wait for the first paint: the icon (the SVG one loads Qt's SVG plugin) and the accessible names,
    given to the windows already shown too."""
    from PySide6.QtGui import QIcon  # here, not at the top: making QIcon's type builds its enums (~2.5 ms)

    from ..common.accessibility import install_accessibility, name_widgets

    icon = QIcon(str(resource("icons", "evaluator-app.svg")))
    if icon.pixmap(64).isNull():  # a build without Qt's SVG plugins still has the bitmap
        icon = QIcon(str(resource("icons", "evaluator-app.png")))
    app.setWindowIcon(icon)
    if install_accessibility(app):  # names for screen readers, Thai dates in Qt's file dialog
        for window in app.topLevelWidgets():
            if window.isVisible():
                name_widgets(window)


def prepare_application(app: QApplication, language: str | None = None) -> str:
    """Everything at once (tests and tools): prepare_shell and finish_application."""
    code = prepare_shell(app, language)
    finish_application(app)
    return code


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


class Startup(QObject):
    """The second stage of the start, run once the shell has painted (see the module's docstring)."""

    failed = Signal()  # the workspace could not be opened (said in a message box); the window is closed
    done = Signal()  # the workspace is open and the window ready (once)

    def __init__(self, window: MainWindow, path: Path, note: str, strict: bool, package: Path | None):
        super().__init__(window)
        self.window, self.path, self.note, self.strict, self.package = window, path, note, strict, package
        self._started = False
        window.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._after_first_paint)
        self._fallback.start(_FIRST_PAINT_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self._started:
            self._after_first_paint()
        return False

    def _after_first_paint(self) -> None:
        if self._started:
            return
        self._started = True
        self._fallback.stop()
        self.window.removeEventFilter(self)
        _probe("first-paint")
        QTimer.singleShot(0, self, self.open_workspace)  # after this paint has reached the screen

    def open_workspace(self) -> None:
        from ...store.workspace import WorkspaceError
        from ..common.session import WorkspaceSession

        window = self.window
        if window.session is not None:  # a file was opened already (a file-open event came first)
            self._ready()
            return
        path, note = self.path, self.note
        try:
            session = WorkspaceSession.open(path)
        except WorkspaceError as exc:
            if self.strict or path == default_workspace_path():
                self._fail(str(exc))
                return
            # The last workspace cannot be opened now (damaged, unreadable): start on the default one and say why.
            note = QCoreApplication.translate(
                "Startup", "The workspace open last time could not be opened: {0}").format(exc)
            path = default_workspace_path()
            window.show_opening(path, peek_agreement_summaries(path))
            try:
                session = WorkspaceSession.open(path)
            except WorkspaceError as second:
                self._fail(str(second))
                return
        window.install_session(session)
        if note:
            window.statusBar().showMessage(note, 30000)
        self._ready()

    def _ready(self) -> None:
        window = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            finish_application(app)
        _probe("ready")
        self.done.emit()
        QTimer.singleShot(0, window, window.ask_identity_if_needed)
        if self.package is not None:
            package = Path(self.package)
            QTimer.singleShot(0, window, lambda: window.transfer_actions.import_package_file(package))

    def _fail(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, "evaluator-app", message)
        self.window.close()
        self.failed.emit()


def start_window(db_path: Path | None, demo: bool = False, package: Path | None = None) -> MainWindow:
    """The main window on the workspace to open (see workspace_to_open), shown at once as its shell; the workspace
    itself opens right after the first paint (Startup), and `window.ready` says when it has. It then asks who you
    are, when the workspace does not know yet. A workspace that cannot be opened is said in a message box, and the
    window closes."""
    return begin_start(db_path, demo, package).window


def begin_start(db_path: Path | None, demo: bool = False, package: Path | None = None) -> Startup:
    """start_window, with the Startup that finishes it (its `failed` signal)."""
    path, note = workspace_to_open(db_path, demo)
    window = MainWindow(asks_identity=True)
    window.show_opening(path, peek_agreement_summaries(path))
    startup = Startup(window, path, note, strict=db_path is not None or demo, package=package)
    window.show()
    return startup


def run(db_path: Path | None, demo: bool = False, language: str | None = None, package: Path | None = None) -> int:
    """Open the window on a workspace (the --db file, a fresh demo copy, the last one, or the default one); the exit
    code. A demo copy is removed when the window closes.

    With `package` (a double-clicked .evpanel or .evpack), the window starts importing it once it is ready.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    prepare_shell(app, language)
    startup = begin_start(db_path, demo, package)
    window = startup.window
    startup.failed.connect(lambda: app.exit(2))
    # macOS hands double-clicked files over as QFileOpenEvents, the first one as the app starts; elsewhere the
    # handler can wait for the first paint.
    if sys.platform == "darwin":
        _install_file_open(app, window)
    else:
        startup.done.connect(lambda: _install_file_open(app, window))
    quit_after = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if quit_after:
        try:
            delay = max(int(quit_after), 0)
            window.ready.connect(lambda: QTimer.singleShot(delay, app.quit))
        except ValueError:
            print(f"{QUIT_AFTER_ENV} is not a number of milliseconds: {quit_after!r}", file=sys.stderr)
    opened = startup.path
    try:
        return app.exec()
    finally:
        if demo:
            from ...exchange.demo_folders import remove_demo_copy

            if window.session is not None:
                opened = window.session.path
                window.close()  # closes the workspace (and its lock) before its folder goes
            remove_demo_copy(opened)


def _install_file_open(app: QApplication, window: MainWindow) -> None:
    from .file_open import install_file_open_handler

    install_file_open_handler(app, window)


def _probe(stage: str) -> None:
    target = os.environ.get(PROBE_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as probe:
            probe.write(f"{stage} {time.time():.6f}\n")
