"""Complete Series: what the library holds of each series and what it lacks, year by
year; with a store chosen, what that store offers of the missing issues (Get for the
free ones, Add to Cart for the priced ones, and Get Every Free Missing Issue). The
sidebar's year rows say the same in their tooltip ("PISM Bulletin 2019: 2 of 170")."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui import settings as keys
from bookstore.gui.errors import show_error
from bookstore.gui.widgets.flow_layout import FlowLayout
from bookstore.gui.widgets.sidebar import TARGET_ROLE
from bookstore.jobs import Job
from bookstore.library.listing import Scope, library_version
from bookstore.library.series_gaps import SeriesGaps, YearGaps, ranges, series_gaps
from bookstore.model import Issue

if TYPE_CHECKING:
    from bookstore.gui.context import AppContext
    from bookstore.gui.window import LibraryWindow
    from bookstore.store.series_offer import Offer, SeriesOffer


def store_offers(url: str, root) -> Callable[[Job], list[SeriesOffer]]:
    """A worker's task: every series of the library against the store at ``url``."""

    def task(job: Job) -> list[SeriesOffer]:
        from bookstore.gui.context import worker_library
        from bookstore.store.opds.catalog import CatalogClient
        from bookstore.store.series_offer import series_offers

        with CatalogClient() as catalog, worker_library(root) as library:
            return series_offers(catalog, url, library)

    return task


