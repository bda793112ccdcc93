"""An issue page's Highwire ``citation_*`` meta tags, written from the issue's CSL
record (the one every citation format comes from): what Google Scholar indexes and
what Zotero's browser connector (its Embedded Metadata translator) saves.

Both read tags in the page's ``<head>``, one ``citation_author`` per author in order,
dates as ``YYYY/MM/DD``; a ``citation_technical_report_institution`` makes the
record a report for Zotero, and its ``citation_keywords`` are split at semicolons
only, so each topic has a tag of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def author(name: dict[str, str]) -> str:
    """ "Family, Given": the order both readers take without guessing."""
    return name.get("literal") or f"{name['family']}, {name['given']}"


def slashed(parts: dict[str, Any]) -> str:
    year, month, day = parts["date-parts"][0]
    return f"{year:04d}/{month:02d}/{day:02d}"


def highwire_tags(
    item: dict[str, Any],
    page_url: str,
    readable: bool,
    pdf_url: str | None = None,
    keywords: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """The (name, content) pairs for ``item``; ``readable`` says whether the page
    shows the whole text (else only its lead); ``pdf_url`` only where the visitor
    may download the PDF."""
    date = slashed(item["issued"])
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", author(name)) for name in item.get("author", [])]
    tags += [
        ("citation_publication_date", date),
        ("citation_date", date),
        ("citation_publisher", item["publisher"]),
        ("citation_technical_report_institution", item["publisher"]),
        ("citation_technical_report_number", item["number"]),
        ("citation_series_title", item["collection-title"]),
        ("citation_language", item["language"]),
    ]
    if "ISSN" in item:
        tags.append(("citation_issn", item["ISSN"]))
    if "abstract" in item:
        tags.append(("citation_abstract", item["abstract"]))
    tags += [("citation_keywords", word.replace(";", ",")) for word in keywords if word.strip()]
    page = "citation_fulltext_html_url" if readable else "citation_abstract_html_url"
    tags.append((page, page_url))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return [(name, " ".join(value.split())) for name, value in tags]
