"""An issue's cover: the words on it, the full-size image and small thumbnails.

The EPUB exporter puts the full image in each single-issue EPUB; the window shows
thumbnails of the same picture in its list and detail pane.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Protocol

from PIL import Image

from bookstore.export.covers.drawing import CoverText, render_cover, series_colour
from bookstore.export.words import Words
from bookstore.export.xhtml import xml_safe
from bookstore.model import Series


class CoverSubject(Protocol):
    """What a cover needs of an issue (an Issue or a list row)."""

    @property
    def series(self) -> Series: ...
    @property
    def number_label(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def language(self) -> str: ...


def single_issue_cover(issue: CoverSubject, words: Words, publisher: str) -> CoverText:
    return CoverText(
        overline=issue.series.name_in(issue.language),
        headline=issue.number_label,
        title=xml_safe(issue.title),
        footer=publisher,
        details=(xml_safe(", ".join(issue.authors)), words.date(issue.date)),
    )


def issue_thumbnail_png(issue: CoverSubject, width: int) -> bytes:
    """The issue's cover scaled to ``width`` pixels wide (2:3), as PNG bytes."""
    words = Words(issue.language)
    text = single_issue_cover(issue, words, words["publisher"])
    full = Image.open(io.BytesIO(render_cover(text, series_colour(issue.series.slug))))
    small = full.convert("RGB").resize((width, width * 3 // 2), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    small.save(output, format="PNG", optimize=False)
    return output.getvalue()
