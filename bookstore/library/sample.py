"""The sample catalog a new library is filled with (``resources/sample/catalog.json``)."""

from __future__ import annotations

import json

from bookstore.catalog_json import issue_from_json, series_from_json
from bookstore.model import Issue, Series
from bookstore.resource_files import resource_path


def sample_catalog() -> tuple[list[Series], list[Issue]]:
    data = json.loads(resource_path("sample", "catalog.json").read_text(encoding="utf-8"))
    series = [series_from_json(entry) for entry in data["series"]]
    by_slug = {s.slug: s for s in series}
    return series, [issue_from_json(entry, by_slug) for entry in data["issues"]]
