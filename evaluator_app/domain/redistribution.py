"""Redistributing weights in a negotiation: change one weight, spread the difference, keep every sum exact.

Where the difference goes (the rule, documented for the committee):
- It is spread over the changed indicator's *siblings*: the indicators with the same parent (or, at the top level,
  the other top-level indicators). The parent's weight, and so every weight above it, stays as agreed; the total
  comes to exactly 100 and every parent to the sum of its children.
- The level is brought to what it must sum to (100 at the top, the parent's weight below), not merely kept at
  what it summed to: a total that is already wrong (110 after a typing slip) comes back to 100 by the same step,
  even when the chosen weight itself stays as it is.
- Where the framework fixes a dimension's weight, top-level siblings are only those of the same dimension, so
  the dimension comes to (or keeps) the framework's weight.
- The person may name the siblings that take the difference (`over`); otherwise all siblings do.
- The spread is proportional to the siblings' current weights (or equal, if asked, or if they are all zero).
- An indicator that has children and whose weight changes passes the change down: its children are rescaled
  proportionally, and theirs in turn, so no parent is left out of balance.
- Weights are rounded to `places` decimals (2 by default, or finer where the weights already are). The rounding
  residue goes, one smallest unit at a time, to the largest remainders, ties to the earlier row: the same
  input always gives the same weights.
- No weight becomes negative: a change that would need one is refused with a Problem, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .agreement import HUNDRED, Agreement, Indicator
from .framework import Framework
from .numbers import plain
from .problems import Problem, ProblemsError


class Spread(StrEnum):
    PROPORTIONAL = "proportional"  # each sibling gives or takes in proportion to its weight
    EQUAL = "equal"  # each sibling gives or takes the same amount


@dataclass(frozen=True)
class WeightChange:
    code: str
    old: Decimal
    new: Decimal
    round: int | None = None  # None: the indicator's weight; 9: its own weight for round 9


@dataclass(frozen=True)
class Redistribution:
    """The new indicator set and every weight that changed, in agreement order: nothing is silent."""

    indicators: tuple[Indicator, ...]
    changes: tuple[WeightChange, ...]


def redistribute(indicators: Sequence[Indicator], code: str, new_weight: Decimal, *,
                 over: Sequence[str] | None = None, spread: Spread = Spread.PROPORTIONAL, places: int = 2,
                 framework: Framework | None = None, round_: int | None = None) -> Redistribution:
    """Set `code` to `new_weight` and spread the difference over its siblings (see the module's rule).

    `round_` redistributes the weights of one round (an indicator's own weight for that round) instead of the
    year's. Raises ProblemsError when the change cannot be made without a negative weight.
    """
    agreement = Agreement(agency="", fiscal_year=0, indicators=tuple(indicators))
    by_code = {i.code: i for i in indicators}

    def weight(item: Indicator) -> Decimal:
        return item.weight if round_ is None else item.weight_in(round_)

    if code not in by_code:
        raise ProblemsError([Problem(th=f"ไม่มีตัวชี้วัด {code}", en=f"there is no indicator {code}",
                                     indicator=code, field="weight")])
    target = by_code[code]
    if new_weight < 0:
        raise ProblemsError([_negative(code, new_weight)])
    siblings = _pool(agreement, target, None, framework)
    pool = siblings if over is None else _pool(agreement, target, over, framework)
    old = weight(target)
    pool_weights = [weight(i) for i in pool]
    quantum = _quantum([new_weight, old, *pool_weights], places)
    new_weights: dict[str, Decimal] = {code: new_weight}
    chosen = {i.code for i in pool}
    held = sum((weight(i) for i in siblings if i.code not in chosen), Decimal(0))  # siblings that were not chosen
    remaining = _level_total(agreement, target, framework, weight) - new_weight - held
    difference = sum(pool_weights, Decimal(0)) - remaining  # what the chosen siblings give (negative: take)
    if difference:
        if not pool:
            raise ProblemsError([Problem(
                th=f"ไม่มีตัวชี้วัดอื่นในระดับเดียวกับ {code} ที่จะรับหรือให้น้ำหนัก {plain(abs(difference))}",
                en=f"no other indicator beside {code} can take or give the difference of {plain(abs(difference))}",
                indicator=code, field="weight")])
        if remaining < 0:
            raise ProblemsError([Problem(
                th=(f"เพิ่มน้ำหนัก {code} เป็น {plain(new_weight)} ไม่ได้: ตัวชี้วัดที่เลือก "
                    f"({', '.join(i.code for i in pool)}) มีน้ำหนักรวมเพียง {plain(sum(pool_weights, Decimal(0)))} "
                    f"จึงต้องติดลบ"),
                en=(f"{code} cannot rise to {plain(new_weight)}: the indicators chosen to give weight "
                    f"({', '.join(i.code for i in pool)}) only hold {plain(sum(pool_weights, Decimal(0)))}, "
                    f"so one would become negative"),
                indicator=code, field="weight")])
        shares = _spread(pool, pool_weights, remaining, difference, spread)
        new_weights.update(zip((i.code for i in pool), _allocate(shares, remaining, quantum), strict=True))
    # Pass every change down to the children of the indicators whose weight changed.
    queue = [c for c, w in new_weights.items() if w != weight(by_code[c])]
    while queue:
        parent = queue.pop(0)
        children = agreement.children_of(parent)
        if not children:
            continue
        child_weights = [new_weights.get(c.code, weight(c)) for c in children]
        total = new_weights[parent]
        shares = _spread(children, child_weights, total, sum(child_weights, Decimal(0)) - total,
                         Spread.PROPORTIONAL)
        child_quantum = _quantum([total, *child_weights], places)
        for child, value in zip(children, _allocate(shares, total, child_quantum), strict=True):
            if value != weight(child):
                new_weights[child.code] = value
                queue.append(child.code)
    return _result(indicators, new_weights, weight, round_)


def level_sums(indicators: Sequence[Indicator], code: str, framework: Framework | None = None,
               round_: int | None = None) -> tuple[Decimal, Decimal]:
    """What the level of `code` (it and its siblings) sums to now, and what it must sum to."""
    agreement = Agreement(agency="", fiscal_year=0, indicators=tuple(indicators))

    def weight(item: Indicator) -> Decimal:
        return item.weight if round_ is None else item.weight_in(round_)

    target = next(i for i in indicators if i.code == code)
    level = [target, *_pool(agreement, target, None, framework)]
    return sum((weight(i) for i in level), Decimal(0)), _level_total(agreement, target, framework, weight)


def _level_total(agreement: Agreement, target: Indicator, framework: Framework | None,
                 weight: Callable[[Indicator], Decimal]) -> Decimal:
    """What the level of `target` must sum to: its parent's weight, the framework's weight of its dimension where
    that is fixed, or 100."""
    by_code = {i.code: i for i in agreement.indicators}
    if target.parent_code in by_code:
        return weight(by_code[target.parent_code])
    rule = framework.dimension_rule(target.dimension) if framework is not None and target.dimension else None
    if rule is not None and rule.weight is not None:
        return rule.weight
    return HUNDRED


def _pool(agreement: Agreement, target: Indicator, over: Sequence[str] | None,
          framework: Framework | None) -> list[Indicator]:
    codes = {i.code for i in agreement.indicators}
    parent = target.parent_code if target.parent_code in codes else None
    siblings = [i for i in agreement.indicators
                if i.code != target.code and (i.parent_code if i.parent_code in codes else None) == parent]
    fixed_dimension = bool(parent is None and framework is not None and target.dimension
                       and (rule := framework.dimension_rule(target.dimension)) is not None
                       and rule.weight is not None)
    if fixed_dimension:
        siblings = [i for i in siblings if (i.dimension or "") == (target.dimension or "")]
    if over is None:
        return siblings
    allowed = {i.code for i in siblings}
    problems = []
    for code in over:
        if code not in allowed:
            where = f"ภายใต้ {parent}" if parent else "ระดับบนสุด"
            where_en = f"under {parent}" if parent else "at the top level"
            if fixed_dimension:
                where += f" ในมิติ {target.dimension}"
                where_en += f" in dimension {target.dimension}"
            problems.append(Problem(
                th=f"{code} ไม่ใช่ตัวชี้วัดระดับเดียวกับ {target.code} ({where}) จึงรับน้ำหนักแทนไม่ได้",
                en=f"{code} is not a sibling of {target.code} ({where_en}), so it cannot take its weight",
                indicator=code, field="weight"))
    if problems:
        raise ProblemsError(problems)
    return [i for i in siblings if i.code in set(over)]


def _spread(pool: Sequence[Indicator], weights: Sequence[Decimal], remaining: Decimal, difference: Decimal,
            spread: Spread) -> list[Fraction]:
    """The exact share of each pool member once `difference` is taken from them (given, if negative)."""
    total = sum((Fraction(w) for w in weights), Fraction(0))
    if spread is Spread.PROPORTIONAL and total:
        return [Fraction(w) * Fraction(remaining) / total for w in weights]
    each = Fraction(difference) / len(weights)
    shares = [Fraction(w) - each for w in weights]
    short = [(item, share) for item, share in zip(pool, shares, strict=True) if share < 0]
    if short:
        raise ProblemsError([
            _negative(item.code, Decimal(share.numerator) / Decimal(share.denominator), spread=True)
            for item, share in short])
    return shares


def _allocate(shares: Sequence[Fraction], total: Decimal, quantum: Decimal) -> list[Decimal]:
    """Round exact shares to the quantum so that they sum to `total` exactly (largest remainder, ties earlier)."""
    unit = Fraction(quantum)
    floors = [share // unit for share in shares]  # whole quanta, never below zero since shares are not
    leftover = int((Fraction(total) - sum(floors, Fraction(0)) * unit) / unit)
    order = sorted(range(len(shares)), key=lambda n: (-(shares[n] - floors[n] * unit), n))
    for n in order[:leftover]:
        floors[n] += 1
    return [_tidy(Decimal(int(f)) * quantum) for f in floors]


def _tidy(value: Decimal) -> Decimal:
    """30.00 as 30 and 12.50 as 12.5, never 3E+1: the weight as a person writes it."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _quantum(weights: Sequence[Decimal], places: int) -> Decimal:
    """The smallest unit to round to: 10^-places, or finer where a weight already carries more decimals."""
    finest = min((w.normalize().as_tuple().exponent for w in weights if w), default=0)
    exponent = min(-places, int(finest))
    return Decimal(1).scaleb(exponent)


def _negative(code: str, value: Decimal, spread: bool = False) -> Problem:
    how = " เมื่อกระจายเท่ากัน" if spread else ""
    how_en = " with an equal spread" if spread else ""
    return Problem(
        th=f"น้ำหนักของ {code} จะติดลบ ({plain(value)}){how} ซึ่งไม่ได้",
        en=f"the weight of {code} would become negative ({plain(value)}){how_en}, which is not allowed",
        indicator=code, field="weight")


def _result(indicators: Sequence[Indicator], new_weights: dict[str, Decimal],
            weight: Callable[[Indicator], Decimal], round_: int | None) -> Redistribution:
    changes: list[WeightChange] = []
    result: list[Indicator] = []
    for item in indicators:
        value = new_weights.get(item.code)
        if value is None or value == weight(item):
            result.append(item)
            continue
        changes.append(WeightChange(item.code, weight(item), value, round_))
        if round_ is None:
            result.append(replace(item, weight=value))
        else:
            result.append(replace(item, round_weights={**item.round_weights, round_: value}))
    return Redistribution(tuple(result), tuple(changes))

