"""The planned scorer (SheetPlan, behind score_agreement) gives exactly what the scorer before it gave: the same
sheets, Decimal for Decimal (value and exponent), and the same refusals, on the demo and on random agreements."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator_app.domain.agreement import Agreement, Indicator, IndicatorKind
from evaluator_app.domain.framework import Framework, MilestoneMode, Rounding, Scheme
from evaluator_app.domain.rating import Rating
from evaluator_app.domain.scoring import ScoreSheet, SheetPlan, score_agreement
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.exchange.demo import demo_workspace_copy
from evaluator_app.store.agreements import list_agreements, load_agreement
from evaluator_app.store.frameworks import get_framework
from evaluator_app.store.ratings import evaluators_of, load_ratings
from evaluator_app.store.versions import version_for_round
from evaluator_app.store.workspace import Workspace

from .reference_scoring import score_agreement as reference

ROUNDS = (6, 9, 12)


def _exact(sheet: ScoreSheet) -> tuple:
    """Every Decimal as its tuple, so 1.0 and 1.00 differ (== alone would call them equal)."""

    def fix(value):
        return value.as_tuple() if isinstance(value, D) else value

    rows = [tuple(fix(getattr(i, f)) for f in i._fields) for i in sheet.indicators]
    dims = [(d.name, fix(d.weight), fix(d.subtotal), fix(d.average)) for d in sheet.dimensions]
    return (sheet.round, rows, dims, fix(sheet.total), fix(sheet.counted_weight), sheet.missing,
            fix(sheet.reward_threshold))


def _outcome(score, *args):
    try:
        sheet = score(*args)
    except Exception as exc:  # the refusal must be the same one
        return (type(exc), str(exc))
    return _exact(sheet)


def test_demo_sheets_equal_the_reference(tmp_path):
    with Workspace.open(demo_workspace_copy(tmp_path)) as workspace:
        compared = 0
        for summary in list_agreements(workspace):
            for round_ in ROUNDS:
                version = version_for_round(workspace.conn, summary.id, round_)
                agreement = load_agreement(workspace, summary.id, version).agreement
                framework = get_framework(workspace, agreement.framework_id or "")
                plan = SheetPlan(agreement, framework, round_)
                for evaluator in evaluators_of(workspace, summary.id):
                    ratings = {c: s.rating for c, s in load_ratings(workspace, summary.id, round_, evaluator).items()}
                    expected = _outcome(reference, agreement, ratings, framework, round_)
                    assert _outcome(score_agreement, agreement, ratings, framework, round_) == expected
                    assert _outcome(plan.score, ratings) == expected
                    values = {code: (r.result, r.adjusted_score, r.adjust_reason) for code, r in ratings.items()}
                    assert _outcome(plan.score_values, values) == expected
                    compared += 1
        assert compared >= 10


decimals = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def thresholds(draw, count):
    start = draw(decimals)
    values = [start]
    for _ in range(count - 1):
        values.append(values[-1] + draw(st.decimals(min_value=D("0.01"), max_value=300, places=2)))
    if draw(st.booleans()):
        values.reverse()  # lower is better
    return Thresholds(tuple(values))


@st.composite
def cases(draw):
    scheme = draw(st.sampled_from(list(Scheme)))
    count = 3 if scheme is Scheme.THREE_LEVEL_100 else 5
    framework = Framework(
        id="t", name="t", first_year=1, last_year=None, scheme=scheme,
        floor=draw(st.sampled_from([D(0), D(1), D("1.0")])),
        rounding=draw(st.sampled_from(list(Rounding))),
        milestone_mode=draw(st.sampled_from(list(MilestoneMode))))
    round_ = draw(st.sampled_from(ROUNDS))
    indicators: list[Indicator] = []
    ratings: dict[str, Rating] = {}
    tops = draw(st.integers(min_value=1, max_value=6))
    for top in range(1, tops + 1):
        children = draw(st.integers(min_value=0, max_value=3))
        codes = [str(top)] if not children else [str(top), *(f"{top}.{n}" for n in range(1, children + 1))]
        for code in codes:
            parent = children and code == str(top)
            milestone = not parent and draw(st.booleans())
            levels = count if draw(st.integers(0, 9)) else draw(st.integers(2, 7))  # sometimes the wrong count
            item_thresholds = None if parent or draw(st.integers(0, 30)) == 0 else draw(thresholds(levels))
            if milestone and item_thresholds is not None:
                item_thresholds = Thresholds(tuple(D(n) for n in range(1, levels + 1)))
            indicators.append(Indicator(
                code, f"kpi {code}", draw(st.decimals(min_value=0, max_value=60, places=2)), item_thresholds,
                kind=IndicatorKind.MILESTONE if milestone else IndicatorKind.NUMERIC,
                dimension=draw(st.sampled_from([None, "", "A", "B"])),
                start_round=draw(st.sampled_from([None, None, 9, 12])),
                cancel_round=draw(st.sampled_from([None, None, None, 9, 12])),
                round_weights=draw(st.sampled_from([{}, {}, {round_: D("7.5")}, {6: D(0)}]))))
            if parent or draw(st.integers(0, 5)) == 0:
                continue  # no rating
            if milestone:
                result = draw(st.one_of(st.none(), st.decimals(min_value=-1, max_value=levels + 1, places=1)))
            elif item_thresholds is not None and draw(st.integers(0, 3)):
                low, high = min(item_thresholds.values), max(item_thresholds.values)
                # mostly between the thresholds, where the score is interpolated
                result = draw(st.decimals(min_value=low - 5, max_value=high + 5, places=draw(st.integers(0, 3))))
            else:
                result = draw(st.one_of(st.none(), decimals))
            adjusted = draw(st.one_of(st.none(), st.none(), st.decimals(min_value=0, max_value=100, places=3)))
            ratings[code] = Rating(code, round_, "m1", result, adjusted, "เหตุผล" if adjusted is not None else None)
    return Agreement("x", 2569, tuple(indicators)), ratings, framework, round_


@settings(max_examples=400, deadline=None)
@given(cases())
def test_random_agreements_score_as_the_reference(case):
    agreement, ratings, framework, round_ = case
    expected = _outcome(reference, agreement, ratings, framework, round_)
    assert _outcome(score_agreement, agreement, ratings, framework, round_) == expected
    plan = SheetPlan(agreement, framework, round_)
    assert _outcome(plan.score, ratings) == expected
    assert _outcome(plan.score, {}) == _outcome(reference, agreement, {}, framework, round_)  # a plan is reused
    assert _outcome(plan.score, ratings) == expected
    values = {code: (r.result, r.adjusted_score, r.adjust_reason) for code, r in ratings.items()}
    assert _outcome(plan.score_values, values) == expected
    for other, planned in SheetPlan.for_rounds(agreement, framework, ROUNDS).items():
        assert _outcome(planned.score, ratings) == _outcome(reference, agreement, ratings, framework, other)


def test_an_indicator_score_is_a_plain_named_tuple():
    from evaluator_app.domain.scoring import IndicatorScore

    args = ("1.2", "ร้อยละ", "มิติ", D("20"), True, False, D("92.5"), D("3.5000"), D("4.0000"), D("0.8000"), "เหตุผล")
    made = IndicatorScore(*args)
    assert tuple(made) == args and made.adjusted and made._replace(adjust_reason=None).adjusted is False
    assert IndicatorScore("1", "n", "", D(1), False, False).score is None


@settings(max_examples=150, deadline=None)
@given(cases())
def test_plans_shared_between_rounds_score_as_their_own(case):
    """An agreement where no indicator starts late, is cancelled or reweighted shares one plan's parts between
    rounds (`for_rounds`): each round's sheet still equals the reference's for that round."""
    agreement, ratings, framework, _ = case
    plain = Agreement(agreement.agency, agreement.fiscal_year, tuple(
        Indicator(i.code, i.name, i.weight, i.thresholds, kind=i.kind, dimension=i.dimension)
        for i in agreement.indicators))
    for round_, planned in SheetPlan.for_rounds(plain, framework, ROUNDS).items():
        moved = {code: Rating(code, round_, r.evaluator, r.result, r.adjusted_score, r.adjust_reason)
                 for code, r in ratings.items()}
        assert planned.round == round_
        assert _outcome(planned.score, moved) == _outcome(reference, plain, moved, framework, round_)


def test_a_dimension_score_is_a_plain_named_tuple():
    from evaluator_app.domain.scoring import DimensionScore

    made = DimensionScore("มิติ", D(10), D("0.2900"), D("2.9000"))
    assert (made.name, made.weight, made.subtotal, made.average) == ("มิติ", D(10), D("0.2900"), D("2.9000"))
    assert DimensionScore("A", D(1), D(0)).average is None


@settings(max_examples=150, deadline=None)
@given(cases())
def test_criteria_rules_shared_between_agreements_score_as_the_reference(case):
    """A recompute shares each criteria's rule between agreements (`rules`), by the identity of the criteria: the
    same criteria object again reuses it, equal criteria written with other exponents (92.5 and 92.500) do not."""
    from dataclasses import replace

    agreement, ratings, framework, round_ = case

    def rewritten(item):
        if item.thresholds is None or item.thresholds.bands is not None:
            return item
        return replace(item, thresholds=Thresholds(tuple(v.quantize(D("0.001")) for v in item.thresholds.values)))

    wider = Agreement(agreement.agency, agreement.fiscal_year, tuple(rewritten(i) for i in agreement.indicators))
    rules: dict = {}
    for each in (agreement, agreement, wider, agreement):
        planned = SheetPlan.for_rounds(each, framework, [round_], rules)[round_]
        assert _outcome(planned.score, ratings) == _outcome(reference, each, ratings, framework, round_)
