"""What the window's actions start, each in its own module: the reader, the edit and
export dialogs, imports, opening and making libraries, settings, keys and About.
Their modules are read when first used, not when the window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from bookstore.gui.window import LibraryWindow


def read_current(window: LibraryWindow) -> None:
    from bookstore.gui.reader.reader import open_reader

    issue = window.current_issue()
    if issue is not None:
        open_reader(window.context, issue, window)


def edit_current(window: LibraryWindow) -> None:
    """One issue in the edit dialog; several chosen: edited together."""
    ids = window.selected_ids()
    if len(ids) > 1:
        from bookstore.gui.dialogs.bulk_edit_dialog import BulkEditDialog

        BulkEditDialog(window, window.context.library.get_many(ids)).exec()
        return
    from bookstore.gui.dialogs.edit_dialog import EditDialog

    issue = window.current_issue()
    if issue is not None:
        EditDialog(window.context, issue, window).exec()


def export_chosen(window: LibraryWindow) -> None:
    from bookstore.gui.dialogs.export_dialog import ExportDialog

    ExportDialog(window.context, window.selected_ids(), window.model.listing, window).exec()


def import_files(window: LibraryWindow) -> None:
    from bookstore.gui.operations.import_flow import ask_files

    ask_files(window)


def import_folder(window: LibraryWindow) -> None:
    from bookstore.gui.operations.import_flow import ask_folder

    ask_folder(window)


def open_library(window: LibraryWindow) -> None:
    from bookstore.gui.main_window.library_menu import ask_open_library

    ask_open_library(window)


def new_library(window: LibraryWindow) -> None:
    from bookstore.gui.main_window.library_menu import ask_new_library

    ask_new_library(window)


def fill_recent(window: LibraryWindow, menu: QMenu) -> None:
    from bookstore.gui.main_window.library_menu import fill_recent_menu

    fill_recent_menu(window, menu)


def show_settings(window: LibraryWindow) -> None:
    from bookstore.gui.dialogs.settings_dialog import SettingsDialog

    SettingsDialog(window).exec()


def show_shortcuts(window: LibraryWindow) -> None:
    from bookstore.gui.dialogs.about import ShortcutsDialog

    ShortcutsDialog(window).exec()


def show_about(window: LibraryWindow) -> None:
    from bookstore.gui.dialogs.about import AboutDialog

    AboutDialog(window).exec()
