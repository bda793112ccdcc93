"""The catalog as the reader browses it: where they are, search, the entries with
their covers and prices, and the way to the next page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.store.owned_badge import with_badge
from bookstore.gui.widgets.flow_layout import FlowLayout
from bookstore.gui.widgets.formats import Formats
from bookstore.store.opds.model import Entry, Feed, Group


def published_text(entry: Entry, date_format: Callable[[dt.date], str]) -> str:
    """The entry's date in the reader's language, or its year alone when that is all
    the catalog gave."""
    assert entry.published is not None
    return str(entry.published.year) if entry.year_only else date_format(entry.published)


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # a group's heading holds its title
THUMBNAIL = QSize(64, 96)
# Our own server's address when it runs on this machine with its defaults.
SUGGESTED_STORE = "http://127.0.0.1:8080/opds"


class CatalogPage(QWidget):
    open_requested = Signal(str)  # an address typed or chosen
    search_requested = Signal(str)
    entry_chosen = Signal(object)  # a publication Entry
    navigate = Signal(str)  # a catalog page's address
    back_requested = Signal()
    home_requested = Signal()
    next_requested = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.feed: Feed | None = None
        self.owned: dict[str, int | None] = {}  # entry id -> library issue (see tasks.Owned)
        self.address = QComboBox()
        self.address.setEditable(True)
        self.address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.address.setMinimumContentsLength(12)
        self.address.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.open_button = QPushButton()
        # Icons alone, as narrow as tool buttons, so that the page fits a narrow window.
        self.back_button = QToolButton()
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.home_button = QToolButton()
        self.home_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.heading = QLabel()
        self.heading.setObjectName("storeHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("storeNotice")
        # One list per facet group (language, year, series), wrapping when the page is narrow.
        self.facets = FlowLayout()
        self.entries = QListWidget()
        self.entries.setIconSize(THUMBNAIL)
        self.entries.setSpacing(2)
        self.entries.setUniformItemSizes(True)
        self.entries.setWordWrap(True)
        self.next_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.home_button)
        top.addWidget(self.address, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search)  # a row of its own, so that the page can be narrow
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addLayout(self.facets)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self.open_button.clicked.connect(self._open)
        self.address.lineEdit().returnPressed.connect(self._open)
        self.search.returnPressed.connect(
            lambda: self.search_requested.emit(self.search.text().strip())
        )
        self.entries.itemActivated.connect(self._activated)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.show_feed(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.address.setToolTip(self.tr("The address of a store's catalog (OPDS)"))
        self.address.setAccessibleName(self.tr("Store address"))
        self.address.lineEdit().setAccessibleName(self.tr("Store address"))
        self.address.view().setAccessibleName(self.tr("Stores you added"))
        for button in self.search.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(self.tr("Clear the search"))
        self.address.lineEdit().setPlaceholderText(SUGGESTED_STORE)
        self.back_button.setToolTip(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.home_button.setToolTip(self.tr("The store's first page"))
        self.home_button.setAccessibleName(self.tr("Store home"))
        self.search.setPlaceholderText(self.tr("Search this store"))
        self.search.setAccessibleName(self.tr("Search this store"))
        self.entries.setAccessibleName(self.tr("Catalog entries"))
        self.next_button.setText(self.tr("Next page"))
        self.show_feed(self.feed)  # the heading and the notice in the new words

    def set_stores(self, stores: list[tuple[str, str]], current: str | None) -> None:
        """Fill the address list: the stores added (title, address), else the suggestion."""
        self.address.blockSignals(True)
        self.address.clear()
        for title, url in stores or [("", SUGGESTED_STORE)]:
            self.address.addItem(f"{url}", url)
            if title:
                self.address.setItemData(
                    self.address.count() - 1, title, Qt.ItemDataRole.ToolTipRole
                )
        self.address.setEditText(current or (stores[0][1] if stores else ""))
        self.address.blockSignals(False)

    def show_message(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_feed(self, feed: Feed | None) -> None:
        if feed is None or self.feed is None or feed.url != self.feed.url:
            self.owned = {}
        self.feed = feed
        self.entries.clear()
        self.heading.setText(feed.title if feed else self.tr("Store"))
        self.search.setEnabled(bool(feed and feed.search))
        self.next_button.setVisible(bool(feed and feed.next))
        if feed is None:
            self._show_facets(None)
            self.show_message(
                self.tr(
                    "Type a store's address and choose Open. Bookstore's own store runs at %1."
                ).replace("%1", SUGGESTED_STORE)
            )
            return
        notes = list(feed.warnings)
        self.show_message(
            self.tr("Some of this page could not be read: %1").replace("%1", "; ".join(notes))
            if notes
            else ""
        )
        ungrouped = feed.ungrouped
        self._add_entries([e for e in ungrouped if not e.is_publication])
        self._add_entries([e for e in ungrouped if e.is_publication])
        for group in feed.groups:
            self._add_group_heading(group)
            self._add_entries([*group.navigation_entries, *group.publications])
        if not feed.all_entries:
            self.show_message(self.tr("This page of the catalog is empty."))
        self._show_facets(feed)

    def _add_entries(self, entries: list[Entry]) -> None:
        folder = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        for entry in entries:
            if entry.is_publication:
                item = QListWidgetItem(self._placeholder(), self.entry_text(entry))
                item.setToolTip(entry.summary[:400])
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.entry_spoken(entry))
            elif entry.navigation is not None:
                item = QListWidgetItem(
                    folder, entry.title + (f"\n{entry.summary}" if entry.summary else "")
                )
                item.setToolTip(entry.summary or entry.title)
            else:
                continue
            item.setData(ENTRY_ROLE, entry)
            self.entries.addItem(item)

    def _add_group_heading(self, group: Group) -> None:
        """A group's title as the catalog gives it; when the group has a page of its own,
        choosing the title opens it."""
        item = QListWidgetItem(group.title)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        if (page := group.as_navigation) is not None:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon))
            item.setToolTip(group.href)
            item.setData(ENTRY_ROLE, page)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
        item.setData(GROUP_ROLE, group.title)
        self.entries.addItem(item)

    def _show_facets(self, feed: Feed | None) -> None:
        while self.facets.count():
            self.facets.takeAt(0).widget().deleteLater()
        groups: dict[str, list] = {}
        for link in feed.facets if feed else ():
            groups.setdefault(link.facet_group or self.tr("Show"), []).append(link)
        for name, links in groups.items():
            label = QLabel(name + ":")
            choice = QComboBox()
            choice.setAccessibleName(name)
            label.setBuddy(choice)
            if not any(link.active_facet for link in links):
                choice.addItem(self.tr("All"), "")
            for link in links:
                count = f" ({self.formats.number(link.count)})" if link.count is not None else ""
                choice.addItem(link.title + count, link.href)
                if link.active_facet:
                    choice.setCurrentIndex(choice.count() - 1)
            choice.activated.connect(
                lambda index, box=choice: (
                    box.itemData(index) and self.navigate.emit(box.itemData(index))
                )
            )
            self.facets.addWidget(_beside(label, choice))

    def entry_text(self, entry: Entry) -> str:
        details = ", ".join(entry.authors)
        if entry.published:
            when = published_text(entry, self.formats.date)
            details = f"{details} · {when}" if details else when
        last = "✓ " + self.owned_text(entry) if entry.id in self.owned else self.price_text(entry)
        return f"{entry.title}\n{details}\n{last}"

    def entry_spoken(self, entry: Entry) -> str:
        """What a screen reader says for the entry: the ownership in words, no glyphs."""
        lines = self.entry_text(entry).split("\n")
        if entry.id in self.owned:
            lines[-1] = self.owned_text(entry)
        return ". ".join(line for line in lines if line)

    def owned_text(self, entry: Entry) -> str:
        if self.owned.get(entry.id) is not None:
            return self.tr("Owned: in your library")
        return self.tr("Owned: bought, not downloaded here")

    def set_owned(self, owned: dict[str, int | None], pixmaps: dict[str, QPixmap]) -> None:
        """Mark the entries the reader owns (in the library, or bought at this store)."""
        self.owned = dict(owned)
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            entry = item.data(ENTRY_ROLE)
            if entry is not None and entry.is_publication:
                item.setText(self.entry_text(entry))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.entry_spoken(entry))
        self.set_covers(pixmaps)

    def price_text(self, entry: Entry) -> str:
        if entry.is_free:
            return self.tr("Free")
        if entry.price is not None:
            return self.formats.price(entry.price)
        return self.tr("Not for sale here")

    def set_covers(self, pixmaps: dict[str, QPixmap]) -> None:
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            entry = item.data(ENTRY_ROLE)
            if entry is None or not entry.is_publication:
                continue
            cover = pixmaps.get(entry.thumbnail or "")
            if cover is None and entry.id not in self.owned:
                continue
            pixmap = QPixmap(cover) if cover is not None else self._blank()
            item.setIcon(QIcon(with_badge(pixmap) if entry.id in self.owned else pixmap))

    def _blank(self) -> QPixmap:
        pixmap = QPixmap(THUMBNAIL)
        pixmap.fill(self.palette().mid().color())
        return pixmap

    def _placeholder(self) -> QIcon:
        return QIcon(self._blank())

    def _open(self) -> None:
        text = self.address.currentText().strip() or SUGGESTED_STORE
        self.open_requested.emit(text)

    def _activated(self, item: QListWidgetItem) -> None:
        entry: Entry | None = item.data(ENTRY_ROLE)
        if entry is None:
            return
        if entry.is_publication:
            self.entry_chosen.emit(entry)
        elif entry.navigation is not None:
            self.navigate.emit(entry.navigation.href)


def _beside(label: QLabel, choice: QComboBox) -> QWidget:
    """A facet group's name and its list, kept together on one line."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(choice)
    return pair
