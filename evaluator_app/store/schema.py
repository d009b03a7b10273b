"""The workspace schema as numbered upgrade steps keyed on PRAGMA user_version (Calibre's way)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .schema_audit import upgrade_committed_changes
from .schema_import import upgrade_import_policy
from .schema_panel import upgrade_panel, upgrade_panel_trust
from .schema_parties import upgrade_parties
from .schema_reports import upgrade_committee_and_numbers, upgrade_reports
from .schema_versions import upgrade_negotiation_versions
from .sqlite import run_script


def upgrade_version_1(conn: sqlite3.Connection) -> None:
    """Agreements with versions, indicators, ratings, evidence, settings and the hash-chained audit log.

    Every decimal (weights, thresholds, results, scores) is TEXT so it round-trips exactly.
    """
    run_script(
        conn,
        """
        CREATE TABLE frameworks (
            id TEXT PRIMARY KEY,
            definition TEXT NOT NULL
        );
        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            agency TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL,
            framework_id TEXT NOT NULL REFERENCES frameworks(id),
            title TEXT,
            source TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (agency, fiscal_year)
        );
        CREATE TABLE agreement_versions (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            status TEXT NOT NULL,
            author TEXT NOT NULL,
            reason TEXT,
            created_at TEXT NOT NULL,
            locked INTEGER NOT NULL DEFAULT 0,
            UNIQUE (agreement_id, number)
        );
        CREATE TABLE parties (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            side TEXT NOT NULL CHECK (side IN ('recipient', 'giver')),
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            ord INTEGER NOT NULL
        );
        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            dimension TEXT,
            unit TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('numeric', 'milestone')),
            weight TEXT NOT NULL,
            thresholds TEXT,
            target TEXT,
            baseline TEXT,
            description TEXT,
            formula TEXT,
            conditions TEXT,
            data_source TEXT,
            supervisor TEXT,
            collector TEXT,
            start_round INTEGER,
            cancel_round INTEGER,
            round_weights TEXT NOT NULL DEFAULT '{}',
            level_descriptions TEXT NOT NULL DEFAULT '[]',
            UNIQUE (version_id, code)
        );
        CREATE TABLE ratings (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            round INTEGER NOT NULL,
            evaluator TEXT NOT NULL,
            version_id INTEGER NOT NULL REFERENCES agreement_versions(id),
            result TEXT,
            adjusted_score TEXT,
            adjust_reason TEXT,
            comment TEXT,
            note TEXT,
            edit_version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            UNIQUE (agreement_id, code, round, evaluator),
            CHECK (adjusted_score IS NULL OR length(trim(coalesce(adjust_reason, ''))) > 0)
        );
        CREATE INDEX ratings_by_agreement ON ratings (agreement_id, round, evaluator);
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            evaluator TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_key TEXT NOT NULL,
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        -- The log is append-only: a rewrite of history must be a deliberate act outside the app.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
    )


def upgrade_audit_lookup(conn: sqlite3.Connection) -> None:
    """The history of one cell is read on every selection: without an index that is a scan of the whole log."""
    conn.execute("CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_key, id)")


def upgrade_confirmed_warnings(conn: sqlite3.Connection) -> None:
    """A result kept despite a warning of the checks while typing keeps the warning the person confirmed."""
    conn.execute("ALTER TABLE ratings ADD COLUMN confirmed_warning TEXT")


# Append new steps; never edit a released one. Index i upgrades user_version i to i + 1.
UPGRADES: tuple[Callable[[sqlite3.Connection], None], ...] = (
    upgrade_version_1,
    upgrade_negotiation_versions,  # issue 5: negotiated versions (store/schema_versions.py)
    upgrade_panel,  # issue 4: panel, conflicts, submissions, consensus, packages (store/schema_panel.py)
    upgrade_reports,  # issue 6: report snapshots, issued rounds, signers (store/schema_reports.py)
    upgrade_audit_lookup,
    upgrade_import_policy,  # issue 11: import warnings, scoring method and bands (store/schema_import.py)
    upgrade_panel_trust,  # issue 13: sent revisions and edit conflicts of packages (store/schema_panel.py)
    upgrade_committee_and_numbers,  # issue 12: committee acceptances, report numbers (store/schema_reports.py)
    upgrade_parties,  # issue 12: parties edited after import (store/schema_parties.py)
    upgrade_confirmed_warnings,  # issue 14: the warning a typed result was kept despite
    upgrade_committed_changes,  # issue 16: a merge's changes under one entry's Merkle root (store/schema_audit.py)
)
SCHEMA_VERSION = len(UPGRADES)
