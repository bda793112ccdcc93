"""Starting the window: the application, settings, language, theme, the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from bookstore import APP_ID, __version__, logs
from bookstore.desktop_entry import desktop_folder, icon_files
from bookstore.errors import BookstoreError
from bookstore.gui import settings as keys
from bookstore.gui.context import AppContext, window_library
from bookstore.gui.errors import install_excepthook, show_error
from bookstore.gui.i18n.translations import Translations
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.gui.operations.index_rebuild import rebuild_if_needed
from bookstore.gui.operations.workers import Workers
from bookstore.gui.settings import Settings
from bookstore.gui.widgets.covers import CoverCache
from bookstore.gui.widgets.display import missing_display
from bookstore.gui.widgets.formats import Formats
from bookstore.gui.widgets.themes import apply_theme
from bookstore.gui.window import ViewFactory
from bookstore.library.library import Library
from bookstore.library.location import ENVIRONMENT_VARIABLE


def view_factories() -> list[ViewFactory]:
    """The extra views the window shows (the Store adds itself here)."""
    from bookstore.gui.main_window.series_gaps_view import SeriesGapsView
    from bookstore.gui.store.feeds_view import FeedsView
    from bookstore.gui.store.store_view import StoreView

    return [StoreView, FeedsView, SeriesGapsView]


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Bookstore")
    app.setOrganizationName("bookstore")
    app.setApplicationVersion(__version__)
    # Wayland's app id and the desktop entry the shell matches the window with.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """The icon theme's, else the one shipped in every size."""
    shipped = QIcon()
    try:
        folder = desktop_folder()
    except BookstoreError:  # a build without the desktop files: the theme's, if any
        return QIcon.fromTheme(APP_ID)
    for icon in icon_files(folder):
        if icon.suffix == ".png":
            shipped.addFile(str(folder / "icons" / "hicolor" / icon))
    return QIcon.fromTheme(APP_ID, shipped)


def chosen_library(given: str | None, settings: Settings) -> str | None:
    """--library, else BOOKSTORE_LIBRARY, else the library opened last, else the default."""
    if given:
        return given
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return None
    return settings.get(keys.LIBRARY) or None


def build_context(app: QApplication, library: Library, settings: Settings) -> AppContext:
    workers = Workers(QThreadPool(app))
    workers.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
    listing_workers = Workers(QThreadPool(app))
    listing_workers.pool.setMaxThreadCount(1)
    listing_workers.pool.setExpiryTimeout(-1)  # its thread keeps its Library (gui.listers)
    cover_workers = Workers(QThreadPool(app))
    cover_workers.pool.setMaxThreadCount(1)
    cache = Path(platformdirs.user_cache_dir("bookstore", appauthor=False)) / "covers"
    translations = Translations(app)
    language = translations.apply(settings.get(keys.LANGUAGE))
    apply_theme(app, settings.get(keys.THEME))
    return AppContext(
        library=window_library(library),
        settings=settings,
        workers=workers,
        listing_workers=listing_workers,
        covers=CoverCache(cache, cover_workers),
        formats=Formats(language),
        translations=translations,
    )


def open_window(
    library_path: str | Path | None,
    settings: Settings,
    app: QApplication,
    files: Sequence[Path] = (),
) -> MainWindow:
    """Open the library and its window (shown and filled), then import ``files``."""
    library = Library.open(library_path)
    settings.remember_library(library.root)
    context = build_context(app, library, settings)
    window = MainWindow(context)
    window.load()
    window.show()
    rebuild_if_needed(window)  # a missing or damaged search index, with progress
    if files:
        window.import_paths(list(files))  # the import's summary shows when it ends
    # The Store's views come just after the library is on screen. Their modules (and
    # the network libraries they load: most of a second) are imported on a worker, so
    # the window answers keys meanwhile; the views are made here, on the GUI thread.
    context.workers.submit(
        lambda _job: view_factories(),
        on_done=lambda factories: add_views(window, context, factories),
    )
    return window


def add_views(
    window: MainWindow, context: AppContext, factories: list[ViewFactory] | None = None
) -> None:
    if not shiboken6.isValid(window) or not window.isVisible():
        return  # closed before the views' modules were read
    for factory in view_factories() if factories is None else factories:
        window.add_view(factory(context, window))


def run(library_path: str | None = None, files: Sequence[Path] = ()) -> int:
    """``bookstore`` with no command (or with files to import): the window, until it
    is closed."""
    problem = missing_display()
    if problem is not None:  # Qt would abort the process with misleading advice
        print(problem, file=sys.stderr)
        return 1
    app = application()
    logs.set_up()  # what any module logs reaches the log file from here on
    install_excepthook(app)
    settings = Settings.for_user()
    try:
        window = open_window(chosen_library(library_path, settings), settings, app, files)
    except BookstoreError as error:
        show_error(None, error)
        return 1
    code = app.exec()
    window.context.library.close()
    return code
