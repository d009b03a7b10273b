"""What changed between two versions of an agreement: exactly the changed cells, and added and removed indicators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from .agreement import Indicator
from .numbers import plain

# Compared one by one; thresholds and per-round weights are split into their own cells below.
_PLAIN_FIELDS = tuple(f.name for f in fields(Indicator) if f.name not in ("code", "thresholds", "round_weights"))


@dataclass(frozen=True)
class CellChange:
    """One cell that differs. `field` is an Indicator field name, `t1`..`t5` for one threshold level, or
    `weight@9` for an indicator's own weight in round 9 (the columns the agreement table shows)."""

    code: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class VersionDiff:
    added: tuple[Indicator, ...]
    removed: tuple[Indicator, ...]
    changed: tuple[CellChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def changed_cells(self) -> set[tuple[str, str]]:
        """(code, field) of every changed cell, for highlighting."""
        return {(c.code, c.field) for c in self.changed}

    def to_json(self) -> dict[str, Any]:
        return {
            "added": [i.code for i in self.added],
            "removed": [i.code for i in self.removed],
            "changed": [{"code": c.code, "field": c.field, "old": json_value(c.old), "new": json_value(c.new)}
                        for c in self.changed],
        }


def diff_indicators(old: Sequence[Indicator], new: Sequence[Indicator]) -> VersionDiff:
    """Compare two indicator sets by code. Decimals compare by value: 30 and 30.00 are the same weight."""
    old_by_code = {i.code: i for i in old}
    new_by_code = {i.code: i for i in new}
    changed: list[CellChange] = []
    for item in new:
        before = old_by_code.get(item.code)
        if before is not None:
            changed.extend(_cell_changes(before, item))
    return VersionDiff(
        added=tuple(i for i in new if i.code not in old_by_code),
        removed=tuple(i for i in old if i.code not in new_by_code),
        changed=tuple(changed),
    )


def _cell_changes(old: Indicator, new: Indicator) -> list[CellChange]:
    changes = [CellChange(new.code, name, getattr(old, name), getattr(new, name))
               for name in _PLAIN_FIELDS if getattr(old, name) != getattr(new, name)]
    old_t = old.thresholds.values if old.thresholds is not None else ()
    new_t = new.thresholds.values if new.thresholds is not None else ()
    for level in range(max(len(old_t), len(new_t))):
        before = old_t[level] if level < len(old_t) else None
        after = new_t[level] if level < len(new_t) else None
        if before != after:
            changes.append(CellChange(new.code, f"t{level + 1}", before, after))
    for round_ in sorted(set(old.round_weights) | set(new.round_weights)):
        before, after = old.round_weights.get(round_), new.round_weights.get(round_)
        if before != after:
            changes.append(CellChange(new.code, f"weight@{round_}", before, after))
    return changes


def json_value(value: Any) -> Any:
    """A cell value for JSON: decimals as plain text (exact), enums by value, tuples as lists."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value
