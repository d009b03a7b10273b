"""Which paper the window prints and how it is made: the evaluation report, the agreement itself, or the fiscal-year
summary, drawn as a draft for the preview or made for real (issued and sealed) when saved or printed.

The functions here run on a worker thread with a workspace connection of their own (see print_support); the
figures come from reports.papers, the API the command line uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from ...store.workspace import Workspace

PREVIEW_DPI = 130  # sharp when fitted to the width of a laptop screen


class Paper(StrEnum):
    EVALUATION = "evaluation"  # รายงานผลการประเมิน, for an agreement and round
    AGREEMENT = "agreement"  # คำรับรองการปฏิบัติราชการ, of the latest agreed version
    SUMMARY = "summary"  # สรุปผลการประเมินทั้งปีงบประมาณ


@dataclass(frozen=True)
class PaperRequest:
    paper: Paper
    agreement_id: int
    agency: str
    fiscal_year: int
    round: int = 12
    draft: bool = False  # an evaluation report printed as a draft: nothing is issued or stored

    @property
    def issues(self) -> bool:
        """Making it for real freezes the round's figures (only the evaluation report is issued)."""
        return self.paper is Paper.EVALUATION and not self.draft

    def file_name(self) -> str:
        from ...reports.batch import report_file_name

        if self.paper is Paper.EVALUATION:
            return report_file_name(self.agreement_id, self.agency, self.fiscal_year, self.round)
        if self.paper is Paper.AGREEMENT:
            return report_file_name(self.agreement_id, self.agency, self.fiscal_year, 0).replace("-r0.pdf",
                                                                                                 "-agreement.pdf")
        return f"summary-{self.fiscal_year}-r{self.round}.pdf"


@dataclass
class Preview:
    """A draft of the paper in memory, its pages as pictures (or their text), and why it cannot be issued yet."""

    data: bytes
    pages: int
    images: list[QImage] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # counted indicators without a committee figure


def make_preview(workspace: Workspace, request: PaperRequest, dpi: float = PREVIEW_DPI) -> Preview:
    """Draw the paper as a draft (nothing is stored) and render its pages."""
    from ...reports import agreement_paper, summary
    from ...reports.evaluation_data import collect_evaluation
    from ...reports.papers import default_digits, render_content

    digits = default_digits(workspace)
    missing: list[str] = []
    if request.paper is Paper.EVALUATION:
        content = collect_evaluation(workspace, request.agreement_id, request.round)
        missing = list(content["totals"]["missing"])
    elif request.paper is Paper.AGREEMENT:
        content = agreement_paper.collect_agreement(workspace, request.agreement_id)
    else:
        content = summary.collect_summary(workspace, request.fiscal_year, request.round)
    from . import print_pages

    data, pages = render_content(content, None, digits)
    images = print_pages.page_images(data, dpi)
    texts = [] if images else print_pages.page_texts(data)
    return Preview(data, pages, images, texts, missing)


@dataclass(frozen=True)
class Made:
    """A paper made for real: its bytes, where it was written (if anywhere), and its verification code."""

    data: bytes
    pages: int
    path: Path | None
    code: str | None
    issued: bool


def make_paper(workspace: Workspace, request: PaperRequest, actor: str, target: Path | None = None) -> Made:
    """Make the paper as the command line does (issuing and sealing it); write it to `target` when given."""
    from ...reports.papers import make_agreement_paper, make_evaluation_report, make_summary

    out: Path | io.BytesIO = target if target is not None else io.BytesIO()
    made: Any
    if request.paper is Paper.EVALUATION:
        made = make_evaluation_report(workspace, request.agreement_id, out, round_=request.round, actor=actor,
                                      draft=request.draft)
    elif request.paper is Paper.AGREEMENT:
        made = make_agreement_paper(workspace, request.agreement_id, out, actor=actor)
    else:
        made = make_summary(workspace, request.fiscal_year, out, round_=request.round, actor=actor)
    return Made(made.data, made.pages, made.path, made.code, made.issued)
