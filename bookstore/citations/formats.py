"""``cite(issues, format)``: the chosen issues in one citation format."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from bookstore.citations.bibtex import bibtex
from bookstore.citations.keys import citation_keys
from bookstore.citations.record import csl_item
from bookstore.citations.ris import ris
from bookstore.citations.styled import formatted
from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.model import Issue

FORMATS = ("bibtex", "biblatex", "ris", "csl-json", "text")
DEFAULT_STYLE = "apa"


def csl_items(
    issues: Sequence[Issue], accessed: dt.date | None = None, printed: bool = False
) -> list[dict]:
    keys = citation_keys(issues)
    day = accessed or dt.date.today()
    return [
        csl_item(issue, keys.get(issue.id or 0, f"issue{index}"), day, printed)
        for index, issue in enumerate(issues)
    ]


def cite(
    issues: Sequence[Issue],
    format: str,
    style: str = DEFAULT_STYLE,
    language: str | None = None,
    accessed: dt.date | None = None,
) -> str:
    """The citations of ``issues``; text takes ``style``, in ``language`` (each issue's
    own when None)."""
    items = csl_items(issues, accessed, printed=format == "text")
    if format == "csl-json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if format in ("bibtex", "biblatex"):
        return bibtex(items, biblatex=format == "biblatex")
    if format == "ris":
        return ris(items)
    if format == "text":
        lines = [formatted([item], style, language or item["language"])[0] for item in items]
        return "\n".join(lines) + "\n"
    raise BookstoreError(
        say(
            "--format: “{format}” is not one of {formats}",
            format=format,
            formats=", ".join(FORMATS),
        )
    )
