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
