"""Interface language: Thai by default, English as the source language; our strings and Qt's own, switched live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ...paths import resource

THAI = "th"
ENGLISH = "en"
LANGUAGES = (THAI, ENGLISH)
DEFAULT = THAI

# Qt ships no Thai for its own buttons and dialogs, so we keep our own qtbase_th beside the app's strings.
_CATALOGUES = ("evaluator", "qtbase")
_installed: list[QTranslator] = []
_current = ENGLISH


def normalise(code: str | None) -> str:
    code = (code or "").strip().lower().replace("-", "_")
    if code.startswith("th"):
        return THAI
    if code.startswith("en"):
        return ENGLISH
    return DEFAULT


def current_language() -> str:
    return _current


def install_language(code: str | None) -> str:
    """Install the translators of `code` on the running application (replacing any others); return the code.

    Widgets receive a LanguageChange event and retranslate themselves, so this also works while the window is open.
    """
    global _current
    app = QCoreApplication.instance()
    code = normalise(code)
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if code == THAI:
        folder = str(resource("translations"))
        for catalogue in _CATALOGUES:
            translator = QTranslator()
            if translator.load(f"{catalogue}_th", folder):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _current = code
    return code
