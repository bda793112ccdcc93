"""The sidebar: all issues, recently added, owned; each series by year; topics;
languages; saved searches; and the sections extra views (the Store) add."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QWidget,
)

from bookstore.gui.models.issue_model import language_name
from bookstore.gui.widgets.formats import Formats
from bookstore.library.facets import Facets
from bookstore.library.listing import Scope
from bookstore.library.saved_searches import SavedSearch

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2  # a heading's key, the same in every language


@dataclass(frozen=True)
class SavedTarget:
    name: str
    query: str


@dataclass(frozen=True)
class ViewTarget:
    key: str


Target = Scope | SavedTarget | ViewTarget


@dataclass(frozen=True)
class ViewEntry:
    key: str
    title: str
    count: str = ""  # shown in the count column (a feed's unread items)


class Sidebar(QTreeView):
    scope_chosen = Signal(object)  # Scope
    saved_chosen = Signal(object)  # SavedTarget
    view_chosen = Signal(str)  # an extra view's key
    delete_saved_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.tree = QStandardItemModel(self)
        self.setModel(self.tree)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(14)
        self.setMinimumWidth(150)
        self._facets: Facets | None = None
        self._saved: list[SavedSearch] = []
        self._views: list[ViewEntry] = []
        self._formats = Formats("en")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Library sections"))
        self.setAccessibleDescription(
            self.tr(
                "Choose which issues the list shows: a series, a year, a topic, a language or a saved search"
            )
        )
        if self._facets is not None:
            self.show_contents(self._facets, self._saved, self._views, self._formats)

    def show_contents(
        self,
        facets: Facets,
        saved: list[SavedSearch],
        views: list[ViewEntry],
        formats: Formats,
    ) -> None:
        """Fill the tree, keeping what was chosen and which branches were open."""
        current = self.current_target()
        expanded = self._expanded_targets()
        first = self._facets is None
        self._facets, self._saved, self._views, self._formats = facets, saved, views, formats
        self.tree.clear()
        self.tree.setColumnCount(2)
        root = self.tree.invisibleRootItem()
        library = self._heading(self.tr("Library"), "library")
        library.appendRow(self._entry(self.tr("All issues"), Scope(), facets.total))
        library.appendRow(self._entry(self.tr("Recently added"), Scope(recent=True), facets.recent))
        library.appendRow(self._entry(self.tr("Owned"), Scope(owned=True), facets.owned))
        root.appendRow([library, QStandardItem()])
        series = self._heading(self.tr("Series"), "series")
        for facet in facets.series:
            slug = facet.series.slug
            item = self._entry(
                facet.series.name_in(formats.language), Scope(series=slug), facet.count
            )
            for year, count in facet.years:
                item[0].appendRow(self._entry(str(year), Scope(series=slug, year=year), count))
            series.appendRow(item)
        root.appendRow([series, QStandardItem()])
        topics = self._heading(self.tr("Topics"), "topics")
        for topic, count in facets.topics:
            topics.appendRow(self._entry(topic, Scope(topic=topic), count))
        root.appendRow([topics, QStandardItem()])
        languages = self._heading(self.tr("Languages"), "languages")
        for code, count in facets.languages:
            name = language_name(code, formats.language)
            languages.appendRow(
                self._entry(name[:1].upper() + name[1:], Scope(language=code), count)
            )
        root.appendRow([languages, QStandardItem()])
        searches = self._heading(self.tr("Saved searches"), "saved")
        for entry in saved:
            row = self._entry(entry.name, SavedTarget(entry.name, entry.query), None)
            row[0].setToolTip(entry.query)
            searches.appendRow(row)
        if not saved:
            hint = QStandardItem(self.tr("None yet"))
            hint.setEnabled(False)
            searches.appendRow([hint, QStandardItem()])
        root.appendRow([searches, QStandardItem()])
        if views:
            store = self._heading(self.tr("Store"), "store")
            for view in views:
                row = self._entry(view.title, ViewTarget(view.key), None)
                row[1].setText(view.count)  # the view's own count (a feed's unread items)
                store.appendRow(row)
            root.appendRow([store, QStandardItem()])
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._restore(current, expanded, first)

    def _heading(self, text: str, key: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(key, HEADING_ROLE)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setSelectable(False)
        item.setData(None, TARGET_ROLE)
        return item

    def _entry(self, text: str, target: Target, count: int | None) -> list[QStandardItem]:
        item = QStandardItem(text)
        item.setData(target, TARGET_ROLE)
        shown = "" if count is None else self._formats.number(count)
        number = QStandardItem(shown)
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        number.setData(target, TARGET_ROLE)
        if count is not None:
            spoken = self.tr("{name}: %n issues", "", count).replace(str(count), shown)
            item.setData(spoken.format(name=text), Qt.ItemDataRole.AccessibleTextRole)
        return [item, number]

    # Choosing

    def current_target(self) -> Target | None:
        index = self.currentIndex()
        return index.data(TARGET_ROLE) if index.isValid() else None

    def choose(self, target: Target) -> bool:
        """Make the entry for ``target`` current (emitting its signal); False if absent."""
        index = self._find(target)
        if index is None:
            return False
        if index == self.currentIndex():
            self._current_changed(index, index)
        else:
            self.setCurrentIndex(index)
        return True

    def leave_saved_search(self) -> None:
        """The search was changed by hand: the saved search is no longer what is shown."""
        if isinstance(self.current_target(), SavedTarget):
            self.select_quietly(Scope())

    def select_quietly(self, target: Target) -> bool:
        """Make ``target``'s entry current without emitting; False if it is absent."""
        index = self._find(target)
        if index is not None:
            selection = self.selectionModel()
            selection.blockSignals(True)
            self.setCurrentIndex(index)
            selection.blockSignals(False)
            self.viewport().update()
        return index is not None

    def _find(self, target: Target) -> QModelIndex | None:
        for index in self._indexes():
            if index.column() == 0 and index.data(TARGET_ROLE) == target:
                return index
        return None

    def _indexes(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        found = []
        for row in range(self.tree.rowCount(parent)):
            index = self.tree.index(row, 0, parent)
            found.append(index)
            found += self._indexes(index)
        return found

    def _expanded_targets(self) -> set[str]:
        return {self._key(index) for index in self._indexes() if self.isExpanded(index)}

    @staticmethod
    def _key(index: QModelIndex) -> str:
        return str(index.data(TARGET_ROLE) or index.data(HEADING_ROLE))

    def _restore(self, current: Target | None, expanded: set[str], first: bool) -> None:
        for index in self._indexes():
            parent_is_root = not index.parent().isValid()
            key = self._key(index)
            heading = index.data(TARGET_ROLE) is None
            opened_at_first = key in ("library", "series", "languages", "saved", "store")
            if (first and parent_is_root and heading and opened_at_first) or key in expanded:
                self.expand(index)
        selection = self.selectionModel()
        selection.blockSignals(True)
        index = self._find(current) if current is not None else None
        self.setCurrentIndex(index or self._find(Scope()) or QModelIndex())
        selection.blockSignals(False)
        self.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        target = current.data(TARGET_ROLE) if current.isValid() else None
        if isinstance(target, Scope):
            self.scope_chosen.emit(target)
        elif isinstance(target, SavedTarget):
            self.saved_chosen.emit(target)
        elif isinstance(target, ViewTarget):
            self.view_chosen.emit(target.key)

    # Tooltips

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.indexAt(event.pos())
            tip = self.tip(index) if index.isValid() else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport(), self.visualRect(index))
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tip(self, index: QModelIndex) -> str:
        """A row's tooltip: its own (a saved search's query, a series' note), led by the
        row's whole text when the sidebar is too narrow to show it without "…"."""
        own = index.data(Qt.ItemDataRole.ToolTipRole) or ""
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not text or text in own or not self.is_cut(index):
            return own
        return f"{text}\n{own}" if own else text

    def is_cut(self, index: QModelIndex) -> bool:
        """Whether the row's text is shown shortened, with "…"."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        needed = self.itemDelegateForIndex(index).sizeHint(option, index).width()
        return needed > self.visualRect(index).width()

    def keyPressEvent(self, event) -> None:
        target = self.current_target()
        if event.key() == Qt.Key.Key_Delete and isinstance(target, SavedTarget):
            self.delete_saved_requested.emit(target.name)
            return
        super().keyPressEvent(event)
