"""Sentences made in the core and translated where they are shown.

The core never knows the reader's language: it raises or reports a :class:`Message`
(English words and their values), and the window, the shell or the server says it in
the reader's language through :meth:`bookstore.i18n.words.Words.say`. ``str()`` of a
message is its English text, for logs and for callers that do not translate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def N_(message: str) -> str:
    """Marks a message for the catalogs; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Message:
    """``template`` with ``{name}`` fields filled from ``values``; ``plural`` and ``count``
    make it a plural message (gettext chooses the form by ``count``)."""

    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None
    count: int | None = None
    context: str | None = None

    def __str__(self) -> str:
        template = self.template
        if self.plural is not None and self.count != 1:
            template = self.plural
        return fill(template, self.values, str)


def say(template: str, /, **values: Any) -> Message:
    """A message to translate later: ``say(N_("no issue has id {id}"), id=7)``."""
    return Message(template, values)


def say_plural(singular: str, plural: str, count: int, /, **values: Any) -> Message:
    """A plural message: ``say_plural("{count} issue", "{count} issues", n)``."""
    return Message(singular, {"count": count, **values}, plural=plural, count=count)


def fill(template: str, values: Mapping[str, Any], render: Any) -> str:
    """``template`` with its fields replaced; each value goes through ``render`` (which
    translates messages among them). A template without fields is returned as it is, so
    that a literal brace in a message never breaks it."""
    if not values:
        return template
    try:
        return template.format_map({name: render(value) for name, value in values.items()})
    except (KeyError, IndexError, ValueError):
        return template
