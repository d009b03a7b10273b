"""The content of an evaluation report, gathered from the workspace as plain data: exactly what the paper prints.

The PDF is drawn from this content and nothing else, and its SHA-256 is the report's seal, so "the figures still
match" means: gathering the content again from today's data gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from ..domain.agreement import Agreement, Indicator
from ..domain.framework import Framework, Scheme
from ..domain.numbers import format4, plain
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import IndicatorScore, ScoreSheet, score_agreement
from ..store.agreements import load_agreement
from ..store.frameworks import get_framework
from ..store.import_warnings import agreement_warnings
from ..store.ratings import load_ratings
from ..store.versions import version_for_round
from ..store.workspace import Workspace
from . import panel_view

__all__ = ["CONTENT_FORMAT", "CommitteeSource", "collect_evaluation", "framework_content", "resolve_committee"]

CONTENT_FORMAT = 1  # bump when the content's shape changes; verify compares like with like
CommitteeSource = Literal["panel", "adjusted"]


def framework_content(framework: Framework) -> dict[str, Any]:
    """The rules in force that every paper prints beside its figures."""
    return {
        "id": framework.id,
        "name": framework.name,
        "scheme": framework.scheme.value,
        "floor": plain(framework.floor),
        "rounding": framework.rounding.value,
        "milestone_mode": framework.milestone_mode.value,
        "reward_threshold": format4(framework.reward_threshold),
        "threshold_count": framework.threshold_count,
        "max_score": plain(framework.max_score),
        # the points used, where the scheme has them (sources disagree: 50 / 70 / 100 or 50 / 75 / 100)
        **({"points": [plain(p) for p in framework.points]} if framework.scheme is Scheme.THREE_LEVEL_100 else {}),
    }


def resolve_committee(workspace: Workspace, agreement_id: int, round_: int,
                      committee: CommitteeSource | None) -> CommitteeSource:
    """`None` picks the panel when it has rated this agreement and round, else the committee's adjustments of the
    agency's own results."""
    if committee is not None:
        return committee
    agency = load_agreement(workspace, agreement_id).agreement.agency
    panel = panel_view.load_panel_or_none(workspace)
    return "panel" if panel_view.panel_has_ratings(workspace, panel, agreement_id, agency, round_) else "adjusted"


def _num(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _score(value: Decimal | None) -> str | None:
    return None if value is None else format4(value)


def _group(row: IndicatorScore, result: str | None) -> dict[str, Any]:
    return {"result": result, "score": _score(row.score), "weighted": _score(row.weighted)}


def _indicator_row(item: Indicator, own: IndicatorScore, committee: IndicatorScore, committee_result: str | None,
                   note: int | None, round_: int) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "dimension": item.dimension or "",
        "unit": item.unit or "",
        "kind": item.kind.value,
        "weight": plain(item.weight_in(round_)),
        "counted": own.counted,
        "parent": own.is_parent,
        # a band ("80 – 84.99") is one unbreakable token on paper: no-break spaces inside it
        "thresholds": [] if item.thresholds is None else [t.replace(" ", "\u00a0") for t in item.thresholds.labels()],
        "self": _group(own, None if own.is_parent else _num(own.result)),
        "committee": {**_group(committee, None if committee.is_parent else committee_result), "note": note},
    }


