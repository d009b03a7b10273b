"""Crash safety, proven: the real process is killed with SIGKILL at random moments, and every promise is checked.

Scenarios: importing a workbook, recording ratings (store and CLI), importing a member's package, issuing a report,
`backup`, `restore latest` and a batch of reports. The budget is EVALUATOR_KILLS (default 60, shared among the
scenarios); e.g. `EVALUATOR_KILLS=200 pytest
tests/safety/test_crash_kills.py -s` for the long run. EVALUATOR_KILL_SEED repeats a run. Scenarios for CLI
commands that are not in this build (`import-package`, `report`) are skipped with the reason, and run once the
commands exist.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from evaluator_app.cli import build_parser
from evaluator_app.store.backups import list_backups, newest_healthy_backup
from evaluator_app.store.workspace import Workspace
from tests.safety.crash_checks import agencies_present, check_workspace
from tests.safety.helpers import ROOT, agency_names, cli_command, cli_env, run_cli, write_agreements_xlsx

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

KILLS = int(os.environ.get("EVALUATOR_KILLS", "60"))
SEED = int(os.environ.get("EVALUATOR_KILL_SEED", str(random.SystemRandom().randrange(1 << 30))))
# Shares of the kill budget (runs, most of which end in a kill).
SHARES = {"import": 0.2, "rating-driver": 0.2, "rating-cli": 0.1, "import-package": 0.1, "report": 0.08,
          "backup": 0.12, "restore": 0.12, "batch": 0.08}
AGENCIES, INDICATORS = 60, 25


def kills_for(scenario: str) -> int:
    """This scenario's part of the budget; the parts of scenarios whose commands are missing go to the others."""
    present = set(build_parser()[1])
    needs = {"import-package": {"import-package", "export-package"}, "report": {"report"}, "batch": {"report"}}
    live = {name: share for name, share in SHARES.items() if needs.get(name, set()) <= present}
    return max(1, round(KILLS * live[scenario] / sum(live.values())))


@dataclass
class Tally:
    scenario: str
    kills: int = 0
    completed: int = 0  # runs that finished before the kill came
    failures: list[str] = field(default_factory=list)

    def report(self) -> None:
        line = (f"{self.scenario}: {self.kills} kills, {self.completed} runs finished first, "
                f"{len(self.failures)} failures (seed {SEED})")
        print(line)
        summary = os.environ.get("EVALUATOR_KILL_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(json.dumps({"scenario": self.scenario, "kills": self.kills,
                                         "completed": self.completed, "failures": self.failures,
                                         "seed": SEED}) + "\n")
        assert not self.failures, "\n".join(self.failures[:20])


