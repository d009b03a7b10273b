"""Tab-separated blocks as Excel and LibreOffice Calc put them on the clipboard."""

from __future__ import annotations

from evaluator_app.ui.rating.clipboard import parse_block, to_tsv


def test_a_column_copied_from_a_spreadsheet():
    assert parse_block("92.5\r\n๙๐.๒๕\r\n1,250,000\r\n") == [["92.5"], ["๙๐.๒๕"], ["1,250,000"]]


def test_a_block_with_empty_cells_and_no_final_line_break():
    assert parse_block("1\t\t3\n\t5\t") == [["1", "", "3"], ["", "5", ""]]


def test_quoted_cells_keep_their_tabs_line_breaks_and_quotes():
    text = '"ร้อยละ\nความสำเร็จ"\t"a ""b"""\n'
    assert parse_block(text) == [["ร้อยละ\nความสำเร็จ", 'a "b"']]
    assert parse_block(to_tsv([["ร้อยละ\nความสำเร็จ", 'a "b"'], ["92%", ""]])) == [
        ["ร้อยละ\nความสำเร็จ", 'a "b"'], ["92%", ""]]


def test_an_empty_clipboard_is_no_block():
    assert parse_block("") == []
    assert parse_block("\n") == [[""]]
