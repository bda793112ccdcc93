"""Importing EPUB files: any EPUB 2 or 3 becomes an issue; our bundles become all
of their issues.

An EPUB our exporter wrote comes back as exactly the issue it was made from: its
pages carry the text in known places, and a catalog record (``record``) holds
what no EPUB metadata does. Any other EPUB is read from its package metadata
and the text of its spine; its series comes from ``belongs-to-collection`` or
calibre's tags, or from ``Placement`` (``--series SLUG --number N``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bookstore.catalog_json import series_from_json
from bookstore.errors import reason_of
from bookstore.i18n.messages import say
from bookstore.ingest.epub import content
from bookstore.ingest.epub.archive import ArchiveError, EpubArchive
from bookstore.ingest.epub.opf import ManifestItem, Package, read_package
from bookstore.ingest.epub.record import page_records, valid_record
from bookstore.ingest.errors import IngestError
from bookstore.ingest.html.safe_xml import UnsafeXml
from bookstore.ingest.words.series_names import SeriesNames, name_in_label
from bookstore.ingest.words.vocabulary import NUMBER_LINE
from bookstore.library.safe_names import language_from, slug_from
from bookstore.library.search.folding import fold
from bookstore.model import Issue, Numbering, Price, Section, Series

_XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_IMAGE_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
                   "image/webp": ".webp", "image/svg+xml": ".svg"}  # fmt: skip


@dataclass(frozen=True)
class Placement:
    """Where the user says a book belongs (``--series SLUG --number N``)."""

    series: Series
    number: int


@dataclass(frozen=True)
class Cover:
    data: bytes
    suffix: str


@dataclass(frozen=True)
class ImportedBook:
    issues: tuple[Issue, ...]
    is_bundle: bool
    identifiers: tuple[str, ...]  # of a single-issue book, to find it again
    cover: Cover | None  # of a single-issue book


def read_epub(
    source: str,
    data: bytes,
    names: SeriesNames,
    placement: Placement | None = None,
    known: Callable[[Sequence[str]], Placement | None] | None = None,
) -> ImportedBook:
    """The issue(s) in an EPUB given as bytes; raises IngestError naming ``source``.

    ``known`` tells where a book with these identifiers was put before, so that a
    book placed with ``--series``/``--number`` once is found again without them."""
    try:
        archive = EpubArchive(data)
        package = read_package(archive)
        named = _documents(archive, package)
        records = page_records(archive, package)
    except (ArchiveError, UnsafeXml) as error:
        raise IngestError(source, reason_of(error)) from None
    documents = [root for _, root in named]
    own = [(name, page) for name, root in named if (page := content.own_page(root))]
    if own and placement is None:
        issues = tuple(
            _own_issue(source, page, records.get(name), package, names) for name, page in own
        )
        single = len(issues) == 1
    else:
        if placement is None and known is not None and not package.series:
            placement = known(package.identifiers)
        issues = (_foreign_issue(source, package, documents, names, placement),)
        single = True
    return ImportedBook(
        issues=issues,
        is_bundle=not single,
        identifiers=tuple(package.identifiers) if single else (),
        cover=_cover(archive, package) if single else None,
    )


def _documents(archive: EpubArchive, package: Package) -> list[tuple[str, Any]]:
    """The spine's content documents, parsed, each with its name in the archive."""
    roots = []
    for item in package.spine:
        data = archive.read(item.name)
        if item.media_type not in _XHTML_TYPES:
            continue
        try:
            roots.append((item.name, content.parse_xhtml(data)))
        except UnsafeXml as error:
            raise ArchiveError(
                say("has “{name}”, which {error}", name=item.name, error=error)
            ) from None
    return roots


def _cover(archive: EpubArchive, package: Package) -> Cover | None:
    item: ManifestItem | None = package.cover_image
    if item is None or not archive.has(item.name):
        return None
    suffix = _IMAGE_SUFFIXES.get(item.media_type)
    return Cover(archive.read(item.name), suffix) if suffix else None


def _own_issue(
    source: str,
    page: content.OwnPage,
    record: dict[str, Any] | None,
    package: Package,
    names: SeriesNames,
) -> Issue:
    """One of our issue pages; its record is the book's record file's, or in an EPUB
    written before there was one, the page's own attribute."""
    record = record or valid_record(page.record) or {}
    language = language_from(page.language) or _language(package) or "en"
    if record.get("series"):  # else read from the label, below
        # The record's slug names a folder of the library: only in its safe form.
        slug = slug_from(str(record["series"].get("slug", "")))
        if not slug:
            raise IngestError(source, say("names its series by a slug that cannot name a folder"))
        series = names.by_slug(slug) or series_from_json({**record["series"], "slug": slug})
        number, year = int(record["number"]), int(record["year"])
        running = record.get("running_number")
    if page.date is None:
        raise IngestError(source, say("“{title}” has no publication date", title=page.title))
    if not record.get("series"):
        series, number, year, running = _from_label(source, page.label, names, language)
        year = year or page.date.year
    return Issue(
        series=series,
        number=number,
        year=year,
        running_number=running,
        title=page.title,
        date=page.date,
        language=language,
        lead=page.lead,
        sections=tuple(Section(h, p) for h, p in page.sections),
        authors=page.authors,
        topics=page.topics,
        price=Price.parse(record.get("price")) if record else series.price,
        source_url=page.source_url,
        owned=True,
    )


