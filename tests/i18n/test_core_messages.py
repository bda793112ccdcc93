"""The core's sentences said in the reader's language: errors raised by the library and
the importers carry messages that the catalogs translate, while ``str()`` stays English
and file names and the reader's own input pass unchanged."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from bookstore.errors import DiskFull, LibraryBusy, NotFound
from bookstore.gui.dialogs.settings_dialog import set_language
from bookstore.gui.errors import user_sentence
from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.i18n.words import Catalogs
from bookstore.ingest.batch import import_paths
from bookstore.library.editing import EditError, IssueEdit, edited
from bookstore.library.library import Library
from bookstore.library.search.query import QueryError, parse
from tests.gui import conftest as gui_fixtures

# The window's fixtures, for the tests that look at what the window shows.
qapp = gui_fixtures.qapp
gui_settings = gui_fixtures.gui_settings
gui_context = gui_fixtures.gui_context
window = gui_fixtures.window

NOT_AN_ISSUE = "<html><body><h1>Minutes of a meeting</h1><p>We met and talked.</p></body></html>"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs()


def _raised(action) -> BaseException:
    try:
        action()
    except Exception as error:
        return error
    raise AssertionError("nothing was raised")


def test_an_issue_that_is_not_there_in_polish_and_russian(library: Library, catalogs):
    error = _raised(lambda: library.get(999))
    assert isinstance(error, NotFound)
    assert str(error) == "there is no issue with id 999 in the library"
    assert catalogs.words("pl").say(error) == "w bibliotece nie ma wydania o identyfikatorze 999"
    assert catalogs.words("ru").say(error) == "в библиотеке нет выпуска с идентификатором 999"
    assert catalogs.words("en").say(error) == str(error)


def test_an_edit_refused_for_its_number_in_russian(library: Library, catalogs):
    issue = library.list_issues()[0]
    error = _raised(lambda: edited(library, issue, IssueEdit(number=0)))
    assert isinstance(error, EditError) and error.field == "number"
    assert str(error) == "the number must be between 1 and 99999, not 0"
    assert catalogs.words("ru").say(error) == (
        "значение поля «номер» должно быть от 1 до 99999, а не 0"
    )


def test_the_readers_own_words_are_not_translated(library: Library, catalogs):
    error = _raised(lambda: parse("series: (year:2019"))
    assert isinstance(error, QueryError)
    polish = catalogs.words("pl").say(error)
    assert polish != str(error) and "pozycji" in polish
    unknown = _raised(lambda: library.series_named("no-such-series"))
    assert "„no-such-series”" in catalogs.words("pl").say(unknown)


def test_a_busy_library_in_polish(tmp_path: Path, catalogs):
    Library.open(tmp_path / "lib").close()
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        with Library.open(tmp_path / "lib") as other, other.transaction():
            other.put_series(other.list_issues()[0].series)
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    try:
        assert holding.wait(10)
        with Library.open(tmp_path / "lib", busy_timeout=0.2) as second:
            error = _raised(lambda: second.remove(1))
    finally:
        release.set()
        thread.join()
    assert isinstance(error, LibraryBusy)
    assert "the library is busy" in str(error)
    polish = catalogs.words("pl").say(error)
    assert polish.startswith(f"{tmp_path / 'lib'}: biblioteka jest zajęta: inny program")
    assert "0.2 s" in polish


def test_a_full_disk_in_polish(library: Library, catalogs):
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count = {pages}")
    issue = library.list_issues()[0]

    def fill() -> None:
        with library.transaction():
            for number in range(200):
                copy = dataclasses.replace(issue, id=None, number=5000 + number, source_url=None)
                library.save(copy)

    error = _raised(fill)
    assert isinstance(error, DiskFull)
    assert "the disk is full; nothing of this change was kept" in str(error)
    assert catalogs.words("pl").say(error) == (
        f"{library.root}: dysk jest pełny; z tej zmiany nic nie zostało zapisane "
        "(zwolnij trochę miejsca i spróbuj ponownie)"
    )


def test_an_import_summary_gives_the_reason_in_the_windows_language(window, tmp_path: Path):
    page = tmp_path / "minutes.html"
    page.write_text(NOT_AN_ISSUE, encoding="utf-8")
    report = import_paths(window.context.library, [page])
    assert report.outcomes[0].error == (
        f"{page}: not an issue page: it has no publication date such as “11 January 2019”"
    )
    set_language(window, "pl")
    summary = ImportDialog(window, [])
    summary._done(report)
    assert summary.failures.item(0, 0).text() == "minutes.html"
    assert summary.failures.item(0, 1).text() == (
        "To nie jest strona wydania: nie ma daty publikacji, takiej jak „11 January 2019”"
    )
    summary.close()


def test_an_error_dialog_speaks_the_windows_language(window):
    set_language(window, "ru")
    error = _raised(lambda: window.context.library.get(999))
    assert user_sentence(error) == "В библиотеке нет выпуска с идентификатором 999."
    set_language(window, "en")
    assert user_sentence(error) == "There is no issue with id 999 in the library."


def test_a_query_mistake_under_the_search_field_in_polish(window, qtbot):
    set_language(window, "pl")
    window.search.set_text("nuclear (korea")
    qtbot.waitUntil(window.search.has_problem)
    assert window.search.problem.text() == "▲ „(” na pozycji 9 nie został zamknięty"
    assert window.search.problem.contentsMargins().left() > 20  # the arrow sits under the "("
