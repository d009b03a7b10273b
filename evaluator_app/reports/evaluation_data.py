"""The content of an evaluation report, gathered from the workspace as plain data: exactly what the paper prints.

The PDF is drawn from this content and nothing else, and its SHA-256 is the report's seal, so "the figures still
match" means: gathering the content again from today's data gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ..domain.agreement import Agreement, Indicator
from ..domain.framework import Framework, Scheme
from ..domain.numbers import format4, plain
from ..domain.problems import Problem, ProblemsError
from ..domain.rating import SELF_ASSESSMENT, Rating
from ..domain.scoring import IndicatorScore, RuleCache, ScoreSheet, SheetPlan
from ..store.agreements import StoredAgreement, load_agreement
from ..store.committee import CommitteeSettings, acceptances, committee_settings
from ..store.frameworks import get_framework
from ..store.import_warnings import agreement_warnings
from ..store.panel import ResultState, result_state
from ..store.panel_results import panel_result_of
from ..store.ratings import ratings_of_round
from ..store.versions import version_for_round
from ..store.workspace import Workspace
from . import panel_view

if TYPE_CHECKING:
    from ..domain.panel import Panel

__all__ = [
    "CONTENT_FORMAT",
    "CommitteeSource",
    "collect_evaluation",
    "framework_content",
    "resolve_committee",
    "signatories_content",
]

CONTENT_FORMAT = 2  # bump when the content's shape changes; verify compares like with like
# "verified" is the committee verifying the agency's results (accepted as reported, or adjusted with a reason);
# "adjusted" is its former name, still accepted from older snapshots and scripts.
CommitteeSource = Literal["panel", "verified", "evaluator", "adjusted"]
MODEL_NAMES = {"panel": "panel", "verified": "verified", "adjusted": "verified", "evaluator": "evaluator"}
NO_FIGURE_NOTE = ("ยังไม่มีผลการประเมินของคณะกรรมการ: คณะกรรมการยังไม่ได้รับรองผลที่ส่วนราชการรายงานหรือปรับคะแนนพร้อมเหตุผล")
CHANGED_NOTE = ("ยังไม่มีผลการประเมินของคณะกรรมการ: ส่วนราชการแก้ไขผลหลังคณะกรรมการรับรอง ({accepted} → {reported}) "
                "ต้องรับรองใหม่")
NOT_RATED_NOTE = "ยังไม่มีผลการประเมินของคณะกรรมการ: {who} ยังไม่ได้ให้คะแนน"


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
                      committee: CommitteeSource | str | None) -> str:
    """Which model makes the committee column. Asked for, or the workspace's setting, or else: the panel when it
    has rated this agreement and round, the evaluator chosen as the committee when one is set, and otherwise the
    committee verifying the agency's results."""
    return _resolve(_Sources(workspace, agreement_id, round_), committee)


class _Sources:
    """What one report reads from the workspace, each read once and only when needed (sealing a national batch
    read the agreement four times a report, each member's ratings three times, the panel three times): the agreement
    as in force for the round, its framework, the panel, every evaluator's ratings of the round, the committee
    settings and the panel result's state. A refusal (no such agreement, no panel, no committee evaluator) comes
    from the same read with the same words as before."""

    def __init__(self, workspace: Workspace, agreement_id: int, round_: int):
        self.workspace = workspace
        self.agreement_id = agreement_id
        self.round = round_

    @cached_property
    def settings(self) -> CommitteeSettings:
        return committee_settings(self.workspace)

    @cached_property
    def stored(self) -> StoredAgreement:
        # the version in force for the round: its agency (the agreement's own, in every version) is the agency
        # wherever the report names it
        return load_agreement(self.workspace, self.agreement_id,
                              version_for_round(self.workspace.conn, self.agreement_id, self.round))

    @cached_property
    def framework(self) -> Framework:
        return get_framework(self.workspace, self.stored.agreement.framework_id or "")

    @cached_property
    def panel(self) -> Panel | None:
        return panel_view.load_panel_or_none(self.workspace)

    @cached_property
    def ratings(self) -> dict[str, dict[str, Rating]]:
        """Every evaluator's ratings of the agreement and round, by evaluator then code."""
        return ratings_of_round(self.workspace, self.agreement_id, self.round)

    @cached_property
    def state(self) -> ResultState | None:
        return result_state(self.workspace.conn, self.agreement_id, self.round)

    @cached_property
    def plan(self) -> SheetPlan:
        """The agreement's sheets for the round, worked out once for every sheet the report scores (the agency's,
        the committee's, each member's): `plan.score(ratings)` is `score_agreement(agreement, ratings, ...)`."""
        if len(_RULES) > 10_000:
            _RULES.clear()
        return SheetPlan.for_rounds(self.stored.agreement, self.framework, (self.round,), _RULES)[self.round]


