"""Words the publisher's pages use in English, Polish and Russian."""

from __future__ import annotations

import re

# Month names as dates print them (Polish and Russian in the genitive).
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
}  # fmt: skip

NUMBER_WORDS = {"no.": "en", "no": "en", "nr": "pl", "nr.": "pl", "№": "ru"}

# "no. 2/2019", "nr 2/2019", "№ 2/2019", "no. 26 (1272)", possibly after the series name.
NUMBER_LINE = re.compile(
    r"^(?P<prefix>(?:.*\s)?)(?P<word>no\.?|nr\.?|№)\s*(?P<number>\d{1,4})\s*"
    r"(?:/\s*(?P<year>\d{4})|\(\s*(?P<running>\d{1,6})\s*\))\s*$",
    re.IGNORECASE,
)

_MONTH_ALTERNATIVES = "|".join(name for names in MONTHS.values() for name in names)
DATE_LINE = re.compile(
    rf"^(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALTERNATIVES})\s+(?P<year>\d{{4}})(?:\s*(?:r\.|г\.?|года))?$",
    re.IGNORECASE,
)
ISO_DATE_LINE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")

# Labels that introduce a page's topics or source address.
TOPIC_LABELS = (
    "topics",
    "tags",
    "keywords",
    "tematy",
    "tagi",
    "słowa kluczowe",
    "темы",
    "теги",
    "ключевые слова",
)
SOURCE_LABELS = ("source", "url", "źródło", "источник")

# Lines of the website's chrome, compared after folding case.
CHROME_LINES = {
    "font lower", "font default", "font bigger", "czcionka mniejsza", "czcionka domyślna",
    "czcionka większa", "шрифт меньше", "шрифт по умолчанию", "шрифт больше",
    "version of the website for the visually impaired", "mobile version", "e-bookstore", "rss",
    "wersja dla słabowidzących", "wersja mobilna", "e-księgarnia", "версия для слабовидящих",
    "мобильная версия", "print", "drukuj", "печать", "share", "udostępnij", "поделиться",
    "back", "powrót", "назад", "pism polish version", "pism english version",
    "пимд российская версия", "home", "strona główna", "главная",
}  # fmt: skip
CHROME_PREFIXES = ("follow us on", "watch us on", "obserwuj nas", "śledź nas", "подписывайтесь",
                   "©", "copyright", "all rights reserved", "wszelkie prawa")  # fmt: skip

AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|\bi\b|\bи\b|&)\s*")

# Words of class names that say which field an element holds, as themes name them
# ("pub-authors", "article__lead", "entry-summary", "post-author", "byline"), and
# words that make it something else (the author's photo, the date of a change).
CLASS_FIELDS: dict[str, frozenset[str]] = {
    "author": frozenset({"author", "authors", "byline", "contributor", "contributors", "creator",
                         "creators", "writer", "writers", "autor", "autorzy", "createdby"}),
    "lead": frozenset({"lead", "lede", "standfirst", "summary", "excerpt", "intro", "abstract",
                       "dek"}),
    "date": frozenset({"date", "published", "pubdate"}),
    "series": frozenset({"series"}),
    "number": frozenset({"number", "numer", "nr"}),
}  # fmt: skip
CLASS_NOT_FIELDS: dict[str, frozenset[str]] = {
    "author": frozenset({"bio", "biography", "avatar", "photo", "image", "img", "picture",
                         "description", "about", "count"}),
    "lead": frozenset({"image", "img", "photo", "picture", "media", "caption"}),
    "date": frozenset({"updated", "modified", "edited", "update"}),
    "number": frozenset({"page", "phone", "tel", "fax", "account"}),
}  # fmt: skip

# Words of class names and ids of the site's parts that page/html.py's markers (matched
# inside names, as "menu" in "mainmenu") would match too widely ("comment" in
# "commentary").
CHROME_WORDS = frozenset({"comments", "comment", "respond", "related", "relatedposts",
                          "newsletter", "subscribe", "subscription"})  # fmt: skip

# What a byline says before the names ("By", "Autorzy:", "Автор:"), and such a word
# standing alone as a label.
BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|posted)\s+by|by|authors?|autor(?:zy|ka)?|napisane\s+przez|"
    r"авторы?|текст|text|tekst)\s*:?\s+",
    re.IGNORECASE,
)
BYLINE_LABELS = ("by", "author", "authors", "autor", "autorzy", "autorka", "автор", "авторы",
                 "written by", "napisane przez")  # fmt: skip
