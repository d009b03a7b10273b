"""Tab-separated text as spreadsheets put it on the clipboard, and back: Excel and LibreOffice Calc copy a block as
lines of tab-separated cells, quoting a cell that holds a tab, a line break or a quote."""

from __future__ import annotations


def parse_block(text: str) -> list[list[str]]:
    """The cells of a copied block, line by line; the line break after the last line is not an empty line."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    quoted = False
    at_cell_start = True
    position = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    while position < len(text):
        char = text[position]
        if quoted:
            if char == '"' and text[position + 1:position + 2] == '"':
                cell.append('"')
                position += 1
            elif char == '"':
                quoted = False
            else:
                cell.append(char)
        elif char == '"' and at_cell_start:
            quoted = True
        elif char == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
            position += 1
            continue
        elif char == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
            position += 1
            continue
        else:
            cell.append(char)
        at_cell_start = False
        position += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    """A block as a spreadsheet reads it from the clipboard; a cell with a tab, line break or quote is quoted."""
    def cell(text: str) -> str:
        if any(c in text for c in '\t\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(text) for text in row) + "\n" for row in rows)
