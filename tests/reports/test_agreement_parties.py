"""The agreement paper names its parties in clause 1 and gives every party a signature block: a real PDF read back
with pypdf and poppler, and its word boxes checked against the page."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from evaluator_app.reports.papers import make_agreement_paper
from evaluator_app.reports.party_signatures import BLANK_PARTY
from evaluator_app.store.agreements import add_agreement
from evaluator_app.store.parties import set_parties
from tests.conftest import example_agreement
from tests.parties_data import GIVER, LONG_AGENCY, PARTIES, RECIPIENT, SECOND_GIVER

from .helpers import comparable, pdftotext_raw, pypdf_pages, render_pages, require_tool

A4_WIDTH = 595.0


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", comparable(text))


def words(path: Path, page: int) -> list[tuple[str, float, float, float]]:
    """(word, xMin, xMax, yMin) of one page (1-based), from poppler's bounding boxes."""
    tool = require_tool("pdftotext")
    xml = subprocess.run([tool, "-bbox", "-f", str(page), "-l", str(page), str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    return [(w.text or "", float(w.get("xMin", 0)), float(w.get("xMax", 0)), float(w.get("yMin", 0)))
            for w in root.iter("{http://www.w3.org/1999/xhtml}word")]


@pytest.fixture
def paper(workspace, tmp_path) -> Path:
    stored = add_agreement(workspace, replace(example_agreement(LONG_AGENCY), parties=()), actor="sec")
    set_parties(workspace, stored.id, PARTIES, actor="sec")
    path = tmp_path / "agreement.pdf"
    make_agreement_paper(workspace, stored.id, path, actor="sec", digits="thai")
    return path


def test_clause_one_names_every_party_with_position_and_side(paper):
    text = squashed("\n".join(pypdf_pages(paper)))
    clause = squashed(f"๑. คำรับรองระหว่าง {RECIPIENT.name} ตำแหน่ง {RECIPIENT.position} ผู้รับคำรับรอง กับ "
                      f"{GIVER.name} ตำแหน่ง {GIVER.position} และ {SECOND_GIVER.name} ตำแหน่ง "
                      f"{SECOND_GIVER.position} ผู้ทำคำรับรอง")
    assert clause in text
    assert "–ผู้รับคำรับรอง" not in text


def test_every_party_has_a_signature_block_with_name_position_and_date_line(paper, tmp_path):
    pages = [squashed(t) for t in pypdf_pages(paper)]
    signing = next(n for n, t in enumerate(pages) if squashed(f"({GIVER.name})") in t)
    page = pages[signing]
    for party in PARTIES:
        assert squashed(f"({party.name})") in page, party.name
        assert squashed(party.position) in page, party.position
    assert page.count("ลงชื่อ") == 3
    assert page.count(squashed("วันที่ ....... เดือน")) == 3
    assert page.count("ผู้รับคำรับรอง") >= 1 and page.count("ผู้ทำคำรับรอง") >= 2
    # Recipients sign on the left half, givers on the right; nothing runs past the page's side margins.
    boxes = words(paper, signing + 1)
    top = min(y for word, _, _, y in boxes if word == "ลงชื่อ")
    blocks = [b for b in boxes if b[3] >= top - 1]
    assert blocks and all(x0 >= 40 and x1 <= A4_WIDTH - 40 for _, x0, x1, _ in blocks)
    opening = [b for b in blocks if b[0].startswith("(")]
    recipient = next(b for b in opening if comparable(b[0]).startswith(f"({RECIPIENT.name.split()[0]}"))
    givers = [b for b in opening if b is not recipient]
    assert recipient[2] < A4_WIDTH / 2
    assert len(givers) == 2 and all(b[1] > A4_WIDTH / 2 for b in givers)
    assert render_pages(paper, tmp_path)  # poppler draws every page


def test_without_parties_the_paper_leaves_lines_to_fill_in_by_hand(workspace, tmp_path):
    stored = add_agreement(workspace, replace(example_agreement(LONG_AGENCY), parties=()), actor="sec")
    path = tmp_path / "blank.pdf"
    make_agreement_paper(workspace, stored.id, path, actor="sec", digits="arabic")
    text = "\n".join(pypdf_pages(path))
    assert squashed("1. คำรับรองระหว่าง") in squashed(text)
    assert text.count(BLANK_PARTY[:20]) >= 4  # two in clause 1, one in each blank signature block
    assert squashed(text).count("ลงชื่อ") == 2
    raw = "\n".join(comparable(line).strip() for line in pdftotext_raw(path).splitlines())
    assert "ผู้รับ\nคำรับรอง" not in raw and "ผู้ทำ\nคำรับรอง" not in raw, "a side's title is one word"
    assert "ผู้รับคำรับรอง" in raw
