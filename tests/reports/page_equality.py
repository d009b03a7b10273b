"""Do two PDFs print the same pages? Poppler's text and 50 dpi renders, page by page.

Speed work on the reports must not move a glyph: verify draws every report issued before again and compares what
it prints (reports.printed), and people compare printouts by eye. This harness is how a change to the drawing is
judged: the same papers drawn by the old and the new code, each page's `pdftotext -layout` text and its
`pdftoppm -r 50` PNG compared. Pixels must be equal (`tolerance` 0): a glyph moved by a hundredth of a point can
already change a pixel's grey level at 50 dpi, and no change of ours is meant to move one at all.

As a tool, to compare two source trees (e.g. the branch point and a branch) on real issued reports:

    python -m tests.reports.page_equality render TREE SNAPSHOTS.pickle OUT_DIR   # run once per tree
    python -m tests.reports.page_equality compare OLD_DIR NEW_DIR

`render` draws each pickled snapshot (a list of store.snapshots.Snapshot) with the evaluator_app of TREE.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    text: str  # pdftotext -layout
    pixels: bytes  # RGB, row by row
    size: tuple[int, int]


def pages_of(pdf: bytes, dpi: int = 50) -> list[Page]:
    """Every page of `pdf` as poppler reads and renders it."""
    from PIL import Image

    pdftotext, pdftoppm = shutil.which("pdftotext"), shutil.which("pdftoppm")
    if pdftotext is None or pdftoppm is None:
        raise FileNotFoundError("pdftotext and pdftoppm (poppler-utils) are needed")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.pdf"
        path.write_bytes(pdf)
        text = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
        subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(path), str(Path(folder) / "page")], check=True)
        images = sorted(Path(folder).glob("page-*.png"))
        texts = text.split("\f")
        pages = []
        for index, image_path in enumerate(images):
            with Image.open(io.BytesIO(image_path.read_bytes())) as image:
                rgb = image.convert("RGB")
                pages.append(Page(texts[index] if index < len(texts) else "", rgb.tobytes(), rgb.size))
    return pages


def differences(old: bytes, new: bytes, *, dpi: int = 50, tolerance: int = 0) -> list[str]:
    """What differs between the pages of two PDFs, one line per page that differs; [] when they print alike.
    `tolerance`: the largest difference allowed in one colour channel of one pixel."""
    before, after = pages_of(old, dpi), pages_of(new, dpi)
    found = []
    if len(before) != len(after):
        found.append(f"{len(before)} pages before, {len(after)} after")
    for number, (a, b) in enumerate(zip(before, after, strict=False), start=1):
        if a.text != b.text:
            found.append(f"page {number}: the text differs")
        if a.size != b.size:
            found.append(f"page {number}: {a.size} before, {b.size} after")
        elif a.pixels != b.pixels:
            worst = max(abs(x - y) for x, y in zip(a.pixels, b.pixels, strict=True))
            if worst > tolerance:
                changed = sum(1 for x, y in zip(a.pixels, b.pixels, strict=True) if x != y)
                found.append(f"page {number}: {changed} channel values differ, by up to {worst}")
    return found


def _render(tree: Path, snapshots: Path, out: Path) -> None:
    import pickle

    sys.path.insert(0, str(tree))
    from evaluator_app.reports.papers import render_paper
    from evaluator_app.reports.seal import Seal

    out.mkdir(parents=True, exist_ok=True)
    for index, snapshot in enumerate(pickle.loads(snapshots.read_bytes())):
        rendered = render_paper(snapshot.content, Seal.of(snapshot), "thai", "auto")
        (out / f"{index:03d}.pdf").write_bytes(rendered.data)


def _compare(old: Path, new: Path) -> int:
    bad = 0
    for path in sorted(old.glob("*.pdf")):
        other = new / path.name
        found = differences(path.read_bytes(), other.read_bytes()) if other.exists() else ["missing"]
        for line in found:
            print(f"{path.name}: {line}")
        bad += bool(found)
    print(f"{len(list(old.glob('*.pdf')))} papers, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["render"] and len(sys.argv) == 5:
        _render(Path(sys.argv[2]).resolve(), Path(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        sys.exit(_compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
