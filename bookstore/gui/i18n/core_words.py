"""The core's sentences (errors, import reasons) in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from bookstore.i18n.words import Words


def window_words() -> Words:
    """The words of the window's language, which ``Translations.apply`` makes Qt's default
    locale; loaded each time (a few milliseconds), so hold it for a batch of sentences."""
    return Words.load(QLocale().name().split("_")[0])


def said(message: object) -> str:
    """A message, or an error raised with one, in the window's language."""
    return window_words().say(message)
