"""Package metadata: Dublin Core, an issue's series (EPUB 3 collection and calibre's
tags) or a bundle's type, and EPUB Accessibility 1.1 discovery metadata, written
into an ebooklib book."""

from __future__ import annotations

from collections.abc import Iterable

from ebooklib import epub

from bookstore import __version__
from bookstore.export.epub.plan import BookPlan
from bookstore.export.xhtml import xml_safe
from bookstore.model import Issue, Numbering, Series

# What the accessibility metadata states; each is true of every book this exporter
# writes (see the summary in export/words.py). dcterms:conformsTo is not claimed: conformance
# needs a WCAG 2 AA evaluation that nobody has made.
ACCESS_MODES = ("textual", "visual")
ACCESS_MODES_SUFFICIENT = ("textual",)
ACCESSIBILITY_FEATURES = (
    "alternativeText",
    "displayTransformability",
    "readingOrder",
    "structuralNavigation",
    "tableOfContents",
)
ACCESSIBILITY_HAZARDS = ("none",)
BUNDLE_TYPE = "Collection"  # the DCMI Type Vocabulary's term for an aggregation


def describe(book: epub.EpubBook, plan: BookPlan, publisher: str) -> None:
    """Write the plan's metadata into ``book``."""
    issues = [page.issue for page in plan.pages]
    _identify(book, plan)
    _describe_contents(book, plan, issues, publisher)
    if plan.is_bundle:
        _describe_bundle(book)
    else:
        _describe_series(book, plan.series[0], plan.language, series_position(issues[0]))
    _describe_accessibility(book, plan.words["summary"])


def series_position(issue: Issue) -> int:
    """The issue's place in its series: the running number where the series keeps one
    ("no. 26 (1272)" → 1272), else the number within the year ("no. 2/2019" → 2)."""
    if issue.series.numbering is Numbering.RUNNING and issue.running_number is not None:
        return issue.running_number
    return issue.number


def _identify(book: epub.EpubBook, plan: BookPlan) -> None:
    """Identifier, title and languages (the primary one last: ebooklib takes
    ``book.language`` for the package's xml:lang)."""
    book.IDENTIFIER_ID = "pub-id"
    book.set_identifier(plan.identifier)
    book.set_unique_metadata(
        "OPF", "generator", "", {"name": "generator", "content": f"Bookstore {__version__}"}
    )
    book.set_title(xml_safe(plan.title))
    for language in plan.languages:
        book.add_metadata("DC", "language", language)
    book.language = plan.language


def _describe_contents(
    book: epub.EpubBook, plan: BookPlan, issues: list[Issue], publisher: str
) -> None:
    """Creators, publisher, date, description, subjects and sources."""
    for number, author in enumerate(_unique(a for issue in issues for a in issue.authors), 1):
        book.add_author(author, role="aut", uid=f"creator{number}")
    book.add_metadata("DC", "publisher", xml_safe(publisher))
    book.add_metadata("DC", "date", plan.published.isoformat())
    description = _bundle_description(plan) if plan.is_bundle else issues[0].lead
    if description := xml_safe(description).strip():
        book.add_metadata("DC", "description", description)
    for topic in _unique(t for issue in issues for t in issue.topics):
        book.add_metadata("DC", "subject", topic)
    for url in _unique(issue.source_url for issue in issues if issue.source_url):
        book.add_metadata("DC", "source", url)


def _describe_series(book: epub.EpubBook, series: Series, language: str, position: int) -> None:
    name = xml_safe(series.name_in(language))
    book.add_metadata(None, "meta", name, {"property": "belongs-to-collection", "id": "series"})
    book.add_metadata(None, "meta", "series", {"refines": "#series", "property": "collection-type"})
    book.add_metadata(
        None, "meta", str(position), {"refines": "#series", "property": "group-position"}
    )
    if series.issn:
        book.add_metadata(
            None,
            "meta",
            f"urn:issn:{xml_safe(series.issn)}",
            {"refines": "#series", "property": "dcterms:identifier"},
        )
    book.add_metadata(None, "meta", "", {"name": "calibre:series", "content": name})
    book.add_metadata(None, "meta", "", {"name": "calibre:series_index", "content": str(position)})


def _describe_bundle(book: epub.EpubBook) -> None:
    """A bundle is no issue of a series, so it names no series (calibre would file it
    as issue 1): it says that it is a collection (DCMI type), and its title and
    description name the series and years it holds."""
    book.add_metadata(None, "meta", BUNDLE_TYPE, {"property": "dcterms:type"})


def _describe_accessibility(book: epub.EpubBook, summary: str) -> None:
    properties = (
        ("schema:accessMode", ACCESS_MODES),
        ("schema:accessModeSufficient", ACCESS_MODES_SUFFICIENT),
        ("schema:accessibilityFeature", ACCESSIBILITY_FEATURES),
        ("schema:accessibilityHazard", ACCESSIBILITY_HAZARDS),
        ("schema:accessibilitySummary", (summary,)),
    )
    for name, values in properties:
        for value in values:
            book.add_metadata(None, "meta", value, {"property": name})


def _bundle_description(plan: BookPlan) -> str:
    return plan.words.bundle_description(len(plan.pages), plan.series_names(), plan.years)


def _unique(values: Iterable[str]) -> list[str]:
    """Each value once, in order, cleaned for XML; empty ones left out."""
    return [value for value in dict.fromkeys(xml_safe(v).strip() for v in values) if value]
