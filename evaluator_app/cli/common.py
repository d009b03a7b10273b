"""What every command shares: refusals, the acting person, and the workspace being worked on."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from ..paths import default_workspace_path

EXIT_REFUSED = 2


class Refused(Exception):
    """An operation the person can fix: printed without a traceback, exit code 2."""


def workspace_path(args: argparse.Namespace) -> Path:
    if args.demo:
        from ..exchange.demo import demo_workspace_copy

        return demo_workspace_copy()
    return args.db or default_workspace_path()


def actor(args: argparse.Namespace) -> str:
    """Who is acting, for the audit log."""
    if getattr(args, "actor", None):
        return str(args.actor)
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"
