"""What the reader shows: the issue's EPUB page (the same XHTML the exporter writes)
and the EPUB style sheet, with the reader theme's colours and size on top."""

from __future__ import annotations

from bookstore.export.epub import content as epub_content
from bookstore.export.epub.plan import plan_single
from bookstore.export.words import Words
from bookstore.gui.widgets.themes import READER_COLOURS
from bookstore.model import Issue
from bookstore.resource_files import resource_path

DEFAULT_POINT_SIZE = 13.0
STEP_FACTOR = 1.12


def issue_html(issue: Issue) -> str:
    page = plan_single(issue).pages[0]
    words = Words(issue.language)
    return epub_content.issue_page(page, words, words["publisher"]).decode("utf-8")


def reader_css(theme: str) -> str:
    """The EPUB style sheet and the theme's colours (Qt's rich text reads a subset of
    CSS: what it does not know it leaves out). Qt makes small capitals by shrinking
    capitals, which looks thin at large sizes; the series line is set in smaller
    real capitals instead."""
    colours = READER_COLOURS[theme]
    epub = resource_path("epub", "style.css").read_text(encoding="utf-8")
    return (
        epub
        + f"""
body {{ color: {colours.text}; background-color: {colours.background}; }}
a {{ color: {colours.link}; }}
h1 {{ font-size: x-large; }}
h2 {{ font-size: large; }}
.series-label {{ color: {colours.accent}; font-variant: normal; text-transform: uppercase;
  font-size: small; letter-spacing: 0.08em; }}
.lead {{ font-weight: bold; margin-left: 1em; }}
.issue-footer {{ color: {colours.accent}; }}
"""
    )


def point_size(step: int, base: float = DEFAULT_POINT_SIZE) -> float:
    return round(base * STEP_FACTOR**step, 1)
