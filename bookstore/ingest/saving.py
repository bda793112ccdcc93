"""Putting what an importer read into the library: each file in one transaction,
so that a file that fails leaves nothing behind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bookstore.ingest.epub import ImportedBook, place
from bookstore.ingest.page import ImportedPage
from bookstore.library.library import Library, SaveResult


@dataclass(frozen=True)
class Saved:
    result: SaveResult
    label: str


def save_page(library: Library, page: ImportedPage) -> list[Saved]:
    with library.transaction():
        result = library.save(page.issue)
        library.attach_file(result.id, "page", page.data, page.suffix)
    return [Saved(result, page.issue.label)]


def save_book(library: Library, book: ImportedBook, data: bytes) -> list[Saved]:
    """A single-issue EPUB updates the issue a book with the same identifier went
    into, else the same series, number, year and language; a bundle saves each of
    its issues and is kept once for them all."""
    with library.transaction():
        if book.is_bundle:
            saved = [Saved(library.save(issue), issue.label) for issue in book.issues]
            library.attach_shared_file([s.result.id for s in saved], "bundle", data, ".epub")
            return saved
        [issue] = book.issues
        known = library.find_by_identifier(book.identifiers)
        if known is not None:
            before = library.get(known)
            issue = place(issue, before.series, before.number, before.year, before.language)
        result = library.save(issue)
        library.add_identifiers(result.id, book.identifiers)
        library.attach_file(result.id, "epub", data, ".epub")
        if book.cover is not None:
            library.attach_file(result.id, "cover", book.cover.data, book.cover.suffix)
    return [Saved(result, issue.label)]


def kind_of(path: Path, head: bytes) -> str:
    """ "epub", "pdf" or "page", by the file's first bytes, else its name."""
    if head.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        return "pdf"
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() == ".epub":
        return "epub"
    return "page"
