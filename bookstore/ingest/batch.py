"""Importing many files and folders: each file on its own, the batch goes on past failures."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bookstore.errors import BookstoreError, LibraryError, reason_of
from bookstore.i18n.messages import Message, say
from bookstore.ingest.epub.reading import Placement, read_epub
from bookstore.ingest.errors import IngestError
from bookstore.ingest.files import read_bounded
from bookstore.ingest.page.reading import PAGE_SUFFIXES, read_page
from bookstore.ingest.saving import Saved, kind_of, save_book, save_page
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.jobs import Job
from bookstore.library.files.transactions import Chunks
from bookstore.library.library import Library
from bookstore.model import Series

BOOK_SUFFIXES = (".epub", ".pdf")
IMPORT_SUFFIXES = (*PAGE_SUFFIXES, *BOOK_SUFFIXES)
MAX_BOOK_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # "imported", "updated" or "failed"
    issue_id: int | None = None
    label: str = ""
    error: str | None = None  # in English, for logs and the command's JSON
    reason: Message | str | None = None  # the same, said in the reader's language where shown
    note: str | None = None  # what the user should know besides: a series made for it
    new_series: str | None = None  # the name of the series this file added to the library

    def describe(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        note = f" ({self.note})" if self.note else ""
        return f"{self.status}: {self.path} -> {self.issue_id} {self.label}{note}"


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        return (
            f"{self.count('imported')} imported, {self.count('updated')} updated, "
            f"{self.failed} failed"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.count("imported"),
            "updated": self.count("updated"),
            "failed": self.failed,
            "files": [
                {
                    "path": str(o.path),
                    "status": o.status,
                    "id": o.issue_id,
                    "error": o.error,
                    "note": o.note,
                }
                for o in self.outcomes
            ],
        }


def page_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, and the pages, EPUBs and PDFs inside
    folders (recursively, hidden ones left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in IMPORT_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def import_paths(
    library: Library,
    paths: Sequence[Path],
    job: Job | None = None,
    placement: Placement | None = None,
) -> ImportReport:
    """Import pages, EPUBs and PDFs, and the folders holding them. Each file lands
    whole or not at all; the report has one outcome per issue read (a bundle gives
    several) and one per file that failed. ``placement`` puts an EPUB without series
    information into a series (``--series SLUG --number N``)."""
    job = job or Job()
    report = ImportReport()
    names = SeriesNames(library.series())
    files = page_files(paths)
    # Files are committed in chunks of about half a second (much faster than one
    # commit per file, and other writers get their turn between chunks); each file
    # has a savepoint of its own, so a bad file leaves nothing behind.
    with library.chunks() as chunks:
        for done, path in enumerate(files):
            job.report(done / len(files), str(path))
            report.outcomes += import_file(library, path, names, placement, chunks)
    job.report(1.0, report.summary())
    return report


def _failed(path: Path, reason: Message | str) -> Outcome:
    return Outcome(path, "failed", error=str(reason), reason=reason)


def import_file(
    library: Library,
    path: Path,
    names: SeriesNames,
    placement: Placement | None = None,
    chunks: Chunks | None = None,
) -> list[Outcome]:
    """Import one file; on failure the library is left as it was."""
    try:
        with chunks.item() if chunks is not None else contextlib.nullcontext():
            saved = _import(library, path, names, placement)
    except IngestError as error:
        return [_failed(path, reason_of(error))]
    except LibraryError:
        raise  # the library cannot take anything now (busy, full disk, damaged): stop
    except BookstoreError as error:
        return [_failed(path, say("{path}: {error}", path=path, error=error))]
    return [
        Outcome(
            path,
            "imported" if s.result.created else "updated",
            s.result.id,
            s.label,
            note=_new_series_note(s.new_series),
            new_series=s.new_series.name if s.new_series else None,
        )
        for s in saved
    ]


def _new_series_note(series: Series | None) -> str | None:
    if series is None:
        return None
    return f"new series “{series.name}” ({series.slug}), made from the file's label"


def _import(
    library: Library, path: Path, names: SeriesNames, placement: Placement | None
) -> list[Saved]:
    kind = kind_of(path, _head(path))
    if kind == "page":
        return save_page(library, read_page(path, names))
    data = read_bounded(path, MAX_BOOK_BYTES, say("a book"))
    if kind == "pdf":
        from bookstore.ingest.pdf.reading import import_pdf

        return import_pdf(library, path, data, names)
    book = read_epub(str(path), data, names, placement, known=lambda ids: _placed(library, ids))
    return save_book(library, book, data)


def _placed(library: Library, identifiers: Sequence[str]) -> Placement | None:
    """Where a book with these identifiers went when it was imported before."""
    issue_id = library.find_by_identifier(identifiers)
    if issue_id is None:
        return None
    issue = library.get(issue_id)
    return Placement(issue.series, issue.number)


def _head(path: Path) -> bytes:
    if not path.is_file():
        return b""  # a pipe is read once, by read_page; read_page or read_bounded says why
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError:
        return b""
