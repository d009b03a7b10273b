"""Hostile files for the importer: XML bombs, zip bombs, formulas, truncations, each built from a real xlsx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.safety.helpers import HEADERS, indicator_rows

BILLION_LAUGHS_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
    + "]>"
)


def valid_xlsx(path: Path, agency: str = "กรมปกติ") -> Path:
    """A small good workbook as Excel writes it (shared strings, not inline ones)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in indicator_rows(agency, 2569, 4):
        sheet.append(row)
    book.save(path)
    return path


def valid_csv_bytes(agency: str = "กรมปกติ") -> bytes:
    lines = [",".join(HEADERS)] + [",".join(str(v) for v in row) for row in indicator_rows(agency, 2569, 4)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def rewrite_parts(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of an xlsx with some parts replaced (or removed, for None)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            if item.filename in change:
                if change[item.filename] is not None:
                    out.writestr(item.filename, change[item.filename])
            else:
                out.writestr(item, original.read(item.filename))
        for name, data in change.items():
            if data is not None and name not in original.namelist():
                out.writestr(name, data)
    return target


def with_entity_bomb(xml: bytes) -> bytes:
    """The same XML part with a billion-laughs DTD, the bomb referenced in its first value, text or name."""
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    body = xml[declaration_end:]
    for spot in (b"<v>", b"<t>", b'name="'):
        if spot in body:
            body = body.replace(spot, spot + b"&lol9;", 1)
            break
    else:
        raise ValueError("no place for the entity in this part")
    return xml[:declaration_end] + BILLION_LAUGHS_DTD.encode() + body


def billion_laughs_xlsx(folder: Path, part: str) -> Path:
    source = valid_xlsx(folder / "source.xlsx")
    with zipfile.ZipFile(source) as archive:
        bombed = with_entity_bomb(archive.read(part))
    # The name keeps .xlsx: a bomb refused for its file name would prove nothing about the XML parser.
    name = "bomb-" + part.replace("/", "-").removesuffix(".xml") + ".xlsx"
    return rewrite_parts(source, folder / name, {part: bombed})


def external_entity_xlsx(folder: Path, secret: Path) -> Path:
    """XXE: a sheet that asks the parser to pull a local file into a cell."""
    source = valid_xlsx(folder / "source.xlsx")
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    end = sheet.index(b"?>") + 2 if sheet.startswith(b"<?xml") else 0
    evil = (sheet[:end] + f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
            + sheet[end:].replace(b"<v>", b"<v>&xxe;", 1))
    return rewrite_parts(source, folder / "xxe.xlsx", {"xl/worksheets/sheet1.xml": evil})


def zip_bomb_xlsx(folder: Path, inflated_bytes: int) -> Path:
    """A valid workbook plus one part that inflates to `inflated_bytes` of zeros (about a thousandth on disk)."""
    source = valid_xlsx(folder / "source.xlsx")
    target = folder / "zip-bomb.xlsx"
    rewrite_parts(source, target, {})
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/media/padding.bin", "w", force_zip64=True) as handle:
        block = b"\x00" * (1 << 20)
        for _ in range(inflated_bytes // len(block)):
            handle.write(block)
    return target


def formula_xlsx(path: Path) -> Path:
    """A workbook whose cells hold formulas (no cached values, as a generator writes them) and formula-like text."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    rows = indicator_rows("=HYPERLINK(\"http://example.invalid\",\"กรมสูตร\")", 2569, 4)
    rows[0][6] = "=25+25"  # a weight computed by a formula
    rows[1][4] = "=cmd|' /C calc'!A0"  # DDE: text a spreadsheet would run
    rows[2][12] = "=SUM(H4:L4)"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def truncated(data: bytes, fraction: float) -> bytes:
    return data[: max(1, int(len(data) * fraction))]


def xlsx_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()


def zip_with_entries(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()
