"""The `evaluator-app` entry point: a command runs headless; no command opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import build_parser, run
    from .cli.common import workspace_path

    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None:
        return run(args, handlers)
    try:
        from .ui.app import run as run_window
    except ImportError as exc:  # a headless install without Qt still has every command
        print(f"the window is not available ({exc}); use a command, e.g. `evaluator-app agreements`",
              file=sys.stderr)
        return 1
    return run_window(args.db if not args.demo else workspace_path(args), demo=args.demo, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
