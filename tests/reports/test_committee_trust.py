"""The paper a committee signs (issue 12): committee figures only from committee members, the refusal to issue and
the watermarked draft, the statement of who decided, the signature section, signing with a long Thai name and a
visible stamp, a verify that reads the page, report numbers that survive a restore, and the audit head."""

from __future__ import annotations

import copy
import re
import sqlite3
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, ContentStream

from evaluator_app.cli import main
from evaluator_app.domain.panel import ConflictOfInterest, ConflictType, PanelMember, Role
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.domain.rating import Rating
from evaluator_app.reports.evaluation_data import collect_evaluation
from evaluator_app.reports.papers import make_evaluation_report, render_paper
from evaluator_app.reports.seal import Seal
from evaluator_app.reports.signing import CN_LIMIT, common_name, workspace_identity
from evaluator_app.reports.verify import verify_pdf
from evaluator_app.store import schema
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.audit import audit_entries
from evaluator_app.store.backups import back_up_now
from evaluator_app.store.committee import CommitteeSignatory, accept_reported, acceptances, set_committee
from evaluator_app.store.panel import declare_conflict, save_member
from evaluator_app.store.ratings import record_rating
from evaluator_app.store.restore import restore_backup
from evaluator_app.store.snapshots import audit_head, reopen_report
from evaluator_app.store.workspace import APPLICATION_ID, Workspace
from tests.conftest import example_agreement

from .builders import SELF, accept_all, rate, self_assessed
from .helpers import comparable, pdftotext_raw, pypdf_pages, render_pages, require_tool

LONG_CHAIR = "ศาสตราจารย์ ดร.สมชายชาญวิทย์ ใจดีมีเมตตากรุณาปราณีเป็นที่ยิ่ง ณ อยุธยา"  # well over 64 bytes of UTF-8
PASSPHRASE = b"committee-passphrase"


def flat(text: str) -> str:
    return "".join(comparable(text).split())


def test_the_agency_claim_never_stands_in_the_committee_column(workspace, tmp_path):
    agreement_id = self_assessed(workspace, adjust=False, accept=False)
    content = collect_evaluation(workspace, agreement_id, 12)
    assert content["committee"]["source"] == "verified"
    assert all(row["committee"]["score"] is None and row["committee"]["result"] is None
               for row in content["indicators"])
    assert content["totals"]["missing"] == ["1", "2", "3", "4"] and content["eligibility"]["eligible"] is None
    # Refused, naming the indicators; nothing issued.
    with pytest.raises(ProblemsError, match="indicators 1, 2, 3, 4 have no committee figure"):
        make_evaluation_report(workspace, agreement_id, tmp_path / "r.pdf", actor="sec")
    assert not (tmp_path / "r.pdf").exists()
    # A draft prints, empty cells with a note, and every page carries the watermark.
    draft = make_evaluation_report(workspace, agreement_id, tmp_path / "draft.pdf", actor="sec", draft=True,
                                   digits="arabic")
    pages = pypdf_pages(tmp_path / "draft.pdf")
    assert draft.snapshot is None and all(flat("ฉบับร่าง / DRAFT") in flat(page) for page in pages)
    assert flat("ยังไม่มีผลการประเมินของคณะกรรมการ") in flat("".join(pages))
    assert "ผ่านเกณฑ์การได้รับสิ่งจูงใจ" not in comparable("".join(pages))
    render_pages(tmp_path / "draft.pdf", tmp_path, dpi=30)
    # Accepting is explicit and audited; a result the agency changes afterwards is no longer confirmed.
    assert accept_reported(workspace, agreement_id, 12, ["2", "3"], actor="sec") == ["2", "3"]
    assert [e.action for e in audit_entries(workspace.conn, "acceptance", f"{agreement_id}/2/12")] == [
        "accept reported result"]
    rows = {r["code"]: r["committee"] for r in collect_evaluation(workspace, agreement_id, 12)["indicators"]}
    assert rows["2"]["score"] == "3.5000" and rows["2"]["result"] == "15" and rows["1"]["score"] is None
    record_rating(workspace, agreement_id, Rating("2", 12, result=D(17)), actor="agency")
    content = collect_evaluation(workspace, agreement_id, 12)
    assert {r["code"]: r["committee"]["score"] for r in content["indicators"]}["2"] is None
    assert any("15 → 17" in note["text"] for note in content["notes"])
    silent = add_agreement(workspace, example_agreement("กรมที่ไม่รายงานผล"), actor="sec").id
    with pytest.raises(ProblemsError, match="nothing to accept"):
        accept_reported(workspace, silent, 12, ["1"], actor="sec")