def collect_evaluation(workspace: Workspace, agreement_id: int, round_: int = 12, *,
                       committee: CommitteeSource | None = None) -> dict[str, Any]:
    """Everything the evaluation report of one agreement and round prints, as canonical plain data.

    The self-assessment group scores the agency's own results as reported (no adjustment); the committee group is
    the panel's figure per indicator (`committee="panel"`) or the agency's results with the committee's adjusted
    scores (`"adjusted"`). Totals are the ScoreSheet's, computed from the rounded weighted scores, so the printed
    column adds up to the printed total.
    """
    source = resolve_committee(workspace, agreement_id, round_, committee)
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, round_))
    agreement = stored.agreement
    framework = get_framework(workspace, agreement.framework_id or "")
    own_ratings = {code: s.rating for code, s in load_ratings(workspace, agreement_id, round_, SELF_ASSESSMENT).items()}
    as_reported = {code: Rating(code, r.round, r.evaluator, result=r.result) for code, r in own_ratings.items()
                   if r.result is not None}
    self_sheet = score_agreement(agreement, as_reported, framework, round_)
    panel = panel_view.load_panel_or_none(workspace)

    committee_info: dict[str, Any]
    if source == "panel":
        if panel is None:
            from ..store.panel import require_panel

            require_panel(workspace)  # refuses with the panel's own message
        assert panel is not None
        figures = panel_view.panel_figures(workspace, panel, agreement_id, round_)
        committee_sheet, committee_results, reasons = figures.sheet, figures.results, figures.notes
        committee_info = {"source": source, "rule": figures.rule, "panel": panel.name,
                          "raters": list(figures.raters), "excluded": list(figures.excluded)}
    else:
        committee_sheet = score_agreement(agreement, own_ratings, framework, round_)
        committee_results = {code: plain(r.result) for code, r in own_ratings.items() if r.result is not None}
        reasons = {}
        for row in committee_sheet.indicators:
            if row.adjusted and row.score is not None:
                before = f"จาก {format4(row.computed_score)} " if row.computed_score is not None else ""
                reasons[row.code] = f"คณะกรรมการปรับคะแนน{before}เป็น {format4(row.score)}: {row.adjust_reason}"
        committee_info = {"source": source, "rule": None, "panel": None if panel is None else panel.name,
                          "raters": [], "excluded": []}

    rows, notes = _rows(agreement, self_sheet, committee_sheet, committee_results, reasons, round_)
    complete = committee_sheet.complete
    tier = framework.tier_for(committee_sheet.total) if complete else None
    return {
        "format": CONTENT_FORMAT,
        "kind": "evaluation",
        "agreement": {"id": agreement_id, "agency": agreement.agency, "fiscal_year": agreement.fiscal_year,
                      "title": agreement.title},
        "version": stored.version_number,
        "round": round_,
        "framework": framework_content(framework),
        "committee": committee_info,
        "indicators": rows,
        "dimensions": _dimensions(self_sheet, committee_sheet),
        "totals": {
            "counted_weight": plain(committee_sheet.counted_weight),
            "self": format4(self_sheet.total), "self_complete": self_sheet.complete,
            "committee": format4(committee_sheet.total), "committee_complete": complete,
            "missing": list(committee_sheet.missing),
        },
        "eligibility": {"threshold": format4(framework.reward_threshold), "eligible": committee_sheet.eligible,
                        "tier": None if tier is None else tier.label},
        "notes": notes,
        "comments": [{"code": c.code, "by": c.by, "text": c.text}
                     for c in panel_view.panel_comments(workspace, panel, agreement_id, agreement.agency, round_)],
        "signatories": [{"name": s.name, "position": s.position, "role": s.role}
                        for s in panel_view.signatory_lines(panel, agreement)],
        # only where there is something to say, so that other reports' content (and seal) stays as it was
        **({"rules_applied": applied} if (applied := rules_applied(workspace, agreement_id, agreement,
                                                                    committee_sheet)) else {}),
    }


def rules_applied(workspace: Workspace, agreement_id: int, agreement: Agreement, sheet: ScoreSheet) -> list[str]:
    """The import policy's rules this agreement was scored under (issue 11), one Thai line each: the divisor when
    the counted weights do not sum to 100, the banded indicators, and what the import took as written."""
    lines = []
    if sheet.counted_weight != 100:
        lines.append(f"น้ำหนักที่นับรวมได้ {plain(sheet.counted_weight)}: คะแนนถ่วงน้ำหนัก = คะแนน × น้ำหนัก / "
                     f"{plain(sheet.counted_weight)}")
    banded = [i.code for i in agreement.leaves() if i.thresholds is not None and i.thresholds.bands is not None]
    if banded:
        lines.append(f"คิดคะแนนแบบช่วง (ได้คะแนนเต็มระดับของช่วงที่ผลอยู่): ตัวชี้วัด {', '.join(banded)}")
    for warning in agreement_warnings(workspace, agreement_id):
        where = ", ".join(part for part in (
            warning.file, f"ชีต {warning.sheet}" if warning.sheet else "",
            f"แถว {warning.row}" if warning.row is not None else "",
            f"คอลัมน์ {warning.column}" if warning.column else "") if part)
        lines.append(f"นำเข้าตามที่เขียน ({where}): {warning.th}")
    return lines


def _rows(agreement: Agreement, self_sheet: ScoreSheet, committee_sheet: ScoreSheet, results: dict[str, str],
          reasons: dict[str, str], round_: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Indicator rows grouped by dimension (first appearance order), note marks numbered as they appear."""
    rows: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for dimension in agreement.dimensions():
        for item in agreement.indicators:
            if (item.dimension or "") != dimension:
                continue
            mark = None
            if item.code in reasons:
                mark = len(notes) + 1
                notes.append({"mark": mark, "code": item.code, "text": reasons[item.code]})
            rows.append(_indicator_row(item, self_sheet.indicator(item.code), committee_sheet.indicator(item.code),
                                       results.get(item.code), mark, round_))
    return rows, notes


def _dimensions(self_sheet: ScoreSheet, committee_sheet: ScoreSheet) -> list[dict[str, Any]]:
    theirs = {d.name: d for d in committee_sheet.dimensions}
    out = []
    for own in self_sheet.dimensions:
        other = theirs.get(own.name)
        out.append({"name": own.name, "weight": plain(own.weight), "self": format4(own.subtotal),
                    "committee": format4(other.subtotal if other else Decimal(0)),
                    # the dimension's average on the 1-5 scale, beside its weighted subtotal
                    "self_average": None if own.average is None else format4(own.average),
                    "committee_average": None if other is None or other.average is None else format4(other.average)})
    return out


def is_hundred_scale(content: dict[str, Any]) -> bool:
    return str(content["framework"]["scheme"]) == Scheme.THREE_LEVEL_100.value
