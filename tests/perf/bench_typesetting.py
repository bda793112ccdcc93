"""Typesetting time against the length of one word, and of one paragraph.

Prints JSON: in-process seconds (median of three) to export a one-issue PDF whose
first paragraph holds a word, or a run of ordinary words, of each length. Time
growing in proportion to the length is the goal (it grew with the square before).

    python3 -m tests.perf.bench_typesetting
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import tempfile
import time
from pathlib import Path

from bookstore.export.pdf.writing import export_pdf
from bookstore.library.library import Library
from bookstore.model import Issue, Section

LENGTHS = (25_000, 50_000, 100_000, 200_000)


def _issue(base: Issue, paragraph: str) -> Issue:
    return dataclasses.replace(base, sections=(Section("Heading", (paragraph,)),))


def _seconds(issue: Issue, folder: Path) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        export_pdf([issue], folder / "bench.pdf")
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        with Library.open(Path(folder) / "library") as library:
            base = library.list_issues(series="spotlight")[0]
        figures = {"word": {}, "paragraph": {}}
        for length in LENGTHS:
            word = ("abcdefghij" * (length // 10 + 1))[:length]
            words = " ".join(["alpha"] * (length // 6))
            figures["word"][length] = _seconds(_issue(base, f"A {word} b."), Path(folder))
            figures["paragraph"][length] = _seconds(_issue(base, words), Path(folder))
    print(json.dumps({"seconds_by_characters": figures}, indent=2))


if __name__ == "__main__":
    main()
