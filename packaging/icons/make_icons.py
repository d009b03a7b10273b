"""Draw the app icon: a clipboard with a green check mark and the word ประเมิน (evaluate), as SVG and PNGs.

Run from the repository root with the project's Python (Qt offscreen; Pillow, a reportlab dependency, writes the
Windows .ico and the macOS .icns):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py

The word is converted to outlines with the bundled Sarabun Bold, so the SVG looks the same on a desktop without
Sarabun (librsvg would otherwise substitute a font, or draw boxes). Small sizes (48 px and below) use a variant
without the word, which would only be a grey smudge at that size. The outputs are committed; re-run this only
to change the drawing.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
WORD = "ประเมิน"
NAME = "evaluator-app"

RESOURCE_ICONS = ROOT / "resources" / "icons"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
LINUX_SIZES = (48, 128, 256)
WINDOWS_ICO = ROOT / "packaging" / "windows" / f"{NAME}.ico"
MACOS_ICNS = ROOT / "packaging" / "macos" / f"{NAME}.icns"

# 256 x 256 canvas
BACKGROUND = "#1f4e79"  # deep blue
BOARD = "#fdfaf2"
CLIP = "#8a6d3b"
CHECK = "#2e9e4f"
INK = "#1f4e79"


def word_path(width: float, baseline_y: float, centre_x: float) -> str:
    """SVG path data of WORD in Sarabun Bold, scaled to `width` and centred on `centre_x`."""
    font_file = ROOT / "resources" / "fonts" / "Sarabun-Bold.ttf"
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        raise SystemExit(f"cannot load {font_file}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(100)
    font.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, font, WORD)  # shaped by Qt: the marks sit where Sarabun puts them
    box = path.boundingRect()
    scale = width / box.width()
    dx = centre_x - (box.left() + box.width() / 2) * scale
    dy = baseline_y

    def pt(x: float, y: float) -> str:
        return f"{x * scale + dx:.2f} {y * scale + dy:.2f}"

    parts: list[str] = []
    i = 0
    count = path.elementCount()
    while i < count:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            parts.append(f"M{pt(e.x, e.y)}")
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            parts.append(f"L{pt(e.x, e.y)}")
            i += 1
        else:  # CurveToElement followed by two CurveToDataElements
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{pt(e.x, e.y)} {pt(c2.x, c2.y)} {pt(end.x, end.y)}")
            i += 3
    return "".join(parts)


def svg(with_word: bool) -> str:
    check_y = 118 if with_word else 138
    check_size = 1.0 if with_word else 1.25
    # the check mark: a thick rounded polyline, scaled around the board's centre
    points = [(-38, 0), (-10, 28), (42, -30)]
    cx = 128
    check = " ".join(f"{cx + x * check_size:.1f},{check_y + y * check_size:.1f}" for x, y in points)
    word = ""
    if with_word:
        word = f'  <path d="{word_path(width=118, baseline_y=212, centre_x=128)}" fill="{INK}"/>\n'
    lines = "" if with_word else (
        f'  <rect x="84" y="196" width="88" height="10" rx="5" fill="{INK}" opacity="0.35"/>\n'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <title>evaluator-app: {WORD}</title>\n'
        f'  <rect x="8" y="8" width="240" height="240" rx="44" fill="{BACKGROUND}"/>\n'
        f'  <rect x="50" y="34" width="156" height="200" rx="14" fill="{BOARD}"/>\n'
        f'  <rect x="50" y="34" width="156" height="200" rx="14" fill="none" stroke="#0b2a45" '
        'stroke-opacity="0.25" stroke-width="3"/>\n'
        f'  <rect x="92" y="20" width="72" height="32" rx="9" fill="{CLIP}"/>\n'
        '  <circle cx="128" cy="30" r="6" fill="#5b4727"/>\n'
        f'  <polyline points="{check}" fill="none" stroke="{CHECK}" stroke-width="{22 * check_size:.1f}" '
        'stroke-linecap="round" stroke-linejoin="round"/>\n'
        f"{word}{lines}"
        "</svg>\n"
    )


def render(svg_text: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg_text.encode()))
    if not renderer.isValid():
        raise SystemExit("the SVG did not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    full, small = svg(with_word=True), svg(with_word=False)
    RESOURCE_ICONS.mkdir(parents=True, exist_ok=True)
    (RESOURCE_ICONS / f"{NAME}.svg").write_text(full, encoding="utf-8")
    (RESOURCE_ICONS / f"{NAME}.png").write_bytes(png_bytes(render(full, 256)))
    for size in LINUX_SIZES:
        folder = HICOLOR / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{NAME}.png").write_bytes(png_bytes(render(small if size <= 48 else full, size)))
    scalable = HICOLOR / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{NAME}.svg").write_text(full, encoding="utf-8")

    try:
        from PIL import Image
    except ImportError:
        print("Pillow is not installed: the .ico and .icns were not written", file=sys.stderr)
        return 0
    big = Image.open(io.BytesIO(png_bytes(render(full, 1024)))).convert("RGBA")
    WINDOWS_ICO.parent.mkdir(parents=True, exist_ok=True)
    # One .ico: 64-256 px from the full drawing, 16-48 px from the variant without the word (Pillow uses an
    # appended image for the size it matches, and resizes the first image for the others).
    ico_big = Image.open(io.BytesIO(png_bytes(render(full, 256)))).convert("RGBA")
    small_images = [Image.open(io.BytesIO(png_bytes(render(small, s)))).convert("RGBA") for s in (16, 24, 32, 48)]
    ico_big.save(WINDOWS_ICO, format="ICO", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
                 append_images=small_images)
    MACOS_ICNS.parent.mkdir(parents=True, exist_ok=True)
    big.save(MACOS_ICNS, format="ICNS")
    print("icons written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
