"""The UI's language: Qt translators for our strings and Qt's own, switched live.

Our ``.ts`` sources and compiled ``.qm`` files are in ``resources/translations``
(``pyside6-lupdate`` extracts the strings, ``pyside6-lrelease`` compiles them; see
``tools/update_translations.py``). Switching installs new translators; Qt then sends
every widget a LanguageChange event and each re-reads its strings (``retranslate``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
        if code != "en":
            for catalog in CATALOGS:
                ours = QTranslator(self.app)
                if ours.load(f"{catalog}_{code}", translations_folder()):
                    self._installed.append(ours)
            qt = QTranslator(self.app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{code}", qt_folder):
                self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)
        self.language = code
        if not self._installed and code != "en":
            self.language = "en"
        return self.language
