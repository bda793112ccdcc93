"""Benchmark: the store server under a load of concurrent clients on loopback.

    python -m tests.perf.bench_store [--issues 5000] [--seconds 5] [--runs 3] [--workers 2]
                                     [--databases sqlite,postgresql]

Starts ``bookstore serve`` (``--workers`` processes) on a library of the sample
catalog plus generated issues, once per database, and prints one JSON object:
requests per second and latency (median and p95, ms) for the root feed, an
acquisition feed, a search (repeated, so cached, and distinct queries, each made
afresh), the shelf of a signed-in account (which reads the store's database) and
cached file downloads (MB/s) of a typical issue's PDF and of a long issue's PDF.
Each figure is the median of ``--runs`` runs. Run it on a machine doing nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import platform
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx

from bookstore.library.library import Library
from bookstore.model import Section
from tests.perf.generate import SERIES, IssueGenerator
from tests.perf.load import load
from tests.perf.process import bookstore_command
from tests.server.postgres_cluster import create_database, free_port, throwaway_cluster

LONG_SECTIONS = 400  # a long issue: a PDF of about 2.3 MB, to measure streaming
DISTINCT_PER_RUN = 6000  # more searches than a run can ask, none asked twice


def build_library(folder: Path, extra: int) -> tuple[int, int]:
    """The sample catalog, ``extra`` generated issues and one long issue.
    Returns (a free issue's id, the long issue's id)."""
    with Library.open(folder) as library:
        series = {entry.slug: entry for entry in library.series()}
        generator = IssueGenerator(SERIES)
        with library.transaction():
            for n in range(extra):
                issue = generator.issue(n)
                library.save(
                    dataclasses.replace(
                        issue, series=series[issue.series.slug], price=None, owned=False
                    )
                )
            long_issue = generator.issue(extra + 1)
            sections = tuple(
                Section(f"Part {n + 1}?", tuple(generator._paragraph("en", 6) for _ in range(12)))
                for n in range(LONG_SECTIONS)
            )
            saved = library.save(
                dataclasses.replace(
                    long_issue,
                    series=series["spotlight"],
                    language="en",
                    sections=sections,
                    year=1990,
                    number=1,
                    price=None,
                    owned=False,
                )
            )
        free = library.search_ids("series:spotlight year:2019", limit=1)[0]
    return free, saved.id


@contextlib.contextmanager
def running_server(library: Path, database: str, workers: int) -> Iterator[int]:
    port = free_port()
    command = [
        *bookstore_command(),
        "--library",
        str(library),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    if database:
        command += ["--database", database]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/opds", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(
                    f"the server did not start: {process.stderr.read().decode()[-2000:]}"
                )
            time.sleep(0.2)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _buyer(base: str) -> str:
    """A new account that owns three priced issues; returns its token."""
    with httpx.Client(base_url=base, timeout=60) as client:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
        client.post(
            "/api/accounts", json={"email": email, "password": "benchmark password"}
        ).raise_for_status()
        token = client.post(
            "/api/tokens", json={"email": email, "password": "benchmark password"}
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        for issue_id in (20, 21, 22):
            client.post(
                "/api/cart/items", json={"issue_id": issue_id}, headers=headers
            ).raise_for_status()
        answer = client.post(
            "/api/checkout",
            json={"card": {"number": "4242424242424242"}},
            headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
        )
        answer.raise_for_status()
    return token


def _figures(results: list, *, files: bool = False) -> dict:
    figures = {
        "requests_per_second": round(statistics.median(r.per_second for r in results), 1),
        "latency_median_ms": round(statistics.median(r.percentile(0.5) for r in results) * 1000, 2),
        "latency_p95_ms": round(statistics.median(r.percentile(0.95) for r in results) * 1000, 2),
        "errors": sum(r.errors for r in results),
        "bytes_per_response": results[0].bytes // max(1, results[0].requests),
    }
    if files:
        figures["megabytes_per_second"] = round(
            statistics.median(r.bytes / r.seconds / 1e6 for r in results), 1
        )
    return figures


def measure(port: int, free_id: int, long_id: int, seconds: float, runs: int) -> dict:
    base = f"http://127.0.0.1:{port}"
    token = _buyer(base)
    # two words of the generated text (the 300 commonest), every pair once: none asked twice
    words = list(dict.fromkeys(IssueGenerator(SERIES).words["en"]))[:300]
    distinct = [f"/opds/search?q={a}+{b}" for a in words for b in words if a < b]
    scenarios = {
        "root_feed": (["/opds"], {"Accept-Encoding": "gzip"}, 16),
        "acquisition_feed": (
            ["/opds/issues?series=bulletin&page=2"],
            {"Accept-Encoding": "gzip"},
            16,
        ),
        "search_repeated": (["/opds/search?q=energy+security"], {"Accept-Encoding": "gzip"}, 16),
        "search_distinct": (distinct, {"Accept-Encoding": "gzip"}, 16),
        "shelf_bearer": (
            ["/opds/shelf"],
            {"Accept-Encoding": "gzip", "Authorization": f"Bearer {token}"},
            16,
        ),
        "file_issue_pdf": ([f"/files/{free_id}.pdf"], {}, 8),
        "file_long_pdf": ([f"/files/{long_id}.pdf"], {}, 8),
    }
    with httpx.Client(base_url=base, timeout=300) as client:  # warm: feeds rendered, files made
        for name, (targets, headers, _) in scenarios.items():
            if name != "search_distinct":
                client.get(targets[0], headers=headers).raise_for_status()
    figures = {}
    for name, (targets, headers, concurrency) in scenarios.items():
        results = []
        for run in range(runs):
            # distinct searches: every run asks queries no earlier run asked
            chosen = (
                [f"{t}&page={run + 1}" for t in targets] if name == "search_distinct" else targets
            )
            results.append(
                load(
                    "127.0.0.1",
                    port,
                    chosen,
                    concurrency=concurrency,
                    seconds=seconds,
                    headers=headers,
                )
            )
        figures[name] = _figures(results, files=name.startswith("file"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--issues", type=int, default=5000, help="generated issues beside the sample"
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    report: dict = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
        "issues": args.issues + 27,
        "workers": args.workers,
        "seconds_per_run": args.seconds,
        "runs": args.runs,
    }
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        library = Path(folder) / "library"
        free_id, long_id = build_library(library, args.issues)
        for database in args.databases.split(","):
            with contextlib.ExitStack() as stack:
                url = ""
                if database == "postgresql":
                    cluster = stack.enter_context(throwaway_cluster())
                    url = create_database(cluster, "bench")
                port = stack.enter_context(running_server(library, url, args.workers))
                report[database] = measure(port, free_id, long_id, args.seconds, args.runs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
