"""Report commands: report (one agreement, or every agreement of a year), agreement-paper, summary, verify,
reopen-report, export-results."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from .common import Refused, WorkspaceMode, actor

# verify checks only: it works beside a window that writes.
WORKSPACE_MODES: dict[str, WorkspaceMode] = {"verify": "read"}

PASSPHRASE_ENV = "EVALUATOR_SIGN_PASSPHRASE"


def register(commands: Any) -> dict[str, Any]:
    p = commands.add_parser("report", help="issue the evaluation report PDF of an agreement (or of a whole year)")
    p.add_argument("agreement", metavar="AGREEMENT", nargs="?",
                   help="agreement id, or a unique part of the agency name; omit with --all")
    p.add_argument("--out", type=Path, required=True, help="the PDF (a folder with --all, unless --combined)")
    p.add_argument("--round", type=int, default=12, help="a round of the framework in months (3, 6, 9, 12); default 12")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--panel", action="store_true", help="committee figures from the panel's members")
    source.add_argument("--adjusted", "--verified", dest="adjusted", action="store_true",
                        help="committee figures: the agency's results the committee accepted or adjusted (verifying)")
    source.add_argument("--committee", choices=["panel", "verified", "evaluator"],
                        help="how the committee column is made (default: the workspace's `committee --model`, else "
                        "the panel when it rated, else verified)")
    p.add_argument("--all", action="store_true", help="every agreement of --year")
    p.add_argument("--year", type=int, help="fiscal year (B.E.) for --all")
    p.add_argument("--combined", action="store_true", help="with --all: one PDF instead of one per agreement")
    p.add_argument("--draft", action="store_true", help="a draft: nothing is issued or stored, no verification code")
    _paper_options(p)

    p = commands.add_parser("agreement-paper", help="the agreement (คำรับรอง) of an agreed version as a sealed PDF")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--version", type=int, help="the agreed version's number (default: the latest agreed)")
    _paper_options(p)

    p = commands.add_parser("summary", help="the fiscal-year summary: every agency's total, eligibility and tier")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--round", type=int, default=12)
    p.add_argument("--panel", action="store_true", help="committee figures from the panel's members")
    _paper_options(p)

    p = commands.add_parser("verify", help="check a report PDF against the workspace (and its digital signature)")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT.pem",
                   help="also trust signatures by this certificate (the workspace's signers are trusted)")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("reopen-report", help="reopen an issued evaluation report so its results may change")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--round", type=int, default=12)
    p.add_argument("--reason", required=True)

    p = commands.add_parser("export-results", help="results of agreements as .xlsx or CSV, in the import layout")
    p.add_argument("agreement", metavar="AGREEMENT", nargs="?", help="one agreement (default: all, or --year)")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FILE.csv")

    return {"report": _report, "agreement-paper": _agreement_paper, "summary": _summary, "verify": _verify,
            "reopen-report": _reopen, "export-results": _export}


def _paper_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--digits", choices=["thai", "arabic"], help="digits on paper (default: the workspace setting, "
                   "Thai)")
    p.add_argument("--sign", action="store_true", help="the chair signs the PDF digitally (PAdES)")
    p.add_argument("--cert", type=Path, help="with --sign: PKCS#12 file (.p12/.pfx), or a PEM certificate with --key; "
                   "default: the workspace's own self-signed identity, made on first use")
    p.add_argument("--key", type=Path, help="with --sign --cert CERT.pem: its PEM private key")
    p.add_argument("--passphrase-env", default=PASSPHRASE_ENV, metavar="VAR",
                   help=f"environment variable holding the key's passphrase (default {PASSPHRASE_ENV}); asked for "
                   "when absent and a terminal is attached")


def _passphrase(args: argparse.Namespace, required: bool) -> bytes | None:
    value = os.environ.get(args.passphrase_env)
    if value:
        return value.encode("utf-8")
    if sys.stdin is not None and sys.stdin.isatty():
        entered = getpass.getpass("รหัสผ่านกุญแจลงนาม / signing key passphrase: ")
        return entered.encode("utf-8") or None
    if required:
        raise Refused(f"ต้องมีรหัสผ่านของกุญแจลงนามในตัวแปร {args.passphrase_env} / the signing key's passphrase is "
                      f"needed in the environment variable {args.passphrase_env}")
    return None


def _signer(workspace: Any, args: argparse.Namespace) -> Any:
    if not args.sign:
        if args.cert or args.key:
            raise Refused("--cert และ --key ใช้คู่กับ --sign / --cert and --key go with --sign")
        return None
    from ..reports.signing import SigningError, load_identity, workspace_identity

    try:
        if args.cert is None:
            if args.key is not None:
                raise Refused("--key ต้องใช้คู่กับ --cert / --key needs --cert")
            return workspace_identity(workspace, _passphrase(args, True) or b"", actor=actor(args, workspace))
        return load_identity(args.cert, args.key, _passphrase(args, False))
    except SigningError as exc:
        raise Refused(str(exc)) from exc


def _committee(args: argparse.Namespace) -> str | None:
    if getattr(args, "committee", None):
        return str(args.committee)
    if getattr(args, "panel", False):
        return "panel"
    if getattr(args, "adjusted", False):
        return "verified"
    return None


def _print_made(made: Any, what: str) -> None:
    where = made.path if made.path is not None else "-"
    if made.snapshot is None:
        print(f"{what} (ฉบับร่าง / draft): {where}  ({made.pages} หน้า / pages)")
        return
    signed = ", ลงนามดิจิทัลแล้ว / signed" if made.signed else ""
    print(f"{what}: {where}  รายงานเลขที่ / report {made.snapshot.number}, ฉบับที่ / revision {made.snapshot.revision}, "
          f"รหัสตรวจสอบ / code {made.code}, {made.pages} หน้า / pages{signed}")


def _report(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement

    if args.all:
        return _report_all(workspace, args)
    if args.agreement is None:
        raise Refused("ระบุคำรับรอง หรือใช้ --all --year ปี / name an agreement, or use --all --year YEAR")
    if args.combined or args.year:
        raise Refused("--combined และ --year ใช้คู่กับ --all / --combined and --year go with --all")
    from ..reports.papers import make_evaluation_report

    agreement_id = resolve_agreement(workspace, args.agreement)
    made = make_evaluation_report(workspace, agreement_id, args.out, round_=args.round, committee=_committee(args),
                                  digits=args.digits, actor=actor(args, workspace), draft=args.draft,
                                  signer=_signer(workspace, args))
    _print_made(made, "ออกรายงานแล้ว / issued" if not args.draft else "พิมพ์แล้ว / printed")
    return 0


def _report_all(workspace: Any, args: argparse.Namespace) -> int:
    if args.agreement is not None:
        raise Refused("--all ไม่รับชื่อคำรับรอง / --all takes no AGREEMENT")
    if args.year is None:
        raise Refused("--all ต้องระบุ --year / --all needs --year")
    if args.sign:
        raise Refused("ลงนามดิจิทัลทีละฉบับ ไม่ใช่ทั้งชุด / sign reports one at a time, not with --all")
    from ..reports.batch import agreements_of_year, not_issuable, print_batch

    ids = agreements_of_year(workspace, args.year)
    if not ids:
        raise Refused(f"ไม่มีคำรับรองของปีงบประมาณ {args.year} / no agreements for fiscal year {args.year}")
    # Beforehand: what cannot be issued and why. Those are skipped; the others are written; exit 2 if any skipped.
    blocked = [] if args.draft else not_issuable(workspace, ids, round_=args.round, committee=_committee(args))
    for item in blocked:
        print(f"ออกรายงานไม่ได้ / cannot issue: {item.agreement_id} {item.agency}: {item.reason}", file=sys.stderr)
    skipped = {item.agreement_id for item in blocked}
    chosen = [i for i in ids if i not in skipped]

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    if not chosen:
        print(f"ไม่มีรายงานที่ออกได้ / no report can be issued ({len(blocked)} ข้ามไป / skipped)", file=sys.stderr)
        return 2
    result = print_batch(workspace.path, chosen, args.out, progress, combined=args.combined, round_=args.round,
                         committee=_committee(args), digits=args.digits, actor=actor(args, workspace),  # type: ignore[arg-type]
                         draft=args.draft)
    print(file=sys.stderr)
    for path in result.written:
        print(f"เขียนแล้ว / written: {path}")
    if result.combined is not None:
        print(f"รวมเล่มแล้ว / combined: {result.combined} ({len(chosen) - len(result.failed)} รายงาน / reports)")
    for agreement_id, reason in result.failed:
        print(f"ไม่ได้ออกรายงาน / not issued: {agreement_id}: {reason}", file=sys.stderr)
    if blocked:
        print(f"ข้ามไป {len(blocked)} คำรับรอง (รายการข้างต้น) / skipped {len(blocked)} agreements (listed above)",
              file=sys.stderr)
    return 2 if result.failed or blocked else 0


def _agreement_paper(workspace: Any, args: argparse.Namespace) -> int:
    from ..reports.papers import make_agreement_paper
    from ..store.agreements import resolve_agreement

    agreement_id = resolve_agreement(workspace, args.agreement)
    made = make_agreement_paper(workspace, agreement_id, args.out, version=args.version, digits=args.digits,
                                actor=actor(args, workspace), signer=_signer(workspace, args))
    _print_made(made, "พิมพ์คำรับรองแล้ว / agreement written")
    return 0


def _summary(workspace: Any, args: argparse.Namespace) -> int:
    from ..reports.papers import make_summary

    made = make_summary(workspace, args.year, args.out, round_=args.round, committee=_committee(args),
                        digits=args.digits, actor=actor(args, workspace), signer=_signer(workspace, args))
    _print_made(made, "พิมพ์สรุปผลแล้ว / summary written")
    return 0


def _verify(workspace: Any, args: argparse.Namespace) -> int:
    from ..reports.verify import verify_pdf

    if not args.file.exists():
        raise Refused(f"{args.file}: ไม่พบไฟล์ / file not found")
    from ..reports.signing import SigningError, trust_certificate

    if args.file.is_dir():
        raise Refused(f"{args.file}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์ PDF / is a folder, not a PDF file")
    if not args.file.is_file():  # a device (/dev/zero) or a pipe would be read forever
        raise Refused(f"{args.file}: ไม่ใช่ไฟล์ธรรมดา / is not a regular file")
    trust = []
    for path in args.trust:
        try:
            trust.append(trust_certificate(path))
        except SigningError as exc:
            raise Refused(f"--trust {exc}") from exc
    result = verify_pdf(workspace, args.file, trust=trust)
    if args.json:
        print(json.dumps({
            "ok": result.ok,
            "problems": list(result.problems),
            "reports": [{"report": r.seal.report_id, "revision": r.seal.revision, "kind": r.seal.kind,
                         "sha256": r.snapshot.sha256 if r.snapshot else r.seal.sha256, "matches": r.matches,
                         "problems": list(r.problems), "changed_indicators": list(r.changed_indicators),
                         "printed": [{"page": c.page, "row": c.row, "expected": c.expected, "found": c.found}
                                     for c in r.printed],
                         "changes": [{"code": c.code, "field": c.field, "old": c.old, "new": c.new}
                                     for c in r.changes]} for r in result.reports],
            "signatures": [{"field": s.field, "signer": s.signer, "intact": s.intact, "valid": s.valid,
                            "trusted": s.trusted, "ok": s.ok, "problems": list(s.problems)}
                           for s in result.signatures],
            "minutes": None if result.minutes is None else {
                "audit_head": result.minutes.head, "entry": result.minutes.entry, "later": result.minutes.later,
                "ok": result.minutes.ok, "problems": list(result.minutes.problems)},
        }, ensure_ascii=False, indent=2, default=str))
    else:
        for line in result.lines():
            print(line)
    if result.ok:
        return 0
    # 0: every printed figure matches the sealed report and today's data, every signature valid (minutes: the audit
    # head printed on them is in the log, which verifies); 1: checked, and it does not hold (a printed figure edited,
    # the data changed, a signature invalid, the log cut off or re-hashed since the minutes); 2: nothing could be
    # checked (not a readable PDF, no seal, a report this workspace does not have).
    return 1 if result.checked else 2


def _reopen(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.snapshots import reopen_report

    agreement_id = resolve_agreement(workspace, args.agreement)
    state = reopen_report(workspace, agreement_id, args.round, reason=args.reason, actor=actor(args, workspace))
    print(f"เปิดรายงานใหม่แล้ว / reopened: คำรับรอง / agreement {agreement_id}, รอบ / round {args.round} "
          f"(ฉบับที่ออกล่าสุด / last issued revision {state.revision}); รายงานครั้งถัดไปเป็นฉบับใหม่ / the next "
          f"report is a new revision")
    return 0


def _export(workspace: Any, args: argparse.Namespace) -> int:
    from ..exchange.results_export import export_results
    from ..store.agreements import list_agreements, resolve_agreement

    if args.agreement is not None and args.year is not None:
        raise Refused("ระบุคำรับรองหรือ --year อย่างใดอย่างหนึ่ง / give AGREEMENT or --year, not both")
    if args.agreement is not None:
        ids = [resolve_agreement(workspace, args.agreement)]
    else:
        ids = [a.id for a in list_agreements(workspace) if args.year is None or a.fiscal_year == args.year]
    if not ids:
        raise Refused("ไม่มีคำรับรองที่จะส่งออก / no agreements to export")
    if args.out.suffix.lower() not in (".xlsx", ".csv"):
        raise Refused(f"{args.out}: ต้องเป็น .xlsx หรือ .csv / must end in .xlsx or .csv")
    written = export_results(workspace, ids, args.out)
    print(f"ส่งออกแล้ว / exported: {written.path} ({written.agreements} คำรับรอง / agreements, {written.rows} แถว / "
          f"rows)")
    return 0
