"""Printing issues for people (text) and for programs (JSON)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from typing import Any, TextIO

from bookstore.catalog_json import issue_to_json, series_to_json
from bookstore.i18n.languages import cldr_locale
from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Words
from bookstore.library.library import SearchHit
from bookstore.model import Issue, Price, Series

# Escape sequences (CSI, OSC and the like), other control characters, and the bidi
# controls that reorder what a terminal shows.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, one_line: bool = True) -> str:
    """What a store or a feed said, safe to print on a terminal: escape sequences and
    control characters removed (line breaks and tabs become spaces on one line)."""
    text = _ESCAPES.sub("", str(text))
    if one_line:
        text = " ".join(text.split())  # line breaks, tabs and CR become single spaces
    return _CONTROLS.sub("", text)


def print_json(data: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def snippet_html(snippet: str) -> str:
    """The snippet as an HTML fragment with its hits in <mark>."""
    import html  # only for JSON: it reads the table of every HTML entity

    escaped = html.escape(snippet, quote=False)
    return escaped.replace("\x02", "<mark>").replace("\x03", "</mark>")


def snippet_text(snippet: str, out: TextIO) -> str:
    if out.isatty():
        return snippet.replace("\x02", "\x1b[1m").replace("\x03", "\x1b[0m")
    return snippet.replace("\x02", "[").replace("\x03", "]")


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    return {**issue_to_json(hit.issue), "snippet": snippet_html(hit.snippet)}


def price_text(price: Price | None, words: Words, free: bool = False) -> str:
    """A price as CLDR writes it in the shell's language, or "free"; a currency a store
    sent is made safe to print first (the price keeps its no-break space)."""
    from bookstore.prices import written_price

    if free or price is None:
        return words.text(N_("free"))
    return written_price(price.amount, printable(price.currency), cldr_locale(words.language))


def date_text(date: dt.date, words: Words) -> str:
    """A date as CLDR writes it in the shell's language: "2 March 2019", "2 marca 2019"."""
    from babel.dates import format_date

    return format_date(date, "long", locale=cldr_locale(words.language))


def number_text(number: float, words: Words, pattern: str | None = None) -> str:
    """A number as CLDR writes it in the shell's language: "12,345", "12 345"
    (``pattern``: a CLDR number pattern such as ``0.0``)."""
    from babel.numbers import format_decimal

    return format_decimal(number, format=pattern, locale=cldr_locale(words.language))


def bytes_text(size: int, words: Words) -> str:
    """ "1 byte", "12,345 bytes" ("12 345 bajtów")."""
    sentence = say_plural("{size} byte", "{size} bytes", size, size=number_text(size, words))
    return words.say(sentence)


def issue_line(issue: Issue, words: Words) -> str:
    """One issue on one line; the date stays ISO there, a column that sorts as it reads."""
    owned = (
        words.text(N_("owned")) if issue.owned else price_text(issue.price, words, issue.is_free)
    )
    return (
        f"{issue.id:>6}  {issue.date.isoformat()}  {issue.language}  "
        f"{printable(issue.label)}: {printable(issue.title)}  [{owned}]"
    )


def print_issues(issues: list[Issue], words: Words, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for issue in issues:
        out.write(issue_line(issue, words) + "\n")


def print_hits(hits: list[SearchHit], words: Words, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for hit in hits:
        out.write(issue_line(hit.issue, words) + "\n")
        if hit.snippet:
            out.write("        " + snippet_text(hit.snippet, out) + "\n")


def print_issue(issue: Issue, words: Words, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    authors = ", ".join(issue.authors) or words.text(N_("no author"))
    lines = [
        issue.label,
        issue.title,
        f"{date_text(issue.date, words)} · {authors} · {issue.language}",
    ]
    if issue.topics:
        lines.append(words.say(say("Topics: {topics}", topics=", ".join(issue.topics))))
    if issue.source_url:
        lines.append(issue.source_url)
    lines += ["", issue.lead]
    for section in issue.sections:
        lines.append("")
        if section.heading:
            lines += [section.heading, ""]
        lines.append("\n\n".join(section.paragraphs))
    out.write(printable("\n".join(lines), one_line=False) + "\n")


def print_series(
    series: list[Series], counts: dict[str, int], words: Words, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    for entry in series:
        price = price_text(entry.price, words)
        issn = f"ISSN {entry.issn}" if entry.issn else ""
        count = counts.get(entry.slug, 0)
        issues = words.say(say_plural("{count} issue", "{count} issues", count))
        name = entry.name_in(words.language)
        out.write(f"{entry.slug:<16} {name:<24} {issues:>13}  {price:<10} {issn}\n")


def series_json(series: list[Series], counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{**series_to_json(s), "issues": counts.get(s.slug, 0)} for s in series]
