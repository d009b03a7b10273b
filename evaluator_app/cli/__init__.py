"""The command line: the same operations as the window, for batch work and scripts.

Each module of this package registers one group of commands. Exit codes: 0 done, 2 refused (bad input or a file
that cannot be used; nothing was written), 3 the audit log does not verify, 70 an unexpected error (logged, see
evaluator_app/unexpected.py), 74 the printed output could not be written and nothing was changed, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from ..domain.problems import ProblemsError
from ..options import add_global_options
from ..store.agreements import AgreementNotFound
from ..store.preferences import apply_time_zone
from ..store.ratings import EditConflict
from ..store.workspace import Workspace, WorkspaceError
from ..unexpected import note_saved
from . import agreements, committee, negotiation, panel, parties, reports, safety
from .common import EXIT_REFUSED, Refused, WorkspaceMode, check_arguments, workspace_path

Handler = Callable[[Workspace, argparse.Namespace], int]

# One line per command group; each module has register(commands) -> {name: handler} and WORKSPACE_MODES, the
# commands that do not open the workspace for writing.
COMMAND_GROUPS = (agreements, safety, negotiation, panel, parties, committee, reports)
WORKSPACE_MODES: dict[str, WorkspaceMode] = {
    name: mode for group in COMMAND_GROUPS for name, mode in group.WORKSPACE_MODES.items()}
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
    for name, handler in handlers.items():
        if hasattr(handler, "workspace_mode"):  # the old way: it would be silently opened for writing
            raise TypeError(f"{name}: declare its workspace mode in its module's WORKSPACE_MODES")
    return parser, handlers




def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "agreements"
    return run(args, handlers)


def run(args: argparse.Namespace, handlers: dict[str, Handler] | None = None) -> int:
    """Run one parsed command; print refusals plainly (exit 2) and return the exit code.

    A command that creates the workspace (a first `import` or `import-package`) and does not succeed leaves no
    file behind: the workspace it created, still empty, is removed with the files made beside it."""
    fresh: list[_Fresh] = []
    code: int | None = None
    try:
        code = _run(args, handlers, fresh)
        return code
    finally:
        if fresh and code != 0:
            fresh[0].discard_if_empty()


class _Fresh:
    """A workspace about to be created: what was beside it, and the first of its folders that did not exist."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before = self.names_beside()
        self.missing_folder: Path | None = None
        for folder in (path.parent, *path.parent.parents):
            if os.path.lexists(folder):
                break
            self.missing_folder = folder

    def names_beside(self) -> set[str]:
        try:
            return {entry.name for entry in os.scandir(self.path.parent) if entry.name.startswith(self.path.name)}
        except OSError:
            return set()

    def discard_if_empty(self) -> None:
        """Remove the workspace this command created when nothing was written to it (its audit log is empty),
        with the lock and journal files and the folders it made; never a file that was there before, nor one that
        holds any entry."""
        if os.path.lexists(self.path):
            try:
                with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
                    if conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]:
                        return
            except (sqlite3.Error, OSError, ValueError):
                return  # not readable as a workspace: leave it for a person to look at
        for name in sorted(self.names_beside() - self.before):
            made = self.path.parent / name
            try:
                if made.is_dir() and not made.is_symlink():
                    shutil.rmtree(made)
                else:
                    made.unlink()
            except OSError:
                pass
        folder = self.path.parent
        while self.missing_folder is not None and self.missing_folder in (folder, *folder.parents):
            try:
                folder.rmdir()  # only an empty folder: anything else put there stays
            except OSError:
                break
            if folder == self.missing_folder:
                break
            folder = folder.parent


def _run(args: argparse.Namespace, handlers: dict[str, Handler] | None, fresh: list[_Fresh]) -> int:
    if handlers is None:
        handlers = build_parser()[1]
    path: Path | None = None
    try:
        check_arguments(args)
        # A mistyped --db must not quietly create an empty workspace: only commands that bring data in create one.
        create = args.db is None or args.command in CREATING_COMMANDS
        handler = handlers[args.command]
        # "path": the command works on the file itself (restore a damaged one); "read": it never writes.
        mode = WORKSPACE_MODES.get(args.command, "write")
        path = workspace_path(args)
        if mode == "path":
            return handler(path, args)  # type: ignore[arg-type]
        if create and mode == "write" and not os.path.lexists(path):
            fresh.append(_Fresh(path))
        with Workspace.open(path, create=create, read_only=mode == "read") as workspace:
            workspace.on_commit(note_saved)
            apply_time_zone(workspace)  # papers and listings print on the workspace's clock
            return handler(workspace, args)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"ไม่มีการบันทึกข้อมูลใดๆ / nothing was written ({len(exc.problems)} problem(s))", file=sys.stderr)
        return EXIT_REFUSED
    except (Refused, WorkspaceError, AgreementNotFound, EditConflict) as exc:
        print(exc.args[0] if exc.args else exc, file=sys.stderr)
        return EXIT_REFUSED
    except OverflowError:  # an integer SQLite cannot hold, e.g. in an id; the transaction was rolled back
        print("ตัวเลขใหญ่เกินกว่าที่จัดเก็บได้ ไม่มีการบันทึกข้อมูลใดๆ / a number is too large to store; nothing was "
              "written", file=sys.stderr)
        return EXIT_REFUSED
    except UnicodeDecodeError as exc:  # stored text that is not UTF-8: the file was changed outside the app
        print(safety.damaged_file_message(path, exc), file=sys.stderr)
        return EXIT_REFUSED
    except UnicodeEncodeError:  # text holding bytes that were not UTF-8; the transaction was rolled back
        print("มีข้อความที่ไม่ใช่ UTF-8 ไม่มีการบันทึกข้อมูลใดๆ / some text is not valid UTF-8; nothing was written",
              file=sys.stderr)
        return EXIT_REFUSED
    except (sqlite3.OperationalError, OSError) as exc:  # a full disk, a read-only file: the change was rolled back
        if "could not decode" in str(exc).lower():  # stored text that is not UTF-8: changed outside the app
            print(safety.damaged_file_message(path, exc), file=sys.stderr)
        else:
            print(safety.storage_error_message(exc), file=sys.stderr)
        return EXIT_REFUSED
    except sqlite3.DatabaseError as exc:  # a damaged page met while reading (the file is open read-only)
        print(safety.damaged_file_message(path, exc), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        if path is not None and getattr(args, "demo", False):
            from ..exchange.demo_folders import remove_demo_copy

            remove_demo_copy(path)  # a --demo run leaves nothing behind in the temp folder
