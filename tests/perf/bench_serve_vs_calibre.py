"""Benchmark: ``bookstore serve`` with no flags beside calibre's content server, in one run,
both serving the same 26 sample issues, loaded by ``wrk`` (Debian) with 16 connections.

    python -m tests.perf.bench_serve_vs_calibre [--seconds 10] [--runs 3]

The two servers are measured in turn, A B A B, each with its default settings; each
target is loaded for two seconds before it is measured (both servers make and keep
pages on first use), and each figure is the median of ``--runs`` runs. Prints JSON: requests per second and p99
latency (ms) for each server's root catalog and newest-issues feed, and for the
storefront's issue page, with the ratios to calibre.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.perf.process import bookstore_command
from tests.server.postgres_cluster import free_port

# calibre's API adds the EPUBs to its own library (calibredb refuses while another
# calibre program runs on the machine).
_ADD_BOOKS = """
import sys
from calibre.ebooks.metadata.meta import get_metadata
from calibre.library import db
library, paths = sys.argv[1], sys.argv[2:]
books = []
for path in paths:
    with open(path, "rb") as book:
        books.append((get_metadata(book, "epub"), {"EPUB": path}))
db(library).new_api.add_books(books)
"""
# calibre's "Newest" feed: its navigation id is the hex of "Onewest".
CALIBRE_NEWEST = "/opds/navcatalog/" + b"Onewest".hex()


def _wait(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer")
        time.sleep(0.3)


@contextlib.contextmanager
def _running(command: list[str], url: str, env: dict[str, str] | None = None) -> Iterator[None]:
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    try:
        _wait(url, process)
        yield
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _wrk(url: str, seconds: int) -> tuple[float, float]:
    """Requests per second and p99 latency in ms, after two seconds of warming up."""
    subprocess.run(["wrk", "-t2", "-c16", "-d2s", url], capture_output=True, check=True)
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return rate, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _prepare(folder: Path) -> tuple[Path, Path]:
    library = folder / "library"
    books = folder / "books"
    export = ["export", "epub", "--query", "year:2018..2020", "--each", str(books)]
    subprocess.run(
        [*bookstore_command(), "--library", str(library), *export],
        check=True,
        capture_output=True,
    )
    calibre = folder / "calibre"
    calibre.mkdir()
    subprocess.run(
        ["calibre-debug", "-c", _ADD_BOOKS, str(calibre), *map(str, sorted(books.glob("*.epub")))],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return library, calibre


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    library, calibre = _prepare(folder)
    ours, theirs = free_port(), free_port()
    ours_url, theirs_url = f"http://127.0.0.1:{ours}", f"http://127.0.0.1:{theirs}"
    targets = {
        "bookstore root": ours_url + "/opds",
        "calibre root": theirs_url + "/opds",
        "bookstore newest": ours_url + "/opds/new",
        "calibre newest": theirs_url + CALIBRE_NEWEST,
        "bookstore issue page": ours_url + "/store/issues/1",
    }
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in targets}
    serve = [*bookstore_command(), "--library", str(library), "serve", "--port", str(ours)]
    serve.append("--no-access-log")  # calibre-server logs no requests by default either
    calibre_server = ["calibre-server", "--port", str(theirs), "--listen-on", "127.0.0.1"]
    calibre_env = {"CALIBRE_NO_SI_DANGER_DANGER": "1"}
    for _ in range(args.runs):
        with _running(serve, ours_url + "/opds"):
            for name in ("bookstore root", "bookstore newest", "bookstore issue page"):
                figures[name].append(_wrk(targets[name], args.seconds))
        with _running([*calibre_server, str(calibre)], theirs_url + "/opds", calibre_env):
            for name in ("calibre root", "calibre newest"):
                figures[name].append(_wrk(targets[name], args.seconds))
    result = {
        name: {
            "requests_per_second": round(statistics.median(r for r, _ in runs)),
            "p99_ms": round(statistics.median(p for _, p in runs), 1),
        }
        for name, runs in figures.items()
    }
    for kind in ("root", "newest"):
        mine, calibres = result[f"bookstore {kind}"], result[f"calibre {kind}"]
        mine["times_calibre"] = round(
            mine["requests_per_second"] / calibres["requests_per_second"], 1
        )
    result["cores"] = len(os.sched_getaffinity(0))
    result["runs"] = args.runs
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
