"""The catalog records of our own EPUBs: what brings each issue back exactly.

Our exporter writes them as a JSON file of its own (``bookstore.json``, a manifest
item outside the spine; see ``export/epub/record.py``); EPUBs it wrote before carry
each record in the ``data-bookstore`` attribute of the issue's ``<article>``, which
``content`` reads. A record that is not in the shape the exporter writes is left
out, and the issue is read from its label instead.
"""

from __future__ import annotations

import json
import posixpath
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from bookstore.ingest.epub.archive import EpubArchive, resolve
from bookstore.ingest.epub.opf import Package

RECORD_FILE = "bookstore.json"
MEDIA_TYPE = "application/json"
MAX_BYTES = 16 * 1024 * 1024
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def page_records(archive: EpubArchive, package: Package) -> dict[str, dict[str, Any]]:
    """Each issue page's record, by the page's name in the archive."""
    item = next(
        (
            item
            for item in package.manifest.values()
            if item.media_type == MEDIA_TYPE and posixpath.basename(item.name) == RECORD_FILE
        ),
        None,
    )
    if item is None or not archive.has(item.name) or archive.size(item.name) > MAX_BYTES:
        return {}
    try:
        data = json.loads(archive.read(item.name))
    except ValueError:
        return {}
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict):
        return {}
    return {
        resolve(item.name, str(href)): record
        for href, value in pages.items()
        if (record := valid_record(value)) is not None
    }


def valid_record(value: Any) -> dict[str, Any] | None:
    """``value`` when it is a record as the exporter writes it, else None."""
    if not isinstance(value, dict):
        return None
    series = value.get("series")
    if not (
        isinstance(series, dict)
        and isinstance(series.get("slug"), str)
        and _is_names(series.get("names"))
        and series.get("numbering", "year") in ("year", "running")
        and isinstance(series.get("issn"), str | None)
        and _is_price(series.get("price"))
    ):
        return None
    if not all(_is_count(value.get(key)) for key in ("number", "year")):
        return None
    running = value.get("running_number")
    if not (running is None or _is_count(running)) or not _is_price(value.get("price")):
        return None
    return value


def _is_names(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items())
    )


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100_000


def _is_price(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, dict) or not _CURRENCY.match(str(value.get("currency", ""))):
        return False
    try:
        amount = Decimal(str(value.get("amount")))
    except InvalidOperation:
        return False
    return amount.is_finite() and 0 <= amount < 1_000_000
