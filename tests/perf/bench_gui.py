"""Benchmark: the window on a generated library of 100,000 issues.

    python -m tests.perf.bench_gui [--issues 100000] [--folder DIR] [--reuse] [--runs 5]

Prints one JSON object (medians, and the spread of the runs: the slowest, and the
95th percentile of what was measured 20 times or more, such as the keys typed):

- ``startup_s``: from starting ``python`` to the window shown with its first rows
  painted (a fresh process each run, as a user starts ``bookstore``);
- ``keystroke_ms``: from a key typed in the search field to the list showing the new
  results (every prefix of several words typed one key at a time);
- ``scroll_s``: scrolling the whole list from the top to the end a page at a time, each
  page painted; and the time to jump to the end (Ctrl+End);
- ``peak_rss_mb``: the window process's peak memory after all of that.

Building the library takes a few minutes; --reuse keeps one built before in --folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS_TO_TYPE = ("policy", "nuclear", "sanctions", "energy", "author:nowak", "lang:pl")


PERCENTILE_RUNS = 20  # fewer values than this have no 95th percentile worth the name


def _summary(values: list[float], scale: float = 1.0, digits: int = 1) -> dict[str, float]:
    """The median and the slowest; with enough values the 95th percentile too."""
    ordered = sorted(v * scale for v in values)
    summary = {"median": round(statistics.median(ordered), digits)}
    if len(ordered) >= PERCENTILE_RUNS:
        summary["p95"] = round(ordered[int(0.95 * (len(ordered) - 1))], digits)
    return {**summary, "slowest": round(ordered[-1], digits), "runs": len(ordered)}


def _window(folder: Path, settings_file: Path):
    from bookstore.gui.app import application, open_window
    from bookstore.gui.settings import Settings

    app = application(["bookstore"])
    settings = Settings.at(settings_file)
    settings.set(_language_setting(), "en")
    window = open_window(folder, settings, app)
    window.resize(1360, 820)
    return app, window


def _language_setting():
    from bookstore.gui import settings as keys

    return keys.LANGUAGE


def _settle(app, until, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not answer in time")
        time.sleep(0.0005)


# One run of the start-up: the child prints the seconds since its own start.
_STARTUP = """
import sys, time
from pathlib import Path
from tests.perf.bench_gui import _window, _settle
app, window = _window(Path(sys.argv[1]), Path(sys.argv[2]))
_settle(app, lambda: window.isVisible() and window.model.rowCount() > 0)
window.list.viewport().repaint()  # the first rows drawn
print(time.time())
"""


def startup(folder: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as settings_folder:
            started = time.time()
            result = subprocess.run(
                [sys.executable, "-c", _STARTUP, str(folder), str(Path(settings_folder) / "s.ini")],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            shown = float(result.stdout.strip().splitlines()[-1])
            times.append(shown - started)
    return times


def keystrokes(app, window) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    latencies = []
    edit = window.search.edit
    answers = [0]  # how many times the list has answered (with rows or a problem)

    def answered(*_args: object) -> None:
        answers[0] += 1

    window.model.listing_changed.connect(answered)
    window.model.listing_failed.connect(answered)
    for word in WORDS_TO_TYPE:
        edit.clear()
        _settle(app, lambda: not window.model.busy())
        for char in word:
            before = answers[0]
            started = time.perf_counter()
            QTest.keyClick(edit, char)
            _settle(app, lambda before=before: answers[0] > before and not window.model.busy())
            window.list.viewport().repaint()
            latencies.append(time.perf_counter() - started)
    edit.clear()
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    _settle(app, lambda: not window.model.busy())
    return latencies


def scrolling(app, window) -> dict[str, float]:
    bar = window.list.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    pages, started = 0, time.perf_counter()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        window.list.viewport().repaint()
        app.processEvents()
        pages += 1
    whole = time.perf_counter() - started
    bar.setValue(0)
    app.processEvents()
    started = time.perf_counter()
    window.list.scrollToBottom()
    window.list.viewport().repaint()
    jump = time.perf_counter() - started
    return {"scroll_s": round(whole, 2), "pages": pages, "ms_per_page": round(1000 * whole / pages, 2),
            "jump_to_end_ms": round(1000 * jump, 1)}  # fmt: skip


_MEASURE = """
import json, resource, sys
from pathlib import Path
from tests.perf.bench_gui import _window, _settle, keystrokes, scrolling
app, window = _window(Path(sys.argv[1]), Path(sys.argv[2]))
_settle(app, lambda: window.model.rowCount() > 0)
typed = keystrokes(app, window)
scrolled = scrolling(app, window)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"keystrokes": typed, "scroll": scrolled, "rows": window.model.rowCount(), "peak_rss_mb": peak}))
"""


def measure(folder: Path) -> dict:
    with tempfile.TemporaryDirectory() as settings_folder:
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(folder), str(Path(settings_folder) / "s.ini")],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=100_000)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "bookstore-bench-gui"
    )
    parser.add_argument("--reuse", action="store_true", help="keep a library built before")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from tests.perf.generate import build_library

    if not args.reuse or not args.folder.exists():
        import shutil

        shutil.rmtree(args.folder, ignore_errors=True)
    started = time.perf_counter()
    build_library(args.folder, args.issues).close()
    built = time.perf_counter() - started
    measured = [measure(args.folder) for _ in range(max(1, args.runs // 2))]
    typed = [t for m in measured for t in m["keystrokes"]]
    scrolls = [m["scroll"] for m in measured]
    report = {
        "issues": measured[0]["rows"],
        "library_built_s": round(built, 1),
        "startup_s": _summary(startup(args.folder, args.runs), digits=3),
        "keystroke_ms": _summary(typed, scale=1000),
        "scroll_s": _summary([s["scroll_s"] for s in scrolls], digits=2),
        "scroll_pages": scrolls[0]["pages"],
        "ms_per_page": _summary([s["ms_per_page"] for s in scrolls], digits=2),
        "jump_to_end_ms": _summary([s["jump_to_end_ms"] for s in scrolls]),
        "peak_rss_mb": _summary([m["peak_rss_mb"] for m in measured]),
        "goals": {"startup_s": 1.5, "keystroke_ms": 100, "peak_rss_mb": 300},
        "words_typed": list(WORDS_TO_TYPE),
        "machine": f"{os.cpu_count()} cores",
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
