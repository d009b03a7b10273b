"""Agreement commands: import, agreements, rate, score, adjust, setting, and who uses the workspace."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..domain.numbers import NumberFormatError, format4, parse_decimal, plain
from ..domain.rating import SELF_ASSESSMENT, Rating
from .common import Refused, WorkspaceMode, actor, score_json, scoring_methods

WORKSPACE_MODES: dict[str, WorkspaceMode] = {}  # every command here opens the workspace for writing


def register(commands: Any) -> dict[str, Any]:
    p = commands.add_parser("import", help="import agreement workbooks (.xlsx) or CSV files, all or nothing")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--strict", action="store_true",
                   help="refuse on any warning too (orphan codes, weights not summing to 100, ...)")
    p.add_argument("--include-hidden", action="store_true", dest="include_hidden",
                   help="also read hidden and very hidden sheets (by default listed and skipped, unless no "
                        "visible sheet holds a table)")
    p.add_argument("--overwrite-edits", action="store_true", dest="overwrite_edits",
                   help="a result edited since the previous import of the file takes the file's value "
                        "(by default the edit is kept and the conflict listed)")

    p = commands.add_parser("agreements", help="list the agreements in the workspace")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("rate", help="record a result for one indicator")
    p.add_argument("agreement", metavar="AGREEMENT", help="agreement id, or a unique part of the agency name")
    p.add_argument("code", metavar="CODE", help="indicator code, e.g. 1.1")
    p.add_argument("result", metavar="RESULT", help="the result; Thai digits, separators and %% are accepted")
    p.add_argument("--round", type=int, default=12,
                   help="a round of the framework in months (3, 6, 9 or 12; 1-12 with rounds.monthly); default 12")
    p.add_argument("--evaluator", default=None, help="panel member id; absent means the agency's self-assessment")
    p.add_argument("--comment", default=None)
    p.add_argument("--strict", action="store_true",
                   help="refuse a result that draws a warning (a percentage outside 0-100, a negative result, one far "
                        "beyond the criteria, too many decimals); by default it is saved and the warning printed")

    p = commands.add_parser("score", help="scores, weighted scores, subtotals and total of an agreement")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--round", type=int, default=12)
    p.add_argument("--evaluator", default=None)
    p.add_argument("--panel", action="store_true", help="the panel's figures: each member, spread, panel total")
    p.add_argument("--json", action="store_true")
    p = commands.add_parser("adjust", help="the committee's adjusted score of one indicator, with its reason "
                                          "(the computed score is kept beside it); --clear removes it")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("code", metavar="CODE")
    p.add_argument("score", metavar="SCORE", nargs="?", help="the adjusted score, e.g. 4.8")
    p.add_argument("--reason", default=None, help="why (required with a score), e.g. รายงานไม่ส่ง 1 ครั้ง หัก 0.2")
    p.add_argument("--evaluator", default=None, help="panel member id; absent means the self-assessment sheet")
    p.add_argument("--round", type=int, default=12)
    p.add_argument("--clear", action="store_true", help="remove the adjusted score; the computed one counts again")

    p = commands.add_parser("setting", help="show or change a workspace scoring setting "
                                           "(rounds.monthly on|off: rounds of 1-12 months; "
                                           "scoring.three_level_points 50,75,100: the 100-point scheme's points)")
    p.add_argument("key", nargs="?", metavar="KEY")
    p.add_argument("value", nargs="?", metavar="VALUE")

    p = commands.add_parser("whoami", help="show or choose who uses this workspace (the window's \"Who are you?\"): "
                                          "commands without --as are recorded under this person")
    p.add_argument("name", nargs="?", metavar="NAME", help="a panel member's id, or a name when there is no panel")
    return {"import": _import, "agreements": _agreements, "rate": _rate, "score": _score, "setting": _setting,
            "adjust": _adjust, "whoami": _whoami}


def _whoami(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.preferences import choose_evaluator, chosen_evaluator

    if args.name is not None:
        choose_evaluator(workspace, args.name, actor=actor(args, workspace))
    chosen = chosen_evaluator(workspace)
    print(chosen if chosen is not None else "ยังไม่ได้เลือก / nobody chosen yet (commands are recorded under "
          f"{actor(args)})")
    return 0


def _adjust(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.evaluation import score_sheet
    from ..store.ratings import adjust_score

    if args.clear == (args.score is not None):
        raise Refused("ระบุคะแนนที่ปรับพร้อม --reason หรือใช้ --clear อย่างใดอย่างหนึ่ง / give SCORE with --reason, "
                      "or --clear, not both")
    score = None
    if args.score is not None:
        try:
            score = parse_decimal(args.score)
        except NumberFormatError as exc:
            raise Refused(f"SCORE: คะแนนต้องเป็นตัวเลข ได้ '{args.score}' / the score must be a number ({exc})") \
                from None
    agreement_id = resolve_agreement(workspace, args.agreement)
    evaluator = args.evaluator or SELF_ASSESSMENT
    adjust_score(workspace, agreement_id, args.code, args.round, evaluator, score, args.reason,
                 actor=actor(args, workspace))
    item = score_sheet(workspace, agreement_id, args.round, evaluator).indicator(args.code)
    print(f"{args.code}: {_score_text(item)}")
    return 0


def _score_text(item: Any) -> str:
    """ "4.8000 (adjusted from 5.0000: reason)", or the plain score."""
    score = "-" if item.score is None else format4(item.score)
    if not item.adjusted:
        return score
    computed = "-" if item.computed_score is None else format4(item.computed_score)
    return f"{score} (ปรับจาก / adjusted from {computed}: {item.adjust_reason})"


def _setting(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.frameworks import SETTINGS, set_scoring_setting

    if args.key is not None and args.value is not None:
        set_scoring_setting(workspace, args.key, args.value, actor(args, workspace))
    for key in SETTINGS if args.key is None else (args.key,):
        print(f"{key} = {workspace.setting(key) or '-'}")
    return 0


def _import(workspace: Any, args: argparse.Namespace) -> int:
    from ..exchange.importing import import_agreement_files

    for path in args.files:
        if not path.exists():
            raise Refused(f"{path}: ไม่พบไฟล์ / file not found")
    summary = import_agreement_files(workspace, args.files, actor=actor(args, workspace), strict=args.strict,
                                     include_hidden=getattr(args, "include_hidden", False),
                                     overwrite_edits=getattr(args, "overwrite_edits", False))
    for warning in summary.warnings:  # imported as written: said on stderr, the exit code stays 0
        print(f"คำเตือน / warning: {warning}", file=sys.stderr)
    for hidden in summary.hidden_sheets:
        print(hidden.describe(), file=sys.stderr)
    for conflict in summary.conflicts:
        print(conflict.describe(), file=sys.stderr)
    for agreement_id, agency, year, number in summary.new_versions:
        print(f"ตัวชี้วัดในไฟล์ต่างจากฉบับที่ใช้อยู่ จึงบันทึกเป็นร่างฉบับที่ {number} (ยังไม่นำผลเข้า) / new draft version: "
              f"{agreement_id}  {agency}  {year}  version {number} (the file's indicators differ; its results wait "
              f"until the version is agreed)")
    for agreement_id, agency, year in summary.added:
        print(f"นำเข้าแล้ว / imported: {agreement_id}  {agency}  {year}")
    for agreement_id, agency, year, count in summary.results_updated:
        print(f"ปรับผลการดำเนินงาน / results updated: {agreement_id}  {agency}  {year}  ({count})")
    for agreement_id, agency, year in summary.parties_updated:
        print(f"ปรับคู่สัญญา / parties updated: {agreement_id}  {agency}  {year}")
    for agreement_id, agency, year in summary.unchanged:
        print(f"ไม่มีการเปลี่ยนแปลง / unchanged: {agreement_id}  {agency}  {year}")
    return 0


def _agreements(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import list_agreements

    rows = list_agreements(workspace)
    if getattr(args, "json", False):
        print(json.dumps(
            [{"id": r.id, "agency": r.agency, "fiscal_year": r.fiscal_year, "indicators": r.indicator_count,
              "framework": r.framework_id, "version": r.version_number} for r in rows],
            ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("ยังไม่มีคำรับรองในพื้นที่ทำงานนี้ / no agreements in this workspace yet "
              f"({workspace.path}); import one with: evaluator-app import FILE.xlsx")
        return 0
    print(f"{'id':>4}  {'ปีงบประมาณ':<10}  {'ตัวชี้วัด':>8}  ส่วนราชการ / agency")
    for r in rows:
        print(f"{r.id:>4}  {r.fiscal_year:<10}  {r.indicator_count:>8}  {r.agency}")
    return 0


def _rate(workspace: Any, args: argparse.Namespace) -> int:
    from ..domain.plausibility import refusals, warning_text, warnings
    from ..domain.problems import ProblemsError
    from ..store.agreements import resolve_agreement
    from ..store.evaluation import score_sheet
    from ..store.ratings import record_rating, result_checks

    agreement_id = resolve_agreement(workspace, args.agreement)
    try:
        result = parse_decimal(args.result)
    except NumberFormatError as exc:
        raise Refused(f"RESULT: ผลต้องเป็นตัวเลข ได้ '{args.result}' / the result must be a number ({exc})") from None
    evaluator = args.evaluator or SELF_ASSESSMENT
    # The same checks as typing in the window: a refusal writes nothing; a warning is said on stderr and the
    # result saved with it (the window asks to confirm; here running the command is the confirmation), unless
    # --strict makes it a refusal.
    checks = result_checks(workspace, agreement_id, args.round, args.code, result)
    if refusals(checks):
        raise ProblemsError(refusals(checks))
    if warnings(checks) and getattr(args, "strict", False):
        raise ProblemsError([p.as_refusal() for p in warnings(checks)])
    for warning in warnings(checks):
        print(f"คำเตือน / warning: {warning}", file=sys.stderr)
    rating = Rating(code=args.code, round=args.round, evaluator=evaluator, result=result, comment=args.comment,
                    confirmed_warning=warning_text(warnings(checks)) or None)
    record_rating(workspace, agreement_id, rating, actor=actor(args, workspace))
    sheet = score_sheet(workspace, agreement_id, args.round, evaluator)
    item = sheet.indicator(args.code)
    print(f"{args.code}: result {plain(result)}  score {format4(item.score) if item.score is not None else '-'}"
          f"  weighted {format4(item.weighted) if item.weighted is not None else '-'}  total {format4(sheet.total)}")
    return 0


def _score(workspace: Any, args: argparse.Namespace) -> int:
    if args.panel:
        from .panel import score_panel

        return score_panel(workspace, args)
    from ..store.agreements import load_agreement, resolve_agreement
    from ..store.evaluation import score_sheet
    from ..store.frameworks import get_framework
    from ..store.versions import version_for_round

    agreement_id = resolve_agreement(workspace, args.agreement)
    # the version the round is scored against (a revision from round 9 does not apply to round 6)
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, args.round))
    agreement = stored.agreement
    evaluator = args.evaluator or SELF_ASSESSMENT
    sheet = score_sheet(workspace, agreement_id, args.round, evaluator)
    label = f"{agreement.agency} {agreement.fiscal_year}"
    if args.json:
        document = score_json(label, agreement_id, sheet, agreement)
        document["evaluator"] = evaluator
        document["version"] = stored.version_number
        document["rules"] = get_framework(workspace, agreement.framework_id or "").rules_in_force()
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    who = "ประเมินตนเอง / self-assessment" if evaluator == SELF_ASSESSMENT else f"ผู้ประเมิน / evaluator {evaluator}"
    print(f"{label}  (id {agreement_id}, รอบ {args.round} เดือน, {who})")
    print(f"{'code':<8}{'weight':>8}{'result':>12}{'score':>10}{'weighted':>10}  indicator")
    methods = scoring_methods(agreement)
    for item in sheet.indicators:
        score = "-" if item.score is None else format4(item.score)
        weighted = "-" if item.weighted is None else format4(item.weighted)
        result = "-" if item.result is None else plain(item.result)
        flag = "" if item.counted else "  (not counted this round)"
        if methods.get(item.code) == "banded":
            flag += "  (แบบช่วง / banded)"
        if item.adjusted:
            flag += (f"  (ปรับจาก / adjusted from {'-' if item.computed_score is None else format4(item.computed_score)}"
                     f": {item.adjust_reason})")
        print(f"{item.code:<8}{plain(item.weight):>8}{result:>12}{score:>10}{weighted:>10}  {item.name}{flag}")
    for dim in sheet.dimensions:
        average = "-" if dim.average is None else format4(dim.average)
        print(f"  {dim.name or '-'}: weight {plain(dim.weight)}, subtotal {format4(dim.subtotal)}, "
              f"average {average}")
    eligible = {True: "ผ่านเกณฑ์ / eligible", False: "ไม่ผ่านเกณฑ์ / not eligible",
                None: f"ยังไม่ครบ / incomplete, missing {', '.join(sheet.missing)}"}[sheet.eligible]
    print(f"total {format4(sheet.total)}  ({eligible}; threshold {format4(sheet.reward_threshold)})")
    return 0
