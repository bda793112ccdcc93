"""Print PDF benchmark: ``python -m tests.perf.bench_pdf [--quick]``.

Prints JSON figures for collections of 100 and 1,000 generated issues (A4, 3 mm
bleed, crop marks):
- in-process: time (median of several runs), pages, pages per second, peak Python
  memory (tracemalloc, in a separate run) and file size;
- the whole ``bookstore export pdf`` process on a library of that many issues: wall
  time (median and best), CPU time and peak RSS, start-up included;
- WeasyPrint making the same book from HTML (cover, contents with page numbers,
  issues on right-hand pages, running header, page X of Y, hyphenation, the same
  fonts) for the 100 issues, side by side, where its ``weasyprint`` command is on
  the PATH (``pip install weasyprint``; it is not a dependency of the project).

Goal: a 100-issue collection in under 3 s as a whole process, and at least 8 times
faster than WeasyPrint.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import reportlab
from pypdf import PdfReader

from bookstore.export.pdf.writing import PdfOptions, export_pdf
from bookstore.model import Issue
from bookstore.resource_files import resource_path

from .generate import SERIES, IssueGenerator, build_library
from .process import bookstore_command, run_process

SIZES = (100, 1000)
GOAL_PROCESS_100 = 3.0  # seconds
GOAL_WEASYPRINT_RATIO = 8
OPTIONS = PdfOptions(paper="A4", bleed_mm=3, crop_marks=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 9

    generator = IssueGenerator(SERIES)
    issues = [generator.issue(n) for n in range(max(SIZES))]
    figures: dict[str, object] = {
        "python": sys.version.split()[0],
        "reportlab": reportlab.Version,
        "cpus": os.cpu_count(),
        "rl_accel": _has_rl_accel(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as scratch:
        folder = Path(scratch)
        for size in SIZES:
            size_runs = runs if size <= 100 else 2
            figures[f"in_process_{size}"] = _in_process(issues[:size], folder, size_runs)
            figures[f"process_{size}"] = _process(folder, size, size_runs)
        figures["start_up"] = _start_up(runs)
        if shutil.which("weasyprint"):
            figures["weasyprint_100"] = _weasyprint(issues[:100], folder, 1 if args.quick else 3)
    figures["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]

    process_100 = figures["process_100"]["seconds_median"]  # type: ignore[index]
    figures["goal_process_100_under_s"] = GOAL_PROCESS_100
    figures["goal_process_100_met"] = process_100 < GOAL_PROCESS_100
    weasy = figures.get("weasyprint_100")
    if weasy:
        ratio = weasy["seconds_median"] / process_100  # type: ignore[index]
        best = weasy["seconds_min"] / figures["process_100"]["seconds_min"]  # type: ignore[index]
        figures["weasyprint_over_bookstore_100"] = round(ratio, 1)
        figures["weasyprint_over_bookstore_100_best_runs"] = round(best, 1)
        figures["goal_weasyprint_ratio"] = GOAL_WEASYPRINT_RATIO
        figures["goal_weasyprint_ratio_met"] = ratio >= GOAL_WEASYPRINT_RATIO
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


def _has_rl_accel() -> bool:
    """Whether reportlab runs with its C accelerator (``pip install "reportlab[accel]"``)."""
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


def _in_process(issues: list[Issue], folder: Path, runs: int) -> dict[str, object]:
    output = folder / f"in-process-{len(issues)}.pdf"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        export_pdf(issues, output, OPTIONS)
        times.append(time.perf_counter() - start)
    pages = len(PdfReader(output).pages)
    seconds = statistics.median(times)
    tracemalloc.start()
    try:
        export_pdf(issues, output, OPTIONS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {
        "issues": len(issues),
        "pages": pages,
        "seconds_median": round(seconds, 3),
        "seconds_min": round(min(times), 3),
        "pages_per_second": round(pages / seconds),
        "peak_python_mib": round(peak / 2**20, 1),
        "pdf_kib": round(output.stat().st_size / 1024),
    }


def _process(folder: Path, size: int, runs: int) -> dict[str, object]:
    """``bookstore export pdf`` as a user runs it, on a library of ``size`` issues."""
    library = folder / f"library-{size}"
    build_library(library, size).close()
    output = folder / f"process-{size}.pdf"
    command = [
        *bookstore_command(),
        "--library",
        str(library),
        "export",
        "pdf",
        "--query",
        "year:1995..2100",
        "--paper",
        "A4",
        "--bleed",
        "3",
        "--crop-marks",
        "-o",
        str(output),
    ]
    run_process(command)  # warm the disk cache and compile the byte code
    results = [run_process(command) for _ in range(runs)]
    shown = [Path(part).name if i == 0 else part for i, part in enumerate(command)]
    shown[shown.index(str(library))] = "LIBRARY"
    shown[shown.index(str(output))] = "print.pdf"
    return {
        "issues": size,
        "pages": len(PdfReader(output).pages),
        "command": " ".join(shown),
        "seconds_median": round(statistics.median(r[0] for r in results), 3),
        "seconds_min": round(min(r[0] for r in results), 3),
        "cpu_seconds_median": round(statistics.median(r[1] for r in results), 3),
        "peak_rss_mib": round(max(r[2] for r in results) / 1024, 1),
    }


def _start_up(runs: int) -> dict[str, float]:
    """What every ``bookstore export pdf`` process pays before any work: Python, and
    importing the command line and the PDF exporter (reportlab, pyphen, babel)."""
    bare = [sys.executable, "-c", "pass"]
    imports = [sys.executable, "-c", "import bookstore.cli.main, bookstore.export.pdf.writing"]
    return {
        "python_seconds_median": round(
            statistics.median(run_process(bare)[0] for _ in range(runs)), 3
        ),
        "imports_seconds_median": round(
            statistics.median(run_process(imports)[0] for _ in range(runs)), 3
        ),
    }


def _weasyprint(issues: list[Issue], folder: Path, runs: int) -> dict[str, object]:
    source = folder / f"weasyprint-{len(issues)}.html"
    source.write_text(_html(issues), encoding="utf-8")
    output = folder / f"weasyprint-{len(issues)}.pdf"
    command = ["weasyprint", str(source), str(output)]
    results = [run_process(command) for _ in range(runs)]
    version = subprocess.run(["weasyprint", "--version"], capture_output=True, text=True).stdout
    return {
        "issues": len(issues),
        "version": version.strip(),
        "pages": len(PdfReader(output).pages),
        "seconds_median": round(statistics.median(r[0] for r in results), 3),
        "seconds_min": round(min(r[0] for r in results), 3),
        "cpu_seconds_median": round(statistics.median(r[1] for r in results), 3),
        "peak_rss_mib": round(max(r[2] for r in results) / 1024, 1),
    }


def _html(issues: list[Issue]) -> str:
    """The same book as HTML + CSS Paged Media, for WeasyPrint."""
    fonts = "\n".join(
        f"@font-face {{ font-family: {family}; src: url({resource_path('fonts', file).as_uri()});"
        f" font-weight: {weight}; font-style: {style}; }}"
        for family, file, weight, style in [
            ("BSerif", "DejaVuSerif.ttf", "normal", "normal"),
            ("BSerif", "DejaVuSerif-Bold.ttf", "bold", "normal"),
            ("BSans", "DejaVuSans.ttf", "normal", "normal"),
            ("BSans", "DejaVuSans-Bold.ttf", "bold", "normal"),
        ]
    )
    css = """
    @page { size: A4; bleed: 3mm; marks: crop; margin: 24mm 19mm 24mm 25mm;
      @top-right { content: string(label); font: 7.8pt BSans; color: #666; }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.8pt BSans; } }
    @page :left { margin: 24mm 25mm 24mm 19mm;
      @top-right { content: none; } @bottom-right { content: none; }
      @top-left { content: string(label); font: 7.8pt BSans; color: #666; }
      @bottom-left { content: "Page " counter(page) " of " counter(pages); font: 7.8pt BSans; } }
    @page cover { margin: 0; @top-right { content: none; } @bottom-right { content: none; } }
    body { font: 10pt/14.3pt BSerif; text-align: justify; hyphens: auto; widows: 2; orphans: 2; }
    .cover { page: cover; height: 297mm; }
    .band { background: #1a3a6b; color: white; height: 48%; padding: 0 19mm 0 25mm;
      display: flex; flex-direction: column; justify-content: flex-end; }
    .band h1 { font: bold 30pt BSans; margin: 0 0 24mm; }
    nav { break-before: right; } nav h1 { font: bold 20pt BSans; }
    nav a { display: block; color: black; text-decoration: none; margin-bottom: 7pt; }
    nav a::after { content: target-counter(attr(href), page); float: right; }
    article { break-before: right; }
    .label { font: 9.5pt BSans; color: #1a3a6b; string-set: label content();
      border-bottom: 1.2pt solid #1a3a6b; }
    article h1 { font: bold 20pt/24pt BSans; hyphens: manual; text-align: left; }
    .lead { font: 10.5pt/15pt BSans; border-left: 2.2pt solid #1a3a6b; padding-left: 9pt; }
    h2 { font: bold 11pt/14pt BSans; color: #1a3a6b; break-after: avoid; hyphens: manual;
      text-align: left; }
    p { margin: 0; } p + p { text-indent: 15pt; }
    """
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PISM collection'
        f"</title><style>{fonts}{css}</style></head><body>",
        f'<section class="cover"><div class="band"><h1>PISM collection</h1></div>'
        f"<p>{len(issues)} issues</p></section>",
        "<nav><h1>Contents</h1>",
    ]
    esc = html.escape
    for number, issue in enumerate(issues):
        parts.append(f'<a href="#i{number}">{esc(issue.label)}<br>{esc(issue.title)}</a>')
    parts.append("</nav>")
    for number, issue in enumerate(issues):
        parts.append(
            f'<article id="i{number}" lang="{issue.language}"><div class="label">'
            f"{esc(issue.label)}</div><h1>{esc(issue.title)}</h1>"
            f"<div>{esc(', '.join(issue.authors))}</div><div>{issue.date.isoformat()}</div>"
            f'<p class="lead">{esc(issue.lead)}</p>'
        )
        for section in issue.sections:
            if section.heading:
                parts.append(f"<h2>{esc(section.heading)}</h2>")
            parts.extend(f"<p>{esc(text)}</p>" for text in section.paragraphs)
        parts.append("</article>")
    parts.append("</body></html>")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