def test_with_a_panel_only_its_rating_members_accept(workspace):
    agreement_id = self_assessed(workspace, adjust=False, accept=False)
    save_member(workspace, PanelMember("chair", "นายประธาน ทดสอบ", Role.CHAIR, order=1), actor="sec")
    with pytest.raises(ProblemsError, match="not a rating member"):
        accept_reported(workspace, agreement_id, 12, ["1"], actor="outsider")
    assert accept_reported(workspace, agreement_id, 12, ["1"], actor="chair") == ["1"]


def panel_of_three(workspace: Workspace, agreement_id: int) -> None:
    for member in (PanelMember("chair", "นายประธาน ใจดี", Role.CHAIR, "ผู้ทรงคุณวุฒิ", order=1),
                   PanelMember("m1", "นางกรรมการ หนึ่ง", Role.MEMBER, "ผู้อำนวยการกอง", order=2),
                   PanelMember("m2", "นายกรรมการ สอง", Role.SECRETARY, "นักวิเคราะห์", order=3),
                   PanelMember("m3", "นายมีส่วน ได้เสีย", Role.MEMBER, "อดีตรองอธิบดี", order=4)):
        save_member(workspace, member, actor="sec")
    declare_conflict(workspace, ConflictOfInterest("m3", "กรมตัวอย่าง", ConflictType.FORMER_EMPLOYEE,
                                                   "เคยทำงานในกรมนี้"), actor="sec")
    rate(workspace, agreement_id, {"1": "92", "2": "15", "3": "5", "4": "80"}, "chair")
    rate(workspace, agreement_id, {"1": "95", "2": "16", "3": "4"}, "m1")  # m1 skipped 4; m2 rated nothing


def test_the_statement_says_who_rated_each_indicator_who_recused_who_is_missing(workspace, tmp_path):
    agreement_id = self_assessed(workspace, adjust=False, accept=False)
    panel_of_three(workspace, agreement_id)
    content = collect_evaluation(workspace, agreement_id, 12)
    c = content["committee"]
    assert c["source"] == "panel" and c["rule"] == "mean" and c["finalised"] is False
    assert c["rated_by"] == [{"codes": ["1", "2", "3"], "members": ["นายประธาน ใจดี", "นางกรรมการ หนึ่ง"]},
                             {"codes": ["4"], "members": ["นายประธาน ใจดี"]}]
    assert c["missing_members"] == ["นายกรรมการ สอง"]
    assert c["recused"] == [{"name": "นายมีส่วน ได้เสีย", "reason": "เคยทำงานในกรมนี้"}]
    made = make_evaluation_report(workspace, agreement_id, tmp_path / "panel.pdf", actor="chair", digits="arabic")
    text = flat("".join(pypdf_pages(tmp_path / "panel.pdf")))
    assert flat("ตัวชี้วัด 1, 2, 3: ให้คะแนนโดย นายประธาน ใจดี, นางกรรมการ หนึ่ง (2 คน)") in text
    assert flat("ตัวชี้วัด 4: ให้คะแนนโดย นายประธาน ใจดี (1 คน)") in text
    assert flat("กรรมการที่ยังไม่ได้ให้คะแนนเลย: นายกรรมการ สอง") in text
    assert flat("ผลของคณะยังไม่ยุติ") in text and "(3คน)" not in text
    # Signature section: members in signing order with lines; the recused member listed apart, not signing.
    signers = [p["name"] for p in made.snapshot.content["signatories"] if not p["recused"]]
    assert signers == ["นายประธาน ใจดี", "นางกรรมการ หนึ่ง", "นายกรรมการ สอง"]
    assert flat("(นายมีส่วน ได้เสีย)") not in text and flat("งดเว้นการประเมินและไม่ลงนาม") in text


