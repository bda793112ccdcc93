"""One language's words: the compiled catalog of a language, and saying messages in it."""

from __future__ import annotations

import gettext
import os
from pathlib import Path
from typing import Any

from bookstore.i18n.languages import LANGUAGES, SOURCE
from bookstore.i18n.messages import Message, fill
from bookstore.resource_files import resource_path

DOMAIN = "bookstore"


def locale_folder() -> Path:
    """Where the catalogs are: ``resources/locale/<language>/LC_MESSAGES``, or the folder
    ``BOOKSTORE_LOCALE_DIR`` names (to try catalogs out before they are installed)."""
    chosen = os.environ.get("BOOKSTORE_LOCALE_DIR")
    return Path(chosen) if chosen else resource_path("locale")


class Words:
    """Translations of one language. English has a catalog too: its plural forms."""

    def __init__(self, language: str, catalog: gettext.NullTranslations) -> None:
        self.language = language
        self.catalog = catalog

    @classmethod
    def load(cls, language: str, folder: Path | None = None) -> Words:
        code = language if language in LANGUAGES else SOURCE
        # The standard library reads .mo files (contexts and plurals too) without Babel,
        # which keeps a command's start short.
        found = gettext.translation(DOMAIN, str(folder or locale_folder()), [code], fallback=True)
        return cls(code, found)

    def text(self, message: str, context: str | None = None) -> str:
        if context is None:
            return self.catalog.gettext(message)
        found = self.catalog.pgettext(context, message)
        return found if found != message else self.catalog.gettext(message)

    def plural(self, singular: str, plural: str, count: int, context: str | None = None) -> str:
        if context is None:
            return self.catalog.ngettext(singular, plural, count)
        return self.catalog.npgettext(context, singular, plural, count)

    def say(self, message: Any) -> str:
        """A message, an error raised with one, or plain text, in this language. Values that
        are messages are said too; anything else (a file name, the reader's own words)
        is written as it is."""
        if isinstance(message, BaseException) and len(message.args) == 1:
            message = message.args[0]
        if not isinstance(message, Message):
            return str(message)
        if message.plural is not None:
            template = self.plural(
                message.template, message.plural, message.count or 0, message.context
            )
        else:
            template = self.text(message.template, message.context)
        return fill(template, message.values, self.say)


class Catalogs:
    """The languages loaded so far; whoever shows sentences holds one."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._loaded: dict[str, Words] = {}

    def words(self, language: str) -> Words:
        if language not in self._loaded:
            self._loaded[language] = Words.load(language, self.folder)
        return self._loaded[language]
