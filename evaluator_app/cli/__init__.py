"""The command line: the same operations as the window, for batch work and scripts.

Each module of this package registers one group of commands. Exit codes: 0 done, 2 refused (bad input or a file
that cannot be used; nothing was written), 1 unexpected.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from ..domain.problems import ProblemsError
from ..options import add_global_options
from ..store.agreements import AgreementNotFound
from ..store.ratings import EditConflict
from ..store.workspace import Workspace, WorkspaceError
from . import agreements, negotiation, panel, parties, reports, safety
from .common import EXIT_REFUSED, Refused, workspace_path

Handler = Callable[[Workspace, argparse.Namespace], int]

# One line per command group; each module has register(commands) -> {name: handler}.
COMMAND_GROUPS = (agreements, safety, negotiation, panel, parties, reports)
CREATING_COMMANDS = {"import", "import-package"}  # a member opens a panel package in a new workspace


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="evaluator-app",
        description="Performance-agreement evaluation for Thai independent evaluation committees. "
        "Without a command, opens the window.",
    )
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}
    for group in COMMAND_GROUPS:
        handlers.update(group.register(commands))
    return parser, handlers




def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "agreements"
    return run(args, handlers)


def run(args: argparse.Namespace, handlers: dict[str, Handler] | None = None) -> int:
    """Run one parsed command; print refusals plainly (exit 2) and return the exit code."""
    if handlers is None:
        handlers = build_parser()[1]
    try:
        # A mistyped --db must not quietly create an empty workspace: only commands that bring data in create one.
        create = args.db is None or args.command in CREATING_COMMANDS
        handler = handlers[args.command]
        # "path": the command works on the file itself (restore a damaged one); "read": it never writes.
        mode = getattr(handler, "workspace_mode", "write")
        if mode == "path":
            return handler(workspace_path(args), args)  # type: ignore[arg-type]
        with Workspace.open(workspace_path(args), create=create, read_only=mode == "read") as workspace:
            return handler(workspace, args)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"ไม่มีการบันทึกข้อมูลใดๆ / nothing was written ({len(exc.problems)} problem(s))", file=sys.stderr)
        return EXIT_REFUSED
    except (Refused, WorkspaceError, AgreementNotFound, EditConflict) as exc:
        print(exc.args[0] if exc.args else exc, file=sys.stderr)
        return EXIT_REFUSED
    except (sqlite3.OperationalError, OSError) as exc:  # a full disk, a read-only file: the change was rolled back
        print(safety.storage_error_message(exc), file=sys.stderr)
        return EXIT_REFUSED
