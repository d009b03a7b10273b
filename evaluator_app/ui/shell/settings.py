"""Per-person window preferences kept by Qt (QSettings): language, geometry, splitters, recent workspaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "evaluator-app"
APPLICATION = "evaluator-app"
RECENT_LIMIT = 8


def app_settings() -> QSettings:
    """The settings store; tests point Qt at a temporary folder with QSettings.setPath before calling this."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def language() -> str | None:
    value = app_settings().value("ui/language")
    return str(value) if value else None


def set_language(code: str) -> None:
    app_settings().setValue("ui/language", code)


def load_bytes(key: str) -> QByteArray | None:
    value = app_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    app_settings().setValue(key, value)


def recent_workspaces() -> list[Path]:
    value = app_settings().value("workspaces/recent") or []
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list in INI files
        value = [value]
    return [Path(str(v)) for v in value]


def remember_workspace(path: Path) -> list[Path]:
    resolved = path.resolve()
    items = [resolved, *[p for p in recent_workspaces() if p != resolved]][:RECENT_LIMIT]
    app_settings().setValue("workspaces/recent", [str(p) for p in items])
    return items


def forget_workspace(path: Path) -> None:
    resolved = path.resolve()
    app_settings().setValue("workspaces/recent", [str(p) for p in recent_workspaces() if p != resolved])
