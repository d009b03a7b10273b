"""The `evaluator-app` entry point: a command runs headless; no command opens the window.

`evaluator-app FILE` (what a file manager runs when a person double-clicks a file) opens the window too:
- an existing `.sqlite` workspace is opened, as with `--db FILE`;
- an existing panel package (`.evpanel`) or evaluator package (`.evpack`) opens the window on the workspace
  (`--db`, or the default one) and starts importing the package, which shows what it would do.
Only a single positional argument that is an existing file with one of those suffixes takes this path; every
`evaluator-app COMMAND ...` is parsed exactly as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

WORKSPACE_SUFFIXES = (".sqlite",)
_VALUE_OPTIONS = ("--db", "--as", "--lang")  # top-level options that take the next argument as their value


class FileKind(StrEnum):
    WORKSPACE = "workspace"
    PACKAGE = "package"


@dataclass(frozen=True)
class FileLaunch:
    """`evaluator-app FILE`: which file, what it is, and the other (option) arguments to parse as usual."""

    kind: FileKind
    path: Path
    options: tuple[str, ...]


def package_suffixes() -> tuple[str, ...]:
    """The extensions packaging/ registers with the desktop (evaluator-app-mime.xml, the .spec, the Inno script),
    which the window's export dialogs also default to. The kind inside is read from the manifest, never the name."""
    from .exchange.package_format import EXTENSIONS  # only when a file was named: not on every start

    return tuple(EXTENSIONS.values())


def file_kind(path: Path) -> FileKind | None:
    suffix = path.suffix.lower()
    if suffix in WORKSPACE_SUFFIXES:
        return FileKind.WORKSPACE
    if suffix in package_suffixes():
        return FileKind.PACKAGE
    return None


def split_arguments(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(positional arguments, options with their values), the way the top-level parser would see them."""
    positionals: list[str] = []
    options: list[str] = []
    takes_value = False
    only_positionals = False
    for token in argv:
        if takes_value:
            options.append(token)
            takes_value = False
        elif only_positionals or token == "-" or not token.startswith("-"):
            positionals.append(token)
        elif token == "--":
            only_positionals = True
        elif token.startswith("-psn_"):
            continue  # the process serial number old macOS Finder adds when it starts an app
        else:
            options.append(token)
            takes_value = token in _VALUE_OPTIONS
    return positionals, options


def file_launch(argv: Sequence[str], is_file: Callable[[Path], bool] = Path.is_file) -> FileLaunch | None:
    """The file to open when `argv` is options plus exactly one positional that is an existing workspace or
    package file; None when the arguments are a command (or anything else) for argparse. Pure but for
    `is_file`, which tests replace."""
    positionals, options = split_arguments(argv)
    if len(positionals) != 1:
        return None
    path = Path(positionals[0])
    kind = file_kind(path)
    if kind is None or not is_file(path):
        return None
    return FileLaunch(kind, path, tuple(options))


def opens_window(argv: Sequence[str]) -> bool:
    """Whether these arguments open the window: no command, and no request for help or the version."""
    positionals, options = split_arguments(argv)
    asks = {"-h", "--help", "--version"}
    return not positionals and not asks.intersection(options)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command or open the window; whatever happens, no Python traceback reaches the person."""
    from .unexpected import EXIT_INTERRUPTED, report_unexpected, reserve_standard_descriptors, saved_anything, say

    reserve_standard_descriptors()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(arguments)
    except SystemExit:
        raise  # argparse's own exit (a usage error is 2, --help is 0) after printing its message
    except KeyboardInterrupt:
        say("ยกเลิกแล้ว การเปลี่ยนแปลงที่ยังไม่เสร็จไม่ได้บันทึก / interrupted; a change still in progress was not saved")
        return EXIT_INTERRUPTED
    except BaseException as exc:  # the last line of defence: a short message, a log file, exit 70
        return report_unexpected(exc, arguments, saved_anything())


def _main(arguments: list[str]) -> int:
    launch = file_launch(arguments)
    if launch is None and not opens_window(arguments):
        return _run_command(arguments)
    import argparse

    from .options import add_global_options

    parser = argparse.ArgumentParser(prog="evaluator-app")
    add_global_options(parser)
    args = parser.parse_args(arguments if launch is None else list(launch.options))
    try:
        from .ui.shell.app import run as run_window
    except ImportError as exc:  # a headless install without Qt still has every command
        print(f"the window is not available ({exc}); use a command, e.g. `evaluator-app agreements`",
              file=sys.stderr)
        return 1
    if launch is not None and launch.kind is FileKind.WORKSPACE:
        return run_window(launch.path, demo=False, language=args.lang)
    db = args.db
    if args.demo:
        from .exchange.demo import demo_workspace_copy

        db = demo_workspace_copy()
    return run_window(db, demo=args.demo, language=args.lang, package=launch.path if launch else None)


def _run_command(arguments: list[str]) -> int:
    """A command, with its printed output guarded: output that cannot be written (a closed pipe, a full disk) is
    said on stderr and never makes a saved change look unsaved."""
    from .unexpected import EXIT_OUTPUT_LOST, GuardedOutput, saved_anything, say

    original = sys.stdout, sys.stderr
    out = sys.stdout = GuardedOutput(sys.stdout)  # type: ignore[assignment]
    sys.stderr = GuardedOutput(sys.stderr)  # type: ignore[assignment]
    try:
        # Only now load the command line (every command group and its parser).
        from .cli import build_parser, run

        parser, handlers = build_parser()
        code = run(parser.parse_args(arguments), handlers)
    finally:
        out.flush()
        sys.stdout, sys.stderr = original  # a lost stream now writes to the null device (GuardedOutput._lose)
    if out.lost is None:
        return code
    if saved_anything():
        say(f"บันทึกการเปลี่ยนแปลงแล้ว แต่แสดงผลไม่ได้ ({out.lost}) / the change was saved, but the command's output "
            f"could not be written ({out.lost})")
        return code
    say(f"แสดงผลไม่ได้ ({out.lost}) ไม่มีการเปลี่ยนแปลงข้อมูล / the command's output could not be written "
        f"({out.lost}); nothing was changed")
    return code if code != 0 else EXIT_OUTPUT_LOST


if __name__ == "__main__":
    sys.exit(main())
