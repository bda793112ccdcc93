"""A line of text: what the page, EPUB and PDF readers hand the page layout."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    heading: bool = False  # the source marks it as a heading (HTML h2-h4, a larger PDF size)
