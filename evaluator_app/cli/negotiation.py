"""Negotiation commands: versions, draft, propose, agree, revise, diff, whatif, minutes."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.meeting import MAX_TEXT_CHARS, Meeting, attendee_from_text, meeting_number, parse_meeting_date
from ..domain.negotiation import AgreementVersion, Side, VersionStatus, author_label, with_changes
from ..domain.numbers import NumberFormatError, format4, parse_decimal, plain
from ..domain.rating import SELF_ASSESSMENT
from ..domain.version_diff import VersionDiff, json_value
from .common import Refused, WorkspaceMode, actor, pad

# Reading commands need no write lock: they can run while the window has the workspace open.
WORKSPACE_MODES: dict[str, WorkspaceMode] = {"versions": "read", "diff": "read", "whatif": "read", "minutes": "read"}


def register(commands: Any) -> dict[str, Any]:
    p = commands.add_parser("versions", help="the negotiated versions of an agreement")
    p.add_argument("agreement", metavar="AGREEMENT", help="agreement id, or a unique part of the agency name")
    p.add_argument("--json", action="store_true")

    for name, help_text in (("propose", "put forward a proposal (refused if a constraint breaks)"),
                            ("draft", "save a draft; it may break constraints")):
        p = commands.add_parser(name, help=help_text)
        p.add_argument("agreement", metavar="AGREEMENT")
        _change_arguments(p)
        p.add_argument("--base", type=int, metavar="VERSION",
                       help="the version to start from (default: the newest version)")
        p.add_argument("--counter", action="store_true", help="a counter-proposal answering the base version")
        p.add_argument("--from-round", type=int, dest="from_round", metavar="ROUND",
                       help="a revision to take effect from this round once agreed")
        p.add_argument("--redistribute", metavar="CODE=W",
                       help="set one weight and spread the difference over its siblings")
        p.add_argument("--over", nargs="+", default=None, metavar="CODE",
                       help="with --redistribute: only these siblings take the difference")
        p.add_argument("--equal", action="store_true", help="with --redistribute: spread equally, not proportionally")

    p = commands.add_parser("agree", help="agree a version as it stands; it is locked from then on")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("version", type=int, metavar="VERSION")
    p.add_argument("--minute", default=None, metavar="TEXT", help="the decision text for the minutes")
    p.add_argument("--session", default=None, metavar="LABEL", help="the meeting, e.g. 'ครั้งที่ 1/2569'")

    p = commands.add_parser("revise", help="an in-year revision: a new agreed version from a round on")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--from-round", type=int, dest="from_round", required=True, metavar="ROUND")
    _change_arguments(p)
    p.add_argument("--cancel", nargs="+", action="extend", default=[], metavar="CODE",
                   help="cancel these indicators from the round on")
    p.add_argument("--minute", default=None, metavar="TEXT")

    p = commands.add_parser("diff", help="the cells that changed between two versions")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("old", type=int, metavar="V1")
    p.add_argument("new", type=int, metavar="V2")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("whatif", help="the latest results scored under a version and the agreed one")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("version", type=int, metavar="VERSION")
    p.add_argument("--evaluator", default=None, help="panel member id; absent means the self-assessment")
    p.add_argument("--round", type=int, default=None, help="default: the latest round with results")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("minutes", help="the minutes of a negotiation meeting as a Thai PDF")
    p.add_argument("agreement", nargs="+", metavar="AGREEMENT", help="each agreement on the table")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--session", default=None, metavar="LABEL", help="only the versions of this meeting")
    p.add_argument("--number", default=None, metavar="TEXT", help="the meeting's number, e.g. 3/2569 "
                   "(default: the session)")
    p.add_argument("--date", default=None, metavar="DATE", help="the meeting's date: 2569-11-14, 14/11/2569 "
                   "(B.E.) or 2025-11-14 (C.E.)")
    p.add_argument("--place", default=None, metavar="TEXT", help="where the meeting was held")
    p.add_argument("--attendee", action="append", default=[], metavar="ชื่อ|บทบาท[|ตำแหน่ง]",
                   help="one attendee with their role at the meeting (ประธานกรรมการ, กรรมการและเลขานุการ …); "
                   "repeat for each; default: the panel's members. The chair and the secretary sign.")
    p.add_argument("--digits", choices=("thai", "arabic"), default="thai", help="default thai (๑๒๓)")
    return {"versions": _versions, "propose": _propose, "draft": _propose, "agree": _agree, "revise": _revise,
            "diff": _diff, "whatif": _whatif, "minutes": _minutes}


def _change_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--weights", nargs="+", action="extend", default=[], metavar="CODE=W")
    p.add_argument("--targets", nargs="+", action="extend", default=[], metavar="CODE=T")
    p.add_argument("--reason", default=None, metavar="TEXT")
    p.add_argument("--side", choices=[s.value for s in Side], default=Side.COMMITTEE.value,
                   help="who puts it forward (default committee)")
    p.add_argument("--member", default=None, metavar="ID", help="a panel member as the author instead of a side")
    p.add_argument("--session", default=None, metavar="LABEL", help="the meeting, e.g. 'ครั้งที่ 1/2569'")


def _pairs(items: list[str], option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        code, sep, value = item.partition("=")
        if not sep or not code.strip():
            raise Refused(f"{option}: ต้องเขียนเป็น รหัส=ค่า ได้ '{item}' / expected CODE=VALUE, got '{item}'")
        pairs[code.strip()] = value.strip()
    return pairs


def _number(text: str, option: str, code: str) -> Decimal:
    try:
        return parse_decimal(text)
    except NumberFormatError:
        raise Refused(f"{option} {code}: ต้องเป็นตัวเลข ได้ '{text}' / must be a number, got '{text}'") from None


def _weights(args: argparse.Namespace) -> dict[str, Decimal]:
    return {code: _number(value, "--weights", code) for code, value in _pairs(args.weights, "--weights").items()}


def _author(args: argparse.Namespace) -> str:
    return str(args.member or args.side)


def _resolve(workspace: Any, text: str) -> int:
    from ..store.agreements import resolve_agreement

    return int(resolve_agreement(workspace, text))


def _versions(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.versions import list_versions

    agreement_id = _resolve(workspace, args.agreement)
    versions = list_versions(workspace, agreement_id)
    if args.json:
        print(json.dumps({"agreement": agreement_id, "versions": [version_json(v) for v in versions]},
                         ensure_ascii=False, indent=2))
        return 0
    from ..domain.thai_dates import thai_datetime_from_iso, zone_name

    # On the workspace's clock with a Buddhist Era date, as the window and the papers show it (--json keeps UTC).
    created = f"created ({zone_name()})"
    print(f"{'no':>3}  {'status':<27} {'author':<12} {'from':>5}  {created:<19} reason / minute")
    for v in versions:
        th, en = v.label()
        note = " / ".join(t for t in (v.reason, v.minute) if t)
        status = en + (" (locked)" if v.locked else "")
        when = thai_datetime_from_iso(v.created_at)
        print(f"{v.number:>3}  {status:<27} {author_label(v.author)[1]:<12} "
              f"{v.effective_round or '':>5}  {pad(when, 19)} {th}{': ' + note if note else ''}")
    return 0


def version_json(version: AgreementVersion) -> dict[str, Any]:
    """One version for `versions --json`: its record and the cells people negotiate."""
    return {
        "number": version.number, "status": version.status.value, "locked": version.locked,
        "revision": version.is_revision, "author": version.author, "created_at": version.created_at,
        "reason": version.reason, "minute": version.minute, "effective_round": version.effective_round,
        "based_on": version.based_on, "agreed_at": version.agreed_at, "agreed_by": version.agreed_by,
        "session": version.session,
        "weight_sum": plain(sum((i.weight for i in version.indicators if not _has_parent(version, i.code)),
                                Decimal(0))),
        "indicators": [
            {"code": i.code, "name": i.name, "weight": plain(i.weight), "target": i.target,
             "thresholds": None if i.thresholds is None else json_value(i.thresholds.values),
             "start_round": i.start_round, "cancel_round": i.cancel_round,
             "round_weights": {str(r): plain(w) for r, w in sorted(i.round_weights.items())}}
            for i in version.indicators
        ],
    }


def _has_parent(version: AgreementVersion, code: str) -> bool:
    parent = code.rsplit(".", 1)[0] if "." in code else None
    return parent is not None and any(i.code == parent for i in version.indicators)


def _propose(workspace: Any, args: argparse.Namespace) -> int:
    from ..domain.redistribution import Spread, redistribute
    from ..store.frameworks import get_framework
    from ..store.versions import get_version, latest_version, load_agreement_head, save_version

    agreement_id = _resolve(workspace, args.agreement)
    base = get_version(workspace, agreement_id, args.base) if args.base else latest_version(workspace, agreement_id)
    indicators = with_changes(base.indicators, weights=_weights(args), targets=_pairs(args.targets, "--targets"))
    if args.redistribute:
        ((code, value),) = _pairs([args.redistribute], "--redistribute").items()
        head = load_agreement_head(workspace, agreement_id)
        spread = redistribute(indicators, code, _number(value, "--redistribute", code), over=args.over,
                              spread=Spread.EQUAL if args.equal else Spread.PROPORTIONAL,
                              framework=get_framework(workspace, head.framework_id or ""))
        indicators = spread.indicators
    elif args.over or args.equal:
        raise Refused("--over และ --equal ใช้กับ --redistribute เท่านั้น / --over and --equal need --redistribute")
    if args.command == "draft":
        status = VersionStatus.DRAFT
    else:
        status = VersionStatus.COUNTER_PROPOSAL if args.counter else VersionStatus.PROPOSAL
    version = save_version(workspace, agreement_id, indicators, status=status, author=_author(args),
                           actor=actor(args, workspace), reason=args.reason, based_on=base.number,
                           effective_round=args.from_round, session=args.session)
    th, en = version.label()
    print(f"บันทึกฉบับที่ {version.number} ({th}) จากฉบับที่ {base.number} / saved version {version.number} "
          f"({en}) from version {base.number}")
    from ..domain.version_diff import diff_indicators

    _print_diff(diff_indicators(base.indicators, version.indicators))
    if status is VersionStatus.DRAFT:
        _print_draft_problems(workspace, agreement_id, version)
    return 0


def _print_draft_problems(workspace: Any, agreement_id: int, version: AgreementVersion) -> None:
    from dataclasses import replace

    from ..domain.negotiation import negotiation_problems
    from ..store.frameworks import get_framework
    from ..store.versions import load_agreement_head

    head = load_agreement_head(workspace, agreement_id)
    problems = negotiation_problems(replace(head, indicators=version.indicators),
                                    get_framework(workspace, head.framework_id or ""))
    for problem in problems:
        print(f"  ยังเสนอไม่ได้ / not yet proposable: {problem}")


def _agree(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.versions import agree_version

    agreement_id = _resolve(workspace, args.agreement)
    version = agree_version(workspace, agreement_id, args.version, actor=actor(args, workspace), minute=args.minute,
                            session=args.session)
    effective = f" ตั้งแต่รอบ {version.effective_round} / from round {version.effective_round}" \
        if version.effective_round else ""
    print(f"ตกลงฉบับที่ {version.number} แล้ว (ล็อก){effective} / version {version.number} agreed and locked")
    return 0


def _revise(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.versions import last_agreed, revise

    agreement_id = _resolve(workspace, args.agreement)
    base = last_agreed(workspace, agreement_id)
    if base is None:
        raise Refused("ยังไม่มีฉบับที่ตกลง จึงแก้ไขระหว่างปีไม่ได้ ให้ใช้ propose และ agree / nothing is agreed yet; "
                      "an in-year revision changes an agreed version (use propose and agree)")
    indicators = with_changes(base.indicators, weights=_weights(args), targets=_pairs(args.targets, "--targets"),
                              cancel_from={code: args.from_round for code in args.cancel})
    version = revise(workspace, agreement_id, indicators, from_round=args.from_round, author=_author(args),
                     actor=actor(args, workspace), reason=args.reason or "", minute=args.minute, session=args.session)
    print(f"ฉบับแก้ไขที่ {version.number} มีผลตั้งแต่รอบ {args.from_round} เดือน / revision {version.number} in "
          f"force from round {args.from_round} (from version {base.number})")
    from ..domain.version_diff import diff_indicators

    _print_diff(diff_indicators(base.indicators, version.indicators))
    return 0


def _diff(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.versions import diff_versions

    agreement_id = _resolve(workspace, args.agreement)
    diff = diff_versions(workspace, agreement_id, args.old, args.new)
    if args.json:
        print(json.dumps({"agreement": agreement_id, "old": args.old, "new": args.new, **diff.to_json()},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"ฉบับที่ {args.old} → {args.new} / version {args.old} → {args.new}")
    _print_diff(diff)
    return 0


def _print_diff(diff: VersionDiff) -> None:
    if diff.empty:
        print("  ไม่มีการเปลี่ยนแปลง / no change")
    for item in diff.added:
        print(f"  + {item.code}  {item.name}  (weight {plain(item.weight)})")
    for item in diff.removed:
        print(f"  - {item.code}  {item.name}")
    for change in diff.changed:
        old, new = json_value(change.old), json_value(change.new)
        print(f"  {change.code:<8}{change.field:<14}{_shown(old):>12} → {_shown(new)}")


def _shown(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _whatif(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.evaluation import what_if_for

    agreement_id = _resolve(workspace, args.agreement)
    evaluator = args.evaluator or SELF_ASSESSMENT
    result = what_if_for(workspace, agreement_id, args.version, evaluator=evaluator, round_=args.round)

    def sheet_json(sheet: Any) -> dict[str, Any] | None:
        if sheet is None:
            return None
        return {"total": format4(sheet.total), "eligible": sheet.eligible, "missing": list(sheet.missing),
                "weighted": {i.code: None if i.weighted is None else format4(i.weighted)
                             for i in sheet.indicators if not i.is_parent}}

    if args.json:
        print(json.dumps({
            "agreement": agreement_id, "version": args.version, "round": result.round, "evaluator": evaluator,
            "proposed": sheet_json(result.proposed), "agreed": sheet_json(result.agreed),
            "difference": None if result.difference is None else format4(result.difference),
        }, ensure_ascii=False, indent=2))
        return 0
    eligible = {True: "ผ่านเกณฑ์ / eligible", False: "ไม่ผ่านเกณฑ์ / not eligible", None: "ยังไม่ครบ / incomplete"}
    print(f"รอบ {result.round} เดือน, {evaluator} / round {result.round}")
    print(f"  ฉบับที่ {args.version} / version {args.version}: {format4(result.proposed.total)}  "
          f"({eligible[result.proposed.eligible]})")
    if result.agreed is None:
        print("  ยังไม่มีฉบับที่ตกลง / nothing agreed yet")
    else:
        print(f"  ฉบับที่ตกลง / agreed: {format4(result.agreed.total)}  ({eligible[result.agreed.eligible]})")
        print(f"  ผลต่าง / difference: {format4(result.difference or Decimal(0))}")
    return 0


def _meeting(args: argparse.Namespace) -> Meeting:
    """The meeting the options describe; a refusal names the option and the text."""
    try:
        day = parse_meeting_date(args.date) if args.date else None
    except ValueError as exc:
        raise Refused(f"--date: {exc}") from None
    attendees = []
    for text in args.attendee:
        try:
            attendees.append(attendee_from_text(text))
        except ValueError as exc:
            raise Refused(f"--attendee: {exc}") from None
    for option, text in (("--number", args.number), ("--place", args.place)):
        if text is not None and (len(text) > MAX_TEXT_CHARS or any(ord(c) < 32 for c in text)):
            raise Refused(f"{option}: ยาวเกิน {MAX_TEXT_CHARS} ตัวอักษรหรือมีอักขระควบคุม / longer than "
                          f"{MAX_TEXT_CHARS} characters or holds a control character")
    return Meeting(meeting_number(args.number or ""), day, " ".join((args.place or "").split()), tuple(attendees))


def _minutes(workspace: Any, args: argparse.Namespace) -> int:
    from ..reports.minutes import write_minutes

    if args.out.suffix.lower() != ".pdf":
        raise Refused(f"--out: ต้องเป็นไฟล์ .pdf ได้ '{args.out}' / the minutes are a .pdf file, got '{args.out}'")
    meeting = _meeting(args)
    agreement_ids = list(dict.fromkeys(_resolve(workspace, text) for text in args.agreement))
    count = write_minutes(workspace, agreement_ids, args.out, session=args.session, meeting=meeting,
                          digits=args.digits)
    print(f"บันทึกการเจรจา {count} ฉบับ → {args.out} / minutes of {count} version(s) written to {args.out}")
    return 0

