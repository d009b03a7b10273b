"""Committee commands: `accept` (the committee confirms the agency's reported results as its own figures) and
`committee` (the committee without a panel: how its figures are made, its evaluator, who signs)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import Refused, WorkspaceMode, actor

WORKSPACE_MODES: dict[str, WorkspaceMode] = {}  # every command here opens the workspace for writing


def register(commands: Any) -> dict[str, Any]:
    p = commands.add_parser(
        "accept", help="the committee accepts the agency's reported results as its figures (audited)",
        description="Accept reported results as the committee's figures: an indicator's committee figure exists "
        "only once the committee accepted its reported result or adjusted its score with a reason.")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("codes", metavar="CODE", nargs="*", help="indicator codes (1.1 …)")
    p.add_argument("--all-reported", action="store_true",
                   help="every counted indicator whose reported result is not accepted yet")
    p.add_argument("--round", type=int, default=12,
                   help="a round of the framework in months (3, 6, 9 or 12; 1-12 with rounds.monthly); default 12")
    p.add_argument("--withdraw", action="store_true", help="take the acceptance of CODE… back")

    p = commands.add_parser("committee", help="the committee without a panel: figures model, evaluator, signatories")
    p.add_argument("--model", choices=["verified", "panel", "evaluator", "auto"],
                   help="how the committee column is made (auto: the panel when it rated, else verified)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--evaluator", metavar="ID", help="the evaluator whose ratings are the committee's figures")
    who.add_argument("--no-evaluator", action="store_true", help="no evaluator is the committee")
    p.add_argument("--member", action="append", default=None, metavar="ชื่อ|ตำแหน่ง|บทบาท",
                   help="who signs the report without a panel, in signing order (name|position|role); repeat; "
                   "replaces the list")
    p.add_argument("--clear-members", action="store_true", help="nobody named: blank lines to sign")
    p.add_argument("--json", action="store_true")
    return {"accept": _accept, "committee": _committee}


def _accept(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.committee import accept_reported, withdraw_acceptances

    if args.all_reported and args.codes:
        raise Refused("ระบุรหัสตัวชี้วัดหรือ --all-reported อย่างใดอย่างหนึ่ง / give CODE… or --all-reported, not both")
    if not args.all_reported and not args.codes:
        raise Refused("ระบุรหัสตัวชี้วัด หรือ --all-reported / name indicator codes, or use --all-reported")
    agreement_id = resolve_agreement(workspace, args.agreement)
    if args.withdraw:
        if args.all_reported:
            raise Refused("--withdraw ต้องระบุรหัสตัวชี้วัด / --withdraw needs CODE…")
        done = withdraw_acceptances(workspace, agreement_id, args.round, args.codes, actor=actor(args, workspace))
        print(f"ถอนการรับรองแล้ว / withdrawn: {', '.join(done)} (รอบ / round {args.round})")
        return 0
    done = accept_reported(workspace, agreement_id, args.round, None if args.all_reported else args.codes,
                           actor=actor(args, workspace))
    print(f"รับรองผลตามที่รายงานแล้ว / accepted as reported: {', '.join(done)} (รอบ / round {args.round}, "
          f"โดย / by {actor(args, workspace)})")
    return 0


def _person(text: str) -> Any:
    from ..store.committee import CommitteeSignatory

    parts = [part.strip() for part in text.split("|")]
    if len(parts) > 3 or not parts[0]:
        raise Refused(f"--member {text!r}: ต้องเป็น ชื่อ|ตำแหน่ง|บทบาท / must be name|position|role")
    parts += [""] * (3 - len(parts))
    return CommitteeSignatory(parts[0], parts[1], parts[2])


def _committee(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.committee import committee_settings, set_committee

    changes: dict[str, Any] = {}
    if args.model is not None:
        changes["model"] = None if args.model == "auto" else args.model
    if args.evaluator is not None:
        changes["evaluator"] = args.evaluator
    if args.no_evaluator:
        changes["evaluator"] = None
    if args.member is not None and args.clear_members:
        raise Refused("--member และ --clear-members ใช้พร้อมกันไม่ได้ / --member and --clear-members exclude each other")
    if args.member is not None:
        changes["signatories"] = [_person(text) for text in args.member]
    if args.clear_members:
        changes["signatories"] = []
    settings = (set_committee(workspace, actor=actor(args, workspace), **changes) if changes
                else committee_settings(workspace))
    if args.json:
        print(json.dumps({"model": settings.model or "auto", "evaluator": settings.evaluator,
                          "signatories": [{"name": p.name, "position": p.position, "role": p.role}
                                          for p in settings.signatories]}, ensure_ascii=False, indent=2))
        return 0
    print(f"รูปแบบผลของคณะกรรมการ / committee model: {settings.model or 'auto'}")
    print(f"ผู้ประเมินที่เป็นคณะกรรมการ / committee evaluator: {settings.evaluator or '-'}")
    if settings.signatories:
        print("ผู้ลงนาม / signatories:")
        for number, person in enumerate(settings.signatories, start=1):
            print(f"  {number}. {person.name} | {person.position or '-'} | {person.role or '-'}")
    else:
        print("ผู้ลงนาม / signatories: - (เว้นบรรทัดให้ลงชื่อ / blank lines to sign)")
    return 0
