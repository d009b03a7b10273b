"""Which columns a screen of a given width shows: the own result first, then the name's 20 characters."""

from __future__ import annotations

from evaluator_app.ui.rating.column_fit import fit_columns, visual_order

COLUMNS = ["code", "name", "unit", "weight", "t1", "t2", "t3", "t4", "t5", "self.result", "self.score",
           "self.weighted", "own.result", "own.score", "own.weighted"]
WIDTHS = {"code": 40, "name": 0, "unit": 60, "weight": 50, **{f"t{n}": 76 for n in range(1, 6)},
          "self.result": 154, "self.score": 66, "self.weighted": 74, "own.result": 76, "own.score": 66,
          "own.weighted": 74}


def test_the_own_group_sits_beside_the_criteria_and_the_agency_s_report_last():
    assert visual_order(COLUMNS)[9:] == ["own.result", "own.score", "own.weighted", "self.result", "self.score",
                                         "self.weighted"]


def test_a_wide_screen_shows_everything_and_gives_the_name_the_rest():
    fit = fit_columns(WIDTHS, 1555, 195)
    assert fit.hidden == frozenset() and not fit.self_collapsed
    assert fit.name_width == 1555 - sum(WIDTHS.values())


def test_a_narrow_screen_collapses_the_self_assessment_then_drops_the_unit_never_the_name_s_minimum():
    fit = fit_columns(WIDTHS, 1200, 195)
    assert fit.self_collapsed and "self.weighted" in fit.hidden and "unit" not in fit.hidden
    fit = fit_columns(WIDTHS, 1035, 195)
    assert fit.hidden == {"self.weighted", "unit"}
    fit = fit_columns(WIDTHS, 827, 195)
    assert fit.name_width == 195, "what still does not fit scrolls; the name keeps its 20 characters"


def test_the_person_s_choice_for_the_self_assessment_group_holds():
    assert "self.weighted" not in fit_columns(WIDTHS, 1035, 195, self_expanded=True).hidden
    assert "self.weighted" in fit_columns(WIDTHS, 1555, 195, self_expanded=False).hidden
