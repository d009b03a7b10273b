"""What the features see of the main window: its menus, the status bar, the open session and the place on screen.

The shell's MainWindow implements it; the features' action installers (meeting, panel, papers, transfer) take it
instead of importing MainWindow, so no feature imports the shell and the shell alone imports the features.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:  # only named here: the window's first paint comes before the session (and the store) loads
    from .session import WorkspaceSession


@dataclass(frozen=True)
class Place:
    """Where the person is in the main window: the agreement shown, the round, and the current indicator."""

    agreement_id: int | None = None
    round: int = 12
    code: str = ""
    agency: str = ""
    fiscal_year: int | None = None
    rounds: tuple[int, ...] = (6, 9, 12)  # the reporting rounds of the agreement's framework

    @property
    def label(self) -> str:
        return "" if self.agreement_id is None else f"{self.agency} {self.fiscal_year}"


class MainWindowInterface(QMainWindow):
    """The main window as the features use it. Its methods are the shell's; here they only say what they do."""

    placeChanged = Signal()  # another agreement or round is on screen
    session: WorkspaceSession | None
    file_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    import_action: QAction

    def place(self) -> Place:
        raise NotImplementedError

    def select_agreement(self, agreement_id: int) -> bool:
        """Show this agreement; False when the navigator cannot find it."""
        raise NotImplementedError

    def set_round(self, round_: int) -> None:
        raise NotImplementedError

    def commit_open_editor(self) -> None:
        """Commit a result still being typed in the table: a keystroke is never dropped."""
        raise NotImplementedError

    def save_typing(self) -> None:
        """Commit the open editor and save the comment and note being typed (before the workspace closes)."""
        raise NotImplementedError

    def open_path(self, path: Path) -> bool:
        """Switch to another workspace file; on failure say why and keep the current one."""
        raise NotImplementedError
