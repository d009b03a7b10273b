"""What every command shares: refusals, the acting person, the workspace being worked on, and the score document."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

from ..domain.numbers import format4, plain
from ..paths import default_workspace_path

if TYPE_CHECKING:  # the scorer loads with the command that scores, not with every command
    from ..domain.agreement import Agreement
    from ..domain.scoring import ScoreSheet
    from ..store.workspace import Workspace

EXIT_REFUSED = 2


def pad(text: str, width: int) -> str:
    """`text` left-aligned in `width` terminal columns: Thai vowel and tone marks sit above or below their letter
    and take no column, so str.ljust (which counts them) would leave Thai rows short."""
    import unicodedata

    columns = sum(1 for c in text if unicodedata.category(c) not in ("Mn", "Me"))
    return text + " " * max(0, width - columns)

# How a command gets its workspace: opened for writing (the default), opened read-only (it only reads, so it runs
# beside a window that writes), or only its path (it works on the file itself: a damaged or locked one, or none).
WorkspaceMode = Literal["write", "read", "path"]


class Refused(Exception):
    """An operation the person can fix: printed without a traceback, exit code 2."""


def workspace_path(args: argparse.Namespace) -> Path:
    if args.demo:
        from ..exchange.demo import demo_workspace_copy

        return demo_workspace_copy()
    return args.db or default_workspace_path()


def actor(args: argparse.Namespace, workspace: Workspace | None = None) -> str:
    """Who is acting, for the audit log: `--as`, else the person chosen for this workspace ("Who are you?" in the
    window, the same setting), else the computer's login name (a fresh workspace nobody has chosen for yet)."""
    if getattr(args, "actor", None):
        return str(args.actor)
    if workspace is not None:
        from ..store.preferences import chosen_evaluator

        chosen = chosen_evaluator(workspace)
        if chosen is not None:
            return chosen
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


# SQLite stores integers in 64 bits; a larger one raises OverflowError deep inside a query.
SQLITE_MAX_INTEGER = 2**63 - 1
# Arguments that name someone or something: an empty or blank one would silently mean "the default" (an empty
# --evaluator overwrote the agency's self-assessment), and control characters in them are never meant.
IDENTIFIER_ARGUMENTS = ("evaluator", "actor", "agreement", "code", "member", "agency", "backup", "expect")
_OPTION_NAMES = {"actor": "--as", "from_round": "--from-round"}


def argument_label(name: str, args: argparse.Namespace) -> str:
    """How the person typed the argument: --evaluator, or the positional's name (AGREEMENT)."""
    if name in _OPTION_NAMES:
        return _OPTION_NAMES[name]
    positional = name in ("agreement", "code", "result", "member", "agency", "backup", "score", "files", "file",
                          "old", "new")
    return name.upper() if positional else "--" + name.replace("_", "-")


def check_arguments(args: argparse.Namespace) -> None:
    """The rules every command's arguments follow, whatever the command; Refused names the argument.

    - an integer fits SQLite's 64 bits;
    - text is valid UTF-8 (bytes that are not arrive as lone surrogates, which cannot be stored or printed);
    - an identifier is not empty or blank and holds no control characters;
    - a round is a number of months, 1 to 12 (the framework then says which rounds exist);
    - a file to write (--out) is a regular file or does not exist yet: never a device or a folder.
    """
    from ..domain.display_text import has_undecodable_bytes, has_unsafe_chars, shown

    for name, value in vars(args).items():
        if name.startswith("_") or callable(value):
            continue
        label = argument_label(name, args)
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, bool) or item is None:
                continue
            if isinstance(item, int) and not -SQLITE_MAX_INTEGER <= item <= SQLITE_MAX_INTEGER:
                raise Refused(f"{label}: ตัวเลขใหญ่เกินไป / the number is too large ({len(str(abs(item)))} digits)")
            if isinstance(item, str | PurePath):
                text = str(item)
                if has_undecodable_bytes(text):
                    raise Refused(f"{label}: มีไบต์ที่ไม่ใช่ข้อความ UTF-8 / not valid UTF-8 text: {shown(text)}")
                if "\x00" in text:  # no file name or text holds one; the operating system refuses it in a path
                    raise Refused(f"{label}: มีอักขระ NUL / contains a NUL character: {shown(text)}")
                if name in IDENTIFIER_ARGUMENTS and isinstance(item, str):
                    if not text.strip():
                        raise Refused(f"{label}: ต้องไม่เว้นว่าง / must not be empty")
                    if has_unsafe_chars(text.replace("\n", "\x00")):
                        raise Refused(f"{label}: มีอักขระควบคุม / contains control characters: {shown(text)}")
    _check_round(args)
    _check_output_paths(args)


