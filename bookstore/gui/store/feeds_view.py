"""The Feeds view: subscriptions with their unread counts (each in the sidebar too),
the items of the chosen feed, and Add, Refresh, Remove, Mark as read."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.context import AppContext
from bookstore.gui.errors import user_sentence
from bookstore.gui.store import tasks
from bookstore.gui.widgets.flow_layout import FlowLayout
from bookstore.gui.widgets.sidebar import ViewEntry
from bookstore.library import subscriptions as rows
from bookstore.library.subscriptions import FeedItem, Subscription
from bookstore.model import Issue
from bookstore.store.feeds.subscriptions import RefreshReport

PREFIX = "feeds/"
FEED_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2


class FeedSplitter(QSplitter):
    """The subscriptions beside the chosen feed's items, or above them when the page is
    too narrow for two readable lists side by side."""

    NARROW = 480  # px: two lists of about 240 px each

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = (
            Qt.Orientation.Vertical if self.width() < self.NARROW else Qt.Orientation.Horizontal
        )
        if self.orientation() != wanted:
            self.setOrientation(wanted)


class FeedsView(QObject):
    key = "feeds"

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.current: int | None = None
        self._subscriptions: list[Subscription] = []
        self._items: list[FeedItem] = []
        self._page = QWidget()
        self.address = QLineEdit()
        self.download_free = QCheckBox()
        self.add = QPushButton()
        self.refresh = QPushButton()
        self.remove = QPushButton()
        self.mark_read = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._status: Callable[[], str] = lambda: ""  # said again after a language change
        self.feeds = QListWidget()
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setSpacing(4)
        self.feeds.setWordWrap(True)
        self.feeds.setSpacing(2)
        # The address and Subscribe on one row, the option under them, and the actions
        # wrapping onto more rows when their words do not fit the page's width.
        adding = QHBoxLayout()
        adding.addWidget(self.address, 1)
        adding.addWidget(self.add)
        actions = FlowLayout()
        for button in (self.refresh, self.mark_read, self.remove):
            actions.addWidget(button)
        self.split = split = FeedSplitter()
        split.addWidget(self.feeds)
        split.addWidget(self.items)
        split.setSizes([300, 480])
        layout = QVBoxLayout(self._page)
        layout.addLayout(adding)
        layout.addWidget(self.download_free)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self.add.clicked.connect(self.subscribe)
        self.address.returnPressed.connect(self.subscribe)
        self.refresh.clicked.connect(self.refresh_all)
        self.remove.clicked.connect(self.unsubscribe)
        self.mark_read.clicked.connect(self.mark_all_read)
        self.feeds.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.items.itemActivated.connect(self._open_item)
        self.retranslate()
        self.reload()

    # The ExtraView protocol

    def title(self) -> str:
        return self.tr("Feeds")

    def page(self) -> QWidget:
        return self._page

    def detail_page(self) -> QWidget | None:
        return None

    def issue_actions(self, issue: Issue) -> list[QAction]:
        return []

    def retranslate(self) -> None:
        hint = self.tr("Address of an RSS or Atom feed, e.g. a series' feed")
        self.address.setPlaceholderText(hint)
        self.address.setToolTip(hint)  # said whole when a narrow field cuts the placeholder
        self.address.setAccessibleName(self.tr("Feed address"))
        self.download_free.setText(self.tr("Download free issues"))
        self.add.setText(self.tr("Subscribe"))
        self.refresh.setText(self.tr("Refresh all"))
        self.remove.setText(self.tr("Unsubscribe"))
        self.mark_read.setText(self.tr("Mark all as read"))
        self.feeds.setAccessibleName(self.tr("Subscriptions"))
        self.items.setAccessibleName(self.tr("Items of the chosen feed"))
        self.status.setText(self._status())
        self._show(self._subscriptions)
        self._render_items()  # dates in the new language, without reading the library

    def sidebar_entries(self) -> list[ViewEntry]:
        found = rows.subscriptions(self.context.library)
        unread = sum(s.unread for s in found)
        n = self.context.formats.number
        entries = [ViewEntry(self.key, self.tr("Feeds"), n(unread) if unread else "")]
        for sub in found:
            entries.append(
                ViewEntry(
                    f"{PREFIX}{sub.id}", "  " + sub.title, n(sub.unread) if sub.unread else ""
                )
            )
        return entries

    def show_entry(self, key: str) -> None:
        if key.startswith(PREFIX):
            self.select(int(key[len(PREFIX) :]))

    # Showing

    def reload(self) -> None:
        """Read the subscriptions again and show them."""
        self._subscriptions = rows.subscriptions(self.context.library)
        self._show(self._subscriptions)
        self._show_items()

    def _show(self, subscriptions: list[Subscription]) -> None:
        chosen = self.current
        self.feeds.blockSignals(True)
        self.feeds.clear()
        for sub in subscriptions:
            item = QListWidgetItem(self._feed_text(sub))
            item.setData(FEED_ROLE, sub.id)
            if sub.error:
                item.setToolTip(sub.error)
            self.feeds.addItem(item)
            if sub.id == chosen:
                self.feeds.setCurrentItem(item)
        self.feeds.blockSignals(False)
        if self.feeds.count() == 0:
            self._say(
                lambda: self.tr(
                    "No subscriptions yet. Type a feed's address above and choose Subscribe."
                )
            )

    def _feed_text(self, sub: Subscription) -> str:
        if sub.error:
            return (
                self.tr("%1 — cannot be read: %2").replace("%1", sub.title).replace("%2", sub.error)
            )
        unread = self.tr("%n unread", "", sub.unread)
        return f"{sub.title}  ({unread})"

    def select(self, feed_id: int) -> None:
        for row in range(self.feeds.count()):
            if self.feeds.item(row).data(FEED_ROLE) == feed_id:
                self.feeds.setCurrentRow(row)
                return

    def _choose(self, item: QListWidgetItem | None) -> None:
        self.current = item.data(FEED_ROLE) if item is not None else None
        self._show_items()

    def _show_items(self) -> None:
        """Read the chosen feed's items and show them."""
        self._items = rows.items(self.context.library, self.current) if self.current else []
        self._render_items()

    def _render_items(self) -> None:
        self.items.clear()
        for entry in self._items:
            date = ""
            if entry.published:
                with contextlib.suppress(ValueError):
                    date = self.context.formats.date(dt.date.fromisoformat(entry.published))
            item = QListWidgetItem(f"{entry.title}\n{date}")
            item.setData(ITEM_ROLE, entry)
            if not entry.seen:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("Unread"))
            self.items.addItem(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        entry: FeedItem = item.data(ITEM_ROLE)
        rows.mark_seen(self.context.library, entry.feed_id, [entry.guid])
        self._changed()
        if entry.issue_id is not None:
            self.window.show_library_page()
            self.window.show_issue_id(entry.issue_id)

    # Changing

    def subscribe(self) -> None:
        url = self.address.text().strip()
        if not url:
            return
        self._say(lambda: self.tr("Reading %1…").replace("%1", url))
        self.context.workers.submit(
            tasks.subscribe(self.context.library.root, url, self.download_free.isChecked()),
            name=self.tr("Subscribing to %1").replace("%1", url),
            on_done=lambda report: self._refreshed([report]),
            on_error=lambda error: self._say(lambda: user_sentence(error)),
        )

    def refresh_all(self) -> None:
        self._say(lambda: self.tr("Reading the feeds…"))
        self.context.workers.submit(
            tasks.refresh_feeds(self.context.library.root),
            name=self.tr("Refreshing feeds"),
            channel="feeds-refresh",
            on_done=self._refreshed,
            on_error=lambda error: self._say(lambda: user_sentence(error)),
        )

    def _refreshed(self, reports: list[RefreshReport]) -> None:
        self._say(lambda: self._refresh_text(reports))
        if reports and self.current is None:
            self.current = reports[0].subscription.id
        self.address.clear()
        ids = [i.issue_id for r in reports for i in r.new if i.issue_id is not None]
        self.context.library.changed()
        self.window.refresh_after_change(ids[:1])
        self._changed()

    def _refresh_text(self, reports: list[RefreshReport]) -> str:
        new = sum(len(r.new) for r in reports)
        failed = [r for r in reports if r.error]
        text = self.tr("%n new issues.", "", new)
        if failed:
            text += " " + self.tr("Could not read: %1").replace(
                "%1", "; ".join(f"{r.subscription.title} ({r.error})" for r in failed)
            )
        return text

    def _say(self, words: Callable[[], str]) -> None:
        """Show a status line now and again, in the new words, after a language change."""
        self._status = words
        self.status.setText(words())

    def unsubscribe(self) -> None:
        if self.current is None:
            return
        rows.remove_subscription(self.context.library, self.current)
        self.current = None
        self._changed()

    def mark_all_read(self) -> None:
        if self.current is not None:
            rows.mark_seen(self.context.library, self.current)
            self._changed()

    def _changed(self) -> None:
        self.reload()
        self.window.reload_sidebar()
