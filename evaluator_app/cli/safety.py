"""Safety commands: backup, backups, restore, verify-log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import Refused, WorkspaceMode, actor, pad

# backups and restore work on the file itself, not on an opened workspace: a damaged or locked workspace can still
# be listed and restored. verify-log only reads.
WORKSPACE_MODES: dict[str, WorkspaceMode] = {"backups": "path", "restore": "path", "verify-log": "read"}

EXIT_LOG_BROKEN = 3  # the history does not verify: not a refusal (nothing was asked to change), a finding


def register(commands: Any) -> dict[str, Any]:
    commands.add_parser("backup", help="back up the workspace now (SQLite backup API) into <file>.backups/")

    p = commands.add_parser("backups", help="list the backups of the workspace, newest first")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("restore", help="restore a backup (the current content is kept as a backup first)")
    p.add_argument("backup", metavar="BACKUP", help="'latest', a name listed by `backups`, or a backup file")

    p = commands.add_parser("verify-log", help="check the file's integrity, then verify the hash-chained audit log; "
                            "exit 3 at the first problem")
    p.add_argument("--json", action="store_true")
    p.add_argument("--expect", metavar="HASH", default=None,
                   help="a head hash written down earlier (minutes, a report): it must still be in the chain")
    return {"backup": _backup, "backups": _backups, "restore": _restore, "verify-log": _verify_log}


def _backup(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.backups import back_up_now

    made = back_up_now(workspace)
    print(f"สำรองข้อมูลแล้ว / backed up: {made.path}  ({made.size:,} bytes)")
    return 0


def _backups(path: Path, args: argparse.Namespace) -> int:
    from ..store.backups import backups_folder, list_backups

    found = list_backups(path)
    if args.json:
        print(json.dumps([{"name": b.name, "path": str(b.path), "taken_at": b.taken_at.isoformat(),
                           "reason": b.reason, "size": b.size} for b in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"ยังไม่มีไฟล์สำรอง / no backups yet in {backups_folder(path)}")
        return 0
    from ..domain.thai_dates import thai_datetime, zone_name

    # The workspace file is not opened here (it may be the damaged one to restore): times are on the default clock,
    # Asia/Bangkok, with a Buddhist Era date; --json keeps UTC.
    taken = f"taken ({zone_name()})"
    print(f"{taken:<22}  {'reason':<17}  {'bytes':>12}  name")
    for b in found:
        print(f"{pad(thai_datetime(b.taken_at, seconds=True), 22)}  {b.reason:<17}  {b.size:>12,}  {b.name}")
    return 0



def _restore(path: Path, args: argparse.Namespace) -> int:
    from ..store.restore import restore_backup

    if not path.exists() and args.backup == "latest":
        raise Refused(f"ไม่พบไฟล์พื้นที่ทำงาน {path} / workspace file not found: {path}")
    result = restore_backup(path, args.backup, actor=actor(args))
    print(f"กู้คืนจากไฟล์สำรองแล้ว / restored from: {result.restored.name}")
    if result.kept is not None:
        print(f"เก็บข้อมูลก่อนกู้คืนไว้ที่ / the previous content is kept as: {result.kept}")
    return 0



def _verify_log(workspace: Any, args: argparse.Namespace) -> int:
    from ..store.audit import find_anchor
    from ..store.backups import recovery_advice
    from ..store.verification import verify_log
    from ..store.workspace_file import health_problems

    # The file first: a chain read from damaged pages proves nothing.
    damage = health_problems(workspace.conn, thorough=True)
    if damage:
        advice = recovery_advice(workspace.path)
        if args.json:
            print(json.dumps({"ok": False, "integrity": damage, "advice": advice.strip()}, ensure_ascii=False,
                             indent=2))
        else:
            print(f"ไฟล์พื้นที่ทำงานเสียหาย / the workspace file is damaged: {'; '.join(damage)}.{advice}")
        return EXIT_LOG_BROKEN
    anchor: tuple[int, str] | None = None
    if args.expect is not None:
        try:
            anchor = find_anchor(workspace.conn, args.expect)
        except ValueError as exc:
            raise Refused(f"--expect: รหัสแฮชไม่ถูกต้อง / {exc}") from None
    result = verify_log(workspace.conn)
    anchored = args.expect is None or anchor is not None
    if args.json:
        print(json.dumps({
            "ok": result.ok and anchored, "integrity": [], "entries": result.entries, "head_id": result.head_id,
            "head_hash": result.head_hash, "changes": result.changes, "expected": args.expect,
            "expected_entry": None if anchor is None else anchor[0],
            "broken": None if result.broken is None else vars(result.broken),
            "unexplained": list(result.unexplained)}, ensure_ascii=False, indent=2))
        return 0 if result.ok and anchored else EXIT_LOG_BROKEN
    if result.ok:
        print(f"บันทึกการเปลี่ยนแปลงครบถ้วน ตรวจสอบได้ {result.entries:,} รายการ / the audit log verifies: "
              f"{result.entries:,} entries")
        if result.changes:
            print(f"รวมการเปลี่ยนแปลงจากชุดข้อมูลของกรรมการ {result.changes:,} รายการ ตรวจกับรากเมอร์เคิลของแต่ละชุดแล้ว / "
                  f"with {result.changes:,} changes from members' packages, each checked against its package's "
                  "Merkle root")
        if result.head_hash:
            print(f"รายการล่าสุด / last entry {result.head_id}, hash {result.head_hash}")
    else:
        if result.broken is not None:
            b = result.broken
            print(f"บันทึกการเปลี่ยนแปลงถูกแก้ไข เริ่มที่รายการ {b.id} ({b.at}, {b.action}, {b.entity} {b.entity_key}) / "
                  f"the audit log is broken at entry {b.id}: {b.at}, action '{b.action}' on {b.entity} "
                  f"{b.entity_key} by {b.actor}")
        for line in result.unexplained:
            print(f"ค่าที่ไม่มีในบันทึก / not explained by the log: {line}")
    if args.expect is not None:
        if anchor is None:
            print(f"ไม่พบรายการที่มีแฮช {args.expect} ที่จดไว้ บันทึกถูกตัดหรือคำนวณแฮชใหม่ / the head written down "
                  f"earlier, {args.expect}, is not in the log: entries were cut off or the chain was re-hashed")
        else:
            later = (result.head_id or 0) - anchor[0]
            print(f"พบแฮชที่จดไว้ที่รายการ {anchor[0]} (มีรายการใหม่กว่า {later}) / the head written down earlier is "
                  f"entry {anchor[0]}, followed by {later} later entries")
    return 0 if result.ok and anchored else EXIT_LOG_BROKEN



def storage_error_message(exc: BaseException) -> str:
    """What a person reads when the disk refuses a write; the transaction was rolled back."""
    from ..store.workspace import storage_error_message as message

    return message(exc) or (f"อ่านหรือเขียนไฟล์ไม่ได้ / a file could not be read or written ({exc}). "
                            f"ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ / nothing already saved was lost")


def damaged_file_message(path: Path | None, exc: BaseException) -> str:
    """A damaged page met while reading: what happened, and how to recover."""
    from ..store.backups import recovery_advice

    if path is None:
        return f"ไฟล์เสียหาย อ่านข้อมูลไม่ได้ / a file is damaged and could not be read ({exc})"
    return (f"ไฟล์พื้นที่ทำงาน {path} เสียหาย อ่านข้อมูลไม่ได้ / the workspace {path} is damaged and could not be "
            f"read ({exc}).{recovery_advice(path)}")