def run_and_kill(command: list[str], delay: float) -> tuple[bool, str]:
    """Start `command`, SIGKILL it after `delay` seconds unless it ended; (killed?, what it printed)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=cli_env(), cwd=ROOT)
    try:
        process.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL: no handler, no atexit, no flush; like a battery dying
        killed = True
    out, err = process.communicate()
    if not killed and process.returncode != 0:
        raise AssertionError(f"{command[3:]} failed on its own (exit {process.returncode}): {err[-2000:]}")
    return killed, out


def timed(command: list[str]) -> float:
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, env=cli_env(), cwd=ROOT)
    return time.monotonic() - start


def random_delay(rng: random.Random, duration: float) -> float:
    # Half anywhere in the run, half late in it, where the writing happens (reading and start-up come first).
    if rng.random() < 0.5:
        return rng.uniform(0.02, duration * 1.1)
    return rng.uniform(duration * 0.5, duration * 1.1)


@pytest.fixture(scope="session")
def workbook_pool(tmp_path_factory) -> Callable[[int], tuple[Path, list[str]]]:
    """Big workbooks (60 agencies x 25 indicators), a different set of agencies each, made once per session."""
    folder = tmp_path_factory.mktemp("workbooks")
    made: dict[int, tuple[Path, list[str]]] = {}

    def workbook(n: int) -> tuple[Path, list[str]]:
        if n not in made:
            agencies = agency_names(AGENCIES, prefix=f"กรมทดสอบ ชุด {n:03d} ที่")
            made[n] = (write_agreements_xlsx(folder / f"agreements-{n:03d}.xlsx", agencies, 2569, INDICATORS),
                       agencies)
        return made[n]

    return workbook


def commands() -> set[str]:
    return set(build_parser()[1])


def test_kills_while_importing_a_large_workbook(tmp_path, workbook_pool):
    """Each kill imports a different workbook of 60 agreements: after it, all 60 are there or none."""
    rng = random.Random(SEED)
    db = tmp_path / "w.sqlite"
    Workspace.open(db).close()
    warmup, _ = workbook_pool(0)
    duration = timed(cli_command(db, "import", str(warmup)))
    tally = Tally("import")
    for n in range(1, kills_for("import") + 1):
        path, agencies = workbook_pool(n)
        killed, out = run_and_kill(cli_command(db, "import", str(path)), random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        present = agencies_present(db, agencies)
        problems = check_workspace(db)
        if present not in (0, AGENCIES):
            problems.append(f"{present} of {AGENCIES} agreements of one import are present")
        if "imported:" in out and present != AGENCIES:
            problems.append(f"the import was acknowledged but {present} of {AGENCIES} agreements are present")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    final = run_cli(db, "agreements", "--json")
    assert final.returncode == 0, final.stderr
    tally.report()


class RatingLedger:
    """What the rating driver acknowledged, and what the workspace must therefore hold."""

    def __init__(self) -> None:
        self.latest: dict[tuple[str, str, str], tuple[int, int]] = {}  # (agreement, code, evaluator) -> (run, seq)
        self.value: dict[tuple[str, str, str], str] = {}
        self.batches: list[str] = []

    def absorb(self, out: str) -> None:
        for line in out.splitlines():
            parts = line.split()
            if parts[:1] == ["ACK"]:
                _, agreement, code, evaluator, value, tag = parts
                run, seq = (int(x) for x in tag.split(":"))
                self.latest[(agreement, code, evaluator)] = (run, seq)
                self.value[(agreement, code, evaluator)] = value
            elif parts[:1] == ["BATCH"]:
                self.batches.append(parts[2])

    def problems(self, db: Path) -> list[str]:
        problems = []
        conn = sqlite3.connect(db)
        try:
            for key, acked in self.latest.items():
                row = conn.execute(
                    "SELECT result, comment FROM ratings WHERE agreement_id = ? AND code = ? AND round = 12 "
                    "AND evaluator = ?", key).fetchone()
                if row is None:
                    problems.append(f"acknowledged rating {key} is missing")
                    continue
                # A later write may have committed without its acknowledgement: (run, seq) only moves forward.
                stored = tuple(int(x) for x in row[1].split(":"))
                if stored < acked or (stored == acked and row[0] != self.value[key]):
                    problems.append(f"rating {key}: acknowledged {acked}={self.value[key]}, stored {row}")
            for evaluator, count in conn.execute(
                    "SELECT evaluator, count(*) FROM ratings WHERE evaluator LIKE 'b%' GROUP BY evaluator"):
                if count != 5:
                    problems.append(f"batch {evaluator} is partly present ({count} of 5)")
            present = {r[0] for r in conn.execute("SELECT DISTINCT evaluator FROM ratings")}
            problems += [f"acknowledged batch {e} is missing" for e in self.batches if e not in present]
        finally:
            conn.close()
        return problems


def rating_workspace(folder: Path) -> Path:
    db = folder / "w.sqlite"
    seed_book = folder / "five.xlsx"
    write_agreements_xlsx(seed_book, agency_names(5, prefix="กรมให้คะแนนที่"), 2569, INDICATORS)
    assert run_cli(db, "import", str(seed_book)).returncode == 0
    return db


def driver_command(db: Path, run: int, seed: int) -> list[str]:
    return [sys.executable, "-m", "tests.safety.rating_driver", str(db), str(run), str(seed)]


def test_kills_while_recording_ratings_through_the_store(tmp_path):
    rng = random.Random(SEED + 1)
    db = rating_workspace(tmp_path)
    tally = Tally("rating-driver")
    ledger = RatingLedger()
    for run in range(1, kills_for("rating-driver") + 1):
        killed, out = run_and_kill(driver_command(db, run, rng.randrange(1 << 30)), rng.uniform(0.3, 1.8))
        tally.kills += killed
        ledger.absorb(out)
        tally.failures += [f"run {run}: {p}" for p in check_workspace(db) + ledger.problems(db)]
    tally.report()
    assert ledger.latest, "the driver never acknowledged a rating: the kills came too early to prove anything"


def test_the_harness_catches_an_acknowledgement_made_before_the_commit(tmp_path, monkeypatch):
    """The harness's own test: a driver that says "saved" before committing must be caught within a few kills."""
    monkeypatch.setenv("EVALUATOR_DRIVER_ACK_EARLY", "1")
    rng = random.Random(SEED + 5)
    db = rating_workspace(tmp_path)
    ledger = RatingLedger()
    for run in range(1, 31):
        _, out = run_and_kill(driver_command(db, run, rng.randrange(1 << 30)), rng.uniform(0.6, 1.5))
        ledger.absorb(out)
        if ledger.problems(db):
            return
    pytest.fail("30 kills of a driver that acknowledges before committing went unnoticed")