# Each criteria's scoring rule under a framework, worked out once for every report of a batch (stored criteria and
# frameworks are parsed once per text, so their identity names them: domain/scoring.py, RuleCache).
_RULES: RuleCache = {}


def _resolve(sources: _Sources, committee: CommitteeSource | str | None) -> str:
    if committee is not None:
        return MODEL_NAMES.get(str(committee), str(committee))
    settings = sources.settings
    if settings.model is not None:
        return settings.model
    agency = sources.stored.agreement.agency
    if panel_view.rated_by_panel(sources.panel, agency, sources.ratings):
        return "panel"
    return "evaluator" if settings.evaluator else "verified"


def _num(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _score(value: Decimal | None) -> str | None:
    return None if value is None else format4(value)


def _group(row: IndicatorScore, result: str | None) -> dict[str, Any]:
    return {"result": result, "score": _score(row.score), "weighted": _score(row.weighted)}


def _indicator_row(item: Indicator, own: IndicatorScore, committee: IndicatorScore, committee_result: str | None,
                   note: int | None, round_: int) -> dict[str, Any]:
    # Without a committee score the committee's result is not printed either: the column is the committee's
    # figures only, never the agency's claim waiting for confirmation.
    shown = None if committee.is_parent or committee.score is None else committee_result
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
        "committee": {**_group(committee, shown), "note": note},
    }


@dataclass
class _Committee:
    """The committee column group and the statement of who decided it."""

    sheet: ScoreSheet
    results: dict[str, str]
    reasons: dict[str, str]
    statement: dict[str, Any]


def _verified(workspace: Workspace, agreement: Agreement, agreement_id: int, round_: int, plan: SheetPlan,
              own_ratings: dict[str, Rating], names: dict[str, str]) -> _Committee:
    """The committee verifying the agency's results: a reported result counts once accepted as reported (and
    still the value accepted), an adjusted score once set with its reason; anything else has no committee figure."""
    accepted = acceptances(workspace.conn, agreement_id, round_)
    confirmed: dict[str, Rating] = {}
    reasons: dict[str, str] = {}
    by_acceptor: dict[str, list[str]] = {}
    adjusted: list[str] = []
    for item in agreement.leaves():
        if not item.counted_in(round_):
            continue
        own = own_ratings.get(item.code)
        if own is not None and own.adjusted_score is not None:
            confirmed[item.code] = own
            adjusted.append(item.code)
            continue
        acceptance = accepted.get(item.code)
        if own is not None and own.result is not None and acceptance is not None:
            if acceptance.result == own.result:
                confirmed[item.code] = Rating(item.code, round_, own.evaluator, result=own.result)
                by_acceptor.setdefault(names.get(acceptance.accepted_by, acceptance.accepted_by), []).append(
                    item.code)
                continue
            reasons[item.code] = CHANGED_NOTE.format(accepted=plain(acceptance.result), reported=plain(own.result))
            continue
        reasons[item.code] = NO_FIGURE_NOTE
    sheet = plan.score(confirmed)
    for row in sheet.indicators:
        if row.adjusted and row.score is not None:
            before = f"จาก {format4(row.computed_score)} " if row.computed_score is not None else ""
            reasons[row.code] = f"คณะกรรมการปรับคะแนน{before}เป็น {format4(row.score)}: {row.adjust_reason}"
    results = {code: plain(r.result) for code, r in confirmed.items() if r.result is not None}
    statement = {
        "accepted": [{"by": who, "codes": codes} for who, codes in by_acceptor.items()],
        "adjusted": adjusted,
        "unconfirmed": list(sheet.missing),
    }
    return _Committee(sheet, results, reasons, statement)


