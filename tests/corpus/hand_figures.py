"""The expected figures of the corpus, worked from the domain document (§5, §9), not from the app.

This module imports nothing of `evaluator_app`: it is the reviewer's worksheet, written in Decimal, and every figure it
produces carries its arithmetic in a "why" text so that a person can redo it by hand.

Rules used (performance-agreements.md):
- §5 interpolated, higher is better: x >= t5 -> 5; x < t1 -> floor 1; t_k <= x < t_k+1 -> k + (x - t_k)/(t_k+1 - t_k).
- §5 interpolated, lower is better: x <= t5 -> 5; x > t1 -> floor 1; t_k >= x > t_k+1 -> k + (t_k - x)/(t_k - t_k+1).
- §5 banded: the whole level whose band holds x; x in no band -> floor 1.
- §4 milestone, mode whole (the framework default): the level reached.
- §5 numbers: every shown figure rounded half-up to 4 decimals; the frameworks' rounding is "score-first", so the
  weighted score is round4(round4(score) x w / Σw); the total is the sum of the rounded weighted scores.
- §4/§5 Σw ≠ 100: weighted = score x w / Σw (the whole agreement's sum of counted weights is the divisor).
- §5 a dimension's subtotal is the sum of its indicators' weighted scores; its average is Σ score x w / Σ w over the
  dimension, with the shown (rounded) scores, rounded half-up to 4 decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

D = Decimal
FOUR = D("0.0001")
FLOOR = D(1)
REWARD_THRESHOLD = D("3.0000")  # §1: reward money needs a total of at least 3.0000 (the five-level frameworks)


def round4(value: Decimal) -> Decimal:
    return value.quantize(FOUR, rounding=ROUND_HALF_UP)


def show(value: Decimal) -> str:
    return str(round4(value))


def plain(value: Decimal) -> str:
    """A weight or result without trailing zeros ("20", "92.5")."""
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class Band:
    """One level's range as the criteria cell writes it: lo/hi None for an open bound."""

    lo: Decimal | None
    lo_inclusive: bool
    hi: Decimal | None
    hi_inclusive: bool

    def holds(self, x: Decimal) -> bool:
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_inclusive)):
            return False
        return not (self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_inclusive)))

    def text(self) -> str:
        lo = "" if self.lo is None else ("[" if self.lo_inclusive else "(") + plain(self.lo)
        hi = "" if self.hi is None else plain(self.hi) + ("]" if self.hi_inclusive else ")")
        return f"{lo or '(-inf'}, {hi or '+inf)'}"


def below(v: str) -> Band:
    return Band(None, False, D(v), False)


def at_most(v: str) -> Band:
    return Band(None, False, D(v), True)


def above(v: str) -> Band:
    return Band(D(v), False, None, False)


def at_least(v: str) -> Band:
    return Band(D(v), True, None, False)


def between(lo: str, hi: str) -> Band:
    return Band(D(lo), True, D(hi), True)


@dataclass(frozen=True)
class Rule:
    """How one indicator is scored: 'interpolated' (thresholds), 'banded' (bands or thresholds), 'milestone'."""

    method: str
    thresholds: tuple[Decimal, ...] = ()
    bands: tuple[Band, ...] = ()


def interpolated(*t: str | int) -> Rule:
    return Rule("interpolated", tuple(D(str(v)) for v in t))


def banded(*bands: Band) -> Rule:
    return Rule("banded", bands=bands)


def banded_thresholds(*t: str | int) -> Rule:
    """Plain numbers with the scoring column saying banded: level k is [t_k, t_k+1) (rising), below t1 no band."""
    v = tuple(D(str(x)) for x in t)
    if v[0] < v[-1]:
        bands = (*(Band(v[k], True, v[k + 1], False) for k in range(4)), at_least(str(v[4])))
    else:
        bands = (*(Band(v[k + 1], False, v[k], True) for k in range(4)), at_most(str(v[4])))
    return Rule("banded", v, bands)


MILESTONE = Rule("milestone", tuple(D(n) for n in range(1, 6)))
# §3/§5 three-level-100 (2560 onward): ขั้นต้น / มาตรฐาน / ขั้นสูง score 50 / 70 / 100 (the points of the shipped
# framework file), interpolated between them, 100 at or above ขั้นสูง, 0 below ขั้นต้น.
POINTS = (D(50), D(70), D(100))
POINTS_FLOOR = D(0)


