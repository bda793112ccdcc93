"""The flowables of one issue: title block, lead, sections."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable

from bookstore.export.pdf.flowables import (
    HeadingParagraph,
    KeepWithText,
    LeadParagraph,
    Marker,
    Outline,
)
from bookstore.export.pdf.styles import ACCENT, IssueStyles
from bookstore.export.pdf.text import clean, markup, pieces
from bookstore.export.words import Words
from bookstore.model import Issue

# Lines of text a heading keeps below it; with no widows and no orphans, three
# lines always fit what the paragraph after it may leave at the foot of a page.
_LINES_AFTER_HEADING = 3


@dataclass(frozen=True)
class Chapter:
    """Where an issue (or the contents) begins: the running header and the footer's
    language from this page on. ``header=None`` with ``language=None`` means no header or footer."""

    header: str | None
    language: str | None
    issue_index: int | None = None


def issue_key(index: int) -> str:
    return f"issue{index}"


def issue_outline_title(issue: Issue) -> str:
    return f"{issue.label}: {clean(issue.title)}"


def issue_story(
    issue: Issue, index: int, styles: IssueStyles, *, closed: bool = False
) -> list[Flowable]:
    """Everything one issue prints, starting with the marker of its first page."""
    key = issue_key(index)
    language = issue.language
    chapter = Chapter(issue.label, language, index)
    story: list[Flowable] = [
        Marker(chapter, Outline(key, issue_outline_title(issue), 0, closed)),
        *_title_block(issue, styles),
    ]
    if issue.lead.strip():
        story += [
            LeadParagraph(markup(p, language), styles.lead) for p in pieces(clean(issue.lead))
        ]
    follow = _LINES_AFTER_HEADING * styles.body.leading
    for number, section in enumerate(issue.sections):
        paragraphs = [text for text in section.paragraphs if text.strip()]
        if section.heading and section.heading.strip():
            heading = HeadingParagraph(markup(section.heading, language), styles.heading)
            heading.outline = Outline(f"{key}s{number}", clean(section.heading), 1)
            story += [KeepWithText(heading, follow), heading]
        for position, text in enumerate(paragraphs):
            for part, piece in enumerate(pieces(clean(text))):
                # A very long paragraph goes on in pieces, without a new indent.
                style = styles.body_first if position == 0 or part else styles.body
                story.append(Paragraph(markup(piece, language), style))
    return story


def _title_block(issue: Issue, styles: IssueStyles) -> list[Flowable]:
    language = issue.language
    series = markup(issue.series.name_in(language), language)
    number = markup(issue.number_label, language)
    block: list[Flowable] = [
        Paragraph(f"<b>{series}</b>\u2002{number}", styles.series),
        HRFlowable(
            width="100%",
            thickness=1.2,
            color=ACCENT,
            spaceBefore=2,
            spaceAfter=styles.series.fontSize,
        ),
        Paragraph(markup(issue.title, language), styles.title),
    ]
    if issue.authors:
        authors = ", ".join(clean(name) for name in issue.authors)
        block.append(Paragraph(markup(authors, language), styles.authors))
    block.append(Paragraph(markup(Words(language).date(issue.date), language), styles.date))
    return block
