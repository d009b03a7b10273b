"""The About box: version, and the licences of what the app ships (Sarabun under the OFL, Qt under the LGPL)."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import __version__
from ...paths import resource


def about_text() -> str:
    ofl = QUrl.fromLocalFile(str(resource("fonts", "OFL.txt"))).toString()
    purpose = QCoreApplication.translate(
        "About", "Scoring yearly performance agreements for the independent evaluation committees of Thai "
                 "government agencies.")
    code = QCoreApplication.translate("About", "The app's code is under the MIT licence.")
    font = QCoreApplication.translate(
        "About", "Font: Sarabun, © The Sarabun Project Authors, under the SIL Open Font License 1.1:")
    qt = QCoreApplication.translate(
        "About", "Qt {0} and Qt for Python (PySide6) {1}, under the GNU LGPL version 3.").format(
        qVersion(), pyside_version)
    return (f"<h3>evaluator-app {html.escape(__version__)}</h3>"
            f"<p>{html.escape(purpose)}</p><p>{html.escape(code)}</p>"
            f"<p>{html.escape(font)} <a href='{ofl}'>OFL.txt</a></p><p>{html.escape(qt)}</p>")


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About evaluator-app"), about_text())
