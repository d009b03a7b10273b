"""Panel commands: `panel ...` (members, keys, conflicts, rule, declaration, consensus, submit, reopen, finalise),
`keygen`, `export-package`, `import-package`, and the panel view of `score --panel`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..domain.aggregation import IndicatorAggregate, PanelResult
from ..domain.numbers import NumberFormatError, format4, parse_decimal, plain
from ..domain.panel import AggregationRule, ConflictOfInterest, ConflictType, PanelMember, Role, key_fingerprint
from ..domain.problems import ProblemsError
from .common import EXIT_REFUSED, Refused, WorkspaceMode, actor, score_json

# A key belongs to the person, not to a workspace: keygen runs before any workspace exists on a new laptop.
WORKSPACE_MODES: dict[str, WorkspaceMode] = {"keygen": "path"}

PASSPHRASE_ENV = "EVALUATOR_APP_PASSPHRASE"


def register(commands: Any) -> dict[str, Any]:
    panel = commands.add_parser("panel", help="the independent evaluation panel: members, keys, conflicts, states")
    sub = panel.add_subparsers(dest="panel_command", metavar="PANEL_COMMAND", required=True)

    p = sub.add_parser("create", help="set up this workspace's panel (add-member does it with a default name)")
    p.add_argument("--name", required=True)
    p.add_argument("--rule", choices=[r.value for r in AggregationRule], default=AggregationRule.MEAN.value)

    p = sub.add_parser("add-member", help="add a member, or change one's details or public key")
    p.add_argument("member", metavar="ID", help="short ASCII id, used as the evaluator id of their ratings")
    p.add_argument("--name", required=True)
    p.add_argument("--position", default="")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.MEMBER.value)
    p.add_argument("--order", type=int, default=0, help="signing order on the report (default: by role)")
    p.add_argument("--public-key", dest="public_key", type=Path, metavar="FILE",
                   help="the member's public key file (from their `keygen`)")

    p = sub.add_parser("remove-member", help="take a member off the panel; their ratings stay but no longer count")
    p.add_argument("member", metavar="ID")
    p.add_argument("--reason", required=True)

    p = sub.add_parser("members", help="the panel, its members, key fingerprints and conflicts")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("fingerprint", help="key fingerprints to compare aloud")
    p.add_argument("member", metavar="ID", nargs="?", help="a member recorded on the panel (default: all)")
    p.add_argument("--file", type=Path, metavar="FILE", help="the fingerprint of a public key file instead")

    p = sub.add_parser("conflict", help="record a member's conflict of interest with an agency")
    p.add_argument("member", metavar="MEMBER")
    p.add_argument("agency", metavar="AGENCY", help="the agency's name as in its agreements")
    p.add_argument("--type", choices=[t.value for t in ConflictType], default=None)
    p.add_argument("--reason", required=True)
    p.add_argument("--withdraw", action="store_true", help="withdraw the conflict instead (with a reason)")

    p = sub.add_parser("rule", help="the cycle's aggregation rule")
    p.add_argument("rule", choices=[r.value for r in AggregationRule])

    p = sub.add_parser("declaration", help="show, or edit, the declaration of independence and confidentiality")
    p.add_argument("--set", dest="text", default=None, metavar="TEXT")
    p.add_argument("--file", type=Path, default=None, metavar="FILE", help="the new text from a UTF-8 file")

    p = sub.add_parser("consensus", help="the chair enters the panel's agreed score of an indicator (--as CHAIR)")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("code", metavar="CODE")
    p.add_argument("score", metavar="SCORE")
    p.add_argument("--reason", required=True)
    p.add_argument("--round", type=int, default=12)
    _chair_argument(p)

    p = sub.add_parser("submit", help="submit a member's ratings of an agreement, confirming the declaration")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--evaluator", required=True, metavar="ID")
    p.add_argument("--accept-declaration", dest="accept", action="store_true")
    p.add_argument("--round", type=int, default=12)

    p = sub.add_parser("reopen", help="the chair reopens a member's submission (--evaluator) or the finalised "
                                      "panel result (without it); --as CHAIR")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--evaluator", default=None, metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--round", type=int, default=12)
    _chair_argument(p)

    p = sub.add_parser("finalise", help="the chair finalises the panel result; read-only afterwards (--as CHAIR)")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--round", type=int, default=12)
    _chair_argument(p)

    p = sub.add_parser("conflicts", help="edit conflicts that members' packages brought, for the secretary to "
                                         "resolve (both values and both authors)")
    p.add_argument("--all", action="store_true", help="also the ones already resolved")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("resolve", help="resolve an edit conflict: keep the master's value or take the member's")
    p.add_argument("conflict", type=int, metavar="NUMBER", help="the number shown by `panel conflicts`")
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument("--keep-mine", dest="take_theirs", action="store_false",
                          help="keep the value in this workspace; the member's stays out")
    decision.add_argument("--take-theirs", dest="take_theirs", action="store_true",
                          help="take the member's value from their package")

    p = sub.add_parser("status", help="who has submitted, and whether the result is finalised")
    p.add_argument("agreement", metavar="AGREEMENT")
    p.add_argument("--round", type=int, default=12)
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("keygen", help="make this member's signing key (passphrase from "
                                           f"${PASSPHRASE_ENV} or a prompt)")
    p.add_argument("--evaluator", required=True, metavar="ID")
    p.add_argument("--public-key-out", dest="public_out", type=Path, default=None, metavar="FILE",
                   help="also write the public key here, to hand to the secretary")
    p.add_argument("--replace", action="store_true",
                   help="make a new key that the old one vouches for (members who trust the old key follow it)")

    p = commands.add_parser("export-package", help="write an evaluator package (--evaluator ID, signed) or the "
                                                   "panel package (--panel)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--evaluator", metavar="ID")
    group.add_argument("--panel", action="store_true")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="e.g. m1.evpack or panel.evpanel")
    p.add_argument("--secretary", default=None, metavar="ID",
                   help="whose key signs the panel package (default: the panel's secretary)")

    p = commands.add_parser("import-package", help="import a panel package (member) or evaluator packages "
                                                   "(secretary; several merge together); prints the merge report")
    p.add_argument("file", type=Path, metavar="FILE", nargs="+",
                   help="one package, or several members' packages merged together in one transaction: a refused "
                        "one writes nothing, the others are merged")
    p.add_argument("--json", action="store_true")
    p.add_argument("--trust", default=None, metavar="FINGERPRINT",
                   help="the secretary's key fingerprint, confirmed aloud with her (the first panel package, or "
                        "a key she changed)")
    return {"panel": _panel, "keygen": _keygen, "export-package": _export, "import-package": _import}


def _chair_argument(p: argparse.ArgumentParser) -> None:
    # Also accepted after the command; the global --as comes before it. A separate dest, so the subcommand's
    # default never overwrites the global value.
    p.add_argument("--as", dest="chair_as", default=None, metavar="CHAIR_ID", help="the chair's member id")


def _panel(workspace: Any, args: argparse.Namespace) -> int:
    handler = {
        "create": _create, "add-member": _add_member, "remove-member": _remove_member, "members": _members,
        "fingerprint": _fingerprint, "conflict": _conflict, "rule": _rule, "declaration": _declaration,
        "consensus": _consensus, "submit": _submit, "reopen": _reopen, "finalise": _finalise, "status": _status,
        "conflicts": _conflicts, "resolve": _resolve,
    }[args.panel_command]
    return handler(workspace, args)


def chair_id(args: argparse.Namespace) -> str:
    """A chair's decision names the chair explicitly: the login name of the laptop is not good enough."""
    who = getattr(args, "chair_as", None) or getattr(args, "actor", None)
    if not who:
        raise Refused("การตัดสินใจของประธานต้องระบุ --as รหัสประธาน / a chair's decision needs --as CHAIR_ID")
    return str(who)


