"""A refused first import leaves nothing behind (issue 13): `import-package --db NEW.sqlite` (or `import`) with a bad,
forged or not yet trusted package creates no workspace file, no lock file and no folder; a good one creates the
workspace; a workspace that was there before is never removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaluator_app.cli import main
from evaluator_app.store.workspace import Workspace
from tests.hostile.packages_world import forged_panel, make_master
from tests.panel_keys import PanelKeys


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return PanelKeys(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def genuine(tmp_path_factory, keys) -> Path:
    folder = tmp_path_factory.mktemp("master")
    master = make_master(folder / "master.sqlite", keys)
    try:
        return keys.export_panel(master, folder / "genuine.evpanel").path
    finally:
        master.close()


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _import(db: Path, package: Path, *extra: str) -> int:
    return main(["--db", str(db), "import-package", str(package), *extra])


def test_a_file_that_is_no_package_creates_no_workspace(tmp_path, capsys):
    junk = tmp_path / "junk.evpanel"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    before = _listing(tmp_path)
    assert _import(tmp_path / "new.sqlite", junk) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert _listing(tmp_path) == before


def test_a_forged_package_creates_no_workspace_even_with_the_real_fingerprint(tmp_path, genuine, keys, capsys):
    unsigned = forged_panel(genuine, tmp_path / "unsigned.evpanel", lambda payload, header: None)
    before = _listing(tmp_path)
    assert _import(tmp_path / "new.sqlite", unsigned, "--trust", keys.fingerprint) == 2
    assert "no signature of the secretary" in capsys.readouterr().err
    assert _listing(tmp_path) == before


def test_a_genuine_package_not_yet_trusted_creates_nothing_then_installs_once_confirmed(tmp_path, genuine, keys,
                                                                                        capsys):
    db = tmp_path / "laptop" / "new.sqlite"  # in a folder that does not exist yet: not left behind either
    before = _listing(tmp_path)
    assert _import(db, genuine) == 2
    assert keys.fingerprint in capsys.readouterr().out  # printed to be read aloud
    assert _listing(tmp_path) == before and not db.parent.exists()
    assert _import(db, genuine, "--trust", keys.fingerprint) == 0
    assert db.exists()
    with Workspace.open(db, read_only=True) as workspace:
        assert workspace.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0


def test_a_bad_agreement_file_imported_first_creates_no_workspace(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    before = _listing(tmp_path)
    assert main(["--db", str(tmp_path / "new.sqlite"), "import", str(bad)]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert _listing(tmp_path) == before


def test_a_workspace_that_was_there_before_stays_even_when_empty(tmp_path):
    db = tmp_path / "existing.sqlite"
    Workspace.open(db).close()  # created earlier, nothing in it yet
    junk = tmp_path / "junk.evpanel"
    junk.write_bytes(b"junk")
    assert _import(db, junk) == 2
    assert db.exists() and os.path.getsize(db) > 0
