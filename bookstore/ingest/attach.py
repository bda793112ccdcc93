"""Attaching a chosen EPUB or PDF to a chosen issue (``bookstore attach ID FILE``):
the file is checked the way an import checks it, then kept with the issue."""

from __future__ import annotations

from pathlib import Path

from bookstore.errors import reason_of
from bookstore.i18n.messages import say
from bookstore.ingest.epub.archive import ArchiveError, EpubArchive
from bookstore.ingest.epub.opf import read_package
from bookstore.ingest.errors import IngestError
from bookstore.ingest.files import read_bounded
from bookstore.ingest.saving import kind_of
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.library.library import Library
from bookstore.model import FileRef

MAX_BYTES = 200 * 1024 * 1024


def attach(library: Library, issue_id: int, path: Path) -> FileRef:
    """Keep ``path`` as the issue's EPUB or PDF; raises IngestError or NotFound."""
    library.get(issue_id)  # NotFound before anything is read
    data = read_bounded(Path(path), MAX_BYTES, say("a book"))
    kind = kind_of(Path(path), data[:8])
    if kind == "epub":
        try:
            read_package(EpubArchive(data))
        except ArchiveError as error:
            raise IngestError(path, reason_of(error)) from None
    elif kind == "pdf":
        _check_pdf(path, data)
    else:
        raise IngestError(path, say("is neither an EPUB nor a PDF"))
    with library.transaction():
        return library.attach_file(issue_id, kind, data, f".{kind}")


def _check_pdf(path: Path, data: bytes) -> None:
    from bookstore.ingest.pdf.reading import read_pdf

    try:
        read_pdf(path, data, SeriesNames(()))
    except IngestError as error:
        # Any issue may get the PDF; only a PDF that cannot be read is refused.
        if "names no issue" not in str(error.reason):
            raise
