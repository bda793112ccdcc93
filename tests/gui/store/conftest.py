"""The Store in the window: a real ``bookstore serve`` and the window with its Store and
Feeds views; settings, sign-ins and downloads kept in the test's folder."""

from __future__ import annotations

import pytest

from bookstore.gui.app import build_context, view_factories
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.library.library import Library
from tests.gui.conftest import close_context, close_window
from tests.store.conftest import _store_folders, memory_keyring, server  # noqa: F401 (fixtures)
from tests.store.served import bookstore_serve


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with bookstore_serve(tmp_path_factory.mktemp("serve")) as running:
        yield running


@pytest.fixture
def store_context(qapp, tmp_path, gui_settings):
    """The window's context on an empty library: everything in it came from the store."""
    library = Library.open(tmp_path / "empty-library", with_sample=False)
    context = build_context(qapp, library, gui_settings)
    yield context
    close_context(context)


@pytest.fixture
def store_window(qtbot, store_context):
    gui_context = store_context
    main = MainWindow(gui_context, view_factories())
    qtbot.addWidget(main)
    main.load()
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    gui_context.workers.wait(30000)
    close_window(main)


def wait_page(qtbot, view, title: str | None = None) -> None:
    """Wait until the Store view shows a page (the one titled ``title``, if given)."""
    qtbot.waitUntil(
        lambda: view.feed is not None and (title is None or view.feed.title == title), timeout=20000
    )


def open_page(qtbot, view, url: str, title: str | None = None) -> None:
    view.open_page(url)
    wait_page(qtbot, view, title)


def entry_of(view, free: bool):
    """The first free (or priced) publication of the page shown."""
    return next(e for e in view.feed.publications if e.is_free == free)
