"""Print-ready PDF of one issue, or of a collection as one book.

One issue prints as its title block and text. A collection gets a cover, a table
of contents and bookmarks, every issue starts on a right-hand page, and the page
count is even. Pages are mirrored for double-sided printing; with a bleed the
media grows by the bleed on every side, and crop marks are drawn outside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from bookstore.errors import BookstoreError
from bookstore.export.pdf.collection import contents_story, cover_story
from bookstore.export.pdf.document import PrintDocument
from bookstore.export.pdf.flowables import RectoBreak
from bookstore.export.pdf.fonts import PRINT_FACES, missing_characters, register_fonts
from bookstore.export.pdf.geometry import PAPERS, page_geometry
from bookstore.export.pdf.hyphenation import widen_hyphenation_letters
from bookstore.export.pdf.metadata import collection_metadata, single_metadata
from bookstore.export.pdf.story import Chapter, issue_story
from bookstore.export.pdf.styles import StyleSheet
from bookstore.fileio import atomic_output
from bookstore.i18n.messages import say
from bookstore.jobs import Job
from bookstore.model import Issue

MAX_BLEED_MM = 20.0


@dataclass(frozen=True)
class PdfOptions:
    """How to print. Without bleed or crop marks every page box is the paper; crop
    marks need room outside the bleed, so they enlarge the MediaBox (TrimBox stays
    the paper)."""

    paper: str = "A4"  # "A4", "A5" or "letter"
    bleed_mm: float = 0.0  # added on every side of the trimmed page
    crop_marks: bool = False
    title: str | None = None  # the collection's title (default: its series and years)


def export_pdf(
    issues: Sequence[Issue],
    destination: Path,
    options: PdfOptions = PdfOptions(),
    *,
    job: Job | None = None,
) -> Path:
    """Write ``issues`` as one print-ready PDF at ``destination`` and return its path.

    Raises BookstoreError for an empty selection, bad options, text the fonts cannot
    print, or a destination that cannot be written; nothing is left behind then.
    """
    destination = Path(destination)
    _check(issues, destination, options)
    register_fonts(PRINT_FACES)
    widen_hyphenation_letters()
    _check_glyphs(issues)
    if job is not None:
        job.report(0.0, "laying out")
    try:
        with atomic_output(destination) as temporary:
            pages = _build(list(issues), temporary, options, job)
            if job is not None:  # the last moment a cancel leaves nothing behind
                job.report(1.0, f"{pages} pages")
    except LayoutError as error:
        raise BookstoreError(
            say(
                "{destination}: the PDF cannot be laid out: {error}",
                destination=destination,
                error=error,
            )
        ) from error
    except OSError as error:
        raise BookstoreError(
            say(
                "{destination}: cannot write the PDF: {reason}",
                destination=destination,
                reason=error.strerror or error,
            )
        ) from error
    return destination


def export_pdf_each(
    issues: Sequence[Issue],
    folder: Path,
    options: PdfOptions = PdfOptions(),
    *,
    job: Job | None = None,
) -> list[Path]:
    """Write one PDF per issue into ``folder``, named ``<series>-<year>-<number>-<lang>.pdf``.

    If any fails, the ones already written by this call are removed again.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BookstoreError(say("{folder}: cannot write here: it is not a folder", folder=folder))
    if not issues:
        raise BookstoreError(
            say("{folder}: nothing to export: no issues were chosen", folder=folder)
        )
    written: list[Path] = []
    try:
        for number, issue in enumerate(issues):
            destination = folder / f"{issue.key}-{issue.language}.pdf"
            existed = destination.exists()
            export_pdf([issue], destination, options)
            if not existed:
                written.append(destination)
            if job is not None:
                job.report((number + 1) / len(issues), issue.label)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [folder / f"{issue.key}-{issue.language}.pdf" for issue in issues]


def _build(issues: list[Issue], target: Path, options: PdfOptions, job: Job | None) -> int:
    geometry = page_geometry(options.paper, options.bleed_mm, options.crop_marks)
    styles = StyleSheet(options.paper)
    collection = len(issues) > 1
    metadata = (
        collection_metadata(issues, options.title)
        if collection
        else single_metadata(issues[0], options.title)
    )
    story: list[Flowable] = []
    toc_numbers = None
    if collection:
        front = styles.front(metadata.language)
        contents, toc_numbers = contents_story(issues, metadata, front)
        story += cover_story(issues, metadata, geometry, front)
        story += contents
    for index, issue in enumerate(issues):
        story += issue_story(issue, index, styles.issue(issue.language), closed=collection)
        if collection:
            story.append(RectoBreak())

    def progress(index: int, chapter: Chapter) -> None:
        if job is not None:
            job.report(0.95 * index / len(issues), chapter.header or "")

    document = PrintDocument(
        target, geometry, metadata, styles.chrome, toc_numbers=toc_numbers, progress=progress
    )
    return document.render(story, show_outline=collection)


def _check(issues: Sequence[Issue], destination: Path, options: PdfOptions) -> None:
    if not issues:
        raise BookstoreError(
            say("{destination}: nothing to export: no issues were chosen", destination=destination)
        )
    if options.paper not in PAPERS:
        choices = ", ".join(PAPERS)
        raise BookstoreError(
            say(
                "{destination}: unknown paper “{paper}” (choose {choices})",
                destination=destination,
                paper=options.paper,
                choices=choices,
            )
        )
    if not 0 <= options.bleed_mm <= MAX_BLEED_MM:
        raise BookstoreError(
            say(
                "{destination}: a bleed of {bleed_mm} mm is out of range (0 to {max_bleed_mm} mm)",
                destination=destination,
                bleed_mm=format(options.bleed_mm, "g"),
                max_bleed_mm=format(MAX_BLEED_MM, "g"),
            )
        )


def _check_glyphs(issues: Sequence[Issue]) -> None:
    for issue in issues:
        texts = [issue.title, issue.lead, *issue.authors, *(s.text() for s in issue.sections)]
        missing = missing_characters(texts)
        if missing:
            shown = ", ".join(f"“{char}” (U+{ord(char):04X})" for char in missing[:5])
            raise BookstoreError(
                say(
                    "{label}: the PDF fonts cannot print {shown}; the PDF would show empty boxes",
                    label=issue.label,
                    shown=shown,
                )
            )