def three_level(*t: str | int) -> Rule:
    return Rule("three-level", tuple(D(str(v)) for v in t))


THREE_LEVEL_MILESTONE = Rule("three-level-milestone", (D(1), D(2), D(3)))


def score_of(rule: Rule, x: Decimal) -> tuple[Decimal, str]:
    """The score and its arithmetic, per §5."""
    if rule.method == "milestone":
        level = min(max(x, D(0)), D(5))
        if level < 1:
            return FLOOR, f"milestone level {plain(x)} below 1 -> floor 1"
        whole = level.to_integral_value(rounding="ROUND_FLOOR")
        return whole, f"milestone (whole): level {plain(x)} reached -> {plain(whole)}"
    if rule.method == "three-level-milestone":
        reached = min(int(x), 3) if x >= 1 else 0
        points = POINTS[reached - 1] if reached else POINTS_FLOOR
        return points, f"milestone (whole) on ขั้นต้น/มาตรฐาน/ขั้นสูง: level {plain(x)} -> {plain(points)} points"
    if rule.method == "three-level":
        return _three_level(rule.thresholds, x)
    if rule.method == "banded":
        for number, band in enumerate(rule.bands, start=1):
            if band.holds(x):
                return D(number), f"banded: {plain(x)} in level {number} band {band.text()} -> {number}"
        return FLOOR, f"banded: {plain(x)} in no band -> floor 1"
    t = rule.thresholds
    rising = t[0] < t[-1]
    shown_t = " ".join(plain(v) for v in t)
    if rising:
        if x >= t[4]:
            return D(5), f"t=({shown_t}), x={plain(x)} >= t5 -> 5"
        if x < t[0]:
            return FLOOR, f"t=({shown_t}), x={plain(x)} < t1 -> floor 1"
        for k in range(4):
            if t[k] <= x < t[k + 1]:
                s = D(k + 1) + (x - t[k]) / (t[k + 1] - t[k])
                return s, (f"t=({shown_t}), {plain(t[k])} <= x={plain(x)} < {plain(t[k + 1])}: "
                           f"{k + 1} + ({plain(x)} - {plain(t[k])})/({plain(t[k + 1])} - {plain(t[k])}) = {show(s)}")
    else:
        if x <= t[4]:
            return D(5), f"t=({shown_t}) lower is better, x={plain(x)} <= t5 -> 5"
        if x > t[0]:
            return FLOOR, f"t=({shown_t}) lower is better, x={plain(x)} > t1 -> floor 1"
        for k in range(4):
            if t[k] >= x > t[k + 1]:
                s = D(k + 1) + (t[k] - x) / (t[k] - t[k + 1])
                return s, (f"t=({shown_t}) lower is better, {plain(t[k])} >= x={plain(x)} > {plain(t[k + 1])}: "
                           f"{k + 1} + ({plain(t[k])} - {plain(x)})/({plain(t[k])} - {plain(t[k + 1])}) = {show(s)}")
    raise AssertionError("unreachable")


def _three_level(t: tuple[Decimal, ...], x: Decimal) -> tuple[Decimal, str]:
    rising = t[0] < t[-1]
    shown_t = " ".join(plain(v) for v in t)
    at_top = x >= t[2] if rising else x <= t[2]
    below_start = x < t[0] if rising else x > t[0]
    if at_top:
        return POINTS[2], f"t=({shown_t}), x={plain(x)} at or beyond ขั้นสูง -> 100"
    if below_start:
        return POINTS_FLOOR, f"t=({shown_t}), x={plain(x)} short of ขั้นต้น -> 0"
    for k in range(2):
        low, high = t[k], t[k + 1]
        inside = low <= x < high if rising else low >= x > high
        if inside:
            s = POINTS[k] + (POINTS[k + 1] - POINTS[k]) * (x - low) / (high - low)
            return s, (f"t=({shown_t}), between {plain(low)} and {plain(high)}: {plain(POINTS[k])} + "
                       f"({plain(POINTS[k + 1])} - {plain(POINTS[k])}) x ({plain(x)} - {plain(low)})/"
                       f"({plain(high)} - {plain(low)}) = {show(s)}")
    raise AssertionError("unreachable")


