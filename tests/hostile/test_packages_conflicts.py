"""Edit conflicts (issue 13, item 3): each rating in a package carries the value and revision hash its edit was
based on; when the master's value has another history the merge keeps it, lists both values and both authors,
and the secretary decides (store, command line). Nothing is overwritten silently."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from evaluator_app.cli import main
from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange.identity import open_sealed
from evaluator_app.exchange.package_format import read_package
from evaluator_app.exchange.packages import export_evaluator_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.audit import audit_entries, first_broken_link
from evaluator_app.store.panel import reopen_submission
from evaluator_app.store.panel_conflicts import list_conflicts, resolve_conflict
from evaluator_app.store.panel_results import submit
from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.workspace import Workspace
from tests.hostile.packages_world import AGENCY, YEAR, make_master, member_laptop, rate
from tests.panel_keys import PanelKeys


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def master(tmp_path, keys):
    ws = make_master(tmp_path / "master.sqlite", keys)
    yield ws
    ws.close()


def stored(master: Workspace, code: str = "4") -> D:
    return load_ratings(master, find_agreement_id(master, AGENCY, YEAR), 12, "m1")[code].rating.result


def export(ws: Workspace, keys: PanelKeys, path) -> object:
    return export_evaluator_package(ws, "m1", path, keys["m1"]).path


def test_the_secretarys_correction_and_the_members_later_edit_are_a_conflict_not_an_overwrite(tmp_path, master,
                                                                                               keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"4": "70"})
    first = export(ws, keys, tmp_path / "first.evpack")
    assert keys.merge(master, first).applied[0].after["result"] == "70"

    rate(master, "m1", {"4": "75"}, actor="sec")  # the secretary corrects 70 -> 75 on the master
    rate(ws, "m1", {"4": "89"})  # ... and the member, who never saw it, edits 70 -> 89
    later = export(ws, keys, tmp_path / "later.evpack")
    sealed = read_package(later)
    [carried] = json.loads(open_sealed(keys.decrypt("sec"), sealed.payload_bytes))["agreements"][0]["ratings"]
    assert carried["result"] == "89" and carried["base"]["result"] == "70"
    assert carried["base"]["hash"] == carried["history"][-1] and len(carried["history"]) == 1

    report = keys.merge(master, later)
    assert report.applied == [], "not 'applied 70 -> 89'"
    [conflict] = report.conflicts
    assert (conflict.kind, conflict.code, conflict.stored["result"], conflict.stored_author,
            conflict.incoming["result"], conflict.incoming_author) == ("edit", "4", "75", "sec", "89", "m1")
    assert conflict.incoming["base"]["result"] == "70", "the value the member's edit was based on"
    assert stored(master) == D(75)
    assert "changed by sec" in str(conflict) and "sec: 75" in str(conflict) and "m1: 89" in str(conflict)
    [listed] = list_conflicts(master)
    assert (listed.id, listed.stored["result"], listed.incoming["result"]) == (conflict.conflict_id, "75", "89")

    # The same package again, or a later one in which the member did not touch it, raises it no second time.
    rate(ws, "m1", {"1": "92"})
    again = export(ws, keys, tmp_path / "again.evpack")
    report = keys.merge(master, again)
    assert [c.code for c in report.applied] == ["1"] and report.conflicts == []
    assert len(list_conflicts(master)) == 1

    # Keep mine: 75 stays; the same 89 is not raised again.
    resolve_conflict(master, listed.id, take_theirs=False, actor="sec")
    assert stored(master) == D(75) and list_conflicts(master) == []
    # The member edits again (89 -> 88) still without seeing 75: a new conflict.
    rate(ws, "m1", {"4": "88"})
    report = keys.merge(master, export(ws, keys, tmp_path / "third.evpack"))
    [third] = report.conflicts
    assert (third.stored["result"], third.incoming["result"], third.incoming["base"]["result"]) == ("75", "88", "89")
    # Take theirs: 88, with the member's own edit counter and time, so their next edit simply continues from it.
    resolve_conflict(master, third.conflict_id, take_theirs=True, actor="sec")
    assert stored(master) == D(88)
    rate(ws, "m1", {"4": "86"})
    report = keys.merge(master, export(ws, keys, tmp_path / "fourth.evpack"))
    assert [(c.code, c.before["result"], c.after["result"]) for c in report.applied] == [("4", "88", "86")]
    decisions = [e.after["decision"] for e in audit_entries(master.conn, entity="rating")
                 if e.action == "resolve edit conflict"]
    assert decisions == ["take theirs", "keep mine"]
    assert first_broken_link(master.conn) is None
    ws.close()


def test_a_skipped_package_is_no_conflict_the_members_own_history_continues(tmp_path, master, keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"4": "70"})
    first = export(ws, keys, tmp_path / "1.evpack")
    rate(ws, "m1", {"4": "72"})
    export(ws, keys, tmp_path / "2.evpack")  # lost in the post
    rate(ws, "m1", {"4": "74"})
    third = export(ws, keys, tmp_path / "3.evpack")
    keys.merge(master, first)
    report = keys.merge(master, third)
    assert [(c.before["result"], c.after["result"]) for c in report.applied] == [("70", "74")]
    assert report.conflicts == []
    ws.close()


def test_taking_theirs_waits_while_the_round_is_submitted_on_the_master(tmp_path, master, keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"1": "92", "2": "15", "3": "5", "4": "70"})
    keys.merge(master, export(ws, keys, tmp_path / "a.evpack"))
    rate(master, "m1", {"4": "75"}, actor="sec")
    rate(ws, "m1", {"4": "89"})
    [conflict] = keys.merge(master, export(ws, keys, tmp_path / "b.evpack")).conflicts
    master_id = find_agreement_id(master, AGENCY, YEAR)
    submit(master, master_id, "m1", declaration_accepted=True, actor="m1")
    with pytest.raises(ProblemsError, match="submitted and read-only"):
        resolve_conflict(master, conflict.conflict_id, take_theirs=True, actor="sec")
    assert stored(master) == D(75) and len(list_conflicts(master)) == 1
    reopen_submission(master, master_id, "m1", by="chair", reason="ให้เลขานุการตัดสินค่าที่ขัดกัน")
    resolve_conflict(master, conflict.conflict_id, take_theirs=True, actor="sec")
    assert stored(master) == D(89)
    ws.close()


def test_the_command_line_lists_both_values_and_authors_and_resolves(tmp_path, master, keys, capsys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"4": "70"})
    keys.merge(master, export(ws, keys, tmp_path / "a.evpack"))
    rate(master, "m1", {"4": "75"}, actor="sec")
    rate(ws, "m1", {"4": "89"})
    keys.merge(master, export(ws, keys, tmp_path / "b.evpack"))
    ws.close()
    path = str(master.path)
    master.close()
    capsys.readouterr()

    assert main(["--db", path, "panel", "conflicts"]) == 0
    shown = capsys.readouterr().out
    assert "75 by sec" in shown and "89 by m1" in shown and "based on 70" in shown and AGENCY in shown
    assert main(["--db", path, "panel", "conflicts", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert main(["--db", path, "panel", "resolve", "999", "--keep-mine"]) == 2
    assert "no edit conflict number 999" in capsys.readouterr().err
    assert main(["--db", path, "--as", "sec", "panel", "resolve", str(item["id"]), "--take-theirs"]) == 0
    assert "took theirs" in capsys.readouterr().out
    assert main(["--db", path, "panel", "resolve", str(item["id"]), "--keep-mine"]) == 2
    assert "already resolved" in capsys.readouterr().err
    with Workspace.open(master.path) as reopened:
        assert stored(reopened) == D(89)


def test_a_value_rated_against_another_version_cannot_be_taken(tmp_path, master, keys):
    ws = member_laptop(tmp_path, keys, master, "m1")
    rate(ws, "m1", {"4": "70"})
    path = export(ws, keys, tmp_path / "a.evpack")
    ws.close()
    package = read_package(path)
    payload = json.loads(open_sealed(keys.decrypt("sec"), package.payload_bytes))
    payload["agreements"][0]["digest"] = "0" * 64  # as if rated on a version the master no longer has in force
    from evaluator_app.exchange.identity import seal
    from evaluator_app.exchange.package_format import PackageKind, write_package
    from tests.hostile.packages_world import header_of

    other = write_package(tmp_path / "stale.evpack", PackageKind.EVALUATOR, header_of(package), payload,
                          sign=keys["m1"].sign, encrypt=lambda plain: seal(keys.encryption_public, plain),
                          encryption=package.encryption).path
    [conflict] = keys.merge(master, other).conflicts
    assert conflict.kind == "stale"
    with pytest.raises(ProblemsError, match="rated another version"):
        resolve_conflict(master, conflict.conflict_id, take_theirs=True, actor="sec")
    assert resolve_conflict(master, conflict.conflict_id, take_theirs=False, actor="sec").status == "kept"
