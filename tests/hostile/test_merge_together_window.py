"""Import package… with several files chosen (issue 16): the window merges them together, in one transaction; a
file that is no package is refused alone, the members' packages land, and one result lists each file."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtWidgets import QFileDialog

from evaluator_app.store.ratings import load_ratings
from evaluator_app.store.verification import verify_log
from evaluator_app.ui.common.identity_dialogs import PassphraseDialog
from tests.ui.conftest import open_window, when_dialog
from tests.ui.test_packages_window import member_packages
from tests.ui.test_panel_window import (
    FIRST,
    key_folder,  # noqa: F401 - the autouse fixture: keys in this test's folder
    run_package_action,
    secretary_workspace,
    shoot,
    type_passphrase,
)


def test_several_packages_chosen_are_merged_together_and_a_bad_one_is_refused_alone(qtbot, tmp_path, monkeypatch):
    master = secretary_workspace(tmp_path, with_m2=False)
    older, newer = member_packages(tmp_path, master)
    garbage = tmp_path / "mail" / "not-a-package.evpack"
    garbage.write_bytes(b"a file that is no package")
    window = open_window(qtbot, master)
    transfer = window.transfer_actions
    chosen = [older, garbage, newer]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in chosen], ""))
    asked: list[int] = []

    def unlock(dialog: PassphraseDialog) -> None:
        asked.append(1)
        type_passphrase(qtbot, twice=False)(dialog)

    when_dialog(PassphraseDialog, unlock, timeout_ms=30_000)  # her decryption key, once for all of them
    assert run_package_action(qtbot, window, transfer.import_package_action) == "merged"
    report = transfer.packages.result_dialog
    summary = report.summary_text()
    assert "not-a-package.evpack" in summary and "m1-older.evpack" in summary and "m1-newer.evpack" in summary
    assert "1" in report.verdict.text() and "3" in report.verdict.text()
    # The older package's four ratings, then the newer one's two changes, each naming the member.
    assert report.applied_model.rowCount() == 6 and report.conflicts_model.rowCount() == 0
    assert all(row[5].endswith("(m1)") for row in report.applied_model.rows)
    assert asked == [1]
    shoot(report, "merge-report-together")
    workspace = window.session.workspace
    stored = load_ratings(workspace, FIRST, 12, "m1")
    assert stored["1"].rating.result == D(96) and stored["4"].rating.result == D(82)
    assert workspace.conn.execute("SELECT count(*) FROM panel_packages WHERE kind = 'evaluator'").fetchone() == (2,)
    assert verify_log(workspace.conn).ok
    window.close()
