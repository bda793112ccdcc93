"""EPUB export benchmark: ``python -m tests.perf.bench_epub [--quick]``.

Prints JSON figures:
- in-process time (median of several runs) and peak Python memory (tracemalloc) to
  export bundles of 100 and 1,000 generated issues;
- the whole ``bookstore export epub`` process on a library of 100 (and 1,000)
  generated issues: wall time (median) and peak RSS, start-up included;
- pandoc making the same book from Markdown, side by side, where pandoc is installed.

The goal: a 100-issue bundle in under 0.3 s as a whole process, and at least ten
times faster than pandoc.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from bookstore.export.covers.drawing import CoverText, render_cover, series_colour
from bookstore.export.epub.writing import export_epub
from bookstore.model import Issue

from .generate import SERIES, IssueGenerator, build_library
from .process import bookstore_command, run_process

SIZES = (100, 1000)
GOAL_PROCESS_100 = 0.3  # seconds
GOAL_PANDOC_RATIO = 10


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no pandoc at 1,000")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7

    generator = IssueGenerator(SERIES)
    issues = [generator.issue(n) for n in range(max(SIZES))]
    figures: dict[str, object] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-epub-") as scratch:
        folder = Path(scratch)
        for size in SIZES:
            chosen = issues[:size]
            output = folder / f"bundle-{size}.epub"
            seconds = _median_seconds(lambda c=chosen, o=output: export_epub(c, o), runs)
            figures[f"in_process_{size}"] = {
                "issues": size,
                "seconds_median": round(seconds, 3),
                "peak_python_mib": round(_peak_python_memory(chosen, output) / 2**20, 1),
                "epub_kib": round(output.stat().st_size / 1024),
            }
            figures[f"process_{size}"] = _process_figures(folder, size, runs)
            if shutil.which("pandoc") and not (args.quick and size > 100):
                figures[f"pandoc_{size}"] = _pandoc_figures(chosen, folder, 1 if size > 100 else 3)

    python_start = [run_process([sys.executable, "-c", "pass"])[0] for _ in range(runs)]
    figures["python_startup_seconds_median"] = round(statistics.median(python_start), 3)
    process_100 = figures["process_100"]["seconds_median"]  # type: ignore[index]
    figures["goal_process_100_under_s"] = GOAL_PROCESS_100
    figures["goal_process_100_met"] = process_100 < GOAL_PROCESS_100
    for size in SIZES:
        pandoc = figures.get(f"pandoc_{size}")
        if pandoc:
            for kind in ("process", "in_process"):
                ours = figures[f"{kind}_{size}"]["seconds_median"]  # type: ignore[index]
                ratio = pandoc["seconds_median"] / ours  # type: ignore[index]
                figures[f"pandoc_{size}_over_bookstore_{kind}"] = round(ratio, 1)
    print(json.dumps(figures, indent=2))
    return 0


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_python_memory(issues: list[Issue], output: Path) -> int:
    tracemalloc.start()
    try:
        export_epub(issues, output)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _process_figures(folder: Path, size: int, runs: int) -> dict[str, object]:
    """``bookstore export epub`` as a user runs it, on a library of ``size`` issues."""
    library = folder / f"library-{size}"
    build_library(library, size).close()
    output = folder / f"process-{size}.epub"
    command = [
        *bookstore_command(),
        "--library",
        str(library),
        "export",
        "epub",
        "--query",
        "year:1995..2100",
        "-o",
        str(output),
    ]
    run_process(command)  # warm the disk cache and compile the byte code
    times, peaks = [], []
    for _ in range(runs):
        seconds, _, peak_kib = run_process(command)
        times.append(seconds)
        peaks.append(peak_kib)
    return {
        "issues": size,
        "command": " ".join(
            Path(command[0]).name if i == 0 else part for i, part in enumerate(command[:7])
        ),
        "seconds_median": round(statistics.median(times), 3),
        "seconds_min": round(min(times), 3),
        "peak_rss_mib": round(max(peaks) / 1024, 1),
    }


def _pandoc_figures(issues: list[Issue], folder: Path, runs: int) -> dict[str, object]:
    """pandoc building the same bundle from Markdown: one file per issue, the same
    metadata in a YAML block, a table of contents to the sections, the same cover."""
    source = folder / f"pandoc-{len(issues)}"
    source.mkdir(exist_ok=True)
    cover = source / "cover.png"
    cover.write_bytes(
        render_cover(CoverText("PISM", "Bundle", f"{len(issues)} issues", ""), series_colour(None))
    )
    metadata = source / "metadata.yaml"
    authors = sorted({author for issue in issues for author in issue.authors})
    metadata.write_text(
        json.dumps(
            {
                "title": f"PISM publications ({len(issues)} issues)",
                "creator": [{"role": "author", "text": name} for name in authors],
                "lang": "en",
                "publisher": "Polish Institute of International Affairs",
                "identifier": [
                    {"scheme": "UUID", "text": "urn:uuid:00000000-0000-0000-0000-000000000000"}
                ],
                "belongs-to-collection": "PISM",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    files = []
    for number, issue in enumerate(issues):
        path = source / f"{number:05d}.md"
        path.write_text(_markdown(issue), encoding="utf-8")
        files.append(path)
    output = folder / f"pandoc-{len(issues)}.epub"
    command = [
        "pandoc",
        "--from=markdown",
        "--to=epub3",
        "--toc",
        "--toc-depth=2",
        f"--epub-cover-image={cover}",
        f"--metadata-file={metadata}",
        "-o",
        str(output),
        *map(str, files),
    ]
    times = []
    peaks = []
    for _ in range(runs):
        seconds, _, peak_kib = run_process(command)
        times.append(seconds)
        peaks.append(peak_kib)
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout
    return {
        "issues": len(issues),
        "pandoc": version.splitlines()[0],
        "seconds_median": round(statistics.median(times), 3),
        "peak_rss_mib": round(max(peaks) / 1024, 1),
        "epub_kib": round(output.stat().st_size / 1024),
    }


def _markdown(issue: Issue) -> str:
    lines = [
        f"# {issue.label}: {issue.title} {{lang={issue.language}}}",
        "",
        f"{issue.date.isoformat()} · {', '.join(issue.authors)}",
        "",
        f"**{issue.lead}**",
        "",
    ]
    for section in issue.sections:
        if section.heading:
            lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
