"""Authors a catalog joined into one name ("Paweł Grądzki & Joanna Rybińska"), told apart.

calibre's content server writes all of a book's authors as one ``<author>`` joined
with " & " (calibre itself keeps no "&" inside an author's name), so in its feeds the
name is always split. Elsewhere " & " may be part of an organisation's name ("Ernst &
Young", "Centre for Strategic & International Studies"), so a name is split only when
every part reads as a person's name: two to four words, each capitalised, none of
them a word that names an organisation.
"""

from __future__ import annotations

import re

_JOIN = re.compile(r"\s+&\s+")
# Words that make a name an organisation's, in the languages the catalogs use.
_ORGANISATION = frozenset(
    {
        "institute",
        "institut",
        "instytut",
        "институт",
        "centre",
        "center",
        "centrum",
        "центр",
        "university",
        "uniwersytet",
        "университет",
        "foundation",
        "fundacja",
        "фонд",
        "council",
        "rada",
        "совет",
        "association",
        "stowarzyszenie",
        "ассоциация",
        "society",
        "company",
        "co.",
        "co",
        "inc.",
        "inc",
        "ltd.",
        "ltd",
        "llc",
        "gmbh",
        "s.a.",
        "sp.",
        "press",
        "wydawnictwo",
        "издательство",
        "group",
        "grupa",
        "группа",
        "studies",
        "affairs",
        "research",
        "office",
        "ministry",
        "ministerstwo",
        "министерство",
        "agency",
        "agencja",
        "агентство",
        "partners",
        "sons",
        "bank",
    }
)


def split_authors(names: list[str], calibre: bool = False) -> list[str]:
    """``names`` with each joined name split into its authors (see the module's text)."""
    found: list[str] = []
    for name in names:
        parts = [part.strip() for part in _JOIN.split(name) if part.strip()]
        if len(parts) > 1 and (calibre or all(_is_personal(part) for part in parts)):
            found.extend(parts)
        else:
            found.append(name)
    return found


def _is_personal(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and not any(word.lower().strip(",") in _ORGANISATION for word in words)
    )
