"""The real window on a fresh sample library, offscreen, with settings of its own.

Fixtures for anyone adding to the window (the Store view too):
``gui_context`` (an AppContext on a fresh sample library), ``window`` (the main
window, loaded and shown), ``wait_listing`` (wait for the list to answer) and
``screenshot`` (save a widget as ``tests/output/gui/NAME.png``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from bookstore.gui import settings as keys
from bookstore.gui.app import application, build_context
from bookstore.gui.context import AppContext
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.gui.settings import Settings
from bookstore.library.library import Library

# Before the QApplication exists (it is made once per session).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUTPUT = Path(__file__).resolve().parents[1] / "output" / "gui"


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """pytest-qt's application, made the way ``bookstore`` makes it."""
    return application(["bookstore-tests"])


@pytest.fixture
def gui_settings(tmp_path: Path) -> Settings:
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set(keys.LANGUAGE, "en")
    settings.set(keys.THEME, "light")
    return settings


@pytest.fixture
def gui_context(qapp: QApplication, tmp_path: Path, gui_settings: Settings) -> Iterator[AppContext]:
    library = Library.open(tmp_path / "library")
    context = build_context(qapp, library, gui_settings)
    yield context
    close_context(context)


def close_context(context: AppContext) -> None:
    """Stop the workers, deliver what they finished, then close the library and let Qt
    delete the thread pools, so that nothing of one test reaches into the next."""
    context.covers.close()
    context.workers.wait(60000)
    context.listing_workers.wait(20000)
    QApplication.processEvents()
    context.translations.apply("en")
    context.library.close()
    for workers in (context.workers, context.listing_workers, context.covers.workers):
        workers.pool.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def close_window(main: MainWindow) -> None:
    """Close the window and every window it opened, and delete them now."""
    main.undo_stack.clear()
    for child in main.findChildren(QWidget):
        if child.isWindow():
            child.close()
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_history(qtbot, window: MainWindow) -> None:
    """Wait until the changes and undos asked for have run on their worker."""
    qtbot.waitUntil(lambda: not window.history.busy(), timeout=30000)


@pytest.fixture
def window(qtbot, gui_context: AppContext) -> Iterator[MainWindow]:
    main = MainWindow(gui_context)
    qtbot.addWidget(main)
    main.load()
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_window(main)


@pytest.fixture
def wait_listing(qtbot) -> Callable[[MainWindow], None]:
    """Wait until the list has answered the newest search."""

    def wait(main: MainWindow) -> None:
        qtbot.waitUntil(lambda: not main.model.busy(), timeout=10000)

    return wait


@pytest.fixture
def screenshot(qtbot) -> Callable[[QWidget, str], Path]:
    def save(widget: QWidget, name: str) -> Path:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        qtbot.wait(50)
        QApplication.processEvents()
        path = OUTPUT / f"{name}.png"
        assert widget.grab().save(str(path)), path
        return path

    return save
