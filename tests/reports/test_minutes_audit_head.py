"""The minutes print the audit log's head (issue 13, item 14), as issued reports do, and `verify MINUTES.pdf` checks
the log against it: still there after later changes, gone when entries were cut off, and a head edited in the file
is found."""

from __future__ import annotations

import json
import re
import sqlite3
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from evaluator_app.cli import main
from evaluator_app.domain.negotiation import VersionStatus, with_changes
from evaluator_app.domain.rating import SELF_ASSESSMENT, Rating
from evaluator_app.reports.minutes import MINUTES_KEYWORDS, write_minutes
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.snapshots import audit_head
from evaluator_app.store.versions import agree_version, save_version
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement

from .helpers import pdftotext_raw

SESSION = "ครั้งที่ 2/2569"


def _minutes(workspace_path: Path, out: Path, digits: str = "thai") -> tuple[str, str]:
    """Minutes of one negotiated agreement; the audit head when they were printed, and the one before it."""
    with Workspace.open(workspace_path) as workspace:
        stored = add_agreement(workspace, example_agreement(), actor="secretary")
        base = example_agreement().indicators
        save_version(workspace, stored.id, with_changes(base, weights={"1": D(40), "4": D(30)}),
                     status=VersionStatus.PROPOSAL, author="committee", actor="secretary", based_on=1,
                     reason="เพิ่มน้ำหนักความพึงพอใจของผู้รับบริการ", session=SESSION)
        earlier = audit_head(workspace.conn)
        agree_version(workspace, stored.id, 2, actor="chair", minute="เห็นชอบ")
        head = audit_head(workspace.conn)
        write_minutes(workspace, stored.id, out, session=SESSION, digits=digits)  # type: ignore[arg-type]
    return head, earlier


def _verify(workspace_path: Path, path: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(workspace_path), "verify", str(path)])
    return code, capsys.readouterr().out


def test_minutes_print_the_audit_head_in_latin_hex_and_record_it_in_the_metadata(workspace_path, tmp_path):
    out = tmp_path / "minutes.pdf"
    head, _ = _minutes(workspace_path, out, digits="thai")
    text = re.sub(r"\s+", "", pdftotext_raw(out))
    assert f"audithead{head}" in text.replace("เมื่อพิมพ์บันทึกนี้:", "")  # Thai digits never touch the hash
    assert f"--expect{head[:16]}" in text
    assert PdfReader(str(out)).metadata["/Keywords"] == f"{MINUTES_KEYWORDS}{head}"


def test_verify_passes_minutes_whose_head_is_in_the_log_even_after_later_changes(workspace_path, tmp_path, capsys):
    out = tmp_path / "minutes.pdf"
    head, _ = _minutes(workspace_path, out)
    code, printed = _verify(workspace_path, out, capsys)
    assert code == 0, printed
    assert f"({head[:16]})" in printed and "followed by 0 later entries" in printed
    with Workspace.open(workspace_path) as workspace:  # any later change: one more entry
        record_rating(workspace, 1, Rating("1", 12, SELF_ASSESSMENT, result=D("92")), actor="secretary")
    code, printed = _verify(workspace_path, out, capsys)
    assert code == 0 and "followed by 1 later entries" in printed, printed
    capsys.readouterr()
    assert main(["--db", str(workspace_path), "verify", "--json", str(out)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] and document["minutes"]["audit_head"] == head and document["minutes"]["later"] == 1


def test_verify_fails_minutes_when_entries_were_cut_off_since(workspace_path, tmp_path, capsys):
    out = tmp_path / "minutes.pdf"
    head, _ = _minutes(workspace_path, out)
    conn = sqlite3.connect(workspace_path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE hash = ?", (head,))  # the agreement's entry, as a SQLite tool would
    conn.commit()
    conn.close()
    code, printed = _verify(workspace_path, out, capsys)
    assert code == 1, printed
    assert "does not hold the head printed on the minutes" in printed


def test_verify_finds_a_head_edited_in_the_file(workspace_path, tmp_path, capsys):
    out = tmp_path / "minutes.pdf"
    _, earlier = _minutes(workspace_path, out)
    # Someone records an earlier head in the file's metadata: it is in the log, but not what the page prints.
    writer = PdfWriter(clone_from=str(out))
    writer.add_metadata({"/Keywords": f"{MINUTES_KEYWORDS}{earlier}"})
    edited = tmp_path / "edited.pdf"
    with open(edited, "wb") as handle:
        writer.write(handle)
    code, printed = _verify(workspace_path, edited, capsys)
    assert code == 1, printed
    assert "differs from the one the file records" in printed


def test_verify_of_a_pdf_that_is_neither_report_nor_minutes_still_says_so(workspace_path, tmp_path, capsys):
    Workspace.open(workspace_path).close()
    other = tmp_path / "other.pdf"
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    with open(other, "wb") as handle:
        writer.write(handle)
    code, printed = _verify(workspace_path, other, capsys)
    assert code == 2 and "carries no evaluator-app seal" in printed
