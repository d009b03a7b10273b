"""What the agreement table says, without Qt: its columns, its rows (dimension headers, indicators at their depth,
the total) and the text of every cell, from the agreement, the round and both evaluators' ratings and score sheets.

`AgreementModel` is the Qt side over it: indexes, roles, colours, editing, and the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ...domain.agreement import Agreement, Indicator
from ...domain.framework import Framework
from ...domain.numbers import format4, plain
from ...domain.scoring import IndicatorScore, ScoreSheet
from ...store.ratings import StoredRating

SELF = "self"
OWN = "own"
GROUPS = (SELF, OWN)
NO_DATA = "–"  # a figure that cannot be computed yet: not 0.0000


@dataclass(frozen=True)
class Row:
    """What a row shows: a dimension header (with subtotals), an indicator, or the total."""

    kind: str  # "dimension", "indicator", "total"
    dimension: int = -1
    indicator: Indicator | None = None
    depth: int = 0


class RowLabels(NamedTuple):
    """The table's own words in the interface language; the Qt side translates them."""

    indicators: str = "Indicators"  # a dimension without a name
    total: str = "Total"


def has_scores(sheet: ScoreSheet | None) -> bool:
    """Whether some indicator of the sheet is scored: without one its total is no data, shown as a dash, not as
    0.0000 (which reads as a failing score)."""
    return sheet is not None and any(s.weighted is not None for s in sheet.indicators if not s.is_parent)


def columns_for(framework: Framework) -> list[str]:
    thresholds = [f"t{n}" for n in range(1, framework.threshold_count + 1)]
    groups = [f"{g}.{part}" for g in GROUPS for part in ("result", "score", "weighted")]
    return ["code", "name", "unit", "weight", *thresholds, *groups]


@dataclass
class AgreementRows:
    """One agreement and round: its rows, both groups' stored ratings and score sheets, and every cell's text."""

    round: int = 12
    columns: list[str] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    children: list[list[Row]] = field(default_factory=list)
    parents: set[str] = field(default_factory=set)  # codes with sub-indicators: looked up for every cell
    ratings: dict[str, dict[str, StoredRating]] = field(default_factory=lambda: {SELF: {}, OWN: {}})
    sheets: dict[str, ScoreSheet | None] = field(default_factory=lambda: {SELF: None, OWN: None})
    labels: RowLabels = field(default_factory=RowLabels)
    _criteria: dict[str, tuple[str, ...]] = field(default_factory=dict)  # each indicator's criteria as printed
    _scores: dict[str, tuple[ScoreSheet, dict[str, IndicatorScore]]] = field(default_factory=dict)  # `score`

    def clear(self) -> None:
        self._criteria.clear()
        self.columns, self.dimensions, self.children = [], [], []
        self.sheets = {SELF: None, OWN: None}

    def build(self, agreement: Agreement, framework: Framework) -> None:
        self._criteria.clear()
        self.columns = columns_for(framework)
        self.dimensions = list(agreement.dimensions())
        self.children = [[] for _ in self.dimensions]
        codes = {item.code for item in agreement.indicators}
        self.parents = {item.parent_code for item in agreement.indicators if item.parent_code in codes}
        for item in agreement.indicators:
            position = self.dimensions.index(item.dimension or "")
            depth, parent = 0, item.parent_code
            while parent is not None and parent in codes:  # published tables often have 1.1 with no row 1
                depth += 1
                parent = agreement.indicator(parent).parent_code
            self.children[position].append(Row("indicator", position, item, depth))

    # --- rows ----------------------------------------------------------------------------------------------------

    def top_count(self) -> int:
        """Dimension headers and the total; none while no agreement is shown."""
        return len(self.dimensions) + 1 if self.columns else 0

    def top_row(self, row: int) -> Row:
        return Row("dimension", row) if row < len(self.dimensions) else Row("total")

    def score(self, group: str, code: str) -> IndicatorScore | None:
        sheet = self.sheets[group]
        if sheet is None:
            return None
        # asked three times for each score cell (text, font, colour): by code, not ScoreSheet.indicator's search
        known = self._scores.get(group)
        if known is None or known[0] is not sheet:
            # reversed: the first of a code wins, as in ScoreSheet.indicator
            known = self._scores[group] = (sheet, {item.code: item for item in reversed(sheet.indicators)})
        try:
            return known[1][code]
        except KeyError:
            return sheet.indicator(code)  # as it was: KeyError for a code the sheet lacks

    def scorable(self, row: Row) -> bool:
        item = row.indicator
        return (item is not None and item.thresholds is not None and item.counted_in(self.round)
                and item.code not in self.parents)

    # --- cell text -----------------------------------------------------------------------------------------------

    def text(self, row: Row, key: str) -> str:
        if row.kind == "indicator":
            return self._indicator_text(row, key)
        if row.kind == "dimension":
            return self._dimension_text(row.dimension, key)
        return self._total_text(key)

    def _indicator_text(self, row: Row, key: str) -> str:
        item = row.indicator
        assert item is not None
        if key == "code":
            return item.code
        if key == "name":
            return "\u2003" * row.depth + item.name  # em spaces: sub-indicators sit under their parent
        if key == "unit":
            return item.unit or ""
        if key == "weight":
            return plain(item.weight_in(self.round))
        if key.startswith("t"):
            level = int(key[1:])
            if item.thresholds is None or level > len(item.thresholds):
                return ""
            labels = self._criteria.get(item.code)
            if labels is None:  # each of the indicator's five criteria columns asks: printed once per agreement
                labels = self._criteria[item.code] = item.thresholds.labels()
            return labels[level - 1]  # a number, or a band ("60 – 69.99")
        group, _, part = key.partition(".")
        score = self.score(group, item.code)
        if part == "result":
            stored = self.ratings[group].get(item.code)
            result = None if stored is None else stored.rating.result
            return "" if result is None else plain(result)
        if score is None:
            return ""
        value = score.score if part == "score" else score.weighted
        return "" if value is None else format4(value)

    def _dimension_text(self, position: int, key: str) -> str:
        name = self.dimensions[position]
        if key == "name":
            return name or self.labels.indicators
        own = self.sheets[OWN]
        if key == "weight":
            return "" if own is None else plain(own.dimensions[position].weight)
        group, _, part = key.partition(".")
        if part not in ("score", "weighted"):
            return ""
        sheet = self.sheets[group]
        if sheet is None:
            return ""
        members = [s for s in sheet.indicators if s.dimension == name and not s.is_parent]
        if not any(m.weighted is not None for m in members):
            return ""
        dimension = sheet.dimensions[position]
        if part == "score":  # the dimension's average on the 1-5 scale, beside its weighted subtotal
            return "" if dimension.average is None else format4(dimension.average)
        return format4(dimension.subtotal)

    def _total_text(self, key: str) -> str:
        if key == "name":
            return self.labels.total
        own = self.sheets[OWN]
        if key == "weight":
            return "" if own is None else plain(own.counted_weight)
        group, _, part = key.partition(".")
        sheet = self.sheets.get(group)
        if part != "weighted" or sheet is None or not has_scores(sheet):
            return ""
        return format4(sheet.total)
