"""Benchmark: a whole ``bookstore search`` process on the sample library, as a user runs it.

Prints JSON: median and spread of wall and CPU time over N runs, and the import time of
the command's modules (``python -X importtime``: the biggest self-contained costs), so a
start-up regression shows which import caused it. Target (docs/benchmarks.md): under 0.1 s.

    python -m tests.perf.bench_command [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tests.perf.process import bookstore_command, run_process

QUERY = "security"
_IMPORT_LINE = re.compile(r"import time:\s+\d+ \|\s+(?P<cumulative>\d+) \|\s*(?P<name>\S+)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    # As installed (pip compiles the modules): the first run writes the bytecode the
    # measured runs use. With PYTHONDONTWRITEBYTECODE set, every run would compile
    # the bookstore modules from source again (about 40 ms of CPU).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        library = str(Path(folder) / "library")
        command = [*bookstore_command(), "--library", library, "search", QUERY]
        run_process(command)  # makes the sample library and its index; warms the caches
        runs = [run_process(command) for _ in range(args.runs)]
        walls = sorted(run[0] for run in runs)
        cpus = sorted(run[1] for run in runs)
        figures = {
            "command": f"bookstore search {QUERY} (sample library, 26 issues)",
            "runs": args.runs,
            "wall_s": _summary(walls),
            "cpu_s": _summary(cpus),
            "peak_rss_mib": round(statistics.median(run[2] for run in runs) / 1024, 1),
            "imports_ms": _import_times(library),
            "goal_wall_s": 0.1,
        }
    print(json.dumps(figures, indent=2))
    return 0


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 4),
        "min": round(values[0], 4),
        "max": round(values[-1], 4),
    }


def _import_times(library: str, runs: int = 5) -> dict[str, float]:
    """Cumulative import time (best of ``runs``) of the whole command and its top costs."""
    best: dict[str, float] = {}
    for _ in range(runs):
        result = subprocess.run(
            [
                sys.executable,
                "-X",
                "importtime",
                "-m",
                "bookstore",
                "--library",
                library,
                "search",
                QUERY,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        for match in _IMPORT_LINE.finditer(result.stderr):
            name, cumulative = match["name"], int(match["cumulative"]) / 1000
            best[name] = min(best.get(name, cumulative), cumulative)
    top = sorted(best.items(), key=lambda item: -item[1])[:15]
    return {name: round(ms, 1) for name, ms in top}


if __name__ == "__main__":
    sys.exit(main())
