"""One slug for a series' name, whichever way the series arrives: a page import and a
store's feed of the same Cyrillic series make one series, and a series stored under
the slug page imports made before keeps it and is still found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bookstore.ingest.batch import import_paths
from bookstore.ingest.words.series_names import SeriesNames, slug_for, slug_forms
from bookstore.library.library import Library
from bookstore.model import Numbering, Series
from bookstore.store.mapping.issues import entry_to_issue
from bookstore.store.opds.model import Entry, SeriesInfo

NAME = "Балтийский монитор"  # a series no library knows
SLUG = "балтийский-монитор"
# What page imports made of this name before: the codes of its first characters.
OLD_SLUG = "series-411-430-43b-442-438-439-441-43a"


def _page(folder: Path) -> Path:
    page = folder / "bulletin.txt"
    page.write_text(
        f"{NAME}: Порты после угля\n\n{NAME} № 7/2021\n14 марта 2021\nЕва Грабовская\n\n"
        "Порты меняются: уголь уступает место ветру.\n\nЧто дальше?\n\n"
        "Для турбин строят новые причалы.\n",
        encoding="utf-8",
    )
    return page


def _entry(number: int) -> Entry:
    return Entry(
        id=f"urn:feed:{number}",
        title="Ветер над Балтикой",
        language="ru",
        published=dt.date(2021, 5, 2),
        series=SeriesInfo(name=NAME, number=number, year=2021),
    )


def _series_named(library: Library) -> list[str]:
    return [s.slug for s in library.series() if NAME in s.names.values()]


def test_a_series_name_keeps_its_letters_in_its_slug():
    assert slug_for(NAME) == SLUG
    assert slug_for("Бюллетень ПИСМ") == "бюллетень-писм"
    assert slug_for("Baltic Monitor") == "baltic-monitor"
    assert slug_for("Przegląd Bałtycki") == "przeglad-baltycki"
    assert slug_for("★★★") == "series-2605-2605-2605"
    assert slug_forms(NAME) == (SLUG, OLD_SLUG)


def test_a_page_then_a_feed_of_one_cyrillic_series_make_one_series(
    empty_library: Library, tmp_path: Path
):
    [outcome] = import_paths(empty_library, [_page(tmp_path)]).outcomes
    assert outcome.status == "imported", outcome.error
    from_feed = empty_library.save(entry_to_issue(_entry(8), empty_library, "PISM")).id
    assert _series_named(empty_library) == [SLUG]
    page_issue = empty_library.get(outcome.issue_id)
    assert empty_library.get(from_feed).series.slug == page_issue.series.slug


def test_a_feed_then_a_page_of_one_cyrillic_series_make_one_series(
    empty_library: Library, tmp_path: Path
):
    from_feed = empty_library.save(entry_to_issue(_entry(8), empty_library, "PISM")).id
    [outcome] = import_paths(empty_library, [_page(tmp_path)]).outcomes
    assert outcome.status == "imported", outcome.error
    assert _series_named(empty_library) == [SLUG]
    page_issue = empty_library.get(outcome.issue_id)
    assert empty_library.get(from_feed).series.slug == page_issue.series.slug


def test_a_series_stored_under_the_old_slug_keeps_it_and_is_found_by_it(
    empty_library: Library, tmp_path: Path
):
    # Stored by an earlier page import, and named since in English only.
    empty_library.put_series(Series(OLD_SLUG, {"en": "Baltic Monitor (Russian)"}, Numbering.YEAR))
    assert SeriesNames(empty_library.series()).find(NAME).slug == OLD_SLUG
    from_feed = empty_library.save(entry_to_issue(_entry(8), empty_library, "PISM")).id
    [outcome] = import_paths(empty_library, [_page(tmp_path)]).outcomes
    assert outcome.status == "imported", outcome.error
    assert empty_library.get(from_feed).series.slug == OLD_SLUG
    assert empty_library.get(outcome.issue_id).series.slug == OLD_SLUG
    assert not [s for s in empty_library.series() if s.slug == SLUG]
