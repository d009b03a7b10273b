"""Hostile agreement files: each is refused with problems (never a crash), and the workspace is byte-for-byte as it
was. Malformed is refused; malicious is refused; formulas are never run, only read as text or left empty."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from evaluator_app.domain.problems import ProblemsError
from evaluator_app.exchange import readers
from evaluator_app.exchange.importing import import_agreement_files
from evaluator_app.store.agreements import list_agreements
from evaluator_app.store.workspace import Workspace
from tests.conftest import file_digest
from tests.safety.helpers import HEADERS, indicator_rows
from tests.safety.hostile import (
    billion_laughs_xlsx,
    external_entity_xlsx,
    formula_xlsx,
    rewrite_parts,
    truncated,
    valid_csv_bytes,
    valid_xlsx,
    zip_bomb_xlsx,
)


@pytest.fixture
def settled(workspace_path):
    """A workspace with one agreement, checkpointed, so any write at all would change its bytes."""
    with Workspace.open(workspace_path) as ws:
        import_agreement_files(ws, [valid_xlsx(workspace_path.with_name("first.xlsx"), "กรมเดิม")], actor="s")
    ws = Workspace.open(workspace_path)
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield ws
    ws.close()


def refused(ws: Workspace, *paths: Path) -> ProblemsError:
    """Import must raise ProblemsError and nothing else, and leave the file untouched."""
    before = file_digest(ws.path)
    with pytest.raises(ProblemsError) as caught:
        import_agreement_files(ws, list(paths), actor="attacker")
    assert file_digest(ws.path) == before
    assert [a.agency for a in list_agreements(ws)] == ["กรมเดิม"]
    return caught.value


def messages(error: ProblemsError) -> str:
    return "\n".join(str(p) for p in error.problems)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".xlsm"])
def test_random_bytes(settled, tmp_path, suffix):
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(os.urandom(20_000))
    assert "not" in messages(refused(settled, path))


@pytest.mark.parametrize("fraction", [0.01, 0.3, 0.6, 0.9, 0.99])
def test_truncated_workbooks(settled, tmp_path, fraction):
    data = valid_xlsx(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(truncated(data, fraction))
    refused(settled, path)


def test_truncated_csv_keeps_whole_rows_only(settled, tmp_path):
    data = valid_csv_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: len(data) - 40])  # the last indicator row cut mid-way: weights no longer sum to 100
    refused(settled, path)


def test_wrong_types_in_every_column(settled, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    rows = indicator_rows("กรมชนิดผิด", 2569, 4)
    rows[0][1] = "ปีหน้า"  # year as words
    rows[1][6] = True  # a boolean weight
    rows[2][7] = "ต่ำ"  # a threshold as words
    rows[3][12] = openpyxl.utils.datetime.from_excel(45000)  # a date as a result
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "types.xlsx")
    refused(settled, tmp_path / "types.xlsx")


def test_a_gigantic_cell_is_refused_with_its_place(settled, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    rows = indicator_rows("กรมเซลล์ยาว", 2569, 4)
    rows[1][4] = "ก" * 30_000
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "long.xlsx")
    text = messages(refused(settled, tmp_path / "long.xlsx"))
    assert "E3" in text and f"{readers.MAX_CELL_CHARS:,}" in text


def test_a_gigantic_file_is_refused_before_it_is_read(settled, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:  # sparse: costs no disk, but its size is what the limit looks at
        handle.truncate(readers.MAX_FILE_BYTES + 1)
    # Refused on its size alone: a sparse file of zeros would otherwise read as one enormous empty row.
    assert "too large" in messages(refused(settled, path))


def test_too_many_rows_are_refused(settled, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(valid_csv_bytes() + b"x,2569,,9,y,,1,1,2,3,4,5,\r\n" * (readers.MAX_ROWS + 1))
    assert "rows" in messages(refused(settled, path))


def test_formulas_are_never_run(settled, tmp_path):
    # Formula cells without cached values read as empty; formula-looking text stays text. Either way: no
    # evaluation, and here the missing weight refuses the file.
    refused(settled, formula_xlsx(tmp_path / "formulas.xlsx"))


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"])
def test_billion_laughs_is_refused_quickly(settled, tmp_path, part):
    assert openpyxl.DEFUSEDXML, "openpyxl must parse through defusedxml (a dependency of this app)"
    bomb = billion_laughs_xlsx(tmp_path, part)
    assert bomb.suffix == ".xlsx"
    text = messages(refused(settled, bomb))
    assert "not supported" not in text, text  # refused for its content, not its name
    assert "can be read" in text


def test_an_external_entity_cannot_read_local_files(settled, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ความลับ", encoding="utf-8")
    text = messages(refused(settled, external_entity_xlsx(tmp_path, secret)))
    assert "ความลับ" not in text


def test_a_zip_bomb_is_refused_by_its_inflated_size(settled, tmp_path, monkeypatch):
    # The real limit is hundreds of MB; a lower one here shows the check without writing that much in CI.
    monkeypatch.setattr(readers, "MAX_UNZIPPED_BYTES", 8 * 1024 * 1024)
    bomb = zip_bomb_xlsx(tmp_path, 16 * 1024 * 1024)
    assert bomb.stat().st_size < 200_000
    assert "expands" in messages(refused(settled, bomb))


def test_a_zip_whose_sizes_lie_is_refused(settled, tmp_path):
    """A header that claims a small part while the data inflates further: Python's zipfile stops at the claimed
    size and the CRC check fails, so the lie cannot inflate past the limit."""
    source = valid_xlsx(tmp_path / "good.xlsx")
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # Shrink the declared size in the central directory entry of that part (offset 24: uncompressed size).
    header = data.rfind(b"PK\x01\x02", 0, data.find(info.filename.encode(), data.find(b"PK\x01\x02")))
    assert header >= 0
    data[header + 24: header + 28] = (100).to_bytes(4, "little")
    path = tmp_path / "liar.xlsx"
    path.write_bytes(bytes(data))
    refused(settled, path)


def test_an_archive_without_a_workbook_part(settled, tmp_path):
    source = valid_xlsx(tmp_path / "good.xlsx")
    broken = rewrite_parts(source, tmp_path / "noworkbook.xlsx", {"xl/workbook.xml": None})
    refused(settled, broken)


def test_duplicate_and_conflicting_rows(settled, tmp_path):
    rows = indicator_rows("กรมซ้ำ", 2569, 4)
    duplicate = tmp_path / "dup.csv"
    lines = [",".join(HEADERS)] + [",".join(map(str, r)) for r in [*rows, rows[1]]]
    duplicate.write_text("\n".join(lines), encoding="utf-8")
    refused(settled, duplicate)
    # The same agency and year in two files with different indicators: a conflict, not a merge.
    other = [list(r) for r in rows]
    other[0][4] = "ตัวชี้วัดอื่น"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("\n".join([",".join(HEADERS)] + [",".join(map(str, r)) for r in rows]), encoding="utf-8")
    second.write_text("\n".join([",".join(HEADERS)] + [",".join(map(str, r)) for r in other]), encoding="utf-8")
    refused(settled, first, second)


def test_an_import_that_changes_agreed_indicators_makes_a_draft_never_a_silent_change(settled, tmp_path):
    """Issue 13, item 4 (was: refused whole): the agreed version is untouched, the file's indicators become a new
    draft version, and the rest of the file is imported."""
    from evaluator_app.store.agreements import find_agreement_id
    from evaluator_app.store.versions import list_versions

    changed = tmp_path / "changed.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    rows = indicator_rows("กรมเดิม", 2569, 4)
    rows[0][7:12] = [1, 2, 3, 4, 5]  # different thresholds for an agreed indicator
    for row in [*rows, *indicator_rows("กรมใหม่", 2569, 4)]:
        sheet.append(row)
    book.save(changed)
    existing = find_agreement_id(settled, "กรมเดิม", 2569)
    assert existing is not None
    agreed = list_versions(settled, existing)
    summary = import_agreement_files(settled, [changed], actor="s")
    assert [v[1] for v in summary.new_versions] == ["กรมเดิม"] and [a[1] for a in summary.added] == ["กรมใหม่"]
    versions = list_versions(settled, existing)
    assert versions[: len(agreed)] == agreed and versions[-1].status.value == "draft"


def test_mixed_encodings_never_import_garbled_thai(settled, tmp_path):
    header = ",".join(HEADERS).encode("utf-8")
    rows = indicator_rows("กรมรหัสผสม", 2569, 4)
    lines = [header] + [",".join(map(str, r)).encode("utf-8" if n % 2 else "cp874") for n, r in enumerate(rows)]
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines))
    before = file_digest(settled.path)
    try:
        import_agreement_files(settled, [path], actor="s")
    except ProblemsError:
        assert file_digest(settled.path) == before
        return
    # If it was accepted, every agency name must be the Thai that was meant, never mojibake.
    assert {a.agency for a in list_agreements(settled)} <= {"กรมเดิม", "กรมรหัสผสม"}


def test_a_padded_part_is_refused_before_the_parser_sees_it(settled, tmp_path):
    """100 KB that inflates to a 100 MB XML comment took the parser minutes (expat < 2.6 is quadratic on one long
    token); a part that inflates far more than any workbook does is refused at once."""
    source = valid_xlsx(tmp_path / "good.xlsx")
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"<sheetData>", b"<sheetData><!--" + b" " * (40 * 1024 * 1024) + b"-->", 1)
    bomb = rewrite_parts(source, tmp_path / "padded.xlsx", {"xl/worksheets/sheet1.xml": padded})
    assert bomb.stat().st_size < 200_000
    assert "zip bomb" in messages(refused(settled, bomb))  # named as a bomb: refused before any parsing


def test_honest_big_workbooks_are_not_mistaken_for_bombs(tmp_path):
    from evaluator_app.exchange.agreement_workbook import read_agreement_files
    from tests.exchange.conftest import shipped_frameworks
    from tests.safety.helpers import agency_names, write_agreements_xlsx

    book = write_agreements_xlsx(tmp_path / "big.xlsx", agency_names(60), 2569, 25)
    reading = read_agreement_files([book], shipped_frameworks())
    assert reading.problems == () and len(reading.agreements) == 60
