"""The main window: sidebar, search field and issue list, detail pane, status bar.

The window wires parts together; the flows (import, export, editing, reading, opening
libraries) live in their own modules and are started from here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bookstore.errors import BookstoreError
from bookstore.gui import settings as keys
from bookstore.gui.context import AppContext
from bookstore.gui.errors import show_error
from bookstore.gui.i18n.core_words import said
from bookstore.gui.main_window import flows
from bookstore.gui.main_window.actions import Actions
from bookstore.gui.main_window.citation_actions import CitationActions
from bookstore.gui.main_window.detail_pane import DetailPane
from bookstore.gui.main_window.import_status import ImportStatus
from bookstore.gui.main_window.issue_list import ROW_HEIGHT, issue_list
from bookstore.gui.main_window.saved_search_menu import SavedSearchMenu
from bookstore.gui.main_window.status import JobStatus
from bookstore.gui.main_window.window_place import Place, read_place, remember_place
from bookstore.gui.models.issue_model import (
    DATE,
    SORT_COLUMNS,
    TITLE,
    IssueTableModel,
)
from bookstore.gui.models.list_columns import fit_columns
from bookstore.gui.operations.import_flow import IMPORT_CHANNEL
from bookstore.gui.operations.index_rebuild import rebuild_if_needed
from bookstore.gui.operations.library_controller import LibraryController
from bookstore.gui.operations.undo_history import UndoHistory
from bookstore.gui.widgets.accessible import name_qt_parts
from bookstore.gui.widgets.filter_line import FilterLine
from bookstore.gui.widgets.page_stack import PageStack
from bookstore.gui.widgets.search_field import SearchField
from bookstore.gui.widgets.sidebar import SavedTarget, Sidebar, ViewEntry, ViewTarget
from bookstore.gui.window import ExtraView, ViewFactory
from bookstore.library.editing import IssueEdit
from bookstore.library.facets import Facets, FieldValues, all_field_values, library_facets
from bookstore.library.listing import Listing, Scope
from bookstore.library.saved_searches import SavedSearch, saved_searches
from bookstore.library.search.query import QueryError
from bookstore.model import Issue


def default_size(screen: QSize) -> QSize:
    """The window's size before it has one saved: most of the screen, up to 1440×960."""
    return QSize(min(screen.width() - 40, 1440), min(screen.height() - 40, 960)).expandedTo(
        QSize(960, 640)
    )


