"""The history of one cell from the audit log: who changed one evaluator's rating of one indicator in one round (or
the panel's consensus value), when, and from which value to which; merged package changes say so."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ...domain.numbers import plain
from ...domain.thai_dates import english_datetime_from_iso, thai_datetime_from_iso
from ...store.audit import AuditEntry, audit_entries
from .language import THAI, current_language

HISTORY_LIMIT = 20
_TEXT_LIMIT = 40  # a comment or reason is long; the history shows its start, the details pane shows it whole



def when(iso_utc: str) -> str:
    return thai_datetime_from_iso(iso_utc) if current_language() == THAI else english_datetime_from_iso(iso_utc)


def number(value: object) -> str:
    if value is None or value == "":
        return "–"
    try:
        return plain(Decimal(str(value)))
    except ArithmeticError:
        return str(value)


def _short(value: object) -> str:
    if value is None or value == "":
        return "–"
    text = " ".join(str(value).split())
    return f"“{text[:_TEXT_LIMIT]}…”" if len(text) > _TEXT_LIMIT else f"“{text}”"


def rating_key(agreement_id: int, code: str, round_: int, evaluator: str) -> str:
    """The audit log's key of one rating (store/ratings.py and store/panel_merge.py write it so)."""
    return f"{agreement_id}/{code}/{round_}/{evaluator}"


def _changes(entry: AuditEntry) -> list[str]:
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    translate = QCoreApplication.translate
    fields = (("result", translate("CellHistory", "result"), number),
              ("adjusted_score", translate("CellHistory", "adjusted score"), number),
              ("adjust_reason", translate("CellHistory", "reason"), _short),
              ("comment", translate("CellHistory", "comment"), _short))
    changes = []
    for name, label, show in fields:
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        changes.append(f"{label} {show(old)} → {show(new)}")
    return changes


def rating_history(conn: sqlite3.Connection, agreement_id: int, code: str, round_: int, evaluator: str,
                   limit: int = HISTORY_LIMIT) -> list[str]:
    """One line per change of this rating, newest first: when, who, and old → new of each value that changed."""
    translate = QCoreApplication.translate
    lines = []
    for entry in audit_entries(conn, "rating", rating_key(agreement_id, code, round_, evaluator), limit=limit):
        # A private note's text is never logged, only that it changed.
        changes = _changes(entry) or [translate("CellHistory", "private note")]
        line = f"{when(entry.at)} {entry.actor}: " + ", ".join(changes)
        after = entry.after if isinstance(entry.after, dict) else {}
        if after.get("package"):
            line += " " + translate("CellHistory", "(from the member's package, imported by {0})").format(
                after.get("imported_by", ""))
        lines.append(line)
    return lines


def consensus_history(conn: sqlite3.Connection, agreement_id: int, code: str, round_: int,
                      limit: int = HISTORY_LIMIT) -> list[str]:
    """The chair's consensus values of one indicator and round, newest first."""
    translate = QCoreApplication.translate
    lines = []
    for entry in audit_entries(conn, "consensus", f"{agreement_id}/{code}/{round_}", limit=limit):
        before = entry.before if isinstance(entry.before, dict) else {}
        after = entry.after if isinstance(entry.after, dict) else {}
        change = translate("CellHistory", "consensus {0} → {1}, reason {2}").format(
            number(before.get("score")), number(after.get("score")), _short(after.get("reason")))
        lines.append(f"{when(entry.at)} {entry.actor}: {change}")
    return lines
