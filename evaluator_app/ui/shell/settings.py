"""Per-person window preferences kept by Qt (QSettings): language, geometry, splitters, recent workspaces, the last
workspace with the agreement and round shown in each, and the name last chosen as "who are you"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

try:  # CPython's own SHA-256: hashlib would load OpenSSL (2-3 ms of the first paint, which reads the last place)
    from _sha2 import sha256  # type: ignore[import-not-found, unused-ignore]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]  # Python 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment, unused-ignore]

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


def clear_recent_workspaces() -> None:
    app_settings().remove("workspaces/recent")


def last_workspace() -> Path | None:
    """The workspace open when the window last closed (or last opened), to open again on start."""
    value = app_settings().value("workspaces/last")
    return Path(str(value)) if value else None


def remember_last_workspace(path: Path) -> None:
    app_settings().setValue("workspaces/last", str(path.resolve()))


def _place_key(path: Path) -> str:
    # A path holds slashes, which QSettings reads as groups: key each workspace by a digest of its path instead.
    return "places/" + sha256(str(path.resolve()).encode()).hexdigest()[:20]


def last_place(path: Path) -> tuple[int, int] | None:
    """(agreement id, round) last shown in this workspace, or None."""
    value = app_settings().value(_place_key(path))
    try:
        agreement, round_ = str(value).split(":")
        return int(agreement), int(round_)
    except ValueError:
        return None


def remember_place(path: Path, agreement_id: int, round_: int) -> None:
    app_settings().setValue(_place_key(path), f"{agreement_id}:{round_}")


def remembered_name() -> str | None:
    """The name chosen last on this computer ("who are you"), offered first in a workspace that asks again."""
    value = app_settings().value("identity/name")
    return str(value) if value else None


def remember_name(name: str) -> None:
    app_settings().setValue("identity/name", name)
