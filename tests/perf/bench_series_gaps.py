"""How long ``series_gaps`` (``bookstore series --missing``) takes over a generated
library: every series, every year, against its numbering. Prints JSON.

    python -m tests.perf.bench_series_gaps [--issues 100000] [--runs 9] [--folder DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bookstore.library.series_gaps import series_gaps
from tests.perf.generate import build_library


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--folder", type=Path, help="reuse the library built here")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-gaps-"))
    with build_library(folder / "library", args.issues) as library:
        seconds = []
        for _ in range(args.runs):
            started = time.perf_counter()
            found = series_gaps(library)
            seconds.append(time.perf_counter() - started)
        years = sum(len(entry.years) for entry in found)
        missing = sum(entry.missing_count for entry in found)
    print(
        json.dumps(
            {
                "issues": args.issues,
                "series": len(found),
                "years": years,
                "missing": missing,
                "runs": args.runs,
                "median_ms": round(statistics.median(seconds) * 1000, 1),
                "slowest_ms": round(max(seconds) * 1000, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
