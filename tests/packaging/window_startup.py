"""How long the window takes to appear: from starting the command until its main
window is shown on an X screen (Xvfb), which the window does once the library's first
rows are in the list. Prints JSON: each run's seconds and their median.

    python -m tests.packaging.window_startup [--runs N] [--vs 'COMMAND_B'] -- COMMAND [ARG...]

Every run opens the same library (made by a first run that is not counted, as a
user's second launch would), with settings and caches in a temporary folder. With
--vs, the two commands take turns (A B A B ...), so that a machine that slows down
or speeds up during the measurement moves both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.packaging import xvfb


def one_start(command: list[str], desktop: xvfb.Desktop, log: Path) -> float:
    started = time.monotonic()
    window = xvfb.started(command, desktop.env, log)
    try:
        desktop.wait_for_window("Bookstore", window, timeout=120)
        return time.monotonic() - started
    except AssertionError as error:
        raise AssertionError(f"{error}: {log.read_text(errors='replace')[-2000:]}") from None
    finally:
        window.terminate()
        window.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--vs", type=shlex.split, default=None, metavar="COMMAND_B")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args(argv)
    commands = [args.command] + ([args.vs] if args.vs else [])
    seconds: list[list[float]] = [[] for _ in commands]
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        for name in ("DATA", "CACHE", "CONFIG", "STATE"):
            os.environ[f"XDG_{name}_HOME"] = str(home / name.lower())
        library = ["--library", str(home / "library")]
        with xvfb.desktop(accessible=False) as desktop:
            for command in commands:
                one_start([*command, *library], desktop, home / "first.log")
            for _ in range(args.runs):
                for command, times in zip(commands, seconds, strict=True):
                    times.append(one_start([*command, *library], desktop, home / "run.log"))
    figures = [
        {
            "command": command,
            "seconds": [round(s, 3) for s in times],
            "median": round(statistics.median(times), 3),
        }
        for command, times in zip(commands, seconds, strict=True)
    ]
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
