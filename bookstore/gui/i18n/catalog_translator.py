"""Qt's ``tr()`` answered from our gettext catalogs.

Qt asks every installed translator for (context, source, disambiguation, n); this one
looks the message up in the language's catalog, where the context is the message's
``msgctxt`` (the class the call is written in, ``Class|disambiguation`` when there is
one) and a plural (``n >= 0``) picks its form by gettext's rule for the language. A
message the catalog lacks answers ``None``, so Qt shows the source.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

from bookstore.i18n.words import Words


class CatalogTranslator(QTranslator):
    def __init__(self, words: Words, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not source:
            return None
        key = f"{context}|{disambiguation}" if disambiguation else context
        if n >= 0:
            found = self.words.plural(source, source, n, key)
        else:
            found = self.words.text(source, key)
        return found if found != source or n >= 0 else None

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return self.words.language
