"""Where the app's bundled resources live: the source tree, or a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: fonts, frameworks, templates, translations, demo data, icons."""
    override = os.environ.get("EVALUATOR_APP_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_workspace_path() -> Path:
    """The workspace used when none is named: `workspace.sqlite` in the user data folder (window and CLI alike)."""
    import platformdirs  # only when no --db is given

    return platformdirs.user_data_path("evaluator-app", appauthor=False) / "workspace.sqlite"
