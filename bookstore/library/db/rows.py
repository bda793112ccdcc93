"""Reading and writing issues and series as rows of the library database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bookstore.library.ids import storable
from bookstore.model import FileRef, Issue, Numbering, Price, Section, Series

ISSUE_COLUMNS = (
    "id, series, number, year, running_number, language, title, date, lead, sections, "
    "price_amount, price_currency, source_url, acquired_at"
)


def series_from_row(row: sqlite3.Row | tuple) -> Series:
    slug, names, numbering, issn, amount, currency = row
    price = Price.parse({"amount": amount, "currency": currency}) if amount else None
    return Series(slug, json.loads(names), Numbering(numbering), issn, price)


def series_values(series: Series) -> tuple:
    price = series.price
    return (
        series.slug,
        json.dumps(series.names, ensure_ascii=False, sort_keys=True),
        series.numbering.value,
        series.issn,
        f"{price.amount:.2f}" if price else None,
        price.currency if price else None,
    )


def sections_to_json(sections: Sequence[Section]) -> str:
    return json.dumps(
        [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in sections],
        ensure_ascii=False,
    )


def sections_from_json(text: str) -> tuple[Section, ...]:
    return tuple(Section(s["heading"], tuple(s["paragraphs"])) for s in json.loads(text))


def issue_values(issue: Issue) -> dict:
    price = issue.price
    return {
        "series": issue.series.slug,
        "number": issue.number,
        "year": issue.year,
        "running_number": issue.running_number,
        "language": issue.language,
        "title": issue.title,
        "date": issue.date.isoformat(),
        "lead": issue.lead,
        "sections": sections_to_json(issue.sections),
        "price_amount": f"{price.amount:.2f}" if price else None,
        "price_currency": price.currency if price else None,
        "source_url": issue.source_url,
    }


def load_issues(
    db: sqlite3.Connection, ids: Sequence[int], series: dict[str, Series]
) -> list[Issue]:
    """The issues with these ids, in the order given; unknown ids are left out."""
    if not ids:
        return []
    rows: dict[int, tuple] = {}
    authors: dict[int, list[str]] = defaultdict(list)
    topics: dict[int, list[str]] = defaultdict(list)
    files: dict[int, list[FileRef]] = defaultdict(list)
    translations: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks([i for i in ids if storable(i)], 500):
        marks = ",".join("?" * len(chunk))
        for row in db.execute(f"SELECT {ISSUE_COLUMNS} FROM issue WHERE id IN ({marks})", chunk):
            rows[row[0]] = row
        query = f"SELECT issue_id, name FROM issue_author WHERE issue_id IN ({marks}) ORDER BY issue_id, position"
        for issue_id, name in db.execute(query, chunk):
            authors[issue_id].append(name)
        query = f"SELECT issue_id, topic FROM issue_topic WHERE issue_id IN ({marks}) ORDER BY issue_id, position"
        for issue_id, topic in db.execute(query, chunk):
            topics[issue_id].append(topic)
        query = f"SELECT issue_id, kind, path, sha256, size FROM issue_file WHERE issue_id IN ({marks}) ORDER BY issue_id, kind"
        for issue_id, *file in db.execute(query, chunk):
            files[issue_id].append(FileRef(*file))
        query = (
            "SELECT a.id, b.id FROM issue a JOIN issue b ON a.series = b.series "
            f"AND a.year = b.year AND a.number = b.number AND a.id != b.id WHERE a.id IN ({marks}) "
            "ORDER BY a.id, b.language"
        )
        for issue_id, other in db.execute(query, chunk):
            translations[issue_id].append(other)
    issues = []
    for issue_id in ids:
        row = rows.get(issue_id)
        if row is None:
            continue
        issues.append(
            _issue_from_row(
                row,
                series,
                authors[issue_id],
                topics[issue_id],
                files[issue_id],
                translations[issue_id],
            )
        )
    return issues


def _issue_from_row(
    row: tuple,
    series: dict[str, Series],
    authors: list[str],
    topics: list[str],
    files: list[FileRef],
    translations: list[int],
) -> Issue:
    (issue_id, slug, number, year, running, language, title, date, lead, sections,
     amount, currency, source_url, acquired_at) = row  # fmt: skip
    return Issue(
        id=issue_id,
        series=series[slug],
        number=number,
        year=year,
        running_number=running,
        language=language,
        title=title,
        date=dt.date.fromisoformat(date),
        lead=lead,
        sections=sections_from_json(sections),
        price=Price.parse({"amount": amount, "currency": currency}) if amount else None,
        source_url=source_url,
        owned=acquired_at is not None,
        authors=tuple(authors),
        topics=tuple(topics),
        files=tuple(files),
        translations=tuple(translations),
    )


def write_children(db: sqlite3.Connection, issue_id: int, issue: Issue) -> None:
    """Replace the authors and topics of an issue."""
    db.execute("DELETE FROM issue_author WHERE issue_id = ?", (issue_id,))
    db.execute("DELETE FROM issue_topic WHERE issue_id = ?", (issue_id,))
    db.executemany(
        "INSERT INTO issue_author (issue_id, position, name) VALUES (?, ?, ?)",
        [(issue_id, i, name) for i, name in enumerate(issue.authors)],
    )
    db.executemany(
        "INSERT INTO issue_topic (issue_id, position, topic) VALUES (?, ?, ?)",
        [(issue_id, i, topic) for i, topic in enumerate(issue.topics)],
    )


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
