"""Reading real PDFs back in report tests: text via pypdf and poppler, pages via pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator_app.reports.tounicode import normalise_thai_for_compare

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")

# pypdf and poppler both read a rightward TJ move of more than about 0.12 em as a word gap.  After a
# mark that HarfBuzz shifts far left (the tone of ปั้น, over a tall consonant) reportlab moves back
# by 0.163 em, so both insert a space inside the word; Chrome's PDFium does so less often.  The
# characters and their order are right: this drops only a space between a Thai mark and a Thai letter.
_GAP_AFTER_MARK = re.compile("(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]) (?=[\u0e01-\u0e4e])")


def comparable(text: str) -> str:
    """Extracted or typed text with ำ recomposed and extractors' word-gap guesses after marks removed."""
    return _GAP_AFTER_MARK.sub("", normalise_thai_for_compare(text))


def pypdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install -y poppler-utils); CI installs it")
    return found


def pdftotext_raw(path: Path) -> str:
    """Poppler's text in content-stream order (its default reading-order mode reorders Thai marks)."""
    tool = require_tool("pdftotext")
    return subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def render_pages(path: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    tool = require_tool("pdftoppm")
    subprocess.run([tool, "-r", str(dpi), "-png", str(path), str(out_dir / "page")], check=True)
    return sorted(out_dir.glob("page-*.png"))
