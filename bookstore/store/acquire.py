"""Getting a catalog entry into the library: pick a file, download it, save issue and file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bookstore.i18n.messages import say
from bookstore.jobs import Job
from bookstore.library.library import Library
from bookstore.model import FileRef, Issue
from bookstore.store import http
from bookstore.store.download import Downloaded, download
from bookstore.store.errors import StoreError
from bookstore.store.file_checks import FileRefused, check_file, sniffed_kind
from bookstore.store.mapping.book_facts import read_book
from bookstore.store.mapping.issues import entry_to_issue
from bookstore.store.mapping.unplaced import is_unplaced
from bookstore.store.opds.catalog import CatalogClient
from bookstore.store.opds.model import Entry, Link

# The formats we keep, best first; the kind and file suffix each is stored under. A
# kept file's kind and suffix come from here only, never from the server's file name.
FORMATS = {
    "application/epub+zip": ("epub", ".epub"),
    "application/pdf": ("pdf", ".pdf"),
    "text/html": ("page", ".html"),
    "application/xhtml+xml": ("page", ".xhtml"),
    "text/plain": ("page", ".txt"),
}
MEDIA_TYPES = {"epub": "application/epub+zip", "pdf": "application/pdf"}


@dataclass(frozen=True)
class Acquired:
    issue_id: int
    created: bool
    label: str
    title: str
    file: FileRef
    notes: tuple[str, ...] = ()  # what the store left unsaid and how it was filled

    def to_json(self) -> dict:
        return {
            "id": self.issue_id,
            "status": "added" if self.created else "updated",
            "label": self.label,
            "title": self.title,
            "notes": list(self.notes),
            "file": {
                "kind": self.file.kind,
                "path": self.file.path,
                "sha256": self.file.sha256,
                "size": self.file.size,
            },
        }


def pick_acquisition(links: list[Link], free_only: bool = True) -> Link | None:
    """The best link to download: a format we keep (EPUB first), free ones when asked."""
    candidates = [link for link in links if link.is_acquisition and (link.is_free or not free_only)]

    def rank(link: Link) -> int:
        kind = link.type.split(";")[0].strip().lower()
        order = list(FORMATS)
        return order.index(kind) if kind in order else len(order)

    candidates = [link for link in candidates if not link.indirect_types]
    return min(candidates, key=rank, default=None)


def get_free_entry(
    catalog: CatalogClient,
    library: Library,
    entry: Entry,
    store_title: str,
    job: Job | None = None,
    folder: Path | None = None,
) -> Acquired:
    """Download a free entry into the library (an issue it already holds is updated)."""
    link = pick_acquisition(entry.acquisitions)
    if link is None:
        if entry.price is not None:
            raise StoreError(
                say(
                    "“{title}” is not free ({amount} {currency}); buy it first "
                    "(or, if your account already owns it, sign in to the store)",
                    title=entry.title,
                    amount=format(entry.price.amount, ".2f"),
                    currency=entry.price.currency,
                )
            )
        raise StoreError(
            say("“{title}” offers no file that can be downloaded here", title=entry.title)
        )
    downloaded = download(catalog.http, link.href, folder, job, expected_size=link.length)
    return store_download(library, entry, store_title, downloaded, link.type)


def store_download(
    library: Library, entry: Entry, store_title: str, downloaded: Downloaded, announced: str
) -> Acquired:
    """Save the issue ``entry`` describes as owned with the downloaded file, both or
    neither, once the file is checked to be what was ``announced`` (a media type); the
    download is removed from the downloads folder afterwards.

    What the file says about itself (an EPUB's package document, a PDF's metadata, as
    the importers read them) outranks the catalog field by field, before the library
    looks for the issue it already holds."""
    try:
        kind, suffix = accepted(downloaded, announced)
        with library.transaction():
            guess = entry_to_issue(entry, library, store_title, owned=True)
            book = read_book(library, downloaded.path, downloaded.filename, kind, guess.series)
            issue = entry_to_issue(entry, library, store_title, owned=True, book=book)
            result = library.save(replace(issue, owned=True))
            ref = library.attach_file(result.id, kind, downloaded.path, suffix)
            if book is not None and book.identifiers:
                library.add_identifiers(result.id, book.identifiers)
    finally:
        downloaded.discard()
    notes = () if entry.language or book is not None else (_no_language(issue),)
    return Acquired(result.id, result.created, shown_label(issue), issue.title, ref, notes)


def shown_label(issue: Issue) -> str:
    """The issue's label, or for a book in no series, that and its year (its number
    there only counts the books the library keeps outside a series)."""
    if is_unplaced(issue.series):
        return f"{issue.series.name_in(issue.language)} ({issue.year})"
    return issue.label


def _no_language(issue: Issue) -> str:
    return (
        f"neither the catalog nor the file names the language of “{issue.title}”; "
        f"it was filed as “{issue.language}” (change it with `bookstore edit`)"
    )


def accepted(downloaded: Downloaded, announced: str) -> tuple[str, str]:
    """The kind and suffix the downloaded file is kept under: those of the format the
    catalog announced, or for a link that named none (or a generic type), of an EPUB
    or PDF told by its first bytes. Raises FileRefused when the file is not that."""
    media = announced.split(";")[0].strip().lower()
    source = http.host_of(downloaded.url)
    if media in FORMATS:
        kind, suffix = FORMATS[media]
    elif (sniffed := sniffed_kind(downloaded.path)) is not None:
        kind, suffix = FORMATS[MEDIA_TYPES[sniffed]]
    else:
        raise FileRefused(
            say(
                "the file from {source} is neither an EPUB nor a PDF, and "
                "the catalog did not say what it is; it was not kept",
                source=source,
            )
        )
    check_file(downloaded.path, kind, source)
    return kind, suffix