def _from_label(
    source: str, label: str, names: SeriesNames, language: str
) -> tuple[Series, int, int, int | None]:
    """Series and number from a label such as "PISM Bulletin no. 26 (1272)"; a
    series the library does not know is made from the label's name."""
    match = NUMBER_LINE.match(label)
    series = names.anywhere(match["prefix"]) if match else None
    name = name_in_label(match["prefix"]) if match else None
    if match is not None and series is None and name is not None:
        numbering = Numbering.RUNNING if match["running"] else Numbering.YEAR
        series = names.make(name, language, numbering)
    if match is None or series is None or (match["year"] is None and match["running"] is None):
        raise IngestError(
            source, say("names an issue “{label}” of no series this library knows", label=label)
        )
    running = int(match["running"]) if match["running"] else None
    year = int(match["year"]) if match["year"] else 0
    return series, int(match["number"]), year, running


def _foreign_issue(
    source: str,
    package: Package,
    documents: list,
    names: SeriesNames,
    placement: Placement | None,
) -> Issue:
    title = package.titles[0] if package.titles else None
    if not title:
        raise IngestError(source, say("has no title in its metadata"))
    date = _date(package.publication_date()) or _date(package.modified)
    if date is None:
        raise IngestError(source, say("has no publication date in its metadata"))
    series, number, running = _series_and_number(source, package, names, placement)
    echoes = [title, *package.authors, package.publisher or "", *(v for _, v in package.dates)]
    lead, sections = _lead_and_sections(documents, echoes, package.description)
    if not lead:
        raise IngestError(
            source, say("has no text: its spine holds no paragraphs and no description")
        )
    sources = [s for s in package.sources if s.startswith(("http://", "https://"))]
    return Issue(
        series=series,
        number=number,
        year=date.year,
        running_number=running,
        title=title,
        date=date,
        language=_language(package) or "en",
        lead=lead,
        sections=sections,
        authors=tuple(dict.fromkeys(package.authors)),
        topics=tuple(dict.fromkeys(package.subjects)),
        source_url=sources[0] if sources else None,
        price=series.price,
        owned=True,
    )


def _series_and_number(
    source: str, package: Package, names: SeriesNames, placement: Placement | None
) -> tuple[Series, int, int | None]:
    if placement is not None:
        running = placement.number if placement.series.numbering is Numbering.RUNNING else None
        return placement.series, placement.number, running
    if not package.series:
        raise IngestError(
            source,
            say(
                "has no series information (belongs-to-collection or "
                "calibre:series); say where it belongs with --series SLUG "
                "--number N"
            ),
        )
    position = _position(package.series_position)
    if position is None:
        raise IngestError(
            source,
            say(
                "gives no number in the series “{series}”; say where it "
                "belongs with --series SLUG --number N",
                series=package.series,
            ),
        )
    series = names.named(package.series) or _new_series(package, names)
    running = position if series.numbering is Numbering.RUNNING else None
    return series, position, running


def _new_series(package: Package, names: SeriesNames) -> Series:
    """A series the library does not know, made from the book's collection metadata."""
    language = _language(package) or "en"
    return names.make(package.series or "", language, Numbering.YEAR, package.series_issn)


def _position(value: str | None) -> int | None:
    match = re.match(r"^\s*(\d{1,6})(?:\.0*)?\s*$", value or "")
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def _date(value: str | None) -> dt.date | None:
    match = _DATE.match((value or "").strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _language(package: Package) -> str | None:
    for value in package.languages:
        primary = value.strip().split("-")[0].split("_")[0].lower()
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    return None


def _lead_and_sections(
    documents: list, echoes: list[str], description: str | None
) -> tuple[str, tuple[Section, ...]]:
    """The first paragraph as the lead (the description when the text has none), then
    sections under the headings. Lines that only repeat the metadata (the title, an
    author, the date: a title page that is not marked as one) are left out."""
    found = [
        block
        for root in documents
        if not content.is_front_matter(root)
        for block in content.blocks(root)
    ]
    repeated = {fold(echo) for echo in echoes if echo}
    found = [b for b in found if fold(b.text) not in repeated]
    lead = ""
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for block in found:
        if block.heading:
            if paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
                paragraphs = []
            heading = block.text
        elif not lead and heading is None and not sections:
            lead = block.text
        else:
            paragraphs.append(block.text)
    if paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    if not lead and sections and sections[0].paragraphs:
        first = sections[0]
        lead = first.paragraphs[0]
        rest = Section(first.heading, first.paragraphs[1:])
        sections = ([rest] if rest.paragraphs else []) + sections[1:]
    return lead or (description or ""), tuple(sections)


def place(issue: Issue, series: Series, number: int, year: int, language: str) -> Issue:
    """The issue moved to another place (series, number, year, language)."""
    return replace(issue, series=series, number=number, year=year, language=language)
