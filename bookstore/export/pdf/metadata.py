"""Document metadata (title, authors, subject, keywords, language) and the
collection-wide choices it depends on: the collection's language and title."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bookstore import __version__
from bookstore.export.pdf.text import clean
from bookstore.export.words import Words, year_span
from bookstore.model import Issue

_MAX_AUTHORS = 10


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    creator: str = f"Bookstore {__version__}"


def collection_language(issues: Sequence[Issue]) -> str:
    """The language most of the issues are in (the first issue's on a tie): the
    cover, the contents and the document's /Lang use it."""
    counts = Counter(issue.language for issue in issues)
    best = max(counts.values())
    return next(issue.language for issue in issues if counts[issue.language] == best)


def series_names(issues: Sequence[Issue], language: str) -> list[str]:
    seen: dict[str, str] = {}
    for issue in issues:
        seen.setdefault(issue.series.slug, issue.series.name_in(language))
    return list(seen.values())


def default_title(issues: Sequence[Issue], language: str) -> str:
    """ "PISM Spotlight 2018–2020" for one series, "Collection 2018–2020" for several."""
    names = series_names(issues, language)
    name = names[0] if len(names) == 1 else Words(language)["collection"]
    return f"{name} {year_span(i.year for i in issues)}"


def single_metadata(issue: Issue, title: str | None) -> PdfMetadata:
    return PdfMetadata(
        title=clean(title) if title else clean(issue.title),
        author=_authors([issue]),
        subject=f"{issue.label} ({issue.date.isoformat()})",
        keywords=tuple(clean(topic) for topic in issue.topics),
        language=issue.language,
    )


def collection_metadata(issues: Sequence[Issue], title: str | None) -> PdfMetadata:
    language = collection_language(issues)
    names = ", ".join(series_names(issues, language))
    topics = dict.fromkeys(clean(topic) for issue in issues for topic in issue.topics)
    count = Words(language).issue_count(len(issues))
    return PdfMetadata(
        title=clean(title) if title else default_title(issues, language),
        author=_authors(issues),
        subject=f"{names}, {year_span(i.year for i in issues)}: {count}",
        keywords=tuple(topics),
        language=language,
    )


def _authors(issues: Sequence[Issue]) -> str:
    names = list(dict.fromkeys(clean(name) for issue in issues for name in issue.authors))
    if len(names) > _MAX_AUTHORS:
        return ", ".join(names[:_MAX_AUTHORS]) + " et al."
    return ", ".join(names)
