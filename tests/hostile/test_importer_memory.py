"""The importer's memory (issue 13, item 8): a 5 KB workbook with two far-away cells made it take 12 GB. Every
input of 10 MB or less is imported, or refused, with a measured peak under 300 MB (the whole process: Python,
pandas, openpyxl and the app)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.xlsx_parts import sheet_xml, write_xlsx
from tests.safety.helpers import HEADERS, ROOT, cli_env, indicator_rows

pytestmark = pytest.mark.slow  # each test starts a process that imports a large file

LIMIT_MB = 300
INPUT_LIMIT = 10 * 1024 * 1024

MEASURE = """
import resource, sys
from evaluator_app.launcher import main
code = main(sys.argv[2:])
try:
    # The peak of this process image: ru_maxrss also counts the parent's memory when it was started by vfork.
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    scale = 1024 if sys.platform == "darwin" else 1  # ru_maxrss is in bytes on macOS, KB on Linux
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // scale
with open(sys.argv[1], "w") as out:
    out.write(f"{code} {peak}")
"""


def import_peak(tmp_path: Path, book: Path) -> tuple[int, float, str]:
    """Import `book` into a new workspace in a fresh process: (exit code, peak resident MB, stderr)."""
    assert book.stat().st_size <= INPUT_LIMIT, book.stat().st_size
    report = tmp_path / "peak.txt"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(report), "--db", str(tmp_path / "w.sqlite"), "import",
                           str(book)], capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=600)
    code, kilobytes = report.read_text().split()
    return int(code), int(kilobytes) / 1024, done.stderr


def agreement_rows() -> list[tuple[int, list[tuple[int, object]]]]:
    rows = [(1, list(enumerate(HEADERS, start=1)))]
    for n, row in enumerate(indicator_rows("กรมทดสอบหน่วยความจำของการนำเข้าสมุดงานจากภายนอก", 2569, 4), start=2):
        rows.append((n, list(enumerate(row, start=1))))
    return rows


def test_two_far_away_cells_in_a_5_kb_workbook(tmp_path):
    rows = agreement_rows()
    rows[2][1].append((16000, "ไกล"))  # column 16000 of row 3
    rows.append((99000, [(13, 5)]))  # M99000
    book = write_xlsx(tmp_path / "far.xlsx", [("คำรับรอง", sheet_xml(rows))])
    assert book.stat().st_size < 5 * 1024
    code, peak, err = import_peak(tmp_path, book)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "20,000 rows" in err and "Traceback" not in err


def test_far_away_cells_inside_the_row_limit_are_read_as_the_cells_they_are(tmp_path):
    rows = agreement_rows()
    rows[2][1].append((16000, "ไกล"))
    rows.append((19999, [(13, 5)]))
    book = write_xlsx(tmp_path / "far.xlsx", [("คำรับรอง", sheet_xml(rows))])
    code, peak, err = import_peak(tmp_path, book)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "row 19999" in err  # a result with no indicator: refused, naming the row


def test_a_row_with_more_cells_than_excel_allows(tmp_path):
    rng = random.Random(7)
    rows = agreement_rows()
    rows.append((7, [(c, rng.randrange(10**9)) for c in range(1, 120_001)]))
    book = write_xlsx(tmp_path / "wide.xlsx", [("คำรับรอง", sheet_xml(rows))])
    code, peak, err = import_peak(tmp_path, book)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "more than Excel allows" in err


def test_millions_of_small_cells(tmp_path):
    def rows():
        yield from agreement_rows()
        for r in range(7, 8_000):
            yield r, [(c, c % 10) for c in range(1, 130)]

    book = write_xlsx(tmp_path / "dense.xlsx", [("คำรับรอง", sheet_xml(rows()))])
    code, peak, err = import_peak(tmp_path, book)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "cells of data" in err


def test_shared_strings_too_large_to_hold(tmp_path):
    rng = random.Random(3)

    def strings():
        yield b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        for _ in range(1_400_000):
            yield f"<si><t>{rng.randrange(10**12):x}</t></si>".encode()
        yield b"</sst>"

    book = write_xlsx(tmp_path / "strings.xlsx", [("คำรับรอง", sheet_xml(agreement_rows()))],
                      shared_strings=strings())
    code, peak, err = import_peak(tmp_path, book)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "sharedStrings.xml is too large" in err


def test_an_honest_workbook_at_the_row_limit_imports_within_the_budget(tmp_path):
    def rows():
        yield 1, list(enumerate(HEADERS, start=1))
        number = 2
        for a in range(790):
            agency = f"สำนักงานส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการและผู้สูงอายุแห่งชาติ กระทรวงการพัฒนาสังคม ที่ {a:03d}"
            for i in range(1, 26):
                name = (f"ร้อยละความสำเร็จของการดำเนินงานตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569 "
                        f"ของหน่วยงานในสังกัดที่ {a}-{i} ซึ่งต้องรายงานผลต่อคณะกรรมการทุกไตรมาส")
                yield number, list(enumerate([agency, 2569, "ประสิทธิผล", str(i), name, "ร้อยละ", 4,
                                              80, 85, 90, 95, 100, 92.33333333333333], start=1))
                number += 1

    book = write_xlsx(tmp_path / "honest.xlsx", [("คำรับรอง", sheet_xml(rows()))])
    code, peak, err = import_peak(tmp_path, book)
    assert code == 0, err
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"


@pytest.mark.parametrize("shape", ["one-wide-line", "many-columns"])
def test_csv_shapes(tmp_path, shape):
    path = tmp_path / f"{shape}.csv"
    header = ",".join(HEADERS) + "\n"
    if shape == "one-wide-line":
        path.write_text(header + "," * (9 * 1024 * 1024) + "\n", encoding="utf-8")
    else:
        path.write_text(header + ("1," * 250 + "\n") * 19_000, encoding="utf-8")
    code, peak, err = import_peak(tmp_path, path)
    assert peak < LIMIT_MB, f"peak {peak:.0f} MB"
    assert code == 2 and "Traceback" not in err