def test_without_a_panel_the_committee_in_the_settings_signs_or_blank_lines(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    make_evaluation_report(workspace, agreement_id, tmp_path / "blank.pdf", actor="sec", draft=True)
    blank = flat("".join(pypdf_pages(tmp_path / "blank.pdf")))
    assert blank.count(flat("(........................................)")) == 3
    assert flat("ประธานกรรมการ") in blank and flat("กรรมการและเลขานุการ") in blank
    set_committee(workspace, actor="sec", signatories=[
        CommitteeSignatory(LONG_CHAIR, "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ", "ประธานกรรมการ"),
        CommitteeSignatory("นางสาวเลขา ทดสอบ", "นักวิเคราะห์นโยบายและแผน", "กรรมการและเลขานุการ")])
    make_evaluation_report(workspace, agreement_id, tmp_path / "named.pdf", actor="sec", digits="arabic")
    named = flat("".join(pypdf_pages(tmp_path / "named.pdf")))
    assert flat(f"({LONG_CHAIR})") in named and flat("(นางสาวเลขา ทดสอบ)") in named
    assert flat("(........................................)") not in named


def test_signing_with_a_long_thai_name_fits_x509_and_pdfsig_says_valid(workspace, tmp_path):
    assert len(LONG_CHAIR.encode("utf-8")) > 2 * CN_LIMIT
    cn = common_name(LONG_CHAIR, "chair")
    assert len(cn.encode("utf-8")) <= CN_LIMIT and cn.endswith(" (chair)") and LONG_CHAIR.startswith(cn[:-8])
    agreement_id = self_assessed(workspace)
    save_member(workspace, PanelMember("chair", LONG_CHAIR, Role.CHAIR, "ผู้ทรงคุณวุฒิด้านการบริหารจัดการภาครัฐ",
                                       order=1), actor="sec")
    identity = workspace_identity(workspace, PASSPHRASE, actor="chair")
    assert identity.display_name == LONG_CHAIR  # the whole name, in the X.520 name attribute
    path = tmp_path / "signed.pdf"
    made = make_evaluation_report(workspace, agreement_id, path, actor="chair", signer=identity,
                                  committee="verified")
    assert made.signed
    tool = require_tool("pdfsig")
    out = subprocess.run([tool, str(path)], capture_output=True).stdout.decode("utf-8", errors="replace")
    assert "Signature is Valid" in out
    # The stamp is a visible widget in the signature section, on a page, with its own appearance.
    reader = PdfReader(str(path))
    widgets = [(index, a.get_object()) for index, page in enumerate(reader.pages)
               for a in page.get("/Annots") or [] if a.get_object().get("/FT") == "/Sig"]
    assert len(widgets) == 1
    index, widget = widgets[0]
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert x2 - x1 > 100 and y2 - y1 > 40 and "/AP" in widget
    assert flat("ลงนามคณะกรรมการ") in flat(reader.pages[index].extract_text())
    assert verify_pdf(workspace, path).ok
    pngs = render_pages(path, tmp_path, dpi=60)
    assert len(pngs) == made.pages


def test_verify_reads_the_printed_figures_and_names_the_edited_row(workspace, tmp_path):
    agreement_id = self_assessed(workspace)
    made = make_evaluation_report(workspace, agreement_id, tmp_path / "issued.pdf", actor="sec", digits="thai")
    assert verify_pdf(workspace, tmp_path / "issued.pdf").ok
    snapshot = made.snapshot
    total = snapshot.content["totals"]["committee"]
    for digits in ("thai", "arabic"):
        # The file as issued, but with one figure edited on the page: the seal and the data are untouched.
        edited = copy.deepcopy(snapshot.content)
        edited["indicators"][1]["committee"]["score"] = "3.6500"
        edited["totals"]["committee"] = "3.6500" if total != "3.6500" else "3.5500"
        path = tmp_path / f"edited-{digits}.pdf"
        path.write_bytes(render_paper(edited, Seal.of(snapshot), digits).data)  # type: ignore[arg-type]
        result = verify_pdf(workspace, path)
        assert not result.ok
        (report,) = result.reports
        assert not report.changes  # the workspace still agrees with the sealed report: the page was edited
        rows = {c.row.split()[0] for c in report.printed if c.row}
        assert rows == {"๒" if digits == "thai" else "2", "คะแนนรวมทั้งสิ้น"}
        shown = "3.6500" if digits == "arabic" else "๓.๖๕๐๐"
        assert any(c.found == shown for c in report.printed)
        assert any("คะแนนรวมทั้งสิ้น" in line for line in result.lines())


def _unicode_of_codes(font) -> dict[bytes, str]:
    """A subset font's codes and the characters its /ToUnicode map gives them (one byte a glyph, as reportlab
    writes them)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out: dict[bytes, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[bytes.fromhex(code)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[bytes([code])] = chr(int(text, 16) + offset)
    return out


def edit_printed_figure(source: Path, target: Path, old: str, candidates: list[str]) -> str | None:
    """What a person with a PDF editor does: change the glyphs of a printed figure in the page's content stream
    (the metadata, the seal and every other byte of the drawing stay), to the first candidate whose glyphs the
    font subset has. Returns the figure now printed, or None when nothing was edited."""
    reader = PdfReader(str(source))
    writer = PdfWriter(clone_from=reader)
    edited = None
    for page in writer.pages:
        fonts = {name: _unicode_of_codes(ref.get_object()) for name, ref in page["/Resources"]["/Font"].items()
                 if "/ToUnicode" in ref.get_object()}
        stream = ContentStream(page.get_contents(), writer)
        codes: dict[bytes, str] | None = None
        for operands, operator in stream.operations:
            if operator == b"Tf":
                codes = fonts.get(str(operands[0]))
            if operator != b"Tj" or codes is None:
                continue
            data = getattr(operands[0], "original_bytes", None) or bytes(operands[0])
            if "".join(codes.get(bytes([b]), "?") for b in data) != old:
                continue
            inverse = {text: code for code, text in codes.items()}
            new = next(c for c in candidates if all(ch in inverse for ch in c))
            operands[0] = ByteStringObject(b"".join(inverse[ch] for ch in new))
            edited = new
        page.replace_contents(stream)
    writer.write(str(target))
    return edited


def test_a_figure_edited_in_the_content_stream_fails_verify_naming_the_row(workspace, workspace_path, tmp_path,
                                                                          capsys):
    agreement_id = self_assessed(workspace)
    issued = tmp_path / "issued.pdf"
    made = make_evaluation_report(workspace, agreement_id, issued, actor="sec", digits="thai")
    assert made.snapshot.content["totals"]["committee"] == "3.3500"
    edited = tmp_path / "edited.pdf"
    # The example: a total edited up by 0.1 or 0.3 (whichever digits the bold subset holds).
    new = edit_printed_figure(issued, edited, "๓.๓๕๐๐", ["๓.๖๕๐๐", "๓.๔๕๐๐", "๓.๕๕๐๐", "๓.๙๕๐๐"])
    assert new is not None
    assert new in comparable(pdftotext_raw(edited))  # the page really prints the new figure
    result = verify_pdf(workspace, edited)
    assert not result.ok
    (report,) = result.reports
    assert next((c.row, c.expected, c.found) for c in report.printed) == ("คะแนนรวมทั้งสิ้น", "๓.๓๕๐๐", new)
    # On the command line: exit 1 (checked, does not hold), naming the row; the untouched file passes (exit 0).
    assert main(["--db", str(workspace_path), "verify", str(edited)]) == 1
    assert "คะแนนรวมทั้งสิ้น" in capsys.readouterr().out
    assert main(["--db", str(workspace_path), "verify", str(issued)]) == 0


def test_numbers_are_for_life_revisions_say_what_they_replace_and_a_restore_reuses_none(workspace, workspace_path,
                                                                                      tmp_path):
    first = self_assessed(workspace, "กรมที่หนึ่ง")
    second = self_assessed(workspace, "กรมที่สอง")
    third = self_assessed(workspace, "กรมที่สาม")
    one = make_evaluation_report(workspace, first, tmp_path / "1.pdf", actor="sec", digits="arabic")
    assert one.snapshot.number == 1
    head = audit_head(workspace.conn)
    assert one.snapshot.content["issue"]["audit_head"] != head  # the head before issuing, printed on the paper
    assert one.snapshot.content["issue"]["audit_head"] in "".join(pypdf_pages(tmp_path / "1.pdf")).replace("\n", "")
    # A revision keeps the number and says what it replaces and why.
    reopen_report(workspace, first, 12, reason="ส่วนราชการส่งหลักฐานเพิ่มเติม", actor="sec")
    record_rating(workspace, first, Rating("2", 12, result=D(16)), actor="agency")
    accept_all(workspace, first)
    revised = make_evaluation_report(workspace, first, tmp_path / "1r.pdf", actor="sec", digits="arabic")
    assert (revised.snapshot.number, revised.snapshot.revision) == (1, 2)
    text = flat("".join(pypdf_pages(tmp_path / "1r.pdf")))
    assert flat("รายงานเลขที่: 1 ฉบับที่ 2") in text
    assert flat("ฉบับนี้แทน: รายงานเลขที่ 1 ฉบับที่ 1") in text and flat("ส่วนราชการส่งหลักฐานเพิ่มเติม") in text
    # Back up, issue number 2, restore the backup: the workspace forgets number 2, the ledger does not.
    workspace.close()
    with Workspace.open(workspace_path) as ws:
        backup = back_up_now(ws)
        two = make_evaluation_report(ws, second, tmp_path / "2.pdf", actor="sec", digits="arabic")
    assert two.snapshot.number == 2
    restore_backup(workspace_path, backup, actor="sec")
    with Workspace.open(workspace_path) as ws:
        assert ws.conn.execute("SELECT count(*) FROM report_numbers").fetchone()[0] == 1  # restored: only no. 1
        three = make_evaluation_report(ws, third, tmp_path / "3.pdf", actor="sec", digits="arabic")
        assert three.snapshot.number == 3  # never 2 again
        again = make_evaluation_report(ws, second, tmp_path / "2b.pdf", actor="sec", digits="arabic")
        assert (again.snapshot.number, again.snapshot.revision) == (2, 2)  # its number for life, next revision
        assert again.snapshot.content["issue"]["replaces"]["revision"] == 1


def test_the_schema_step_upgrades_a_workspace_of_the_previous_version(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    step = schema.UPGRADES.index(schema.upgrade_committee_and_numbers)
    for upgrade in schema.UPGRADES[:step]:
        upgrade(conn)
    conn.execute(f"PRAGMA user_version = {step}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Workspace.open(path) as workspace:
        assert workspace.schema_version() == schema.SCHEMA_VERSION
        agreement_id = add_agreement(workspace, example_agreement(), actor="sec").id
        rate(workspace, agreement_id, SELF)
        assert accept_reported(workspace, agreement_id, 12, None, actor="sec") == ["1", "2", "3", "4"]
        made = make_evaluation_report(workspace, agreement_id, tmp_path / "r.pdf", actor="sec")
        assert made.snapshot.number == 1
        # The issued round keeps its acceptances, whoever writes.
        with pytest.raises(sqlite3.IntegrityError, match="issued"), workspace.transaction() as c:
            c.execute("DELETE FROM committee_acceptances WHERE agreement_id = ?", (agreement_id,))
        assert set(acceptances(workspace.conn, agreement_id, 12)) == {"1", "2", "3", "4"}
    assert "ฉบับที่" in pdftotext_raw(tmp_path / "r.pdf")


def test_a_report_issued_before_numbers_keeps_its_printed_number(workspace):
    from evaluator_app.store.report_numbers import ledger_path, paper_number, record_revision
    from evaluator_app.store.snapshots import freeze_snapshot

    with workspace.transaction() as conn:
        old = freeze_snapshot(conn, kind="evaluation", scope="agreement/9/round/12", content={"kind": "evaluation"},
                              actor="sec")  # as issued before this version: no number, its id was printed
        other = freeze_snapshot(conn, kind="summary", scope="year/2569/round/12", content={"kind": "summary"},
                                actor="sec")
        assert old.number == old.id
        assert paper_number(conn, workspace.path, "evaluation", "agreement/9/round/12", "กรมเก่า|2569").number == old.id
        fresh = paper_number(conn, workspace.path, "evaluation", "agreement/10/round/12", "กรมใหม่|2569")
        assert fresh.number > max(old.id, other.id)  # never a number an older report printed
        assert not ledger_path(workspace.path).exists()  # learnt with the revision drawn under it, not before
        record_revision(workspace.path, fresh, 1)
    assert ledger_path(workspace.path).exists()