def _check_round(args: argparse.Namespace) -> None:
    for name in ("round", "from_round"):
        value = getattr(args, name, None)
        if isinstance(value, int) and not isinstance(value, bool) and not 1 <= value <= 12:
            raise Refused(f"{argument_label(name, args)}: รอบการประเมินต้องเป็นจำนวนเดือน 1 ถึง 12 ได้ {value} / "
                          f"a round is a number of months from 1 to 12, got {value}")


def _check_output_paths(args: argparse.Namespace) -> None:
    """A file to be written must be a regular file or new: writing replaces it, and replacing /dev/null (or a
    folder) as root would break the system. `report --all` without --combined writes into a folder."""
    import stat

    for name, value in vars(args).items():
        if not (isinstance(value, PurePath) and (name == "out" or name.endswith("_out"))):
            continue
        label = argument_label(name, args)
        wants_folder = name == "out" and getattr(args, "all", False) and not getattr(args, "combined", False)
        try:
            mode = Path(value).stat().st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise Refused(f"{label}: ใช้ {value} ไม่ได้ / cannot use {value} ({exc.strerror or exc})") from None
        if wants_folder and not stat.S_ISDIR(mode):
            raise Refused(f"{label}: {value} ต้องเป็นโฟลเดอร์ / {value} must be a folder")
        if not wants_folder and not stat.S_ISREG(mode):
            th, en = ("เป็นโฟลเดอร์", "is a folder") if stat.S_ISDIR(mode) else ("ไม่ใช่ไฟล์ธรรมดา", "is not a regular file")
            raise Refused(f"{label}: {value} {th} ต้องเป็นไฟล์ใหม่หรือไฟล์ธรรมดา / {value} {en}; give a new file or "
                          f"a regular file")


def scoring_methods(agreement: Agreement) -> dict[str, str]:
    """Each scored indicator's method (interpolated or banded), by code; parents have none."""
    return {i.code: i.thresholds.method.value for i in agreement.leaves() if i.thresholds is not None}


def score_json(agreement_label: str, agreement_id: int, sheet: ScoreSheet,
               agreement: Agreement | None = None) -> dict[str, Any]:
    """The `score --json` document; scores and weighted scores as strings with exactly 4 decimals."""
    def four(value: Any) -> str | None:
        return None if value is None else format4(value)

    methods = scoring_methods(agreement) if agreement is not None else {}
    return {
        "agreement": agreement_label,
        "id": agreement_id,
        "round": sheet.round,
        "total": format4(sheet.total),
        "divisor": plain(sheet.counted_weight),  # weighted = score x weight / divisor (the counted weights' sum)
        "eligible": sheet.eligible,
        "complete": sheet.complete,
        "missing": list(sheet.missing),
        "dimensions": [
            {"name": d.name, "weight": plain(d.weight), "subtotal": format4(d.subtotal), "average": four(d.average)}
            for d in sheet.dimensions
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name,
                "weight": plain(i.weight),
                "counted": i.counted,
                "parent": i.is_parent,
                "result": None if i.result is None else plain(i.result),
                "score": four(i.score),
                "weighted": four(i.weighted),
                **({"method": methods[i.code]} if i.code in methods else {}),
                "computed": four(i.computed_score),
                "adjusted": four(i.score) if i.adjusted else None,
                "reason": i.adjust_reason,
                **({"adjust_reason": i.adjust_reason} if i.adjusted else {}),
            }
            for i in sheet.indicators
        ],
    }
