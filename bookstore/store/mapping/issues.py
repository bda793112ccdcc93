"""Turning a catalog entry into an Issue of the library (new, or merged into the one it updates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bookstore.errors import NotFound
from bookstore.ingest.words.series_names import SeriesNames, slug_for
from bookstore.ingest.words.vocabulary import NUMBER_LINE
from bookstore.library.library import Library
from bookstore.library.safe_names import language_from, slug_from
from bookstore.model import Issue, Numbering, Section, Series
from bookstore.store.mapping.book_facts import BookFacts, outranked
from bookstore.store.mapping.unplaced import not_in_a_series, year_only_said
from bookstore.store.opds.model import Entry

DEFAULT_LANGUAGE = "en"


def entry_to_issue(
    entry: Entry,
    library: Library,
    store_title: str,
    owned: bool = False,
    book: BookFacts | None = None,
    series_named_after_store: bool = False,
) -> Issue:
    """The issue ``entry`` describes, ready for ``library.save``.

    Series, number and year come from the catalog where it gives them (schema.org's
    ``Series`` and the label line ``bookstore serve`` writes, OPDS 2
    ``belongsTo.series``, calibre's "SERIES: x [n]"). A book without a series goes into
    the library's "Not in a series" (or, with ``series_named_after_store`` for a feed of
    one series, into a series named after the feed). ``book`` is what the downloaded
    file says about itself: it outranks the catalog field by field, and the catalog
    fills only what the file lacks. Then the issue the library already holds (same series, number, year and
    language, the same source address, or a book with one of the identifiers) is found
    and updated; it keeps its text where neither has any.
    """
    series = _series(entry, library, store_title, series_named_after_store)
    language = _language(entry.language)
    date = entry.published or (entry.updated.date() if entry.updated else dt.date.today())
    info = entry.series
    label = _label_numbers(entry) if info else None
    year = info.year if info and info.year else (label[1] if label and label[1] else date.year)
    running = info.running_number if info and info.running_number else (label[2] if label else None)
    number = _number(entry)
    # The entry's id stands in for a web page only where it is what finds the issue again
    # (an entry without a number); an id like urn:bookstore:issue:8 is no page to show.
    source = entry.page_url or (entry.id if number is None else None)
    if _position_is_running_number(entry, label, series):
        running, number = int(entry.series.position), None  # type: ignore[union-attr]
    candidate = Issue(
        series=series,
        number=0,
        year=year,
        title=entry.title,
        date=date,
        language=language,
        lead=_lead(entry),
        sections=_sections(entry),
        authors=entry.authors,
        topics=entry.topics,
        running_number=running,
        price=entry.price,
        source_url=source,
        owned=owned,
    )
    # A year alone does not replace the whole date of an issue the library holds.
    dated = entry.published is not None and not entry.year_only
    if book is not None:
        candidate = outranked(candidate, book, year_given=bool(info and (info.year or label)))
        dated = True
        if book.places:
            number = book.issue.number
    if entry.year_only and candidate.date == entry.published:  # the file knew no more
        candidate = year_only_said(candidate)
    if number is not None:
        candidate = replace(candidate, number=number)
        existing_id = library.find_existing(candidate)
    else:
        existing_id = _by_running_number(library, candidate) or _by_source(library, candidate)
        candidate = replace(
            candidate, number=_next_number(library, candidate.series.slug, candidate.year)
        )
    if existing_id is None:
        existing_id = _by_identifier(library, entry, book)
    if existing_id is None:
        return candidate
    return _merged(library.get(existing_id), candidate, dated=dated)


def _merged(existing: Issue, new: Issue, dated: bool) -> Issue:
    return replace(
        existing,
        title=new.title or existing.title,
        date=new.date if dated else existing.date,
        lead=existing.lead if existing.sections or not new.lead else new.lead,
        sections=new.sections if new.sections and not existing.sections else existing.sections,
        authors=new.authors or existing.authors,
        topics=new.topics or existing.topics,
        running_number=new.running_number or existing.running_number,
        price=new.price or existing.price,
        source_url=existing.source_url or new.source_url,
        owned=existing.owned or new.owned,
    )


def _series(entry: Entry, library: Library, store_title: str, named_after_store: bool) -> Series:
    known = library.series()
    info = entry.series
    if info is None and not named_after_store:
        return not_in_a_series(library)
    name = info.name if info else (store_title or "Catalog")
    # A catalog's series id becomes a folder of the library: only in its safe form.
    given = slug_from(info.slug) if info and info.slug else ""
    if given:
        for series in known:
            if series.slug == given:
                return _with_name(library, series, _language(entry.language), name)
    found = SeriesNames(known).find(name)
    if found is not None:
        return found
    slug = given or slug_for(name)
    label = _label_numbers(entry) if info else None
    numbering = Numbering.RUNNING if label and label[2] else Numbering.YEAR
    # A new series costs what its first issue costs: the price its issues are offered
    # at, and what an issue of it imported later (a page, a book) is priced at.
    return Series(
        slug=slug,
        names={_language(entry.language): name},
        numbering=numbering,
        price=entry.price,
    )


def _with_name(library: Library, series: Series, language: str, name: str) -> Series:
    """The series with its name in ``language`` added when the library has none in that
    language (a catalog names a series in each issue's language); names it already has
    are never changed."""
    if not name.strip() or language in series.names:
        return series
    named = replace(series, names={**series.names, language: name.strip()})
    library.put_series(named)
    return named


def _label_numbers(entry: Entry) -> tuple[int, int | None, int | None] | None:
    """Number, year and running number from a label line such as "PISM Bulletin no. 26
    (1272)" in the entry's text (``bookstore serve`` starts its content with it)."""
    for line in (entry.content or entry.summary).split("\n")[:3]:
        if match := NUMBER_LINE.match(line.strip()):
            year, running = match["year"], match["running"]
            return (
                int(match["number"]),
                int(year) if year else None,
                int(running) if running else None,
            )
    return None


def _number(entry: Entry) -> int | None:
    info = entry.series
    if info is None:
        return None
    if info.number is not None:
        return info.number
    if (label := _label_numbers(entry)) is not None:
        return label[0]
    if info.position is not None and info.position == int(info.position) and info.position > 0:
        return int(info.position)
    return None


def _by_source(library: Library, candidate: Issue) -> int | None:
    # find_existing falls back to the source address when series, year and number do
    # not match; number -1 never matches a real issue.
    return library.find_existing(replace(candidate, number=-1)) if candidate.source_url else None


def _position_is_running_number(
    entry: Entry, label: tuple[int, int | None, int | None] | None, series: Series
) -> bool:
    """An OPDS 2 position alone (no number and year given) in a series numbered by
    running number is that running number, as ``bookstore serve`` writes it."""
    info = entry.series
    return (
        info is not None
        and label is None
        and not info.year
        and info.position is not None
        and info.position == int(info.position)
        and series.numbering is Numbering.RUNNING
    )


def _by_running_number(library: Library, candidate: Issue) -> int | None:
    if candidate.running_number is None:
        return None
    try:
        issues = library.list_issues(series=candidate.series.slug)
    except NotFound:
        return None
    return next(
        (
            issue.id
            for issue in issues
            if issue.running_number == candidate.running_number
            and issue.language == candidate.language
        ),
        None,
    )


def _by_identifier(library: Library, entry: Entry, book: BookFacts | None) -> int | None:
    """The issue a book with one of the entry's or the file's identifiers (ISBN, the
    EPUB's own id) was imported into. A store's own ids (urn:bookstore:issue:N) name an
    issue of that store only, never one of the library's, so they are not looked up."""
    given = [*entry.identifiers, *(book.identifiers if book else ())]
    shared = [i for i in given if not i.startswith("urn:bookstore:")]
    return library.find_by_identifier(shared) if shared else None


def _next_number(library: Library, slug: str, year: int) -> int:
    return library.highest_number(slug, year) + 1


def _language(code: str) -> str:
    return language_from(code) or DEFAULT_LANGUAGE


def _lead(entry: Entry) -> str:
    paragraphs = entry.summary.split("\n\n") if entry.summary else []
    return paragraphs[0] if paragraphs else ""


def _sections(entry: Entry) -> tuple[Section, ...]:
    paragraphs = entry.summary.split("\n\n")[1:] if entry.summary else []
    return (Section(None, tuple(paragraphs)),) if paragraphs else ()
