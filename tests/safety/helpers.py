"""What the safety tests share: the real CLI in a subprocess, a process that holds a workspace, big workbooks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
HEADERS = ["ส่วนราชการ", "ปีงบประมาณ", "มิติ", "ตัวชี้วัดที่", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก",
           "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลการดำเนินงาน"]


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1", **extra}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def cli_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "evaluator_app", "--db", str(db), *args]


def run_cli(db: Path, *args: str, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli_command(db, *args), capture_output=True, text=True, env=env or cli_env(),
                          timeout=timeout, cwd=ROOT)


HOLDER = """
import sys, time
from evaluator_app.store.workspace import Workspace
ws = Workspace.open(sys.argv[1])
print("holding", flush=True)
time.sleep(600)
"""


def hold_workspace(path: Path) -> subprocess.Popen[str]:
    """Another process that opens the workspace for writing and keeps it open until killed."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                               env=cli_env(), cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "holding", line
    return process


def indicator_rows(agency: str, year: int, indicators: int, result_seed: int = 0) -> list[list[object]]:
    """One agreement: `indicators` numeric indicators of equal weight (the last takes the remainder)."""
    weight = 100 // indicators
    rows: list[list[object]] = []
    for n in range(1, indicators + 1):
        w = weight if n < indicators else 100 - weight * (indicators - 1)
        result = 80 + (n * 7 + result_seed) % 25
        rows.append([agency, year, "ประสิทธิผล", str(n), f"ร้อยละความสำเร็จของงานที่ {n}", "ร้อยละ", w,
                     80, 85, 90, 95, 100, result])
    return rows


def write_agreements_xlsx(path: Path, agencies: Sequence[str], year: int, indicators: int) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("คำรับรอง")
    sheet.append(HEADERS)
    for k, agency in enumerate(agencies):
        for row in indicator_rows(agency, year, indicators, k):
            sheet.append(row)
    book.save(path)
    return path


def agency_names(count: int, prefix: str = "กรมทดสอบที่") -> list[str]:
    return [f"{prefix} {n:03d}" for n in range(1, count + 1)]
