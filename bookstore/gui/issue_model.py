"""The issue list's model: the ids of the current listing, their rows fetched a page
at a time from SQL when the view first asks for them.

Choosing, filtering and sorting the ids happens in the database on a worker (latest
request wins); the model only ever holds the ids and the pages recently shown.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from bookstore.gui.context import AppContext
from bookstore.gui.covers import LIST_WIDTH
from bookstore.gui.formats import Formats
from bookstore.gui.title_delegate import SUBTITLE_ROLE
from bookstore.library.list_rows import IssueRow, issue_rows
from bookstore.library.listing import Column, Listing, listing_ids

PAGE = 100
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
     SUBTITLE_ROLE}
)  # fmt: skip
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex


class IssueTableModel(QAbstractTableModel):
    listing_changed = Signal()  # new ids are in (count, order or filter changed)
    listing_failed = Signal(object)  # the query could not be read: a QueryError

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.listing = Listing()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[IssueRow]] = OrderedDict()
        self._shown: dict[int, tuple[str, ...]] = {}
        self._running = False
        self._pending: Listing | None = None
        self._covers_changed = QTimer(self, singleShot=True, interval=60)
        self._covers_changed.timeout.connect(self._repaint_covers)
        context.covers.ready.connect(self._cover_ready)

    # Loading

    def load(self, listing: Listing) -> None:
        """Show ``listing`` now (on this thread): the first window and tests use this."""
        self._install(listing, listing_ids(self.context.library, listing))

    def request(self, listing: Listing) -> None:
        """Show ``listing`` when a worker has found its ids.

        One search runs at a time; requests made meanwhile wait, and only the newest of
        them runs next (this is the search field's debounce: fast typing costs at most
        one search in flight and one waiting).
        """
        if self._running:
            self._pending = listing
            return
        self._running = True
        root = self.context.library.root

        def find(_job: Any) -> list[int]:
            with self.context.open_library(root) as library:
                return listing_ids(library, listing)

        self.context.listing_workers.submit(
            find,
            on_done=lambda ids: self._answered(listing, ids, None),
            on_error=lambda error: self._answered(listing, None, error),
        )

    def busy(self) -> bool:
        return self._running

    def _answered(
        self, listing: Listing, ids: list[int] | None, error: BaseException | None
    ) -> None:
        self._running = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.request(pending)
            return
        if error is not None:
            self.listing_failed.emit(error)
        elif ids is not None:
            self._install(listing, ids)

    def refresh(self) -> None:
        """Read the current listing again (after the library changed)."""
        self.load(self.listing)

    def _install(self, listing: Listing, ids: list[int]) -> None:
        self.beginResetModel()
        self.listing = listing
        self._ids = ids
        self._pages.clear()
        self._shown.clear()
        self.endResetModel()
        self.listing_changed.emit()

    # Reading

    def ids(self) -> list[int]:
        return self._ids

    def issue_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, issue_id: int) -> int:
        try:
            return self._ids.index(issue_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> IssueRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            chunk = self._ids[page * PAGE : (page + 1) * PAGE]
            found = {r.id: r for r in issue_rows(self.context.library, chunk)}
            rows = [found.get(issue_id) for issue_id in chunk]  # type: ignore[misc]
            self._pages[page] = rows
            while len(self._pages) > _PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * PAGE]

    def forget_rows(self) -> None:
        """Drop loaded rows (after an edit) and repaint; the ids stay."""
        self._pages.clear()
        self._shown.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, PRICE))

    # QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (DATE, PRICE) else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COVER:
                return self.tr("Cover")
            return f"{row.title}, {row.label}" if column == TITLE else self._texts(row)[column]
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
        if self._ids:
            self.dataChanged.emit(
                self.index(0, COVER),
                self.index(len(self._ids) - 1, COVER),
                [Qt.ItemDataRole.DecorationRole],
            )


def language_name(code: str, ui_language: str) -> str:
    """A language's name in the UI's language: "Polish", "polski", "польский"."""
    return Formats(ui_language).language_name(code)
