"""Text bound for a spreadsheet, made inert: a cell that Excel or LibreOffice would run as a formula (CSV injection).

Use `neutralise_formula` on every text cell of every CSV or xlsx the app writes from workspace data (names, comments,
reasons come from agencies and members, and any of them may start with "="). openpyxl also turns any string that
starts with "=" into a formula, so xlsx writers need it as much as CSV writers do. Write numbers as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..domain.display_text import shown

# What spreadsheets treat as the start of a formula or a DDE command, after any leading blanks they skip.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def neutralise_formula(text: str) -> str:
    """The text with a leading apostrophe when a spreadsheet would otherwise evaluate it.

    A plain signed number ("-5", "+2.5") is left alone: evaluating it yields only that number. Apostrophe-first is
    what Excel itself shows as "text", and the apostrophe is not displayed.
    """
    if not text:
        return text
    stripped = text.lstrip(" \u00a0")
    if not stripped.startswith(FORMULA_TRIGGERS) and not text.startswith(FORMULA_TRIGGERS):
        return text
    if _PLAIN_NUMBER.fullmatch(text.strip()):
        return text
    return "'" + text


def spreadsheet_text(text: str) -> str:
    """Text ready for any spreadsheet cell: control characters (which an xlsx cannot hold: openpyxl raises
    IllegalCharacterError), terminal escapes and bidi overrides shown as their escapes, then neutralised."""
    return neutralise_formula(shown(text.replace("\r\n", "\n")))


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    """A row with every text cell made safe (`spreadsheet_text`); numbers, dates and empty cells pass unchanged."""
    return [spreadsheet_text(v) if isinstance(v, str) else v for v in values]
