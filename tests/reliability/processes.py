"""Helpers for tests that run, kill and race real ``bookstore`` processes."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.generate import SERIES, IssueGenerator, page_text

SIGNALS = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def rounds(default: int) -> int:
    """How many rounds a repeated test runs: ``BOOKSTORE_FAULT_ROUNDS`` overrides the
    default that keeps CI quick (the closing stress runs used many more)."""
    return int(os.environ.get("BOOKSTORE_FAULT_ROUNDS", default))


def write_pages(folder: Path, first: int, count: int, revision: str = "") -> list[Path]:
    """``count`` publisher pages saved as text; a ``revision`` changes every lead, so
    importing it over an earlier set updates every issue and replaces its file."""
    folder.mkdir(parents=True, exist_ok=True)
    generator = IssueGenerator(SERIES, seed=first)
    paths = []
    for n in range(first, first + count):
        issue = generator.issue(n)
        if revision:
            issue = dataclasses.replace(issue, lead=f"{issue.lead} {revision}")
        path = folder / f"page-{n}.txt"
        path.write_text(page_text(issue), encoding="utf-8")
        paths.append(path)
    return paths


def start(library: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bookstore", "--library", str(library), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def run(library: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bookstore", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def stopped_cleanly(code: int, err: str, sent: signal.Signals | None) -> bool:
    """Finished, or stopped by the signal the way the command promises: no traceback;
    SIGTERM/SIGHUP/SIGINT as an exit status of 128 + the signal (or killed by it before
    the command's handlers were in place), SIGKILL as death by it."""
    if "Traceback" in err:
        return False
    if code == 0 or sent is None:
        return code == 0
    return code in (128 + sent, -sent)


def wait_until_open(process: subprocess.Popen, library: Path, timeout: float = 30) -> bool:
    """Wait until ``process`` has the library's database open (its signal handlers are
    in place by then); False if it ended first."""
    database = str(library / "library.sqlite")
    deadline = time.monotonic() + timeout
    folder = Path(f"/proc/{process.pid}/fd")
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if any(os.readlink(fd) == database for fd in folder.iterdir()):
                return True
        except OSError:
            pass  # a descriptor closed while we looked
        time.sleep(0.005)
    return False


def signal_at_random(
    process: subprocess.Popen,
    library: Path,
    sent: signal.Signals,
    randomness: random.Random,
    latest: float,
) -> signal.Signals | None:
    """Once the process has the library open, send it ``sent`` at a random moment up to
    ``latest`` seconds later; None when it ended first (or before opening)."""
    if not wait_until_open(process, library):
        return None
    try:
        process.wait(timeout=randomness.uniform(0, latest))
    except subprocess.TimeoutExpired:
        process.send_signal(sent)
        return sent
    return None
