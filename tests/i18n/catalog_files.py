"""The project's gettext catalogs as the tests read them, and the one check of them."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    forms: tuple[str, ...]  # the translation; a plural message has one text per form
    plural: bool


def entries(language: str) -> list[Entry]:
    with (LOCALE / language / "LC_MESSAGES" / "bookstore.po").open("rb") as source:
        catalog = read_po(source, locale=language)
    found = []
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, tuple)
        text = message.id[0] if plural else message.id
        forms = tuple(message.string) if plural else (message.string,)
        found.append(Entry(message.context or "", text, forms, plural))
    return found


def window_entries(language: str) -> list[Entry]:
    """The window's messages: Qt's, which carry the class they are written in as context."""
    return [entry for entry in entries(language) if entry.context]


def translation_problems() -> list[str]:
    """What ``python packaging/translations.py --check`` reports."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check()
