"""One entry of the catalog: its cover, what it is, its price, and Buy / Add to cart /
Get / Read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.models.issue_model import language_name
from bookstore.gui.store.catalog_page import published_text
from bookstore.gui.widgets.formats import Formats
from bookstore.store.opds.model import Entry

COVER_WIDTH = 200


class EntryPage(QWidget):
    back_requested = Signal()
    buy_requested = Signal(object)
    add_to_cart_requested = Signal(object)
    get_requested = Signal(object)
    read_requested = Signal(object)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.entry: Entry | None = None
        self.owned_issue: int | None = None
        self.can_buy = False
        self.back = QPushButton()
        self.cover = QLabel()
        self.cover.setFixedWidth(COVER_WIDTH)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.price = QLabel()
        price_font = self.price.font()
        price_font.setBold(True)
        price_font.setPointSizeF(price_font.pointSizeF() * 1.2)
        self.price.setFont(price_font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buy = QPushButton()
        self.add_to_cart = QPushButton()
        self.get = QPushButton()
        self.read = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.buy, self.add_to_cart, self.get, self.read):
            buttons.addWidget(button)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.facts)
        text.addWidget(self.price)
        text.addLayout(buttons)
        text.addWidget(self.status)
        text.addWidget(self.summary, 1)
        self.grid = QGridLayout()
        self.text = text
        self.narrow: bool | None = None
        self._arrange(narrow=False)
        inner = QWidget()
        inner.setLayout(self.grid)
        self.scroll = QScrollArea()
        scroll = self.scroll
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)
        self.back.clicked.connect(self.back_requested)
        self.buy.clicked.connect(lambda: self.buy_requested.emit(self.entry))
        self.add_to_cart.clicked.connect(lambda: self.add_to_cart_requested.emit(self.entry))
        self.get.clicked.connect(lambda: self.get_requested.emit(self.entry))
        self.read.clicked.connect(lambda: self.read_requested.emit(self.owned_issue))
        self.retranslate()

    def _arrange(self, narrow: bool) -> None:
        """The cover beside the text, or above it when the page is too narrow for both."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.grid.removeWidget(self.cover)
        self.grid.removeItem(self.text)
        self.grid.addWidget(self.cover, 0, 0)
        self.grid.addLayout(self.text, 1 if narrow else 0, 0 if narrow else 1)
        self.grid.setColumnStretch(0, 1 if narrow else 0)
        self.grid.setColumnStretch(1, 0 if narrow else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            beside = COVER_WIDTH + self.grid.horizontalSpacing() + self.text.minimumSize().width()
            margins = self.grid.contentsMargins()
            room = self.scroll.viewport().width() - margins.left() - margins.right()
            self._arrange(narrow=room < beside)
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back to the catalog"))
        self.buy.setText(self.tr("Buy"))
        self.add_to_cart.setText(self.tr("Add to cart"))
        self.get.setText(self.tr("Get"))
        self.read.setText(self.tr("Read"))
        self.buy.setAccessibleName(self.tr("Buy this issue now"))
        self.get.setAccessibleName(self.tr("Download this free issue into the library"))
        self.cover.setAccessibleName(self.tr("Cover"))
        if self.entry is not None:
            self.show_entry(self.entry, self.owned_issue, self.can_buy)

    def show_entry(self, entry: Entry, owned_issue: int | None, can_buy: bool) -> None:
        """``owned_issue``: the library's issue when the reader has it; ``can_buy``: the
        store takes orders (ours does; other catalogs only link to their own shop)."""
        self.entry, self.owned_issue, self.can_buy = entry, owned_issue, can_buy
        self.title.setText(entry.title)
        facts = []
        if entry.series:
            facts.append(entry.series.name)
        if entry.authors:
            facts.append(", ".join(entry.authors))
        if entry.published:
            facts.append(published_text(entry, self.formats.long_date))
        if entry.language:
            facts.append(language_name(entry.language.split("-")[0], self.formats.language))
        if entry.topics:
            facts.append(" · ".join(entry.topics))
        self.facts.setText("\n".join(facts))
        if entry.is_free:
            self.price.setText(self.tr("Free"))
        elif entry.price is not None:
            self.price.setText(self.formats.price(entry.price))
        else:
            self.price.setText(self.tr("Not for sale here"))
        self.summary.setText(entry.summary)
        priced = entry.price is not None and not entry.is_free
        self.buy.setVisible(priced and can_buy and owned_issue is None)
        self.add_to_cart.setVisible(priced and can_buy and owned_issue is None)
        self.get.setVisible(entry.is_free and owned_issue is None)
        self.read.setVisible(owned_issue is not None)
        self.status.setText(self.tr("In your library.") if owned_issue is not None else "")
        if priced and not can_buy and owned_issue is None:
            self.status.setText(self.tr("This store sells it on its own website."))

    def set_cover(self, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            self.cover.clear()
            return
        self.cover.setPixmap(
            pixmap.scaledToWidth(COVER_WIDTH, Qt.TransformationMode.SmoothTransformation)
        )
