"""Benchmark: import rate, search latency, database size and memory at 100,000 issues.

    python -m tests.perf.bench_library [--issues 100000] [--folder DIR] [--reuse]

Prints one JSON object. Building the library takes a few minutes; --reuse keeps a
library built before in --folder.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bookstore.ingest.batch import import_paths
from bookstore.library.library import Library
from tests.perf.generate import SERIES, IssueGenerator, page_text

PAGES_PER_CHECKPOINT = 500


def _write_pages(generator: IssueGenerator, first: int, count: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        (folder / f"page-{n}.txt").write_text(page_text(generator.issue(n)), encoding="utf-8")


def _import_rate(library: Library, generator: IssueGenerator, first: int) -> float:
    """Pages per second through the real importer (parse, save, keep the original)."""
    with tempfile.TemporaryDirectory() as folder:
        _write_pages(generator, first, PAGES_PER_CHECKPOINT, Path(folder))
        started = time.perf_counter()
        report = import_paths(library, [Path(folder)])
        elapsed = time.perf_counter() - started
    assert report.failed == 0, report.outcomes[:3]
    return PAGES_PER_CHECKPOINT / elapsed


def build(folder: Path, count: int) -> dict[str, float]:
    """Fill a new library with ``count`` issues, measuring the import rate as it grows."""
    shutil.rmtree(folder, ignore_errors=True)
    generator = IssueGenerator(SERIES)
    # Pages imported at checkpoints get numbers far from the bulk-saved issues.
    page_generator = IssueGenerator(SERIES, seed=7)
    rates: dict[str, float] = {}
    checkpoints = [0, count // 4, count // 2, 3 * count // 4, count]
    with Library.open(folder, with_sample=False) as library:
        with library.transaction():
            for series in SERIES:
                library.put_series(series)
        saved = 0
        for index, checkpoint in enumerate(checkpoints):
            with library.transaction():
                for n in range(saved, checkpoint):
                    library.save(generator.issue(n))
            saved = checkpoint
            first_page = 200_000 + index * PAGES_PER_CHECKPOINT
            rates[str(library.count())] = round(
                _import_rate(library, page_generator, first_page), 1
            )
    return rates


def _queries() -> dict[str, list[str]]:
    generator = IssueGenerator(SERIES)
    en = generator.words["en"]
    pl = generator.words["pl"]
    sample = generator.issue(123)
    phrase_words = sample.sections[0].paragraphs[0].split()[3:5]
    return {
        "common word": [en[0], en[1], pl[0], en[3]],
        "mid word": [en[60], en[120], pl[80], generator.words["ru"][40]],
        "rare word": [en[2500], pl[3000], en[3500]],
        "prefix": [en[60][:4] + "*", en[200][:3] + "*", pl[100][:4] + "*"],
        "phrase": ['"' + " ".join(phrase_words) + '"', f'"{en[0]} {en[1]}"'],
        "field filter": ["series:spotlight year:2010", "lang:pl owned:yes", f"author:{sample.authors[0].split()[-1]}"],
        "combination": [
            f"{en[60]} series:bulletin",
            f"({en[120]} OR {en[200]}) -{en[0]}",
            f"{en[5]} year:2000..2005 lang:en",
            f'{en[60][:4]}* "{en[0]} {en[1]}"',
        ],
    }  # fmt: skip


def _time(call, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def search_latency(library: Library, repeat: int = 15) -> dict:
    figures: dict = {"by_kind_median_ms": {}}
    all_full, all_ranked = [], []
    for kind, queries in _queries().items():
        kind_times = []
        for query in queries:
            library.search(query)  # warm the page cache once
            full = _time(lambda q=query: library.search(q, limit=50), repeat)
            ranked = _time(lambda q=query: library.search_ids(q, "relevance", 50), repeat)
            kind_times += full
            all_full += full
            all_ranked += ranked
        figures["by_kind_median_ms"][kind] = round(statistics.median(kind_times), 2)
    figures["search_ms"] = _summary(all_full)
    figures["ranking_only_ms"] = _summary(all_ranked)
    figures["note"] = "search_ms: ranked by relevance, LIMIT 50, issues loaded and snippets made"
    return figures


def _summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "max": round(ordered[-1], 2),
        "samples": len(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=100_000)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "bookstore-perf"
    )
    parser.add_argument("--reuse", action="store_true", help="keep a library built before")
    args = parser.parse_args()
    folder = args.folder / f"library-{args.issues}"
    result: dict = {"issues": args.issues}
    if not (args.reuse and (folder / "library.sqlite").exists()):
        started = time.perf_counter()
        result["import_pages_per_second_by_library_size"] = build(folder, args.issues)
        result["build_seconds"] = round(time.perf_counter() - started, 1)
    with Library.open(folder, with_sample=False) as library:
        result["issues_in_library"] = library.count()
        result.update(search_latency(library))
    database = folder / "library.sqlite"
    result["database_mb"] = round(database.stat().st_size / 1024 / 1024, 1)
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
