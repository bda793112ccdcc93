"""The publisher's series, which every new library knows, and the sample catalog a
new library may be filled with (both in ``resources/sample/catalog.json``)."""

from __future__ import annotations

import json

from bookstore.catalog_json import issue_from_json, series_from_json
from bookstore.model import Issue, Series
from bookstore.resource_files import resource_path


def publisher_series() -> list[Series]:
    """The institute's series (names in each language, numbering, prices), without issues."""
    return [series_from_json(entry) for entry in _catalog()["series"]]


def sample_catalog() -> tuple[list[Series], list[Issue]]:
    data = _catalog()
    series = [series_from_json(entry) for entry in data["series"]]
    by_slug = {s.slug: s for s in series}
    return series, [issue_from_json(entry, by_slug) for entry in data["issues"]]


def _catalog() -> dict:
    return json.loads(resource_path("sample", "catalog.json").read_text(encoding="utf-8"))
