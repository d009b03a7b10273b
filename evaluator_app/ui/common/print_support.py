"""Handing PDFs to people: ask where to save one, open it in the system's viewer, and write papers off the GUI
thread on a connection of their own (SQLite connections stay on the thread that uses them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.file_names import file_name_part
from ...store.workspace import Workspace


def open_in_system_viewer(path: Path) -> bool:
    """Open a file with the program the system uses for it (a PDF viewer prints as well)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def safe_file_name(text: str) -> str:
    """A file name from an agency's name: Thai kept, path separators and reserved characters dropped, short enough
    for any file system (domain/file_names.py)."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip().strip(".")
    return file_name_part(re.sub(r"\s+", "-", name), empty="report")


def ask_pdf_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """The Save dialog for one PDF; None when cancelled. `.pdf` is added when the name has no suffix."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(suggested), QCoreApplication.translate("PrintSupport", "PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def with_workspace(workspace_path: Path, work: Callable[[Workspace], Any], *, read_only: bool = True) -> Any:
    """Run `work` on a connection of its own to the workspace (for a BackgroundTask), then close it."""
    workspace = Workspace.open(workspace_path, create=False, read_only=read_only, auto_backup=False)
    try:
        return work(workspace)
    finally:
        workspace.close()
