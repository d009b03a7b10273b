"""Every agreement of the corpus (agencies of 55-93 characters, real-shaped tables), printed as its agreement and
its evaluation report: the agency named in full on every page, the seal never alone on the last page, the file
clean for qpdf, and the paper verified against its workspace."""

from __future__ import annotations

import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.thai_dates import apply_digits
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.reports.papers import default_digits, make_agreement_paper, make_evaluation_report
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.committee import accept_reported
from evaluator_app.store.workspace import Workspace
from tests.corpus import corpus_files, expected, run_cli

from .test_header_long_agency import assert_full_on_every_page
from .test_paper_end_seal_not_alone import SEAL_LINE, company_above, qpdf_clean


@pytest.mark.slow
def test_the_corpus_papers_name_the_agency_in_full_and_never_end_with_the_seal_alone(tmp_path):
    db = tmp_path / "corpus.sqlite"
    Workspace.open(db).close()
    for path in corpus_files():
        for command in expected(path).get("setup", []):  # a file of monthly rounds turns them on first
            assert run_cli(db, *command).returncode == 0, command
        # in this process (the command line's import is tests/corpus's own test): a process per file was most of
        # this test's time
        with Workspace.open(db, create=False, auto_backup=False) as workspace:
            import_agreement_files(workspace, [path], actor="sec")
    printed = 0
    with Workspace.open(db, create=False, auto_backup=False) as workspace:
        heads = list_agreements(workspace)
        assert len(heads) >= 25
        for head in heads:
            name = apply_digits(" ".join(head.agency.split()), default_digits(workspace))
            paper = tmp_path / f"agreement-{head.id}.pdf"
            make_agreement_paper(workspace, head.id, paper, actor="sec")
            report = tmp_path / f"report-{head.id}.pdf"
            try:
                accept_reported(workspace, head.id, 12, None, actor="sec")
                make_evaluation_report(workspace, head.id, report, actor="sec")
                papers = [paper, report]
            except ProblemsError:  # no results of round 12 to issue: the agreement alone
                papers = [paper]
            for pdf in papers:
                assert_full_on_every_page(pdf, name)
                assert company_above(pdf, SEAL_LINE), f"{pdf.name}: the seal stands alone ({name})"
                qpdf_clean(pdf)
                assert verify_pdf(workspace, pdf).ok, pdf.name
                printed += 1
    assert printed >= 40
