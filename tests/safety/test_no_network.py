"""The app never opens a network connection: the main flows run with socket creation forbidden, in-process and
as the real CLI (a sitecustomize that forbids sockets). Report and package flows join once their commands exist."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app.cli import build_parser, main
from evaluator_app.exchange.demo import build_demo_workspace
from tests.safety.helpers import ROOT, cli_env, write_agreements_xlsx

FORBID = '''
import socket

class _Forbidden(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("evaluator-app tests: network access is forbidden")

def _refuse(*args, **kwargs):
    raise OSError("evaluator-app tests: network access is forbidden")

socket.socket = _Forbidden
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.socketpair = _refuse
'''


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def member_keys(tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATOR_APP_PASSPHRASE", "correct-horse-battery")
    monkeypatch.setenv("EVALUATOR_APP_KEY_DIR", str(tmp_path / "keys"))


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args)[:200])
        raise NetworkUsed(f"network access attempted: {args!r}")

    class Forbidden(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", Forbidden)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def flows(folder: Path) -> list[list[str]]:
    db = str(folder / "w.sqlite")
    book = write_agreements_xlsx(folder / "a.xlsx", ["กรมไม่ใช้เครือข่าย"], 2569, 4)
    commands = [
        ["--db", db, "import", str(book)],
        ["--db", db, "rate", "1", "1", "92", "--evaluator", "m1"],
        ["--db", db, "score", "1", "--json"],
        ["--db", db, "agreements"],
        ["--db", db, "backup"],
        ["--db", db, "backups"],
        ["--db", db, "verify-log"],
        ["--db", db, "restore", "latest"],
    ]
    available = set(build_parser()[1])
    if {"keygen", "panel", "export-package"} <= available:
        pub = str(folder / "m1.pub")
        sec = str(folder / "sec.pub")  # the secretary signs the panel package (issue 13)
        commands += [["--db", db, "keygen", "--evaluator", "m1", "--public-key-out", pub],
                     ["--db", db, "panel", "add-member", "m1", "--name", "กรรมการหนึ่ง", "--public-key", pub],
                     ["--db", db, "keygen", "--evaluator", "sec", "--public-key-out", sec],
                     ["--db", db, "panel", "add-member", "sec", "--name", "เลขานุการ", "--role", "secretary",
                      "--public-key", sec],
                     ["--db", db, "export-package", "--panel", "--out", str(folder / "panel.evpanel")]]
    if "report" in available:
        commands.append(["--db", db, "report", "1", "--draft", "--out", str(folder / "report.pdf")])
    return commands


def test_main_flows_in_process_open_no_socket(tmp_path, no_network, capsys):
    for command in flows(tmp_path):
        assert main(command) == 0, (command, capsys.readouterr().err)
    build_demo_workspace(tmp_path / "demo.sqlite")


@pytest.mark.skipif(sys.platform == "win32", reason="sitecustomize injection is exercised on Linux CI")
def test_the_cli_process_opens_no_socket(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(FORBID, encoding="utf-8")
    env = cli_env()
    env["PYTHONPATH"] = f"{site}:{env['PYTHONPATH']}"
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True,
                           text=True)
    assert "network access is forbidden" in probe.stderr  # the guard is really in place
    for command in flows(tmp_path):
        done = subprocess.run([sys.executable, "-m", "evaluator_app", *command], env=env, capture_output=True,
                              text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, (command, done.stderr[-1500:])
        assert "forbidden" not in done.stderr
