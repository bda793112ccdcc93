"""The UI in Polish and Russian: complete translations, compiled, and a live switch
that leaves no English string in the window or its dialogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from bookstore.gui.dialogs.about import AboutDialog, ShortcutsDialog
from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.export_dialog import ExportDialog
from bookstore.gui.dialogs.settings_dialog import SettingsDialog, set_language
from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.ingest.batch import ImportReport, Outcome
from tests.i18n.catalog_files import Entry, translation_problems, window_entries
from tests.i18n.pseudo import english_words, unmarked, write_pseudo_catalogs

# Words that are the same in every language (names, codes, units).
SAME_EVERYWHERE = {"Bookstore", "Format", "Import", "mm", "Sepia", "&Folder:", "bookstore-export"}


def messages(language: str) -> list[tuple[str, str, Entry]]:
    """The window's messages: (context, source, its translation)."""
    return [(entry.context, entry.source, entry) for entry in window_entries(language)]


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_string_is_translated(language: str):
    found = messages(language)
    assert len(found) > 200
    for context, source, entry in found:
        assert all(entry.forms), f"{language}: unfinished: {context}: {source}"
        if entry.plural:
            assert len(entry.forms) == 3 and all("%n" in form for form in entry.forms), source
        else:
            text = entry.forms[0]
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), source


def test_the_compiled_translations_are_up_to_date():
    assert translation_problems() == []


# Placeholders that always hold numbers.
NUMERIC = ("number", "count", "held", "last", "year", "total", "position", "percent", "page")


def english_patterns(language: str) -> list[re.Pattern[str]]:
    """Every English source string that the translation changes, as a pattern that also
    matches it filled in ({title} stands for anything, {count} and %n for a number)."""
    patterns = []
    for _context, source, entry in messages(language):
        if source in SAME_EVERYWHERE or entry.forms == (source,):
            continue
        for variant in {source, source.replace("&", "")}:
            text = re.escape(variant)
            # A count or a number stands for digits, anything else for any text: so
            # "{number} of {count}" is not taken for an issue title with "of" in it.
            numeric = r"\\\{(" + "|".join(NUMERIC) + r")\\\}|%n"
            text = re.sub(numeric, r"[\\d\\s.,%]+", text)
            text = re.sub(r"\\\{\w+\\\}", ".+", text)
            patterns.append(re.compile(text + r"\Z", re.S))
    return patterns


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    # A list model (a QListWidget's, a completer's) hides its columnCount: one column.
    flat = isinstance(model, QAbstractListModel)
    columns = 1 if flat else model.columnCount(parent)
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
        if not flat:
            texts += model_texts(model, model.index(row, 0, parent))
    for column in range(columns if not parent.isValid() else 0):
        value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            texts.append(value)
    return texts


def visible_texts(top: QWidget, open_only: bool = False) -> list[str]:
    """What a user sees or hears in ``top``: texts, titles, tips, accessible names
    (``open_only``: not in the dialogs of ``top`` that are closed)."""
    texts = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if open_only and widget.window() is not top and not widget.window().isVisible():
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
        view_model = getattr(widget, "model", None)
        if callable(view_model) and isinstance(view_model(), QAbstractItemModel):
            texts += model_texts(view_model())
    return [t for t in texts if t and t.strip()]


def untranslated(top: QWidget, patterns: list[re.Pattern[str]]) -> list[str]:
    return sorted({text for text in visible_texts(top) if any(p.match(text) for p in patterns)})


def open_everything(window, qtbot) -> list[QWidget]:
    """The window and each of its dialogs, open in the current language."""
    window.select_row(0)
    issue = window.current_issue()
    report = ImportReport(
        [
            Outcome(
                Path("a.html"),
                "imported",
                1,
                "Baltic Monitor no. 1/2019",
                new_series="Baltic Monitor",
            ),
            Outcome(Path("b.html"), "failed", error="b.html: the page is empty"),
        ]
    )
    import_dialog = ImportDialog(window, [])
    import_dialog._done(report)
    reader = ReaderWindow(window.context, issue, window)
    reader.open_find()
    dialogs = [
        EditDialog(window.context, issue, window),
        ExportDialog(window.context, window.selected_ids(), window.model.listing, window),
        import_dialog,
        SettingsDialog(window),
        ShortcutsDialog(window),
        AboutDialog(window),
        reader,
    ]
    for dialog in dialogs:
        dialog.show()
    return [window, *dialogs]


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_switching_language_leaves_no_english_in_the_window(window, qtbot, language: str):
    patterns = english_patterns(language)
    english = open_everything(window, qtbot)
    window.select_row(2)
    chosen = window.selected_ids()
    assert untranslated(window, patterns)  # the check finds English when there is English
    set_language(window, language)
    assert window.selected_ids() == chosen  # the window keeps its state
    for top in english:  # the windows opened before the switch
        assert untranslated(top, patterns) == [], (
            top.objectName(),
            untranslated(top, patterns)[:80],
        )
        top is not window and top.close()
    for top in open_everything(window, qtbot):  # and those opened after it
        assert untranslated(top, patterns) == [], (
            top.objectName(),
            untranslated(top, patterns)[:80],
        )
        top is not window and top.close()
    assert window.file_menu.title() == {"pl": "&Plik", "ru": "&Файл"}[language]
    set_language(window, "en")
    assert window.file_menu.title() == "&File"


def test_english_plurals_are_right(window):
    window.search.set_text("")
    window.select_row(0)
    assert window.count_label.text().endswith("1 selected")
    text = window.tr("%n issues", "", 1)
    assert text == "1 issue"


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_the_window_under_a_pseudo_translation_leaves_only_names_unmarked(
    window, qtbot, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Every text of the window and its dialogs went through the catalogs: with each
    message marked, what is left unmarked is the library's own data and names."""
    monkeypatch.setenv("BOOKSTORE_LOCALE_DIR", str(write_pseudo_catalogs(tmp_path / "locale")))
    data = " ".join(
        f"{i.title} {i.lead} {i.series.name} {' '.join(i.authors)} {' '.join(i.topics)}"
        for i in window.context.library.list_issues()
    )
    data += " " + " ".join(s.name for s in window.context.library.series())
    allowed = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", data)}
    allowed |= {"bookstore", "pism", "epub", "pdf", "opds", "html", "json", "csl", "apa", "pln"}
    allowed |= {"ctrl", "shift", "alt", "esc", "del"}  # keys, as the keyboard names them
    allowed |= {"page", "empty"}  # the made-up import report's failure, given as plain text
    english = english_words()
    set_language(window, language)
    found: dict[str, list[str]] = {}
    marked = 0
    for top in open_everything(window, qtbot):
        texts = visible_texts(top)
        marked += sum(text.count("⟪") for text in texts)
        left = unmarked(" ".join(texts))
        left = re.sub(r"<[^>]+>|\S*[/\\]\S*|\S+@\S+|&(?=\w)", " ", left)  # markup, paths
        leaks = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", left)} & english - allowed
        if leaks:
            found[top.objectName() or type(top).__name__] = sorted(leaks)
        top is not window and top.close()
    set_language(window, "en")
    assert marked > 100
    assert found == {}
