"""PDF pages as pictures, for the preview and for printing: rendered with PDFium (the pypdfium2 wheel, a few MB, on
Windows, macOS and Linux alike), because QtPdf comes only with PySide6 builds this app cannot use.

Without PDFium the window still works: the preview shows the text of each page, and printing hands the PDF to the
system's viewer.
"""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300  # what a laser printer reproduces of Sarabun's fine marks; the PDF's own vectors are not needed


def _pdfium() -> Any | None:
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - a build without the wheel
        return None
    return pypdfium2


def can_render_pages() -> bool:
    return _pdfium() is not None


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def page_images(data: bytes, dpi: float) -> list[QImage]:
    """Every page as an image at `dpi` (safe on a worker thread: QImage, not QPixmap)."""
    pdfium = _pdfium()
    if pdfium is None:
        return []
    document = pdfium.PdfDocument(data)
    try:
        return [_render(document[n], dpi) for n in range(len(document))]
    finally:
        document.close()


def _render(page: Any, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB bytes, the order QImage's RGB888 reads
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels before PDFium frees its buffer
    finally:
        bitmap.close()
        page.close()


def page_texts(data: bytes) -> list[str]:
    """The text of every page, for the preview when pages cannot be drawn."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def print_pdf(data: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Draw every page of the PDF on the printer, each filling one sheet as the PDF lays it out; the page count.

    The PDF carries its own margins, so the printer's are not added again (full-page mode).
    """
    pdfium = _pdfium()
    if pdfium is None:
        raise RuntimeError("PDFium (pypdfium2) is not available")
    printer.setFullPage(True)
    document = pdfium.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        sheet = printer.pageLayout().fullRectPixels(printer.resolution())
        for n in range(len(document)):
            if n:
                printer.newPage()
            image = _render(document[n], dpi)
            size = QSizeF(image.width(), image.height()).scaled(QSizeF(sheet.size()),
                                                                 Qt.AspectRatioMode.KeepAspectRatio)
            left = (sheet.width() - size.width()) / 2
            top = (sheet.height() - size.height()) / 2
            painter.drawImage(QRectF(left, top, size.width(), size.height()), image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()

