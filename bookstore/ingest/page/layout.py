"""Reading an issue out of a publisher page's lines of text.

Both saved text and HTML (after ``html`` has turned it into lines) come here.
The page's own structure anchors everything: the number line ("no. 2/2019") and the
date line ("11 January 2019") form the header; the title is the line that names the
series before it; authors stand between them; the lead and the sections follow.
Everything else (navigation, font buttons, social links, footers) is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bookstore.i18n.messages import say
from bookstore.ingest.lines import Line
from bookstore.ingest.page.header_fields import shares_a_line, split_shared
from bookstore.ingest.words import vocabulary as words
from bookstore.ingest.words.dates import find_date
from bookstore.ingest.words.series_names import SeriesNames, name_in_label
from bookstore.library.safe_names import language_from
from bookstore.library.search.folding import fold
from bookstore.model import Issue, Numbering, Section, Series

_TERMINAL = tuple(".!?…\"”»)’'")
_BULLET = re.compile(r"^[\s•·\-–*]+")
_URL = re.compile(r"^https?://\S+$")


class LayoutError(ValueError):
    """The lines do not hold an issue; the message is the reason, for the user."""


@dataclass
class PageHints:
    """What an HTML page says about itself outside its text."""

    title: str | None = None
    language: str | None = None
    source_url: str | None = None
    authors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    date: dt.date | None = None
    series: str | None = None  # the series' name, as the page's metadata gives it
    number: str | None = None  # "31", "no. 31 (1277)", "2/2019"
    class_authors: list[str] = field(default_factory=list)  # names in author elements
    lead: list[str] = field(default_factory=list)  # the paragraphs of the element marked lead


def read_issue(
    lines: list[Line], series_names: SeriesNames, hints: PageHints | None = None
) -> Issue:
    hints = hints or PageHints()
    lines = [Line(_BULLET.sub("", line.text).strip(), line.heading) for line in lines]
    lines = _one_field_a_line([line for line in lines if line.text])
    number_at = _find(lines, lambda text: words.NUMBER_LINE.match(text) is not None)
    date_at = _find(lines, _is_date)
    if date_at is not None:
        date, date_language = _parse_date(lines[date_at].text)
    elif hints.date is not None:
        date, date_language = hints.date, None
    else:
        raise LayoutError(
            say("not an issue page: it has no publication date such as “11 January 2019”")
        )
    number = (
        words.NUMBER_LINE.match(lines[number_at].text)
        if number_at is not None
        else _hinted_number(hints, date)
    )
    if number is None:
        raise LayoutError(say("not an issue page: it has no issue number such as “no. 2/2019”"))
    anchors = [i for i in (number_at, date_at) if i is not None]
    if len(anchors) < 2:
        anchors.append(_title_at(lines, hints))
    header_start, header_end = min(anchors), max(anchors)

    language = (
        language_from(hints.language)
        or date_language
        or words.NUMBER_WORDS.get(number["word"].lower(), "en")
    )
    series, title = _title_and_series(
        lines[:header_start], number, series_names, hints, lines[header_start:header_end], language
    )
    between = [
        line
        for line in lines[header_start + 1 : header_end]
        if not _is_header_noise(line.text, title, series_names)
    ]
    authors = hints.authors or _authors([Line(t) for t in hints.class_authors]) or _authors(between)
    body_start = header_end + 1
    if not authors:
        authors, body_start = _authors_after(lines, body_start)
    if not authors and header_start > 0:
        before = lines[header_start - 1].text
        if _looks_like_names(before) and not _is_header_noise(before, title, series_names):
            authors = _authors([lines[header_start - 1]])

    topics, source_url, body = _sort_body(lines[body_start:])
    body = [line for line in body if not _repeats_title(line, title)]
    if not body and not hints.lead:
        raise LayoutError(say("is truncated: the page ends before the issue's text"))
    last = body[-1].text if body else hints.lead[-1]
    if not last.endswith(_TERMINAL):
        raise LayoutError(
            say("is truncated: the text stops mid-sentence at “…{text}”", text=last[-40:])
        )
    lead, sections = _lead_and_sections(body, hints.lead)

    year = int(number["year"]) if number["year"] else date.year
    return Issue(
        series=series,
        number=int(number["number"]),
        year=year,
        running_number=int(number["running"]) if number["running"] else None,
        title=title,
        date=date,
        language=language,
        lead=lead,
        sections=sections,
        authors=tuple(authors),
        topics=tuple(hints.topics or topics),
        price=series.price,
        source_url=hints.source_url or source_url,
        owned=True,
    )


def _find(lines: list[Line], test) -> int | None:
    return next((i for i, line in enumerate(lines) if test(line.text)), None)


def _is_date(text: str) -> bool:
    """A line that is a date and nothing else ("11 January 2019", "2019-01-11")."""
    found = find_date(text)
    return found is not None and found[2].group(0).strip() == text.strip()


def _parse_date(text: str) -> tuple[dt.date, str | None]:
    found = find_date(text)
    assert found is not None
    return found[0], found[1]


def _title_and_series(
    before: list[Line],
    number: re.Match[str],
    names: SeriesNames,
    hints: PageHints,
    header: list[Line],
    language: str,
) -> tuple[Series, str]:
    """The title is the last line before the header that starts with a series name
    (the page's heading), else the page's own title hint. A series the library does
    not know is made from the name the label or the page's metadata gives it."""
    candidates = [hints.title] if hints.title else []
    candidates += [line.text for line in reversed(before) if " > " not in line.text]
    headed = _series_heading(candidates, names)
    if headed is not None:
        return headed
    series = _known_series(before, number["prefix"], names, hints, header)
    if series is None:
        series = _series_from_label(before, number, names, hints, candidates, language)
        headed = _series_heading(candidates, names)  # "New Series: title"
        if headed is not None:
            return headed
    title = hints.title or next((t for t in candidates if not _is_chrome(t)), None)
    if not title:
        raise LayoutError(say("unknown layout: the page has no title"))
    return series, title


def _series_heading(candidates: list[str], names: SeriesNames) -> tuple[Series, str] | None:
    """The series and title of the first line that reads "Series: title"."""
    for text in candidates:
        found = names.at_start(text)
        if found and found[1].lstrip().startswith(":"):
            return found[0], found[1].lstrip()[1:].strip()
    return None


def _known_series(
    before: list[Line], number_prefix: str, names: SeriesNames, hints: PageHints, header: list[Line]
) -> Series | None:
    series = names.anywhere(number_prefix) if number_prefix.strip() else None
    series = series or next((s for line in before if (s := names.anywhere(line.text))), None)
    series = series or (names.anywhere(hints.series) if hints.series else None)
    return series or next((s for line in header if (s := names.at_start(line.text))), (None,))[0]


def _series_from_label(
    before: list[Line],
    number: re.Match[str],
    names: SeriesNames,
    hints: PageHints,
    candidates: list[str],
    language: str,
) -> Series:
    """A series the library does not know, named by the label ("Baltic Monitor
    no. 3/2021"), the page's metadata (isPartOf, citation_series_title, class
    "series"), or a heading "Name: title" whose name the breadcrumb also gives."""
    crumbs = {
        fold(crumb.strip())
        for line in before
        if " > " in line.text
        for crumb in line.text.split(" > ")
    }
    headed = [
        text.split(":", 1)[0]
        for text in candidates
        if ":" in text
        and {fold(text.split(":", 1)[0].strip()), fold(text.split(":", 1)[0].strip()) + "s"}
        & crumbs
    ]
    for text in [number["prefix"], hints.series or "", *headed]:
        name = name_in_label(text)
        if name is not None:
            numbering = Numbering.RUNNING if number["running"] else Numbering.YEAR
            return names.make(name, language, numbering)
    raise LayoutError(say("unknown layout: the page names no series this library knows"))


def _one_field_a_line(lines: list[Line]) -> list[Line]:
    """Header fields sharing a line get lines of their own."""
    pieces = split_shared([line.text for line in lines], _is_one_field)
    return [
        Line(text, line.heading)
        for line, texts in zip(lines, pieces, strict=True)
        for text in texts
    ]


def _is_one_field(text: str) -> bool:
    """A date line, or a number line whose prefix holds nothing but the series."""
    if _is_date(text):
        return True
    number = words.NUMBER_LINE.match(text)
    return number is not None and not shares_a_line(number["prefix"])


def _hinted_number(hints: PageHints, date: dt.date) -> re.Match[str] | None:
    """The number the page's metadata gives, as a number line would print it."""
    if not hints.number:
        return None
    number = hints.number.strip()
    prefix = f"{hints.series} " if hints.series else ""
    if not re.match(r"^(no\.?|nr\.?|№)", number, re.IGNORECASE):
        number = f"no. {number}"
    return words.NUMBER_LINE.match(f"{prefix}{number}") or words.NUMBER_LINE.match(
        f"{prefix}{number}/{date.year}"
    )


def _title_at(lines: list[Line], hints: PageHints) -> int:
    """Where the title stands: the header starts there when the text lacks a field."""
    folded = fold(hints.title or "")
    return next(
        (i for i, line in enumerate(lines) if folded and fold(line.text).endswith(folded)), 0
    )


def _is_header_noise(text: str, title: str, names: SeriesNames) -> bool:
    """A line inside the header that is not a name: the title, or a series' name alone."""
    found = names.at_start(text)
    return fold(text) == fold(title) or (found is not None and not found[1].strip(" :"))


def _authors(lines: list[Line]) -> list[str]:
    names: list[str] = []
    for line in lines:
        if _is_chrome(line.text):
            continue
        names += [name for name in words.AUTHOR_SEPARATORS.split(line.text) if name]
    return names


def _looks_like_names(text: str) -> bool:
    parts = words.AUTHOR_SEPARATORS.split(text)
    return all(
        0 < len(part.split()) <= 4 and all(word[:1].isupper() for word in part.split())
        for part in parts
    ) and not text.endswith(_TERMINAL)


def _authors_after(lines: list[Line], start: int) -> tuple[list[str], int]:
    """Authors printed after the header instead of inside it."""
    names: list[str] = []
    while start < len(lines) and _looks_like_names(lines[start].text) and not lines[start].heading:
        names += [n for n in words.AUTHOR_SEPARATORS.split(lines[start].text) if n]
        start += 1
    return names, start


def _sort_body(lines: list[Line]) -> tuple[list[str], str | None, list[Line]]:
    """Split the lines after the header into topics, a source address and the text."""
    topics: list[str] = []
    source_url = None
    body: list[Line] = []
    for line in lines:
        label, _, value = line.text.partition(":")
        folded_label = fold(label.strip())
        if value.strip() and folded_label in _TOPIC_LABELS:
            topics += [t.strip() for t in re.split(r"[,;]", value) if t.strip()]
        elif folded_label in _SOURCE_LABELS and _URL.match(value.strip()):
            source_url = value.strip()
        elif _URL.match(line.text):
            source_url = source_url or line.text
        elif not _is_chrome(line.text):
            body.append(line)
    while body and _is_footer(body[-1]):
        body.pop()
    return topics, source_url, body


def _is_chrome(text: str) -> bool:
    folded = fold(text.strip())
    return folded in _CHROME or folded.startswith(_CHROME_PREFIXES) or " > " in text


_CHROME = {fold(line) for line in words.CHROME_LINES}
_TOPIC_LABELS = {fold(label) for label in words.TOPIC_LABELS}
_SOURCE_LABELS = {fold(label) for label in words.SOURCE_LABELS}
_CHROME_PREFIXES = tuple(fold(prefix) for prefix in words.CHROME_PREFIXES)


def _is_footer(line: Line) -> bool:
    return len(line.text) < 60 and not line.text.endswith(_TERMINAL)


def _is_heading(lines: list[Line], i: int) -> bool:
    line, text = lines[i], lines[i].text
    if line.heading or (text.endswith("?") and len(text) <= 250):
        return True
    return i + 1 < len(lines) and (
        len(text) <= 120
        and not text.endswith((*_TERMINAL, ":", ";", ","))
        and len(lines[i + 1].text) > len(text)
    )


def echoes_title(text: str, title: str) -> bool:
    """A line that is the title, or the title cut short ("Water Security in Central…"):
    never the issue's text."""
    line, whole = fold(text).rstrip(" .…"), fold(title).rstrip(" .…")
    if not line or not whole:
        return False
    return line == whole or (len(line.split()) >= 3 and whole.startswith(line))


def _repeats_title(line: Line, title: str) -> bool:
    """A line of the body that only repeats the title; a section's heading may begin
    as the title does."""
    if line.heading:
        return fold(line.text) == fold(title)
    return echoes_title(line.text, title)


def _lead_and_sections(body: list[Line], marked: list[str]) -> tuple[str, tuple[Section, ...]]:
    """The lead (the page's marked one, else the first paragraph before any heading)
    and the sections under their headings."""
    lead = "\n\n".join(marked)
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for i, line in enumerate(body):
        if _is_heading(body, i):
            if paragraphs or heading:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = line.text, []
        elif not lead and heading is None and not sections:
            lead = line.text
        else:
            paragraphs.append(line.text)
    if heading and not paragraphs:
        raise LayoutError(
            say("is truncated: the page ends after the heading “{heading}”", heading=heading)
        )
    if paragraphs or heading:
        sections.append(Section(heading, tuple(paragraphs)))
    if not lead:
        raise LayoutError(say("unknown layout: the issue has no lead paragraph"))
    return lead, tuple(sections)
