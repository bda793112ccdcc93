"""Keep every translation up to date: ``python packaging/translations.py``.

One command for the whole project (the core, the command line, the server, the
storefront's templates and the window):

1. collects every message of ``bookstore/`` (``bookstore/i18n/extraction.py`` says how);
2. updates ``resources/locale/<language>/LC_MESSAGES/bookstore.po`` for ``pl`` and ``ru``
   (translations already made are kept; new messages come in empty, never guessed), and
   for ``en`` the window's plural forms ("%n issue(s)": "1 issue", "2 issues");
3. compiles each to the ``.mo`` file that Bookstore loads.

Translators fill the ``.po`` files in with any gettext editor (Poedit, Lokalize) or a
text editor. ``--check`` changes nothing and lists every message that is missing,
untranslated or fuzzy, and every ``.mo`` that is stale; the tests run it.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bookstore.i18n.extraction import collect  # noqa: E402

FOLDER = ROOT / "resources" / "locale"
DOMAIN = "bookstore"
TRANSLATED = ("pl", "ru")
# English is the source language: its catalog holds only the window's plural forms.
LANGUAGES = ("en", *TRANSLATED)


def po_path(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def template() -> Catalog:
    return collect(ROOT)


def for_language(language: str, messages: Catalog) -> Catalog:
    if language != "en":
        return messages
    english = Catalog(project="Bookstore", charset="utf-8")
    for message in messages:
        # Qt's plurals are one text with %n ("%n issue(s)"): English needs its forms too.
        if message.pluralizable and message.id[0] == message.id[1] and "%n" in message.id[0]:
            english.add(message.id, context=message.context, locations=message.locations)
    return english


def updated(language: str, messages: Catalog) -> Catalog:
    path = po_path(language)
    if path.exists():
        with path.open("rb") as source:
            catalog = read_po(source, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="Bookstore", charset="utf-8")
    created = catalog.creation_date  # kept, so an unchanged catalog is written unchanged
    catalog.update(for_language(language, messages), no_fuzzy_matching=True)
    catalog.creation_date = created
    return catalog


def written_po(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True,
             ignore_obsolete=True, include_previous=False)  # fmt: skip
    return out.getvalue()


def written_mo(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def problems(language: str, catalog: Catalog) -> list[str]:
    found = []
    for message in catalog:
        if not message.id:
            continue
        name = f"{language}: {message.context + ': ' if message.context else ''}{message.id}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"{name}: fuzzy")
        elif not all(strings):
            found.append(f"{name}: not translated")
    return found


def check() -> list[str]:
    """What is missing, untranslated, fuzzy or stale, one line each (nothing when all is well)."""
    messages = template()
    found: list[str] = []
    for language in LANGUAGES:
        catalog = updated(language, messages)
        found += problems(language, catalog)
        path = po_path(language)
        if not path.exists() or path.read_bytes() != written_po(catalog):
            found.append(f"{path.relative_to(ROOT)}: out of date with the sources")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != written_mo(catalog):
            found.append(f"{mo.relative_to(ROOT)}: not compiled from its .po")
    return found


def update() -> None:
    messages = template()
    for language in LANGUAGES:
        catalog = updated(language, messages)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(written_po(catalog))
        path.with_suffix(".mo").write_bytes(written_mo(catalog))
        left = problems(language, catalog)
        if left:
            print(f"{path.relative_to(ROOT)}: {len(left)} messages to translate")


if __name__ == "__main__":
    if "--check" in sys.argv:
        report = check()
        print("\n".join(report) or "every message is translated and compiled")
        raise SystemExit(1 if report else 0)
    update()
