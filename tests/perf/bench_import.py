"""Benchmark: importing single-issue EPUBs, as the library grows.

    python -m tests.perf.bench_import [--sizes 1000 10000] [--books 300] [--runs 5] [--calibre]

For each library size a generated library is built, then batches of fresh EPUBs
(written by our exporter, issues the library does not hold) are imported through
``import_paths`` (read, check, save, index, keep the file); EPUBs per second are the
median of the runs. The whole ``bookstore import`` process on one batch is timed
too. ``--calibre`` adds ``calibredb add`` on the same files for comparison.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bookstore.export.epub.writing import export_epub_each
from bookstore.ingest.batch import import_paths
from bookstore.library.library import Library
from tests.perf.generate import SERIES, IssueGenerator, build_library
from tests.perf.process import bookstore_command, run_process

# Issues for the EPUBs are numbered far from the library's own, so every one is new.
_FIRST_BOOK = 100_000


def _write_books(folder: Path, first: int, count: int) -> Path:
    generator = IssueGenerator(SERIES, seed=first)
    folder.mkdir(parents=True, exist_ok=True)
    export_epub_each([generator.issue(first + n) for n in range(count)], folder)
    return folder


def _rate(library: Library, folder: Path) -> tuple[float, float]:
    """EPUBs per second of wall time, and per second of this process's CPU time
    (which other processes on the machine do not slow)."""
    count = len(list(folder.glob("*.epub")))
    started, cpu = time.perf_counter(), time.process_time()
    report = import_paths(library, [folder])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert report.failed == 0, [o.error for o in report.outcomes if o.error][:3]
    assert report.count("imported") == count, report.summary()
    return count / elapsed, count / cpu


def _calibre_rate(folder: Path) -> float | None:
    calibredb = shutil.which("calibredb")
    if calibredb is None:
        return None
    with tempfile.TemporaryDirectory() as library:
        books = sorted(str(p) for p in folder.glob("*.epub"))
        started = time.perf_counter()
        subprocess.run(
            [calibredb, "add", "--with-library", library, *books], capture_output=True, check=True
        )
        return len(books) / (time.perf_counter() - started)


def measure(size: int, books: int, runs: int, work: Path, calibre: bool) -> dict:
    library_path = work / f"library-{size}"
    shutil.rmtree(library_path, ignore_errors=True)
    build_library(library_path, size).close()
    rates, cpu_rates = [], []
    with Library.open(library_path, with_sample=False) as library:
        for run in range(runs):
            folder = _write_books(work / f"books-{size}-{run}", _FIRST_BOOK + run * books, books)
            rate, cpu_rate = _rate(library, folder)
            rates.append(rate)
            cpu_rates.append(cpu_rate)
    process_folder = _write_books(work / f"books-{size}-process", _FIRST_BOOK + 50_000, books)
    command = [*bookstore_command(), "--library", str(library_path), "import", str(process_folder)]
    seconds, _cpu, peak_kib = run_process(command)
    result = {
        "issues_before": size,
        "epubs_per_second_median": round(statistics.median(rates), 1),
        "epubs_per_second_runs": [round(rate, 1) for rate in rates],
        "epubs_per_cpu_second_median": round(statistics.median(cpu_rates), 1),
        "whole_process": {
            "epubs": books,
            "seconds": round(seconds, 2),
            "epubs_per_second": round(books / seconds, 1),
            "peak_rss_mb": round(peak_kib / 1024, 1),
        },
    }
    if calibre:
        result["calibredb_add_epubs_per_second"] = _round(_calibre_rate(process_folder))
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--books", type=int, default=300, help="EPUBs per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calibre", action="store_true", help="also time calibredb add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bookstore-bench-import-") as folder:
        work = Path(folder)
        results = [measure(size, args.books, args.runs, work, args.calibre) for size in args.sizes]
    print(json.dumps({"books_per_run": args.books, "by_library_size": results}, indent=2))


if __name__ == "__main__":
    main()
