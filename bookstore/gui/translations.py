"""The UI's language: Qt translators for our strings and Qt's own, switched live.

Our ``.ts`` sources and compiled ``.qm`` files are in ``resources/translations``
(``python packaging/translations.py`` runs ``pyside6-lupdate`` and ``pyside6-lrelease``
for the window; ``packaging/store_translations.py`` makes the Store's catalog).
Switching installs new translators; Qt then sends every widget a LanguageChange event
and each re-reads its strings (``retranslate``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from bookstore.resource_files import resource_path

# Our compiled catalogs: the window's, and the Store's (``packaging/store_translations.py``).
CATALOGS = ("bookstore", "store")
# Each language named in itself, so that anyone can find their own.
LANGUAGES = {"en": "English", "pl": "Polski", "ru": "Русский"}


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def translations_folder() -> str:
    return str(resource_path("translations"))


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> str:
        """Switch to ``language`` ("" follows the system); returns the code in use."""
        code = language if language in LANGUAGES else system_language()
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(code))
        # English has catalogs too: they hold its plural forms ("1 issue").
        for catalog in CATALOGS:
            ours = QTranslator(self.app)
            if ours.load(f"{catalog}_{code}", translations_folder()):
                self._installed.append(ours)
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
