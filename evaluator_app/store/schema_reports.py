"""Schema step for sealed reports: frozen snapshots of what each printed paper shows, the issued state of an
agreement's round, the certificates report signatures are checked against, and triggers that keep the results of
an issued round unchanged. One upgrade step, appended to `schema.UPGRADES`."""

from __future__ import annotations

import sqlite3

# A rating's fields that a report prints (result, adjusted score and its reason, the comment); the private note and
# the bookkeeping columns (edit_version, updated_*) are not on paper, so changing them does not touch an issued round.
_SHOWN_SAME = ("r.result IS NEW.result AND r.adjusted_score IS NEW.adjusted_score "
               "AND r.adjust_reason IS NEW.adjust_reason AND r.comment IS NEW.comment")
_ISSUED_NEW = ("EXISTS (SELECT 1 FROM report_issues i WHERE i.agreement_id = NEW.agreement_id "
               "AND i.round = NEW.round AND i.issued = 1)")
_ISSUED_OLD = ("EXISTS (SELECT 1 FROM report_issues i WHERE i.agreement_id = OLD.agreement_id "
               "AND i.round = OLD.round AND i.issued = 1)")
_MESSAGE = ("the evaluation report of this agreement and round is issued: reopen it with a reason "
            "(reopen-report) before changing its results")
ISSUED_MESSAGE = _MESSAGE  # the triggers' refusal, for a writer that checks their condition itself (panel_merge)

_STATEMENTS = (
    # Append-only: a snapshot is the evidence a printed paper is checked against, so it is never rewritten. No
    # foreign key to agreements: the record of what was issued outlives an agreement deleted later.
    """CREATE TABLE report_snapshots (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('evaluation', 'agreement', 'summary')),
        scope TEXT NOT NULL,
        agreement_id INTEGER,
        fiscal_year INTEGER,
        round INTEGER,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        json TEXT NOT NULL,
        UNIQUE (kind, scope, revision)
    )""",
    "CREATE INDEX report_snapshots_by_hash ON report_snapshots (sha256)",
    """CREATE TRIGGER report_snapshots_no_update BEFORE UPDATE ON report_snapshots
        BEGIN SELECT RAISE(ABORT, 'report snapshots are append-only'); END""",
    """CREATE TRIGGER report_snapshots_no_delete BEFORE DELETE ON report_snapshots
        BEGIN SELECT RAISE(ABORT, 'report snapshots are append-only'); END""",
    # One row per agreement and round once a report was issued; reopening keeps the row with issued = 0.
    """CREATE TABLE report_issues (
        agreement_id INTEGER NOT NULL,
        round INTEGER NOT NULL,
        issued INTEGER NOT NULL CHECK (issued IN (0, 1)),
        snapshot_id INTEGER NOT NULL REFERENCES report_snapshots(id),
        revision INTEGER NOT NULL,
        reopen_count INTEGER NOT NULL DEFAULT 0,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        reason TEXT,
        PRIMARY KEY (agreement_id, round),
        CHECK (issued = 1 OR length(trim(coalesce(reason, ''))) > 0)
    )""",
    # Certificates whose signatures `verify` trusts: the app's own self-signed ones and any a chair signed with.
    """CREATE TABLE report_signers (
        fingerprint TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        certificate TEXT NOT NULL,
        private_key TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
    )""",
    # Belt and braces beside store/ratings.py's friendly refusal: whoever writes (an import, a merged package), the
    # printed fields of an issued round stay as issued. An upsert that changes only the private note is let through.
    f"""CREATE TRIGGER ratings_issued_no_insert BEFORE INSERT ON ratings
        WHEN {_ISSUED_NEW} AND NOT EXISTS (
            SELECT 1 FROM ratings r WHERE r.agreement_id = NEW.agreement_id AND r.code = NEW.code
            AND r.round = NEW.round AND r.evaluator = NEW.evaluator AND {_SHOWN_SAME})
        BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    f"""CREATE TRIGGER ratings_issued_no_update BEFORE UPDATE ON ratings
        WHEN ({_ISSUED_OLD} OR {_ISSUED_NEW}) AND NOT (
            NEW.agreement_id IS OLD.agreement_id AND NEW.code IS OLD.code AND NEW.round IS OLD.round
            AND NEW.evaluator IS OLD.evaluator AND NEW.result IS OLD.result
            AND NEW.adjusted_score IS OLD.adjusted_score AND NEW.adjust_reason IS OLD.adjust_reason
            AND NEW.comment IS OLD.comment)
        BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    # Deleting a whole agreement stays possible (its cascade arrives after the agreement row is gone).
    f"""CREATE TRIGGER ratings_issued_no_delete BEFORE DELETE ON ratings
        WHEN {_ISSUED_OLD} AND EXISTS (SELECT 1 FROM agreements WHERE id = OLD.agreement_id)
        BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
)

# The panel's consensus values are printed as committee figures too; the table exists when the panel step ran.
_CONSENSUS_STATEMENTS = (
    f"""CREATE TRIGGER panel_consensus_issued_no_insert BEFORE INSERT ON panel_consensus
        WHEN {_ISSUED_NEW} BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    f"""CREATE TRIGGER panel_consensus_issued_no_update BEFORE UPDATE ON panel_consensus
        WHEN {_ISSUED_OLD} OR {_ISSUED_NEW} BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
)


def upgrade_reports(conn: sqlite3.Connection) -> None:
    """Report snapshots (append-only), issued rounds, trusted signing certificates, and the triggers that keep an
    issued round's printed results unchanged until it is reopened."""
    for statement in _STATEMENTS:
        conn.execute(statement)
    has_consensus = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'panel_consensus'").fetchone()
    if has_consensus:
        for statement in _CONSENSUS_STATEMENTS:
            conn.execute(statement)


# Issue 12: the committee's confirmations of the agency's results, and report numbers that outlive a restore.
_ACCEPTANCE_STATEMENTS = (
    # "Accepted as reported": the committee confirms the agency's result as its own figure. The accepted value is
    # kept, so a result the agency changes afterwards is not silently confirmed too.
    """CREATE TABLE committee_acceptances (
        agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        code TEXT NOT NULL,
        result TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        accepted_by TEXT NOT NULL,
        PRIMARY KEY (agreement_id, round, code)
    )""",
    f"""CREATE TRIGGER committee_acceptances_issued_no_insert BEFORE INSERT ON committee_acceptances
        WHEN {_ISSUED_NEW} BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    f"""CREATE TRIGGER committee_acceptances_issued_no_update BEFORE UPDATE ON committee_acceptances
        WHEN {_ISSUED_OLD} OR {_ISSUED_NEW} BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    f"""CREATE TRIGGER committee_acceptances_issued_no_delete BEFORE DELETE ON committee_acceptances
        WHEN {_ISSUED_OLD} AND EXISTS (SELECT 1 FROM agreements WHERE id = OLD.agreement_id)
        BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    # One number per paper (an evaluation report: per agreement and round) for life; revisions share it. The
    # ledger beside the workspace (store/report_numbers.py) is the authority a restore cannot move back; this
    # table lets a workspace moved without its ledger still know its own numbers.
    """CREATE TABLE report_numbers (
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (kind, scope)
    )""",
    # The number a revision printed; NULL for snapshots made before this step, whose number was their id.
    "ALTER TABLE report_snapshots ADD COLUMN number INTEGER",
)


def upgrade_committee_and_numbers(conn: sqlite3.Connection) -> None:
    """The committee's acceptances of reported results (locked with the issued round) and report numbers."""
    for statement in _ACCEPTANCE_STATEMENTS:
        conn.execute(statement)
