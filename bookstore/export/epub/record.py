"""The catalog record that brings an exported issue back exactly.

It holds what no EPUB metadata does (each issue's series record, number, year,
running number and price), for every issue page, in a JSON file of its own: a
manifest item outside the spine, which reading systems and converters such as
pandoc never show. ``ingest/epub/record.py`` reads it back.
"""

from __future__ import annotations

import json
from typing import Any

from bookstore.catalog_json import series_to_json
from bookstore.export.epub.plan import BookPlan
from bookstore.model import Issue

RECORD_FILE = "bookstore.json"
RECORD_ID = "bookstore-record"
MEDIA_TYPE = "application/json"
FORMAT = 1


def record_file(plan: BookPlan) -> bytes:
    """The record of every issue in the book, keyed by its page's file name."""
    record = {
        "format": FORMAT,
        "pages": {page.file_name: catalog_record(page.issue) for page in plan.pages},
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def catalog_record(issue: Issue) -> dict[str, Any]:
    return {
        "series": series_to_json(issue.series),
        "number": issue.number,
        "year": issue.year,
        "running_number": issue.running_number,
        "price": issue.price.to_json() if issue.price else None,
    }
