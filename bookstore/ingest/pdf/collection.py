"""Telling a PDF of several issues (a collection, such as ``bookstore export pdf
--query series:spotlight`` writes) from a PDF of one issue, so that a collection is
not read as one made-up issue with every issue's authors and sections."""

from __future__ import annotations

from collections.abc import Iterable

from bookstore.ingest.pdf.lines import TextLine
from bookstore.ingest.words.vocabulary import NUMBER_LINE
from bookstore.library.search.folding import fold

# An issue's header stands at the top of the page it starts on.
_TOP_LINES = 2


def issue_labels(outline_titles: Iterable[str], pages: list[list[TextLine]]) -> list[str]:
    """The issues a PDF holds, by their labels ("PISM Spotlight no. 2/2019"), each
    once, in order: the bookmarks that name an issue ("label: title", as our
    exporter writes them), else the pages that begin with an issue's label."""
    from_outline = _distinct(title.split(": ", 1)[0] for title in outline_titles)
    if len(from_outline) > 1:
        return from_outline
    return _distinct(line.text for lines in pages for line in lines[:_TOP_LINES])


def _distinct(texts: Iterable[str]) -> list[str]:
    labels: dict[str, str] = {}
    for text in texts:
        match = NUMBER_LINE.match(text.strip())
        if match and match["prefix"].strip():
            labels.setdefault(fold(" ".join(text.split())), text.strip())
    return list(labels.values())


def outline_titles(reader) -> list[str]:
    """The titles of a pypdf reader's top-level bookmarks."""
    return [str(item.title) for item in reader.outline if not isinstance(item, list)]
