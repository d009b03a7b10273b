"""The columns of the agreement workbook: canonical names, Thai and English headers, and header matching."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

THRESHOLD_LEVELS = 5


@dataclass(frozen=True)
class Column:
    """One column of the one-row-per-indicator layout."""

    name: str  # canonical name, the key of ReadRow.values
    thai: str  # the header the template writes
    english: str
    required: bool = False  # the header row must have it
    aliases: tuple[str, ...] = field(default=(), repr=False)

    @property
    def label(self) -> str:
        """Both headers, as messages list a missing column: "น้ำหนัก (weight)"."""
        return f"{self.thai} ({self.english})"


def _levels() -> tuple[Column, ...]:
    # The 2560-onward scheme names its three levels; they are levels 1-3 of the same columns.
    named = {1: ("ขั้นต้น", "basic"), 2: ("มาตรฐาน", "standard"), 3: ("ขั้นสูง", "advanced")}
    columns = []
    for n in range(1, THRESHOLD_LEVELS + 1):
        aliases = [f"ระดับ {n}", f"ระดับที่ {n}", f"เกณฑ์การให้คะแนน {n}", f"เกณฑ์การให้คะแนนระดับ {n}",
                   f"เกณฑ์ระดับ {n}", f"level {n}", f"criteria {n}"]
        aliases += named.get(n, ())
        columns.append(Column(f"level_{n}", f"เกณฑ์ {n}", f"level_{n}", required=n <= 3, aliases=tuple(aliases)))
    return tuple(columns)


COLUMNS: tuple[Column, ...] = (
    Column("agency", "ส่วนราชการ", "agency", True, ("หน่วยงาน", "ชื่อส่วนราชการ", "ชื่อหน่วยงาน")),
    Column("fiscal_year", "ปีงบประมาณ", "fiscal_year", True,
           ("ปีงบประมาณ พ.ศ.", "ปีงบประมาณ (พ.ศ.)", "ปี พ.ศ.", "fiscal year", "year")),
    Column("dimension", "มิติ", "dimension", False, ("มิติการประเมิน", "องค์ประกอบ")),
    Column("code", "ตัวชี้วัดที่", "code", True, ("รหัส", "รหัสตัวชี้วัด", "ลำดับ", "ลำดับที่", "kpi code", "no.")),
    Column("name", "ตัวชี้วัด", "indicator", True, ("ชื่อตัวชี้วัด", "name", "indicator name", "kpi")),
    Column("unit", "หน่วยวัด", "unit", False, ("หน่วยนับ",)),
    Column("weight", "น้ำหนัก", "weight", True, ()),
    *_levels(),
    Column("target", "เป้าหมาย", "target", False, ("ค่าเป้าหมาย",)),
    Column("baseline", "ข้อมูลพื้นฐาน", "baseline", False, ("ข้อมูลฐาน",)),
    Column("kind", "ประเภท", "kind", False, ("ประเภทตัวชี้วัด", "type")),
    # interpolated (default for plain numbers) or banded (default for ranges such as "60 - 69.99")
    Column("scoring", "วิธีคิดคะแนน", "scoring", False, ("วิธีการคิดคะแนน", "วิธีให้คะแนน", "วิธีการให้คะแนน",
                                                          "scoring method", "method")),
    Column("result", "ผลการดำเนินงาน", "result", False, ("ผลการดำเนินงานจริง", "ผลการประเมินตนเอง")),
    Column("round", "รอบ", "round", False, ("รอบการประเมิน", "รอบการรายงาน")),
    Column("description", "คำอธิบาย", "description", False, ("คำอธิบายตัวชี้วัด",)),
    Column("formula", "สูตรการคำนวณ", "formula", False, ("สูตรคำนวณ",)),
    Column("conditions", "เงื่อนไข", "conditions", False, ()),
    Column("data_source", "แหล่งข้อมูล", "data_source", False, ("data source",)),
    Column("supervisor", "ผู้กำกับดูแลตัวชี้วัด", "supervisor", False, ()),
    Column("collector", "ผู้จัดเก็บข้อมูล", "collector", False, ()),
    Column("start_round", "เริ่มรอบ", "start_round", False, ("start round",)),
    Column("cancel_round", "ยกเลิกตั้งแต่รอบ", "cancel_round", False, ("cancel round",)),
    # Empty means the year's default framework; from 2560 the 100-point scheme (opdc-2560-onward) is named here.
    Column("framework", "กรอบการประเมิน", "framework", False, ("framework_id", "framework id")),
)

BY_NAME = {c.name: c for c in COLUMNS}
LEVEL_NAMES = tuple(f"level_{n}" for n in range(1, THRESHOLD_LEVELS + 1))


def canonical_columns() -> tuple[Column, ...]:
    """Every column in template order (used by the template and by exporters)."""
    return COLUMNS


def required_columns() -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if c.required)


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# A trailing "*" (required mark) or a unit in parentheses, "น้ำหนัก (ร้อยละ)"; repeated, "(ร้อยละ) (weight)".
_TRAILING_NOTE = re.compile(r"(\*|\([^()]*\)|（[^（）]*）|:)\s*$")
_IGNORED = re.compile(r"[\s\u00a0\u200b_\-]+")


_THAI_DIGIT = re.compile("[๐-๙]")


def header_key(text: str) -> str:
    """A header reduced for comparison: case, spaces, line breaks, '_', a trailing '*' or '(unit)' ignored."""
    if _THAI_DIGIT.search(text):  # translate looks up every character: only when there is one to change
        text = text.translate(_THAI_DIGITS)
    text = text.casefold().strip().lstrip("*").strip()
    while text and text[-1] in "*):）":  # a trailing note ends with one of these, once stripped
        stripped = _TRAILING_NOTE.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    return _IGNORED.sub("", text)


MAX_HEADER_CHARS = 200  # no header is longer; longer cells are data, and are not worth normalising

_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    for _alias in (_column.name, _column.thai, _column.english, *_column.aliases):
        _ALIASES.setdefault(header_key(_alias), _column.name)


@lru_cache(maxsize=8192)  # a sheet repeats its agency, unit and dimension texts on every row
def match_header(text: str) -> str | None:
    """The canonical column a header cell names, or None.

    The whole cell is tried first ("ตัวชี้วัด\\nที่" is one header broken over two lines); then each line,
    for headers that give Thai and English on separate lines, which must then agree.
    """
    if len(text) > MAX_HEADER_CHARS:
        return None
    whole = _ALIASES.get(header_key(text))
    if whole or "\n" not in text:
        return whole
    found = {_ALIASES.get(header_key(line)) for line in text.splitlines() if line.strip()} - {None}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class HeaderRow:
    """The header row of a sheet: which column index holds which canonical column."""

    index: int  # 0-based row index in the grid
    positions: dict[str, int]  # canonical name -> 0-based column index
    texts: dict[str, str]  # canonical name -> the header as written, line breaks as spaces
    repeated: dict[str, tuple[int, ...]]  # canonical names found in more than one column
    # a two-row header's rows as written (group headers above, sub-headers below); the last of them is `index`
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def missing(self) -> tuple[Column, ...]:
        return tuple(c for c in required_columns() if c.name not in self.positions)


MIN_RECOGNISED = 3  # fewer matching headers than this and the sheet holds no agreement table
# Once a row names MIN_RECOGNISED columns, this many rows from it are compared for one naming more (a summary
# table above the real one, a group header over its sub-headers); rows further down are data.
HEADER_SCAN_ROWS = 30


# Tables often number their rows in a "ลำดับ" column beside the real code column; the code column wins then.
_WEAK_ALIASES = {header_key(a) for a in ("ลำดับ", "ลำดับที่", "no.")}


def _header_candidate(index: int, row: Sequence[str]) -> HeaderRow:
    positions: dict[str, int] = {}
    texts: dict[str, str] = {}
    repeated: dict[str, list[int]] = {}
    weak: dict[str, tuple[int, str]] = {}
    for column, text in enumerate(row):
        name = match_header(text) if text else None
        if name is None:
            continue
        if header_key(text) in _WEAK_ALIASES:
            weak.setdefault(name, (column, text))
            continue
        if name in positions:
            repeated.setdefault(name, [positions[name]]).append(column)
            continue
        positions[name] = column
        texts[name] = " ".join(text.split())
    for name, (column, text) in weak.items():
        if name not in positions:
            positions[name] = column
            texts[name] = " ".join(text.split())
    return HeaderRow(index, positions, texts, {k: tuple(v) for k, v in repeated.items()})


def find_header_row(rows: Sequence[Sequence[str]], labels: Sequence[Sequence[str]] | None = None) -> HeaderRow | None:
    """The row that names the most columns, or None. Any number of rows may sit above it (a title block, notes,
    approval text: 40 rows and more): the sheet is searched down to the first row naming MIN_RECOGNISED
    columns, and HEADER_SCAN_ROWS rows from there for one naming more. `rows` may convert each row as it is
    asked for: rows below the header are never looked at. `labels`, when given, are the same rows with only the
    cells that can name a column (text, never a number): the search reads them, cheaper to convert and match.

    Rule: a two-row header is read as one, merged or not ("เกณฑ์การให้คะแนน" over 1 2 3 4 5, "ผลการประเมินตนเอง"
    over ผล / คะแนน) when the two rows together name more columns than either alone.
    """
    best: HeaderRow | None = None
    end = len(rows)
    index = 0
    searched = rows if labels is None else labels
    while index < end:
        row = searched[index]
        if sum(1 for text in row if text) >= MIN_RECOGNISED:  # a title, a note, a blank row: quickly past
            candidate = _header_candidate(index, row)
            if len(candidate.positions) >= MIN_RECOGNISED and (best is None or len(best.positions) < MIN_RECOGNISED):
                end = min(end, index + HEADER_SCAN_ROWS)  # the first row that can be the header
            if best is None or len(candidate.positions) > len(best.positions):
                best = candidate
        index += 1
    if best is None or len(best.positions) < MIN_RECOGNISED:
        return None
    for top in (best.index - 1, best.index):
        if top < 0 or top + 1 >= len(rows):
            continue
        joined = _two_row_candidate(top, rows[top], rows[top + 1])
        if len(joined.positions) > len(best.positions):
            best = joined
    return best


# Sub-headers that only repeat what their group names: "ผลการประเมินตนเอง" over "ผล" is the result itself.
_SAME_AS_GROUP = {header_key(t) for t in ("ผล", "ผลการดำเนินงาน", "result", "value", "ค่า")}


def _two_row_candidate(top: int, upper: Sequence[str], lower: Sequence[str]) -> HeaderRow:
    """Rows `top` and `top + 1` read as one header: a group header carries right over the empty cells beside it
    (a merged cell keeps its text in the first cell only) and is joined to each sub-header below it."""
    width = max(len(upper), len(lower))
    texts: list[str] = []
    group = ""
    for column in range(width):
        above = upper[column] if column < len(upper) else ""
        below = lower[column] if column < len(lower) else ""
        if above:
            group = above
        elif not below:
            group = ""
        if not below:
            texts.append(above)
            continue
        if not group:
            texts.append(below)
            continue
        joined = f"{group} {below}"
        if match_header(joined) is None and header_key(below) in _SAME_AS_GROUP and match_header(group):
            joined = group
        elif match_header(joined) is None and match_header(below) is not None:
            joined = below
        texts.append(joined)
    candidate = _header_candidate(top + 1, texts)
    return HeaderRow(candidate.index, candidate.positions, candidate.texts, candidate.repeated,
                     (tuple(upper), tuple(lower)))


def is_repeated_header(row: Sequence[str], header: HeaderRow) -> bool:
    """A later row that repeats the headers (a second English header line, or headers repeated per page)."""

    def names(name: str) -> bool:
        column = header.positions.get(name)
        return column is not None and column < len(row) and bool(row[column]) and match_header(row[column]) == name

    # A data row's code cell holds a code, never a header: checking it first keeps big files fast.
    if not names("code") and not names("weight"):
        return False
    same = sum(1 for name, column in header.positions.items()
               if column < len(row) and row[column] and match_header(row[column]) == name)
    return same >= MIN_RECOGNISED
