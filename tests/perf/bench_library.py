"""Benchmark: import rate, search latency, index and database size, rebuild time and
memory at 100,000 issues.

    python -m tests.perf.bench_library [--issues 100000] [--folder DIR] [--reuse]
        [--import-runs 5] [--import-only]

Prints one JSON object. Building the library takes a few minutes and measures the
import rate as the library grows (500 pages at 0, 1/4, 1/2, 3/4 and all of the
issues); --reuse keeps a library built before in --folder and measures the import
rate on it instead: --import-runs batches of 500 pages it does not hold (median, and
per CPU-second, which other processes on the machine slow less). --import-only
leaves out the search figures. Search latency is given per kind of query: median,
p95 and max of a ranked search (top 50, issues loaded, snippets made), of the ranking
alone, and, for queries matching most issues, of what the window asks for on each
keystroke (every matching id, by relevance and by date, and the count).
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
from bookstore.library.search.index import index_size
from tests.perf.generate import SERIES, IssueGenerator, page_text

PAGES_PER_CHECKPOINT = 500
# Pages imported into a reused library are numbered from here on (plus its size), so
# each run imports issues the library does not hold yet.
_REUSE_FIRST_PAGE = 300_000


def _write_pages(generator: IssueGenerator, first: int, count: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        (folder / f"page-{n}.txt").write_text(page_text(generator.issue(n)), encoding="utf-8")


def _import_rate(library: Library, generator: IssueGenerator, first: int) -> float:
    """Pages per second through the real importer (parse, save, keep the original)."""
    return _import_rates(library, generator, first)[0]


def _import_rates(library: Library, generator: IssueGenerator, first: int) -> tuple[float, float]:
    """Pages per second of wall time and of this process's CPU time."""
    with tempfile.TemporaryDirectory() as folder:
        _write_pages(generator, first, PAGES_PER_CHECKPOINT, Path(folder))
        started, cpu = time.perf_counter(), time.process_time()
        report = import_paths(library, [Path(folder)])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert report.failed == 0, report.outcomes[:3]
    assert report.count("imported") == PAGES_PER_CHECKPOINT, report.summary()
    return PAGES_PER_CHECKPOINT / elapsed, PAGES_PER_CHECKPOINT / cpu


def reused_import_rates(folder: Path, runs: int) -> dict:
    """The import rate on a library built before: ``runs`` batches of new pages."""
    generator = IssueGenerator(SERIES, seed=7)
    rates, cpu_rates = [], []
    with Library.open(folder, with_sample=False) as library:
        if library.search_index_problem is not None:
            library.rebuild_search_index()  # else imports would not update it (not timed)
        size = library.count()
        for _ in range(runs):
            rate, cpu_rate = _import_rates(library, generator, _REUSE_FIRST_PAGE + library.count())
            rates.append(rate)
            cpu_rates.append(cpu_rate)
    return {
        "issues_before": size,
        "pages_per_second_median": round(statistics.median(rates), 1),
        "pages_per_second_runs": [round(rate, 1) for rate in rates],
        "pages_per_cpu_second_median": round(statistics.median(cpu_rates), 1),
    }


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
        "words": [f"{en[0]} {en[60]}", f"{en[3]} {en[30]} {en[300]}", f"{en[120]} OR {en[200]}"],
        "prefix": [en[60][:4] + "*", en[200][:3] + "*", pl[100][:4] + "*", en[0][:2] + "*"],
        "phrase": ['"' + " ".join(phrase_words) + '"', f'"{en[0]} {en[1]}"',
                   f'"{en[0]} {en[1]} {en[0]}"', f'"{en[2]} {en[60]}"'],
        "field filter": ["series:spotlight year:2010", "lang:pl owned:yes", f"author:{sample.authors[0].split()[-1]}",
                         "year:2000..2005", "NOT lang:en"],
        "combination": [
            f"{en[60]} series:bulletin",
            f"({en[120]} OR {en[200]}) -{en[0]}",
            f"{en[5]} year:2000..2005 lang:en",
            f'{en[60][:4]}* "{en[0]} {en[1]}"',
            f"{en[0]} OR lang:ru",
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
    figures: dict = {"search_ms_by_kind": {}, "ranking_only_ms_by_kind": {}}
    for kind, queries in _queries().items():
        full, ranked = [], []
        for query in queries:
            library.search(query)  # warm the page cache once
            full += _time(lambda q=query: library.search(q, limit=50), repeat)
            ranked += _time(lambda q=query: library.search_ids(q, "relevance", 50), repeat)
        figures["search_ms_by_kind"][kind] = _summary(full)
        figures["ranking_only_ms_by_kind"][kind] = _summary(ranked)
    figures["note"] = (
        "search_ms: ranked by relevance, top 50, issues loaded and snippets made; "
        "p95 goals: 10 ms for words, prefixes and filters, 20 ms for every kind"
    )
    return figures


def whole_list_latency(library: Library, repeat: int = 7) -> dict:
    """What the window's list asks for: every matching id, and the count."""
    queries = [q for q in _queries()["common word"]] + ["lang:en", "NOT lang:pl"]
    figures: dict = {"matches": {q: library.search_count(q) for q in queries}}
    for name, call in (
        ("all_ids_by_relevance_ms", lambda q: library.search_ids(q, "relevance")),
        ("all_ids_by_date_ms", lambda q: library.search_ids(q, "date")),
        ("count_ms", library.search_count),
    ):
        times = []
        for query in queries:
            call(query)
            times += _time(lambda q=query, c=call: c(q), repeat)
        figures[name] = _summary(times)
    return figures


def _summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
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
    parser.add_argument(
        "--import-runs", type=int, default=5, help="batches of 500 pages on a reused library"
    )
    parser.add_argument("--import-only", action="store_true", help="no search figures")
    args = parser.parse_args()
    folder = args.folder / f"library-{args.issues}"
    result: dict = {"issues": args.issues}
    if not (args.reuse and (folder / "library.sqlite").exists()):
        started = time.perf_counter()
        result["import_pages_per_second_by_library_size"] = build(folder, args.issues)
        result["build_seconds"] = round(time.perf_counter() - started, 1)
    elif args.import_runs:
        result["import_on_reused_library"] = reused_import_rates(folder, args.import_runs)
    if args.import_only:
        print(json.dumps(result, indent=2))
        return
    with Library.open(folder, with_sample=False) as library:
        result["issues_in_library"] = library.count()
        result["index_problem_at_open"] = library.search_index_problem
        started = time.perf_counter()
        library.rebuild_search_index()
        result["index_rebuild_seconds"] = round(time.perf_counter() - started, 1)
        result["common_words"] = len(library.search_engine.index.common)
        result.update(search_latency(library))
        result["whole_list"] = whole_list_latency(library)
    opening = []
    for _ in range(5):
        started = time.perf_counter()
        Library.open(folder, with_sample=False).close()
        opening.append((time.perf_counter() - started) * 1000)
    result["open_library_ms"] = _summary(opening)  # the index is checked at every open
    database = folder / "library.sqlite"
    result["index_mb"] = round(index_size(folder) / 1024 / 1024, 1)
    result["database_mb"] = round(database.stat().st_size / 1024 / 1024, 1)
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