def _create(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel import create_panel

    panel = create_panel(workspace, args.name, actor=actor(args, workspace), rule=AggregationRule(args.rule))
    print(f"คณะผู้ประเมิน / panel: {panel.name}  ({panel.id}, rule {panel.rule.value})")
    return 0


def _add_member(workspace: Any, args: argparse.Namespace) -> int:
    from ..exchange.identity import read_public_key
    from ..store.panel import save_member

    key = None if args.public_key is None else read_public_key(args.public_key)
    member = save_member(workspace, PanelMember(args.member, args.name, Role(args.role), args.position, args.order,
                                                key), actor=actor(args, workspace))
    print(f"{member.id}: {member.name}  {member.title_th}  "
          f"fingerprint {member.fingerprint or '- (no public key yet / ยังไม่มีกุญแจสาธารณะ)'}")
    return 0


def _remove_member(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel import remove_member

    remove_member(workspace, args.member, actor=actor(args, workspace), reason=args.reason)
    print(f"นำ {args.member} ออกจากคณะผู้ประเมินแล้ว / {args.member} removed from the panel")
    return 0


def _members(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel import require_panel

    panel = require_panel(workspace)
    if args.json:
        print(json.dumps({
            "id": panel.id, "name": panel.name, "rule": panel.rule.value,
            "members": [{"id": m.id, "name": m.name, "position": m.position, "role": m.role.value,
                         "title_th": m.title_th, "order": m.order, "fingerprint": m.fingerprint}
                        for m in panel.in_signing_order()],
            "conflicts": [{"member": c.member_id, "agency": c.agency, "type": c.type.value, "reason": c.reason}
                          for c in panel.conflicts],
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{panel.name}  ({panel.id})  rule: {panel.rule.value}")
    for m in panel.in_signing_order():
        print(f"  {m.id:<12} {m.title_th:<22} {m.name}  {m.position}  [{m.fingerprint or 'no key'}]")
    for c in panel.conflicts:
        print(f"  conflict: {c.member_id} - {c.agency} ({c.type.value}: {c.reason})")
    return 0


def _fingerprint(workspace: Any, args: argparse.Namespace) -> int:
    if args.file is not None:
        from ..exchange.identity import read_public_key

        print(f"{args.file}: {key_fingerprint(read_public_key(args.file))}")
        return 0
    from ..store.panel import require_panel

    panel = require_panel(workspace)
    members = [panel.member(args.member)] if args.member and panel.has_member(args.member) else (
        [] if args.member else list(panel.in_signing_order()))
    if args.member and not members:
        raise Refused(f"ไม่มีกรรมการรหัส {args.member} / no member {args.member} on the panel")
    for m in members:
        print(f"{m.id}: {m.fingerprint or '- (ยังไม่มีกุญแจสาธารณะ / no public key recorded)'}")
    return 0


def _conflict(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel import declare_conflict, withdraw_conflict

    if args.withdraw:
        withdraw_conflict(workspace, args.member, args.agency, actor=actor(args, workspace), reason=args.reason)
        print(f"ยกเลิกการมีส่วนได้เสียแล้ว / conflict withdrawn: {args.member} - {args.agency}")
        return 0
    if args.type is None:
        raise Refused("ระบุประเภทการมีส่วนได้เสีย --type / give the conflict's --type "
                      f"({', '.join(t.value for t in ConflictType)})")
    if not args.reason.strip():
        raise Refused("ต้องระบุเหตุผล / a conflict of interest needs a --reason")
    declare_conflict(workspace, ConflictOfInterest(args.member, args.agency, ConflictType(args.type), args.reason),
                     actor=actor(args, workspace))
    print(f"บันทึกการมีส่วนได้เสียแล้ว / conflict recorded: {args.member} - {args.agency} ({args.type})")
    return 0


def _rule(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel import set_rule

    set_rule(workspace, AggregationRule(args.rule), actor=actor(args, workspace))
    print(f"aggregation rule: {args.rule}")
    return 0


def _declaration(workspace: Any, args: argparse.Namespace) -> int:
    from ..domain.panel import DEFAULT_DECLARATION
    from ..store.panel import load_panel, set_declaration

    text = args.file.read_text(encoding="utf-8") if args.file is not None else args.text
    if text is not None:
        set_declaration(workspace, text, actor=actor(args, workspace))
    panel = load_panel(workspace)  # showing the text sets nothing up
    print(DEFAULT_DECLARATION if panel is None else panel.declaration)
    return 0


def _consensus(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.panel_results import enter_consensus

    try:
        score = parse_decimal(args.score)
    except NumberFormatError as exc:
        raise Refused(f"SCORE: คะแนนต้องเป็นตัวเลข / the score must be a number ({exc})") from None
    agreement_id = resolve_agreement(workspace, args.agreement)
    value = enter_consensus(workspace, agreement_id, args.code, args.round, score, args.reason, by=chair_id(args))
    print(f"{value.code}: มติที่ประชุม / consensus {format4(value.score)}  ({value.reason})")
    return 0


def _submit(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.panel_results import submit

    agreement_id = resolve_agreement(workspace, args.agreement)
    done = submit(workspace, agreement_id, args.evaluator, args.round, declaration_accepted=args.accept,
                  actor=actor(args, workspace))
    print(f"ส่งผลการประเมินแล้ว / submitted: {args.evaluator}, round {done.round}, at {done.submitted_at}")
    return 0


def _reopen(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.panel import reopen_submission
    from ..store.panel_results import reopen_result

    agreement_id = resolve_agreement(workspace, args.agreement)
    if args.evaluator:
        reopen_submission(workspace, agreement_id, args.evaluator, args.round, by=chair_id(args), reason=args.reason)
        print(f"เปิดใหม่แล้ว / reopened: {args.evaluator}, round {args.round} ({args.reason})")
    else:
        reopen_result(workspace, agreement_id, args.round, by=chair_id(args), reason=args.reason)
        print(f"เปิดผลของคณะผู้ประเมินใหม่แล้ว / panel result reopened: round {args.round} ({args.reason})")
    return 0


def _finalise(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.panel_results import finalise

    agreement_id = resolve_agreement(workspace, args.agreement)
    result = finalise(workspace, agreement_id, args.round, by=chair_id(args))
    print(f"ยุติผลการประเมินแล้ว / finalised: round {args.round}, panel total {format4(result.total)}")
    return 0


def _status(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.agreements import resolve_agreement
    from ..store.panel import require_panel, result_state, submissions

    panel = require_panel(workspace)
    agreement_id = resolve_agreement(workspace, args.agreement)
    states = {s.evaluator: s for s in submissions(workspace, agreement_id, args.round)}
    result = result_state(workspace.conn, agreement_id, args.round)
    rows = [{"member": m.id, "state": states[m.id].state.value if m.id in states else "draft",
             "submitted_at": states[m.id].submitted_at if m.id in states else None,
             "reopened": states[m.id].reopen_count if m.id in states else 0}
            for m in panel.in_signing_order() if m.role.rates]
    finalised = bool(result and result.finalised)
    if args.json:
        print(json.dumps({"round": args.round, "finalised": finalised, "members": rows}, ensure_ascii=False,
                         indent=2))
        return 0
    for row in rows:
        print(f"  {row['member']:<12} {row['state']:<10} {row['submitted_at'] or ''}")
    print(f"panel result: {'finalised / ยุติแล้ว' if finalised else 'open / ยังไม่ยุติ'}")
    return 0


# --- keys and packages -------------------------------------------------------------------------------------------

def passphrase(prompt: str, confirm: bool = False) -> str:
    """The key's passphrase: from the environment for scripts, otherwise asked without echo."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise Refused(f"ต้องใส่รหัสผ่านของกุญแจ (ตั้ง {PASSPHRASE_ENV}) / the key's passphrase is needed: set "
                      f"{PASSPHRASE_ENV} or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("again / อีกครั้ง: ") != first:
        raise Refused("รหัสผ่านสองครั้งไม่ตรงกัน / the two passphrases differ")
    return first


def _keygen(_workspace_path: Any, args: argparse.Namespace) -> int:
    from ..exchange.identity import ensure_key_pair, has_key, public_key_path, replace_key_pair, write_public_key

    made_now = not has_key(args.evaluator)
    if args.replace and not made_now:
        identity = replace_key_pair(args.evaluator, passphrase("passphrase / รหัสผ่านของกุญแจ: "))
        made = True
        print("กุญแจเดิมรับรองกุญแจใหม่แล้ว / the old key vouches for the new one")
    else:
        identity, made = ensure_key_pair(args.evaluator,
                                         passphrase("passphrase / รหัสผ่านของกุญแจ: ", confirm=made_now))
    public = public_key_path(args.evaluator)
    if args.public_out is not None:
        public = write_public_key(identity, args.public_out)
    print(("สร้างกุญแจแล้ว / key made" if made else "มีกุญแจอยู่แล้ว / key exists") + f": {args.evaluator}")
    print(f"public key / กุญแจสาธารณะ: {public}")
    print(f"fingerprint / ลายนิ้วมือ: {identity.fingerprint}")
    return 0



def _export(workspace: Any, args: argparse.Namespace) -> int:
    from ..exchange.identity import unlock
    from ..exchange.packages import export_evaluator_package, export_panel_package

    if args.panel:
        from ..exchange.identity import ensure_encryption_key
        from ..store.panel import require_panel

        panel = require_panel(workspace)
        secretary = args.secretary or next((m.id for m in panel.members if m.role is Role.SECRETARY), None)
        if secretary is None:
            raise Refused("คณะยังไม่มีเลขานุการ ระบุ --secretary / the panel has no secretary: give --secretary ID")
        secret = passphrase(f"passphrase of {secretary} / รหัสผ่านของกุญแจ: ")
        key = unlock(secretary, secret)
        summary = export_panel_package(workspace, args.out, key, ensure_encryption_key(secretary, secret),
                                       actor=actor(args, workspace))
        print(f"ชุดข้อมูลคณะผู้ประเมิน / panel package: {summary.path}  ({summary.agreements} agreements)")
        print(f"signed by {summary.member_id}, fingerprint / ลายนิ้วมือ {summary.fingerprint}  "
              f"(members confirm it aloud / กรรมการยืนยันด้วยวาจา)")
        return 0
    key = unlock(args.evaluator, passphrase(f"passphrase of {args.evaluator} / รหัสผ่านของกุญแจ: "))
    summary = export_evaluator_package(workspace, args.evaluator, args.out, key)
    print(f"ชุดผลการประเมิน / evaluator package: {summary.path}  ({summary.ratings} ratings, "
          f"{summary.agreements} agreements, {summary.evidence} evidence files; encrypted to the secretary)")
    print(f"signed by {summary.member_id}, fingerprint / ลายนิ้วมือ {summary.fingerprint}")
    return 0


def _import(workspace: Any, args: argparse.Namespace) -> int:
    from ..exchange.identity import unlock_encryption_key
    from ..exchange.packages import TrustNeeded, import_package, import_packages
    from ..store.panel_install import InstallReport

    def decrypt(secretary: str) -> Any:
        return unlock_encryption_key(secretary, passphrase(f"passphrase of {secretary} / รหัสผ่านของกุญแจ: "))

    files: list[Path] = args.file
    try:
        if len(files) > 1:
            return _import_together(import_packages(workspace, files, actor=actor(args, workspace), trust=args.trust,
                                                    decrypt=decrypt), args.json)
        report = import_package(workspace, files[0], actor=actor(args, workspace), trust=args.trust, decrypt=decrypt)
    except TrustNeeded as exc:
        # Printed on stdout too, on a line of its own, so the person can read it aloud to the secretary.
        print(f"ลายนิ้วมือกุญแจของเลขานุการ / secretary's key fingerprint ({exc.signer}): {exc.fingerprint}")
        if exc.trusted:
            print(f"ที่เชื่อถือไว้เดิม / trusted until now: {exc.trusted}")
        raise
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return 0
    lines = install_lines(report) if isinstance(report, InstallReport) else merge_lines(report)
    print("\n".join(lines))
    return 0


def _import_together(imported: list[Any], as_json: bool) -> int:
    """The report of several packages imported together, in the order given: each one's report, or its refusal
    (on stderr, as a refusal of that package alone would be); exit 2 when any was refused."""
    from ..store.panel_install import InstallReport

    refused = [item for item in imported if item.refusal is not None]
    if as_json:
        print(json.dumps([{"file": str(item.path), **(item.report.to_dict() if item.refusal is None else {
            "refused": [str(problem) for problem in item.refusal.problems]})} for item in imported],
            ensure_ascii=False, indent=2))
    for item in imported:
        if item.refusal is not None:
            print(f"{item.path.name}:", file=sys.stderr)
            for problem in item.refusal.problems:
                print(f"  {problem}", file=sys.stderr)
            print("  ไม่ได้บันทึกสิ่งใดจากชุดข้อมูลนี้ / nothing of this package was written", file=sys.stderr)
        elif not as_json:
            lines = install_lines(item.report) if isinstance(item.report, InstallReport) else merge_lines(item.report)
            print(f"{item.path.name}:")
            print("\n".join(f"  {line}" for line in lines))
    if len(refused) == len(imported):
        print(f"ปฏิเสธทั้ง {len(imported)} ชุดข้อมูล ไม่ได้นำเข้าสิ่งใด / all {len(imported)} packages refused; nothing "
              f"was imported", file=sys.stderr)
        return EXIT_REFUSED
    if refused:
        print(f"ปฏิเสธ {len(refused)} จาก {len(imported)} ชุดข้อมูล ชุดอื่นนำเข้าแล้ว / {len(refused)} of {len(imported)} "
              f"packages refused; the others were imported", file=sys.stderr)
        return EXIT_REFUSED
    return 0


def install_lines(report: Any) -> list[str]:
    if report.master:
        return ["นี่คือพื้นที่ทำงานหลักของคณะผู้ประเมินที่สร้างชุดข้อมูลนี้เอง ไม่มีการเปลี่ยนแปลง / this is the panel's "
                "master workspace, which made this package: nothing changed"]
    trusted = {"confirmed": "เชื่อถือกุญแจของเลขานุการแล้ว / the secretary's key is trusted now",
               "endorsed": "เลขานุการเปลี่ยนกุญแจ กุญแจเดิมรับรองกุญแจใหม่ / the secretary's new key, vouched for by "
                           "the old one, is trusted now",
               "re-trusted": "เชื่อถือกุญแจใหม่ของเลขานุการตามที่ยืนยัน / the secretary's new key is trusted, as "
                             "confirmed"}.get(report.trusted or "")
    if report.already_imported:
        return [*([trusted] if trusted else []),
                "นำเข้าชุดข้อมูลนี้แล้ว ไม่มีการเปลี่ยนแปลง / this package was imported before: nothing changed"]
    lines = [*([trusted] if trusted else []),
             f"คณะผู้ประเมิน / panel: {report.panel_name} ({report.members} members)"]
    lines += [f"  นำเข้าคำรับรอง / agreement added: {a} {y}" for a, y in report.agreements_added]
    lines += [f"  ไม่เปลี่ยนแปลง / unchanged: {a} {y}" for a, y in report.agreements_unchanged]
    lines += [f"  state: {s}" for s in report.states_updated]
    return lines


def merge_lines(report: Any) -> list[str]:
    """The merge report the secretary reviews: what was applied, what was not and why."""
    if report.already_imported:
        return [f"นำเข้าชุดข้อมูลของ {report.member_id} นี้แล้ว ไม่มีการเปลี่ยนแปลง / this package of "
                f"{report.member_id} was imported before: nothing changed"]
    lines = [f"ผลการประเมินของ / ratings of {report.member_id}: applied {len(report.applied)}, unchanged "
             f"{report.unchanged}, conflicts {len(report.conflicts)}, submitted {len(report.submitted)}"]
    for change in report.applied:
        old = "-" if change.before is None else change.before.get("result") or change.before.get("adjusted_score")
        new = change.after.get("result") or change.after.get("adjusted_score")
        lines.append(f"  applied  {change.agency} {change.fiscal_year} round {change.round} {change.code}: "
                     f"{old} -> {new}")
    for agency, year, round_ in report.submitted:
        lines.append(f"  submitted {agency} {year} round {round_}")
    for conflict in report.conflicts:
        lines.append(f"  CONFLICT {conflict}")
    if any(c.conflict_id is not None for c in report.conflicts):
        lines.append("  resolve / ตัดสิน: panel conflicts; panel resolve NUMBER --keep-mine | --take-theirs")
    return lines


def conflict_line(item: Any) -> str:
    def shown(values: dict[str, Any] | None) -> str:
        if values is None:
            return "-"
        result = values.get("result")
        adjusted = values.get("adjusted_score")
        return (result or "-") + (f" (adjusted {adjusted})" if adjusted else "")

    state = "" if item.status == "open" else f"  [{item.status} by {item.resolved_by}]"
    base = item.incoming.get("base") or {}
    return (f"#{item.id}  {item.agency} {item.fiscal_year}  round {item.round}  {item.code}  {item.evaluator}: "
            f"mine / ของพื้นที่ทำงานหลัก {shown(item.stored)} by {item.stored_author or '-'}; "
            f"theirs / ของกรรมการ {shown(item.incoming)} by {item.incoming_author} "
            f"(based on {shown(base) if base else '-'}){state}\n      {item.th} / {item.en}")


def _conflicts(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel_conflicts import list_conflicts

    items = list_conflicts(workspace, include_resolved=args.all)
    if args.json:
        print(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("ไม่มีรายการขัดกันที่รอตัดสิน / no edit conflicts to resolve")
    for item in items:
        print(conflict_line(item))
    return 0


def _resolve(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.panel_conflicts import resolve_conflict

    item = resolve_conflict(workspace, args.conflict, take_theirs=args.take_theirs, actor=actor(args, workspace))
    decision = "ใช้ค่าของกรรมการ / took theirs" if args.take_theirs else "คงค่าเดิม / kept mine"
    print(f"{decision}: {conflict_line(item)}")
    return 0


# --- score --panel -----------------------------------------------------------------------------------------------

def aggregate_json(item: IndicatorAggregate) -> dict[str, Any]:
    def four(value: Any) -> str | None:
        return None if value is None else format4(value)

    summary = item.summary
    return {
        "members": {m: four(s) for m, s in item.member_scores},
        "panel_figure": four(item.figure),
        "mean": four(summary and summary.mean), "median": four(summary and summary.median),
        "min": four(summary and summary.minimum), "max": four(summary and summary.maximum),
        "spread": four(item.spread),
        **({"consensus": {"score": format4(item.consensus.score), "reason": item.consensus.reason}}
           if item.consensus else {}),
        **({"excluded": list(item.excluded)} if item.excluded else {}),
    }


def score_panel(workspace: Any, args: argparse.Namespace) -> int:
    """`score AGREEMENT --panel`: the panel's figures; with --json the usual keys plus each member's score and the
    panel figure per indicator."""
    from ..store.agreements import load_agreement, resolve_agreement
    from ..store.frameworks import get_framework
    from ..store.panel_results import panel_result, ratings_hidden_problem
    from ..store.versions import version_for_round

    agreement_id = resolve_agreement(workspace, args.agreement)
    viewer = getattr(args, "actor", None)
    hidden = None if not viewer else ratings_hidden_problem(workspace, agreement_id, args.round, str(viewer))
    if hidden is not None:  # HotCRP's rule: a member sees the others' ratings only after submitting their own
        raise ProblemsError([hidden])
    stored = load_agreement(workspace, agreement_id, version_for_round(workspace.conn, agreement_id, args.round))
    result = panel_result(workspace, agreement_id, args.round)
    label = f"{stored.agreement.agency} {stored.agreement.fiscal_year}"
    if args.json:
        document = score_json(label, agreement_id, result.sheet, stored.agreement)
        document["evaluator"] = "panel"
        document["version"] = stored.version_number
        document["rules"] = {**get_framework(workspace, stored.agreement.framework_id or "").rules_in_force(),
                             "aggregation": result.rule.value}
        document["rule"] = result.rule.value
        document["members"] = list(result.member_sheets)
        document["member_totals"] = {m: format4(s.total) if _rated(s) else None
                                     for m, s in result.member_sheets.items()}
        document["excluded"] = list(result.excluded)
        document["by_spread"] = [i.code for i in result.by_spread()]
        by_code = {i.code: i for i in result.indicators}
        for row in document["indicators"]:
            if row["code"] in by_code:
                row.update(aggregate_json(by_code[row["code"]]))
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print_panel(label, agreement_id, result)
    return 0


def _rated(sheet: Any) -> bool:
    return any(i.score is not None for i in sheet.indicators)


def print_panel(label: str, agreement_id: int, result: PanelResult) -> None:
    members = list(result.member_sheets)
    print(f"{label}  (id {agreement_id}, รอบ {result.round} เดือน, คณะผู้ประเมิน / panel, rule {result.rule.value})")
    head = "".join(f"{m[:9]:>10}" for m in members)
    print(f"{'code':<8}{'weight':>8}{head}{'spread':>9}{'panel':>9}{'weighted':>10}")
    for item in result.indicators:
        if not item.counted:
            continue
        row = result.sheet.indicator(item.code)
        scores = "".join(f"{'-' if s is None else format4(s):>10}" for _, s in item.member_scores)
        spread = "-" if item.spread is None else format4(item.spread)
        figure = "-" if row.score is None else format4(row.score)
        weighted = "-" if row.weighted is None else format4(row.weighted)
        print(f"{item.code:<8}{plain(item.weight):>8}{scores}{spread:>9}{figure:>9}{weighted:>10}")
    if result.excluded:
        print(f"  ไม่นับ (มีส่วนได้เสีย) / excluded for a conflict of interest: {', '.join(result.excluded)}")
    totals = "  ".join(f"{m} {format4(s.total) if _rated(s) else '-'}" for m, s in result.member_sheets.items())
    print(f"members: {totals}")
    missing = f"; missing {', '.join(result.sheet.missing)}" if result.sheet.missing else ""
    print(f"panel total {format4(result.total)}{missing}")
    print(f"largest spread first: {', '.join(i.code for i in result.by_spread())}")
