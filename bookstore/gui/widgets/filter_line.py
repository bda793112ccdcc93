"""The line above the issue list that says what the list is narrowed to ("Showing:
PISM Bulletin · 2019 · search “nuclear”"), with a button that shows everything again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bookstore.gui.context import AppContext
from bookstore.library.listing import Listing


class FilterLine(QWidget):
    cleared = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("filterLine")
        self.label = QLabel()
        self.label.setObjectName("activeFilter")
        self.label.setWordWrap(True)
        self.clear = QPushButton()
        self.clear.setObjectName("clearFilter")
        self.clear.clicked.connect(self.cleared.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear)
        self._shown: Listing | None = None
        self.hide()
        self.retranslate()

    def show_listing(self, listing: Listing) -> None:
        """Say what ``listing`` narrows the list to; hidden when it shows every issue."""
        self._shown = listing
        parts = self.parts(listing)
        self.setVisible(bool(parts))
        text = self.tr("Showing: {filter}").format(filter=" · ".join(parts))
        self.label.setText(text)
        self.label.setAccessibleName(text)

    def parts(self, listing: Listing) -> list[str]:
        scope, found = listing.scope, []
        formats = self.context.formats
        if scope.series is not None:
            named = {series.slug: series for series in self.context.library.series()}
            series = named.get(scope.series)
            found.append(series.name_in(formats.language) if series else scope.series)
        if scope.year is not None:
            found.append(str(scope.year))
        if scope.topic is not None:
            found.append(self.tr("topic “{topic}”").format(topic=scope.topic))
        if scope.language is not None:
            found.append(formats.language_name(scope.language))
        if scope.owned is not None:
            found.append(self.tr("owned") if scope.owned else self.tr("not owned"))
        if scope.recent:
            found.append(self.tr("recently added"))
        if listing.query.strip():
            found.append(self.tr("search “{query}”").format(query=listing.query.strip()))
        return found

    def retranslate(self) -> None:
        self.clear.setText(self.tr("Show All"))
        self.clear.setToolTip(self.tr("Clear the search and show every issue"))
        if self._shown is not None:
            self.show_listing(self._shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
