"""What goes into an EPUB, decided before anything is written.

A plan puts the issues in reading order, names their files and anchors, builds the
table of contents (series → year → issue → sections for a bundle) and fixes the
identifier and dates, all from the issues alone, so the same selection always
gives the same plan.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from bookstore.errors import BookstoreError
from bookstore.export.words import Words
from bookstore.export.xhtml import xml_safe
from bookstore.i18n.messages import say
from bookstore.model import LANGUAGES, Issue, Series

# uuid5 namespace of the identifiers this exporter gives; never change it, or every
# book would get a new identifier.
_IDENTIFIER_NAMESPACE = uuid.UUID("d5e4b316-9073-43cf-9f9b-012835936282")

COVER_FILE = "cover.xhtml"
TITLE_FILE = "title.xhtml"
NAV_FILE = "nav.xhtml"


@dataclass(frozen=True)
class TocEntry:
    label: str
    href: str
    language: str  # the language of the label
    children: tuple[TocEntry, ...] = ()

    def depth(self) -> int:
        return 1 + max((child.depth() for child in self.children), default=0)


@dataclass(frozen=True)
class IssuePage:
    """One issue's XHTML document in the book."""

    issue: Issue
    file_name: str
    item_id: str

    def section_anchor(self, index: int) -> str:
        return f"s{index + 1}"

    def toc_entry(self, label: str) -> TocEntry:
        sections = tuple(
            TocEntry(
                section.heading, f"{self.file_name}#{self.section_anchor(i)}", self.issue.language
            )
            for i, section in enumerate(self.issue.sections)
            if section.heading
        )
        return TocEntry(label, self.file_name, self.issue.language, sections)


@dataclass(frozen=True)
class BookPlan:
    identifier: str  # urn:uuid:…
    title: str
    language: str  # the primary language: package, navigation, cover, title page
    languages: tuple[str, ...]  # every language present, the primary one first
    pages: tuple[IssuePage, ...]  # in reading order
    toc: tuple[TocEntry, ...]
    is_bundle: bool
    series: tuple[Series, ...]  # in reading order
    published: dt.date  # the newest issue's date
    modified: dt.datetime  # dcterms:modified (UTC): the newest issue's date, never the clock

    @cached_property
    def words(self) -> Words:
        """The book's own words, in its primary language."""
        return Words(self.language)

    @property
    def years(self) -> list[int]:
        return [page.issue.year for page in self.pages]

    def series_names(self) -> list[str]:
        return [series.name_in(self.language) for series in self.series]


def epub_file_name(issue: Issue) -> str:
    """``<series-slug>-<year>-<number>-<lang>.epub``."""
    return f"{issue.key}-{issue.language}.epub"


def plan_single(issue: Issue) -> BookPlan:
    page = _issue_page(issue)
    return BookPlan(
        identifier=_urn(f"issue:{issue.key}:{issue.language}"),
        title=xml_safe(issue.title).strip() or issue.label,
        language=issue.language,
        languages=(issue.language,),
        pages=(page,),
        toc=(page.toc_entry(issue.title or issue.label),),
        is_bundle=False,
        series=(issue.series,),
        published=issue.date,
        modified=_modified([issue]),
    )


def plan_bundle(issues: Sequence[Issue], title: str | None = None) -> BookPlan:
    """A bundle's plan; ``title`` defaults to one made from its series and years."""
    ordered = reading_order(issues)
    if not ordered:
        raise BookstoreError(say("nothing to export: the selection is empty"))
    pages = tuple(_issue_page(issue) for issue in ordered)
    language = _primary_language(ordered)
    languages = (language, *dict.fromkeys(i.language for i in ordered if i.language != language))
    by_slug: dict[str, Series] = {}
    for issue in ordered:
        by_slug.setdefault(issue.series.slug, issue.series)
    series = tuple(by_slug.values())
    words = Words(language)
    default_title = words.bundle_title(
        [s.name_in(language) for s in series], [i.year for i in ordered]
    )
    members = sorted(f"{issue.key}:{issue.language}" for issue in ordered)
    return BookPlan(
        identifier=_urn("bundle:" + "\n".join(members)),
        title=xml_safe(title or "").strip() or default_title,
        language=language,
        languages=languages,
        pages=pages,
        toc=_bundle_toc(pages, language),
        is_bundle=True,
        series=series,
        published=max(issue.date for issue in ordered),
        modified=_modified(ordered),
    )


def reading_order(issues: Iterable[Issue]) -> list[Issue]:
    """Each issue once (by series, year, number and language), ordered by series name,
    then year, number and language, whatever order they came in: the same set of
    issues always gives the same book."""
    unique: dict[tuple[str, str], Issue] = {}
    for issue in issues:
        unique.setdefault((issue.key, issue.language), issue)
    primary = _primary_language(list(unique.values())) if unique else "en"

    def order(issue: Issue) -> tuple:
        language = LANGUAGES.index(issue.language) if issue.language in LANGUAGES else 99
        name = issue.series.name_in(primary).casefold()
        return (name, issue.series.slug, issue.year, issue.number, language, issue.language)

    return sorted(unique.values(), key=order)


def _issue_page(issue: Issue) -> IssuePage:
    name = f"{issue.key}-{issue.language}"
    return IssuePage(issue, f"{name}.xhtml", f"issue-{name}")


def _bundle_toc(pages: Sequence[IssuePage], language: str) -> tuple[TocEntry, ...]:
    """Series → year → issue → sections; each group links to its first issue."""
    by_series: dict[str, dict[int, list[IssuePage]]] = {}
    for page in pages:
        by_series.setdefault(page.issue.series.slug, {}).setdefault(page.issue.year, []).append(
            page
        )
    entries = []
    for years in by_series.values():
        year_entries = tuple(
            TocEntry(
                str(year),
                members[0].file_name,
                language,
                tuple(p.toc_entry(_numbered_title(p.issue)) for p in members),
            )
            for year, members in years.items()
        )
        first = next(iter(years.values()))[0]
        name = first.issue.series.name_in(language)
        entries.append(TocEntry(name, first.file_name, language, year_entries))
    return tuple(entries)


def _numbered_title(issue: Issue) -> str:
    """ "no. 2/2019: Title", for a list under the series and year."""
    return f"{issue.number_label}: {issue.title}" if issue.title else issue.number_label


def _primary_language(issues: Sequence[Issue]) -> str:
    """The most common language; a tie goes to the first in ``LANGUAGES`` order."""
    counts = Counter(issue.language for issue in issues)
    rank = {language: n for n, language in enumerate(LANGUAGES)}
    return min(counts, key=lambda language: (-counts[language], rank.get(language, 99), language))


def _modified(issues: Iterable[Issue]) -> dt.datetime:
    newest = max(issue.date for issue in issues)
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_IDENTIFIER_NAMESPACE, name)}"