def test_kills_while_the_cli_records_ratings(tmp_path):
    rng = random.Random(SEED + 2)
    db = tmp_path / "w.sqlite"
    seed_book = tmp_path / "one.xlsx"
    write_agreements_xlsx(seed_book, ["กรมคำสั่งเดียว"], 2569, INDICATORS)
    assert run_cli(db, "import", str(seed_book)).returncode == 0
    duration = timed(cli_command(db, "rate", "1", "1", "90", "--evaluator", "warmup"))
    tally = Tally("rating-cli")
    acknowledged: dict[str, str] = {}
    for n in range(1, kills_for("rating-cli") + 1):
        evaluator, value = f"c{n}", str(rng.randint(60, 110))
        command = cli_command(db, "rate", "1", str(rng.randint(1, INDICATORS)), value, "--evaluator", evaluator)
        killed, _ = run_and_kill(command, random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        if not killed:  # it printed its result and exited 0: acknowledged
            acknowledged[evaluator] = value
        problems = check_workspace(db)
        conn = sqlite3.connect(db)
        try:
            stored = dict(conn.execute("SELECT evaluator, result FROM ratings WHERE evaluator LIKE 'c%'").fetchall())
        finally:
            conn.close()
        problems += [f"acknowledged {e}={v} stored as {stored.get(e)}" for e, v in acknowledged.items()
                     if stored.get(e) != v]
        tally.failures += [f"kill {n}: {p}" for p in problems]
    tally.report()


def copy_workspace(source: Path, target: Path) -> Path:
    """A fresh copy through the backup API (never a plain copy of a WAL database)."""
    target.unlink(missing_ok=True)
    source_conn, target_conn = sqlite3.connect(source), sqlite3.connect(target)
    try:
        source_conn.backup(target_conn)
    finally:
        source_conn.close()
        target_conn.close()
    return target


def test_kills_while_importing_evaluator_packages(tmp_path, monkeypatch):
    """The secretary imports a member's signed package (125 ratings): after a kill all are there or none."""
    if not {"import-package", "export-package", "keygen", "panel"} <= commands():
        pytest.skip("no import-package/export-package command in this build yet (issue 4)")
    monkeypatch.setenv("EVALUATOR_APP_PASSPHRASE", "correct-horse-battery")
    monkeypatch.setenv("EVALUATOR_APP_KEY_DIR", str(tmp_path / "keys"))
    rng = random.Random(SEED + 3)
    master, member = tmp_path / "master.sqlite", tmp_path / "member.sqlite"
    book = write_agreements_xlsx(tmp_path / "five.xlsx", agency_names(5, prefix="กรมชุดข้อมูลที่"), 2569, INDICATORS)
    steps = [
        (master, "import", str(book)),
        (master, "keygen", "--evaluator", "m1", "--public-key-out", str(tmp_path / "m1.pub")),
        (master, "panel", "add-member", "m1", "--name", "กรรมการหนึ่ง", "--public-key", str(tmp_path / "m1.pub")),
        # The secretary signs the panel package (issue 13); the member confirms her fingerprint (--trust).
        (master, "keygen", "--evaluator", "sec", "--public-key-out", str(tmp_path / "sec.pub")),
        (master, "panel", "add-member", "sec", "--name", "เลขานุการ", "--role", "secretary", "--public-key",
         str(tmp_path / "sec.pub")),
        (master, "export-package", "--panel", "--out", str(tmp_path / "panel.evpanel")),
    ]
    Workspace.open(member).close()
    from evaluator_app.exchange.identity import Identity
    from evaluator_app.exchange.identity import read_public_key as read_key

    steps.append((member, "import-package", str(tmp_path / "panel.evpanel"), "--trust",
                  lambda: Identity("sec", read_key(tmp_path / "sec.pub")).fingerprint))
    for db, *args in steps:
        args = [a() if callable(a) else a for a in args]
        done = run_cli(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    from decimal import Decimal

    from evaluator_app.domain.rating import Rating
    from evaluator_app.store.agreements import list_agreements
    from evaluator_app.store.ratings import record_ratings

    with Workspace.open(member) as ws:
        for agreement in list_agreements(ws):
            record_ratings(ws, agreement.id, [(Rating(str(n), 12, "m1", result=Decimal(80 + n)), None, None)
                                              for n in range(1, INDICATORS + 1)], actor="m1")
    package = tmp_path / "m1.evpack"
    done = run_cli(member, "export-package", "--evaluator", "m1", "--out", str(package))
    assert done.returncode == 0, done.stderr
    total = 5 * INDICATORS
    db = tmp_path / "w.sqlite"
    duration = timed(cli_command(copy_workspace(master, db), "import-package", str(package)))
    tally = Tally("import-package")
    for n in range(1, kills_for("import-package") + 1):
        copy_workspace(master, db)
        killed, _ = run_and_kill(cli_command(db, "import-package", str(package)), random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        problems = check_workspace(db, check_backups=False)
        conn = sqlite3.connect(db)
        try:
            merged = conn.execute("SELECT count(*) FROM ratings WHERE evaluator = 'm1'").fetchone()[0]
        finally:
            conn.close()
        if merged not in (0, total) or (not killed and merged != total):
            problems.append(f"{merged} of the package's {total} ratings are present (killed: {killed})")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    tally.report()


def test_kills_while_issuing_reports(tmp_path):
    """Runs once the CLI has `report AGREEMENT --out FILE.pdf` (issue 6): the PDF is whole or absent."""
    if "report" not in commands():
        pytest.skip("no report command in this build yet (issue 6)")
    rng = random.Random(SEED + 4)
    from evaluator_app.exchange.demo import demo_workspace_copy

    (tmp_path / "demo").mkdir()
    db = demo_workspace_copy(tmp_path / "demo")
    # A final report needs every committee figure; the demo has not all of them, and then a draft is printed.
    options = ["1"] if run_cli(db, "report", "1", "--out", str(tmp_path / "final.pdf")).returncode == 0 \
        else ["1", "--draft"]
    duration = timed(cli_command(db, "report", *options, "--out", str(tmp_path / "warm.pdf")))
    tally = Tally("report")
    for n in range(1, kills_for("report") + 1):
        out = tmp_path / f"report-{n}.pdf"
        killed, _ = run_and_kill(cli_command(db, "report", *options, "--out", str(out)),
                                 random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        problems = check_workspace(db)
        if out.exists():
            data = out.read_bytes()
            if not (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]):
                problems.append(f"{out.name} exists but is not a whole PDF ({len(data)} bytes)")
        elif not killed:
            problems.append(f"{out.name} was reported written but is missing")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    tally.report()


def no_leftovers_after_an_open(db: Path) -> list[str]:
    """What a kill left behind must be gone once the workspace has been opened for writing again."""
    from evaluator_app.store.backups import backups_folder
    from evaluator_app.store.leftovers import TEMPORARY_SUFFIX

    Workspace.open(db, auto_backup=False).close()
    return [f"left behind after an open: {p.name}" for folder in (db.parent, backups_folder(db))
            if folder.exists() for p in folder.iterdir() if TEMPORARY_SUFFIX in p.name]


def test_kills_while_backing_up(tmp_path):
    """`backup` killed at any moment: the workspace is whole, every listed backup is whole, no partial is listed."""
    rng = random.Random(SEED + 6)
    db = rating_workspace(tmp_path)
    duration = timed(cli_command(db, "backup"))
    tally = Tally("backup")
    for n in range(1, kills_for("backup") + 1):
        before = {b.name for b in list_backups(db)}
        killed, _ = run_and_kill(cli_command(db, "backup"), random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        problems = check_workspace(db)  # also opens every listed backup and runs integrity_check on it
        after = {b.name for b in list_backups(db)}
        if not killed and not (after - before):
            problems.append("a backup was reported made but none was added")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    tally.failures += no_leftovers_after_an_open(db)
    tally.report()


def test_kills_while_restoring(tmp_path):
    """`restore latest` killed at any moment: the workspace holds the content before the restore or the restored
    content, whole, with a whole history; a kill never loses the content that was being replaced."""
    rng = random.Random(SEED + 7)
    db = rating_workspace(tmp_path)
    assert run_cli(db, "backup").returncode == 0
    duration = timed(cli_command(db, "--as", "secretary", "restore", "latest"))
    tally = Tally("restore")
    for n in range(1, kills_for("restore") + 1):
        changed = str(60 + n % 40)
        assert run_cli(db, "rate", "1", "1", changed, "--evaluator", "r1").returncode == 0
        newest = newest_healthy_backup(db)
        assert newest is not None
        restored = _result_of(newest.path)  # what `restore latest` brings back
        killed, out = run_and_kill(cli_command(db, "--as", "secretary", "restore", "latest"),
                                   random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        problems = check_workspace(db)
        now = _result_of(db)
        if not killed and ("restored from" not in out or now != restored):
            problems.append(f"restore finished, but the workspace holds {now!r}, not {restored!r}")
        if now not in (changed, restored):
            problems.append(f"the workspace holds {now!r}: neither before ({changed!r}) nor restored ({restored!r})")
        if now != changed and not any(_result_of(b.path) == changed for b in list_backups(db)):
            problems.append(f"the replaced content ({changed!r}) was not kept as a backup")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    tally.failures += no_leftovers_after_an_open(db)
    tally.report()


def _result_of(db: Path) -> str | None:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT result FROM ratings WHERE agreement_id = 1 AND code = '1' AND round = 12 "
                           "AND evaluator = 'r1'").fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


def test_kills_while_printing_a_batch_of_reports(tmp_path):
    """`report --all` into a folder, and `--combined`: every PDF in the folder is whole, or absent."""
    if "report" not in commands():
        pytest.skip("no report command in this build yet (issue 6)")
    rng = random.Random(SEED + 8)
    from evaluator_app.exchange.demo import demo_workspace_copy

    (tmp_path / "demo").mkdir()
    db = demo_workspace_copy(tmp_path / "demo")
    year = str(json.loads(run_cli(db, "agreements", "--json").stdout)[0]["fiscal_year"])
    options = ["--all", "--year", year, "--draft"]
    duration = timed(cli_command(db, "report", *options, "--out", str(tmp_path / "warm")))
    tally = Tally("batch")
    for n in range(1, kills_for("batch") + 1):
        combined = n % 2 == 0
        out = tmp_path / (f"batch-{n}.pdf" if combined else f"batch-{n}")
        command = cli_command(db, "report", *options, *(["--combined"] if combined else []), "--out", str(out))
        killed, _ = run_and_kill(command, random_delay(rng, duration))
        tally.kills += killed
        tally.completed += not killed
        problems = check_workspace(db)
        pdfs = [out] if combined else (sorted(out.glob("*.pdf")) if out.exists() else [])
        for pdf in pdfs:
            if not pdf.exists():
                if not killed:
                    problems.append(f"{pdf.name} was reported written but is missing")
                continue
            data = pdf.read_bytes()
            if not (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]):
                problems.append(f"{pdf.name} exists but is not a whole PDF ({len(data)} bytes)")
        tally.failures += [f"kill {n}: {p}" for p in problems]
    leftover_dirs = [p for p in tmp_path.iterdir() if p.is_dir()]
    Workspace.open(db, auto_backup=False).close()
    from evaluator_app.store.leftovers import TEMPORARY_SUFFIX

    tally.failures += [f"left behind after an open: {p}" for folder in leftover_dirs for p in folder.iterdir()
                       if TEMPORARY_SUFFIX in p.name]
    tally.failures += [f"left behind after an open: {p}" for p in tmp_path.iterdir() if TEMPORARY_SUFFIX in p.name]
    tally.report()
