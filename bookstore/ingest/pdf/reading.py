"""Importing a PDF of an issue: it is attached to the issue it is of, found by its
metadata (our PDFs say "PISM Spotlight no. 2/2019 (2019-01-11)" in their subject)
or by the series label, number and title on its first page; when no issue
matches, one is made from its pages, so that its text is searched like any other."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from bookstore.i18n.messages import say
from bookstore.ingest.errors import IngestError
from bookstore.ingest.lines import Line
from bookstore.ingest.page.layout import LayoutError, PageHints, read_issue
from bookstore.ingest.pdf import lines as pdf_lines
from bookstore.ingest.pdf.collection import issue_labels, outline_titles
from bookstore.ingest.saving import Saved, saved
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.ingest.words.vocabulary import NUMBER_LINE
from bookstore.library.library import Library, SaveResult
from bookstore.library.safe_names import language_from
from bookstore.library.search.folding import fold
from bookstore.model import Issue

MAX_PAGES = 2000
_PLACEHOLDERS = {"untitled", "anonymous", "unknown", "(anonymous)", "microsoft word"}
_SUBJECT = re.compile(r"^(?P<label>.+?)\s*\((?P<date>\d{4}-\d{2}-\d{2})\)$")


@dataclass(frozen=True)
class ReadPdf:
    issue: Issue  # as the PDF tells it
    title: str | None


def read_pdf(source: Path | str, data: bytes, names: SeriesNames) -> ReadPdf:
    """The issue a PDF holds; raises IngestError naming ``source`` with the reason."""
    with quiet_pypdf():
        return _read(source, data, names)


@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs ("EOF marker not found"); the reason for a PDF that
    cannot be read is our one line, so its log stays quiet while it reads."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read(source: Path | str, data: bytes, names: SeriesNames) -> ReadPdf:
    from pypdf import PdfReader  # imported here: only a PDF import pays for it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(source, say("is an encrypted (password-protected) PDF"))
        if len(reader.pages) > MAX_PAGES:
            raise IngestError(
                source,
                say(
                    "has {pages} pages; the limit is {max_pages}",
                    pages=len(reader.pages),
                    max_pages=MAX_PAGES,
                ),
            )
        pages = [pdf_lines.page_lines(page, n) for n, page in enumerate(reader.pages)]
        info = reader.metadata or {}
        language = str(reader.trailer["/Root"].get("/Lang", "") or "")
        bookmarks = outline_titles(reader)
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        reason = "is truncated" if b"%%EOF" not in data[-1024:] else "is damaged"
        raise IngestError(
            source, say("is not a readable PDF: it {reason} ({error})", reason=reason, error=error)
        ) from None
    if not any(pages):
        raise IngestError(source, say("has no text: it is an image-only (scanned) PDF"))
    labels = issue_labels(bookmarks, pages)
    if len(labels) > 1:
        raise IngestError(
            source,
            say(
                "is a collection of {count} issues ({first}, {second}…), "
                "not one issue; import each issue's own PDF or EPUB instead "
                "(an export of one file per issue makes them: `export pdf "
                "--each DIR`)",
                count=len(labels),
                first=labels[0],
                second=labels[1],
            ),
        )
    pages = pdf_lines.without_page_furniture(pages)
    title = _meaningful(info.get("/Title")) or _largest(pages[0])
    authors = [a.strip() for a in _meaningful(info.get("/Author")).split(",") if a.strip()]
    lines = pdf_lines.paragraphs([line for page in pages for line in page])
    if title:
        lines = [line for line in lines if fold(line.text) != fold(title)]
    hints = PageHints(
        title=title or None,
        language=language_from(language),
        authors=[a for a in authors if a != "et al."],
        topics=[k.strip() for k in str(info.get("/Keywords") or "").split(",") if k.strip()],
    )
    try:
        issue = read_issue(_with_subject(lines, str(info.get("/Subject") or "")), names, hints)
    except LayoutError as error:
        raise IngestError(
            source, say("names no issue this library can place: {error}", error=error)
        ) from None
    return ReadPdf(issue, title or None)


def _meaningful(value: object) -> str:
    """A metadata value, or "" for the placeholders tools write ("untitled", "anonymous")."""
    text = str(value or "").strip()
    return "" if text.casefold() in _PLACEHOLDERS or text.endswith((".doc", ".docx")) else text


def _with_subject(lines: list[Line], subject: str) -> list[Line]:
    """Our PDFs' subject holds the label and the date; they lead when the page's own
    header cannot be read."""
    match = _SUBJECT.match(subject.strip())
    if not match or not NUMBER_LINE.match(match["label"]):
        return lines
    has_number = any(NUMBER_LINE.match(line.text) for line in lines[:8])
    return lines if has_number else [Line(match["label"]), Line(match["date"]), *lines]


def _largest(lines: list[pdf_lines.TextLine]) -> str:
    """The first page's largest type: its title."""
    if not lines:
        return ""
    size = max(line.size for line in lines)
    return " ".join(line.text for line in lines if line.size == size)


def import_pdf(library: Library, path: Path, data: bytes, names: SeriesNames) -> list[Saved]:
    """Attach the PDF to the issue it is of, or make that issue from the PDF."""
    read = read_pdf(path, data, names)
    issue = read.issue
    with library.transaction():
        existing = library.find_existing(replace(issue, source_url=None))
        if existing is None:
            done = saved(library, issue)
        else:
            done = Saved(SaveResult(existing, created=False), library.get(existing).label)
        library.attach_file(done.result.id, "pdf", data, ".pdf")
    return [done]
