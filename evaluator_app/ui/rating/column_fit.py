"""Which columns of the agreement table a screen of a given width shows, without Qt.

The evaluator's own result must be on screen without scrolling sideways on a laptop or projector (1024-1366 pixels
wide). The table gives up, in this order: the self-assessment's weighted column (the group collapses to result and
score, unless the person chose to see it all), then the unit (the details pane and the name's tooltip say it). The
name column takes what is left, but never less than `name_min`; the own group sits beside the criteria
(`visual_order`), so what still does not fit is the agency's report at the far right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .agreement_rows import OWN, SELF

SELF_COLLAPSIBLE = (f"{SELF}.weighted",)  # what the self-assessment group hides when collapsed
_GIVE_UP_ORDER = ("unit",)  # after the self-assessment's weighted column


@dataclass(frozen=True)
class ColumnFit:
    hidden: frozenset[str]
    name_width: int
    self_collapsed: bool

    def fits(self, widths: Mapping[str, int], available: int) -> bool:
        return sum(w for key, w in widths.items() if key != "name" and key not in self.hidden) \
            + self.name_width <= available


def visual_order(columns: Sequence[str]) -> list[str]:
    """The columns as shown: the evaluator's own group right after the criteria, the agency's report last."""
    own = [key for key in columns if key.startswith(f"{OWN}.")]
    report = [key for key in columns if key.startswith(f"{SELF}.")]
    rest = [key for key in columns if key not in own and key not in report]
    return rest + own + report


def fit_columns(widths: Mapping[str, int], available: int, name_min: int,
                self_expanded: bool | None = None) -> ColumnFit:
    """`widths`: each column's width measured to its content; `self_expanded`: the person's choice for the
    self-assessment group (None: collapse it only when the screen is too narrow)."""
    others = {key: width for key, width in widths.items() if key != "name"}
    hidden: set[str] = set()
    collapsed = self_expanded is False

    def room() -> int:
        return available - sum(w for key, w in others.items() if key not in hidden)

    if collapsed:
        hidden.update(k for k in SELF_COLLAPSIBLE if k in widths)
    steps: list[tuple[str, ...]] = []
    if self_expanded is None:
        steps.append(SELF_COLLAPSIBLE)
    steps.extend((key,) for key in _GIVE_UP_ORDER)
    for step in steps:
        if room() >= name_min:
            break
        hidden.update(k for k in step if k in widths)
        if step == SELF_COLLAPSIBLE:
            collapsed = True
    return ColumnFit(frozenset(hidden), max(name_min, room()), collapsed)
