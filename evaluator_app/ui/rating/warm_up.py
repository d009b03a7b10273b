"""What the first agreement clicked would otherwise do for the first time, done once the window is ready and idle.

The first switch after start-up cost 6-20 ms more than the later ones (issue 16): every glyph drawn for the first
time in a font is rasterised into that font's glyph cache (the table's normal, bold and italic text, the details
pane's heading, bold labels and small print), and the details form makes its labels when an indicator first needs
that many rows. Here the glyphs of the Thai block, the digits and the Latin letters are drawn once in each font the
table and the details pane use, into a pixmap nobody sees (the glyph caches are shared with the window's own
paints), and the form's rows are made ahead, hidden. Last, the objects of the start-up (modules, classes, the
open workspace's) are moved out of the garbage collector's way (`gc.freeze`): a full collection walked them all,
some 30 ms once in about forty clicks or typed results; the window gives them back (`gc.unfreeze`) when the
workspace closes, so nothing of a closed workspace is kept.

It starts only after the table has been painted (the start-up is measured to the first paint and to "ready"), one
small step per turn of the event loop (one font, a few milliseconds), so a key or click waits at most for one step.
It takes no focus, changes no selection or text, and stops when the panel goes (another workspace) or the window
closes.
"""

from __future__ import annotations

import functools
import gc
import html
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap, QTextDocument

from ..common.session import WorkspaceSession
from .agreement_panel import AgreementPanel
from .details_pane import DetailsPane


def _thai_samples() -> list[str]:
    """Lines that use every glyph of the Thai block the data can hold: each consonant, the vowels before and after
    it, the marks above and below a short, a tall and a descending consonant (fonts place them with glyphs of their
    own), tone marks over upper vowels, Thai digits; then the Latin letters, digits and punctuation of the window."""
    consonants = "".join(chr(code) for code in range(0x0E01, 0x0E2F))
    above_below = "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E"
    tones = "\u0E48\u0E49\u0E4A\u0E4B\u0E4C"
    lines = [consonants,
             " ".join(f"{lead}ก{tail}" for lead in ("", "เ", "แ", "โ", "ใ", "ไ") for tail in ("ะ", "า", "ำ", "ๅ", "")),
             " ".join(f"{base}{mark}" for base in "กปฝฟฬฎฏฐญ" for mark in above_below),
             " ".join(f"{base}{vowel}{tone}" for base in "กป" for vowel in "\u0E31\u0E34\u0E35\u0E36\u0E37"
                      for tone in tones),
             " ".join(f"ก{tone}" + f"ป{tone}" for tone in tones) + " ฯ ๆ ฿ ๏ ๚ ๛",
             "๐๑๒๓๔๕๖๗๘๙ 0123456789 .,:;-+/%()[]<>=*\"'!?&#@_ · — – … • ✕ ≥ ≤",
             "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz"]
    return lines


SAMPLES = _thai_samples()


class WarmUp(QObject):
    """Runs its steps one per turn of the event loop, from the first paint of the table after it is made."""

    finished = Signal()  # every step has run

    def __init__(self, session: WorkspaceSession, panel: AgreementPanel, details: DetailsPane):
        super().__init__(panel)  # goes with the panel: another workspace, or the window closed
        self._session = session
        self._panel = panel
        self._details = details
        self.done = False
        self._steps: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._waiting = True  # for the table's first paint
        panel.view.viewport().installEventFilter(self)

    # --- when ----------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting and event.type() == QEvent.Type.Paint:
            self._waiting = False
            watched.removeEventFilter(self)
            self._plan()
            self._timer.start()  # after this paint: the next turn of the loop
        return False

    def stop(self) -> None:
        self._steps.clear()
        self._timer.stop()

    def _step(self) -> None:
        if not self._session.is_open or not self._panel.isVisible():
            self.stop()  # closing, or the panel replaced: nothing to get ready for
            return
        if self._steps:
            self._steps.popleft()()
        if self._steps:
            self._timer.start()
        elif not self.done:
            self.done = True
            self.finished.emit()

    # --- what ----------------------------------------------------------------------------------------------------

    def _plan(self) -> None:
        self._steps.append(self._details.info.make_rows)
        for font in self._fonts():
            self._steps.append(functools.partial(self._draw_glyphs, font))
        # the title's, totals' and definition's <small> print (the dates of the history, the framework's name): a
        # font Qt derives from the label's own, in its regular and bold faces
        small = self._details.info.notes.font()
        self._steps.append(functools.partial(self._draw_small, small, False))
        self._steps.append(functools.partial(self._draw_small, small, True))
        self._steps.append(gc.freeze)  # given back by MainWindow._close_session (gc.unfreeze)

    def _fonts(self) -> list[QFont]:
        """The table's text in its four styles, the details pane's heading and bold labels, the window's font."""
        fonts: list[QFont] = []
        for bold in (False, True):
            for italic in (False, True):
                font = QFont(self._panel.view.font())
                font.setBold(bold)
                font.setItalic(italic)
                fonts.append(font)
        fonts.append(QFont(self._details.info.heading.font()))
        fonts.append(QFont(self._panel.font()))
        keys: set[str] = set()
        unique = []
        for font in fonts:
            if font.key() not in keys:
                keys.add(font.key())
                unique.append(font)
        return unique

    def _canvas(self, height: int) -> QPixmap:
        # A pixmap as the window's backing store is (opaque, the screen's pixel ratio): the same glyph images.
        ratio = self._panel.devicePixelRatioF()
        pixmap = QPixmap(int(900 * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(Qt.GlobalColor.white))
        return pixmap

    def _draw_glyphs(self, font: QFont) -> None:
        line = int(font.pointSizeF() * 3) + 4
        pixmap = self._canvas(line * len(SAMPLES))
        painter = QPainter(pixmap)
        painter.setFont(font)
        for row, text in enumerate(SAMPLES):
            painter.drawText(0, line * (row + 1), text)
        painter.end()

    def _draw_small(self, font: QFont, bold: bool) -> None:
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setTextWidth(880)
        text = html.escape(" ".join(SAMPLES))
        document.setHtml(f"<small><b>{text}</b></small>" if bold else f"<small>{text}</small>")
        pixmap = self._canvas(int(document.size().height()) + 1)
        painter = QPainter(pixmap)
        document.drawContents(painter)
        painter.end()


def warm_up_after_first_paint(session: WorkspaceSession, panel: AgreementPanel, details: DetailsPane) -> WarmUp:
    """Start getting the table and details ready for the first agreement clicked (see the module's docstring)."""
    return WarmUp(session, panel, details)
