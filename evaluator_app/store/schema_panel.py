"""The panel's tables: members and keys, conflicts of interest, submission and result states, consensus values
and the packages already merged. One upgrade step, appended to `schema.UPGRADES`."""

from __future__ import annotations

import sqlite3

from .sqlite import run_script


def upgrade_panel(conn: sqlite3.Connection) -> None:
    """Panel, members, conflicts, submissions, finalised results, consensus values, imported packages.

    States are rows, and every change of them is also in the audit log; `reopen_count` numbers the chair's
    reopenings so an offline package submitted before a reopen can be told from one submitted after it without
    trusting two laptops' clocks.
    """
    run_script(
        conn,
        """
        CREATE TABLE panel (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            rule TEXT NOT NULL CHECK (rule IN ('mean', 'median', 'consensus')),
            declaration TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE panel_members (
            id TEXT PRIMARY KEY,
            panel_id TEXT NOT NULL REFERENCES panel(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'secretary', 'assistant-secretary')),
            ord INTEGER NOT NULL DEFAULT 0,
            public_key TEXT,
            added_at TEXT NOT NULL
        );
        CREATE TABLE panel_conflicts (
            member_id TEXT NOT NULL REFERENCES panel_members(id) ON DELETE CASCADE,
            agency TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('former-employee', 'relative', 'financial-interest', 'other')),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            PRIMARY KEY (member_id, agency)
        );
        CREATE TABLE panel_submissions (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            evaluator TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
            reopen_count INTEGER NOT NULL DEFAULT 0,
            declaration TEXT,
            submitted_at TEXT,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (agreement_id, round, evaluator),
            CHECK (state = 'draft' OR (declaration IS NOT NULL AND submitted_at IS NOT NULL))
        );
        CREATE TABLE panel_results (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            finalised INTEGER NOT NULL,
            rule TEXT NOT NULL,
            reopen_count INTEGER NOT NULL DEFAULT 0,
            snapshot TEXT,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (agreement_id, round)
        );
        CREATE TABLE panel_consensus (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            round INTEGER NOT NULL,
            score TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            entered_by TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            PRIMARY KEY (agreement_id, code, round)
        );
        CREATE TABLE panel_packages (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            member_id TEXT,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        """
    )


# Settings of the panel's trust, kept in the settings table (one panel per workspace).
MEMBER_COPY_SETTING = "panel.installed_from_package"  # a member's laptop: its panel came from a package
MASTER_SETTING = "panel.master_of"  # the panel id this workspace is the master of (it made the panel packages)


def upgrade_panel_trust(conn: sqlite3.Connection) -> None:
    """Signed panel packages and edit conflicts (issue 13).

    - `package_sent_revisions`: on a member's laptop, each rating revision already sent in a package, so the next
      package can say which revisions its edits were based on (the master compares its own history with them).
    - `rating_conflicts`: on the master, each edit conflict a package brought, both values and authors, until the
      secretary keeps hers or takes the member's.
    - A master that the old app flagged as a member copy (it opened its own panel package) is put right: only a
      master ever merged evaluator packages.
    """
    run_script(
        conn,
        """
        CREATE TABLE package_sent_revisions (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            round INTEGER NOT NULL,
            evaluator TEXT NOT NULL,
            revision TEXT NOT NULL,
            seq INTEGER NOT NULL,
            value_json TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (agreement_id, code, round, evaluator, revision)
        );
        CREATE TABLE rating_conflicts (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            round INTEGER NOT NULL,
            evaluator TEXT NOT NULL,
            package_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'older', 'locked', 'stale')),
            stored_json TEXT,
            stored_revision TEXT,
            stored_author TEXT,
            incoming_json TEXT NOT NULL,
            incoming_revision TEXT NOT NULL,
            incoming_author TEXT NOT NULL,
            reason_th TEXT NOT NULL,
            reason_en TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'taken')),
            found_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT
        );
        CREATE INDEX rating_conflicts_by_rating ON rating_conflicts (agreement_id, code, round, evaluator, status);
        """
    )
    merged = conn.execute("SELECT 1 FROM panel_packages WHERE kind = 'evaluator' LIMIT 1").fetchone()
    panel = conn.execute("SELECT id FROM panel LIMIT 1").fetchone()
    if merged is not None and panel is not None:
        conn.execute("DELETE FROM settings WHERE key = ?", (MEMBER_COPY_SETTING,))
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                     (MASTER_SETTING, panel[0]))
