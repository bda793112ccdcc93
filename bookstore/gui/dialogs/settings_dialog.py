"""Settings: UI language and theme (applied at once, the window keeping its state),
and the library folder."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from bookstore.gui import settings as keys
from bookstore.gui.dialogs.citation_settings import CitationRows
from bookstore.gui.i18n.translations import LANGUAGES
from bookstore.gui.widgets.formats import Formats
from bookstore.gui.widgets.themes import THEMES, apply_theme
from bookstore.gui.window import LibraryWindow


def set_language(window: LibraryWindow, language: str) -> None:
    """Switch the UI language now ("" follows the system) and remember it."""
    context = window.context
    context.settings.set(keys.LANGUAGE, language)
    code = context.translations.apply(language)
    context.formats = Formats(code)
    window.reload_sidebar(recount=False)
    window.retranslate()


def set_theme(window: LibraryWindow, theme: str) -> None:
    window.context.settings.set(keys.THEME, theme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)


class SettingsDialog(QDialog):
    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window)
        self.setObjectName("settingsDialog")
        self.window_ = window
        settings = window.context.settings
        self.language = QComboBox()
        self.theme = QComboBox()
        self.library = QLabel(str(window.context.library.root))
        self.library.setWordWrap(True)
        self.open_other = QPushButton()
        self.open_other.clicked.connect(self._open_other)
        self.language_label, self.theme_label, self.library_label = QLabel(), QLabel(), QLabel()
        self.language_label.setBuddy(self.language)
        self.theme_label.setBuddy(self.theme)
        library_row = QHBoxLayout()
        library_row.addWidget(self.library, 1)
        library_row.addWidget(self.open_other)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.theme_label, self.theme)
        form.addRow(self.library_label, library_row)
        self.citations = CitationRows(settings, form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        # Enter closes the dialog (the choices apply at once); it never opens a chooser.
        self.open_other.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._chosen_language = settings.get(keys.LANGUAGE)
        self._chosen_theme = settings.get(keys.THEME)
        self.retranslate()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.theme.currentIndexChanged.connect(self._theme_changed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.theme_label.setText(self.tr("&Theme:"))
        self.library_label.setText(self.tr("Library:"))
        self.open_other.setText(self.tr("Open Another…"))
        self.open_other.setAccessibleName(self.tr("Open another library"))
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.library.setAccessibleName(self.tr("Library folder"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.citations.retranslate()
        for box in (self.language, self.theme):
            box.blockSignals(True)
            box.clear()
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._chosen_language)))
        names = {
            "system": self.tr("As the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self._chosen_theme)))
        for box in (self.language, self.theme):
            box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _index: int) -> None:
        self._chosen_language = self.language.currentData()
        set_language(self.window_, self._chosen_language)

    def _theme_changed(self, _index: int) -> None:
        self._chosen_theme = self.theme.currentData()
        set_theme(self.window_, self._chosen_theme)

    def _open_other(self) -> None:
        from bookstore.gui.main_window.library_menu import ask_open_library

        ask_open_library(self.window_)
        self.library.setText(str(self.window_.context.library.root))
