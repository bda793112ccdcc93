"""What a downloaded file says about itself (an EPUB's package document, a PDF's
metadata and text), read by the library's importers, and how it outranks a catalog."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bookstore.library.library import Library
from bookstore.model import Issue, Series


@dataclass(frozen=True)
class BookFacts:
    issue: Issue  # as the file tells it
    places: bool  # the file names its own series and number
    identifiers: tuple[str, ...] = ()  # the EPUB's own ids, to find the book again


def read_book(
    library: Library, path: Path, source: str, kind: str, catalog_series: Series
) -> BookFacts | None:
    """The file's own account of the issue, or None when it gives none that an importer
    can read (the file is still kept; the catalog's account stands)."""
    from bookstore.ingest.errors import IngestError
    from bookstore.ingest.words.series_names import SeriesNames

    names = SeriesNames([*library.series(), catalog_series])  # the catalog's may be new
    data = path.read_bytes()
    try:
        if kind == "epub":
            return _epub(source, data, names, catalog_series)
        if kind == "pdf":
            from bookstore.ingest.pdf.reading import read_pdf

            return BookFacts(read_pdf(source, data, names).issue, places=False)
    except IngestError:
        return None
    return None


def _epub(source: str, data: bytes, names, catalog_series: Series) -> BookFacts | None:
    from bookstore.ingest.epub.reading import Placement, read_epub
    from bookstore.ingest.errors import IngestError

    try:
        book, places = read_epub(source, data, names), True
    except IngestError:
        # A book naming no series (or no number in it) still tells its language, date,
        # authors and text: read it as placed where the catalog puts it.
        book, places = read_epub(source, data, names, Placement(catalog_series, 1)), False
    if book.is_bundle or len(book.issues) != 1:
        return None
    return BookFacts(book.issues[0], places, book.identifiers)


def outranked(candidate: Issue, book: BookFacts, year_given: bool) -> Issue:
    """``candidate`` (the catalog's account) with what the file says in its place, field
    by field; the catalog fills only what the file lacks. The file's series, number and
    year count only where it names them; its date gives the year of a catalog that
    gave none (``year_given``)."""
    read = book.issue
    issue = replace(
        candidate,
        title=read.title or candidate.title,
        date=read.date,
        language=read.language or candidate.language,
        authors=read.authors or candidate.authors,
        topics=read.topics or candidate.topics,
        source_url=read.source_url or candidate.source_url,
    )
    if read.lead or read.sections:
        issue = replace(
            issue, lead=read.lead or candidate.lead, sections=read.sections or candidate.sections
        )
    if book.places:
        return replace(
            issue,
            series=read.series,
            number=read.number,
            year=read.year,
            running_number=read.running_number or candidate.running_number,
        )
    return issue if year_given else replace(issue, year=read.date.year)
