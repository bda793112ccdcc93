"""The languages Bookstore speaks, the CLDR locale of each, and how a reader's is found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LANGUAGES = ("en", "pl", "ru")
# English is the language the messages are written in.
SOURCE = "en"
# The CLDR locale each language writes its dates, numbers and prices by.
CLDR_LOCALES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}
# The variables gettext reads, strongest first (LANGUAGE may list several languages).
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def known(tag: str | None) -> str | None:
    """Our language code for a tag such as ``pl``, ``pl_PL.UTF-8`` or ``ru-RU``."""
    if not tag:
        return None
    code = tag.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    return code if code in LANGUAGES else None


def cldr_locale(language: str) -> Locale:
    from babel import Locale  # CLDR's data is read only by what writes dates and numbers

    return Locale.parse(CLDR_LOCALES.get(language, CLDR_LOCALES[SOURCE]))


def from_environment(environ: Mapping[str, str]) -> str:
    """The language the shell asks for, as gettext reads it; English when none we speak."""
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith("C."):
            return SOURCE
        for tag in value.split(":"):
            code = known(tag)
            if code:
                return code
        if name != "LANGUAGE":
            return SOURCE
    return SOURCE


def negotiate(accept_language: str, default: str = SOURCE) -> str:
    """The best of our languages for an ``Accept-Language`` header (RFC 9110 weights)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:40]):
        tag, _, parameters = part.partition(";")
        weight = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                continue
        code = known(tag)
        if code and 0 < weight <= 1:
            ranked.append((-weight, position, code))
    return min(ranked)[2] if ranked else default


def own_name(language: str) -> str:
    """A language named in itself, for a language switch: "Polski", "Русский"."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def language_name(code: str, language: str) -> str:
    """The name of language ``code`` written in ``language``: "Polish", "polski"."""
    return cldr_locale(language).languages.get(code, code)