class MainWindow(QMainWindow):
    library_changed = Signal()  # issues were added, edited or removed

    def __init__(self, context: AppContext, view_factories: list[ViewFactory] = ()) -> None:  # type: ignore[assignment]
        super().__init__()
        self.context = context
        self.scope = Scope()
        self._library_target: Scope | SavedTarget = self.scope  # what the list shows
        self.undo_stack = QUndoStack(self)
        self.history = UndoHistory(
            context, self.undo_stack, self.refresh_after_change, self._failed
        )
        self.controller = LibraryController(context, self.history)  # every write goes there
        self.actions_ = Actions(self)
        self.model = IssueTableModel(context)
        self.views: dict[str, ExtraView] = {}
        self._facets: Facets | None = None
        self._values: FieldValues | None = None  # for completing field values
        self._build()
        self._menus()
        self.citations = CitationActions(self)
        self._connect()
        self.saved_menu = SavedSearchMenu(self)
        for factory in view_factories:
            self.add_view(factory(context, self))
        self.setAcceptDrops(True)
        self.resize(default_size(self.screen().availableGeometry().size()))
        self.retranslate()

    # Building

    def _build(self) -> None:
        self.sidebar = Sidebar()
        self.search = SearchField(self._field_values)
        self.save_search_button = QPushButton()
        self.save_search_button.clicked.connect(self.save_current_search)
        self.list = issue_list(self.model)
        self.empty_list = QLabel()
        self.empty_list.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_list.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.empty_list)

        search_row = QHBoxLayout()
        search_row.setSpacing(6)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.save_search_button, 0, Qt.AlignmentFlag.AlignTop)
        library_page = QWidget()
        library_layout = QVBoxLayout(library_page)
        library_layout.setContentsMargins(8, 8, 0, 0)
        library_layout.setSpacing(6)
        library_layout.addLayout(search_row)
        self.filter_line = FilterLine(self.context)
        library_layout.addWidget(self.filter_line)
        library_layout.addWidget(self.list_stack, 1)
        self.centre = PageStack()  # as narrow as the view shown
        self.centre.addWidget(library_page)
        self.library_page = library_page

        self.detail = DetailPane(
            self.context,
            [self.actions_.read, self.actions_.edit, self.actions_.export, self.actions_.remove],
        )
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([220, 760, 360])  # the list gets what the window gains
        self.setCentralWidget(self.splitter)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        a = self.actions_
        for action in (a.import_files, a.export, None, a.read, a.edit, a.remove, None, a.undo):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.job_status = JobStatus(self.context.workers, hidden=(IMPORT_CHANNEL,))
        self.statusBar().addPermanentWidget(self.job_status)
        self.import_status = ImportStatus(self)  # the import's own progress and summary
        self.statusBar().addPermanentWidget(self.import_status)

    def _menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([a.import_files, a.import_folder, a.export])
        self.file_menu.addSeparator()
        self.file_menu.addActions([a.open_library, a.new_library])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(lambda: flows.fill_recent(self, self.recent_menu))
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([a.undo, a.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([a.edit, a.remove, a.select_all])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([a.find, a.save_search])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a.settings)
        self.issue_menu = bar.addMenu("")
        self.issue_menu.addActions([a.read, a.export])
        self.issue_menu.addSeparator()
        self.sort_menu = self.issue_menu.addMenu("")  # sorting by keyboard, as the headers do
        self.sort_actions: dict[int, QAction] = {}
        for column in SORT_COLUMNS:
            action = self.sort_menu.addAction("")
            action.triggered.connect(lambda _checked=False, c=column: self.sort_by(c))
            self.sort_actions[column] = action
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([a.shortcuts, a.about])

    def _connect(self) -> None:
        a = self.actions_
        self.sidebar.scope_chosen.connect(self._scope_chosen)
        self.sidebar.saved_chosen.connect(self._saved_chosen)
        self.sidebar.view_chosen.connect(self.show_view)
        self.controller.switched.connect(self._library_switched)
        self.sidebar.delete_saved_requested.connect(self.delete_saved_search)
        self.search.query_changed.connect(self._query_changed)
        self.filter_line.cleared.connect(self.show_everything)
        self.model.listing_changed.connect(self._listing_changed)
        self.model.listing_failed.connect(self._listing_failed)
        self.model.modelReset.connect(self._selection_changed)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.activated.connect(lambda _index: self.read_current())
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.detail.issue_view.issue_link.connect(self.show_issue_id)
        self.detail.issue_view.topic_link.connect(
            lambda topic: self.sidebar.choose(Scope(topic=topic))
        )
        a.find.triggered.connect(self.focus_search)
        a.select_all.triggered.connect(self.list.selectAll)
        a.undo.triggered.connect(self.history.undo)
        self.history.busy_changed.connect(lambda _busy: self._selection_changed())
        a.redo.triggered.connect(self.history.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.remove.triggered.connect(self.remove_selected)
        a.save_search.triggered.connect(self.save_current_search)
        a.quit.triggered.connect(self.close)
        a.read.triggered.connect(self.read_current)
        a.edit.triggered.connect(lambda: flows.edit_current(self))
        a.export.triggered.connect(lambda: flows.export_chosen(self))
        a.import_files.triggered.connect(lambda: flows.import_files(self))
        a.import_folder.triggered.connect(lambda: flows.import_folder(self))
        a.open_library.triggered.connect(lambda: flows.open_library(self))
        a.new_library.triggered.connect(lambda: flows.new_library(self))
        a.settings.triggered.connect(lambda: flows.show_settings(self))
        a.shortcuts.triggered.connect(lambda: flows.show_shortcuts(self))
        a.about.triggered.connect(lambda: flows.show_about(self))

    # Extra views

    def add_view(self, view: ExtraView) -> None:
        self.views[view.key] = view
        self.centre.addWidget(view.page())
        detail = view.detail_page()
        if detail is not None:
            self.detail.add_page(view.key, detail)
        self.detail.issue_view.extra_actions.append(view.issue_actions)
        if self._facets is not None:
            self.reload_sidebar(recount=False)

    def show_view(self, key: str) -> None:
        # A view with several sidebar rows ("store/<address>") gets the row's key.
        view = self.views.get(key) or self.views[key.split("/", 1)[0]]
        if hasattr(view, "show_entry"):
            view.show_entry(key)
        self.centre.setCurrentWidget(view.page())
        if view.detail_page() is not None:
            self.detail.show_page(view.key)
        if self.sidebar.current_target() != ViewTarget(key):
            self.sidebar.select_quietly(ViewTarget(key))
        self._selection_changed()  # the library's actions are off while a view is shown

    def library_shown(self) -> bool:
        return self.centre.currentWidget() is self.library_page

    def show_library_page(self) -> None:
        if not self.library_shown():
            self.centre.setCurrentWidget(self.library_page)
            if isinstance(self.sidebar.current_target(), ViewTarget):
                self.sidebar.select_quietly(self._library_target)  # the highlight follows
            self._selection_changed()

    # Loading

    def load(self) -> None:
        """Fill the sidebar and the list from the library (on this thread)."""
        self.reload_sidebar()
        place = self._go_to_place()
        self.model.load(self.current_listing())
        self.restore_state()
        if place is not None and place.issue_id is not None:
            row = self.model.row_of(place.issue_id)
            if row >= 0:
                self.select_row(row)
        if self.model.rowCount() and not self.selected_ids():
            self.select_row(0)  # the first screen shows an issue, not an empty pane
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._read_field_values()

    def _go_to_place(self) -> Place | None:
        """Choose what the window showed when it was closed (the list is loaded after)."""
        place = read_place(self.context.settings, self.context.library.root)
        if place is None or not self.sidebar.select_quietly(place.target):
            return None
        self._library_target = place.target
        self.scope = place.target if isinstance(place.target, Scope) else Scope()
        self.search.blockSignals(True)
        self.search.set_text(place.query)
        self.search.blockSignals(False)
        return place

    def _read_field_values(self) -> None:
        """Read the values completion offers on a worker now, so that the first
        ``author:`` typed does not wait for a scan of every issue's authors."""
        values = self._completion_values()
        read_after = values.version()
        root = self.context.library.root

        def read(_job: object) -> dict[str, list[str]]:
            with self.context.open_library(root) as library:
                return all_field_values(library)

        def done(found: dict[str, list[str]]) -> None:
            if values is self._values and values.library is self.context.library:
                values.offer(found, read_after)

        self.context.workers.submit(read, on_done=done)

    def reload_sidebar(self, recount: bool = True) -> None:
        """Show the sidebar again; ``recount`` False keeps the counts read last time."""
        library = self.context.library
        views = []
        for key, view in self.views.items():
            # A view may list several rows (the stores added, each feed with its unread count).
            rows = getattr(view, "sidebar_entries", None)
            views += rows() if rows is not None else [ViewEntry(key, view.title())]
        if recount or self._facets is None:
            self._facets = library_facets(library)
        self.sidebar.show_contents(
            self._facets, saved_searches(library), views, self.context.formats
        )

    def current_listing(self) -> Listing:
        sort = self.model.listing.sort
        descending = self.model.listing.descending
        return Listing(self.scope, self.search.text().strip(), sort, descending)

    def _library_switched(self) -> None:
        """Show the library the controller opened in place of the last one."""
        self.scope = self._library_target = Scope()
        self._facets = None
        self.search.set_text("")
        self.reload_sidebar()
        self.sidebar.choose(Scope())
        self.model.load(self.current_listing())
        self.retranslate()
        self.library_changed.emit()
        rebuild_if_needed(self)

    def _request_listing(self) -> None:
        self.show_library_page()
        self.model.request(self.current_listing())

    def _query_changed(self, text: str) -> None:
        target = self.sidebar.current_target()
        if isinstance(target, SavedTarget) and target.query != text.strip():
            self.sidebar.leave_saved_search()
        self._request_listing()

    def _scope_chosen(self, scope: Scope) -> None:
        self.scope = self._library_target = scope
        self._request_listing()

    def _saved_chosen(self, target: SavedTarget) -> None:
        self.scope, self._library_target = Scope(), target
        self.search.set_text(target.query)
        self._request_listing()

    def show_everything(self) -> None:
        self.search.set_text("")
        self.sidebar.choose(Scope())

    def sort_by(self, column: int) -> None:
        """Sort by a column (from the menu): dates newest first, the rest A to Z; choosing
        the column sorted by already turns the order around."""
        header = self.list.horizontalHeader()
        if header.sortIndicatorSection() == column:
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        else:
            order = Qt.SortOrder.DescendingOrder if column == DATE else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column in SORT_COLUMNS:
            self.model.sort(column, order)

    def _listing_changed(self) -> None:
        self.search.clear_problem()
        self.filter_line.show_listing(self.model.listing)
        # A full-text search's rows have a third line: the snippet.
        snippet_line = self.list.fontMetrics().height() if self.model.shows_snippets() else 0
        self.list.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + snippet_line)
        count = self.model.rowCount()
        if count == 0:
            self.empty_list.setText(self._empty_text())
            self.list_stack.setCurrentWidget(self.empty_list)
        else:
            self.list_stack.setCurrentWidget(self.list)
        self._update_counts()

    def _empty_text(self) -> str:
        if self.model.listing.query:
            return self.tr("No issue matches this search.")
        if self.context.library.count() == 0:
            return self.tr(
                "The library is empty.\nImport publisher pages with Ctrl+I, or drop files or folders here."
            )
        return self.tr("No issues here.")

    def _listing_failed(self, error: BaseException) -> None:
        if isinstance(error, QueryError):
            self.search.show_problem(said(error))
        else:
            show_error(self, error)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        selected = len(self.list.selectionModel().selectedRows())
        n = self.context.formats.number
        text = self.tr("%n issues", "", total).replace(str(total), n(total), 1)
        if selected:
            text += " · " + self.tr("%n selected", "", selected).replace(
                str(selected), n(selected), 1
            )
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)  # heard as "27 issues", not as its purpose

    # Selection and detail

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.model.issue_id(row) for row in rows]

    def current_issue(self) -> Issue | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        try:
            return self.context.library.get(ids[0])
        except BookstoreError:
            return None

    def _selection_changed(self, *_args: QItemSelection) -> None:
        self._update_counts()
        ids = self.selected_ids()
        # The library's actions (and their keys) act on the list: off while the Store or
        # Feeds is shown, where that list and its selection are hidden.
        shown = self.library_shown()
        has_one, has_any = shown and len(ids) == 1, shown and bool(ids)
        settled = not self.history.busy()  # the list may still show what is being removed
        a = self.actions_
        a.read.setEnabled(has_one)
        a.edit.setEnabled(has_any and settled)  # several: edited together
        a.remove.setEnabled(has_any and settled)
        a.export.setEnabled(shown)
        if not shown:
            return  # the detail pane shows the view's own page
        issue = self.current_issue() if has_one else None
        if issue is not None:
            self.detail.show_issue(issue)
        else:
            self.detail.show_selection_count(len(ids))

    def show_issue_id(self, issue_id: int) -> None:
        """Select the issue in the list, widening the list to every issue if needed."""
        row = self.model.row_of(issue_id)
        if row < 0:
            self.search.set_text("")
            self.sidebar.choose(Scope())
            self.scope = Scope()
            self.model.load(self.current_listing())
            row = self.model.row_of(issue_id)
        if row >= 0:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        """Choose that row alone (whatever keys are held: selectRow would toggle with Ctrl)."""
        index = self.model.index(row, TITLE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.list.selectionModel().setCurrentIndex(
            index, flags | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list.scrollTo(index)

    def focus_search(self) -> None:
        self.show_library_page()
        self.search.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.edit.selectAll()

    def _list_menu(self, position) -> None:
        menu = QMenu(self)
        a = self.actions_
        menu.addActions([a.read, a.edit, a.export, a.remove, *self.citations.actions()])
        menu.exec(self.list.viewport().mapToGlobal(position))

    # Changes

    def refresh_after_change(self, ids: list[int]) -> None:
        """Show the library as it now is, keeping (or choosing) the selection."""
        keep = ids or self.selected_ids()
        self.reload_sidebar()
        self.model.load(self.current_listing())
        self.select_ids(keep)
        self.library_changed.emit()

    def select_ids(self, ids: list[int]) -> None:
        """Select exactly those of ``ids`` the list shows, the topmost current and scrolled to."""
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r >= 0)
        self.list.clearSelection()
        for row in rows:
            self.list.selectionModel().select(
                self.model.index(row, 0),
                self.list.selectionModel().SelectionFlag.Select
                | self.list.selectionModel().SelectionFlag.Rows,
            )
        if rows:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(rows[0], TITLE), self.list.selectionModel().SelectionFlag.NoUpdate
            )
            self.list.scrollTo(self.model.index(rows[0], TITLE))
        self._selection_changed()

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            issue = self.context.library.get(ids[0])
            question = self.tr("Remove “{title}” from the library?").format(title=issue.title)
        else:
            question = self.tr("Remove %n issues from the library?", "", len(ids))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove"), question, parent=self)
        box.setInformativeText(self.tr("You can undo this with Ctrl+Z while Bookstore is open."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(remove)
        box.exec()
        if box.clickedButton() is not remove:
            return
        self.remove_ids(ids)

    def remove_ids(self, ids: list[int]) -> None:
        """Remove the issues on a worker, so that Ctrl+Z brings them back."""
        row = min(self.model.row_of(i) for i in ids)

        def removed(_ids: list[int]) -> None:
            self.refresh_after_change([])
            if self.model.rowCount():
                self.select_row(min(max(row, 0), self.model.rowCount() - 1))

        self.controller.remove(ids, on_done=removed)

    def apply_edit(
        self,
        issue: Issue,
        edit: IssueEdit,
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Save an edit (already checked by the dialog) on a worker, so that Ctrl+Z
        undoes it; ``on_done`` runs once it is saved, ``on_error`` if it cannot be."""

        def saved(ids: list[int]) -> None:
            self.refresh_after_change(ids)
            if on_done is not None:
                on_done()

        self.controller.edit(issue, edit, on_done=saved, on_error=on_error)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    # Saved searches

    def save_current_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.focus_search()
            self.search.show_problem(self.tr("type a search first, then save it"))
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Save Search"), self.tr("Name of the search:"), text=query[:40]
        )
        if not ok:
            return

        def saved(search: SavedSearch) -> None:
            self.reload_sidebar()
            self.sidebar.choose(SavedTarget(search.name, search.query))

        self.controller.save_search(name, query, saved, lambda error: show_error(self, error))

    def delete_saved_search(self, name: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete Saved Search"),
            self.tr("Delete the saved search “{name}”?").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.delete_search(
                name, self.reload_sidebar, lambda error: show_error(self, error)
            )

    def _field_values(self, field: str, prefix: str) -> list[str]:
        return self._completion_values()(field, prefix)

    def _completion_values(self) -> FieldValues:
        if self._values is None or self._values.library is not self.context.library:
            self._values = FieldValues(self.context.library)
        return self._values

    def read_current(self) -> None:
        flows.read_current(self)

    def import_paths(self, paths: list[Path]) -> None:
        self.import_status.start(paths)

    # Drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    # State and language

    def restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.get(keys.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        splitter = settings.get(keys.SPLITTER_STATE)
        if splitter:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set(keys.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        settings.set(keys.SPLITTER_STATE, bytes(self.splitter.saveState().data()))
        ids = self.selected_ids()
        place = Place(self._library_target, self.search.text(), ids[0] if len(ids) == 1 else None)
        remember_place(settings, self.context.library.root, place)
        settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Bookstore — {library}").format(library=self.context.library.root.name)
        )
        self.actions_.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent &Libraries"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.issue_menu.setTitle(self.tr("&Issue"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.sort_menu.setTitle(self.tr("&Sort By"))
        for column, action in self.sort_actions.items():
            action.setText(
                self.model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
            )
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.save_search_button.setText(self.tr("Save Search…"))
        self.save_search_button.setAccessibleName(self.tr("Save this search"))
        self.save_search_button.setToolTip(
            self.tr("Keep this search in the sidebar (Ctrl+Shift+S)")
        )
        self.list.setAccessibleName(self.tr("Issues"))
        self.list.setAccessibleDescription(
            self.tr("The issues chosen in the sidebar and by the search; Enter opens the reader")
        )
        self.count_label.setAccessibleDescription(self.tr("Issue count"))
        self.search.retranslate()
        self.sidebar.retranslate()
        self.model.retranslate()
        fit_columns(self.list, self.context.formats)
        self.detail.retranslate()
        self.job_status.retranslate()
        for view in self.views.values():
            view.retranslate()
        if self.empty_list.text():  # shown now or earlier: said again, even while hidden
            self.empty_list.setText(self._empty_text())
        self._update_counts()
        name_qt_parts(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.context.workers.running()
        if running:
            answer = QMessageBox.question(
                self,
                self.tr("Quit"),
                self.tr("“{job}” is still running. Cancel it and quit?").format(
                    job=running[0].name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for job in running:
                job.cancel()
        self.save_state()
        self.context.covers.close()
        self.controller.close(10.0)  # the queued writes first; the one close path
        self.model.close()
        self.context.listing_workers.wait(10000)
        super().closeEvent(event)
