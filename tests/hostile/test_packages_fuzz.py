"""Attacks nobody listed: every field of a package, replaced by a value of another type or range, or removed, in a
package signed with the right key (so only the checks of the content stand). Whatever the change, the import
either succeeds or is refused with a message; it never raises anything else, and a refusal writes nothing."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange import identity
from evaluator_app.exchange.package_format import PackageKind, read_package, write_package
from evaluator_app.exchange.packages import export_evaluator_package, import_package
from evaluator_app.store.agreements import find_agreement_id
from evaluator_app.store.panel_results import submit
from evaluator_app.store.workspace import Workspace
from tests.conftest import file_digest
from tests.hostile.packages_world import AGENCY, YEAR, header_of, laptop, make_master, member_laptop, rate, settled
from tests.panel_keys import PanelKeys

ODD_VALUES = [None, -1, 0, 2**70, -(2**63) - 1, 1.5, True, "", "x", "\x00", "9" * 80, "1e999999", "NaN", [], {},
              [None], {"a": 1}, "../../etc/passwd", "2026-13-45T99:99:99", "QUFB"]


def paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as a tuple of keys and indexes (lists sampled to their first item)."""
    found = [here] if here else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*here, key)))
    elif isinstance(value, list) and value:
        found.extend(paths(value[0], (*here, 0)))
    return found


def mutated(document: dict[str, Any], place: tuple[Any, ...], replacement: Any, remove: bool) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    parent = changed
    for step in place[:-1]:
        parent = parent[step]
    if remove and isinstance(parent, dict):
        del parent[place[-1]]
    else:
        parent[place[-1]] = replacement
    return changed


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    keys = PanelKeys(folder / "keys", ("m1", "m2"))
    master = make_master(folder / "master.sqlite", keys)
    ws = member_laptop(folder, keys, master, "m1")
    rate(ws, "m1", {"1": "92", "2": "15", "3": "5", "4": "78.75"})
    (folder / "หลักฐาน.pdf").write_bytes(b"%PDF-1.4 evidence")
    from evaluator_app.store.evidence import add_evidence

    here = find_agreement_id(ws, AGENCY, YEAR)
    add_evidence(ws, here, "2", "m1", folder / "หลักฐาน.pdf", actor="m1")
    submit(ws, here, "m1", declaration_accepted=True, actor="m1")
    evpack = export_evaluator_package(ws, "m1", folder / "m1.evpack", keys["m1"]).path
    ws.close()
    evpanel = keys.export_panel(master, folder / "panel.evpanel").path
    master.close()
    return folder, keys, evpack, evpanel


def fresh_copy(source: Path, target: Path) -> Workspace:
    import sqlite3

    target.unlink(missing_ok=True)
    conn = sqlite3.connect(source)
    out = sqlite3.connect(target)
    conn.backup(out)
    conn.close()
    out.close()
    return Workspace.open(target, auto_backup=False)


def attempt(ws: Workspace, path: Path, **kwargs: Any) -> None:
    before = settled(ws)
    try:
        import_package(ws, path, actor="fuzz", **kwargs)
    except ProblemsError:
        assert file_digest(ws.path) == before, "a refusal writes nothing"


# EVALUATOR_FUZZ_EXAMPLES=3000 for a long run, as for the other fuzzed readers.
FUZZ = settings(max_examples=int(os.environ.get("EVALUATOR_FUZZ_EXAMPLES", "40")), derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(data=st.data())
def test_any_field_of_a_signed_evaluator_package_is_a_refusal_or_a_merge(world, data):
    folder, keys, evpack, _panel = world
    package = read_package(evpack)
    payload = package.payload(identity.open_sealed(keys.decrypt("sec"), package.payload_bytes))
    place = data.draw(st.sampled_from(paths(payload)))
    document = mutated(payload, place, data.draw(st.sampled_from(ODD_VALUES)), data.draw(st.booleans()))
    bad = write_package(folder / "fuzzed.evpack", PackageKind.EVALUATOR, header_of(package), document,
                        sign=keys["m1"].sign, encrypt=lambda plain: identity.seal(keys.encryption_public, plain),
                        encryption=package.encryption, files=dict(package.files)).path
    with fresh_copy(folder / "master.sqlite", folder / "fuzz-master.sqlite") as master:
        attempt(master, bad, decrypt=keys.decrypt)


@FUZZ
@given(data=st.data())
def test_any_field_of_a_signed_panel_package_is_a_refusal_or_an_install(world, data):
    folder, keys, _evpack, evpanel = world
    package = read_package(evpanel)
    payload = package.payload()
    header = header_of(package)
    if data.draw(st.booleans()):
        place = data.draw(st.sampled_from(paths(payload)))
        payload = mutated(payload, place, data.draw(st.sampled_from(ODD_VALUES)), data.draw(st.booleans()))
    else:
        place = data.draw(st.sampled_from(sorted(k for k in header if k not in ("panel_id", "created_at"))))
        header = mutated(header, (place,), data.draw(st.sampled_from(ODD_VALUES)), data.draw(st.booleans()))
    bad = write_package(folder / "fuzzed.evpanel", PackageKind.PANEL, header, payload, sign=keys.secretary.sign).path
    target = folder / "fuzz-laptop.sqlite"
    target.unlink(missing_ok=True)
    with laptop(folder, "fuzz-laptop") as ws:
        attempt(ws, bad, trust=keys.fingerprint)
