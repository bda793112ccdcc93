"""A pseudo-translation: every message of the catalogs written as ⟪its English⟫.

Shown in place of Polish or Russian, it leaves each translated message marked, so that
what reaches the reader unmarked (words never put through the catalogs) stands out.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from tests.i18n.catalog_files import entries

OPEN, CLOSE = "⟪", "⟫"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def write_pseudo_catalogs(folder: Path, languages: tuple[str, ...] = ("pl", "ru")) -> Path:
    """Pseudo catalogs for ``languages`` under ``folder`` (for BOOKSTORE_LOCALE_DIR)."""
    for language in languages:
        catalog = Catalog(locale=language, domain="bookstore")
        for entry in entries(language):
            marked = f"{OPEN}{entry.source}{CLOSE}"
            if entry.plural:
                catalog.add(
                    (entry.source, entry.source), (marked,) * 3, context=entry.context or None
                )
            else:
                catalog.add(entry.source, marked, context=entry.context or None)
        target = folder / language / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / "bookstore.mo").open("wb") as out:
            write_mo(out, catalog)
    return folder


def unmarked(text: str) -> str:
    """``text`` without its marked messages (messages inside messages too)."""
    while True:
        stripped = MARKED.sub(" ", text)
        if stripped == text:
            return stripped
        text = stripped


def english_words() -> set[str]:
    """The words our English messages are made of: what must not reach a reader unmarked."""
    words: set[str] = set()
    for entry in entries("pl"):
        source = re.sub(r"\{\w+\}|%\(\w+\)s|%\w|<[^>]+>", " ", entry.source)
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", source))
    return words