def _by_evaluator(sources: _Sources) -> _Committee:
    """One evaluator chosen as the committee (no panel): their own results and adjusted scores."""
    evaluator = sources.settings.evaluator
    if not evaluator:
        raise ProblemsError([Problem(
            th="ยังไม่ได้กำหนดผู้ประเมินที่เป็นคณะกรรมการ (committee --evaluator รหัส)",
            en="no evaluator is chosen as the committee (committee --evaluator ID)", field="committee")])
    ratings = sources.ratings.get(evaluator, {})
    sheet = sources.plan.score(ratings)
    reasons: dict[str, str] = {}
    for row in sheet.indicators:
        if row.adjusted and row.score is not None:
            before = f"จาก {format4(row.computed_score)} " if row.computed_score is not None else ""
            reasons[row.code] = f"คณะกรรมการปรับคะแนน{before}เป็น {format4(row.score)}: {row.adjust_reason}"
    for code in sheet.missing:
        reasons[code] = NOT_RATED_NOTE.format(who=evaluator)
    results = {code: plain(r.result) for code, r in ratings.items() if r.result is not None}
    return _Committee(sheet, results, reasons, {"evaluator": evaluator, "unconfirmed": list(sheet.missing)})


def _by_panel(sources: _Sources, panel: Panel | None) -> _Committee:
    workspace = sources.workspace
    if panel is None:
        from ..store.panel import require_panel

        require_panel(workspace)  # refuses with the panel's own message
    assert panel is not None
    stored = sources.stored
    result = panel_result_of(workspace, panel, stored.agreement, sources.framework, sources.state, sources.ratings,
                             sources.agreement_id, sources.round, plan=sources.plan)
    figures = panel_view.figures_of(panel, result, sources.ratings, stored.agreement.agency, sources.state)
    reasons = dict(figures.notes)
    for code in figures.sheet.missing:
        reasons.setdefault(code, NOT_RATED_NOTE.format(who="กรรมการ"))
    statement = {
        "rule": figures.rule, "panel": panel.name, "raters": list(figures.raters),
        "excluded": list(figures.excluded),
        "recused": [{"name": name, "reason": reason} for name, reason in figures.recused],
        "rated_by": [{"codes": codes, "members": members} for members, codes in figures.rated_by],
        "not_rated": [{"codes": codes, "members": members} for members, codes in figures.not_rated],
        "missing_members": list(figures.missing_members),
        "finalised": figures.finalised,
        "unconfirmed": list(figures.sheet.missing),
    }
    return _Committee(figures.sheet, dict(figures.results), reasons, statement)


