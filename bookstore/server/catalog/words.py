"""Names the catalog shows for languages, and the position of an issue in its series."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from bookstore.model import Issue


@lru_cache(maxsize=64)
def language_name(code: str) -> str:
    """A language named in itself: "English", "Polski", "Русский"."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def series_position(issue: Issue) -> int:
    """The issue's place in its series: the running number where it has one."""
    return issue.running_number if issue.running_number is not None else issue.number
