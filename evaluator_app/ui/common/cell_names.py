"""The accessible name of a table cell (Qt.AccessibleTextRole), shared by the window's table models."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def cell_name(header: object, text: object) -> str:
    """What a screen reader says for a table cell: its text, or "น้ำหนัก: ว่าง" (the column, and that it is
    empty) for an empty one, which would otherwise be announced as nothing at all."""
    value = "" if text is None else " ".join(str(text).split())
    if value:
        return value
    heading = " ".join(str(header or "").split())
    empty = QCoreApplication.translate("Accessibility", "empty")
    return f"{heading}: {empty}" if heading else empty
