"""The parties command: list an agreement's recipients and givers, or set them ("ชื่อ|ตำแหน่ง", repeatable)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..domain.agreement import Party, PartySide
from ..domain.parties import SIDE_TITLES, party_from_text, party_problems
from ..domain.problems import ProblemsError
from .common import Refused, WorkspaceMode, actor

WORKSPACE_MODES: dict[str, WorkspaceMode] = {}  # every command here opens the workspace for writing


def register(commands: Any) -> dict[str, Any]:
    p = commands.add_parser(
        "parties", help="the parties of an agreement: list them, or set recipients and givers",
        description="Without --recipient, --giver or --clear: list the parties. A side given replaces that "
        "side's parties; a side not given keeps its own.")
    p.add_argument("agreement", metavar="AGREEMENT", help="agreement id, or a unique part of the agency name")
    p.add_argument("--recipient", action="append", default=[], metavar="ชื่อ|ตำแหน่ง",
                   help="ผู้รับคำรับรอง: name|position; repeat for each person")
    p.add_argument("--giver", action="append", default=[], metavar="ชื่อ|ตำแหน่ง",
                   help="ผู้ทำคำรับรอง: name|position; repeat for each person")
    p.add_argument("--clear", action="store_true", help="remove every party (then add those given)")
    p.add_argument("--json", action="store_true", help="list as JSON")
    return {"parties": _parties}


def _parse(side: PartySide, texts: list[str]) -> list[Party]:
    option = f"--{side.value}"
    parties = []
    for text in texts:
        try:
            parties.append(party_from_text(side, text))
        except ValueError as exc:
            raise Refused(f"{option}: {exc}") from None
    problems = party_problems(parties, field=option)
    if problems:
        raise ProblemsError(problems)
    return parties


def _parties(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.parties import load_parties, set_parties

    agreement_id = resolve_agreement(workspace, args.agreement)
    given = {PartySide.RECIPIENT: _parse(PartySide.RECIPIENT, args.recipient),
             PartySide.GIVER: _parse(PartySide.GIVER, args.giver)}
    if args.clear or any(given.values()):
        current = () if args.clear else load_parties(workspace, agreement_id)
        kept = [p for p in current if not given[p.side]]
        changed = set_parties(workspace, agreement_id, [*kept, *given[PartySide.RECIPIENT],
                                                        *given[PartySide.GIVER]], actor=actor(args, workspace))
        print("บันทึกคู่สัญญาแล้ว / parties saved" if changed else "ไม่มีการเปลี่ยนแปลง / unchanged")
    parties = load_parties(workspace, agreement_id)
    if args.json:
        print(json.dumps({"agreement": agreement_id, "parties": [
            {"side": p.side.value, "name": p.name, "position": p.position} for p in parties]},
            ensure_ascii=False, indent=2))
        return 0
    if not parties:
        print("ยังไม่มีคู่สัญญา / no parties yet")
    for party in parties:
        side_th, side_en = SIDE_TITLES[party.side]
        position = f" | {party.position}" if party.position else ""
        print(f"{side_th} / {side_en}: {party.name}{position}")
    return 0
