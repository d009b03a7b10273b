"""Meeting mode's look: high contrast for a projector, and type sized to the screen (issue 14: 1024×768 up to
1920×1080). The table sizes its own type (MeetingTableView.fit_type); the rest follows the window (chrome_points)."""

from __future__ import annotations

FONT_SCALE = 1.6  # the table's largest type: readable from the back of a meeting room on a projector
TABLE_ROWS = 13  # up to twelve indicators and the total are on screen at once, whatever the screen
MESSAGE_STYLES = {
    "refusal": "background: #8b0000; color: white; padding: 4px 8px; font-weight: bold",
    "notice": "background: #0b3d91; color: white; padding: 4px 8px",
}
# A style sheet stops font propagation from parent to child, so the sizes are part of the sheet itself. The table
# sizes its own type (MeetingTableView.fit_type); the rest follows the window's height (chrome_points).
STYLE = """
QWidget { font-size: %(size).2fpt; }
QLabel#whatIfTotalScreen, QLabel#whatIfTotalAgreed { font-size: %(big).2fpt; font-weight: bold; }
QMainWindow#meetingWindow, QWidget#meetingCentral { background: white; color: black; }
QTableView { color: black; background: white; gridline-color: #555555;
             selection-background-color: #0b3d91; selection-color: white; }
QHeaderView::section { background: #1f2937; color: white; font-weight: bold; padding: 4px;
                       border: 1px solid #000000; }
QToolBar { spacing: 6px; background: #eef1f6; border-bottom: 2px solid #1f2937; }
QPushButton { padding: 4px 14px; }
QPushButton#agreeButton:enabled { background: #0a5c16; color: white; font-weight: bold; }
QPushButton#proposeButton:enabled, QPushButton#counterButton:enabled { background: #0b3d91; color: white; }
QGroupBox { font-weight: bold; }
"""


def chrome_points(width: int, height: int) -> float:
    """The type of everything but the table: 10 points at 1024×768, 14 at 1920×1080, in between in proportion."""
    return round(max(9.0, min(15.0, height / 76, width / 100)) * 4) / 4
