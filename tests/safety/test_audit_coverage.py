"""Every change to the record is in the hash-chained log: each store operation that changes any table (other than
settings) adds an audit entry, the chain verifies after it, and verify-log finds nothing unexplained.

To cover a new operation (report state once reports are issued from the store), add it to OPERATIONS.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaluator_app.domain.rating import Rating
from evaluator_app.store.agreements import add_agreement, load_agreement
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.backups import back_up_now
from evaluator_app.store.frameworks import get_framework, save_framework
from evaluator_app.store.ratings import record_rating, record_ratings
from evaluator_app.store.restore import restore_backup
from evaluator_app.store.verification import verify_log
from evaluator_app.store.workspace import Workspace
from tests.conftest import example_agreement
from tests.safety.helpers import write_agreements_xlsx

# Not part of the record: UI preferences, and the bookkeeping of a rating saved again unchanged.
UNAUDITED_TABLES = {"settings", "audit_log", "sqlite_sequence"}
BOOKKEEPING_COLUMNS = {"ratings": {"updated_at", "updated_by", "edit_version", "version_id"}}


def record_state(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    state = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        if table in UNAUDITED_TABLES:
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if r[1] not in BOOKKEEPING_COLUMNS.get(table, set())]
        state[table] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    return state


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))


Operation = Callable[[Workspace, Path], None]


def op_add_agreement(ws: Workspace, folder: Path) -> None:
    add_agreement(ws, example_agreement("กรมเพิ่ม"), actor="secretary")


def op_new_rating(ws: Workspace, folder: Path) -> None:
    record_rating(ws, 1, Rating("2", 12, "m1", result=D(15)), actor="m1", note="ส่วนตัว")


def op_changed_rating(ws: Workspace, folder: Path) -> None:
    record_rating(ws, 1, Rating("1", 12, result=D(95), comment="ปรับ"), actor="secretary")


def op_adjusted_score(ws: Workspace, folder: Path) -> None:
    record_rating(ws, 1, Rating("1", 12, result=D(92), adjusted_score=D(4), adjust_reason="มติที่ประชุม"),
                  actor="chair")


def op_private_note_only(ws: Workspace, folder: Path) -> None:
    record_rating(ws, 1, Rating("1", 12, result=D(92)), actor="secretary", note="บันทึกส่วนตัวใหม่")


def op_batch_of_ratings(ws: Workspace, folder: Path) -> None:
    record_ratings(ws, 1, [(Rating(c, 12, "m2", result=D(r)), None, None) for c, r in [("1", 90), ("4", 80)]],
                   actor="m2")


def op_import_new(ws: Workspace, folder: Path) -> None:
    from evaluator_app.exchange.importing import import_agreement_files

    book = write_agreements_xlsx(folder / "new.xlsx", ["กรมนำเข้า"], 2569, 5)
    import_agreement_files(ws, [book], actor="secretary")


def op_import_results_update(ws: Workspace, folder: Path) -> None:
    from evaluator_app.exchange.importing import import_agreement_files

    book = write_agreements_xlsx(folder / "again.xlsx", ["กรมนำเข้า"], 2569, 5)
    import_agreement_files(ws, [book], actor="secretary")
    import openpyxl

    wb = openpyxl.load_workbook(book)
    for row in wb.active.iter_rows(min_row=2):
        row[12].value = 99
    wb.save(book)
    import_agreement_files(ws, [book], actor="secretary")


def op_configure_framework(ws: Workspace, folder: Path) -> None:
    framework = get_framework(ws, "five-level-2560-onward")
    changed = dataclasses.replace(framework, floor=D(0)) if hasattr(framework, "floor") else framework
    save_framework(ws, changed, actor="secretary")


def op_negotiate_versions(ws: Workspace, folder: Path) -> None:
    versions = pytest.importorskip("evaluator_app.store.versions")
    negotiation = pytest.importorskip("evaluator_app.domain.negotiation")
    indicators = load_agreement(ws, 1).agreement.indicators
    draft = versions.save_version(ws, 1, indicators, status=negotiation.VersionStatus.DRAFT, author="committee",
                                  actor="secretary")
    versions.update_draft(ws, 1, draft.number, indicators[:3], actor="secretary", reason="ลดตัวชี้วัด")
    versions.update_draft(ws, 1, draft.number, indicators, actor="secretary")
    versions.agree_version(ws, 1, draft.number, actor="chair", minute="มติที่ประชุม")


def op_evidence(ws: Workspace, folder: Path) -> None:
    evidence = pytest.importorskip("evaluator_app.store.evidence")
    source = folder / "หลักฐาน.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    item = evidence.add_evidence(ws, 1, "1", "m1", source, actor="m1")
    evidence.remove_evidence(ws, item.id, actor="m1")


def op_panel_membership(ws: Workspace, folder: Path) -> None:
    panel_store = pytest.importorskip("evaluator_app.store.panel")
    panel = pytest.importorskip("evaluator_app.domain.panel")
    panel_store.create_panel(ws, actor="secretary")
    panel_store.save_member(ws, panel.PanelMember("c1", "ประธาน", panel.Role.CHAIR), actor="secretary")
    panel_store.save_member(ws, panel.PanelMember("m1", "กรรมการหนึ่ง", panel.Role.MEMBER), actor="secretary")
    panel_store.save_member(ws, panel.PanelMember("m1", "กรรมการหนึ่ง", panel.Role.MEMBER, position="อาจารย์"),
                            actor="secretary")
    panel_store.declare_conflict(ws, panel.ConflictOfInterest("m1", "กรมตัวอย่าง", panel.ConflictType.OTHER,
                                                              "เคยเป็นที่ปรึกษา"), actor="secretary")
    panel_store.withdraw_conflict(ws, "m1", "กรมตัวอย่าง", actor="secretary", reason="บันทึกผิด")
    panel_store.set_declaration(ws, "ข้าพเจ้าขอรับรองความเป็นอิสระ", actor="secretary")
    panel_store.remove_member(ws, "m1", actor="secretary", reason="ลาออก")


def op_panel_result_state(ws: Workspace, folder: Path) -> None:
    panel_store = pytest.importorskip("evaluator_app.store.panel")
    results = pytest.importorskip("evaluator_app.store.panel_results")
    panel = pytest.importorskip("evaluator_app.domain.panel")
    panel_store.create_panel(ws, actor="secretary")
    panel_store.save_member(ws, panel.PanelMember("c1", "ประธาน", panel.Role.CHAIR), actor="secretary")
    record_ratings(ws, 1, [(Rating(c, 12, "c1", result=D(r)), None, None)
                           for c, r in [("1", 92), ("2", 15), ("3", 5), ("4", 80)]], actor="c1")
    results.submit(ws, 1, "c1", declaration_accepted=True, actor="c1")
    panel_store.reopen_submission(ws, 1, "c1", by="c1", reason="แก้ไข")
    results.submit(ws, 1, "c1", declaration_accepted=True, actor="c1")
    results.finalise(ws, 1, by="c1")
    results.reopen_result(ws, 1, by="c1", reason="ทบทวน")


def op_restore(ws: Workspace, folder: Path) -> None:
    made = back_up_now(ws)
    record_rating(ws, 1, Rating("3", 12, result=D(4)), actor="secretary")
    ws.close()  # the window closes, restores, reopens
    restore_backup(ws.path, made, actor="secretary")


def op_edit_parties(ws: Workspace, folder: Path) -> None:
    from tests.parties_data import PARTIES

    parties = pytest.importorskip("evaluator_app.store.parties")
    parties.set_parties(ws, 1, PARTIES, actor="secretary")
    parties.set_parties(ws, 1, PARTIES[:1], actor="secretary")


OPERATIONS: dict[str, Operation] = {
    "add agreement": op_add_agreement,
    "new rating with a private note": op_new_rating,
    "changed rating": op_changed_rating,
    "adjusted score": op_adjusted_score,
    "private note only": op_private_note_only,
    "batch of ratings": op_batch_of_ratings,
    "import new agreement": op_import_new,
    "import updated results": op_import_results_update,
    "configure framework": op_configure_framework,
    "negotiated versions": op_negotiate_versions,
    "evidence attached and detached": op_evidence,
    "panel membership and conflicts": op_panel_membership,
    "submissions and the panel result": op_panel_result_state,
    "restore a backup": op_restore,
    "parties of an agreement": op_edit_parties,
}


class CommitWatcher:
    """After every committed transaction: if the record changed, the log must have grown in that transaction."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.state = record_state(ws.conn)
        self.count = len(audit_entries(ws.conn))
        self.commits = 0
        self.unaudited: list[list[str]] = []
        ws.on_commit(self.check)

    def check(self) -> None:
        state, count = record_state(self.ws.conn), len(audit_entries(self.ws.conn))
        self.commits += 1
        changed = changed_tables(self.state, state)
        if changed and count == self.count:
            self.unaudited.append(changed)
        self.state, self.count = state, count


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_change_is_audited(tmp_path, name):
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        stored = add_agreement(ws, example_agreement(), actor="secretary")
        record_rating(ws, stored.id, Rating("1", 12, result=D(92)), actor="secretary")
    ws = Workspace.open(path, auto_backup=False)
    try:
        before = record_state(ws.conn)
        entries_before = len(audit_entries(ws.conn))
        watcher = CommitWatcher(ws)
        OPERATIONS[name](ws, tmp_path)
    finally:
        ws.close()
    assert watcher.unaudited == [], f"{name}: transactions changed {watcher.unaudited} without an audit entry"
    with Workspace.open(path, read_only=True) as after_ws:
        changed = changed_tables(before, record_state(after_ws.conn))
        added = len(audit_entries(after_ws.conn)) - entries_before
        assert added >= 1, f"{name} (changing {changed}) left no audit entry"
        assert first_broken_link(after_ws.conn) is None
        result = verify_log(after_ws.conn)
        assert result.ok, result


def test_the_cell_history_the_window_shows(workspace):
    """The window's history of a cell is audit_entries(conn, "rating", key): newest first, who, when, from, to."""
    stored = add_agreement(workspace, example_agreement(), actor="secretary")
    for value, who in [(90, "m1"), (92, "m1"), (95, "chair")]:
        record_rating(workspace, stored.id, Rating("1", 12, "m1", result=D(value)), actor=who)
    history = audit_entries(workspace.conn, "rating", f"{stored.id}/1/12/m1")
    assert [(e.actor, e.before and e.before["result"], e.after["result"]) for e in history] == [
        ("chair", "92", "95"), ("m1", "90", "92"), ("m1", None, "90")]
