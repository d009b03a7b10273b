"""Generated agreements print every paper kind without error, and the extracted text shows no number and no Thai word
(as newmm cuts it) broken across lines in the indicator and figure columns.

The example count is small for CI; `EVALUATOR_LAYOUT_EXAMPLES=200` runs a long, random search.
"""

from __future__ import annotations

import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator_app.domain.agreement import Agreement, Indicator
from evaluator_app.domain.panel import PanelMember, Role
from evaluator_app.domain.thai_dates import apply_digits
from evaluator_app.domain.thresholds import Thresholds
from evaluator_app.reports.minutes import write_minutes
from evaluator_app.reports.papers import make_agreement_paper, make_evaluation_report, make_summary
from evaluator_app.reports.printed_numbers import criteria_places, printed_result, printed_threshold
from evaluator_app.reports.thai_lines import segment_words
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.panel import save_member
from evaluator_app.store.workspace import Workspace

from .builders import REAL_AGENCY, REAL_NAMES, rate
from .helpers import comparable, pdftotext_raw

LONG_RUN = int(os.environ.get("EVALUATOR_LAYOUT_EXAMPLES", "0"))
BUDGET = settings(max_examples=LONG_RUN or 3, deadline=None, derandomize=not LONG_RUN,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Real dictionary words, so that names are Thai a person could write (newmm cuts them back into these words).
WORDS = sorted({w for text in (*REAL_NAMES, REAL_AGENCY) for w in segment_words(text) if w.strip()})
CENT = Decimal("0.01")


def _name(max_size: int) -> st.SearchStrategy[str]:
    return (st.lists(st.sampled_from(WORDS), min_size=1, max_size=80)
            .map(lambda words: " ".join(words) if len(words) % 3 == 0 else "".join(words))
            .map(lambda text: text[:max_size].strip() or "ตัวชี้วัด"))


def _code(index: int, depth: int) -> str:
    # Codes up to four levels deep, and none of their parents as rows (as in real files: 1.1 with no row 1).
    return ".".join([str(index + 1), *["1"] * (depth - 1)])


_money = st.integers(min_value=0, max_value=10**14 - 1).map(lambda cents: Decimal(cents) * CENT)
_criteria = st.lists(_money, min_size=5, max_size=5, unique=True).map(sorted)
# Results of 20 characters, as Excel stores a division (92.33333333333333333), up to 10^12.
_long_result = st.integers(min_value=1, max_value=7 * 10**12).map(lambda n: str(Decimal(n) / 7)[:20].rstrip("."))
_result = st.one_of(_money.map(str), _long_result)


@st.composite
def agreements(draw: st.DrawFn) -> tuple[Agreement, dict[str, str], int, str]:
    count = draw(st.integers(min_value=1, max_value=60))
    weights = [Decimal(100) / count] * count
    weights = [w.quantize(CENT) for w in weights]
    weights[-1] += Decimal(100) - sum(weights)
    dimensions = draw(st.lists(_name(90), min_size=1, max_size=3))
    indicators = []
    for index in range(count):
        code = _code(index, draw(st.integers(min_value=1, max_value=4)))
        indicators.append(Indicator(code, draw(_name(250)), weights[index], Thresholds.of(*draw(_criteria)),
                                    dimension=dimensions[index % len(dimensions)], unit="บาท",
                                    target=str(draw(_money))))
    agency = draw(_name(250))
    results = {item.code: draw(_result) for item in indicators}
    members = draw(st.integers(min_value=1, max_value=9))
    digits = draw(st.sampled_from(["thai", "arabic"]))
    return (Agreement(agency, 2569, tuple(indicators), framework_id="five-level-2560-onward"), results, members,
            digits)


def _members(workspace: Workspace, count: int) -> list[str]:
    ids = []
    for n in range(count):
        role = Role.CHAIR if n == 0 else Role.SECRETARY if n == count - 1 else Role.MEMBER
        member = PanelMember(f"m{n}", f"นายกรรมการ คนที่{n} " + "ผู้ทรงคุณวุฒิ" * (n % 3), role,
                             "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ", order=n + 1)
        save_member(workspace, member, actor="sec")
        ids.append(member.id)
    return ids


def _flattened(text: str) -> tuple[str, set[int]]:
    """The text without whitespace, and the positions in it that follow a line break."""
    flat: list[str] = []
    after_break: set[int] = set()
    for ch in text:
        if ch == "\n":
            after_break.add(len(flat))
        elif not ch.isspace():
            flat.append(ch)
    return "".join(flat), after_break


def _breaks_only_between_words(flat_text: str, after_break: set[int], name: str) -> None:
    """``name`` appears in the text with line breaks only where newmm ends a word (or at its spaces)."""
    flat = re.sub(r"\s+", "", name)
    allowed = set()
    position = 0
    for token in segment_words(name):
        position += len(token.replace(" ", ""))
        allowed.add(position)
    start = flat_text.find(flat)
    assert start >= 0, f"name not found whole: {name[:40]}"
    for seen in range(1, len(flat)):
        if start + seen in after_break:
            assert seen in allowed, f"{name[:40]}… broken inside a word: {flat[max(0, seen - 8):seen + 8]}"


@BUDGET
@given(agreements())
def test_generated_agreements_print_every_paper_without_breaking_numbers_or_words(example):
    agreement, results, members, digits = example
    folder = Path(tempfile.mkdtemp(prefix="layout-"))
    with Workspace.open(folder / "w.sqlite") as workspace:
        stored = add_agreement(workspace, agreement, actor="sec")
        rate(workspace, stored.id, results)
        for member in _members(workspace, members):
            rate(workspace, stored.id, dict(list(results.items())[:3]), member)
        report, paper = folder / "report.pdf", folder / "agreement.pdf"
        make_evaluation_report(workspace, stored.id, report, digits=digits, actor="sec", draft=True)
        make_agreement_paper(workspace, stored.id, paper, digits=digits, actor="sec")
        make_summary(workspace, 2569, folder / "summary.pdf", digits=digits, actor="sec")
        write_minutes(workspace, stored.id, folder / "minutes.pdf", digits=digits)
    text = comparable(pdftotext_raw(report))
    annex = comparable(pdftotext_raw(paper))
    lines = text.splitlines()
    flat_text, after_break = _flattened(text)
    for item in agreement.indicators:
        _breaks_only_between_words(flat_text, after_break, item.name)
        places = criteria_places([str(v) for v in item.thresholds.values])
        figures = [printed_threshold(str(v), places) for v in item.thresholds.values]
        figures.append(printed_result(results[item.code], places))
        for figure in figures:
            shown = apply_digits(figure or "", digits)
            # Whole on one line: the figure's digits and separators are never split.
            assert any(shown in line for line in lines), shown
            assert shown in annex or figure == figures[-1], shown
    for line in lines:
        assert not re.match(r"^[,.][0-9๐-๙]", line), line  # a line never starts inside a number
