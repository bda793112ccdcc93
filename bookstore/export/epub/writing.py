"""EPUB export: one issue, or a bundle of many, as EPUB 3 with an EPUB 2 NCX.

``export_epub`` writes one file (a single issue, or a bundle when the selection
holds several); ``export_epub_each`` writes one file per issue. Either writes
nothing at all when it fails. The same selection always gives the same bytes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.export.covers.drawing import CoverText, render_cover, series_colour
from bookstore.export.covers.issue import single_issue_cover
from bookstore.export.epub import content, navigation
from bookstore.export.epub.metadata import describe
from bookstore.export.epub.packing import (
    Document,
    add_cover_image,
    add_document,
    add_file,
    new_book,
    write_book,
)
from bookstore.export.epub.plan import (
    COVER_FILE,
    NAV_FILE,
    TITLE_FILE,
    BookPlan,
    epub_file_name,
    plan_bundle,
    plan_single,
    reading_order,
)
from bookstore.export.epub.record import MEDIA_TYPE, RECORD_FILE, RECORD_ID, record_file
from bookstore.export.words import Words, year_span
from bookstore.fileio import atomic_output
from bookstore.i18n.messages import say
from bookstore.jobs import Job
from bookstore.model import Issue
from bookstore.resource_files import resource_path


@dataclass(frozen=True)
class EpubOptions:
    title: str | None = None  # a bundle's title; by default made from its series and years
    publisher: str | None = None  # by default the institute's name in the book's language


def export_epub(
    issues: Iterable[Issue],
    destination: Path,
    options: EpubOptions | None = None,
    *,
    job: Job | None = None,
) -> Path:
    """Write the issues as one EPUB: the issue itself when there is one, else a bundle."""
    options = options or EpubOptions()
    ordered = _selection(issues)
    plan = plan_single(ordered[0]) if len(ordered) == 1 else plan_bundle(ordered, options.title)
    destination = Path(destination)
    with atomic_output(destination) as temporary:
        _write(plan, temporary, options, job)
    return destination


def export_epub_each(
    issues: Iterable[Issue],
    folder: Path,
    options: EpubOptions | None = None,
    *,
    job: Job | None = None,
) -> list[Path]:
    """Write one EPUB per issue into ``folder``, named ``<series>-<year>-<number>-<lang>.epub``.

    The files are moved into place together at the end: if any fails, none is written.
    """
    options = options or EpubOptions()
    ordered = _selection(issues)
    folder = Path(folder)
    if not folder.is_dir():
        raise BookstoreError(say("{folder}: cannot write here: it is not a folder", folder=folder))
    written = []
    with contextlib.ExitStack() as pending:
        for number, issue in enumerate(ordered):
            destination = folder / epub_file_name(issue)
            temporary = pending.enter_context(atomic_output(destination))
            _write(plan_single(issue), temporary, options, None)
            written.append(destination)
            if job is not None:
                job.report((number + 1) / len(ordered), issue.label)
    return written


def _selection(issues: Iterable[Issue]) -> list[Issue]:
    ordered = reading_order(issues)
    if not ordered:
        raise BookstoreError(say("nothing to export: the selection is empty"))
    return ordered


def _write(plan: BookPlan, path: Path, options: EpubOptions, job: Job | None) -> None:
    publisher = options.publisher or plan.words["publisher"]
    cover = _cover_text(plan, publisher)
    front, landmarks = _front_matter(plan, publisher, cover)
    pages = [*front, *_issue_pages(plan, options, job)]
    book = new_book()
    describe(book, plan, publisher)
    book.spine = [add_document(book, page) for page in pages]
    book.guide = [{"type": m.guide_type, "href": m.href, "title": m.label} for m in landmarks]
    nav = navigation.nav_document(plan, landmarks)
    add_document(book, Document("nav", NAV_FILE, nav), ("nav",))
    add_file(book, "ncx", "toc.ncx", "application/x-dtbncx+xml", navigation.ncx_document(plan))
    style = resource_path("epub", "style.css").read_bytes()
    add_file(book, "style", content.STYLESHEET, "text/css", style)
    add_file(book, RECORD_ID, RECORD_FILE, MEDIA_TYPE, record_file(plan))
    colour = series_colour(plan.series[0].slug if len(plan.series) == 1 else None)
    add_cover_image(book, content.COVER_IMAGE, render_cover(cover, colour))
    write_book(book, path, plan.modified)
    if job is not None:
        job.report(1.0, plan.title)


def _front_matter(
    plan: BookPlan, publisher: str, cover: CoverText
) -> tuple[list[Document], list[navigation.Landmark]]:
    """The cover page, a bundle's title page, and the landmarks that lead to them and
    to the first issue."""
    words = plan.words
    alt_text = cover.alt_text(words["cover"])
    pages = [Document("cover", COVER_FILE, content.cover_page(plan.language, alt_text))]
    landmarks = [navigation.Landmark("cover", COVER_FILE, words["cover"])]
    if plan.is_bundle:
        pages.append(Document("title-page", TITLE_FILE, content.title_page(plan, publisher)))
        landmarks.append(navigation.Landmark("titlepage", TITLE_FILE, words["title_page"]))
    landmarks.append(navigation.Landmark("bodymatter", plan.pages[0].file_name, words["text"]))
    return pages, landmarks


def _issue_pages(plan: BookPlan, options: EpubOptions, job: Job | None) -> list[Document]:
    """One page per issue, each in the issue's language; progress is reported per issue."""
    words = {language: Words(language) for language in plan.languages}
    documents = []
    for number, page in enumerate(plan.pages):
        if job is not None:
            job.report(0.95 * number / len(plan.pages), page.issue.label)
        own = words[page.issue.language]
        xhtml = content.issue_page(page, own, options.publisher or own["publisher"])
        documents.append(Document(page.item_id, page.file_name, xhtml))
    return documents


def issue_cover(issue: Issue) -> bytes:
    """The PNG cover an EPUB of this one issue carries."""
    plan = plan_single(issue)
    return render_cover(
        _cover_text(plan, plan.words["publisher"]), series_colour(issue.series.slug)
    )


def _cover_text(plan: BookPlan, publisher: str) -> CoverText:
    words = plan.words
    if plan.is_bundle:
        several = len(plan.series) > 1
        return CoverText(
            overline=publisher,
            headline=plan.title,
            title=f"{words.issue_count(len(plan.pages))}, {year_span(plan.years)}",
            footer="",
            details=tuple(plan.series_names()) if several else (),
        )
    return single_issue_cover(plan.pages[0].issue, words, publisher)
