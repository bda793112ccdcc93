"""The Settings dialog's citation rows: the style Copy Citation uses and the
language of its words."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from bookstore.gui import settings as keys
from bookstore.gui.i18n.translations import LANGUAGES
from bookstore.gui.settings import Settings

# As the CSL style repository names them.
STYLES = ("apa", "chicago-author-date", "harvard-cite-them-right", "iso690-author-date-en")


class CitationRows(QObject):
    def __init__(self, settings: Settings, form: QFormLayout) -> None:
        super().__init__(form)
        self.settings = settings
        self.style, self.language = QComboBox(), QComboBox()
        self.style_label, self.language_label = QLabel(), QLabel()
        self.style_label.setBuddy(self.style)
        self.language_label.setBuddy(self.language)
        form.addRow(self.style_label, self.style)
        form.addRow(self.language_label, self.language)
        self.retranslate()
        self.style.currentIndexChanged.connect(self._chosen)
        self.language.currentIndexChanged.connect(self._chosen)

    def retranslate(self) -> None:
        self.style_label.setText(self.tr("&Citation style:"))
        self.language_label.setText(self.tr("Citation lan&guage:"))
        self.style.setAccessibleName(self.tr("Citation style"))
        self.language.setAccessibleName(self.tr("Citation language"))
        names = {
            "apa": self.tr("APA"),
            "chicago-author-date": self.tr("Chicago (author-date)"),
            "harvard-cite-them-right": self.tr("Harvard (Cite Them Right)"),
            "iso690-author-date-en": self.tr("ISO 690 (author-date)"),
        }
        for box in (self.style, self.language):
            box.blockSignals(True)
            box.clear()
        for key in STYLES:
            self.style.addItem(names[key], key)
        self.language.addItem(self.tr("The issue's own"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.style.setCurrentIndex(
            max(0, self.style.findData(self.settings.get(keys.CITATION_STYLE)))
        )
        chosen = self.settings.get(keys.CITATION_LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        for box in (self.style, self.language):
            box.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        self.settings.set(keys.CITATION_STYLE, self.style.currentData())
        self.settings.set(keys.CITATION_LANGUAGE, self.language.currentData())