class SeriesGapsView(QObject):
    key = "series-gaps"

    def __init__(self, context: AppContext, window: LibraryWindow) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.offers: list[SeriesOffer] = []
        self._gaps_read: tuple[object, list[SeriesGaps]] | None = None
        self._tree_stale = True  # the tree is made when the page is shown
        self._page = QWidget()
        self._page.setObjectName("seriesGaps")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.store = QComboBox()
        # As narrow as a short store name: a long one is elided, the list shows it whole.
        self.store.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.store.setMinimumContentsLength(16)
        self.store.currentTextChanged.connect(self.store.setToolTip)  # said whole when cut
        self.check = QPushButton()
        self.check.clicked.connect(self.check_store)
        self.get_all = QPushButton()
        self.get_all.clicked.connect(self.get_every_free)
        self.get_all.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        row = FlowLayout()  # the buttons go under the store list when the page is narrow
        row.addWidget(self.store)
        row.addWidget(self.check)
        row.addWidget(self.get_all)
        layout = QVBoxLayout(self._page)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        window.sidebar.tree.modelReset.connect(lambda: QTimer.singleShot(0, self.annotate_sidebar))
        window.library_changed.connect(self.show_gaps)
        window.installEventFilter(self)
        self._page.installEventFilter(self)
        self.retranslate()

    # The ExtraView protocol

    def title(self) -> str:
        return self.tr("Complete Series")

    def page(self) -> QWidget:
        self.show_gaps()
        return self._page

    def detail_page(self) -> QWidget | None:
        return None

    def issue_actions(self, issue: Issue) -> list[QAction]:
        return []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self._page and event.type() == QEvent.Type.Show and self._tree_stale:
            self.show_gaps()
        return False

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What the library lacks of each series, year by year"))
        self.store.setAccessibleName(self.tr("Store"))
        # the drop-down list is a control of its own; its words are the Store view's
        self.store.view().setAccessibleName(
            QCoreApplication.translate("CatalogPage", "Stores you added")
        )
        self.check.setText(self.tr("Check Store"))
        self.get_all.setText(self.tr("Get Every Free Missing Issue"))
        self.tree.setAccessibleName(self.tr("Missing issues"))
        self._fill_stores()
        if self.offers:
            self._show_offers()
        else:
            self.show_gaps()

    def _fill_stores(self) -> None:
        try:
            stores = json.loads(self.context.settings.get(keys.STORES))
        except ValueError:
            stores = []
        chosen = self.store.currentData()
        self.store.clear()
        for store in stores:
            if isinstance(store, dict) and store.get("url"):
                self.store.addItem(store.get("title") or store["url"], store["url"])
        if not self.store.count():
            self.store.addItem(self.tr("No store added (add one in the Store)"), "")
        self.store.setCurrentIndex(max(0, self.store.findData(chosen)))
        self.check.setEnabled(bool(self.store.currentData()))

    # What the sidebar says

    def year_text(self, name: str, year: YearGaps) -> str:
        text = (
            self.tr("{name} {year}: {held} of {last}")
            if year.last_known
            else self.tr("{name} {year}: {held} of at least {last}")
        )
        numbers = self.context.formats.number
        return text.format(
            name=name, year=year.year, held=numbers(len(year.held)), last=numbers(year.last)
        )

    def annotate_sidebar(self) -> None:
        """Give each series' year rows in the sidebar what is held and what is missing
        (read on a worker when the library changed: the window answers keys meanwhile)."""
        library = self.context.library
        key = (library.root, library_version(library))
        if self._gaps_read is not None and self._gaps_read[0] == key:
            self._annotate(self._gaps_read[1])
            return
        root = library.root

        def read(_job: Job) -> list[SeriesGaps]:
            from bookstore.gui.context import worker_library

            with worker_library(root) as worker:
                return series_gaps(worker)

        def done(gaps: list[SeriesGaps]) -> None:
            self._gaps_read = (key, gaps)
            self._annotate(gaps)

        self.context.workers.submit(read, channel="series-gaps-sidebar", on_done=done)

    def _annotate(self, found: list[SeriesGaps]) -> None:
        model = self.window.sidebar.tree
        if not shiboken6.isValid(model):
            return  # the window closed before this turn of the event loop
        gaps = {entry.series.slug: entry for entry in found}
        for row in range(model.rowCount()):
            heading = model.item(row)
            for series_row in range(heading.rowCount()):
                item = heading.child(series_row)
                target = item.data(TARGET_ROLE) if item else None
                if not isinstance(target, Scope) or target.series not in gaps:
                    continue
                entry = gaps[target.series]
                missing = entry.missing_count
                item.setToolTip(
                    self.tr("{name}: %n missing", "", missing)
                    .replace(str(missing), self.context.formats.number(missing))
                    .format(name=item.text())
                )
                years = {year.year: year for year in entry.years}
                for year_row in range(item.rowCount()):
                    child = item.child(year_row)
                    scope = child.data(TARGET_ROLE)
                    if isinstance(scope, Scope) and scope.year in years:
                        text = self.year_text(item.text(), years[scope.year])
                        child.setToolTip(text)
                        child.setData(text, Qt.ItemDataRole.AccessibleDescriptionRole)

    # The library alone

    def show_gaps(self) -> None:
        if self.offers:
            return
        self._tree_stale = not self._page.isVisible()
        if self._tree_stale:
            return  # made when the page is shown
        self.tree.clear()
        for entry in self._gaps():
            self.tree.addTopLevelItem(self._series_item(entry))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _gaps(self) -> list[SeriesGaps]:
        """The library's gaps, read again only after it changed: the page and the
        sidebar's notes both ask, and a large library takes a fifth of a second."""
        library = self.context.library
        key = (library.root, library_version(library))
        if self._gaps_read is None or self._gaps_read[0] != key:
            self._gaps_read = (key, series_gaps(library))
        return self._gaps_read[1]

    def _series_item(self, entry: SeriesGaps) -> QTreeWidgetItem:
        name = entry.series.name_in(self.context.formats.language)
        top = QTreeWidgetItem([name, ""])
        for year in entry.years:
            child = QTreeWidgetItem([self.year_text(name, year), self._missing_text(year.missing)])
            top.addChild(child)
        return top

    def _missing_text(self, missing: tuple[int, ...]) -> str:
        if not missing:
            return self.tr("complete")
        return self.tr("missing: {numbers}").format(numbers=ranges(missing))

    # With a store

    def check_store(self) -> None:
        url = self.store.currentData()
        if not url:
            return
        self.status.setText(self.tr("Reading the store's catalog…"))
        self.check.setEnabled(False)
        self.context.workers.submit(
            store_offers(url, self.context.library.root),
            name=self.tr("Checking the store for missing issues"),
            channel="series-gaps",
            on_done=self._offers_arrived,
            on_error=self._failed,
        )

    def _offers_arrived(self, offers: list[SeriesOffer]) -> None:
        self.offers = offers
        self.check.setEnabled(True)
        self._show_offers()

    def _failed(self, error: BaseException) -> None:
        self.check.setEnabled(True)
        self.status.setText("")
        show_error(self.window, error, self.tr("Complete Series"))

    def _show_offers(self) -> None:
        self.tree.clear()
        free = sum(len(entry.free) for entry in self.offers)
        priced = sum(len(entry.priced) for entry in self.offers)
        self.status.setText(
            self.tr(
                "The store offers {free} free and {priced} priced issues the library lacks."
            ).format(
                free=self.context.formats.number(free), priced=self.context.formats.number(priced)
            )
        )
        self.get_all.setEnabled(free > 0)
        for entry in self.offers:
            name = entry.series.name_in(self.context.formats.language)
            top = QTreeWidgetItem([name, ""])
            self.tree.addTopLevelItem(top)
            for year in entry.years:
                text = self.tr("{name} {year}: {held} of {last}").format(
                    name=name,
                    year=year.year,
                    held=self.context.formats.number(len(year.held)),
                    last=self.context.formats.number(year.last),
                )
                child = QTreeWidgetItem([text, self._missing_text(year.missing)])
                top.addChild(child)
                for offer in year.offered:
                    self._offer_row(child, offer)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _offer_row(self, parent: QTreeWidgetItem, offer: Offer) -> None:
        label = self.tr("no. {number}: {title}").format(
            number=offer.number, title=offer.entry.title
        )
        row = QTreeWidgetItem([label, ""])
        parent.addChild(row)
        if offer.free:
            button = QPushButton(self.tr("Get"))
            button.clicked.connect(lambda: self.get([offer]))
        else:
            button = QPushButton(self.tr("Add to Cart"))
            button.clicked.connect(lambda: self.add_to_cart(offer))
        button.setAccessibleName(f"{button.text()}: {label}")
        self.tree.setItemWidget(row, 1, button)

    def free_offers(self) -> list[Offer]:
        return [offer for entry in self.offers for offer in entry.free]

    def get_every_free(self) -> None:
        self.get(self.free_offers())

    def get(self, offers: list[Offer]) -> None:
        """Download the free ``offers`` into the library on a worker, one after another."""
        url = self.store.currentData()
        if not offers or not url:
            return
        root = self.context.library.root
        entries = [offer.entry for offer in offers]

        def task(job: Job) -> list[int]:
            from bookstore.gui.context import worker_library
            from bookstore.store.session import StoreSession

            ids = []
            with StoreSession(url) as session, worker_library(root) as library:
                for index, entry in enumerate(entries):
                    job.check()
                    job.report(index / len(entries), entry.title)
                    ids.append(session.get_free(library, entry).issue_id)
            return ids

        self.get_all.setEnabled(False)
        self.context.workers.submit(
            task,
            name=self.tr("Getting missing issues"),
            on_done=self._got,
            on_error=self._failed,
        )

    def _got(self, ids: list[int]) -> None:
        self.offers = []
        self.window.refresh_after_change(ids)
        self.check_store()

    def add_to_cart(self, offer: Offer) -> None:
        """The Store view keeps the cart and the sign-in: it adds the issue there."""
        store = self.window.views.get("store")
        url = self.store.currentData()
        if store is None or not url:
            return
        if getattr(store, "url", None) != url:
            store.open_store(url)  # type: ignore[attr-defined]
        store.add_to_cart(offer.entry)  # type: ignore[attr-defined]