@dataclass
class Item:
    """One indicator as the committee means it (the file may write it with Thai digits, percent formats...)."""

    code: str
    weight: Decimal  # in percent, as stored
    dimension: str
    rule: Rule | None  # None for a parent row
    results: dict[int, Decimal] = field(default_factory=dict)  # round -> result
    method: str = ""  # the method the app must report ('interpolated' or 'banded'); milestone -> interpolated
    start_round: int | None = None  # §4: an indicator may start at a later round
    cancel_round: int | None = None  # §4: or be cancelled from a round on

    @property
    def is_parent(self) -> bool:
        return self.rule is None

    def counted_in(self, round_: int) -> bool:
        if self.start_round is not None and round_ < self.start_round:
            return False
        return self.cancel_round is None or round_ < self.cancel_round


def figures(items: list[Item], round_: int, reward_threshold: Decimal = REWARD_THRESHOLD,
            adjusted: dict[str, tuple[Decimal, str]] | None = None) -> dict[str, Any]:
    """Every figure of one agreement in one round; `adjusted`: a committee's adjusted scores (§5) by code, which
    count instead of the computed ones."""
    adjusted = adjusted or {}
    # §5: indicators not counted in a round (not started, cancelled) are left out, and the total renormalised over
    # the weights that are counted.
    resting = [i for i in items if not i.is_parent and not i.counted_in(round_)]
    leaves = [i for i in items if not i.is_parent and i.counted_in(round_)]
    divisor = sum((i.weight for i in leaves), D(0))
    rows: list[dict[str, Any]] = [
        {"code": i.code, "weight": plain(i.weight), "counted": False,
         "why": f"not counted in round {round_} (start {i.start_round}, cancelled from {i.cancel_round})"}
        for i in resting]
    weighted_of: dict[str, Decimal] = {}
    score_shown: dict[str, Decimal] = {}
    for item in leaves:
        x = item.results[round_]
        raw, why = score_of(item.rule, x)  # type: ignore[arg-type]
        computed = round4(raw)
        extra: dict[str, Any] = {}
        score = computed
        if item.code in adjusted:
            score, reason = round4(adjusted[item.code][0]), adjusted[item.code][1]
            why += f"; adjusted by the committee from {computed} to {score} ({reason})"
            extra = {"computed": str(computed), "adjusted": str(score), "reason": reason}
        weighted = round4(score * item.weight / divisor)
        weighted_of[item.code] = weighted
        score_shown[item.code] = score
        why += f"; weighted = {score} x {plain(item.weight)} / {plain(divisor)} = {weighted}"
        method = item.method or ("banded" if item.rule.method == "banded" else "interpolated")  # type: ignore[union-attr]
        rows.append({"code": item.code, "weight": plain(item.weight), "result": plain(x), "method": method,
                     "score": str(score), "weighted": str(weighted), **extra, "why": why})
    for item in items:
        if item.is_parent:
            children = [c for c in leaves if c.code.startswith(item.code + ".")]
            total = sum((weighted_of[c.code] for c in children), D(0))
            rows.append({"code": item.code, "weight": plain(item.weight), "parent": True, "weighted": str(total),
                         "why": "parent: sum of its children's weighted scores "
                                + " + ".join(str(weighted_of[c.code]) for c in children) + f" = {total}"})
    order = {i.code: n for n, i in enumerate(items)}
    rows.sort(key=lambda r: order[r["code"]])
    dimensions: list[dict[str, Any]] = []
    for name in dict.fromkeys(i.dimension for i in leaves):
        members = [i for i in leaves if i.dimension == name]
        weight = sum((i.weight for i in members), D(0))
        subtotal = sum((weighted_of[i.code] for i in members), D(0))
        products = sum((score_shown[i.code] * i.weight for i in members), D(0))
        average = round4(products / weight)
        dimensions.append({
            "name": name, "weight": plain(weight), "subtotal": str(subtotal), "average": str(average),
            "why": (f"subtotal {' + '.join(str(weighted_of[i.code]) for i in members)} = {subtotal}; average "
                    f"({' + '.join(f'{score_shown[i.code]} x {plain(i.weight)}' for i in members)}) / {plain(weight)}"
                    f" = {average}")})
    total = sum(weighted_of.values(), D(0))
    return {
        "weight_sum": plain(divisor),
        "total": str(total),
        "eligible": total >= reward_threshold,
        "total_why": " + ".join(str(weighted_of[i.code]) for i in leaves) + f" = {total}",
        "dimensions": dimensions,
        "indicators": rows,
    }
