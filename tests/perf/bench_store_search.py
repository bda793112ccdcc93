"""Benchmark: where the time of a search feed never asked before goes, in-process.

    python -m tests.perf.bench_store_search [--issues 5000] [--queries 300]

Builds the same library as ``bench_store`` (the sample plus generated issues) and,
for distinct two-word searches, times each step of ``/opds/search`` without the HTTP
layer: the exact top 30 and count (tantivy), loading the 30 issues (SQLite),
writing their entries, the feed around them, and the ETag and gzip of the body.
Entries are written afresh each time (none shared), then whole feeds are made
with the entries shared between feeds, as the server does. Prints JSON: median and p95 ms of
each step.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bookstore.i18n.words import Words
from bookstore.server.caching.http_cache import Representation
from bookstore.server.catalog.stock import Catalog
from bookstore.server.opds import opds1_documents
from bookstore.server.opds.opds1 import FEED_CONTENT_LIMIT, entry_xml
from bookstore.server.shop.offers import catalog_acquisitions
from tests.perf.bench_store import build_library
from tests.perf.generate import SERIES, IssueGenerator

ENGLISH = Words.load("en")  # the catalog's words in the feeds measured


def _queries(count: int, skip: int) -> list[str]:
    words = list(dict.fromkeys(IssueGenerator(SERIES).words["en"]))[:300]
    pairs = [f"{a} {b}" for a in words for b in words if a < b]
    return pairs[skip : skip + count]


def _summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
    }


def steps(catalog: Catalog, queries: list[str]) -> dict:
    """Each step of a search feed, with every entry written afresh, and the whole
    feed so made (``whole``: the steps plus the feed's frame)."""
    library = catalog.library()
    afresh = Catalog(catalog.root, entry_budget=0)
    names = ("search", "load", "entries", "whole", "etag_gzip")
    times: dict[str, list[float]] = {name: [] for name in names}
    for text in queries:
        started = time.perf_counter()
        ids, _ = library.search_page(text, "relevance", 30, 0)
        searched = time.perf_counter()
        issues = catalog.issues(ids)
        loaded = time.perf_counter()
        for issue in issues:
            entry_xml(
                issue, catalog_acquisitions, ENGLISH, content_limit=FEED_CONTENT_LIMIT
            ).encode()
        written = time.perf_counter()
        body = opds1_documents.search(afresh, text, 1, ENGLISH)
        fed = time.perf_counter()
        Representation(body, "application/atom+xml", 0.0)
        done = time.perf_counter()
        for name, seconds in zip(
            names,
            (searched - started, loaded - searched, written - loaded, fed - written, done - fed),
            strict=True,
        ):
            times[name].append(seconds)
    return {name: _summary(values) for name, values in times.items()}


def shared(catalog: Catalog, queries: list[str]) -> dict:
    """Whole search feeds as the server makes them (entries shared between feeds)."""
    times = []
    for text in queries:
        started = time.perf_counter()
        Representation(
            opds1_documents.search(catalog, text, 1, ENGLISH), "application/atom+xml", 0.0
        )
        times.append(time.perf_counter() - started)
    return {**_summary(times), "entries_held_bytes": catalog.written.bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-store-search-") as folder:
        root = Path(folder) / "library"
        build_library(root, args.issues)
        catalog = Catalog(root)
        opds1_documents.search(catalog, "warm up", 1, ENGLISH)
        report = {
            "issues": args.issues + 27,
            "entries_written_afresh": steps(catalog, _queries(args.queries, 0)),
            "entries_shared": shared(catalog, _queries(args.queries, args.queries)),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
