"""The issue list's model: the ids of the current listing, their rows fetched a page
at a time from SQL when the view first asks for them.

Choosing, filtering and sorting the ids happens on a worker (latest request wins), in
SQL or in the search index (``library.listing``). A search answers with its exact
count and its first ``FIRST_RANGE`` ids; the model reads further ids from the same
snapshot of the index only when the list is scrolled past them (twice as many each
time), so a keystroke never ranks every match. The model only ever holds ids and the
pages recently shown.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from bookstore.gui.context import AppContext, worker_library
from bookstore.gui.delegates.title_delegate import SNIPPET_ROLE, SUBTITLE_ROLE
from bookstore.gui.models.list_snippets import RowSnippets, plain
from bookstore.gui.models.listers import WorkerListers
from bookstore.gui.widgets.covers import LIST_WIDTH
from bookstore.gui.widgets.formats import Formats
from bookstore.library.library import Library
from bookstore.library.list_rows import IssueRow, issue_rows
from bookstore.library.listing import AllIds, Column, Listed, Lister, Listing

PAGE = 100
FIRST_RANGE = 200  # ids a search answers with: a screenful and more
_PAGES_KEPT = 40

COVER, LABEL, TITLE, AUTHORS, DATE, LANGUAGE, PRICE = range(7)
SORT_COLUMNS = {
    LABEL: Column.SERIES,
    TITLE: Column.TITLE,
    AUTHORS: Column.AUTHORS,
    DATE: Column.DATE,
    LANGUAGE: Column.LANGUAGE,
    PRICE: Column.PRICE,
}
ISSUE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
     Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.TextAlignmentRole, ISSUE_ID_ROLE,
     SUBTITLE_ROLE, SNIPPET_ROLE}
)  # fmt: skip
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex
_log = logging.getLogger(__name__)


class IssueTableModel(QAbstractTableModel):
    listing_changed = Signal()  # new ids are in (count, order or filter changed)
    listing_failed = Signal(object)  # the query could not be read: a QueryError

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.listing = Listing()
        self._listed: Listed = AllIds(())
        self._count = 0
        self._known: Sequence[int] = ()  # the first ids of the listing, read so far
        self._pages: OrderedDict[int, list[IssueRow | None]] = OrderedDict()
        self._shown: dict[int, tuple[str, ...]] = {}
        self._lister: Lister | None = None  # on the GUI thread's library
        self._worker_listers = WorkerListers(worker_library)
        self._generation = 0  # each load or request makes answers to older ones stale
        self._running = False
        self._pending: Listing | None = None
        # A full-text search's snippets, read for the rows painted (on the list's worker).
        self.snippets = RowSnippets(context.listing_workers, self)
        self.snippets.ready.connect(self._snippets_ready)
        self._covers_changed = QTimer(self, singleShot=True, interval=60)
        self._covers_changed.timeout.connect(self._repaint_covers)
        context.covers.ready.connect(self._cover_ready)

    # Loading

    def load(self, listing: Listing) -> None:
        """Show ``listing`` now (on this thread): the first window and tests use this."""
        self._generation += 1
        library = self.context.library
        if self._lister is None or self._lister.library is not library:
            self._lister = Lister(library)
        listed = self._lister.open(listing)
        listed.prefix(FIRST_RANGE)
        self._install(listing, listed)
        # The list's worker opens its Library now rather than at the first key typed.
        root, listers = library.root, self._worker_listers
        self.context.listing_workers.submit(lambda _job: listers.here(root).library.root)

    def request(self, listing: Listing) -> None:
        """Show ``listing`` when a worker has found its ids.

        One search runs at a time; requests made meanwhile wait, and only the newest of
        them runs next (this is the search field's debounce: fast typing costs at most
        one search in flight and one waiting). An answer to anything older than the
        last ``load`` or ``request`` is dropped.
        """
        if self._running:
            self._pending = listing
            return
        self._running = True
        self._generation += 1
        generation = self._generation
        root = self.context.library.root
        listers = self._worker_listers

        def find(_job: Any) -> tuple[Listed, list[IssueRow | None]]:
            lister = listers.here(root)
            listed = lister.open(listing)
            # The top ids and the first page's rows are read here, not on the GUI thread.
            return listed, _page_rows(lister.library, listed.prefix(FIRST_RANGE)[:PAGE])

        self.context.listing_workers.submit(
            find,
            on_done=lambda found: self._answered(generation, listing, found, None),
            on_error=lambda error: self._answered(generation, listing, None, error),
        )

    def busy(self) -> bool:
        return self._running

    def close(self) -> None:
        """Close the list worker's Library (on its thread); the caller waits for it."""
        self.context.listing_workers.submit(lambda _job: self._worker_listers.close_here())

    def _answered(
        self,
        generation: int,
        listing: Listing,
        found: tuple[Listed, list[IssueRow | None]] | None,
        error: BaseException | None,
    ) -> None:
        self._running = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.request(pending)
            return
        if generation != self._generation:
            return  # the list was loaded again meanwhile
        if error is not None:
            self.listing_failed.emit(error)
        elif found is not None:
            self._install(listing, *found)

    def refresh(self) -> None:
        """Read the current listing again (after the library changed)."""
        self.load(self.listing)

    def _install(
        self, listing: Listing, listed: Listed, first_page: list[IssueRow | None] | None = None
    ) -> None:
        self.beginResetModel()
        self.listing = listing
        self._listed = listed
        self._count = listed.count
        self._known = listed.prefix(FIRST_RANGE)
        self._pages.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self._shown.clear()
        self._reset_snippets()
        self.endResetModel()
        self.listing_changed.emit()

    def _read_to(self, stop: int) -> None:
        """Make sure the first ``stop`` ids are known: read on from the listing (at
        least twice as far as before, so scrolling to the end reads a few times)."""
        known = len(self._known)
        if stop <= known or known >= self._count:
            return
        wanted = min(self._count, max(stop + PAGE, 2 * known, FIRST_RANGE))
        try:
            self._known = self._listed.prefix(wanted)
        except BaseException as error:  # tantivy reports a damaged index by a panic
            if isinstance(error, KeyboardInterrupt | SystemExit):
                raise
            _log.warning("reading the list further failed: %s", error)
            self._count = len(self._known)  # shown as far as it was read, then read again
            QTimer.singleShot(0, lambda listing=self.listing: self.request(listing))

    # Reading

    def ids(self) -> list[int]:
        """Every id of the listing, in order (reads the rest of a search's ids)."""
        self._read_to(self._count)
        return list(self._known[: self._count])

    def issue_id(self, row: int) -> int:
        self._read_to(row + 1)
        return self._known[row]

    def row_of(self, issue_id: int) -> int:
        """The row of ``issue_id`` in the listing, or -1 (reads on when it is not among
        the ids read so far)."""
        for _ in range(2):
            try:
                return self._known.index(issue_id)
            except ValueError:
                if len(self._known) >= self._count:
                    return -1
                self._read_to(self._count)
        return -1

    def row_data(self, row: int) -> IssueRow | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            self._read_to(min(self._count, (page + 1) * PAGE))
            chunk = self._known[page * PAGE : (page + 1) * PAGE]
            rows = self._pages[page] = _page_rows(self.context.library, chunk)
            while len(self._pages) > _PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        index = row - page * PAGE
        return rows[index] if index < len(rows) else None

    def forget_rows(self) -> None:
        """Drop loaded rows (after an edit) and repaint; the ids stay."""
        self._pages.clear()
        self._shown.clear()
        self._reset_snippets()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, PRICE))

    # QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._headers()[section] or self.tr("Cover")
        return None

    def _headers(self) -> list[str]:
        return [
            "",
            self.tr("Series"),
            self.tr("Title"),
            self.tr("Authors"),
            self.tr("Date"),
            self.tr("Language"),
            self.tr("Price"),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column == COVER else self._texts(row)[column]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.context.covers.pixmap(row, LIST_WIDTH) if column == COVER else None
        if role == SUBTITLE_ROLE:
            return row.label if column == TITLE else None
        if role == SNIPPET_ROLE:
            return self._snippet(row, index.row()) if column == TITLE else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (DATE, PRICE) else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COVER:
                return self.tr("Cover")
            if column != TITLE:
                return self._texts(row)[column]
            snippet = self._snippet(row, index.row())
            return ", ".join(filter(None, [row.title, row.label, plain(snippet or "")]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._texts(row)[column] if column in (TITLE, AUTHORS, LABEL) else None
        return row.id  # ISSUE_ID_ROLE

    def _texts(self, row: IssueRow) -> tuple[str, ...]:
        """What each column shows for ``row``, made once (dates and prices in the UI's
        language cost more than anything else a row does)."""
        found = self._shown.get(row.id)
        if found is None:
            formats = self.context.formats
            if row.owned:
                price = self.tr("Owned")
            elif row.is_free or row.price is None:
                price = self.tr("Free")
            else:
                price = formats.price(row.price)
            found = ("", row.label, row.title, ", ".join(row.authors), formats.date(row.date),
                     formats.language_name(row.language), price)  # fmt: skip
            if len(self._shown) > 5000:
                self._shown.clear()
            self._shown[row.id] = found
        return found

    def shows_snippets(self) -> bool:
        """Whether the rows show snippets (the listing's query looks for words)."""
        return self.snippets.active

    def _snippet(self, row: IssueRow, row_number: int) -> str | None:
        """The row's snippet; "" while it is being read, None when rows show none."""
        if not self.snippets.active:
            return None
        return self.snippets.get(row.id, row_number) or ""

    def _reset_snippets(self) -> None:
        root, listers = self.context.library.root, self._worker_listers
        self.snippets.reset(self.listing.query, lambda: listers.here(root).library)

    def _snippets_ready(self, rows: list[int]) -> None:
        for row in rows:
            if 0 <= row < self._count:
                title = self.index(row, TITLE)
                self.dataChanged.emit(title, title, [SNIPPET_ROLE])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORT_COLUMNS.get(column)
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.request(
            Listing(self.listing.scope, self.listing.query, sort=sort, descending=descending)
        )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, PRICE)
        self.forget_rows()

    def _cover_ready(self, _key: str) -> None:
        self._covers_changed.start()

    def _repaint_covers(self) -> None:
        if self._count:
            self.dataChanged.emit(
                self.index(0, COVER),
                self.index(self._count - 1, COVER),
                [Qt.ItemDataRole.DecorationRole],
            )


def language_name(code: str, ui_language: str) -> str:
    """A language's name in the UI's language: "Polish", "polski", "польский"."""
    return Formats(ui_language).language_name(code)


def _page_rows(library: Library, ids: Sequence[int]) -> list[IssueRow | None]:
    """The rows of ``ids``, in their order (None for an issue removed meanwhile)."""
    found = {row.id: row for row in issue_rows(library, list(ids))}
    return [found.get(issue_id) for issue_id in ids]
