"""The XHTML pages of an EPUB: one per issue, the cover page and a bundle's title page."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bookstore.export.epub.plan import BookPlan, IssuePage
from bookstore.export.words import Words, year_span
from bookstore.export.xhtml import attr, lang_attrs, page, text
from bookstore.model import Issue

STYLESHEET = "style.css"
COVER_IMAGE = "cover.png"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WEB_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+\Z")


def issue_page(page_: IssuePage, words: Words, publisher: str) -> bytes:
    """An issue: series label, title, date, authors, the lead set apart, the sections
    under real headings, then topics, source and publisher. ``words`` speak the
    issue's language."""
    issue = page_.issue
    parts = [
        "<article>\n<header>\n",
        f'<p class="series-label">{text(issue.label)}</p>\n',
        f'<h1 id="title">{text(issue.title or issue.label)}</h1>\n',
        f'<p class="date"><time datetime="{issue.date.isoformat()}">'
        f"{text(words.date(issue.date))}</time></p>\n",
    ]
    if issue.authors:
        parts.append(f'<p class="authors">{_spans("author", issue.authors)}</p>\n')
    parts.append("</header>\n")
    if issue.lead.strip():
        parts.append(f'<div class="lead" role="doc-abstract">\n{_paragraphs([issue.lead])}</div>\n')
    for index, section in enumerate(issue.sections):
        body = _paragraphs(section.paragraphs)
        if section.heading:
            anchor = page_.section_anchor(index)
            parts.append(
                f'<section aria-labelledby="{anchor}">\n'
                f'<h2 id="{anchor}">{text(section.heading)}</h2>\n{body}</section>\n'
            )
        else:
            parts.append(body)
    parts.append(_issue_footer(issue, words, publisher))
    parts.append("</article>\n")
    return page(
        language=issue.language,
        title=_document_title(issue),
        body="".join(parts),
        stylesheet=STYLESHEET,
        body_attrs='epub:type="bodymatter"',
    )


def cover_page(language: str, alt_text: str) -> bytes:
    body = (
        '<div class="cover">\n'
        f'<img src="{COVER_IMAGE}" alt="{attr(alt_text)}" role="doc-cover"/>\n'
        "</div>\n"
    )
    return page(
        language=language,
        title=Words(language)["cover"],
        body=body,
        stylesheet=STYLESHEET,
        body_attrs='class="cover-page" epub:type="cover"',
    )


def title_page(plan: BookPlan, publisher: str) -> bytes:
    """A bundle's title page: its title, publisher and extent, then every issue it
    holds, by series, each linking to its page."""
    words = plan.words
    parts = [
        '<section class="titlepage" epub:type="titlepage">\n',
        f"<h1>{text(plan.title)}</h1>\n",
        f'<p class="publisher">{text(publisher)}</p>\n',
        f'<p class="extent">{text(words.issue_count(len(plan.pages)))}, '
        f"{text(year_span(plan.years))}</p>\n",
        "</section>\n",
        f'<section class="contents" aria-labelledby="contents">\n'
        f'<h2 id="contents">{text(words["contents"])}</h2>\n',
    ]
    for series, pages in _by_series(plan.pages, plan.language):
        parts.append(f"<h3>{text(series)}</h3>\n<ul>\n")
        for entry in pages:
            issue = entry.issue
            language = "" if issue.language == plan.language else f" {lang_attrs(issue.language)}"
            parts.append(
                f'<li{language}><a href="{attr(entry.file_name)}">{text(issue.number_label)}</a>'
                f"{text(': ' + issue.title if issue.title else '')}</li>\n"
            )
        parts.append("</ul>\n")
    parts.append("</section>\n")
    return page(
        language=plan.language,
        title=plan.title,
        body="".join(parts),
        stylesheet=STYLESHEET,
        body_attrs='epub:type="frontmatter"',
    )


def _issue_footer(issue: Issue, words: Words, publisher: str) -> str:
    lines = []
    if issue.topics:
        lines.append(
            f'<p class="topics">{text(words["topics"])}: {_spans("topic", issue.topics)}</p>\n'
        )
    if issue.source_url:
        url = issue.source_url.strip()
        shown = f'<a href="{attr(url)}">{text(url)}</a>' if _WEB_URL.match(url) else text(url)
        lines.append(f'<p class="source">{text(words["source"])}: {shown}</p>\n')
    lines.append(f'<p class="publisher">{text(publisher)}</p>\n')
    return '<footer class="issue-footer">\n' + "".join(lines) + "</footer>\n"


def _spans(kind: str, values: Sequence[str]) -> str:
    """ "A, B" with each value in its own span, so that a reader can tell them apart."""
    return ", ".join(f'<span class="{kind}">{text(value)}</span>' for value in values)


def _document_title(issue: Issue) -> str:
    return f"{issue.label}: {issue.title}" if issue.title else issue.label


def _paragraphs(blocks: Sequence[str]) -> str:
    """Each block as paragraphs; a blank line inside a block starts a new one."""
    return "".join(
        f"<p>{text(part.strip())}</p>\n"
        for block in blocks
        for part in _PARAGRAPH_BREAK.split(block)
        if part.strip()
    )


def _by_series(pages: Sequence[IssuePage], language: str) -> list[tuple[str, list[IssuePage]]]:
    groups: dict[str, list[IssuePage]] = {}
    names: dict[str, str] = {}
    for entry in pages:
        slug = entry.issue.series.slug
        groups.setdefault(slug, []).append(entry)
        names.setdefault(slug, entry.issue.series.name_in(language))
    return [(names[slug], members) for slug, members in groups.items()]