def collect_evaluation(workspace: Workspace, agreement_id: int, round_: int = 12, *,
                       committee: CommitteeSource | str | None = None) -> dict[str, Any]:
    """Everything the evaluation report of one agreement and round prints, as canonical plain data.

    The self-assessment group scores the agency's own results as reported (no adjustment). The committee group
    holds the committee's figures only: the panel's under its rule (`"panel"`), the chosen evaluator's
    (`"evaluator"`), or the agency's results the committee confirmed, accepted as reported or adjusted with a
    reason (`"verified"`). An indicator without one is empty, with a note; the agency's claim never stands in.
    Totals are the ScoreSheet's, computed from the rounded weighted scores, so the printed column adds up.
    """
    sources = _Sources(workspace, agreement_id, round_)
    source = _resolve(sources, committee)
    stored = sources.stored
    agreement = stored.agreement
    framework = sources.framework
    own_ratings = sources.ratings.get(SELF_ASSESSMENT, {})
    as_reported = {code: Rating(code, r.round, r.evaluator, result=r.result) for code, r in own_ratings.items()
                   if r.result is not None}
    self_sheet = sources.plan.score(as_reported)
    panel = sources.panel
    names = {} if panel is None else {m.id: m.name for m in panel.members}

    if source == "panel":
        made = _by_panel(sources, panel)
    elif source == "evaluator":
        made = _by_evaluator(sources)
    elif source == "verified":
        made = _verified(workspace, agreement, agreement_id, round_, sources.plan, own_ratings, names)
    else:
        raise ProblemsError([Problem(th=f"ไม่รู้จักรูปแบบผลของคณะกรรมการ {source}",
                                     en=f"unknown committee model {source!r}", field="committee")])
    committee_sheet = made.sheet
    committee_info: dict[str, Any] = {"source": source, "rule": None, "panel": None if panel is None else panel.name,
                                      "raters": [], "excluded": [], **made.statement}

    rows, notes = _rows(agreement, self_sheet, committee_sheet, made.results, made.reasons, round_)
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
                     for c in panel_view.comments_of(workspace, panel, agreement_id, agreement.agency,
                                                     sources.ratings)],
        "signatories": _signatories(sources.settings, panel, agreement),
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


def signatories_content(workspace: Workspace, panel: Panel | None, agreement: Agreement) -> list[dict[str, Any]]:
    """Who signs: the panel's members in signing order (a member with a conflict listed as recused, not signing),
    or without a panel the committee named in the settings; `blank` people get dotted lines for a name."""
    return _signatories(committee_settings(workspace), panel, agreement)


def _signatories(settings: CommitteeSettings, panel: Panel | None, agreement: Agreement) -> list[dict[str, Any]]:
    if panel is not None and panel.members:
        out: list[dict[str, Any]] = []
        for member in panel.in_signing_order():
            conflict = panel.conflict(member.id, agreement.agency)
            out.append({"name": member.name, "position": member.position, "role": member.title_th,
                        "member_id": member.id, "recused": conflict is not None,
                        "recused_reason": None if conflict is None else conflict.reason})
        return out
    named = settings.signatories
    if named:
        return [{"name": p.name, "position": p.position, "role": p.role, "member_id": None, "recused": False,
                 "recused_reason": None} for p in named]
    # Nobody named yet: the usual three blocks with lines for the names, so the paper can still be signed.
    return [{"name": "", "position": "", "role": role, "member_id": None, "recused": False, "recused_reason": None}
            for role in ("ประธานกรรมการ", "กรรมการ", "กรรมการและเลขานุการ")]


def _rows(agreement: Agreement, self_sheet: ScoreSheet, committee_sheet: ScoreSheet, results: dict[str, str],
          reasons: dict[str, str], round_: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Indicator rows grouped by dimension (first appearance order), note marks numbered as they appear; indicators
    with the same note (no committee figure yet, for the same reason) share one mark and one note."""
    rows: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    by_text: dict[str, dict[str, Any]] = {}
    # the sheets' rows by code, each the first of its code as ScoreSheet.indicator finds it (it walks the rows)
    own_rows = {row.code: row for row in reversed(self_sheet.indicators)}
    committee_rows = {row.code: row for row in reversed(committee_sheet.indicators)}
    for dimension in agreement.dimensions():
        for item in agreement.indicators:
            if (item.dimension or "") != dimension:
                continue
            mark = None
            if item.code in reasons:
                text = reasons[item.code]
                note = by_text.get(text)
                if note is None:
                    note = by_text[text] = {"mark": len(notes) + 1, "code": item.code, "text": text}
                    notes.append(note)
                else:
                    note["code"] = f"{note['code']}, {item.code}"
                mark = int(note["mark"])
            rows.append(_indicator_row(item, own_rows[item.code], committee_rows[item.code], results.get(item.code),
                                       mark, round_))
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
