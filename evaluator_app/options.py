"""The options every run of `evaluator-app` takes, window or command, in one place (argparse only, no app imports).

The launcher parses these alone to open the window without loading the command line's modules.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import __version__


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"evaluator-app {__version__}")
    parser.add_argument("--db", type=Path, help="workspace file (default: the user data folder)")
    parser.add_argument("--demo", action="store_true", help="work on a fresh copy of the bundled demo workspace")
    parser.add_argument("--as", dest="actor", default=None,
                        help="who is acting, for the audit log (default: the login name)")
    parser.add_argument("--lang", choices=["th", "en"], help="interface language of the window")
