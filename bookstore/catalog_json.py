"""Issues and series as JSON: the shape ``--json`` prints and the sample catalog uses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bookstore.model import Issue, Numbering, Price, Section, Series


def series_to_json(series: Series) -> dict[str, Any]:
    return {
        "slug": series.slug,
        "name": series.name,
        "names": dict(series.names),
        "numbering": series.numbering.value,
        "issn": series.issn,
        "price": series.price.to_json() if series.price else None,
    }


def series_from_json(data: dict[str, Any]) -> Series:
    return Series(
        slug=data["slug"],
        names=dict(data["names"]),
        numbering=Numbering(data.get("numbering", "year")),
        issn=data.get("issn"),
        price=Price.parse(data.get("price")),
    )


def issue_to_json(issue: Issue) -> dict[str, Any]:
    return {
        "id": issue.id,
        "series": {"slug": issue.series.slug, "name": issue.series.name_in(issue.language)},
        "number": issue.number,
        "year": issue.year,
        "running_number": issue.running_number,
        "label": issue.label,
        "title": issue.title,
        "date": issue.date.isoformat(),
        "authors": list(issue.authors),
        "language": issue.language,
        "lead": issue.lead,
        "sections": [
            {"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in issue.sections
        ],
        "topics": list(issue.topics),
        "price": issue.price.to_json() if issue.price else None,
        "source_url": issue.source_url,
        "owned": issue.owned,
        "translations": list(issue.translations),
        "files": [
            {"kind": f.kind, "path": f.path, "sha256": f.sha256, "size": f.size}
            for f in issue.files
        ],
    }


def issue_from_json(data: dict[str, Any], series: dict[str, Series]) -> Issue:
    return Issue(
        series=series[data["series"]],
        number=int(data["number"]),
        year=int(data["year"]),
        running_number=data.get("running_number"),
        title=data["title"],
        date=dt.date.fromisoformat(data["date"]),
        language=data["language"],
        lead=data["lead"],
        sections=tuple(
            Section(s.get("heading"), tuple(s["paragraphs"])) for s in data.get("sections", ())
        ),
        authors=tuple(data.get("authors", ())),
        topics=tuple(data.get("topics", ())),
        price=Price.parse(data.get("price")),
        source_url=data.get("source_url"),
        owned=bool(data.get("owned", False)),
    )
