"""Names the catalog shows for languages and numbers, and the position of an issue in
its series."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

from bookstore.i18n.languages import cldr_locale
from bookstore.i18n.messages import Message, say_plural
from bookstore.i18n.words import Words
from bookstore.model import Issue


@lru_cache(maxsize=64)
def language_name(code: str) -> str:
    """A language named in itself: "English", "Polski", "Русский"."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def number(words: Words, value: int) -> str:
    """A count as CLDR writes it in the reader's language ("1,234", "1 234")."""
    return format_decimal(value, locale=cldr_locale(words.language))


def counted(words: Words, message: Message) -> str:
    """A plural message (``say_plural``) said with its count written by CLDR:
    "1 234 wydania" rather than "1234 wydania"."""
    values = {**message.values, "count": number(words, message.count or 0)}
    return words.say(dataclasses.replace(message, values=values))


def issue_count(words: Words, count: int) -> str:
    """ "7 issues", "7 wydań", "7 выпусков"."""
    return counted(words, say_plural("{count} issue", "{count} issues", count))


def series_position(issue: Issue) -> int:
    """The issue's place in its series: the running number where it has one."""
    return issue.running_number if issue.running_number is not None else issue.number
