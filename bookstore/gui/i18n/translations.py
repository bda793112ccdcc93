"""The window's language: our gettext catalogs and Qt's own translations, switched live.

Our messages are in ``resources/locale`` (``python packaging/translations.py`` collects and
compiles them for the whole project); :class:`CatalogTranslator` answers Qt's ``tr()`` from
them. Qt's own dialogs and buttons (file dialogs, *OK*/*Cancel*) keep Qt's ``qtbase``
catalogs. Switching installs new translators; Qt then sends every widget a LanguageChange
event and each re-reads its strings (``retranslate``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from bookstore.gui.i18n.catalog_translator import CatalogTranslator
from bookstore.i18n.languages import LANGUAGES as CODES
from bookstore.i18n.languages import own_name
from bookstore.i18n.words import Catalogs, Words

# Each language named in itself, so that anyone can find their own.
LANGUAGES = {code: own_name(code) for code in CODES}


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self.catalogs = Catalogs()
        self._installed: list[QTranslator] = []

    def words(self) -> Words:
        """The catalog of the language in use, for sentences the core made."""
        return self.catalogs.words(self.language)

    def apply(self, language: str) -> str:
        """Switch to ``language`` ("" follows the system); returns the code in use."""
        code = language if language in LANGUAGES else system_language()
        for translator in self._installed:
            self.app.removeTranslator(translator)
        QLocale.setDefault(QLocale(code))
        # English has a catalog too: it holds the window's plural forms ("1 issue").
        self._installed = [CatalogTranslator(self.catalogs.words(code), self.app)]
        if code != "en":
            qt = QTranslator(self.app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{code}", qt_folder):
                self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)
        # Deliver the LanguageChange events now, so every open window is in the new
        # language when this returns (they are posted to the application, then to windows).
        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language = code
        return self.language
