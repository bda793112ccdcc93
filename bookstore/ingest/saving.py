"""Putting what an importer read into the library: each file in one transaction,
so that a file that fails leaves nothing behind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bookstore.ingest.epub.reading import ImportedBook, place
from bookstore.ingest.page.reading import ImportedPage
from bookstore.library.library import Library, SaveResult
from bookstore.model import Issue, Series


@dataclass(frozen=True)
class Saved:
    result: SaveResult
    label: str
    new_series: Series | None = None  # the series this save added to the library


def saved(library: Library, issue: Issue) -> Saved:
    """Save ``issue``, telling whether its series is new to the library."""
    known = {series.slug for series in library.series()}
    result = library.save(issue)
    return Saved(result, issue.label, None if issue.series.slug in known else issue.series)


def save_page(library: Library, page: ImportedPage) -> list[Saved]:
    with library.transaction():
        done = saved(library, page.issue)
        library.attach_file(done.result.id, "page", page.data, page.suffix)
    return [done]


def save_book(library: Library, book: ImportedBook, data: bytes) -> list[Saved]:
    """A single-issue EPUB updates the issue a book with the same identifier went
    into, else the same series, number, year and language; a bundle saves each of
    its issues and is kept once for them all."""
    with library.transaction():
        if book.is_bundle:
            done = [saved(library, issue) for issue in book.issues]
            library.attach_shared_file([s.result.id for s in done], "bundle", data, ".epub")
            return done
        [issue] = book.issues
        known = library.find_by_identifier(book.identifiers)
        if known is not None:
            before = library.get(known)
            issue = place(issue, before.series, before.number, before.year, before.language)
        done = saved(library, issue)
        library.add_identifiers(done.result.id, book.identifiers)
        library.attach_file(done.result.id, "epub", data, ".epub")
        if book.cover is not None:
            library.attach_file(done.result.id, "cover", book.cover.data, book.cover.suffix)
    return [done]


def kind_of(path: Path, head: bytes) -> str:
    """ "epub", "pdf" or "page", by the file's first bytes, else its name."""
    if head.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        return "pdf"
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() == ".epub":
        return "epub"
    return "page"
