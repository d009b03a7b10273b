"""Indicator rows of one agency and fiscal year turned into an Agreement, every problem placed on its row."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from evaluator_app.domain.agreement import (
    HUNDRED,
    Agreement,
    Indicator,
    IndicatorKind,
    fractions_to_percent,
    milestone_with_numeric_criteria,
    validate_agreement,
)
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.numbers import plain
from evaluator_app.domain.problems import Problem
from evaluator_app.domain.rating import SELF_ASSESSMENT, Rating
from evaluator_app.domain.scoring import result_problem
from evaluator_app.domain.thresholds import Thresholds

from .cells import (
    CellError,
    default_kind,
    parse_code,
    parse_kind,
    parse_level_reached,
    parse_number,
    parse_number_with_unit,
    parse_round,
)
from .criteria import read_criteria
from .sheets import SourceRow

DEFAULT_ROUND = 12
# Real agreements hold tens of indicators. The domain's checks compare every indicator with every other, so a
# hostile file with 100,000 indicators in one agreement would run for hours; it is refused instead.
MAX_INDICATORS = 1_000
_TEXT_FIELDS = ("unit", "target", "baseline", "description", "formula", "conditions", "data_source",
                "supervisor", "collector")
# Columns a later-round row of the same indicator may leave empty but must not contradict.
_SAME_IN_EVERY_ROUND = ("name", "unit", "kind", "level_1", "level_2", "level_3", "level_4", "level_5",
                        "target", "baseline", "start_round", "cancel_round")


@dataclass
class _Draft:
    """One indicator as its rows are read: the first row defines it, later rows add rounds."""

    first: SourceRow
    indicator: Indicator
    rounds: dict[int, SourceRow] = field(default_factory=dict)
    results: list[tuple[int, str, SourceRow]] = field(default_factory=list)


@dataclass
class AgreementAssembly:
    """Collects the rows of one agency and fiscal year; `finish` validates and reports."""

    agency: str
    fiscal_year: int
    framework: Framework
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # imported as written, each placed like a refusal
    rows: list[SourceRow] = field(default_factory=list)
    drafts: dict[str, _Draft] = field(default_factory=dict)
    weights_unreliable: bool = False  # a weight or code could not be read: sums would only repeat that
    bad_threshold_codes: set[str] = field(default_factory=set)
    reported_level_columns: set[tuple[str, str | None]] = field(default_factory=set)

    def _cell(self, row: SourceRow, name: str, error: CellError) -> None:
        self.problems.append(row.columns.cell_problem(row.row, name, error))

    def add(self, row: SourceRow) -> None:
        self.rows.append(row)
        for note in row.notes:  # hidden in Excel (exchange/hidden_cells.py); a column's or sheet's warning once
            if note not in self.warnings:
                self.warnings.append(note)
        values = row.values
        code_text = values.get("code", "")
        code = parse_code(code_text) if code_text else None
        if code is None:
            self.weights_unreliable = True
            self._cell(row, "code", CellError(
                "ว่าง: ทุกแถวตัวชี้วัดต้องมีรหัส เช่น 1 หรือ 2.1" if not code_text else
                f"ต้องเป็นรหัสตัวชี้วัด เช่น 1, 2.1 หรือ 2.1.3 แต่พบ {code_text!r}",
                "is empty: every indicator row needs a code such as 1 or 2.1" if not code_text else
                f"expected an indicator code such as 1, 2.1 or 2.1.3, got {code_text!r}"))
            return
        round_ = self._round(row, "round")
        if round_ is None and row.values.get("round"):
            return  # reported; guessing round 12 would only add a false duplicate
        round_ = round_ or DEFAULT_ROUND
        weight = self._number(row, "weight")
        draft = self.drafts.get(code)
        if draft is None:
            self._first_row(code, round_, weight, row)
        else:
            self._later_row(draft, round_, weight, row)

    def _round(self, row: SourceRow, name: str) -> int | None:
        text = row.values.get(name, "")
        if not text:
            return None
        try:
            return parse_round(text, self.framework.rounds)
        except CellError as error:
            self._cell(row, name, error)
            return None

    def _number(self, row: SourceRow, name: str) -> Decimal | None:
        text = row.values.get(name, "")
        if not text:
            return None
        try:
            return parse_number(text)
        except CellError as error:
            if name == "weight":
                self.weights_unreliable = True
            self._cell(row, name, error)
            return None

    def _first_row(self, code: str, round_: int, weight: Decimal | None, row: SourceRow) -> None:
        values = row.values
        if not values.get("name"):
            self._cell(row, "name", CellError("ว่าง: ต้องระบุชื่อตัวชี้วัด", "is empty: the indicator needs a name"))
        if weight is None and not values.get("weight"):
            self.weights_unreliable = True
            self._cell(row, "weight", CellError("ว่าง: ต้องระบุน้ำหนัก", "is empty: the indicator needs a weight"))
        kind = default_kind(values.get("unit"))
        written_kind = bool(values.get("kind"))
        if written_kind:
            try:
                kind = parse_kind(values["kind"])
            except CellError as error:
                self._cell(row, "kind", error)
        criteria = read_criteria(code, kind, row, self.framework)
        if (kind is IndicatorKind.MILESTONE and not criteria.descriptions
                and milestone_with_numeric_criteria(criteria.thresholds)):
            kind = self._milestone_with_numbers(code, row, criteria.thresholds, written_kind)
        self.problems.extend(criteria.problems)
        if criteria.absent_columns:
            self._absent_level_columns(row, criteria.absent_columns)
        if not criteria.ok:
            self.bad_threshold_codes.add(code)
        texts = {name: values.get(name) or None for name in _TEXT_FIELDS}
        indicator = Indicator(
            code=code, name=values.get("name", ""), weight=weight if weight is not None else Decimal(0),
            thresholds=criteria.thresholds, kind=kind, dimension=self._dimension(row.dimension),
            start_round=self._round(row, "start_round"), cancel_round=self._round(row, "cancel_round"),
            level_descriptions=criteria.descriptions, **texts)
        draft = _Draft(first=row, indicator=indicator, rounds={round_: row})
        self.drafts[code] = draft
        if values.get("result"):
            draft.results.append((round_, values["result"], row))

    def _milestone_with_numbers(self, code: str, row: SourceRow, thresholds: Thresholds | None,
                                written_kind: bool) -> IndicatorKind:
        """A milestone unit (or kind) whose criteria are numbers other than levels 1..n: never re-read silently.
        Written as milestone, it stays one; a unit alone does not outweigh the numbers, which are scored."""
        unit = row.values.get("unit", "")
        label = row.columns.levels_label(self.framework.threshold_count)
        if written_kind:
            self.warnings.append(row.columns.problem(
                row.row, f"ตัวชี้วัด {code} ระบุประเภทเป็นระดับความสำเร็จ แต่เกณฑ์เป็นตัวเลข {thresholds}: "
                f"ให้คะแนนตามระดับที่ทำได้ (0-{len(thresholds or ())}) เกณฑ์ตัวเลขไม่ถูกใช้",
                f"indicator {code} is a milestone by its kind, but its criteria are the numbers {thresholds}: it is "
                f"scored by the level reached (0-{len(thresholds or ())}) and those numbers are not used", label,
            ).at(indicator=code, warning=True))
            return IndicatorKind.MILESTONE
        self.warnings.append(row.columns.problem(
            row.row, f"หน่วยวัด {unit!r} ของตัวชี้วัด {code} เป็นระดับความสำเร็จ แต่เกณฑ์เป็นตัวเลข {thresholds}: "
            f"ให้คะแนนแบบตัวเลขตามเกณฑ์ (ถ้าเป็นระดับความสำเร็จ ให้ระบุประเภทเป็น ระดับความสำเร็จ)",
            f"indicator {code}'s unit {unit!r} reads as a milestone, but its criteria are the numbers "
            f"{thresholds}: it is scored as a numeric indicator against them (write the kind as milestone to score "
            f"the level reached instead)", label).at(indicator=code, warning=True))
        return IndicatorKind.NUMERIC

    def _later_row(self, draft: _Draft, round_: int, weight: Decimal | None, row: SourceRow) -> None:
        code = draft.indicator.code
        earlier = draft.rounds.get(round_)
        if earlier is not None:
            here_th, here_en = row.where()
            there_th, there_en = earlier.where()
            self.problems.append(row.columns.problem(
                row.row,
                f"แถวซ้ำ: ตัวชี้วัด {code} รอบ {round_} เดือน อยู่ทั้ง{there_th} และ{here_th}",
                f"duplicate row: indicator {code}, round {round_}, is on {there_en} and on {here_en}",
                row.columns.label("code")))
            return
        for name in _SAME_IN_EVERY_ROUND:
            mine, first = row.values.get(name, ""), draft.first.values.get(name, "")
            if mine and first and mine != first:
                there_th, there_en = draft.first.where()
                self._cell(row, name, CellError(
                    f"ต่างจาก{there_th} ({first!r} กับ {mine!r}) ตัวชี้วัด {code} ต่างรอบกันได้เฉพาะน้ำหนักและผล",
                    f"differs from {there_en} ({first!r} against {mine!r}); rows of indicator {code} for "
                    f"other rounds may differ only in weight and result"))
        draft.rounds[round_] = row
        if weight is not None and weight != draft.indicator.weight:
            draft.indicator.round_weights[round_] = weight
        if row.values.get("result"):
            draft.results.append((round_, row.values["result"], row))

    def _dimension(self, name: str | None) -> str | None:
        if not name:
            return None
        rule = self.framework.dimension_rule(name)
        return rule.name if rule else name

    def _absent_level_columns(self, row: SourceRow, absent: tuple[str, ...]) -> None:
        """Once per sheet, on its header row: every row of the sheet lacks the same columns."""
        key = (row.file, row.sheet)
        if key in self.reported_level_columns:
            return
        self.reported_level_columns.add(key)
        count = self.framework.threshold_count
        listed = ", ".join(f"เกณฑ์ {name[-1]} ({name})" for name in absent)
        self.problems.append(row.columns.problem(
            row.columns.header.index + 1,
            f"ไม่พบคอลัมน์ {listed}: ปีงบประมาณ {self.fiscal_year} ใช้เกณฑ์ {count} ระดับ",
            f"missing column {listed}: fiscal year {self.fiscal_year} uses {count} criteria levels"))

    def finish(self) -> tuple[Agreement | None, tuple[Rating, ...]]:
        """The agreement and its self-assessment ratings; None when nothing could be read."""
        if not self.drafts:
            return None, ()
        if len(self.drafts) > MAX_INDICATORS:
            first = self.rows[0]
            self.problems.append(first.columns.problem(
                first.row, f"คำรับรองของ {self.agency} ปี {self.fiscal_year} มีตัวชี้วัด {len(self.drafts):,} ตัว "
                f"เกินที่รับได้ ({MAX_INDICATORS:,})",
                f"the agreement of {self.agency} for {self.fiscal_year} has {len(self.drafts):,} indicators, more "
                f"than the limit of {MAX_INDICATORS:,}", first.columns.label("code")))
            return None, ()
        indicators = [d.indicator for d in self.drafts.values()]
        agreement = Agreement(agency=self.agency, fiscal_year=self.fiscal_year, indicators=tuple(indicators),
                              framework_id=self.framework.id)
        fractions: Decimal | None = None  # the fractions' sum, when it is not 1 (said in the weight-sum warning)
        if fractions_to_percent(i.weight for i in agreement.top_level()):
            total = sum((i.weight for i in agreement.top_level()), Decimal(0))
            fractions = None if total == 1 else total
            agreement = replace(agreement, indicators=tuple(
                replace(i, weight=i.weight * HUNDRED,
                        round_weights={r: w * HUNDRED for r, w in i.round_weights.items()})
                for i in agreement.indicators))
        # Σw ≠ 100 imports with a warning (§11), but Σw = 0 leaves nothing to divide by: no total is possible.
        weightless = bool(agreement.indicators) and not any(i.weight for i in agreement.top_level())
        if weightless and not self.weights_unreliable:
            first = self.rows[0]
            self.problems.append(first.columns.problem(
                first.row, "น้ำหนักของตัวชี้วัดทุกตัวเป็น 0 จึงคำนวณคะแนนรวมไม่ได้ (คะแนนรวมหารด้วยน้ำหนักรวม)",
                "every indicator's weight is 0, so no total can be computed (the total divides by the weights' sum)",
                first.columns.label("weight")))
        for problem in validate_agreement(agreement, self.framework):
            placed = self._place(problem, agreement)
            if weightless and placed is not None and placed.field == "weight" and placed.indicator is None:
                continue  # the weight sum is said above, as a refusal
            if placed is not None and fractions is not None and placed.warning and placed.field == "weight" \
                    and placed.indicator is None:
                # One warning for one fact: fractions summing to 1.02 are the weights summing to 102.
                placed = replace(placed, th=f"น้ำหนักเขียนเป็นสัดส่วน รวมได้ {plain(fractions)} อ่านเป็นร้อยละ: {placed.th}",
                                 en=f"weights written as fractions summing to {plain(fractions)}, read as "
                                    f"percentages: {placed.en}")
            if placed is not None:
                (self.warnings if placed.warning else self.problems).append(placed)
        return agreement, self._ratings(agreement)

    def _place(self, problem: Problem, agreement: Agreement) -> Problem | None:
        """Put a validation problem on the row and column to fix, or drop it when it only echoes a cell problem."""
        if problem.field in ("weight", "dimension") and self.weights_unreliable:
            return None
        if problem.field == "thresholds" and problem.indicator in self.bad_threshold_codes:
            return None
        if problem.field is None and self.weights_unreliable:
            return None  # a missing parent may be the row whose code could not be read
        row = self.rows[0]
        if problem.indicator in self.drafts:
            row = self.drafts[problem.indicator].first
        elif problem.field == "dimension":
            # The message names the dimension; its first indicator row is where the user looks.
            row = next((d.first for d in self.drafts.values()
                        if d.indicator.dimension and f"'{d.indicator.dimension}'" in problem.en), row)
        columns = row.columns
        column = {
            "weight": columns.label("weight"),
            "thresholds": columns.levels_label(self.framework.threshold_count),
            "dimension": columns.label("dimension") if columns.has("dimension") else None,
        }.get(problem.field or "", columns.label("code"))
        return problem.at(file=row.file, sheet=row.sheet, row=row.row, column=column)

    def _ratings(self, agreement: Agreement) -> tuple[Rating, ...]:
        ratings = []
        for code, draft in self.drafts.items():
            indicator = agreement.indicator(code)
            if indicator.thresholds is None and not agreement.is_parent(code):
                continue  # a leaf without criteria is reported already; its result cannot be judged
            for round_, text, row in draft.results:
                try:
                    if indicator.kind is IndicatorKind.MILESTONE and indicator.thresholds is not None:
                        result = parse_level_reached(text, len(indicator.thresholds))
                    else:
                        result = parse_number_with_unit(text, row.values.get("unit"))
                except CellError as error:
                    self._cell(row, "result", error)
                    continue
                # The store refuses what the domain refuses (a result on a parent row); say so here, on the row.
                refused = result_problem(indicator, result, self.framework)
                if refused is not None:
                    label = row.columns.label("result")
                    self.problems.append(refused.at(file=row.file, sheet=row.sheet, row=row.row, column=label))
                    continue
                ratings.append(Rating(code=code, round=round_, evaluator=SELF_ASSESSMENT, result=result))
        return tuple(ratings)
